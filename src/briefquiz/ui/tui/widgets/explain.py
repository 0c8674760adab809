"""An explain question: write (or think) an answer, Enter shows the key points of a model
answer, then tick those you made (digits, space or clicks) and Enter checks."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Static

from briefquiz.deck.model import Explain
from briefquiz.study.discussion import Explained
from briefquiz.study.queue import QueueItem
from briefquiz.ui.tui.widgets.answer import AnswerWidget
from briefquiz.ui.tui.widgets.keys import digit_key, key_range
from briefquiz.ui.tui.widgets.multi import TICKED, UNTICKED
from briefquiz.ui.tui.widgets.rows import RowList


class ExplainAnswer(AnswerWidget):
    DEFAULT_CSS = """
    ExplainAnswer > .explain--ask {
        margin-top: 1;
        text-style: italic;
    }
    """

    def __init__(self, item: QueueItem, *, id: str | None = None) -> None:
        super().__init__(item, id=id)
        self.written = ""
        self.revealed = False
        self.ticked: set[int] = set()

    @property
    def question(self) -> Explain:
        question = self.item.question
        assert isinstance(question, Explain)
        return question

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Your answer (or think it through)", id="explain-input")

    def on_mount(self) -> None:
        self.hint = "Write your answer (or think it), Enter shows the key points"

    def focus_input(self) -> None:
        if self.revealed:
            self.query_one(RowList).focus(scroll_visible=False)
        else:
            self.query_one(Input).focus(scroll_visible=False)

    async def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.revealed:
            return
        self.revealed = True
        self.written = event.value.strip()
        event.input.disabled = True
        points = self.question.points
        await self.mount(Static("Which of these points did you make?", classes="explain--ask"))
        await self.mount(
            RowList(
                [(digit_key(i), point.text) for i, point in enumerate(points)],
                marks=[UNTICKED] * len(points),
            )
        )
        self._update_hint()
        self.focus_input()

    def _update_hint(self) -> None:
        count = len(self.question.points)
        made = f"{len(self.ticked)} of {count} ticked"
        self.hint = f"{key_range(count)} or space ticks a point you made · Enter checks · {made}"

    def toggle(self, index: int) -> None:
        self.ticked ^= {index}
        self.query_one(RowList).row(index).mark = TICKED if index in self.ticked else UNTICKED
        self._update_hint()

    def on_row_list_activated(self, message: RowList.Activated) -> None:
        message.stop()
        if message.via == "enter":
            self.submit(Explained(self.written, frozenset(self.ticked)))
        else:
            self.toggle(message.index)
