"""Time, injected: the engine never calls `datetime.now()` itself, so tests can set the clock."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta, tzinfo
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware UTC."""
        ...

    @property
    def tz(self) -> tzinfo:
        """The user's local time zone, for what "today" means."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    @property
    def tz(self) -> tzinfo:
        local = datetime.now().astimezone().tzinfo
        return local if local is not None else UTC


class FixedClock:
    """A clock that moves only when told to."""

    def __init__(self, start: datetime, tz: tzinfo = UTC) -> None:
        if start.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._now = start.astimezone(UTC)
        self._tz = tz

    def now(self) -> datetime:
        return self._now

    @property
    def tz(self) -> tzinfo:
        return self._tz

    def advance(self, delta: timedelta) -> None:
        self._now += delta

    def set(self, when: datetime) -> None:
        self._now = when.astimezone(UTC)


def local_day(clock: Clock, at: datetime | None = None) -> tuple[datetime, datetime]:
    """The start and end (UTC) of the local calendar day containing `at` (default: now)."""
    local = (at or clock.now()).astimezone(clock.tz)
    start = datetime.combine(local.date(), time(0), tzinfo=clock.tz)
    end = datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=clock.tz)
    return start.astimezone(UTC), end.astimezone(UTC)
