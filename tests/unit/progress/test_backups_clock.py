"""Automatic backups read the time from the store's clock: names, once a day, and retention."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from briefquiz.clock import FixedClock
from briefquiz.progress.backups import AUTO_PREFIX, list_backups
from briefquiz.progress.records import ReviewRecord, new_review_uid
from briefquiz.progress.repository import Store

START = datetime(2031, 3, 2, 18, 30, tzinfo=UTC)  # far from the real date: only the clock's


def session(database: Path, folder: Path, clock: FixedClock, *, write: bool) -> None:
    with Store.open(database, backups=folder, clock=clock) as store:
        if write:
            store.record_review(
                ReviewRecord(
                    uid=new_review_uid(),
                    deck_id="d",
                    question_id="q",
                    reviewed_at=clock.now(),
                    rating=3,
                    outcome="right",
                    answer=None,
                    duration_ms=1000,
                    cram=True,
                )
            )


def auto_days(folder: Path) -> list[date]:
    return sorted(b.taken_at.date() for b in list_backups(folder) if b.automatic)


def test_a_backup_is_named_by_the_clock_and_taken_once_a_day_unless_written(
    tmp_path: Path,
) -> None:
    database, folder = tmp_path / "progress.sqlite3", tmp_path / "backups"
    clock = FixedClock(START)
    session(database, folder, clock, write=True)
    [first] = list_backups(folder)
    assert first.path.name == f"{AUTO_PREFIX}20310302T183000000000Z.sqlite3"
    assert first.taken_at == START and first.reviews == 1
    clock.advance(timedelta(hours=5))
    session(database, folder, clock, write=False)  # nothing written, the newest is fresh
    assert len(list_backups(folder)) == 1
    clock.advance(timedelta(minutes=1))
    session(database, folder, clock, write=True)  # a session that wrote: always
    [second] = list_backups(folder)  # the day's newest replaces the older of the same day
    assert second.taken_at == clock.now() and second.reviews == 2
    clock.set(second.taken_at + timedelta(hours=23))
    session(database, folder, clock, write=False)  # not yet a day since the last
    assert len(list_backups(folder)) == 1
    clock.set(second.taken_at + timedelta(days=1))
    session(database, folder, clock, write=False)  # a day after the last: one more
    assert [b.taken_at for b in list_backups(folder)] == [clock.now(), second.taken_at]


def expected_days(days: list[date]) -> set[date]:
    """The newest backup of each of the last 12 days, 10 ISO weeks and 9 months."""
    keep: set[date] = set()
    for count, period in (
        (12, lambda d: d),
        (10, lambda d: d.isocalendar()[:2]),
        (9, lambda d: (d.year, d.month)),
    ):
        newest: dict[object, date] = {}
        for day in days:
            newest[period(day)] = max(day, newest.get(period(day), day))
        keep |= set(sorted(newest.values())[-count:])
    return keep


def test_retention_over_300_days_of_the_clock(tmp_path: Path) -> None:
    """A session every fifth day for ten months, then every day for two weeks."""
    database, folder = tmp_path / "progress.sqlite3", tmp_path / "backups"
    clock = FixedClock(START)
    made: list[date] = []
    for step in [5] * 56 + [1] * 14:
        session(database, folder, clock, write=False)
        made.append(clock.now().date())
        clock.advance(timedelta(days=step))
    kept = auto_days(folder)
    assert set(kept) == expected_days(made)
    assert kept[-12:] == made[-12:]  # every one of the last 12 days
    assert kept[0] < made[-1] - timedelta(days=200)  # months back
    assert len(kept) < len(made) - 30


def test_a_command_backs_up_on_the_clock_it_is_handed(bq, tf_file) -> None:
    bq.clock = FixedClock(START)
    assert bq.run("study", "--plain", tf_file(2), input="t\n\nq\n").returncode == 0
    [backup] = list_backups(bq.data / "backups")
    assert backup.taken_at == START


def test_the_backup_before_an_import_is_named_by_the_clock(bq, tf_file, tmp_path: Path) -> None:
    bq.clock = FixedClock(START)
    assert bq.run("study", "--plain", tf_file(2), input="t\n\nq\n").returncode == 0
    exported = tmp_path / "progress.json"
    assert bq.run("export", "progress", "-o", exported).returncode == 0
    bq.clock = FixedClock(START + timedelta(days=3))
    result = bq.run("import", "progress", exported)
    assert result.returncode == 0, result.stderr
    [before] = [b for b in list_backups(bq.data / "backups") if "before-import" in b.path.name]
    assert before.taken_at == START + timedelta(days=3)  # read back from its name
