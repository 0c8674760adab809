"""The seminar countdown: days and hours, hours and minutes, minutes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from briefquiz.text.timefmt import countdown, short_moment

NOW = datetime(2026, 12, 1, 18, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("ahead", "shown"),
    [
        (timedelta(days=3, hours=14, minutes=59), "in 3 days 14 h"),
        (timedelta(days=1), "in 1 day"),
        (timedelta(hours=5, minutes=20), "in 5 h 20 min"),
        (timedelta(hours=2), "in 2 h"),
        (timedelta(minutes=12, seconds=30), "in 12 min"),
        (timedelta(seconds=10), "now"),
        (timedelta(hours=-3), "3 h ago"),
    ],
)
def test_countdown(ahead: timedelta, shown: str) -> None:
    assert countdown(NOW + ahead, NOW) == shown


def test_short_moment_has_no_year() -> None:
    assert short_moment(datetime(2026, 12, 3, 9, 0, tzinfo=UTC), UTC) == "Thu 3 Dec 09:00"


@pytest.mark.parametrize(
    ("ahead", "shown"),
    [
        (timedelta(days=2, hours=13, minutes=5), "2d 13h"),
        (timedelta(hours=13, minutes=20), "13h 20m"),
        (timedelta(minutes=7), "7m"),
    ],
)
def test_compact_countdown(ahead: timedelta, shown: str) -> None:
    assert countdown(NOW + ahead, NOW, compact=True) == shown
