"""`briefquiz study DECK...`: a session in the app, or line by line with --plain."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from briefquiz.cli.common import library_for, resolve_decks
from briefquiz.cli.context import Context
from briefquiz.errors import CommandError


@dataclass(frozen=True, slots=True)
class Options:
    decks: Sequence[str]
    plain: bool
    cram: bool
    limit: int | None
    seed: int | None = None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("decks", nargs="+", metavar="DECK", help="a deck id or a deck file's path")
    parser.add_argument(
        "--plain",
        action="store_true",
        help="plain text, one line per answer (pipes, screen readers)",
    )
    parser.add_argument(
        "--cram",
        action="store_true",
        help="every question, weakest first, without changing any schedule",
    )
    parser.add_argument("--limit", type=int, metavar="N", help="stop after N questions")
    parser.add_argument(
        "--seed",
        type=int,
        metavar="N",
        help="with --plain: shuffle the options the same way every run (for scripted answers)",
    )


def run(options: Options, context: Context) -> int:
    if options.limit is not None and options.limit < 1:
        raise CommandError("--limit needs a number of questions, 1 or more", 2)
    if options.seed is not None and not options.plain:
        raise CommandError("--seed is for --plain, whose answers a script can then plan", 2)
    library = library_for(options.decks)
    decks = resolve_decks(library, options.decks)
    if not options.plain:
        from briefquiz.cli.app import run_app

        return run_app(
            context, library=library, decks=decks, cram=options.cram, limit=options.limit
        )
    import random

    from briefquiz.study.session import Session
    from briefquiz.ui.plain.study import PlainStudy

    rng = random.Random(options.seed)  # a seed of None: a fresh shuffle every run
    with context.open_store() as store:
        session = Session(
            store, decks, context.clock, cram=options.cram, limit=options.limit, rng=rng
        )
        PlainStudy(session, stdin=sys.stdin, stdout=sys.stdout).run()
    return 0
