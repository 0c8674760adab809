"""Grading answers to every question type, and their JSON round trip."""

from __future__ import annotations

import json

import pytest
from fsrs import Rating
from hypothesis import given
from hypothesis import strategies as st

from briefquiz.deck.model import (
    AnyQuestion,
    Blank,
    Choice,
    Cloze,
    Flashcard,
    Match,
    Multi,
    Order,
    TrueFalse,
    Typed,
)
from briefquiz.study.answer_json import answer_from_json, answer_to_json
from briefquiz.study.answer_text import describe_answer, expected_text
from briefquiz.study.grading import (
    Answer,
    Grade,
    Outcome,
    PartResult,
    grade,
)

FLASHCARD = Flashcard(
    id="reset-year",
    prompt='In which year was the "reset" attempted?',
    answer="2009, while Biden was vice president.",
)
CHOICE = Choice(
    id="rojansky-institute",
    prompt="Which institute does Matthew Rojansky direct?",
    options=("Kennan Institute", "Hoover Institution", "Carnegie Moscow Center"),
    answer="Kennan Institute",
)
MULTI = Multi(
    id="interventions",
    prompt="Where has Russia intervened militarily?",
    options=("Ukraine", "Georgia", "Syria", "Libya", "Belarus"),
    answers=frozenset({"Ukraine", "Georgia", "Syria", "Libya"}),
)
TRUEFALSE = TrueFalse(
    id="early-summit",
    prompt="The authors call for an early presidential summit with Putin.",
    answer=False,
)
TYPED = Typed(
    id="open-world",
    prompt="Which body runs the Open World Leadership Center?",
    answers=("Library of Congress", "US Library of Congress"),
)
TYPED_EXACT = Typed(id="code", prompt="The code?", answers=("New START",), exact=True)
CLOZE = Cloze(
    id="dartmouth-age",
    prompt="Fill in the blanks",
    text="The US-Russian {{Dartmouth Conference}} is {{60|sixty}} years old.",
    parts=(
        "The US-Russian ",
        Blank(("Dartmouth Conference",)),
        " is ",
        Blank(("60", "sixty")),
        " years old.",
    ),
)
ORDER = Order(
    id="timeline",
    prompt="Put these in the order they happened.",
    items=("Reset", "Crimea", "Meddling", "Summit"),
)
MATCH = Match(
    id="who-is-who",
    prompt="Match each person to their role.",
    pairs=(
        ("Rojansky", "Kennan Institute"),
        ("Kimmage", "Catholic University"),
        ("Putin", "Kremlin"),
        ("Biden", "White House"),
    ),
)


def _check(result: Grade, outcome: Outcome, suggested: Rating, score: float) -> None:
    assert result.outcome is outcome
    assert result.suggested is suggested
    assert result.score == pytest.approx(score)


# -- flashcard ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rating", "score"),
    [(Rating.Again, 0.0), (Rating.Hard, 0.5), (Rating.Good, 1.0), (Rating.Easy, 1.0)],
)
def test_flashcard_is_self_graded(rating: Rating, score: float) -> None:
    result = grade(FLASHCARD, rating)
    _check(result, Outcome.SELF_GRADED, rating, score)
    assert result.parts == ()


def test_flashcard_needs_a_rating() -> None:
    with pytest.raises(TypeError):
        grade(FLASHCARD, "Good")
    with pytest.raises(TypeError):
        grade(FLASHCARD, True)


# -- choice, truefalse, typed ------------------------------------------------------------------


def test_choice() -> None:
    _check(grade(CHOICE, "Kennan Institute"), Outcome.RIGHT, Rating.Good, 1.0)
    _check(grade(CHOICE, "Hoover Institution"), Outcome.WRONG, Rating.Again, 0.0)
    assert grade(CHOICE, "Kennan Institute").parts == ()


def test_choice_must_be_an_option() -> None:
    with pytest.raises(ValueError):
        grade(CHOICE, "kennan institute")
    with pytest.raises(TypeError):
        grade(CHOICE, frozenset({"Kennan Institute"}))


def test_truefalse() -> None:
    _check(grade(TRUEFALSE, False), Outcome.RIGHT, Rating.Good, 1.0)
    _check(grade(TRUEFALSE, True), Outcome.WRONG, Rating.Again, 0.0)
    with pytest.raises(TypeError):
        grade(TRUEFALSE, "false")
    with pytest.raises(TypeError):
        grade(TRUEFALSE, Rating.Again)


def test_typed_is_lenient() -> None:
    _check(grade(TYPED, "the library of congress"), Outcome.RIGHT, Rating.Good, 1.0)
    _check(grade(TYPED, "U.S. Library of Congres"), Outcome.RIGHT, Rating.Good, 1.0)
    _check(grade(TYPED, "Wilson Center"), Outcome.WRONG, Rating.Again, 0.0)
    _check(grade(TYPED, ""), Outcome.WRONG, Rating.Again, 0.0)
    with pytest.raises(TypeError):
        grade(TYPED, ("Library of Congress",))


def test_typed_exact() -> None:
    _check(grade(TYPED_EXACT, " New START "), Outcome.RIGHT, Rating.Good, 1.0)
    _check(grade(TYPED_EXACT, "new start"), Outcome.RIGHT, Rating.Good, 1.0)  # case is forgiven
    _check(grade(TYPED_EXACT, "New-START"), Outcome.WRONG, Rating.Again, 0.0)


# -- multi -------------------------------------------------------------------------------------


def test_multi_right() -> None:
    result = grade(MULTI, frozenset({"Ukraine", "Georgia", "Syria", "Libya"}))
    _check(result, Outcome.RIGHT, Rating.Good, 1.0)
    assert [part.label for part in result.parts] == ["Ukraine", "Georgia", "Syria", "Libya"]
    assert all(part.correct for part in result.parts)


def test_multi_half_the_right_options_and_no_wrong_one_is_partial() -> None:
    result = grade(MULTI, frozenset({"Ukraine", "Syria"}))
    _check(result, Outcome.PARTIAL, Rating.Hard, 2 / 4)
    assert result.parts == (
        PartResult("Ukraine", "select", "select", True),
        PartResult("Georgia", "select", "leave", False),
        PartResult("Syria", "select", "select", True),
        PartResult("Libya", "select", "leave", False),
    )


def test_multi_a_wrong_tick_takes_a_right_one_back() -> None:
    selection = frozenset({"Ukraine", "Georgia", "Syria", "Libya", "Belarus"})
    # every option ticked: four right, one wrong, so three of four count
    _check(grade(MULTI, selection), Outcome.PARTIAL, Rating.Hard, 3 / 4)
    assert grade(MULTI, selection).credit == (3, 4)
    multi = Multi(
        id="m",
        prompt="p",
        options=("a", "b", "c", "d"),
        answers=frozenset({"a", "b"}),
    )
    result = grade(multi, frozenset({"a", "b", "c"}))
    _check(result, Outcome.PARTIAL, Rating.Hard, 1 / 2)
    assert result.parts[-1] == PartResult("c", "leave", "select", False)
    _check(grade(multi, frozenset({"a", "b", "c", "d"})), Outcome.WRONG, Rating.Again, 0.0)


def test_multi_wrong() -> None:
    _check(grade(MULTI, frozenset()), Outcome.WRONG, Rating.Again, 0.0)
    _check(grade(MULTI, frozenset({"Belarus"})), Outcome.WRONG, Rating.Again, 0.0)
    _check(grade(MULTI, frozenset({"Ukraine"})), Outcome.WRONG, Rating.Again, 1 / 4)
    # one right and one wrong tick cancel out
    _check(grade(MULTI, frozenset({"Ukraine", "Belarus"})), Outcome.WRONG, Rating.Again, 0.0)


def test_multi_shape() -> None:
    with pytest.raises(ValueError):
        grade(MULTI, frozenset({"Russia"}))
    with pytest.raises(TypeError):
        grade(MULTI, "Ukraine")
    with pytest.raises(TypeError):
        grade(MULTI, ("Ukraine",))


# -- cloze -------------------------------------------------------------------------------------


def test_cloze_right() -> None:
    result = grade(CLOZE, ("the Dartmouth conference", "sixty"))
    _check(result, Outcome.RIGHT, Rating.Good, 1.0)
    assert result.parts == (
        PartResult("blank 1", "Dartmouth Conference", "the Dartmouth conference", True),
        PartResult("blank 2", "60", "sixty", True),
    )


def test_cloze_partial_and_wrong() -> None:
    _check(grade(CLOZE, ("Dartmouth Conference", "50")), Outcome.PARTIAL, Rating.Hard, 0.5)
    _check(grade(CLOZE, ("Dartmuth Conference", "")), Outcome.PARTIAL, Rating.Hard, 0.5)
    _check(grade(CLOZE, ("Yalta Conference", "61")), Outcome.WRONG, Rating.Again, 0.0)


def test_cloze_exact() -> None:
    exact = Cloze(
        id="c", prompt="p", text="{{Kennan}}", parts=("", Blank(("Kennan",)), ""), exact=True
    )
    _check(grade(exact, (" Kennan ",)), Outcome.RIGHT, Rating.Good, 1.0)
    _check(grade(exact, ("kennan",)), Outcome.RIGHT, Rating.Good, 1.0)  # case is forgiven
    _check(grade(exact, ("Kenan",)), Outcome.WRONG, Rating.Again, 0.0)


def test_cloze_shape() -> None:
    with pytest.raises(ValueError):
        grade(CLOZE, ("Dartmouth Conference",))
    with pytest.raises(TypeError):
        grade(CLOZE, "Dartmouth Conference")
    with pytest.raises(TypeError):
        grade(CLOZE, ("Dartmouth Conference", 60))  # type: ignore[arg-type]


# -- order -------------------------------------------------------------------------------------


def test_order_right() -> None:
    result = grade(ORDER, ("Reset", "Crimea", "Meddling", "Summit"))
    _check(result, Outcome.RIGHT, Rating.Good, 1.0)
    assert [part.label for part in result.parts] == ["1.", "2.", "3.", "4."]
    assert all(part.correct for part in result.parts)


def test_order_partial() -> None:
    # one adjacent swap: 5 of 6 pairs in order
    result = grade(ORDER, ("Crimea", "Reset", "Meddling", "Summit"))
    _check(result, Outcome.PARTIAL, Rating.Hard, 5 / 6)
    assert result.parts[0] == PartResult("1.", "Reset", "Crimea", False)
    assert result.parts[2] == PartResult("3.", "Meddling", "Meddling", True)
    # the first moved to the end: 3 of 6 pairs, exactly half
    _check(
        grade(ORDER, ("Crimea", "Meddling", "Summit", "Reset")), Outcome.PARTIAL, Rating.Hard, 0.5
    )


def test_order_wrong() -> None:
    _check(
        grade(ORDER, ("Summit", "Meddling", "Crimea", "Reset")), Outcome.WRONG, Rating.Again, 0.0
    )
    _check(
        grade(ORDER, ("Summit", "Meddling", "Reset", "Crimea")), Outcome.WRONG, Rating.Again, 1 / 6
    )


def test_order_shape() -> None:
    with pytest.raises(ValueError):
        grade(ORDER, ("Reset", "Crimea", "Meddling"))
    with pytest.raises(ValueError):
        grade(ORDER, ("Reset", "Crimea", "Meddling", "Meddling"))
    with pytest.raises(TypeError):
        grade(ORDER, ["Reset", "Crimea", "Meddling", "Summit"])  # type: ignore[arg-type]


# -- match -------------------------------------------------------------------------------------

RIGHT_PAIRS = MATCH.pairs


def test_match_right() -> None:
    result = grade(MATCH, tuple(reversed(RIGHT_PAIRS)))  # pair order does not matter
    _check(result, Outcome.RIGHT, Rating.Good, 1.0)
    assert [part.label for part in result.parts] == ["Rojansky", "Kimmage", "Putin", "Biden"]


def test_match_partial() -> None:
    swapped = (
        ("Rojansky", "Catholic University"),
        ("Kimmage", "Kennan Institute"),
        ("Putin", "Kremlin"),
        ("Biden", "White House"),
    )
    result = grade(MATCH, swapped)
    _check(result, Outcome.PARTIAL, Rating.Hard, 0.5)
    assert result.parts[0] == PartResult(
        "Rojansky", "Kennan Institute", "Catholic University", False
    )
    assert result.parts[2] == PartResult("Putin", "Kremlin", "Kremlin", True)


def test_match_wrong() -> None:
    three_wrong = (
        ("Rojansky", "Catholic University"),
        ("Kimmage", "Kremlin"),
        ("Putin", "Kennan Institute"),
        ("Biden", "White House"),
    )
    _check(grade(MATCH, three_wrong), Outcome.WRONG, Rating.Again, 0.25)


def test_match_unmatched_left() -> None:
    answer = (
        ("Rojansky", "Kennan Institute"),
        ("Kimmage", "Catholic University"),
        ("Putin", ""),
        ("Biden", ""),
    )
    result = grade(MATCH, answer)
    _check(result, Outcome.PARTIAL, Rating.Hard, 0.5)
    assert "Putin → (none)" in describe_answer(MATCH, answer)


def test_match_shape() -> None:
    with pytest.raises(ValueError):
        grade(MATCH, RIGHT_PAIRS[:3])
    with pytest.raises(ValueError):
        grade(MATCH, (*RIGHT_PAIRS, ("Rojansky", "Kremlin")))
    with pytest.raises(ValueError):
        grade(MATCH, (*RIGHT_PAIRS[:3], ("Biden", "Pentagon")))
    with pytest.raises(TypeError):
        grade(MATCH, ("Rojansky", "Kennan Institute"))


# -- text for people ---------------------------------------------------------------------------

ALL_PAIRS_TEXT = (
    "Rojansky → Kennan Institute; Kimmage → Catholic University; Putin → Kremlin; "
    "Biden → White House"
)


@pytest.mark.parametrize(
    ("question", "answer", "described", "expected"),
    [
        (FLASHCARD, Rating.Hard, "Hard", "2009, while Biden was vice president."),
        (CHOICE, "Kennan Institute", "Kennan Institute", "Kennan Institute"),
        (
            MULTI,
            frozenset({"Syria", "Ukraine"}),
            "Ukraine, Syria",
            "Ukraine, Georgia, Syria, Libya",
        ),
        (MULTI, frozenset(), "(nothing selected)", "Ukraine, Georgia, Syria, Libya"),
        (TRUEFALSE, True, "True", "False"),
        (TYPED, " library of congress ", "library of congress", "Library of Congress"),
        (TYPED, "", "(no answer)", "Library of Congress"),
        (
            CLOZE,
            ("Dartmouth", ""),
            "1. Dartmouth  2. (no answer)",
            "1. Dartmouth Conference  2. 60",
        ),
        (
            ORDER,
            ("Crimea", "Reset", "Meddling", "Summit"),
            "1. Crimea  2. Reset  3. Meddling  4. Summit",
            "1. Reset  2. Crimea  3. Meddling  4. Summit",
        ),
        (
            MATCH,
            tuple(reversed(RIGHT_PAIRS)),
            ALL_PAIRS_TEXT,
            ALL_PAIRS_TEXT,
        ),
    ],
)
def test_describe_and_expected(
    question: AnyQuestion, answer: Answer, described: str, expected: str
) -> None:
    assert describe_answer(question, answer) == described
    assert expected_text(question) == expected


def test_single_blank_is_not_numbered() -> None:
    single = Cloze(id="c", prompt="p", text="{{Kennan}}", parts=("", Blank(("Kennan", "K")), ""))
    assert describe_answer(single, ("Kenan",)) == "Kenan"
    assert expected_text(single) == "Kennan"


# -- JSON --------------------------------------------------------------------------------------


def _round_trip(question: AnyQuestion, answer: Answer) -> Answer:
    """Through answer_to_json, a real JSON text, and back."""
    text = json.dumps(answer_to_json(question, answer))
    return answer_from_json(question, json.loads(text))


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (FLASHCARD, Rating.Again),
        (FLASHCARD, Rating.Hard),
        (FLASHCARD, Rating.Good),
        (FLASHCARD, Rating.Easy),
        (CHOICE, "Hoover Institution"),
        (MULTI, frozenset({"Ukraine", "Belarus"})),
        (MULTI, frozenset()),
        (TRUEFALSE, True),
        (TRUEFALSE, False),
        (TYPED, "Library of Congress"),
        (TYPED, ""),
        (CLOZE, ("Dartmouth Conference", "sixty")),
        (ORDER, ("Crimea", "Reset", "Meddling", "Summit")),
        (MATCH, tuple(reversed(RIGHT_PAIRS))),
        (MATCH, (("Rojansky", ""), *RIGHT_PAIRS[1:])),
    ],
)
def test_json_round_trip(question: AnyQuestion, answer: Answer) -> None:
    back = _round_trip(question, answer)
    assert back == answer
    assert type(back) is type(answer)
    assert grade(question, back) == grade(question, answer)


def test_json_types() -> None:
    assert answer_to_json(FLASHCARD, Rating.Good) == 3
    assert answer_to_json(MULTI, frozenset({"Syria", "Libya"})) == ["Libya", "Syria"]
    assert answer_to_json(TRUEFALSE, False) is False
    assert answer_to_json(CLOZE, ("a", "b")) == ["a", "b"]
    assert answer_to_json(MATCH, (("Putin", "Kremlin"),)) == [["Putin", "Kremlin"]]


@pytest.mark.parametrize(
    ("question", "value", "error"),
    [
        (FLASHCARD, "Good", TypeError),
        (FLASHCARD, True, TypeError),
        (FLASHCARD, 7, ValueError),
        (CHOICE, 1, TypeError),
        (MULTI, "Ukraine", TypeError),
        (MULTI, ["Ukraine", "Ukraine"], ValueError),
        (MULTI, ["Ukraine", 1], TypeError),
        (TRUEFALSE, "false", TypeError),
        (TRUEFALSE, 0, TypeError),
        (TYPED, None, TypeError),
        (CLOZE, "Dartmouth", TypeError),
        (ORDER, {"a": 1}, TypeError),
        (MATCH, [["Putin"]], TypeError),
        (MATCH, [["Putin", 1]], TypeError),
        (MATCH, {"Putin": "Kremlin"}, TypeError),
    ],
)
def test_json_of_the_wrong_shape(
    question: AnyQuestion, value: object, error: type[Exception]
) -> None:
    with pytest.raises(error):
        answer_from_json(question, value)


def test_logged_answers_survive_deck_edits() -> None:
    """A stored answer naming an option that no longer exists still loads."""
    assert answer_from_json(CHOICE, "RAND Corporation") == "RAND Corporation"
    assert answer_from_json(ORDER, ["Old item"]) == ("Old item",)


@given(st.text())
def test_typed_json_round_trip(text: str) -> None:
    assert _round_trip(TYPED, text) == text


@given(st.lists(st.text(), min_size=2, max_size=2).map(tuple))
def test_cloze_json_round_trip(texts: tuple[str, ...]) -> None:
    assert _round_trip(CLOZE, texts) == texts
    grade(CLOZE, texts)  # any texts grade without error


@given(
    st.lists(st.text(), min_size=2, max_size=6, unique=True).flatmap(
        lambda items: st.tuples(st.just(tuple(items)), st.permutations(items).map(tuple))
    )
)
def test_order_json_round_trip_and_grade(case: tuple[tuple[str, ...], tuple[str, ...]]) -> None:
    items, given_order = case
    question = Order(id="o", prompt="p", items=items)
    assert _round_trip(question, given_order) == given_order
    result = grade(question, given_order)
    assert 0.0 <= result.score <= 1.0
    assert (result.outcome is Outcome.RIGHT) is (given_order == items)
    assert (result.score == 1.0) is (given_order == items)
    reverse = grade(question, tuple(reversed(items)))
    assert reverse.outcome is Outcome.WRONG
    assert reverse.score == 0.0


@given(st.sets(st.sampled_from(MULTI.options)).map(frozenset))
def test_multi_any_selection(selection: frozenset[str]) -> None:
    result = grade(MULTI, selection)
    assert _round_trip(MULTI, selection) == selection
    assert 0.0 <= result.score <= 1.0
    assert (
        result.suggested
        is {
            Outcome.RIGHT: Rating.Good,
            Outcome.PARTIAL: Rating.Hard,
            Outcome.WRONG: Rating.Again,
        }[result.outcome]
    )
