"""Reading the time of a seminar as a person writes it."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, tzinfo

DEFAULT_SEMINAR_TIME = time(9, 0)
FORMATS = "YYYY-MM-DD, YYYY-MM-DD HH:MM or YYYY-MM-DDTHH:MM"


def parse_when(text: str, tz: tzinfo) -> tuple[datetime, bool]:
    """The seminar time in UTC, and whether the time of day was assumed (a date alone).

    Raises ValueError with a message that says which forms are understood.
    """
    raw = text.strip()
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        pass
    else:
        try:
            return datetime.combine(day, DEFAULT_SEMINAR_TIME, tzinfo=tz).astimezone(UTC), True
        except OverflowError:
            raise ValueError(f"{text!r} is out of range; give a date in the next years") from None
    try:
        moment = datetime.fromisoformat(raw.replace(" ", "T", 1))
    except ValueError:
        raise ValueError(f"cannot read {text!r} as a date or time; use {FORMATS}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    try:
        return moment.astimezone(UTC), False
    except OverflowError:
        raise ValueError(f"{text!r} is out of range; give a date in the next few years") from None
