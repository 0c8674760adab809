"""The source document of a deck: its paragraphs, and where a quote stands in them."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from briefquiz.deck.reading import SOURCE_LIMIT, read_regular
from briefquiz.text.control import strip_controls
from briefquiz.text.typography import TYPOGRAPHIC

if TYPE_CHECKING:
    from briefquiz.deck.model import Deck

MIN_WORDS_FOR_CONTENT = 6


def fold_char(char: str) -> str:
    return char.translate(TYPOGRAPHIC)


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Fold typographic marks and white space runs; map each output char to its source index."""
    out: list[str] = []
    index: list[int] = []
    in_space = True  # drops leading white space
    for i, char in enumerate(text):
        if char.isspace():
            if not in_space:
                out.append(" ")
                index.append(i)
            in_space = True
            continue
        in_space = False
        for folded in fold_char(char):
            out.append(folded)
            index.append(i)
    if out and out[-1] == " ":
        out.pop()
        index.pop()
    return "".join(out), index


def normalize(text: str) -> str:
    return normalize_with_map(text)[0]


@dataclass(frozen=True, slots=True)
class Paragraph:
    number: int  # 1-based among all the blocks of the text (bylines too): its identity
    line: int  # 1-based line of the file where it starts
    text: str  # its lines joined by single spaces
    ordinal: int = 0  # 1-based among the content paragraphs, as a reader counts; 0 for a byline

    @property
    def is_content(self) -> bool:
        """Bylines and datelines ("CNN —") are paragraphs too, but nothing to ask about."""
        return len(self.text.split()) >= MIN_WORDS_FOR_CONTENT


@dataclass(frozen=True, slots=True)
class QuoteLocation:
    paragraph: Paragraph
    start: int  # offsets into paragraph.text
    end: int


class SourceText:
    def __init__(self, path: Path, text: str, starts_at_line: int = 1) -> None:
        self.path = path
        self.text = text
        self.starts_at_line = max(1, starts_at_line)

    @classmethod
    def read(cls, path: Path, starts_at_line: int = 1) -> SourceText:
        """Raises OSError (a FIFO, a device or a file over 5 MB is refused: `read_regular`)
        or UnicodeDecodeError; callers turn them into findings."""
        text = strip_controls(read_regular(path, SOURCE_LIMIT).decode("utf-8-sig"))
        return cls(path, text, starts_at_line)

    @cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        paragraphs: list[Paragraph] = []
        block: list[str] = []
        block_line = 0
        lines = self.text.splitlines()
        for number, line in enumerate(lines[self.starts_at_line - 1 :], self.starts_at_line):
            if line.strip():
                if not block:
                    block_line = number
                block.append(line.strip())
            elif block:
                paragraphs.append(Paragraph(len(paragraphs) + 1, block_line, " ".join(block)))
                block = []
        if block:
            paragraphs.append(Paragraph(len(paragraphs) + 1, block_line, " ".join(block)))
        counted: list[Paragraph] = []
        ordinal = 0
        for paragraph in paragraphs:
            if paragraph.is_content:
                ordinal += 1
                counted.append(replace(paragraph, ordinal=ordinal))
            else:
                counted.append(paragraph)
        return tuple(counted)

    @cached_property
    def _normalized(self) -> list[tuple[str, list[int]]]:
        return [normalize_with_map(p.text) for p in self.paragraphs]

    def locate(self, quote: str) -> QuoteLocation | None:
        """Where `quote` stands, comparing after folding white space and typographic marks.

        A quote may not span two paragraphs: a passage is shown inside its paragraph.
        """
        needle = normalize(quote)
        if not needle:
            return None
        for paragraph, (haystack, index) in zip(self.paragraphs, self._normalized, strict=True):
            at = haystack.find(needle)
            if at >= 0:
                end = index[at + len(needle) - 1] + 1
                return QuoteLocation(paragraph, index[at], end)
        return None


class SourceCache:
    """The source texts read for one library: each file read once, shared by every deck quoting it.

    A library owns its cache, and a library read again gets a new one, so an edited text is
    read afresh. It also remembers which deck files asked for which text (found or not), so
    that a watcher can tell whose source changed.
    """

    def __init__(self) -> None:
        self._texts: dict[tuple[Path, int], SourceText] = {}
        self._readers: dict[Path, set[Path]] = {}

    def read(self, path: Path, starts_at_line: int = 1, *, for_deck: Path) -> SourceText:
        """Raises OSError or UnicodeDecodeError, as `SourceText.read` does."""
        self._readers.setdefault(path, set()).add(for_deck)
        key = (path, starts_at_line)
        if key not in self._texts:
            self._texts[key] = SourceText.read(path, starts_at_line)
        return self._texts[key]

    @property
    def paths(self) -> frozenset[Path]:
        """Every source file asked for, including those that could not be read."""
        return frozenset(self._readers)

    def readers(self, path: Path) -> frozenset[Path]:
        """The deck files that named `path` as their source."""
        return frozenset(self._readers.get(path, ()))


def deck_source(deck: Deck) -> SourceText | None:
    """The deck's source text, or None when it has none or it cannot be read any more.

    A deck read from a file carries the text it was checked against; a deck built in memory
    has its file read now.
    """
    if deck.source is None or deck.source.file is None:
        return None
    if deck.source.text is not None:
        return deck.source.text
    try:
        return SourceText.read(deck.source.file, deck.source.starts_at_line)
    except (OSError, UnicodeDecodeError):
        return None
