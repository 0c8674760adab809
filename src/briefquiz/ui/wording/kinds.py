"""What each question kind is called on screen, in every front end."""

from __future__ import annotations

from typing import assert_never

from briefquiz.deck.model import QuestionType


def kind_name(kind: QuestionType) -> str:
    """`multiple choice`, `fill the gaps`: the kind as a learner reads it."""
    match kind:
        case QuestionType.FLASHCARD:
            return "flashcard"
        case QuestionType.CHOICE:
            return "multiple choice"
        case QuestionType.MULTI:
            return "select all that apply"
        case QuestionType.TRUEFALSE:
            return "true or false"
        case QuestionType.TYPED:
            return "type the answer"
        case QuestionType.CLOZE:
            return "fill the gaps"
        case QuestionType.ORDER:
            return "put in order"
        case QuestionType.MATCH:
            return "match the pairs"
        case QuestionType.EVIDENCE:
            return "find the evidence"
        case QuestionType.EXPLAIN:
            return "explain"
        case _:
            assert_never(kind)
