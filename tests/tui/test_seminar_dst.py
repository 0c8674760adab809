"""The seminar in the app on a clock in a zone that changes its clocks: an hour shown twice
is taken at its first occurrence, and the student is told which."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from driving import type_text
from tuikit import START, AppFactory, library_of, write_deck

from briefquiz.clock import FixedClock
from briefquiz.progress.repository import Store

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def app_clock() -> FixedClock:
    return FixedClock(START, tz=BERLIN)


async def test_an_hour_the_clocks_show_twice_is_told_which_was_taken(
    tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    library = library_of(write_deck(tmp_path / "decks"))
    async with make_app(library).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        await type_text(pilot, "2024-10-27 02:30")  # the clocks go back at 03:00 that night
        await pilot.press("enter")
        await pilot.pause()
        first = datetime(2024, 10, 27, 0, 30, tzinfo=UTC)  # 02:30 summer time, UTC+02:00
        assert app_store.settings(library.decks[0].id).seminar_at == first
        [told] = [n.message for n in pilot.app._notifications if n.message.startswith("Seminar")]
        assert "happens twice" in told and "taken as the first, at UTC+02:00" in told, told
        assert "2024-10-27T02:30+01:00" in told  # how to write the second
