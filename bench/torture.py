"""Torture runs of the progress store: random SIGKILLs of plain-mode sessions, and concurrent
writers; afterwards, every acknowledged answer must be stored, the file sound, and every card
state the one its review log ends with.

    .venv/bin/python bench/torture.py [--kills 200] [--writers 4] [--seed 1]

The test suite runs bounded versions of these (tests/process/test_torture.py).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

STATEMENT = re.compile(r"^Statement number (\d+) is (true|false)\.$")


@dataclass
class Tally:
    acknowledged: int = 0  # answers whose "saved" line was printed
    in_flight: int = 0  # answers sent when the process was killed, not yet acknowledged
    stored: int = 0
    disagreeing: int = 0
    integrity: str = ""
    seconds: float = 0.0

    @property
    def lost(self) -> int:
        return max(self.acknowledged - self.stored, 0)


def deck_file(folder: Path, count: int) -> Path:
    questions = "".join(
        f"  - id: s{i:03d}\n    type: truefalse\n"
        f"    prompt: Statement number {i} is {'true' if i % 2 == 0 else 'false'}.\n"
        f"    answer: {'true' if i % 2 == 0 else 'false'}\n"
        for i in range(count)
    )
    path = folder / "torture.yaml"
    path.write_text(f"deck: torture\ntitle: Torture\nquestions:\n{questions}")
    return path


def _env(data: Path) -> dict[str, str]:
    return {**os.environ, "BRIEFQUIZ_DATA_DIR": str(data), "PYTHONIOENCODING": "utf-8"}


def _spawn(data: Path, deck: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "briefquiz", "study", "--plain", str(deck), *extra],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
        bufsize=1,
        env=_env(data),
    )


def _answer(proc: subprocess.Popen[str]) -> bool | None:
    """Answer the next question rightly; True when acknowledged, None at the end."""
    assert proc.stdout is not None and proc.stdin is not None
    for line in proc.stdout:
        if found := STATEMENT.match(line.strip()):
            # The answer, then Enter to keep the suggested rating: then it is saved.
            proc.stdin.write(("t" if found.group(2) == "true" else "f") + "\n\n")
            proc.stdin.flush()
            break
    else:
        return None
    for line in proc.stdout:
        if "saved · " in line:
            return True
    return None


def prepare(data: Path, deck: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "briefquiz", "config", str(deck), "--new-per-day", "10000"],
        env=_env(data),
        check=True,
        capture_output=True,
    )


def check(data: Path, tally: Tally) -> Tally:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    from briefquiz.progress import card_log
    from briefquiz.progress.repository import Store

    database = data / "progress.sqlite3"
    with Store.open(database) as store:  # opens, checks, recovers the WAL
        tally.stored = len(store.reviews("torture"))
    with closing(sqlite3.connect(database)) as conn:
        conn.row_factory = sqlite3.Row
        tally.integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        tally.disagreeing = len(card_log.disagreeing_cards(conn))
    return tally


def kills(data: Path, deck: Path, count: int, rng: random.Random) -> Tally:
    """`count` sessions, each killed with SIGKILL after a random number of answers."""
    tally = Tally()
    started = time.perf_counter()
    for _ in range(count):
        proc = _spawn(data, deck)
        for _ in range(rng.randint(0, 6)):
            if not _answer(proc):
                break
            tally.acknowledged += 1
        if rng.random() < 0.5:  # one more answer on its way when the power goes
            assert proc.stdin is not None
            proc.stdin.write("t\n")
            proc.stdin.flush()
            tally.in_flight += 1
            time.sleep(rng.random() * 0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    tally.seconds = time.perf_counter() - started
    return check(data, tally)


def writers(data: Path, deck: Path, count: int, answers: int) -> Tally:
    """`count` sessions answering at once, `answers` each."""
    tally = Tally()
    started = time.perf_counter()
    procs = [_spawn(data, deck, "--limit", str(answers)) for _ in range(count)]
    done = [0] * count
    open_ = [True] * count
    while any(open_):
        for i, proc in enumerate(procs):
            if open_[i]:
                if _answer(proc):
                    done[i] += 1
                open_[i] = open_[i] and done[i] < answers and proc.poll() is None
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(timeout=60)
    tally.acknowledged = sum(done)
    tally.seconds = time.perf_counter() - started
    return check(data, tally)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--answers", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        deck = deck_file(root, 2000)
        prepare(root / "kills", deck)
        print("kills  ", kills(root / "kills", deck, args.kills, random.Random(args.seed)))
        prepare(root / "writers", deck)
        print("writers", writers(root / "writers", deck, args.writers, args.answers))


if __name__ == "__main__":
    main()
