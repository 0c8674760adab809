"""One screen's keys for the help: the keys in a column, what each does wrapped beside it.

One widget draws the whole list (a grid of two columns) where a row of two widgets for
each key made opening the help cost about 280 ms of CPU.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from textual.widget import Widget


class KeyList(Widget):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-list--keys"}

    DEFAULT_CSS = """
    KeyList {
        height: auto;
        padding-left: 2;
    }

    KeyList > .key-list--keys {
        color: $accent;
        text-style: bold;
    }
    """

    def __init__(self, rows: Sequence[tuple[str, str]], key_width: int) -> None:
        """`rows`: (keys as shown, what they do); `key_width`: the keys column, gap included."""
        super().__init__()
        self.rows = tuple(rows)
        self.key_width = key_width

    def render(self) -> Table:
        table = Table.grid()
        keys_style = self.get_component_rich_style("key-list--keys")
        table.add_column(width=self.key_width, style=keys_style, no_wrap=True)
        table.add_column(ratio=1)
        for keys, does in self.rows:
            table.add_row(keys, does)
        return table
