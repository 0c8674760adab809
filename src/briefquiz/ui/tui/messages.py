"""Requests that screens send up to the app, which owns navigation between screens."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from briefquiz.deck.model import Deck
from briefquiz.study.reports import Summary


@dataclass
class StudyRequested(Message):
    """Start a session on `decks` (all the library's decks when empty)."""

    decks: tuple[Deck, ...] = ()
    cram: bool = False


@dataclass
class ArticleRequested(Message):
    """Open the source article of `deck`, at `quote` when given."""

    deck: Deck
    quote: str | None = None


@dataclass
class PlanRequested(Message):
    """Open the day-by-day plan of the text of `deck` (all its decks)."""

    deck: Deck


@dataclass
class StatsRequested(Message):
    """Open the stats screen for `decks` (all decks when empty)."""

    decks: tuple[Deck, ...] = ()


@dataclass
class SessionEnded(Message):
    """The study screen is done: show this summary in its place.

    `left` counts the questions still waiting when the learner stopped early.
    """

    summary: Summary
    left: int = 0


@dataclass
class HomeRequested(Message):
    """Go back to the deck list."""
