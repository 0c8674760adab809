"""Honest counts in the app: the home title says what `a` starts, the study header counts
the re-asks, and an empty session says why."""

from __future__ import annotations

from pathlib import Path

from driving import answer, study
from textual.widgets import DataTable
from tuikit import AppFactory, library_of, write_deck

from briefquiz.progress.records import DeckSettings
from briefquiz.progress.repository import Store


async def test_the_home_title_counts_what_a_starts(
    tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    library = library_of(write_deck(tmp_path / "decks"))  # 8 questions
    app_store.save_settings(DeckSettings("varn", new_per_day=5))
    async with make_app(library).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        title = str(pilot.app.screen.query_one("#home-title").render())
        assert title.endswith("a: 5 now (0 due, 5 new of 8)")
        await pilot.press("a")
        await pilot.pause()
        assert study(pilot).session.remaining == 5
        count = str(study(pilot).query_one("#study-count").render())
        assert count == "0 done · 5 to go"
        await answer(pilot, right=False)
        await pilot.pause()
        count = str(study(pilot).query_one("#study-count").render())
        assert count == "1 done · 5 to go (1 repeat)"


async def test_the_daily_limit_is_named_when_nothing_is_due(
    tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    library = library_of(write_deck(tmp_path / "decks"))
    app_store.save_settings(DeckSettings("varn", new_per_day=0))
    async with make_app(library).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        [message] = [n.message for n in pilot.app._notifications]
        assert "Daily limit of new questions reached: 8 new left" in message
        assert "`briefquiz config varn --new-per-day N`" in message and "c crams" in message


async def test_the_deck_row_counts_due_as_the_title_does(
    tmp_path: Path, make_app: AppFactory
) -> None:
    """A question missed a moment ago comes back within minutes: the session asks it again,
    so the title counts it as due, and the deck's row says the same, not 0 until the minute
    is up."""
    library = library_of(write_deck(tmp_path / "decks", ("choice",)))
    async with make_app(library).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await answer(pilot, right=False)
        await pilot.press("escape", "y", "escape")  # the summary, then home
        await pilot.pause()
        title = str(pilot.app.screen.query_one("#home-title").render())
        assert "(1 due," in title, title
        table = pilot.app.screen.query_one("#decks", DataTable)
        due = table.columns[list(table.columns)[2]]
        assert str(due.label) == "Due"
        assert str(table.get_row_at(0)[2]) == "1"


async def test_the_chosen_decks_detail_says_how_many_new_come_today(
    tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    """Its New column says 8 while `a` starts 5 of them (the daily limit): the line under
    the list says so; with no limit short of the deck, it says nothing of it."""
    library = library_of(write_deck(tmp_path / "decks"))  # 8 questions
    app_store.save_settings(DeckSettings("varn", new_per_day=5))
    async with make_app(library).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        detail = str(pilot.app.screen.query_one("#deck-detail").render())
        assert "· 5 of its 8 new today ·" in detail
    app_store.save_settings(DeckSettings("varn", new_per_day=20))
    async with make_app(library).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "new today" not in str(pilot.app.screen.query_one("#deck-detail").render())
