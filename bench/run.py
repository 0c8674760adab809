"""Timings, each as a ratio against a baseline measured in the same run on the same machine.

    .venv/bin/python bench/run.py [--quick]

- startup: briefquiz's first frame (library loaded, store opened) vs an empty Textual app's
- answer: Session.answer (grade, FSRS, one durable SQLite commit) vs a bare durable commit
- decks: reading the bundled decks (YAML, validation, quote checks) vs json.loads of the same data
- large deck: checking a 10 MB deck of the bundled questions repeated (YAML, validation,
  every quote located) vs PyYAML's C safe_load of the same file, which checks nothing
- grading: grade() of a 200-character typed answer (right with typos, and wrong, so that every
  rule is tried) vs normalize() of the same texts, the old lenient comparison; budget 1 ms
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import sys, time
t0 = time.perf_counter()
{build}
def first_frame():
    sys.stdout.write(str(time.perf_counter() - t0))
    app.exit()
app.call_later(lambda: app.call_after_refresh(first_frame))
app.run(headless=True)
"""

EMPTY_APP = PROBE.format(build="from textual.app import App\napp = App()")

BRIEFQUIZ_APP = PROBE.format(
    build="""
from briefquiz.clock import SystemClock
from briefquiz.deck.library import load_default_library
from briefquiz.locations import database_path
from briefquiz.progress.repository import Store
from briefquiz.ui.tui.app import create_app
app = create_app(
    store=Store.open(database_path()), library=load_default_library(), clock=SystemClock()
)
"""
)


def median_of(runs: int, measure: Callable[[], float]) -> float:
    return statistics.median(measure() for _ in range(runs))


def first_frame(code: str, env: dict[str, str]) -> float:
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def bench_startup(runs: int, env: dict[str, str]) -> tuple[float, float]:
    # As installed: Textual's bytecode was compiled by pip, so let ours be cached too (a
    # checkout run with PYTHONDONTWRITEBYTECODE would compile every module on every start).
    env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
    first_frame(EMPTY_APP, env)
    first_frame(BRIEFQUIZ_APP, env)  # warm-up: writes the bytecode cache
    return median_of(runs, lambda: first_frame(EMPTY_APP, env)), median_of(
        runs, lambda: first_frame(BRIEFQUIZ_APP, env)
    )


def bench_answer(runs: int, data_dir: Path) -> tuple[float, float]:
    from briefquiz.clock import SystemClock
    from briefquiz.deck.library import load_default_library
    from briefquiz.deck.model import TrueFalse
    from briefquiz.progress.repository import Store
    from briefquiz.schedule.planner import Planner
    from briefquiz.study.session import Session

    raw = sqlite3.connect(data_dir / "raw.sqlite3", isolation_level=None)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=FULL")
    raw.execute("CREATE TABLE t (x INTEGER, y TEXT)")

    def bare_commit() -> float:
        start = time.perf_counter()
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("INSERT INTO t VALUES (1, 'x')")
        raw.execute("COMMIT")
        return time.perf_counter() - start

    full = load_default_library().find("biden-russia-diagnosis")
    assert full is not None
    # True/false questions only, so every answer is known without a grader of our own.
    deck = replace(full, questions=tuple(q for q in full.questions if isinstance(q, TrueFalse)))
    store = Store.open(data_dir / "bench.sqlite3")
    session = Session(store, [deck], SystemClock(), cram=True, planner=Planner(fuzz=False))
    timings = []
    while session.current is not None and len(timings) < runs:
        question = session.current.question
        assert isinstance(question, TrueFalse)
        start = time.perf_counter()
        session.answer(question.answer)
        timings.append(time.perf_counter() - start)
        session.advance()
    return median_of(runs, bare_commit), statistics.median(timings)


def bench_decks(runs: int) -> tuple[float, float]:
    import yaml

    from briefquiz.deck.library import load_library

    decks_dir = ROOT / "decks"
    payload = json.dumps(
        [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(decks_dir.glob("*.yaml"))]
    )

    def parse_json() -> float:
        start = time.perf_counter()
        json.loads(payload)
        return time.perf_counter() - start

    def load_decks() -> float:
        start = time.perf_counter()
        load_library([(decks_dir, True)])
        return time.perf_counter() - start

    return median_of(runs, parse_json), median_of(runs, load_decks)


def bench_large_deck(runs: int, folder: Path) -> tuple[float, float]:
    import yaml
    from hostile_decks import bundled_repeated

    from briefquiz.deck.library import load_library

    path = folder / "large.yaml"
    path.write_text(bundled_repeated(), encoding="utf-8")
    text = path.read_text(encoding="utf-8")

    def safe_load() -> float:
        start = time.perf_counter()
        yaml.load(text, Loader=yaml.CSafeLoader)
        return time.perf_counter() - start

    def check() -> float:
        start = time.perf_counter()
        library = load_library([(path, False)])
        elapsed = time.perf_counter() - start
        assert library.decks and not library.findings, library.findings[:3]
        return elapsed

    return median_of(runs, safe_load), median_of(runs, check)


GRADED_ANSWER = (
    "The Russian Ministry of Foreign Affairs and the United States Department of State met in "
    "Geneva on November 8, 2020 to discuss the twentieth anniversary of the Treaty on "
    "Conventional Forces"
)
GRADED_TYPOS = GRADED_ANSWER.replace("Ministry", "Minsitry").replace("Affairs", "Afairs")
GRADED_WRONG = GRADED_ANSWER.replace("Europe", "Asia").replace("twentieth", "tenth")


def bench_grading(runs: int) -> tuple[float, float, float]:
    """Per call: normalize() of answer and given, grade() right with typos, grade() wrong."""
    from briefquiz.deck.model import Typed
    from briefquiz.study.grading import Outcome, grade
    from briefquiz.study.matching import normalize

    question = Typed(
        id="q",
        prompt="?",
        answers=(GRADED_ANSWER, GRADED_ANSWER.replace("Geneva", "Genf")),
        reject=(GRADED_ANSWER.replace("2020", "2021"),),
    )
    assert len(GRADED_TYPOS) <= 200
    assert grade(question, GRADED_TYPOS).outcome is Outcome.RIGHT  # loads the word list
    assert grade(question, GRADED_WRONG).outcome is Outcome.WRONG
    calls = 200

    def per_call(action: Callable[[], object]) -> Callable[[], float]:
        def measure() -> float:
            start = time.perf_counter()
            for _ in range(calls):
                action()
            return (time.perf_counter() - start) / calls

        return measure

    baseline = median_of(
        runs, per_call(lambda: (normalize(GRADED_TYPOS), normalize(GRADED_ANSWER)))
    )
    right = median_of(runs, per_call(lambda: grade(question, GRADED_TYPOS)))
    wrong = median_of(runs, per_call(lambda: grade(question, GRADED_WRONG)))
    return baseline, right, wrong


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    runs = 3 if args.quick else 9
    random.seed(1)
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "BRIEFQUIZ_DATA_DIR": tmp}
        os.environ["BRIEFQUIZ_DATA_DIR"] = tmp
        rows = []
        empty, ours = bench_startup(runs, env)
        rows.append(("startup: first frame", "empty Textual app", empty, ours))
        bare, answer = bench_answer(max(runs, 20), Path(tmp))
        rows.append(("answer: grade+FSRS+commit", "bare durable SQLite commit", bare, answer))
        baseline, decks = bench_decks(runs)
        rows.append(("decks: read+validate bundled", "json.loads of same data", baseline, decks))
        loaded, checked = bench_large_deck(min(runs, 3), Path(tmp))
        rows.append(("large deck: check 10 MB", "PyYAML C safe_load, same", loaded, checked))
        normal, right, wrong = bench_grading(runs)
        rows.append(("grading: 200 chars, 2 typos", "normalize() of both texts", normal, right))
        rows.append(("grading: 200 chars, wrong", "normalize() of both texts", normal, wrong))
    python = sys.version.split()[0]
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, Python {python}")
    print(f"{'measure':<30} {'baseline':<28} {'base ms':>9} {'ours ms':>9} {'ratio':>7}")
    for name, base_name, base, value in rows:
        ms, base_ms = value * 1000, base * 1000
        print(f"{name:<30} {base_name:<28} {base_ms:>9.2f} {ms:>9.2f} {value / base:>7.2f}")


if __name__ == "__main__":
    main()
