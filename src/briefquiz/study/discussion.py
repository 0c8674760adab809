"""The answers to the two discussion kinds, and how they are judged.

`evidence`: the learner picks a paragraph of the source (`ParagraphPick`); the paragraph of a
right quote is right, a paragraph next to a right one partly right, any other wrong.
`explain`: the learner writes (or thinks) an answer, then ticks the key points they made
(`Explained`); every point ticked is right, some partly right, none wrong.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefquiz.deck.model import Evidence
from briefquiz.deck.sourcetext import Paragraph

OPENING_WORDS = 8
MADE, MISSED = "made", "missed"


def opening(paragraph: Paragraph, words: int = OPENING_WORDS) -> str:
    """A paragraph's first words, `…` after them when there are more."""
    split = paragraph.text.split()
    return " ".join(split[:words]) + (" …" if len(split) > words else "")


@dataclass(frozen=True, slots=True)
class ParagraphPick:
    """The paragraph chosen for an evidence question: its number as the app counts
    (`Paragraph.ordinal`) and its opening words, so the log reads the same after an edit."""

    ordinal: int
    opening: str


@dataclass(frozen=True, slots=True)
class Explained:
    """The written answer to an explain question (may be empty) and the points ticked,
    by their place (0-based) in the question's points."""

    written: str
    ticked: frozenset[int]


def paragraph_of(question: Evidence, ordinal: int) -> Paragraph | None:
    return next((p for p in question.paragraphs if p.ordinal == ordinal), None)


def pick(question: Evidence, ordinal: int) -> ParagraphPick:
    """The pick of the question's paragraph `ordinal`; ValueError for one it does not list."""
    paragraph = paragraph_of(question, ordinal)
    if paragraph is None:
        raise ValueError(f"question {question.id!r} lists no paragraph {ordinal}")
    return ParagraphPick(ordinal, opening(paragraph))


def evidence_closeness(question: Evidence, chosen: ParagraphPick) -> float:
    """1 for a right paragraph, 0.5 for one next to a right one, else 0."""
    right = question.right_ordinals
    if chosen.ordinal in right:
        return 1.0
    if chosen.ordinal - 1 in right or chosen.ordinal + 1 in right:
        return 0.5
    return 0.0
