"""Home's line about the chosen deck's text (seminar countdown, readiness across its decks,
today's work) and a deck list that stays readable at 60x20."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Static
from tuikit import START, AppFactory, library_of, write_deck

from briefquiz.clock import FixedClock
from briefquiz.progress.records import DeckSettings
from briefquiz.progress.repository import Store
from briefquiz.schedule.seminar_text import combined_readiness
from briefquiz.schedule.stats import deck_stats
from briefquiz.study.due import due_work
from briefquiz.ui.tui.widgets.footer import KeyBar

LONG = "Predictions, recommendations and the questions left open"


def library(tmp_path: Path) -> Any:
    folder = tmp_path / "decks"
    long = write_deck(folder, ("truefalse", "choice"), name="predictions-and-recommendations")
    long.write_text(
        long.read_text(encoding="utf-8").replace("Varn: predictions-and-recommendations", LONG),
        encoding="utf-8",
    )
    return library_of(write_deck(folder), write_deck(folder, ("choice", "typed"), "short"), long)


def _line(pilot: Any) -> str:
    return str(pilot.app.screen.query_one("#text-line", Static).content)


async def test_the_text_line_counts_down_to_the_seminar_with_readiness_and_today(
    tmp_path: Path, app_store: Store, app_clock: FixedClock, make_app: AppFactory
) -> None:
    decks = library(tmp_path)
    seminar = START + timedelta(days=3, hours=14, minutes=20)
    for deck in decks.decks:
        app_store.save_settings(DeckSettings(deck.id, seminar_at=seminar))
    parts = []
    for deck in decks.decks:
        ready = deck_stats(app_store, deck, app_clock).readiness
        assert ready is not None
        parts.append((len(deck.questions), ready))
    together = combined_readiness(parts)
    today = due_work(app_store, decks.decks, app_clock)
    assert together is not None and today.new
    async with make_app(decks).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        line = _line(pilot)
        assert line.startswith("The Lamp on Varn Head · seminar in 3 days 14 h (Mon 4 Mar 23:20)")
        assert f"readiness {together.if_you_keep_up * 100:.0f}% if you keep up" in line
        assert f"{together.if_you_stop * 100:.0f}% if you stop" in line
        assert f"today: {today.new} new, {today.due} due" in line
        assert line.endswith("p: plan")


async def test_without_a_seminar_the_line_says_m_sets_one_for_every_deck(
    tmp_path: Path, make_app: AppFactory
) -> None:
    async with make_app(library(tmp_path)).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert _line(pilot) == "The Lamp on Varn Head · no seminar set · m sets one for its 3 decks"


async def test_a_past_seminar_is_said_to_be_past(
    tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    decks = library(tmp_path)
    app_store.save_settings(DeckSettings("varn", seminar_at=START - timedelta(hours=2)))
    async with make_app(decks).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "the seminar was Fri 1 Mar 07:00" in _line(pilot)


@pytest.mark.parametrize("size", [(60, 20), (80, 24)], ids=["60x20", "80x24"])
async def test_home_is_readable_when_small(
    tmp_path: Path, make_app: AppFactory, size: tuple[int, int]
) -> None:
    async with make_app(library(tmp_path)).run_test(size=size) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        table = screen.query_one("#decks", DataTable)
        # Every title whole (wrapped, not cut), every column inside the screen.
        titles = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert LONG in titles
        assert table.region.right <= size[0]
        assert sum(c.get_render_width(table) for c in table.columns.values()) <= size[0] - 2
        heights = {key.value: row.height for key, row in table.rows.items()}
        assert heights["predictions-and-recommendations"] > 1  # wrapped, not cut
        assert heights["varn"] == 1
        labels = [str(column.label) for column in table.columns.values()]
        assert labels[-1] == "Ready" and ("Seminar" in labels) == (size[0] >= 80)
        # The chosen deck's id in sight, and the footer's Help and Quit.
        detail = screen.query_one("#deck-detail", Static)
        assert str(detail.content).startswith("id varn")
        assert detail.region.bottom <= size[1] - 1
        bar = screen.query_one(KeyBar)
        keys = {placed.key.action: placed for placed in bar.placed}
        for action in ("app.help", "app.quit"):
            assert 0 <= keys[action].start < keys[action].end <= size[0] == bar.region.width


@pytest.mark.parametrize("size", [(100, 30), (80, 24), (60, 20)], ids=["100x30", "80x24", "60x20"])
def test_snapshot_home_with_a_seminar(
    snap_compare: Any,
    tmp_path: Path,
    app_store: Store,
    make_app: AppFactory,
    size: tuple[int, int],
) -> None:
    decks = library(tmp_path)
    for deck in decks.decks:
        app_store.save_settings(
            DeckSettings(deck.id, seminar_at=START + timedelta(days=3, hours=5))
        )
    assert snap_compare(make_app(decks), terminal_size=size)
