"""Fractional-day recall (recall.py) and the seminar cap (scheduling.py), also through sessions."""

from __future__ import annotations

import copy
import math
import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Card, Rating, Scheduler, State
from hypothesis import given
from hypothesis import strategies as st

from briefquiz.clock import FixedClock
from briefquiz.progress.records import DeckSettings
from briefquiz.progress.repository import Store
from briefquiz.schedule.planner import Planner, Policy, cap_for_seminar
from briefquiz.schedule.recall import (
    days_until_recall_drops_to,
    latest_review_for,
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


def test_latest_review_for_keeps_recall_at_the_seminar_on_target() -> None:
    seminar = NOW + timedelta(days=30)
    card = review_card(4.0, NOW, NOW + timedelta(days=4))
    latest = latest_review_for(card, seminar, 0.9)
    assert seminar - latest == pytest.approx(timedelta(days=4), abs=timedelta(seconds=1))
    latest_85 = latest_review_for(card, seminar, 0.85)
    assert (seminar - latest_85).total_seconds() / 86400 == pytest.approx(days_to(0.85, 4.0))


# --------------------------------------------------------------------------- the cap, unit


def reviewed(policy: Policy, rating: Rating = Rating.Good, *, stability: float = 10.0) -> Card:
    """A review card seen 10 days ago with stability 10, reviewed NOW."""
    card = review_card(stability, NOW - timedelta(days=10), NOW)
    return Planner(fuzz=False).review(card, rating, NOW, policy)


def test_the_cap_brings_a_review_before_the_seminar_forward() -> None:
    free = reviewed(Policy(0.9))
    seminar = NOW + timedelta(days=60)
    assert free.stability is not None
    assert curve(60, free.stability) < 0.9  # without more study it would be forgotten
    assert free.due - NOW > timedelta(days=60) - timedelta(days=days_to(0.9, free.stability))

    capped = reviewed(Policy(0.9, seminar))
    assert (capped.stability, capped.difficulty, capped.state) == (
        free.stability,
        free.difficulty,
        free.state,
    )
    latest = seminar - timedelta(days=days_to(0.9, free.stability))
    assert abs(capped.due - latest) < timedelta(seconds=1)
    assert NOW < capped.due < free.due
    # Reviewed then, with at least its current stability, it is on target at the seminar.
    assert curve((seminar - capped.due).total_seconds() / 86400, capped.stability) >= 0.9 - 1e-9


def test_a_card_already_on_target_at_the_seminar_is_left_alone() -> None:
    free = reviewed(Policy(0.9))
    assert free.stability is not None
    # The seminar comes before the card would drop below the target; its due may be later.
    seminar = NOW + timedelta(days=days_to(0.9, free.stability) * 0.8)
    assert free.due > seminar
    assert reviewed(Policy(0.9, seminar)) == free


def test_a_due_date_already_early_enough_is_left_alone() -> None:
    free = reviewed(Policy(0.9))
    assert free.stability is not None
    seminar = free.due + timedelta(days=days_to(0.9, free.stability) + 5)
    assert reviewed(Policy(0.9, seminar)) == free


def test_after_the_seminar_scheduling_is_normal_again() -> None:
    for rating in Rating:
        free = reviewed(Policy(0.9), rating)
        assert reviewed(Policy(0.9, NOW - timedelta(hours=1)), rating) == free
        assert reviewed(Policy(0.9, NOW), rating) == free


def test_the_cap_follows_the_decks_target() -> None:
    dues = {}
    for target in (0.9, 0.8):
        free = reviewed(Policy(target))
        assert free.stability is not None
        reach = days_to(target, free.stability)
        seminar = NOW + timedelta(days=1.5 * reach)
        capped = reviewed(Policy(target, seminar))
        latest = seminar - timedelta(days=reach)
        assert abs(capped.due - latest) < timedelta(seconds=1)
        assert capped.due < free.due
        dues[target] = capped.due - NOW
    # A lower target lets the card wait longer before the seminar.
    assert dues[0.8] > dues[0.9]


def test_cap_ignores_cards_without_stability_and_cards_due_now() -> None:
    seminar = NOW + timedelta(days=30)
    fresh = Card(card_id=1, due=NOW)
    assert cap_for_seminar(copy.copy(fresh), NOW, Policy(0.9, seminar)) == fresh


# --------------------------------------------------------------------------- the cap, in sessions


def check_card_against_seminar(card: Card, seminar: datetime, target: float) -> bool:
    """The requirement: recall at the seminar is on target, or the due date leaves time to
    review so that it is. Returns whether the card needed the cap."""
    assert card.stability is not None and card.last_review is not None
    gap = (seminar - card.last_review).total_seconds() / 86400
    if curve(gap, card.stability) >= target - 1e-9:
        return False
    latest = seminar - timedelta(days=days_to(target, card.stability))
    assert card.due <= latest + timedelta(seconds=1), (card, latest)
    return True


@pytest.mark.parametrize("target", [0.9, 0.8])
def test_sessions_before_the_seminar_keep_every_card_on_target(
    kit, store: Store, target: float
) -> None:
    deck = kit.deck("exam", kit.truefalse(24))
    seminar = datetime(2025, 3, 12, 9, 0, tzinfo=UTC)
    store.save_settings(DeckSettings("exam", desired_retention=target, seminar_at=seminar))
    clock = FixedClock(datetime(2025, 3, 3, 7, 0, tzinfo=UTC))
    planner = Planner(fuzz=False)
    rng = random.Random(42)
    capped = normal_after = reviews_before = 0
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
            assert feedback.card_before is not None and feedback.card_after is not None
            free = Planner(fuzz=False).review(
                copy.copy(feedback.card_before), feedback.rating, now, Policy(target)
            )
            card = feedback.card_after
            if now < seminar:
                reviews_before += 1
                assert card.due <= free.due
                assert (card.stability, card.difficulty, card.state) == (
                    free.stability,
                    free.difficulty,
                    free.state,
                )
                if card.due < free.due:
                    capped += 1
                    assert check_card_against_seminar(card, seminar, target)
            else:
                assert card == free  # after the seminar: exactly the normal schedule
                normal_after += 1
            clock.advance(timedelta(seconds=rng.randrange(5, 90)))
            session.advance()
        if clock.now() < seminar:
            for card in store.cards("exam").values():
                check_card_against_seminar(card, seminar, target)
    assert reviews_before > 30
    assert capped >= 3  # the cap did bite
    assert normal_after >= 3  # and reviews happened after the seminar


def test_rerate_with_a_seminar_gives_the_capped_schedule_of_the_original_card(
    kit, new_session: Callable[..., Session], store: Store, clock: FixedClock
) -> None:
    deck = kit.deck("rerate-exam", kit.truefalse(1))
    learning = new_session([deck]).answer(True).card_after
    assert learning is not None
    clock.set(learning.due)
    new_session([deck]).answer(True)
    original = store.card("rerate-exam", "q0")
    assert original is not None
    clock.set(original.due)
    seminar = clock.now() + timedelta(days=25)
    store.save_settings(DeckSettings("rerate-exam", seminar_at=seminar))
    session = new_session([deck])
    first = session.answer(True)
    session.rerate(Rating.Easy)
    policy = Policy(0.9, seminar)
    expected = Planner(fuzz=False).review(
        copy.copy(original), Rating.Easy, first.answered_at, policy
    )
    assert store.card("rerate-exam", "q0") == expected
    uncapped = Planner(fuzz=False).review(
        copy.copy(original), Rating.Easy, first.answered_at, Policy()
    )
    assert expected.due < uncapped.due  # the seminar did shape it
    assert math.isfinite(expected.stability or math.nan)
