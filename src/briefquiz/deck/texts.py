"""Decks about the same text: a seminar is about a text, so it covers every deck of it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from briefquiz.deck.model import Deck


def source_path(deck: Deck) -> Path | None:
    """The deck's source file, resolved (None when the deck names no file)."""
    if deck.source is None or deck.source.file is None:
        return None
    return deck.source.file.resolve()


def decks_of_text(deck: Deck, decks: Iterable[Deck]) -> list[Deck]:
    """`deck` and every other deck whose source file resolves to the same file."""
    path = source_path(deck)
    if path is None:
        return [deck]
    same = [d for d in decks if d.id != deck.id and source_path(d) == path]
    return [deck, *same]
