"""Which questions a session asks, and in what order.

Learning and relearning cards that are due come first, then reviews due by the end of the
study day, then the final pass before a seminar (weakest first), then new questions up to
each deck's allowance. Within each group the order is stable: by due time, then by
the question's place in its deck. Cram asks everything, weakest first, and touches nothing.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from itertools import zip_longest
from typing import assert_never

from fsrs import Card, State

from briefquiz.deck.model import (
    AnyQuestion,
    Choice,
    Cloze,
    Deck,
    Evidence,
    Explain,
    Flashcard,
    Match,
    Multi,
    Order,
    TrueFalse,
    Typed,
)
from briefquiz.schedule.recall import predicted_recall


class Kind(StrEnum):
    LEARNING = "learning"
    REVIEW = "review"
    NEW = "new"
    FINAL = "final"
    CRAM = "cram"


@dataclass(frozen=True, slots=True)
class Presentation:
    """How a question is laid out this time: options, items and partners in shown order."""

    options: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()


@dataclass(slots=True)
class QueueItem:
    deck: Deck
    question: AnyQuestion
    card: Card | None  # None for a question never studied
    kind: Kind
    presentation: Presentation = field(default_factory=Presentation)
    tries: int = 1  # how many times this session has asked it (the final pass allows three)


def present(question: AnyQuestion, rng: random.Random) -> Presentation:
    """A fresh shuffle of whatever the question shows in a list."""
    match question:
        case Choice() | Multi():
            options = list(question.options)
            rng.shuffle(options)
            return Presentation(options=tuple(options))
        case Order():
            items = list(question.items)
            rng.shuffle(items)
            # Never already solved, but with two items that would give the answer away.
            while tuple(items) == question.items and len(set(items)) > 2:
                rng.shuffle(items)
            return Presentation(items=tuple(items))
        case Match():
            partners = [right for _, right in question.pairs]
            rng.shuffle(partners)
            return Presentation(partners=tuple(partners))
        case Flashcard() | TrueFalse() | Typed() | Cloze() | Evidence() | Explain():
            # Paragraphs are listed in reading order, and points shown only after the answer.
            return Presentation()
        case _:
            assert_never(question)


def build_queue(
    decks: Sequence[Deck],
    cards: dict[str, dict[str, Card]],
    now: datetime,
    new_allowance: Callable[[Deck], int],
    learn_ahead: timedelta = timedelta(0),
    due_by: Callable[[Deck], datetime] | None = None,
    final: Callable[[Deck], Sequence[str]] | None = None,
    deferred: Callable[[Deck], Collection[str]] | None = None,
) -> list[QueueItem]:
    """The due work of `decks` at `now`. `cards` maps deck id -> question id -> card.

    Learning cards due within `learn_ahead` are included too (shown once nothing else is left).
    Reviews are due when due before `due_by(deck)` (default: now); `final(deck)` lists the
    deck's final pass, weakest first; `deferred(deck)` the due reviews that wait.
    """
    learning: list[tuple[datetime, int, int, QueueItem]] = []
    review: list[tuple[datetime, int, int, QueueItem]] = []
    new_by_deck: list[list[QueueItem]] = []
    finals: list[QueueItem] = []
    soon = now + learn_ahead
    for deck_index, deck in enumerate(decks):
        deck_cards = cards.get(deck.id, {})
        allowance = new_allowance(deck)
        # due strictly before the end of the study day
        review_by = due_by(deck) - timedelta(microseconds=1) if due_by is not None else now
        final_ids = list(final(deck)) if final is not None else []
        by_id = {q.id: q for q in deck.questions}
        for qid in final_ids:
            card = deck_cards.get(qid)
            if qid in by_id and card is not None:
                finals.append(QueueItem(deck, by_id[qid], card, Kind.FINAL))
        in_final = set(final_ids)
        waits = deferred(deck) if deferred is not None else ()
        new: list[QueueItem] = []
        new_by_deck.append(new)
        for position, question in enumerate(deck.questions):
            card = deck_cards.get(question.id)
            if card is None:
                if allowance > 0:
                    new.append(QueueItem(deck, question, None, Kind.NEW))
                    allowance -= 1
                continue
            if card.due > (review_by if card.state is State.Review else soon):
                continue
            if question.id in in_final or (card.state is State.Review and question.id in waits):
                continue
            if card.state is State.Review:
                review.append(
                    (card.due, deck_index, position, QueueItem(deck, question, card, Kind.REVIEW))
                )
            else:
                learning.append(
                    (card.due, deck_index, position, QueueItem(deck, question, card, Kind.LEARNING))
                )
    learning.sort(key=lambda entry: entry[:3])
    review.sort(key=lambda entry: entry[:3])
    # New questions take turns between the decks (each in its own order), so a session cut
    # short has begun every deck of a text, not finished the first.
    new = [item for turn in zip_longest(*new_by_deck) for item in turn if item is not None]
    return [e[3] for e in learning] + [e[3] for e in review] + finals + new


def build_weakest_queue(
    decks: Sequence[Deck], cards: dict[str, dict[str, Card]], now: datetime, *, cram: bool = True
) -> list[QueueItem]:
    """Every question of `decks`, lowest predicted recall first (never studied counts as 0).

    In cram the schedule is left alone; otherwise (`cram=False`) they are real reviews, due or
    not, new questions introduced: studying chosen passages ahead of the schedule."""
    return _weakest_first(decks, cards, now, (lambda card: Kind.CRAM) if cram else _kind_of)


def _kind_of(card: Card | None) -> Kind:
    if card is None:
        return Kind.NEW
    return Kind.REVIEW if card.state is State.Review else Kind.LEARNING


def _weakest_first(
    decks: Sequence[Deck],
    cards: dict[str, dict[str, Card]],
    now: datetime,
    kind_of: Callable[[Card | None], Kind],
) -> list[QueueItem]:
    entries: list[tuple[float, int, int, QueueItem]] = []
    for deck_index, deck in enumerate(decks):
        deck_cards = cards.get(deck.id, {})
        for position, question in enumerate(deck.questions):
            card = deck_cards.get(question.id)
            recall = predicted_recall(card, now)
            item = QueueItem(deck, question, card, kind_of(card))
            entries.append((recall, deck_index, position, item))
    entries.sort(key=lambda entry: entry[:3])
    return [entry[3] for entry in entries]
