from __future__ import annotations

import os
import threading
from pathlib import Path

from briefquiz.deck.watch import DeckWatcher


def _touch(path: Path, text: str, mtime_ns: int) -> None:
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(mtime_ns, mtime_ns))


def test_poll_reports_added_modified_and_removed_files(tmp_path: Path) -> None:
    first = tmp_path / "a.yaml"
    _touch(first, "deck: a\n", 1_000_000_000)
    seen: list[set[Path]] = []
    watcher = DeckWatcher([tmp_path], seen.append)
    assert watcher.poll() == set()

    _touch(first, "deck: a\ntitle: A\n", 2_000_000_000)
    second = tmp_path / "b.yml"
    _touch(second, "deck: b\n", 2_000_000_000)
    (tmp_path / "notes.txt").write_text("not a deck", encoding="utf-8")
    assert watcher.poll() == {first, second}

    second.unlink()
    assert watcher.poll() == {second}
    assert seen == [{first, second}, {second}]


def test_the_thread_calls_back_without_being_polled(tmp_path: Path) -> None:
    deck = tmp_path / "a.yaml"
    _touch(deck, "deck: a\n", 1_000_000_000)
    called = threading.Event()
    watcher = DeckWatcher([tmp_path], lambda paths: called.set(), interval=0.01)
    watcher.start()
    try:
        _touch(deck, "deck: a\ntitle: changed\n", 3_000_000_000)
        assert called.wait(timeout=5)
    finally:
        watcher.stop()
