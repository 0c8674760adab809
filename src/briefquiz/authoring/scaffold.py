"""A starter deck: one commented example of each question type, valid as written.

Without a source text the examples are about briefquiz itself (so the deck teaches the
format while it is being replaced). With one, every example asks about the first real
paragraphs of that text and quotes them word for word, so `briefquiz check` finds each quote.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass

from briefquiz.authoring.files import SCHEMA_LINE
from briefquiz.authoring.source_examples import source_examples
from briefquiz.authoring.yaml_out import scalar
from briefquiz.deck.sourcetext import SourceText

MAX_TITLE_WORDS = 14


@dataclass(frozen=True, slots=True)
class StarterSource:
    text: SourceText
    file: str  # as the deck names it: relative to the deck file
    title: str


def source_title(text: SourceText, fallback: str) -> str:
    """The text's first paragraph when it is short enough to be a title, else `fallback`."""
    first = text.paragraphs[0].text if text.paragraphs else ""
    if first and len(first.split()) <= MAX_TITLE_WORDS and not first.endswith((".", ",")):
        return first
    return fallback


def _starts_at_line(line: int) -> str:
    if line <= 1:
        return "  # starts_at_line: 5   # where the text proper starts (skips captions, headers)"
    return (
        f"  starts_at_line: {line}   # where the text proper starts; quotes are looked for after it"
    )


def has_passages(text: SourceText) -> bool:
    return any(p.text.split() for p in text.paragraphs)


def starter_deck(
    deck_id: str, title: str, source: StarterSource | None = None, file_name: str = "THIS-FILE"
) -> str:
    """The starter deck's YAML text; `file_name` is how its comments name the file."""
    shown = shlex.quote("".join(c if c.isprintable() else "?" for c in file_name))
    lines = [
        SCHEMA_LINE,
        "#",
        "# A new briefquiz deck: one example of each question type"
        + (" (evidence and explain need a source file)." if source is None else "."),
        "# Replace the examples with your own questions, then check and study it:",
        f"#   briefquiz check {shown}   (every problem, as file:line:column)",
        f"#   briefquiz study {shown}",
        "# Every key is described in briefquiz's docs/deck-format.md, and writing a deck",
        "# from an article in docs/authoring.md.",
        "",
        f"deck: {scalar(deck_id)}"
        "   # the deck's stable id: your progress is kept under it, so keep it once you study",
        f"title: {scalar(title)}",
        "description: What this deck is about, in a sentence or two.",
    ]
    if source is None:
        lines += [
            "# source:                        # the document the questions come from",
            "#   title: The article's title",
            "#   authors: [First Author, Second Author]",
            "#   url: https://example.org/the-article",
            "#   file: article.txt            # a UTF-8 text file, relative to this deck;",
            "#                                # with it, briefquiz check verifies every quote",
        ]
    else:
        lines += [
            "source:",
            f"  title: {scalar(source.title)}",
            "  # authors: [First Author, Second Author]",
            "  # url: https://example.org/the-article",
            f"  file: {scalar(source.file)}"
            "   # relative to this deck; every quote is checked against it",
            _starts_at_line(source.text.starts_at_line),
        ]
    lines += [
        "",
        "# Every question has an id (unique in this deck; progress is kept under it, so reword",
        "# a prompt freely but keep its id), a type and a prompt. Optional on every question:",
        "# quote (a verbatim passage of the source, shown after answering), explanation (why",
        "# the answer is right) and tags (short words for stats).",
        "questions:",
    ]
    examples = source_examples(source.text) if source is not None else _briefquiz_examples()
    for example in examples:
        lines.append("")
        lines.extend(example)
    return "\n".join(lines) + "\n"


# -- examples about briefquiz itself ------------------------------------------------------


def _briefquiz_examples() -> list[list[str]]:
    return [
        [
            "  # flashcard: you recall the answer, reveal it and grade yourself.",
            "  - id: keep-the-id",
            "    type: flashcard",
            "    prompt: You reword a question. What must stay the same to keep its progress?",
            "    answer: Its id. Progress is kept under the deck id and the question id.",
            "    explanation: A new id is a new question, studied from the start.",
            "    tags: [ids]",
        ],
        [
            "  # choice: one right option among 2 to 9, shown in a new order each time.",
            "  - id: check-command",
            "    type: choice",
            "    prompt: Which command finds every problem in a deck file?",
            "    options: [briefquiz check, briefquiz study, briefquiz stats, briefquiz list]",
            "    answer: briefquiz check       # must be one of the options, word for word",
            "    tags: [commands]",
        ],
        [
            "  # multi: pick every right option.",
            "  - id: graded-types",
            "    type: multi",
            "    prompt: Which of these question types does briefquiz grade for you?",
            "    options: [choice, typed, cloze, flashcard]",
            "    answers: [choice, typed, cloze]   # each one of the options",
            "    explanation: A flashcard is the one type you grade yourself.",
        ],
        [
            "  # truefalse: judge a statement; the answer is true or false, without quotes.",
            "  - id: truefalse-unquoted",
            "    type: truefalse",
            '    prompt: The answer of a truefalse question is written "true" with quotes.',
            "    answer: false",
            "    explanation: It is written true or false, bare.",
        ],
        [
            "  # typed: a short answer typed in. Matching forgives case, accents, punctuation,",
            '  # a leading "the", and one small typo in answers of five letters or more.',
            "  - id: coverage-option",
            "    type: typed",
            "    prompt: Which option of briefquiz check shows the paragraphs that have questions?",
            "    answers: [--coverage]   # every accepted answer; the first is shown",
            "    # exact: true                   # to require the answer character for character",
        ],
        [
            "  # cloze: fill in the blanks, each written {{answer}} or {{answer|alternative}}.",
            "  - id: cloze-blanks",
            "    type: cloze",
            "    text: A cloze question hides each {{blank|gap}} of its {{text}}.",
        ],
        [
            "  # order: the items in the right order; they are shown shuffled.",
            "  - id: writing-steps",
            "    type: order",
            "    prompt: Put the steps of writing a deck in order.",
            "    items:",
            "      - Write the questions",
            "      - Run briefquiz check",
            "      - Study with briefquiz study",
        ],
        [
            "  # match: pairs of left: right; every right side must differ.",
            "  - id: type-meanings",
            "    type: match",
            "    prompt: Match each question type to what it asks of you.",
            "    pairs:",
            "      flashcard: Recall, then grade yourself",
            "      order: Put items in sequence",
            "      match: Pair items up",
        ],
    ]
