"""The article screen and the passage widget, driven through a Pilot on the bundled decks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static
from tuikit import ScreenHost, library_of, write_deck

from briefquiz.deck.bundled import bundled_decks_dir
from briefquiz.deck.coverage import coverage
from briefquiz.deck.library import load_library
from briefquiz.deck.model import AnyQuestion, Deck, Source
from briefquiz.deck.sourcetext import deck_source, normalize
from briefquiz.ui.tui.screens.article import ArticleScreen, ParagraphView, gutter
from briefquiz.ui.tui.widgets.paragraph import SIDE_WIDTH
from briefquiz.ui.tui.widgets.passage import HIGHLIGHT_STYLE, Passage

SIZE = (100, 30)


@pytest.fixture(scope="module")
def decks() -> list[Deck]:
    library = load_library([(bundled_decks_dir(), True)])
    assert library.decks, "the bundled decks should load"
    return library.decks


def _drawn_gutter(view: ParagraphView) -> str:
    """The gutter as the paragraph draws it on its first line."""
    return view.render_line(0).text[:SIDE_WIDTH].rstrip()


def _views(screen: ArticleScreen) -> dict[int, ParagraphView]:
    return {view.paragraph.number: view for view in screen.query(ParagraphView)}


def _ids(items: Any) -> list[tuple[str, str]]:
    return [(deck.id, question.id) for deck, question in items]


def _highlight_spans(content: Content) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in content.spans if s.style == HIGHLIGHT_STYLE]


def _last_quoted_question(decks: list[Deck]) -> tuple[Deck, AnyQuestion, int]:
    """A question quoting the last paragraph that has questions, far down the article."""
    text = deck_source(decks[0])
    assert text is not None
    best: tuple[Deck, AnyQuestion, int] | None = None
    for deck in decks:
        for question in deck.questions:
            where = text.locate(question.quote) if question.quote else None
            if where is not None and (best is None or where.paragraph.number > best[2]):
                best = (deck, question, where.paragraph.number)
    assert best is not None
    return best


async def test_every_content_paragraph_shows_its_question_count(decks: list[Deck]) -> None:
    [expected] = coverage(decks)
    app = ScreenHost(ArticleScreen(decks))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        views = _views(screen)
        text = deck_source(decks[0])
        assert text is not None
        assert sorted(views) == [p.number for p in text.paragraphs]
        content_numbers = {pc.paragraph.number for pc in expected.paragraphs}
        for pc in expected.paragraphs:
            view = views[pc.paragraph.number]
            assert view.question_count == len(pc.questions)
            assert sorted(_ids(view.questions)) == sorted(pc.questions)
            shown = _drawn_gutter(view)
            assert shown.endswith(f"{len(pc.questions):>2}q")
            assert ("●" if pc.questions else "○") in shown
            assert view.body.plain == pc.paragraph.text
            assert view.render_line(0).text[SIDE_WIDTH:].startswith(pc.paragraph.text[:20])
        for number, view in views.items():
            if number not in content_numbers:  # bylines and datelines carry no count
                assert not view.paragraph.is_content
                assert view.has_class("-minor")
                gutter = _drawn_gutter(view).strip()
                assert gutter == ("▶" if view.cursor else "")
        info = str(screen.query_one("#article-info", Static).content)
        total = len({asked for pc in expected.paragraphs for asked in pc.questions})
        assert f"{len(expected.paragraphs)} paragraphs" in info
        assert f"{total} questions quote it" in info
        assert f"{len(expected.uncovered)} paragraphs not asked about" in info
        assert ".txt" not in info  # the source's title is shown, not its file name
        assert "3q: 3 questions quote the paragraph" in info


async def test_one_deck_counts_only_its_own_questions(decks: list[Deck]) -> None:
    [expected] = coverage(decks[:1])
    app = ScreenHost(ArticleScreen(decks[:1]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        views = _views(app.screen)
        for pc in expected.paragraphs:
            assert views[pc.paragraph.number].question_count == len(pc.questions)
        assert expected.uncovered, "one deck alone leaves paragraphs unasked"


async def test_focus_quote_highlights_and_scrolls_to_its_paragraph(decks: list[Deck]) -> None:
    _deck, question, number = _last_quoted_question(decks)
    app = ScreenHost(ArticleScreen(decks, focus_quote=question.quote))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        views = _views(screen)
        focused = views[number]
        assert screen.cursor_view is focused
        assert focused.cursor and focused.has_class("-cursor")
        assert normalize(focused.highlighted_text) == normalize(question.quote)
        assert [v for v in views.values() if v.location is not None] == [focused]

        body = screen.query_one("#article-body", VerticalScroll)
        assert body.scroll_y > 0, "the last quoted paragraph is below the first screenful"
        visible = body.scrollable_content_region
        assert focused.region.y >= visible.y
        assert focused.region.y < visible.bottom

        text = focused.body
        assert isinstance(text, Content)
        location = focused.location
        assert location is not None
        assert _highlight_spans(text) == [(location.start, location.end)]
        status = str(screen.query_one("#article-status", Static).content)
        # Counted as a reader counts: the bylines before it are not paragraphs.
        assert focused.paragraph.ordinal < number
        assert status.startswith(
            f"paragraph {focused.paragraph.ordinal} · line {focused.paragraph.line}"
        )


async def test_unknown_focus_quote_is_reported_and_nothing_highlighted(
    decks: list[Deck],
) -> None:
    app = ScreenHost(ArticleScreen(decks, focus_quote="words that are nowhere in the article"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert all(v.location is None for v in screen.query(ParagraphView))
        assert "the quote was not found" in str(screen.query_one("#article-info", Static).content)
        first = next(v for v in screen.query(ParagraphView) if v.paragraph.is_content)
        assert screen.cursor_view is first


async def test_cursor_moves_between_paragraphs_skipping_bylines(decks: list[Deck]) -> None:
    app = ScreenHost(ArticleScreen(decks))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        navigable = [v.paragraph.number for v in screen.query(ParagraphView) if v.navigable]

        def at() -> int:
            view = screen.cursor_view
            assert view is not None
            return view.paragraph.number

        assert at() == navigable[0]
        await pilot.press("down")
        assert at() == navigable[1]  # paragraph 2 is the "CNN —" dateline
        await pilot.press("j", "j")
        assert at() == navigable[3]
        await pilot.press("k")
        assert at() == navigable[2]
        await pilot.press("up", "up", "up")
        assert at() == navigable[0], "the cursor stops at the first paragraph"
        await pilot.press("end")
        assert at() == navigable[-1]
        await pilot.press("down")
        assert at() == navigable[-1], "the cursor stops at the last paragraph"
        await pilot.press("home")
        assert at() == navigable[0]
        await pilot.press("pagedown")
        assert at() > navigable[1]
        await pilot.press("pageup")
        assert at() == navigable[0]
        assert sum(1 for v in screen.query(ParagraphView) if v.cursor) == 1


async def test_enter_dismisses_with_the_paragraph_questions(decks: list[Deck]) -> None:
    [expected] = coverage(decks)
    app = ScreenHost(ArticleScreen(decks))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("down", "down")
        view = screen.cursor_view
        assert view is not None
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is not screen
        [result] = app.results
        by_number = {pc.paragraph.number: pc for pc in expected.paragraphs}
        assert sorted(_ids(result)) == sorted(by_number[view.paragraph.number].questions)
        for deck, question in result:
            assert isinstance(deck, Deck)
            assert deck.question(question.id) is question


async def test_z_calls_on_quiz_and_stays(decks: list[Deck]) -> None:
    received: list[list[tuple[Deck, AnyQuestion]]] = []
    app = ScreenHost(ArticleScreen(decks, on_quiz=received.append))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        view = screen.cursor_view
        assert view is not None
        await pilot.press("z")
        await pilot.pause()
        assert app.screen is screen
        assert app.results == []
        assert [_ids(items) for items in received] == [_ids(view.questions)]


async def test_a_paragraph_without_questions_quizzes_on_nothing(decks: list[Deck]) -> None:
    [expected] = coverage(decks[:1])
    unasked = expected.uncovered[0].paragraph.number
    received: list[Any] = []
    app = ScreenHost(ArticleScreen(decks[:1], on_quiz=received.append))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        while (view := screen.cursor_view) is not None and view.paragraph.number < unasked:
            await pilot.press("down")
        assert screen.cursor_view is not None
        assert screen.cursor_view.paragraph.number == unasked
        assert "no question quotes it" in str(screen.query_one("#article-status", Static).content)
        await pilot.press("enter")
        await pilot.pause()
        assert received == []
        assert app.screen is screen
        assert any("No question" in str(n.message) for n in app._notifications)


async def test_click_moves_the_cursor_and_double_click_quizzes(decks: list[Deck]) -> None:
    received: list[Any] = []
    app = ScreenHost(ArticleScreen(decks, on_quiz=received.append))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        target = screen.query_one("#p5", ParagraphView)
        await pilot.click(target)
        assert screen.cursor_view is target
        assert received == []
        await pilot.click(target, times=2)
        assert [_ids(items) for items in received] == [_ids(target.questions)]


@pytest.mark.parametrize("key", ["escape", "q"])
async def test_escape_and_q_go_back_with_nothing(decks: list[Deck], key: str) -> None:
    app = ScreenHost(ArticleScreen(decks))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert not isinstance(app.screen, ArticleScreen)
        assert app.results == [None]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (None, "names no source file"),
        (Source(title="Lost"), "names no source file"),
        (Source(title="Gone", file=Path("/nonexistent/briefquiz/source.txt")), "cannot be read"),
    ],
)
async def test_empty_state_without_a_source_text(source: Source | None, message: str) -> None:
    deck = Deck(id="no-source", title="No source", path=Path("no-source.yaml"), questions=())
    if source is not None:
        deck = Deck(id=deck.id, title=deck.title, path=deck.path, questions=(), source=source)
    app = ScreenHost(ArticleScreen([deck]))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert message in str(screen.query_one("#article-empty", Static).content)
        assert not screen.query(ParagraphView)
        await pilot.press("enter", "down", "end")
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [None]


async def test_no_decks_is_an_empty_state() -> None:
    app = ScreenHost(ArticleScreen([]))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert "No deck" in str(screen.query_one("#article-empty", Static).content)


def test_gutter_marks() -> None:
    assert gutter(3, cursor=False) == "  ● 3q"
    assert gutter(0, cursor=True) == "▶ ○ 0q"
    assert gutter(None, cursor=True) == "▶"


# -- the passage widget ------------------------------------------------------------------


class _PassageHost(App[None]):
    def __init__(self, make: Callable[[], Passage]) -> None:
        super().__init__()
        self._make = make

    def compose(self) -> ComposeResult:
        yield self._make()


async def test_passage_highlights_the_quote_and_captions_it(decks: list[Deck]) -> None:
    text = deck_source(decks[0])
    assert text is not None
    question = next(q for q in decks[0].questions if q.quote)
    location = text.locate(question.quote)
    assert location is not None
    app = _PassageHost(lambda: Passage(location))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        passage = app.query_one(Passage)
        assert normalize(passage.quote_text) == normalize(question.quote)
        body = passage.query_one(".passage--text", Static).content
        assert isinstance(body, Content)
        assert body.plain == location.paragraph.text
        assert _highlight_spans(body) == [(location.start, location.end)]
        caption = str(passage.query_one(".passage--caption", Static).content)
        assert caption == (
            f"paragraph {location.paragraph.ordinal} · line {location.paragraph.line}"
        )
        # The text wraps inside the 60 columns instead of running off the edge.
        assert passage.size.width <= 60
        assert passage.query_one(".passage--text", Static).size.height > 1


# -- snapshots ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fixture_decks(tmp_path_factory: pytest.TempPathFactory) -> list[Deck]:
    """The varn test deck and a short one on its text: deck rewrites do not churn these."""
    folder = tmp_path_factory.mktemp("decks")
    library = library_of(write_deck(folder), write_deck(folder, ("choice", "typed"), "short"))
    return library.decks


SIZES = pytest.mark.parametrize(
    "size", [(100, 30), (80, 24), (60, 20)], ids=["100x30", "80x24", "60x20"]
)


@SIZES
def test_snapshot_article_focused(
    snap_compare: Any, fixture_decks: list[Deck], size: tuple[int, int]
) -> None:
    _deck, question, _number = _last_quoted_question(fixture_decks)
    screen = ArticleScreen(fixture_decks, focus_quote=question.quote)
    assert snap_compare(ScreenHost(screen), terminal_size=size)


@SIZES
def test_snapshot_article_top(
    snap_compare: Any, fixture_decks: list[Deck], size: tuple[int, int]
) -> None:
    screen = ArticleScreen(fixture_decks)
    assert snap_compare(ScreenHost(screen), terminal_size=size, press=["down"])
