"""Writing the files authors get: a deck never overwritten by accident, the schema beside it."""

from __future__ import annotations

import json
import os
from contextlib import suppress
from pathlib import Path

from briefquiz.deck.schema import SCHEMA_ID, deck_schema

SCHEMA_FILENAME = "briefquiz-deck.schema.json"
SCHEMA_LINE = f"# yaml-language-server: $schema={SCHEMA_FILENAME}"


def write_text(path: Path, text: str, *, overwrite: bool = False) -> None:
    """Write `text` as UTF-8 in one step (a temporary file renamed into place).

    Raises FileExistsError when `path` exists and `overwrite` is false, and OSError when the
    folder cannot be made or written; a half-written file is never left behind.
    """
    if path.exists() and not overwrite:
        raise FileExistsError(path)
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            tmp.unlink()
        raise


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
