"""Why a quote is not in its source, told so the author can fix it without hunting.

Only called when `SourceText.locate` found nothing, so the fuzzy matcher (`rapidfuzz`) is
imported here, on that path, and never when every quote is found.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from briefquiz.deck.sourcetext import Paragraph, SourceText, normalize, normalize_with_map

SHOWN = 90  # characters of the nearest passage shown at most
MIN_SCORE = 60.0  # below this, nothing in the source is near enough to show


@dataclass(frozen=True, slots=True)
class Explanation:
    message: str  # follows "quote not found in the source NAME: "
    offset: int | None = None  # the character of the quote to point at: the differing word


def explain(source: SourceText, quote: str) -> Explanation:
    """The reason a quote is not found, when known, or the nearest passage and the first
    word that differs."""
    return Explanation(reason) if (reason := _reason(source, quote)) else _nearest(source, quote)


def _reason(source: SourceText, quote: str) -> str | None:
    needle = normalize(quote)
    if source.starts_at_line > 1:
        whole = source.whole
        where = whole.locate(quote)
        if where is not None and where.paragraph.line < source.starts_at_line:
            line = whole.line_of(where.paragraph, where.start)
            return (
                f"it is above starts_at_line ({source.starts_at_line}): it stands on line "
                f"{line}; quote the text after it, or lower starts_at_line"
            )
    if (spanned := _spanning(source, needle)) is not None:
        numbers = " and ".join(str(_number(p)) for p in spanned)
        return (
            f"it spans paragraphs {numbers}: a quote must stand inside one paragraph; "
            "shorten it to the part in one"
        )
    casefolded = needle.casefold()
    for paragraph, (folded, _) in zip(source.paragraphs, source.normalized, strict=True):
        at = folded.casefold().find(casefolded)
        if at >= 0:
            found = folded[at : at + len(needle)]
            return (
                f"only the case differs: paragraph {_number(paragraph)} "
                f"(line {paragraph.line}) has {found!r}"
            )
    return None


def _number(paragraph: Paragraph) -> int:
    """The paragraph's number as a reader counts it (a byline has only its block number)."""
    return paragraph.ordinal or paragraph.number


def _covering(starts: list[tuple[int, Paragraph]], begin: int, end: int) -> tuple[Paragraph, ...]:
    return tuple(
        p
        for i, (offset, p) in enumerate(starts)
        if offset < end and (i + 1 == len(starts) or starts[i + 1][0] > begin)
    )


def _spanning(source: SourceText, needle: str) -> tuple[Paragraph, ...] | None:
    text, starts = source.spaced
    at = text.find(needle)
    if at < 0:
        return None
    covered = _covering(starts, at, at + len(needle))
    return covered if len(covered) > 1 else None


def _within_one(
    starts: list[tuple[int, Paragraph]], begin: int, end: int, text: str
) -> tuple[int, int]:
    """The part of `begin`-`end` of `text` inside the paragraph that holds most of it, white
    space around it left out."""
    bounds = [
        (max(begin, offset), min(end, starts[i + 1][0] if i + 1 < len(starts) else len(text)))
        for i, (offset, _) in enumerate(starts)
    ]
    first, last = max((b for b in bounds if b[0] < b[1]), key=lambda b: b[1] - b[0])
    while last > first and text[last - 1].isspace():
        last -= 1
    while first < last and text[first].isspace():
        first += 1
    return first, last


def _nearest(source: SourceText, quote: str) -> Explanation:
    from rapidfuzz import fuzz  # only here: most decks never need it

    needle, index = normalize_with_map(quote)
    text, starts = source.spaced
    if not text:
        return Explanation("the source has no text after starts_at_line")
    found = fuzz.partial_ratio_alignment(needle, text)
    if found is None or found.score < MIN_SCORE:
        return Explanation(
            "nothing in the source is close to it; copy the passage from the source again"
        )
    begin, end = _word_bounds(text, found.dest_start, found.dest_end)
    where = _covering(starts, begin, end)
    if len(where) > 1:
        # An extra word at the quote's end aligns with the next paragraph's first: the
        # passage is the part in the paragraph that holds most of it.
        begin, end = _within_one(starts, begin, end, text)
        where = _covering(starts, begin, end)
    passage = text[begin:end]
    first_start = next(offset for offset, p in starts if p is where[0])
    line = source.line_of(where[0], max(0, begin - first_start))
    place = (
        f"paragraph {_number(where[0])} (line {line})"
        if len(where) == 1
        else "paragraphs " + " and ".join(str(_number(p)) for p in where)
    )
    if len(where) == 1:  # shown as printed, not as compared
        folded_to = source.normalized[source.paragraphs.index(where[0])][1]
        local_end = min(end - first_start, len(folded_to))
        passage = where[0].text[folded_to[begin - first_start] : folded_to[local_end - 1] + 1]
    shown = passage if len(passage) <= SHOWN else passage[: SHOWN - 1] + "…"
    message = f"the nearest passage is in {place}: {shown!r}"
    if (differs := first_difference(needle, text[begin:end])) is None:
        return Explanation(message)
    told, word = differs
    starts_of_words = [m.start() for m in re.finditer(r"\S+", needle)]
    return Explanation(
        f"{message}; the first word that differs is {told}", index[starts_of_words[word]]
    )


def _word_bounds(text: str, begin: int, end: int) -> tuple[int, int]:
    while begin > 0 and text[begin - 1].isalnum():
        begin -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return begin, end


def first_difference(quote: str, passage: str) -> tuple[str, int] | None:
    """The first word of `quote` that the passage does not have, told with its counterpart,
    and its number among the quote's words (0-based)."""
    mine, theirs = quote.split(), passage.split()
    matcher = difflib.SequenceMatcher(a=mine, b=theirs, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "insert" and i1 in (0, len(mine))):
            continue  # the source's words around the quote are only the window shown
        if tag == "insert":
            added = " ".join(theirs[j1:j2])
            return f"after {mine[i1 - 1]!r}: the source adds {added!r}", i1
        written = " ".join(mine[i1:i2])
        if tag == "delete":
            return f"{written!r}, which the source does not have", i1
        return f"{written!r} (the source has {' '.join(theirs[j1:j2])!r})", i1
    return None
