"""Every question type answered right and wrong through the keyboard, checked in the store."""

from __future__ import annotations

from pathlib import Path

import pytest
from driving import answer, app_of, current, study, type_text
from tuikit import TYPES, AppFactory, library_of, write_deck

from briefquiz.store import Store
from briefquiz.tui.screens.home import HomeScreen
from briefquiz.tui.screens.summary import SummaryScreen
from briefquiz.tui.widgets.feedback import FeedbackPanel


@pytest.mark.parametrize("right", [True, False], ids=["right", "wrong"])
async def test_every_type_through_the_keyboard(
    tmp_path: Path, app_store: Store, make_app: AppFactory, right: bool
) -> None:
    library = library_of(write_deck(tmp_path / "decks"))
    app = make_app(library, decks=library.decks, limit=len(TYPES))
    asked = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for _ in TYPES:
            item = await answer(pilot, right)
            asked.append(item.question.type.value)
            panel = pilot.app.screen.query_one(FeedbackPanel)
            assert "answer saved" in str(panel.query_one("#verdict").render())
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(pilot.app.screen, SummaryScreen)

    assert asked == list(TYPES)
    reviews = app_store.reviews("varn")
    assert [r.question_id for r in reviews] == [q.id for q in library.decks[0].questions]
    outcomes = {r.question_id: (r.outcome, r.rating) for r in reviews}
    if right:
        expected = {q: ("right", 3) for q in outcomes} | {"first-keeper": ("self", 3)}
    else:
        expected = {q: ("wrong", 1) for q in outcomes} | {"first-keeper": ("self", 1)}
    assert outcomes == expected
    assert all(r.duration_ms == 4000 and not r.cram for r in reviews)
    cards = app_store.cards("varn")
    assert set(cards) == set(outcomes)


async def test_a_partly_right_cloze_shows_each_gap(
    tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    library = library_of(write_deck(tmp_path / "decks", ("cloze",)))
    async with make_app(library, decks=library.decks).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_text(pilot, "clock")
        await pilot.press("tab")
        await type_text(pilot, "went")
        await pilot.press("enter")
        await pilot.pause()
        panel = pilot.app.screen.query_one(FeedbackPanel)
        parts = [str(p.render()) for p in panel.query(".part")]
    assert parts == ["✓ blank 1: clock", "✗ blank 2: went (expected stopped)"]
    [review] = app_store.reviews("varn")
    assert (review.outcome, review.rating, review.answer) == ("partial", 2, ["clock", "went"])


async def test_keys_1_to_4_change_the_saved_rating(
    tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    library = library_of(write_deck(tmp_path / "decks", ("choice",)))
    async with make_app(library, decks=library.decks).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await answer(pilot, right=True)
        good_due = app_store.cards("varn")["automated-year"].due
        await pilot.press("4")
        await pilot.pause()
        rating = str(pilot.app.screen.query_one("#rating").render())
        assert rating.startswith("Rating Easy (you changed it from Good)")
        easy_due = app_store.cards("varn")["automated-year"].due
        await pilot.press("1")
        await pilot.pause()
    first, second, third = app_store.reviews("varn")
    assert (first.rating, second.rating, third.rating) == (3, 4, 1)
    assert second.replaces == first.uid and third.replaces == second.uid
    assert easy_due > good_due
    assert app_store.cards("varn")["automated-year"].due < good_due


@pytest.mark.parametrize("key", ["q", "ctrl+c"])
async def test_quitting_mid_session_keeps_what_was_answered(
    tmp_path: Path, app_store: Store, make_app: AppFactory, key: str
) -> None:
    library = library_of(write_deck(tmp_path / "decks", ("choice", "truefalse", "typed")))
    app = make_app(library, decks=library.decks)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for _ in range(2):  # choice, truefalse
            await answer(pilot, right=True)
            await pilot.press("enter")
            await pilot.pause()
        assert current(pilot).question.type.value == "typed"
        await type_text(pilot, "la")  # half typed, then quit
        await pilot.press(key if key != "q" else "escape")
        await pilot.pause()
        if key == "q":  # escape ended the session: the summary; q quits from there
            assert isinstance(pilot.app.screen, SummaryScreen)
            await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    reviews = app_store.reviews("varn")
    assert [r.question_id for r in reviews] == ["automated-year", "open-all-year"]
    assert set(app_store.cards("varn")) == {r.question_id for r in reviews}


async def test_q_in_a_text_box_types_a_letter(
    tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    library = library_of(write_deck(tmp_path / "decks", ("typed",)))
    async with make_app(library, decks=library.decks).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_text(pilot, "quq")
        assert pilot.app.is_running
        assert pilot.app.screen.query_one("#typed-input").value == "quq"  # type: ignore[attr-defined]


async def test_escape_before_answering_goes_home(
    tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    library = library_of(write_deck(tmp_path / "decks"))
    async with make_app(library).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)
        await pilot.press("enter")
        await pilot.pause()
        study(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)
    assert app_store.reviews() == []


async def test_cram_leaves_the_schedule_alone(
    tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    library = library_of(write_deck(tmp_path / "decks", ("choice", "truefalse")))
    async with make_app(library).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert "cram" in str(study(pilot).query_one("#study-title").render())
        await answer(pilot, right=False)
        rating = str(pilot.app.screen.query_one("#rating").render())
        assert "cram: the schedule is unchanged" in rating
    [review] = app_store.reviews("varn")
    assert review.cram and review.outcome == "wrong"
    assert app_store.cards("varn") == {}


async def test_study_all_when_nothing_is_due_says_so(
    tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    library = library_of(write_deck(tmp_path / "decks", ("choice",)))
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await answer(pilot, right=True)
        await pilot.press("escape")  # the card comes back in 10 min: stop now
        await pilot.pause()
        assert isinstance(pilot.app.screen, SummaryScreen)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)
        assert any("Nothing is due" in n.message for n in app_of(pilot)._notifications)
