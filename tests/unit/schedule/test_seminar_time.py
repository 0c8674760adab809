"""A seminar time the clocks skip is refused; one they show twice says which it took."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from briefquiz.clock import LOCAL
from briefquiz.schedule.seminar_time import parse_seminar, parse_when

LONDON = ZoneInfo("Europe/London")  # forward 01:00 -> 02:00, back 02:00 -> 01:00
BERLIN = ZoneInfo("Europe/Berlin")  # forward 02:00 -> 03:00


def test_a_time_in_the_spring_gap_is_refused_naming_the_gap_and_the_nearest_times() -> None:
    with pytest.raises(ValueError) as refused:
        parse_seminar("2027-03-28 02:30", BERLIN)
    message = str(refused.value)
    assert "2027-03-28 02:30 does not exist in Europe/Berlin" in message
    assert "from 02:00 to 03:00" in message
    assert "the nearest times are 01:59 and 03:00" in message


def test_london_skips_its_own_hour_not_berlins() -> None:
    with pytest.raises(
        ValueError, match="from 01:00 to 02:00 that day; the nearest times are 00:59 "
    ):
        parse_when("2027-03-28T01:30", LONDON)
    when, _ = parse_when("2027-03-28 02:30", LONDON)  # exists: British Summer Time
    assert when == datetime(2027, 3, 28, 1, 30, tzinfo=UTC)


def test_the_times_around_the_gap_are_accepted() -> None:
    assert parse_when("2027-03-28 01:59", BERLIN)[0] == datetime(2027, 3, 28, 0, 59, tzinfo=UTC)
    assert parse_when("2027-03-28 03:00", BERLIN)[0] == datetime(2027, 3, 28, 1, 0, tzinfo=UTC)


def test_a_repeated_autumn_time_takes_the_first_and_says_which_offset() -> None:
    parsed = parse_seminar("2027-10-31 01:30", LONDON)
    assert parsed.when == datetime(2027, 10, 31, 0, 30, tzinfo=UTC)  # 01:30 BST
    assert "happens twice in Europe/London" in parsed.note
    assert "taken as the first, at UTC+01:00" in parsed.note
    assert "2027-10-31T01:30+00:00" in parsed.note  # how to ask for the second
    second = parse_seminar("2027-10-31T01:30+00:00", LONDON)
    assert second.when == datetime(2027, 10, 31, 1, 30, tzinfo=UTC) and not second.note


def test_an_ordinary_time_has_no_note() -> None:
    parsed = parse_seminar("2027-07-01 14:00", LONDON)
    assert parsed.when == datetime(2027, 7, 1, 13, 0, tzinfo=UTC)
    assert parsed.note == "" and not parsed.assumed


@pytest.mark.usefixtures("berlin")
def test_the_system_zone_knows_the_gap_too() -> None:
    with pytest.raises(ValueError, match=r"does not exist .* from 02:00 to 03:00"):
        parse_seminar("2027-03-28 02:30", LOCAL)
    assert "taken as the first, at UTC+02:00" in parse_seminar("2027-10-31 02:30", LOCAL).note
