"""An order question: move the items into the right order, then Enter checks.

↑/↓ move the cursor; shift+↑/↓, `[`/`]` or `k`/`j` move the item under it up or down (the
brackets and letters are for terminals that do not send shift+arrows). A digit jumps to a
position; the buttons do the same with the mouse.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button

from briefquiz.ui.tui.widgets.answer import AnswerWidget
from briefquiz.ui.tui.widgets.keys import digit_key
from briefquiz.ui.tui.widgets.rows import RowList


class OrderList(RowList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("shift+up,left_square_bracket,k", "shift(-1)", "Move item up", show=False),
        Binding("shift+down,right_square_bracket,j", "shift(1)", "Move item down", show=False),
    ]

    def action_shift(self, step: int) -> None:
        here, there = self.cursor, self.cursor + step
        if not 0 <= there < len(self.entries):
            self.app.bell()
            return
        entries = self.entries
        (key_here, text_here), (key_there, text_there) = entries[here], entries[there]
        entries[here], entries[there] = (key_here, text_there), (key_there, text_here)
        rows = self.rows
        rows[here].text, rows[there].text = text_there, text_here
        self.cursor = there

    @property
    def order(self) -> tuple[str, ...]:
        return tuple(text for _, text in self.entries)


class OrderAnswer(AnswerWidget):
    def compose(self) -> ComposeResult:
        items = self.item.presentation.items
        yield OrderList([(digit_key(i), entry) for i, entry in enumerate(items)])
        with Horizontal(classes="buttons"):
            yield Button("▲ Up", id="up", compact=True)
            yield Button("▼ Down", id="down", compact=True)
            yield Button("Check answer", id="check", compact=True)

    def on_mount(self) -> None:
        self.hint = "↑↓ choose an item · shift+↑↓ or [ ] (or k j) move it · Enter checks the order"

    def focus_input(self) -> None:
        self.query_one(OrderList).focus(scroll_visible=False)

    def on_row_list_activated(self, message: RowList.Activated) -> None:
        message.stop()
        if message.via == "enter":
            self.submit(self.query_one(OrderList).order)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        rows = self.query_one(OrderList)
        if event.button.id == "check":
            self.submit(rows.order)
            return
        rows.action_shift(-1 if event.button.id == "up" else 1)
        rows.focus()
