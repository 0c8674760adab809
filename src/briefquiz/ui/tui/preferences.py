"""What the app remembers between runs: the theme, in a small JSON file in the data dir.

A file that is missing, unreadable or not ours is ignored (the default theme is used);
the file is written only when the learner changes the theme.
"""

from __future__ import annotations

import json
from pathlib import Path

from briefquiz.locations import data_dir

FILE_NAME = "app-settings.json"


def preferences_path() -> Path:
    return data_dir() / FILE_NAME


def load_theme(path: Path) -> str | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    theme = data.get("theme") if isinstance(data, dict) else None
    return theme if isinstance(theme, str) else None


def save_theme(path: Path, theme: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"theme": theme}) + "\n", encoding="utf-8")
    except OSError:
        pass  # a theme not remembered is no reason to stop studying
