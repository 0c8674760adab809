"""A choice question: one of the shown options; its digit, a click, or the arrows and Enter."""

from __future__ import annotations

from textual.app import ComposeResult

from briefquiz.ui.tui.widgets.answer import AnswerWidget
from briefquiz.ui.tui.widgets.keys import digit_key, key_range
from briefquiz.ui.tui.widgets.rows import RowList


class ChoiceAnswer(AnswerWidget):
    def compose(self) -> ComposeResult:
        options = self.item.presentation.options
        yield RowList([(digit_key(i), option) for i, option in enumerate(options)])

    def on_mount(self) -> None:
        count = len(self.item.presentation.options)
        self.hint = f"{key_range(count)} picks an answer · or ↑↓ and Enter · or click it"

    def focus_input(self) -> None:
        self.query_one(RowList).focus(scroll_visible=False)

    def on_row_list_activated(self, message: RowList.Activated) -> None:
        message.stop()
        self.submit(self.item.presentation.options[message.index])
