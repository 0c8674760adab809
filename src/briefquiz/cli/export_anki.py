"""`briefquiz export anki DECK [-o FILE.apkg]`: a deck as an Anki package."""

from __future__ import annotations

import argparse
from pathlib import Path

from briefquiz.authoring.anki_export import write_apkg
from briefquiz.cli.common import DeckOut, add_deck_out, one_deck
from briefquiz.cli.context import Context
from briefquiz.cli.output import cannot_write, checked_output
from briefquiz.ui.wording.words import plural, shown_path

Options = DeckOut


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_deck_out(parser, "FILE.apkg", "DECK-ID.apkg here")


def run(options: Options, context: Context) -> int:
    deck = one_deck(options.deck)
    output: Path = options.output or Path(f"{deck.id}.apkg")
    if output.is_dir():
        output = output / f"{deck.id}.apkg"
    checked_output(output, context.paths, force=options.force)
    try:
        notes = write_apkg(deck, output)
    except OSError as err:
        raise cannot_write(output, err) from None
    print(
        f"wrote {shown_path(output)}: Anki deck {deck.title!r}, {plural(notes, 'note')}. "
        "Import it in Anki with File > Import; importing a newer export updates the notes."
    )
    return 0
