"""Numbers written in words read as digits: "sixty" -> 60, "seven hundred and fifty" -> 750.

Cardinals from zero to the thousands (units, teens, tens, "hundred", "thousand", with an
"and" after hundred or thousand), and ordinals ("first", "twentieth", "twenty-first"), which
become the number with "th" ("1th"), as digit ordinals do ("1st", "21st" -> "1th", "21th").
A year from 1500 to 2099 said in two halves reads as one number: "nineteen eighty-nine" ->
1989, "twenty fourteen" -> 2014, "nineteen oh five" -> 1905; never across punctuation
("eleven, twelve" and "ten-twenty" stay two numbers), and other pairs ("sixty seventy",
"ten fifteen") stay two. A run of words that is no number ("one one") is read as two numbers.
"""

from __future__ import annotations

import re
from enum import Enum, auto

from briefquiz.study.equivalence.words import Kind, Word

__all__ = ["with_numbers"]

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINAL_UNITS = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
]
_ORDINAL_TEENS = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_ORDINAL_TENS = [word[:-1] + "ieth" for word in _TENS]
_DIGIT_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)")


class _Step(Enum):
    UNIT = auto()
    TEEN = auto()
    TEN = auto()
    HUNDRED = auto()
    THOUSAND = auto()


_CARDINALS: dict[str, tuple[_Step, int]] = {
    **{word: (_Step.UNIT, value) for value, word in enumerate(_UNITS)},
    **{word: (_Step.TEEN, value + 10) for value, word in enumerate(_TEENS)},
    **{word: (_Step.TEN, 20 + 10 * value) for value, word in enumerate(_TENS)},
    "hundred": (_Step.HUNDRED, 100),
    "thousand": (_Step.THOUSAND, 1000),
}
_ORDINALS: dict[str, str] = {
    **{word: _UNITS[value] for value, word in enumerate(_ORDINAL_UNITS)},
    **{word: _TEENS[value] for value, word in enumerate(_ORDINAL_TEENS)},
    **{word: _TENS[value] for value, word in enumerate(_ORDINAL_TENS)},
    "hundredth": "hundred",
    "thousandth": "thousand",
}

# Which step may follow which: "twenty one", "seven hundred fifty", not "one one".
_FOLLOWS: dict[_Step | None, frozenset[_Step]] = {
    None: frozenset({_Step.UNIT, _Step.TEEN, _Step.TEN}),
    _Step.UNIT: frozenset({_Step.HUNDRED, _Step.THOUSAND}),
    _Step.TEEN: frozenset({_Step.HUNDRED, _Step.THOUSAND}),
    _Step.TEN: frozenset({_Step.UNIT, _Step.THOUSAND}),
    _Step.HUNDRED: frozenset({_Step.UNIT, _Step.TEEN, _Step.TEN, _Step.THOUSAND}),
    _Step.THOUSAND: frozenset({_Step.UNIT, _Step.TEEN, _Step.TEN, _Step.HUNDRED}),
}


def _cardinal(key: str) -> tuple[_Step, int, bool] | None:
    if key in _CARDINALS:
        return (*_CARDINALS[key], False)
    if key in _ORDINALS:
        return (*_CARDINALS[_ORDINALS[key]], True)
    return None


def _unit_at(words: list[Word], index: int) -> int | None:
    """The value of the unit word ("one" to "nine") at `index`, or None."""
    read = _CARDINALS.get(words[index].key) if index < len(words) else None
    return read[1] if read is not None and read[0] is _Step.UNIT and read[1] else None


def _two_digits(words: list[Word], start: int) -> tuple[int, int] | None:
    """A number from 10 to 99 written from `start` ("nineteen", "eighty nine"), and the index
    after it; None if there is none, or if it goes on ("nineteen hundred")."""
    if start >= len(words):
        return None
    read = _CARDINALS.get(words[start].key)
    if read is None or read[0] not in (_Step.TEEN, _Step.TEN):
        return None
    value, index = read[1], start + 1
    if read[0] is _Step.TEN and (unit := _unit_at(words, index)) is not None:
        value, index = value + unit, index + 1
    after = _CARDINALS.get(words[index].key) if index < len(words) else None
    if after is not None and after[0] in (_Step.HUNDRED, _Step.THOUSAND):
        return None
    return value, index


#: The first halves of a year said in two: "fifteen" to "nineteen", and "twenty" (1500-2099).
_CENTURIES = {word: _CARDINALS[word][1] for word in (*_TEENS[5:], "twenty")}


def _read_year(words: list[Word], start: int) -> tuple[str, int] | None:
    """A year said in two halves from `start`: "nineteen eighty-nine", "twenty fourteen",
    "nineteen oh five"; None if the words are not one."""
    century = _CENTURIES.get(words[start].key)
    index = start + 1
    if century is None or words[start].pause_after or index >= len(words):
        return None
    if words[index].key in ("oh", "o"):
        unit = _unit_at(words, index + 1)
        return None if unit is None else (str(century * 100 + unit), index + 2)
    low = _two_digits(words, index)
    if low is None:
        return None
    return str(century * 100 + low[0]), low[1]


def _read_number(words: list[Word], start: int) -> tuple[str, int] | None:
    """The number written from `start` on, as its key, and the index after it."""
    if words[start].key in ("zero", "zeroth"):
        return ("0th" if words[start].key == "zeroth" else "0"), start + 1
    total = current = 0
    last: _Step | None = None
    index = start
    ordinal = False
    while index < len(words) and not ordinal:
        key = words[index].key
        if key == "and" and last in (_Step.HUNDRED, _Step.THOUSAND) and index + 1 < len(words):
            after = _cardinal(words[index + 1].key)
            if after is not None and after[0] in (_Step.UNIT, _Step.TEEN, _Step.TEN):
                index += 1
                continue
        read = _cardinal(key)
        if read is None or read[1] == 0 or read[0] not in _FOLLOWS[last]:
            break
        step, value, ordinal = read
        if step is _Step.HUNDRED:
            current = max(current, 1) * 100
        elif step is _Step.THOUSAND:
            total += max(current, 1) * 1000
            current = 0
        else:
            current += value
        last = step
        index += 1
    if index == start:
        return None
    number = total + current
    return (f"{number}th" if ordinal else str(number)), index


def with_numbers(words: list[Word]) -> list[Word]:
    """`words` with every number in words, and every digit ordinal, rewritten as digits."""
    out: list[Word] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word.kind is Kind.WRITTEN and (found := _DIGIT_ORDINAL.fullmatch(word.key)):
            out.append(Word(f"{int(found.group(1))}th", word.shown, kind=Kind.NUMBER))
            index += 1
            continue
        read = (
            _read_year(words, index) or _read_number(words, index)
            if word.kind is Kind.WRITTEN
            else None
        )
        if read is None:
            out.append(word)
            index += 1
            continue
        key, after = read
        shown = " ".join(w.shown for w in words[index:after])
        out.append(Word(key, shown, kind=Kind.NUMBER))
        index = after
    return out
