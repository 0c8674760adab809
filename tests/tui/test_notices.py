"""What the command line has to tell as the app starts is shown on the app's screen."""

from __future__ import annotations

from pathlib import Path

from tuikit import AppFactory, library_of, write_deck


async def test_notices_given_at_start_are_shown(tmp_path: Path, make_app: AppFactory) -> None:
    library = library_of(write_deck(tmp_path / "decks"))
    app = make_app(library, notices=["deck varn keeps its own seminar date"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = [(n.title, n.message) for n in app._notifications]
        assert ("Seminar", "deck varn keeps its own seminar date") in shown
