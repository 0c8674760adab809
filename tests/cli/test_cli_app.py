"""`briefquiz` and `briefquiz study DECK` start the real app, with the deck files watched."""

from __future__ import annotations

import io
import sys

import pytest

from briefquiz.cli import app as app_command
from briefquiz.cli import main
from briefquiz.ui.tui.app import BriefquizApp


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.usefixtures("data_dir")
@pytest.mark.parametrize("args", [[], ["study", "biden-russia-terms"]])
def test_the_app_is_started_watching_the_deck_files(
    monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    started: list[BriefquizApp] = []  # `run` records the app instead of taking the terminal
    monkeypatch.setattr(BriefquizApp, "run", lambda self, *args, **kwargs: started.append(self))
    monkeypatch.setenv("TERM", "xterm-256color")
    with monkeypatch.context() as terminal:  # pytest sets sys.stdout again for each phase
        terminal.setattr(sys, "stdin", Terminal())
        terminal.setattr(sys, "stdout", Terminal())
        status = main(args)
    assert status == 0
    [app] = started
    assert app.watch_interval is not None and app.watch_interval > 0
    assert app.watch_interval == app_command.WATCH_INTERVAL
    if args:
        assert [deck.id for deck in app.start_decks] == ["biden-russia-terms"]


@pytest.mark.usefixtures("data_dir")
@pytest.mark.parametrize("term", ["dumb", "unknown"])
def test_a_dumb_terminal_is_told_to_use_plain(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], term: str
) -> None:
    started: list[BriefquizApp] = []
    monkeypatch.setattr(BriefquizApp, "run", lambda self, *args, **kwargs: started.append(self))
    monkeypatch.setenv("TERM", term)
    with monkeypatch.context() as terminal:
        terminal.setattr(sys, "stdin", Terminal())
        terminal.setattr(sys, "stdout", Terminal())
        status = main(["study", "biden-russia-terms"])
    assert status == 2 and started == []
    assert f"TERM={term}" in capsys.readouterr().err
