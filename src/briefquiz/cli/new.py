"""`briefquiz new PATH [--source TEXT [--starts-at N]] [--force]`: a starter deck that checks."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from briefquiz.authoring.ids import slugify, title_from_name, unique_id
from briefquiz.authoring.scaffold import StarterSource, has_passages, source_title, starter_deck
from briefquiz.authoring.shellpath import for_shell
from briefquiz.authoring.textstart import text_after_start
from briefquiz.cli.context import Context
from briefquiz.cli.output import write_deck
from briefquiz.deck.library import DECK_SUFFIXES, load_default_library
from briefquiz.deck.sourcetext import SourceText
from briefquiz.errors import CommandError
from briefquiz.text.paths import relative_path
from briefquiz.ui.wording.words import shown_path

FALLBACK_ID = "my-deck"


def _deck_path(raw: Path) -> Path:
    if raw.suffix == "":
        return raw.with_suffix(".yaml")
    if raw.suffix not in DECK_SUFFIXES:
        raise CommandError(f"{raw}: a deck file's name ends in .yaml or .yml", 2)
    return raw


def _free_deck_id(path: Path) -> tuple[str, str | None]:
    """An id from the file name, changed if another deck already has it (and why)."""
    wanted = slugify(path.stem) or FALLBACK_ID
    target = path.resolve()
    others = {
        deck.id: deck.path for deck in load_default_library().decks if deck.path.resolve() != target
    }
    if wanted not in others:
        return wanted, None
    chosen = unique_id(wanted, others)
    return chosen, f"deck id {wanted!r} is taken by {shown_path(others[wanted])}"


def _relative(target: Path, start: Path) -> str:
    return Path(relative_path(target.resolve(), start.resolve()) or target.resolve()).as_posix()


def _source(raw: Path, deck_path: Path, starts_at: int | None) -> tuple[StarterSource, str]:
    try:
        text = SourceText.read(raw)
    except FileNotFoundError:
        raise CommandError(f"--source {raw}: no such file", 2) from None
    except IsADirectoryError:
        raise CommandError(f"--source {raw}: is a folder; give a UTF-8 text file", 2) from None
    except UnicodeDecodeError:
        raise CommandError(f"--source {raw}: not UTF-8 text; save it as UTF-8 first", 1) from None
    except OSError as err:
        raise CommandError(f"--source {raw}: cannot be read: {err.strerror}", 1) from None
    if not has_passages(text):
        raise CommandError(f"--source {raw}: the file has no text to ask about", 1)
    fallback = title_from_name(raw.stem)
    started, said = text_after_start(text, starts_at)
    title = source_title(text, fallback)
    return StarterSource(started, _relative(raw, deck_path.parent), title), said


@dataclass(frozen=True, slots=True)
class Options:
    path: Path
    source: Path | None
    starts_at: int | None
    force: bool


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, metavar="PATH", help="the deck file to write (.yaml)")
    parser.add_argument(
        "--source",
        type=Path,
        metavar="TEXTFILE",
        help="the article the deck is about (UTF-8 text); the examples quote it",
    )
    parser.add_argument(
        "--starts-at",
        type=int,
        metavar="N",
        help="the line where the article's text starts (default: found by skipping captions, "
        "time stamps, an editor's note, bylines and a title)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite PATH if it exists")


def run(options: Options, context: Context) -> int:
    path = _deck_path(options.path)
    if path.is_dir():
        raise CommandError(f"{path} is a folder; give the deck file's name, e.g. {path}/deck.yaml")
    if path.exists() and not options.force:
        raise CommandError(f"{path} already exists; use --force to overwrite it")
    deck_id, renamed = _free_deck_id(path)
    source, start = (
        _source(options.source, path, options.starts_at)
        if options.source is not None
        else (None, "")
    )
    text = starter_deck(deck_id, title_from_name(path.stem), source, path.name)
    schema = write_deck(path, text, overwrite=options.force, what="the starter deck")

    shown = for_shell(path)
    if renamed:
        print(f"note: {renamed}, so this deck's id is {deck_id!r}")
    kinds = text.count("\n    type: ")
    print(f"wrote {shown}: deck {deck_id!r} with one example question of each of {kinds} types")
    if source is not None:
        print(f"  its source is {source.file}; each example quotes it")
        print(f"  {start}")
    if schema is not None:
        print(f"  and {for_shell(schema)}, so editors can check the deck as you type")
    print("next:")
    print(f"  1. edit {shown}: replace the examples with your own questions")
    print(f"  2. briefquiz check {shown}")
    decks_dir = context.paths.user_decks
    in_library = path.resolve().is_relative_to(decks_dir.resolve())
    print(f"  3. briefquiz study {deck_id if in_library else shown}")
    if not in_library:
        print(f"(decks in {decks_dir} are listed in the app; any other is opened by its path)")
    return 0
