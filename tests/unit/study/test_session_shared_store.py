"""Two sessions on one progress file: each answer is built on the card as stored, not as queued."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

import pytest
from fsrs import State

from briefquiz.clock import FixedClock
from briefquiz.deck.model import Deck, TrueFalse
from briefquiz.progress.repository import Store
from briefquiz.schedule.planner import Planner
from briefquiz.study.session import Session


def session(store: Store, deck: Deck, clock: FixedClock) -> Session:
    return Session(store, [deck], clock, rng=random.Random(1), planner=Planner(fuzz=False))


@pytest.mark.parametrize("queued", ["new", "learning"])
def test_the_second_writer_builds_on_the_first_writers_card(
    kit, tmp_path: Path, clock: FixedClock, queued: str
) -> None:
    deck = kit.deck("shared", [TrueFalse(id="q", prompt="p", answer=True)])
    path = tmp_path / "progress.sqlite3"
    with Store.open(path) as first_store, Store.open(path) as second_store:
        if queued == "learning":
            session(first_store, deck, clock).answer(True)
            clock.advance(timedelta(minutes=10))
        # Both queue the same card, then both answer it: the first one commits first.
        first, second = session(first_store, deck, clock), session(second_store, deck, clock)
        assert first.current is not None and second.current is not None
        assert first.current.card == second.current.card
        queued_card = second.current.card
        ahead = first.answer(True)
        clock.advance(timedelta(seconds=30))
        behind = second.answer(True)

        assert ahead.card_after is not None and behind.card_after is not None
        assert behind.card_before == ahead.card_after != queued_card
        assert first_store.card("shared", "q") == behind.card_after
        # Built on the first answer: one more step along, not a repeat of the first answer.
        if queued == "new":
            assert ahead.card_after.state is State.Learning
            assert behind.card_after.state is State.Review
        assert behind.card_after.last_review == clock.now()
