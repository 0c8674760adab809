"""A flashcard: space or Enter shows the back, then 1-4 grades how well it was known."""

from __future__ import annotations

from typing import ClassVar

from fsrs import Rating
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button, Static

from briefquiz.deck.model import Flashcard
from briefquiz.study.queue import QueueItem
from briefquiz.ui.tui.widgets.answer import AnswerWidget
from briefquiz.ui.tui.widgets.rows import RowList
from briefquiz.ui.wording.marks import rating_keys

SELF_GRADES = (
    ("1", "Again: I did not know it"),
    ("2", "Hard: I got there, with effort"),
    ("3", "Good: I knew it"),
    ("4", "Easy: I knew it at once"),
)


class FlashcardAnswer(AnswerWidget, can_focus=True):
    DEFAULT_CSS = """
    .flashcard--back {
        margin: 0 0 1 0;
        padding: 0 1;
        border-left: solid $accent;
    }

    .flashcard--ask {
        text-style: italic;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space,enter", "reveal", "Show answer", show=False),
    ]

    def __init__(self, item: QueueItem, *, id: str | None = None) -> None:
        super().__init__(item, id=id)
        self.revealed = False

    def compose(self) -> ComposeResult:
        yield Button("Show answer", id="reveal", compact=True)

    def on_mount(self) -> None:
        self.hint = "Recall the answer, then space or Enter shows it"

    def focus_input(self) -> None:
        if self.revealed:
            self.query_one(RowList).focus()
        else:
            self.focus(scroll_visible=False)

    async def action_reveal(self) -> None:
        if self.revealed:
            return
        self.revealed = True
        question = self.item.question
        back = question.answer if isinstance(question, Flashcard) else ""
        await self.query_one("#reveal", Button).remove()
        await self.mount(Static(back, classes="flashcard--back", markup=False))
        await self.mount(Static("How well did you know it?", classes="flashcard--ask"))
        await self.mount(RowList(SELF_GRADES))
        self.hint = f"{rating_keys(' · ')} (or ↑↓ and Enter, or click)"
        self.focus_input()

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.action_reveal()

    def on_row_list_activated(self, message: RowList.Activated) -> None:
        message.stop()
        self.submit(Rating(message.index + 1))
