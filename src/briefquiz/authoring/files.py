"""Writing the files authors get: a deck never overwritten by accident, the schema beside it."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from briefquiz.deck.findings import Finding, Severity
from briefquiz.deck.schema import SCHEMA_ID, deck_schema
from briefquiz.deck.validate import read_deck

SCHEMA_FILENAME = "briefquiz-deck.schema.json"
SCHEMA_LINE = f"# yaml-language-server: $schema={SCHEMA_FILENAME}"


def write_text(path: Path, text: str, *, overwrite: bool = False, mode: int | None = None) -> None:
    """Write `text` as UTF-8 in one step (a temporary file renamed into place), with `mode`
    if given (0o600 for progress: it is private).

    Raises FileExistsError when `path` exists and `overwrite` is false, and OSError when the
    folder cannot be made or written; a half-written file is never left behind.
    """
    if path.exists() and not overwrite:
        raise FileExistsError(path)
    write_bytes(path, text.encode("utf-8"), mode=mode)


def write_bytes(path: Path, data: bytes, *, mode: int | None = None) -> None:
    with replacing(path) as partial:
        if mode is not None:  # created with it, so no other user can open it meanwhile
            os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode))
            os.chmod(partial, mode)
        partial.write_bytes(data)


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary file beside `path` to write; renamed onto `path` when the block ends well.

    The folder is made first. If the block raises, the temporary file is removed and `path`
    is left as it was, so a reader never sees a half-written file.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        yield partial
        os.replace(partial, path)
    except BaseException:
        with suppress(OSError):
            partial.unlink()
        raise


class InvalidDeckError(Exception):
    """A deck briefquiz made does not load: a bug, so nothing was written."""

    def __init__(self, errors: list[Finding]) -> None:
        super().__init__("\n  ".join(str(f) for f in errors))
        self.errors = errors


def write_checked_deck(path: Path, text: str, *, overwrite: bool = False) -> Path | None:
    """Write the deck `text` to `path` only if it loads there without an error, and the schema
    beside it (see `ensure_schema_beside`, whose answer this returns).

    Raises InvalidDeckError before writing anything; FileExistsError and OSError as
    `write_text` does.
    """
    _, findings = read_deck(path, text.encode("utf-8"))
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if errors:
        raise InvalidDeckError(errors)
    write_text(path, text, overwrite=overwrite)
    return ensure_schema_beside(path)


def schema_text() -> str:
    return json.dumps(deck_schema(), indent=2, ensure_ascii=False) + "\n"


def ensure_schema_beside(deck_path: Path) -> Path | None:
    """Put the deck schema next to `deck_path`, so editors can follow the deck's first line.

    Writes it when missing, refreshes it when it is an older briefquiz schema, and leaves any
    other file of that name alone. Returns the path when it wrote the file.
    """
    target = deck_path.parent / SCHEMA_FILENAME
    wanted = schema_text()
    if target.exists():
        try:
            current = target.read_text(encoding="utf-8")
            ours = json.loads(current).get("$id") == SCHEMA_ID
        except (OSError, UnicodeDecodeError, ValueError, AttributeError):
            return None
        if not ours or current == wanted:
            return None
    write_text(target, wanted, overwrite=True)
    return target
