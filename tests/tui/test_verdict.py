"""The verdict line's count is the partial-credit rule's, not a count of the listed options."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fsrs import Rating

from briefquiz.deck.model import Deck, Multi
from briefquiz.study.grading import grade
from briefquiz.study.queue import Kind, QueueItem
from briefquiz.study.reports import Feedback
from briefquiz.ui.tui.widgets.verdict import verdict

MULTI = Multi(id="m", prompt="p", options=("a", "b", "c", "d", "e"), answers=frozenset("abcd"))


def feedback_for(selection: frozenset[str]) -> Feedback:
    deck = Deck(id="d", title="D", path=Path("d.yaml"), questions=(MULTI,))
    result = grade(MULTI, selection)
    return Feedback(
        item=QueueItem(deck=deck, question=MULTI, card=None, kind=Kind.NEW),
        answer=selection,
        grade=result,
        rating=Rating.Hard,
        review_uid="r",
        card_before=None,
        card_after=None,
        answered_at=datetime(2026, 1, 1, tzinfo=UTC),
        duration_ms=1,
    )


def test_a_wrong_tick_is_counted_as_the_rule_counts_it() -> None:
    # four of five listed options are judged right, but the wrong tick takes one back: 3 of 4
    assert verdict(feedback_for(frozenset("abcde"))).startswith("~ Partly right (3 of 4)")


def test_a_missed_option_counts_against_the_options_that_apply() -> None:
    assert verdict(feedback_for(frozenset("abc"))).startswith("~ Partly right (3 of 4)")


def test_a_wrong_answer_with_some_parts_right_says_how_many() -> None:
    """Two right ticks and one wrong: one of four counts, so it is wrong, and says so; a
    wrong answer with nothing right is simply wrong."""
    assert verdict(feedback_for(frozenset("abe"))).startswith("✗ Wrong (1 of 4) · ")
    assert verdict(feedback_for(frozenset("e"))).startswith("✗ Wrong · ")


def test_the_mark_both_front_ends_show_counts_as_the_rule_does() -> None:
    from briefquiz.ui.wording.marks import graded_mark  # plain mode's verdict line too

    assert graded_mark(grade(MULTI, frozenset("abe")), MULTI) == "✗ Wrong (1 of 4)"
    assert graded_mark(grade(MULTI, frozenset("abc")), MULTI) == "~ Partly right (3 of 4)"
