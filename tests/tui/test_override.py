""" "I was right" in the app: `!` on the feedback after a wrong or partly right verdict."""

from __future__ import annotations

from pathlib import Path

from driving import answer, study
from textual.widgets import Static
from tuikit import AppFactory, library_of, write_deck

from briefquiz.progress.repository import Store
from briefquiz.ui.tui.widgets.feedback import FeedbackPanel


def hint(pilot) -> str:  # type: ignore[no-untyped-def]
    return str(study(pilot).query_one("#study-hint", Static).render())


def verdict(pilot) -> str:  # type: ignore[no-untyped-def]
    return str(pilot.app.screen.query_one("#verdict").render())


async def test_bang_counts_a_wrong_answer_right_and_reschedules(
    tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    library = library_of(write_deck(tmp_path / "decks", ("typed",)))
    async with make_app(library, decks=library.decks).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await answer(pilot, right=False)
        assert verdict(pilot).startswith("✗ Wrong")
        assert "!: I was right" in hint(pilot)
        again_due = app_store.cards("varn")["logbook-oil"].due
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert verdict(pilot) == "✓ Right (overridden; graded ✗ Wrong) · answer saved"
        rating = str(pilot.app.screen.query_one("#rating").render())
        assert rating.startswith("Rating Good (suggested)")
        assert "I was right" not in hint(pilot)
        panel = pilot.app.screen.query_one(FeedbackPanel)
        assert panel.has_class("-right") and not panel.has_class("-wrong")
        await pilot.press("exclamation_mark")  # once only
        await pilot.pause()
    first, second = app_store.reviews("varn")
    assert (first.outcome, first.rating, first.override) == ("wrong", 1, False)
    assert (second.outcome, second.rating, second.override) == ("right", 3, True)
    assert second.replaces == first.uid
    assert app_store.cards("varn")["logbook-oil"].due > again_due


async def test_no_bang_after_a_right_answer(
    tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    library = library_of(write_deck(tmp_path / "decks", ("typed",)))
    async with make_app(library, decks=library.decks).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await answer(pilot, right=True)
        assert "I was right" not in hint(pilot)
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert verdict(pilot).startswith("✓ Right ·")
    assert [r.override for r in app_store.reviews("varn")] == [False]


async def test_in_cram_bang_is_logged_and_the_schedule_left_alone(
    tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    library = library_of(write_deck(tmp_path / "decks", ("choice",)))
    async with make_app(library).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await answer(pilot, right=False)
        assert hint(pilot) == "✗ Wrong · Enter: next · !: I was right · o: article"
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert verdict(pilot).startswith("✓ Right (overridden; graded ✗ Wrong)")
        rating = str(pilot.app.screen.query_one("#rating").render())
        assert rating == "Cram: the schedule is unchanged"
    assert [(r.outcome, r.override, r.cram) for r in app_store.reviews("varn")] == [
        ("wrong", False, True),
        ("right", True, True),
    ]
    assert app_store.cards("varn") == {}
