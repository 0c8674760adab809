"""Plain mode after the clock went back: the next review is never "ago", and the reviews dated
after the clock's now are pointed out instead of shown as due "in 10 years" without a word."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from briefquiz.clock import FixedClock
from briefquiz.text.timefmt import until
from briefquiz.ui.wording.totals import clock_behind_line, next_due_line, next_review

AHEAD = datetime(2036, 6, 1, 12, tzinfo=UTC)  # the clock as it was, ten years ahead
RIGHT = datetime(2026, 6, 1, 12, tzinfo=UTC)


def test_a_time_past_is_due_now_never_ago() -> None:
    now = RIGHT
    assert until(now - timedelta(days=3650), now) == "now"
    assert next_review(now - timedelta(days=3650), now) == "due now"
    assert next_review(now + timedelta(days=3), now) == "in 3 days"
    assert next_review(None, now) == "unchanged (cram)"
    line = next_due_line(now - timedelta(days=3650), now, UTC)
    assert line.startswith("Next due: now (") and "ago" not in line


def test_no_warning_while_the_reviews_are_not_after_now() -> None:
    assert clock_behind_line(RIGHT + timedelta(minutes=1), RIGHT, UTC) is None


def test_plain_mode_with_the_clock_before_the_stored_reviews(bq, tf_file) -> None:
    path = tf_file(4)
    bq.clock = FixedClock(AHEAD)
    first = bq.run("study", str(path), "--plain", "--limit", "2", input="t\n\n" * 2)
    assert first.returncode == 0, first.stderr
    bq.clock = FixedClock(RIGHT)
    again = bq.run("study", str(path), "--plain", input="t\n\n" * 2)
    assert again.returncode == 0, again.stderr
    said = " ".join(again.stdout.split())  # as read, whatever the wrapping
    assert "ago" not in said
    assert "next review in " in said  # the two new questions, counted from the clock's now
    assert "Your newest review is dated Sun 1 Jun 2036 12:0" in said
    assert "10 years after the time now (Mon 1 Jun 2026 12:00): check the system clock" in said
