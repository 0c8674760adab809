"""The study header keeps the question's kind (it says which keys answer) and cuts a long
deck title instead, at every width."""

from __future__ import annotations

from pathlib import Path

import pytest
from driving import study
from textual.widgets import Static
from tuikit import AppFactory, library_of, write_deck

from briefquiz.ui.tui.screens.study import header_title

LONG = "Predictions, recommendations and the questions left open"


def test_header_title_cuts_the_deck_title_first() -> None:
    assert header_title("The argument", "multiple choice", 40) == "The argument · multiple choice"
    cut = header_title(LONG, "multiple choice", 30)
    assert cut == "Predictions… · multiple choice"
    assert len(cut) <= 30
    assert header_title(LONG, "true or false · cram", 32).endswith("… · true or false · cram")
    assert header_title(LONG, "select all that apply", 26) == "select all that apply"


@pytest.mark.parametrize("size", [(60, 20), (80, 24)], ids=["60x20", "80x24"])
async def test_the_kind_stays_whole_beside_a_long_title(
    tmp_path: Path, make_app: AppFactory, size: tuple[int, int]
) -> None:
    path = write_deck(tmp_path / "decks", ("choice",), name="long")
    path.write_text(path.read_text(encoding="utf-8").replace("Varn: long", LONG), encoding="utf-8")
    async with make_app(library_of(path)).run_test(size=size) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = study(pilot)
        title = screen.query_one("#study-title", Static)
        shown = str(title.content)
        assert shown.endswith("· multiple choice")
        assert len(shown) <= title.size.width
