"""Right, wrong and partly right answers to any question, for tests that drive sessions."""

from __future__ import annotations

from fsrs import Rating

from briefquiz.deck.model import (
    AnyQuestion,
    Choice,
    Cloze,
    Flashcard,
    Match,
    Multi,
    Order,
    TrueFalse,
    Typed,
)
from briefquiz.study.grading import Answer
from briefquiz.study.queue import Presentation


class Answers:
    """Right, wrong and partly right answers to any question (engine form and plain-text form)."""

    @staticmethod
    def right(question: AnyQuestion) -> Answer:
        if isinstance(question, Flashcard):
            return Rating.Good
        if isinstance(question, Choice):
            return question.answer
        if isinstance(question, Multi):
            return question.answers
        if isinstance(question, TrueFalse):
            return question.answer
        if isinstance(question, Typed):
            return question.answers[0]
        if isinstance(question, Cloze):
            return tuple(blank.answers[0] for blank in question.blanks)
        if isinstance(question, Order):
            return question.items
        if isinstance(question, Match):
            return question.pairs
        raise TypeError(question)

    @staticmethod
    def wrong(question: AnyQuestion) -> Answer:
        if isinstance(question, Flashcard):
            return Rating.Again
        if isinstance(question, Choice):
            return next(o for o in question.options if o != question.answer)
        if isinstance(question, Multi):
            return frozenset(question.options) - question.answers
        if isinstance(question, TrueFalse):
            return not question.answer
        if isinstance(question, Typed):
            return "zzzz qqqq"
        if isinstance(question, Cloze):
            return tuple("zzzz" for _ in question.blanks)
        if isinstance(question, Order):
            return tuple(reversed(question.items))
        if isinstance(question, Match):
            rights = [right for _, right in question.pairs]
            rotated = rights[1:] + rights[:1]
            return tuple((left, r) for (left, _), r in zip(question.pairs, rotated, strict=True))
        raise TypeError(question)

    @staticmethod
    def partial(question: AnyQuestion) -> Answer:
        if isinstance(question, Multi):
            return frozenset(sorted(question.answers)[:1])
        if isinstance(question, Cloze):
            first, *rest = (blank.answers[0] for blank in question.blanks)
            return (first, *("zzzz" for _ in rest))
        if isinstance(question, Order):
            items = list(question.items)
            items[-1], items[-2] = items[-2], items[-1]
            return tuple(items)
        if isinstance(question, Match):
            (l1, r1), (l2, r2), *rest = question.pairs
            return ((l1, r2), (l2, r1), *rest)
        raise TypeError(f"no partly right answer to a {question.type} question")

    @staticmethod
    def right_lines(question: AnyQuestion, shown: Presentation) -> list[str]:
        """The lines to type in plain mode for a right answer, given what is shown."""
        if isinstance(question, Flashcard):
            return ["", "3"]
        if isinstance(question, Choice):
            return [str(shown.options.index(question.answer) + 1)]
        if isinstance(question, Multi):
            return [" ".join(str(shown.options.index(a) + 1) for a in sorted(question.answers))]
        if isinstance(question, TrueFalse):
            return ["t" if question.answer else "f"]
        if isinstance(question, Typed):
            return [question.answers[0]]
        if isinstance(question, Cloze):
            return [blank.answers[0] for blank in question.blanks]
        if isinstance(question, Order):
            return [" ".join(str(shown.items.index(item) + 1) for item in question.items)]
        if isinstance(question, Match):
            letters = "abcdefghijklmnopqrstuvwxyz"
            return [" ".join(letters[shown.partners.index(r)] for _, r in question.pairs)]
        raise TypeError(question)
