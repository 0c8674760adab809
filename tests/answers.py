"""Right, wrong and partly right answers to any question, for tests that drive sessions."""

from __future__ import annotations

from typing import assert_never

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
from briefquiz.study.discussion import Explained, pick
from briefquiz.study.grading import Answer
from briefquiz.study.queue import Presentation


class Answers:
    """Right, wrong and partly right answers to any question (engine form and plain-text form)."""

    @staticmethod
    def right(question: AnyQuestion) -> Answer:
        match question:
            case Flashcard():
                return Rating.Good
            case Choice():
                return question.answer
            case Multi():
                return question.answers
            case TrueFalse():
                return question.answer
            case Typed():
                return question.answers[0]
            case Cloze():
                return tuple(blank.answers[0] for blank in question.blanks)
            case Order():
                return question.items
            case Match():
                return question.pairs
            case Evidence():
                return pick(question, min(question.right_ordinals))
            case Explain():
                return Explained("my answer", frozenset(range(len(question.points))))
            case _:
                assert_never(question)

    @staticmethod
    def wrong(question: AnyQuestion) -> Answer:
        match question:
            case Flashcard():
                return Rating.Again
            case Choice():
                return next(o for o in question.options if o != question.answer)
            case Multi():
                return frozenset(question.options) - question.answers
            case TrueFalse():
                return not question.answer
            case Typed():
                return "zzzz qqqq"
            case Cloze():
                return tuple("zzzz" for _ in question.blanks)
            case Order():
                return tuple(reversed(question.items))
            case Match():
                rights = [right for _, right in question.pairs]
                rotated = rights[1:] + rights[:1]
                return tuple(
                    (left, r) for (left, _), r in zip(question.pairs, rotated, strict=True)
                )
            case Evidence():
                near = {n + step for n in question.right_ordinals for step in (-1, 0, 1)}
                far = next(p for p in question.paragraphs if p.ordinal not in near)
                return pick(question, far.ordinal)
            case Explain():
                return Explained("", frozenset())
            case _:
                assert_never(question)

    @staticmethod
    def partial(question: AnyQuestion) -> Answer:
        """Partly right: at least half the parts right, not all (see grading's rule)."""
        match question:
            case Multi():
                ticked = sorted(question.answers)
                return frozenset(ticked[: (len(ticked) + 1) // 2])
            case Cloze():
                blanks = question.blanks
                keep = (len(blanks) + 1) // 2
                return tuple(
                    blank.answers[0] if n < keep else "zzzz" for n, blank in enumerate(blanks)
                )
            case Order():
                items = list(question.items)
                items[-1], items[-2] = items[-2], items[-1]
                return tuple(items)
            case Match():
                (left, _), *rest = question.pairs
                return ((left, ""), *rest)
            case Evidence():
                right = question.right_ordinals
                listed = {p.ordinal for p in question.paragraphs}
                near = next(n + s for n in sorted(right) for s in (-1, 1) if n + s in listed)
                return pick(question, near)
            case Explain():
                return Explained("half of it", frozenset({0}))
            case Flashcard() | Choice() | TrueFalse() | Typed():
                raise TypeError(f"no partly right answer to a {question.type} question")
            case _:
                assert_never(question)

    @staticmethod
    def right_lines(question: AnyQuestion, shown: Presentation) -> list[str]:
        """The lines to type in plain mode for a right answer, given what is shown."""
        match question:
            case Flashcard():
                return ["", "3"]
            case Choice():
                return [str(shown.options.index(question.answer) + 1)]
            case Multi():
                return [" ".join(str(shown.options.index(a) + 1) for a in sorted(question.answers))]
            case TrueFalse():
                return ["t" if question.answer else "f"]
            case Typed():
                return [question.answers[0]]
            case Cloze():
                return [blank.answers[0] for blank in question.blanks]
            case Order():
                return [" ".join(str(shown.items.index(item) + 1) for item in question.items)]
            case Match():
                letters = "abcdefghijklmnopqrstuvwxyz"
                return [" ".join(letters[shown.partners.index(r)] for _, r in question.pairs)]
            case Evidence():
                return [str(min(question.right_ordinals))]
            case Explain():
                return ["my answer", " ".join(str(n) for n in range(1, len(question.points) + 1))]
            case _:
                assert_never(question)
