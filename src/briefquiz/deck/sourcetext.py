"""The source document of a deck: its paragraphs, and where a quote stands in them."""

from __future__ import annotations

import bisect
import re
import unicodedata
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


DASH = "\u2014"  # what every dash and spaced dash folds to
_DASHES = frozenset("\u2012\u2013\u2014\u2015\u2e3a\u2e3b\ufe58")  # ‒ – — ― ⸺ ⸻ ﹘
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")  # soft hyphen, zero widths


def fold_char(char: str) -> str:
    return char.translate(TYPOGRAPHIC)


def _composed(text: str) -> tuple[str, list[int]]:
    """`text` in Unicode NFC, with the index in `text` of each composed character."""
    if unicodedata.is_normalized("NFC", text):
        return text, list(range(len(text)))
    out: list[str] = []
    index: list[int] = []
    start = 0
    for i in range(1, len(text) + 1):  # a base character and the marks that follow it
        if i < len(text) and unicodedata.combining(text[i]):
            continue
        cluster = unicodedata.normalize("NFC", text[start:i])
        out.append(cluster)
        index.extend([start] * len(cluster))
        start = i
    return "".join(out), index


# One token of the text as compared: a dash (a run of dash characters, two hyphens or more,
# or a hyphen with white space or an end on both sides), a run of white space, a run of
# invisible characters, or a run of anything else (a lone hyphen is one).
_DASH_CLASS = "".join(sorted(_DASHES))
_INVISIBLE_CLASS = "".join(sorted(_INVISIBLE))
_TOKEN = re.compile(
    rf"(?P<dash>[{_DASH_CLASS}]+|-{{2,}}|(?<!\S)-(?!\S))"
    rf"|(?P<space>\s+)"
    rf"|(?P<invisible>[{_INVISIBLE_CLASS}]+)"
    rf"|(?P<word>[^\s{_DASH_CLASS}{_INVISIBLE_CLASS}-]+|-)"
)


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Text as a reader compares it; each output character maps to its index in `text`.

    Unicode NFC; typographic quotes, primes and the ellipsis to ASCII; every dash (em, en,
    `--`, a hyphen with spaces around it) to one em dash without spaces around it; runs of
    white space and line breaks to one space; soft hyphens and zero-width characters dropped.
    Case, letters and words are kept as they are.

    It goes a token (`_TOKEN`) at a time, not a character at a time: each source text is
    mapped paragraph by paragraph when its deck is read, at every start of the app.
    """
    chars, origin = _composed(text)
    out: list[str] = []
    index: list[int] = []
    space: int | None = None  # where a run of white space not yet written began
    dashed = False  # the last thing written is a dash
    for match in _TOKEN.finditer(chars):
        kind, start = match.lastgroup, match.start()
        if kind == "word":
            if space is not None and out and not dashed:
                out.append(" ")
                index.append(space)
            space, dashed = None, False
            word = match.group()
            folded_word = word.translate(TYPOGRAPHIC)
            if len(folded_word) == len(word):  # one character for one (all but the ellipsis)
                out.append(folded_word)
                index.extend(origin[start : match.end()])
                continue
            for at, char in enumerate(word, start):
                folded = fold_char(char)
                out.append(folded)
                index.extend([origin[at]] * len(folded))
        elif kind == "dash":
            if not dashed:
                out.append(DASH)
                index.append(origin[start])
            space, dashed = None, True
        elif kind == "space" and space is None:
            space = origin[start]
    return "".join(out), index


_TYPOGRAPHIC_CHAR = re.compile("[" + re.escape("".join(map(chr, TYPOGRAPHIC))) + "]")


def _fold(text: str) -> str:
    """`text.translate(TYPOGRAPHIC)`, six times faster on a quote: the table maps only
    characters outside ASCII, and most of a quote's characters are ASCII."""
    if text.isascii():
        return text
    return _TYPOGRAPHIC_CHAR.sub(lambda m: str(TYPOGRAPHIC[ord(m.group())]), text)


_SPECIAL = re.compile(rf"[{_DASH_CLASS}{_INVISIBLE_CLASS}]|--|(?<!\S)-(?!\S)")


def normalize(text: str) -> str:
    """`normalize_with_map(text)[0]`, without the map and with a shortcut for text that holds
    only words and spaces: every quote of a deck is normalized, and a large deck has
    thousands."""
    if not unicodedata.is_normalized("NFC", text):
        return normalize_with_map(text)[0]
    if _SPECIAL.search(text) is None:  # most quotes: words and spaces only
        return _fold(" ".join(text.split()))
    out: list[str] = []
    space = False  # a run of white space not yet written
    dashed = False  # the last thing written is a dash
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "word":
            if space and out and not dashed:
                out.append(" ")
            out.append(_fold(match.group()))
            space = dashed = False
        elif kind == "dash":
            if not dashed:
                out.append(DASH)
            space, dashed = False, True
        elif kind == "space":
            space = True
    return "".join(out)


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
    def normalized(self) -> list[tuple[str, list[int]]]:
        """Each paragraph as compared (`normalize_with_map`), made once per text."""
        return [normalize_with_map(p.text) for p in self.paragraphs]

    @cached_property
    def spaced(self) -> tuple[str, list[tuple[int, Paragraph]]]:
        """Every normalized paragraph joined by a space, and where each one starts: what a
        missing quote is searched in for its nearest passage (made once, not per quote)."""
        starts: list[tuple[int, Paragraph]] = []
        offset = 0
        for paragraph, (folded, _) in zip(self.paragraphs, self.normalized, strict=True):
            starts.append((offset, paragraph))
            offset += len(folded) + 1
        return " ".join(folded for folded, _ in self.normalized), starts

    @cached_property
    def whole(self) -> SourceText:
        """The same text from its first line (the text itself when it starts there)."""
        return self if self.starts_at_line == 1 else SourceText(self.path, self.text, 1)

    @cached_property
    def _joined(self) -> tuple[str, list[int]]:
        """Every normalized paragraph joined by a line break, and where each one starts.

        A normalized quote holds no line break, so what `find` finds in the joined text
        stands inside one paragraph: one search per quote, not one per paragraph.
        """
        starts: list[int] = []
        offset = 0
        for haystack, _ in self.normalized:
            starts.append(offset)
            offset += len(haystack) + 1
        return "\n".join(haystack for haystack, _ in self.normalized), starts

    def line_of(self, paragraph: Paragraph, offset: int) -> int:
        """The line of the file that character `offset` of `paragraph.text` stands on."""
        lines = self.text.splitlines()
        line = paragraph.line
        consumed = len(lines[line - 1].strip()) + 1 if line <= len(lines) else offset + 1
        while consumed <= offset and line < len(lines):
            line += 1
            consumed += len(lines[line - 1].strip()) + 1
        return line

    def locate(self, quote: str) -> QuoteLocation | None:
        """Where `quote` stands, comparing after folding white space and typographic marks.

        A quote may not span two paragraphs: a passage is shown inside its paragraph.
        """
        needle = normalize(quote)
        if not needle:
            return None
        joined, starts = self._joined
        found = joined.find(needle)
        if found < 0:
            return None
        number = bisect.bisect_right(starts, found) - 1
        at = found - starts[number]
        index = self.normalized[number][1]
        end = index[at + len(needle) - 1] + 1
        return QuoteLocation(self.paragraphs[number], index[at], end)


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
