"""A multi question: tick every option that applies (digits, space or clicks), Enter checks."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Button

from briefquiz.study.queue import QueueItem
from briefquiz.ui.tui.widgets.answer import AnswerWidget
from briefquiz.ui.tui.widgets.keys import digit_key, key_range
from briefquiz.ui.tui.widgets.rows import RowList

TICKED, UNTICKED = "[x]", "[ ]"


class MultiAnswer(AnswerWidget):
    def __init__(self, item: QueueItem, *, id: str | None = None) -> None:
        super().__init__(item, id=id)
        self.ticked: set[int] = set()

    def compose(self) -> ComposeResult:
        options = self.item.presentation.options
        yield RowList(
            [(digit_key(i), option) for i, option in enumerate(options)],
            marks=[UNTICKED] * len(options),
        )
        yield Button("Check answer", id="check", compact=True)

    def on_mount(self) -> None:
        self._update_hint()

    def _update_hint(self) -> None:
        count = len(self.item.presentation.options)
        chosen = f"{len(self.ticked)} ticked" if self.ticked else "none ticked yet"
        self.hint = (
            f"Select all that apply: {key_range(count)} or space ticks · Enter checks · {chosen}"
        )

    def focus_input(self) -> None:
        self.query_one(RowList).focus(scroll_visible=False)

    def toggle(self, index: int) -> None:
        rows = self.query_one(RowList)
        self.ticked ^= {index}
        rows.row(index).mark = TICKED if index in self.ticked else UNTICKED
        self._update_hint()

    def check(self) -> None:
        if not self.ticked:
            self.app.bell()
            self.hint = "Tick at least one option first (its number or space), then Enter."
            return
        options = self.item.presentation.options
        self.submit(frozenset(options[i] for i in sorted(self.ticked)))

    def on_row_list_activated(self, message: RowList.Activated) -> None:
        message.stop()
        if message.via == "enter":
            self.check()
        else:
            self.toggle(message.index)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.check()
