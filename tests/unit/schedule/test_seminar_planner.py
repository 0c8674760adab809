"""The seminar planner through real sessions on an injected clock: pacing, catch-up, due by
the study day, the final pass and determinism."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from fsrs import Rating, State

from briefquiz.clock import FixedClock
from briefquiz.deck.model import Deck
from briefquiz.progress.records import DeckSettings, ReviewRecord, new_review_uid
from briefquiz.progress.repository import Store
from briefquiz.schedule.final_pass import FinalPass
from briefquiz.schedule.pacing import FRONT_LOAD, new_pace
from briefquiz.schedule.planner import Planner
from briefquiz.schedule.recall import predicted_recall
from briefquiz.schedule.session_plan import PlanRules
from briefquiz.schedule.study_day import study_day_end
from briefquiz.study.queue import Kind
from briefquiz.study.session import Session

START = datetime(2025, 3, 3, 19, 0, tzinfo=UTC)  # a Monday evening
SEMINAR = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)  # the Monday after, 09:00


def session(store: Store, deck: Deck, clock: FixedClock, seed: int = 0, **kw: object) -> Session:
    return Session(store, [deck], clock, rng=random.Random(seed), planner=Planner(seed=seed), **kw)  # type: ignore[arg-type]


def study(
    store: Store, deck: Deck, clock: FixedClock, right: Callable[[int], bool] = lambda _: True
) -> list[tuple[str, Kind, int]]:
    """Answer a whole session; what was asked, of which kind, with which rating."""
    current = session(store, deck, clock)
    asked: list[tuple[str, Kind, int]] = []
    while not current.finished:
        item = current.current
        assert item is not None
        good = right(len(asked))
        feedback = current.answer(item.question.answer if good else not item.question.answer)  # type: ignore[union-attr]
        asked.append((item.question.id, item.kind, int(feedback.rating)))
        clock.advance(timedelta(seconds=20))
        current.advance()
    return asked


def test_every_new_question_is_introduced_at_the_first_session(kit, store: Store) -> None:
    deck = kit.deck("paced", kit.truefalse(40))
    store.save_settings(DeckSettings("paced", seminar_at=SEMINAR))
    clock = FixedClock(START)
    introduced: list[int] = []
    for day in range(7):
        clock.set(START + timedelta(days=day))
        study(store, deck, clock)
        introduced.append(len(store.cards("paced")))
    assert introduced == [40] * 7


def test_more_than_a_day_can_start_waits_unless_the_deadline_needs_it() -> None:
    # Up to FRONT_LOAD a day; three days before the seminar (Friday) is the deadline.
    assert new_pace(200, 0, START, SEMINAR, UTC).today == FRONT_LOAD
    tuesday = START + timedelta(days=1)
    assert new_pace(200 - FRONT_LOAD, 0, tuesday, SEMINAR, UTC).today == 200 - FRONT_LOAD
    many = new_pace(700, 0, START, SEMINAR, UTC)  # five study days, Monday to Friday
    assert (many.today, many.per_day, many.days_left) == (140, 140, 5)


def test_skipped_days_are_caught_up() -> None:
    monday = new_pace(700, 0, START, SEMINAR, UTC)
    assert monday.today == 140
    wednesday = new_pace(700 - 140, 0, START + timedelta(days=2), SEMINAR, UTC)  # Tuesday skipped
    assert (wednesday.today, wednesday.days_left) == (187, 3)  # 560 over Wednesday to Friday
    friday = new_pace(560 - 187, 0, START + timedelta(days=4), SEMINAR, UTC)  # Thursday too
    assert friday.today == 373  # all that is left, on the last day to introduce them


def test_skipped_days_are_caught_up_within_the_students_limit(kit, store: Store) -> None:
    deck = kit.deck("skip", kit.truefalse(40))
    store.save_settings(DeckSettings("skip", new_per_day=15, seminar_at=SEMINAR))
    clock = FixedClock(START)
    study(store, deck, clock)
    assert len(store.cards("skip")) == 15
    clock.set(START + timedelta(days=2))  # Tuesday skipped
    asked = study(store, deck, clock)
    assert sum(kind is Kind.NEW for _, kind, _ in asked) == 15
    clock.set(START + timedelta(days=3))
    study(store, deck, clock)
    assert len(store.cards("skip")) == 40  # in by Thursday, before Friday's deadline


def test_a_limit_the_student_set_is_never_overridden() -> None:
    pace = new_pace(40, 0, START, SEMINAR, UTC, limit=5)
    assert (pace.today, pace.per_day, pace.short_by) == (5, 8, 3)
    assert new_pace(40, 0, START, SEMINAR, UTC).today == 40
    assert new_pace(40, 0, START, SEMINAR, UTC, limit=10).today == 10  # all the limit allows
    assert new_pace(40, 5, START, SEMINAR, UTC, limit=5).today == 0


def test_the_limit_caps_sessions(kit, store: Store) -> None:
    deck = kit.deck("capped", kit.truefalse(40))
    store.save_settings(DeckSettings("capped", new_per_day=3, seminar_at=SEMINAR))
    asked = study(store, deck, FixedClock(START))
    assert sum(kind is Kind.NEW for _, kind, _ in asked) == 3


def test_due_today_means_due_before_the_study_day_ends(kit, store: Store) -> None:
    deck = kit.deck("night", kit.truefalse(3))
    store.save_settings(DeckSettings("night", new_per_day=0))
    now = datetime(2025, 3, 3, 20, 0, tzinfo=UTC)
    ends = study_day_end(now, UTC)
    assert ends == datetime(2025, 3, 4, 4, 0, tzinfo=UTC)
    for qid, due in [
        ("q0", now + timedelta(hours=6, minutes=10)),
        ("q1", ends),
        ("q2", now + timedelta(seconds=45)),
    ]:
        card = store.new_card("night", qid, now - timedelta(days=5))
        card.state, card.step, card.stability, card.difficulty = State.Review, None, 5.0, 5.0
        card.due, card.last_review = due, now - timedelta(days=5)
        store.record_review(
            ReviewRecord(
                new_review_uid(),
                "night",
                qid,
                now - timedelta(days=5),
                3,
                "right",
                True,
                1000,
                False,
            ),
            card,
        )
    current = session(store, deck, FixedClock(now))
    asked = {item.question.id for item in [current.current, *current.queue] if item}
    assert asked == {"q0", "q2"}  # 02:10 belongs to tonight; 04:00 is tomorrow's
    later = session(store, deck, FixedClock(now), rules=PlanRules(day_starts=time(1, 0)))
    assert {i.question.id for i in [later.current, *later.queue] if i} == {"q2"}


def test_the_final_pass_asks_every_weak_question_weakest_first(kit, store: Store) -> None:
    deck = kit.deck("final", kit.truefalse(24))
    store.save_settings(DeckSettings("final", seminar_at=SEMINAR))
    clock = FixedClock(START)
    for day in range(6):
        clock.set(START + timedelta(days=day))
        study(store, deck, clock, right=lambda n: n % 4 != 3)
    clock.set(datetime(2025, 3, 9, 19, 0, tzinfo=UTC))  # Sunday evening: 14 hours before
    cards = store.cards("final")
    weak = sorted(
        (q for q, c in cards.items() if predicted_recall(c, SEMINAR) < FinalPass().target),
        key=lambda q: predicted_recall(cards[q], SEMINAR),
    )
    assert len(weak) >= 10
    current = session(store, deck, clock)
    finals = [
        i.question.id for i in [current.current, *current.queue] if i and i.kind is Kind.FINAL
    ]
    due = {
        i.question.id for i in [current.current, *current.queue] if i and i.kind is not Kind.FINAL
    }
    assert set(finals) | due >= set(weak)
    assert finals == [q for q in weak if q not in due]
    # Answered, the first try of each wrong, the second right: each is relearned at once.
    tries: dict[str, list[int]] = {}
    while not current.finished:
        item = current.current
        assert item is not None
        first = item.question.id not in tries
        feedback = current.answer(not item.question.answer if first else item.question.answer)  # type: ignore[union-attr]
        tries.setdefault(item.question.id, []).append(int(feedback.rating))
        clock.advance(timedelta(seconds=20))
        current.advance()
    for qid in finals:
        assert tries[qid][:2] == [Rating.Again, Rating.Good]
    # Passed in the window: the next session does not ask them again.
    clock.advance(timedelta(hours=1))
    again = session(store, deck, clock)
    assert not [i for i in [again.current, *again.queue] if i and i.kind is Kind.FINAL]


def test_a_final_pass_miss_gets_three_tries_at_most(kit, store: Store) -> None:
    deck = kit.deck("tries", kit.truefalse(1))
    store.save_settings(DeckSettings("tries", seminar_at=SEMINAR))
    clock = FixedClock(datetime(2025, 3, 6, 19, 0, tzinfo=UTC))
    study(store, deck, clock)
    clock.set(datetime(2025, 3, 9, 19, 0, tzinfo=UTC))
    asked = study(store, deck, clock, right=lambda _: False)
    assert [kind for _, kind, _ in asked] == [Kind.FINAL] * FinalPass().tries


def test_after_the_seminar_there_is_no_final_pass(kit, store: Store) -> None:
    deck = kit.deck("after", kit.truefalse(6))
    store.save_settings(DeckSettings("after", seminar_at=SEMINAR))
    clock = FixedClock(datetime(2025, 3, 8, 19, 0, tzinfo=UTC))
    study(store, deck, clock)
    clock.set(SEMINAR + timedelta(hours=1))
    assert all(kind is not Kind.FINAL for _, kind, _ in study(store, deck, clock))


def test_the_plan_is_deterministic_given_the_clock_and_seed(kit, tmp_path: Path) -> None:
    deck = kit.deck("same", kit.truefalse(30))

    def run(name: str) -> list[tuple[str, Kind, int, datetime]]:
        with Store.open(tmp_path / name) as store:
            store.save_settings(DeckSettings("same", seminar_at=SEMINAR))
            clock = FixedClock(START)
            out = []
            for day in range(7):
                clock.set(START + timedelta(days=day))
                coin = random.Random(day)
                for qid, kind, rating in study(
                    store, deck, clock, right=lambda _, coin=coin: coin.random() < 0.8
                ):
                    card = store.card("same", qid)
                    assert card is not None
                    out.append((qid, kind, rating, card.due))
            return out

    random.seed(1)
    first = run("a.sqlite3")
    random.seed(2)
    assert run("b.sqlite3") == first
