"""`briefquiz seminar` for a text, stored once; `briefquiz config` for the student's study
settings and a new-per-day that may be not set; the once-only word about a kept date."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, time
from pathlib import Path

import pytest

from briefquiz.clock import FixedClock
from briefquiz.deck.library import load_default_library
from briefquiz.deck.texts import decks_of_text
from briefquiz.progress import migrations
from briefquiz.progress.records import StudySettings
from briefquiz.progress.repository import Store


def _text() -> list[str]:
    """The bundled decks about one text: the first of them named, the rest in their order."""
    library = load_default_library()
    first = library.find("biden-russia-events")
    assert first is not None
    return [d.id for d in decks_of_text(first, library.decks)]


TEXT = _text()
AT = datetime(2030, 1, 9, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _before_the_dates_below(bq) -> None:
    bq.clock = FixedClock(datetime(2029, 12, 31, 12, tzinfo=UTC), tz=UTC)  # nine days before AT


def opened(bq) -> Store:
    return Store.open(bq.data / "progress.sqlite3")


def test_a_seminar_for_a_text_is_stored_once_and_says_which_decks(bq) -> None:
    result = bq.run("seminar", TEXT[0], "2030-01-09")
    assert result.returncode == 0, result.stderr
    assert len(TEXT) > 2
    assert f"It covers these {len(TEXT)} decks, about the same text" in result.stdout
    with opened(bq) as store:
        (seminar,) = store.seminars()
    assert (seminar.at, seminar.decks) == (AT, tuple(sorted(TEXT)))
    shown = bq.run("seminar", TEXT[2])
    assert shown.returncode == 0
    assert "Seminar Wed 9 Jan 2030 09:00: " in shown.stdout
    assert all(f"({deck_id})" in shown.stdout.splitlines()[0] for deck_id in TEXT)


def test_clear_removes_the_seminar_for_every_deck_it_covers(bq) -> None:
    bq.run("seminar", TEXT[0], "2030-01-09")
    bq.run("seminar", TEXT[1], "2030-02-01", "--only")
    cleared = bq.run("seminar", TEXT[2], "--clear")
    assert cleared.returncode == 0 and "seminar cleared" in cleared.stdout
    with opened(bq) as store:
        assert store.seminars() == []  # the text's decks, the --only one among them


def test_clear_only_takes_one_deck_out(bq) -> None:
    bq.run("seminar", TEXT[0], "2030-01-09")
    assert bq.run("seminar", TEXT[1], "--clear", "--only").returncode == 0
    with opened(bq) as store:
        (left,) = store.seminars()
    assert left.decks == tuple(sorted(set(TEXT) - {TEXT[1]}))


def kept_v4_database(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        migrations.apply_migrations(conn, target=4)
        at_us = (AT - datetime(1970, 1, 1, tzinfo=UTC)) // (AT - AT).resolution
        conn.execute("INSERT INTO deck_settings VALUES (?, 0.9, 20, ?)", (TEXT[1], at_us))
    finally:
        conn.close()


def test_a_kept_per_deck_date_is_told_once_and_replaced_for_the_text(bq) -> None:
    kept_v4_database(bq.data / "progress.sqlite3")
    first = bq.run("plan", "--format", "json")
    assert first.returncode == 0, first.stderr
    assert (
        f"deck {TEXT[1]} keeps its own seminar date (Wed 9 Jan 2030 09:00); "
        f"`briefquiz seminar {TEXT[1]} WHEN` replaces it for the whole text." in first.stderr
    )
    assert first.stdout.lstrip().startswith("[")  # the JSON is untouched
    again = bq.run("seminar", TEXT[1])
    assert "keeps its own seminar date (" not in again.stderr
    assert f"{TEXT[1]} keeps its own seminar date; `briefquiz seminar" in again.stdout
    bq.run("seminar", TEXT[1], "2030-01-10")
    with opened(bq) as store:
        (text,) = store.seminars()
    assert text.decks == tuple(sorted(TEXT)) and not text.kept


def test_config_tells_a_set_limit_from_the_default_and_unsets_it(bq, tf_file) -> None:
    path = str(tf_file(3))
    shown = bq.run("config", path)
    assert "new questions per day:     20 (default)" in shown.stdout
    set_ = bq.run("config", path, "--new-per-day", "20")
    assert "new questions per day:     20 (set)" in set_.stdout
    with opened(bq) as store:
        assert store.settings("bq-test-tf").new_per_day == 20
    unset = bq.run("config", path, "--new-per-day", "default")
    assert unset.returncode == 0 and "20 (default)" in unset.stdout
    with opened(bq) as store:
        assert store.settings("bq-test-tf").new_per_day is None
    bq.run("seminar", path, "2030-01-09")
    paced = bq.run("config", path)
    assert "new questions per day:     as the seminar needs (not set" in paced.stdout


def test_config_sets_the_study_day_and_the_seminar_target_for_every_deck(bq) -> None:
    shown = bq.run("config")
    assert shown.returncode == 0, shown.stderr
    assert "study day starts at:       04:00 (default)" in shown.stdout
    result = bq.run("config", "--day-starts", "05:30", "--seminar-target", "0.93")
    assert result.returncode == 0, result.stderr
    assert "study day starts at:       05:30 (set)" in result.stdout
    assert "seminar target (final):    93% (set)" in result.stdout
    with opened(bq) as store:
        assert store.study_settings() == StudySettings(time(5, 30), 0.93)
    bq.run("config", "--day-starts", "default")
    with opened(bq) as store:
        assert store.study_settings() == StudySettings(None, 0.93)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--day-starts", "13:00"], "--day-starts must be from 00:00 to 12:00"),
        (["--day-starts", "4 am"], "--day-starts must be a time HH:MM"),
        (["--seminar-target", "0.5"], "--seminar-target must be between 0.80 and 0.99"),
        (["--seminar-target", "high"], "--seminar-target must be a number or 'default'"),
        (["--new-per-day", "some"], "name the DECK"),
    ],
)
def test_config_refuses_bad_study_settings(bq, args: list[str], message: str) -> None:
    result = bq.run("config", *args)
    assert result.returncode == 2 and message in result.stderr
    with opened(bq) as store:
        assert store.study_settings() == StudySettings()


def test_the_plan_aims_for_the_stored_seminar_target(bq) -> None:
    bq.run("seminar", TEXT[0], "2030-01-09")
    bq.run("config", "--seminar-target", "0.91")
    plan = bq.run("plan", TEXT[0])
    assert "every question predicted below 91%" in plan.stdout


@pytest.mark.usefixtures("data_dir")
def test_the_app_shows_a_kept_date_on_its_screen_not_behind_it(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import sys

    from briefquiz.cli import main
    from briefquiz.ui.tui.app import BriefquizApp

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    kept_v4_database(data_dir / "progress.sqlite3")
    started: list[BriefquizApp] = []  # `run` records the app instead of taking the terminal
    monkeypatch.setattr(BriefquizApp, "run", lambda self, *args, **kwargs: started.append(self))
    monkeypatch.setenv("TERM", "xterm-256color")
    with monkeypatch.context() as terminal:
        terminal.setattr(sys, "stdin", Terminal())
        terminal.setattr(sys, "stdout", Terminal())
        assert main([]) == 0
    [app] = started
    [notice] = app.notices
    assert notice.startswith(f"deck {TEXT[1]} keeps its own seminar date (")
    assert "keeps its own seminar date" not in capsys.readouterr().err  # not under the app
