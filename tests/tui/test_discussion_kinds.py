"""The two discussion kinds answered in the app: evidence (pick a paragraph) and explain
(write, then tick the points made), checked in the store and on the feedback panel."""

from __future__ import annotations

import shutil
from pathlib import Path

from driving import current, keys, type_text
from textual.pilot import Pilot
from textual.widgets import Static
from tuikit import SOURCE, AppFactory, library_of

from briefquiz.progress.repository import Store
from briefquiz.ui.tui.widgets.feedback import FeedbackPanel
from briefquiz.ui.tui.widgets.passage import Passage

DECK = """\
deck: talk
title: Varn, for discussion
source:
  title: The Lamp on Varn Head
  file: source.txt
  starts_at_line: 4
questions:
  - id: no-keeper
    type: evidence
    prompt: The lighthouse no longer needs a keeper.
    quote: In 1962 the light was automated.
  - id: why-museum
    type: explain
    prompt: Why does the harbour museum matter to the story of the light?
    points:
      - point: It keeps Morrow's logbooks.
        quote: Morrow's logbooks survive in the harbour museum.
      - point: They record storms and wrecks.
        quote: They record storms, wrecks
      - point: Above all they record the price of lamp oil.
        quote: the price of lamp oil
"""


def write(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SOURCE, folder / "source.txt")
    path = folder / "talk.yaml"
    path.write_text(DECK, encoding="utf-8")
    return path


def panel_texts(pilot: Pilot[None]) -> list[str]:
    panel = pilot.app.screen.query_one(FeedbackPanel)
    return [str(static.render()) for static in panel.query(Static)]


async def pick_paragraph(pilot: Pilot[None], ordinal: int) -> None:
    await pilot.press(*["down"] * (ordinal - 1), "enter")


async def test_evidence_a_neighbouring_paragraph_is_partly_right(
    tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    library = library_of(write(tmp_path / "decks"))
    app = make_app(library, decks=library.decks, limit=1)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert current(pilot).question.type == "evidence"
        hint = str(pilot.app.screen.query_one("#study-hint").render())
        assert "Enter picks the paragraph" in hint
        await pick_paragraph(pilot, 2)  # the right one is 3
        await pilot.pause()
        texts = panel_texts(pilot)
        assert texts[0].startswith("~ Partly right")
        assert any(t.startswith("Rating Hard (suggested)") for t in texts)
        assert "Your paragraph:" in texts and "The right paragraph:" in texts
        assert "Answer: paragraph 3 “In 1962 the light was automated. The last …”" in texts
        [passage] = pilot.app.screen.query_one(FeedbackPanel).query(Passage)
        assert passage.quote_text == "In 1962 the light was automated."
    [review] = app_store.reviews("talk")
    assert (review.outcome, review.rating) == ("partial", 2)
    assert review.answer == {
        "paragraph": 2,
        "opening": "Morrow’s logbooks survive in the harbour museum. They …",
    }


async def test_evidence_the_right_paragraph(
    tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    library = library_of(write(tmp_path / "decks"))
    async with make_app(library, decks=library.decks, limit=1).run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pick_paragraph(pilot, 3)
        await pilot.pause()
        texts = panel_texts(pilot)
        assert texts[0].startswith("✓ Right")
        assert "Your paragraph:" not in texts
    assert [r.outcome for r in app_store.reviews("talk")] == ["right"]


async def test_explain_write_then_tick_the_points_made(
    tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    library = library_of(write(tmp_path / "decks"))
    app = make_app(library, decks=library.decks, limit=2)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pick_paragraph(pilot, 3)
        await pilot.press("enter")  # next question
        await pilot.pause()
        assert current(pilot).question.type == "explain"
        assert "Write your answer" in str(pilot.app.screen.query_one("#study-hint").render())
        await type_text(pilot, "the logbooks")
        await pilot.press("enter")  # shows the points
        await pilot.pause()
        assert "0 of 3 ticked" in str(pilot.app.screen.query_one("#study-hint").render())
        await keys(pilot, "1", "3")
        await pilot.press("enter")
        await pilot.pause()
        texts = panel_texts(pilot)
        assert texts[0].startswith("~ Partly right (2 of 3)")
        assert "✗ point 2: They record storms and wrecks. (missed)" in texts
        assert "2. “They record storms, wrecks”" in texts
        await pilot.press("3")  # the usual change of rating
        await pilot.pause()
    first, second, changed = app_store.reviews("talk")[:3]
    assert second.answer == {"written": "the logbooks", "ticked": [0, 2]}
    assert (second.outcome, second.rating) == ("partial", 2)
    assert changed.replaces == second.uid and changed.rating == 3
    assert first.question_id == "no-keeper"
