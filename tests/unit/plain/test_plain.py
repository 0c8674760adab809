"""The plain line-based mode: with StringIO, and `briefquiz study --plain` fed its input."""

from __future__ import annotations

import io
import random
import re
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from fsrs import Rating, State

from briefquiz.clock import FixedClock
from briefquiz.deck.model import Deck, TrueFalse, Typed
from briefquiz.deck.validate import read_deck
from briefquiz.progress.records import DeckSettings
from briefquiz.progress.repository import Store
from briefquiz.schedule.planner import Planner
from briefquiz.study.session import Session
from briefquiz.ui.plain.study import PlainStudy

Line = str | Callable[[Session], str | list[str]]


class Script(io.StringIO):
    """stdin for PlainStudy: fixed lines, or functions of the session that say what to type."""

    def __init__(self, session: Session, lines: list[Line]) -> None:
        super().__init__()
        self.session = session
        self.pending: list[Line] = list(lines)
        self.buffered: list[str] = []
        self.read_count = 0

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        if not self.buffered:
            if not self.pending:
                return ""
            entry = self.pending.pop(0)
            produced = entry(self.session) if callable(entry) else entry
            self.buffered = [produced] if isinstance(produced, str) else list(produced)
        self.read_count += 1
        return self.buffered.pop(0) + "\n"


def right(answers) -> Callable[[Session], list[str]]:
    """Type the right answer to whatever is asked now, then keep the suggested rating."""

    def lines(session: Session) -> list[str]:
        item = session.current
        assert item is not None
        typed = answers.right_lines(item.question, item.presentation)
        return typed if item.question.type == "flashcard" else [*typed, ""]

    return lines


@pytest.fixture
def file_deck(all_types_file: Path) -> Deck:
    deck, findings = read_deck(all_types_file)
    assert deck is not None, findings
    return deck


@pytest.fixture
def plain(store: Store, clock: FixedClock) -> Callable[..., tuple[str, Session, Script]]:
    def run(decks: list[Deck], lines: list[Line], **kwargs) -> tuple[str, Session, Script]:
        session = Session(
            store,
            decks,
            clock,
            rng=random.Random(kwargs.pop("seed", 3)),
            planner=Planner(fuzz=False),
            **kwargs,
        )
        stdin = Script(session, lines)
        stdout = io.StringIO()
        ticks: Iterator[float] = iter(range(0, 10_000, 2))  # every answer takes 2 s
        PlainStudy(session, stdin, stdout, monotonic=lambda: float(next(ticks))).run()
        return stdout.getvalue(), session, stdin

    return run


# --------------------------------------------------------------------------- in-process


def test_every_type_answered_right(plain, file_deck: Deck, store: Store, answers) -> None:
    out, session, stdin = plain([file_deck], [right(answers)] * 8)
    assert out.count("✓ Right") == 7
    assert "  → That it must never go dark." in out  # the flashcard's answer, shown on Enter
    assert out.count("saved · next review in 10 min") == 8
    assert "[1/8] Varn test deck · true or false" in out
    assert "  Answer: True" in out
    assert "  The keepers left when the light was automated." in out  # explanation
    assert "  Source (paragraph 3, line 8): “In 1962 the light was automated.”" in out
    assert "He felt like a man whose [1]_____ had [2]_____." in out
    assert (
        "Session stopped · 8 left for later: answered 8, right 7 of 7, self-graded 1, time 16 s"
        in " ".join(out.split())
    )  # the learning repeats wait
    assert "Next due: in 10 min" in out
    reviews = store.reviews("bq-test-all")
    assert len(reviews) == 8 and {r.rating for r in reviews} == {3}
    assert {r.outcome for r in reviews} == {"right", "self"}
    assert {r.duration_ms for r in reviews} == {2000}
    assert all(card.state is State.Learning for card in store.cards("bq-test-all").values())
    # Input ended at the first learning repeat: stopped cleanly, nothing more saved.
    assert session.finished and stdin.read_count == 17  # 8 answers, 7 ratings, 2nd blank


def test_wrong_and_partly_right_answers_show_what_was_expected(
    plain, file_deck: Deck, store: Store
) -> None:
    lines: list[Line] = ["2", "", "Quill", ""]  # truefalse wrong, typed wrong
    out, _session, _ = plain([file_deck], lines, limit=2)
    assert out.count("✗ Wrong") == 2
    assert "  Answer: True" in out and "  You said: False" in out
    assert "  Answer: Ada Morrow" in out and "  You said: Quill" in out
    assert "Rating: Again. Enter keeps it" in out
    assert "Session done: answered 2, right 0 of 2" in out
    assert [r.rating for r in store.reviews("bq-test-all")] == [1, 1]


def test_partly_right_cloze(plain, file_deck: Deck, store: Store) -> None:
    cloze = next(q for q in file_deck.questions if q.type == "cloze")
    deck = Deck("bq-cloze", "Cloze", file_deck.path, (cloze,), source=file_deck.source)
    out, _, _ = plain([deck], ["clock", "ticked", ""], limit=1)
    assert f"· fill the gaps\n{cloze.prompt}\n  " in out  # prompt, then gaps
    assert "~ Partly right (1 of 2)\n" in out  # the count, as the app's verdict gives it
    assert "    ✓ blank 1: clock" in out
    assert "    ✗ blank 2: ticked (expected stopped)" in out
    assert "Rating: Hard." in out
    assert "partly right 1" in out
    assert [r.outcome for r in store.reviews("bq-cloze")] == ["partial"]


def test_changing_the_rating_after_feedback(plain, file_deck: Deck, store: Store) -> None:
    out, session, _ = plain([file_deck], ["t", "1"], limit=1)  # right, but rated Again
    assert "✓ Right" in out and "saved · next review in 1 min" in out
    first, second = store.reviews("bq-test-all")
    assert (first.rating, second.rating) == (3, 1) and second.replaces == first.uid
    assert session.history[0].rating == Rating.Again
    card = store.card("bq-test-all", "automated-year")
    assert card is not None and card.step == 0


def test_bad_input_is_asked_again(plain, file_deck: Deck, store: Store, answers) -> None:
    lines: list[Line] = [
        "maybe",  # truefalse
        "3",
        "t",
        "x",  # rating
        "9",
        "",  # keep Good
        "",  # typed: empty
        "Ada Morrow",
        "",
        "",  # cloze blank 1: empty
        "clock",
        "stopped",
        "",
        "",  # flashcard: show
        "7",  # not a rating
        "3",
        lambda s: ["12", "0", right(answers)(s)[0]],  # choice
        "",
    ]
    out, session, _ = plain([file_deck], lines, limit=5)
    assert out.count("  type 1 for true or 2 for false") == 2
    assert out.count("  type 1, 2, 3 or 4 (Enter keeps the suggestion)") == 2
    assert "  type an answer (or q to stop)" in out
    assert "  type 1, 2, 3 or 4\n" in out  # the flashcard's own rating has no default
    assert "  type one number from 1 to 4" in out
    assert "  '0' is not a number from 1 to 4" in out
    assert "Session done: answered 5, right 4 of 4" in out
    assert len(store.reviews("bq-test-all")) == 5 and session.done == 5


def test_order_and_match_input_checks(plain, file_deck: Deck, answers) -> None:
    order = next(q for q in file_deck.questions if q.type == "order")
    match = next(q for q in file_deck.questions if q.type == "match")
    deck = Deck("bq-om", "OM", file_deck.path, (order, match))
    lines: list[Line] = [
        "1 1 2",
        "1 2",
        lambda s: right(answers)(s),
        "a",
        "a c",
        "ab",  # 2 letters, in one word
        "",
    ]
    out, _, _ = plain([deck], lines, limit=2)
    assert out.count("  use each number from 1 to 3 once") == 2
    assert "  type 2 letters, one for each item" in out
    assert "  'c' is not one of the letters a, b" in out
    assert "answered 2" in out


def test_q_stops_and_keeps_what_was_answered(plain, file_deck: Deck, store: Store) -> None:
    out, session, _ = plain([file_deck], ["t", "", "q", "never read"])
    assert out.count("saved · next review") == 1
    assert "Session stopped · 8 left for later: answered 1, right 1 of 1" in out
    assert session.finished and len(store.reviews("bq-test-all")) == 1

    out, _, _ = plain([file_deck], ["quit"])
    assert "Session stopped · 8 left for later: answered 0" in out


def test_end_of_input_in_the_middle_of_a_question(plain, file_deck: Deck, store: Store) -> None:
    out, _, _ = plain([file_deck], ["t", "", "Ada Morrow", "", "clock"])  # cloze half typed
    assert out.count("saved · next review") == 2
    assert "Session stopped · 8 left for later: answered 2, right 2 of 2" in out
    assert len(store.reviews("bq-test-all")) == 2


def test_nothing_due(plain, kit, store: Store) -> None:
    deck = kit.deck("empty", [])
    out, _, _ = plain([deck], [])
    assert out.startswith("Nothing is due right now.")
    out, _, _ = plain([deck], [], cram=True)
    assert out.startswith("No questions.")


def test_cram_in_plain_mode(plain, file_deck: Deck, store: Store, answers) -> None:
    out, _, _ = plain([file_deck], [right(answers)] * 8, cram=True)
    assert out.count("saved · next review unchanged (cram)") == 8
    assert (
        "Session done: answered 8, right 7 of 7, self-graded 1, time 16 s  (cram:\n"
        "schedules unchanged)\n"
    ) in out
    assert store.cards("bq-test-all") == {}
    assert all(r.cram for r in store.reviews("bq-test-all"))


def test_summary_shows_seminar_readiness(
    plain, file_deck: Deck, store: Store, clock: FixedClock, answers
) -> None:
    store.save_settings(
        DeckSettings("bq-test-all", seminar_at=clock.now() + timedelta(days=7, minutes=1))
    )
    out, _, _ = plain([file_deck], [right(answers)] * 8)
    match = re.search(
        r"Varn test deck: seminar in 7 days; readiness 0% → (\d+)% \(keeping up: (\d+)%\)", out
    )
    assert match is not None, out
    assert 0 < int(match.group(1)) <= int(match.group(2))


def test_long_prompts_are_wrapped(plain, kit) -> None:
    long = TrueFalse(id="long", prompt="word " * 40, answer=True)
    out, _, _ = plain([kit.deck("long", [long])], ["t", ""])
    assert all(len(line) <= 78 for line in out.splitlines())


# ------------------------------------------------------------------ briefquiz study --plain


def test_piped_answers(bq, all_types_file: Path) -> None:
    typed = "1\n\nAda Morrow\n\nclock\nstopped\n\n\n3\n"  # tf, typed, cloze, flashcard; then EOF
    result = bq.run("study", str(all_types_file), "--plain", input=typed)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    assert out.count("✓ Right") == 3
    assert "> 1\n" in out  # the input is echoed: the output reads as a transcript
    assert "  Answer: True" in out and "  Answer: Ada Morrow" in out
    assert "  The keepers left when the light was automated." in out
    assert "Source (paragraph 3, line 8): “In 1962 the light was automated.”" in out
    assert out.count("saved · next review in 10 min") == 4
    assert re.search(r"\[5/\d+\] Varn test deck · multiple choice\n", out)  # asked, input ended
    assert "Session stopped · 8 left for later: answered 4, right 3 of 3" in out
    assert "Next due: in 10 min" in out
    with Store.open(bq.data / "progress.sqlite3") as store:
        assert len(store.reviews("bq-test-all")) == 4
        assert len(store.cards("bq-test-all")) == 4


def test_q_and_bad_lines_in_a_pipe(bq, tf_file) -> None:
    path = tf_file(3)
    result = bq.run("study", str(path), "--plain", input="maybe\n\nt\nx\n\nq\n")
    assert result.returncode == 0 and result.stderr == ""
    assert "  type 1 for true or 2 for false" in result.stdout
    assert "  type 1, 2, 3 or 4 (Enter keeps the suggestion)" in result.stdout
    assert "Session stopped · 3 left for later: answered 1, right 1 of 1" in result.stdout
    assert "Traceback" not in result.stdout
    with Store.open(bq.data / "progress.sqlite3") as store:
        assert len(store.reviews("bq-test-tf")) == 1


def test_limit_and_cram_from_the_command_line(bq, tf_file) -> None:
    path = tf_file(5)
    result = bq.run("study", str(path), "--plain", "--limit", "2", input="t\n\nf\n\nt\n\n")
    assert result.returncode == 0, result.stderr
    assert "[1/2] Statements · true or false" in result.stdout
    assert "[3/" not in result.stdout
    assert "Session done: answered 2, right 2 of 2" in result.stdout

    result = bq.run("study", str(path), "--plain", "--cram", input="t\n\n" * 5)
    assert result.returncode == 0, result.stderr
    assert "[1/5] Statements · true or false" in result.stdout
    assert result.stdout.count("saved · next review unchanged (cram)") == 5
    assert "(cram: schedules unchanged)" in result.stdout

    with Store.open(bq.data / "progress.sqlite3") as store:
        reviews = store.reviews("bq-test-tf")
        assert [r.cram for r in reviews] == [False] * 2 + [True] * 5
        assert set(store.cards("bq-test-tf")) == {"s00", "s01"}

    bad = bq.run("study", str(path), "--plain", "--limit", "0", input="")
    assert bad.returncode == 2 and "--limit" in bad.stderr and "Traceback" not in bad.stderr


def test_a_typed_answer_accepted_by_a_rule_says_which(plain, tmp_path: Path) -> None:
    question = Typed(id="ministry", prompt="Who?", answers=("Russian Ministry of Foreign Affairs",))
    deck = Deck(id="rules", title="Rules", path=tmp_path / "rules.yaml", questions=(question,))
    out, _session, _ = plain([deck], ["Russian Minsitry of Foreign Afairs", ""], limit=1)
    assert "✓ Right" in out
    assert (
        "You said: Russian Minsitry of Foreign Afairs (accepted: 2 typos (Minsitry, Afairs))"
        in " ".join(out.split())  # the line is wrapped to the terminal's width
    )


def test_ctrl_c_prints_the_summary_then_exits(plain, file_deck: Deck, store: Store, answers):
    """ctrl+c mid-session: the answers so far are saved and the summary printed, then the
    interrupt goes on up (the command exits 130)."""

    def interrupt(session: Session) -> str:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        plain([file_deck], [right(answers), interrupt])
    reviews = store.reviews("bq-test-all")
    assert len(reviews) == 1


def test_ctrl_c_output_has_the_summary(store: Store, clock: FixedClock, file_deck: Deck, answers):
    session = Session(store, [file_deck], clock, rng=random.Random(3), planner=Planner(fuzz=False))

    def interrupt(s: Session) -> str:
        raise KeyboardInterrupt

    stdout = io.StringIO()
    with pytest.raises(KeyboardInterrupt):
        PlainStudy(session, Script(session, [right(answers), interrupt]), stdout).run()
    assert "Stopped, every answer saved: answered 1" in stdout.getvalue()


def test_wrapped_lines_hang_under_the_text_after_their_label(store: Store, clock: FixedClock):
    deck = Deck(id="w", title="W", path=Path("w.yaml"), questions=())
    session = Session(store, [deck], clock)
    stdout = io.StringIO()
    study = PlainStudy(session, io.StringIO(), stdout)
    study.say("1. " + "word " * 30)
    study.say("Answer: " + "long " * 30, indent="  ")
    first, second, answer, more = stdout.getvalue().splitlines()[:4]
    assert first.startswith("1. word") and second.startswith("   word")
    assert answer.startswith("  Answer: long") and more.startswith("          long")
