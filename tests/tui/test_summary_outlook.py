"""The summary's line for a deck of the session none of whose questions was studied says so,
instead of standing as a bare title."""

from __future__ import annotations

from pathlib import Path

from driving import answer
from textual.widgets import Static
from tuikit import AppFactory, library_of, write_deck

from briefquiz.ui.tui.screens.summary import SummaryScreen


async def test_a_deck_not_begun_says_so(tmp_path: Path, make_app: AppFactory) -> None:
    folder = tmp_path / "decks"
    library = library_of(write_deck(folder, ("truefalse",)), write_deck(folder, ("typed",), "gull"))
    async with make_app(library, decks=library.decks, limit=1).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        item = await answer(pilot, right=True)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SummaryScreen)
        text = "\n".join(str(s.render()) for s in pilot.app.screen.query(Static))
    other = next(d for d in library.decks if d.id != item.deck.id)
    assert f"{other.title} · none of its questions studied yet" in text
    assert f"{item.deck.title} · none of" not in text


async def test_a_paragraph_quiz_says_its_counts_are_of_its_questions(
    tmp_path: Path, make_app: AppFactory
) -> None:
    """A quiz on a paragraph asks some of a deck's questions; the summary's line for the
    deck says its counts are of those, not of the deck (home's differ)."""
    library = library_of(write_deck(tmp_path / "decks"))
    deck = library.decks[0]
    async with make_app(library).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("enter")  # the quiz on the first paragraph that has questions
        await pilot.pause()
        session = pilot.app.screen.session  # type: ignore[attr-defined]
        asked = sum(len(d.questions) for d in session.decks)
        assert 0 < asked < len(deck.questions)
        await answer(pilot, right=True)
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SummaryScreen)
        lines = [str(s.render()) for s in pilot.app.screen.query(".outlook").results(Static)]
    these = f"{asked} question{'s' if asked != 1 else ''} of this quiz"
    assert lines and lines[0].startswith(f"{deck.title} ({these})"), lines
