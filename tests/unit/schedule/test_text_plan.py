"""The plan of a whole text: its decks' plans added up, readiness weighted by questions."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from briefquiz.clock import FixedClock
from briefquiz.progress.records import DeckSettings
from briefquiz.progress.repository import Store
from briefquiz.schedule.day_plan import deck_plan
from briefquiz.schedule.text_plan import text_plan


def test_no_seminar_no_plan(store: Store, clock: FixedClock, kit: Any) -> None:
    assert text_plan(store, [kit.deck("a", kit.truefalse(4))], clock) is None


def test_the_days_add_up_and_readiness_is_weighted(
    store: Store, clock: FixedClock, kit: Any
) -> None:
    small = kit.deck("a", kit.truefalse(4, "a"))
    large = kit.deck("b", kit.truefalse(12, "b"))
    seminar = clock.now() + timedelta(days=5)
    for deck in (small, large):
        store.save_settings(DeckSettings(deck.id, seminar_at=seminar))
    plan = text_plan(store, [small, large], clock)
    assert plan is not None
    one, two = deck_plan(store, small, clock), deck_plan(store, large, clock)
    assert one is not None and two is not None
    assert plan.seminar_at == seminar
    assert [p.deck.id for p in plan.plans] == ["a", "b"]
    by_day = {d.day: d for d in plan.days}
    assert sorted(by_day) == sorted({d.day for d in (*one.days, *two.days)})
    for day in one.days:
        other = next((d for d in two.days if d.day == day.day), None)
        total = by_day[day.day]
        assert total.new == pytest.approx(day.new + (other.new if other else 0))
        assert total.minutes == pytest.approx(day.minutes + (other.minutes if other else 0))
    assert plan.if_followed == pytest.approx((4 * one.if_followed + 12 * two.if_followed) / 16)
    assert plan.forecast == pytest.approx((4 * one.forecast + 12 * two.forecast) / 16)
    assert plan.skip_day == one.skip_day
    assert plan.skipping_costs is not None and plan.skipping_costs >= 0


def test_a_deck_with_a_later_seminar_is_left_out(store: Store, clock: FixedClock, kit: Any) -> None:
    first, later = kit.deck("a", kit.truefalse(4, "a")), kit.deck("b", kit.truefalse(4, "b"))
    store.save_settings(DeckSettings("a", seminar_at=clock.now() + timedelta(days=3)))
    store.save_settings(DeckSettings("b", seminar_at=clock.now() + timedelta(days=9)))
    plan = text_plan(store, [first, later], clock)
    assert plan is not None
    assert [p.deck.id for p in plan.plans] == ["a"]
