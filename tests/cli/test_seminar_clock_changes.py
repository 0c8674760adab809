"""`briefquiz seminar` on the days the clocks change, read on an injected clock's zone."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from briefquiz.clock import FixedClock
from briefquiz.progress.repository import Store

DECK = "bq-test-tf"


@pytest.fixture
def deck(bq, user_deck: str) -> str:
    bq.clock = FixedClock(datetime(2027, 1, 10, 12, tzinfo=UTC), tz=ZoneInfo("Europe/Berlin"))
    return user_deck


def seminar_at(bq) -> datetime | None:
    with Store.open(bq.data / "progress.sqlite3") as store:
        return store.settings(DECK).seminar_at


def test_a_skipped_time_is_refused_and_nothing_is_saved(bq, deck: str) -> None:
    result = bq.run("seminar", deck, "2027-03-28 02:30")
    assert result.returncode == 2
    assert "2027-03-28 02:30 does not exist in Europe/Berlin" in result.stderr
    assert "the nearest times are 01:59 and 03:00" in result.stderr
    assert "Traceback" not in result.stderr
    assert seminar_at(bq) is None


def test_a_repeated_time_says_which_offset_it_took(bq, deck: str) -> None:
    result = bq.run("seminar", deck, "2027-10-31 02:30")
    assert result.returncode == 0, result.stderr
    assert "taken as the first, at UTC+02:00" in result.stdout
    assert seminar_at(bq) == datetime(2027, 10, 31, 0, 30, tzinfo=UTC)
