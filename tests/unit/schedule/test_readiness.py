"""Readiness for a seminar: mean predicted recall at the seminar, stopping now or keeping up."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Card, Rating
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefquiz.clock import FixedClock
from briefquiz.progress.records import DeckSettings
from briefquiz.progress.repository import Store
from briefquiz.schedule.forecast import DeckOutlookInputs
from briefquiz.schedule.habits import Habits
from briefquiz.schedule.planner import Planner, Policy
from briefquiz.schedule.readiness import Readiness, readiness_of
from briefquiz.schedule.recall import predicted_recall
from briefquiz.schedule.stats import deck_stats
from briefquiz.study.session import Session

NOW = datetime(2025, 3, 3, 8, 0, tzinfo=UTC)
PLANNER = Planner(fuzz=False)


def studied(ratings: list[tuple[int, float]], start: datetime = NOW - timedelta(days=60)) -> Card:
    """A card reviewed with each (rating, hours after the previous review)."""
    card = Card(card_id=1, due=start)
    when = start
    for rating, hours in ratings:
        when += timedelta(hours=hours)
        card = PLANNER.review(card, Rating(rating), when, Policy())
    return card


SURE = Habits(lapse_factor=0.0, first_right=1.0)  # every answer right: a deterministic run


def readiness(
    cards: list[Card | None],
    now: datetime,
    policy: Policy,
    new_per_day: int,
    habits: Habits = SURE,
    introduced_today: int = 0,
) -> Readiness | None:
    """Readiness of a deck whose i-th question has `cards[i]` (None: never studied)."""
    ids = tuple(f"q{i}" for i in range(len(cards)))
    known = {q: c for q, c in zip(ids, cards, strict=True) if c is not None}
    inputs = DeckOutlookInputs(ids, known, set(), policy, new_per_day, introduced_today, habits)
    return readiness_of(inputs, now, UTC)


def test_no_seminar_no_readiness() -> None:
    cards = [studied([(3, 0), (3, 1)]), None]
    assert readiness(cards, NOW, Policy(0.9, None), 20) is None


def test_a_past_seminar_gives_no_readiness() -> None:
    cards = [studied([(3, 0), (3, 1)]), None]
    assert readiness(cards, NOW, Policy(0.9, NOW - timedelta(minutes=1)), 20) is None
    assert readiness(cards, NOW, Policy(0.9, NOW), 20) is None


def test_an_empty_deck_gives_no_readiness() -> None:
    assert readiness([], NOW, Policy(0.9, NOW + timedelta(days=3)), 20) is None


def test_new_cards_count_zero_if_you_stop() -> None:
    seminar = NOW + timedelta(days=10)
    ready = readiness([None, None, None], NOW, Policy(0.9, seminar), 20)
    assert ready is not None
    assert ready.seminar_at == seminar
    assert ready.if_you_stop == 0.0
    assert ready.if_you_keep_up > 0.9  # learned today and kept up: on target at the seminar


def test_if_you_stop_is_the_mean_recall_at_the_seminar() -> None:
    seminar = NOW + timedelta(days=5)
    a = studied([(3, 0), (3, 0.2), (3, 48)])
    b = studied([(3, 0), (1, 0.1), (3, 0.2)])
    ready = readiness([a, None, b, None], NOW, Policy(0.9, seminar), 20, Habits())
    assert ready is not None
    expected = (predicted_recall(a, seminar) + predicted_recall(b, seminar)) / 4
    assert ready.if_you_stop == pytest.approx(expected)
    assert 0 < ready.if_you_stop < 0.5


def test_a_limit_the_student_set_caps_the_pace() -> None:
    seminar = NOW + timedelta(days=2, hours=12)
    policy = Policy(0.9, seminar)
    # A limit of one new question a day: three of five start before the seminar (today and
    # the next two evenings), two never do; a limit of five starts them all today.
    slow = readiness([None] * 5, NOW, policy, 1)
    fast = readiness([None] * 5, NOW, policy, 5)
    assert slow is not None and fast is not None
    first_three = readiness([None] * 3, NOW, policy, 1)
    assert first_three is not None
    assert slow.if_you_keep_up == pytest.approx(first_three.if_you_keep_up * 3 / 5)
    assert slow.if_you_keep_up < fast.if_you_keep_up
    assert slow.if_you_stop == fast.if_you_stop == 0.0


def test_no_new_questions_a_day_means_new_ones_stay_unknown() -> None:
    seminar = NOW + timedelta(days=20)
    known = studied([(3, 0), (3, 0.2)], start=NOW - timedelta(days=1))
    ready = readiness([known, None, None], NOW, Policy(0.9, seminar), 0)
    alone = readiness([known], NOW, Policy(0.9, seminar), 0)
    assert ready is not None and alone is not None
    # With new_per_day = 0 the two new questions are never started: they count 0 either way.
    assert ready.if_you_keep_up == pytest.approx(alone.if_you_keep_up / 3)
    assert ready.if_you_stop == pytest.approx(alone.if_you_stop / 3)


def test_readiness_does_not_change_the_cards() -> None:
    cards = [studied([(3, 0), (3, 0.2), (2, 30)]), studied([(1, 0), (3, 0.1)])]
    before = [copy.deepcopy(card) for card in cards]
    readiness(cards, NOW, Policy(0.9, NOW + timedelta(days=30)), 20)
    assert cards == before


history = st.lists(
    st.tuples(st.sampled_from([1, 2, 3, 4]), st.floats(min_value=0.0, max_value=24 * 20)),
    min_size=1,
    max_size=6,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(st.none(), history), min_size=1, max_size=5),
    st.floats(min_value=0.01, max_value=120),
    st.sampled_from([0.8, 0.9, 0.95]),
    st.integers(min_value=0, max_value=4),
)
def test_stopping_never_beats_studying_without_a_lapse(
    histories: list[list[tuple[int, float]] | None],
    days_to_seminar: float,
    target: float,
    new_per_day: int,
) -> None:
    cards = [None if h is None else studied(h, start=NOW - timedelta(days=150)) for h in histories]
    seminar = NOW + timedelta(days=days_to_seminar)
    ready = readiness(cards, NOW, Policy(target, seminar), new_per_day)
    assert ready is not None
    # Every answer right: more study never lowers recall at the seminar.
    assert 0.0 <= ready.if_you_stop <= ready.if_you_keep_up + 1e-12 <= 1.0 + 1e-12


# --------------------------------------------------------------------------- through the engine


def test_session_and_stats_report_readiness(
    kit, new_session: Callable[..., Session], store: Store, clock: FixedClock, answers
) -> None:
    deck = kit.deck("ready", kit.truefalse(4))
    assert deck_stats(store, deck, clock).readiness is None
    seminar = clock.now() + timedelta(days=2)  # all four are introduced today
    store.save_settings(DeckSettings("ready", seminar_at=seminar))

    session = new_session([deck])
    while not session.finished:
        session.answer(answers.right(session.current.question))  # type: ignore[union-attr]
        session.advance()
    summary = session.summary()
    (outlook,) = summary.decks
    assert outlook.readiness_before is not None and outlook.readiness_after is not None
    assert outlook.readiness_before.if_you_stop == 0.0
    assert outlook.readiness_after.if_you_stop > 0.5
    assert outlook.readiness_after.if_you_stop <= outlook.readiness_after.if_you_keep_up

    stats = deck_stats(store, deck, clock)
    assert stats.readiness is not None and stats.seminar_at == seminar
    assert stats.readiness.if_you_stop == pytest.approx(outlook.readiness_after.if_you_stop)

    clock.set(seminar + timedelta(minutes=1))
    assert deck_stats(store, deck, clock).readiness is None
    assert new_session([deck]).summary().decks[0].readiness_after is None


def test_new_questions_already_started_today_use_up_todays_share() -> None:
    # A limit of two new a day, a seminar in 1.5 days: with today's share free, questions 1-2
    # start now and 3-4 tomorrow evening (before the seminar); with today's share used, 1-2
    # start tomorrow and 3-4 never do.
    seminar = NOW + timedelta(days=1, hours=12)
    policy = Policy(0.9, seminar)
    fresh = readiness([None] * 4, NOW, policy, 2)
    used = readiness([None] * 4, NOW, policy, 2, introduced_today=2)
    assert fresh is not None and used is not None
    assert fresh.if_you_keep_up > 0.9
    assert used.if_you_keep_up == pytest.approx(fresh.if_you_keep_up / 2, abs=0.05)


def test_more_started_today_than_the_daily_limit_uses_up_only_todays_share() -> None:
    # Two new a day, and five already started today (the limit was lowered since): today's
    # share is used up, no more. Tomorrow's two still start before the seminar in 1.5 days,
    # exactly as when just two were started today.
    seminar = NOW + timedelta(days=1, hours=12)
    policy = Policy(0.9, seminar)
    at_limit = readiness([None] * 2, NOW, policy, 2, introduced_today=2)
    over_limit = readiness([None] * 2, NOW, policy, 2, introduced_today=5)
    assert at_limit is not None and over_limit is not None
    assert at_limit.if_you_keep_up > 0.9
    assert over_limit.if_you_keep_up == at_limit.if_you_keep_up


def test_the_forecast_counts_the_students_lapses_and_skipped_days() -> None:
    seminar = NOW + timedelta(days=10)
    cards: list[Card | None] = [None] * 40
    policy = Policy(0.9, seminar)
    sure = readiness(cards, NOW, policy, 20)
    lapsing = readiness(cards, NOW, policy, 20, Habits(lapse_factor=2.0, first_right=0.4))
    # A limit of five new a day: every day introduces all 40, on a third of days fewer.
    daily = readiness(cards, NOW, policy, 5)
    skipping = readiness(cards, NOW, policy, 5, Habits(0.0, 1.0, study_share=0.3))
    assert sure is not None and lapsing is not None
    assert daily is not None and skipping is not None
    assert sure.if_you_keep_up > lapsing.if_you_keep_up > 0.3
    assert daily.if_you_keep_up > skipping.if_you_keep_up > 0.2
