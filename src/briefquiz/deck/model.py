"""The deck model: what a validated deck file becomes.

Plain frozen dataclasses, no I/O. Every question knows the line it was written on so that
messages about it (and the editor link in the UI) can point back into the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from briefquiz.deck.sourcetext import Paragraph, QuoteLocation

if TYPE_CHECKING:
    from briefquiz.deck.sourcetext import SourceText


class QuestionType(StrEnum):
    FLASHCARD = "flashcard"
    CHOICE = "choice"
    MULTI = "multi"
    TRUEFALSE = "truefalse"
    TYPED = "typed"
    CLOZE = "cloze"
    ORDER = "order"
    MATCH = "match"
    EVIDENCE = "evidence"
    EXPLAIN = "explain"


SELF_GRADED = frozenset({QuestionType.FLASHCARD})

Aliases = tuple[tuple[str, tuple[str, ...]], ...]
"""A deck's `aliases`: (canonical term, the other forms accepted for it), in file order."""


@dataclass(frozen=True, slots=True)
class Source:
    """The document a deck is derived from."""

    title: str
    authors: tuple[str, ...] = ()
    file: Path | None = None
    url: str | None = None
    starts_at_line: int = 1
    # the text the deck's quotes were checked against, when it was read from a file
    text: SourceText | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Question:
    """Fields shared by every question type."""

    id: str
    prompt: str
    explanation: str = ""
    quote: str = ""
    tags: tuple[str, ...] = ()
    line: int = 0

    @property
    def type(self) -> QuestionType:
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class Flashcard(Question):
    answer: str = ""

    @property
    def type(self) -> QuestionType:
        return QuestionType.FLASHCARD


@dataclass(frozen=True, slots=True)
class Choice(Question):
    options: tuple[str, ...] = ()
    answer: str = ""

    @property
    def type(self) -> QuestionType:
        return QuestionType.CHOICE


@dataclass(frozen=True, slots=True)
class Multi(Question):
    options: tuple[str, ...] = ()
    answers: frozenset[str] = frozenset()

    @property
    def type(self) -> QuestionType:
        return QuestionType.MULTI


@dataclass(frozen=True, slots=True)
class TrueFalse(Question):
    answer: bool = True

    @property
    def type(self) -> QuestionType:
        return QuestionType.TRUEFALSE


@dataclass(frozen=True, slots=True)
class Typed(Question):
    answers: tuple[str, ...] = ()
    exact: bool = False
    reject: tuple[str, ...] = ()
    """Refused even when a matching rule would accept them."""
    aliases: Aliases = ()
    """The deck's aliases, which every typed and cloze question of it applies."""

    @property
    def type(self) -> QuestionType:
        return QuestionType.TYPED


@dataclass(frozen=True, slots=True)
class Blank:
    """One gap in a cloze text: the accepted answers, the first being the canonical one."""

    answers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Cloze(Question):
    """`text` with blanks written `{{answer}}` or `{{answer|alternative}}`.

    `parts` alternates literal text and blanks: text, blank, text, ..., text.
    """

    text: str = ""
    parts: tuple[str | Blank, ...] = ()
    exact: bool = False
    reject: tuple[str, ...] = ()
    """Refused in every blank, even when a matching rule would accept them."""
    aliases: Aliases = ()

    @property
    def type(self) -> QuestionType:
        return QuestionType.CLOZE

    @property
    def blanks(self) -> tuple[Blank, ...]:
        return tuple(part for part in self.parts if isinstance(part, Blank))


@dataclass(frozen=True, slots=True)
class Order(Question):
    """`items` in the correct order."""

    items: tuple[str, ...] = ()

    @property
    def type(self) -> QuestionType:
        return QuestionType.ORDER


@dataclass(frozen=True, slots=True)
class Match(Question):
    """`pairs` of (left, right); every left has exactly one right partner."""

    pairs: tuple[tuple[str, str], ...] = ()

    @property
    def type(self) -> QuestionType:
        return QuestionType.MATCH


class Stance(StrEnum):
    """What the right paragraph of an evidence question does to its claim."""

    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"


@dataclass(frozen=True, slots=True)
class Evidence(Question):
    """`prompt` is a claim; the learner picks the paragraph of the source that supports it
    (or, with `stance` contradicts, contradicts it).

    `quotes` are the passages that do (`quote` is the first), `right` where each stands;
    `paragraphs` are the source's content paragraphs, the choices, in reading order.
    """

    quotes: tuple[str, ...] = ()
    stance: Stance = Stance.SUPPORTS
    paragraphs: tuple[Paragraph, ...] = field(default=(), repr=False)
    right: tuple[QuoteLocation, ...] = field(default=(), repr=False)

    @property
    def type(self) -> QuestionType:
        return QuestionType.EVIDENCE

    @property
    def ask(self) -> str:
        """`Which paragraph of the article supports this claim?`"""
        return f"Which paragraph of the article {self.stance.value} this claim?"

    @property
    def right_ordinals(self) -> frozenset[int]:
        return frozenset(location.paragraph.ordinal for location in self.right)


@dataclass(frozen=True, slots=True)
class Point:
    """One key point of an explain question's model answer, and the passage it rests on."""

    text: str
    quote: str = ""


@dataclass(frozen=True, slots=True)
class Explain(Question):
    """An open question whose model answer is split into key `points` (2 to 5)."""

    points: tuple[Point, ...] = ()

    @property
    def type(self) -> QuestionType:
        return QuestionType.EXPLAIN


AnyQuestion = (
    Flashcard | Choice | Multi | TrueFalse | Typed | Cloze | Order | Match | Evidence | Explain
)


@dataclass(frozen=True, slots=True)
class Deck:
    id: str
    title: str
    path: Path
    questions: tuple[AnyQuestion, ...]
    description: str = ""
    source: Source | None = None
    aliases: Aliases = ()
    bundled: bool = False
    id_line: int = 1  # where the `deck:` id stands, for library-wide messages
    id_column: int = 1
    _by_id: dict[str, AnyQuestion] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Built here, not passed in, so that dataclasses.replace() gets an index of its own.
        object.__setattr__(self, "_by_id", {q.id: q for q in self.questions})

    def question(self, question_id: str) -> AnyQuestion | None:
        return self._by_id.get(question_id)
