"""Every fixture deck in tests/fixtures/decks gives exactly the findings its header expects.

A fixture starts with one comment line per expected finding,

    # expect: 8:11 error unknown-type "did you mean 'choice'?"

(line:column severity code, where the author has to look, then optionally a part of the message
in double quotes), or `# expect: none` for a deck that must load cleanly. The expectations are
compared as a multiset, so a finding reported twice must be expected twice.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from briefquiz.deck.findings import Severity
from briefquiz.deck.model import QuestionType
from briefquiz.deck.validate import read_deck
from briefquiz.deck.yamlnodes import MAX_DEPTH
from paths import FIXTURE_DECKS

FIXTURES = FIXTURE_DECKS
DECK_FILES = sorted(FIXTURES.glob("*.yaml"))
EXPECT = re.compile(rb'^# expect: (?:none|(\d+):(\d+) (error|warning) ([a-z-]+)(?: "(.*)")?)\s*$')

Expected = tuple[int, int, str, str]


def expectations(path: Path) -> list[Expected]:
    """The findings a fixture's header comments expect, in file order."""
    found: list[Expected] = []
    none = False
    for raw in path.read_bytes().splitlines():
        if not raw.startswith(b"# expect:"):
            continue
        match = EXPECT.match(raw)
        assert match, f"{path.name}: malformed expectation {raw!r}"
        if match.group(1) is None:
            none = True
            continue
        line, column, severity, code, _ = match.groups()
        found.append((int(line), int(column), severity.decode(), code.decode()))
    assert none or found, f"{path.name} has no '# expect:' lines"
    assert not (none and found), f"{path.name} expects both none and findings"
    return found


def expected_messages(path: Path) -> list[tuple[int, int, str]]:
    """The message parts a fixture's expectations name, with where they are expected."""
    found = []
    for raw in path.read_bytes().splitlines():
        match = EXPECT.match(raw)
        if match and match.group(5) is not None:
            found.append((int(match.group(1)), int(match.group(2)), match.group(5).decode()))
    return found


def test_there_is_a_fixture_for_every_question_type_and_many_errors() -> None:
    names = {path.stem for path in DECK_FILES}
    for qtype in QuestionType:
        assert f"valid-{qtype.value}" in names
    assert len(DECK_FILES) >= 40
    assert (FIXTURES / "source.txt").is_file()


@pytest.mark.parametrize("path", DECK_FILES, ids=[p.name for p in DECK_FILES])
def test_fixture_findings_are_exactly_the_expected_ones(path: Path) -> None:
    expected = expectations(path)
    deck, findings = read_deck(path)
    got = [(f.line, f.column, str(f.severity), f.code) for f in findings]
    assert Counter(got) == Counter(expected), "\n".join(
        [
            "findings:",
            *(f"  {f.line}:{f.column} {f.severity} {f.code}: {f.message}" for f in findings),
        ]
    )
    for line, column, part in expected_messages(path):
        at = [f.message for f in findings if (f.line, f.column) == (line, column)]
        assert any(part in message for message in at), f"{line}:{column} {part!r} not in {at}"
    assert all(f.path == path for f in findings)
    assert all(f.message for f in findings)
    has_errors = any(f.severity is Severity.ERROR for f in findings)
    assert (deck is None) == has_errors


@pytest.mark.parametrize("qtype", list(QuestionType), ids=lambda t: t.value)
def test_valid_fixture_builds_its_question_type(qtype: QuestionType) -> None:
    path = FIXTURES / f"valid-{qtype.value}.yaml"
    deck, findings = read_deck(path)
    assert findings == []
    assert deck is not None
    assert deck.id == path.stem
    assert [q.type for q in deck.questions] == [qtype] * len(deck.questions)


def test_valid_deck_with_every_optional_key() -> None:
    deck, findings = read_deck(FIXTURES / "valid-with-source.yaml")
    assert findings == []
    assert deck is not None and deck.source is not None
    assert deck.source.file == (FIXTURES / "source.txt").resolve()
    assert deck.source.authors == ("Briefquiz Tests",)
    assert deck.source.starts_at_line == 4
    first = deck.questions[0]
    assert first.tags == ("people", "early")
    assert first.explanation == "Her words open the story."
    assert first.line == 14


# The messages matter as much as the places: spot-check what each fixture tells the author.
MESSAGES = {
    "unknown-key-header.yaml": ["did you mean 'title'?"],
    "unknown-key-source.yaml": ["did you mean 'authors'?"],
    "unknown-key-question.yaml": ["did you mean 'answer'?"],
    "unknown-type.yaml": ["did you mean 'choice'?", "did you mean 'typed'?"],
    "missing-key-per-type.yaml": [
        "a flashcard question is missing the required key 'answer'",
        "an order question is missing the required key 'items'",
        "a match question is missing the required key 'pairs'",
        "missing the required key 'id'",
        "missing the required key 'type'",
    ],
    "duplicate-id.yaml": ["duplicate question id 'keeper' (first used on line 6)"],
    "choice-answer-not-option.yaml": ["'1963' is not among the options (did you mean '1962'?)"],
    "multi-answers-not-options.yaml": ["'storm' is not among", "'oil' is not among"],
    "invalid-id.yaml": ["(e.g. 'varn-head')", "(e.g. 'first-keeper')"],
    "truefalse-not-boolean.yaml": ["not 'NO'", "not 'yes'", "not 'maybe'", "without quotes"],
    "not-utf8.yaml": ["byte 0xe9"],
    "syntax-unclosed-quote.yaml": ["not closed"],
    "python-tag.yaml": ["!!python/object/apply:os.system"],
    "anchor.yaml": ["&who"],
    "alias.yaml": ["*keeper"],
    "source-missing.yaml": ["no-such-source.txt"],
    "cloze-empty-blank.yaml": ["'{{ }}'", "'{{1962|}}'"],
}


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_fixture_messages(name: str) -> None:
    _, findings = read_deck(FIXTURES / name)
    text = "\n".join(f.message for f in findings)
    for part in MESSAGES[name]:
        assert part in text


def test_zero_byte_file_is_empty() -> None:
    _, findings = read_deck(Path("empty.yaml"), b"")
    assert [(f.line, f.column, f.severity, f.code) for f in findings] == [
        (1, 1, Severity.ERROR, "empty")
    ]


def test_unreadable_path_is_a_finding() -> None:
    deck, findings = read_deck(FIXTURES / "no-such-deck.yaml")
    assert deck is None
    assert [(f.line, f.column, f.code) for f in findings] == [(1, 1, "io")]


def test_deep_flow_nesting_is_located_at_the_bracket_too_deep() -> None:
    text = "deck: deep\ntitle: Deep\nquestions: " + "[" * (MAX_DEPTH + 10)
    deck, findings = read_deck(Path("deep.yaml"), text.encode())
    assert deck is None
    assert [(f.line, f.column, f.code) for f in findings] == [(3, 12 + MAX_DEPTH - 1, "depth")]
    assert text.splitlines()[2][12 + MAX_DEPTH - 2] == "["


def test_deep_block_nesting_is_located_at_the_mapping_too_deep() -> None:
    levels = MAX_DEPTH + 10
    text = "".join(f"{' ' * level}k{level}:\n" for level in range(levels))
    _, findings = read_deck(Path("deep.yaml"), text.encode())
    # The root mapping is level 1; the mapping of the key on line MAX_DEPTH opens level 65.
    assert [(f.line, f.column, f.code) for f in findings] == [
        (MAX_DEPTH + 1, MAX_DEPTH + 1, "depth")
    ]


def test_unclosed_flow_list_names_where_it_starts() -> None:
    text = "deck: x\ntitle: t\noptions: [a, b\nanswer: a\n"
    _, findings = read_deck(Path("x.yaml"), text.encode())
    [finding] = findings
    assert (finding.line, finding.column, finding.code) == (3, 10, "yaml")
    assert "this [ is not closed: add ]" in finding.message


def test_control_character_is_located_in_characters_not_bytes() -> None:
    text = "deck: x\ntitle: Café “Varn” \x07\n"
    _, findings = read_deck(Path("x.yaml"), text.encode())
    column = text.splitlines()[1].index("\x07") + 1
    assert column == 20
    assert [(f.line, f.column, f.code) for f in findings] == [(2, column, "yaml")]


def test_not_utf8_after_a_bom_is_located_in_the_text() -> None:
    data = b"\xef\xbb\xbfdeck: caf\xe9\n"
    _, findings = read_deck(Path("x.yaml"), data)
    assert [(f.line, f.column, f.code) for f in findings] == [(1, 10, "encoding")]
    assert "0xe9" in findings[0].message


@pytest.mark.parametrize(
    "text",
    [
        "---\ndeck: x\ntitle: T\nquestions: [{id: q, type: typed, prompt: P, answers: [a]}]\n",
        "deck: x\ntitle: T\nquestions: [{id: q, type: typed, prompt: P, answers: [a]}]\n...\n",
        "%YAML 1.1\n---\ndeck: x\ntitle: T\nquestions:\n- {id: q, type: order, prompt: P, "
        "items: [a, b]}\n",
    ],
)
def test_one_document_with_markers_is_fine(text: str) -> None:
    deck, findings = read_deck(Path("x.yaml"), text.encode())
    assert findings == []
    assert deck is not None


def test_second_document_after_an_end_marker_is_refused() -> None:
    text = "deck: x\ntitle: T\nquestions: [{id: q, type: typed, prompt: P, answers: [a]}]\n...\n"
    _, findings = read_deck(Path("x.yaml"), (text + "---\ndeck: y\n").encode())
    assert [(f.line, f.column, f.code) for f in findings] == [(5, 1, "yaml")]


CLOZE_FIXTURES = [p for p in sorted(FIXTURES.glob("cloze-*.yaml")) if p.stem != "cloze-no-blanks"]


@pytest.mark.parametrize("path", CLOZE_FIXTURES, ids=[p.name for p in CLOZE_FIXTURES])
def test_cloze_errors_point_at_a_brace(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    _, findings = read_deck(path)
    located = [f for f in findings if f.code == "cloze"]
    assert located
    for finding in located:
        assert lines[finding.line - 1][finding.column - 1] in "{}", finding
