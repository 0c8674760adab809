"""The key bar at the foot of every screen: the screen's keys, drawn by one widget.

Textual's Footer mounts a widget per key and mounts them all again whenever the focus moves;
each screen paid about 20 ms of CPU for it on opening, and the study screen paid it again at
every question. This draws the same keys as one line of text: a click on a key presses it,
the key under the mouse is lit, a key its screen disables is dimmed, and the command
palette's key keeps the right-hand end. Keys that do not fit are left out whole, never cut
in half; the help (`?`) lists them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget


@dataclass(frozen=True)
class BarKey:
    """One key as the bar shows it."""

    key: str
    display: str
    description: str
    action: str
    enabled: bool
    tooltip: str


@dataclass(frozen=True)
class PlacedKey:
    """A key the bar drew, and the cells it takes: `start` <= x < `end`."""

    key: BarKey
    start: int
    end: int


def bar_keys(screen: Screen[object]) -> tuple[list[BarKey], BarKey | None]:
    """The keys to show for `screen`, one per action as Textual's Footer shows them, and the
    command palette's key, if the app has a palette."""
    app = screen.app
    keys: list[BarKey] = []
    actions: set[str] = set()
    palette: BarKey | None = None
    for key, (_, binding, enabled, tooltip) in screen.active_bindings.items():
        shown = BarKey(
            key=binding.key,
            display=app.get_key_display(binding),
            description=binding.description,
            action=binding.action,
            enabled=enabled,
            tooltip=tooltip or binding.tooltip,
        )
        if key == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE:
            palette = shown
        elif binding.show and binding.action not in actions:
            actions.add(binding.action)
            keys.append(shown)
    return keys, palette


class KeyBar(Widget):
    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-bar--key",
        "key-bar--description",
        "key-bar--hover",
        "key-bar--palette-edge",
    }

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-bar--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        .key-bar--palette-edge {
            color: $foreground 20%;
        }
        &:hover {
            pointer: pointer;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._keys: list[BarKey] = []
        self._palette: BarKey | None = None
        self._placed: list[PlacedKey] = []
        self._hovered: BarKey | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        if not (screen.app.app_focus and self.is_attached and screen is self.screen):
            return
        keys, palette = bar_keys(screen)
        if (keys, palette) != (self._keys, self._palette):
            self._keys, self._palette = keys, palette
            self.refresh()

    @property
    def placed(self) -> list[PlacedKey]:
        """The keys drawn at the last render, where they are."""
        return list(self._placed)

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        hover_style = self.get_component_rich_style("key-bar--hover", partial=True)
        width = self.size.width
        palette = self._palette_text(key_style, description_style)
        room = width - palette.cell_len
        line = Text(no_wrap=True, end="")
        placed: list[PlacedKey] = []
        for key in self._keys:
            piece = Text.assemble(
                (f" {key.display} ", key_style), (f"{key.description} ", description_style)
            )
            over = line.cell_len + piece.cell_len - room
            if over > 1:
                break
            if over == 1:  # its description's last cell is padding: the key still fits
                piece.right_crop(1)
            if not key.enabled:
                piece.stylize("dim")
            if key == self._hovered:
                piece.stylize(hover_style)
            placed.append(PlacedKey(key, line.cell_len, line.cell_len + piece.cell_len))
            line.append_text(piece)
        if self._palette is not None and palette.cell_len <= width:
            start = width - palette.cell_len
            line.append(" " * (start - line.cell_len))
            placed.append(PlacedKey(self._palette, start, width))
            line.append_text(palette)
        self._placed = placed
        return line

    def _palette_text(self, key_style: Style, description_style: Style) -> Text:
        if self._palette is None:
            return Text()
        # The edge is the foreground at 20% over the bar, as Footer's border draws it.
        faint = self.get_component_styles("key-bar--palette-edge").color
        edge = Style(color=(self.background_colors[1] + faint).rich_color)
        key = self._palette
        return Text.assemble(
            ("▏", edge),
            (key.display, key_style),
            (f" {key.description}", description_style),
            " ",
        )

    def key_at(self, x: int) -> BarKey | None:
        return next((p.key for p in self._placed if p.start <= x < p.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hovered = self.key_at(event.x)
        if hovered != self._hovered:
            self._hovered = hovered
            self.tooltip = hovered.tooltip if hovered is not None and hovered.tooltip else None
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hovered is not None:
            self._hovered = None
            self.tooltip = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        key = self.key_at(event.x)
        if key is None:
            return
        event.stop()
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
