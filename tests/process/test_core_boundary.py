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


PROBE = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
from briefquiz.cli import build_parser
build_parser(["study", "x", "--plain"]).parse_args(["study", "x", "--plain"])
print(json.dumps(sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))))
"""


def discovered_modules() -> list[str]:
    """Every module of the package outside the Textual app (but __main__, which runs it),
    found by walking the package: a new module is checked without anyone listing it."""
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


def test_the_walk_finds_every_layer_of_the_core() -> None:
    found = discovered_modules()
    for package in ("deck", "study", "schedule", "progress", "authoring", "text", "cli"):
        assert any(name.startswith(f"briefquiz.{package}.") for name in found), package
    assert "briefquiz.ui.plain.study" in found and "briefquiz.ui.wording.marks" in found
    assert not any(name.startswith("briefquiz.ui.tui") for name in found)


@pytest.mark.slow
def test_importing_the_core_does_not_load_textual() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            PROBE,
            *discovered_modules(),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def _module_level_imports(tree: ast.Module, package: str = "") -> list[tuple[int, str]]:
    """Imports that run when the module is imported: not inside functions, nor under
    `if TYPE_CHECKING:`. Class bodies do run at import time, so they are searched.
    Relative imports are resolved against `package`, the importing module's package."""
    found: list[tuple[int, str]] = []

    def absolute(node: ast.ImportFrom) -> list[str]:
        """The module imported from, or, where that is a package of ours that is not UI
        itself (`from briefquiz.ui import tui`), each name imported from it."""
        if node.level == 0:
            module = node.module or ""
        else:
            parts = package.split(".")
            module = ".".join([*parts[: len(parts) - node.level + 1], *filter(None, [node.module])])
        if module.split(".")[0] == "briefquiz" and not _is_ui(module):
            return [module, *(f"{module}.{alias.name}" for alias in node.names)]
        return [module] if module else []

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.Import):
                found.extend((node.lineno, alias.name) for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                found.extend((node.lineno, name) for name in absolute(node))
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
        package = ".".join(path.relative_to(PACKAGE.parent).parent.parts)
        offenders += [
            f"{path.relative_to(PACKAGE.parent)}:{line}: import {module}"
            for line, module in _module_level_imports(tree, package)
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


def test_the_static_check_resolves_relative_imports() -> None:
    source = """
from ..ui.tui import app
from ..ui import tui
from . import model
from .tui.widgets import rows
"""
    modules = [m for _, m in _module_level_imports(ast.parse(source), "briefquiz.study")]
    assert [m for m in modules if _is_ui(m)] == ["briefquiz.ui.tui", "briefquiz.ui.tui"]
    assert "briefquiz.study.model" in modules and "briefquiz.study.tui.widgets" in modules
