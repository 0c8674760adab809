"""`briefquiz list`: the decks briefquiz knows, and the files it could not load."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from briefquiz.cli.context import Context
from briefquiz.cli.output import print_json
from briefquiz.deck.library import load_default_library
from briefquiz.ui.wording.words import plural, shown_path


@dataclass(frozen=True, slots=True)
class Options:
    format: str


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(options: Options, context: Context) -> int:
    library = load_default_library()
    if options.format == "json":
        print_json(
            [
                {
                    "id": deck.id,
                    "title": deck.title,
                    "questions": len(deck.questions),
                    "bundled": deck.bundled,
                    "path": str(deck.path),
                }
                for deck in library.decks
            ]
            + [
                {"path": str(f.path), "errors": len(f.errors), "bundled": f.bundled}
                for f in library.broken
            ]
        )
        return 0
    rows = [
        (
            deck.id,
            deck.title,
            str(len(deck.questions)),
            "bundled" if deck.bundled else shown_path(deck.path),
        )
        for deck in library.decks
    ]
    widths = [
        max([len(h), *(len(r[i]) for r in rows)])
        for i, h in enumerate(("id", "title", "questions"))
    ]
    print(f"{'id':<{widths[0]}}  {'title':<{widths[1]}}  {'questions':>{widths[2]}}  from")
    for deck_id, title, count, origin in rows:
        print(f"{deck_id:<{widths[0]}}  {title:<{widths[1]}}  {count:>{widths[2]}}  {origin}")
    for broken in library.broken:
        print(
            f"(not loaded: {shown_path(broken.path)}: {plural(len(broken.errors), 'error')}; "
            f"run briefquiz check {shown_path(broken.path)})"
        )
    print(f"\nyour own decks go in {context.paths.user_decks}")
    return 0
