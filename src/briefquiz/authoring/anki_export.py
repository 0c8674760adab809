"""A deck as an Anki package (.apkg), one note per question.

Ids are derived, never random: the Anki deck id from the deck id, each note's GUID from the
deck id and the question id, the note types' ids are fixed (see `anki_models`). Importing a
newer export of the same deck therefore updates its notes (and keeps their Anki reviews)
rather than adding duplicates.

Options, and the items of order and match questions, are shown in a shuffled order that is
the same on every export (seeded by the question), since Anki shows them as they are.
"""

from __future__ import annotations

import html
import itertools
import random
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import assert_never

import genanki  # type: ignore[import-untyped]

from briefquiz.authoring.anki_models import BASIC, CHOICE, CLOZE, stable_id
from briefquiz.authoring.files import replacing
from briefquiz.deck.keys import CLOZE_DEFAULT_PROMPT
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
    Source,
    TrueFalse,
    Typed,
)


def anki_deck_id(deck_id: str) -> int:
    return stable_id("deck", deck_id)


def note_guid(deck_id: str, question_id: str) -> str:
    return str(genanki.guid_for("briefquiz", deck_id, question_id))


def anki_tags(tags: Sequence[str]) -> list[str]:
    """Anki tags cannot hold white space: `cold war` becomes `cold_war`."""
    result: list[str] = []
    for tag in tags:
        tag = "_".join(tag.split())
        if tag and tag not in result:
            result.append(tag)
    return result


def text_html(text: str) -> str:
    """Plain text as an Anki field: HTML special characters escaped, line breaks kept."""
    return html.escape(text, quote=False).replace("\n", "<br>")


def _list_html(items: Sequence[str], tag: str = "ul", css: str = "") -> str:
    attribute = f" class={css}" if css else ""
    rows = "".join(f"<li>{text_html(item)}</li>" for item in items)
    return f"<{tag}{attribute}>{rows}</{tag}>"


def stable_shuffle(items: Sequence[str], seed: str) -> list[str]:
    """`items` in an order that depends only on `seed`, different from the given one."""
    shuffled = list(items)
    random.Random(seed).shuffle(shuffled)
    if len(shuffled) > 1 and shuffled == list(items):
        shuffled = shuffled[1:] + shuffled[:1]
    return shuffled


def cloze_html(question: Cloze) -> str:
    """`{{a|b}}` blanks as Anki's `{{c1::a}}`, numbered c1, c2, ... in order."""
    parts: list[str] = []
    number = 0
    for part in question.parts:
        if isinstance(part, Blank):
            number += 1
            answer = text_html(part.answers[0])
            # Braces and colons inside a blank would end it or start a hint.
            answer = answer.replace("{", "&#123;").replace("}", "&#125;").replace(":", "&#58;")
            parts.append(f"{{{{c{number}::{answer}}}}}")
        else:
            parts.append(text_html(part))
    return "".join(parts)


def _source_html(source: Source | None) -> str:
    if source is None:
        return ""
    text = text_html(source.title)
    if source.authors:
        text += " — " + text_html(", ".join(source.authors))
    if source.url:
        url = html.escape(source.url, quote=True)
        text = f'<a href="{url}">{text}</a>'
    return text


def _also(answers: Sequence[str]) -> str:
    if len(answers) < 2:
        return ""
    return "<div class=also>also accepted: " + text_html("; ".join(answers[1:])) + "</div>"


def _match_front(prompt: str, question: Match, seed: str) -> str:
    lefts = [left for left, _ in question.pairs]
    rights = stable_shuffle([right for _, right in question.pairs], seed)
    return (
        prompt
        + "<table class=pairs><tr><td>"
        + _list_html(lefts)
        + "</td><td>"
        + _list_html(rights)
        + "</td></tr></table>"
    )


def _match_back(question: Match) -> str:
    rows = "".join(
        f"<tr><td>{text_html(left)}</td><td>→ {text_html(right)}</td></tr>"
        for left, right in question.pairs
    )
    return f"<table class=pairs>{rows}</table>"


def _evidence_back(question: Evidence) -> str:
    """Each right paragraph, its quote in bold."""
    blocks = []
    for where in question.right:
        text = where.paragraph.text
        marked = (
            text_html(text[: where.start])
            + f"<b>{text_html(text[where.start : where.end])}</b>"
            + text_html(text[where.end :])
        )
        blocks.append(f"<div>Paragraph {where.paragraph.ordinal}:</div><div>{marked}</div>")
    return "".join(blocks)


def _cloze_fields(question: Cloze) -> list[str]:
    text = cloze_html(question)
    if question.prompt != CLOZE_DEFAULT_PROMPT:
        text = f"{text_html(question.prompt)}<br>{text}"
    alternatives = [
        f"{blank.answers[0]}: also {', '.join(blank.answers[1:])}"
        for blank in question.blanks
        if len(blank.answers) > 1
    ]
    return [text, text_html("\n".join(alternatives))]


def _model_and_fields(question: AnyQuestion, seed: str) -> tuple[genanki.Model, list[str]]:
    """The note type and the question's own fields (before the shared extras)."""
    prompt = text_html(question.prompt)
    match question:
        case Flashcard():
            return BASIC, [prompt, text_html(question.answer)]
        case Choice():
            options = _list_html(stable_shuffle(question.options, seed), css="options")
            return CHOICE, [prompt, options, text_html(question.answer)]
        case Multi():
            options = _list_html(stable_shuffle(question.options, seed), css="options")
            right = _list_html([o for o in question.options if o in question.answers])
            return CHOICE, [prompt, options, right]
        case TrueFalse():
            return BASIC, [f"True or false?<br>{prompt}", "True" if question.answer else "False"]
        case Typed():
            return BASIC, [prompt, text_html(question.answers[0]) + _also(question.answers)]
        case Cloze():
            return CLOZE, _cloze_fields(question)
        case Order():
            shuffled = stable_shuffle(question.items, seed)
            return BASIC, [
                prompt + _list_html(shuffled, css="items"),
                _list_html(question.items, "ol"),
            ]
        case Match():
            return BASIC, [_match_front(prompt, question, seed), _match_back(question)]
        case Evidence():
            return BASIC, [f"{text_html(question.ask)}<br>{prompt}", _evidence_back(question)]
        case Explain():
            points = [point.text for point in question.points]
            return BASIC, [prompt, _list_html(points, "ol", css="points")]
        case _:
            assert_never(question)


def question_note(deck: Deck, question: AnyQuestion) -> genanki.Note:
    """The note for one question."""
    extras = [
        text_html(question.explanation),
        text_html(question.quote),
        _source_html(deck.source),
    ]
    model, fields = _model_and_fields(question, f"{deck.id}/{question.id}")
    return genanki.Note(
        model=model,
        fields=[*fields, *extras],
        tags=anki_tags(question.tags),
        guid=note_guid(deck.id, question.id),
    )


def anki_deck(deck: Deck) -> genanki.Deck:
    result = genanki.Deck(anki_deck_id(deck.id), deck.title, description=deck.description)
    for question in deck.questions:
        result.add_note(question_note(deck, question))
    return result


def write_apkg(deck: Deck, path: Path, *, timestamp: float | None = None) -> int:
    """Write `deck` to `path` as an .apkg (atomically); the number of notes.

    `timestamp` (seconds) stamps the notes as modified then; Anki updates a note on import
    only when it is newer than its copy, so the default is now.
    """
    stamp = time.time() if timestamp is None else timestamp
    package = genanki.Package(anki_deck(deck))
    # genanki's own write_to_file leaves its temporary database behind; this does not.
    with tempfile.TemporaryDirectory(prefix="briefquiz-anki-") as folder:
        database = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(database)
        try:
            package.write_to_db(connection.cursor(), stamp, itertools.count(int(stamp * 1000)))
            connection.commit()
        finally:
            connection.close()
        with (
            replacing(path) as partial,
            zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive,
        ):
            archive.write(database, "collection.anki2")
            archive.writestr("media", "{}")
    return len(deck.questions)
