"""FSRS scheduling for briefquiz: the `fsrs` package, with the planner's own seeded fuzz.

Reviews keep FSRS's own dates: nothing is pulled forward for a seminar. What a seminar needs
beyond them (new questions paced to the date, the final pass) is decided per session, in
`pacing` and `final_pass`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from fsrs import Card, Rating, Scheduler
from fsrs.scheduler import FUZZ_RANGES

from briefquiz.schedule.settings import DEFAULT_RETENTION


@dataclass(frozen=True, slots=True)
class Policy:
    """What shapes a deck's schedule: its target recall and, maybe, a seminar date."""

    desired_retention: float = DEFAULT_RETENTION
    seminar_at: datetime | None = None

    def seminar_ahead(self, now: datetime) -> datetime | None:
        """The seminar, while it is still to come; afterwards normal scheduling resumes."""
        if self.seminar_at is not None and now < self.seminar_at:
            return self.seminar_at
        return None


class _SeededScheduler(Scheduler):
    """fsrs's scheduler, fuzzing from its own generator instead of the global `random`."""

    def __init__(self, retention: float, rng: random.Random) -> None:
        super().__init__(desired_retention=retention, enable_fuzzing=True)
        self.rng = rng

    def _get_fuzzed_interval(self, *, interval: timedelta) -> timedelta:
        days = interval.days
        if days < 2.5:
            return interval
        delta = 1.0
        for band in FUZZ_RANGES:
            delta += band["factor"] * max(min(float(days), band["end"]) - band["start"], 0.0)
        high = min(round(days + delta), self.maximum_interval)
        low = min(max(2, round(days - delta)), high)
        fuzzed = round(self.rng.random() * (high - low + 1)) + low
        return timedelta(days=min(fuzzed, self.maximum_interval))


class Planner:
    """Reviews cards with one `fsrs.Scheduler` per target retention.

    Fuzz draws from the planner's own generator, seeded by `seed`, so a run is reproducible
    from the clock and the seed; there is no fuzz inside a seminar's final window
    (`no_fuzz_after`)."""

    def __init__(self, *, fuzz: bool = True, seed: int | None = None) -> None:
        self.fuzz = fuzz
        self.rng = random.Random(seed)
        self._schedulers: dict[tuple[float, bool], Scheduler] = {}

    def scheduler(self, retention: float, fuzz: bool | None = None) -> Scheduler:
        fuzzed = self.fuzz if fuzz is None else fuzz and self.fuzz
        key = (retention, fuzzed)
        if key not in self._schedulers:
            self._schedulers[key] = (
                _SeededScheduler(retention, self.rng)
                if fuzzed
                else Scheduler(desired_retention=retention, enable_fuzzing=False)
            )
        return self._schedulers[key]

    def review(
        self,
        card: Card,
        rating: Rating,
        now: datetime,
        policy: Policy,
        duration_ms: int | None = None,
        no_fuzz_after: datetime | None = None,
    ) -> Card:
        fuzz = no_fuzz_after is None or now < no_fuzz_after
        reviewed, _log = self.scheduler(policy.desired_retention, fuzz).review_card(
            card, rating, review_datetime=now, review_duration=duration_ms
        )
        return reviewed
