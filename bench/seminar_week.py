"""A student's week before a seminar, in the real app, in tmux, on an injected clock.

    .venv/bin/python bench/seminar_week.py walk [--out DIR] [--size 80x24] [--answers 40]
    .venv/bin/python bench/seminar_week.py app --at "2026-12-07 19:00" [briefquiz args]

`app` runs `briefquiz` itself (`briefquiz.cli.main`) with its clock starting at `--at` and
running on from there in real time (the clock every command is handed, `cli.context`); the
data dir is BRIEFQUIZ_DATA_DIR as always.

`walk` starts from an empty data dir (in a temporary folder) and, with the seminar on the
eighth morning at 09:00, opens the app on each evening at 19:00 in a tmux window of
`--size`: on the first it sets the seminar in the app (m), then every evening it reads
home and the plan (p), studies everything due (a) for at most `--answers` answers, reads
the article's recall heat-map (r), goes to the weakest paragraph (w) and quizzes on it
(Enter); the fourth evening is skipped, as students skip days; the last evening holds the
final pass; the seminar morning shows home and the plan. Every screen it passes is saved
as text in `--out` (default: a new temporary folder), one file per screen, named by day
and step, and listed in index.txt.

The student answers by the keys a learner would press (the first option, `t`, a guess
typed); after each answer that is not right, with a chance of `--knows` (0.75), they change
the rating to Good (key 3), as someone who knew it and slipped; a flashcard they rate
Good with the same chance. Seeded (`--seed`), so two walks press the same keys.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SESSION = "briefquiz-week"
ENDED = ("Session done", "Session stopped")
#: On the screen once an answer is in: the verdict's line, or the status line under a
#: feedback that scrolled to its quote.
FEEDBACK = ("answer saved", "Enter: next")
KINDS = (
    "flashcard",
    "multiple choice",
    "select all that apply",
    "true or false",
    "type the answer",
    "fill the gaps",
    "put in order",
    "match the pairs",
    "find the evidence",
    "explain",
)


# -- the clock the app is handed ----------------------------------------------------------


class ShiftedClock:
    """Real time, moved so that it reads `start` when made (local time zone)."""

    def __init__(self, start: datetime, tz: tzinfo) -> None:
        self._offset = start - datetime.now(UTC)
        self._tz = tz

    def now(self) -> datetime:
        return datetime.now(UTC) + self._offset

    @property
    def tz(self) -> tzinfo:
        return self._tz


def run_app(at: str, args: Sequence[str]) -> int:
    from briefquiz.cli import main
    from briefquiz.cli.context import Context
    from briefquiz.clock import LOCAL

    start = datetime.fromisoformat(at)
    start = start.replace(tzinfo=LOCAL) if start.tzinfo is None else start
    return main(list(args), context=Context(clock=ShiftedClock(start.astimezone(UTC), LOCAL)))


# -- driving tmux ---------------------------------------------------------------------------


def tmux(*args: str) -> str:
    done = subprocess.run(["tmux", *args], capture_output=True, text=True, check=False)
    return done.stdout


@dataclass
class Walk:
    out: Path
    data: Path
    width: int
    height: int
    answers: int
    knows: float
    rng: random.Random
    shots: list[str] = field(default_factory=list)
    day: str = ""

    # the window
    def start(self, at: datetime) -> None:
        env = {
            "BRIEFQUIZ_DATA_DIR": str(self.data),
            "PYTHONPATH": str(ROOT / "src"),
            "TERM": os.environ.get("TERM", "xterm-256color") or "xterm-256color",
        }
        command = " ".join(
            [
                *(f"{k}={v}" for k, v in env.items()),
                sys.executable,
                str(Path(__file__).resolve()),
                "app",
                "--at",
                f"'{at:%Y-%m-%d %H:%M}'",
            ]
        )
        tmux("kill-session", "-t", SESSION)
        tmux(
            "new-session", "-d", "-s", SESSION, "-x", str(self.width), "-y", str(self.height),
            command,
        )  # fmt: skip
        self.wait_for("briefquiz ·", timeout=15)

    def stop(self) -> None:
        for _ in range(6):  # back to home, then quit
            if not tmux("list-sessions").count(SESSION):
                return
            screen = self.screen()
            if "Stop the session?" in screen or "Quit briefquiz?" in screen:
                self.keys("y")
            else:
                self.keys("Escape")
                self.keys("q")
            time.sleep(0.3)
        tmux("kill-session", "-t", SESSION)

    def screen(self) -> str:
        return tmux("capture-pane", "-p", "-t", SESSION)

    def keys(self, *names: str, pause: float = 0.15) -> None:
        for name in names:
            tmux("send-keys", "-t", SESSION, name)
            time.sleep(pause)

    def text(self, text: str) -> None:
        tmux("send-keys", "-t", SESSION, "-l", text)
        time.sleep(0.2)

    def wait_for(self, *words: str, timeout: float = 5.0) -> str:
        """The screen, once one of `words` is on it (or after `timeout`)."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if any(word in screen for word in words) or time.monotonic() > deadline:
                return screen
            time.sleep(0.1)

    def shot(self, step: str, settle: float = 0.4) -> str:
        time.sleep(settle)
        screen = self.screen()
        name = f"{self.day}-{len(self.shots):02d}-{step}.txt"
        (self.out / name).write_text(screen, encoding="utf-8")
        self.shots.append(name)
        return screen

    # the student
    def kind(self, screen: str) -> str | None:
        first = screen.splitlines()[0] if screen else ""
        # The header is `deck · kind`, or the kind alone beside a long count; six letters
        # tell the kinds apart.
        head = first.strip()
        return next((k for k in KINDS if f"· {k[:6]}" in head or head.startswith(k[:6])), None)

    def answer(self, kind: str) -> None:
        """Keys that answer a question of `kind` (rightly or not)."""
        match kind:
            case "flashcard":
                self.keys("Space")
                self.keys("3" if self.rng.random() < self.knows else "1")
            case "multiple choice":
                self.keys(str(self.rng.randint(1, 3)))
            case "select all that apply":
                self.keys("1", "2", "Enter")
            case "true or false":
                self.keys(self.rng.choice("tf"))
            case "type the answer":
                self.text("not sure")
                self.keys("Enter")
            case "fill the gaps":
                for _ in range(6):  # Enter moves to the next gap, and checks from the last
                    if any(word in self.screen() for word in FEEDBACK):
                        break
                    self.text("x")
                    self.keys("Enter", pause=0.25)
            case "put in order":
                self.keys("Enter")
            case "match the pairs":
                self.keys(*"abcdefgh", pause=0.05)
                self.keys("Enter")
            case "find the evidence":
                self.keys(*["Down"] * self.rng.randint(0, 8), pause=0.05)
                self.keys("Enter")
            case "explain":
                self.keys("Enter")
                self.keys("1", "2", "Enter")
            case _:
                self.keys("Enter")

    def study(self, label: str, limit: int) -> None:
        """Answer until the session ends or `limit` answers, then stop it (answers saved)."""
        shown = 0
        for count in range(limit):
            screen = self.wait_for(*ENDED, *(f"· {k[:6]}" for k in KINDS), *KINDS)
            if any(word in screen for word in ENDED):
                break
            kind = self.kind(screen)
            if kind is None:
                self.shot(f"{label}-stuck")
                break
            time.sleep(0.3)  # the answer widget takes the focus
            if count == 0:
                self.shot(f"{label}-question")
            self.answer(kind)
            feedback = self.wait_for(*FEEDBACK, timeout=8)  # a loaded machine is slow
            if not any(word in feedback for word in FEEDBACK):
                self.shot(f"{label}-no-feedback-{kind.replace(' ', '-')}")
                self.keys("Escape", "Escape")
                continue
            slipped = "✓ Right" not in feedback and kind != "flashcard"
            if slipped and self.rng.random() < self.knows:
                self.keys("3")
            if shown < 2 and "✗" in feedback:
                self.shot(f"{label}-feedback-{kind.replace(' ', '-')}")
                shown += 1
            self.keys("Enter")
            deadline = time.monotonic() + 3
            while any(w in self.screen() for w in FEEDBACK) and time.monotonic() < deadline:
                time.sleep(0.1)  # the next question is not drawn yet
        screen = self.screen()
        if not any(word in screen for word in ENDED):
            self.keys("Escape")
            self.wait_for("Stop the session?")
            self.keys("y")
        self.wait_for(*ENDED)
        self.shot(f"{label}-summary")
        self.keys("Escape")
        self.wait_for("briefquiz ·")

    def evening(self, at: datetime, *, first: bool, seminar: datetime) -> None:
        self.day = f"{at:%m%d-%a-%H%M}"
        self.start(at)
        self.shot("home")
        if first:
            self.keys("m")
            self.wait_for("Seminar")
            self.shot("seminar-form")
            self.text(f"{seminar:%Y-%m-%d %H:%M}")
            self.keys("Enter")
            self.shot("home-with-seminar", settle=1.0)
        self.keys("p")
        self.wait_for("Plan ·", timeout=10)
        self.shot("plan")
        self.keys("Escape")
        self.keys("a")
        time.sleep(0.5)
        if "Nothing to study" in self.screen() or "Daily limit" in self.screen():
            self.shot("nothing-due")
        else:
            self.study("study", self.answers)
        self.keys("r")
        self.wait_for("Recall", timeout=5)
        self.shot("article")
        self.keys("w")
        self.shot("article-weakest")
        self.keys("Enter")
        time.sleep(0.5)
        self.study("weakest-quiz", 8)
        self.shot("home-after")
        self.stop()

    def morning(self, at: datetime) -> None:
        self.day = f"{at:%m%d-%a-%H%M}"
        self.start(at)
        self.shot("home")
        self.keys("p")
        self.wait_for("Plan ·", timeout=10)
        self.shot("plan")
        self.keys("Escape")
        self.keys("r")
        self.wait_for("Recall", timeout=5)
        self.shot("article")
        self.stop()


def walk(options: argparse.Namespace) -> int:
    if shutil.which("tmux") is None:
        print("the walk needs tmux", file=sys.stderr)
        return 2
    from briefquiz.clock import LOCAL

    width, height = (int(n) for n in options.size.split("x"))
    out = Path(options.out) if options.out else Path(tempfile.mkdtemp(prefix="seminar-week-"))
    out.mkdir(parents=True, exist_ok=True)
    data = Path(options.data) if options.data else Path(tempfile.mkdtemp(prefix="seminar-week-"))
    if options.data and data.exists() and any(data.iterdir()):
        print(f"{data} is not empty; the walk starts from no progress", file=sys.stderr)
        return 2
    start = datetime.fromisoformat(options.start).replace(tzinfo=LOCAL)
    seminar = (start + timedelta(days=7)).replace(hour=9, minute=0)
    student = Walk(
        out, data, width, height, options.answers, options.knows, random.Random(options.seed)
    )
    try:
        for day in range(7):
            if day == 3:
                continue  # a day skipped
            evening = (start + timedelta(days=day)).replace(hour=19, minute=0)
            student.evening(evening, first=day == 0, seminar=seminar)
            print(f"{evening:%a %d %b %H:%M}: {len(student.shots)} screens so far", flush=True)
        student.morning(seminar - timedelta(hours=1))
    finally:
        tmux("kill-session", "-t", SESSION)
        if not options.data:
            shutil.rmtree(data, ignore_errors=True)
    (out / "index.txt").write_text("\n".join(student.shots) + "\n", encoding="utf-8")
    print(f"{len(student.shots)} screens in {out}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["app"]:
        parser = argparse.ArgumentParser(prog="seminar_week.py app")
        parser.add_argument("--at", required=True, help="the clock's start, local time")
        known, rest = parser.parse_known_args(args[1:])
        return run_app(known.at, rest)
    parser = argparse.ArgumentParser(prog="seminar_week.py", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    run = sub.add_parser("walk", help="a week before a seminar, screen by screen")
    run.add_argument("--out", help="where the screens go (default: a new temporary folder)")
    run.add_argument("--data", help="the data dir to use and keep (default: a temporary one)")
    run.add_argument("--size", default="80x24", help="the tmux window, WIDTHxHEIGHT")
    run.add_argument("--answers", type=int, default=40, help="answers at most per evening")
    run.add_argument("--knows", type=float, default=0.75, help="chance the student knew it")
    run.add_argument("--seed", type=int, default=1)
    run.add_argument("--start", default="2026-12-07", help="the first evening's date")
    sub.add_parser("app", help="briefquiz on an injected clock: app --at 'YYYY-MM-DD HH:MM' ...")
    options = parser.parse_args(args)
    return walk(options)


if __name__ == "__main__":
    sys.exit(main())
