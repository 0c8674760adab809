"""The plain, line-based study mode: works over a pipe, in a script, with a screen reader.

Every answer is saved by the session before its feedback is printed; the line that says so
is flushed at once, so what was acknowledged on screen is on disk.
"""

from __future__ import annotations

import sys
import textwrap
import time
from collections.abc import Callable
from typing import TextIO

from fsrs import Rating

from briefquiz.deck.model import Choice, Cloze, Flashcard, Match, Multi, Order, TrueFalse
from briefquiz.study.grading import Outcome, describe_answer, expected_text
from briefquiz.study.queue import QueueItem
from briefquiz.study.session import Feedback, Session, Summary
from briefquiz.text.timefmt import duration, local, percent, relative
from briefquiz.ui.plain.input import LETTERS, InputProblem, instructions, parse_answer
from briefquiz.ui.wording.marks import MARKS, RATING_NAMES, accepted_note

WIDTH = 78


class _Stop(Exception):
    """End of input, or the learner typed q."""


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
        if not text:
            self.stdout.write("\n")
        for paragraph in text.splitlines() or ([""] if text else []):
            wrapped = (
                textwrap.fill(paragraph, WIDTH, initial_indent=indent, subsequent_indent=indent)
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
        try:
            while session.current is not None:
                self.question(session.current)
                session.advance()
        except _Stop:
            session.stop()
        summary = session.summary()
        self.print_summary(summary)
        return summary

    def question(self, item: QueueItem) -> None:
        session = self.session
        q = item.question
        number = session.done + 1
        total = session.done + session.remaining
        self.say()
        self.say(f"[{number}/{total}] {item.deck.title} · {q.type.value}")
        if isinstance(q, Cloze):
            self.say(q.prompt)
            self.say(self.cloze_text(q), indent="  ")
        else:
            self.say(q.prompt)
        shown = item.presentation
        if isinstance(q, Choice | Multi):
            for n, option in enumerate(shown.options, 1):
                self.say(f"{n}. {option}", indent="  ")
        elif isinstance(q, TrueFalse):
            self.say("1. True", indent="  ")
            self.say("2. False", indent="  ")
        elif isinstance(q, Order):
            for n, entry in enumerate(shown.items, 1):
                self.say(f"{n}. {entry}", indent="  ")
        elif isinstance(q, Match):
            for n, (left, _) in enumerate(q.pairs, 1):
                self.say(f"{n}. {left}", indent="  ")
            for letter, partner in zip(LETTERS, shown.partners, strict=False):
                self.say(f"{letter}) {partner}", indent="  ")
        started = self.monotonic()
        answer = self.read_answer(item)
        elapsed = int((self.monotonic() - started) * 1000)
        feedback = session.answer(answer, elapsed)  # type: ignore[arg-type]
        self.show_feedback(feedback)
        if not isinstance(q, Flashcard) and not session.cram:
            try:
                feedback = self.offer_rerate(feedback)
            except _Stop:
                self.say(f"saved · next review {self.when(feedback)}")
                raise
        self.say(f"saved · next review {self.when(feedback)}")

    def cloze_text(self, q: Cloze) -> str:
        out, n = [], 0
        for part in q.parts:
            if isinstance(part, str):
                out.append(part)
            else:
                n += 1
                out.append(f"[{n}]____")
        return "".join(out)

    def read_answer(self, item: QueueItem) -> object:
        q = item.question
        if isinstance(q, Flashcard):
            self.ask("(Enter shows the answer) ")
            self.say(q.answer, indent="  → ")
            return self.read_rating("How well did you know it? 1 Again, 2 Hard, 3 Good, 4 Easy: ")
        if isinstance(q, Cloze):
            return tuple(
                self.read_line(f"[{n}] ", lambda line: line.strip() or self._empty())
                for n in range(1, len(q.blanks) + 1)
            )
        hint = instructions(q)
        if hint:
            self.say(hint)
        return self.read_line("> ", lambda line: parse_answer(q, item.presentation, line))

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

    def read_rating(self, prompt: str, default: Rating | None = None) -> Rating:
        while True:
            line = self.ask(prompt).strip()
            if not line and default is not None:
                return default
            if line in ("1", "2", "3", "4"):
                return Rating(int(line))
            names = {name.lower(): r for r, name in RATING_NAMES.items()}
            if line.lower() in names:
                return names[line.lower()]
            self.say("  type 1, 2, 3 or 4" + (" (Enter keeps the suggestion)" if default else ""))

    def show_feedback(self, feedback: Feedback) -> None:
        q = feedback.item.question
        if feedback.outcome is not Outcome.SELF_GRADED:
            self.say(MARKS[feedback.outcome])
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

    def offer_rerate(self, feedback: Feedback) -> Feedback:
        suggested = RATING_NAMES[feedback.rating]
        rating = self.read_rating(
            f"Rating: {suggested}. Enter keeps it, or 1 Again, 2 Hard, 3 Good, 4 Easy: ",
            default=feedback.rating,
        )
        return self.session.rerate(rating)

    def when(self, feedback: Feedback) -> str:
        due = feedback.next_due
        if due is None:
            return "unchanged (cram)"
        return relative(due, self.session.clock.now())

    def print_summary(self, summary: Summary) -> None:
        now = self.session.clock.now()
        self.say()
        graded = summary.right + summary.partial + summary.wrong
        parts = [f"answered {summary.answered}"]
        if graded:
            parts.append(f"right {summary.right} of {graded}")
            if summary.partial:
                parts.append(f"partly right {summary.partial}")
        parts.append(f"time {duration(summary.seconds)}")
        self.say(
            "Session done: "
            + ", ".join(parts)
            + ("  (cram: schedules unchanged)" if summary.cram else "")
        )
        if summary.next_due is not None:
            self.say(
                f"Next due: {relative(summary.next_due, now)}"
                f" ({local(summary.next_due, self.session.clock.tz)})"
            )
        for outlook in summary.decks:
            before, after = outlook.readiness_before, outlook.readiness_after
            if after is not None:
                self.say(
                    f"{outlook.deck.title}: seminar {relative(after.seminar_at, now)}; "
                    f"readiness {percent(before.if_you_stop) if before else '?'}"
                    f" → {percent(after.if_you_stop)}"
                    f" (keeping up: {percent(after.if_you_keep_up)})"
                )
