"""`briefquiz doctor`: check your progress database and repair what can be repaired."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from briefquiz.cli.context import Context
from briefquiz.errors import CommandError


@dataclass(frozen=True, slots=True)
class Options:
    check_only: bool


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Check the progress database (integrity, schema, rows out of range, card states"
        " against the review log, permissions, leftovers of interrupted sessions) and repair"
        " what can be repaired without losing a review."
    )
    parser.add_argument(
        "--check-only", action="store_true", help="report what is wrong, change nothing"
    )


def run(options: Options, context: Context) -> int:
    from briefquiz.progress.backups import list_backups
    from briefquiz.progress.database import StoreError
    from briefquiz.progress.doctor import examine

    try:
        report = examine(
            context.paths.database,
            context.paths.backups,
            context.clock.now(),
            repair=not options.check_only,
        )
    except (StoreError, OSError) as err:
        raise CommandError(str(err)) from None
    for line in report.checked:
        print(f"ok: {line}")
    for line in report.repaired:
        print(f"repaired: {line}")
    for line in report.problems:
        print(f"problem: {line}")
    if report.healthy:
        print("The progress database is sound." if not report.repaired else "Repaired.")
        return 0
    if list_backups(context.paths.backups):
        print(
            "For what could not be repaired, see: briefquiz backups, then briefquiz restore BACKUP"
        )
    else:
        print(
            "There is no backup to restore; export what can be read with: briefquiz export progress"
        )
    return 1
