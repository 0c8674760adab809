"""The store watcher refreshes only the screen in view: under a session every answer changes
the store, and home's counts (a readiness forecast per deck) cost time after each answer."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from driving import answer, study
from tuikit import AppFactory, library_of, write_deck

from briefquiz.ui.tui.screens.home import HomeScreen


async def test_home_under_a_session_reads_its_counts_only_when_it_shows_again(
    tmp_path: Path, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    original = HomeScreen.refresh_counts

    def counted(self: HomeScreen) -> None:
        calls.append("refresh")
        original(self)

    monkeypatch.setattr(HomeScreen, "refresh_counts", counted)
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
