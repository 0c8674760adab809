"""What the progress store keeps, as Python values: reviews, deck settings, import totals.

Ratings and outcomes are enums here (``fsrs.Rating``, :class:`Outcome`); they are stored
as an integer and a string. Every record checks its fields when it is made, so a bad value
never reaches the database.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, time
from enum import StrEnum
from typing import Any

import fsrs

__all__ = [
    "DeckSettings",
    "ImportSummary",
    "Outcome",
    "ReviewRecord",
    "Seminar",
    "StudySettings",
    "is_int",
    "new_review_uid",
    "require_aware",
    "require_text",
]


class Outcome(StrEnum):
    """How an answer was graded; the value is what the review log stores."""

    RIGHT = "right"
    PARTIAL = "partial"
    WRONG = "wrong"
    SELF_GRADED = "self"


def new_review_uid() -> str:
    """A fresh uid for a :class:`ReviewRecord` (uuid4 hex)."""
    return uuid.uuid4().hex


def require_aware(value: object, what: str) -> None:
    """Refuse anything but a timezone-aware datetime (``ValueError`` naming ``what``)."""
    if not isinstance(value, datetime):
        raise ValueError(f"{what} must be a datetime, got {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware (UTC), got naive {value.isoformat()}")


def require_text(value: object, what: str) -> None:
    """Refuse anything but a non-empty string (``ValueError`` naming ``what``)."""
    if not isinstance(value, str) or not value:
        raise ValueError(f"{what} must be a non-empty string, got {value!r}")


def is_int(value: object) -> bool:
    """An int that is not a bool."""
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    """One answer, as appended to the review log.

    ``rating`` and ``outcome`` may be given as their stored forms (1-4, ``"right"``...);
    they are kept as ``fsrs.Rating`` and :class:`Outcome`.
    """

    uid: str
    deck_id: str
    question_id: str
    reviewed_at: datetime
    rating: fsrs.Rating
    outcome: Outcome
    answer: Any
    duration_ms: int
    cram: bool
    replaces: str | None = None  # the uid of the review whose rating this one changes
    override: bool = False  # the learner said "I was right": it regrades `replaces` as right

    def __post_init__(self) -> None:
        require_text(self.uid, "uid")
        if self.replaces is not None:
            require_text(self.replaces, "replaces")
        require_text(self.deck_id, "deck_id")
        require_text(self.question_id, "question_id")
        require_aware(self.reviewed_at, "reviewed_at")
        if not is_int(self.rating) or not 1 <= self.rating <= 4:
            raise ValueError(f"rating must be an integer 1-4, got {self.rating!r}")
        object.__setattr__(self, "rating", fsrs.Rating(self.rating))
        try:
            object.__setattr__(self, "outcome", Outcome(self.outcome))
        except ValueError:
            raise ValueError(
                f"outcome must be one of {sorted(o.value for o in Outcome)}, got {self.outcome!r}"
            ) from None
        if not is_int(self.duration_ms) or self.duration_ms < 0:
            raise ValueError(
                f"duration_ms must be a non-negative integer, got {self.duration_ms!r}"
            )
        if not isinstance(self.cram, bool):
            raise ValueError(f"cram must be a bool, got {self.cram!r}")
        if not isinstance(self.override, bool):
            raise ValueError(f"override must be a bool, got {self.override!r}")
        if self.override and self.replaces is None:
            raise ValueError("an override must name the review it replaces")


@dataclass(frozen=True, slots=True)
class DeckSettings:
    """Per-deck scheduling settings (defaults when the user has not changed them).

    ``new_per_day`` is None until the student sets a limit; until then the pace is what the
    seminar needs, or the default without one (``schedule.settings``). ``seminar_at`` is the
    moment of the seminar that covers the deck (stored once per seminar, see :class:`Seminar`).
    """

    deck_id: str
    desired_retention: float = 0.9
    new_per_day: int | None = None
    seminar_at: datetime | None = None

    def __post_init__(self) -> None:
        require_text(self.deck_id, "deck_id")
        retention = self.desired_retention
        if (
            isinstance(retention, bool)
            or not isinstance(retention, int | float)
            or not 0 < retention < 1
        ):
            raise ValueError(f"desired_retention must be between 0 and 1, got {retention!r}")
        if self.new_per_day is not None and (not is_int(self.new_per_day) or self.new_per_day < 0):
            raise ValueError(
                f"new_per_day must be a non-negative integer, got {self.new_per_day!r}"
            )
        if self.seminar_at is not None:
            require_aware(self.seminar_at, "seminar_at")


@dataclass(frozen=True, slots=True)
class Seminar:
    """One seminar: its moment and the decks it covers (a deck is in at most one).

    ``kept`` marks a deck's own date carried over from before a seminar covered a text;
    ``announced`` whether the student has been told so.
    """

    id: int
    at: datetime
    decks: tuple[str, ...]
    kept: bool = False
    announced: bool = False

    def __post_init__(self) -> None:
        require_aware(self.at, "seminar at")
        if not self.decks:
            raise ValueError("a seminar covers at least one deck")
        for deck_id in self.decks:
            require_text(deck_id, "deck_id")


@dataclass(frozen=True, slots=True)
class StudySettings:
    """The student's own settings for every deck; None: not set (the default applies).

    ``day_starts``: when a new study day begins (local time, as Anki's "next day starts
    at"); ``seminar_target``: the recall the final pass aims for at the seminar.
    """

    day_starts: time | None = None
    seminar_target: float | None = None

    def __post_init__(self) -> None:
        if self.day_starts is not None and (
            not isinstance(self.day_starts, time) or self.day_starts.tzinfo is not None
        ):
            raise ValueError(f"day_starts must be a local time of day, got {self.day_starts!r}")
        target = self.seminar_target
        if target is not None and (
            isinstance(target, bool) or not isinstance(target, int | float) or not 0 < target < 1
        ):
            raise ValueError(f"seminar_target must be between 0 and 1, got {target!r}")


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What :meth:`Store.import_json` changed."""

    questions_added: int = 0
    cards_taken: int = 0
    cards_kept: int = 0
    reviews_added: int = 0
    reviews_skipped: int = 0
    settings_added: int = 0
    seminars_added: int = 0
    study_settings_taken: int = 0
