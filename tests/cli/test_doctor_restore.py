"""`briefquiz doctor`, `backups` and `restore`, and the automatic backups."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from briefquiz.progress.backups import AUTO_PREFIX, Backup, list_backups, stamp, to_keep
from briefquiz.progress.repository import Store


def study(bq: Any, deck: Path, answers: str) -> Any:
    return bq.run("study", "--plain", deck, input=answers)


def test_a_session_that_wrote_leaves_a_backup_and_one_that_did_not_leaves_none(
    bq: Any, tf_file: Any
) -> None:
    deck = tf_file(2)
    assert bq.run("list").returncode == 0
    assert list_backups(bq.data / "backups") == []  # never at start-up, nothing to back up
    assert study(bq, deck, "t\n\nq\n").returncode == 0
    [backup] = list_backups(bq.data / "backups")
    assert backup.automatic and backup.reviews == 1
    listed = bq.run("backups")
    assert backup.path.name in listed.stdout and "1 reviews" in listed.stdout
    assert bq.run("stats", deck).returncode == 0  # wrote nothing, the newest is fresh
    assert len(list_backups(bq.data / "backups")) == 1


def test_pruning_keeps_12_days_10_weeks_9_months() -> None:
    start = datetime(2025, 1, 1, tzinfo=UTC)
    made = [
        Backup(Path(f"{AUTO_PREFIX}{stamp(start + timedelta(hours=6 * i))}.sqlite3"),
               start + timedelta(hours=6 * i), 0, 0)
        for i in range(4 * 400)
    ]  # fmt: skip
    keep = to_keep(made)
    kept = sorted(b.taken_at for b in made if b.path in keep)
    days = {t.date() for t in kept}
    assert len(kept) == len(days)  # one a day at most
    assert len(kept) <= 12 + 10 + 9
    assert kept[-1] == made[-1].taken_at  # the newest always
    assert kept[0] < made[-1].taken_at - timedelta(days=200)  # months back


def inject_out_of_range(database: Path) -> None:
    conn = sqlite3.connect(database, isolation_level=None)
    conn.execute("UPDATE cards SET due_us = 9223372036854775807")
    conn.close()


def test_doctor_repairs_an_out_of_range_card_from_the_log(bq: Any, tf_file: Any) -> None:
    deck = tf_file(2)
    study(bq, deck, "t\n\nq\n")
    database = bq.data / "progress.sqlite3"
    with Store.open(database) as store:
        good = store.export_json()
    inject_out_of_range(database)
    assert bq.run("stats", deck).returncode == 1
    checked = bq.run("doctor", "--check-only")
    assert checked.returncode == 1 and "out of range" in checked.stdout
    repaired = bq.run("doctor")
    assert repaired.returncode == 0, repaired.stdout
    assert "rebuilt from its review log" in repaired.stdout
    with Store.open(database) as store:
        assert store.export_json()["cards"] == good["cards"]
    assert "sound" in bq.run("doctor").stdout


def test_restore_with_a_stale_wal_loses_nothing(bq: Any, tf_file: Any) -> None:
    deck = tf_file(3)
    study(bq, deck, "t\n\nq\n")
    database = bq.data / "progress.sqlite3"
    [backup] = list_backups(bq.data / "backups")
    saved = bq.data / "one-answer.sqlite3"
    shutil.copy(backup.path, saved)  # the next session's backup replaces today's
    study(bq, deck, "t\n\nt\n\nq\n")  # two more answers after the backup
    # A crashed session: its -wal holds a review the database file does not.
    keep = Store.open(database)
    conn = sqlite3.connect(database, isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute(
        "INSERT INTO reviews (uid, question, reviewed_at_us, rating, outcome, answer,"
        " duration_ms, cram) SELECT 'in-the-wal', question, reviewed_at_us, 3, 'right',"
        " 'true', 0, 1 FROM reviews LIMIT 1"
    )
    assert database.with_name(database.name + "-wal").stat().st_size > 0
    refused = bq.run("restore", saved)
    assert refused.returncode == 1 and "open" in refused.stderr  # another briefquiz has it
    crashed = bq.data / "crashed"
    crashed.mkdir()
    for suffix in ("", "-wal"):
        shutil.copy(database.with_name(database.name + suffix), crashed)
    keep.close()
    conn.close()
    for suffix in ("", "-wal"):  # put the crashed state back: file + its log, no one open
        shutil.copy(crashed / (database.name + suffix), database.with_name(database.name + suffix))

    result = bq.run("restore", saved)
    assert result.returncode == 0, result.stderr
    assert not database.with_name(database.name + "-wal").exists()
    with Store.open(database) as store:
        assert len(store.reviews()) == 1
    [before] = [b for b in list_backups(bq.data / "backups") if "before-restore" in b.path.name]
    assert before.reviews == 4  # three answers and the one only in the -wal
