"""The session engine over simulated days, on a real SQLite store and a FixedClock."""

from __future__ import annotations

import copy
import itertools
import random
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from fsrs import Card, Rating, State

from briefquiz.clock import FixedClock
from briefquiz.deck.model import Deck, TrueFalse
from briefquiz.progress.records import DeckSettings
from briefquiz.progress.repository import Store
from briefquiz.schedule.planner import Planner, Policy
from briefquiz.schedule.stats import deck_stats, effective_reviews
from briefquiz.schedule.study_day import study_day_bounds
from briefquiz.study.grading import Outcome
from briefquiz.study.queue import Kind
from briefquiz.study.session import Session

MakeSession = Callable[..., Session]


def answer_all(session: Session, answers, *, right: bool = True) -> list[tuple[str, Kind]]:
    """Answer every question the session asks; returns (question id, kind) in order."""
    asked = []
    while not session.finished:
        item = session.current
        assert item is not None
        asked.append((item.question.id, item.kind))
        session.answer(answers.right(item.question) if right else answers.wrong(item.question))
        session.advance()
    return asked


def kinds(session: Session) -> list[Kind]:
    items = ([session.current] if session.current else []) + session.queue
    return [item.kind for item in items]


# --------------------------------------------------------------------------- card life cycle


def test_new_card_goes_through_learning_to_review_over_days(
    kit, new_session: MakeSession, store: Store, clock: FixedClock, answers
) -> None:
    deck = kit.deck("life", [TrueFalse(id="q", prompt="p", answer=True)])

    session = new_session([deck])
    assert session.current is not None and session.current.kind is Kind.NEW
    assert store.card("life", "q") is None
    first = session.answer(True)
    assert first.outcome is Outcome.RIGHT and first.rating == Rating.Good
    assert first.card_after is not None and first.card_after.state is State.Learning
    assert first.card_after.due == clock.now() + timedelta(minutes=10)
    assert store.card("life", "q") == first.card_after  # saved before advance()

    clock.advance(timedelta(minutes=10))
    again = session.advance()
    assert again is not None and again.question.id == "q" and again.kind is Kind.LEARNING
    graduated = session.answer(True)
    assert graduated.card_after is not None and graduated.card_after.state is State.Review
    assert session.advance() is None  # a review card does not come back the same session

    # Over simulated days: nothing is asked before the study day it is due in (which starts
    # at 04:00), then a review each time, and each right answer pushes the next one further.
    intervals = []
    card = store.card("life", "q")
    assert card is not None
    for _ in range(4):
        day_starts, _end = study_day_bounds(card.due, clock.tz)
        clock.set(day_starts - timedelta(minutes=1))
        assert new_session([deck]).finished
        clock.set(day_starts)
        session = new_session([deck])
        assert session.current is not None and session.current.kind is Kind.REVIEW
        feedback = session.answer(True)
        session.advance()
        assert session.finished
        assert feedback.card_after is not None
        intervals.append(feedback.card_after.due - clock.now())
        card = store.card("life", "q")
        assert card == feedback.card_after
    assert all(later > earlier for earlier, later in itertools.pairwise(intervals))
    assert intervals[-1] > timedelta(days=20)
    assert [r.rating for r in store.reviews("life")] == [3] * 6
    assert not any(r.cram for r in store.reviews("life"))


def test_lapse_goes_to_relearning_and_back_to_review(
    kit, new_session: MakeSession, store: Store, clock: FixedClock
) -> None:
    deck = kit.deck("lapse", [TrueFalse(id="q", prompt="p", answer=True)])
    session = new_session([deck])
    first = session.answer(True)
    # Never the same question twice in a row: with nothing else to ask, the session ends.
    assert session.advance() is None
    assert first.card_after is not None
    clock.set(first.card_after.due)
    session = new_session([deck])
    assert session.current is not None and session.current.kind is Kind.LEARNING
    session.answer(True)
    session.advance()
    card = store.card("lapse", "q")
    assert card is not None and card.state is State.Review
    for _ in range(2):  # two good reviews, so the stability is worth losing
        clock.set(card.due)
        session = new_session([deck])
        session.answer(True)
        session.advance()
        card = store.card("lapse", "q")
        assert card is not None
    before_lapse = card
    assert before_lapse.stability is not None

    clock.set(before_lapse.due)
    session = new_session([deck])
    assert session.current is not None and session.current.kind is Kind.REVIEW
    lapse = session.answer(False)
    assert lapse.outcome is Outcome.WRONG and lapse.rating == Rating.Again
    assert lapse.card_after is not None and lapse.card_after.state is State.Relearning
    assert lapse.card_after.due == clock.now() + timedelta(minutes=10)
    assert store.card("lapse", "q") == lapse.card_after
    assert lapse.card_after.stability is not None
    assert lapse.card_after.stability < before_lapse.stability

    clock.advance(timedelta(minutes=10))
    back = session.advance()
    assert back is not None and back.question.id == "q" and back.kind is Kind.LEARNING
    relearned = session.answer(True)
    assert relearned.card_after is not None and relearned.card_after.state is State.Review
    assert session.advance() is None
    after = store.card("lapse", "q")
    assert after == relearned.card_after and after is not None
    # The interval after the lapse is shorter than the one before it.
    assert after.due - clock.now() < before_lapse.due - before_lapse.last_review  # type: ignore[operator]
    assert [r.rating for r in store.reviews("lapse")] == [3, 3, 3, 3, 1, 3]


def test_a_learning_card_requeued_for_later_waits_while_other_work_is_due(
    new_session: MakeSession, tf_deck: Deck
) -> None:
    session = new_session([tf_deck], limit=None)
    assert session.current is not None
    first = session.current.question.id
    session.answer(not session.current.question.answer)  # Again: back in 1 minute
    order = [first]
    while True:
        item = session.advance()
        if item is None:
            break
        order.append(item.question.id)
        session.answer(item.question.answer)  # type: ignore[union-attr]
        if len(order) > 20:
            break
    ids = [q.id for q in tf_deck.questions]
    # The missed one comes back after the other new questions, not straight away.
    assert order[: len(ids)] == ids
    assert order[len(ids)] == first


# --------------------------------------------------------------------------- grading and ratings


@pytest.mark.parametrize(
    ("how", "outcome", "rating"),
    [
        ("right", Outcome.RIGHT, Rating.Good),
        ("wrong", Outcome.WRONG, Rating.Again),
        ("partial", Outcome.PARTIAL, Rating.Hard),
    ],
)
def test_auto_graded_answers_get_their_rating(
    kit, new_session: MakeSession, store: Store, answers, how: str, outcome: Outcome, rating: Rating
) -> None:
    deck = kit.deck("graded", kit.mixed())
    session = new_session([deck], cram=False)
    checked = 0
    while not session.finished and checked < len(deck.questions):
        item = session.current
        assert item is not None
        question = item.question
        if question.type == "flashcard":
            session.answer(Rating.Easy)
            session.advance()
            checked += 1
            continue
        try:
            given = getattr(answers, how)(question)
        except TypeError:  # no partly right answer to a single-answer question
            given = answers.right(question)
            expected = (Outcome.RIGHT, Rating.Good)
        else:
            expected = (outcome, rating)
        feedback = session.answer(given)
        assert (feedback.outcome, feedback.rating) == expected, question.id
        assert feedback.card_after is not None
        saved = store.reviews("graded")[-1]
        assert saved.question_id == question.id
        assert (saved.outcome, saved.rating) == (str(expected[0]), int(expected[1]))
        session.advance()
        checked += 1
    assert checked == len(deck.questions)


def test_flashcard_uses_the_learners_own_rating(
    kit, new_session: MakeSession, store: Store
) -> None:
    deck = kit.deck("flash", kit.mixed()[:1])
    session = new_session([deck])
    feedback = session.answer(Rating.Hard)
    assert feedback.outcome is Outcome.SELF_GRADED and feedback.rating == Rating.Hard
    assert store.reviews("flash")[0].outcome == "self"
    with pytest.raises(TypeError):
        new_session([kit.deck("flash2", kit.mixed()[:1])]).answer(True)


def to_review(new_session: MakeSession, deck: Deck, store: Store, clock: FixedClock) -> Card:
    """Answer a one-question deck right until its card is in Review; that card."""
    learning = new_session([deck]).answer(True).card_after
    assert learning is not None
    clock.set(learning.due)
    new_session([deck]).answer(True)
    card = store.card(deck.id, deck.questions[0].id)
    assert card is not None and card.state is State.Review
    return card


def test_rerate_replaces_the_review_and_reschedules_from_the_original_card(
    kit, new_session: MakeSession, store: Store, clock: FixedClock
) -> None:
    deck = kit.deck("rerate", [TrueFalse(id="q", prompt="p", answer=True)])
    # Bring the card to Review so that Again and Good lead to different states.
    original = to_review(new_session, deck, store, clock)
    clock.set(original.due + timedelta(hours=3))

    session = new_session([deck])
    first = session.answer(True)
    assert first.rating == Rating.Good
    good_card = store.card("rerate", "q")
    clock.advance(timedelta(seconds=40))  # the learner thinks it over
    changed = session.rerate(Rating.Again)

    reviews = store.reviews("rerate")
    assert len(reviews) == 4
    assert reviews[-2].uid == first.review_uid and reviews[-2].replaces is None
    assert reviews[-1].uid == changed.review_uid != first.review_uid
    assert reviews[-1].replaces == first.review_uid
    assert reviews[-1].rating == int(Rating.Again)
    assert reviews[-1].outcome == "right"  # the answer was right; only the rating changed
    assert reviews[-1].reviewed_at == reviews[-2].reviewed_at == first.answered_at

    policy = Policy(0.9, None)
    expected = Planner(fuzz=False).review(
        copy.copy(original), Rating.Again, first.answered_at, policy
    )
    stored = store.card("rerate", "q")
    assert stored == expected == changed.card_after
    assert stored != good_card
    assert stored is not None and stored.state is State.Relearning
    assert changed.card_before == original

    effective = effective_reviews(store.reviews("rerate"))
    assert len(effective) == 3
    assert first.review_uid not in {r.uid for r in effective}
    assert effective[-1].rating == int(Rating.Again)

    # Changing it again replaces the replacement; the card is still computed from the original.
    final = session.rerate(Rating.Easy)
    reviews = store.reviews("rerate")
    assert reviews[-1].replaces == changed.review_uid
    expected = Planner(fuzz=False).review(
        copy.copy(original), Rating.Easy, first.answered_at, policy
    )
    assert store.card("rerate", "q") == expected == final.card_after
    effective = effective_reviews(reviews)
    assert [r.rating for r in effective] == [3, 3, 4]

    # Choosing the rating it already has changes nothing.
    assert session.rerate(Rating.Easy) is final
    assert len(store.reviews("rerate")) == 5
    assert session.history == [final]


def test_answering_with_a_rating_is_answering_then_rerating_without_the_replaced_row(
    kit, new_session: MakeSession, store: Store, clock: FixedClock
) -> None:
    decks = {name: kit.deck(name, [TrueFalse(id="q", prompt="p", answer=True)]) for name in "ab"}
    card, _same = (to_review(new_session, deck, store, clock) for deck in decks.values())
    clock.set(card.due + timedelta(hours=3))
    direct = new_session([decks["a"]]).answer(True, 5000, rating=Rating.Easy)
    two_steps = new_session([decks["b"]])
    two_steps.answer(True, 5000)
    rerated = two_steps.rerate(Rating.Easy)
    assert direct.rating == rerated.rating == Rating.Easy
    assert store.card("a", "q") == direct.card_after
    after_a, after_b = store.card("a", "q"), store.card("b", "q")
    assert after_a is not None and after_b is not None
    assert (after_a.stability, after_a.difficulty, after_a.due) == (
        after_b.stability,
        after_b.difficulty,
        after_b.due,
    )
    assert len(store.reviews("a")) == 3 and len(store.reviews("b")) == 4
    assert store.reviews("a")[-1].rating == int(Rating.Easy)


def test_rerated_to_again_the_card_comes_back_in_the_same_session(
    kit, new_session: MakeSession, clock: FixedClock
) -> None:
    deck = kit.deck("rerate2", [TrueFalse(id="q", prompt="p", answer=True)])
    learning = new_session([deck]).answer(True).card_after
    assert learning is not None
    clock.set(learning.due)
    session = new_session([deck])
    session.answer(True)
    session.rerate(Rating.Again)
    clock.advance(timedelta(minutes=1))
    item = session.advance()
    assert item is not None and item.question.id == "q" and item.kind is Kind.LEARNING


def test_rerate_needs_an_answer(new_session: MakeSession, tf_deck: Deck) -> None:
    session = new_session([tf_deck])
    with pytest.raises(RuntimeError):
        session.rerate(Rating.Good)
    with pytest.raises(RuntimeError):  # no skipping a question unanswered
        session.advance()
    session.answer(True)
    with pytest.raises(RuntimeError):
        session.answer(True)
    session.advance()
    with pytest.raises(RuntimeError):
        session.rerate(Rating.Good)


# --------------------------------------------------------------------------- cram


def test_cram_leaves_every_schedule_untouched_and_logs_cram_reviews(
    kit, new_session: MakeSession, store: Store, clock: FixedClock, answers
) -> None:
    deck = kit.deck("cram", kit.truefalse(8))
    session = new_session([deck], limit=5)  # five studied, three never seen
    answer_all(session, answers)
    clock.advance(timedelta(days=1, hours=2))
    session = new_session([deck], limit=2)
    answer_all(session, answers, right=False)
    cards_before = store.cards("cram")
    settings_before = store.settings("cram")
    assert len(cards_before) == 5
    reviews_before = len(store.reviews("cram"))
    day = (clock.now().replace(hour=0), clock.now().replace(hour=0) + timedelta(days=1))
    introduced_before = store.new_introduced_on("cram", *day)

    clock.advance(timedelta(minutes=5))
    cram = new_session([deck], cram=True)
    assert cram.remaining == 8 and set(kinds(cram)) == {Kind.CRAM}
    # Never studied (recall 0) first, in deck order.
    assert [cram.current.question.id, *[i.question.id for i in cram.queue][:2]] == [  # type: ignore[union-attr]
        "q5",
        "q6",
        "q7",
    ]
    asked = []
    rng = random.Random(5)
    while not cram.finished:
        item = cram.current
        assert item is not None
        asked.append(item.question.id)
        given = answers.right(item.question) if rng.random() < 0.5 else answers.wrong(item.question)
        feedback = cram.answer(given)
        assert feedback.card_before is None and feedback.card_after is None
        if feedback.outcome is Outcome.WRONG:
            cram.rerate(Rating.Hard)
        cram.advance()
    assert sorted(asked) == sorted(q.id for q in deck.questions)  # each once, no requeue

    assert store.cards("cram") == cards_before
    assert store.settings("cram") == settings_before
    logged = store.reviews("cram")[reviews_before:]
    assert len(effective_reviews(logged)) == 8
    assert all(r.cram for r in logged)
    assert store.new_introduced_on("cram", *day) == introduced_before
    # The three never studied are still new for normal study.
    normal = new_session([deck])
    assert sorted(
        i.question.id for i in [normal.current, *normal.queue] if i and i.kind is Kind.NEW
    ) == [
        "q5",
        "q6",
        "q7",
    ]
    summary = cram.summary()
    assert summary.cram and summary.answered == 8


# --------------------------------------------------------------------------- daily new limit


def test_new_questions_default_to_twenty_a_day(
    kit, new_session: MakeSession, store: Store, answers
) -> None:
    deck = kit.deck("many", kit.truefalse(25))
    session = new_session([deck])
    assert kinds(session).count(Kind.NEW) == 20
    assert [i.question.id for i in [session.current, *session.queue]] == [  # type: ignore[union-attr]
        f"q{i}" for i in range(20)
    ]
    for _ in range(7):
        session.answer(answers.right(session.current.question))  # type: ignore[union-attr]
        session.advance()
    # A second session the same day gets only what is left of today's allowance.
    assert kinds(new_session([deck])).count(Kind.NEW) == 13


def test_new_per_day_is_a_setting(kit, new_session: MakeSession, store: Store) -> None:
    deck = kit.deck("few", kit.truefalse(25))
    store.save_settings(DeckSettings("few", new_per_day=5))
    assert kinds(new_session([deck])).count(Kind.NEW) == 5
    store.save_settings(DeckSettings("few", new_per_day=0))
    assert new_session([deck]).finished


def test_new_counts_reset_at_the_next_local_study_day(kit, store: Store, answers) -> None:
    berlin = ZoneInfo("Europe/Berlin")
    # The study day ends at 04:00 local time. 04:30 in Berlin (UTC+1 in winter) is 03:30 UTC,
    # before 04:00 UTC: only a reset on the local study day lets new questions in again.
    clock = FixedClock(datetime(2025, 1, 14, 23, 30, tzinfo=berlin), tz=berlin)
    deck = kit.deck("local", kit.truefalse(12))
    store.save_settings(DeckSettings("local", new_per_day=5))

    def session() -> Session:
        return Session(store, [deck], clock, rng=random.Random(0), planner=Planner(fuzz=False))

    first = session()
    assert kinds(first).count(Kind.NEW) == 5
    answer_all(first, answers)
    assert len(store.cards("local")) == 5

    clock.set(datetime(2025, 1, 15, 3, 59, tzinfo=berlin))  # after midnight, same study day
    assert Kind.NEW not in kinds(session())

    clock.set(datetime(2025, 1, 15, 4, 30, tzinfo=berlin))
    assert clock.now().hour == 3
    next_day = session()
    assert [
        i.question.id for i in [next_day.current, *next_day.queue] if i and i.kind is Kind.NEW
    ] == [
        "q5",
        "q6",
        "q7",
        "q8",
        "q9",
    ]


def test_cram_answers_do_not_use_up_the_new_allowance(
    kit, new_session: MakeSession, store: Store, answers
) -> None:
    deck = kit.deck("cramnew", kit.truefalse(6))
    store.save_settings(DeckSettings("cramnew", new_per_day=3))
    answer_all(new_session([deck], cram=True), answers)
    assert kinds(new_session([deck])).count(Kind.NEW) == 3


# --------------------------------------------------------------------------- deck edits


def test_an_edited_deck_keeps_progress(
    kit, new_session: MakeSession, store: Store, clock: FixedClock, answers
) -> None:
    original = kit.truefalse(3)
    v1 = kit.deck("edit", original)
    answer_all(new_session([v1]), answers)
    cards = store.cards("edit")
    assert set(cards) == {"q0", "q1", "q2"}
    assert all(card.state is State.Review for card in cards.values())
    reviews_q2 = [r for r in store.reviews("edit") if r.question_id == "q2"]

    # Same id, new wording: same card, nothing new to learn.
    reworded = TrueFalse(id="q1", prompt="Reworded statement.", answer=True)
    v2 = kit.deck("edit", [original[0], reworded, original[2]])
    session = new_session([v2])
    assert session.finished  # nothing due, nothing new
    assert store.card("edit", "q1") == cards["q1"]

    # Removed: its card and history stay in the store, but it is never asked.
    v3 = kit.deck("edit", [original[0], reworded])
    clock.set(max(card.due for card in cards.values()) + timedelta(hours=1))
    session = new_session([v3])
    asked = answer_all(session, answers)
    assert sorted(question for question, _ in asked) == ["q0", "q1"]
    assert store.card("edit", "q2") == cards["q2"]
    assert [r for r in store.reviews("edit") if r.question_id == "q2"] == reviews_q2
    stats = deck_stats(store, v3, clock)
    assert (stats.new, stats.review, stats.reviews) == (0, 2, 6 - len(reviews_q2) + 2)

    # Back again: its progress is back, and it is due (not new).
    v4 = kit.deck("edit", [original[0], reworded, original[2]])
    assert store.card("edit", "q2") == cards["q2"]
    session = new_session([v4])
    assert session.current is not None
    assert (session.current.question.id, session.current.kind) == ("q2", Kind.REVIEW)
    assert session.current.card == cards["q2"]
    assert session.queue == []


# --------------------------------------------------------------------------- flow


def test_limit_and_remaining(new_session: MakeSession, tf_deck: Deck, answers) -> None:
    session = new_session([tf_deck], limit=4)
    assert session.remaining == 4
    asked = answer_all(session, answers)
    assert len(asked) == 4 and session.done == 4 and session.remaining == 0
    assert session.summary().answered == 4


def test_stop_keeps_what_was_answered(
    new_session: MakeSession, store: Store, tf_deck: Deck
) -> None:
    session = new_session([tf_deck])
    session.answer(False)
    session.stop()
    assert session.finished and session.current is None
    assert len(store.reviews("tf")) == 1
    summary = session.summary()
    assert summary.answered == 1 and summary.wrong + summary.right == 1


def test_summary_counts_and_next_due(
    kit, new_session: MakeSession, store: Store, clock: FixedClock, answers
) -> None:
    deck = kit.deck("sum", kit.mixed())
    session = new_session([deck], limit=8)
    plan = {"flash": Rating.Again, "choice": "right", "multi": "partial", "tf": "wrong"}
    while not session.finished:
        item = session.current
        assert item is not None
        how = plan.get(item.question.id, "right")
        given = how if isinstance(how, Rating) else getattr(answers, how)(item.question)
        session.answer(given, duration_ms=1500)
        session.advance()
    summary = session.summary()
    assert summary.answered == 8
    assert (summary.right, summary.partial, summary.wrong, summary.self_graded) == (5, 1, 1, 1)
    assert summary.seconds == pytest.approx(12.0)
    assert {f.item.question.id for f in summary.missed} == {"flash", "multi", "tf"}
    assert summary.next_due == min(c.due for c in store.cards("sum").values())
    assert summary.next_due is not None and summary.next_due > clock.now()
    assert [r.duration_ms for r in store.reviews("sum")] == [1500] * 8


def test_several_decks_in_one_session(kit, new_session: MakeSession, store: Store, answers) -> None:
    a = kit.deck("a", kit.truefalse(3, "a"))
    b = kit.deck("b", kit.truefalse(3, "b"))
    store.save_settings(DeckSettings("b", new_per_day=2))
    session = new_session([a, b])
    # new questions take turns between the decks, each deck in its own order
    assert [i.question.id for i in [session.current, *session.queue]] == [  # type: ignore[union-attr]
        "a0",
        "b0",
        "a1",
        "b1",
        "a2",
    ]
    answer_all(session, answers)
    assert set(store.cards("a")) == {"a0", "a1", "a2"}
    assert set(store.cards("b")) == {"b0", "b1"}


def test_progress_is_saved_before_feedback_is_returned(
    new_session: MakeSession, store: Store, tmp_path, tf_deck: Deck
) -> None:
    session = new_session([tf_deck])
    feedback = session.answer(True)
    # Another connection sees the answer at once: it was committed, not buffered.
    with Store.open(tmp_path / "progress.sqlite3") as other:
        assert [r.uid for r in other.reviews("tf")] == [feedback.review_uid]
        assert other.card("tf", feedback.item.question.id) == feedback.card_after


def test_card_is_none_for_new_items_and_the_card_for_due_ones(
    kit, new_session: MakeSession, store: Store, clock: FixedClock, answers
) -> None:
    deck = kit.deck("c", kit.truefalse(2))
    session = new_session([deck], limit=1)
    assert session.current is not None and session.current.card is None
    answer_all(session, answers)
    clock.advance(timedelta(minutes=30))
    session = new_session([deck])
    first = session.current
    assert first is not None and first.kind is Kind.LEARNING
    assert isinstance(first.card, Card) and first.card == store.card("c", "q0")


def test_a_question_missed_and_due_again_waits_for_another_first(
    kit, new_session: MakeSession, clock: FixedClock
) -> None:
    deck = kit.deck(
        "twice",
        [TrueFalse(id="q1", prompt="p", answer=True), TrueFalse(id="q2", prompt="p", answer=True)],
    )
    session = new_session([deck])
    assert session.current is not None and session.current.question.id == "q1"
    session.answer(False)  # back in a minute
    clock.advance(timedelta(minutes=2))  # the learner reads the feedback a long while
    item = session.advance()
    assert item is not None and item.question.id == "q2"
    session.answer(True)
    item = session.advance()
    assert item is not None and item.question.id == "q1"


def test_ahead_asks_every_question_now_as_real_reviews(
    kit, new_session: MakeSession, store: Store, clock: FixedClock, answers
) -> None:
    deck = kit.deck("ahead", kit.truefalse(4))
    answer_all(new_session([deck], limit=2), answers)  # two studied, two never seen
    clock.advance(timedelta(days=1))
    usual = new_session([deck], limit=0)  # no new one: only what is due now
    ahead = new_session([deck], ahead=True)
    assert usual.remaining < 4
    assert ahead.remaining == 4 and Kind.CRAM not in kinds(ahead)
    assert {item.kind for item in [ahead.current, *ahead.queue] if item} >= {Kind.NEW}
    before = store.cards("ahead")
    answer_all(ahead, answers)
    after = store.cards("ahead")
    assert set(after) == {"q0", "q1", "q2", "q3"}  # the new ones introduced
    for qid, card in before.items():
        assert after[qid].last_review != card.last_review  # the studied ones rescheduled
    assert not any(review.cram for review in store.reviews("ahead"))
