"""Small helpers shared by the commands that print for people."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any


def shown_path(path: Path) -> str:
    """A path as short as it can honestly be: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"
