"""The plan's words on a front-loaded pace: said when no limit is set, with how to spread it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from briefquiz.clock import FixedClock
from briefquiz.progress.records import DeckSettings
from briefquiz.progress.repository import Store
from briefquiz.schedule.text_plan import text_plan
from briefquiz.ui.wording.plan import front_load_words, outlook_lines


def test_without_a_limit_the_plan_says_why_today_brings_every_new_question(
    store: Store, clock: FixedClock, kit: Any
) -> None:
    deck = kit.deck("a", kit.truefalse(30, "a"))
    store.save_settings(DeckSettings(deck.id, seminar_at=clock.now() + timedelta(days=20)))
    plan = text_plan(store, [deck], clock)
    assert plan is not None
    words = front_load_words(plan)
    assert words is not None and words in outlook_lines(plan)
    assert f"(30 on {plan.days[0].day:%a %d %b})" in words
    assert "briefquiz config a --new-per-day N" in words


def test_with_a_limit_set_nothing_is_said(store: Store, clock: FixedClock, kit: Any) -> None:
    deck = kit.deck("a", kit.truefalse(30, "a"))
    seminar = clock.now() + timedelta(days=20)
    store.save_settings(DeckSettings(deck.id, new_per_day=5, seminar_at=seminar))
    plan = text_plan(store, [deck], clock)
    assert plan is not None and front_load_words(plan) is None
