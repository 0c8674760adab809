"""Reading the time of a seminar as a person writes it.

A local time the clocks skip (the hour lost in spring) is refused, naming the gap and the
nearest times that exist; a local time the clocks show twice (the hour repeated in autumn)
is taken at its first occurrence, and the caller is told which offset that is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

DEFAULT_SEMINAR_TIME = time(9, 0)
FORMATS = "YYYY-MM-DD, YYYY-MM-DD HH:MM or YYYY-MM-DDTHH:MM"
MINUTE = timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class SeminarTime:
    when: datetime  # UTC
    assumed: bool  # a date alone: the time of day is DEFAULT_SEMINAR_TIME
    note: str = ""  # said about an ambiguous local time: which of the two was taken


def parse_when(text: str, tz: tzinfo) -> tuple[datetime, bool]:
    """The seminar time in UTC, and whether the time of day was assumed (a date alone).

    Raises ValueError with a message that says which forms are understood.
    """
    parsed = parse_seminar(text, tz)
    return parsed.when, parsed.assumed


def parse_seminar(text: str, tz: tzinfo) -> SeminarTime:
    """The seminar time, read in `tz` unless it names its own offset.

    Raises ValueError: a form not understood, a date out of range, or a local time that does
    not exist (the message names the gap and the nearest valid times).
    """
    raw = text.strip()
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        pass
    else:
        return _local(text, datetime.combine(day, DEFAULT_SEMINAR_TIME), tz, assumed=True)
    try:
        moment = datetime.fromisoformat(raw.replace(" ", "T", 1))
    except ValueError:
        raise ValueError(f"cannot read {text!r} as a date or time; use {FORMATS}") from None
    if moment.tzinfo is None:
        return _local(text, moment, tz, assumed=False)
    try:
        return SeminarTime(moment.astimezone(UTC), assumed=False)
    except OverflowError:
        raise ValueError(f"{text!r} is out of range; give a date in the next few years") from None


def _local(text: str, wall: datetime, tz: tzinfo, *, assumed: bool) -> SeminarTime:
    """`wall` (naive) as a time in `tz`, checked against the changes of the clocks."""
    try:
        first = wall.replace(tzinfo=tz, fold=0).astimezone(UTC)
        second = wall.replace(tzinfo=tz, fold=1).astimezone(UTC)
    except OverflowError:
        raise ValueError(f"{text!r} is out of range; give a date in the next few years") from None
    exists = [u for u in (first, second) if _wall(u, tz) == wall]
    if not exists:
        raise ValueError(_gap_message(wall, first, second, tz))
    when = min(exists)
    if len(set(exists)) == 1:
        return SeminarTime(when, assumed)
    later = max(exists)
    taken, other = _offset(when, tz), _offset(later, tz)
    note = (
        f"{wall:%Y-%m-%d %H:%M} happens twice in {_zone(tz, when)} (the clocks go back that day); "
        f"taken as the first, at UTC{taken}; for the second write "
        f"{wall:%Y-%m-%dT%H:%M}{other}"
    )
    return SeminarTime(when, assumed, note)


def _wall(moment: datetime, tz: tzinfo) -> datetime:
    return moment.astimezone(tz).replace(tzinfo=None, fold=0)


def _offset(moment: datetime, tz: tzinfo) -> str:
    """`+01:00`: the offset from UTC in force in `tz` at `moment`."""
    return moment.astimezone(tz).isoformat()[-6:]


def _zone(tz: tzinfo, moment: datetime) -> str:
    key = getattr(tz, "key", None)  # a zoneinfo zone's name, e.g. Europe/London
    return str(key) if key else (moment.astimezone(tz).tzname() or "your time zone")


def _gap_message(wall: datetime, first: datetime, second: datetime, tz: tzinfo) -> str:
    """Say that `wall` is skipped, from when to when, and the nearest times that exist.

    `first` and `second` are `wall` read with the offset before and after the change; the
    change itself happened between them, found here by halving to the minute.
    """
    low, high = sorted((first, second))  # the offset before the change holds at low
    before = low.astimezone(tz).utcoffset()
    while high - low > MINUTE:
        middle = low + (high - low) / 2
        if middle.astimezone(tz).utcoffset() == before:
            low = middle
        else:
            high = middle
    change = high.replace(second=0, microsecond=0)
    last_valid = _wall(change - MINUTE, tz)
    first_valid = _wall(change, tz)
    return (
        f"{wall:%Y-%m-%d %H:%M} does not exist in {_zone(tz, change)}: the clocks go forward "
        f"from {last_valid + MINUTE:%H:%M} to {first_valid:%H:%M} that day; the nearest "
        f"times are {last_valid:%H:%M} and {first_valid:%H:%M}"
    )
