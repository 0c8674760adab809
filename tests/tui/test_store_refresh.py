"""The store watcher refreshes only the screen in view: under a session every answer changes
the store, and home's counts (a readiness forecast per deck) cost time after each answer."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest
from driving import answer, study
from tuikit import START, AppFactory, library_of, write_deck

from briefquiz.clock import FixedClock
from briefquiz.progress.records import DeckSettings
from briefquiz.progress.repository import Store
from briefquiz.ui.tui.screens.home import HomeScreen


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """One entry each time home reads its counts."""
    calls: list[str] = []
    original = HomeScreen.refresh_counts

    def counted(self: HomeScreen) -> None:
        calls.append("refresh")
        original(self)

    monkeypatch.setattr(HomeScreen, "refresh_counts", counted)
    return calls


async def test_home_under_a_session_reads_its_counts_only_when_it_shows_again(
    tmp_path: Path, make_app: AppFactory, calls: list[str]
) -> None:
    library = library_of(write_deck(tmp_path / "decks", ("choice", "truefalse")))
    app = make_app(library, watch_interval=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        before = len(calls)
        for _ in range(2):
            await answer(pilot, right=True)
            await asyncio.sleep(0.2)  # a few polls of the watcher, each after a change
            await pilot.press("enter")
            await pilot.pause()
        assert len(calls) == before  # nothing read under the session
        study(pilot)  # still studying
        await pilot.press("escape", "y", "escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)
        assert len(calls) == before + 1  # once, on showing again


async def test_home_reads_its_counts_again_only_after_a_write_or_a_minute(
    tmp_path: Path,
    make_app: AppFactory,
    app_store: Store,
    app_clock: FixedClock,
    calls: list[str],
) -> None:
    """Back from the help with nothing written: the counts stand. After a write by another
    connection (another briefquiz), or once the minute has moved on, they are read again."""
    library = library_of(write_deck(tmp_path / "decks", ("choice", "truefalse")))
    deck = library.decks[0]
    async with make_app(library).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)

        async def help_and_back() -> int:
            before = len(calls)
            await pilot.press("question_mark")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert pilot.app.screen is home
            return len(calls) - before

        assert await help_and_back() == 0
        with Store.open(app_store.path) as other:  # a second briefquiz sets a seminar
            other.save_settings(DeckSettings(deck.id, seminar_at=START + timedelta(days=4)))
        assert await help_and_back() == 1
        assert home.stats[deck.id].readiness is not None  # the new seminar is counted
        app_clock.advance(timedelta(seconds=61))
        assert await help_and_back() == 1
        assert await help_and_back() == 0
