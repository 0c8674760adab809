"""`import progress` of files built to break the store: a located message, nothing changed."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from briefquiz.progress.repository import Store

BASE: dict[str, Any] = {
    "format": "briefquiz-progress",
    "version": 1,
    "questions": [],
    "cards": [
        {
            "deck_id": "d",
            "question_id": "q",
            "state": 2,
            "step": None,
            "stability": 3.0,
            "difficulty": 5.0,
            "due": "2025-03-05T08:00:00+00:00",
            "last_review": "2025-03-03T08:00:00+00:00",
        }
    ],
    "reviews": [
        {
            "uid": "u1",
            "deck_id": "d",
            "question_id": "q",
            "reviewed_at": "2025-03-03T08:00:00+00:00",
            "rating": 3,
            "outcome": "right",
            "answer": True,
            "duration_ms": 1000,
            "cram": False,
            "replaces": None,
        }
    ],
    "settings": [{"deck_id": "d", "desired_retention": 0.9, "new_per_day": 20, "seminar_at": None}],
}
DEEP = "[" * 5000 + "]" * 5000


def variant(section: str, key: str, value: Any) -> str:
    data = copy.deepcopy(BASE)
    data[section][0][key] = value
    return json.dumps(data)


HOSTILE: dict[str, tuple[str, str]] = {
    # name: (file text, what the message names)
    "due-year-0": (variant("cards", "due", "0001-01-01T00:00:00+14:00"), "cards[0].due: "),
    "due-year-10000": (variant("cards", "due", "9999-12-31T23:59:59-14:00"), "cards[0].due: "),
    "last-review-year-1": (
        variant("cards", "last_review", "0001-01-01T00:00:00+00:00"),
        "cards[0].last_review: ",
    ),
    "step-too-large": (variant("cards", "step", 10**23), "cards[0].step: "),
    "duration-too-large": (variant("reviews", "duration_ms", 2**70), "reviews[0].duration_ms: "),
    "new-per-day-too-large": (
        variant("settings", "new_per_day", 2**64),
        "settings[0].new_per_day: ",
    ),
    "stability-huge": (variant("cards", "stability", 1e300), "cards[0].stability: "),
    "retention-one": (
        variant("settings", "desired_retention", 1.0),
        "settings[0]: desired_retention must be between 0 and 1",
    ),
    "answer-5000-deep": (variant("reviews", "answer", "X").replace('"X"', DEEP), "nested"),
    "answer-100-deep": (
        variant("reviews", "answer", "X").replace('"X"', "[" * 100 + "]" * 100),
        "reviews[0].answer: nested",
    ),
    "answer-too-long": (variant("reviews", "answer", "a" * 200_000), "reviews[0].answer: longer"),
    "5000-digits": (
        variant("reviews", "duration_ms", 1).replace(
            '"duration_ms": 1', '"duration_ms": ' + "9" * 5000
        ),
        "digits",
    ),
    "reviewed-year-9999": (
        variant("reviews", "reviewed_at", "9999-12-31T23:59:59+00:00"),
        "reviews[0].reviewed_at: ",
    ),
    "id-of-a-megabyte": (variant("cards", "deck_id", "x" * 1_000_000), "cards[0].deck_id: longer"),
    "uid-a-list": (variant("reviews", "uid", [1, 2]), "reviews[0].uid: "),
    "version-a-string": (json.dumps({**BASE, "version": "2"}), "version: "),
    "top-level-5000-deep": (DEEP, "nested"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_progress_file_is_refused_and_changes_nothing(
    bq: Any, tmp_path: Path, name: str
) -> None:
    text, where = HOSTILE[name]
    data = tmp_path / "data"
    good = tmp_path / "good.json"
    good.write_text(json.dumps(BASE))
    assert bq.run("import", "progress", good, data=data).returncode == 0
    with Store.open(data / "progress.sqlite3") as store:
        before = store.export_json()
    backups = sorted((data / "backups").iterdir())

    bad = tmp_path / f"{name}.json"
    bad.write_text(text)
    result = bq.run("import", "progress", bad, data=data)
    assert result.returncode == 1
    assert f"{name}.json: " in result.stderr
    assert where in result.stderr
    assert "Traceback" not in result.stderr
    with Store.open(data / "progress.sqlite3") as store:
        assert store.export_json() == before
    assert sorted((data / "backups").iterdir()) == backups
    assert bq.run("stats", data=data).returncode == 0
