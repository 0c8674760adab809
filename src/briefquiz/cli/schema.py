"""`briefquiz schema`: the JSON Schema of the deck format, for editors and other tools."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from briefquiz.cli.context import Context
from briefquiz.cli.output import print_json
from briefquiz.deck.schema import deck_schema


@dataclass(frozen=True, slots=True)
class Options:
    pass


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(options: Options, context: Context) -> int:
    print_json(deck_schema())
    return 0
