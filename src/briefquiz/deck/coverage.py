"""Which paragraphs of a source text the decks ask about, through their quotes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from briefquiz.deck.model import Deck
from briefquiz.deck.sourcetext import Paragraph, SourceText, deck_source


@dataclass(frozen=True, slots=True)
class ParagraphCoverage:
    paragraph: Paragraph
    questions: tuple[tuple[str, str], ...]  # (deck id, question id)


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


def coverage(decks: Iterable[Deck]) -> list[SourceCoverage]:
    """Per source text of the decks, the questions whose quote stands in each paragraph.

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
        for deck in source_decks:
            for question in deck.questions:
                where = text.locate(question.quote) if question.quote else None
                if where is not None:
                    asked.setdefault(where.paragraph.number, []).append((deck.id, question.id))
        blocks = tuple(
            ParagraphCoverage(p, tuple(asked.get(p.number, ()))) for p in text.paragraphs
        )
        result.append(SourceCoverage(path, blocks))
    return result
