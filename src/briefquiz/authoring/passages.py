"""Picking passages and words out of a source text, for questions that quote it verbatim.

Every passage returned here is a piece of one paragraph's text cut at word boundaries, so
`SourceText.locate` finds it: a quote made from it passes `briefquiz check`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefquiz.deck.sourcetext import Paragraph, SourceText

MIN_SENTENCE_WORDS = 8
MAX_SENTENCE_WORDS = 30
MIN_WORD_LETTERS = 5
_SENTENCE_END = re.compile(r"""(?<=[.!?])["”’)]*\s+(?=\S)""")
_EDGE_PUNCTUATION = "\"'“”‘’«»()[]{}.,;:!?…—–-*_"


def content_paragraphs(text: SourceText) -> list[Paragraph]:
    """The paragraphs worth quoting (not bylines or datelines); all of them if none is."""
    paragraphs = [p for p in text.paragraphs if p.is_content]
    return paragraphs or list(text.paragraphs)


def first_sentence(paragraph: str) -> str:
    """The paragraph's first sentence: at least a few words, at most `MAX_SENTENCE_WORDS`."""
    words = paragraph.split()
    ends = [m.start() for m in _SENTENCE_END.finditer(paragraph)]
    sentence = paragraph
    for end in ends:
        candidate = paragraph[:end]
        if len(candidate.split()) >= MIN_SENTENCE_WORDS:
            sentence = candidate
            break
    if len(sentence.split()) > MAX_SENTENCE_WORDS:
        sentence = " ".join(words[:MAX_SENTENCE_WORDS])
    return sentence.strip()


def opening(sentence: str, count: int) -> str:
    """The first `count` words of `sentence` (all of it when shorter)."""
    return " ".join(sentence.split()[:count])


def long_words(text: str) -> list[str]:
    """Words of at least `MIN_WORD_LETTERS` letters, in order, each once (case-insensitive)."""
    seen: set[str] = set()
    found: list[str] = []
    for token in text.split():
        word = token.strip(_EDGE_PUNCTUATION)
        if len(word) >= MIN_WORD_LETTERS and word.isalpha() and word.casefold() not in seen:
            seen.add(word.casefold())
            found.append(word)
    return found


def longest_words(text: str, count: int) -> list[str]:
    """Up to `count` of the longest words of `text`, in the order they stand in it."""
    words = long_words(text)
    chosen = set(sorted(words, key=len, reverse=True)[:count])
    return [w for w in words if w in chosen]


def other_words(candidates: Iterable[str], avoid: str, count: int) -> list[str]:
    """Up to `count` long words from `candidates` that do not occur in `avoid`."""
    taken = {w.casefold() for w in long_words(avoid)}
    picked: list[str] = []
    for word in candidates:
        if word.casefold() not in taken:
            taken.add(word.casefold())
            picked.append(word)
            if len(picked) == count:
                break
    return picked


def replace_word(sentence: str, word: str, replacement: str) -> str:
    """`sentence` with the first whole-word `word` replaced."""
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
    return pattern.sub(lambda _: replacement, sentence, count=1)
