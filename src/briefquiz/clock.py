"""Time, injected: the engine never calls `datetime.now()` itself, so tests can set the clock."""

from __future__ import annotations

import time as _time
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware UTC."""
        ...

    @property
    def tz(self) -> tzinfo:
        """The user's local time zone, for what "today" means."""
        ...


_EPOCH_NAIVE = datetime(1970, 1, 1)


def _gmtoff(stamp: float) -> int:
    """The local UTC offset (seconds) in force at the Unix time `stamp`."""
    try:
        return _time.localtime(stamp).tm_gmtoff
    except (OverflowError, ValueError, OSError):
        return _time.localtime().tm_gmtoff


class LocalTimezone(tzinfo):
    """The system's local time zone, daylight saving time included.

    `datetime.now().astimezone().tzinfo` is a fixed offset: today's. A seminar in summer,
    set in winter, would then be an hour off. This asks the C library for the offset in
    force at each moment instead (`fold` picks the occurrence of a repeated wall time).
    """

    def _offset(self, dt: datetime | None) -> int:
        if dt is None:
            return _time.localtime().tm_gmtoff
        wall = (dt.replace(tzinfo=None, fold=0) - _EPOCH_NAIVE).total_seconds()
        before, after = _gmtoff(wall - 86_400), _gmtoff(wall + 86_400)
        if before == after:  # what every branch below gives then, in 2 calls, not 3 or 4
            return before
        valid = [o for o in sorted({before, after}, reverse=True) if _gmtoff(wall - o) == o]
        if len(valid) == 2:  # a wall time that happens twice: fold 0 is the earlier one
            return valid[dt.fold]
        if valid:
            return valid[0]
        return before if dt.fold == 0 else after  # a wall time skipped by the clocks

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return timedelta(seconds=self._offset(dt))

    def dst(self, dt: datetime | None) -> timedelta:
        offset = self._offset(dt)
        if dt is not None:
            wall = (dt.replace(tzinfo=None, fold=0) - _EPOCH_NAIVE).total_seconds()
            is_dst = _time.localtime(wall - offset).tm_isdst > 0
        else:
            is_dst = _time.localtime().tm_isdst > 0
        return timedelta(seconds=offset + _time.timezone) if is_dst else timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        if dt is None:
            return _time.localtime().tm_zone
        wall = (dt.replace(tzinfo=None, fold=0) - _EPOCH_NAIVE).total_seconds()
        return _time.localtime(wall - self._offset(dt)).tm_zone

    def fromutc(self, dt: datetime) -> datetime:
        stamp = (dt.replace(tzinfo=None) - _EPOCH_NAIVE).total_seconds()
        offset = _gmtoff(stamp)
        local = dt + timedelta(seconds=offset)
        if _gmtoff(stamp - 86_400) == offset == _gmtoff(stamp + 86_400):
            return local  # no change of offset near: the wall time happens once
        if self._offset(local) != offset:
            local = local.replace(fold=1)
        return local

    def __repr__(self) -> str:
        return "LocalTimezone()"


LOCAL = LocalTimezone()


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    @property
    def tz(self) -> tzinfo:
        return LOCAL


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
