"""The JSON Schema of the deck format, built from the same key tables the validator uses."""

from __future__ import annotations

from typing import Any

from briefquiz.deck.advice import FORMAT
from briefquiz.deck.keys import (
    COMMON_KEYS,
    HEADER_REQUIRED,
    ID_PATTERN,
    MAX_OPTIONS,
    TYPE_KEYS,
    TYPE_REQUIRED,
)
from briefquiz.deck.kinds import MAX_POINTS, MIN_POINTS
from briefquiz.deck.model import QuestionType

SCHEMA_ID = "https://briefquiz.invalid/deck.schema.json"

# An editor reads YAML 1.2: a plain 012, 1e3, ~ or true is a number, null or boolean there,
# while briefquiz keeps every plain scalar as the text typed. So wherever check wants text, the
# schema takes any scalar (the pattern applies to strings only: not empty, not all spaces).
_SCALAR = ["string", "number", "boolean", "null"]
_TEXT: dict[str, Any] = {"type": _SCALAR, "pattern": r"\S"}
_OPTIONAL_TEXT: dict[str, Any] = {"type": _SCALAR}
_TEXTS: dict[str, Any] = {"type": "array", "items": _TEXT, "uniqueItems": True}
# `id: 01` is the number 1 to an editor and the id "01" to check.
_ID: dict[str, Any] = {
    "type": ["string", "integer", "boolean"],
    "pattern": ID_PATTERN.pattern,
    "minimum": 0,
}
_OPTIONS: dict[str, Any] = {**_TEXTS, "minItems": 2, "maxItems": MAX_OPTIONS}
_BOOLEAN: dict[str, Any] = {"type": "boolean", "description": "true or false, without quotes."}


def _whole_number(maximum: int | None = None) -> dict[str, Any]:
    """A number check reads from the digits typed, quoted or not: 4 and "4" alike."""
    if maximum is None:
        return {"type": ["integer", "string"], "minimum": 1, "pattern": "^[0-9]*[1-9][0-9]*$"}
    allowed = "|".join(str(n) for n in range(1, maximum + 1))
    return {
        "type": ["integer", "string"],
        "minimum": 1,
        "maximum": maximum,
        "pattern": f"^0*({allowed})$",
    }


_PROPERTIES: dict[str, dict[str, Any]] = {
    "id": {**_ID, "description": "Stable id, unique in the deck; progress is keyed by it."},
    "type": {"enum": [t.value for t in QuestionType]},
    "prompt": {**_TEXT, "description": "The question as shown."},
    "explanation": {**_OPTIONAL_TEXT, "description": "Shown after answering."},
    "quote": {**_TEXT, "description": "A verbatim passage of the source text."},
    "tags": _TEXTS,
    "options": _OPTIONS,
    "answers": {**_TEXTS, "minItems": 1},
    "exact": _BOOLEAN,
    "reject": {**_TEXTS, "description": "Answers refused even when a matching rule accepts them."},
    "text": {**_TEXT, "description": "Text with blanks written {{answer}} or {{answer|alt}}."},
    "items": {
        **_TEXTS,
        "minItems": 2,
        "maxItems": MAX_OPTIONS,
        "description": "In the correct order.",
    },
    "pairs": {
        "type": "object",
        "minProperties": 2,
        "maxProperties": MAX_OPTIONS,
        "additionalProperties": _TEXT,
        "description": "left: right",
    },
    "quotes": {
        **_TEXTS,
        "minItems": 1,
        "description": "Evidence: passages of the source, each in a right paragraph.",
    },
    "stance": {
        "enum": ["supports", "contradicts"],
        "description": "Evidence: what the right paragraph does to the claim (supports).",
    },
    "points": {
        "type": "array",
        "minItems": MIN_POINTS,
        "maxItems": MAX_POINTS,
        "items": {
            "type": "object",
            "required": ["point", "quote"],
            "additionalProperties": False,
            "properties": {"point": _TEXT, "quote": _TEXT},
        },
        "description": "Explain: the model answer's key points, each with its quote.",
    },
}
_ANSWER_BY_TYPE: dict[QuestionType, dict[str, Any]] = {
    QuestionType.FLASHCARD: _TEXT,
    QuestionType.CHOICE: {**_TEXT, "description": "One of the options."},
    QuestionType.TRUEFALSE: _BOOLEAN,
}


def _question_schema(qtype: QuestionType) -> dict[str, Any]:
    keys = COMMON_KEYS + TYPE_KEYS[qtype]
    properties = {key: _PROPERTIES[key] for key in keys if key != "answer"}
    if "answer" in keys:
        properties["answer"] = _ANSWER_BY_TYPE[qtype]
    properties["type"] = {"const": qtype.value}
    return {
        "if": {"properties": {"type": {"const": qtype.value}}, "required": ["type"]},
        "then": {
            "properties": properties,
            "required": sorted({"id", "type", *TYPE_REQUIRED[qtype]}),
            "additionalProperties": False,
        },
    }


def deck_schema() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "briefquiz deck",
        "type": "object",
        "required": list(HEADER_REQUIRED),
        "additionalProperties": False,
        "properties": {
            "format": {
                **_whole_number(FORMAT),
                "description": "The deck format (optional); a newer one needs a newer briefquiz.",
            },
            "deck": {**_ID, "description": "Stable deck id; progress is keyed by it."},
            "title": _TEXT,
            "description": _OPTIONAL_TEXT,
            "source": {
                "type": "object",
                "required": ["title"],
                "additionalProperties": False,
                "properties": {
                    "title": _TEXT,
                    "authors": _TEXTS,
                    "file": {**_TEXT, "description": "Relative to the deck file."},
                    "url": _TEXT,
                    "starts_at_line": {
                        **_whole_number(),
                        "description": "The line where the text starts (after captions).",
                    },
                },
            },
            "aliases": {
                "type": "object",
                "description": "term: other forms accepted for it in typed and cloze answers.",
                "additionalProperties": {"anyOf": [_TEXT, {**_TEXTS, "minItems": 1}]},
            },
            "questions": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["id", "type"],
                    "properties": {"type": {"enum": [t.value for t in QuestionType]}},
                    "allOf": [_question_schema(t) for t in QuestionType],
                },
            },
        },
    }
