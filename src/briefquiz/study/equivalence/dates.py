"""Dates in any common written form, read as (year, month, day), any of them possibly absent.

Accepted forms: month names and their abbreviations with or without a full stop ("Nov.",
"Sept"), ordinal days ("8th"), "the 8th of November", day-month or month-day in words in
either order, ISO dates ("2020-11-08", "2020-11"), and all-digit dates with / . or - between
day, month and year when only one reading is a real date ("25/12/1991"; "11/8/2020" is no
date: it could be either). A month alone or a year alone is no date.
"""

from __future__ import annotations

import functools
import re

__all__ = ["WrittenDate", "parse_date"]

WrittenDate = tuple[int | None, int, int | None]
"""(year, month, day): the month is always there, and at least one of the other two."""

_MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTHS: dict[str, int] = {
    **{name: number for number, name in enumerate(_MONTH_NAMES, 1)},
    **{name[:3]: number for number, name in enumerate(_MONTH_NAMES, 1)},
    "sept": 9,
}
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

_ISO = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?")
_NUMERIC = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")
_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?")
_YEAR = re.compile(r"\d{3,4}")
_DIGIT = re.compile(r"\d")
_FILLERS = frozenset({"the", "of"})


def _valid(year: int | None, month: int, day: int | None) -> WrittenDate | None:
    if not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= _DAYS[month - 1]:
        return None
    # February 29 stands without a year; with one it must be a leap year.
    leap = year is None or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))
    if (month, day) == (2, 29) and not leap:
        return None
    return (year, month, day)


def _numeric(text: str) -> WrittenDate | None:
    if found := _ISO.fullmatch(text):
        day = found.group(3)
        return _valid(int(found.group(1)), int(found.group(2)), int(day) if day else None)
    if found := _NUMERIC.fullmatch(text):
        first, second, year = int(found.group(1)), int(found.group(3)), int(found.group(4))
        readings = {_valid(year, second, first), _valid(year, first, second)} - {None}
        return readings.pop() if len(readings) == 1 else None
    return None


def _in_words(words: list[str]) -> WrittenDate | None:
    month: int | None = None
    day: int | None = None
    year: int | None = None
    for word in words:
        if word in _FILLERS:
            continue
        if word in _MONTHS and month is None:
            month = _MONTHS[word]
        elif _YEAR.fullmatch(word) and year is None and (day is not None or month is not None):
            year = int(word)
        elif (found := _DAY.fullmatch(word)) and day is None and year is None:
            day = int(found.group(1))
        else:
            return None
    if month is None or (day is None and year is None):
        return None
    return _valid(year, month, day)


@functools.lru_cache(maxsize=4096)
def parse_date(text: str) -> WrittenDate | None:
    """The date `text` writes, or None when it writes no date (or an ambiguous one)."""
    cleaned = text.strip().casefold()
    if not cleaned or _DIGIT.search(cleaned) is None:
        return None
    if cleaned[0].isdigit() and (numeric := _numeric(cleaned)) is not None:
        return numeric
    words = re.sub(r"[.,]", " ", cleaned).split()
    return _in_words(words)
