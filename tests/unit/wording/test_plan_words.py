"""The plan's words on a front-loaded pace: said when no limit is set, with how to spread it."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

from briefquiz.clock import FixedClock
from briefquiz.progress.records import DeckSettings
from briefquiz.progress.repository import Store
from briefquiz.schedule.text_plan import text_plan
from briefquiz.ui.wording.plan import (
    day_name,
    day_table,
    deck_words,
    front_load_words,
    outlook_lines,
)


def test_without_a_limit_the_plan_says_why_today_brings_every_new_question(
    store: Store, clock: FixedClock, kit: Any
) -> None:
    deck = kit.deck("a", kit.truefalse(30, "a"))
    store.save_settings(DeckSettings(deck.id, seminar_at=clock.now() + timedelta(days=20)))
    plan = text_plan(store, [deck], clock)
    assert plan is not None
    words = front_load_words(plan)
    assert words is not None and words in outlook_lines(plan)
    assert plan.days[0].day == plan.today and "(30 today)" in words
    assert "briefquiz config a --new-per-day N" in words


def test_with_a_limit_set_nothing_is_said(store: Store, clock: FixedClock, kit: Any) -> None:
    deck = kit.deck("a", kit.truefalse(30, "a"))
    seminar = clock.now() + timedelta(days=20)
    store.save_settings(DeckSettings(deck.id, new_per_day=5, seminar_at=seminar))
    plan = text_plan(store, [deck], clock)
    assert plan is not None and front_load_words(plan) is None


def test_days_are_named_from_the_study_day() -> None:
    today = date(2025, 3, 3)
    assert day_name(today, today) == "today"
    assert day_name(date(2025, 3, 4), today) == "tomorrow"
    assert day_name(date(2025, 3, 5), today) == "Wed 05 Mar"


def test_just_after_midnight_the_plan_starts_with_the_evening_still_running(
    store: Store, kit: Any
) -> None:
    """At 00:30 the study day (ending at 04:00) is the evening before: its row is today's, not
    a date that reads as yesterday."""
    clock = FixedClock(datetime(2025, 3, 4, 0, 30, tzinfo=UTC))
    deck = kit.deck("a", kit.truefalse(30, "a"))
    store.save_settings(DeckSettings(deck.id, seminar_at=clock.now() + timedelta(days=3)))
    plan = text_plan(store, [deck], clock)
    assert plan is not None
    assert plan.today == date(2025, 3, 3) == plan.days[0].day
    rows = day_table(plan)
    assert rows[1].startswith("today ") and rows[2].startswith("tomorrow ")
    assert rows[3].startswith(f"{plan.days[2].day:%a %d %b} ")


def test_the_day_it_asks_about_skipping_is_the_next_that_holds_work(store: Store, kit: Any) -> None:
    """Front-loaded, an evening start three days out leaves tomorrow empty (today's answers
    are not due yet): skipping it costs nothing, so the plan asks about the first day after
    it that holds work."""
    clock = FixedClock(datetime(2025, 3, 3, 20, 0, tzinfo=UTC))
    deck = kit.deck("a", kit.truefalse(30, "a"))
    store.save_settings(DeckSettings(deck.id, seminar_at=clock.now() + timedelta(days=3)))
    plan = text_plan(store, [deck], clock)
    assert plan is not None
    busy = [d.day for d in plan.days if d.day > plan.today and d.new + d.review + d.final > 0]
    idle = [d.day for d in plan.days if d.day > plan.today and d.day not in busy]
    assert idle and busy and idle[0] < busy[0], "the scenario needs an empty day first"
    assert plan.skip_day == busy[0]
    assert f"If you skip {day_name(busy[0], plan.today)}:" in "\n".join(outlook_lines(plan))


def test_no_forecast_as_you_have_studied_before_a_study_day_has_passed(
    store: Store, clock: FixedClock, kit: Any, new_session: Any, answers: Any
) -> None:
    """Before any study, and on the first day of it, there is no way the student studies to
    tell of: the plan gives the readiness if followed, and says when the other comes. A day
    later it tells both, with the share of days studied."""
    deck = kit.deck("a", kit.truefalse(10, "a"))
    store.save_settings(DeckSettings(deck.id, seminar_at=clock.now() + timedelta(days=9)))

    def words() -> tuple[str, str]:
        plan = text_plan(store, [deck], clock)
        assert plan is not None
        return outlook_lines(plan)[0], deck_words(plan.plans[0])

    for studied in (False, True):
        if studied:
            session = new_session([deck], limit=3)
            while (item := session.current) is not None:
                session.answer(answers.right(item.question))
                session.advance()
        outlook, by_deck = words()
        assert outlook.endswith(
            "; as you have been studying: shown once these decks have a past study day."
        )
        assert by_deck.endswith(" if followed") and "as you have studied" not in by_deck

    clock.advance(timedelta(days=1))
    outlook, by_deck = words()
    assert re.search(r"; as you have been studying: \d+%\.$", outlook), outlook
    assert re.search(r", \d+% as you have studied \(100% of days\)$", by_deck), by_deck


def test_the_example_limit_names_a_deck_with_new_questions_left(
    store: Store, clock: FixedClock, kit: Any, new_session: Any, answers: Any
) -> None:
    """A limit on a deck with nothing new left would do nothing: the example names one
    that has new questions, though the other comes first."""
    done, fresh = kit.deck("a", kit.truefalse(3, "a")), kit.deck("b", kit.truefalse(30, "b"))
    session = new_session([done], limit=None)
    for _ in range(3):
        item = session.current
        assert item is not None
        session.answer(answers.right(item.question))
        session.advance()
    seminar = clock.now() + timedelta(days=20)
    for deck in (done, fresh):
        store.save_settings(DeckSettings(deck.id, seminar_at=seminar))
    plan = text_plan(store, [done, fresh], clock)
    assert plan is not None and [p.deck.id for p in plan.plans] == ["a", "b"]
    words = front_load_words(plan)
    assert words is not None and words.endswith("e.g. briefquiz config b --new-per-day N.")
