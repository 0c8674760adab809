"""`briefquiz import csv`: rows become questions, and bad rows are reported by their line."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefquiz.authoring.csv_import import (
    deck_data,
    deck_yaml,
    question_ids,
    read_cards,
    split_answers,
    split_tags,
)
from briefquiz.deck.model import Flashcard, Typed
from briefquiz.deck.validate import read_deck


def run(bq: Any, *args: str | Path) -> Any:
    return bq.run(*args)


GOOD_ROWS = [
    ("Capital of France", "Paris", "geography europe"),
    ('Who wrote "War and Peace"?', "Leo Tolstoy", "books;russia"),
    ("NO", "yes", ""),
    ("2020-11-08", "the day the election was called", "dates"),
    ("Kennan: what is it?", "An institute, part of the Wilson Center", ""),
    ("Capital of France", "Still Paris", "geography"),
    ("Два слова", "по-русски, с запятой", "язык"),
    ("multi\nline front", "first line\nsecond line", ""),
]


def write_csv(path: Path, rows: list[tuple[str, ...]], header: bool = True) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    if header:
        writer.writerow(["front", "back", "tags"])
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8"))


# -- reading rows ---------------------------------------------------------------------------


def test_bad_rows_are_reported_at_their_first_line() -> None:
    data = (
        b"front,back\n"  # 1: header
        b"ok,fine\n"  # 2
        b"only one column\n"  # 3
        b",no front\n"  # 4
        b"no back,  \n"  # 5
        b'"a quoted front\nover two lines",good\n'  # 6-7
        b"a,b,c,d\n"  # 8
        b"bad \xff byte,here\n"  # 9
        b"\n"  # 10: blank, skipped
        b",,\n"  # 11: a spreadsheet's empty row, skipped
        b"last,one,tag1; tag2\n"  # 12
    )
    cards = read_cards(data)
    assert cards.header
    assert [(p.line, p.message.split(";")[0]) for p in cards.problems] == [
        (3, "1 column"),
        (4, "the front is empty"),
        (5, "the back is empty"),
        (8, "4 columns"),
        (9, "not UTF-8 text (save the file as UTF-8 and import it again)"),
    ]
    assert [(c.line, c.front) for c in cards.cards] == [
        (2, "ok"),
        (6, "a quoted front\nover two lines"),
        (12, "last"),
    ]
    assert cards.cards[-1].tags == ("tag1", "tag2")


def test_broken_quoting_stops_the_read_and_says_so() -> None:
    cards = read_cards(b'a,b\n"never closed,x\nc,d\n')
    assert len(cards.problems) == 1
    assert cards.problems[0].line == 2
    assert "not valid CSV" in cards.problems[0].message
    assert "rest of the file was not read" in cards.problems[0].message


def test_header_is_optional_and_only_on_the_first_row() -> None:
    assert not read_cards(b"a,b\nfront,back\n").header
    assert len(read_cards(b"a,b\nfront,back\n").cards) == 2
    assert read_cards(b"\xef\xbb\xbfFront , Back,Tags\r\nx,y,z\r\n").header  # BOM, CRLF


def test_control_characters_and_tabs() -> None:
    cards = read_cards(b"bell\x07,ring\n")
    assert "control character U+0007" in cards.problems[0].message
    tsv = read_cards(b"front\tback\ta, b;c\n", "\t")
    assert tsv.problems == []
    assert tsv.cards[0].front == "front" and tsv.cards[0].tags == ("a,", "b", "c")


def test_duplicate_fronts_are_kept_and_noted() -> None:
    cards = read_cards(b"q,a\nq,b\n")
    assert len(cards.cards) == 2
    assert [(n.line, n.message) for n in cards.notes] == [
        (2, "same front as line 1; both are kept")
    ]


def test_splitting() -> None:
    assert split_tags(" a;b  c ;; a ") == ("a", "b", "c")
    assert split_answers("Paris | City of Light|| paris|Paris") == [
        "Paris",
        "City of Light",
        "paris",
    ]
    assert read_cards(b"q, | \n", typed=True).problems[0].message.startswith("the back has no")


def test_question_ids_are_slugs_made_unique() -> None:
    cards = read_cards(
        "Who is Putin's rival?,x\nwho is putin’s rival,y\n???,z\nÉtat & société,w\n".encode()
    )
    assert question_ids(cards.cards) == [
        "who-is-putins-rival",
        "who-is-putins-rival-2",
        "card-3",
        "etat-and-societe",
    ]


# -- the deck it becomes ---------------------------------------------------------------------


def deck_from(data: bytes, tmp_path: Path, *, typed: bool = False):  # type: ignore[no-untyped-def]
    cards = read_cards(data, typed=typed)
    assert cards.problems == []
    text = deck_yaml(deck_data("imported", "Imported", cards.cards, typed=typed), "x.csv")
    deck, findings = read_deck(tmp_path / "imported.yaml", text.encode("utf-8"))
    assert findings == [], "\n".join(map(str, findings)) + "\n" + text
    assert deck is not None
    return cards, deck


def test_a_good_csv_becomes_flashcards_equal_to_the_rows(tmp_path: Path) -> None:
    path = tmp_path / "cards.csv"
    write_csv(path, GOOD_ROWS)
    _, deck = deck_from(path.read_bytes(), tmp_path)
    assert [(q.prompt, q.answer, q.tags) for q in deck.questions if isinstance(q, Flashcard)] == [
        (front, back, split_tags(tags)) for front, back, tags in GOOD_ROWS
    ]


def test_typed_answers_split_on_bars(tmp_path: Path) -> None:
    _, deck = deck_from(
        b"Capital of France,Paris|City of Light\nYear?,2009\n", tmp_path, typed=True
    )
    assert [q.answers for q in deck.questions if isinstance(q, Typed)] == [
        ("Paris", "City of Light"),
        ("2009",),
    ]


_CHARS = st.characters(
    blacklist_categories=("Cs", "Cc"), blacklist_characters="\x85\u2028\u2029"
) | st.sampled_from(["\n", "\t", '"', ",", ";", "|", ":", "#", "{", "}", "-", "'", " "])
_CELL = st.text(alphabet=_CHARS, min_size=1, max_size=30).filter(lambda s: s.strip() != "")


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(_CELL, _CELL), min_size=1, max_size=8))
def test_any_csv_round_trips(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[str, str]]
) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    folder = tmp_path_factory.mktemp("rt")
    cards = read_cards(buffer.getvalue().encode("utf-8"))
    if cards.header:  # a row that happens to read front,back
        return
    _, deck = deck_from(buffer.getvalue().encode("utf-8"), folder)
    assert [(q.prompt, q.answer) for q in deck.questions if isinstance(q, Flashcard)] == [
        (front.strip(), back.strip()) for front, back in rows
    ]


# -- the command ------------------------------------------------------------------------------


def test_command_reports_bad_rows_by_line_and_writes_nothing(bq, tmp_path: Path) -> None:
    (tmp_path / "cards.csv").write_bytes(b"front,back\nok,fine\njust one\n,empty\n")
    result = run(bq, "import", "csv", "cards.csv", "--deck", "mine")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[:2] == [
        "cards.csv:3: error: 1 column; expected front,back or front,back,tags",
        "cards.csv:4: error: the front is empty",
    ]
    assert "2 bad rows in cards.csv, nothing written" in result.stderr
    assert "--skip-bad" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "data" / "decks" / "mine.yaml").exists()

    skipped = run(bq, "import", "csv", "cards.csv", "--deck", "mine", "--skip-bad")
    assert skipped.returncode == 0, skipped.stderr
    assert "cards.csv:3: warning: 1 column" in skipped.stderr
    deck, findings = read_deck(tmp_path / "data" / "decks" / "mine.yaml")
    assert findings == [] and deck is not None
    assert [q.prompt for q in deck.questions] == ["ok"]


def test_command_writes_a_deck_to_the_user_folder_that_the_library_loads(
    bq, tmp_path: Path
) -> None:
    write_csv(tmp_path / "cards.csv", GOOD_ROWS)
    result = run(bq, "import", "csv", "cards.csv", "--deck", "my-cards", "--title", "My cards")
    assert result.returncode == 0, result.stderr
    assert "8 flashcards" in result.stdout and "header row" in result.stdout
    written = tmp_path / "data" / "decks" / "my-cards.yaml"
    assert (tmp_path / "data" / "decks" / "briefquiz-deck.schema.json").exists()
    deck, findings = read_deck(written)
    assert findings == [] and deck is not None
    assert (deck.id, deck.title) == ("my-cards", "My cards")
    assert [(q.prompt, getattr(q, "answer", None)) for q in deck.questions] == [
        (front, back) for front, back, _ in GOOD_ROWS
    ]

    check = run(bq, "check", written)
    assert check.returncode == 0 and check.stdout == "", check.stdout + check.stderr
    listing = run(bq, "list")
    assert "my-cards" in listing.stdout

    again = run(bq, "import", "csv", "cards.csv", "--deck", "my-cards")
    assert again.returncode == 1
    assert "already exists; use --force" in again.stderr
    forced = run(bq, "import", "csv", "cards.csv", "--deck", "my-cards", "--force", "--typed")
    assert forced.returncode == 0, forced.stderr
    deck, _ = read_deck(written)
    assert deck is not None and all(isinstance(q, Typed) for q in deck.questions)


def test_command_refuses_bad_ids_taken_ids_and_missing_files(bq, tmp_path: Path) -> None:
    write_csv(tmp_path / "cards.csv", GOOD_ROWS)
    bad_id = run(bq, "import", "csv", "cards.csv", "--deck", "My Cards")
    assert bad_id.returncode == 2 and "e.g. my-cards" in bad_id.stderr
    taken = run(bq, "import", "csv", "cards.csv", "--deck", "biden-russia-people")
    assert taken.returncode == 1 and "already used by" in taken.stderr
    missing = run(bq, "import", "csv", "nope.csv", "--deck", "x")
    assert missing.returncode == 2 and "nope.csv: no such file" in missing.stderr
    out = run(bq, "import", "csv", "cards.csv", "--deck", "x", "-o", "here/x.yaml")
    assert out.returncode == 0, out.stderr
    assert "briefquiz study here/x.yaml" in out.stdout
    assert (tmp_path / "here" / "x.yaml").exists()
    for result in (bad_id, taken, missing):
        assert "Traceback" not in result.stderr


def test_utf16_is_one_clear_problem() -> None:
    cards = read_cards("front,back\nx,y\n".encode("utf-16"))
    assert [(p.line, p.message) for p in cards.problems] == [
        (1, "the file is UTF-16 text; save it as CSV in UTF-8 and import that")
    ]
