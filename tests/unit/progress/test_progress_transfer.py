"""`briefquiz export progress` / `import progress`: the same numbers on the other side."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fsrs import Rating

from answers import Answers
from briefquiz.authoring.progress_transfer import describe_import
from briefquiz.clock import FixedClock
from briefquiz.deck.bundled import bundled_decks_dir
from briefquiz.deck.model import (
    Deck,
)
from briefquiz.deck.validate import read_deck
from briefquiz.progress.records import DeckSettings, ImportSummary
from briefquiz.progress.repository import Store
from briefquiz.schedule.recall import predicted_recall
from briefquiz.schedule.stats import deck_stats
from briefquiz.study.session import Session

START = datetime(2025, 3, 3, 8, 0, tzinfo=UTC)


def bundled() -> list[Deck]:
    decks = []
    for path in sorted(bundled_decks_dir().glob("*.yaml")):
        deck, _ = read_deck(path, bundled=True)
        assert deck is not None
        decks.append(deck)
    return decks


def run(bq: Any, data_dir: Path, *args: str | Path) -> Any:
    return bq.run(*args, data=data_dir)


def study(store: Store, decks: list[Deck], clock: FixedClock, days: int, seed: int) -> None:
    """A few days of sessions, mostly right, some wrong, some re-rated, one cram."""
    rng = random.Random(seed)
    for day in range(days):
        clock.set(START + timedelta(days=day, hours=rng.randint(0, 10)))
        session = Session(store, decks, clock, cram=day == days - 1, limit=40, rng=rng)
        while not session.finished:
            item = session.current
            assert item is not None
            question = item.question
            right = rng.random() < 0.75
            answer = Answers.right(question) if right else Answers.wrong(question)
            session.answer(answer, rng.randint(0, 9000))
            if rng.random() < 0.1:
                session.rerate(Rating.Easy)
            clock.advance(timedelta(seconds=rng.randint(5, 60)))
            session.advance()


def snapshot(store: Store, decks: list[Deck], clock: FixedClock) -> dict[str, object]:
    later = clock.now() + timedelta(days=3, hours=5)
    return {
        deck.id: {
            "stats": deck_stats(store, deck, clock).to_json(),
            "recall": {
                qid: (predicted_recall(card, clock.now()), predicted_recall(card, later))
                for qid, card in sorted(store.cards(deck.id).items())
            },
        }
        for deck in decks
    }


def test_export_then_import_gives_the_same_stats_and_recall(bq, tmp_path: Path) -> None:
    decks = bundled()
    home, away = tmp_path / "home", tmp_path / "away"
    clock = FixedClock(START)
    with Store.open(home / "progress.sqlite3") as store:
        study(store, decks, clock, days=6, seed=7)
        store.save_settings(
            DeckSettings(decks[0].id, 0.85, 12, seminar_at=START + timedelta(days=12))
        )
        clock.set(START + timedelta(days=7))
        before = snapshot(store, decks, clock)
        reviews_at_home = len(store.export_json()["reviews"])
    assert reviews_at_home > 100

    exported = run(bq, home, "export", "progress", "-o", tmp_path / "progress.json")
    assert exported.returncode == 0, exported.stderr
    assert f"{reviews_at_home} reviews" in exported.stderr

    imported = run(bq, away, "import", "progress", tmp_path / "progress.json")
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith(f"Imported {reviews_at_home} new reviews")
    assert "backups" in imported.stdout
    with Store.open(away / "progress.sqlite3") as store:
        assert snapshot(store, decks, clock) == before
        after_first = store.export_json()

    again = run(bq, away, "import", "progress", tmp_path / "progress.json")
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith(f"Nothing new: all {reviews_at_home} reviews were already here.")
    with Store.open(away / "progress.sqlite3") as store:
        assert store.export_json() == after_first
        assert snapshot(store, decks, clock) == before


def test_import_merges_and_deletes_nothing(bq, tmp_path: Path) -> None:
    decks = bundled()
    home, away = tmp_path / "home", tmp_path / "away"
    with Store.open(home / "progress.sqlite3") as store:
        study(store, decks[:2], FixedClock(START), days=2, seed=1)
    with Store.open(away / "progress.sqlite3") as store:
        study(store, decks[1:], FixedClock(START + timedelta(hours=1)), days=2, seed=2)
        own = {r["uid"] for r in store.export_json()["reviews"]}

    assert run(bq, home, "export", "progress", "-o", tmp_path / "p.json").returncode == 0
    # stdout works as well as -o
    printed = run(bq, home, "export", "progress")
    assert json.loads(printed.stdout) == json.loads((tmp_path / "p.json").read_text("utf-8"))

    result = run(bq, away, "import", "progress", tmp_path / "p.json")
    assert result.returncode == 0, result.stderr
    theirs = {r["uid"] for r in json.loads((tmp_path / "p.json").read_text("utf-8"))["reviews"]}
    with Store.open(away / "progress.sqlite3") as store:
        merged = {r["uid"] for r in store.export_json()["reviews"]}
    assert merged == own | theirs


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00", "not UTF-8"),
        (b'{"format": "something-else"}', "bad.json: format: expected"),
        (
            b'{"format": "briefquiz-progress", "version": 1, "cards": [], "reviews": [{}]}',
            "reviews[0]",
        ),
    ],
)
def test_a_bad_file_is_refused_with_a_message(
    bq, tmp_path: Path, content: bytes | None, message: str
) -> None:
    data = tmp_path / "data"
    if content is not None:
        (tmp_path / "bad.json").write_bytes(content)
    result = run(bq, data, "import", "progress", tmp_path / "bad.json")
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (data / "backups").exists() or not any((data / "backups").iterdir())


def test_summary_sentences() -> None:
    assert describe_import(ImportSummary()) == "Nothing to import: the file holds no progress."
    assert describe_import(ImportSummary(reviews_skipped=3)) == (
        "Nothing new: all 3 reviews were already here."
    )
    assert describe_import(
        ImportSummary(
            questions_added=2,
            cards_taken=1,
            cards_kept=4,
            reviews_added=1,
            reviews_skipped=5,
            settings_added=1,
        )
    ) == (
        "Imported 1 new review (5 already here), 1 question's schedule taken (4 kept: yours"
        " were as recent or more), 2 questions new to you and 1 deck's settings."
    )
    assert describe_import(ImportSummary(seminars_added=2, study_settings_taken=1)) == (
        "Imported 0 new reviews, 0 questions' schedules taken, 2 seminars and 1 study setting."
    )
