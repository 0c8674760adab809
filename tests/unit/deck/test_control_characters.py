"""Terminal escapes from a deck, a source text or a progress file never reach the terminal."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from briefquiz.deck.findings import Finding, Severity
from briefquiz.deck.sourcetext import SourceText
from briefquiz.deck.validate import read_deck
from briefquiz.text.control import describe_control, first_control, strip_controls

OSC52 = r"\e]52;c;aGVsbG8=\a"  # as YAML writes it in double quotes: a clipboard write


def deck_text(prompt: str, title: str = "T") -> str:
    return (
        f'deck: esc\ntitle: "{title}"\nquestions:\n'
        f'  - id: q1\n    type: flashcard\n    prompt: "{prompt}"\n    answer: A\n'
    )


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("tab\tand\nline", "tab\tand\nline"),
        ("crlf\r\nline", "crlf\r\nline"),
        ("lone\rcr", "lonecr"),
        ("\x1b]52;c;aGk=\x07osc", "]52;c;aGk=osc"),
        ("c1\x9b31m", "c131m"),
        ("del\x7f nul\x00", "del nul"),
        ("ünïcode — fine", "ünïcode — fine"),
    ],
)
def test_strip_controls_keeps_text_and_line_endings(text: str, kept: str) -> None:
    assert strip_controls(text) == kept
    assert (first_control(text) is None) == (text == kept)


def test_check_refuses_an_escape_in_a_prompt_where_it_stands(tmp_path: Path) -> None:
    deck, findings = read_deck(tmp_path / "esc.yaml", deck_text(OSC52).encode())
    assert deck is None
    [finding] = findings
    assert (finding.line, finding.column, finding.code) == (6, 13, "control-character")
    assert describe_control("\x1b") in finding.message
    assert "\x1b" not in str(finding) and "\x07" not in str(finding)


def test_check_and_list_print_no_escape(bq: Any, tmp_path: Path) -> None:
    decks = bq.data / "decks"
    decks.mkdir(parents=True)
    (decks / "esc.yaml").write_text(deck_text(OSC52, title=r"\e[5mBlink"))
    for command in (["check", decks / "esc.yaml"], ["list"]):
        result = bq.run(*command)
        assert "\x1b" not in result.stdout + result.stderr
        assert "\x07" not in result.stdout + result.stderr
    assert "control character U+001B (ESC)" in bq.run("check", decks / "esc.yaml").stdout


def test_a_finding_names_a_file_without_its_escapes() -> None:
    finding = Finding(Path("evil\x1b[2J.yaml"), 1, 1, Severity.ERROR, "io", "bad\x9b")
    assert str(finding) == "evil[2J.yaml:1:1: error: bad"


def test_a_source_text_is_read_without_its_escapes(tmp_path: Path) -> None:
    path = tmp_path / "source.txt"
    path.write_bytes(b"A title\r\n\r\nThe lamp \x1b]2;pwned\x07went dark one night in May.\r\n")
    text = SourceText.read(path)
    assert "\x1b" not in text.text and "\x07" not in text.text
    assert text.paragraphs[-1].text == "The lamp ]2;pwnedwent dark one night in May."


def test_import_progress_refuses_an_escape_in_an_id(bq: Any, tmp_path: Path) -> None:
    data = {
        "format": "briefquiz-progress",
        "version": 2,
        "cards": [],
        "reviews": [],
        "questions": [{"deck_id": "d\x1b[31m", "question_id": "q"}],
    }
    (tmp_path / "esc.json").write_text(json.dumps(data))
    result = bq.run("import", "progress", tmp_path / "esc.json")
    assert result.returncode == 1
    assert "questions[0].deck_id: holds the control character U+001B (ESC)" in result.stderr
    assert "\x1b" not in result.stderr
