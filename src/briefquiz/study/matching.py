"""Lenient matching of typed answers (the rules of `typed` and `cloze` in docs/deck-format.md).

Lenient mode forgives case, accents, typographic quotes and dashes, punctuation, runs of white
space, a leading "the"/"a"/"an" and, in answers of five letters or more without digits, one
small typo (a letter wrong, missing, extra, or two neighbouring letters swapped). Exact mode
forgives only surrounding white space and differences of Unicode composition (NFC).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from briefquiz.text.typography import TYPOGRAPHIC

__all__ = ["matches", "normalize", "within_one_edit"]

#: Answers need at least this many letters or digits before a typo is forgiven.
MIN_TYPO_LENGTH = 5

_ARTICLES = ("the ", "a ", "an ")

# Punctuation dropped without leaving a gap: "U.S." -> "us", "don't" -> "dont".
_JOINING = frozenset({"'", "."})


def _strip_accents(text: str) -> str:
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


def within_one_edit(a: str, b: str) -> bool:
    """Whether the Damerau-Levenshtein distance of `a` and `b` is at most 1, in O(n).

    One edit is a substitution, an insertion, a deletion or a swap of two adjacent characters.
    """
    if a == b:
        return True
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):  # one character inserted into `a` at position i
        return a[i:] == b[i + 1 :]
    if a[i + 1 :] == b[i + 1 :]:  # substitution at i
        return True
    return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]


def _exact_form(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _typo_forgiven(given: str, accepted: str) -> bool:
    if _has_digit(accepted) or _has_digit(given):
        return False
    if sum(ch.isalnum() for ch in accepted) < MIN_TYPO_LENGTH:
        return False
    return within_one_edit(given, accepted)


def matches(given: str, accepted: Sequence[str], *, exact: bool = False) -> bool:
    """Whether `given` is one of the `accepted` answers.

    `exact`: only surrounding white space and Unicode composition (NFC) are forgiven.
    Otherwise both sides are `normalize`d and must be equal, or (when the accepted answer has
    at least five letters or digits and neither side has a digit) one edit apart. An accepted
    answer with no letters or digits at all (say "?") is compared exactly. A blank answer is
    never right.
    """
    exact_given = _exact_form(given)
    if not exact_given:
        return False
    if exact:
        return any(exact_given == _exact_form(answer) for answer in accepted)
    normal_given = normalize(given)
    for answer in accepted:
        normal_answer = normalize(answer)
        if not normal_answer:
            if exact_given == _exact_form(answer):
                return True
        elif normal_given == normal_answer or (
            normal_given and _typo_forgiven(normal_given, normal_answer)
        ):
            return True
    return False
