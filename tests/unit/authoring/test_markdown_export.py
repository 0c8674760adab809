"""`briefquiz export markdown`: a study sheet with every question and its answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefquiz.authoring.markdown_export import deck_markdown, escape
from briefquiz.deck.bundled import bundled_decks_dir
from briefquiz.deck.model import (
    AnyQuestion,
    Choice,
    Cloze,
    Deck,
    Evidence,
    Explain,
    Flashcard,
    Match,
    Multi,
    Order,
    TrueFalse,
    Typed,
)
from briefquiz.deck.validate import read_deck

BUNDLED = sorted(bundled_decks_dir().glob("*.yaml"))


def load(path: Path) -> Deck:
    deck, findings = read_deck(path)
    assert deck is not None, findings
    return deck


def answers_shown(question: AnyQuestion) -> list[str]:
    """What the sheet must show as the answer, in the form it shows it."""
    if isinstance(question, Flashcard):
        return [f"**Answer:** {escape(question.answer)}"]
    if isinstance(question, Choice):
        return [f"- [x] {escape(question.answer)}"] + [
            f"- [ ] {escape(o)}" for o in question.options if o != question.answer
        ]
    if isinstance(question, Multi):
        return [
            f"- [{'x' if o in question.answers else ' '}] {escape(o)}" for o in question.options
        ]
    if isinstance(question, TrueFalse):
        return [f"**Answer:** {'True' if question.answer else 'False'}"]
    if isinstance(question, Typed):
        return [escape(a) for a in question.answers]
    if isinstance(question, Cloze):
        return [f"**{escape(b.answers[0])}**" for b in question.blanks] + [
            escape(alternative) for b in question.blanks for alternative in b.answers[1:]
        ]
    if isinstance(question, Order):
        return [f"{n}. {escape(item)}" for n, item in enumerate(question.items, 1)]
    if isinstance(question, Match):
        return [f"| {escape(left)} | {escape(right)} |" for left, right in question.pairs]
    if isinstance(question, Evidence):
        verb = "Supported" if question.stance.value == "supports" else "Contradicted"
        return [f"**{verb} by paragraph {where.paragraph.ordinal}:**" for where in question.right]
    if isinstance(question, Explain):
        return [f"{n}. {escape(point.text)}" for n, point in enumerate(question.points, 1)]
    raise AssertionError(question)


@pytest.mark.parametrize("path", BUNDLED, ids=[p.name for p in BUNDLED])
def test_every_question_and_answer_of_a_bundled_deck_is_on_the_sheet(path: Path) -> None:
    deck = load(path)
    sheet = deck_markdown(deck)
    assert sheet.startswith(f"# {escape(deck.title)}\n")
    assert deck.source is not None and escape(deck.source.title) in sheet
    for number, question in enumerate(deck.questions, 1):
        heading = next(line for line in sheet.splitlines() if line.startswith(f"### {number}. "))
        if not isinstance(question, Cloze):
            assert " ".join(escape(question.prompt).split()) in heading
        for shown in answers_shown(question):
            assert shown in sheet, (question.id, shown)
        if question.explanation:
            assert " ".join(escape(question.explanation).split()) in " ".join(sheet.split())
        if question.quote:
            quoted = " ".join(escape(question.quote).split())
            assert f"> {quoted}" in sheet or quoted in sheet.replace("\n> ", " ")
    assert sheet.count("\n### ") == len(deck.questions)


def test_text_that_looks_like_markdown_is_shown_as_itself(tmp_path: Path) -> None:
    path = tmp_path / "odd.yaml"
    path.write_text(
        """\
deck: odd
title: "*Not* a [link]"
questions:
  - id: a
    type: match
    prompt: "# not a heading"
    pairs:
      "a|b": "<b>x</b>"
      "2009. A year": "_under_"
  - id: b
    type: truefalse
    prompt: Is it?
    answer: true
    quote: |-
      > already quoted
      - a list?
""",
        encoding="utf-8",
    )
    sheet = deck_markdown(load(path))
    assert sheet.startswith("# \\*Not\\* a \\[link\\]\n")
    assert "### 1. \\# not a heading" in sheet
    assert "| a\\|b | \\<b\\>x\\</b\\> |" in sheet
    assert "| 2009\\. A year | \\_under\\_ |" in sheet
    assert "### 2. True or false? Is it?" in sheet
    assert "**Answer:** True" in sheet
    assert "> \\> already quoted\n> \\- a list?" in sheet


def test_command_prints_or_writes_the_sheet(bq, tmp_path: Path) -> None:
    command = ("export", "markdown", "biden-russia-events")
    printed = bq.run(*command)
    assert printed.returncode == 0, printed.stderr
    deck = load(bundled_decks_dir() / "biden-russia-events.yaml")
    assert printed.stdout == deck_markdown(deck)
    written = bq.run(*command, "-o", "sheet.md")
    assert written.returncode == 0 and written.stdout == ""
    assert "wrote sheet.md" in written.stderr
    assert (tmp_path / "sheet.md").read_text(encoding="utf-8") == deck_markdown(deck)
