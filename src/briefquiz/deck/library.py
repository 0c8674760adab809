"""All the decks briefquiz knows: the bundled ones and the user's, read and checked together."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from briefquiz.deck.findings import Finding, Severity
from briefquiz.deck.model import Deck
from briefquiz.deck.sourcetext import SourceCache
from briefquiz.deck.validate import read_deck

DECK_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class DeckFile:
    path: Path
    deck: Deck | None
    findings: tuple[Finding, ...]
    bundled: bool

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)


@dataclass(frozen=True, slots=True)
class Library:
    """A value: when files change on disk, read a new one (`reload`); this one never changes."""

    files: tuple[DeckFile, ...] = ()
    roots: tuple[tuple[Path, bool], ...] = ()  # what it was read from: (file or folder, bundled)
    sources: SourceCache = field(default_factory=SourceCache, compare=False, repr=False)

    def reload(self) -> Library:
        """The same roots read again, with a cache of its own (deck files or their source
        texts may have changed)."""
        return load_library(self.roots)

    @property
    def decks(self) -> list[Deck]:
        return [f.deck for f in self.files if f.deck is not None and not f.errors]

    @property
    def broken(self) -> list[DeckFile]:
        return [f for f in self.files if f.errors]

    @property
    def findings(self) -> list[Finding]:
        return [finding for f in self.files for finding in f.findings]

    def find(self, ref: str) -> Deck | None:
        """A deck by id, or by the path of its file."""
        for deck in self.decks:
            if deck.id == ref:
                return deck
        path = Path(ref).expanduser()
        if path.suffix in DECK_SUFFIXES:
            resolved = path.resolve()
            for deck in self.decks:
                if deck.path.resolve() == resolved:
                    return deck
        return None

    def file_for(self, path: Path) -> DeckFile | None:
        resolved = path.resolve()
        return next((f for f in self.files if f.path.resolve() == resolved), None)


def deck_files(root: Path) -> list[Path]:
    """Deck files under `root` (itself, if it is a file), sorted, hidden folders skipped."""
    if root.is_file():
        return [root]
    if not root.is_dir():
        return []
    found = [
        p
        for p in root.rglob("*")
        if p.suffix in DECK_SUFFIXES
        and p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    ]
    return sorted(found)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Reading builds many small objects at once; the cycle collector only slows that down."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_library(roots: Iterable[tuple[Path, bool]]) -> Library:
    """Read every deck file under each (root, bundled) and check deck ids across them."""
    roots = tuple(roots)
    sources = SourceCache()
    files: list[DeckFile] = []
    seen_paths: set[Path] = set()
    owners: dict[str, Deck] = {}
    with _gc_paused():
        for root, bundled in roots:
            for path in deck_files(root):
                if path.resolve() in seen_paths:
                    continue
                seen_paths.add(path.resolve())
                deck, findings = read_deck(path, bundled=bundled, sources=sources)
                if deck is not None and deck.id in owners:
                    first = owners[deck.id]
                    findings.append(
                        Finding(
                            path,
                            deck.id_line,
                            deck.id_column,
                            Severity.ERROR,
                            "duplicate-deck-id",
                            f"deck id {deck.id!r} is already used by {first.path}; "
                            "give this deck an id of its own",
                        )
                    )
                elif deck is not None:
                    owners[deck.id] = deck
                files.append(DeckFile(path, deck, tuple(findings), bundled))
    return Library(tuple(files), roots, sources)


def default_roots() -> list[tuple[Path, bool]]:
    from briefquiz.deck.bundled import bundled_decks_dir
    from briefquiz.locations import user_decks_dir

    return [(bundled_decks_dir(), True), (user_decks_dir(), False)]


def load_default_library(extra: Iterable[Path] = ()) -> Library:
    """The bundled decks, the user's decks folder, and any other files or folders given."""
    return load_library([*default_roots(), *((path, False) for path in extra)])
