"""Where the text proper of an article starts, after what a web page puts before it.

Pages copied to text open with a title block, photo and video captions, "05:28 - Source: CNN"
time stamps, an editor's note, bylines and a dateline ("CNN —"). Length does not tell them from
the text (a caption may run to 300 characters); their marks do. The opening blocks are skipped
while each is one of these, and the text starts at the first block that is none of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefquiz.deck.sourcetext import SourceText
from briefquiz.errors import CommandError

MAX_SKIPPED_BLOCKS = 8  # the marks are looked for only near the top
MAX_TITLE_WORDS = 14

_MARKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("a time stamp or source line", re.compile(r"^\d{1,2}:\d{2}(:\d{2})?\b|^Source:|\bSource: ")),
    (
        "a photo or video caption",
        re.compile(
            r"^(Photo|Image|Video|Caption|Credit|Watch|Pictured)\b\s*[:|—-]"
            r"|\((Photo|Image|Video)s?\b|\b(Getty Images|AP Photo|AFP|Reuters|Shutterstock)\b"
            r"|^(Photo|Image|Video) (by|credit|courtesy)\b",
            re.IGNORECASE,
        ),
    ),
    ("an editor's note", re.compile(r"^(Editor[’']?s[’']? note|Note from the editor)\b", re.I)),
    ("a byline", re.compile(r"^(By|Written by|Reporting by)\s+[A-Z]")),
    ("a date line", re.compile(r"^(Updated|Published|Posted)\b.*\d|^\w[\w .,]{0,40}\s[—–-]+\s*$")),
)


@dataclass(frozen=True, slots=True)
class TextStart:
    line: int  # 1-based: the value for starts_at_line
    skipped: tuple[str, ...]  # what was before it, as "a byline (line 3)"

    def describe(self) -> str:
        if not self.skipped:
            return "the text starts at line 1"
        return f"the text seems to start at line {self.line}, after " + ", ".join(self.skipped)


def _blocks(lines: list[str]) -> list[tuple[int, list[str]]]:
    """The runs of non-blank lines, each with its 1-based first line."""
    blocks: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if blocks and blocks[-1][0] + len(blocks[-1][1]) == number:
            blocks[-1][1].append(line.strip())
        else:
            blocks.append((number, [line.strip()]))
    return blocks


def _mark(block: list[str]) -> str | None:
    for line in block:
        for name, pattern in _MARKS:
            if pattern.search(line):
                return name
    return None


def _is_title_block(block: list[str]) -> bool:
    """Short lines that are not sentences: a headline and its subtitle."""
    return all(
        len(line.split()) <= MAX_TITLE_WORDS and not line.endswith((".", ",", ";", ":"))
        for line in block
    )


def find_text_start(text: SourceText) -> TextStart:
    """Where the text proper starts in `text` (whose own starts_at_line is ignored)."""
    blocks = _blocks(text.text.splitlines())
    skipped: list[str] = []
    for index, (first, block) in enumerate(blocks[:MAX_SKIPPED_BLOCKS]):
        what = _mark(block)
        if what is None and index == 0 and len(blocks) > 1 and _is_title_block(block):
            what = "a title"
        if what is None:
            return TextStart(first, tuple(skipped))
        last = first + len(block) - 1
        skipped.append(f"{what} (line{f's {first}-{last}' if last > first else f' {first}'})")
    return TextStart(1, ())  # all marked, or marked too far down: no guess


def text_after_start(text: SourceText, starts_at: int | None) -> tuple[SourceText, str]:
    """`text` from where its text proper starts (`starts_at`, else the guess), and a sentence
    saying where that is. Raises CommandError if `starts_at` leaves nothing to quote."""
    if starts_at is None:
        start = find_text_start(text)
        line, said = start.line, start.describe() + "; starts_at_line is set to it"
    elif starts_at < 1:
        raise CommandError(f"--starts-at {starts_at}: lines are counted from 1", 2)
    else:
        line, said = starts_at, f"starts_at_line is {starts_at}, as given"
    started = SourceText(text.path, text.text, line)
    if not any(p.text.split() for p in started.paragraphs):
        raise CommandError(f"--starts-at {line}: the source has no text after line {line - 1}", 2)
    return started, said
