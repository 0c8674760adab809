"""The JSON Schema that editors use agrees with the validator, and the bundled decks pass it.

`jsonschema` is not a dependency, so the bundled decks are checked with a small validator for
exactly the keywords `deck_schema()` uses (a test fails if it starts using another one). The
YAML is read the way an editor's YAML 1.2 language server reads it, so a plain `2009` is a
number there even though briefquiz keeps it as text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from briefquiz.deck.bundled import bundled_decks_dir
from briefquiz.deck.model import QuestionType
from briefquiz.deck.schema import deck_schema
from briefquiz.deck.validate import (
    COMMON_KEYS,
    HEADER_KEYS,
    HEADER_REQUIRED,
    ID_PATTERN,
    MAX_OPTIONS,
    SOURCE_KEYS,
    TYPE_KEYS,
    TYPE_REQUIRED,
)
from briefquiz.deck.yamlnodes import Mapping, Node, Scalar, compose
from paths import FIXTURE_DECKS, REPO

SCHEMA_FILE = REPO / "decks" / "briefquiz-deck.schema.json"
FIXTURES = FIXTURE_DECKS
BUNDLED = sorted(bundled_decks_dir().glob("*.yaml"))


# -- YAML as an editor sees it (YAML 1.2 core schema) --------------------------------------
_NULL = re.compile(r"^(~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(
    r"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$"
)


def as_json(node: Node | None) -> Any:
    if node is None:
        return None
    if isinstance(node, Scalar):
        value = node.value
        if not node.plain:
            return value
        if _NULL.match(value):
            return None
        if _BOOL.match(value):
            return value.lower() == "true"
        if _INT.match(value):
            return int(value, 0) if value[:2] in ("0o", "0x") else int(value)
        if _FLOAT.match(value):
            return float(value.replace("inf", "Inf").replace("INF", "Inf"))
        return value
    if isinstance(node, Mapping):
        return {as_json(key): as_json(value) for key, value in node.pairs}
    return [as_json(item) for item in node.items]


def load_json(path: Path) -> Any:
    return as_json(compose(path.read_text(encoding="utf-8")))


# -- a validator for the keywords deck_schema() uses ----------------------------------------
_ANNOTATIONS = {"$schema", "$id", "title", "description"}
_TYPES: dict[str, Any] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
}


def schema_errors(value: Any, schema: dict[str, Any], where: str = "$") -> list[str]:
    errors: list[str] = []
    for keyword, arg in schema.items():
        if keyword in _ANNOTATIONS or keyword == "then":
            continue
        if keyword == "type":
            if not _TYPES[arg](value):
                errors.append(f"{where}: {value!r} is not of type {arg}")
        elif keyword == "enum":
            if value not in arg:
                errors.append(f"{where}: {value!r} is not one of {arg}")
        elif keyword == "const":
            if value != arg:
                errors.append(f"{where}: {value!r} is not {arg!r}")
        elif keyword == "pattern":
            if isinstance(value, str) and not re.search(arg, value):
                errors.append(f"{where}: {value!r} does not match {arg}")
        elif keyword == "minLength":
            if isinstance(value, str) and len(value) < arg:
                errors.append(f"{where}: {value!r} is too short")
        elif keyword == "minimum":
            if _TYPES["number"](value) and value < arg:
                errors.append(f"{where}: {value!r} is less than {arg}")
        elif keyword == "minItems":
            if isinstance(value, list) and len(value) < arg:
                errors.append(f"{where}: fewer than {arg} items")
        elif keyword == "maxItems":
            if isinstance(value, list) and len(value) > arg:
                errors.append(f"{where}: more than {arg} items")
        elif keyword == "minProperties":
            if isinstance(value, dict) and len(value) < arg:
                errors.append(f"{where}: fewer than {arg} properties")
        elif keyword == "maxProperties":
            if isinstance(value, dict) and len(value) > arg:
                errors.append(f"{where}: more than {arg} properties")
        elif keyword == "uniqueItems":
            if arg and isinstance(value, list):
                seen = [json.dumps(item, sort_keys=True) for item in value]
                if len(set(seen)) != len(seen):
                    errors.append(f"{where}: items are not unique")
        elif keyword == "items":
            if isinstance(value, list):
                for i, item in enumerate(value):
                    errors += schema_errors(item, arg, f"{where}[{i}]")
        elif keyword == "required":
            if isinstance(value, dict):
                errors += [f"{where}: {name!r} is required" for name in arg if name not in value]
        elif keyword == "properties":
            if isinstance(value, dict):
                for name, sub in arg.items():
                    if name in value:
                        errors += schema_errors(value[name], sub, f"{where}.{name}")
        elif keyword == "additionalProperties":
            if isinstance(value, dict):
                for name in value.keys() - schema.get("properties", {}).keys():
                    if arg is False:
                        errors.append(f"{where}: {name!r} is not allowed")
                    elif isinstance(arg, dict):
                        errors += schema_errors(value[name], arg, f"{where}.{name}")
        elif keyword == "allOf":
            for sub in arg:
                errors += schema_errors(value, sub, where)
        elif keyword == "anyOf":
            if all(schema_errors(value, sub, where) for sub in arg):
                errors.append(f"{where}: {value!r} has none of the allowed forms")
        elif keyword == "if":
            if not schema_errors(value, arg, where):
                errors += schema_errors(value, schema.get("then", {}), where)
        else:
            raise AssertionError(f"the test validator does not know the keyword {keyword!r}")
    return errors


# -- the tests --------------------------------------------------------------------------------
def test_there_are_bundled_decks() -> None:
    assert BUNDLED


@pytest.mark.parametrize("path", BUNDLED, ids=[p.name for p in BUNDLED])
def test_bundled_deck_validates_against_the_schema(path: Path) -> None:
    assert schema_errors(load_json(path), deck_schema()) == []


@pytest.mark.parametrize("path", BUNDLED, ids=[p.name for p in BUNDLED])
def test_bundled_deck_names_the_schema_on_its_first_line(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=briefquiz-deck.schema.json"


VALID_FIXTURES = sorted(FIXTURES.glob("valid-*.yaml"))


@pytest.mark.parametrize("path", VALID_FIXTURES, ids=[p.name for p in VALID_FIXTURES])
def test_valid_fixture_validates_against_the_schema(path: Path) -> None:
    assert schema_errors(load_json(path), deck_schema()) == []


@pytest.mark.parametrize(
    "name",
    [
        "unknown-key-header.yaml",
        "unknown-key-source.yaml",
        "unknown-key-question.yaml",
        "missing-key-header.yaml",
        "missing-key-per-type.yaml",
        "wrong-type-list-for-text.yaml",
        "wrong-type-text-for-list.yaml",
        "wrong-type-mapping-for-list.yaml",
        "wrong-type-mapping-in-question.yaml",
        "unknown-type.yaml",
        "invalid-id.yaml",
        "options-count.yaml",
        "order-too-few.yaml",
        "order-duplicate-items.yaml",
        "match-too-few.yaml",
        "truefalse-not-boolean.yaml",
        "empty-values.yaml",
        "empty-questions.yaml",
        "top-level-list.yaml",
        "aliases-and-reject-errors.yaml",
    ],
)
def test_schema_rejects_what_the_validator_rejects(name: str) -> None:
    # Only fixtures whose fault a JSON Schema can see: not quotes, sources or cloze blanks.
    assert schema_errors(load_json(FIXTURES / name), deck_schema())


def _type_schemas() -> dict[str, dict[str, Any]]:
    items = deck_schema()["properties"]["questions"]["items"]
    found = {}
    for branch in items["allOf"]:
        qtype = branch["if"]["properties"]["type"]["const"]
        assert branch["if"]["required"] == ["type"]
        found[qtype] = branch["then"]
    return found


def test_schema_header_agrees_with_the_validator() -> None:
    schema = deck_schema()
    assert list(schema["properties"]) == list(HEADER_KEYS)
    assert schema["required"] == list(HEADER_REQUIRED)
    assert schema["additionalProperties"] is False
    assert list(schema["properties"]["source"]["properties"]) == list(SOURCE_KEYS)
    assert schema["properties"]["source"]["required"] == ["title"]
    assert schema["properties"]["deck"]["pattern"] == ID_PATTERN.pattern
    questions = schema["properties"]["questions"]
    assert questions["minItems"] == 1
    assert questions["items"]["properties"]["type"]["enum"] == [t.value for t in QuestionType]


@pytest.mark.parametrize("qtype", list(QuestionType), ids=lambda t: t.value)
def test_schema_per_type_agrees_with_the_validator(qtype: QuestionType) -> None:
    then = _type_schemas()[qtype.value]
    assert set(then["properties"]) == set(COMMON_KEYS) | set(TYPE_KEYS[qtype])
    assert set(then["required"]) == {"id", "type", *TYPE_REQUIRED[qtype]}
    assert then["additionalProperties"] is False
    assert then["properties"]["type"] == {"const": qtype.value}
    assert then["properties"]["id"]["pattern"] == ID_PATTERN.pattern
    if "options" in then["properties"]:
        assert then["properties"]["options"]["minItems"] == 2
        assert then["properties"]["options"]["maxItems"] == MAX_OPTIONS


def test_schema_covers_every_question_type_once() -> None:
    items = deck_schema()["properties"]["questions"]["items"]
    assert [b["if"]["properties"]["type"]["const"] for b in items["allOf"]] == [
        t.value for t in QuestionType
    ]


def test_schema_file_is_the_generated_schema() -> None:
    expected = json.dumps(deck_schema(), indent=2, ensure_ascii=False) + "\n"
    assert SCHEMA_FILE.read_text(encoding="utf-8") == expected, (
        "regenerate it: briefquiz schema > decks/briefquiz-deck.schema.json"
    )
