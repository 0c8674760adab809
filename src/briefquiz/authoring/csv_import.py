"""Flashcards (or typed questions) from a front,back[,tags] CSV file.

Rows are numbered by the line of the file they start on, so a problem can be reported as
`FILE:LINE: error: ...`. Nothing is dropped silently: a row that cannot become a question
is a problem, and the caller decides whether to stop or to write the good rows.

The back of a typed question lists its accepted answers separated by `|` (the separator of
cloze blanks); `;` is not used there, because answers may contain it. Tags are separated by
spaces or `;`.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefquiz.authoring.files import SCHEMA_LINE
from briefquiz.authoring.ids import slugify, unique_id
from briefquiz.authoring.yaml_out import Flow, dump
from briefquiz.text.words import plural

HEADER = ("front", "back", "tags")
ANSWER_SEPARATOR = "|"
_TAG_SEPARATORS = re.compile(r"[\s;]+")


@dataclass(frozen=True, slots=True)
class Card:
    line: int
    front: str
    back: str
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RowProblem:
    line: int
    message: str


@dataclass(slots=True)
class CsvCards:
    cards: list[Card] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    notes: list[RowProblem] = field(default_factory=list)  # worth saying, not wrong
    header: bool = False


def split_tags(text: str) -> tuple[str, ...]:
    tags: list[str] = []
    for tag in _TAG_SEPARATORS.split(text.strip()):
        if tag and tag not in tags:
            tags.append(tag)
    return tuple(tags)


def split_answers(back: str) -> list[str]:
    answers: list[str] = []
    for answer in back.split(ANSWER_SEPARATOR):
        answer = answer.strip()
        if answer and answer not in answers:
            answers.append(answer)
    return answers


def _is_header(row: list[str]) -> bool:
    cells = [cell.strip().casefold() for cell in row]
    return cells in (list(HEADER[:2]), list(HEADER))


def delimiter_for(path: Path) -> str:
    return "\t" if path.suffix.casefold() in (".tsv", ".tab") else ","


def _decode(data: bytes) -> tuple[str, list[int]]:
    """The text (undecodable bytes kept as surrogates) and the lines that had such bytes.

    Lines are counted as the csv module counts them (a line ends at \\n, \\r or \\r\\n).
    """
    text = data.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    bad = [
        number
        for number, line in enumerate(io.StringIO(text, newline=""), 1)
        if any("\udc80" <= char <= "\udcff" for char in line)
    ]
    return text, bad


def read_cards(data: bytes, delimiter: str = ",", *, typed: bool = False) -> CsvCards:
    """Every row of the file as a card, or as a problem located at the row's first line."""
    result = CsvCards()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        result.problems.append(
            RowProblem(1, "the file is UTF-16 text; save it as CSV in UTF-8 and import that")
        )
        return result
    text, undecodable = _decode(data)
    result.problems.extend(
        RowProblem(number, "not UTF-8 text (save the file as UTF-8 and import it again)")
        for number in undecodable
    )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    first_rows: dict[str, int] = {}
    first_row = True
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            result.problems.append(
                RowProblem(start, f"not valid CSV ({err}); the rest of the file was not read")
            )
            break
        if all(not cell.strip() for cell in row):
            continue  # a blank line, or a spreadsheet's empty row
        if any(start <= number <= reader.line_num for number in undecodable):
            continue  # already reported
        if first_row:
            first_row = False
            if _is_header(row):
                result.header = True
                continue
        problem = _row_problem(row, delimiter, typed=typed)
        if problem is not None:
            result.problems.append(RowProblem(start, problem))
            continue
        front, back = row[0].strip(), row[1].strip()
        tags = split_tags(row[2]) if len(row) == 3 else ()
        if front in first_rows:
            result.notes.append(
                RowProblem(start, f"same front as line {first_rows[front]}; both are kept")
            )
        else:
            first_rows[front] = start
        result.cards.append(Card(start, front, back, tags))
    result.problems.sort(key=lambda problem: problem.line)
    return result


def _control_character(text: str) -> str | None:
    for char in text:
        if unicodedata.category(char) == "Cc" and char not in "\t\n\r":
            return f"U+{ord(char):04X}"
    return None


def _row_problem(row: list[str], delimiter: str, *, typed: bool) -> str | None:
    if len(row) not in (2, 3):
        shown = plural(len(row), "column")
        comma = delimiter == "," and len(row) > 3
        hint = " (a value with a comma needs double quotes around it)" if comma else ""
        return f"{shown}; expected front,back or front,back,tags{hint}"
    if not row[0].strip():
        return "the front is empty"
    if not row[1].strip():
        return "the back is empty"
    for name, cell in zip(HEADER, row, strict=False):
        if (char := _control_character(cell)) is not None:
            return f"the {name} contains the control character {char}"
    if typed and not split_answers(row[1]):
        return f"the back has no answer between the {ANSWER_SEPARATOR!r} separators"
    return None


def question_ids(cards: list[Card]) -> list[str]:
    """One id per card, from its front, de-duplicated (`-2`, `-3`, ...)."""
    ids: list[str] = []
    for number, card in enumerate(cards, 1):
        ids.append(unique_id(slugify(card.front) or f"card-{number}", ids))
    return ids


def deck_data(deck_id: str, title: str, cards: list[Card], *, typed: bool) -> dict[str, Any]:
    questions: list[dict[str, Any]] = []
    for qid, card in zip(question_ids(cards), cards, strict=True):
        question: dict[str, Any] = {"id": qid}
        if typed:
            question |= {
                "type": "typed",
                "prompt": card.front,
                "answers": Flow(split_answers(card.back)),
            }
        else:
            question |= {"type": "flashcard", "prompt": card.front, "answer": card.back}
        if card.tags:
            question["tags"] = Flow(card.tags)
        questions.append(question)
    return {"deck": deck_id, "title": title, "questions": questions}


def deck_yaml(data: dict[str, Any], origin: str) -> str:
    origin = " ".join(origin.split())
    lines = [SCHEMA_LINE, f"# Made from {origin} by briefquiz import csv.", ""]
    # A blank line between questions, as people write decks (list items sit at two spaces;
    # anything inside a question is indented further, so this cannot touch a value).
    body = dump(data).replace("\n  - id: ", "\n\n  - id: ")
    return "\n".join(lines) + body
