"""The FSRS-6 forgetting curve on fractional days.

`fsrs.Scheduler.get_card_retrievability` counts whole elapsed days, so it reports 100% for
anything reviewed earlier the same day. In the last hours before a seminar that is exactly
the wrong answer; these functions use the same curve with the real elapsed time.
"""

from __future__ import annotations

from datetime import datetime

from fsrs import Card
from fsrs.scheduler import DEFAULT_PARAMETERS

DECAY = -DEFAULT_PARAMETERS[20]
FACTOR: float = 0.9 ** (1 / DECAY) - 1
SECONDS_PER_DAY = 86_400.0


def recall_after(elapsed_days: float, stability: float) -> float:
    """R(t, S) = (1 + F·t/S)^(-w20)."""
    if elapsed_days <= 0:
        return 1.0
    return float((1 + FACTOR * elapsed_days / stability) ** DECAY)


def days_until_recall_drops_to(target: float, stability: float) -> float:
    """The elapsed time t (days) at which R(t, S) reaches `target` (0 < target < 1)."""
    return float(stability / FACTOR * (target ** (1 / DECAY) - 1))


def predicted_recall(card: Card | None, at: datetime) -> float:
    """Probability of recalling the card at `at`; 0 for a card never reviewed."""
    if card is None or card.last_review is None or not card.stability or card.stability <= 0:
        return 0.0
    elapsed = (at - card.last_review).total_seconds() / SECONDS_PER_DAY
    return recall_after(elapsed, card.stability)
