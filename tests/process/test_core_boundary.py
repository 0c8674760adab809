"""The core works without the Textual UI: importing it never loads textual."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import briefquiz

PACKAGE = Path(briefquiz.__file__).parent
UI_PACKAGE = PACKAGE / "ui" / "tui"

CORE_MODULES = [
    "briefquiz.deck.model",
    "briefquiz.deck.coverage",
    "briefquiz.deck.findings",
    "briefquiz.deck.library",
    "briefquiz.deck.schema",
    "briefquiz.deck.sourcetext",
    "briefquiz.deck.validate",
    "briefquiz.deck.yamlnodes",
    "briefquiz.study.grading",
    "briefquiz.study.matching",
    "briefquiz.progress.store",
    "briefquiz.progress.migrations",
    "briefquiz.locations",
    "briefquiz.clock",
    "briefquiz.schedule.recall",
    "briefquiz.schedule.planner",
    "briefquiz.study.session",
    "briefquiz.study.queue",
    "briefquiz.schedule.readiness",
    "briefquiz.schedule.stats",
    "briefquiz.text.timefmt",
    "briefquiz.schedule.seminar_time",
    "briefquiz.ui.plain.study",
    "briefquiz.ui.plain.input",
    "briefquiz.cli",
    "briefquiz.cli.common",
    "briefquiz.cli.check",
    "briefquiz.cli.listing",
    "briefquiz.cli.study",
    "briefquiz.cli.stats",
    "briefquiz.cli.seminar",
    "briefquiz.cli.config",
    "briefquiz.cli.context",
    "briefquiz.cli.app",  # the bridge to the UI imports it only when the app starts
]

PROBE = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
from briefquiz.cli import build_parser
build_parser(["study", "x", "--plain"]).parse_args(["study", "x", "--plain"])
print(json.dumps(sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))))
"""


def discovered_modules() -> list[str]:
    """Every module of the package outside the UI (but __main__, which runs the program)."""
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if UI_PACKAGE in path.parents or path == UI_PACKAGE / "__init__.py":
            continue
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__main__":
            continue
        if parts[-1] == "__init__":
            parts.pop()
        names.append(".".join(parts))
    return names


def test_the_named_core_modules_exist() -> None:
    assert set(CORE_MODULES) <= set(discovered_modules())


@pytest.mark.slow
def test_importing_the_core_does_not_load_textual() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            PROBE,
            *CORE_MODULES,
            *(m for m in discovered_modules() if m.startswith("briefquiz.deck.")),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def _module_level_imports(tree: ast.Module) -> list[tuple[int, str]]:
    """Imports that run when the module is imported: not inside functions, nor under
    `if TYPE_CHECKING:`. Class bodies do run at import time, so they are searched."""
    found: list[tuple[int, str]] = []

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.Import):
                found.extend((node.lineno, alias.name) for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level == 0 and node.module:
                    found.append((node.lineno, node.module))
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            elif isinstance(node, ast.If):
                test = node.test
                type_checking = (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
                    isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
                )
                if not type_checking:
                    visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.ClassDef):
                visit(node.body)
            else:
                for field in ("body", "orelse", "finalbody", "handlers"):
                    children = getattr(node, field, None)
                    if isinstance(children, list):
                        visit([c for c in children if isinstance(c, ast.stmt)])
                        for handler in children:
                            if isinstance(handler, ast.ExceptHandler):
                                visit(handler.body)
                if isinstance(node, ast.Match):
                    for case in node.cases:
                        visit(case.body)

    visit(tree.body)
    return found


def _is_ui(module: str) -> bool:
    return (
        module.split(".")[0] == "textual"
        or module == "briefquiz.ui.tui"
        or (module.startswith("briefquiz.ui.tui."))
    )


def test_no_core_file_imports_textual_at_module_level() -> None:
    offenders = []
    checked = 0
    for path in sorted(PACKAGE.rglob("*.py")):
        if UI_PACKAGE in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        checked += 1
        offenders += [
            f"{path.relative_to(PACKAGE.parent)}:{line}: import {module}"
            for line, module in _module_level_imports(tree)
            if _is_ui(module)
        ]
    assert checked >= 30
    assert offenders == []


def test_the_static_check_sees_what_it_should() -> None:
    source = """
import os
import textual.app
from textual import on
from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from textual.widget import Widget
try:
    from briefquiz.ui.tui.app import create_app
except ImportError:
    import textual as fallback
class Holder:
    from textual.message import Message
def later():
    import textual.screen
"""
    modules = [module for _, module in _module_level_imports(ast.parse(source))]
    assert [m for m in modules if _is_ui(m)] == [
        "textual.app",
        "textual",
        "briefquiz.ui.tui.app",
        "textual",
        "textual.message",
    ]
