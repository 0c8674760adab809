"""Does the seminar planner get a student ready? Simulated learners, the product's own code.

    .venv/bin/python bench/seminar.py [--quick] [--learners N] [--jobs J]

Each learner studies 112 true/false questions for a seminar 3, 7, 14 or 30 days away, daily
or on 60% of days (always on the first and the last evening), in sessions between 19:00 and
22:00; the seminar is at 09:00. A learner's true memory follows FSRS's stability times a
log-normal factor (per learner σ 0.3, per item σ 0.5: σ ≈ 0.58 together); a first sight is
right with a chance drawn from Beta(2, 3); a right answer is rated Hard / Good / Easy at
.1 / .8 / .1. An answer takes 30 s at first sight, 12 s right, 30 s wrong.

Policies, all with the same sessions, the same new-question allowance and retention .90:
- briefquiz: the product's Session, Planner and SQLite store (in memory, `Store.in_memory()`;
  `--store shm` for a file on /dev/shm) with the seminar set, on an injected clock;
- fsrs: the same Session without a seminar (plain FSRS), new questions at briefquiz's pace;
- cram: everything the night before, each question until it leaves learning;
- leitner: boxes of 1/2/4/8/16 days;
- oracle: reviews only what true recall says would drop below .70 by the next session
  (below .95 at the seminar, on the last evening).
Forecast error: briefquiz's readiness forecast at the start of every session after the
first, against the learner's true recall at the seminar.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import statistics
import sys
import tempfile
import time as clock_time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fsrs import Card, Rating, Scheduler, State

from briefquiz.clock import FixedClock
from briefquiz.deck.model import Deck, TrueFalse
from briefquiz.progress.records import DeckSettings
from briefquiz.progress.repository import Store
from briefquiz.schedule.final_pass import SEMINAR_TARGET, FinalPass
from briefquiz.schedule.pacing import new_pace
from briefquiz.schedule.planner import Planner
from briefquiz.schedule.readiness import deck_readiness
from briefquiz.schedule.recall import recall_after
from briefquiz.schedule.session_plan import DEFER_ABOVE, PlanRules
from briefquiz.study.session import Session

QUESTIONS = 112
HORIZONS = (3, 7, 14, 30)
PATTERNS = ("daily", "60%")
POLICIES = ("briefquiz", "fsrs", "cram", "leitner", "oracle")
SEEDS = (1, 2, 3)
START = datetime(2025, 3, 3, 0, 0, tzinfo=UTC)  # day 0, local time is UTC
SEMINAR_HOUR = 9
SECONDS_FIRST, SECONDS_RIGHT, SECONDS_WRONG = 30, 12, 30
LEITNER_DAYS = (1, 2, 4, 8, 16)
ORACLE_BETWEEN, ORACLE_LAST = 0.70, 0.95
FORECAST_RUNS = 4
STORE = ["memory"]  # or "shm", set by --store
RULES = [PlanRules()]  # the planner's rules, --final-target changes the final pass's target
SHM = Path("/dev/shm") if Path("/dev/shm").is_dir() else Path(tempfile.gettempdir())

DECK = Deck(
    id="sim",
    title="Simulated",
    path=Path("/nonexistent/sim.yaml"),
    questions=tuple(
        TrueFalse(id=f"q{i:03d}", prompt=f"Statement {i}.", answer=i % 2 == 0)
        for i in range(QUESTIONS)
    ),
)
IDS = [q.id for q in DECK.questions]
INDEX = {qid: i for i, qid in enumerate(IDS)}


@dataclass(slots=True)
class Learner:
    """One simulated student: memory factors, first-sight chances, sessions, seminar."""

    factor: list[float]  # per item: true stability / the scheduler's estimate
    first: list[float]  # per item: chance of a right first sight
    sessions: list[datetime]
    seminar: datetime


def make_learner(seed: int, days: int, pattern: str, index: int) -> Learner:
    rng = random.Random(f"{seed}/{days}/{pattern}/{index}")
    person = rng.gauss(0, 0.3)
    factor = [math.exp(person + rng.gauss(0, 0.5)) for _ in IDS]
    first = [rng.betavariate(2, 3) for _ in IDS]
    sessions = []
    for day in range(days):
        studies = pattern == "daily" or day in (0, days - 1) or rng.random() < 0.6
        at = START + timedelta(days=day, hours=19, seconds=rng.randrange(3 * 3600))
        if studies:
            sessions.append(at)
    return Learner(factor, first, sessions, START + timedelta(days=days, hours=SEMINAR_HOUR))


@dataclass(slots=True)
class Memory:
    """The learner's true memory of each item, driven by FSRS's stability estimates."""

    learner: Learner
    rng: random.Random
    truth: dict[str, tuple[float, datetime]] = field(default_factory=dict)
    seconds: float = 0.0
    answers: int = 0
    last_seconds: int = 0

    def recall(self, qid: str, at: datetime) -> float:
        if qid not in self.truth:
            return 0.0
        stability, last = self.truth[qid]
        return recall_after((at - last).total_seconds() / 86400, stability)

    def answer(self, qid: str, at: datetime) -> Rating:
        """Whether the learner gets it right now, as the rating they give."""
        seen = qid in self.truth
        chance = self.recall(qid, at) if seen else self.learner.first[INDEX[qid]]
        right = self.rng.random() < chance
        self.last_seconds = (SECONDS_RIGHT if right else SECONDS_WRONG) if seen else SECONDS_FIRST
        self.seconds += self.last_seconds
        self.answers += 1
        if not right:
            return Rating.Again
        draw = self.rng.random()
        return Rating.Hard if draw < 0.1 else Rating.Easy if draw > 0.9 else Rating.Good

    def learned(self, qid: str, card: Card, at: datetime) -> None:
        assert card.stability is not None
        self.truth[qid] = (card.stability * self.learner.factor[INDEX[qid]], at)

    def at_seminar(self) -> float:
        return sum(self.recall(q, self.learner.seminar) for q in IDS) / QUESTIONS


def allowance(learner: Learner, unseen: int, at: datetime) -> int:
    """briefquiz's pace at `at` (catching up after skipped days): every baseline gets it."""
    return new_pace(unseen, 0, at, learner.seminar, UTC).today


# ------------------------------------------------------------------ the product's own session


def run_session(session: Session, memory: Memory, clock: FixedClock) -> None:
    while not session.finished:
        item = session.current
        assert item is not None and isinstance(item.question, TrueFalse)
        rating = memory.answer(item.question.id, clock.now())
        right = rating != Rating.Again
        feedback = session.answer(
            item.question.answer if right else not item.question.answer, rating=rating
        )
        assert feedback.card_after is not None
        memory.learned(item.question.id, feedback.card_after, feedback.answered_at)
        clock.advance(timedelta(seconds=memory.last_seconds))
        session.advance()


def open_store(where: str) -> tuple[Store, Path | None]:
    """A store on tmpfs (a real file), or in memory: the same code, without the disk."""
    if where == "memory":
        return Store.in_memory(), None
    handle, name = tempfile.mkstemp(suffix=".sqlite3", dir=SHM)
    os.close(handle)
    os.unlink(name)
    return Store.open(Path(name)), Path(name)


def product(
    learner: Learner,
    memory: Memory,
    settings: DeckSettings,
    sessions: list[datetime],
    seed: int,
    forecasts: list[float] | None,
    paced: bool = False,
) -> None:
    planner = Planner(seed=seed)
    opened, path = open_store(STORE[0])
    try:
        with opened as store:
            store.save_settings(settings)
            clock = FixedClock(sessions[0])
            for index, at in enumerate(sessions):
                clock.set(at)
                if paced:
                    unseen = QUESTIONS - len(memory.truth)  # every answered one has a card
                    settings = replace(settings, new_per_day=allowance(learner, unseen, at))
                    store.save_settings(settings)
                if forecasts is not None and index:
                    ready = deck_readiness(
                        store, DECK, settings, clock, RULES[0], runs=FORECAST_RUNS
                    )
                    assert ready is not None
                    forecasts.append(ready.if_you_keep_up)
                session = Session(
                    store,
                    [DECK],
                    clock,
                    rng=random.Random(seed),
                    planner=planner,
                    rules=RULES[0],
                    forecast_runs=0,
                )
                run_session(session, memory, clock)
    finally:
        for suffix in ("", "-wal", "-shm"):
            if path is not None:
                Path(f"{path}{suffix}").unlink(missing_ok=True)


# ------------------------------------------------------------------ baselines without the product


def baseline(learner: Learner, memory: Memory, policy: str) -> None:
    """Leitner, the oracle or cramming: new questions at the same allowance (cram: all on the
    last evening); FSRS drives true memory. A question is asked until it leaves learning,
    a miss again at once, up to four answers."""
    scheduler = Scheduler(enable_fuzzing=False)
    cards: dict[str, Card] = {}
    box: dict[str, int] = {}
    due_day: dict[str, int] = {}
    unseen = list(IDS)
    for index, at in enumerate(learner.sessions):
        day = (at - START).days
        last = index + 1 == len(learner.sessions)
        horizon = learner.seminar if last else min(learner.sessions[index + 1], learner.seminar)

        def wanted(
            qid: str, horizon: datetime = horizon, last: bool = last, day: int = day
        ) -> bool:
            if policy == "leitner":
                return due_day[qid] <= day
            if policy == "cram":
                return False
            return memory.recall(qid, horizon) < (ORACLE_LAST if last else ORACLE_BETWEEN)

        count = len(unseen) if policy == "cram" else allowance(learner, len(unseen), at)
        fresh, unseen = unseen[:count], unseen[count:]
        now = at
        for qid in [q for q in cards if wanted(q)] + fresh:
            for _try in range(4):
                rating = memory.answer(qid, now)
                card = cards.get(qid) or Card(card_id=1, due=now)
                cards[qid], _log = scheduler.review_card(card, rating, now)
                memory.learned(qid, cards[qid], now)
                now += timedelta(seconds=memory.last_seconds)
                right = rating != Rating.Again
                box[qid] = min(box[qid] + 1, len(LEITNER_DAYS)) if right and qid in box else 1
                if right and cards[qid].state is State.Review:
                    break
            due_day[qid] = day + LEITNER_DAYS[box[qid] - 1]


# ------------------------------------------------------------------ one scenario


@dataclass(frozen=True, slots=True)
class Outcome:
    recall: float
    minutes: float
    answers: int
    forecast_errors: tuple[float, ...] = ()


def simulate(
    task: tuple[int, int, str, str, int, bool],
) -> tuple[tuple[int, int, str, str], Outcome]:
    seed, days, pattern, policy, index, with_forecast = task
    learner = make_learner(seed, days, pattern, index)
    memory = Memory(learner, random.Random(f"answers/{seed}/{days}/{pattern}/{index}"))
    forecasts: list[float] | None = [] if with_forecast else None
    if policy == "briefquiz":
        settings = DeckSettings("sim", seminar_at=learner.seminar)
        product(learner, memory, settings, learner.sessions, seed, forecasts)
    elif policy == "fsrs":
        settings = DeckSettings("sim")
        product(learner, memory, settings, learner.sessions, seed, None, paced=True)
    else:
        baseline(learner, memory, policy)
    truth = memory.at_seminar()
    errors = tuple(abs(f - truth) for f in forecasts or [])
    return (seed, days, pattern, policy), Outcome(
        truth, memory.seconds / 60, memory.answers, errors
    )


def mean_ci(values: list[float]) -> tuple[float, float]:
    mean = statistics.fmean(values)
    half = 1.96 * statistics.stdev(values) / math.sqrt(len(values)) if len(values) > 1 else 0.0
    return mean, half


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="40 learners a scenario, three seeds")
    parser.add_argument("--learners", type=int, help="learners a scenario (default 200, quick 40)")
    parser.add_argument(
        "--forecast-learners", type=int, help="learners whose forecasts are measured"
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--store", choices=("memory", "shm"), default="memory")
    parser.add_argument("--final-target", type=float, default=SEMINAR_TARGET, metavar="R")
    parser.add_argument("--defer-above", type=float, default=DEFER_ABOVE, metavar="R")
    args = parser.parse_args(argv)
    STORE[0] = args.store
    RULES[0] = PlanRules(final=FinalPass(target=args.final_target), defer_above=args.defer_above)
    learners = args.learners or (40 if args.quick else 200)
    measured = (
        args.forecast_learners
        if args.forecast_learners is not None
        else (3 if args.quick else learners)
    )
    tasks = [
        (seed, days, pattern, policy, index, policy == "briefquiz" and index < measured)
        for seed in SEEDS
        for days in HORIZONS
        for pattern in PATTERNS
        for policy in POLICIES
        for index in range(learners)
    ]
    tasks.sort(key=lambda t: (t[3] != "briefquiz", -t[1]))  # the long ones first
    started = clock_time.perf_counter()
    results: dict[tuple[int, int, str, str], list[Outcome]] = {}
    with ProcessPoolExecutor(args.jobs) as pool:
        for key, outcome in pool.map(simulate, tasks, chunksize=4):
            results.setdefault(key, []).append(outcome)
    elapsed = clock_time.perf_counter() - started
    times = os.times()  # the workers, joined: their CPU time is counted as children's
    cpu = times.user + times.system + times.children_user + times.children_system

    def pooled(days: int, pattern: str, policy: str, seed: int | None = None) -> list[Outcome]:
        return [o for s in SEEDS if seed in (None, s) for o in results[(s, days, pattern, policy)]]

    print(
        f"{learners} learners a scenario, seeds {SEEDS}, {QUESTIONS} questions;"
        f" {elapsed:.0f} s, {cpu:.0f} s of CPU on {args.jobs} processes"
    )
    print(
        f"{'days':>4} {'study':>6} {'policy':<10} {'recall at seminar':>19} {'minutes':>8}"
        f" {'answers':>8} {'forecast MAE':>13}"
    )
    for days in HORIZONS:
        for pattern in PATTERNS:
            for policy in POLICIES:
                outs = pooled(days, pattern, policy)
                recall, half = mean_ci([o.recall for o in outs])
                errors = [e for o in outs for e in o.forecast_errors]
                mae = f"{statistics.fmean(errors):.3f}" if errors else ""
                print(
                    f"{days:>4} {pattern:>6} {policy:<10} {recall:>11.3f} ± {half:.3f}"
                    f" {statistics.fmean(o.minutes for o in outs):>8.1f}"
                    f" {statistics.fmean(o.answers for o in outs):>8.0f} {mae:>13}"
                )
    worst_f = worst_m = 0.0
    worst_d = math.inf
    worst_mae = 0.0
    per_seed: list[str] = []
    for seed in SEEDS:
        for pattern in PATTERNS:
            for days in HORIZONS:
                mine = pooled(days, pattern, "briefquiz", seed)
                plain = pooled(days, pattern, "fsrs", seed)
                recall = statistics.fmean(o.recall for o in mine)
                errors = [e for o in mine for e in o.forecast_errors]
                if errors:
                    worst_mae = max(worst_mae, statistics.fmean(errors))
                if days >= 7:
                    forgetting = (1 - recall) / (1 - statistics.fmean(o.recall for o in plain))
                    minutes = statistics.fmean(o.minutes for o in mine) / statistics.fmean(
                        o.minutes for o in plain
                    )
                    worst_f, worst_m = max(worst_f, forgetting), max(worst_m, minutes)
                    per_seed.append(
                        f"seed {seed} {days:>2} days {pattern:>5}: forgetting {forgetting:.2f}x"
                        f" at {minutes:.2f}x minutes"
                    )
                if days == 3:
                    crammed = statistics.fmean(
                        o.recall for o in pooled(days, pattern, "cram", seed)
                    )
                    worst_d = min(worst_d, recall - crammed)
    print("briefquiz against plain FSRS, per seed:")
    for line in per_seed:
        print(f"  {line}")
    print(f"forecast MAE, worst scenario and seed: {worst_mae:.3f}")
    print(
        f"seminar vs plain FSRS: forgetting {worst_f:.2f}x at {worst_m:.2f}x minutes;"
        f" vs cram at 3 days: {worst_d:+.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
