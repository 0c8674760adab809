"""Phrases with the same meaning, from the built-in table (equivalents.txt) and deck aliases.

A phrase of a group, wherever it stands in an answer, is rewritten as the group's key, so
that "US State Department" and "United States State Department" compare equal. A name in
capitals (US, EU, NATO) counts only when typed in capitals; any other name in any case.
The deck's aliases are groups too, and where a name is in both, the deck's group wins.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefquiz.deck.model import Aliases
from briefquiz.study.equivalence.words import Kind, Word, words_of

__all__ = ["Table", "builtin_groups", "table_for"]


@dataclass(frozen=True, slots=True)
class _Entry:
    group: str
    capitals: bool
    """Counts only when typed in capitals."""


@dataclass(frozen=True, slots=True, eq=False)
class Table:
    phrases: dict[tuple[str, ...], _Entry]
    sizes: dict[str, tuple[int, ...]]
    """For each word that starts a phrase, the phrases' lengths, longest first."""

    def _at(self, words: Sequence[Word], index: int) -> tuple[_Entry, int] | None:
        for size in self.sizes.get(words[index].key, ()):
            span = words[index : index + size]
            if len(span) < size:
                continue
            entry = self.phrases.get(tuple(word.key for word in span))
            if entry is not None and (
                not entry.capitals or all(word.shown.isupper() for word in span)
            ):
                return entry, size
        return None

    def rewrite(self, words: Sequence[Word]) -> list[Word]:
        """`words` with each phrase of the table, longest first, rewritten as its group."""
        out: list[Word] = []
        index = 0
        while index < len(words):
            found = self._at(words, index)
            if found is None:
                out.append(words[index])
                index += 1
                continue
            entry, size = found
            shown = " ".join(word.shown for word in words[index : index + size])
            out.append(Word(entry.group, shown, kind=Kind.EQUIVALENT))
            index += size
        return out


def _capitals(name: str) -> bool:
    letters = name.replace(".", "")
    return letters.isalpha() and letters.isupper()


def _groups(lines: Iterable[str]) -> list[list[str]]:
    groups: list[list[str]] = []
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#"):
            groups.append([name.strip() for name in line.split("|") if name.strip()])
    return groups


@functools.cache
def builtin_groups() -> tuple[tuple[str, ...], ...]:
    text = (Path(__file__).parent / "equivalents.txt").read_text("utf-8")
    return tuple(tuple(group) for group in _groups(text.splitlines()))


def _add(phrases: dict[tuple[str, ...], _Entry], group: str, names: Iterable[str]) -> None:
    for name in names:
        key = tuple(word.key for word in words_of(name))
        if key:
            phrases[key] = _Entry(group, _capitals(name))


@functools.lru_cache(maxsize=64)
def table_for(aliases: Aliases) -> Table:
    """The built-in table with the deck's `aliases` on top."""
    phrases: dict[tuple[str, ...], _Entry] = {}
    for number, group in enumerate(builtin_groups()):
        _add(phrases, f"=table{number}", group)
    for canonical, forms in aliases:
        _add(phrases, f"=alias:{canonical.casefold()}", (canonical, *forms))
    sizes: dict[str, set[int]] = {}
    for key in phrases:
        sizes.setdefault(key[0], set()).add(len(key))
    return Table(phrases, {first: tuple(sorted(n, reverse=True)) for first, n in sizes.items()})
