"""Answers as people read them: what the learner gave, and what was expected."""

from __future__ import annotations

from collections.abc import Iterable
from typing import assert_never

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
from briefquiz.study.discussion import ParagraphPick, opening
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

NO_ANSWER = "(no answer)"
NOTHING_SELECTED = "(nothing selected)"
UNMATCHED_TEXT = "(none)"


def _numbered(texts: Iterable[str]) -> str:
    return "  ".join(f"{number}. {text}" for number, text in enumerate(texts, 1))


def _in_option_order(options: tuple[str, ...], chosen: Iterable[str]) -> list[str]:
    wanted = set(chosen)
    return [option for option in options if option in wanted] + sorted(wanted.difference(options))


def _pairs_text(pairs: Iterable[tuple[str, str]]) -> str:
    return "; ".join(f"{left} → {right or UNMATCHED_TEXT}" for left, right in pairs)


def _blank_texts(texts: tuple[str, ...]) -> str:
    shown = [text.strip() or NO_ANSWER for text in texts]
    return shown[0] if len(shown) == 1 else _numbered(shown)


def paragraph_text(ordinal: int, words: str) -> str:
    """`paragraph 9 “Diplomacy between Russia and …”`."""
    return f"paragraph {ordinal} “{words}”"


def _ticked_text(ticked: Iterable[int]) -> str:
    numbers = [str(i + 1) for i in sorted(ticked)]
    return "points made: " + ", ".join(numbers) if numbers else "no point made"


def _yes_no(value: bool) -> str:
    return "True" if value else "False"


def describe_answer(question: AnyQuestion, answer: Answer) -> str:
    """What the learner gave, for people: "Kennan Institute", "1. A  2. B", "A → x; B → y"."""
    match question:
        case Flashcard():
            return as_rating(question, answer).name
        case Choice() | Typed():
            return as_str(question, answer).strip() or NO_ANSWER
        case Multi():
            selected = _in_option_order(question.options, as_selection(question, answer))
            return ", ".join(selected) or NOTHING_SELECTED
        case TrueFalse():
            return _yes_no(as_bool(question, answer))
        case Cloze():
            return _blank_texts(as_str_tuple(question, answer))
        case Order():
            return _numbered(as_str_tuple(question, answer))
        case Match():
            order = {left: index for index, (left, _) in enumerate(question.pairs)}
            pairs = sorted(
                as_pairs(question, answer), key=lambda pair: order.get(pair[0], len(order))
            )
            return _pairs_text(pairs)
        case Evidence():
            if not isinstance(answer, ParagraphPick):
                raise type_error(question, "a ParagraphPick", answer)
            return paragraph_text(answer.ordinal, answer.opening)
        case Explain():
            explained = as_explained(question, answer)
            written = " ".join(explained.written.split()) or "(nothing written)"
            return f"{written} · {_ticked_text(explained.ticked)}"
        case _:
            assert_never(question)


def expected_text(question: AnyQuestion) -> str:
    """The right answer, for people, in the same form as `describe_answer`.

    Typed and cloze show the first (canonical) accepted answer only.
    """
    match question:
        case Flashcard() | Choice():
            return question.answer
        case Multi():
            return ", ".join(_in_option_order(question.options, question.answers))
        case TrueFalse():
            return _yes_no(question.answer)
        case Typed():
            return question.answers[0] if question.answers else ""
        case Cloze():
            return _blank_texts(
                tuple(blank.answers[0] if blank.answers else "" for blank in question.blanks)
            )
        case Order():
            return _numbered(question.items)
        case Match():
            return _pairs_text(question.pairs)
        case Evidence():
            paragraphs = {where.paragraph.ordinal: where.paragraph for where in question.right}
            return " or ".join(
                paragraph_text(ordinal, opening(paragraph))
                for ordinal, paragraph in sorted(paragraphs.items())
            )
        case Explain():
            return _numbered(point.text for point in question.points)
        case _:
            assert_never(question)
