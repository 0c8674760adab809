"""README.md opens with the two commands for a fresh machine; CI runs the second verbatim."""

from __future__ import annotations

import re

from paths import REPO


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", text)


def test_readme_opens_with_install_and_test_commands() -> None:
    install, test = readme_commands()[:2]
    assert "pip install ." in install and install.endswith("briefquiz")
    assert "'.[test]'" in test and "pytest" in test


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    test_command = readme_commands()[1]
    ci_lines = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci_lines
