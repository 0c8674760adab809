"""Every question type answered right and wrong through the keyboard, checked in the store."""

from __future__ import annotations

from pathlib import Path

import pytest
from driving import answer, app_of, current, study, type_text
from tuikit import TYPES, AppFactory, library_of, write_deck

from briefquiz.progress.repository import Store
from briefquiz.ui.tui.screens.home import HomeScreen
from briefquiz.ui.tui.screens.summary import SummaryScreen


@pytest.mark.long
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
            verdict = str(pilot.app.screen.query_one("#verdict").render())
            assert verdict.endswith("answer saved")
            await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SummaryScreen)

    assert asked == list(TYPES)
    reviews = app_store.reviews("varn")
    assert [r.question_id for r in reviews] == [q.id for q in library.decks[0].questions]
    outcome, rating = ("right", 3) if right else ("wrong", 1)
    assert [(r.outcome, r.rating) for r in reviews] == [("self", rating)] + [(outcome, rating)] * 7
    assert all(r.duration_ms == 4000 and not r.cram for r in reviews)
    cards = app_store.cards("varn")
    assert set(cards) == {r.question_id for r in reviews}
    assert {card.step for card in cards.values()} == {1 if right else 0}


async def test_keys_1_to_4_change_the_saved_rating(
    tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    library = library_of(write_deck(tmp_path / "decks", ("choice",)))
    async with make_app(library, decks=library.decks).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await answer(pilot, right=True)
        good_due = app_store.cards("varn")["automated-year"].due
        await pilot.press("4")
        rating = str(pilot.app.screen.query_one("#rating").render())
        assert rating.startswith("Rating Easy (you changed it from Good)")
        easy_due = app_store.cards("varn")["automated-year"].due
        await pilot.press("1")
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
        await answer(pilot, right=True)  # choice
        await pilot.press("enter")
        if key == "q":  # q quits from the truefalse question
            await pilot.press("q", "y")  # asked first: stop the session?
        else:  # in the text box q is a letter; ctrl+c still quits
            await answer(pilot, right=False)
            await pilot.press("enter")
            await type_text(pilot, "q")
            assert app.is_running and current(pilot).question.type.value == "typed"
            await pilot.press("ctrl+c")
        await pilot.pause()
    assert app.return_code == 0
    expected = ["automated-year"] if key == "q" else ["automated-year", "open-all-year"]
    assert [r.question_id for r in app_store.reviews("varn")] == expected
    assert set(app_store.cards("varn")) == set(expected)


async def test_cram_leaves_the_schedule_alone(
    tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    library = library_of(write_deck(tmp_path / "decks", ("choice", "truefalse")))
    async with make_app(library).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        assert "cram" in str(study(pilot).query_one("#study-title").render())
        await answer(pilot, right=False)
        rating = str(pilot.app.screen.query_one("#rating").render())
        assert rating == "Cram: the schedule is unchanged"
        await pilot.press("4")  # no rating to change in cram
    [review] = app_store.reviews("varn")
    assert review.cram and review.outcome == "wrong"
    assert app_store.cards("varn") == {}


async def test_escape_goes_home_and_nothing_due_is_said(
    tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    library = library_of(write_deck(tmp_path / "decks", ("choice",)))
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # study the deck
        study(pilot)
        await pilot.press("escape", "y")  # nothing answered: straight home
        assert isinstance(pilot.app.screen, HomeScreen)
        await pilot.press("a")
        await answer(pilot, right=True)
        await pilot.press("4")  # Easy: not due again for days
        assert "next review in" in str(pilot.app.screen.query_one("#rating").render())
        await pilot.press("escape", "y")
        assert isinstance(pilot.app.screen, SummaryScreen)
        await pilot.press("h")
        assert isinstance(pilot.app.screen, HomeScreen)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)
        assert any("Nothing is due" in n.message for n in app_of(pilot)._notifications)


async def test_a_typed_answer_accepted_by_a_rule_says_which(
    tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    library = library_of(write_deck(tmp_path / "decks", ("typed",)))
    async with make_app(library, decks=library.decks).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_text(pilot, "lamp oils")
        await pilot.press("enter")
        await pilot.pause()
        given = str(pilot.app.screen.query_one("#feedback .given").render())
    assert given == "You said: lamp oils (accepted: oils = oil (singular/plural))"
    assert [r.outcome for r in app_store.reviews("varn")] == ["right"]
