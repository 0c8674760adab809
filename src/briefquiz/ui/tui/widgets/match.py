"""A match question: give each numbered item its lettered partner, then Enter checks.

A digit (or a click, or ↑↓ and Enter in the items) picks an item; a letter (or a click, or
↑↓ and Enter in the partners) gives it that partner. After each pair the next item without a
partner is picked, so typing `b a c` pairs items 1, 2 and 3. Backspace undoes the picked
item's pair. Once every item has a partner, Enter checks.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label

from briefquiz.deck.model import Match
from briefquiz.study.queue import QueueItem
from briefquiz.ui.tui.widgets.answer import AnswerWidget
from briefquiz.ui.tui.widgets.keys import LETTERS, digit_key, key_range, letter_key
from briefquiz.ui.tui.widgets.rows import RowList


class MatchAnswer(AnswerWidget):
    DEFAULT_CSS = """
    .match--columns {
        height: auto;
    }

    .match--column {
        width: 1fr;
        height: auto;
        padding-right: 1;
    }

    .match--heading {
        color: $text-muted;
        text-style: underline;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("backspace,delete", "unpair", "Undo pair", show=False),
    ]

    def __init__(self, item: QueueItem, *, id: str | None = None) -> None:
        super().__init__(item, id=id)
        self.pairs: dict[int, int] = {}  # item index -> partner index
        self.selected: int | None = 0

    @property
    def question(self) -> Match:
        assert isinstance(self.item.question, Match)
        return self.item.question

    @property
    def lefts(self) -> list[str]:
        return [left for left, _ in self.question.pairs]

    @property
    def partners(self) -> tuple[str, ...]:
        return self.item.presentation.partners

    @property
    def complete(self) -> bool:
        return len(self.pairs) == len(self.lefts)

    def compose(self) -> ComposeResult:
        with Horizontal(classes="match--columns"):
            with Vertical(classes="match--column"):
                yield Label("Items", classes="match--heading")
                yield RowList(
                    [(digit_key(i), left) for i, left in enumerate(self.lefts)],
                    keys={},
                    id="match-items",
                )
            with Vertical(classes="match--column"):
                yield Label("Partners", classes="match--heading")
                yield RowList(
                    [(letter_key(i), right) for i, right in enumerate(self.partners)],
                    keys={},
                    id="match-partners",
                )
        yield Button("Check answer", id="check", compact=True)

    @property
    def items_list(self) -> RowList:
        return self.query_one("#match-items", RowList)

    @property
    def partners_list(self) -> RowList:
        return self.query_one("#match-partners", RowList)

    def on_mount(self) -> None:
        self._show()

    def focus_input(self) -> None:
        self.partners_list.focus(scroll_visible=False)

    # -- state -> screen ---------------------------------------------------------------
    def _show(self) -> None:
        used = {partner: item for item, partner in self.pairs.items()}
        for index, row in enumerate(self.items_list.rows):
            partner = self.pairs.get(index)
            row.suffix = f"→ {letter_key(partner)}" if partner is not None else "→ ?"
            row.set_class(index == self.selected, "-selected")
        for index, row in enumerate(self.partners_list.rows):
            owner = used.get(index)
            row.suffix = f"← {digit_key(owner)}" if owner is not None else ""
        self.hint = self._hint()

    def _hint(self) -> str:
        letters = key_range(len(self.partners), "letter")
        if self.selected is not None:
            return (
                f"Partner for {digit_key(self.selected)} “{self.lefts[self.selected]}”: "
                f"{letters}, or ↑↓ and Enter · digits pick another item"
            )
        if self.complete:
            return "Every item has a partner: Enter checks · a digit changes an item's pair"
        return f"Pick an item ({key_range(len(self.lefts))}), then its partner ({letters})"

    # -- actions -----------------------------------------------------------------------
    def select(self, index: int) -> None:
        self.selected = index
        partner = self.pairs.get(index)
        self.items_list.cursor = index
        if partner is not None:
            self.partners_list.cursor = partner
        self.partners_list.focus()
        self._show()

    def pair(self, partner: int) -> None:
        if self.selected is None:
            self.app.bell()
            return
        for item, taken in list(self.pairs.items()):
            if taken == partner:
                del self.pairs[item]
        self.pairs[self.selected] = partner
        waiting = [i for i in range(len(self.lefts)) if i not in self.pairs]
        after = [i for i in waiting if i > self.selected]
        self.selected = (after or waiting)[0] if waiting else None
        if self.selected is not None:
            self.items_list.cursor = self.selected
        else:
            self.items_list.focus()
        self._show()

    def check(self) -> None:
        if not self.complete:
            self.app.bell()
            missing = len(self.lefts) - len(self.pairs)
            self.hint = f"{missing} item(s) still need a partner before Enter checks."
            return
        partners = self.partners
        self.submit(tuple((self.lefts[i], partners[self.pairs[i]]) for i in range(len(self.lefts))))

    def action_unpair(self) -> None:
        target = self.selected if self.selected is not None else self.items_list.cursor
        self.pairs.pop(target, None)
        self.select(target)

    # -- input -------------------------------------------------------------------------
    def on_key(self, event: events.Key) -> None:
        char = event.character or ""
        digits = [digit_key(i) for i in range(len(self.lefts))]
        letters = LETTERS[: len(self.partners)]
        if char and char in digits:
            self.select(digits.index(char))
        elif char and char in letters:
            self.pair(letters.index(char))
        else:
            return
        event.stop()
        event.prevent_default()

    def on_row_list_activated(self, message: RowList.Activated) -> None:
        message.stop()
        if message.via == "enter" and self.selected is None and self.complete:
            self.check()
        elif message.rows.id == "match-items":
            self.select(message.index)
        else:
            self.pair(message.index)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.check()
