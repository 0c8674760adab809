"""What the feedback panel adds for the two discussion kinds.

Evidence: the paragraph chosen (when it is not a right one) and every right paragraph with its
quote highlighted. Explain: each key point's passage of the article.
"""

from __future__ import annotations

from collections.abc import Iterator

from textual.widget import Widget
from textual.widgets import Static

from briefquiz.deck.model import Evidence, Explain
from briefquiz.study.discussion import ParagraphPick, paragraph_of
from briefquiz.study.reports import Feedback
from briefquiz.ui.tui.widgets.passage import Passage, caption


def discussion_passages(feedback: Feedback) -> Iterator[Widget] | None:
    """The passages to show instead of the question's one quote; None for the other kinds."""
    question = feedback.item.question
    if isinstance(question, Evidence):
        return _evidence(question, feedback.answer)
    if isinstance(question, Explain):
        return _explain(question)
    return None


def _evidence(question: Evidence, answer: object) -> Iterator[Widget]:
    chosen = answer.ordinal if isinstance(answer, ParagraphPick) else 0
    paragraph = paragraph_of(question, chosen)
    if paragraph is not None and chosen not in question.right_ordinals:
        yield Static("Your paragraph:", classes="passage-heading")
        yield Static(paragraph.text, classes="chosen-paragraph", markup=False)
        yield Static(caption(paragraph), classes="passage-caption", markup=False)
    heading = "The right paragraph:" if len(question.right) == 1 else "The right paragraphs:"
    yield Static(heading, classes="passage-heading")
    for where in question.right:
        yield Passage(where)


def _explain(question: Explain) -> Iterator[Widget]:
    yield Static("From the article:", classes="passage-heading")
    for number, point in enumerate(question.points, 1):
        yield Static(f"{number}. “{point.quote}”", classes="quote", markup=False)
