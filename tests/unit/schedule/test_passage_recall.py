"""The recall heat-map's numbers: per question at the seminar (or now), per passage, weakest."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from briefquiz.clock import FixedClock
from briefquiz.progress.records import DeckSettings
from briefquiz.progress.repository import Store
from briefquiz.schedule.passage_recall import (
    Band,
    PassageRecall,
    passage_recall,
    question_recalls,
    recall_moment,
    weakest_first,
)
from briefquiz.schedule.recall import predicted_recall
from briefquiz.study.session import Session


def test_the_moment_is_the_seminar_when_one_is_ahead(
    store: Store, clock: FixedClock, kit: Any
) -> None:
    deck = kit.deck("d", kit.truefalse(3))
    assert recall_moment(store, [deck], clock).seminar is False
    assert recall_moment(store, [deck], clock).at == clock.now()
    seminar = clock.now() + timedelta(days=4)
    store.save_settings(DeckSettings("d", seminar_at=seminar))
    moment = recall_moment(store, [deck], clock)
    assert (moment.at, moment.seminar) == (seminar, True)
    clock.advance(timedelta(days=5))  # the seminar is past: recall now again
    assert recall_moment(store, [deck], clock).seminar is False


def test_studied_questions_have_the_planner_recall_and_unseen_none(
    store: Store,
    clock: FixedClock,
    kit: Any,
    answers: Any,
    new_session: Callable[..., Session],
) -> None:
    deck = kit.deck("d", kit.truefalse(4))
    session = new_session([deck], limit=2)
    for _ in range(2):
        assert session.current is not None
        session.answer(answers.right(session.current.question))
        session.advance()
    later = clock.now() + timedelta(days=3)
    recalls = question_recalls(store, [deck], later)
    cards = store.cards("d")
    assert len(recalls) == 4
    studied = {key: value for key, value in recalls.items() if value is not None}
    assert len(studied) == 2
    for (_, qid), value in studied.items():
        assert value == pytest.approx(predicted_recall(cards[qid], later))
        assert 0 < value < 1


def test_a_passage_mean_counts_only_studied_questions() -> None:
    recalls = {("d", "a"): 0.8, ("d", "b"): 0.6, ("d", "c"): None}
    passage = passage_recall([("d", "a"), ("d", "b"), ("d", "c"), ("d", "a")], recalls)
    assert passage == PassageRecall(questions=3, unseen=1, recall=pytest.approx(0.7))
    assert passage.band is Band.FADING
    assert passage_recall([("d", "c")], recalls).band is Band.UNSEEN
    assert passage_recall([], recalls).band is Band.NONE
    assert passage_recall([("d", "b")], recalls).band is Band.WEAK
    assert passage_recall([("x", "y")], {("x", "y"): 0.95}).band is Band.STRONG


def test_weakest_first_puts_unseen_after_the_studied_and_skips_the_unasked() -> None:
    passages = [
        PassageRecall(0, 0, None),  # not asked about
        PassageRecall(2, 2, None),  # unseen
        PassageRecall(1, 0, 0.95),
        PassageRecall(3, 1, 0.50),
        PassageRecall(1, 0, 0.50),  # as weak, no unseen question: after the one with some
        PassageRecall(1, 1, None),
    ]
    assert weakest_first(passages) == [3, 4, 2, 1, 5]
