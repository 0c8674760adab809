"""An acronym for a name of three or more capitalised words: NATO, N.A.T.O., OSCE.

The initials of the name's words, skipping the little words "of", "the", "and", "for", "in",
"on", "at", "to", "a" and "an" (in any case), typed in capitals with or without full stops.
A hyphenated word gives one initial ("Co-operation": C). The name in the deck must have
every other word capitalised; a student may type the name in any case. Shorter forms (US,
EU, UN) come only from the table of equivalents or the deck's aliases, so "CW" is not
"Cold War".
"""

from __future__ import annotations

from briefquiz.study.matching import unpunctuated

__all__ = ["acronym_reason"]

_LITTLE = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "a", "an"})
_MIN_WORDS = 3


def _acronym(text: str) -> str | None:
    letters = text.strip().replace(".", "")
    if len(letters) >= _MIN_WORDS and letters.isascii() and letters.isalpha() and letters.isupper():
        return letters
    return None


def _initials(name: str, *, capitalised: bool) -> str | None:
    words = [word for word in unpunctuated(name.replace("-", "")).split()]
    words = [word for word in words if word.casefold() not in _LITTLE]
    if len(words) < _MIN_WORDS or (capitalised and not all(w[0].isupper() for w in words)):
        return None
    return "".join(word[0] for word in words).upper()


def acronym_reason(given: str, expected: str) -> str | None:
    """ "NATO = North Atlantic Treaty Organization" when one is the acronym of the other."""
    for short, name, deck_name in ((given, expected, True), (expected, given, False)):
        letters = _acronym(short)
        if letters is not None and _initials(name, capitalised=deck_name) == letters:
            return f"{short.strip()} = {name.strip()}"
    return None
