"""What every command is handed: the clock, the data paths and the progress store.

Built once per run by `briefquiz.cli.main`, after the arguments are parsed, so a command
never builds its own clock or finds the database itself, and a test can hand in others.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefquiz.clock import Clock, SystemClock
from briefquiz.errors import CommandError

if TYPE_CHECKING:
    from briefquiz.progress.repository import Store


@dataclass(frozen=True, slots=True)
class Paths:
    database: Path
    user_decks: Path
    backups: Path

    @classmethod
    def default(cls) -> Paths:
        from briefquiz import locations

        try:
            return cls(
                locations.database_path(), locations.user_decks_dir(), locations.backups_dir()
            )
        except locations.DataDirError as err:
            raise CommandError(str(err)) from None


@dataclass(frozen=True, slots=True)
class Context:
    clock: Clock = field(default_factory=SystemClock)
    paths: Paths = field(default_factory=Paths.default)

    @contextmanager
    def reading_store(self) -> Iterator[Store]:
        """The store for a command that only reads (stats, plan, export): with no database
        yet, an empty one in a temporary folder, so that looking creates nothing in the data
        dir; in a data dir that cannot be written, the database opened read-only."""
        if self.paths.database.exists():
            with self.open_store(read_only_ok=True) as store:
                yield store
            return
        from briefquiz.progress.repository import Store

        with (
            tempfile.TemporaryDirectory(prefix="briefquiz-") as folder,
            Store.open(Path(folder) / "empty.sqlite3") as store,
        ):
            yield store

    def open_store(self, *, read_only_ok: bool = False, told: list[str] | None = None) -> Store:
        """The progress store, opened (use it in a `with`); a refusal becomes a message.

        A deck's own seminar date kept from an older schema is told about once: on stderr, or
        added to `told` (the app shows it on its screen). Not while the store can only be
        read: it is told when the store can mark it told."""
        from briefquiz.progress.database import NotWritable, StoreError
        from briefquiz.progress.repository import Store

        try:
            store = Store.open(
                self.paths.database,
                backups=self.paths.backups,
                clock=self.clock,
                read_only_ok=read_only_ok,
            )
        except StoreError as err:
            raise CommandError(str(err)) from None
        try:
            kept = store.take_unannounced_seminars()
        except NotWritable:
            kept = []
        except StoreError as err:
            store.close()
            raise CommandError(str(err)) from None
        if kept:
            from briefquiz.text.timefmt import local

            for seminar in kept:
                when = local(seminar.at, self.clock.tz)
                for deck_id in seminar.decks:
                    line = (
                        f"deck {deck_id} keeps its own seminar date ({when});"
                        f" `briefquiz seminar {deck_id} WHEN` replaces it for the whole text."
                    )
                    if told is not None:
                        told.append(line)
                    else:
                        print(line, file=sys.stderr)
        return store
