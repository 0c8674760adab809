"""The study-related commands: seminar, config, and their errors (unknown deck, broken store)."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from briefquiz import cli as briefquiz_cli
from briefquiz.clock import LOCAL, FixedClock, SystemClock
from briefquiz.deck.library import load_default_library
from briefquiz.progress.records import DeckSettings
from briefquiz.progress.repository import Store
from briefquiz.schedule.study_day import study_day_bounds

BERLIN = ZoneInfo("Europe/Berlin")
DECK = "bq-test-tf"


@pytest.fixture(autouse=True)
def _before_the_dates_below(bq) -> None:
    """Every command here runs on 1 June 2029, local time: the seminar dates of these tests
    (2030, 2031) stay in the future whatever the real date."""
    bq.clock = FixedClock(datetime(2029, 6, 1, 12, tzinfo=UTC), tz=LOCAL)


def settings(bq) -> DeckSettings:
    with Store.open(bq.data / "progress.sqlite3") as store:
        return store.settings(DECK)


# --------------------------------------------------------------------------- seminar


def test_seminar_date_assumes_nine_in_the_morning_local_time(bq, user_deck: str) -> None:
    result = bq.run("seminar", user_deck, "2030-01-02", TZ="Europe/Berlin")
    assert result.returncode == 0, result.stderr
    assert "seminar set for Wed 2 Jan 2030 09:00 (no time given: 09:00 assumed)." in result.stdout
    assert "Readiness: 0% if you stop now;" in result.stdout
    assert settings(bq).seminar_at == datetime(2030, 1, 2, 9, 0, tzinfo=BERLIN)
    assert settings(bq).seminar_at == datetime(2030, 1, 2, 8, 0, tzinfo=UTC)


def test_seminar_in_summer_set_in_any_season_is_nine_local(bq, user_deck: str) -> None:
    # Whatever the season today, 09:00 on a summer day in Berlin is 07:00 UTC (CEST).
    result = bq.run("seminar", user_deck, "2030-07-02", TZ="Europe/Berlin")
    assert result.returncode == 0, result.stderr
    assert "Tue 2 Jul 2030 09:00" in result.stdout
    assert settings(bq).seminar_at == datetime(2030, 7, 2, 7, 0, tzinfo=UTC)


def test_seminar_with_a_time_shows_and_clears(bq, user_deck: str) -> None:
    result = bq.run("seminar", user_deck, "2030-01-02 14:30", TZ="UTC")
    assert result.returncode == 0, result.stderr
    assert "seminar set for Wed 2 Jan 2030 14:30." in result.stdout
    assert "assumed" not in result.stdout
    assert settings(bq).seminar_at == datetime(2030, 1, 2, 14, 30, tzinfo=UTC)

    shown = bq.run("seminar", user_deck, TZ="UTC")
    assert shown.returncode == 0 and "(Wed 2 Jan 2030 14:30)" in shown.stdout

    cleared = bq.run("seminar", user_deck, "--clear")
    assert cleared.returncode == 0
    assert "seminar cleared" in cleared.stdout
    assert settings(bq).seminar_at is None
    none = bq.run("seminar", user_deck)
    assert none.returncode == 0 and f"no seminar set. Set one with: briefquiz seminar {DECK}" in (
        none.stdout
    )


@pytest.mark.parametrize(
    ("when", "message"),
    [
        ("2001-01-02", "is in the past; give a future date"),
        ("next tuesday", "cannot read 'next tuesday' as a date or time; use YYYY-MM-DD"),
        ("2030-02-30", "cannot read '2030-02-30'"),
        ("9999-12-31 23:59-14:00", "is out of range"),
        ("2999-01-01", "is more than ten years away"),
    ],
)
def test_a_bad_seminar_date_is_refused(bq, user_deck: str, when: str, message: str) -> None:
    assert bq.run("seminar", user_deck, "2029-06-10").returncode == 0  # nine days on
    before = settings(bq)
    result = bq.run("seminar", user_deck, when)
    assert result.returncode == 2
    assert result.stderr.startswith("briefquiz: ")
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert settings(bq) == before


# --------------------------------------------------------------------------- config


def test_config_persists(bq, user_deck: str) -> None:
    result = bq.run("config", user_deck, "--retention", "0.85", "--new-per-day", "5")
    assert result.returncode == 0, result.stderr
    assert "target recall (retention): 85%" in result.stdout
    assert "new questions per day:     5" in result.stdout
    assert settings(bq) == DeckSettings(DECK, desired_retention=0.85, new_per_day=5)
    shown = bq.run("config", user_deck)
    assert "85%" in shown.stdout and "per day:     5" in shown.stdout
    # One setting at a time leaves the other alone.
    bq.run("config", user_deck, "--new-per-day", "12")
    assert settings(bq) == DeckSettings(DECK, desired_retention=0.85, new_per_day=12)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--retention", "1.5"], "--retention must be between 0.70 and 0.99"),
        (["--retention", "0.5"], "--retention must be between 0.70 and 0.99"),
        (["--new-per-day", "-1"], "--new-per-day must be from 0 to 10000"),
        (["--new-per-day", str(10**20)], "--new-per-day must be from 0 to 10000"),
    ],
)
def test_config_refuses_bad_values(
    data_dir: Path, tf_file, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    path = str(tf_file(3))
    assert briefquiz_cli.main(["config", path, *args]) == 2
    assert message in capsys.readouterr().err
    with Store.open(data_dir / "progress.sqlite3") as store:
        assert store.settings(DECK) == DeckSettings(DECK)


def test_the_new_limit_from_config_is_used_by_study(bq, user_deck: str) -> None:
    bq.run("config", user_deck, "--new-per-day", "2")
    result = bq.run("study", user_deck, "--plain", input="q\n")
    assert "[1/2] Statements · true or false" in result.stdout


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "args",
    [
        ["study", "no-such-deck", "--plain"],
        ["seminar", "no-such-deck", "2030-01-02"],
        ["config", "no-such-deck"],
        ["stats", "no-such-deck"],
    ],
)
def test_an_unknown_deck_lists_the_known_ones(bq, user_deck: str, args: list[str]) -> None:
    result = bq.run(*args, input="")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("briefquiz: no deck 'no-such-deck'; known decks: ")
    known = result.stderr.split("known decks: ", 1)[1].strip().split(", ")
    assert DECK in known and "biden-russia-people" in known


def test_a_missing_deck_file_is_named(bq) -> None:
    result = bq.run("study", "missing/deck.yaml", "--plain", input="")
    assert result.returncode == 2
    assert "no such deck file: missing/deck.yaml" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["study", DECK, "--plain"],
        ["stats"],
        ["seminar", DECK, "2030-01-02"],
        ["config", DECK, "--new-per-day", "3"],
    ],
)
def test_a_corrupt_database_is_reported_and_left_alone(bq, user_deck: str, args: list[str]) -> None:
    database = bq.data / "progress.sqlite3"
    garbage = os.urandom(16384)
    database.write_bytes(garbage)
    result = bq.run(*args, input="1\n\n")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"briefquiz: {database} is not a briefquiz database")
    assert "It was left untouched" in result.stderr
    assert result.stdout == ""
    assert database.read_bytes() == garbage
    # Nothing written beside it but the (empty) lock file that serialises opening.
    assert sorted(p.name for p in bq.data.iterdir()) == [
        "decks",
        "progress.sqlite3",
        "progress.sqlite3.lock",
    ]
    assert (bq.data / "progress.sqlite3.lock").stat().st_size == 0


# --------------------------------------------------------------------------- the system clock


@pytest.mark.usefixtures("berlin")
def test_the_system_clock_follows_daylight_saving_time() -> None:
    tz = SystemClock().tz
    # Around both changes of 2030, every instant reads as it does with the tz database.
    for start in (datetime(2030, 3, 30, 12, tzinfo=UTC), datetime(2030, 10, 26, 12, tzinfo=UTC)):
        for quarter in range(4 * 30):
            instant = start + timedelta(minutes=15 * quarter)
            local, expected = instant.astimezone(tz), instant.astimezone(BERLIN)
            assert local.replace(tzinfo=None) == expected.replace(tzinfo=None)
            assert (local.utcoffset(), local.fold, local.tzname()) == (
                expected.utcoffset(),
                expected.fold,
                expected.tzname(),
            )
            assert local.astimezone(UTC) == instant
    # 09:00 in winter and in summer, whatever today's offset is.
    assert datetime(2030, 1, 2, 9, tzinfo=tz).astimezone(UTC).hour == 8
    assert datetime(2030, 7, 2, 9, tzinfo=tz).astimezone(UTC).hour == 7
    # The day the clocks go forward has 23 hours.
    clock = FixedClock(datetime(2030, 3, 31, 12, tzinfo=UTC), tz=tz)
    start, end = study_day_bounds(clock.now(), clock.tz, time(0))  # a calendar day
    assert start == datetime(2030, 3, 30, 23, tzinfo=UTC)
    assert end - start == timedelta(hours=23)


@pytest.mark.parametrize("args", [[], ["study", "biden-russia-terms"]])
def test_the_app_without_a_terminal_points_to_the_plain_mode(bq, args: list[str]) -> None:
    result = bq.run(*args)  # stdin and stdout are not terminals here
    assert result.returncode == 2
    assert result.stdout == ""
    assert "needs a terminal" in result.stderr and "--plain" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_command_reads_the_time_from_the_context_it_is_given(
    bq, user_deck: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, kit
) -> None:
    from briefquiz.cli.context import Context, Paths

    monkeypatch.setenv("BRIEFQUIZ_DATA_DIR", str(bq.data))  # where the library looks for decks

    clock = FixedClock(kit.T0)  # a Monday in 2025: seminar dates relative to it, not to today
    paths = Paths(bq.data / "progress.sqlite3", bq.data / "decks", bq.data / "backups")
    context = Context(clock=clock, paths=paths)
    tomorrow = (kit.T0 + timedelta(days=1)).strftime("%Y-%m-%d 10:00")
    yesterday = (kit.T0 - timedelta(days=1)).strftime("%Y-%m-%d")
    path = str(bq.data / "decks" / "statements.yaml")

    assert briefquiz_cli.main(["seminar", path, tomorrow], context) == 0
    assert "seminar set for Tue 4 Mar 2025 10:00." in capsys.readouterr().out
    assert briefquiz_cli.main(["seminar", path], context) == 0
    assert "seminar in 1 day" in capsys.readouterr().out
    assert briefquiz_cli.main(["seminar", path, yesterday], context) == 2
    assert "Sun 2 Mar 2025 09:00 is in the past" in capsys.readouterr().err
    clock.advance(timedelta(days=2))
    assert briefquiz_cli.main(["seminar", path], context) == 0
    assert "the seminar (Tue 4 Mar 2025 10:00) has passed." in capsys.readouterr().out


# --------------------------------------------------------------------------- a seminar for a text


def test_seminar_covers_every_deck_of_the_text_and_plan_shows_the_days(bq) -> None:
    ids = ["biden-russia-events", "biden-russia-people"]
    result = bq.run("seminar", ids[0], "2029-06-10", TZ="UTC")
    assert result.returncode == 0, result.stderr
    assert "--only biden-russia-events" in result.stdout
    # one readiness for the text, over all its questions, not one line per deck
    assert result.stdout.count("Readiness:") == 1 and "The text's 6 decks: seminar" in result.stdout
    assert "if you keep up" in result.stdout and "as you have" not in result.stdout
    with Store.open(bq.data / "progress.sqlite3") as store:
        when = {store.settings(d).seminar_at for d in [*ids, "biden-russia-terms"]}
    assert when == {datetime(2029, 6, 10, 9, 0, tzinfo=UTC)}

    only = bq.run("seminar", ids[1], "2029-07-01", "--only", TZ="UTC")
    assert only.returncode == 0 and "--only" not in only.stdout
    with Store.open(bq.data / "progress.sqlite3") as store:
        assert store.settings(ids[1]).seminar_at == datetime(2029, 7, 1, 9, 0, tzinfo=UTC)
        assert store.settings(ids[0]).seminar_at == datetime(2029, 6, 10, 9, 0, tzinfo=UTC)

    plan = bq.run("plan", ids[0], "--format", "json", TZ="UTC")
    assert plan.returncode == 0, plan.stderr
    (shown,) = json.loads(plan.stdout)
    assert shown["deck"] == ids[0] and shown["seminar_at"].startswith("2029-06-10T09:00")
    days = shown["days"]
    assert days and days[-1]["date"] <= "2029-06-09"
    questions = len(load_default_library().find(ids[0]).questions)  # type: ignore[union-attr]
    assert sum(d["new"] for d in days) == pytest.approx(questions)  # every one introduced
    assert days[-1]["final_pass"] > 0
    assert 0.5 < shown["readiness_if_followed"] <= 1
    assert shown["skip_day"] == days[1]["date"]  # tomorrow, the plan's second day
    assert 0.5 < shown["readiness_if_you_skip"] <= 1
    assert shown["skipping_costs"] >= 0
    assert shown["study_days"] == 0  # nothing studied: the habits are the defaults

    text = bq.run("plan", ids[0], TZ="UTC")
    assert text.returncode == 0 and "Readiness if you follow the plan" in text.stdout
    assert "If you skip " in text.stdout
    assert "By deck" not in text.stdout  # the one deck asked for


def test_plan_shows_the_decks_of_a_text_together(bq) -> None:
    assert bq.run("seminar", "biden-russia-events", "2029-06-10", TZ="UTC").returncode == 0
    plan = json.loads(bq.run("plan", "--format", "json", TZ="UTC").stdout)
    text = bq.run("plan", TZ="UTC")
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert lines[0].endswith(f"({len(plan)} decks): seminar in 9 days (Sun 10 Jun 2029 09:00)")
    assert sum("By deck:" in line for line in lines) == 1  # one text, one table
    total = next(line for line in lines if line.split()[:1] == ["total"])
    new = sum(day["new"] for deck in plan for day in deck["days"])
    assert int(total.split()[1]) == round(new)  # the decks' days added up
    for deck in plan:
        assert any(f"({deck['deck']}): " in line for line in lines)


def test_a_seed_shuffles_plain_mode_the_same_way_every_run(bq, tmp_path: Path) -> None:
    """`--seed N` with --plain: the same options in the same order, run after run, so a
    script can plan its answers; other seeds give other orders. Without --plain it is refused."""

    def first_question(seed: int, data: str) -> str:
        ran = bq.run(
            "study",
            "biden-russia-people",
            "--plain",
            "--seed",
            str(seed),
            input="",
            BRIEFQUIZ_DATA_DIR=str(tmp_path / data),
        )
        assert ran.returncode == 0, ran.stderr
        return ran.stdout.split("\n> ")[0]  # the first question, up to its prompt

    assert first_question(3, "a") == first_question(3, "b")
    assert len({first_question(seed, f"s{seed}") for seed in range(1, 6)}) > 1
    refused = bq.run("study", "biden-russia-people", "--seed", "3")
    assert refused.returncode == 2 and "--seed is for --plain" in refused.stderr
