"""The Anki note types a briefquiz deck becomes, with ids that never change.

Three note types serve every deck: Basic (front, back) for flashcard, typed, truefalse,
order, match, evidence (the claim; its paragraph, the quote in bold) and explain (the
question; its key points) questions; Choice (question, options, answer) for choice and multi, the
options on both sides and the right ones after the line; Cloze for cloze. Each also has
Explanation, Quote and Source fields, shown on the back. Their ids are fixed, so every
export, of any deck, updates the same note types in Anki instead of adding copies.
"""

from __future__ import annotations

import hashlib
from typing import Any

import genanki  # type: ignore[import-untyped]

# genanki's advice: model and deck ids between 2**30 and 2**31.
_ID_LOW = 1 << 30
_ID_SPAN = 1 << 30


def stable_id(*parts: str) -> int:
    """An Anki id in [2**30, 2**31) from a hash of `parts`: the same for the same parts."""
    digest = hashlib.sha256("\x1f".join(("briefquiz", *parts)).encode("utf-8")).digest()
    return _ID_LOW + int.from_bytes(digest[:8], "big") % _ID_SPAN


EXTRA_FIELDS = ("Explanation", "Quote", "Source")

_EXTRA_BACK = (
    "{{#Explanation}}<div class=explanation>{{Explanation}}</div>{{/Explanation}}"
    "{{#Quote}}<blockquote class=quote>{{Quote}}</blockquote>{{/Quote}}"
    "{{#Source}}<div class=source>{{Source}}</div>{{/Source}}"
)

CSS = """\
.card { font-family: sans-serif; font-size: 20px; line-height: 1.4; text-align: left;
  color: black; background-color: white; max-width: 40em; margin: 0 auto; }
.nightMode .card, .card.nightMode { color: #eee; background-color: #222; }
.answer { font-weight: bold; }
.options { margin: .5em 0; }
.explanation { margin-top: 1em; }
.quote { margin: 1em 0 0 0; padding-left: 1em; border-left: 3px solid #999; font-style: italic; }
.source { margin-top: .5em; font-size: 80%; color: #777; }
.cloze { font-weight: bold; color: blue; }
.nightMode .cloze { color: lightblue; }
table.pairs td { padding: .2em .8em .2em 0; vertical-align: top; }
"""


def _fields(*names: str) -> list[dict[str, Any]]:
    return [{"name": name} for name in (*names, *EXTRA_FIELDS)]


BASIC = genanki.Model(
    stable_id("model", "basic", "1"),
    "briefquiz Basic",
    fields=_fields("Front", "Back"),
    templates=[
        {
            "name": "Card 1",
            "qfmt": "{{Front}}",
            "afmt": "{{FrontSide}}<hr id=answer><div class=answer>{{Back}}</div>" + _EXTRA_BACK,
        }
    ],
    css=CSS,
)

CHOICE = genanki.Model(
    stable_id("model", "choice", "1"),
    "briefquiz Choice",
    fields=_fields("Question", "Options", "Answer"),
    templates=[
        {
            "name": "Card 1",
            "qfmt": "{{Question}}{{Options}}",
            "afmt": "{{Question}}{{Options}}<hr id=answer><div class=answer>{{Answer}}</div>"
            + _EXTRA_BACK,
        }
    ],
    css=CSS,
)

CLOZE = genanki.Model(
    stable_id("model", "cloze", "1"),
    "briefquiz Cloze",
    model_type=genanki.Model.CLOZE,
    fields=_fields("Text", "Back Extra"),
    templates=[
        {
            "name": "Cloze",
            "qfmt": "{{cloze:Text}}",
            "afmt": "{{cloze:Text}}{{#Back Extra}}<div>{{Back Extra}}</div>{{/Back Extra}}"
            + _EXTRA_BACK,
        }
    ],
    css=CSS,
)
