"""An evidence question: typing a paragraph's number moves the cursor to it (two digits for
paragraph 10 and on); only Enter picks, so "1" on the way to "11" never answers."""

from __future__ import annotations

from driving import current
from tuikit import AppFactory

from briefquiz.deck.bundled import bundled_decks_dir
from briefquiz.deck.library import load_library
from briefquiz.progress.repository import Store
from briefquiz.ui.tui.widgets.rows import RowList


async def test_typed_numbers_move_the_cursor_and_enter_picks(
    app_store: Store, make_app: AppFactory
) -> None:
    library = load_library([(bundled_decks_dir(), True)])
    deck = library.find("biden-russia-argument")
    assert deck is not None and deck.questions[0].id == "thesis-evidence"
    app = make_app(library, decks=[deck], limit=1)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert current(pilot).question.id == "thesis-evidence"
        rows = pilot.app.screen.query_one(RowList)
        await pilot.press("3")
        await pilot.pause()
        assert rows.cursor == 2 and app_store.reviews("biden-russia-argument") == []
        await pilot.press("1", "1")  # paragraph 11, one of the two right ones
        await pilot.pause()
        assert rows.cursor == 10 and app_store.reviews("biden-russia-argument") == []
        await pilot.press("enter")
        await pilot.pause()
    [review] = app_store.reviews("biden-russia-argument")
    assert review.outcome == "right" and review.answer["paragraph"] == 11  # type: ignore[index]
