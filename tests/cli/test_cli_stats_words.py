"""`briefquiz stats` words its lines as the app's stats screen does (ui.wording.stats)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path


def test_stats_counts_one_question_in_the_singular(bq, tf_file: Callable[..., Path]) -> None:
    deck = tf_file(1, deck_id="bq-one")
    result = bq.run("stats", str(deck))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].endswith("(bq-one): 1 question")
    assert lines[1] == "  new 1 · learning 0 · review 0 · due now 0"
    assert lines[3] == "  reviews 0 · accuracy — · retention — · streak 0 days"


def test_stats_count_due_as_home_does(bq, tf_file: Callable[..., Path]) -> None:
    """A right first answer leaves a learning step ten minutes ahead: a session asks it now,
    so home's Due says 1, and so do `stats` and its JSON."""
    deck = tf_file(3, deck_id="bq-due")
    studied = bq.run("study", str(deck), "--plain", "--limit", "1", input="true\n\n")
    assert studied.returncode == 0, studied.stderr
    assert "Right" in studied.stdout
    lines = bq.run("stats", str(deck)).stdout.splitlines()
    assert lines[1] == "  new 2 · learning 1 · review 0 · due now 1"
    (numbers,) = json.loads(bq.run("stats", str(deck), "--format", "json").stdout)
    assert (numbers["learning"], numbers["due_now"]) == (1, 1)


def test_stats_tell_cram_apart_and_leave_it_out_of_accuracy(
    bq, tf_file: Callable[..., Path]
) -> None:
    deck = tf_file(2, deck_id="bq-cram")
    crammed = bq.run("study", str(deck), "--plain", "--cram", input="false\n\nfalse\n\n")
    assert crammed.returncode == 0, crammed.stderr
    lines = bq.run("stats", str(deck)).stdout.splitlines()
    assert lines[3] == "  reviews 2 (2 in cram) · accuracy — · retention — · streak 1 day"
    (numbers,) = json.loads(bq.run("stats", str(deck), "--format", "json").stdout)
    assert (numbers["reviews"], numbers["cram_reviews"], numbers["accuracy"]) == (2, 2, None)
