"""The app around the questions: home, navigation, the palette, the mouse, sizes, NO_COLOR."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from driving import answer, app_of, current, study
from textual.pilot import Pilot
from textual.widgets import DataTable, Static
from tuikit import AppFactory, library_of, write_deck

from briefquiz.deck.library import Library
from briefquiz.progress.repository import Store
from briefquiz.ui.tui.screens.article import ArticleScreen
from briefquiz.ui.tui.screens.help import HelpScreen
from briefquiz.ui.tui.screens.home import HomeScreen
from briefquiz.ui.tui.screens.stats import StatsScreen
from briefquiz.ui.tui.screens.study import StudyScreen
from briefquiz.ui.tui.screens.summary import SummaryScreen
from briefquiz.ui.tui.widgets.button_row import ButtonRow
from briefquiz.ui.tui.widgets.feedback import FeedbackPanel
from briefquiz.ui.tui.widgets.footer import KeyBar
from briefquiz.ui.tui.widgets.rows import Row, RowList


def text_of(pilot: Pilot[Any], selector: str) -> str:
    return "\n".join(str(w.render()) for w in pilot.app.screen.query(selector))


async def test_home_lists_decks_and_the_located_errors_of_broken_ones(
    tmp_path: Path, make_app: AppFactory
) -> None:
    decks = tmp_path / "decks"
    write_deck(decks)
    (decks / "broken.yaml").write_text("deck: broken\nquestions: 3\n", encoding="utf-8")
    async with make_app(library_of(decks)).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = pilot.app.screen.query_one(DataTable)
        assert pilot.app.focused is table  # the arrow keys choose a deck from the start
        assert table.row_count == 1
        row = [str(cell) for cell in table.get_row_at(0)]
        assert row[:4] == ["The Lamp on Varn Head", "8", "0", "0"]
        errors = text_of(pilot, ".broken")
        assert errors.startswith("decks/broken.yaml:1:1: ")


async def test_an_empty_library_says_what_to_do(make_app: AppFactory) -> None:
    async with make_app(Library()).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        message = text_of(pilot, "#home-empty")
        assert "No decks yet" in message and "briefquiz check" in message
        # The body has the focus, so that the keys scroll a long list of errors.
        assert pilot.app.focused is pilot.app.screen.query_one("#home-body")
        await pilot.press("a", "c", "s", "r", "enter")  # nothing to act on: nothing breaks
        assert isinstance(pilot.app.screen, HomeScreen | StatsScreen)


async def test_keys_open_stats_article_and_help_and_escape_comes_back(
    tmp_path: Path, make_app: AppFactory
) -> None:
    library = library_of(write_deck(tmp_path / "decks"))
    async with make_app(library).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for key, screen in (
            ("s", StatsScreen),
            ("r", ArticleScreen),
            ("question_mark", HelpScreen),
        ):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(pilot.app.screen, screen), key
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(pilot.app.screen, HomeScreen), key


async def test_the_palette_offers_every_action(tmp_path: Path, make_app: AppFactory) -> None:
    library = library_of(write_deck(tmp_path / "decks", ("choice",)))
    async with make_app(library).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app = app_of(pilot)
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        for title in ("Study all due", "Cram the current deck", "Open stats", "Open article"):
            assert title in commands
        assert "Help" in commands and "Toggle dark mode" in commands
        dark = app.current_theme.dark
        commands["Toggle dark mode"].callback()
        assert app.current_theme.dark is not dark
        commands["Study all due"].callback()
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        commands["Open article"].callback()
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)


async def test_o_opens_the_article_at_the_quote_and_the_summary_reopens_it(
    tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    library = library_of(write_deck(tmp_path / "decks", ("truefalse",)))
    async with make_app(library, decks=library.decks).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await answer(pilot, right=False)
        await pilot.press("o")
        await pilot.pause()
        article = pilot.app.screen
        assert isinstance(article, ArticleScreen)
        assert article.focus_location is not None
        assert "June to September" in article.focus_location.paragraph.text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen.focused, FeedbackPanel)
        await pilot.press("escape", "y")  # stop: the summary lists the miss
        await pilot.pause()
        assert isinstance(pilot.app.screen, SummaryScreen)
        await pilot.press("enter")
        await pilot.pause()
        article = pilot.app.screen
        assert isinstance(article, ArticleScreen) and article.focus_location is not None
        await pilot.press("escape", "h")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)


async def test_quizzing_on_a_paragraph_crams_its_questions(
    tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    library = library_of(write_deck(tmp_path / "decks"))
    async with make_app(library).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        article = pilot.app.screen
        assert isinstance(article, ArticleScreen)
        view = article.cursor_view
        assert view is not None and view.questions
        await pilot.press("enter")
        await pilot.pause()
        screen = study(pilot)
        assert screen.session.cram
        assert {q.id for _, q in view.questions} == {
            q.id for d in screen.session.decks for q in d.questions
        }


async def test_clicking_an_option_answers(
    tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    library = library_of(write_deck(tmp_path / "decks", ("choice",)))
    async with make_app(library, decks=library.decks).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        options = current(pilot).presentation.options
        rows = list(pilot.app.screen.query(Row))
        await pilot.click(rows[options.index("1962")])
        await pilot.pause()
        assert "✓ Right" in text_of(pilot, "#verdict")
        buttons = pilot.app.screen.query_one(ButtonRow)
        assert buttons.current == "rate-3"
        await pilot.click(buttons, offset=buttons.offset_of("rate-4"))
        await pilot.pause()
        assert buttons.current == "rate-4"
        assert isinstance(pilot.app.focused, FeedbackPanel)  # the buttons take no focus
    assert [r.rating for r in app_store.reviews("varn")] == [3, 4]


async def test_resizing_never_breaks_a_question_or_its_feedback(
    tmp_path: Path, make_app: AppFactory
) -> None:
    library = library_of(write_deck(tmp_path / "decks", ("match", "cloze")))
    async with make_app(library, decks=library.decks).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for size in ((60, 20), (30, 8), (80, 24)):
            await pilot.resize_terminal(*size)
        await answer(pilot, right=True)
        for size in ((60, 20), (20, 5), (100, 30)):
            await pilot.resize_terminal(*size)
        await pilot.pause()
        panel = pilot.app.screen.query_one(FeedbackPanel)
        assert panel.feedback is not None and panel.feedback.outcome.name == "RIGHT"
        # back at 100 columns, the panel fills the width again, inside the screen
        assert pilot.app.screen.region.contains_region(panel.region)
        assert panel.region.width > 80 and panel.region.height > 0
        assert "✓ Right" in text_of(pilot, "#verdict")


async def test_no_color_keeps_every_state_in_text(
    tmp_path: Path, app_store: Store, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    library = library_of(write_deck(tmp_path / "decks", ("multi",)))
    app = make_app(library, decks=library.decks)
    assert app.no_color
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("1")
        first_lines = [row.render_line(0).text for row in pilot.app.screen.query(Row)]
        assert first_lines[0].startswith("› 1. [x] ") and first_lines[1].startswith("  2. [ ] ")
        await pilot.press("enter")
        await pilot.pause()
        assert text_of(pilot, "#verdict").startswith(("✗ Wrong", "~ Partly right"))
        rating = str(pilot.app.screen.query_one("#rating", Static).render())
        assert "next review in" in rating


async def test_a_question_without_a_source_has_no_passage(
    tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    fixture = Path(__file__).parent.parent / "fixtures" / "decks" / "valid-flashcard.yaml"
    library = library_of(fixture)
    async with make_app(library, decks=library.decks).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await answer(pilot, right=True)
        panel = pilot.app.screen.query_one(FeedbackPanel)
        assert not panel.query("Passage") and not panel.query("#article")
        assert "o:" not in text_of(pilot, "#study-hint")
        await pilot.press("o")  # nothing to open
        assert isinstance(pilot.app.screen, StudyScreen)
    assert [r.rating for r in app_store.reviews()] == [3]


async def test_the_summary_opens_at_its_top_however_many_were_missed(
    tmp_path: Path, make_app: AppFactory
) -> None:
    library = library_of(write_deck(tmp_path / "decks", ("choice", "truefalse", "typed")))
    async with make_app(library, decks=library.decks).run_test(size=(60, 14)) as pilot:
        await pilot.pause()
        for _ in range(3):
            await answer(pilot, right=False)
            await pilot.press("enter")
        await pilot.press("escape", "y")
        await pilot.pause()
        body = pilot.app.screen.query_one("#summary-body")
        assert body.max_scroll_y > 0 and body.scroll_y == 0
        assert isinstance(pilot.app.screen.focused, RowList)


async def test_the_palette_crams_the_current_deck(
    tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    library = library_of(write_deck(tmp_path / "decks", ("choice",)))
    async with make_app(library).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app = app_of(pilot)
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        commands["Cram the current deck"].callback()
        await pilot.pause()
        assert study(pilot).session.cram
        await answer(pilot, right=True)
    assert app_store.cards("varn") == {}


async def test_at_60x20_home_keeps_help_and_quit_and_names_deck_ids(
    tmp_path: Path, make_app: AppFactory
) -> None:
    library = library_of(write_deck(tmp_path / "decks", ("choice",)))
    async with make_app(library).run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        bar = pilot.app.screen.query_one(KeyBar)
        shown = {placed.key.description for placed in bar.placed if placed.end <= 60}
        assert {"Help", "Quit"} <= shown
        assert "id varn" in text_of(pilot, "#deck-detail")


async def test_the_theme_is_remembered(
    tmp_path: Path, app_home: Path, make_app: AppFactory
) -> None:
    library = library_of(write_deck(tmp_path / "decks", ("choice",)))
    async with make_app(library).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not (app_home / "app-settings.json").exists()  # nothing chosen, nothing written
        pilot.app.theme = "nord"
        await pilot.pause()
    assert (app_home / "app-settings.json").is_file()
    async with make_app(library).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert pilot.app.theme == "nord"
