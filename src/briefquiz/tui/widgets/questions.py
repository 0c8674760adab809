"""The widget that takes the answer to each question type, and what the type is called."""

from __future__ import annotations

from briefquiz.model import QuestionType
from briefquiz.queue import QueueItem
from briefquiz.tui.widgets.answer import AnswerWidget
from briefquiz.tui.widgets.choice import ChoiceAnswer
from briefquiz.tui.widgets.cloze import ClozeAnswer
from briefquiz.tui.widgets.flashcard import FlashcardAnswer
from briefquiz.tui.widgets.match import MatchAnswer
from briefquiz.tui.widgets.multi import MultiAnswer
from briefquiz.tui.widgets.order import OrderAnswer
from briefquiz.tui.widgets.truefalse import TrueFalseAnswer
from briefquiz.tui.widgets.typed import TypedAnswer

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
