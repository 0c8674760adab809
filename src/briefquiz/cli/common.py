"""What several commands need: the library, the decks named on the command line, the store."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from briefquiz.deck.library import DECK_SUFFIXES, Library, load_default_library
from briefquiz.deck.model import Deck
from briefquiz.errors import CommandError
from briefquiz.progress.database import StoreError
from briefquiz.progress.repository import Store
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


def open_store() -> Store:
    from briefquiz.locations import database_path

    try:
        return Store.open(database_path())
    except StoreError as err:
        raise CommandError(str(err)) from None
