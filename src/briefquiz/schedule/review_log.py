"""Reading the review log: answers whose rating was later changed are replaced by the change."""

from __future__ import annotations

from collections.abc import Iterable

from briefquiz.progress.records import ReviewRecord


def effective_reviews(reviews: Iterable[ReviewRecord]) -> list[ReviewRecord]:
    """The review log without answers whose rating was later changed (the change replaces them)."""
    reviews = list(reviews)
    replaced = {r.replaces for r in reviews if r.replaces}
    return [r for r in reviews if r.uid not in replaced]
