"""Textual's Footer, rebuilt only when the keys it shows change.

The stock Footer recomposes on every focus change. In the study screen the focus moves at
every question and every answer while the keys shown stay the same; rebuilding a dozen key
widgets each time made the app (and its tests) noticeably slower for nothing.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.screen import Screen
from textual.widgets import Footer


def shown_keys(screen: Screen[object]) -> tuple[Hashable, ...]:
    """What the footer would show for `screen`: its visible bindings and their state."""
    return tuple(
        (key, binding.action, binding.description, enabled, tooltip)
        for key, (_, binding, enabled, tooltip) in screen.active_bindings.items()
        if binding.show or key == screen.app.COMMAND_PALETTE_BINDING
    )


class QuietFooter(Footer):
    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple[Hashable, ...] | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            shown = shown_keys(screen)
            if shown == self._shown:
                return
            self._shown = shown
        super().bindings_changed(screen)
