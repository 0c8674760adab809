"""A list of wrapping, clickable rows with a cursor: the body of every pick-from-a-list widget.

Each row has a key (`1`, `b`, ...) shown in its gutter; typing a row's key, clicking it, or
moving the cursor to it and pressing Enter or space activates it. What activating means is up
to the widget holding the list, which gets an `Activated` message saying how it happened.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from briefquiz.ui.tui.widgets.beside import beside

Via = Literal["key", "click", "enter", "space"]

CURSOR_MARK = "›"
GUTTER_GAP = 1
GUTTER_MIN = 5


class Row(Widget):
    """One entry: a gutter (cursor mark, key, optional tick box) and its wrapped text.

    `suffix` follows the text (`→ b` for a matched item). One widget draws both, the text
    wrapped beside the gutter; two widgets in a row container made a list of fifteen
    paragraphs cost 45 widgets to show and to lay out.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"row--gutter", "row--text"}

    DEFAULT_CSS = """
    Row {
        height: auto;
    }

    Row > .row--gutter {
        color: $text-muted;
    }

    Row:hover {
        background: $boost;
    }

    Row.-cursor > .row--text {
        text-style: bold;
    }

    Row.-selected > .row--text {
        text-style: bold underline;
    }
    """

    cursor: reactive[bool] = reactive(False)
    mark: reactive[str] = reactive("", layout=True)
    text: reactive[str] = reactive("", layout=True)
    suffix: reactive[str] = reactive("", layout=True)

    @dataclass
    class Clicked(Message):
        row: Row

    def __init__(self, index: int, key: str, text: str, mark: str = "") -> None:
        super().__init__(classes="row")
        self.index = index
        self.key = key
        self.set_reactive(Row.text, text)
        self.set_reactive(Row.mark, mark)

    def gutter_text(self) -> str:
        pointer = CURSOR_MARK if self.cursor else " "
        label = f"{self.key}." if self.key else ""
        return f"{pointer} {label}" + (f" {self.mark}" if self.mark else "")

    def body(self) -> Content:
        if not self.suffix:
            return Content(self.text)
        return Content.assemble(self.text, "  ", (self.suffix, "bold"))

    def _lines(self, width: int) -> tuple[str, int, list[Content]]:
        """The gutter's text, its width, and the text's lines at `width` cells."""
        gutter = self.gutter_text()
        # The gutter is as wide as its text and a space, and never under five cells.
        gutter_width = max(cell_len(gutter) + GUTTER_GAP, GUTTER_MIN)
        return gutter, gutter_width, self.body().wrap(max(width - gutter_width, 1))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(len(self._lines(width)[2]), 1)

    def render(self) -> Content:
        gutter_style = self.get_visual_style("row--gutter", partial=True)
        text_style = self.get_visual_style("row--text", partial=True)
        gutter, gutter_width, lines = self._lines(self.content_size.width)
        side = [Content.assemble((gutter, gutter_style))]
        return beside(side, gutter_width, [line.stylize_before(text_style) for line in lines])

    def watch_cursor(self, cursor: bool) -> None:
        self.set_class(cursor, "-cursor")

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Clicked(self))


class RowList(Vertical, can_focus=True):
    """Rows with a cursor. Up/down move it; Enter, space, a row's key or a click activate."""

    DEFAULT_CSS = """
    RowList {
        height: auto;
    }

    RowList:focus > Row.-cursor {
        background: $primary 30%;
    }

    RowList:focus > Row.-cursor > .row--gutter {
        color: $text;
        text-style: bold;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
        Binding("enter", "activate('enter')", "Pick", show=False),
        Binding("space", "activate('space')", "Pick", show=False),
    ]

    cursor: reactive[int] = reactive(0)

    @dataclass
    class Activated(Message):
        rows: RowList
        index: int
        via: Via

        @property
        def control(self) -> RowList:
            return self.rows

    def __init__(
        self,
        entries: Sequence[tuple[str, str]],
        *,
        keys: Mapping[str, int] | None = None,
        marks: Sequence[str] = (),
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """`entries` are (key shown, text); `keys` maps typed characters to row indexes
        (by default each row's shown key)."""
        super().__init__(id=id, classes=classes)
        self.entries = list(entries)
        self.keys = dict(keys) if keys is not None else {k: i for i, (k, _) in enumerate(entries)}
        self.marks = list(marks)

    def compose(self) -> ComposeResult:
        for index, (key, text) in enumerate(self.entries):
            mark = self.marks[index] if index < len(self.marks) else ""
            yield Row(index, key, text, mark)

    def on_mount(self) -> None:
        self._show_cursor(None, self.cursor)

    @property
    def rows(self) -> list[Row]:
        return list(self.query_children(Row))

    def row(self, index: int) -> Row:
        return self.rows[index]

    def _show_cursor(self, old: int | None, new: int) -> None:
        rows = self.rows
        if old is not None and 0 <= old < len(rows):
            rows[old].cursor = False
        if 0 <= new < len(rows):
            rows[new].cursor = True
            if old is not None:  # not when first shown: the page above stays in view
                rows[new].scroll_visible(animate=False)

    def watch_cursor(self, old: int, new: int) -> None:
        if self.is_mounted:
            self._show_cursor(old, new)

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, len(self.entries) - 1))

    def action_move(self, step: int) -> None:
        self.cursor += step

    def action_jump(self, index: int) -> None:
        self.cursor = index if index >= 0 else len(self.entries) - 1

    def action_activate(self, via: Via) -> None:
        if self.entries:
            self.post_message(self.Activated(self, self.cursor, via))

    def on_key(self, event: events.Key) -> None:
        index = self.keys.get(event.character or "")
        if index is None:
            return
        event.stop()
        event.prevent_default()
        self.cursor = index
        self.post_message(self.Activated(self, index, "key"))

    def on_row_clicked(self, message: Row.Clicked) -> None:
        message.stop()
        self.focus()
        self.cursor = message.row.index
        self.post_message(self.Activated(self, message.row.index, "click"))
