"""Editing a deck file while the app runs: the home screen follows, broken or not."""

from __future__ import annotations

import asyncio
import os
from datetime import timedelta
from pathlib import Path

from textual.widgets import DataTable, Static
from tuikit import START, AppFactory, library_of, write_deck

from briefquiz.progress.records import DeckSettings
from briefquiz.progress.repository import Store
from briefquiz.ui.tui.app import BriefquizApp


def _bump(path: Path, text: str) -> None:
    """Rewrite and move the mtime well forward, so a quick edit is never missed."""
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 5_000_000_000, before + 5_000_000_000))


async def _until(pilot_app: BriefquizApp, condition: object, seconds: float = 10.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not condition():  # type: ignore[operator]
        assert loop.time() < deadline, "the app did not pick up the change"
        await asyncio.sleep(0.05)


def _deck_titles(app: BriefquizApp) -> list[str]:
    tables = list(app.screen.query("#decks").results(DataTable))
    if not tables:
        return []  # the deck list is being rebuilt
    return [str(tables[0].get_row_at(i)[0]) for i in range(tables[0].row_count)]


async def test_an_edited_deck_reloads_and_a_broken_one_shows_its_errors(
    make_app: AppFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "decks"
    path = write_deck(folder, ("truefalse",))
    app = make_app(library_of(folder), watch_interval=0.05)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert _deck_titles(app) == ["The Lamp on Varn Head"]
        first = app.context.library

        text = path.read_text(encoding="utf-8")
        _bump(path, text.replace("title: The Lamp", "title: The Revised Lamp", 1))
        await _until(app, lambda: _deck_titles(app) == ["The Revised Lamp on Varn Head"])
        revised = app.context.library.find("varn")
        assert revised is not None and revised.title == "The Revised Lamp on Varn Head"
        # a new library replaced the old one, which still holds what it read
        original = first.find("varn")
        assert original is not None and original.title == "The Lamp on Varn Head"

        _bump(path, text.replace("type: truefalse", "type: truefals", 1))
        await _until(app, lambda: bool(app.screen.query(".broken")))
        broken = str(app.screen.query_one(".broken", Static).render())
        assert "varn.yaml:" in broken and "unknown question type 'truefals'" in broken
        assert app.context.library.find("varn") is None

        _bump(path, text)
        await _until(
            app,
            lambda: (
                not app.screen.query(".broken") and _deck_titles(app) == ["The Lamp on Varn Head"]
            ),
        )
        assert app.context.library.find("varn") is not None


async def test_an_edited_source_text_reloads_the_deck_that_quotes_it(
    make_app: AppFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "decks"
    write_deck(folder, ("truefalse",))
    source = folder / "source.txt"
    app = make_app(library_of(folder), watch_interval=0.05)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert _deck_titles(app) == ["The Lamp on Varn Head"]

        text = source.read_text(encoding="utf-8")
        quote = "every summer, from June to September"
        _bump(source, text.replace(quote, "every winter, from June to September", 1))
        await _until(app, lambda: bool(app.screen.query(".broken")))
        broken = str(app.screen.query_one(".broken", Static).render())
        assert "varn.yaml:" in broken and "quote not found in the source source.txt" in broken
        assert app.context.library.find("varn") is None

        _bump(source, text)
        await _until(app, lambda: _deck_titles(app) == ["The Lamp on Varn Head"])
        assert not app.screen.query(".broken")
        assert app.context.library.find("varn") is not None


async def test_a_reload_keeps_the_chosen_deck_and_the_scroll(
    make_app: AppFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "decks"
    write_deck(folder, ("truefalse",))
    second = write_deck(folder, ("choice",), name="second")
    for name in ("third", "fourth", "fifth", "sixth"):
        write_deck(folder, ("typed",), name=name)
    app = make_app(library_of(folder), watch_interval=0.05)
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        await pilot.press("down")  # the second deck
        table = app.screen.query_one("#decks", DataTable)
        chosen = app.context.library.decks[table.cursor_row].id
        body = app.screen.query_one("#home-body")
        body.scroll_to(y=2, animate=False)
        await pilot.pause()
        scrolled = body.scroll_y
        assert scrolled > 0
        text = second.read_text(encoding="utf-8")
        _bump(second, text.replace("Varn: second", "A renamed deck", 1))
        await _until(app, lambda: "A renamed deck" in _deck_titles(app))
        await pilot.pause()
        await pilot.pause()
        table = app.screen.query_one("#decks", DataTable)
        assert app.context.library.decks[table.cursor_row].id == chosen
        assert app.screen.query_one("#home-body").scroll_y == scrolled


async def test_a_seminar_set_from_another_process_shows_on_home(
    make_app: AppFactory, tmp_path: Path, app_store: Store
) -> None:
    folder = tmp_path / "decks"
    write_deck(folder, ("truefalse",))
    app = make_app(library_of(folder), watch_interval=0.05)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "seminar in" not in str(app.screen.query_one("#text-line", Static).render())
        with Store.open(app_store.path) as other:  # another connection, as another shell's
            other.save_settings(DeckSettings("varn", seminar_at=START + timedelta(days=3)))
        await _until(
            app, lambda: "seminar in" in str(app.screen.query_one("#text-line", Static).render())
        )
