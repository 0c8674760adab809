"""`briefquiz export markdown DECK [-o FILE.md]`: a deck as a printable study sheet."""

from __future__ import annotations

import argparse
import sys

from briefquiz.authoring.markdown_export import deck_markdown
from briefquiz.cli.common import DeckOut, add_deck_out, one_deck
from briefquiz.cli.context import Context
from briefquiz.cli.output import checked_output, write_or_print
from briefquiz.ui.wording.words import plural, shown_path

Options = DeckOut


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_deck_out(parser, "FILE.md", "standard output")


def run(options: Options, context: Context) -> int:
    deck = one_deck(options.deck)
    if options.output is not None:
        checked_output(options.output, context.paths, force=options.force)
    write_or_print(deck_markdown(deck), options.output)
    if options.output is not None:
        print(
            f"wrote {shown_path(options.output)}: {deck.title}, "
            f"{plural(len(deck.questions), 'question')} with answers",
            file=sys.stderr,
        )
    return 0
