"""Notice when what a library was read from changes on disk: deck files and their source texts.

A plain poll, no thread: the app calls `DeckWatcher.poll` from a timer on its event loop (as
Textual's own file_monitor.py does for CSS), so nothing crosses threads. Stat-polling is cheap
(a few files) and works on every platform and file system, including network mounts where
inotify-style events never arrive. A file is stamped by its mtime in nanoseconds and its
size: an edit that keeps the size still moves the mtime.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from briefquiz.deck.library import Library, deck_files

Snapshot = dict[Path, tuple[int, int]]


def watched(library: Library) -> set[Path]:
    """The deck files under the library's roots now, and every source text its decks name."""
    paths = {path for root, _bundled in library.roots for path in deck_files(root)}
    return paths | library.sources.paths


def snapshot(paths: Iterable[Path]) -> Snapshot:
    """(mtime in ns, size) of each path that exists."""
    state: Snapshot = {}
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            continue
        state[path] = (info.st_mtime_ns, info.st_size)
    return state


def changed(before: Snapshot, after: Snapshot) -> set[Path]:
    """Files added, removed or modified between two snapshots."""
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


@dataclass(frozen=True, slots=True)
class Reload:
    """The library read again, and the deck files to tell about (their source text, if that
    is what changed)."""

    library: Library
    paths: frozenset[Path]


class DeckWatcher:
    """Remembers how a library's files stood on disk; `poll` reads it again when they change."""

    def __init__(self, library: Library) -> None:
        self._state = snapshot(watched(library))

    def poll(self, library: Library) -> Reload | None:
        """Check once: None when nothing changed, else `library` read again."""
        current = snapshot(watched(library))
        paths = changed(self._state, current)
        if not paths:
            self._state = current
            return None
        fresh = library.reload()
        # A source text named for the first time is stamped now; the rest as they stood
        # before the reading, so an edit made while it ran is seen at the next poll.
        self._state = current | snapshot(watched(fresh) - current.keys())
        decks = {
            deck
            for path in paths
            for deck in library.sources.readers(path) | fresh.sources.readers(path)
        }
        return Reload(fresh, frozenset((paths - library.sources.paths) | decks))
