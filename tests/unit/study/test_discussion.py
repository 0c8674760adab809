"""Grading the two discussion kinds, and their answers in the review log."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest
from fsrs import Rating

from briefquiz.deck.model import Evidence, Explain, Point, Stance
from briefquiz.study.answer_json import answer_from_json, answer_to_json
from briefquiz.study.answer_text import describe_answer, expected_text
from briefquiz.study.discussion import Explained, ParagraphPick, opening, pick
from briefquiz.study.grading import Outcome, grade

EXPLAIN = Explain(
    id="why-museum",
    prompt="Why does the museum matter?",
    points=(
        Point("It keeps the logbooks.", "Morrow’s logbooks survive"),
        Point("They record storms.", "They record storms"),
        Point("And the price of oil.", "the price of lamp oil"),
    ),
)


@pytest.fixture
def evidence(kit: Any) -> Evidence:
    """Right: paragraph 3 of the fixture source (four paragraphs)."""
    question: Evidence = kit.evidence()
    return question


def test_the_right_paragraph_is_right_its_neighbours_partly_any_other_wrong(
    evidence: Evidence,
) -> None:
    assert evidence.right_ordinals == {3}
    verdicts = {n: grade(evidence, pick(evidence, n)) for n in (1, 2, 3, 4)}
    assert verdicts[3].outcome is Outcome.RIGHT and verdicts[3].suggested == Rating.Good
    for neighbour in (2, 4):
        assert verdicts[neighbour].outcome is Outcome.PARTIAL
        assert verdicts[neighbour].suggested == Rating.Hard
        assert verdicts[neighbour].score == 0.5
    assert verdicts[1].outcome is Outcome.WRONG and verdicts[1].suggested == Rating.Again


def test_several_right_paragraphs(kit: Any) -> None:
    first = kit.evidence("Its first keeper, Ada Morrow")
    last = kit.evidence("Today volunteers open the tower")
    both = replace(first, quotes=first.quotes + last.quotes, right=first.right + last.right)
    assert both.right_ordinals == {1, 4}
    outcomes = [grade(both, pick(both, n)).outcome for n in (1, 2, 3, 4)]
    # 2 is next to 1 and 3 next to 4: partly right, both of them.
    assert outcomes == [Outcome.RIGHT, Outcome.PARTIAL, Outcome.PARTIAL, Outcome.RIGHT]
    assert expected_text(both).startswith("paragraph 1 “The island of Varn")
    assert " or paragraph 4 “Today volunteers" in expected_text(both)


def test_a_contradicting_paragraph_is_graded_the_same_way(evidence: Evidence) -> None:
    contradicts = replace(evidence, stance=Stance.CONTRADICTS)
    assert contradicts.ask == "Which paragraph of the article contradicts this claim?"
    assert grade(contradicts, pick(contradicts, 3)).outcome is Outcome.RIGHT


def test_a_paragraph_the_question_does_not_list_is_a_bug(evidence: Evidence) -> None:
    with pytest.raises(ValueError, match="no paragraph 9"):
        grade(evidence, ParagraphPick(9, "nothing"))
    with pytest.raises(TypeError):
        grade(evidence, 3)


def test_the_log_keeps_the_opening_words_as_logged(evidence: Evidence) -> None:
    chosen = pick(evidence, 2)
    stored = json.loads(json.dumps(answer_to_json(evidence, chosen)))
    assert stored == {
        "paragraph": 2,
        "opening": "Morrow’s logbooks survive in the harbour museum. They …",
    }
    # The source edited since: what was logged still reads as it was.
    edited = replace(evidence, paragraphs=evidence.paragraphs[:1])
    read_back = answer_from_json(edited, stored)
    assert read_back == chosen
    assert describe_answer(edited, read_back) == (
        "paragraph 2 “Morrow’s logbooks survive in the harbour museum. They …”"
    )
    with pytest.raises(TypeError):
        answer_from_json(evidence, 2)


def test_opening_words(evidence: Evidence) -> None:
    paragraph = evidence.paragraphs[-1]
    assert opening(paragraph, 3) == "Today volunteers open …"
    assert opening(paragraph, 50) == paragraph.text


@pytest.mark.parametrize(
    ("ticked", "outcome", "rating"),
    [
        ({0, 1, 2}, Outcome.RIGHT, Rating.Good),
        ({1}, Outcome.PARTIAL, Rating.Hard),
        ({0, 2}, Outcome.PARTIAL, Rating.Hard),
        (set(), Outcome.WRONG, Rating.Again),
    ],
)
def test_explain_all_points_good_some_hard_none_again(
    ticked: set[int], outcome: Outcome, rating: Rating
) -> None:
    verdict = grade(EXPLAIN, Explained("my answer", frozenset(ticked)))
    assert (verdict.outcome, verdict.suggested) == (outcome, rating)
    assert verdict.score == pytest.approx(len(ticked) / 3)
    assert [part.correct for part in verdict.parts] == [i in ticked for i in range(3)]
    assert verdict.parts[0].expected == "It keeps the logbooks."


def test_explain_logs_the_written_answer() -> None:
    given = Explained("Because of the logbooks", frozenset({0, 2}))
    stored = json.loads(json.dumps(answer_to_json(EXPLAIN, given)))
    assert stored == {"written": "Because of the logbooks", "ticked": [0, 2]}
    assert answer_from_json(EXPLAIN, stored) == given
    assert describe_answer(EXPLAIN, given) == "Because of the logbooks · points made: 1, 3"
    assert describe_answer(EXPLAIN, Explained("", frozenset())) == (
        "(nothing written) · no point made"
    )
    assert expected_text(EXPLAIN).startswith("1. It keeps the logbooks.  2. They record storms.")
    with pytest.raises(TypeError):
        answer_from_json(EXPLAIN, {"written": "x", "ticked": [True]})


def test_a_point_the_question_does_not_have_is_a_bug() -> None:
    with pytest.raises(ValueError, match="no point 4"):
        grade(EXPLAIN, Explained("", frozenset({3})))
