"""`briefquiz import csv FILE --deck ID`: a deck of flashcards (or typed questions) from a CSV."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from briefquiz.authoring.csv_import import deck_data, deck_yaml, delimiter_for, read_cards
from briefquiz.authoring.ids import is_valid_id, slugify, title_from_name
from briefquiz.authoring.shellpath import for_shell
from briefquiz.cli.context import Context
from briefquiz.cli.output import write_deck
from briefquiz.deck.library import DECK_SUFFIXES, load_default_library
from briefquiz.deck.reading import DATA_LIMIT, read_regular
from briefquiz.errors import CommandError
from briefquiz.ui.wording.words import plural, shown_path

MAX_PROBLEMS_SHOWN = 30


@dataclass(frozen=True, slots=True)
class Options:
    file: Path
    deck: str
    output: Path | None
    typed: bool
    title: str | None
    skip_bad: bool
    force: bool


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Make a deck of flashcards (or typed questions) from a CSV file with the "
        "columns front, back and, optionally, tags (separated by spaces or ';'). A header "
        "row 'front,back[,tags]' is recognised. Files ending .tsv are read tab-separated."
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the CSV (or .tsv) file")
    parser.add_argument("--deck", required=True, metavar="ID", help="the new deck's id")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT.yaml",
        help="where to write the deck (default: ID.yaml in your decks folder)",
    )
    parser.add_argument(
        "--typed",
        action="store_true",
        help="typed questions instead of flashcards; '|' in back separates accepted answers",
    )
    parser.add_argument("--title", metavar="T", help="the deck's title (default: from ID)")
    parser.add_argument(
        "--skip-bad", action="store_true", help="write the good rows even if some are bad"
    )
    parser.add_argument("--force", action="store_true", help="overwrite the output file")


def run(options: Options, context: Context) -> int:
    deck_id: str = options.deck
    if not is_valid_id(deck_id):
        suggestion = slugify(deck_id)
        hint = f" (e.g. {suggestion})" if suggestion else ""
        raise CommandError(
            f"--deck {deck_id!r}: a deck id holds only lowercase letters, digits, '-' and '_'"
            f"{hint}",
            2,
        )
    output: Path = options.output or context.paths.user_decks / f"{deck_id}.yaml"
    if output.suffix not in DECK_SUFFIXES:
        raise CommandError(f"-o {output}: a deck file's name ends in .yaml or .yml", 2)
    if output.is_dir():
        raise CommandError(f"-o {output} is a folder; name the deck file, e.g. {deck_id}.yaml", 2)
    if output.exists() and not options.force:
        raise CommandError(f"{shown_path(output)} already exists; use --force to overwrite it")
    owner = next(
        (
            deck
            for deck in load_default_library().decks
            if deck.id == deck_id and deck.path.resolve() != output.resolve()
        ),
        None,
    )
    if owner is not None:
        raise CommandError(
            f"deck id {deck_id!r} is already used by {shown_path(owner.path)}; "
            "choose another --deck"
        )

    source: Path = options.file
    try:
        data = read_regular(source, DATA_LIMIT)
    except FileNotFoundError:
        raise CommandError(f"{source}: no such file", 2) from None
    except IsADirectoryError:
        raise CommandError(f"{source} is a folder, not a CSV file", 2) from None
    except OSError as err:
        raise CommandError(f"{source}: cannot be read: {err.strerror or err}") from None

    cards = read_cards(data, delimiter_for(source), typed=options.typed)
    shown = shown_path(source)
    label = "warning" if options.skip_bad else "error"
    suffix = " (skipped)" if options.skip_bad else ""
    for problem in cards.problems[:MAX_PROBLEMS_SHOWN]:
        print(f"{shown}:{problem.line}: {label}: {problem.message}{suffix}", file=sys.stderr)
    if len(cards.problems) > MAX_PROBLEMS_SHOWN:
        hidden = len(cards.problems) - MAX_PROBLEMS_SHOWN
        print(f"{shown}: ... and {plural(hidden, 'more bad row')}", file=sys.stderr)
    for note in cards.notes:
        print(f"{shown}:{note.line}: note: {note.message}", file=sys.stderr)
    if cards.problems and not options.skip_bad:
        good = f"; or --skip-bad to import the {plural(len(cards.cards), 'good row')}"
        raise CommandError(
            f"{plural(len(cards.problems), 'bad row')} in {shown}, nothing written "
            f"(fix {'it' if len(cards.problems) == 1 else 'them'}"
            f"{good if cards.cards else ''})"
        )
    if not cards.cards:
        raise CommandError(f"{shown} has no rows to import (front,back[,tags] per line)")

    title = (
        options.title.strip()
        if options.title and options.title.strip()
        else title_from_name(deck_id)
    )
    text = deck_yaml(deck_data(deck_id, title, cards.cards, typed=options.typed), source.name)
    write_deck(output, text, overwrite=options.force)

    kind = "typed question" if options.typed else "flashcard"
    skipped = f", {plural(len(cards.problems), 'bad row')} skipped" if cards.problems else ""
    header = " (the header row was skipped)" if cards.header else ""
    print(
        f"wrote {for_shell(output)}: deck {deck_id!r}, "
        f"{plural(len(cards.cards), kind)}{skipped}{header}"
    )
    in_library = output.resolve().is_relative_to(context.paths.user_decks.resolve())
    study = deck_id if in_library else for_shell(output)
    print(f"next: briefquiz check {for_shell(output)}   then: briefquiz study {study}")
    return 0
