"""Paths as the user can paste them back into a shell: short, and quoted when they must be."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

from briefquiz.text.paths import relative_path


def for_shell(path: Path) -> str:
    """Relative to the working folder when inside it, absolute otherwise; shell-quoted."""
    absolute = path.resolve()
    relative = relative_path(absolute) or str(absolute)
    shown = str(absolute) if relative.startswith("..") else relative
    return shown if os.name == "nt" else shlex.quote(shown)
