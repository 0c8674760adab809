"""`briefquiz` with no command: the Textual app, on every deck or on the decks given."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefquiz.cli.context import Context
from briefquiz.deck.library import Library, load_default_library
from briefquiz.deck.model import Deck
from briefquiz.errors import CommandError

if TYPE_CHECKING:
    from briefquiz.progress.repository import Store
    from briefquiz.ui.tui.app import BriefquizApp

WATCH_INTERVAL = 0.5  # seconds between looks at the deck files
#: Terminals that cannot place the cursor or draw colour (Emacs shells, some CI logs).
DUMB_TERMINALS = frozenset({"dumb", "unknown"})


@dataclass(frozen=True, slots=True)
class Options:
    pass


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def build_app(
    context: Context,
    store: Store,
    *,
    library: Library,
    decks: Sequence[Deck] = (),
    cram: bool = False,
    limit: int | None = None,
    notices: Sequence[str] = (),
) -> BriefquizApp:
    """The app as the command line starts it (not yet running): it watches the deck files
    and shows `notices` when it starts."""
    from briefquiz.ui.tui.app import create_app

    return create_app(
        store=store,
        library=library,
        clock=context.clock,
        decks=decks,
        cram=cram,
        limit=limit,
        watch_interval=WATCH_INTERVAL,
        notices=notices,
    )


def run_app(
    context: Context,
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
    term = os.environ.get("TERM", "")
    if term in DUMB_TERMINALS:
        raise CommandError(
            f"this terminal (TERM={term or 'unset'}) cannot draw the study app; use "
            "'briefquiz study DECK --plain', which works line by line (decks: 'briefquiz list')",
            2,
        )
    library = library if library is not None else load_default_library()
    notices: list[str] = []
    with context.open_store(told=notices) as store:
        app = build_app(
            context, store, library=library, decks=decks, cram=cram, limit=limit, notices=notices
        )
        app.run()
        return app.return_code or 0


def run(options: Options, context: Context) -> int:
    return run_app(context)
