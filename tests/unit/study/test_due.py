"""Counts a learner can trust: what a session would ask now, and the re-asks it knows of."""

from __future__ import annotations

from briefquiz.clock import FixedClock
from briefquiz.deck.model import Deck
from briefquiz.progress.records import DeckSettings
from briefquiz.progress.repository import Store
from briefquiz.schedule.stats import deck_stats
from briefquiz.study.due import added, due_work, session_stats
from briefquiz.study.session import Session


def test_due_work_is_what_the_session_starts(
    new_session, store: Store, clock: FixedClock, tf_deck: Deck, answers
) -> None:
    store.save_settings(DeckSettings("tf", new_per_day=4))
    work = due_work(store, [tf_deck], clock)
    assert (work.due, work.new, work.new_left, work.total) == (0, 4, 6, 4)
    session: Session = new_session([tf_deck])
    assert session.remaining == work.total
    for _ in range(4):  # all wrong: each is a learning step a minute away
        item = session.current
        assert item is not None
        session.answer(answers.wrong(item.question))
        if session.done < 4:
            session.advance()
    work = due_work(store, [tf_deck], clock)
    assert (work.due, work.new, work.new_left) == (4, 0, 2)  # the limit is reached
    assert new_session([tf_deck]).remaining == work.total


def test_to_go_counts_the_reasks_it_knows_of(new_session, tf_deck: Deck, answers) -> None:
    session: Session = new_session([tf_deck], limit=None)
    start = session.to_go
    assert session.again == 0
    item = session.current
    assert item is not None
    session.answer(answers.wrong(item.question))  # Again: back in a minute
    assert (session.to_go, session.again) == (start, 1)  # this one comes back
    session.advance()
    assert (session.to_go, session.again) == (start, 1)
    item = session.current
    assert item is not None
    session.answer(answers.right(item.question))  # Good: a learning step 10 min on
    assert (session.to_go, session.again) == (start, 2)


def test_the_work_of_several_decks_is_each_decks_added(
    new_session, store: Store, clock: FixedClock, kit, answers
) -> None:
    """What home shows: each deck's counts, and their sum for the title and the text line,
    which must be what one session on all of them would ask."""
    first, second = kit.deck("a", kit.truefalse(6, "a")), kit.deck("b", kit.truefalse(5, "b"))
    store.save_settings(DeckSettings("a", new_per_day=3))
    session: Session = new_session([first, second])
    for right in (False, True, False):  # a mix of learning steps and reviews
        item = session.current
        assert item is not None
        session.answer(answers.right(item.question) if right else answers.wrong(item.question))
        session.advance()
    together = due_work(store, [first, second], clock)
    each = added(due_work(store, [deck], clock) for deck in (first, second))
    assert each == together and together.due > 0 and together.new > 0


def test_the_stats_count_due_as_the_session_does(
    new_session, store: Store, clock: FixedClock, tf_deck: Deck, answers
) -> None:
    """Home's Due column and the stats' "due now" are one number. Right after four right
    answers their learning steps are ten minutes ahead: a session asks them now, FSRS does
    not yet call them due."""
    store.save_settings(DeckSettings("tf", new_per_day=4))
    session: Session = new_session([tf_deck])
    for _ in range(4):  # then stop: the four come back within minutes
        item = session.current
        assert item is not None
        session.answer(answers.right(item.question))
        session.advance()
    assert deck_stats(store, tf_deck, clock).due_now == 0
    assert session_stats(store, tf_deck, clock).due_now == 4
    assert due_work(store, [tf_deck], clock).due == 4
