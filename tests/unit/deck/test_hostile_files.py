"""Hostile deck files and source texts: refused with a located finding, never a hang."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefquiz.deck import validate
from briefquiz.deck.library import load_library
from briefquiz.deck.model import Choice
from briefquiz.deck.reading import DECK_LIMIT, SOURCE_LIMIT, FileRefused, read_regular
from briefquiz.deck.validate import read_deck

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")


def deck_naming(source: str, deck_id: str = "hostile") -> str:
    return (
        f"deck: {deck_id}\ntitle: T\nsource:\n  title: S\n  file: {source}\n"
        "questions:\n  - id: q1\n    type: flashcard\n    prompt: P\n    answer: A\n"
    )


def source_error(tmp_path: Path, source: str) -> str:
    path = tmp_path / "decks" / "hostile.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(deck_naming(source))
    deck, findings = read_deck(path)
    assert deck is None
    [finding] = [f for f in findings if f.severity == "error"]
    assert (finding.line, finding.column) == (5, 9)  # at the file: value
    return finding.message


@needs_fifo
def test_a_fifo_source_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    assert "named pipe" in source_error(tmp_path, "../pipe")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_an_endless_device_is_refused_before_a_byte_is_read(device: str) -> None:
    with pytest.raises(FileRefused, match="device"):
        read_regular(Path(device), SOURCE_LIMIT)


@pytest.mark.skipif(not Path("/etc/passwd").exists(), reason="no /etc/passwd")
def test_a_source_escaping_with_dotdot_to_a_system_file_is_refused(tmp_path: Path) -> None:
    escape = "../" * (len(tmp_path.parts) + 2) + "etc/passwd"
    assert "system file" in source_error(tmp_path, escape)


def test_a_source_over_5_mb_is_refused(tmp_path: Path) -> None:
    with (tmp_path / "huge.txt").open("wb") as out:
        out.truncate(SOURCE_LIMIT + 1)
    assert "larger than the limit of 5.0 MB" in source_error(tmp_path, "../huge.txt")


def test_a_source_at_the_limit_is_read(tmp_path: Path) -> None:
    (tmp_path / "exact.txt").write_bytes(b"a" * SOURCE_LIMIT)
    assert len(read_regular(tmp_path / "exact.txt", SOURCE_LIMIT)) == SOURCE_LIMIT


def test_a_deck_file_over_10_mb_is_refused_with_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as out:
        out.write(deck_naming("x.txt").encode())
        out.truncate(DECK_LIMIT + 1)
    deck, [finding] = read_deck(path)
    assert deck is None
    assert (finding.line, finding.column, finding.code) == (1, 1, "io")
    assert "larger than the limit of 10.0 MB" in finding.message


@needs_fifo
def test_a_hostile_deck_in_the_folder_leaves_the_others_readable(tmp_path: Path) -> None:
    folder = tmp_path / "decks"
    folder.mkdir()
    os.mkfifo(tmp_path / "pipe")
    os.mkfifo(folder / "a-pipe.yaml")
    (folder / "a-hostile.yaml").write_text(deck_naming("../pipe"))
    (folder / "b-zero.yaml").write_text(deck_naming("/dev/zero", "zero"))
    (folder / "c-good.yaml").write_text(deck_naming("../good.txt", "good"))
    (tmp_path / "good.txt").write_text("A short text.\n")
    library = load_library([(folder, False)])
    assert [deck.id for deck in library.decks] == ["good"]
    assert len(library.broken) == 2


# --------------------------------------------------------------------------- linear checks


class CountingText(str):
    """A text that counts how often it is compared for equality."""

    comparisons = 0

    def strip(self, chars: str | None = None) -> CountingText:
        return CountingText(str.strip(self, chars))

    def __eq__(self, other: object) -> bool:
        CountingText.comparisons += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def test_checking_a_list_for_repeats_is_not_quadratic() -> None:
    from briefquiz.deck.yamlnodes import Mark, Scalar, Sequence

    count = 2000
    items: list[validate.Node] = [
        Scalar(CountingText(f"option {i}"), Mark(i + 1, 1), True) for i in range(count)
    ]
    reader = validate.DeckReader(Path("x.yaml"))
    CountingText.comparisons = 0
    assert reader.texts(Sequence(Mark(1, 1), items), "options") is not None
    assert CountingText.comparisons < 10 * count  # a list scan made about count**2 / 2


def test_choice_with_many_options_gets_one_count_error(tmp_path: Path) -> None:
    options = "\n".join(f"      - option {i}" for i in range(3000))
    text = (
        "deck: big\ntitle: T\nquestions:\n  - id: q\n    type: choice\n    prompt: P\n"
        f"    answer: option 1\n    options:\n{options}\n"
    )
    deck, findings = read_deck(tmp_path / "big.yaml", text.encode())
    assert deck is None
    assert [f.code for f in findings] == ["count"]
    assert not isinstance(deck, Choice)
