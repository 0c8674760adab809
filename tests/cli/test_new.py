"""`briefquiz new`: a starter deck that passes `briefquiz check` as written, never clobbering."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefquiz.authoring.files import SCHEMA_FILENAME, schema_text
from briefquiz.authoring.scaffold import StarterSource, starter_deck
from briefquiz.authoring.textstart import text_after_start
from briefquiz.deck.coverage import question_quotes
from briefquiz.deck.model import Explain, QuestionType
from briefquiz.deck.schema import deck_schema
from briefquiz.deck.sourcetext import SourceText
from briefquiz.deck.validate import read_deck
from paths import SEEDS

SEED = next(SEEDS.glob("*.txt"))


def run(bq: Any, *args: str | Path) -> Any:
    return bq.run(*args)


def assert_checks_clean(bq: Any, deck: str, questions: int) -> None:
    result = run(bq, "check", deck)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""  # not even a warning
    assert f"1 deck file ({questions} questions in valid decks): no problems" in result.stderr


DISCUSSION = {QuestionType.EVIDENCE, QuestionType.EXPLAIN}


def no_findings(text: str, path: Path) -> set[QuestionType]:
    """The kinds of the starter's examples, after checking it has no finding."""
    deck, findings = read_deck(path, text.encode("utf-8"))
    assert findings == [], "\n".join(map(str, findings)) + "\n\n" + text
    assert deck is not None
    kinds = [q.type for q in deck.questions]
    assert len(kinds) == len(set(kinds))  # one example of each
    # The eight answer kinds always; the discussion kinds only where the text has paragraphs.
    assert set(QuestionType) - DISCUSSION <= set(kinds)
    return set(kinds)


# -- the real command -----------------------------------------------------------------------


def test_new_without_source_passes_check(bq, tmp_path: Path) -> None:
    result = run(bq, "new", "reading-notes.yaml")
    assert result.returncode == 0, result.stderr
    assert "briefquiz check reading-notes.yaml" in result.stdout
    assert "briefquiz study reading-notes.yaml" in result.stdout
    assert_checks_clean(bq, "reading-notes.yaml", 8)

    text = (tmp_path / "reading-notes.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# yaml-language-server: $schema={SCHEMA_FILENAME}"
    assert "\ndeck: reading-notes " in text
    assert "\nsource:" not in text and "quote:" not in text
    deck, _ = read_deck(tmp_path / "reading-notes.yaml")
    assert deck is not None and deck.source is None
    assert json.loads((tmp_path / SCHEMA_FILENAME).read_text(encoding="utf-8")) == deck_schema()


def test_new_with_source_quotes_it_and_passes_check(bq, tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "article.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "decks").mkdir()
    result = run(bq, "new", "decks/russia.yaml", "--source", "texts/article.txt")
    assert result.returncode == 0, result.stderr
    assert_checks_clean(bq, "decks/russia.yaml", 10)

    deck, _ = read_deck(tmp_path / "decks" / "russia.yaml")
    assert deck is not None and deck.source is not None
    assert deck.source.file == (texts / "article.txt").resolve()
    assert "  file: ../texts/article.txt " in (tmp_path / "decks" / "russia.yaml").read_text(
        encoding="utf-8"
    )
    # The caption, time stamp, editor's note and dateline are not the text: none is quoted.
    assert "the text seems to start at line 9, after a time stamp" in result.stdout
    assert deck.source.starts_at_line == 9
    source = SourceText.read(texts / "article.txt", starts_at_line=9)
    whole = SourceText.read(texts / "article.txt")
    for question in deck.questions:
        quotes = question_quotes(question)
        assert quotes, question.id
        for quote in quotes:
            assert source.locate(quote) is not None
            assert (where := whole.locate(quote)) and where.paragraph.line >= 9
    assert (tmp_path / "decks" / SCHEMA_FILENAME).exists()


def test_new_takes_the_start_it_is_given(bq, tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_bytes(SEED.read_bytes())
    result = run(bq, "new", "russia.yaml", "--source", "article.txt", "--starts-at", "5")
    assert result.returncode == 0, result.stderr
    assert "starts_at_line is 5, as given" in result.stdout
    assert_checks_clean(bq, "russia.yaml", 10)
    deck, _ = read_deck(tmp_path / "russia.yaml")
    assert deck is not None and deck.source is not None and deck.source.starts_at_line == 5


def test_new_refuses_to_overwrite_without_force(bq, tmp_path: Path) -> None:
    deck = tmp_path / "mine.yaml"
    deck.write_text("my precious work\n", encoding="utf-8")
    result = run(bq, "new", "mine.yaml")
    assert result.returncode == 1
    assert "mine.yaml already exists; use --force" in result.stderr
    assert "Traceback" not in result.stderr
    assert deck.read_text(encoding="utf-8") == "my precious work\n"

    forced = run(bq, "new", "mine.yaml", "--force")
    assert forced.returncode == 0, forced.stderr
    assert_checks_clean(bq, "mine.yaml", 8)


def test_new_adds_yaml_suffix_and_rejects_others(bq, tmp_path: Path) -> None:
    assert run(bq, "new", "plain").returncode == 0
    assert (tmp_path / "plain.yaml").exists()
    wrong = run(bq, "new", "deck.txt")
    assert wrong.returncode == 2
    assert ".yaml or .yml" in wrong.stderr
    assert not (tmp_path / "deck.txt").exists()


def test_new_gives_a_free_deck_id_when_the_name_is_taken(bq, tmp_path: Path) -> None:
    result = run(bq, "new", "biden-russia-people.yaml")
    assert result.returncode == 0, result.stderr
    assert "taken" in result.stdout
    text = (tmp_path / "biden-russia-people.yaml").read_text(encoding="utf-8")
    assert "\ndeck: biden-russia-people-2 " in text
    assert_checks_clean(bq, "biden-russia-people.yaml", 8)


@pytest.mark.parametrize(
    ("content", "status", "message"),
    [
        (None, 2, "no such file"),
        (b"\xff\xfe not utf-8 \x81", 1, "not UTF-8"),
        (b"\n\n   \n", 1, "no text"),
    ],
)
def test_new_reports_a_bad_source(
    bq, tmp_path: Path, content: bytes | None, status: int, message: str
) -> None:
    if content is not None:
        (tmp_path / "text.txt").write_bytes(content)
    result = run(bq, "new", "deck.yaml", "--source", "text.txt")
    assert result.returncode == status
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "deck.yaml").exists()


# -- the text, in process ---------------------------------------------------------------------


def test_starter_without_source_has_every_type_and_no_findings(tmp_path: Path) -> None:
    # evidence needs a source's paragraphs: without one, the eight answer kinds
    kinds = no_findings(starter_deck("my-deck", "My deck"), tmp_path / "my-deck.yaml")
    assert kinds == set(QuestionType) - DISCUSSION


def test_starter_on_the_seed_has_all_ten_kinds(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_bytes(SEED.read_bytes())
    started, _ = text_after_start(SourceText.read(tmp_path / "article.txt"), None)
    source = StarterSource(started, "article.txt", "The article")
    text = starter_deck("seed", "Seed", source)
    assert no_findings(text, tmp_path / "seed.yaml") == set(QuestionType)
    deck, _ = read_deck(tmp_path / "seed.yaml", text.encode("utf-8"))
    assert deck is not None
    explain = next(q for q in deck.questions if isinstance(q, Explain))
    assert len({point.quote for point in explain.points}) == 2


ODD_TEXTS = {
    "one short line": "Hello.",
    "one paragraph": "The quick brown fox jumps over the lazy sleeping dog today.",
    "short words only": "a b c d e f g h\n\ni j k l m n o p\n",
    "braces": "The {{template}} engine renders {curly} braces everywhere in output files.\n",
    "cyrillic": "Москва является столицей России и крупнейшим городом страны.\n\n"
    "Санкт-Петербург был столицей империи почти двести лет подряд.",
    "colons and hashes": "Note: the #1 rule - keep ids: stable, always & forever, okay?\n\n"
    "- a list item that looks like YAML: with a colon and more words\n\n"
    "'Quoted' \"twice\" and `ticks` in another paragraph with enough words",
    "repeated paragraphs": ("Same words in every paragraph of this text here.\n\n" * 4),
    "no sentence ends": " ".join(f"word{i}" for i in range(80)),
    "all preamble": "Photo: a lighthouse\n\nBy Ada Morrow\n\n05:28 - Source: Varn Radio\n",
    "preamble then text": "By Ada Morrow\n\nThe light was automated in 1962, the keepers said.\n",
}


@pytest.mark.parametrize("name", sorted(ODD_TEXTS))
def test_starter_with_an_odd_source_has_no_findings(tmp_path: Path, name: str) -> None:
    source_file = tmp_path / "text.txt"
    source_file.write_text(ODD_TEXTS[name], encoding="utf-8")
    for start in (1, None):  # as given, and where the text seems to start
        started, _ = text_after_start(SourceText.read(source_file), start)
        source = StarterSource(started, "text.txt", "A text")
        no_findings(starter_deck("odd", "Odd", source), tmp_path / "odd.yaml")


_WORD = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzÉéü’'\"“”.,;:!?-#{}[]&*|>%@`"),
    min_size=1,
    max_size=12,
)
_PARAGRAPH = st.lists(_WORD, min_size=1, max_size=40).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(_PARAGRAPH, min_size=1, max_size=6))
def test_starter_with_any_source_has_no_errors(
    tmp_path_factory: pytest.TempPathFactory, paragraphs: list[str]
) -> None:
    folder = tmp_path_factory.mktemp("any")
    source_file = folder / "text.txt"
    source_file.write_text("\n\n".join(paragraphs), encoding="utf-8")
    started, _ = text_after_start(SourceText.read(source_file), None)
    source = StarterSource(started, "text.txt", "A text")
    no_findings(starter_deck("any", "Any", source), folder / "any.yaml")


def test_schema_beside_is_refreshed_but_a_foreign_file_is_left_alone(tmp_path: Path) -> None:
    from briefquiz.authoring.files import ensure_schema_beside

    deck = tmp_path / "deck.yaml"
    assert ensure_schema_beside(deck) == tmp_path / SCHEMA_FILENAME
    assert ensure_schema_beside(deck) is None  # already current

    stale = json.loads(schema_text())
    stale["title"] = "an older briefquiz"
    (tmp_path / SCHEMA_FILENAME).write_text(json.dumps(stale), encoding="utf-8")
    assert ensure_schema_beside(deck) is not None
    assert (tmp_path / SCHEMA_FILENAME).read_text(encoding="utf-8") == schema_text()

    (tmp_path / SCHEMA_FILENAME).write_text('{"someone": "else"}', encoding="utf-8")
    assert ensure_schema_beside(deck) is None
    assert (tmp_path / SCHEMA_FILENAME).read_text(encoding="utf-8") == '{"someone": "else"}'


def test_new_in_the_decks_folder_is_studied_by_id(bq, tmp_path: Path) -> None:
    result = run(bq, "new", "data/decks/Seminar Notes.yaml")
    assert result.returncode == 0, result.stderr
    assert "briefquiz check 'data/decks/Seminar Notes.yaml'" in result.stdout
    assert "3. briefquiz study seminar-notes" in result.stdout
    listing = run(bq, "list")
    assert "seminar-notes" in listing.stdout
