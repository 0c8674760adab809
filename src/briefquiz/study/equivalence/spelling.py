"""US and UK spellings of one word, and the singular and plural of one word.

Spelling pairs (either may be the answer, either the typed word), words of five letters or
more: -our/-or (colour, color), -ise/-ize and -yse/-yze with their -isation, -ising forms
(organise, analyse), -re/-er (centre, center; centres, centers), -ogue/-og (dialogue, dialog),
-ce/-se before a final e (defence, defense; practise, practice), and a doubled l (travelled,
traveled; fulfil, fulfill).

Singular and plural: the plural adds -s or -es, or turns a final -y into -ies (policy,
policies); words of letters only, three or more.
"""

from __future__ import annotations

__all__ = ["singular_plural", "spelling_variants"]

_MIN_LENGTH = 5
_VOWELS = frozenset("aeiou")


def _one_substitution(a: str, b: str) -> int | None:
    """The one index where `a` and `b` (of equal length) differ, if exactly one."""
    if len(a) != len(b):
        return None
    differ = [index for index, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return differ[0] if len(differ) == 1 else None


def _our_or(uk: str, us: str) -> bool:
    start = uk.find("our", 1)
    while start != -1:
        if uk[: start + 1] + uk[start + 2 :] == us:
            return True
        start = uk.find("our", start + 1)
    return False


def _ise_ize(uk: str, us: str) -> bool:
    index = _one_substitution(uk, us)
    return (
        index is not None
        and len(uk) >= 6
        and uk[index] == "s"
        and us[index] == "z"
        and uk[index - 1] in "iy"
        and index + 1 < len(uk)
        and uk[index + 1] in "eai"
    )


def _re_er(uk: str, us: str) -> bool:
    for ending in ("", "s"):
        if uk.endswith("re" + ending) and len(uk) > 3 + len(ending):
            stem = uk[: len(uk) - 2 - len(ending)]
            if stem[-1] not in _VOWELS and us == stem + "er" + ending:
                return True
    return False


def _ogue_og(uk: str, us: str) -> bool:
    return any(
        uk.endswith("ogue" + ending) and us == uk[: len(uk) - 2 - len(ending)] + ending
        for ending in ("", "s")
    )


def _ce_se(uk: str, us: str) -> bool:
    index = _one_substitution(uk, us)
    if index is None or {uk[index], us[index]} != {"c", "s"} or uk[index + 1 :] not in ("e", "es"):
        return False
    return uk[index - 1] == "n" or uk.startswith("practi")


def _doubled_l(longer: str, shorter: str) -> bool:
    if len(longer) != len(shorter) + 1 or len(shorter) < _MIN_LENGTH:
        return False
    start = longer.find("ll", 1)
    while start != -1:
        if longer[:start] + longer[start + 1 :] == shorter:
            return True
        start = longer.find("ll", start + 1)
    return False


_RULES = (_our_or, _ise_ize, _re_er, _ogue_og, _ce_se, _doubled_l)


def spelling_variants(a: str, b: str) -> bool:
    """Whether lowercase words `a` and `b` are one word spelt the US and the UK way."""
    if a == b or min(len(a), len(b)) < _MIN_LENGTH or not (a.isalpha() and b.isalpha()):
        return False
    return any(rule(a, b) or rule(b, a) for rule in _RULES)


def singular_plural(a: str, b: str) -> bool:
    """Whether lowercase words `a` and `b` are the singular and the plural of one word."""
    one, many = (a, b) if len(a) <= len(b) else (b, a)
    if len(one) < 3 or not (one.isalpha() and many.isalpha()):
        return False
    return many in (one + "s", one + "es") or (one.endswith("y") and many == one[:-1] + "ies")
