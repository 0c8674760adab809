"""The planner reads what the student stored: the study day's start, the seminar target, and
a new-per-day that is a cap only when set (without one, the seminar's pace)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from fsrs import State

from briefquiz.clock import FixedClock
from briefquiz.progress.records import DeckSettings, ReviewRecord, StudySettings, new_review_uid
from briefquiz.progress.repository import Store
from briefquiz.schedule.day_plan import deck_plan
from briefquiz.schedule.final_pass import SEMINAR_TARGET
from briefquiz.schedule.pacing import FRONT_LOAD
from briefquiz.schedule.session_plan import PlanRules
from briefquiz.schedule.settings import (
    DEFAULT_DAY_STARTS,
    DEFAULT_NEW_PER_DAY,
    DEFAULT_SEMINAR_TARGET,
    SettingError,
    checked_day_starts,
    checked_seminar_target,
    with_changes,
)
from briefquiz.schedule.stored_rules import stored_rules
from briefquiz.study.due import due_work
from briefquiz.study.session import Session

START = datetime(2025, 3, 3, 19, 0, tzinfo=UTC)  # a Monday evening
SEMINAR = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)  # the Monday after


def test_the_defaults_are_the_planners_own() -> None:
    assert DEFAULT_SEMINAR_TARGET == SEMINAR_TARGET == PlanRules().final.target
    assert DEFAULT_DAY_STARTS == time(4, 0) == PlanRules().day_starts


def test_stored_rules_follow_the_store_unless_rules_are_given(store: Store) -> None:
    assert stored_rules(store) == PlanRules()
    store.save_study_settings(StudySettings(time(2, 30), 0.93))
    rules = stored_rules(store)
    assert (rules.day_starts, rules.final.target) == (time(2, 30), 0.93)
    assert rules.final.window == PlanRules().final.window
    given = PlanRules(day_starts=time(6, 0))
    assert stored_rules(store, given) is given


@pytest.mark.parametrize(("text", "value"), [("00:00", time(0, 0)), ("4:15", time(4, 15))])
def test_a_day_start_from_midnight_to_noon_is_kept(text: str, value: time) -> None:
    assert checked_day_starts(text) == value


@pytest.mark.parametrize("text", ["12:01", "23:00", "25:00", "four", "4"])
def test_a_day_start_out_of_bounds_is_refused(text: str) -> None:
    with pytest.raises(SettingError, match=r"^the study day's start must be"):
        checked_day_starts(text)


@pytest.mark.parametrize("value", [0.79, 1.0, 0.995])
def test_a_seminar_target_out_of_bounds_is_refused(value: float) -> None:
    with pytest.raises(SettingError, match=r"^seminar target must be between 0.80 and 0.99$"):
        checked_seminar_target(value)
    assert checked_seminar_target(0.8) == 0.8


def test_unset_new_per_day_forgets_the_limit() -> None:
    limited = with_changes(DeckSettings("d"), new_per_day=7)
    assert limited.new_per_day == 7
    assert with_changes(limited, unset_new_per_day=True).new_per_day is None


def test_without_a_limit_the_pace_is_what_the_seminar_needs(kit, store: Store) -> None:
    deck = kit.deck("big", kit.truefalse(200))  # 200 in five study days: 40 a day at least
    clock = FixedClock(START)
    store.save_settings(DeckSettings("big", seminar_at=SEMINAR))
    assert due_work(store, [deck], clock).new == FRONT_LOAD > DEFAULT_NEW_PER_DAY  # up front
    store.save_settings(DeckSettings("big", new_per_day=DEFAULT_NEW_PER_DAY, seminar_at=SEMINAR))
    assert due_work(store, [deck], clock).new == DEFAULT_NEW_PER_DAY  # set: a cap
    plan = deck_plan(store, deck, clock)
    assert plan is not None and (plan.pace.limit, plan.pace.short_by) == (20, 20)
    store.save_settings(DeckSettings("big"))  # no seminar, no limit: the default
    assert due_work(store, [deck], clock).new == DEFAULT_NEW_PER_DAY


def test_a_stored_day_start_decides_what_is_due_today(kit, store: Store) -> None:
    deck = kit.deck("night", kit.truefalse(2))
    store.save_settings(DeckSettings("night", new_per_day=0))
    now = datetime(2025, 3, 3, 20, 0, tzinfo=UTC)
    for qid, due in [("q0", now + timedelta(hours=6, minutes=10)), ("q1", now)]:
        card = store.new_card("night", qid, now - timedelta(days=5))
        card.state, card.step, card.stability, card.difficulty = State.Review, None, 5.0, 5.0
        card.due, card.last_review = due, now - timedelta(days=5)
        review = ReviewRecord(
            new_review_uid(), "night", qid, now - timedelta(days=5), 3, "right", True, 1000, False
        )
        store.record_review(review, card)

    def asked() -> set[str]:
        current = Session(store, [deck], FixedClock(now))
        return {item.question.id for item in [current.current, *current.queue] if item}

    assert asked() == {"q0", "q1"}  # 02:10 belongs to tonight's study day, ending 04:00
    store.save_study_settings(StudySettings(day_starts=time(1, 0)))
    assert asked() == {"q1"}
    assert due_work(store, [deck], FixedClock(now)).due == 1
