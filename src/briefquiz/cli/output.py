"""Small helpers shared by the commands that print for people."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Final

from briefquiz.cli.context import Paths
from briefquiz.errors import CommandError

_SIDE_FILES: Final = ("-wal", "-shm", "-journal", ".lock")


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def add_force(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--force", action="store_true", help="replace the -o file if it exists (never a deck)"
    )


def checked_output(output: Path, paths: Paths, *, force: bool) -> Path:
    """`output`, unless writing it would replace what must not be replaced.

    Never the progress database (or its -wal, -shm, lock), a backup or a deck file, even with
    --force; any other existing file only with --force.
    """
    target = output.resolve()
    database = paths.database.resolve()
    guarded = {database, *(database.with_name(database.name + s) for s in _SIDE_FILES)}
    if target in guarded:
        raise CommandError(f"{output} is the progress database; choose another file", 2)
    if target.is_relative_to(paths.backups.resolve()):
        raise CommandError(f"{output} is in the backups folder; choose another file", 2)
    if target.exists() and (
        target.suffix in (".yaml", ".yml") or target.is_relative_to(paths.user_decks.resolve())
    ):
        raise CommandError(f"{output} is a deck file; choose another file", 2)
    if target.is_dir():
        raise CommandError(f"{output} is a folder; give a file name", 2)
    if target.exists() and not force:
        raise CommandError(f"{output} already exists; add --force to replace it", 2)
    return output


def write_or_print(text: str, output: Path | None, *, mode: int = 0o644) -> None:
    """`text` to the file `output` (in one step, with `mode`), or to standard output."""
    if output is None:
        sys.stdout.write(text)
        return
    from briefquiz.authoring.files import write_text

    try:
        write_text(output, text, overwrite=True, mode=mode)
    except OSError as err:
        raise cannot_write(output, err) from None


def write_deck(path: Path, text: str, *, overwrite: bool, what: str = "the deck") -> Path | None:
    """`write_checked_deck`, its refusals as messages; the schema file it wrote, if any."""
    from briefquiz.authoring.files import InvalidDeckError, write_checked_deck

    try:
        return write_checked_deck(path, text, overwrite=overwrite)
    except InvalidDeckError as err:  # a bug, not the user's doing: say so, write nothing
        raise CommandError(f"{what} came out invalid (please report this):\n  {err}") from None
    except OSError as err:
        raise cannot_write(path, err) from None


def cannot_write(path: Path, err: OSError) -> CommandError:
    return CommandError(f"cannot write {path}: {err.strerror or err}")
