"""A deck's study settings: their defaults, their bounds, and the check made when one is set.

The check is made where a person (or a file) sets a value: the command line today, the app
and an import later. Values read back from the store are never checked again, so a seminar
that has since passed, or a value an older or other tool stored, still loads.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, tzinfo

from briefquiz.progress.records import DeckSettings
from briefquiz.text.timefmt import local

# The numbers are written once, on the record the store returns for a deck never configured.
_UNSET = DeckSettings(deck_id="(unset)")
DEFAULT_RETENTION = _UNSET.desired_retention
DEFAULT_NEW_PER_DAY = _UNSET.new_per_day

MIN_RETENTION = 0.7
MAX_RETENTION = 0.99
MAX_NEW_PER_DAY = 10_000
MAX_SEMINAR_AHEAD = timedelta(days=3653)


class SettingError(ValueError):
    """A value a setting cannot take; its text is a sentence for the person who gave it."""


def checked_retention(value: float, name: str = "target recall") -> float:
    if not MIN_RETENTION <= value <= MAX_RETENTION:
        raise SettingError(f"{name} must be between {MIN_RETENTION:.2f} and {MAX_RETENTION:.2f}")
    return value


def checked_new_per_day(value: int, name: str = "new questions per day") -> int:
    if not 0 <= value <= MAX_NEW_PER_DAY:
        raise SettingError(f"{name} must be from 0 to {MAX_NEW_PER_DAY}")
    return value


def checked_seminar(when: datetime, now: datetime, tz: tzinfo) -> datetime:
    """A seminar must be ahead, and not absurdly far."""
    if when <= now:
        raise SettingError(f"{local(when, tz)} is in the past; give a future date")
    if when > now + MAX_SEMINAR_AHEAD:
        raise SettingError(f"{local(when, tz)} is more than ten years away; give a nearer date")
    return when


def with_changes(
    settings: DeckSettings,
    *,
    desired_retention: float | None = None,
    new_per_day: int | None = None,
    names: tuple[str, str] = ("target recall", "new questions per day"),
) -> DeckSettings:
    """`settings` with the values given (None: unchanged), each checked first.

    `names` are the words for the two settings in an error, as the caller's user knows them.
    """
    if desired_retention is not None:
        settings = dataclasses.replace(
            settings, desired_retention=checked_retention(desired_retention, names[0])
        )
    if new_per_day is not None:
        settings = dataclasses.replace(
            settings, new_per_day=checked_new_per_day(new_per_day, names[1])
        )
    return settings
