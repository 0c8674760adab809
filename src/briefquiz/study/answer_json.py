"""An answer as JSON, for the review log, and read back from it (see `grading` for the types)."""

from __future__ import annotations

from typing import TypeAlias, assert_never

from fsrs import Rating

from briefquiz.deck.model import (
    AnyQuestion,
    Choice,
    Cloze,
    Evidence,
    Explain,
    Flashcard,
    Match,
    Multi,
    Order,
    TrueFalse,
    Typed,
)
from briefquiz.study.discussion import Explained, ParagraphPick
from briefquiz.study.grading import Answer
from briefquiz.study.shapes import (
    as_bool,
    as_explained,
    as_pairs,
    as_rating,
    as_selection,
    as_str,
    as_str_tuple,
    type_error,
)

JSONValue: TypeAlias = bool | int | float | str | list["JSONValue"] | dict[str, "JSONValue"] | None


def answer_to_json(question: AnyQuestion, answer: Answer) -> JSONValue:
    """The answer as a JSON value: an int rating, a str, a bool, or a list.

    Checks the answer's shape (types only, like `answer_from_json`) but not its content.
    """
    match question:
        case Flashcard():
            return int(as_rating(question, answer))
        case Choice() | Typed():
            return as_str(question, answer)
        case Multi():
            selected: list[JSONValue] = [*sorted(as_selection(question, answer))]
            return selected
        case TrueFalse():
            return as_bool(question, answer)
        case Cloze() | Order():
            texts: list[JSONValue] = list(as_str_tuple(question, answer))
            return texts
        case Match():
            pairs: list[JSONValue] = [[left, right] for left, right in as_pairs(question, answer)]
            return pairs
        case Evidence():
            if not isinstance(answer, ParagraphPick):
                raise type_error(question, "a ParagraphPick", answer)
            return {"paragraph": answer.ordinal, "opening": answer.opening}
        case Explain():
            explained = as_explained(question, answer)
            ticked: list[JSONValue] = [*sorted(explained.ticked)]
            return {"written": explained.written, "ticked": ticked}
        case _:
            assert_never(question)


def _json_str_list(question: AnyQuestion, value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise type_error(question, "a JSON list of strings", value)
    return value


def answer_from_json(question: AnyQuestion, value: object) -> Answer:
    """The inverse of `answer_to_json`.

    Only the shape is checked, not that options or items still exist: a logged answer stays
    readable after the deck is edited. Raises `TypeError` for a value of the wrong JSON type
    and `ValueError` for an unknown rating.
    """
    match question:
        case Flashcard():
            if not isinstance(value, int) or isinstance(value, bool):
                raise type_error(question, "a JSON integer rating", value)
            return Rating(value)
        case Choice() | Typed():
            return as_str(question, value)
        case Multi():
            items = _json_str_list(question, value)
            if len(set(items)) != len(items):
                raise ValueError(f"repeated option in a multi answer: {items!r}")
            return frozenset(items)
        case TrueFalse():
            return as_bool(question, value)
        case Cloze() | Order():
            return tuple(_json_str_list(question, value))
        case Match():
            if not isinstance(value, list):
                raise type_error(question, "a JSON list of [left, right] pairs", value)
            pairs: list[tuple[str, str]] = []
            for pair in value:
                if not isinstance(pair, list) or len(pair) != 2:
                    raise type_error(question, "a JSON list of [left, right] pairs", value)
                left, right = pair
                if not isinstance(left, str) or not isinstance(right, str):
                    raise type_error(question, "a JSON list of [left, right] pairs", value)
                pairs.append((left, right))
            return tuple(pairs)
        case Evidence():
            match value:
                case {"paragraph": int(ordinal), "opening": str(words)}:
                    return ParagraphPick(ordinal, words)
            raise type_error(question, 'a JSON {"paragraph": n, "opening": "..."}', value)
        case Explain():
            match value:
                case {"written": str(written), "ticked": list(ticked)} if all(
                    isinstance(i, int) and not isinstance(i, bool) for i in ticked
                ):
                    return Explained(written, frozenset(ticked))
            raise type_error(question, 'a JSON {"written": "...", "ticked": [n, ...]}', value)
        case _:
            assert_never(question)
