"""Which paragraphs of a source text the decks ask about, through their quotes.

A question counts in every paragraph one of its passages stands in (an explain question's
points and an evidence question's quotes included). A question tagged `reasoning` (it asks
for a claim's reason, consequence, contrast or support) is also counted apart, for the
paragraphs of the authors' text: every content paragraph but an editor's note.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import assert_never

from briefquiz.deck.model import (
    AnyQuestion,
    Choice,
    Cloze,
    Deck,
    Evidence,
    Explain,
    Flashcard,
    Match,
    Multi,
    Order,
    TrueFalse,
    Typed,
)
from briefquiz.deck.sourcetext import Paragraph, SourceText, deck_source, normalize

REASONING_TAG = "reasoning"
EDITORIAL_OPENINGS = ("editor's note", "editors note")


def is_editorial(paragraph: Paragraph) -> bool:
    """An editor's note (about the authors, not their argument)."""
    return normalize(paragraph.text).lower().startswith(EDITORIAL_OPENINGS)


def question_quotes(question: AnyQuestion) -> tuple[str, ...]:
    """Every passage of the source a question rests on."""
    match question:
        case Evidence():
            return question.quotes
        case Explain():
            return tuple(point.quote for point in question.points if point.quote)
        case Flashcard() | Choice() | Multi() | TrueFalse() | Typed() | Cloze() | Order() | Match():
            return (question.quote,) if question.quote else ()
        case _:
            assert_never(question)


Asked = tuple[tuple[str, str], ...]  # (deck id, question id)


@dataclass(frozen=True, slots=True)
class ParagraphCoverage:
    paragraph: Paragraph
    questions: Asked
    reasoning: Asked = ()  # those of `questions` tagged reasoning

    @property
    def argued(self) -> bool:
        """Part of the authors' text: a content paragraph that is not an editor's note."""
        return self.paragraph.is_content and not is_editorial(self.paragraph)


@dataclass(frozen=True, slots=True)
class SourceCoverage:
    path: Path
    blocks: tuple[ParagraphCoverage, ...]  # every paragraph, bylines too (they may be quoted)

    @property
    def paragraphs(self) -> list[ParagraphCoverage]:
        """The content paragraphs: what a deck is expected to ask about."""
        return [p for p in self.blocks if p.paragraph.is_content]

    @property
    def uncovered(self) -> list[ParagraphCoverage]:
        return [p for p in self.paragraphs if not p.questions]

    @property
    def argument(self) -> list[ParagraphCoverage]:
        """The paragraphs of the authors' text."""
        return [p for p in self.blocks if p.argued]

    @property
    def unreasoned(self) -> list[ParagraphCoverage]:
        """Paragraphs of the authors' text without a reasoning question."""
        return [p for p in self.argument if not p.reasoning]


def coverage(decks: Iterable[Deck]) -> list[SourceCoverage]:
    """Per source text of the decks, the questions whose passages stand in each paragraph.

    A quote that cannot be found counts nowhere (the deck checker reports it).
    """
    by_source: dict[Path, tuple[SourceText, list[Deck]]] = {}
    for deck in decks:
        text = deck_source(deck)
        if text is not None:
            by_source.setdefault(text.path, (text, []))[1].append(deck)
    result = []
    for path, (text, source_decks) in by_source.items():
        asked: dict[int, list[tuple[str, str]]] = {}
        reasoned: dict[int, list[tuple[str, str]]] = {}
        for deck in source_decks:
            for question in deck.questions:
                found = (text.locate(quote) for quote in question_quotes(question))
                numbers = dict.fromkeys(where.paragraph.number for where in found if where)
                for number in numbers:
                    asked.setdefault(number, []).append((deck.id, question.id))
                    if REASONING_TAG in question.tags:
                        reasoned.setdefault(number, []).append((deck.id, question.id))
        blocks = tuple(
            ParagraphCoverage(p, tuple(asked.get(p.number, ())), tuple(reasoned.get(p.number, ())))
            for p in text.paragraphs
        )
        result.append(SourceCoverage(path, blocks))
    return result
