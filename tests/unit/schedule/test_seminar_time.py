"""A seminar time the clocks skip is refused; one they show twice says which it took."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    wall=st.one_of(
        st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2040, 1, 1)),
        st.builds(  # the nights of the last week of March and October, where the changes are
            datetime,
            year=st.integers(1990, 2039),
            month=st.sampled_from([3, 10]),
            day=st.integers(25, 31),
            hour=st.integers(0, 4),
            minute=st.integers(0, 59),
        ),
    ),
    fold=st.sampled_from([0, 1]),
)
def test_the_system_zone_gives_zoneinfos_offsets_gaps_and_repeats_included(
    berlin: None, wall: datetime, fold: int
) -> None:
    """LOCAL asks the C library; for the zone set in TZ it must say what zoneinfo says, for
    every wall time: the ordinary ones, the hour skipped in spring and the one repeated in
    autumn (PEP 495: fold 0 the offset before the change, fold 1 after)."""
    dt = wall.replace(fold=fold)
    assert dt.replace(tzinfo=LOCAL).utcoffset() == dt.replace(tzinfo=BERLIN).utcoffset()
    instant = dt.replace(tzinfo=BERLIN).astimezone(UTC)
    mine, theirs = instant.astimezone(LOCAL), instant.astimezone(BERLIN)
    assert (mine.replace(tzinfo=None), mine.fold) == (theirs.replace(tzinfo=None), theirs.fold)
