"""All progress as one JSON file, and back: reading the file and saying what an import did.

The merging itself is `Store.import_json`: reviews are de-duplicated by their uid, nothing is
deleted, a card state is taken only when it is newer than the one here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from briefquiz.deck.reading import DATA_LIMIT, read_regular
from briefquiz.progress.records import ImportSummary
from briefquiz.text.words import and_list, plural


class ProgressFileError(Exception):
    """The file cannot be read as exported progress; the message says why, for people."""


def progress_text(exported: dict[str, Any]) -> str:
    """`Store.export_json()` as the text of a progress file."""
    return json.dumps(exported, indent=1, ensure_ascii=False) + "\n"


def describe_export(exported: dict[str, Any]) -> str:
    cards = exported.get("cards", [])
    decks = {card["deck_id"] for card in cards}
    reviews = len(exported.get("reviews", []))
    return (
        f"{plural(reviews, 'review')} of {plural(len(cards), 'question')}"
        f" in {plural(len(decks), 'deck')}"
    )


def read_progress_file(path: Path) -> Any:
    """The parsed JSON of an exported progress file."""
    try:
        data = read_regular(path, DATA_LIMIT)
    except FileNotFoundError:
        raise ProgressFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ProgressFileError(f"{path} is a folder, not an exported progress file") from None
    except OSError as err:
        raise ProgressFileError(f"{path}: cannot be read: {err.strerror or err}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ProgressFileError(
            f"{path} is not a progress file (not UTF-8 text); "
            "make one with: briefquiz export progress -o FILE.json"
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise ProgressFileError(
            f"{path}:{err.lineno}:{err.colno}: not valid JSON ({err.msg}); nothing was imported"
        ) from None
    except RecursionError:
        raise ProgressFileError(
            f"{path}: not a progress file (nested too deeply); nothing was imported"
        ) from None
    except ValueError:  # Python's limit on the digits of an integer
        raise ProgressFileError(
            f"{path}: not a progress file (a number with thousands of digits); nothing was imported"
        ) from None


def describe_import(summary: ImportSummary) -> str:
    """What an import changed, as one sentence."""
    if (
        summary.reviews_added == 0
        and summary.cards_taken == 0
        and summary.questions_added == 0
        and summary.settings_added == 0
        and summary.seminars_added == 0
        and summary.study_settings_taken == 0
    ):
        if summary.reviews_skipped == 0:
            return "Nothing to import: the file holds no progress."
        return (
            "Nothing new: all "
            + plural(summary.reviews_skipped, "review was", "reviews were")
            + " already here."
        )
    parts = [plural(summary.reviews_added, "new review")]
    if summary.reviews_skipped:
        parts[0] += f" ({summary.reviews_skipped} already here)"
    parts.append(
        plural(summary.cards_taken, "question's schedule", "questions' schedules") + " taken"
    )
    if summary.cards_kept:
        parts[-1] += f" ({summary.cards_kept} kept: yours were as recent or more)"
    if summary.questions_added:
        parts.append(plural(summary.questions_added, "question") + " new to you")
    if summary.settings_added:
        parts.append(plural(summary.settings_added, "deck's settings", "decks' settings"))
    if summary.seminars_added:
        parts.append(plural(summary.seminars_added, "seminar"))
    if summary.study_settings_taken:
        parts.append(plural(summary.study_settings_taken, "study setting"))
    return f"Imported {and_list(parts)}."
