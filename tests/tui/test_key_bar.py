"""The key bar at the foot of each screen: what it shows, what a click does, how it narrows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.pilot import Pilot
from tuikit import AppFactory, library_of, write_deck

from briefquiz.ui.tui.app import BriefquizApp
from briefquiz.ui.tui.screens.help import HelpScreen
from briefquiz.ui.tui.widgets.footer import KeyBar, bar_keys


def bar(pilot: Pilot[Any]) -> KeyBar:
    return pilot.app.screen.query_one(KeyBar)


@pytest.fixture
def home(tmp_path: Path, make_app: AppFactory) -> Callable[[], BriefquizApp]:
    """The app on its home screen, one deck of one choice question in its library."""
    library = library_of(write_deck(tmp_path / "decks", ("choice",)))
    return lambda: make_app(library)


def line(pilot: Pilot[Any]) -> str:
    """The bar's line as drawn on the screen (not as it would draw itself now)."""
    return bar(pilot).render_line(0).text


async def test_home_shows_its_keys_in_order_and_the_palette_at_the_right_end(
    home: Callable[[], BriefquizApp],
) -> None:
    async with home().run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown = line(pilot)
        assert shown.startswith(" ? Help  q Quit  a Study all due  c Cram  s Stats ")
        assert shown.endswith("▏^p palette ") and len(shown) == 100
        keys, palette = bar_keys(pilot.app.screen)
        assert palette is not None
        assert [p.key for p in bar(pilot).placed] == [*keys, palette]


async def test_a_narrow_bar_leaves_out_whole_keys_never_half_of_one(
    home: Callable[[], BriefquizApp],
) -> None:
    async with home().run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        keys, _ = bar_keys(pilot.app.screen)
        placed = [p.key for p in bar(pilot).placed][:-1]  # the palette's key is last
        assert 3 <= len(placed) < len(keys)
        assert placed == keys[: len(placed)]  # the first ones, Help and Quit among them
        shown = line(pilot)
        assert len(shown) == 60
        for key in keys[len(placed) :]:
            assert key.description[:3] not in shown, key  # not even a part of it


async def test_a_click_on_a_key_presses_it(home: Callable[[], BriefquizApp]) -> None:
    async with home().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        help_key = next(p for p in bar(pilot).placed if p.key.action == "app.help")
        assert await pilot.click(KeyBar, offset=(help_key.start + 1, 0))
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)


async def test_the_key_under_the_mouse_is_lit(home: Callable[[], BriefquizApp]) -> None:
    async with home().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        quit_key = next(p for p in bar(pilot).placed if p.key.action == "app.quit")

        def style_at(x: int) -> object:
            rendered = bar(pilot).render()
            assert isinstance(rendered, Text)
            return rendered.get_style_at_offset(pilot.app.console, x)

        other = quit_key.end + 1  # inside the next key
        before = style_at(quit_key.start + 1), style_at(other)
        await pilot.hover(KeyBar, offset=(quit_key.start + 1, 0))
        await pilot.pause()
        assert style_at(quit_key.start + 1) != before[0]
        assert style_at(other) == before[1]


class Locked(App[None]):
    """A screen with one key its check_action disables (None: shown, dimmed)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "open", "Open"),
        Binding("y", "locked", "Locked"),
    ]
    opened = 0
    hide_open = False

    def compose(self) -> ComposeResult:
        yield KeyBar()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "locked":
            return None
        return not (action == "open" and self.hide_open)

    def action_open(self) -> None:
        self.opened += 1

    def action_locked(self) -> None:
        raise AssertionError("a disabled key ran")


async def test_a_disabled_key_is_dimmed_and_its_click_only_rings_the_bell() -> None:
    app = Locked()
    bells: list[None] = []
    app.bell = lambda: bells.append(None)  # type: ignore[method-assign]
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        placed = {p.key.description: p for p in bar(pilot).placed}
        rendered = bar(pilot).render()
        assert isinstance(rendered, Text)
        locked_style = rendered.get_style_at_offset(app.console, placed["Locked"].start + 1)
        open_style = rendered.get_style_at_offset(app.console, placed["Open"].start + 1)
        assert locked_style.dim and not open_style.dim
        await pilot.click(KeyBar, offset=(placed["Locked"].start + 1, 0))
        await pilot.click(KeyBar, offset=(placed["Open"].start + 1, 0))
        await pilot.pause()
        assert (app.opened, len(bells)) == (1, 1)


async def test_the_bar_follows_the_keys_its_screen_offers_now() -> None:
    app = Locked()
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        assert "x Open" in line(pilot)
        app.hide_open = True
        app.refresh_bindings()
        await pilot.pause()
        assert "Open" not in line(pilot) and "y Locked" in line(pilot)
        app.hide_open = False
        app.refresh_bindings()
        await pilot.pause()
        assert line(pilot).startswith(" x Open  y Locked ")
