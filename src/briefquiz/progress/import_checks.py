"""An exported progress file checked whole against what the store can hold and read back.

Every field is checked for its type, its range, its size and its nesting before anything is
written: an integer SQLite cannot store, a time that overflows when it is turned into UTC or
scheduled from, a 5,000-deep answer, a megabyte of id. A problem is an :class:`ImportProblem`
that names the field (``cards[3].due``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from typing import Any, Final

import fsrs

from briefquiz.progress import rows
from briefquiz.progress.database import StoreError
from briefquiz.progress.records import DeckSettings, ReviewRecord, StudySettings, is_int
from briefquiz.text.control import describe_control, first_control

__all__ = ["ImportProblem", "ParsedExport", "parse_export"]

EXPORT_FORMAT: Final = "briefquiz-progress"
EXPORT_VERSION: Final = 4
"""2 adds each review's ``override`` ("I was right"); 3 the card state each review produced;
4 the seminars, each once with the decks it covers (before, each deck's ``seminar_at``), the
student's ``study`` settings, and a ``new_per_day`` of null where the student set none."""

#: Before version 4 a deck's new-per-day was always stored; this value meant "not set".
OLD_DEFAULT_NEW_PER_DAY: Final = 20

MAX_ID: Final = 256  # characters of a deck id, question id or review uid
MAX_ANSWER: Final = 100_000  # characters of an answer, as the JSON text the log keeps
MAX_NESTING: Final = 16  # an answer is a value, a list or a list of lists
MAX_STEP: Final = 1_000
MAX_DURATION_MS: Final = 2**53  # exact in a JSON number, and an SQLite integer
MAX_STABILITY: Final = 1_000_000.0  # days; fsrs itself caps intervals at 100 years
MAX_NEW_PER_DAY: Final = 2**31 - 1  # what the store holds; settings refuse more than 10,000
#: Times are kept to these years, so that scheduling a century ahead still fits a datetime.
EARLIEST: Final = datetime(1970, 1, 1, tzinfo=UTC)
LATEST: Final = datetime(9000, 1, 1, tzinfo=UTC)


class ImportProblem(StoreError):
    """A field of the file that cannot be imported; ``where`` names it (``cards[3].due``)."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"Cannot import progress data: {where}: {problem}. Nothing was imported.")
        self.where = where
        self.problem = problem


@dataclass(frozen=True, slots=True)
class ParsedExport:
    """An export checked whole, ready to merge."""

    questions: list[tuple[str, str]]
    cards: list[tuple[str, str, fsrs.Card]]
    reviews: list[tuple[ReviewRecord, str, fsrs.Card | None]]  # the record, its answer, its state
    settings: list[DeckSettings]  # their seminar_at is None: seminars are apart
    seminars: list[tuple[datetime, tuple[str, ...], bool]] = field(default_factory=list)
    study: StudySettings = field(default_factory=StudySettings)  # its moment, decks, kept


def _short(value: Any) -> str:
    if isinstance(value, str) and len(value) > 60:
        return repr(value[:57]) + "..."
    if isinstance(value, list | dict):
        return f"a {'list' if isinstance(value, list) else 'mapping'}"
    text = (
        repr(value)
        if not is_int(value) or abs(value) < 10**30
        else f"a {len(str(value))}-digit number"
    )
    return text if len(text) <= 60 else text[:57] + "..."


def _field(obj: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in obj:
        raise ImportProblem(where, f"missing {key!r}")
    return obj[key]


def _text(obj: Mapping[str, Any], key: str, where: str, optional: bool = False) -> str | None:
    value = _field(obj, key, where) if not optional else obj.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value:
        raise ImportProblem(f"{where}.{key}", f"expected a non-empty string, got {_short(value)}")
    if len(value) > MAX_ID:
        raise ImportProblem(f"{where}.{key}", f"longer than {MAX_ID} characters")
    if (at := first_control(value)) is not None:
        raise ImportProblem(
            f"{where}.{key}", f"holds the control character {describe_control(value[at])}"
        )
    return value


def _required_text(obj: Mapping[str, Any], key: str, where: str) -> str:
    value = _text(obj, key, where)
    assert value is not None
    return value


def _int(
    obj: Mapping[str, Any], key: str, where: str, top: int, optional: bool = False
) -> int | None:
    value = _field(obj, key, where)
    if value is None and optional:
        return None
    if not is_int(value) or not 0 <= value <= top:
        raise ImportProblem(
            f"{where}.{key}", f"expected an integer 0 to {top}, got {_short(value)}"
        )
    return int(value)


def _float(obj: Mapping[str, Any], key: str, where: str) -> float | None:
    value = _field(obj, key, where)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ImportProblem(
            f"{where}.{key}", f"expected a finite number or null, got {_short(value)}"
        )
    return float(value)


def _time(obj: Mapping[str, Any], key: str, where: str, optional: bool = False) -> datetime | None:
    """An ISO-8601 time with an offset, as the UTC instant the store would keep."""
    value = _field(obj, key, where)
    if value is None and optional:
        return None
    try:
        if not isinstance(value, str) or len(value) > 64:
            raise ValueError
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None or parsed.utcoffset() is None:
            raise ValueError
        instant = rows.from_us(rows.to_us(parsed))
    except (ValueError, OverflowError):
        raise ImportProblem(
            f"{where}.{key}", f"expected an ISO-8601 time with a UTC offset, got {_short(value)}"
        ) from None
    if not EARLIEST <= instant < LATEST:
        raise ImportProblem(
            f"{where}.{key}",
            f"{value} is outside the years {EARLIEST.year} to {LATEST.year - 1}",
        )
    return instant


def _depth(value: Any) -> int:
    """How deeply ``value`` nests (a scalar is 0), without recursion."""
    deepest = 0
    pending = [(value, 0)]
    while pending:
        item, depth = pending.pop()
        deepest = max(deepest, depth)
        if depth > MAX_NESTING:
            break
        if isinstance(item, list):
            pending.extend((child, depth + 1) for child in item)
        elif isinstance(item, dict):
            pending.extend((child, depth + 1) for child in item.values())
    return deepest


def _answer(item: Mapping[str, Any], where: str) -> Any:
    answer = _field(item, "answer", where)
    if _depth(answer) > MAX_NESTING:
        raise ImportProblem(f"{where}.answer", f"nested more than {MAX_NESTING} levels deep")
    return answer


def _records(data: Mapping[str, Any], key: str, optional: bool = False) -> list[Mapping[str, Any]]:
    if key not in data and optional:
        return []
    value = _field(data, key, "top level")
    if not isinstance(value, list):
        raise ImportProblem(key, f"expected a list, got {type(value).__name__}")
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            raise ImportProblem(f"{key}[{index}]", f"expected an object, got {_short(item)}")
    return value


def parse_card(item: Mapping[str, Any], where: str) -> fsrs.Card:
    """A card state fsrs can schedule from (its card_id is set when it is stored)."""
    state = _int(item, "state", where, 3)
    if state not in (1, 2, 3):
        raise ImportProblem(f"{where}.state", f"expected 1, 2 or 3, got {_short(state)}")
    step = _int(item, "step", where, MAX_STEP, optional=True)
    due = _time(item, "due", where)
    assert due is not None
    stability = _float(item, "stability", where)
    difficulty = _float(item, "difficulty", where)
    last_review = _time(item, "last_review", where, optional=True)
    if state == 2 and step is not None:
        raise ImportProblem(f"{where}.step", f"a review card has no step, got {step}")
    if state in (1, 3) and step is None:
        raise ImportProblem(f"{where}.step", "a learning card needs its step")
    if state != 1 or last_review is not None:
        # A card that has been reviewed: fsrs needs both, and in range.
        if stability is None or not 0 < stability <= MAX_STABILITY:
            raise ImportProblem(
                f"{where}.stability",
                f"expected a number above 0 up to {MAX_STABILITY:g}, got {stability}",
            )
        if difficulty is None or not 1 <= difficulty <= 10:
            raise ImportProblem(f"{where}.difficulty", f"expected 1 to 10, got {difficulty}")
    # Not Card.from_dict: it reads a stability or difficulty of 0 as None.
    return fsrs.Card(
        card_id=0,
        state=fsrs.State(state),
        step=step,
        stability=stability,
        difficulty=difficulty,
        due=due,
        last_review=last_review,
    )


def _parse_review(
    item: Mapping[str, Any], where: str, version: int
) -> tuple[ReviewRecord, str, fsrs.Card | None]:
    at = _time(item, "reviewed_at", where)
    assert at is not None
    try:
        review = ReviewRecord(
            uid=_required_text(item, "uid", where),
            deck_id=_required_text(item, "deck_id", where),
            question_id=_required_text(item, "question_id", where),
            reviewed_at=at,
            rating=_field(item, "rating", where),
            outcome=_field(item, "outcome", where),
            answer=_answer(item, where),
            duration_ms=_int(item, "duration_ms", where, MAX_DURATION_MS),  # type: ignore[arg-type]
            cram=_field(item, "cram", where),
            replaces=_text(item, "replaces", where, optional=True),
            override=_field(item, "override", where) if version >= 2 else False,
        )
        answer = rows.dump_answer(review.answer)
    except ValueError as exc:
        raise ImportProblem(where, str(exc)) from None
    if len(answer) > MAX_ANSWER:
        raise ImportProblem(f"{where}.answer", f"longer than {MAX_ANSWER:,} characters")
    state = item.get("card") if version >= 3 else None
    if state is not None and not isinstance(state, dict):
        raise ImportProblem(f"{where}.card", f"expected an object or null, got {_short(state)}")
    after = None if state is None or review.cram else parse_card(state, f"{where}.card")
    return review, answer, after


def _parse_settings(
    item: Mapping[str, Any], where: str, version: int
) -> tuple[DeckSettings, datetime | None]:
    """A deck's settings, and (before version 4) its own seminar date."""
    seminar = _time(item, "seminar_at", where, optional=True) if version < 4 else None
    new = _int(item, "new_per_day", where, MAX_NEW_PER_DAY, optional=version >= 4)
    if version < 4 and new == OLD_DEFAULT_NEW_PER_DAY:
        new = None
    try:
        settings = DeckSettings(
            deck_id=_required_text(item, "deck_id", where),
            desired_retention=_field(item, "desired_retention", where),
            new_per_day=new,
        )
    except ValueError as exc:
        raise ImportProblem(where, str(exc)) from None
    return settings, seminar


def _parse_seminar(
    item: Mapping[str, Any], where: str, taken: set[str]
) -> tuple[datetime, tuple[str, ...], bool]:
    at = _time(item, "at", where)
    assert at is not None
    decks = _field(item, "decks", where)
    if not isinstance(decks, list) or not decks:
        raise ImportProblem(f"{where}.decks", f"expected a list of deck ids, got {_short(decks)}")
    ids = tuple(
        _required_text({"deck": deck}, "deck", f"{where}.decks[{i}]")
        for i, deck in enumerate(decks)
    )
    for deck_id in ids:
        if deck_id in taken:
            raise ImportProblem(f"{where}.decks", f"deck {deck_id!r} is in two seminars")
        taken.add(deck_id)
    kept = item.get("kept", False)
    if not isinstance(kept, bool):
        raise ImportProblem(f"{where}.kept", f"expected true or false, got {_short(kept)}")
    return at, ids, kept


def _parse_study(data: Mapping[str, Any]) -> StudySettings:
    study = data.get("study")
    if study is None:
        return StudySettings()
    if not isinstance(study, dict):
        raise ImportProblem("study", f"expected an object, got {_short(study)}")
    starts = study.get("day_starts")
    day_starts: time | None = None
    if starts is not None:
        try:
            if not isinstance(starts, str) or len(starts) != 5:
                raise ValueError
            day_starts = time.fromisoformat(starts)
        except ValueError:
            raise ImportProblem(
                "study.day_starts", f"expected a time HH:MM, got {_short(starts)}"
            ) from None
    target = _float(study, "seminar_target", "study") if "seminar_target" in study else None
    try:
        return StudySettings(day_starts, target)
    except ValueError as exc:
        raise ImportProblem("study", str(exc)) from None


def parse_export(data: Any) -> ParsedExport:
    """Check an ``export_progress`` dict; :class:`ImportProblem` says what is wrong."""
    if not isinstance(data, dict):
        raise ImportProblem("top level", f"expected an object, got {type(data).__name__}")
    if data.get("format") != EXPORT_FORMAT:
        raise ImportProblem(
            "format", f"expected {EXPORT_FORMAT!r}, got {_short(data.get('format'))}"
        )
    version: Any = data.get("version")
    if is_int(version) and version > EXPORT_VERSION:
        raise StoreError(
            f"Cannot import progress data: it was written by a newer briefquiz (export version "
            f"{version}; this version reads up to {EXPORT_VERSION}). Nothing was imported."
        )
    if not is_int(version) or version < 1:
        raise ImportProblem("version", f"expected 1 to {EXPORT_VERSION}, got {_short(version)}")
    questions = [
        (
            _required_text(item, "deck_id", f"questions[{i}]"),
            _required_text(item, "question_id", f"questions[{i}]"),
        )
        for i, item in enumerate(_records(data, "questions", optional=True))
    ]
    cards = []
    for i, item in enumerate(_records(data, "cards")):
        where = f"cards[{i}]"
        card = parse_card(item, where)
        cards.append(
            (
                _required_text(item, "deck_id", where),
                _required_text(item, "question_id", where),
                card,
            )
        )
    reviews = [
        _parse_review(item, f"reviews[{i}]", version)
        for i, item in enumerate(_records(data, "reviews"))
    ]
    settings = []
    seminars: list[tuple[datetime, tuple[str, ...], bool]] = []
    taken: set[str] = set()
    for i, item in enumerate(_records(data, "settings", optional=True)):
        deck, own = _parse_settings(item, f"settings[{i}]", version)
        settings.append(deck)
        if own is not None:  # before version 4: the deck's own date, kept as it was
            seminars.append((own, (deck.deck_id,), True))
    for i, item in enumerate(_records(data, "seminars", optional=True)):
        seminars.append(_parse_seminar(item, f"seminars[{i}]", taken))
    return ParsedExport(questions, cards, reviews, settings, seminars, _parse_study(data))
