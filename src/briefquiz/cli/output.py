"""Small helpers shared by the commands that print for people."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from briefquiz.errors import CommandError


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def write_or_print(text: str, output: Path | None) -> None:
    """`text` to the file `output`, or to standard output when there is none."""
    if output is None:
        sys.stdout.write(text)
        return
    from briefquiz.authoring.files import write_text

    try:
        write_text(output, text, overwrite=True)
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
