"""`python -m briefquiz` as a user runs it: a real process, from a new deck to its stats."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from briefquiz import __version__

pytestmark = pytest.mark.slow


def test_version_in_a_process(cli) -> None:
    result = cli.run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"briefquiz {__version__}"


def after_main(*calls: list[str]) -> tuple[str, list[str]]:
    """What a fresh interpreter printed calling main(args) for each of `calls`, and the
    command modules it had imported by then."""
    probe = (
        "import json, sys\n"
        "from briefquiz.cli import main\n"
        f"for args in {list(calls)!r}:\n"
        "    try:\n"
        "        main(args)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('briefquiz.cli.'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    *printed, modules = result.stdout.splitlines()
    return "\n".join(printed), json.loads(modules)


def test_version_and_help_import_no_command_module() -> None:
    printed, modules = after_main(["--version"], ["--help"])
    assert modules == []
    for command in ("check", "study", "seminar", "config", "new", "import", "export"):
        assert f"    {command} " in printed  # each listed with its one-line help


def test_a_command_imports_only_its_own_module() -> None:
    _, modules = after_main(["schema"])
    assert modules == ["briefquiz.cli.context", "briefquiz.cli.output", "briefquiz.cli.schema"]


def test_a_new_deck_checked_studied_and_counted(cli) -> None:
    made = cli.run("new", "notes.yaml")
    assert made.returncode == 0, made.stderr
    checked = cli.run("check", "notes.yaml")
    assert checked.returncode == 0 and "no problems" in checked.stderr, checked.stderr
    studied = cli.run("study", "notes.yaml", "--plain", "--limit", "1", input="q\n")
    assert studied.returncode == 0, studied.stderr
    assert "[1/1] " in studied.stdout
    stats = cli.run("stats", "notes.yaml", "--format", "json")
    assert stats.returncode == 0, stats.stderr
    [deck] = json.loads(stats.stdout)
    assert deck["new"] == 8
