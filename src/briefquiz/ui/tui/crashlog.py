"""An unexpected error in the app: its details go to a log file, the screen gets one line.

Textual's own report prints a traceback with the local variables of every frame, and those
hold the deck's questions and answers (a student's screen, shared or recorded, gives the
quiz away). Here the traceback, without locals, goes to `logs/` in the data directory, and
the terminal says only where it is. Every answer was committed before its feedback showed,
so nothing is lost.
"""

from __future__ import annotations

import traceback
from datetime import UTC, datetime
from pathlib import Path

from briefquiz.locations import logs_dir
from briefquiz.ui.wording.words import shown_path


def write_crash_log(error: BaseException, folder: Path | None = None) -> Path | None:
    """The traceback of `error` in a new file of `folder` (default: logs/); None if unwritable."""
    folder = folder if folder is not None else logs_dir()
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"error-{stamp}.log"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(traceback.format_exception(error)), encoding="utf-8")
    except OSError:
        return None
    return path


def crash_message(error: BaseException, path: Path | None) -> str:
    """What the terminal shows: the kind of error, where its details are, nothing of a deck."""
    where = (
        f"The details are in {shown_path(path)}."
        if path is not None
        else "Its details could not be written to the data folder."
    )
    return (
        f"briefquiz stopped on an unexpected error ({type(error).__name__}). "
        f"Every answer you gave is saved. {where}"
    )
