"""What a session would ask now, by the session's own rules: the counts the app shows
before a session starts (`a: 28 now`), and why one would be empty."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from briefquiz.clock import Clock, local_day
from briefquiz.deck.model import Deck
from briefquiz.progress.records import DeckSettings
from briefquiz.progress.repository import Store
from briefquiz.study.queue import Kind, build_queue

#: Learning steps due this soon are asked in the session rather than left for later.
LEARN_AHEAD = timedelta(minutes=20)


def new_allowance(store: Store, deck: Deck, clock: Clock, settings: DeckSettings) -> int:
    """How many new questions of `deck` a session may still start today."""
    start, end = local_day(clock)
    return max(settings.new_per_day - store.new_introduced_on(deck.id, start, end), 0)


@dataclass(frozen=True, slots=True)
class DueWork:
    """What a session on some decks would ask now: the counts the app shows before `a`."""

    due: int  # reviews and learning steps (those a few minutes ahead included)
    new: int  # new questions, within each deck's daily limit
    new_left: int  # new questions not yet started, beyond the limit too

    @property
    def total(self) -> int:
        return self.due + self.new


def due_work(store: Store, decks: Sequence[Deck], clock: Clock) -> DueWork:
    """The work a session on `decks` starts with now, by the session's own rules."""
    cards = {deck.id: store.cards(deck.id) for deck in decks}
    now = clock.now()

    def allowance(deck: Deck) -> int:
        return new_allowance(store, deck, clock, store.settings(deck.id))

    queue = build_queue(decks, cards, now, allowance, learn_ahead=LEARN_AHEAD)
    new = sum(item.kind is Kind.NEW for item in queue)
    left = sum(1 for d in decks for q in d.questions if q.id not in cards[d.id])
    return DueWork(due=len(queue) - new, new=new, new_left=left)
