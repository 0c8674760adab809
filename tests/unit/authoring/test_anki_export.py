"""`briefquiz export anki`: packages that Anki's own library opens, with the right notes."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from briefquiz.authoring.anki_export import (
    anki_deck_id,
    anki_tags,
    cloze_html,
    note_guid,
    question_note,
    stable_shuffle,
    write_apkg,
)
from briefquiz.authoring.anki_models import BASIC, CHOICE, CLOZE
from briefquiz.deck.bundled import bundled_decks_dir
from briefquiz.deck.model import Choice, Cloze, Deck, Multi
from briefquiz.deck.validate import read_deck

BUNDLED = sorted(bundled_decks_dir().glob("*.yaml"))

EVERY_TYPE = """\
deck: anki-sample
title: "Anki sample: every type"
description: One question of each type.
source:
  title: An article
  authors: [A. Author, B. Author]
  url: https://example.org/a?b=1&c=2
questions:
  - id: card
    type: flashcard
    prompt: "Front with <html> & ampersand"
    answer: |-
      Back line one
      line two
    explanation: Because.
    quote: A quoted passage.
    tags: [cold war, people]
  - id: one
    type: choice
    prompt: Pick one
    options: [Right, Wrong, Also wrong]
    answer: Right
  - id: many
    type: multi
    prompt: Pick all
    options: [A, B, C]
    answers: [A, C]
  - id: tf
    type: truefalse
    prompt: The sky is green.
    answer: false
  - id: typed
    type: typed
    prompt: Capital of France?
    answers: [Paris, City of Light]
  - id: gaps
    type: cloze
    text: '{{Paris|City of Light}} is the capital of {{France}}; {{1:30}} \\{a\\}.'
    tags: [geo]
  - id: sequence
    type: order
    prompt: In order
    items: [First, Second, Third]
  - id: pairs
    type: match
    prompt: Match
    pairs:
      Left one: Right one
      Left two: Right two
"""


def sample_deck(tmp_path: Path, text: str = EVERY_TYPE) -> Deck:
    path = tmp_path / "anki-sample.yaml"
    path.write_text(text, encoding="utf-8")
    deck, findings = read_deck(path)
    assert deck is not None, findings
    return deck


# -- pieces, without Anki --------------------------------------------------------------------


def test_cloze_blanks_are_numbered_and_escaped(tmp_path: Path) -> None:
    question = sample_deck(tmp_path).question("gaps")
    assert isinstance(question, Cloze)
    assert cloze_html(question) == (
        "{{c1::Paris}} is the capital of {{c2::France}}; {{c3::1&#58;30}} {a}."
    )


def test_tags_lose_their_spaces() -> None:
    assert anki_tags(["cold war", "people", "cold  war", " x "]) == ["cold_war", "people", "x"]


def test_ids_are_stable_and_distinct() -> None:
    assert anki_deck_id("a") == anki_deck_id("a") != anki_deck_id("b")
    assert 1 << 30 <= anki_deck_id("a") < 1 << 31
    assert note_guid("a", "q") == note_guid("a", "q") != note_guid("a", "r")
    assert note_guid("a", "q") != note_guid("b", "q")
    assert len({BASIC.model_id, CHOICE.model_id, CLOZE.model_id}) == 3


def test_stable_shuffle_is_stable_and_never_the_answer() -> None:
    items = ["a", "b", "c"]
    assert stable_shuffle(items, "seed") == stable_shuffle(items, "seed")
    for seed in map(str, range(50)):
        shuffled = stable_shuffle(items, seed)
        assert sorted(shuffled) == items and shuffled != items


def test_choice_options_are_exported_shuffled_the_same_way_every_time(tmp_path: Path) -> None:
    # Anki shows options as written: in the deck's order the right answer would often come
    # first (authors write it first), so each note gets its own fixed shuffle.
    deck = sample_deck(tmp_path)
    for question_id in ("one", "many"):
        question = deck.question(question_id)
        assert isinstance(question, Choice | Multi)
        field = question_note(deck, question).fields[1]
        assert field.startswith("<ul class=options>")
        shown = re.findall(r"<li>(.*?)</li>", field)
        assert sorted(shown) == sorted(question.options)
        assert shown != list(question.options)
        assert question_note(deck, question).fields[1] == field


def test_package_is_a_zip_with_a_collection(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "deck.apkg"
    assert write_apkg(sample_deck(tmp_path), out) == 8
    with zipfile.ZipFile(out) as archive:
        assert set(archive.namelist()) == {"collection.anki2", "media"}
    assert [p.name for p in out.parent.iterdir()] == ["deck.apkg"]  # no temporary left


# -- opened by Anki -------------------------------------------------------------------------


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Any]:
    pytest.importorskip("anki", reason="Anki's Python library (pip install anki) is not installed")
    from anki.collection import Collection

    (tmp_path / "anki").mkdir()
    col = Collection(str(tmp_path / "anki" / "collection.anki2"))
    try:
        yield col
    finally:
        col.close()


def import_into(col: Any, package: Path) -> Any:
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    request = ImportAnkiPackageRequest(
        package_path=str(package),
        options=ImportAnkiPackageOptions(merge_notetypes=True, with_scheduling=False),
    )
    return col.import_anki_package(request).log


def notes_by_guid(col: Any) -> dict[str, Any]:
    return {note.guid: note for note in (col.get_note(nid) for nid in col.find_notes(""))}


def test_anki_opens_every_type_with_the_right_notes(tmp_path: Path, collection: Any) -> None:
    deck = sample_deck(tmp_path)
    package = tmp_path / "sample.apkg"
    write_apkg(deck, package)
    log = import_into(collection, package)
    assert len(log.new) == 8 and len(log.updated) == 0

    notes = notes_by_guid(collection)
    assert set(notes) == {note_guid(deck.id, q.id) for q in deck.questions}

    def note(question_id: str) -> tuple[str, dict[str, str], list[str]]:
        found = notes[note_guid(deck.id, question_id)]
        return found.note_type()["name"], dict(found.items()), sorted(found.tags)

    source = '<a href="https://example.org/a?b=1&amp;c=2">An article — A. Author, B. Author</a>'
    name, fields, tags = note("card")
    assert name == "briefquiz Basic"
    assert fields == {
        "Front": "Front with &lt;html&gt; &amp; ampersand",
        "Back": "Back line one<br>line two",
        "Explanation": "Because.",
        "Quote": "A quoted passage.",
        "Source": source,
    }
    assert tags == ["cold_war", "people"]

    name, fields, _ = note("one")
    assert name == "briefquiz Choice"
    assert fields["Question"] == "Pick one" and fields["Answer"] == "Right"
    assert all(f"<li>{o}</li>" in fields["Options"] for o in ("Right", "Wrong", "Also wrong"))

    name, fields, _ = note("many")
    assert name == "briefquiz Choice" and fields["Answer"] == "<ul><li>A</li><li>C</li></ul>"

    assert note("tf")[1]["Back"] == "False"
    assert note("tf")[1]["Front"] == "True or false?<br>The sky is green."
    assert note("typed")[1]["Back"].startswith("Paris<div class=also>also accepted: City of")

    name, fields, tags = note("gaps")
    assert name == "briefquiz Cloze" and tags == ["geo"]
    assert fields["Text"].startswith("{{c1::Paris}} is the capital of {{c2::France}}")
    assert "Paris: also City of Light" in fields["Back Extra"]

    order_fields = note("sequence")[1]
    assert order_fields["Back"] == "<ol><li>First</li><li>Second</li><li>Third</li></ol>"
    assert "<li>First</li><li>Second</li><li>Third</li>" not in order_fields["Front"]
    assert "<td>Left one</td><td>→ Right one</td>" in note("pairs")[1]["Back"]

    # one card per blank of the cloze, one for every other question
    assert collection.card_count() == 7 + 3
    names = {d.name for d in collection.decks.all_names_and_ids()}
    assert "Anki sample: every type" in names


def test_a_newer_export_updates_the_notes_instead_of_adding_any(
    tmp_path: Path, collection: Any
) -> None:
    deck = sample_deck(tmp_path)
    first = tmp_path / "first.apkg"
    write_apkg(deck, first, timestamp=1_700_000_000)
    import_into(collection, first)

    edited = sample_deck(tmp_path, EVERY_TYPE.replace("prompt: Pick one", "prompt: Pick one now"))
    second = tmp_path / "second.apkg"
    write_apkg(edited, second, timestamp=1_700_000_100)
    log = import_into(collection, second)
    assert len(log.new) == 0
    assert len(collection.find_notes("")) == 8
    assert notes_by_guid(collection)[note_guid(deck.id, "one")]["Question"] == "Pick one now"
    briefquiz_types = [
        m.name for m in collection.models.all_names_and_ids() if "briefquiz" in m.name
    ]
    assert sorted(briefquiz_types) == ["briefquiz Basic", "briefquiz Choice", "briefquiz Cloze"]


def test_every_bundled_deck_exports_and_opens_in_one_collection(
    tmp_path: Path, collection: Any
) -> None:
    total = 0
    for path in BUNDLED:
        deck, _ = read_deck(path, bundled=True)
        assert deck is not None
        package = tmp_path / f"{deck.id}.apkg"
        assert write_apkg(deck, package) == len(deck.questions)
        log = import_into(collection, package)
        assert len(log.new) == len(deck.questions), path.name
        total += len(deck.questions)
        in_deck = collection.find_notes(f'"deck:{deck.title}"')
        assert len(in_deck) == len(deck.questions)
        for nid in in_deck:
            note = collection.get_note(nid)
            question = deck.question(
                next(q.id for q in deck.questions if note_guid(deck.id, q.id) == note.guid)
            )
            assert question is not None
            assert sorted(note.tags) == sorted(anki_tags(question.tags))
    assert len(collection.find_notes("")) == total
    briefquiz_types = [
        m.name for m in collection.models.all_names_and_ids() if "briefquiz" in m.name
    ]
    assert len(briefquiz_types) == 3  # shared by every deck, not one set per deck


def test_command_writes_the_package(bq, tmp_path: Path) -> None:
    result = bq.run("export", "anki", "biden-russia-terms")
    assert result.returncode == 0, result.stderr
    assert "wrote biden-russia-terms.apkg" in result.stdout
    assert zipfile.is_zipfile(tmp_path / "biden-russia-terms.apkg")
    named = bq.run("export", "anki", "biden-russia-terms", "-o", "out/terms.apkg")
    assert named.returncode == 0 and (tmp_path / "out" / "terms.apkg").exists()
    unknown = bq.run("export", "anki", "no-such-deck")
    assert unknown.returncode == 2 and "no deck 'no-such-deck'" in unknown.stderr
