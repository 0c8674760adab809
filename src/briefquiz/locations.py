"""Where briefquiz keeps its files.

Everything lives under one data directory: the platform's user data directory, or
``$BRIEFQUIZ_DATA_DIR`` when that is set (the tests use it). Nothing here creates a
directory; the code that writes a file creates its parent.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

DATA_DIR_ENV = "BRIEFQUIZ_DATA_DIR"


class DataDirError(ValueError):
    """The data directory is named wrongly (the command line says so and stops)."""


def data_dir() -> Path:
    """The directory holding the progress database, user decks and backups."""
    override = os.environ.get(DATA_DIR_ENV)
    if override is not None:
        if not override.strip():
            # Set but empty: a script's unset variable, most likely. Falling back to the home
            # data directory would study (and write) somewhere the user did not mean.
            raise DataDirError(
                f"{DATA_DIR_ENV} is set but empty; set it to a folder, or unset it to use "
                f"{platformdirs.user_data_dir('briefquiz', appauthor=False)}"
            )
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("briefquiz", appauthor=False))


def database_path() -> Path:
    """The SQLite file with scheduling state and the review log."""
    return data_dir() / "progress.sqlite3"


def user_decks_dir() -> Path:
    """Where the user's own deck files are looked for."""
    return data_dir() / "decks"


def backups_dir() -> Path:
    """Where copies of the progress database are kept."""
    return data_dir() / "backups"


def logs_dir() -> Path:
    """Where the app writes the details of an unexpected error."""
    return data_dir() / "logs"
