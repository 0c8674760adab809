"""The lines a web page puts before an article's text are recognised by their marks."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefquiz.authoring.textstart import find_text_start, text_after_start
from briefquiz.deck.sourcetext import SourceText
from briefquiz.errors import CommandError
from paths import FIXTURE_DECKS, SEEDS

BODY = "The island of Varn has kept a light on its northern head since 1811, its keepers say.\n"


def start_of(text: str) -> tuple[int, tuple[str, ...]]:
    found = find_text_start(SourceText(Path("x.txt"), text))
    return found.line, found.skipped


def test_the_bundled_article_starts_after_its_300_character_caption_and_notes() -> None:
    seed = SourceText.read(next(SEEDS.glob("*.txt")))
    assert len(seed.text.splitlines()[0]) > 300  # length alone would call it text
    found = find_text_start(seed)
    assert found.line == 9
    assert found.skipped == (
        "a time stamp or source line (lines 1-3)",
        "an editor's note (line 5)",
        "a date line (line 7)",
    )
    assert seed.text.splitlines()[8].startswith("A Russian leader has already congratulated")


def test_a_title_block_is_skipped() -> None:
    assert start_of((FIXTURE_DECKS / "source.txt").read_text(encoding="utf-8")) == (
        4,
        ("a title (lines 1-2)",),
    )


@pytest.mark.parametrize(
    ("preamble", "what"),
    [
        (
            "Photo: the lighthouse at dusk, seen from the harbour wall in a long exposure.",
            "caption",
        ),
        ("The keeper's cottage in winter. (Photo by Ada Morrow for the Varn Museum)", "caption"),
        ("Tomas Quill in 1962, the year the light was automated. Getty Images", "caption"),
        ("Video: the last night of the keepers", "caption"),
        ("12:04 - Source: Varn Radio", "time stamp"),
        ("By Ada Morrow and Tomas Quill", "byline"),
        ("Updated 9:41 AM ET, Sun November 8, 2020", "date line"),
        ("VARN HARBOUR —", "date line"),
        ("Editor's note: this history is made up for briefquiz's tests.", "editor's note"),
    ],
)
def test_each_kind_of_preamble_is_skipped(preamble: str, what: str) -> None:
    line, skipped = start_of(f"{preamble}\n\n{BODY}")
    assert line == 3
    assert what in skipped[0]


def test_a_text_that_starts_at_once_starts_at_line_one() -> None:
    assert start_of(BODY + "\n" + BODY) == (1, ())
    # A single paragraph is never taken for a title, nor is a sentence.
    assert start_of("A short line.\n\n" + BODY) == (1, ())


def test_a_given_start_is_kept_and_must_leave_text() -> None:
    text = SourceText(Path("x.txt"), "Title\n\n" + BODY)
    started, said = text_after_start(text, 3)
    assert started.starts_at_line == 3 and said == "starts_at_line is 3, as given"
    with pytest.raises(CommandError, match="no text after line 9"):
        text_after_start(text, 10)
    with pytest.raises(CommandError, match="counted from 1"):
        text_after_start(text, 0)
