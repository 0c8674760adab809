"""`briefquiz import progress FILE.json`: merge exported progress into this one's."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from briefquiz.authoring.progress_transfer import (
    ProgressFileError,
    describe_import,
    read_progress_file,
)
from briefquiz.cli.context import Context
from briefquiz.errors import CommandError
from briefquiz.progress.backups import stamp
from briefquiz.progress.database import StoreError
from briefquiz.progress.import_checks import ImportProblem, parse_export
from briefquiz.ui.wording.words import shown_path


@dataclass(frozen=True, slots=True)
class Options:
    file: Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Merge exported progress into yours: reviews already here are skipped, "
        "nothing is deleted, and a backup of your progress is made first."
    )
    parser.add_argument(
        "file", type=Path, metavar="FILE.json", help="a file from briefquiz export progress"
    )


def run(options: Options, context: Context) -> int:
    try:
        data = read_progress_file(options.file)
    except ProgressFileError as err:
        raise CommandError(str(err)) from None
    try:
        parse_export(data)  # checked whole before a backup is made or a row written
    except ImportProblem as err:
        raise CommandError(
            f"{shown_path(options.file)}: {err.where}: {err.problem}; nothing was imported"
        ) from None
    except StoreError as err:
        raise CommandError(f"{shown_path(options.file)}: {err}") from None
    with context.open_store() as store:
        taken = stamp(context.clock.now())
        backup = context.paths.backups / f"progress-before-import-{taken}.sqlite3"
        try:
            store.backup(backup)
            summary = store.import_json(data)
        except StoreError as err:
            backup.unlink(missing_ok=True)  # nothing changed: no need for it
            raise CommandError(str(err)) from None
    print(describe_import(summary))
    print(f"(your progress before the import is kept in {shown_path(backup)})")
    return 0
