"""The article's paragraphs with the questions that quote each, and what the student knows
of them (the recall heat-map)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from briefquiz.deck.coverage import coverage
from briefquiz.deck.model import AnyQuestion, Deck
from briefquiz.deck.sourcetext import Paragraph, SourceText
from briefquiz.schedule.passage_recall import PassageRecall, QuestionKey, passage_recall

QuizItems = list[tuple[Deck, AnyQuestion]]
"""Questions to quiz on, each with its deck, in deck order."""


@dataclass(frozen=True, slots=True)
class ArticleParagraph:
    """A paragraph of the source text and the questions whose quote stands in it.

    `recall` is what the student knows of it (None: the heat-map is not shown)."""

    paragraph: Paragraph
    questions: tuple[tuple[Deck, AnyQuestion], ...]
    recall: PassageRecall | None = None


def article_paragraphs(
    text: SourceText,
    decks: Sequence[Deck],
    recalls: Mapping[QuestionKey, float | None] | None = None,
) -> list[ArticleParagraph]:
    """Every paragraph of `text` with the questions of `decks` that quote it, and with
    `recalls` (each question's predicted recall) its `PassageRecall`.

    Only decks whose source is `text` are asked: `deck.coverage.coverage` of them, with each
    (deck id, question id) it names turned back into the deck and the question.
    """
    by_id = {deck.id: deck for deck in decks}

    def quoted(deck_id: str, question_id: str) -> tuple[Deck, AnyQuestion]:
        deck = by_id[deck_id]
        question = deck.question(question_id)
        assert question is not None, "coverage names only questions of the decks it is given"
        return deck, question

    def item(paragraph: Paragraph, pairs: Sequence[tuple[str, str]]) -> ArticleParagraph:
        known = passage_recall(pairs, recalls) if recalls is not None else None
        return ArticleParagraph(paragraph, tuple(quoted(*pair) for pair in pairs), known)

    for source in coverage(decks):
        if source.path == text.path:
            return [item(block.paragraph, block.questions) for block in source.blocks]
    return [item(paragraph, ()) for paragraph in text.paragraphs]
