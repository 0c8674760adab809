"""`briefquiz study DECK...`: a session in the app, or line by line with --plain."""

from __future__ import annotations

import argparse

from briefquiz.cli.common import library_for, open_store, resolve_decks
from briefquiz.clock import SystemClock
from briefquiz.errors import CommandError


def run(args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 1:
        raise CommandError("--limit needs a number of questions, 1 or more", 2)
    library = library_for(args.decks)
    decks = resolve_decks(library, args.decks)
    if not args.plain:
        from briefquiz.cli.app import run_app

        return run_app(library=library, decks=decks, cram=args.cram, limit=args.limit)
    from briefquiz.study.session import Session
    from briefquiz.ui.plain.study import PlainStudy

    with open_store() as store:
        session = Session(store, decks, SystemClock(), cram=args.cram, limit=args.limit)
        PlainStudy(session).run()
    return 0
