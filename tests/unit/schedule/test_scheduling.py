"""Fractional-day recall (recall.py) and the planner's FSRS reviews: never pulled forward."""

from __future__ import annotations

import copy
import random
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Card, Rating, Scheduler, State
from hypothesis import given
from hypothesis import strategies as st

from briefquiz.clock import FixedClock
from briefquiz.progress.records import DeckSettings
from briefquiz.progress.repository import Store
from briefquiz.schedule.planner import Planner, Policy
from briefquiz.schedule.recall import (
    days_until_recall_drops_to,
    predicted_recall,
    recall_after,
)
from briefquiz.study.session import Session

NOW = datetime(2025, 3, 3, 8, 0, tzinfo=UTC)
W20 = Scheduler().parameters[20]


def curve(days: float, stability: float) -> float:
    """The FSRS-6 forgetting curve written out from its definition, for comparison."""
    factor = 0.9 ** (-1 / W20) - 1
    return (1 + factor * days / stability) ** (-W20)


def days_to(target: float, stability: float) -> float:
    """Where `curve` reaches `target`, by bisection (independent of recall.py's inverse)."""
    low, high = 0.0, 1.0
    while curve(high, stability) > target:
        high *= 2
    for _ in range(200):
        middle = (low + high) / 2
        if curve(middle, stability) > target:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def review_card(stability: float, last_review: datetime, due: datetime) -> Card:
    return Card(
        card_id=7,
        state=State.Review,
        step=None,
        stability=stability,
        difficulty=5.0,
        due=due,
        last_review=last_review,
    )


# --------------------------------------------------------------------------- recall


def test_recall_uses_fractional_days_unlike_fsrs() -> None:
    card = review_card(2.0, NOW - timedelta(hours=6), NOW + timedelta(days=2))
    fsrs_says = Scheduler(enable_fuzzing=False).get_card_retrievability(card, NOW)
    assert fsrs_says == 1.0  # whole days only: "100%" for anything reviewed today
    ours = predicted_recall(card, NOW)
    assert 0.95 < ours < 1.0
    assert ours == pytest.approx(curve(0.25, 2.0))
    assert predicted_recall(card, NOW + timedelta(hours=6)) < ours


@pytest.mark.parametrize("days", [1, 3, 10, 45])
def test_recall_agrees_with_fsrs_on_whole_days(days: int) -> None:
    card = review_card(7.5, NOW - timedelta(days=days), NOW)
    fsrs_says = Scheduler(enable_fuzzing=False).get_card_retrievability(card, NOW)
    assert predicted_recall(card, NOW) == pytest.approx(fsrs_says, rel=1e-9)


def test_recall_of_a_card_never_reviewed_is_zero() -> None:
    assert predicted_recall(None, NOW) == 0.0
    assert predicted_recall(Card(card_id=1, due=NOW), NOW) == 0.0


def test_recall_right_after_a_review_is_one() -> None:
    card = review_card(3.0, NOW, NOW + timedelta(days=3))
    assert predicted_recall(card, NOW) == 1.0
    assert predicted_recall(card, NOW - timedelta(hours=1)) == 1.0


@given(st.floats(min_value=0.01, max_value=36500))
def test_recall_after_stability_days_is_ninety_percent(stability: float) -> None:
    assert recall_after(stability, stability) == pytest.approx(0.9, abs=1e-12)


@given(
    st.floats(min_value=0.001, max_value=3650),
    st.floats(min_value=0.01, max_value=36500),
)
def test_days_until_recall_drops_inverts_recall_after(days: float, stability: float) -> None:
    recall = recall_after(days, stability)
    if recall >= 1.0:  # below float resolution: the curve has not moved yet
        return
    assert days_until_recall_drops_to(recall, stability) == pytest.approx(days, rel=1e-6)


@given(
    st.floats(min_value=0.05, max_value=0.99),
    st.floats(min_value=0.01, max_value=36500),
)
def test_recall_after_inverts_days_until_recall_drops(target: float, stability: float) -> None:
    days = days_until_recall_drops_to(target, stability)
    assert days > 0
    assert recall_after(days, stability) == pytest.approx(target, rel=1e-9)
    assert days == pytest.approx(days_to(target, stability), rel=1e-6)


@given(
    st.floats(min_value=0.0, max_value=1000),
    st.floats(min_value=0.001, max_value=100),
    st.floats(min_value=0.1, max_value=10000),
)
def test_recall_falls_with_time(days: float, extra: float, stability: float) -> None:
    assert recall_after(days + extra, stability) <= recall_after(days, stability)
    assert 0.0 < recall_after(days + extra, stability) <= 1.0


# --------------------------------------------------------------------------- no pull-forward


def reviewed(policy: Policy, rating: Rating = Rating.Good, *, stability: float = 10.0) -> Card:
    """A review card seen 10 days ago with stability 10, reviewed NOW."""
    card = review_card(stability, NOW - timedelta(days=10), NOW)
    return Planner(fuzz=False).review(card, rating, NOW, policy)


@pytest.mark.parametrize("days", [1.5, 20, 60])
def test_a_seminar_never_moves_a_review(days: float) -> None:
    """The old cap pulled a review to the earliest moment that still reached the target; any
    later review before the seminar does better, so the planner keeps FSRS's own date."""
    for rating in Rating:
        free = reviewed(Policy(0.9), rating)
        assert reviewed(Policy(0.9, NOW + timedelta(days=days)), rating) == free


def test_the_planners_fuzz_is_its_own_and_seeded() -> None:
    def dues(seed: int) -> list[datetime]:
        planner = Planner(seed=seed)
        return [
            planner.review(
                review_card(30.0, NOW - timedelta(days=30), NOW), Rating.Good, NOW, Policy()
            ).due
            for _ in range(20)
        ]

    random.seed(1)
    first = dues(7)
    random.seed(2)  # the global generator does not matter
    assert dues(7) == first
    assert len(set(first)) > 1  # fuzz there is
    assert dues(8) != first


def test_no_fuzz_inside_the_final_window() -> None:
    planner = Planner(seed=3)
    card = review_card(30.0, NOW - timedelta(days=30), NOW)
    plain = Planner(fuzz=False).review(copy.copy(card), Rating.Good, NOW, Policy())
    for _ in range(10):
        got = planner.review(copy.copy(card), Rating.Good, NOW, Policy(), no_fuzz_after=NOW)
        assert got == plain


@pytest.mark.parametrize("target", [0.9, 0.8])
def test_sessions_before_the_seminar_keep_fsrs_dates(kit, store: Store, target: float) -> None:
    deck = kit.deck("exam", kit.truefalse(24))
    seminar = datetime(2025, 3, 12, 9, 0, tzinfo=UTC)
    store.save_settings(DeckSettings("exam", desired_retention=target, seminar_at=seminar))
    clock = FixedClock(datetime(2025, 3, 3, 7, 0, tzinfo=UTC))
    planner = Planner(fuzz=False)
    rng = random.Random(42)
    before = after = 0
    for day in range(16):
        clock.set(
            datetime(2025, 3, 3, 7, 0, tzinfo=UTC) + timedelta(days=day, minutes=rng.randrange(600))
        )
        session = Session(store, [deck], clock, rng=random.Random(day), planner=planner)
        while not session.finished:
            item = session.current
            assert item is not None
            right = rng.random() < 0.8
            feedback = session.answer(item.question.answer if right else not item.question.answer)  # type: ignore[union-attr]
            if rng.random() < 0.1:
                feedback = session.rerate(rng.choice([Rating.Hard, Rating.Easy]))
            now = feedback.answered_at
            assert feedback.card_before is not None
            free = Planner(fuzz=False).review(
                copy.copy(feedback.card_before), feedback.rating, now, Policy(target)
            )
            assert feedback.card_after == free  # exactly FSRS's own schedule, before and after
            if now < seminar:
                before += 1
            else:
                after += 1
            clock.advance(timedelta(seconds=rng.randrange(5, 90)))
            session.advance()
    assert before > 30 and after >= 3
