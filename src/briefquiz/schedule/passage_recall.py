"""How well a student knows each passage of a text: the recall heat-map's numbers.

Each question's predicted recall (`schedule.recall`) at the seminar of its text when one is
ahead, now otherwise; a passage's recall is the mean over the questions that quote it and
have been studied. Questions never studied are counted apart: a passage whose questions are
all unseen is unknown, not weak.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from briefquiz.clock import Clock
from briefquiz.deck.model import Deck
from briefquiz.progress.repository import Store
from briefquiz.schedule.recall import predicted_recall
from briefquiz.schedule.seminar_text import text_seminar

#: At or above: the passage is known (the default desired retention).
STRONG = 0.90
#: Below: the passage is weak (the recall at which a due review stops waiting).
FADING = 0.70

QuestionKey = tuple[str, str]
"""(deck id, question id)."""


class Band(enum.Enum):
    """What a passage's recall says, for the legend."""

    STRONG = "strong"
    FADING = "fading"
    WEAK = "weak"
    UNSEEN = "unseen"  # no question of it studied yet
    NONE = "none"  # no question quotes it


@dataclass(frozen=True, slots=True)
class RecallMoment:
    """When recall is predicted for: the text's seminar when one is ahead, else now."""

    at: datetime
    seminar: bool


def recall_moment(store: Store, decks: Sequence[Deck], clock: Clock) -> RecallMoment:
    now = clock.now()
    seminar = text_seminar(store, decks)
    if seminar is not None and seminar > now:
        return RecallMoment(seminar, True)
    return RecallMoment(now, False)


def question_recalls(
    store: Store, decks: Sequence[Deck], at: datetime
) -> dict[QuestionKey, float | None]:
    """Every question's predicted recall at `at`; None for a question never studied."""
    recalls: dict[QuestionKey, float | None] = {}
    for deck in decks:
        cards = store.cards(deck.id)
        for question in deck.questions:
            card = cards.get(question.id)
            studied = card is not None and card.last_review is not None
            recalls[deck.id, question.id] = predicted_recall(card, at) if studied else None
    return recalls


@dataclass(frozen=True, slots=True)
class PassageRecall:
    questions: int
    unseen: int  # of them never studied
    recall: float | None  # mean predicted recall of the studied ones (None: none is)

    @property
    def band(self) -> Band:
        if not self.questions:
            return Band.NONE
        if self.recall is None:
            return Band.UNSEEN
        if self.recall >= STRONG:
            return Band.STRONG
        return Band.FADING if self.recall >= FADING else Band.WEAK


def passage_recall(
    keys: Iterable[QuestionKey], recalls: Mapping[QuestionKey, float | None]
) -> PassageRecall:
    """The recall of a passage quoted by the questions `keys` (each counted once)."""
    unique = list(dict.fromkeys(keys))
    known = [value for key in unique if (value := recalls.get(key)) is not None]
    mean = sum(known) / len(known) if known else None
    return PassageRecall(len(unique), len(unique) - len(known), mean)


def weakest_first(passages: Sequence[PassageRecall]) -> list[int]:
    """Indexes of the passages with questions, the ones to study first first: studied ones by
    rising recall, then those not studied yet in text order."""
    studied = [i for i, p in enumerate(passages) if p.recall is not None]
    studied.sort(key=lambda i: (passages[i].recall, -passages[i].unseen, i))
    unseen = [i for i, p in enumerate(passages) if p.questions and p.recall is None]
    return studied + unseen
