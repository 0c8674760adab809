"""`briefquiz restore BACKUP`: bring a backup of your progress back, keeping the current one."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from briefquiz.cli.context import Context
from briefquiz.errors import CommandError
from briefquiz.ui.wording.words import shown_path


@dataclass(frozen=True, slots=True)
class Options:
    backup: Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Put a backup in place of your progress. Your current progress is backed up first;"
        " briefquiz must not be open elsewhere. See the backups with: briefquiz backups"
    )
    parser.add_argument("backup", type=Path, metavar="BACKUP", help="a file from briefquiz backups")


def run(options: Options, context: Context) -> int:
    from briefquiz.progress.backups import restore
    from briefquiz.progress.database import StoreError

    backup = options.backup
    if not backup.exists() and (context.paths.backups / backup).exists():
        backup = context.paths.backups / backup  # a name from `briefquiz backups`
    if not backup.is_file():
        raise CommandError(f"{backup}: no such backup; see: briefquiz backups", 2)
    try:
        before = restore(context.paths.database, backup, context.paths.backups, context.clock.now())
    except (StoreError, OSError) as err:
        raise CommandError(str(err)) from None
    print(f"Restored {shown_path(backup)}; it passed its integrity check.")
    if before is not None:
        print(f"(your progress before the restore is kept in {shown_path(before)})")
    return 0
