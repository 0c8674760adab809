"""Where the decks and source texts that ship with briefquiz are."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def bundled_root() -> Path:
    """`_bundled/` inside an installed wheel; the repository root in a source checkout."""
    installed = _PACKAGE / "_bundled"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent.parent


def bundled_decks_dir() -> Path:
    return bundled_root() / "decks"
