""" "I was right" in plain mode: `!` at the prompt after a wrong or partly right verdict."""

from __future__ import annotations

import io
import random

from fsrs import Rating

from briefquiz.clock import FixedClock
from briefquiz.deck.model import Deck, Flashcard, Typed
from briefquiz.progress.repository import Store
from briefquiz.schedule.planner import Planner
from briefquiz.study.session import Session
from briefquiz.ui.plain.study import PlainStudy

TYPED = Typed(id="alliance", prompt="Which alliance?", answers=("North Atlantic Treaty",))
CARD = Flashcard(id="card", prompt="Front", answer="Back")


def run(store: Store, clock: FixedClock, deck: Deck, lines: list[str], cram: bool = False) -> str:
    session = Session(
        store, [deck], clock, cram=cram, rng=random.Random(1), planner=Planner(fuzz=False)
    )
    stdout = io.StringIO()
    PlainStudy(session, io.StringIO("".join(f"{line}\n" for line in lines)), stdout).run()
    return stdout.getvalue()


def test_bang_after_a_wrong_answer_counts_it_right(kit, store: Store, clock: FixedClock) -> None:
    out = run(store, clock, kit.deck("p", [TYPED]), ["NATO treaty", "!"])
    assert "✗ Wrong" in out
    prompt = "Rating: Again. Enter keeps it, 1 Again, 2 Hard, 3 Good, 4 Easy, or ! I was right: "
    assert prompt in out
    assert "✓ Right (overridden; graded ✗ Wrong)" in out
    assert "saved · next review in 10 min" in out  # rated Good, as a right answer
    assert "Session done: answered 1, right 1 of 1" in out
    first, second = store.reviews("p")
    assert (second.outcome, second.rating, second.override) == ("right", Rating.Good, True)
    assert second.replaces == first.uid


def test_in_cram_bang_is_offered_after_a_miss_only(kit, store: Store, clock: FixedClock) -> None:
    deck = kit.deck("p", [TYPED, Typed(id="t2", prompt="p2", answers=("Warsaw Pact",))])
    out = run(store, clock, deck, ["North Atlantic Treaty", "Warsaw", "x", "!"], cram=True)
    first, second = out.split("[2/2]")
    assert "✓ Right" in first and "I was right" not in first
    assert "✗ Wrong" in second
    assert second.count("Enter goes on, or ! I was right: ") == 2  # asked again after "x"
    assert "  press Enter, or ! if you were right" in out  # the "x"
    assert "✓ Right (overridden; graded ✗ Wrong)" in out
    assert out.count("saved · next review unchanged (cram)") == 2
    assert store.cards("p") == {}
    assert [r.override for r in store.reviews("p")] == [False, False, True]


def test_no_bang_after_a_right_answer_or_a_flashcard(kit, store: Store, clock: FixedClock) -> None:
    deck = kit.deck("p", [TYPED, CARD])
    out = run(store, clock, deck, ["North Atlantic Treaty", "!", "", "", "1"])
    assert "I was right" not in out
    assert "  type 1, 2, 3 or 4 (Enter keeps the suggestion)\n" in out  # ! is not a rating
    assert not any(r.override for r in store.reviews("p"))
