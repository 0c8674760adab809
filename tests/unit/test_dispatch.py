"""Every rule that depends on the question kind handles every kind.

mypy --strict rejects a `match` over `AnyQuestion` that misses a kind (see
docs/architecture.md, "Adding a question kind"); these tests prove the same at run time: each
dispatch, called with one question of every kind, gives a real result, never an error.
"""

from __future__ import annotations

import random
import typing
from typing import Any

import pytest

from answers import Answers
from briefquiz.authoring.anki_export import question_note
from briefquiz.authoring.markdown_export import question_markdown
from briefquiz.deck import builders, keys
from briefquiz.deck.coverage import question_quotes
from briefquiz.deck.model import AnyQuestion, Choice, Deck, Match, Multi, Order, QuestionType
from briefquiz.study.answer_json import answer_from_json, answer_to_json
from briefquiz.study.answer_text import describe_answer, expected_text
from briefquiz.study.grading import (
    Outcome,
    PartResult,
    grade,
)
from briefquiz.study.queue import Kind, Presentation, QueueItem, present
from briefquiz.ui.plain.input import instructions, parse_answer
from briefquiz.ui.plain.study import body_lines
from briefquiz.ui.tui.widgets.questions import answer_widget
from briefquiz.ui.tui.widgets.verdict import part_line
from briefquiz.ui.wording.kinds import kind_name


@pytest.fixture
def deck(kit: Any) -> Deck:
    """One question of every kind (the kit's mixed questions)."""
    return kit.deck("every-kind", kit.mixed())


@pytest.fixture(params=list(QuestionType), ids=str)
def question(request: pytest.FixtureRequest, deck: Deck) -> AnyQuestion:
    """The deck's question of each kind in turn."""
    return next(q for q in deck.questions if q.type is request.param)


def test_the_kinds_are_the_members_of_the_union(deck: Deck) -> None:
    members = set(typing.get_args(AnyQuestion))
    assert len(members) == len(QuestionType)
    assert {type(q) for q in deck.questions} == members  # one of each in the kit
    assert {q.type for q in deck.questions} == set(QuestionType)


def test_the_deck_file_registries_name_every_kind() -> None:
    # Reading a deck file is keyed by the kind's name (the schema is built from TYPE_KEYS).
    for registry in (keys.TYPE_KEYS, keys.TYPE_REQUIRED, builders.BUILDERS):
        assert set(registry) == set(QuestionType)


def test_grading_and_the_answer_forms_handle_every_kind(question: AnyQuestion) -> None:
    right = Answers.right(question)
    verdict = grade(question, right)
    assert verdict.outcome in (Outcome.RIGHT, Outcome.SELF_GRADED)
    assert answer_from_json(question, answer_to_json(question, right)) == right
    assert describe_answer(question, right).strip()
    assert expected_text(question).strip()


def test_coverage_finds_the_passages_of_every_kind(question: AnyQuestion) -> None:
    quotes = question_quotes(question)
    if question.type in (QuestionType.EVIDENCE, QuestionType.EXPLAIN):
        assert quotes and all(quotes)  # its own passages, not the (empty) quote
    else:
        assert quotes == ((question.quote,) if question.quote else ())


def test_the_queue_presents_every_kind(question: AnyQuestion) -> None:
    shown = present(question, random.Random(1))
    match question:
        case Choice() | Multi():
            assert sorted(shown.options) == sorted(question.options)
        case Order():
            assert sorted(shown.items) == sorted(question.items)
        case Match():
            assert sorted(shown.partners) == sorted(right for _, right in question.pairs)
        case _:
            assert shown == Presentation()  # nothing to shuffle


def test_the_exports_handle_every_kind(question: AnyQuestion, deck: Deck) -> None:
    sheet = question_markdown(1, question)
    assert sheet[0].startswith("### 1. ")
    assert len(sheet) > 2  # heading, blank line, the answer
    note = question_note(deck, question)
    assert note.fields[0]
    assert len(note.fields) == len(note.model.fields)  # the note type this kind needs


def test_plain_mode_shows_and_reads_every_kind(question: AnyQuestion) -> None:
    shown = present(question, random.Random(1))
    lines = body_lines(question, shown)
    if question.type in (QuestionType.FLASHCARD, QuestionType.TYPED):
        assert lines == []
        return
    assert lines and all(line.strip() for line in lines)
    if question.type is QuestionType.CLOZE:
        assert "[1]_____" in lines[0]
        return
    typed = Answers.right_lines(question, shown)
    assert instructions(question)
    # An explain question reads its written answer first; the last line ticks the points.
    assert grade(question, parse_answer(question, shown, typed[-1])).outcome is Outcome.RIGHT


def test_the_app_has_a_widget_a_name_and_a_part_line_for_every_kind(
    question: AnyQuestion, deck: Deck
) -> None:
    item = QueueItem(deck, question, None, Kind.NEW, present(question, random.Random(1)))
    widget = answer_widget(item)
    assert widget.item is item
    assert type(widget).__name__.lower() == f"{question.type.value}answer"
    assert kind_name(question.type)
    wrong = part_line(question, PartResult(label="A", expected="x", given="y", correct=False))
    assert wrong.startswith("✗ A")
