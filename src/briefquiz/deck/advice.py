"""Checks that warn rather than refuse, and the deck format version.

Warnings point at what a reader would notice: a quote nothing checks, a `multi` with every
option right (nothing to tell apart), a `choice` whose right option gives itself away by its
length.
"""

from __future__ import annotations

from typing import Protocol

from briefquiz import __version__
from briefquiz.deck.yamlnodes import Mark, Node, Scalar

FORMAT = 1  # the newest deck format this briefquiz reads
# A right option "by far the longest": at least this many times the longest wrong one ...
LONG_RATIO = 1.6
# ... and at least this many characters longer (short options may differ a lot in ratio).
LONG_MARGIN = 20


class Reporter(Protocol):
    def error(self, at: Node | Mark, message: str, code: str) -> None: ...

    def warning(self, at: Node | Mark, message: str, code: str) -> None: ...


def deck_format(r: Reporter, node: Node | None) -> bool:
    """False when the deck is of a format this briefquiz cannot read (one error says so)."""
    if node is None:
        return True
    raw = node.value.strip() if isinstance(node, Scalar) else ""
    if not raw.isdigit() or int(raw) < 1:
        shown = raw if isinstance(node, Scalar) else node.kind
        r.error(node, f"format must be a whole number such as {FORMAT}, not {shown!r}", "format")
        return False
    if int(raw) > FORMAT:
        r.error(
            node,
            f"this deck is written in deck format {raw}, which needs briefquiz newer than "
            f"{__version__} (it reads format {FORMAT}): upgrade briefquiz",
            "format",
        )
        return False
    return True


def unchecked_quote(r: Reporter, node: Node) -> None:
    r.warning(
        node,
        "this quote is not checked: the deck has no source file; add source: file: to the "
        "header, or remove the quote",
        "quote-unchecked",
    )


def every_option_right(r: Reporter, node: Node, options: list[str], answers: list[str]) -> None:
    if len(options) >= 2 and set(answers) >= set(options):
        r.warning(
            node,
            "every option is right: the question cannot tell knowing from ticking all; add a "
            "wrong option, or make it a typed or order question",
            "all-right",
        )


def longest_is_right(r: Reporter, node: Node, options: list[str], answer: str) -> None:
    wrong = max((len(o) for o in options if o != answer), default=0)
    right = len(answer)
    if wrong and right >= LONG_RATIO * wrong and right - wrong >= LONG_MARGIN:
        r.warning(
            node,
            f"the right option is by far the longest ({right} characters, the longest wrong "
            f"one {wrong}): it can be guessed by its length; make the wrong ones as detailed",
            "longest-right",
        )
