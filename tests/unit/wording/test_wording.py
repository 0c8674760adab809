"""The words both front ends and the CLI share: one spelling each."""

from __future__ import annotations

from briefquiz.deck.model import Blank, Cloze, QuestionType
from briefquiz.study.reports import Summary
from briefquiz.ui.wording.cloze import gapped_text
from briefquiz.ui.wording.kinds import kind_name
from briefquiz.ui.wording.marks import rating_keys
from briefquiz.ui.wording.totals import session_totals
from briefquiz.ui.wording.words import and_list, plural


def _summary(**counts: int) -> Summary:
    fields = {"answered": 0, "right": 0, "partial": 0, "wrong": 0, "self_graded": 0}
    fields.update(counts)
    return Summary(**fields, seconds=16, missed=(), decks=(), cram=False)


def test_totals_count_every_answer_once() -> None:
    totals = session_totals(_summary(answered=8, right=5, partial=1, wrong=1, self_graded=1))
    assert totals == [
        "answered 8",
        "right 5 of 7",
        "partly right 1",
        "self-graded 1",
        "time 16 s",
    ]
    assert session_totals(_summary()) == ["answered 0", "time 16 s"]


def test_every_kind_has_a_name_of_its_own() -> None:
    names = [kind_name(kind) for kind in QuestionType]
    assert len(set(names)) == len(names)
    assert kind_name(QuestionType.TRUEFALSE) == "true or false"


def test_rating_keys_name_each_key() -> None:
    assert rating_keys(", ") == "1 Again, 2 Hard, 3 Good, 4 Easy"


def test_gaps_are_numbered_in_order() -> None:
    question = Cloze(id="c", prompt="", parts=("", Blank(("a",)), " and ", Blank(("b", "c")), "."))
    assert gapped_text(question) == "[1]_____ and [2]_____."


def test_plural() -> None:
    assert [plural(n, "question") for n in (0, 1, 2)] == [
        "0 questions",
        "1 question",
        "2 questions",
    ]
    assert plural(2, "review was", "reviews were") == "2 reviews were"


def test_lists_read_with_and_before_the_last() -> None:
    assert [and_list(items) for items in ([], ["a"], ["a", "b"], ["a", "b", "c"])] == [
        "",
        "a",
        "a and b",
        "a, b and c",
    ]
