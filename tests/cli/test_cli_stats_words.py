"""`briefquiz stats` words its lines as the app's stats screen does (ui.wording.stats)."""

from __future__ import annotations

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
