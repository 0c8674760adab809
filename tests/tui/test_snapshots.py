"""Screenshots of the app's own screens, compared with the accepted ones in __snapshots__/.

Deterministic: a fixed clock, a seeded shuffle, no fuzz, 4 s per answer, paths relative to
tmp_path. Regenerate after a deliberate change with `pytest tests/tui --snapshot-update` and
look at the new SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from driving import answer, type_text
from textual.pilot import Pilot
from textual.widgets import Input
from tuikit import START, TYPES, AppFactory, library_of, write_deck

from briefquiz.progress.records import DeckSettings
from briefquiz.progress.repository import Store

SnapCompare = Callable[..., bool]
Steps = Callable[[Pilot[Any]], Awaitable[None]]


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


def home_library(tmp_path: Path, app_store: Store) -> Any:
    decks = tmp_path / "decks"
    write_deck(decks)
    write_deck(decks, ("choice", "typed"), name="varn-short")
    (decks / "broken.yaml").write_text("deck: broken\ntitle: [unclosed\n", encoding="utf-8")
    app_store.save_settings(DeckSettings("varn", seminar_at=START + timedelta(days=3, hours=5)))
    return library_of(decks)


def test_home(
    snap_compare: SnapCompare, tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    app = make_app(home_library(tmp_path, app_store))
    assert snap_compare(app, terminal_size=(100, 30), run_before=settle)


def test_home_small(
    snap_compare: SnapCompare, tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    app = make_app(home_library(tmp_path, app_store))
    assert snap_compare(app, terminal_size=(60, 20), run_before=settle)


@pytest.mark.parametrize("kind", TYPES)
def test_question(
    snap_compare: SnapCompare, tmp_path: Path, make_app: AppFactory, kind: str
) -> None:
    library = library_of(write_deck(tmp_path / "decks", (kind,)))
    app = make_app(library, decks=library.decks)
    assert snap_compare(app, terminal_size=(100, 30), run_before=settle)


async def _partly_right_cloze(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await type_text(pilot, "clock")
    await pilot.press("tab")
    await type_text(pilot, "went")
    await pilot.press("enter")
    await settle(pilot)


SIZES = {"100x30": (100, 30), "80x24": (80, 24), "60x20": (60, 20)}


@pytest.mark.parametrize("size", SIZES)
def test_feedback(
    snap_compare: SnapCompare, tmp_path: Path, make_app: AppFactory, size: str
) -> None:
    library = library_of(write_deck(tmp_path / "decks", ("cloze",)))
    app = make_app(library, decks=library.decks)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=_partly_right_cloze)


async def _wrong(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await answer(pilot, right=False)
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", TYPES)
def test_feedback_wrong(
    snap_compare: SnapCompare, tmp_path: Path, make_app: AppFactory, kind: str, size: str
) -> None:
    """Each kind answered wrong (a flashcard rated Again), at each size: the verdict and the
    keys in the bar, the quote under the answer."""
    library = library_of(write_deck(tmp_path / "decks", (kind,)))
    app = make_app(library, decks=library.decks)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=_wrong)


async def _three_answers_then_stop(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    for right in (True, False, False):
        await answer(pilot, right)
        await pilot.press("enter")
        await pilot.pause()
    await pilot.press("escape", "y")
    await settle(pilot)


def test_summary(
    snap_compare: SnapCompare, tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    library = library_of(write_deck(tmp_path / "decks", ("choice", "truefalse", "typed", "order")))
    app_store.save_settings(DeckSettings("varn", seminar_at=START + timedelta(days=2)))
    app = make_app(library, decks=library.decks)
    assert snap_compare(app, terminal_size=(100, 30), run_before=_three_answers_then_stop)
