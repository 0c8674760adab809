"""The final pass: within the 36 hours before the seminar, every question predicted below the
seminar target at the seminar moment, and not yet passed in this study day, is asked again,
weakest first, as a real review. A miss is relearned in the same session, up to three tries.

A question passed on an earlier day of the window is asked again if its predicted recall at
the seminar is still below the target: on the last evening, and again on the seminar
morning if the student studies then.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from fsrs import Card

from briefquiz.progress.records import ReviewRecord
from briefquiz.schedule.recall import predicted_recall
from briefquiz.schedule.review_log import effective_reviews

FINAL_WINDOW = timedelta(hours=36)
SEMINAR_TARGET = 0.99
MAX_TRIES = 3


@dataclass(frozen=True, slots=True)
class FinalPass:
    """The final pass's settings: its window before the seminar and the recall it aims for."""

    window: timedelta = FINAL_WINDOW
    target: float = SEMINAR_TARGET
    tries: int = MAX_TRIES

    def opens(self, seminar: datetime) -> datetime:
        return seminar - self.window

    def active(self, now: datetime, seminar: datetime | None) -> bool:
        return seminar is not None and self.opens(seminar) <= now < seminar


def passed_in_window(
    reviews: Iterable[ReviewRecord],
    seminar: datetime,
    final: FinalPass,
    since: datetime | None = None,
) -> set[str]:
    """Questions answered other than Again in the final window, or since `since` if that is
    later (cram answers do not count)."""
    opens = final.opens(seminar) if since is None else max(final.opens(seminar), since)
    return {
        r.question_id
        for r in effective_reviews(reviews)
        if not r.cram and opens <= r.reviewed_at < seminar and r.rating > 1
    }


def weak_questions(
    cards: Mapping[str, Card], seminar: datetime, final: FinalPass, passed: set[str]
) -> list[str]:
    """Question ids predicted below the target at the seminar and not yet passed, weakest first."""
    recall = {qid: predicted_recall(card, seminar) for qid, card in cards.items()}
    weak = [qid for qid, r in recall.items() if r < final.target and qid not in passed]
    return sorted(weak, key=lambda qid: recall[qid])
