"""Text beside a gutter: how a row of a list and a paragraph of the article are drawn."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content


def beside(side: Sequence[Content], side_width: int, text: Sequence[Content]) -> Content:
    """The lines of `side`, each padded to `side_width` cells, beside the lines of `text`:
    as many lines as the longer of the two has, and at least one."""
    lines: list[Content] = []
    for number in range(max(len(side), len(text), 1)):
        left = side[number] if number < len(side) else Content()
        right = text[number] if number < len(text) else Content()
        lines.append(left + " " * (side_width - left.cell_length) + right)
    return Content("\n").join(lines)
