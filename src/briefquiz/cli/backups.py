"""`briefquiz backups`: the backups of your progress, newest first."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from briefquiz.cli.context import Context
from briefquiz.ui.wording.words import shown_path


@dataclass(frozen=True, slots=True)
class Options:
    pass


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "List the backups of your progress: taken when a session that changed something ends"
        " (at most once a day otherwise), before an import, an upgrade or a restore."
        " Bring one back with: briefquiz restore BACKUP"
    )


def run(options: Options, context: Context) -> int:
    from briefquiz.progress.backups import list_backups

    found = list_backups(context.paths.backups)
    if not found:
        print(f"No backups yet in {shown_path(context.paths.backups)}.")
        return 0
    print(f"Backups in {shown_path(context.paths.backups)}, newest first:")
    for backup in found:
        reviews = "unreadable" if backup.reviews is None else f"{backup.reviews} reviews"
        when = backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"  {when}  {reviews:>14}  {backup.size / 1024:7.0f} KB  {backup.path.name}")
    return 0
