"""Shared fixtures for the engine tests: a temp data dir, a real Store, a FixedClock, decks.

Helpers are handed out as fixtures (not imported from here) so that another conftest.py in a
sub-folder can never shadow them.
"""

from __future__ import annotations

import contextlib
import gc
import io
import itertools
import os
import queue
import random
import re
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from answers import Answers
from briefquiz import cli as briefquiz_cli
from briefquiz.cli.context import Context
from briefquiz.clock import Clock, FixedClock
from briefquiz.deck.model import (
    AnyQuestion,
    Blank,
    Choice,
    Cloze,
    Deck,
    Evidence,
    Explain,
    Flashcard,
    Match,
    Multi,
    Order,
    Point,
    QuestionType,
    Source,
    TrueFalse,
    Typed,
)
from briefquiz.deck.sourcetext import SourceText
from briefquiz.progress.repository import Store
from briefquiz.schedule.planner import Planner
from briefquiz.study.queue import Presentation
from briefquiz.study.session import Session
from briefquiz.ui.wording.kinds import kind_name

# The suite starts about sixty Python processes: the xdist workers, and the children of the
# CLI, crash and import-boundary tests. Where PYTHONDONTWRITEBYTECODE is set (some CI images
# set it), none of them keeps what it compiles, so each compiles briefquiz and the test
# helpers again from source: on a fresh clone on 2 cores, 25 s of CPU and 13 s of the
# suite's time. The caches go to __pycache__ (git-ignored), as Python writes them by default;
# the workers and children are started after this, with the variable gone.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
sys.dont_write_bytecode = False

# A Monday morning, UTC. Engine tests start their clock here.
T0 = datetime(2025, 3, 3, 8, 0, tzinfo=UTC)

FIXTURE_DECKS = Path(__file__).parent / "fixtures" / "decks"
SOURCE_TXT = FIXTURE_DECKS / "source.txt"


# --------------------------------------------------------------------------- workers


@pytest.hookimpl(wrapper=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> Iterator[int]:
    """`-n auto` (the addopts): two workers per core. The Pilot tests spend part of their
    time waiting for the app to go idle (the pilot sleeps a slice at a time until the
    process stops working: tests/tui/idle_wait.py), so one worker per core leaves the cores
    idle. On 2 cores, back to back: 4 workers ran 44-49 s and 6 ran 46-50 s, with 8-14 s
    less CPU; on a fresh clone, where every worker compiles the tests again, 4 ran 59 s and
    6 ran 62-68 s; with the 10 ms idle slice, 4 ran 45-52 s and 3 ran 48-62 s, and 2 ran
    70-74 s at 20 ms. PYTEST_XDIST_AUTO_NUM_WORKERS, when set, is taken as it is."""
    per_cpu: int = yield
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return per_cpu
    return 2 * per_cpu


#: New objects (net of those freed) the cycle collector lets pile up before it runs, between
#: two tests. Nearly all that a test drops is freed by reference counting as it is dropped:
#: with the collector off, a worker ends the run 0.7-1.2 million objects and about 70 MB up,
#: so in a run of today's suite it never runs. Left on (even at a youngest-generation
#: threshold of 10,000), it kept scanning the running apps' live widgets and took a fifth of
#: the workers' CPU (19-24 s of 95-106); run every 500,000 objects, still 10-13 s.
GC_BETWEEN_TESTS = 2_000_000


def pytest_collection_finish(session: pytest.Session) -> None:
    """Once the tests are imported: what is alive now (modules, the collected tests) lives
    to the end, so it is frozen out of the collector's scans, and the collector runs only
    between tests (pytest_runtest_teardown). A finalizer's error in a cycle the collector
    never frees goes unreported; one in an object freed by reference counting (an unclosed
    file or connection) is still reported, at the test that dropped it."""
    gc.collect()
    gc.freeze()
    gc.disable()


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """Off again whatever the test did (Textual's PAUSE_GC_ON_SCROLL turns the collector
    back on, at CPython's default thresholds, when a scroll ends)."""
    gc.disable()
    if gc.get_count()[0] > GC_BETWEEN_TESTS:
        gc.collect()


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """Before pytest's five collections at exit: what is left is frozen, so they scan
    nothing (they took 0.6-1 s a worker)."""
    gc.freeze()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked `long` first in each worker's share. xdist's worksteal hands each worker
    one contiguous slice of the collection and steals from the ends of the slices, so a long
    test at the end of a slice would run last, alone, while the other workers wait."""
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    long = [item for item in items if item.get_closest_marker("long")]
    rest = iter([item for item in items if not item.get_closest_marker("long")])
    ordered: list[pytest.Item] = []
    left = len(items)
    for worker in range(workers):
        size = left // (workers - worker)  # as worksteal's first split
        left -= size
        share = long[worker::workers]
        ordered += share + list(itertools.islice(rest, max(0, size - len(share))))
    items[:] = ordered + list(rest)


# --------------------------------------------------------------------------- data dir, store, clock


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty BRIEFQUIZ_DATA_DIR for this test (progress.sqlite3 and decks/ live here)."""
    directory = tmp_path / "data"
    directory.mkdir()
    monkeypatch.setenv("BRIEFQUIZ_DATA_DIR", str(directory))
    return directory


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A real SQLite progress store in tmp_path."""
    with Store.open(tmp_path / "progress.sqlite3") as opened:
        yield opened


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


# --------------------------------------------------------------------------- decks


def make_deck(deck_id: str, questions: Sequence[AnyQuestion], *, source: bool = False) -> Deck:
    return Deck(
        id=deck_id,
        title=f"Deck {deck_id}",
        path=Path(f"/nonexistent/{deck_id}.yaml"),
        questions=tuple(questions),
        source=Source("The Lamp on Varn Head", file=SOURCE_TXT, starts_at_line=4)
        if source
        else None,
    )


def truefalse_questions(count: int, prefix: str = "q") -> list[TrueFalse]:
    return [
        TrueFalse(id=f"{prefix}{i}", prompt=f"Statement {i} is true.", answer=i % 3 != 2)
        for i in range(count)
    ]


def evidence_question(
    quote: str = "In 1962 the light was automated.", question_id: str = "evidence"
) -> Evidence:
    """An evidence question on the fixture source (its paragraphs 1-4), as a deck reads it."""
    text = SourceText(SOURCE_TXT, SOURCE_TXT.read_text(encoding="utf-8"), 4)
    where = text.locate(quote)
    assert where is not None, quote
    return Evidence(
        id=question_id,
        prompt="The lighthouse no longer needs a keeper.",
        quote=quote,
        quotes=(quote,),
        paragraphs=tuple(p for p in text.paragraphs if p.ordinal),
        right=(where,),
        tags=("reasoning",),
    )


def mixed_questions() -> list[AnyQuestion]:
    """One question of every type, each with enough parts for a partly right answer."""
    return [
        Flashcard(id="flash", prompt="Who kept the lamp first?", answer="Ada Morrow"),
        Choice(
            id="choice",
            prompt="When was the light automated?",
            options=("1811", "1962", "1905", "1999"),
            answer="1962",
            tags=("dates",),
        ),
        Multi(
            id="multi",
            prompt="What do the logbooks record?",
            options=("storms", "wrecks", "weddings", "lamp oil"),
            answers=frozenset({"storms", "wrecks", "lamp oil"}),
            tags=("logbooks",),
        ),
        TrueFalse(id="tf", prompt="The lamp went dark often.", answer=False),
        Typed(id="typed", prompt="First keeper?", answers=("Ada Morrow", "Morrow")),
        Cloze(
            id="cloze",
            prompt="Complete.",
            text="{{storms}} and {{wrecks}}",
            parts=("", Blank(("storms",)), " and ", Blank(("wrecks",)), ""),
        ),
        Order(
            id="order",
            prompt="Oldest first.",
            items=("light lit", "Morrow logs oil", "automation", "visitors"),
            tags=("dates",),
        ),
        Match(
            id="match",
            prompt="Keeper to year.",
            pairs=(("Morrow", "1811"), ("Quill", "1962"), ("Visitors", "summer"), ("Oil", "price")),
        ),
        evidence_question(),
        Explain(
            id="explain",
            prompt="Why does the museum matter to the story of the light?",
            points=(
                Point("It keeps Morrow's logbooks.", "Morrow’s logbooks survive"),
                Point("They record storms and wrecks.", "They record storms, wrecks"),
                Point("Most of all, the price of oil.", "the price of lamp oil"),
            ),
            tags=("reasoning",),
        ),
    ]


class Kit:
    """Deck builders and constants, handed to tests by the `kit` fixture."""

    T0 = T0
    SOURCE_TXT = SOURCE_TXT
    deck = staticmethod(make_deck)
    truefalse = staticmethod(truefalse_questions)
    mixed = staticmethod(mixed_questions)
    evidence = staticmethod(evidence_question)


@pytest.fixture
def kit() -> type[Kit]:
    return Kit


@pytest.fixture
def tf_deck() -> Deck:
    return make_deck("tf", truefalse_questions(6))


@pytest.fixture
def mixed_deck() -> Deck:
    return make_deck("mixed", mixed_questions(), source=True)


# --------------------------------------------------------------------------- answers


@pytest.fixture
def answers() -> type[Answers]:
    return Answers


# --------------------------------------------------------------------------- sessions


@pytest.fixture
def new_session(store: Store, clock: FixedClock) -> Callable[..., Session]:
    """Session(store, decks, clock) with fuzzing off and a seeded rng; keyword overrides."""

    def build(decks: Sequence[Deck], **kwargs: Any) -> Session:
        kwargs.setdefault("rng", random.Random(1234))
        kwargs.setdefault("planner", Planner(fuzz=False))
        return Session(store, list(decks), kwargs.pop("clock", clock), **kwargs)

    return build


# --------------------------------------------------------------------------- deck files

ALL_TYPES_YAML = """\
deck: bq-test-all
title: Varn test deck
source:
  title: The Lamp on Varn Head
  file: {source}
  starts_at_line: 4
questions:
  - id: automated-year
    type: truefalse
    prompt: The light on Varn Head was automated in 1962.
    answer: true
    explanation: The keepers left when the light was automated.
    quote: In 1962 the light was automated.
    tags: [dates]
  - id: first-keeper
    type: typed
    prompt: Who was the first keeper of the light?
    answers: [Ada Morrow, Morrow]
    explanation: Ada Morrow kept the light from 1811.
    quote: Its first keeper, Ada Morrow
    tags: [people]
  - id: quill-clock
    type: cloze
    prompt: Complete what Tomas Quill said.
    text: He felt like a man whose {{{{clock}}}} had {{{{stopped}}}}.
    quote: like a man whose clock had stopped
  - id: flash-lamp
    type: flashcard
    prompt: What did Ada Morrow write about the lamp?
    answer: That it must never go dark.
  - id: light-since
    type: choice
    prompt: Since when has Varn kept a light on its northern head?
    options: ["1811", "1962", "1905", "1999"]
    answer: "1811"
  - id: logbook-topics
    type: multi
    prompt: What do the logbooks record?
    options: [storms, wrecks, weddings, lamp oil]
    answers: [storms, wrecks, lamp oil]
  - id: history-order
    type: order
    prompt: Oldest first.
    items: [the light is lit, the light is automated, summer visitors]
  - id: keeper-years
    type: match
    prompt: Match each keeper to the year.
    pairs:
      Ada Morrow: "1811"
      Tomas Quill: "1962"
"""


def tf_deck_yaml(deck_id: str, count: int) -> str:
    questions = "".join(
        textwrap.dedent(
            f"""\
              - id: s{i:02d}
                type: truefalse
                prompt: Statement number {i} is {"true" if i % 2 == 0 else "false"}.
                answer: {"true" if i % 2 == 0 else "false"}
            """
        )
        for i in range(count)
    )
    return f"deck: {deck_id}\ntitle: Statements\nquestions:\n" + textwrap.indent(questions, "  ")


@pytest.fixture
def all_types_file(tmp_path: Path) -> Path:
    """A deck file with one question of each type, quoting tests/fixtures/decks/source.txt."""
    path = tmp_path / "all-types.yaml"
    path.write_text(ALL_TYPES_YAML.format(source=SOURCE_TXT), encoding="utf-8")
    return path


@pytest.fixture
def tf_file(tmp_path: Path) -> Callable[[int], Path]:
    """A deck file of `count` truefalse questions; even numbers are true."""

    def write(count: int = 20, deck_id: str = "bq-test-tf") -> Path:
        path = tmp_path / f"{deck_id}.yaml"
        path.write_text(tf_deck_yaml(deck_id, count), encoding="utf-8")
        return path

    return write


# --------------------------------------------------------------------------- the command line


@dataclass(frozen=True)
class Ran:
    """What a command did: its exit status and what it printed (like CompletedProcess)."""

    returncode: int
    stdout: str
    stderr: str


@dataclass
class InProcessCli:
    """Calls `briefquiz.cli.main([...])` in this process, as `python -m briefquiz ...` runs it:
    BRIEFQUIZ_DATA_DIR is `data`, the working folder `cwd`, stdin the `input` given (not a
    terminal), stdout and stderr captured; `data` and `cwd` override, for one command; `**env`
    sets more variables (TZ is applied). `clock`, when set, is the clock every command reads
    (a date in a test then never turns from future to past as the years go by)."""

    data: Path
    cwd: Path
    capsys: pytest.CaptureFixture[str]
    monkeypatch: pytest.MonkeyPatch
    clock: Clock | None = None

    def run(
        self,
        *args: str | Path,
        input: str = "",
        cwd: Path | None = None,
        data: Path | None = None,
        **env: str,
    ) -> Ran:
        self.capsys.readouterr()  # only this command's output
        with self.monkeypatch.context() as patch:
            patch.setenv("BRIEFQUIZ_DATA_DIR", str(data or self.data))
            for name, value in env.items():
                patch.setenv(name, value)
            patch.chdir(cwd or self.cwd)
            patch.setattr(sys, "stdin", io.StringIO(input))
            if hasattr(time, "tzset"):
                time.tzset()
            try:
                context = None if self.clock is None else Context(clock=self.clock)
                status = briefquiz_cli.main([str(arg) for arg in args], context)
            except SystemExit as end:  # argparse: --help, --version, bad usage
                status = end.code if isinstance(end.code, int) else int(end.code is not None)
            out, err = self.capsys.readouterr()
        if hasattr(time, "tzset"):
            time.tzset()
        return Ran(status, out, err)


@pytest.fixture
def bq(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> InProcessCli:
    """briefquiz's command line in this process, data in tmp_path/data, run in tmp_path."""
    return InProcessCli(tmp_path / "data", tmp_path, capsys, monkeypatch)


@pytest.fixture
def user_deck(bq: InProcessCli, tf_file: Callable[..., Path]) -> str:
    """A deck of 4 statements (id bq-test-tf) in the data dir's decks/ folder, so that its id
    alone finds it."""
    decks = bq.data / "decks"
    decks.mkdir(parents=True)
    tf_file(4).rename(decks / "statements.yaml")
    return "bq-test-tf"


@pytest.fixture
def berlin(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The system time zone (what briefquiz.clock.LOCAL reads) set to Europe/Berlin."""
    if not hasattr(time, "tzset"):
        pytest.skip("needs time.tzset")
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


# --------------------------------------------------------------------------- subprocesses


def briefquiz_env(data: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["BRIEFQUIZ_DATA_DIR"] = str(data)
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("PYTHONWARNINGS", None)
    env.update(extra)
    return env


@dataclass
class Cli:
    """Runs `python -m briefquiz ...` with BRIEFQUIZ_DATA_DIR set."""

    data: Path
    cwd: Path

    def run(
        self, *args: str, input: str | None = None, timeout: float = 30, **env: str
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "briefquiz", *args],
            input=input,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=briefquiz_env(self.data, **env),
            cwd=self.cwd,
            timeout=timeout,
        )

    def spawn(self, *args: str) -> PlainProcess:
        return PlainProcess(
            subprocess.Popen(
                [sys.executable, "-m", "briefquiz", *args],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                bufsize=1,
                env=briefquiz_env(self.data),
                cwd=self.cwd,
            )
        )


HEADER = re.compile(r"^\[(\d+)/(\d+)\] (.*) · ([\w ]+)$")
# The header names a question's kind as a learner reads it; the tests speak of the keyword.
KEYWORDS = {kind_name(kind): kind.value for kind in QuestionType}
INSTRUCTIONS = ("Type ", "Select ", "For each ")


@dataclass
class ShownQuestion:
    """A question as plain mode printed it."""

    number: int
    total: int
    type: str
    text: str  # the prompt (or the cloze text)
    numbered: list[str]  # "1. ..." lines: options, order items, match lefts
    lettered: list[str]  # "a) ..." lines: match partners

    def presentation(self) -> Presentation:
        if self.type in ("choice", "multi"):
            return Presentation(options=tuple(self.numbered))
        if self.type == "order":
            return Presentation(items=tuple(self.numbered))
        if self.type == "match":
            return Presentation(partners=tuple(self.lettered))
        return Presentation()


class PlainProcess:
    """A running plain-mode session fed one line at a time; stdout is read line by line."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.proc = proc
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def send(self, *lines: str) -> None:
        assert self.proc.stdin is not None
        for line in lines:
            self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def read_until(self, predicate: Callable[[str], bool], timeout: float = 20) -> list[str]:
        """Lines up to and including the first one matching `predicate`."""
        got: list[str] = []
        while True:
            try:
                line = self.lines.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(
                    f"timed out waiting for output; so far:\n{''.join(self.seen)}"
                ) from None
            if line is None:
                raise AssertionError(f"the process ended early; output:\n{''.join(self.seen)}")
            self.seen.append(line)
            got.append(line)
            if predicate(line):
                return got

    def next_question(self) -> ShownQuestion:
        """Read up to the point where the next question waits for its answer."""
        header = HEADER.match(self.read_until(lambda line: bool(HEADER.match(line)))[-1].rstrip())
        assert header is not None
        kind = KEYWORDS[header.group(4)]
        if kind in ("cloze", "flashcard"):
            body = self.read_until(lambda line: True)
        else:
            body = self.read_until(lambda line: line.startswith(INSTRUCTIONS))[:-1]
        numbered, lettered, text = [], [], []
        for line in body:
            if number := re.match(r"^  \d+\. (.*)$", line.rstrip("\n")):
                numbered.append(number.group(1))
            elif letter := re.match(r"^  [a-z]\) (.*)$", line.rstrip("\n")):
                lettered.append(letter.group(1))
            else:
                text.append(line.strip())
        return ShownQuestion(
            int(header.group(1)), int(header.group(2)), kind, " ".join(text), numbered, lettered
        )

    def close(self, timeout: float = 20) -> tuple[int, str, str]:
        """Close stdin, wait for the end; (exit code, rest of stdout, stderr)."""
        assert self.proc.stdin is not None
        if not self.proc.stdin.closed:
            self.proc.stdin.close()
        code = self.proc.wait(timeout=timeout)
        self._reader.join(timeout)
        rest: list[str] = []
        while not self.lines.empty():
            line = self.lines.get()
            if line is not None:
                rest.append(line)
        self.seen.extend(rest)
        assert self.proc.stderr is not None
        return code, "".join(rest), self.proc.stderr.read()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=20)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()


@pytest.fixture
def cli(tmp_path: Path) -> Iterator[Cli]:
    """Runs briefquiz in subprocesses with their own data dir (tmp_path/cli-data)."""
    data = tmp_path / "cli-data"
    data.mkdir()
    runner = _TrackingCli(data, tmp_path)
    yield runner
    for process in runner.spawned:
        process.kill()


class _TrackingCli(Cli):
    def __init__(self, data: Path, cwd: Path) -> None:
        super().__init__(data, cwd)
        self.spawned: list[PlainProcess] = []

    def spawn(self, *args: str) -> PlainProcess:
        process = super().spawn(*args)
        self.spawned.append(process)
        return process
