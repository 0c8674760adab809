"""The deck keys of matching, from the file to the grade: aliases, reject and exact."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from briefquiz.deck.model import Cloze, Deck, Typed
from briefquiz.deck.validate import read_deck
from briefquiz.study.grading import Outcome, grade
from paths import FIXTURE_DECKS


@pytest.fixture
def deck() -> Deck:
    deck, findings = read_deck(FIXTURE_DECKS / "valid-aliases-reject.yaml")
    assert deck is not None, findings
    return deck


def test_the_deck_reads_its_aliases_and_gives_them_to_every_question(deck: Deck) -> None:
    assert deck.aliases == (
        ("United States", ("US",)),
        ("Vladimir Putin", ("Putin", "President Putin")),
    )
    assert all(question.aliases == deck.aliases for question in deck.questions)


def test_an_alias_inside_a_typed_answer_and_a_reject(deck: Deck) -> None:
    library = deck.question("library")
    assert isinstance(library, Typed)
    assert library.reject == ("United States Library of Congresses",)
    accepted = grade(library, "US Library of Congress")
    assert accepted.outcome is Outcome.RIGHT
    assert accepted.reasons == ("US = United States",)
    # The plural of the last word and the alias would accept it, but it is refused.
    assert grade(replace(library, reject=()), "US Library of Congresses").outcome is Outcome.RIGHT
    assert grade(library, "US Library of Congresses").outcome is Outcome.WRONG


def test_a_cloze_blank_takes_the_aliases_and_the_reject(deck: Deck) -> None:
    president = deck.question("president")
    assert isinstance(president, Cloze)
    result = grade(president, ("President Putin", "George Bush"))
    assert [part.correct for part in result.parts] == [True, False]
    assert result.outcome is Outcome.PARTIAL
    assert result.reasons == ("blank 1: President Putin = Vladimir Putin",)


def test_exact_turns_every_rule_off_but_case_and_white_space(tmp_path: Path) -> None:
    path = tmp_path / "exact.yaml"
    path.write_text(
        "deck: exact\ntitle: Exact\naliases: {United States: US}\nquestions:\n"
        "  - {id: q, type: typed, prompt: Where?, answers: [United States], exact: true}\n",
        encoding="utf-8",
    )
    deck, findings = read_deck(path)
    assert deck is not None, findings
    [question] = deck.questions
    assert grade(question, " united states ").outcome is Outcome.RIGHT
    assert grade(question, "US").outcome is Outcome.WRONG
