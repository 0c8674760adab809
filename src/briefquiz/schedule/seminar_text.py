"""One seminar for a text: every deck on the same source text shares its date.

A seminar is stored once, with the decks it covers (`Store.set_seminar`); here: read the
seminar of a group of decks, set or clear it for all of them, and their readiness together.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from briefquiz.deck.model import Deck
from briefquiz.progress.repository import Store
from briefquiz.schedule.readiness import Readiness


def text_seminar(store: Store, decks: Sequence[Deck]) -> datetime | None:
    """The seminar of the decks: the earliest one set among them (None: none is)."""
    dates = [s for d in decks if (s := store.settings(d.id).seminar_at) is not None]
    return min(dates, default=None)


def set_text_seminar(store: Store, decks: Sequence[Deck], when: datetime | None) -> None:
    """Set one seminar for every deck in `decks` (or, with None, clear theirs)."""
    store.set_seminar([deck.id for deck in decks], when)


def combined_readiness(parts: Sequence[tuple[int, Readiness]]) -> Readiness | None:
    """The readiness of several decks for one seminar: each deck's mean recall weighted by
    its number of questions, so it is the mean over every question of the text. Decks with
    another seminar date than the earliest are left out; None when none has one."""
    if not parts:
        return None
    seminar = min(ready.seminar_at for _, ready in parts)
    same = [(count, ready) for count, ready in parts if ready.seminar_at == seminar and count]
    total = sum(count for count, _ in same)
    if not total:
        return None
    return Readiness(
        seminar_at=seminar,
        if_you_stop=sum(c * r.if_you_stop for c, r in same) / total,
        if_you_keep_up=sum(c * r.if_you_keep_up for c, r in same) / total,
    )
