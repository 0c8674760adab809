"""`briefquiz export markdown DECK [-o FILE.md]`: a deck as a printable study sheet."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from briefquiz.authoring.markdown_export import deck_markdown
from briefquiz.cli.common import one_deck
from briefquiz.cli.context import Context
from briefquiz.cli.output import write_or_print
from briefquiz.ui.wording.words import plural, shown_path


@dataclass(frozen=True, slots=True)
class Options:
    deck: str
    output: Path | None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("deck", metavar="DECK", help="a deck id or a deck file's path")
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE.md", help="default: standard output"
    )


def run(options: Options, context: Context) -> int:
    deck = one_deck(options.deck)
    write_or_print(deck_markdown(deck), options.output)
    if options.output is not None:
        print(
            f"wrote {shown_path(options.output)}: {deck.title}, "
            f"{plural(len(deck.questions), 'question')} with answers",
            file=sys.stderr,
        )
    return 0
