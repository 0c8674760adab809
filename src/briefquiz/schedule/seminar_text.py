"""One seminar for a text: every deck on the same source text shares its date.

The thinnest core the app needs (the CLI sets one deck at a time): read the seminar of a
group of decks, set or clear it for all of them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime

from briefquiz.deck.model import Deck
from briefquiz.progress.repository import Store


def text_seminar(store: Store, decks: Sequence[Deck]) -> datetime | None:
    """The seminar of the decks: the earliest one set among them (None: none is)."""
    dates = [s for d in decks if (s := store.settings(d.id).seminar_at) is not None]
    return min(dates, default=None)


def set_text_seminar(store: Store, decks: Sequence[Deck], when: datetime | None) -> None:
    """Set (or, with None, clear) the seminar of every deck in `decks`."""
    for deck in decks:
        store.save_settings(dataclasses.replace(store.settings(deck.id), seminar_at=when))
