"""A deck's settings: one set of defaults, bounds checked where a value is set, and values
read back (a seminar since passed, a value imported from elsewhere) never refused."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from briefquiz.progress.records import DeckSettings
from briefquiz.progress.repository import Store
from briefquiz.schedule.planner import Policy
from briefquiz.schedule.settings import (
    DEFAULT_NEW_PER_DAY,
    DEFAULT_RETENTION,
    MAX_NEW_PER_DAY,
    MAX_SEMINAR_AHEAD,
    SettingError,
    checked_new_per_day,
    checked_retention,
    checked_seminar,
    daily_new,
    with_changes,
)
from briefquiz.schedule.stats import DeckStats

NOW = datetime(2025, 3, 3, 8, 0, tzinfo=UTC)


def test_one_set_of_defaults() -> None:
    assert (DEFAULT_RETENTION, DEFAULT_NEW_PER_DAY) == (0.9, 20)
    unset = DeckSettings("d")
    assert (unset.desired_retention, unset.new_per_day) == (DEFAULT_RETENTION, None)
    assert daily_new(unset) == DEFAULT_NEW_PER_DAY
    assert daily_new(DeckSettings("d", new_per_day=3)) == 3
    assert Policy().desired_retention == DEFAULT_RETENTION
    stats_default = {f.name: f.default for f in dataclasses.fields(DeckStats)}
    assert stats_default["desired_retention"] == DEFAULT_RETENTION


@pytest.mark.parametrize("value", [0.7, 0.85, 0.99])
def test_retention_within_bounds_is_kept(value: float) -> None:
    assert checked_retention(value) == value


@pytest.mark.parametrize("value", [0.69, 0.995, 1.0, 1.5, 0.0, -0.9])
def test_retention_out_of_bounds_is_refused_by_its_given_name(value: float) -> None:
    with pytest.raises(SettingError, match=r"^--retention must be between 0.70 and 0.99$"):
        checked_retention(value, "--retention")
    with pytest.raises(SettingError, match=r"^target recall must be"):
        checked_retention(value)


@pytest.mark.parametrize("value", [0, 1, MAX_NEW_PER_DAY])
def test_new_per_day_within_bounds_is_kept(value: int) -> None:
    assert checked_new_per_day(value) == value


@pytest.mark.parametrize("value", [-1, MAX_NEW_PER_DAY + 1, 10**20])
def test_new_per_day_out_of_bounds_is_refused(value: int) -> None:
    with pytest.raises(SettingError, match=r"^new questions per day must be from 0 to 10000$"):
        checked_new_per_day(value)


def test_a_seminar_must_be_ahead_and_within_ten_years() -> None:
    now = NOW
    ahead = now + timedelta(days=3)
    assert checked_seminar(ahead, now, UTC) == ahead
    assert checked_seminar(now + MAX_SEMINAR_AHEAD, now, UTC) == now + MAX_SEMINAR_AHEAD
    for past in (now, now - timedelta(minutes=1)):
        with pytest.raises(SettingError, match=r"is in the past; give a future date$"):
            checked_seminar(past, now, UTC)
    with pytest.raises(SettingError, match="is more than ten years away"):
        checked_seminar(now + MAX_SEMINAR_AHEAD + timedelta(minutes=1), now, UTC)


def test_changes_are_checked_and_leave_the_rest_alone() -> None:
    seminar = NOW + timedelta(days=5)
    settings = DeckSettings("d", 0.8, 7, seminar)
    assert with_changes(settings) == settings
    assert with_changes(settings, new_per_day=3) == DeckSettings("d", 0.8, 3, seminar)
    assert with_changes(settings, desired_retention=0.95) == DeckSettings("d", 0.95, 7, seminar)
    with pytest.raises(SettingError, match=r"^N must be from 0"):
        with_changes(settings, desired_retention=0.95, new_per_day=-1, names=("R", "N"))


# --------------------------------------------------------------------------- read back


def out_of_bounds(deck_id: str, now: datetime) -> DeckSettings:
    """Values no command would set: a seminar since passed, bounds another tool ignored."""
    return DeckSettings(deck_id, 0.5, MAX_NEW_PER_DAY * 3, now - timedelta(days=2))


def test_stored_values_out_of_bounds_load_and_survive_export_and_import(tmp_path: Path) -> None:
    now = NOW
    with Store.open(tmp_path / "home.sqlite3") as home:
        home.save_settings(out_of_bounds("d", now))
        assert home.settings("d") == out_of_bounds("d", now)
        exported = home.export_json()
    with Store.open(tmp_path / "away.sqlite3") as away:
        assert away.import_json(exported).settings_added == 1
        assert away.settings("d") == out_of_bounds("d", now)


def test_the_commands_show_stored_values_they_would_refuse(bq, tf_file) -> None:
    path = tf_file(3)
    now = datetime.now(UTC)
    with Store.open(bq.data / "progress.sqlite3") as store:
        store.save_settings(out_of_bounds("bq-test-tf", now))
    shown = bq.run("config", path)
    assert shown.returncode == 0, shown.stderr
    assert "target recall (retention): 50%" in shown.stdout
    assert "new questions per day:     30000" in shown.stdout
    seminar = bq.run("seminar", path)
    assert seminar.returncode == 0, seminar.stderr
    assert ") has passed." in seminar.stdout
    stats = bq.run("stats", path)
    assert stats.returncode == 0 and "(passed)" in stats.stdout, stats.stderr
    # Changing one setting checks only that one; the others stay as they were.
    changed = bq.run("config", path, "--new-per-day", "4")
    assert changed.returncode == 0, changed.stderr
    with Store.open(bq.data / "progress.sqlite3") as store:
        assert store.settings("bq-test-tf") == dataclasses.replace(
            out_of_bounds("bq-test-tf", now), new_per_day=4
        )
