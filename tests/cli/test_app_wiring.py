"""`briefquiz` with no command starts the app with deck watching on (without running it)."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from briefquiz.cli import app as cli_app
from briefquiz.ui.tui.app import BriefquizApp


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_real_app_watches_the_deck_files(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[BriefquizApp] = []
    monkeypatch.setattr(
        cli_app, "sys", SimpleNamespace(stdin=_Terminal(), stdout=_Terminal(), stderr=sys.stderr)
    )
    monkeypatch.setattr(BriefquizApp, "run", lambda self, *a, **k: started.append(self))
    assert cli_app.run_app() == 0
    [app] = started
    assert app.watch_interval is not None and 0 < app.watch_interval <= 1
    assert app.context.library.decks  # the bundled decks, read as the real app reads them
