"""The widget that takes the answer to each question type, and what the type is called."""

from __future__ import annotations

from briefquiz.deck.model import QuestionType
from briefquiz.study.queue import QueueItem
from briefquiz.ui.tui.widgets.answer import AnswerWidget
from briefquiz.ui.tui.widgets.choice import ChoiceAnswer
from briefquiz.ui.tui.widgets.cloze import ClozeAnswer
from briefquiz.ui.tui.widgets.flashcard import FlashcardAnswer
from briefquiz.ui.tui.widgets.match import MatchAnswer
from briefquiz.ui.tui.widgets.multi import MultiAnswer
from briefquiz.ui.tui.widgets.order import OrderAnswer
from briefquiz.ui.tui.widgets.truefalse import TrueFalseAnswer
from briefquiz.ui.tui.widgets.typed import TypedAnswer

WIDGETS: dict[QuestionType, type[AnswerWidget]] = {
    QuestionType.FLASHCARD: FlashcardAnswer,
    QuestionType.CHOICE: ChoiceAnswer,
    QuestionType.MULTI: MultiAnswer,
    QuestionType.TRUEFALSE: TrueFalseAnswer,
    QuestionType.TYPED: TypedAnswer,
    QuestionType.CLOZE: ClozeAnswer,
    QuestionType.ORDER: OrderAnswer,
    QuestionType.MATCH: MatchAnswer,
}

TYPE_NAMES: dict[QuestionType, str] = {
    QuestionType.FLASHCARD: "flashcard",
    QuestionType.CHOICE: "multiple choice",
    QuestionType.MULTI: "select all that apply",
    QuestionType.TRUEFALSE: "true or false",
    QuestionType.TYPED: "type the answer",
    QuestionType.CLOZE: "fill the gaps",
    QuestionType.ORDER: "put in order",
    QuestionType.MATCH: "match the pairs",
}


def answer_widget(item: QueueItem) -> AnswerWidget:
    return WIDGETS[item.question.type](item, id="answer")
