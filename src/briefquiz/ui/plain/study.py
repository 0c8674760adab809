"""The plain, line-based study mode: works over a pipe, in a script, with a screen reader.

Every answer is saved by the session before its feedback is printed; the line that says so
is flushed at once, so what was acknowledged on screen is on disk.
"""

from __future__ import annotations

import re
import sys
import textwrap
import time
from collections.abc import Callable
from typing import TextIO, assert_never

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
from briefquiz.study.answer_text import describe_answer, expected_text
from briefquiz.study.discussion import Explained, opening
from briefquiz.study.grading import Outcome
from briefquiz.study.queue import Presentation, QueueItem
from briefquiz.study.reports import Feedback, Summary
from briefquiz.study.session import Session
from briefquiz.text.timefmt import relative
from briefquiz.ui.plain.input import LETTERS, InputProblem, instructions, parse_answer
from briefquiz.ui.wording.cloze import gapped_text
from briefquiz.ui.wording.kinds import kind_name
from briefquiz.ui.wording.marks import (
    OVERRIDE_HINT,
    OVERRIDE_KEY,
    RATING_NAMES,
    accepted_note,
    graded_mark,
    overridden_mark,
    rating_keys,
)
from briefquiz.ui.wording.totals import (
    CLOCK_SLACK,
    clock_behind_line,
    next_due_line,
    next_review,
    readiness_change,
    session_totals,
)

WIDTH = 78
#: A leading label that wrapped lines hang under: `1. `, `b) `, `Answer: `, `You said: `.
HANGING = re.compile(r"(?:\d+\. |[a-z]\) |(?:Answer|You said): )")


class _Stop(Exception):
    """End of input, or the learner typed q."""


def body_lines(q: AnyQuestion, shown: Presentation) -> list[str]:
    """What follows the prompt: the gapped text, or the numbered options, items or pairs."""
    match q:
        case Cloze():
            return [gapped_text(q)]
        case Choice() | Multi():
            return [f"{n}. {option}" for n, option in enumerate(shown.options, 1)]
        case TrueFalse():
            return ["1. True", "2. False"]
        case Order():
            return [f"{n}. {entry}" for n, entry in enumerate(shown.items, 1)]
        case Match():
            return [f"{n}. {left}" for n, (left, _) in enumerate(q.pairs, 1)] + [
                f"{letter}) {partner}"
                for letter, partner in zip(LETTERS, shown.partners, strict=False)
            ]
        case Evidence():
            return [q.ask] + [f"{p.ordinal}. {opening(p)}" for p in q.paragraphs]
        case Explain():
            return ["Write your answer (or think it through); the key points follow."]
        case Flashcard() | Typed():
            return []
        case _:
            assert_never(q)


class PlainStudy:
    def __init__(
        self,
        session: Session,
        stdin: TextIO = sys.stdin,
        stdout: TextIO = sys.stdout,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.session = session
        self.stdin = stdin
        self.stdout = stdout
        self.monotonic = monotonic
        self._interactive = stdin.isatty()

    # -- output ------------------------------------------------------------------------
    def say(self, text: str = "", indent: str = "") -> None:
        """`text` wrapped at WIDTH; a wrapped line lines up under the text after a leading
        `1. `, `a) `, `Answer: ` or `→ `, not under the number or the label."""
        if not text:
            self.stdout.write("\n")
        for paragraph in text.splitlines() or ([""] if text else []):
            label = HANGING.match(paragraph)
            hang = " " * (len(indent) + (label.end() if label else 0))
            wrapped = (
                textwrap.fill(paragraph, WIDTH, initial_indent=indent, subsequent_indent=hang)
                if paragraph
                else ""
            )
            self.stdout.write(wrapped + "\n")
        self.stdout.flush()

    def ask(self, prompt: str) -> str:
        self.stdout.write(prompt)
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            self.stdout.write("\n")
            raise _Stop
        if not self._interactive:
            self.stdout.write(line if line.endswith("\n") else line + "\n")  # a transcript
        if line.strip().lower() in ("q", "quit", ":q"):
            raise _Stop
        return line.rstrip("\n")

    # -- the loop ----------------------------------------------------------------------
    def run(self) -> Summary:
        session = self.session
        if session.current is None:
            self.say("Nothing is due right now." if not session.cram else "No questions.")
        interrupted = False
        left = 0
        try:
            while session.current is not None:
                self.question(session.current)
                session.advance()
        except _Stop:  # q, or the end of the input: what was not asked waits, as in the app
            left = session.remaining
            session.stop()
        except KeyboardInterrupt:  # ctrl+c: every answer is saved; say how it went, then exit
            interrupted = True
            self.stdout.write("\n")
            session.stop()
        summary = session.summary()
        headline = "Session done"
        if interrupted:
            headline = "Stopped, every answer saved"
        elif left:
            headline = f"Session stopped · {left} left for later"
        self.print_summary(summary, headline)
        if interrupted:
            raise KeyboardInterrupt
        return summary

    def question(self, item: QueueItem) -> None:
        session = self.session
        q = item.question
        number = session.done + 1
        total = session.done + session.remaining
        self.say()
        self.say(f"[{number}/{total}] {item.deck.title} · {kind_name(q.type)}")
        self.say(q.prompt)
        for line in body_lines(q, item.presentation):
            self.say(line, indent="  ")
        started = self.monotonic()
        answer = self.read_answer(item)
        elapsed = int((self.monotonic() - started) * 1000)
        feedback = session.answer(answer, elapsed)  # type: ignore[arg-type]
        self.show_feedback(feedback)
        if not isinstance(q, Flashcard):
            try:
                feedback = self.after_verdict(feedback)
            except _Stop:
                self.say(f"saved · next review {self.when(feedback)}")
                raise
        self.say(f"saved · next review {self.when(feedback)}")

    def read_answer(self, item: QueueItem) -> object:
        q = item.question
        match q:
            case Flashcard():
                self.ask("(Enter shows the answer) ")
                self.say(q.answer, indent="  → ")
                return self.read_rating(f"How well did you know it? {rating_keys(', ')}: ")
            case Cloze():
                return tuple(
                    self.read_line(f"[{n}] ", lambda line: line.strip() or self._empty())
                    for n in range(1, len(q.blanks) + 1)
                )
            case Explain():
                written = self.ask("Your answer (Enter when done): ").strip()
                self.say("The key points of a model answer:")
                for n, point in enumerate(q.points, 1):
                    self.say(f"{n}. {point.text}", indent="  ")
                self.say(instructions(q))
                ticks = self.read_line("> ", lambda line: parse_answer(q, item.presentation, line))
                assert isinstance(ticks, Explained)
                return Explained(written, ticks.ticked)
            case Choice() | Multi() | TrueFalse() | Typed() | Order() | Match() | Evidence():
                hint = instructions(q)
                if hint:
                    self.say(hint)
                return self.read_line("> ", lambda line: parse_answer(q, item.presentation, line))
            case _:
                assert_never(q)

    @staticmethod
    def _empty() -> str:
        raise InputProblem("type an answer (or q to stop)")

    def read_line(self, prompt: str, parse: Callable[[str], object]) -> object:
        while True:
            line = self.ask(prompt)
            try:
                return parse(line)
            except InputProblem as problem:
                self.say(f"  {problem}")

    @staticmethod
    def _rating_of(line: str) -> Rating | None:
        if line in ("1", "2", "3", "4"):
            return Rating(int(line))
        names = {name.lower(): r for r, name in RATING_NAMES.items()}
        return names.get(line.lower())

    def read_rating(self, prompt: str, default: Rating | None = None) -> Rating:
        while True:
            line = self.ask(prompt).strip()
            if not line and default is not None:
                return default
            rating = self._rating_of(line)
            if rating is not None:
                return rating
            self.say("  type 1, 2, 3 or 4" + (" (Enter keeps the suggestion)" if default else ""))

    def show_feedback(self, feedback: Feedback) -> None:
        q = feedback.item.question
        if feedback.outcome is not Outcome.SELF_GRADED:
            self.say(graded_mark(feedback.grade, q))
            self.say(f"Answer: {expected_text(q)}", indent="  ")
            if feedback.outcome is not Outcome.RIGHT:
                self.say(f"You said: {describe_answer(q, feedback.answer)}", indent="  ")
            elif feedback.grade.reasons:
                said = describe_answer(q, feedback.answer)
                self.say(f"You said: {said} ({accepted_note(feedback.grade.reasons)})", indent="  ")
            if feedback.outcome is Outcome.PARTIAL:
                for part in feedback.grade.parts:
                    mark = "✓" if part.correct else "✗"
                    self.say(
                        f"{mark} {part.label}: {part.given or '—'}"
                        + ("" if part.correct else f" (expected {part.expected})"),
                        indent="    ",
                    )
        if q.explanation:
            self.say(q.explanation, indent="  ")
        if q.quote:
            where = self.session.passage(feedback.item)
            place = (
                f" (paragraph {where.paragraph.ordinal}, line {where.paragraph.line})"
                if where
                else ""
            )
            self.say(f"Source{place}: “{q.quote}”", indent="  ")

    def after_verdict(self, feedback: Feedback) -> Feedback:
        """Offer to change the rating (not in cram) and, after a miss, "I was right" (`!`)."""
        cram = self.session.cram
        if cram and not feedback.can_override:
            return feedback
        if cram:
            prompt, problem = f"Enter goes on, or {OVERRIDE_HINT}: ", "  press Enter"
        else:
            keys = rating_keys(", ")
            keys = f"{keys}, or {OVERRIDE_HINT}" if feedback.can_override else f"or {keys}"
            prompt = f"Rating: {RATING_NAMES[feedback.rating]}. Enter keeps it, {keys}: "
            problem = "  type 1, 2, 3 or 4 (Enter keeps the suggestion)"
        if feedback.can_override:
            problem += f", or {OVERRIDE_KEY} if you were right"
        while True:
            line = self.ask(prompt).strip()
            if not line:
                return feedback
            if line == OVERRIDE_KEY and feedback.can_override:
                overridden = self.session.override()
                assert overridden.overridden is not None
                self.say(overridden_mark(overridden.overridden))
                return overridden
            rating = None if cram else self._rating_of(line)
            if rating is not None:
                return self.session.rerate(rating)
            self.say(problem)

    def when(self, feedback: Feedback) -> str:
        return next_review(feedback.next_due, self.session.clock.now())

    def print_summary(self, summary: Summary, headline: str = "Session done") -> None:
        now = self.session.clock.now()
        self.say()
        self.say(
            f"{headline}: "
            + ", ".join(session_totals(summary))
            + ("  (cram: schedules unchanged)" if summary.cram else "")
        )
        if summary.next_due is not None:
            self.say(next_due_line(summary.next_due, now, self.session.clock.tz))
        later = self.session.store.reviews(since=now + CLOCK_SLACK)
        if later and (line := clock_behind_line(later[-1].reviewed_at, now, self.session.clock.tz)):
            self.say(line)
        for outlook in summary.decks:
            after = outlook.readiness_after
            if after is not None:
                change = readiness_change(outlook.readiness_before, after)
                self.say(
                    f"{outlook.deck.title}: seminar {relative(after.seminar_at, now)}; {change}"
                )
