"""An evidence question: pick the paragraph of the article that supports (or contradicts) the
claim, from the paragraphs listed by their opening words: its number or ↑↓ moves the cursor,
Enter picks; or a click."""

from __future__ import annotations

import time

from textual import events
from textual.app import ComposeResult
from textual.widgets import Static

from briefquiz.deck.model import Evidence
from briefquiz.study.discussion import opening, pick
from briefquiz.ui.tui.widgets.answer import AnswerWidget
from briefquiz.ui.tui.widgets.rows import RowList

SHOWN_WORDS = 12
NUMBER_PAUSE = 1.0  # seconds: digits typed closer together make one number ("1", "2": 12)


class EvidenceAnswer(AnswerWidget):
    DEFAULT_CSS = """
    EvidenceAnswer > .evidence--ask {
        text-style: italic;
        margin-bottom: 1;
    }
    """

    @property
    def question(self) -> Evidence:
        question = self.item.question
        assert isinstance(question, Evidence)
        return question

    def compose(self) -> ComposeResult:
        question = self.question
        yield Static(question.ask, classes="evidence--ask", markup=False)
        # Digits only move the cursor: the article has more than nine paragraphs, and "1" must
        # not pick paragraph 1 on the way to typing 12.
        yield RowList(
            [(str(p.ordinal), opening(p, SHOWN_WORDS)) for p in question.paragraphs], keys={}
        )

    def on_mount(self) -> None:
        self.hint = "Type its number or ↑↓, then Enter picks the paragraph · or click it"
        self._typed = ""
        self._typed_at = 0.0

    def on_key(self, event: events.Key) -> None:
        digit = event.character
        if digit is None or not digit.isdigit():
            return
        event.stop()
        event.prevent_default()
        now = time.monotonic()
        number = (self._typed if now - self._typed_at < NUMBER_PAUSE else "") + digit
        numbers = [str(p.ordinal) for p in self.question.paragraphs]
        if number not in numbers:
            number = digit  # a fresh number: "15" where there are 14 paragraphs means 5
        self._typed, self._typed_at = number, now
        if number in numbers:
            self.query_one(RowList).cursor = numbers.index(number)

    def focus_input(self) -> None:
        self.query_one(RowList).focus(scroll_visible=False)

    def on_row_list_activated(self, message: RowList.Activated) -> None:
        message.stop()
        paragraph = self.question.paragraphs[message.index]
        self.submit(pick(self.question, paragraph.ordinal))
