"""`briefquiz` with no command: the Textual app, on every deck or on the decks given."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from briefquiz.cli.common import open_store
from briefquiz.clock import SystemClock
from briefquiz.deck.library import Library, load_default_library
from briefquiz.deck.model import Deck
from briefquiz.errors import CommandError

WATCH_INTERVAL = 0.5  # seconds between looks at the deck files


def run_app(
    *,
    library: Library | None = None,
    decks: Sequence[Deck] = (),
    cram: bool = False,
    limit: int | None = None,
) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise CommandError(
            "the study app needs a terminal; over a pipe or in a script use "
            "'briefquiz study DECK --plain' (decks: 'briefquiz list')",
            2,
        )
    from briefquiz.ui.tui.app import create_app

    library = library if library is not None else load_default_library()
    with open_store() as store:
        app = create_app(
            store=store,
            library=library,
            clock=SystemClock(),
            decks=decks,
            cram=cram,
            limit=limit,
            watch_interval=WATCH_INTERVAL,
        )
        app.run()
        return app.return_code or 0


def run(args: argparse.Namespace) -> int:
    return run_app()
