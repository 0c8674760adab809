from __future__ import annotations

import os
import threading
from pathlib import Path

from briefquiz.deck.library import load_library
from briefquiz.deck.sourcetext import deck_source
from briefquiz.deck.watch import DeckWatcher
from paths import FIXTURE_DECKS


def _touch(path: Path, text: str, mtime_ns: int) -> None:
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(mtime_ns, mtime_ns))


def test_poll_reports_added_modified_and_removed_files(tmp_path: Path) -> None:
    first = tmp_path / "a.yaml"
    _touch(first, "deck: a\n", 1_000_000_000)
    library = load_library([(tmp_path, False)])
    watcher = DeckWatcher(library)
    assert watcher.poll(library) is None

    _touch(first, "deck: a\ntitle: A\n", 2_000_000_000)
    second = tmp_path / "b.yml"
    _touch(second, "deck: b\n", 2_000_000_000)
    (tmp_path / "notes.txt").write_text("not a deck", encoding="utf-8")
    change = watcher.poll(library)
    assert change is not None and change.paths == {first, second}
    assert [f.path for f in change.library.files] == [first, second]
    assert [f.path for f in library.files] == [first]  # the old library is left as it was

    second.unlink()
    again = watcher.poll(change.library)
    assert again is not None and again.paths == {second}
    assert watcher.poll(again.library) is None


def test_an_edit_that_keeps_the_size_is_noticed(tmp_path: Path) -> None:
    deck = tmp_path / "a.yaml"
    _touch(deck, "deck: a\n", 1_000_000_000)
    library = load_library([(tmp_path, False)])
    watcher = DeckWatcher(library)
    _touch(deck, "deck: b\n", 2_000_000_000)  # same length, later mtime
    change = watcher.poll(library)
    assert change is not None and change.paths == {deck}


def _deck_with_source(folder: Path) -> tuple[Path, Path]:
    folder.mkdir()
    text = (FIXTURE_DECKS / "source.txt").read_text(encoding="utf-8")
    _touch(folder / "source.txt", text, 1_000_000_000)
    deck = (FIXTURE_DECKS / "valid-with-source.yaml").read_text(encoding="utf-8")
    _touch(folder / "deck.yaml", deck, 1_000_000_000)
    return folder / "deck.yaml", folder / "source.txt"


def test_an_edited_source_text_reloads_the_decks_that_name_it(tmp_path: Path) -> None:
    deck_file, source = _deck_with_source(tmp_path / "decks")
    library = load_library([(deck_file.parent, False)])
    [deck] = library.decks
    watcher = DeckWatcher(library)
    old = source.read_text(encoding="utf-8")
    _touch(source, old + "\nA paragraph added at the end, long enough to count.\n", 2_000_000_000)

    change = watcher.poll(library)
    assert change is not None and change.paths == {deck_file}  # the deck, not the text
    [fresh] = change.library.decks
    fresh_text, old_text = deck_source(fresh), deck_source(deck)
    assert fresh_text is not None and old_text is not None
    assert "added at the end" in fresh_text.text and "added at the end" not in old_text.text
    assert watcher.poll(change.library) is None


def test_a_source_text_that_goes_missing_breaks_its_deck(tmp_path: Path) -> None:
    deck_file, source = _deck_with_source(tmp_path / "decks")
    library = load_library([(deck_file.parent, False)])
    watcher = DeckWatcher(library)
    source.unlink()
    change = watcher.poll(library)
    assert change is not None and change.paths == {deck_file}
    assert not change.library.decks
    assert [f.code for f in change.library.broken[0].errors] == ["source-missing"]

    _touch(source, (FIXTURE_DECKS / "source.txt").read_text(encoding="utf-8"), 3_000_000_000)
    back = watcher.poll(change.library)
    assert back is not None and back.paths == {deck_file} and back.library.decks


def test_polling_starts_no_thread(tmp_path: Path) -> None:
    """The app polls from a timer on its event loop: the watcher has no thread of its own."""
    before = threading.active_count()
    library = load_library([(tmp_path, False)])
    watcher = DeckWatcher(library)
    _touch(tmp_path / "a.yaml", "deck: a\n", 1_000_000_000)
    assert watcher.poll(library) is not None
    assert threading.active_count() == before
