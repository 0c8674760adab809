"""A cloze question: the text with numbered gaps and one input per gap.

Tab moves between the gaps; Enter goes to the next empty gap, and checks the answer once
every gap is filled (or from the last gap).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, Static

from briefquiz.deck.model import Cloze
from briefquiz.ui.tui.widgets.answer import AnswerWidget
from briefquiz.ui.wording.cloze import gapped_text


class ClozeAnswer(AnswerWidget):
    DEFAULT_CSS = """
    .cloze--text {
        margin-bottom: 1;
    }

    .cloze--gap {
        height: auto;
    }

    .cloze--label {
        width: 5;
        padding-top: 1;
    }

    .cloze--gap Input {
        width: 1fr;
        max-width: 60;
    }
    """

    @property
    def question(self) -> Cloze:
        assert isinstance(self.item.question, Cloze)
        return self.item.question

    @property
    def inputs(self) -> list[Input]:
        return list(self.query(Input))

    def compose(self) -> ComposeResult:
        yield Static(gapped_text(self.question), classes="cloze--text", markup=False)
        for number in range(1, len(self.question.blanks) + 1):
            with Horizontal(classes="cloze--gap"):
                yield Label(f"[{number}]", classes="cloze--label")
                yield Input(placeholder=f"blank {number}", id=f"gap-{number}")

    def on_mount(self) -> None:
        many = len(self.question.blanks) > 1
        self.hint = (
            "Fill each blank · Tab or Enter moves to the next · Enter on the last checks"
            if many
            else "Fill the blank · Enter checks"
        )

    def focus_input(self) -> None:
        self.inputs[0].focus(scroll_visible=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        inputs = self.inputs
        values = [field.value.strip() for field in inputs]
        here = inputs.index(event.input)
        if all(values) or here == len(inputs) - 1:
            self.submit(tuple(values))
            return
        empty = [i for i, value in enumerate(values) if not value]
        inputs[next((i for i in empty if i > here), empty[0])].focus()
