"""The normal form of a typed answer: what lenient matching forgives before any rule.

Case, accents, typographic quotes and dashes, punctuation, runs of white space and a leading
"the"/"a"/"an". The rules beyond it (dates, numbers, typos, ...) are in `study.equivalence`.
"""

from __future__ import annotations

import unicodedata

from briefquiz.text.typography import TYPOGRAPHIC

__all__ = ["normalize", "unpunctuated"]

_ARTICLES = ("the ", "a ", "an ")

# Punctuation dropped without leaving a gap: "U.S." -> "us", "don't" -> "dont".
_JOINING = frozenset({"'", "."})


def _strip_accents(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _between_digits(text: str, index: int) -> bool:
    return 0 < index < len(text) - 1 and text[index - 1].isdecimal() and text[index + 1].isdecimal()


def _is_thousands_comma(text: str, index: int) -> bool:
    """A comma followed by exactly three digits, as in "1,000" or "12,345,678"."""
    group = text[index + 1 : index + 4]
    after = text[index + 4 : index + 5]
    return len(group) == 3 and group.isdecimal() and not after.isdecimal()


def _drop_punctuation(text: str) -> str:
    """Punctuation to spaces (apostrophes and full stops to nothing); numbers kept readable.

    A full stop or comma between two digits is a decimal separator ("3.5" and "3,5" both
    become "3.5", so "3.5" never equals "35"); a comma before a group of three digits is a
    thousands separator ("1,000" becomes "1000").
    """
    out: list[str] = []
    for index, ch in enumerate(text):
        if ch in {".", ","} and _between_digits(text, index):
            if not (ch == "," and _is_thousands_comma(text, index)):
                out.append(".")
            continue
        if ch in _JOINING:
            continue
        category = unicodedata.category(ch)
        if category == "Cf":  # invisible formatting: zero-width space, soft hyphen, ...
            continue
        if category[0] == "P" or category == "Cc":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def unpunctuated(text: str) -> str:
    """`text` with accents stripped, typographic marks made ASCII and punctuation dropped.

    Case and white space are left as they are: the first steps of `normalize`.
    """
    return _drop_punctuation(_strip_accents(text).translate(TYPOGRAPHIC))


def normalize(text: str) -> str:
    """The form lenient matching compares.

    Casefolded; accents stripped (NFKD, combining marks dropped); typographic quotes and
    dashes made ASCII; punctuation dropped; white space collapsed; a leading article
    ("the", "a", "an") dropped when something follows it. Idempotent: articles are dropped
    until none leads, so "the the x" and "the x" both give "x".
    """
    text = _strip_accents(_strip_accents(text).casefold())
    text = _drop_punctuation(text.translate(TYPOGRAPHIC))
    text = " ".join(text.split())
    stripped = True
    while stripped:
        stripped = False
        for article in _ARTICLES:
            if text.startswith(article) and len(text) > len(article):
                text = text[len(article) :]
                stripped = True
                break
    return text
