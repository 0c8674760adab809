"""Which questions a session asks, in what order, and how their options are laid out."""

from __future__ import annotations

import dataclasses
import itertools
import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fsrs import Card, Rating, State

from briefquiz.deck.model import Choice, Deck, Match, Multi, Order, TrueFalse, Typed
from briefquiz.study.queue import Kind, Presentation, build_queue, build_weakest_queue, present
from briefquiz.study.session import Session

NOW = datetime(2025, 3, 3, 8, 0, tzinfo=UTC)


def card(
    state: State, due: timedelta, stability: float = 3.0, seen: timedelta | None = None
) -> Card:
    last = NOW + due - timedelta(days=stability) if seen is None else NOW - seen
    return Card(
        card_id=1,
        state=state,
        step=0 if state is not State.Review else None,
        stability=stability,
        difficulty=5.0,
        due=NOW + due,
        last_review=last,
    )


def ids(items) -> list[str]:
    return [item.question.id for item in items]


def test_learning_first_then_due_reviews_then_new_up_to_the_limit(kit) -> None:
    deck = kit.deck("d", kit.truefalse(10))
    cards = {
        "q0": card(State.Review, -timedelta(days=1)),
        "q1": card(State.Learning, -timedelta(minutes=5)),
        "q3": card(State.Relearning, -timedelta(hours=1)),
        "q4": card(State.Review, -timedelta(days=3)),
        "q5": card(State.Review, timedelta(days=1)),  # not due yet
        "q7": card(State.Learning, timedelta(minutes=5)),  # not due yet
        "q9": card(State.Review, timedelta(0)),  # due this very moment
    }
    queue = build_queue([deck], {"d": cards}, NOW, lambda _deck: 2)
    assert ids(queue) == ["q3", "q1", "q4", "q0", "q9", "q2", "q6"]
    assert [item.kind for item in queue] == [Kind.LEARNING] * 2 + [Kind.REVIEW] * 3 + [Kind.NEW] * 2
    assert [item.card for item in queue] == [
        cards["q3"],
        cards["q1"],
        cards["q4"],
        cards["q0"],
        cards["q9"],
        None,
        None,
    ]


def test_order_within_groups_is_stable_by_due_then_deck_then_position(kit) -> None:
    a = kit.deck("a", kit.truefalse(4, "a"))
    b = kit.deck("b", kit.truefalse(4, "b"))
    same = -timedelta(hours=2)
    cards = {
        "a": {
            "a3": card(State.Review, same),
            "a1": card(State.Review, same),
            "a2": card(State.Learning, same),
            "a0": card(State.Learning, same),
        },
        "b": {"b1": card(State.Learning, same), "b0": card(State.Review, same - timedelta(1))},
    }
    expected = ["a0", "a2", "b1", "b0", "a1", "a3", "b2", "b3"]
    assert ids(build_queue([a, b], cards, NOW, lambda _d: 20)) == expected
    # However the cards dict happens to be ordered, the queue is the same.
    rng = random.Random(3)
    for _ in range(5):
        shuffled = {}
        for deck_id, deck_cards in cards.items():
            entries = list(deck_cards.items())
            rng.shuffle(entries)
            shuffled[deck_id] = dict(entries)
        assert ids(build_queue([a, b], shuffled, NOW, lambda _d: 20)) == expected


def test_each_deck_has_its_own_new_allowance(kit) -> None:
    a = kit.deck("a", kit.truefalse(5, "a"))
    b = kit.deck("b", kit.truefalse(5, "b"))
    allowance = {"a": 1, "b": 3}
    queue = build_queue([a, b], {}, NOW, lambda deck: allowance[deck.id])
    assert ids(queue) == ["a0", "b0", "b1", "b2"]
    assert build_queue([a, b], {}, NOW, lambda _d: 0) == []


def test_studied_questions_do_not_use_up_the_new_allowance(kit) -> None:
    deck = kit.deck("d", kit.truefalse(6))
    cards = {"q0": card(State.Review, timedelta(days=4)), "q1": card(State.Review, timedelta(1))}
    assert ids(build_queue([deck], {"d": cards}, NOW, lambda _d: 3)) == ["q2", "q3", "q4"]


def test_cards_of_questions_no_longer_in_the_deck_are_ignored(kit) -> None:
    deck = kit.deck("d", kit.truefalse(2))
    cards = {
        "gone": card(State.Review, -timedelta(days=2)),
        "q1": card(State.Review, -timedelta(1)),
    }
    assert ids(build_queue([deck], {"d": cards}, NOW, lambda _d: 0)) == ["q1"]
    assert ids(build_weakest_queue([deck], {"d": cards}, NOW)) == ["q0", "q1"]


def test_cram_asks_everything_weakest_first(kit) -> None:
    deck = kit.deck("d", kit.truefalse(5))
    cards = {
        "q0": card(State.Review, timedelta(days=20), stability=30, seen=timedelta(days=1)),
        "q1": card(State.Review, timedelta(days=2), stability=3, seen=timedelta(days=2)),
        "q3": card(State.Learning, timedelta(minutes=5), stability=1, seen=timedelta(days=3)),
    }
    queue = build_weakest_queue([deck], {"d": cards}, NOW)
    assert ids(queue) == ["q2", "q4", "q3", "q1", "q0"]
    assert {item.kind for item in queue} == {Kind.CRAM}
    assert queue[2].card == cards["q3"] and queue[0].card is None


# --------------------------------------------------------------------------- presentation


CHOICE = Choice(id="c", prompt="?", options=("a", "b", "c", "d"), answer="b")
MULTI = Multi(id="m", prompt="?", options=("a", "b", "c"), answers=frozenset({"a", "c"}))
MATCH = Match(id="x", prompt="?", pairs=(("1", "one"), ("2", "two"), ("3", "three")))


def test_choice_and_multi_options_are_reshuffled_each_time() -> None:
    rng = random.Random(7)
    for question in (CHOICE, MULTI):
        shown = [present(question, rng).options for _ in range(60)]
        assert all(sorted(options) == sorted(question.options) for options in shown)
        assert len(set(shown)) > 1
        # Every option gets to be first now and then.
        assert {options[0] for options in shown} == set(question.options)


def test_order_items_are_never_shown_in_the_right_order() -> None:
    rng = random.Random(11)
    for size in (3, 4, 6):
        question = Order(id=f"o{size}", prompt="?", items=tuple(f"item {i}" for i in range(size)))
        shown = [present(question, rng).items for _ in range(300)]
        assert question.items not in shown
        assert all(sorted(items) == sorted(question.items) for items in shown)
        if size == 3:  # every other arrangement does appear
            others = set(itertools.permutations(question.items)) - {question.items}
            assert set(shown) == others


def test_two_items_come_either_way_so_the_shuffle_gives_nothing_away() -> None:
    rng = random.Random(3)
    question = Order(id="o2", prompt="?", items=("first", "second"))
    shown = {present(question, rng).items for _ in range(60)}
    assert shown == {("first", "second"), ("second", "first")}


def test_an_order_that_cannot_be_shuffled_is_shown_as_it_is() -> None:
    # The validator refuses such questions, but a hand-built one must not hang the session.
    for items in (("only",), ("same", "same")):
        question = Order(id="o", prompt="?", items=items)
        assert present(question, random.Random(0)).items == items


def test_match_partners_are_shuffled_and_the_rest_is_not() -> None:
    rng = random.Random(5)
    shown = [present(MATCH, rng) for _ in range(40)]
    assert all(sorted(p.partners) == ["one", "three", "two"] for p in shown)
    assert len({p.partners for p in shown}) > 1
    assert all(p.options == () and p.items == () for p in shown)
    assert present(TrueFalse(id="t", prompt="?"), rng) == Presentation()
    assert present(Typed(id="y", prompt="?", answers=("x",)), rng) == Presentation()


def test_the_same_seed_gives_the_same_presentations() -> None:
    first = [present(CHOICE, random.Random(99)).options for _ in range(3)]
    second = [present(CHOICE, random.Random(99)).options for _ in range(3)]
    assert first == second


def test_a_session_reshuffles_a_question_each_time_it_is_shown(
    kit, new_session: Callable[..., Session]
) -> None:
    order = Order(id="o", prompt="?", items=("first", "second", "third"))
    deck = Deck("p", "P", kit.deck("p", []).path, (CHOICE, order))
    session = new_session([deck])
    choice_orders, order_orders = set(), []
    for _ in range(30):  # wrong every time: both keep coming back (learning steps)
        item = session.current
        assert item is not None
        if item.question.id == "c":
            choice_orders.add(item.presentation.options)
            session.answer("a")
        else:
            order_orders.append(item.presentation.items)
            session.answer(tuple(reversed(order.items)))
        assert session.feedback is not None and session.feedback.rating == Rating.Again
        session.advance()
    assert len(choice_orders) > 1
    assert len(order_orders) >= 10 and order.items not in order_orders
    assert len(set(order_orders)) > 1


def test_a_deck_narrowed_with_replace_finds_only_its_own_questions() -> None:
    first, second = TrueFalse(id="a", prompt="?"), TrueFalse(id="b", prompt="?")
    deck = Deck("d", "D", Path("d.yaml"), (first, second))
    narrowed = dataclasses.replace(deck, questions=(first,))
    assert narrowed.question("a") is first and narrowed.question("b") is None
    assert deck.question("b") is second
