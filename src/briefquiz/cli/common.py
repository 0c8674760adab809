"""What several commands need: the library, and the decks named on the command line."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from briefquiz.cli.output import add_force
from briefquiz.deck.library import DECK_SUFFIXES, Library, load_default_library
from briefquiz.deck.model import Deck
from briefquiz.errors import CommandError
from briefquiz.ui.wording.words import shown_path


def _looks_like_path(ref: str) -> bool:
    return ref.endswith(DECK_SUFFIXES) or "/" in ref or "\\" in ref


def library_for(refs: Sequence[str]) -> Library:
    """The default library plus any deck files named by path."""
    return load_default_library([Path(r) for r in refs if _looks_like_path(r) and Path(r).exists()])


def resolve_decks(library: Library, refs: Sequence[str]) -> list[Deck]:
    """Each DECK argument, a deck id or a deck file's path, as a loaded deck."""
    decks: list[Deck] = []
    for ref in refs:
        deck = library.find(ref)
        if deck is None:
            decks_file = library.file_for(Path(ref)) if _looks_like_path(ref) else None
            if decks_file is not None and decks_file.errors:
                first = decks_file.errors[0]
                raise CommandError(
                    f"{shown_path(decks_file.path)} has {len(decks_file.errors)} error(s), e.g.\n"
                    f"  {first}\nrun: briefquiz check {shown_path(decks_file.path)}"
                )
            if _looks_like_path(ref) and not Path(ref).exists():
                raise CommandError(f"no such deck file: {ref}", 2)
            known = ", ".join(d.id for d in library.decks) or "none"
            raise CommandError(f"no deck {ref!r}; known decks: {known}", 2)
        if deck not in decks:
            decks.append(deck)
    return decks


def one_deck(ref: str) -> Deck:
    """The deck a single DECK argument names."""
    return resolve_decks(library_for([ref]), [ref])[0]


@dataclass(frozen=True, slots=True)
class DeckOut:
    """The options of a command that writes one deck out: `DECK [-o FILE]`."""

    deck: str
    output: Path | None
    force: bool


def add_deck_out(parser: argparse.ArgumentParser, file: str, default: str) -> None:
    parser.add_argument("deck", metavar="DECK", help="a deck id or a deck file's path")
    parser.add_argument("-o", "--output", type=Path, metavar=file, help=f"default: {default}")
    add_force(parser)
