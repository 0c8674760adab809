"""Notice deck files that change on disk, from a background thread.

Stat-polling a deck folder is cheap (a few files) and works on every platform and file
system, including network mounts where inotify-style events never arrive.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from briefquiz.deck.library import deck_files

Snapshot = dict[Path, tuple[int, int]]


def snapshot(roots: Iterable[Path]) -> Snapshot:
    """(mtime in ns, size) of every deck file under the roots."""
    state: Snapshot = {}
    for root in roots:
        for path in deck_files(root):
            try:
                info = path.stat()
            except OSError:
                continue
            state[path] = (info.st_mtime_ns, info.st_size)
    return state


def changed(before: Snapshot, after: Snapshot) -> set[Path]:
    """Files added, removed or modified between two snapshots."""
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


class DeckWatcher:
    """Calls `on_change(paths)` from its own thread whenever deck files under `roots` change."""

    def __init__(
        self,
        roots: Iterable[Path],
        on_change: Callable[[set[Path]], object],
        interval: float = 0.5,
    ) -> None:
        self.roots = tuple(roots)
        self.on_change = on_change
        self.interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._state = snapshot(self.roots)

    def start(self) -> None:
        self._thread = threading.Thread(
            target=self._run, name="briefquiz-deck-watcher", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)

    def poll(self) -> set[Path]:
        """Check once; report and remember what changed since the last check."""
        current = snapshot(self.roots)
        paths = changed(self._state, current)
        self._state = current
        if paths:
            self.on_change(paths)
        return paths

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.poll()
