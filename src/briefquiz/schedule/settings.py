"""The study settings: their defaults, their bounds, and the check made when one is set.

A deck's own (target recall, new questions per day) and the student's for every deck (when
the study day starts, the recall the final pass aims for at the seminar). A value the student
has not set is None in the store: the default applies, and for new-per-day the seminar's pace.

The check is made where a person (or a file) sets a value: the command line today, the app
and an import later. Values read back from the store are never checked again, so a seminar
that has since passed, or a value an older or other tool stored, still loads.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, time, timedelta, tzinfo
from typing import Final

from briefquiz.progress.records import DeckSettings, StudySettings
from briefquiz.schedule.final_pass import SEMINAR_TARGET
from briefquiz.schedule.study_day import DAY_STARTS
from briefquiz.text.timefmt import local

DEFAULT_RETENTION: Final = DeckSettings(deck_id="(unset)").desired_retention
#: New questions a day when the student set no limit and no seminar needs another pace.
DEFAULT_NEW_PER_DAY: Final = 20
DEFAULT_DAY_STARTS: Final = DAY_STARTS
DEFAULT_SEMINAR_TARGET: Final = SEMINAR_TARGET

MIN_RETENTION = 0.7
MAX_RETENTION = 0.99
MAX_NEW_PER_DAY = 10_000
MAX_SEMINAR_AHEAD = timedelta(days=3653)
MIN_SEMINAR_TARGET = 0.8
MAX_SEMINAR_TARGET = 0.99
LATEST_DAY_START = time(12, 0)


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


def checked_seminar_target(value: float, name: str = "seminar target") -> float:
    if not MIN_SEMINAR_TARGET <= value <= MAX_SEMINAR_TARGET:
        raise SettingError(
            f"{name} must be between {MIN_SEMINAR_TARGET:.2f} and {MAX_SEMINAR_TARGET:.2f}"
        )
    return value


def checked_day_starts(text: str, name: str = "the study day's start") -> time:
    """A local time HH:MM from midnight to noon (when a late evening's study day ends)."""
    try:
        hours, minutes = text.strip().split(":")
        value = time(int(hours), int(minutes))
    except ValueError:
        raise SettingError(f"{name} must be a time HH:MM, got {text!r}") from None
    if value > LATEST_DAY_START:
        raise SettingError(f"{name} must be from 00:00 to {LATEST_DAY_START:%H:%M}")
    return value


def checked_seminar(when: datetime, now: datetime, tz: tzinfo) -> datetime:
    """A seminar must be ahead, and not absurdly far."""
    if when <= now:
        raise SettingError(f"{local(when, tz)} is in the past; give a future date")
    if when > now + MAX_SEMINAR_AHEAD:
        raise SettingError(f"{local(when, tz)} is more than ten years away; give a nearer date")
    return when


def daily_new(settings: DeckSettings) -> int:
    """New questions a day without a seminar: the student's limit, else the default."""
    return DEFAULT_NEW_PER_DAY if settings.new_per_day is None else settings.new_per_day


def day_starts(study: StudySettings) -> time:
    return DEFAULT_DAY_STARTS if study.day_starts is None else study.day_starts


def seminar_target(study: StudySettings) -> float:
    return DEFAULT_SEMINAR_TARGET if study.seminar_target is None else study.seminar_target


def with_changes(
    settings: DeckSettings,
    *,
    desired_retention: float | None = None,
    new_per_day: int | None = None,
    unset_new_per_day: bool = False,
    names: tuple[str, str] = ("target recall", "new questions per day"),
) -> DeckSettings:
    """`settings` with the values given (None: unchanged), each checked first;
    `unset_new_per_day` forgets the student's limit (the seminar's pace, or the default).

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
    if unset_new_per_day:
        settings = dataclasses.replace(settings, new_per_day=None)
    return settings
