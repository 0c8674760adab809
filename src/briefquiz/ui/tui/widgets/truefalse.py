"""A true/false question: `t` or `1` for true, `f` or `2` for false (or click, or arrows)."""

from __future__ import annotations

from textual.app import ComposeResult

from briefquiz.ui.tui.widgets.answer import AnswerWidget
from briefquiz.ui.tui.widgets.rows import RowList

KEYS = {"1": 0, "t": 0, "T": 0, "2": 1, "f": 1, "F": 1}


class TrueFalseAnswer(AnswerWidget):
    def compose(self) -> ComposeResult:
        yield RowList([("1", "True"), ("2", "False")], keys=KEYS)

    def on_mount(self) -> None:
        self.hint = "t or 1: true · f or 2: false · or ↑↓ and Enter · or click"

    def focus_input(self) -> None:
        self.query_one(RowList).focus(scroll_visible=False)

    def on_row_list_activated(self, message: RowList.Activated) -> None:
        message.stop()
        self.submit(message.index == 0)
