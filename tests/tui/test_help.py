"""The help screen and its key table."""

from __future__ import annotations

from typing import Any

import pytest
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static
from tuikit import ScreenHost

from briefquiz.ui.tui.screens.article import ArticleScreen
from briefquiz.ui.tui.screens.help import (
    KEYMAP,
    HelpScreen,
    key_column_width,
    key_label,
    keys_for,
)
from briefquiz.ui.tui.screens.stats import StatsScreen
from briefquiz.ui.tui.widgets.keylist import KeyList


def _binding_keys(screen: type[Screen[Any]]) -> set[str]:
    keys: set[str] = set()
    for binding in screen.BINDINGS:
        assert isinstance(binding, Binding)
        keys.update(key.strip() for key in binding.key.split(","))
    return keys


def _rows(screen: Screen[Any]) -> list[tuple[str, str]]:
    return [row for keys in screen.query(KeyList) for row in keys.rows]


def _shown(keys: KeyList) -> list[str]:
    """The lines the list draws (inside its padding), as the terminal shows them."""
    return [keys.render_line(y).text.rstrip() for y in range(keys.size.height)]


async def test_every_key_of_every_screen_is_listed() -> None:
    app = ScreenHost(HelpScreen())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        titles = [str(s.content) for s in screen.query(".help--section").results(Static)]
        assert titles == [section.title for section in KEYMAP]
        expected = [(entry.shown, entry.does) for section in KEYMAP for entry in section.keys]
        assert _rows(screen) == expected
        # Drawn as a column of keys, and what they do beside them (wrapped under the second
        # column when long):
        first = screen.query(KeyList).first()
        lines = _shown(first)
        width = key_column_width(KEYMAP)
        for keys, does in first.rows:
            [line] = [line for line in lines if line.startswith(keys + " ")]
            assert line[width:].startswith(does.split()[0]), line
        wrapped = [line for line in lines if line.startswith(" ")]
        assert wrapped and all(line[:width].strip() == "" for line in wrapped)
        assert len(lines) == len(first.rows) + len(wrapped)
        shown = {keys for keys, _ in _rows(screen)}
        for needed in ("Enter", "a", "c", "s", "r", "?", "q", "Space", "Tab", "o", "Esc", "1–4"):
            assert any(needed in keys.split() for keys in shown), needed


async def test_the_current_screen_comes_first() -> None:
    app = ScreenHost(HelpScreen(current="study"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first = app.screen.query(".help--section").first(Static)
        assert str(first.content) == keys_for("study").title
        assert first.region.y < app.size.height


@pytest.mark.parametrize("key", ["escape", "question_mark", "q"])
async def test_escape_question_mark_and_q_close(key: str) -> None:
    app = ScreenHost(HelpScreen())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press(key)
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        assert app.results == [None]


async def test_small_terminal_scrolls_the_list() -> None:
    app = ScreenHost(HelpScreen())
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        body = app.screen.query_one("#help-body", VerticalScroll)
        assert body.max_scroll_y > 0
        assert body.max_scroll_x == 0
        assert app.screen.query_one("#help-hint", Static).region.bottom <= 20
        await pilot.press("end")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y


def test_keymap_names_screens_once_and_keys_are_textual_names() -> None:
    names = [section.screen for section in KEYMAP]
    assert len(names) == len(set(names))
    assert {"home", "study", "summary", "article", "stats", "global"} <= set(names)
    for section in KEYMAP:
        for entry in section.keys:
            assert entry.keys and entry.does
            for key in entry.keys:
                assert key == key.lower() and " " not in key and key != "?", key


def test_article_and_stats_bindings_agree_with_the_keymap() -> None:
    assert _binding_keys(ArticleScreen) == keys_for("article").key_names
    stats_keys = keys_for("stats").key_names
    assert _binding_keys(StatsScreen) <= stats_keys
    assert stats_keys - _binding_keys(StatsScreen) <= {"up", "down", "pageup", "pagedown"}
    # q closes the help too, rather than reaching the app's quit binding.
    assert _binding_keys(HelpScreen) - {"q"} <= keys_for("global").key_names


def _bound_in_module(module_name: str) -> set[str]:
    """The keys bound by every class a module defines (skips while the module is missing)."""
    module = pytest.importorskip(module_name)
    keys: set[str] = set()
    for value in vars(module).values():
        if isinstance(value, type) and value.__module__ == module_name:
            for binding in getattr(value, "BINDINGS", ()):
                key = binding.key if isinstance(binding, Binding) else binding[0]
                keys.update(k.strip() for k in key.split(","))
    return keys


@pytest.mark.parametrize(
    ("module", "screen"),
    [
        ("briefquiz.ui.tui.app", "home"),
        ("briefquiz.ui.tui.screens.home", "home"),
        ("briefquiz.ui.tui.screens.summary", "summary"),
        ("briefquiz.ui.tui.screens.study", "study"),
        ("briefquiz.ui.tui.widgets.feedback", "study"),
        ("briefquiz.ui.tui.widgets.flashcard", "study"),
        ("briefquiz.ui.tui.widgets.match", "study"),
        ("briefquiz.ui.tui.widgets.order", "study"),
        ("briefquiz.ui.tui.widgets.rows", "study"),
        ("briefquiz.ui.tui.widgets.cloze", "study"),
        ("briefquiz.ui.tui.widgets.multi", "study"),
    ],
)
def test_app_bindings_are_in_the_keymap(module: str, screen: str) -> None:
    """Every key the app binds is explained in the help, under its screen or "Everywhere"."""
    documented = keys_for(screen).key_names | keys_for("global").key_names
    assert _bound_in_module(module) <= documented


def test_key_labels() -> None:
    assert key_label("question_mark") == "?"
    assert key_label("enter") == "Enter"
    assert key_label("shift+up") == "Shift+↑"
    assert key_label("left_square_bracket") == "["
    assert key_label("z") == "z"
    with pytest.raises(KeyError):
        keys_for("nowhere")
