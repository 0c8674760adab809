"""A deck as a printable study sheet in Markdown: every question with its answer.

Choice options are a task list with the right ones ticked, an order is a numbered list, the
pairs of a match are a table; the explanation follows, and the quote is a blockquote.
"""

from __future__ import annotations

import re
from typing import assert_never

from briefquiz.deck.model import (
    AnyQuestion,
    Blank,
    Choice,
    Cloze,
    Deck,
    Evidence,
    Explain,
    Flashcard,
    Match,
    Multi,
    Order,
    Stance,
    TrueFalse,
    Typed,
)
from briefquiz.text.words import and_list, plural

# Characters that would start emphasis, code, links or HTML in running text.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
# At the start of a line they would make a heading, list, quote or rule.
_LINE_START_SPECIAL = re.compile(r"^(\s*(?:\d+)?)([#>+\-=|]|[.)])", re.MULTILINE)


def escape(text: str) -> str:
    """`text` shown as itself, not as Markdown."""
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    return _LINE_START_SPECIAL.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _cell(text: str) -> str:
    return escape(text).replace("|", "\\|").replace("\n", "<br>")


def _blockquote(text: str) -> list[str]:
    return ["> " + line if line.strip() else ">" for line in escape(text).splitlines()]


def _paragraph(text: str) -> str:
    """Hard line breaks kept (two spaces before each newline)."""
    return "  \n".join(escape(text).splitlines())


def _cloze_filled(question: Cloze) -> str:
    parts: list[str] = []
    for part in question.parts:
        if isinstance(part, Blank):
            shown = f"**{escape(part.answers[0])}**"
            if len(part.answers) > 1:
                shown += " (or " + ", ".join(escape(a) for a in part.answers[1:]) + ")"
            parts.append(shown)
        else:
            parts.append(escape(part))
    return "".join(parts)


def _answer(question: AnyQuestion) -> list[str]:
    match question:
        case Flashcard():
            return [f"**Answer:** {_paragraph(question.answer)}"]
        case Choice():
            return [
                f"- [{'x' if option == question.answer else ' '}] {escape(option)}"
                for option in question.options
            ]
        case Multi():
            return [
                f"- [{'x' if option in question.answers else ' '}] {escape(option)}"
                for option in question.options
            ]
        case TrueFalse():
            return [f"**Answer:** {'True' if question.answer else 'False'}"]
        case Typed():
            line = f"**Answer:** {escape(question.answers[0])}"
            if len(question.answers) > 1:
                line += (
                    " (also accepted: " + "; ".join(escape(a) for a in question.answers[1:]) + ")"
                )
            return [line]
        case Cloze():
            return [_cloze_filled(question)]
        case Order():
            return [f"{number}. {escape(item)}" for number, item in enumerate(question.items, 1)]
        case Match():
            return [
                "| | |",
                "| --- | --- |",
                *(f"| {_cell(left)} | {_cell(right)} |" for left, right in question.pairs),
            ]
        case Evidence():
            verb = "Supported" if question.stance is Stance.SUPPORTS else "Contradicted"
            lines: list[str] = []
            for where in question.right:
                lines += [
                    f"**{verb} by paragraph {where.paragraph.ordinal}:**",
                    "",
                    *_blockquote(where.paragraph.text),
                    "",
                ]
            return lines[:-1]
        case Explain():
            return [
                "**Points to make:**",
                "",
                *(
                    f"{n}. {escape(point.text)} (“{escape(point.quote)}”)"
                    for n, point in enumerate(question.points, 1)
                ),
            ]
        case _:
            assert_never(question)


def _heading(number: int, question: AnyQuestion) -> str:
    if isinstance(question, Cloze) and question.prompt == "Fill in the blanks.":
        text = "Fill in the blanks"
    else:
        text = " ".join(escape(question.prompt).split())
    if isinstance(question, TrueFalse):
        text = f"True or false? {text}"
    elif isinstance(question, Evidence):
        text = f"{question.ask} {text}"
    elif isinstance(question, Explain):
        text = f"For discussion: {text}"
    return f"### {number}. {text}"


def question_markdown(number: int, question: AnyQuestion) -> list[str]:
    lines = [_heading(number, question), "", *_answer(question)]
    if question.explanation:
        lines += ["", _paragraph(question.explanation)]
    if question.quote and not isinstance(question, Evidence):  # its paragraph is shown
        lines += ["", *_blockquote(question.quote)]
    if question.tags:
        lines += ["", "*Tags: " + ", ".join(escape(tag) for tag in question.tags) + "*"]
    return lines


def _source_line(deck: Deck) -> list[str]:
    source = deck.source
    if source is None:
        return []
    line = f"**Source:** *{escape(source.title)}*"
    if source.authors:
        names = [escape(name) for name in source.authors]
        line += f" by {and_list(names)}"
    if source.url:
        line += f" <{source.url}>"
    return [line, ""]


def deck_markdown(deck: Deck) -> str:
    """The study sheet for `deck`."""
    lines = [f"# {escape(deck.title)}", ""]
    if deck.description:
        lines += [_paragraph(deck.description), ""]
    lines += _source_line(deck)
    count = len(deck.questions)
    lines += [f"{plural(count, 'question')}, with answers.", ""]
    for number, question in enumerate(deck.questions, 1):
        lines += [*question_markdown(number, question), ""]
    return "\n".join(lines).rstrip("\n") + "\n"
