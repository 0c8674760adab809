"""`briefquiz export anki DECK [-o FILE.apkg]`: a deck as an Anki package."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from briefquiz.authoring.anki_export import write_apkg
from briefquiz.cli.common import one_deck
from briefquiz.cli.context import Context
from briefquiz.errors import CommandError
from briefquiz.ui.wording.words import plural, shown_path


@dataclass(frozen=True, slots=True)
class Options:
    deck: str
    output: Path | None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("deck", metavar="DECK", help="a deck id or a deck file's path")
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE.apkg", help="default: DECK-ID.apkg here"
    )


def run(options: Options, context: Context) -> int:
    deck = one_deck(options.deck)
    output: Path = options.output or Path(f"{deck.id}.apkg")
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
