"""The JSON Schema that editors use agrees with `check`, proved with `jsonschema`.

The YAML is read the way an editor's language server reads it (YAML 1.2 core, with
`ruamel.yaml`), so a plain `012` is a number there even though briefquiz keeps it as text. Over
every fixture deck and the corpus in tests/fixtures/schema, a deck `check` accepts is valid
against the schema and a deck `check` refuses for its structure is invalid; what a schema
cannot see (SCHEMA_BLIND) is listed in docs/deck-format.md.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import YAMLError

from briefquiz.deck.bundled import bundled_decks_dir
from briefquiz.deck.findings import Severity
from briefquiz.deck.keys import (
    COMMON_KEYS,
    HEADER_KEYS,
    HEADER_REQUIRED,
    ID_PATTERN,
    MAX_OPTIONS,
    SOURCE_KEYS,
    TYPE_KEYS,
    TYPE_REQUIRED,
)
from briefquiz.deck.model import QuestionType
from briefquiz.deck.schema import deck_schema
from briefquiz.deck.validate import read_deck
from paths import FIXTURE_DECKS, REPO

SCHEMA_FILE = REPO / "decks" / "briefquiz-deck.schema.json"
FIXTURES = FIXTURE_DECKS
BUNDLED = sorted(bundled_decks_dir().glob("*.yaml"))


# -- YAML as an editor sees it (YAML 1.2 core schema) --------------------------------------
def editor_yaml() -> YAML:
    yaml = YAML(typ="safe", pure=True)
    yaml.version = (1, 2)
    # ruamel keeps three YAML 1.1 types even at 1.2; the core schema reads them as text.
    for tag in ("value", "timestamp", "merge"):
        yaml.constructor.add_constructor(
            "tag:yaml.org,2002:" + tag, SafeConstructor.construct_yaml_str
        )
    return yaml


def as_json(value: Any) -> Any:
    """What an editor validates: mapping keys are JSON strings."""
    if isinstance(value, dict):
        return {_key(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value


def _key(key: Any) -> str:
    return json.dumps(key) if not isinstance(key, str) else key


def load_json(path: Path) -> Any:
    return as_json(editor_yaml().load(path.read_bytes()))


def schema_errors(value: Any, schema: dict[str, Any]) -> list[str]:
    validator = Draft202012Validator(schema)
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(value)
    ]


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


# -- the schema against check, over every fixture and the corpus ------------------------------
CORPUS_DIR = FIXTURES.parent / "schema"
CORPUS = sorted(CORPUS_DIR.glob("*.yaml"))
EVERY_DECK = sorted(FIXTURES.glob("*.yaml")) + CORPUS + BUNDLED
# The fixtures check refuses for what no JSON Schema can see (docs/deck-format.md lists it):
# quotes, source files and cloze blanks; an answer that is not among the options; repeated
# question ids or match partners; anchors and aliases (an editor resolves them); empty values
# (null to an editor); the file itself (its encoding, its YAML, its nesting).
SCHEMA_BLIND = {
    "anchor.yaml",
    "choice-answer-not-option.yaml",
    "duplicate-id.yaml",
    "evidence-no-source.yaml",  # a source file: beyond a schema, like the quotes
    "match-duplicate-partner.yaml",
    "source-missing.yaml",
    "yaml-hash-starts-a-comment.yaml",  # an empty value, null to an editor
    *(p.name for p in FIXTURES.glob("cloze-*.yaml")),
    *(p.name for p in FIXTURES.glob("quote-*.yaml")),
}


def _kind(path: Path) -> str:
    """valid-: both accept it; invalid-: both refuse it; blind-: check refuses, schema cannot."""
    return path.name.split("-", 1)[0]


def test_the_corpus_holds_at_least_40_valid_and_invalid_decks() -> None:
    kinds = [_kind(p) for p in CORPUS]
    assert set(kinds) == {"valid", "invalid", "blind"}
    assert kinds.count("valid") >= 20 and kinds.count("invalid") >= 20


def test_the_schema_is_a_valid_json_schema() -> None:
    Draft202012Validator.check_schema(deck_schema())


@pytest.mark.parametrize("path", EVERY_DECK, ids=[f"{p.parent.name}/{p.name}" for p in EVERY_DECK])
def test_the_schema_agrees_with_check(path: Path) -> None:
    _, findings = read_deck(path)
    codes = {f.code for f in findings if f.severity is Severity.ERROR}
    try:
        data = load_json(path)
    except (YAMLError, UnicodeDecodeError):
        assert codes, "an editor cannot read it, so check must refuse it"
        return
    errors = schema_errors(data, deck_schema())
    if path.parent != CORPUS_DIR:
        blind = path.name in SCHEMA_BLIND
        assert bool(errors) == (bool(codes) and not blind), f"check: {sorted(codes)}; {errors}"
    else:
        assert bool(codes) == (_kind(path) != "valid"), f"check: {sorted(codes)}"
        assert bool(errors) == (_kind(path) == "invalid"), errors


def test_the_one_known_false_alarm_two_spellings_of_one_number() -> None:
    # 012 and 12 are two answers to check but the same number twice to an editor, whose
    # uniqueItems then flags the list (docs/deck-format.md says so; quote one of them).
    text = "deck: x\ntitle: T\nquestions:\n- {id: q, type: typed, prompt: P, answers: [012, 12]}\n"
    deck, findings = read_deck(Path("x.yaml"), text.encode())
    assert deck is not None and findings == []
    assert schema_errors(as_json(editor_yaml().load(text)), deck_schema())
