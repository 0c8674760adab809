"""Plain mode with the two discussion kinds: a paragraph by its number, points by theirs."""

from __future__ import annotations

import io
import random
from typing import Any

from briefquiz.clock import FixedClock
from briefquiz.deck.model import Deck, Explain
from briefquiz.progress.repository import Store
from briefquiz.schedule.planner import Planner
from briefquiz.study.session import Session
from briefquiz.ui.plain.study import PlainStudy


def run(store: Store, clock: FixedClock, deck: Deck, lines: list[str]) -> str:
    session = Session(
        store, [deck], clock, rng=random.Random(3), planner=Planner(fuzz=False), limit=5
    )
    stdout = io.StringIO()
    PlainStudy(session, io.StringIO("".join(f"{line}\n" for line in lines)), stdout).run()
    return stdout.getvalue()


def test_evidence_lists_the_paragraphs_and_reads_a_number(
    kit: Any, store: Store, clock: FixedClock
) -> None:
    deck = kit.deck("talk", [kit.evidence()], source=True)
    out = run(store, clock, deck, ["7", "2", ""])
    assert "Which paragraph of the article supports this claim?" in out
    assert "  1. The island of Varn has kept a light …" in out
    assert "  3. In 1962 the light was automated. The last …" in out
    assert "Type the number of the paragraph." in out
    assert "  type one paragraph number from 1 to 4" in out  # 7 is refused, asked again
    assert "~ Partly right" in out
    assert "  Answer: paragraph 3 “In 1962 the light was automated. The last …”" in out
    assert "  You said: paragraph 2 “Morrow’s logbooks survive in the harbour museum." in out
    [review] = store.reviews("talk")
    assert (review.outcome, review.rating) == ("partial", 2)
    assert review.answer["paragraph"] == 2


def test_explain_reads_the_written_answer_then_the_points_made(
    kit: Any, store: Store, clock: FixedClock
) -> None:
    explain = next(q for q in kit.mixed() if isinstance(q, Explain))
    deck = kit.deck("talk", [explain], source=True)
    out = run(store, clock, deck, ["the logbooks and storms", "1 2", "3"])
    assert "Write your answer (or think it through); the key points follow." in out
    assert "  1. It keeps Morrow's logbooks." in out
    assert "Type the numbers of the points you made, e.g. 1 3, or 0 for none." in out
    assert "~ Partly right" in out
    assert "    ✗ point 3: missed (expected Most of all, the price of oil.)" in out
    assert "Rating: Hard. Enter keeps it" in out
    first, changed = store.reviews("talk")
    assert first.answer == {"written": "the logbooks and storms", "ticked": [0, 1]}
    assert changed.rating == 3 and changed.replaces == first.uid


def test_explain_none_made_is_again(kit: Any, store: Store, clock: FixedClock) -> None:
    explain = next(q for q in kit.mixed() if isinstance(q, Explain))
    out = run(store, clock, kit.deck("talk", [explain], source=True), ["", "0", ""])
    assert "✗ Wrong" in out
    assert [r.rating for r in store.reviews("talk")] == [1]
