"""Whatever bytes a deck file holds, `read_deck` answers with located findings, never a crash."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefquiz.deck.findings import Finding, Severity
from briefquiz.deck.validate import read_deck
from paths import FIXTURE_DECKS

FIXTURES = FIXTURE_DECKS
# A deck path in a folder that does not exist: any `file:` a generated deck names is missing.
FUZZ_PATH = Path("/nonexistent-briefquiz-fuzz-dir/fuzz.yaml")
FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

FRAGMENTS = [
    "[", "]", "{", "}", ":", ": ", "-", "- ", ",", "?", "? ", "|", "|-", ">", ">-",
    "'", "''", '"', '\\"', "&a ", "*a", "&", "*", "!!", "!!str ", "!!python/object:os.system ",
    "!x ", "!<tag:a> ", "#", " # c", "\n", "\r\n", "\r", "\t", " ", "  ", "    ", "---",
    "...", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "\ufeff", "\x00", "\x85", "\u2028", "é",
    "“", "—", "{{", "}}", "|", "<<", "~", "NO", "012", "1:30", "true", "deck", "title",
    "questions", "id", "type", "prompt", "answer", "answers", "options", "items", "pairs",
    "text", "quote", "source", "file", "starts_at_line", "flashcard", "choice", "multi",
    "truefalse", "typed", "cloze", "order", "match", "x", "a-b",
]  # fmt: skip
yamlish = st.lists(st.sampled_from(FRAGMENTS), max_size=80).map("".join)

VALID_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("valid-*.yaml"))]


@st.composite
def mutated_decks(draw: st.DrawFn) -> str:
    """A valid fixture deck with fragments inserted and spans deleted at random places."""
    text = draw(st.sampled_from(VALID_TEXTS))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:at] + draw(yamlish) + text[at:]
        else:
            text = text[:at] + text[at + draw(st.integers(1, 12)) :]
    return text


def check_findings(data: bytes) -> list[Finding]:
    deck, findings = read_deck(FUZZ_PATH, data)
    for finding in findings:
        assert finding.line >= 1, finding
        assert finding.column >= 1, finding
        assert finding.severity in (Severity.ERROR, Severity.WARNING)
        assert finding.code and finding.message
        assert finding.path == FUZZ_PATH
    has_errors = any(f.severity is Severity.ERROR for f in findings)
    assert (deck is None) == has_errors, findings
    return findings


def check_text(text: str) -> None:
    findings = check_findings(text.encode("utf-8"))
    lines = len(text.removeprefix("\ufeff").splitlines())
    for finding in findings:
        # Never past the end of the file (the line after the last, at the very most).
        assert finding.line <= lines + 1, (finding, lines)


@FUZZ
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data: bytes) -> None:
    check_findings(data)


@FUZZ
@given(st.text(max_size=2000))
def test_arbitrary_text(text: str) -> None:
    check_text(text)


@FUZZ
@given(yamlish)
def test_yamlish_text(text: str) -> None:
    check_text(text)


@FUZZ
@given(mutated_decks())
def test_mutated_valid_decks(text: str) -> None:
    check_text(text)


def billion_laughs(levels: int = 10, width: int = 10) -> str:
    lines = ['lol0: &lol0 "lol"']
    for level in range(1, levels):
        refs = ", ".join([f"*lol{level - 1}"] * width)
        lines.append(f"lol{level}: &lol{level} [{refs}]")
    lines.append(f"deck: *lol{levels - 1}")
    return "\n".join(lines) + "\n"


def test_billion_laughs_is_refused_at_the_first_anchor() -> None:
    # Finishing at all is the point: an expanding loader would build 10**9 strings.
    findings = check_findings(billion_laughs().encode())
    assert [(f.line, f.column, f.code) for f in findings] == [(1, 7, "alias")]


def test_billion_laughs_without_anchors_defined_is_refused_at_the_first_alias() -> None:
    text = "deck: [" + ", ".join(["*lol"] * 10_000) + "]\n"
    findings = check_findings(text.encode())
    assert [(f.line, f.column, f.code) for f in findings] == [(1, 8, "alias")]


def test_ten_thousand_open_brackets_give_a_located_error() -> None:
    findings = check_findings(b"[" * 10_000)
    [finding] = findings
    assert finding.code == "depth"
    assert finding.line == 1
    assert 1 <= finding.column <= 10_000


def test_ten_thousand_nested_lists_and_mappings_give_located_errors() -> None:
    for text in (
        "[" * 10_000 + "]" * 10_000,
        "{a: " * 10_000 + "}" * 10_000,
        "- " * 10_000 + "x",
        "".join(f"{' ' * n}k:\n" for n in range(2_000)),
        "questions: " + "[" * 10_000,
    ):
        [finding] = check_findings(text.encode())
        assert finding.code == "depth"
        assert finding.line >= 1 and finding.column >= 1
