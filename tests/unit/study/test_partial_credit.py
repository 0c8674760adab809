"""One partial-credit rule for multi, cloze, order and match (see `grading._credited`).

An answer's score is the share of its parts that are right (for multi, each wrong tick takes a
right one back); all right is right, at least half is partly right, less than half is wrong.
"""

from __future__ import annotations

import pytest
from fsrs import Rating
from hypothesis import given
from hypothesis import strategies as st

from briefquiz.deck.model import AnyQuestion, Blank, Cloze, Match, Multi, Order
from briefquiz.study.grading import Answer, Outcome, grade

MULTI = Multi(
    id="m",
    prompt="Which apply?",
    options=("a", "b", "c", "d", "e"),
    answers=frozenset({"a", "b", "c", "d"}),
)
PAIR_MULTI = Multi(id="m2", prompt="p", options=("a", "b", "c"), answers=frozenset({"a", "b"}))
CLOZE = Cloze(
    id="c",
    prompt="Fill in the blanks",
    text="{{one}} {{two}} {{three}} {{four}}",
    parts=(
        "",
        Blank(("one",)),
        " ",
        Blank(("two",)),
        " ",
        Blank(("three",)),
        " ",
        Blank(("four",)),
        "",
    ),
)
CLOZE3 = Cloze(
    id="c3",
    prompt="Fill in the blanks",
    text="{{one}} {{two}} {{three}}",
    parts=("", Blank(("one",)), " ", Blank(("two",)), " ", Blank(("three",)), ""),
)
ORDER = Order(id="o", prompt="In order", items=("A", "B", "C", "D"))
MATCH = Match(
    id="x", prompt="Pair", pairs=(("1", "one"), ("2", "two"), ("3", "three"), ("4", "four"))
)
MATCH3 = Match(id="x3", prompt="Pair", pairs=(("1", "one"), ("2", "two"), ("3", "three")))

CASES: list[tuple[str, AnyQuestion, Answer, Outcome, float]] = [
    # multi: each option that applies is a part; a wrong tick takes a right one back
    ("multi all right", MULTI, frozenset("abcd"), Outcome.RIGHT, 1.0),
    ("multi 3 of 4", MULTI, frozenset("abc"), Outcome.PARTIAL, 3 / 4),
    ("multi 2 of 4", MULTI, frozenset("ab"), Outcome.PARTIAL, 2 / 4),
    ("multi 1 of 4", MULTI, frozenset("a"), Outcome.WRONG, 1 / 4),
    ("multi all and 1 extra", MULTI, frozenset("abcde"), Outcome.PARTIAL, 3 / 4),
    ("multi 3 and 1 extra", MULTI, frozenset("abce"), Outcome.PARTIAL, 2 / 4),
    ("multi 1 right, 1 extra", PAIR_MULTI, frozenset("ac"), Outcome.WRONG, 0.0),
    ("multi 1 of 2", PAIR_MULTI, frozenset("a"), Outcome.PARTIAL, 1 / 2),
    ("multi every option", PAIR_MULTI, frozenset("abc"), Outcome.PARTIAL, 1 / 2),
    ("multi only the wrong one", PAIR_MULTI, frozenset("c"), Outcome.WRONG, 0.0),
    ("multi nothing", PAIR_MULTI, frozenset(), Outcome.WRONG, 0.0),
    # cloze: each blank is a part
    ("cloze all", CLOZE, ("one", "two", "three", "four"), Outcome.RIGHT, 1.0),
    ("cloze 3 of 4", CLOZE, ("one", "two", "three", "x"), Outcome.PARTIAL, 3 / 4),
    ("cloze 2 of 4", CLOZE, ("x", "two", "x", "four"), Outcome.PARTIAL, 2 / 4),
    ("cloze 1 of 4", CLOZE, ("one", "x", "x", "x"), Outcome.WRONG, 1 / 4),
    ("cloze 1 of 3", CLOZE3, ("one", "x", "x"), Outcome.WRONG, 1 / 3),
    ("cloze 2 of 3", CLOZE3, ("one", "two", ""), Outcome.PARTIAL, 2 / 3),
    ("cloze none", CLOZE3, ("x", "x", "x"), Outcome.WRONG, 0.0),
    # order: each pair of items is a part, right when in the right relative order (6 pairs)
    ("order right", ORDER, ("A", "B", "C", "D"), Outcome.RIGHT, 1.0),
    ("order one swap (2 of 4 places)", ORDER, ("B", "A", "C", "D"), Outcome.PARTIAL, 5 / 6),
    ("order first moved last", ORDER, ("B", "C", "D", "A"), Outcome.PARTIAL, 3 / 6),
    ("order two items moved", ORDER, ("C", "D", "A", "B"), Outcome.WRONG, 2 / 6),
    ("order reversed", ORDER, ("D", "C", "B", "A"), Outcome.WRONG, 0.0),
    # match: each left item is a part; an unmatched one is not right
    (
        "match all",
        MATCH,
        (("1", "one"), ("2", "two"), ("3", "three"), ("4", "four")),
        Outcome.RIGHT,
        1.0,
    ),
    (
        "match 3 of 4",
        MATCH,
        (("1", "one"), ("2", "two"), ("3", "three"), ("4", "")),
        Outcome.PARTIAL,
        3 / 4,
    ),
    (
        "match 2 of 4",
        MATCH,
        (("1", "two"), ("2", "one"), ("3", "three"), ("4", "four")),
        Outcome.PARTIAL,
        2 / 4,
    ),
    (
        "match 1 of 4",
        MATCH,
        (("1", "two"), ("2", "three"), ("3", "one"), ("4", "four")),
        Outcome.WRONG,
        1 / 4,
    ),
    ("match 1 of 3", MATCH3, (("1", "one"), ("2", "three"), ("3", "two")), Outcome.WRONG, 1 / 3),
    ("match 2 of 3", MATCH3, (("1", "one"), ("2", "two"), ("3", "")), Outcome.PARTIAL, 2 / 3),
    ("match none", MATCH3, (("1", ""), ("2", ""), ("3", "")), Outcome.WRONG, 0.0),
]

SUGGESTED = {Outcome.RIGHT: Rating.Good, Outcome.PARTIAL: Rating.Hard, Outcome.WRONG: Rating.Again}


@pytest.mark.parametrize(
    ("question", "answer", "outcome", "score"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_the_rule_for_every_kind(
    question: AnyQuestion, answer: Answer, outcome: Outcome, score: float
) -> None:
    result = grade(question, answer)
    assert result.outcome is outcome
    assert result.score == pytest.approx(score)
    assert result.suggested is SUGGESTED[outcome]


def _outcome_of(score: float) -> Outcome:
    if score == 1.0:
        return Outcome.RIGHT
    return Outcome.PARTIAL if score >= 0.5 else Outcome.WRONG


@given(st.sets(st.sampled_from(MULTI.options)).map(frozenset))
def test_multi_verdict_follows_its_score(selection: frozenset[str]) -> None:
    result = grade(MULTI, selection)
    assert result.outcome is _outcome_of(result.score)
    right, wrong = len(selection & MULTI.answers), len(selection - MULTI.answers)
    assert result.score == pytest.approx(max(right - wrong, 0) / len(MULTI.answers))


@given(st.lists(st.sampled_from(["one", "two", "three", "four", "x"]), min_size=4, max_size=4))
def test_cloze_verdict_follows_its_score(texts: list[str]) -> None:
    result = grade(CLOZE, tuple(texts))
    assert result.outcome is _outcome_of(result.score)
    right = sum(t == w for t, w in zip(texts, ("one", "two", "three", "four"), strict=True))
    assert result.score == pytest.approx(right / 4)


@given(st.permutations(ORDER.items))
def test_order_verdict_follows_its_score(order: list[str]) -> None:
    result = grade(ORDER, tuple(order))
    assert result.outcome is _outcome_of(result.score)
    assert (result.outcome is Outcome.RIGHT) is (tuple(order) == ORDER.items)


@given(st.permutations(["one", "two", "three", "four", "", ""]).map(lambda r: r[:4]))
def test_match_verdict_follows_its_score(rights: list[str]) -> None:
    lefts = [left for left, _ in MATCH.pairs]
    result = grade(MATCH, tuple(zip(lefts, rights, strict=True)))
    assert result.outcome is _outcome_of(result.score)
    right = sum(r == want for r, (_, want) in zip(rights, MATCH.pairs, strict=True))
    assert result.score == pytest.approx(right / 4)
