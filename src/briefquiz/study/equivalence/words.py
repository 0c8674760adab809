"""An answer cut into words, each keeping how it was written (for the reasons of a grade).

The text is cleaned as lenient matching cleans it (accents, typographic marks, punctuation:
see `briefquiz.study.matching`), but case is kept aside, initials ("H.W.", "U.S.") are kept
as one word marked as initials, a possessive is its word ("USSR's" is "USSR"), and a leading
article is dropped.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from briefquiz.study.matching import unpunctuated

__all__ = ["Kind", "Word", "words_of"]

_INITIALS = re.compile(r"(?:(?<![^\W\d_])[^\W\d_]\.)+")
_ARTICLES = frozenset({"the", "a", "an"})
# "USSR's", "Putin’s.", "U.S.'s": the word itself; never after a digit ("the 1960's").
_POSSESSIVE = re.compile(r"(?:(?<=[^\W\d_])|(?<=\.))['’ʼ][sS]\b")


class Kind(StrEnum):
    WRITTEN = "written"
    """A word as the answer has it."""
    NUMBER = "number"
    """Number words or an ordinal, rewritten as digits: "sixty" -> 60, "first" -> 1th."""
    EQUIVALENT = "equivalent"
    """A phrase of the table or of the deck's aliases, rewritten as its group."""


@dataclass(frozen=True, slots=True)
class Word:
    key: str
    """What is compared: the casefolded word, or the canonical form of a rewritten phrase."""
    shown: str
    """As written, case kept (full stops of initials dropped)."""
    initials: bool = False
    kind: Kind = Kind.WRITTEN
    pause_after: bool = False
    """Punctuation followed it ("eleven, twelve", "ten-twenty"): the two are not one number."""


def _chunks(text: str) -> list[tuple[str, bool]]:
    """White-space separated pieces, initials split from what follows them ("H.W.Bush")."""
    spaced = _INITIALS.sub(lambda found: f" {found.group(0)} ", text)
    return [(chunk, _INITIALS.fullmatch(chunk) is not None) for chunk in spaced.split()]


@functools.lru_cache(maxsize=4096)
def words_of(text: str) -> tuple[Word, ...]:
    """The words of `text`, casefolded keys, a leading article dropped.

    Cached: the accepted answers and rejects of a deck are cut once, not at every answer.
    """
    text = _POSSESSIVE.sub("", unicodedata.normalize("NFC", text))
    words: list[Word] = []
    for chunk, initials in _chunks(text):
        if chunk.isascii() and chunk.isalnum():  # most words: nothing to clean
            words.append(Word(chunk.lower(), chunk, initials=initials))
            continue
        pieces = unpunctuated(chunk).split()
        ends_in_mark = not chunk[-1].isalnum()
        for index, piece in enumerate(pieces):
            key = unicodedata.normalize("NFKD", piece.casefold())
            key = "".join(ch for ch in key if not unicodedata.combining(ch))
            pause = index < len(pieces) - 1 or ends_in_mark  # split by, or before, a mark
            words.append(Word(key, piece, initials=initials, pause_after=pause))
    while len(words) > 1 and words[0].key in _ARTICLES and not words[0].initials:
        words.pop(0)
    return tuple(words)
