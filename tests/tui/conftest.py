"""Fixtures for the app tests: a real store in tmp_path, a fixed clock, an app factory.

The names start with `app_` so that they never shadow the engine fixtures of tests/conftest.py.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from idle_wait import shorten_idle_waits
from shared_css import share_parsed_css
from tuikit import START, AppFactory, Ticker

from briefquiz.clock import FixedClock
from briefquiz.deck.library import Library
from briefquiz.progress.repository import Store
from briefquiz.schedule.planner import Planner
from briefquiz.ui.tui.app import BriefquizApp, create_app

share_parsed_css()
shorten_idle_waits()


@pytest.fixture
def app_store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "p.sqlite3") as opened:
        yield opened


@pytest.fixture
def app_clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def app_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data dir of its own and tmp_path as the working folder (short, stable paths)."""
    folder = tmp_path / "data"
    monkeypatch.setenv("BRIEFQUIZ_DATA_DIR", str(folder))
    monkeypatch.chdir(tmp_path)
    return folder


@pytest.fixture
def make_app(app_store: Store, app_clock: FixedClock, app_home: Path) -> AppFactory:
    """create_app with the test store and clock, a seeded rng, no fuzz, 4 s per answer."""

    def make(library: Library, **kwargs: object) -> BriefquizApp:
        return create_app(
            store=app_store,
            library=library,
            clock=app_clock,
            rng=random.Random(7),
            planner=Planner(fuzz=False),
            monotonic=Ticker(),
            **kwargs,  # type: ignore[arg-type]
        )

    return make
