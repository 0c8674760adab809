"""The seminar in the app: set, change and clear it for every deck of a text."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from driving import type_text
from textual.widgets import Input, Static
from tuikit import AppFactory, library_of, write_deck

from briefquiz.progress.repository import Store


async def test_set_change_and_clear_the_seminar_of_a_text(
    tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    folder = tmp_path / "decks"
    library = library_of(write_deck(folder), write_deck(folder, ("choice",), "short"))
    ids = [deck.id for deck in library.decks]
    async with make_app(library).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        await type_text(pilot, "yesterday")
        await pilot.press("enter")
        await pilot.pause()
        error = str(pilot.app.screen.query_one("#seminar-error", Static).render())
        assert "cannot read 'yesterday'" in error  # the CLI's own words
        field = pilot.app.screen.query_one(Input)
        field.value = ""
        await type_text(pilot, "2024-03-05")  # a date alone: 09:00, as the CLI assumes
        await pilot.press("enter")
        await pilot.pause()
        at_nine = datetime(2024, 3, 5, 9, 0, tzinfo=UTC)  # the test clock's zone is UTC
        assert [app_store.settings(i).seminar_at for i in ids] == [at_nine, at_nine]
        assert "seminar in" in str(pilot.app.screen.query_one("#text-line", Static).render())

        await pilot.press("m")
        await pilot.pause()
        field = pilot.app.screen.query_one(Input)
        assert field.value == "2024-03-05 09:00"  # the current one, to change
        field.value = ""
        await pilot.press("enter")  # empty: cleared
        await pilot.pause()
        assert [app_store.settings(i).seminar_at for i in ids] == [None, None]
