"""`briefquiz import csv|progress` and `briefquiz export anki|markdown|progress`."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from briefquiz.authoring.ids import title_from_name
from briefquiz.cli.common import library_for, open_store, resolve_decks
from briefquiz.deck.findings import Severity
from briefquiz.deck.library import DECK_SUFFIXES, load_default_library
from briefquiz.deck.model import Deck
from briefquiz.deck.validate import read_deck
from briefquiz.errors import CommandError
from briefquiz.ui.wording.words import plural, shown_path

# -- shared ---------------------------------------------------------------------------------


def _one_deck(ref: str) -> Deck:
    return resolve_decks(library_for([ref]), [ref])[0]


def _write_or_print(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from briefquiz.authoring.files import write_text

    try:
        write_text(output, text, overwrite=True)
    except OSError as err:
        raise CommandError(f"cannot write {output}: {err.strerror or err}") from None


# -- import csv -----------------------------------------------------------------------------

MAX_PROBLEMS_SHOWN = 30


def run_import_csv(args: argparse.Namespace) -> int:
    from briefquiz.authoring.csv_import import deck_data, deck_yaml, delimiter_for, read_cards
    from briefquiz.authoring.files import ensure_schema_beside, write_text
    from briefquiz.authoring.ids import is_valid_id, slugify
    from briefquiz.authoring.shellpath import for_shell
    from briefquiz.locations import user_decks_dir

    deck_id: str = args.deck
    if not is_valid_id(deck_id):
        suggestion = slugify(deck_id)
        hint = f" (e.g. {suggestion})" if suggestion else ""
        raise CommandError(
            f"--deck {deck_id!r}: a deck id holds only lowercase letters, digits, '-' and '_'"
            f"{hint}",
            2,
        )
    output: Path = args.output or user_decks_dir() / f"{deck_id}.yaml"
    if output.suffix not in DECK_SUFFIXES:
        raise CommandError(f"-o {output}: a deck file's name ends in .yaml or .yml", 2)
    if output.is_dir():
        raise CommandError(f"-o {output} is a folder; name the deck file, e.g. {deck_id}.yaml", 2)
    if output.exists() and not args.force:
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

    source: Path = args.file
    try:
        data = source.read_bytes()
    except FileNotFoundError:
        raise CommandError(f"{source}: no such file", 2) from None
    except IsADirectoryError:
        raise CommandError(f"{source} is a folder, not a CSV file", 2) from None
    except OSError as err:
        raise CommandError(f"{source}: cannot be read: {err.strerror or err}") from None

    cards = read_cards(data, delimiter_for(source), typed=args.typed)
    shown = shown_path(source)
    label = "warning" if args.skip_bad else "error"
    suffix = " (skipped)" if args.skip_bad else ""
    for problem in cards.problems[:MAX_PROBLEMS_SHOWN]:
        print(f"{shown}:{problem.line}: {label}: {problem.message}{suffix}", file=sys.stderr)
    if len(cards.problems) > MAX_PROBLEMS_SHOWN:
        hidden = len(cards.problems) - MAX_PROBLEMS_SHOWN
        print(f"{shown}: ... and {plural(hidden, 'more bad row')}", file=sys.stderr)
    for note in cards.notes:
        print(f"{shown}:{note.line}: note: {note.message}", file=sys.stderr)
    if cards.problems and not args.skip_bad:
        good = f"; or --skip-bad to import the {plural(len(cards.cards), 'good row')}"
        raise CommandError(
            f"{plural(len(cards.problems), 'bad row')} in {shown}, nothing written "
            f"(fix {'it' if len(cards.problems) == 1 else 'them'}"
            f"{good if cards.cards else ''})"
        )
    if not cards.cards:
        raise CommandError(f"{shown} has no rows to import (front,back[,tags] per line)")

    title = args.title.strip() if args.title and args.title.strip() else title_from_name(deck_id)
    text = deck_yaml(deck_data(deck_id, title, cards.cards, typed=args.typed), source.name)
    _, findings = read_deck(output, text.encode("utf-8"))
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if errors:  # a bug: never write a deck that does not load
        details = "\n  ".join(str(f) for f in errors)
        raise CommandError(f"the deck came out invalid (please report this):\n  {details}")
    try:
        write_text(output, text, overwrite=args.force)
        ensure_schema_beside(output)
    except OSError as err:
        raise CommandError(f"cannot write {output}: {err.strerror or err}") from None

    kind = "typed question" if args.typed else "flashcard"
    skipped = f", {plural(len(cards.problems), 'bad row')} skipped" if cards.problems else ""
    header = " (the header row was skipped)" if cards.header else ""
    print(
        f"wrote {for_shell(output)}: deck {deck_id!r}, "
        f"{plural(len(cards.cards), kind)}{skipped}{header}"
    )
    in_library = output.resolve().is_relative_to(user_decks_dir().resolve())
    study = deck_id if in_library else for_shell(output)
    print(f"next: briefquiz check {for_shell(output)}   then: briefquiz study {study}")
    return 0


# -- progress -------------------------------------------------------------------------------


def run_export_progress(args: argparse.Namespace) -> int:
    from briefquiz.authoring.progress_transfer import describe_export, progress_text

    with open_store() as store:
        exported = store.export_json()
    _write_or_print(progress_text(exported), args.output)
    if args.output is not None:
        print(f"wrote {shown_path(args.output)}: {describe_export(exported)}", file=sys.stderr)
    return 0


def run_import_progress(args: argparse.Namespace) -> int:
    from briefquiz.authoring.progress_transfer import (
        ProgressFileError,
        describe_import,
        read_progress_file,
    )
    from briefquiz.locations import backups_dir
    from briefquiz.progress.database import StoreError

    try:
        data = read_progress_file(args.file)
    except ProgressFileError as err:
        raise CommandError(str(err)) from None
    with open_store() as store:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = backups_dir() / f"progress-before-import-{stamp}.sqlite3"
        try:
            store.backup(backup)
            summary = store.import_json(data)
        except StoreError as err:
            backup.unlink(missing_ok=True)  # nothing changed: no need for it
            raise CommandError(str(err)) from None
    print(describe_import(summary))
    print(f"(your progress before the import is kept in {shown_path(backup)})")
    return 0


# -- decks out ------------------------------------------------------------------------------


def run_export_markdown(args: argparse.Namespace) -> int:
    from briefquiz.authoring.markdown_export import deck_markdown

    deck = _one_deck(args.deck)
    _write_or_print(deck_markdown(deck), args.output)
    if args.output is not None:
        print(
            f"wrote {shown_path(args.output)}: {deck.title}, "
            f"{plural(len(deck.questions), 'question')} with answers",
            file=sys.stderr,
        )
    return 0


def run_export_anki(args: argparse.Namespace) -> int:
    from briefquiz.authoring.anki_export import write_apkg

    deck = _one_deck(args.deck)
    output: Path = args.output or Path(f"{deck.id}.apkg")
    if output.is_dir():
        output = output / f"{deck.id}.apkg"
    try:
        notes = write_apkg(deck, output)
    except OSError as err:
        raise CommandError(f"cannot write {output}: {err.strerror or err}") from None
    print(
        f"wrote {shown_path(output)}: Anki deck {deck.title!r}, {plural(notes, 'note')}. "
        "Import it in Anki with File > Import; importing a newer export updates the notes."
    )
    return 0
