""" "I was right": a session regrades a missed answer right, and stats count it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fsrs import Rating

from briefquiz.deck.model import Typed
from briefquiz.progress.repository import Store
from briefquiz.schedule.stats import deck_stats
from briefquiz.study.grading import Outcome
from briefquiz.study.overrides import overridden_answers
from briefquiz.study.session import Session

TYPED = Typed(id="typed", prompt="Which alliance?", answers=("North Atlantic Treaty",))


def answer_until(session: Session, question_id: str, given: object) -> None:
    """Answer the other (typed) questions `given` too until `question_id`, then it."""
    while session.current is not None and session.current.question.id != question_id:
        session.answer(given)  # type: ignore[arg-type]
        session.advance()
    assert session.current is not None
    session.answer(given)  # type: ignore[arg-type]


def test_override_regrades_right_rated_good_and_reschedules(kit, new_session, store: Store) -> None:
    deck = kit.deck("o", [TYPED])
    session = new_session([deck])
    missed = session.answer("NATO treaty")
    assert missed.outcome is Outcome.WRONG and missed.can_override
    again_due = store.card("o", "typed").due

    fixed = session.override()

    assert (fixed.outcome, fixed.rating, fixed.overridden) == (
        Outcome.RIGHT,
        Rating.Good,
        Outcome.WRONG,
    )
    assert not fixed.can_override
    first, second = store.reviews("o")
    assert (first.outcome, first.rating, first.override) == ("wrong", Rating.Again, False)
    assert (second.outcome, second.rating, second.override) == ("right", Rating.Good, True)
    assert second.replaces == first.uid and second.answer == "NATO treaty"
    assert second.reviewed_at == first.reviewed_at
    assert store.card("o", "typed").due > again_due
    assert session.summary().right == 1 and session.summary().missed == ()
    with pytest.raises(RuntimeError):
        session.override()


def test_a_rating_change_after_an_override_keeps_the_verdict(
    kit, new_session, store: Store
) -> None:
    session = new_session([kit.deck("o", [TYPED])])
    session.answer("NATO treaty")
    session.override()
    easy = session.rerate(Rating.Easy)
    assert (easy.outcome, easy.overridden) == (Outcome.RIGHT, Outcome.WRONG)
    assert [(r.outcome, r.override) for r in store.reviews("o")] == [
        ("wrong", False),
        ("right", True),
        ("right", False),
    ]


def test_in_cram_the_override_is_logged_and_no_schedule_changes(
    kit, new_session, store: Store
) -> None:
    session = new_session([kit.deck("o", [TYPED])], cram=True)
    session.answer("NATO treaty")
    fixed = session.override()
    assert fixed.outcome is Outcome.RIGHT and fixed.next_due is None
    assert store.cards("o") == {}
    assert [(r.outcome, r.override, r.cram) for r in store.reviews("o")] == [
        ("wrong", False, True),
        ("right", True, True),
    ]


def test_a_partly_right_answer_can_be_overridden(kit, new_session, store: Store, answers) -> None:
    question = next(q for q in kit.mixed() if q.id == "match")
    session = new_session([kit.deck("mixed", [question])])
    session.answer(answers.partial(question))
    assert session.feedback is not None and session.feedback.outcome is Outcome.PARTIAL
    assert session.override().overridden is Outcome.PARTIAL


@pytest.mark.parametrize("how", ["right", "self-graded"])
def test_right_and_self_graded_answers_cannot_be_overridden(
    kit, new_session, answers, how: str
) -> None:
    deck = kit.deck("mixed", kit.mixed())
    session = new_session([deck])
    item = session.current
    assert item is not None
    if how == "self-graded":
        while session.current is not None and session.current.question.type != "flashcard":
            session.answer(answers.right(session.current.question))
            session.advance()
        assert session.current is not None
        feedback = session.answer(Rating.Again)
    else:
        feedback = session.answer(answers.right(item.question))
    assert not feedback.can_override
    with pytest.raises(RuntimeError):
        session.override()


def test_accuracy_counts_the_corrected_verdict(kit, new_session, store: Store, clock) -> None:
    deck = kit.deck("o", [TYPED, Typed(id="t2", prompt="p", answers=("Warsaw Pact",))])
    session = new_session([deck])
    session.answer("NATO treaty")
    session.override()
    session.advance()
    session.answer("Varsovie")
    assert deck_stats(store, deck, clock).accuracy == pytest.approx(0.5)


def test_overridden_answers_are_listed_per_question(kit, new_session, store: Store, clock) -> None:
    deck = kit.deck("o", [TYPED, Typed(id="t2", prompt="p", answers=("Warsaw Pact",))])
    for typed in ("NATO treaty", "the NATO treaty", "NATO treaty"):
        session = new_session([deck], cram=True)
        answer_until(session, "typed", typed)
        session.override()
        clock.advance(timedelta(minutes=1))
    session = new_session([deck], cram=True)
    answer_until(session, "typed", "wrong and not overridden")
    (listed,) = overridden_answers(store.reviews("o"), deck)
    assert listed.question is TYPED and listed.times == 3
    assert [(a.text, a.times) for a in listed.answers] == [
        ("NATO treaty", 2),
        ("the NATO treaty", 1),
    ]
    as_json = listed.to_json()
    assert as_json["expected"] == "North Atlantic Treaty"
    assert as_json["answers"][0]["answer"] == "NATO treaty"
    assert as_json["answers"][0]["times"] == 2
