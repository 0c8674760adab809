"""Progress numbers after a known sequence of answers, on simulated days."""

from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fsrs import Rating

from briefquiz import cli
from briefquiz.cli.context import Context
from briefquiz.clock import FixedClock
from briefquiz.deck.model import Multi, TrueFalse
from briefquiz.progress.repository import Store
from briefquiz.schedule.planner import Planner
from briefquiz.schedule.stats import DeckStats, deck_stats, effective_reviews
from briefquiz.study.session import Session

QUESTIONS = [
    TrueFalse(id="a", prompt="a", answer=True, tags=("x",)),
    TrueFalse(id="b", prompt="b", answer=True, tags=("x", "y")),
    TrueFalse(id="c", prompt="c", answer=False, tags=("y",)),
    Multi(id="m", prompt="m", options=("1", "2", "3"), answers=frozenset({"1", "2"}), tags=("y",)),
    TrueFalse(id="n", prompt="n", answer=True),
]


class Scenario:
    def __init__(self, kit, store: Store, clock: FixedClock, answers) -> None:
        self.deck = kit.deck("st", QUESTIONS)
        self.store, self.clock, self.answers = store, clock, answers

    def run(self, plan: dict[str, str] | str, limit: int | None = None, **kwargs) -> list[str]:
        session = Session(
            self.store,
            [self.deck],
            self.clock,
            rng=random.Random(0),
            planner=Planner(fuzz=False),
            limit=limit,
            **kwargs,
        )
        asked = []
        while not session.finished:
            question = session.current.question  # type: ignore[union-attr]
            how = plan if isinstance(plan, str) else plan[question.id]
            session.answer(getattr(self.answers, how)(question))
            asked.append(question.id)
            session.advance()
        return asked

    def stats(self) -> DeckStats:
        return deck_stats(self.store, self.deck, self.clock)


def days(start: date, counts: list[int]) -> tuple[tuple[date, int], ...]:
    return tuple((start + timedelta(days=i), n) for i, n in enumerate(counts))


def test_numbers_after_a_known_sequence_of_answers(kit, store: Store, clock: FixedClock, answers):
    s = Scenario(kit, store, clock, answers)
    today = clock.now().date()
    empty = s.stats()
    assert (empty.new, empty.learning, empty.review, empty.due_now, empty.reviews) == (
        5,
        0,
        0,
        0,
        0,
    )
    assert (empty.accuracy, empty.retention, empty.streak) == (None, None, 0)
    assert empty.tag_accuracy == {}

    # Day 0, first session: four new questions.
    asked = s.run({"a": "right", "b": "wrong", "c": "right", "m": "partial"}, limit=4)
    assert asked == ["a", "b", "c", "m"]
    st = s.stats()
    assert (st.new, st.learning, st.review, st.due_now, st.reviews) == (1, 4, 0, 0, 4)
    assert st.accuracy == pytest.approx((1 + 0 + 1 + 0.5) / 4)  # partial counts half
    assert st.retention is None  # no question seen twice yet
    assert st.streak == 1
    assert st.forecast == days(today, [4, 0, 0, 0, 0, 0, 0])
    assert st.daily_reviews[-1] == (today, 4) and len(st.daily_reviews) == 14
    assert sum(n for _, n in st.daily_reviews) == 4
    assert st.tag_accuracy == {"x": (0.5, 2), "y": (0.5, 3)}

    clock.advance(timedelta(minutes=15))
    assert s.stats().due_now == 4

    # Second session: all right (learning steps, due first: b after 1 min, m after 5.5).
    assert s.run("right", limit=4) == ["b", "m", "a", "c"]
    clock.advance(timedelta(minutes=15))
    # Third: b wrong again, m right.
    assert s.run({"b": "wrong", "m": "right"}, limit=2) == ["b", "m"]
    st = s.stats()
    assert (st.new, st.learning, st.review, st.due_now, st.reviews) == (1, 1, 3, 0, 10)
    assert st.accuracy == pytest.approx(7.5 / 10)
    # Six repeats, one of them Again, but all in the same sitting: learning steps minutes
    # apart say nothing of what is kept, so there is no retention yet.
    assert st.retention is None
    assert st.streak == 1
    # b relearns today; m graduated with 1 day, a and c with 2.
    assert st.forecast == days(today, [1, 1, 2, 0, 0, 0, 0])
    assert st.tag_accuracy == {"x": (3 / 5, 5), "y": (5.5 / 8, 8)}
    json.dumps(st.to_json())

    # Day 1: nothing studied, the streak still stands (yesterday counts).
    clock.advance(timedelta(days=1))
    st = s.stats()
    assert st.streak == 1
    assert st.due_now == 2  # b (overdue) and m
    assert st.forecast[0] == (today + timedelta(days=1), 2)  # overdue counted today
    # Day 2: the streak is broken; studying starts a new one.
    clock.advance(timedelta(days=1))
    assert s.stats().streak == 0
    s.run("right")
    assert s.stats().streak == 1
    assert s.stats().retention == 1.0  # the first reviews a day or more after the last
    for expected_streak in (2, 3):
        clock.advance(timedelta(days=1))
        s.run("right", limit=1)
        assert s.stats().streak == expected_streak
    st = s.stats()
    counts = dict(st.daily_reviews)
    assert counts[today] == 10 and counts[today + timedelta(days=1)] == 0
    assert counts[today + timedelta(days=3)] == counts[today + timedelta(days=4)] == 1


def test_a_changed_rating_counts_once_and_cram_is_not_retention(
    kit, store: Store, clock: FixedClock, answers
):
    s = Scenario(kit, store, clock, answers)
    deck = s.deck
    session = Session(store, [deck], clock, rng=random.Random(0), planner=Planner(fuzz=False))
    session.answer(True)  # a: right, Good
    session.rerate(Rating.Again)  # ... rated Again after all
    session.advance()
    session.answer(True)  # b: right
    session.advance()
    session.stop()
    st = s.stats()
    assert st.reviews == 2 and len(store.reviews("st")) == 3
    assert st.accuracy == 1.0  # the answer was right, whatever the rating
    assert st.new == 3

    clock.advance(timedelta(minutes=20))
    s.run({"a": "right", "b": "wrong"}, limit=2)  # learning repeats: one Good, one Again
    assert s.stats().retention is None  # twenty minutes on: not yet a test of memory
    clock.advance(timedelta(days=1))
    s.run({"a": "right", "b": "wrong"}, limit=2)  # a day on: one Good, one Again
    st = s.stats()
    assert st.retention == pytest.approx(1 / 2)
    assert st.reviews == 6

    # Cram: every question, all wrong. The review count includes it, and says how much of
    # it was cram; accuracy and retention (of scheduled answers) do not, as the habits the
    # forecast reads do not, and nothing becomes learned.
    clock.advance(timedelta(minutes=5))
    assert sorted(s.run("wrong", cram=True)) == ["a", "b", "c", "m", "n"]
    after = s.stats()
    assert (after.reviews, after.cram_reviews, st.cram_reviews) == (11, 5, 0)
    assert after.accuracy == st.accuracy == pytest.approx((1 + 1 + 1 + 0 + 1 + 0) / 6)
    assert after.tag_accuracy == st.tag_accuracy
    assert after.retention == st.retention
    assert (after.new, after.learning) == (st.new, st.learning)
    assert len(effective_reviews(store.reviews("st"))) == 11


def test_days_are_local_study_days(kit, store: Store, answers) -> None:
    """Days are the student's study days, local, ending at 04:00 as the plan's do: answers
    at 23:50 and 00:10 are one evening's; at 03:50 and 04:10 (18:50 and 19:10 UTC, one UTC
    day) two days'."""
    tokyo = ZoneInfo("Asia/Tokyo")  # UTC+9: local midnight is 15:00 UTC
    clock = FixedClock(datetime(2025, 5, 1, 23, 50, tzinfo=tokyo), tz=tokyo)
    s = Scenario(kit, store, clock, answers)
    s.run("right", limit=1)
    clock.set(datetime(2025, 5, 2, 0, 10, tzinfo=tokyo))  # 20 minutes later, after midnight
    s.run("right", limit=1)
    st = s.stats()
    assert st.streak == 1
    assert dict(st.daily_reviews)[date(2025, 5, 1)] == 2
    assert st.forecast[0][0] == date(2025, 5, 1)  # still the evening of the 1st

    clock.set(datetime(2025, 5, 2, 3, 50, tzinfo=tokyo))
    s.run("right", limit=1)
    clock.set(datetime(2025, 5, 2, 4, 10, tzinfo=tokyo))  # the study day of the 2nd begins
    s.run("right", limit=1)
    st = s.stats()
    assert st.streak == 2
    assert dict(st.daily_reviews)[date(2025, 5, 1)] == 3
    assert dict(st.daily_reviews)[date(2025, 5, 2)] == 1
    assert st.forecast[0][0] == date(2025, 5, 2)


def test_removed_questions_are_left_out(kit, store: Store, clock: FixedClock, answers) -> None:
    s = Scenario(kit, store, clock, answers)
    s.run("right", limit=5)
    s.deck = kit.deck("st", QUESTIONS[:2])
    st = s.stats()
    assert (st.new, st.learning, st.reviews) == (0, 2, 2)
    assert set(st.tag_accuracy) == {"x", "y"}
    assert st.tag_accuracy["y"] == (1.0, 1)


def test_stats_json_from_the_command_line(
    data_dir: Path, tf_file, capsys: pytest.CaptureFixture[str]
) -> None:
    # One fixed clock for the session and the command: with the system's, a run near local
    # midnight saw the learning steps fall due "tomorrow".
    clock = FixedClock(datetime(2025, 3, 3, 12, 0, tzinfo=UTC))
    path = tf_file(4)
    from briefquiz.deck.validate import read_deck

    deck, _ = read_deck(path)
    assert deck is not None
    with Store.open(data_dir / "progress.sqlite3") as store:
        session = Session(store, [deck], clock, limit=3, planner=Planner(fuzz=False))
        for given in (True, True, True):  # s00 true: right, s01 false: wrong, s02 true: right
            session.answer(given)
            session.advance()
    assert cli.main(["stats", str(path), "--format", "json"], Context(clock=clock)) == 0
    report = json.loads(capsys.readouterr().out)
    assert isinstance(report, list) and len(report) == 1
    (entry,) = report
    assert entry["deck"] == "bq-test-tf" and entry["questions"] == 4
    assert (entry["new"], entry["learning"], entry["review"], entry["reviews"]) == (1, 3, 0, 3)
    assert entry["accuracy"] == pytest.approx(2 / 3)
    assert entry["streak_days"] == 1
    assert entry["readiness"] is None and entry["seminar_at"] is None
    assert len(entry["forecast"]) == 7 and entry["forecast"][0]["due"] == 3
    assert entry["desired_retention"] == 0.9

    # All decks (the bundled ones too) when none is named; text output works as well.
    assert cli.main(["stats", "--format", "json"], Context(clock=clock)) == 0
    everything = json.loads(capsys.readouterr().out)
    assert {"biden-russia-people"} <= {e["deck"] for e in everything}
    assert cli.main(["stats", str(path)], Context(clock=clock)) == 0
    text = capsys.readouterr().out
    assert "new 1 · learning 3 · review 0" in text and "accuracy 67%" in text


def test_the_seminar_is_marked_on_its_study_day(kit, store: Store, answers) -> None:
    """A seminar at 02:00 on a Saturday is in Friday's study day, where the plan puts its
    final pass: the forecast's days are study days, so its mark goes there too."""
    from briefquiz.progress.records import DeckSettings

    clock = FixedClock(datetime(2025, 5, 5, 12, 0, tzinfo=UTC))  # a Monday
    s = Scenario(kit, store, clock, answers)
    store.save_settings(DeckSettings("st", seminar_at=datetime(2025, 5, 10, 2, 0, tzinfo=UTC)))
    assert s.stats().seminar_day == date(2025, 5, 9)
    store.save_settings(DeckSettings("st", seminar_at=datetime(2025, 5, 10, 9, 0, tzinfo=UTC)))
    assert s.stats().seminar_day == date(2025, 5, 10)
