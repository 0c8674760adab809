"""Helpers for the app tests: the varn test deck, a library of deck files, a fake monotonic."""

from __future__ import annotations

import functools
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path, PurePath
from typing import Any, ClassVar

import yaml
from textual.app import App
from textual.screen import Screen

from briefquiz.deck.library import Library, load_library
from briefquiz.ui.tui.app import SHEETS, BriefquizApp

HERE = Path(__file__).parent
SOURCE = HERE.parent / "fixtures" / "decks" / "source.txt"
START = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
AppFactory = Callable[..., BriefquizApp]
TYPES = ("flashcard", "choice", "multi", "truefalse", "typed", "cloze", "order", "match")


class Ticker:
    """A monotonic clock for answer durations: each reading is 4 s after the last."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 4.0
        return self.now


def write_deck(folder: Path, types: tuple[str, ...] = (), name: str = "varn") -> Path:
    """The varn deck (only the questions of `types`, when given) with its source text."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SOURCE, folder / "source.txt")
    path = folder / f"{name}.yaml"
    path.write_text(_deck_text(types, name), encoding="utf-8")
    return path


@functools.cache
def _deck_text(types: tuple[str, ...], name: str) -> str:
    """Made once a process: the app tests write the same deck about 180 times, and PyYAML's
    own loader and dumper took 50 ms of CPU each time."""
    data = yaml.safe_load((HERE / "varn.yaml").read_text(encoding="utf-8"))
    if types:
        data["questions"] = [q for q in data["questions"] if q["type"] in types]
    if name != "varn":
        data["deck"] = name
        data["title"] = f"Varn: {name}"
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def library_of(*paths: Path) -> Library:
    return load_library([(path, False) for path in paths])


class ScreenHost(App[None]):
    """A bare app with the app's sheets that pushes one screen and keeps what it is dismissed
    with."""

    CSS_PATH: ClassVar[list[str | PurePath]] = list(SHEETS)

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self._screen = screen
        self.results: list[Any] = []

    def on_mount(self) -> None:
        self.push_screen(self._screen, self.results.append)
