"""A typed question: one line of text, Enter checks (leniently, unless the deck says exact)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input

from briefquiz.deck.model import Typed
from briefquiz.ui.tui.widgets.answer import AnswerWidget


class TypedAnswer(AnswerWidget):
    DEFAULT_CSS = """
    #typed-input {
        max-width: 70;
    }
    """

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Type your answer", id="typed-input")

    def on_mount(self) -> None:
        question = self.item.question
        exact = isinstance(question, Typed) and question.exact
        forgiven = "spelling must be exact" if exact else "case, accents and a typo are forgiven"
        self.hint = f"Type your answer, Enter checks · {forgiven}"

    def focus_input(self) -> None:
        self.query_one(Input).focus(scroll_visible=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.app.bell()
            self.hint = "Type an answer first (a guess is fine), then Enter."
            return
        self.submit(event.value.strip())
