"""`briefquiz check`, `list`, `schema` and `--version`, through the command line's entry point."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from briefquiz import __version__
from briefquiz.deck.bundled import bundled_decks_dir
from briefquiz.deck.validate import read_deck
from paths import REPO

FIXTURES = REPO / "tests" / "fixtures" / "decks"
FINDING_LINE = re.compile(
    r"^(?P<path>.+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning): (?P<message>.+)$"
)
EXPECT = re.compile(r"^# expect: (\d+):(\d+) (error|warning) ([a-z-]+)$", re.MULTILINE)


def run(bq: Any, *args: str | Path) -> Any:
    """The command run from the repository's folder, as the located paths below expect."""
    return bq.run(*args, cwd=REPO)


def bundled_ids() -> list[str]:
    ids = []
    for path in sorted(bundled_decks_dir().glob("*.yaml")):
        deck, _ = read_deck(path, bundled=True)
        assert deck is not None, path
        ids.append(deck.id)
    return ids


def expected(fixture: Path) -> list[tuple[int, int, str, str]]:
    return sorted(
        (int(line), int(column), severity, code)
        for line, column, severity, code in EXPECT.findall(fixture.read_text(encoding="utf-8"))
    )


def test_check_without_arguments_passes_on_the_bundled_decks(bq) -> None:
    result = run(bq, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "no problems" in result.stderr
    assert f"checked {len(bundled_ids())} deck files" in result.stderr


@pytest.mark.parametrize("name", ["duplicate-key.yaml", "missing-key-per-type.yaml"])
def test_broken_fixture_exits_1_with_located_lines(bq, name: str) -> None:
    fixture = FIXTURES / name
    result = run(bq, "check", fixture.relative_to(REPO))
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    matches = [FINDING_LINE.match(line) for line in lines]
    assert all(matches), lines
    assert {m["path"] for m in matches if m} == {f"tests/fixtures/decks/{name}"}
    got = sorted((int(m["line"]), int(m["column"]), m["severity"]) for m in matches if m)
    assert got == [(line, column, severity) for line, column, severity, _ in expected(fixture)]
    assert "error" in result.stderr


def test_check_json_has_the_findings(bq) -> None:
    fixture = FIXTURES / "truefalse-not-boolean.yaml"
    result = run(bq, "check", "--format", "json", fixture)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert isinstance(report["findings"], list)
    for finding in report["findings"]:
        assert set(finding) == {"path", "line", "column", "severity", "code", "message"}
        assert Path(finding["path"]) == fixture
    got = sorted((f["line"], f["column"], f["severity"], f["code"]) for f in report["findings"])
    assert got == expected(fixture)


def test_check_json_of_a_clean_deck_is_an_empty_list(bq) -> None:
    result = run(bq, "check", "--format", "json", FIXTURES / "valid-match.yaml")
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"findings": []}


def test_warnings_alone_exit_0(bq) -> None:
    result = run(bq, "check", FIXTURES / "no-quote-warning.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert ":10:5: warning: no quote" in result.stdout


def test_nonexistent_path_exits_2(bq, tmp_path: Path) -> None:
    result = run(bq, "check", tmp_path / "no-such-deck.yaml")
    assert result.returncode == 2
    assert "no such file or folder" in result.stderr
    assert result.stdout == ""


def test_bad_usage_exits_2(bq) -> None:
    result = run(bq, "check", "--format", "xml")
    assert result.returncode == 2
    assert "invalid choice: 'xml'" in result.stderr


def test_list_shows_every_bundled_deck(bq) -> None:
    result = run(bq, "list")
    assert result.returncode == 0, result.stderr
    listed = {line.split()[0] for line in result.stdout.splitlines() if line.strip()}
    ids = bundled_ids()
    assert ids
    assert set(ids) <= listed
    assert str(bq.data / "decks") in result.stdout


def test_list_json(bq) -> None:
    result = run(bq, "list", "--format", "json")
    assert result.returncode == 0
    rows = json.loads(result.stdout)
    assert sorted(row["id"] for row in rows if row.get("bundled")) == sorted(bundled_ids())


def test_schema_prints_json_schema(bq) -> None:
    result = run(bq, "schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert "questions" in schema["properties"]
    assert schema["required"] == ["deck", "title", "questions"]


def test_user_deck_reusing_a_bundled_id_is_located_at_its_deck_value(bq) -> None:
    taken = bundled_ids()[0]
    user_decks = bq.data / "decks"
    user_decks.mkdir(parents=True)
    mine = user_decks / "mine.yaml"
    mine.write_text(
        "# My own deck, which happens to reuse a bundled id.\n"
        "title: Mine\n"
        f"deck:   {taken}\n"
        "questions:\n"
        "  - id: q\n    type: flashcard\n    prompt: Mine?\n    answer: Yes\n",
        encoding="utf-8",
    )
    result = run(bq, "check")
    assert result.returncode == 1, result.stdout + result.stderr
    [line] = result.stdout.splitlines()
    match = FINDING_LINE.match(line)
    assert match, line
    assert Path(match["path"]).resolve() == mine.resolve()
    assert (match["line"], match["column"], match["severity"]) == ("3", "9", "error")
    assert f"deck id '{taken}' is already used by" in match["message"]

    result = run(bq, "check", "--format", "json", mine)
    assert result.returncode == 1
    [finding] = json.loads(result.stdout)["findings"]
    assert (finding["line"], finding["column"], finding["code"]) == (3, 9, "duplicate-deck-id")

    listed = run(bq, "list")
    assert listed.returncode == 0
    assert "not loaded" in listed.stdout and "mine.yaml" in listed.stdout


def test_coverage_lists_the_paragraphs_of_the_source(bq) -> None:
    result = run(bq, "check", "--coverage", FIXTURES / "valid-with-source.yaml")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "tests/fixtures/decks/source.txt: 3 of 4 paragraphs have questions" in out
    assert "0 of the 4 of the authors' text have reasoning questions" in out
    rows = [line.split(maxsplit=2) for line in out.splitlines() if re.match(r"^\s+\d+\s", line)]
    assert [(row[0], row[1]) for row in rows] == [("4", "1"), ("6", "1"), ("8", "1"), ("11", "--")]
    assert rows[-1][2].startswith("none    -- none  Today volunteers open the tower")


def test_coverage_counts_reasoning_questions_by_every_passage(bq) -> None:
    # valid-explain's two points both quote paragraph 2: counted there once. An evidence
    # question counts in each of its right paragraphs; only the first one is tagged reasoning.
    result = run(
        bq,
        "check",
        "--coverage",
        "--format",
        "json",
        FIXTURES / "valid-explain.yaml",
        FIXTURES / "valid-evidence.yaml",
    )
    assert result.returncode == 0, result.stderr
    [source] = json.loads(result.stdout)["coverage"]
    assert [p["reasoning"] for p in source["paragraphs"]] == [
        [],
        ["valid-explain/why-museum"],
        ["valid-evidence/no-keeper"],
        [],
    ]
    assert source["paragraphs"][0]["questions"] == ["valid-evidence/people-kept-records"]


def test_coverage_json(bq) -> None:
    result = run(bq, "check", "--coverage", "--format", "json", FIXTURES / "valid-with-source.yaml")
    assert result.returncode == 0
    [source] = json.loads(result.stdout)["coverage"]
    assert Path(source["source"]) == (FIXTURES / "source.txt").resolve()
    assert [p["questions"] for p in source["paragraphs"]] == [
        ["valid-with-source/first-keeper"],
        ["valid-with-source/logbook-oil"],
        ["valid-with-source/quill-clock"],
        [],
    ]


def test_coverage_of_the_bundled_decks(bq) -> None:
    result = run(bq, "check", "--coverage")
    assert result.returncode == 0, result.stderr
    assert re.search(r"\d+ of \d+ paragraphs have questions", result.stdout)
    # Every paragraph of the authors' text has a reasoning question; the editor's note is apart.
    assert "14 of the 14 of the authors' text have reasoning questions" in result.stdout
    [note] = [line for line in result.stdout.splitlines() if "Editor’s Note" in line]
    assert "(note)" in note


def test_version(bq) -> None:
    result = run(bq, "--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"briefquiz {__version__}"
