"""Plain-mode processes: every type answered through a pipe, killed mid-session, and two
answering on one database at once."""

from __future__ import annotations

import re
import signal
import sys
from collections import Counter
from pathlib import Path

import pytest

from briefquiz.deck.validate import read_deck
from briefquiz.progress.repository import Store

pytestmark = pytest.mark.slow

STATEMENT = re.compile(r"^Statement number (\d+) is (true|false)\.$")


def statement(text: str) -> tuple[str, str]:
    """The question id and the right input for a printed statement."""
    match = STATEMENT.match(text)
    assert match is not None, text
    number, truth = match.groups()
    return f"s{int(number):02d}", "t" if truth == "true" else "f"


def test_every_type_answered_through_a_pipe(cli, all_types_file: Path, answers) -> None:
    deck, _ = read_deck(all_types_file)
    assert deck is not None
    by_type = {q.type.value: q for q in deck.questions}
    process = cli.spawn("study", str(all_types_file), "--plain")
    for number in range(1, 9):
        shown = process.next_question()
        assert shown.number == number
        question = by_type[shown.type]
        if shown.type != "cloze":
            assert shown.text == question.prompt
        lines = answers.right_lines(question, shown.presentation())
        process.send(*lines)
        if shown.type != "flashcard":
            process.send("")
        process.read_until(lambda line: line.startswith("saved · "))
    process.send("q")
    code, rest, err = process.close()
    assert code == 0 and err == ""
    assert "Session stopped · 8 left for later: answered 8, right 7 of 7" in rest
    assert "".join(process.seen).count("✓ Right") == 7


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_every_acknowledged_answer_survives_a_kill(cli, tf_file) -> None:
    path = tf_file(20)
    process = cli.spawn("study", str(path), "--plain")
    acknowledged: list[str] = []
    for _ in range(7):
        shown = process.next_question()
        question_id, answer = statement(shown.text)
        process.send(answer, "")
        saved = process.read_until(lambda line: line.startswith("saved · "))[-1]
        assert saved.startswith("saved · next review in ")
        acknowledged.append(question_id)
    # One more answer on its way, then the power goes: no time for any clean-up.
    shown = process.next_question()
    in_flight, answer = statement(shown.text)
    process.send(answer)
    process.proc.send_signal(signal.SIGKILL)
    assert process.proc.wait(timeout=20) == -signal.SIGKILL

    with Store.open(cli.data / "progress.sqlite3") as store:  # opens, checks, recovers the WAL
        stored = [r.question_id for r in store.reviews("bq-test-tf")]
        cards = store.cards("bq-test-tf")
    assert stored[: len(acknowledged)] == acknowledged
    assert stored in (acknowledged, [*acknowledged, in_flight])
    assert set(acknowledged) <= set(cards)
    assert len(set(acknowledged)) == 7


def test_two_processes_answering_at_once_lose_nothing(cli, tf_file) -> None:
    path = tf_file(20)
    first = cli.spawn("study", str(path), "--plain", "--cram")
    second = cli.spawn("study", str(path), "--plain", "--cram")
    # Both have opened the store and wait on their first question...
    for process in (first, second):
        shown = process.next_question()
        assert (shown.number, shown.total) == (1, 20)
    # ... then each gets all of its answers at once, and they race for the database.
    for process in (first, second):
        process.send(*(["1", ""] * 20))
    results = [process.close(timeout=60) for process in (first, second)]
    for process, (code, _rest, err) in zip((first, second), results, strict=True):
        assert code == 0, err
        assert err == ""
        output = "".join(process.seen)
        assert output.count("saved · next review unchanged (cram)") == 20
        assert "Session done: answered 20, right 10 of 20" in output

    with Store.open(cli.data / "progress.sqlite3") as store:
        reviews = store.reviews("bq-test-tf")
        assert store.cards("bq-test-tf") == {}
    assert len(reviews) == 40
    assert len({r.uid for r in reviews}) == 40
    assert all(r.cram for r in reviews)
    assert Counter(r.question_id for r in reviews) == {f"s{i:02d}": 2 for i in range(20)}


def test_two_processes_studying_normally_share_the_schedule(cli, tf_file) -> None:
    path = tf_file(6)
    first = cli.spawn("study", str(path), "--plain", "--limit", "3")
    second = cli.spawn("study", str(path), "--plain", "--limit", "3")
    for process in (first, second):
        process.next_question()
    # Both were dealt the same new questions; every answer of both stays in the log.
    for process in (first, second):
        process.send(*(["t", ""] * 3))
    for process in (first, second):
        code, _rest, err = process.close(timeout=60)
        assert code == 0, err
    with Store.open(cli.data / "progress.sqlite3") as store:
        reviews = store.reviews("bq-test-tf")
        cards = store.cards("bq-test-tf")
    assert len(reviews) == 6
    assert Counter(r.question_id for r in reviews) == {"s00": 2, "s01": 2, "s02": 2}
    assert set(cards) == {"s00", "s01", "s02"}
