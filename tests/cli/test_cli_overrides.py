"""`briefquiz stats --overrides`: the answers students overrode, per question, text and JSON;
and `!` through `briefquiz study --plain`."""

from __future__ import annotations

import json
from pathlib import Path

from briefquiz.progress.repository import Store

DECK = """\
deck: bq-over
title: Alliances
questions:
  - id: alliance
    type: typed
    prompt: Which alliance?
    answers: [North Atlantic Treaty]
  - id: pact
    type: typed
    prompt: Which pact?
    answers: [Warsaw Pact]
"""


def deck_file(tmp_path: Path) -> Path:
    path = tmp_path / "alliances.yaml"
    path.write_text(DECK, encoding="utf-8")
    return path


def test_overrides_listed_per_question_as_text_and_json(bq, tmp_path: Path) -> None:
    path = deck_file(tmp_path)
    # Both questions get the same wrong typed answer, and it is overridden both times.
    for _ in range(2):
        result = bq.run("study", str(path), "--plain", "--cram", input="NATO treaty\n!\n" * 2)
        assert result.returncode == 0, result.stderr
        assert result.stdout.count("✓ Right (overridden; graded ✗ Wrong)") == 2
    with Store.open(bq.data / "progress.sqlite3") as store:
        assert sum(r.override for r in store.reviews("bq-over")) == 4
        assert store.cards("bq-over") == {}

    text = bq.run("stats", "--overrides", str(path))
    assert text.returncode == 0, text.stderr
    assert text.stdout.splitlines() == [
        "Alliances (bq-over): 4 overridden answers to 2 questions",
        "  alliance (typed): Which alliance?",
        "    expected: North Atlantic Treaty",
        "    overridden 2 times: NATO treaty",
        "  pact (typed): Which pact?",
        "    expected: Warsaw Pact",
        "    overridden 2 times: NATO treaty",
    ]

    as_json = bq.run("stats", "--overrides", "--format", "json", str(path))
    assert as_json.returncode == 0, as_json.stderr
    (deck,) = json.loads(as_json.stdout)
    assert deck["deck"] == "bq-over"
    assert [q["question"] for q in deck["questions"]] == ["alliance", "pact"]
    first = deck["questions"][0]
    assert first["expected"] == "North Atlantic Treaty" and first["type"] == "typed"
    assert [(a["answer"], a["text"], a["times"]) for a in first["answers"]] == [
        ("NATO treaty", "NATO treaty", 2)
    ]


def test_no_overrides_is_said(bq, tmp_path: Path) -> None:
    path = deck_file(tmp_path)
    result = bq.run("study", str(path), "--plain", input="NATO treaty\n\n" * 2)
    assert result.returncode == 0, result.stderr
    assert "or ! I was right: " in result.stdout
    text = bq.run("stats", "--overrides", str(path))
    assert text.stdout == "Alliances (bq-over): no overridden answers\n"


def test_the_override_survives_export_and_import(bq, tmp_path: Path) -> None:
    path = deck_file(tmp_path)
    bq.run("study", str(path), "--plain", input="NATO treaty\n!\n" * 2)
    exported = tmp_path / "progress.json"
    assert bq.run("export", "progress", "-o", str(exported)).returncode == 0
    other = tmp_path / "other-data"
    result = bq.run("import", "progress", str(exported), data=other)
    assert result.returncode == 0, result.stderr
    text = bq.run("stats", "--overrides", str(path), data=other)
    assert text.stdout.splitlines()[0] == "Alliances (bq-over): 2 overridden answers to 2 questions"
