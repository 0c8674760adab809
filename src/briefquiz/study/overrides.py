"""The answers students overrode ("I was right"), per question: what an author may add to a deck.

An override is a review marked `override` that replaces the graded one; every override in the
log counts, also those whose rating was changed afterwards and those made in cram.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from briefquiz.deck.model import AnyQuestion, Deck
from briefquiz.progress.records import ReviewRecord
from briefquiz.study.answer_json import answer_from_json
from briefquiz.study.answer_text import describe_answer, expected_text

__all__ = ["OverriddenAnswer", "OverriddenQuestion", "overridden_answers"]


@dataclass(frozen=True, slots=True)
class OverriddenAnswer:
    text: str
    """The answer as people read it."""
    answer: Any
    """The answer as the review log keeps it (JSON)."""
    times: int
    last: datetime


@dataclass(frozen=True, slots=True)
class OverriddenQuestion:
    question: AnyQuestion
    answers: tuple[OverriddenAnswer, ...]
    """Most often overridden first."""

    @property
    def times(self) -> int:
        return sum(answer.times for answer in self.answers)

    def to_json(self) -> dict[str, Any]:
        question = self.question
        return {
            "question": question.id,
            "type": question.type.value,
            "prompt": question.prompt,
            "expected": expected_text(question),
            "answers": [
                {
                    "answer": answer.answer,
                    "text": answer.text,
                    "times": answer.times,
                    "last": answer.last.isoformat(),
                }
                for answer in self.answers
            ],
        }


def _text(question: AnyQuestion, logged: Any) -> str:
    """The logged answer for people; as its JSON if the deck was edited so it no longer fits."""
    try:
        return describe_answer(question, answer_from_json(question, logged))
    except (TypeError, ValueError):
        return json.dumps(logged, ensure_ascii=False)


def overridden_answers(reviews: Iterable[ReviewRecord], deck: Deck) -> list[OverriddenQuestion]:
    """The deck's questions with overridden answers, in deck order (others are left out)."""
    found: dict[str, dict[str, list[ReviewRecord]]] = {}
    for review in reviews:
        if review.override and review.deck_id == deck.id:
            key = json.dumps(review.answer, ensure_ascii=False, sort_keys=True)
            found.setdefault(review.question_id, {}).setdefault(key, []).append(review)
    listed = []
    for question in deck.questions:
        by_answer = found.get(question.id)
        if not by_answer:
            continue
        answers = [
            OverriddenAnswer(
                text=_text(question, same[0].answer),
                answer=same[0].answer,
                times=len(same),
                last=max(review.reviewed_at for review in same),
            )
            for same in by_answer.values()
        ]
        answers.sort(key=lambda answer: (-answer.times, answer.text))
        listed.append(OverriddenQuestion(question, tuple(answers)))
    return listed
