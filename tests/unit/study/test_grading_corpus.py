"""The grading corpus: every case graded as the teacher did, for a typed question and a cloze."""

from __future__ import annotations

import pytest
from grading_corpus import CASES, Case

from briefquiz.deck.model import Blank, Cloze, Typed
from briefquiz.study.grading import Grade, Outcome, grade


def _typed(case: Case) -> Typed:
    return Typed(
        id="q",
        prompt="?",
        answers=case.accepted,
        reject=case.reject,
        aliases=case.aliases,
        exact=case.exact,
    )


def _cloze(case: Case) -> Cloze:
    parts: list[str | Blank] = ["", Blank(case.accepted)]
    for other in case.others:
        parts += [" and ", Blank((other,))]
    return Cloze(
        id="q",
        prompt="?",
        text="",
        parts=(*parts, "."),
        reject=case.reject,
        aliases=case.aliases,
        exact=case.exact,
    )


def _first_blank(case: Case) -> Grade:
    return grade(_cloze(case), (case.given, *case.others))


def _label(case: Case) -> str:
    return f"{case.rule}:{case.given!r}->{case.accepted[0]!r}"


def test_the_corpus_is_big_enough_and_refuses_enough() -> None:
    assert len(CASES) >= 150
    assert sum(not case.right for case in CASES) >= 50


@pytest.mark.parametrize("case", CASES, ids=_label)
def test_a_cloze_blank_is_graded_as_the_teacher_did(case: Case) -> None:
    result = _first_blank(case)
    assert result.parts[0].correct is case.right


@pytest.mark.parametrize("case", [case for case in CASES if not case.others], ids=_label)
def test_a_typed_answer_is_graded_as_the_teacher_did(case: Case) -> None:
    result = grade(_typed(case), case.given)
    assert result.outcome is (Outcome.RIGHT if case.right else Outcome.WRONG)
    if case.right and case.why:
        assert any(case.why in reason for reason in result.reasons), result.reasons
