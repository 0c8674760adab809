"""Whether a typed answer is one of the accepted answers, and which rule accepted it.

In order: a blank answer is wrong; with `exact` only case and surrounding white space are
forgiven; an answer equal to an accepted one under lenient matching (`matching.normalize`)
is right, and one equal so to a `reject` is wrong. Otherwise the rules are tried against
each accepted answer and each reject: dates, acronyms, then word by word after rewriting
numbers and the phrases of the table and the aliases (spelling, singular/plural of the last
word, typos), then the words run together (hyphen, space or nothing). The closest match
(fewest rules and edits) decides, and a reject at least as close as the closest accepted
answer wins. A typo is not forgiven when the answer is, by the same rules, one of the
`others` (the other blanks of a cloze).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from briefquiz.deck.model import Aliases
from briefquiz.study.equivalence.acronyms import acronym_reason
from briefquiz.study.equivalence.dates import parse_date
from briefquiz.study.equivalence.numbers import with_numbers
from briefquiz.study.equivalence.spelling import singular_plural, spelling_variants
from briefquiz.study.equivalence.table import Table, table_for
from briefquiz.study.equivalence.typos import typo_edits
from briefquiz.study.equivalence.words import Kind, Word, words_of
from briefquiz.study.matching import normalize

__all__ = ["Verdict", "judge"]


@dataclass(frozen=True, slots=True)
class Verdict:
    right: bool
    reasons: tuple[str, ...] = ()
    """Why a right answer that is not plainly an accepted one was accepted."""


WRONG = Verdict(False)


@dataclass(frozen=True, slots=True)
class _Match:
    reasons: list[str]
    typos: list[tuple[str, int]]

    def distance(self) -> int:
        """How far the answer is from the one it matched: one per rule, one per edit."""
        return len(self.reasons) + sum(edits for _, edits in self.typos)

    def explained(self) -> tuple[str, ...]:
        reasons = list(self.reasons)
        if self.typos:
            count = sum(edits for _, edits in self.typos)
            words = ", ".join(word for word, _ in self.typos)
            reasons.append(f"{count} typo{'s' if count > 1 else ''} ({words})")
        return tuple(reasons)


def _word_pair(given: Word, expected: Word, *, last: bool, match: _Match) -> bool:
    if given.key == expected.key:
        rewritten = Kind.WRITTEN not in (given.kind, expected.kind)
        if (rewritten or given.kind is not expected.kind) and (
            given.shown.casefold() != expected.shown.casefold()
        ):
            match.reasons.append(f"{given.shown} = {expected.shown}")
        return True
    if given.kind is not Kind.WRITTEN or expected.kind is not Kind.WRITTEN:
        return False
    if spelling_variants(given.key, expected.key):
        match.reasons.append(f"{given.shown} = {expected.shown} (spelling)")
        return True
    if last and singular_plural(given.key, expected.key):
        match.reasons.append(f"{given.shown} = {expected.shown} (singular/plural)")
        return True
    if edits := typo_edits(given, expected):
        match.typos.append((given.shown, edits))
        return True
    return False


def _words_match(given: Sequence[Word], expected: Sequence[Word]) -> _Match | None:
    if len(given) != len(expected) or not given:
        return None
    match = _Match([], [])
    last = len(given) - 1
    for index, (g, e) in enumerate(zip(given, expected, strict=True)):
        if not _word_pair(g, e, last=index == last, match=match):
            return None
    return match


def _run_together(given: Sequence[Word], expected: Sequence[Word]) -> bool:
    return len(given) != len(expected) and "".join(w.key for w in given) == "".join(
        w.key for w in expected
    )


@functools.lru_cache(maxsize=4096)
def _forms(text: str, table: Table) -> tuple[tuple[Word, ...], tuple[Word, ...]]:
    """The words of `text` with numbers rewritten: with the table's phrases too, and without."""
    plain = with_numbers(list(words_of(text)))
    return tuple(table.rewrite(plain)), tuple(plain)


_normal = functools.lru_cache(maxsize=4096)(normalize)


def _rules(given: str, expected: str, table: Table) -> _Match | None:
    given_date, expected_date = parse_date(given), parse_date(expected)
    if given_date is not None and expected_date is not None:
        return _Match(["same date"], []) if given_date == expected_date else None
    if (acronym := acronym_reason(given, expected)) is not None:
        return _Match([acronym], [])
    for given_words, expected_words in zip(
        _forms(given, table), _forms(expected, table), strict=True
    ):
        if (match := _words_match(given_words, expected_words)) is not None:
            return match
    if _run_together(words_of(given), words_of(expected)):
        return _Match([f"{given.strip()} = {expected.strip()} (spacing)"], [])
    return None


def _exact_form(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def _plainly(given: str, accepted: Sequence[str]) -> bool:
    """The lenient comparison of `matching`: case, accents, punctuation, a leading article."""
    normal = _normal(given)
    for answer in accepted:
        normal_answer = _normal(answer)
        if normal_answer and normal == normal_answer:
            return True
        if not normal_answer and _exact_form(given) == _exact_form(answer):
            return True
    return False


def _closest(given: str, answers: Sequence[str], table: Table) -> _Match | None:
    """The match of `given` to one of `answers` that needs the fewest rules and typos."""
    matches = [
        match
        for answer in answers
        if _normal(answer) and (match := _rules(given, answer, table)) is not None
    ]
    return min(matches, key=_Match.distance, default=None)


def judge(
    given: str,
    accepted: Sequence[str],
    *,
    reject: Sequence[str] = (),
    aliases: Aliases = (),
    exact: bool = False,
    others: Sequence[str] = (),
) -> Verdict:
    """Whether `given` is one of `accepted`, and why (see the module docstring)."""
    if not _exact_form(given):
        return WRONG
    if exact:
        folded = _exact_form(given).casefold()
        return Verdict(any(folded == _exact_form(answer).casefold() for answer in accepted))
    if _plainly(given, accepted):
        return Verdict(True)
    if _plainly(given, reject):
        return WRONG
    table = table_for(aliases)
    match = _closest(given, accepted, table)
    if match is None:
        return WRONG
    refused = _closest(given, reject, table)
    if refused is not None and refused.distance() <= match.distance():
        return WRONG  # as close to a reject as to an answer: the reject wins
    if match.typos and (
        _plainly(given, others) or any(_rules(given, other, table) for other in others)
    ):
        return WRONG
    return Verdict(True, match.explained())
