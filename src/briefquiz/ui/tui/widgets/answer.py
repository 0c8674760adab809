"""What every question widget shares: it posts `Submitted` with an answer and keeps a key hint.

The answer is the grading module's answer type for the question (see `briefquiz.study.grading`);
grading, scheduling and saving happen in the session, never in a widget.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from briefquiz.study.grading import Answer
from briefquiz.study.queue import QueueItem


class AnswerWidget(Widget):
    """Base of the question widgets, one per kind. `hint` says which keys work right now."""

    DEFAULT_CSS = """
    AnswerWidget {
        height: auto;
    }

    AnswerWidget > #reveal,
    AnswerWidget > #check {
        width: auto;
        min-width: 0;
        margin-top: 1;
    }
    """

    hint: reactive[str] = reactive("")

    @dataclass
    class Submitted(Message):
        answer: Answer

    def __init__(self, item: QueueItem, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="answer")
        self.item = item
        self.submitted = False

    def submit(self, answer: Answer) -> None:
        """Post the answer, once."""
        if self.submitted:
            return
        self.submitted = True
        self.post_message(self.Submitted(answer))

    def focus_input(self) -> None:
        """Give the keyboard to the part of the widget that takes the answer."""
        self.focus(scroll_visible=False)
