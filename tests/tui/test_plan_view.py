"""The plan view: `p` on home (and the palette) shows the text's day-by-day plan from the
core's `text_plan`, readiness if followed and what skipping a day costs; it scrolls."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Static
from tuikit import START, AppFactory, library_of, write_deck

from briefquiz.clock import FixedClock
from briefquiz.progress.records import DeckSettings
from briefquiz.progress.repository import Store
from briefquiz.schedule.text_plan import text_plan
from briefquiz.ui.tui.screens.help import keys_for
from briefquiz.ui.tui.screens.plan import PlanScreen
from briefquiz.ui.wording.plan import day_name, day_row

SEMINAR = START + timedelta(days=5)


def two_decks(tmp_path: Path) -> Any:
    folder = tmp_path / "decks"
    return library_of(write_deck(folder), write_deck(folder, ("choice", "typed"), name="short"))


def _text(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


@pytest.fixture
def planned(tmp_path: Path, app_store: Store) -> Any:
    library = two_decks(tmp_path)
    for deck in library.decks:
        app_store.save_settings(DeckSettings(deck.id, seminar_at=SEMINAR))
    return library


async def test_p_shows_the_plan_of_every_deck_of_the_text(
    planned: Any, app_store: Store, app_clock: FixedClock, make_app: AppFactory
) -> None:
    expected = text_plan(app_store, planned.decks, app_clock)
    assert expected is not None and len(expected.plans) == 2
    async with make_app(planned).run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, PlanScreen)
        assert _text(screen, "#plan-head").startswith("Seminar in 5 days (Wed 6 Mar 09:00)")
        days = _text(screen, "#plan-days").splitlines()
        assert days[1:-1] == [day_row(day, expected.today) for day in expected.days]
        assert days[-1].startswith("total")
        outlook = _text(screen, "#plan-outlook")
        assert f"follow the plan: {expected.if_followed * 100:.0f}%" in outlook
        assert expected.skip_day is not None
        assert f"If you skip {day_name(expected.skip_day, expected.today)}" in outlook
        assert "Final pass" in outlook
        decks = _text(screen, "#plan-decks")
        assert "(varn)" in decks and "(short)" in decks
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, PlanScreen)


async def test_without_a_seminar_the_plan_says_how_to_set_one(
    tmp_path: Path, make_app: AppFactory
) -> None:
    async with make_app(two_decks(tmp_path)).run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, PlanScreen)
        assert "No seminar ahead" in _text(screen, "#plan-empty")
        assert "m on the home screen" in _text(screen, "#plan-empty")


async def test_the_plan_scrolls_at_60x20_and_fits_at_80x24(
    planned: Any, make_app: AppFactory
) -> None:
    async with make_app(planned).run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        outlook = pilot.app.screen.query_one("#plan-outlook", Static)
        assert outlook.region.bottom <= 23  # the readiness lines above the footer
    async with make_app(planned).run_test(size=(60, 20)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        body = pilot.app.screen.query_one("#plan-body", VerticalScroll)
        assert body.max_scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("home")
        await pilot.pause()
        assert body.scroll_y == 0


async def test_the_palette_opens_the_plan(planned: Any, make_app: AppFactory) -> None:
    app = make_app(planned)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = {command.title: command for command in app.get_system_commands(app.screen)}
        assert "Open the plan" in titles
        titles["Open the plan"].callback()
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)


def test_the_help_lists_the_plan_keys() -> None:
    keys = {key for binding in PlanScreen.BINDINGS for key in binding.key.split(",")}  # type: ignore[union-attr]
    assert keys <= keys_for("plan").key_names
    assert "p" in keys_for("home").key_names


@pytest.mark.parametrize("size", [(100, 30), (80, 24), (60, 20)], ids=["100x30", "80x24", "60x20"])
def test_snapshot_plan(
    snap_compare: Any, planned: Any, make_app: AppFactory, size: tuple[int, int]
) -> None:
    assert snap_compare(make_app(planned), terminal_size=size, press=["p"])
