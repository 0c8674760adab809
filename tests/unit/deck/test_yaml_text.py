"""YAML 1.1 never changes a deck's text: what the author typed is what the question holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefquiz.deck.model import Choice, Deck, Flashcard, Match, Order, TrueFalse, Typed
from briefquiz.deck.validate import read_deck

# Plain scalars that a YAML 1.1 loader turns into booleans, numbers, times, dates or None.
TRICKY = [
    "NO",
    "no",
    "No",
    "yes",
    "Yes",
    "on",
    "OFF",
    "y",
    "n",
    "~",
    "null",
    "012",
    "0o17",
    "0x1F",
    "1_000",
    "+1",
    "-0",
    "1e3",
    "1.50",
    ".5",
    ".inf",
    "-.Inf",
    ".NaN",
    "1:30",
    "190:20:30",
    "2020-11-08",
    "2020-11-08T10:00:00Z",
    "2020-11-08 10:00:00.5 +01:00",
    "<<",
    "=",
]


def load(text: str) -> Deck:
    deck, findings = read_deck(Path("text.yaml"), text.encode())
    assert findings == []
    assert deck is not None
    return deck


def test_typed_answers_keep_exactly_what_was_typed() -> None:
    deck = load(
        "deck: text\ntitle: Text\nquestions:\n"
        "  - id: q\n    type: typed\n    prompt: Anything?\n"
        "    answers: [NO, 012, 1:30, 2020-11-08, yes, ~, 1e3]\n"
    )
    [question] = deck.questions
    assert isinstance(question, Typed)
    assert question.answers == ("NO", "012", "1:30", "2020-11-08", "yes", "~", "1e3")


def test_flashcard_answer_no_stays_text() -> None:
    deck = load(
        "deck: text\ntitle: Text\nquestions:\n"
        "  - id: q\n    type: flashcard\n    prompt: Norway's code?\n    answer: NO\n"
    )
    [question] = deck.questions
    assert isinstance(question, Flashcard)
    assert question.answer == "NO"


@pytest.mark.parametrize("raw", TRICKY)
def test_every_text_position_keeps_a_tricky_scalar(raw: str) -> None:
    deck = load(
        f"deck: text\ntitle: {raw}\ndescription: {raw}\nquestions:\n"
        f"  - id: flash\n    type: flashcard\n    prompt: {raw}\n    answer: {raw}\n"
        f"    explanation: {raw}\n    tags: [{raw}]\n"
        f"  - id: pick\n    type: choice\n    prompt: Which?\n"
        f"    options: [{raw}, another option]\n    answer: {raw}\n"
        f"  - id: seq\n    type: order\n    prompt: Order?\n    items: [{raw}, other]\n"
        f"  - id: pairs\n    type: match\n    prompt: Match?\n"
        f"    pairs:\n      {raw}: {raw}\n      other: different\n"
    )
    assert deck.title == raw
    assert deck.description == raw
    flash, pick, seq, pairs = deck.questions
    assert isinstance(flash, Flashcard)
    assert (flash.prompt, flash.answer, flash.explanation, flash.tags) == (raw, raw, raw, (raw,))
    assert isinstance(pick, Choice)
    assert (pick.options, pick.answer) == ((raw, "another option"), raw)
    assert isinstance(seq, Order)
    assert seq.items == (raw, "other")
    assert isinstance(pairs, Match)
    assert pairs.pairs == ((raw, raw), ("other", "different"))


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("'012'", "012"),
        ('"NO"', "NO"),
        ("!!str 1:30", "1:30"),
        ('"2020-11-08"', "2020-11-08"),
        ("'It''s 1e3'", "It's 1e3"),
        ('"tab\\tand \\u00e9"', "tab\tand é"),
    ],
)
def test_quoted_and_str_tagged_values_are_their_text(written: str, kept: str) -> None:
    deck = load(
        "deck: text\ntitle: Text\nquestions:\n"
        f"  - id: q\n    type: flashcard\n    prompt: What?\n    answer: {written}\n"
    )
    [question] = deck.questions
    assert isinstance(question, Flashcard)
    assert question.answer == kept


def test_ids_that_look_like_numbers_stay_text() -> None:
    deck = load(
        "deck: 2020\ntitle: Text\nquestions:\n"
        "  - id: 012\n    type: flashcard\n    prompt: What?\n    answer: x\n"
    )
    assert deck.id == "2020"
    assert deck.questions[0].id == "012"


@pytest.mark.parametrize("raw", ["true", "True", "TRUE", "false", "False"])
def test_truefalse_is_the_only_place_true_and_false_mean_booleans(raw: str) -> None:
    deck = load(
        "deck: text\ntitle: Text\nquestions:\n"
        f"  - id: tf\n    type: truefalse\n    prompt: Is it?\n    answer: {raw}\n"
        f"  - id: fc\n    type: flashcard\n    prompt: Is it?\n    answer: {raw}\n"
    )
    tf, fc = deck.questions
    assert isinstance(tf, TrueFalse)
    assert tf.answer is (raw.lower() == "true")
    assert isinstance(fc, Flashcard)
    assert fc.answer == raw
