"""The wheel carries the bundled decks and the article, beside the code that looks for them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from paths import REPO


@pytest.mark.slow
@pytest.mark.long
def test_wheel_ships_decks_and_seeds(tmp_path: Path) -> None:
    # Built with the backend the test extras install (the one [build-system] names): an
    # isolated build would first install it into a new environment, 2 s more of the suite.
    wheel_command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    subprocess.run(
        [*wheel_command, "-q", "-w", str(tmp_path), str(REPO)], check=True, capture_output=True
    )
    (wheel,) = tmp_path.glob("briefquiz-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    decks = {p.name for p in (REPO / "decks").glob("*.yaml")}
    assert decks, "the repository has bundled decks"
    for name in decks:
        assert f"briefquiz/_bundled/decks/{name}" in names
    for seed in (REPO / "seeds").iterdir():
        assert f"briefquiz/_bundled/seeds/{seed.name}" in names
    assert "briefquiz/_bundled/decks/briefquiz-deck.schema.json" in names
    for stylesheet in (REPO / "src").rglob("*.tcss"):
        assert stylesheet.relative_to(REPO / "src").as_posix() in names
