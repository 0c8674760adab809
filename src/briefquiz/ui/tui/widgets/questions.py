"""The widget that takes the answer to each question type."""

from __future__ import annotations

from typing import assert_never

from briefquiz.deck.model import (
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
from briefquiz.study.queue import QueueItem
from briefquiz.ui.tui.widgets.answer import AnswerWidget
from briefquiz.ui.tui.widgets.choice import ChoiceAnswer
from briefquiz.ui.tui.widgets.cloze import ClozeAnswer
from briefquiz.ui.tui.widgets.evidence import EvidenceAnswer
from briefquiz.ui.tui.widgets.explain import ExplainAnswer
from briefquiz.ui.tui.widgets.flashcard import FlashcardAnswer
from briefquiz.ui.tui.widgets.match import MatchAnswer
from briefquiz.ui.tui.widgets.multi import MultiAnswer
from briefquiz.ui.tui.widgets.order import OrderAnswer
from briefquiz.ui.tui.widgets.truefalse import TrueFalseAnswer
from briefquiz.ui.tui.widgets.typed import TypedAnswer


def answer_widget(item: QueueItem) -> AnswerWidget:
    """The widget that takes the answer to the item's question."""
    question = item.question
    match question:
        case Flashcard():
            return FlashcardAnswer(item, id="answer")
        case Choice():
            return ChoiceAnswer(item, id="answer")
        case Multi():
            return MultiAnswer(item, id="answer")
        case TrueFalse():
            return TrueFalseAnswer(item, id="answer")
        case Typed():
            return TypedAnswer(item, id="answer")
        case Cloze():
            return ClozeAnswer(item, id="answer")
        case Order():
            return OrderAnswer(item, id="answer")
        case Match():
            return MatchAnswer(item, id="answer")
        case Evidence():
            return EvidenceAnswer(item, id="answer")
        case Explain():
            return ExplainAnswer(item, id="answer")
        case _:
            assert_never(question)
