"""Where the app's CSS lives: screen layout in the app's sheets, widget structure in DEFAULT_CSS."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from textual.screen import Screen
from textual.widget import Widget

import briefquiz.ui.tui as tui
from briefquiz.ui.tui.app import SHEETS, BriefquizApp

PACKAGE = Path(tui.__file__).parent


def _classes() -> list[type]:
    found: list[type] = []
    for info in pkgutil.walk_packages(tui.__path__, "briefquiz.ui.tui."):
        module = importlib.import_module(info.name)
        found += [
            value
            for value in vars(module).values()
            if isinstance(value, type) and value.__module__ == info.name
        ]
    return found


def test_every_sheet_is_the_apps_and_loaded_by_it() -> None:
    assert sorted(PACKAGE.rglob("*.tcss")) == sorted(SHEETS)
    assert all(sheet.is_file() for sheet in SHEETS)
    assert list(SHEETS) == BriefquizApp.CSS_PATH


def test_no_screen_or_widget_brings_a_sheet_of_its_own() -> None:
    classes = [c for c in _classes() if issubclass(c, Screen | Widget)]
    assert any(issubclass(c, Screen) for c in classes) and len(classes) > 10
    assert [c.__name__ for c in classes if c.__dict__.get("CSS_PATH") is not None] == []
    assert [c.__name__ for c in classes if c.__dict__.get("CSS")] == []
