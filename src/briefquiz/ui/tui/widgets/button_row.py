"""A row of buttons drawn by one widget, for the feedback panel shown after every answer.

Textual's Button is a widget of its own, each with its own styles to work out: the
feedback's six of them were about a sixth of the CPU an answer took. This draws the same
compact buttons as text. A click on one posts `Pressed` with its name, the one under the
mouse is lit, the current one is drawn reversed, and buttons that do not fit on a line go
whole onto the next one, never cut. The keys do the same work from the keyboard: the
buttons are for the mouse, so they take no focus.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.geometry import Offset, Size
from textual.message import Message
from textual.widget import Widget

GAP = 1  # cells between two buttons on a line


@dataclass(frozen=True)
class RowButton:
    name: str  # what `Pressed` carries
    label: str


@dataclass(frozen=True)
class PlacedButton:
    """A button as drawn: on line `line`, over the cells `start` <= x < `end`."""

    button: RowButton
    line: int
    start: int
    end: int


def place(buttons: Sequence[RowButton], width: int) -> list[PlacedButton]:
    """Where each button goes in `width` cells: left to right, a new line when the next
    one does not fit whole (a button wider than a line gets a line to itself). The last
    cell of a button is padding: at the end of a line it may be left out."""
    placed: list[PlacedButton] = []
    line = x = 0
    for button in buttons:
        size = Text(f" {button.label} ").cell_len
        if x and x + size - 1 > width:
            line, x = line + 1, 0
        dropped = x + size > width  # its padding cell, past the line's end
        placed.append(PlacedButton(button, line, x, x + size - dropped))
        x += size + GAP
    return placed


class ButtonRow(Widget):
    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "button-row--button",
        "button-row--current",
        "button-row--hover",
    }

    DEFAULT_CSS = """
    ButtonRow {
        height: auto;
        width: 1fr;
        .button-row--button {
            color: $button-foreground;
            background: $surface;
            text-style: bold;
        }
        .button-row--current {
            text-style: bold reverse;
        }
        .button-row--hover {
            background: $surface-darken-1;
        }
        &:hover {
            pointer: pointer;
        }
    }
    """

    @dataclass
    class Pressed(Message):
        name: str

    def __init__(
        self, buttons: Sequence[RowButton], *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.buttons = tuple(buttons)
        self._current: str | None = None
        self._hovered: str | None = None

    @property
    def current(self) -> str | None:
        """The button drawn as chosen (the rating an answer has now)."""
        return self._current

    @current.setter
    def current(self, name: str | None) -> None:
        if name != self._current:
            self._current = name
            self.refresh()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        placed = place(self.buttons, width)
        return placed[-1].line + 1 if placed else 0

    @property
    def placed(self) -> list[PlacedButton]:
        return place(self.buttons, self.content_size.width)

    def offset_of(self, name: str) -> Offset:
        """The middle of button `name`, from the widget's corner (where a click presses it)."""
        spot = next(p for p in self.placed if p.button.name == name)
        return Offset((spot.start + spot.end) // 2, spot.line)

    def render(self) -> Text:
        plain = self.get_component_rich_style("button-row--button")
        current = self.get_component_rich_style("button-row--current", partial=True)
        hover = self.get_component_rich_style("button-row--hover", partial=True)
        lines: list[Text] = []
        for spot in self.placed:
            if spot.line == len(lines):
                lines.append(Text(no_wrap=True, end=""))
            line = lines[spot.line]
            line.append(" " * (spot.start - line.cell_len))
            style = plain
            if spot.button.name == self._current:
                style += current
            if spot.button.name == self._hovered:
                style += hover
            line.append(f" {spot.button.label} "[: spot.end - spot.start], style)
        return Text("\n", no_wrap=True, end="").join(lines)

    def button_at(self, x: int, y: int) -> RowButton | None:
        return next((p.button for p in self.placed if p.line == y and p.start <= x < p.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hovered = self.button_at(event.x, event.y)
        name = hovered.name if hovered is not None else None
        if name != self._hovered:
            self._hovered = name
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hovered is not None:
            self._hovered = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        button = self.button_at(event.x, event.y)
        if button is not None:
            event.stop()
            self.post_message(self.Pressed(button.name))
