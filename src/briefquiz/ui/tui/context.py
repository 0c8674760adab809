"""What every screen of the app needs, handed down from the app: store, library, clock."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from briefquiz.clock import Clock
from briefquiz.deck.library import Library
from briefquiz.deck.model import Deck
from briefquiz.progress.repository import Store
from briefquiz.schedule.planner import Planner
from briefquiz.study.session import Session


@dataclass(frozen=True, slots=True)
class AppContext:
    store: Store
    library: Library
    clock: Clock
    rng: random.Random = field(default_factory=random.Random)
    planner: Planner | None = None
    monotonic: Callable[[], float] = time.monotonic

    def session(
        self,
        decks: Sequence[Deck],
        *,
        cram: bool = False,
        limit: int | None = None,
        ahead: bool = False,
    ) -> Session:
        """A study session on `decks`; the planner is shared so tests can switch fuzz off."""
        if self.planner is not None:
            return Session(
                self.store,
                decks,
                self.clock,
                cram=cram,
                limit=limit,
                ahead=ahead,
                rng=self.rng,
                planner=self.planner,
            )
        return Session(
            self.store, decks, self.clock, cram=cram, limit=limit, ahead=ahead, rng=self.rng
        )
