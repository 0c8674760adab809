"""Feedback that always fits: at 80x24 the quote and its paragraph line show without
scrolling for every bundled question; at 60x20 they are reached with the keys; the verdict
and the keys stay in the bar under the body."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from driving import answer, study
from textual import events
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widget import Widget
from tuikit import AppFactory, library_of, write_deck

from answers import Answers
from briefquiz.deck.bundled import bundled_decks_dir
from briefquiz.deck.library import deck_files, load_library
from briefquiz.deck.model import AnyQuestion, Deck, QuestionType
from briefquiz.ui.tui.widgets.feedback import FeedbackPanel
from briefquiz.ui.tui.widgets.passage import Passage

DISCUSSION = {QuestionType.EVIDENCE, QuestionType.EXPLAIN}


def _original_kinds(deck: Deck) -> list[AnyQuestion]:
    return [q for q in deck.questions if q.type not in DISCUSSION]


def body(pilot: Pilot[Any]) -> VerticalScroll:
    return study(pilot).query_one("#study-body", VerticalScroll)


def in_sight(pilot: Pilot[Any], widget: Widget) -> bool:
    """`widget` wholly inside the study body's visible part, as it is scrolled now."""
    seen = body(pilot).content_region
    return seen.y <= widget.region.y and widget.region.bottom <= seen.bottom


#: One case (one app) per bundled deck file, so that the cases spread over the workers.
BUNDLED_FILES = [path.name for path in deck_files(bundled_decks_dir())]


@pytest.mark.long
@pytest.mark.parametrize("deck_file", BUNDLED_FILES)
async def test_every_bundled_quote_shows_without_scrolling_at_80x24(
    make_app: AppFactory, deck_file: str
) -> None:
    # The eight original kinds; evidence and explain feedback (two passages, or a point per
    # quote) may scroll.
    bundled = load_library([(bundled_decks_dir(), True)])
    files = tuple(
        replace(f, deck=replace(f.deck, questions=tuple(_original_kinds(f.deck))))
        if f.deck is not None
        else f
        for f in bundled.files
    )
    library = replace(bundled, files=files)
    decks = [f.deck for f in files if f.deck is not None and f.path.name == deck_file]
    asked: set[tuple[str, str]] = set()
    misfits: list[str] = []
    total = sum(len(deck.questions) for deck in decks)
    assert total > 0, deck_file
    app = make_app(library, decks=decks, cram=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = study(pilot)
        session = screen.session
        while len(asked) < total:
            # Each question's prompt, and its feedback on a wrong answer, as the screen shows
            # them after an answer; typing each kind's answer is walked in test_study_flow,
            # and mounting each question's input in between would double this test's time.
            item = session.current
            assert item is not None
            screen.show_prompt(item)
            await screen.show_feedback(session.answer(Answers.wrong(item.question), 4000))
            await pilot.pause()  # lays the screen out: the regions below are the new ones
            asked.add((item.deck.id, item.question.id))
            panel = pilot.app.screen.query_one(FeedbackPanel)
            if item.question.quote:
                heading = panel.query_one(".passage-heading")
                if not (in_sight(pilot, heading) and in_sight(pilot, panel.query_one(Passage))):
                    misfits.append(f"{item.question.type}: {item.question.id}")
            if body(pilot).scroll_y != 0:
                misfits.append(f"scrolled:{item.question.id}")
            session.advance()
    assert misfits == [], "\n".join(misfits)


async def test_at_60x20_the_keys_scroll_the_feedback(tmp_path: Path, make_app: AppFactory) -> None:
    library = library_of(write_deck(tmp_path / "decks", ("match",)))
    async with make_app(library, decks=library.decks).run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await answer(pilot, right=False)
        await pilot.pause()
        scroll = body(pilot)
        assert scroll.max_scroll_y > 0
        hint = str(study(pilot).query_one("#study-hint").render())
        assert hint.startswith("✗ Wrong · Enter: next") and "more" in hint
        for key, check in (
            ("down", lambda: scroll.scroll_y == 1),
            ("j", lambda: scroll.scroll_y == 2),
            ("up", lambda: scroll.scroll_y == 1),
            ("end", lambda: scroll.scroll_y == scroll.max_scroll_y),
            ("home", lambda: scroll.scroll_y == 0),
            ("pagedown", lambda: scroll.scroll_y > 0),
        ):
            await pilot.press(key)
            await pilot.pause()
            assert check(), key
        await pilot.press("end")
        await pilot.pause()
        panel = pilot.app.screen.query_one(FeedbackPanel)
        assert in_sight(pilot, panel.query_one(Passage))
        await pilot.press("home")
        await pilot.pause()
        x, y = scroll.region.x + 5, scroll.region.y + 5  # the mouse wheel, over the body
        wheel = events.MouseScrollDown(None, x, y, 0, 1, 0, False, False, False, x, y)
        driver = pilot.app._driver
        assert driver is not None
        driver.send_message(wheel)
        await pilot.pause()
        assert scroll.scroll_y > 0


@pytest.mark.parametrize(
    ("size", "stacked"), [((100, 30), False), ((80, 24), True), ((60, 20), True)]
)
async def test_the_rating_goes_under_a_long_verdict_rather_than_wrap_word_by_word(
    tmp_path: Path, make_app: AppFactory, size: tuple[int, int], stacked: bool
) -> None:
    """Beside `~ Partly right (1 of 2) · answer saved` the rating line took four lines at
    60x20 (two at 80x24); where it does not fit beside, it goes under, on one line."""
    from driving import type_text
    from textual.widgets import Static

    library = library_of(write_deck(tmp_path / "decks", ("cloze",)))
    async with make_app(library, decks=library.decks).run_test(size=size) as pilot:
        await pilot.pause()
        await type_text(pilot, "clock")
        await pilot.press("tab")
        await type_text(pilot, "went")
        await pilot.press("enter")
        await pilot.pause()
        shown = pilot.app.screen.query_one("#verdict", Static)
        rating = pilot.app.screen.query_one("#rating", Static)
        assert str(shown.render()).startswith("~ Partly right (1 of 2)")
        assert (rating.region.y > shown.region.y) is stacked
        assert rating.region.height == 1
