"""Asking before the learner leaves a session: y stops it, n (or Esc) goes back to it."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

STOP_QUESTION = "Stop the session? Your answers are saved."
UNSENT_NOTE = " What is typed in the box is not an answer yet: n goes back to it."


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question in a box; dismissed with True for yes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str = STOP_QUESTION) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(self.question, id="confirm-question", markup=False)
            yield Static("y: yes, stop · n or Esc: no, go on", id="confirm-keys")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
