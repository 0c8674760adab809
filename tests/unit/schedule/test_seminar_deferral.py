"""The planner's later decisions: a due review waits while its recall at the next session
stays high, the final pass starts on the last evening, asks again on the seminar morning
what is still weak, and the plan says what skipping tomorrow costs."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from fsrs import Card, State

from briefquiz.clock import FixedClock
from briefquiz.progress.records import DeckSettings, ReviewRecord, new_review_uid
from briefquiz.progress.repository import Store
from briefquiz.schedule.day_plan import deck_plan
from briefquiz.schedule.final_pass import FinalPass
from briefquiz.schedule.planner import Planner, Policy
from briefquiz.schedule.recall import predicted_recall
from briefquiz.schedule.session_plan import PlanRules, session_work
from briefquiz.study.due import due_work
from briefquiz.study.session import Session

SEMINAR = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)  # a Monday, 09:00
EVENING = datetime(2025, 3, 5, 19, 0, tzinfo=UTC)  # the Wednesday before


def review_card(stability: float, reviewed: datetime, due: datetime) -> Card:
    card = Card(card_id=1, state=State.Review, step=None, stability=stability, difficulty=5.0)
    card.last_review, card.due = reviewed, due
    return card


def work_at(now: datetime, cards: dict[str, Card], seminar: datetime | None = SEMINAR):
    return session_work(
        list(cards), cards, set(), Policy(seminar_at=seminar), 20, 0, now, UTC, PlanRules()
    )


def test_a_due_review_waits_while_recall_at_the_next_session_stays_high() -> None:
    due = EVENING - timedelta(hours=1)
    cards = {
        "firm": review_card(40.0, EVENING - timedelta(days=18), due),  # ~.95 now, ~.94 tomorrow
        "slipping": review_card(0.3, EVENING - timedelta(days=2), due),  # ~.75 now, .69 then
    }
    tomorrow = EVENING + timedelta(days=1)
    assert predicted_recall(cards["firm"], tomorrow) >= PlanRules().defer_above
    assert predicted_recall(cards["slipping"], tomorrow) < PlanRules().defer_above
    assert work_at(EVENING, cards).deferred == {"firm"}
    # Plain FSRS (no seminar) and the final window defer nothing.
    assert work_at(EVENING, cards, seminar=None).deferred == frozenset()
    assert work_at(datetime(2025, 3, 9, 19, 0, tzinfo=UTC), cards).deferred == frozenset()


def test_a_session_leaves_the_deferred_review_for_later(kit, store: Store) -> None:
    deck = kit.deck("wait", kit.truefalse(2))
    store.save_settings(DeckSettings("wait", new_per_day=0, seminar_at=SEMINAR))
    for qid, stability, days in [("q0", 40.0, 18), ("q1", 0.3, 2)]:
        last = EVENING - timedelta(days=days)
        card = review_card(stability, last, EVENING - timedelta(hours=1))
        card.card_id = store.new_card("wait", qid, last).card_id
        review = ReviewRecord(new_review_uid(), "wait", qid, last, 3, "right", True, 1000, False)
        store.record_review(review, card)
    current = Session(store, [deck], FixedClock(EVENING), planner=Planner(seed=0))
    asked = [i.question.id for i in [current.current, *current.queue] if i]
    assert asked == ["q1"]


def test_a_due_review_waits_while_less_than_a_day_has_passed_since_the_last() -> None:
    due = EVENING - timedelta(hours=1)
    cards = {  # both slipping (below .80 by tomorrow), both due now
        "yesterday": review_card(0.15, EVENING - timedelta(hours=23), due),
        "two_days": review_card(0.15, EVENING - timedelta(hours=25), due),
    }
    tomorrow = EVENING + timedelta(days=1)
    assert all(predicted_recall(c, tomorrow) < PlanRules().defer_above for c in cards.values())
    assert work_at(EVENING, cards).deferred == {"yesterday"}
    # Without a seminar, and in the final pass, nothing waits.
    assert work_at(EVENING, cards, seminar=None).deferred == frozenset()
    last_evening = datetime(2025, 3, 9, 19, 0, tzinfo=UTC)
    late = {
        "yesterday": review_card(0.15, last_evening - timedelta(hours=23), due),
        "two_days": review_card(0.15, last_evening - timedelta(hours=25), due),
    }
    work = work_at(last_evening, late)
    assert work.deferred == frozenset() and set(work.final) == {"yesterday", "two_days"}


def test_what_waits_is_left_out_of_the_session_and_its_count(kit, store: Store) -> None:
    deck = kit.deck("sameday", kit.truefalse(2))
    store.save_settings(DeckSettings("sameday", new_per_day=0, seminar_at=SEMINAR))
    for qid, hours in [("q0", 23), ("q1", 25)]:
        last = EVENING - timedelta(hours=hours)
        card = review_card(0.15, last, EVENING - timedelta(hours=1))
        card.card_id = store.new_card("sameday", qid, last).card_id
        review = ReviewRecord(new_review_uid(), "sameday", qid, last, 3, "right", True, 1000, False)
        store.record_review(review, card)
    clock = FixedClock(EVENING)
    current = Session(store, [deck], clock, planner=Planner(seed=0))
    assert [i.question.id for i in [current.current, *current.queue] if i] == ["q1"]
    assert due_work(store, [deck], clock).due == 1
    clock.set(EVENING + timedelta(days=1))  # a day later it is asked
    assert due_work(store, [deck], clock).due == 2


def test_the_final_pass_starts_on_the_last_evening_not_two_evenings_before() -> None:
    cards = {"weak": review_card(2.0, EVENING, EVENING + timedelta(days=2))}
    two_before = datetime(2025, 3, 8, 21, 30, tzinfo=UTC)  # 35.5 hours before: in the window
    assert FinalPass().active(two_before, SEMINAR)
    assert work_at(two_before, cards).final == ()
    assert work_at(datetime(2025, 3, 9, 19, 0, tzinfo=UTC), cards).final == ("weak",)


def test_the_final_pass_asks_again_on_the_seminar_morning_what_is_still_weak() -> None:
    evening = datetime(2025, 3, 9, 20, 0, tzinfo=UTC)
    morning = datetime(2025, 3, 10, 7, 0, tzinfo=UTC)
    relearned = review_card(0.5, evening, evening + timedelta(days=1))  # passed last evening
    firm = review_card(30.0, evening, evening + timedelta(days=30))
    cards = {"relearned": relearned, "firm": firm}
    rules = PlanRules()

    def final(now: datetime, passed: set[str]) -> tuple[str, ...]:
        policy = Policy(seminar_at=SEMINAR)
        return session_work(list(cards), cards, passed, policy, 20, 0, now, UTC, rules).final

    assert final(evening + timedelta(hours=1), {"relearned"}) == ()  # passed this study day
    assert final(morning, set()) == ("relearned",)


def test_the_plan_says_what_skipping_tomorrow_costs(kit, store: Store) -> None:
    deck = kit.deck("skipcost", kit.truefalse(30))
    store.save_settings(DeckSettings("skipcost", seminar_at=SEMINAR))
    clock = FixedClock(datetime(2025, 3, 7, 19, 0, tzinfo=UTC))  # Friday; Sunday is the last
    current = Session(store, [deck], clock, rng=random.Random(0), planner=Planner(seed=0))
    while not current.finished:
        item = current.current
        assert item is not None
        current.answer(item.question.answer)  # type: ignore[union-attr]
        clock.advance(timedelta(seconds=20))
        current.advance()
    clock.set(datetime(2025, 3, 8, 19, 0, tzinfo=UTC))  # Saturday: tomorrow is the last evening
    plan = deck_plan(store, deck, clock)
    assert plan is not None and plan.if_skipped is not None
    assert plan.skip_day == datetime(2025, 3, 9).date()
    assert plan.skipping_costs is not None and plan.skipping_costs > 0.05
    data = plan.to_json()
    assert data["skip_day"] == "2025-03-09"
    assert data["readiness_if_you_skip"] == plan.if_skipped
