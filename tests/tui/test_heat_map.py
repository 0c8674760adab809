"""The recall heat-map over the article: each paragraph's recall at the seminar beside it, in
figures (for NO_COLOR) and a coloured bar, unseen questions named as such, and `w` to the
weakest paragraph, whose questions Enter quizzes on."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.color import Color
from textual.widgets import Static
from tuikit import AppFactory, library_of, write_deck

from briefquiz.clock import FixedClock
from briefquiz.deck.model import Deck
from briefquiz.progress.records import DeckSettings
from briefquiz.progress.repository import Store
from briefquiz.schedule.passage_recall import PassageRecall
from briefquiz.schedule.planner import Planner
from briefquiz.schedule.recall import predicted_recall
from briefquiz.study.session import Session
from briefquiz.ui.tui.screens.article import ArticleScreen, ParagraphView
from briefquiz.ui.tui.screens.study import StudyScreen
from briefquiz.ui.tui.widgets.paragraph import SIDE_WIDTH, recall_gutter


def _answer(
    store: Store, clock: FixedClock, deck: Deck, rights: dict[str, bool], answers: Any
) -> None:
    """Study the questions named in `rights`, right or wrong, in a real session."""
    chosen = replace(deck, questions=tuple(q for q in deck.questions if q.id in rights))
    session = Session(store, [chosen], clock, rng=random.Random(3), planner=Planner(fuzz=False))
    while session.current is not None:
        question = session.current.question
        how = answers.right if rights[question.id] else answers.wrong
        session.answer(how(question))
        clock.advance(timedelta(seconds=20))
        session.advance()


@pytest.fixture
def studied(
    tmp_path: Path, app_store: Store, app_clock: FixedClock, answers: Any
) -> tuple[Any, Deck]:
    library = library_of(write_deck(tmp_path / "decks"))
    [deck] = library.decks
    # Paragraph 1 (the first keeper) missed; paragraph 3 (automation) known.
    _answer(app_store, app_clock, deck, {"first-keeper": False, "automated-year": True}, answers)
    app_store.save_settings(DeckSettings("varn", seminar_at=app_clock.now() + timedelta(days=4)))
    app_clock.advance(timedelta(hours=2))
    return library, deck


async def open_article(pilot: Any) -> ArticleScreen:
    """Home's `r`: the article of the chosen deck."""
    await pilot.press("r")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ArticleScreen)
    return screen


def _views(screen: Any) -> dict[int, ParagraphView]:
    assert isinstance(screen, ArticleScreen)
    return {view.paragraph.number: view for view in screen.query(ParagraphView)}


def _recall_text(view: ParagraphView) -> str:
    """The gutter's lines under the question count, as the paragraph draws them."""
    lines = [view.render_line(y).text[:SIDE_WIDTH].rstrip() for y in range(1, 3)]
    return "\n".join(line for line in lines if line)


async def test_each_paragraph_shows_its_recall_at_the_seminar_in_figures(
    studied: tuple[Any, Deck], app_store: Store, app_clock: FixedClock, make_app: AppFactory
) -> None:
    library, _ = studied
    seminar = app_store.settings("varn").seminar_at
    assert seminar is not None
    cards = app_store.cards("varn")
    async with make_app(library).run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        views = _views(pilot.app.screen)
        legend = str(pilot.app.screen.query_one("#article-legend", Static).content)
        assert "recall at the seminar:" in legend and "new: unseen" in legend
        for view in views.values():
            keys = {(d.id, q.id) for d, q in view.questions}
            if not keys:
                assert _recall_text(view) == ""
                continue
            studied_ids = [q for _, q in keys if q in cards]
            text = _recall_text(view)
            if not studied_ids:
                assert text.strip() == "· new"
                assert view.has_class("-unseen")
                continue
            mean = sum(predicted_recall(cards[q], seminar) for q in studied_ids) / len(studied_ids)
            assert f"{mean * 100:.0f}%" in text
            unseen = len(keys) - len(studied_ids)
            assert (f"+{unseen} new" in text) == bool(unseen)
        assert views[1].recall is not None and views[3].recall is not None
        assert views[1].recall.recall is not None and views[3].recall.recall is not None
        assert views[1].recall.recall < views[3].recall.recall  # missed below known


async def test_w_goes_to_the_weakest_paragraph_and_enter_quizzes_on_it(
    studied: tuple[Any, Deck], make_app: AppFactory
) -> None:
    library, _ = studied
    async with make_app(library).run_test(size=(100, 30)) as pilot:
        screen = await open_article(pilot)
        await pilot.press("end", "w")  # from anywhere: the weakest first
        await pilot.pause()
        view = screen.cursor_view
        assert view is not None and view.paragraph.number == 1
        status = str(screen.query_one("#article-status", Static).content)
        assert "recall" in status and "at the seminar" in status
        await pilot.press("w")  # again: the next weakest, the known one, then the unseen
        await pilot.pause()
        second = screen.cursor_view
        assert second is not None and second.paragraph.number == 3
        await pilot.press("w")
        await pilot.pause()
        third = screen.cursor_view
        assert third is not None and third.recall is not None and third.recall.recall is None
        await pilot.press("w", "w", "w")  # round the list, back to the weakest
        await pilot.pause()
        again = screen.cursor_view
        assert again is not None
        await pilot.press("home", "w", "enter")
        await pilot.pause()
        study = pilot.app.screen
        assert isinstance(study, StudyScreen)
        assert {q.id for d in study.session.decks for q in d.questions} == {"first-keeper"}


async def test_without_a_seminar_recall_is_now_and_nothing_studied_is_all_new(
    tmp_path: Path, make_app: AppFactory
) -> None:
    library = library_of(write_deck(tmp_path / "decks"))
    async with make_app(library).run_test(size=(60, 20)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = pilot.app.screen
        legend = str(screen.query_one("#article-legend", Static).content)
        assert legend.startswith("3q: questions · recall now:")
        for view in _views(screen).values():
            if view.questions:
                assert _recall_text(view).strip() == "· new"
        await pilot.press("w")
        await pilot.pause()
        view = screen.cursor_view  # type: ignore[attr-defined]
        assert view is not None and view.questions


@pytest.mark.parametrize("size", [(100, 30), (80, 24), (60, 20)], ids=["100x30", "80x24", "60x20"])
def test_snapshot_heat_map(
    snap_compare: Any, studied: tuple[Any, Deck], make_app: AppFactory, size: tuple[int, int]
) -> None:
    """The article after one miss and one right answer: a weak, a known and unseen paragraphs,
    the legend, and `w` on the weakest."""
    library, _ = studied
    assert snap_compare(make_app(library), terminal_size=size, press=["r", "w"])


async def test_s_quizzes_on_the_weakest_paragraphs_together(
    studied: tuple[Any, Deck], make_app: AppFactory
) -> None:
    library, _ = studied
    async with make_app(library).run_test(size=(100, 30)) as pilot:
        views = _views(await open_article(pilot))
        # The missed paragraph, the known one, then the first one not studied yet.
        unseen = next(v for v in views.values() if v.recall and v.recall.recall is None)
        expected = {q.id for n in (1, 3) for _, q in views[n].questions}
        expected |= {q.id for _, q in unseen.questions}
        await pilot.press("s")
        await pilot.pause()
        study = pilot.app.screen
        assert isinstance(study, StudyScreen)
        assert {q.id for d in study.session.decks for q in d.questions} == expected
        # real reviews, not a cram: every one of them is asked now, due or not
        assert not study.session.cram and study.session.ahead
        assert study.session.remaining == len(expected)
        # and the student is told what began, and that it is not a practice quiz
        [told] = [n for n in pilot.app._notifications if n.title == "Study the weakest"]
        numbers = sorted([1, 3, unseen.paragraph.ordinal])
        assert told.message.startswith(
            f"Paragraphs {numbers[0]}, {numbers[1]} and {numbers[2]}, the weakest: "
            f"{len(expected)} questions, as real reviews"
        ), told.message


async def test_s_before_any_study_says_the_paragraphs_are_not_studied_yet(
    tmp_path: Path, make_app: AppFactory
) -> None:
    library = library_of(write_deck(tmp_path / "decks"))
    async with make_app(library).run_test(size=(100, 30)) as pilot:
        await open_article(pilot)
        await pilot.press("s")
        await pilot.pause()
        [told] = [n for n in pilot.app._notifications if n.title == "Study the weakest"]
        assert ", none of them studied yet: " in told.message and "weakest:" not in told.message


async def test_s_answers_are_real_reviews_that_move_the_schedule(
    studied: tuple[Any, Deck], make_app: AppFactory, app_store: Store, answers: Any
) -> None:
    library, deck = studied
    async with make_app(library).run_test(size=(100, 30)) as pilot:
        await open_article(pilot)
        await pilot.press("s")
        await pilot.pause()
        study = pilot.app.screen
        assert isinstance(study, StudyScreen)
        item = study.session.current
        assert item is not None
        before = app_store.cards(deck.id).get(item.question.id)
        feedback = study.session.answer(answers.right(item.question))
        assert feedback.card_after is not None  # scheduled: a real review
        after = app_store.cards(deck.id)[item.question.id]
        assert before is None or after.last_review != before.last_review
    [last] = [r for r in app_store.reviews(deck.id) if r.question_id == item.question.id][-1:]
    assert not last.cram


async def test_the_bars_take_their_band_colour(
    studied: tuple[Any, Deck], make_app: AppFactory
) -> None:
    library, _ = studied
    async with make_app(library).run_test(size=(100, 30)) as pilot:
        views = _views(await open_article(pilot))
        colours = pilot.app.theme_variables
        weak = next(v for v in views.values() if v.has_class("-weak"))
        shown = weak.get_component_styles("paragraph--recall").color
        assert shown == Color.parse(colours["error"])
        strong = [v for v in views.values() if v.has_class("-strong")]
        for view in strong:
            bar = view.get_component_styles("paragraph--recall").color
            assert bar == Color.parse(colours["success"])


def test_the_recall_gutter_reads_without_colour() -> None:
    assert recall_gutter(None) == ""
    assert recall_gutter(PassageRecall(0, 0, None)) == ""
    assert recall_gutter(PassageRecall(3, 3, None)) == " · new"
    assert recall_gutter(PassageRecall(2, 0, 0.953)) == " █ 95%"
    assert recall_gutter(PassageRecall(4, 2, 0.81)) == " ▆ 81%\n+2 new"
    assert recall_gutter(PassageRecall(15, 14, 0.49)) == " ▃ 49%\n14 new"
    assert all(len(line) <= 6 for line in recall_gutter(PassageRecall(1, 0, 1.0)).splitlines())


async def test_the_header_leaves_room_for_the_text_at_60x20(
    studied: tuple[Any, Deck], make_app: AppFactory
) -> None:
    library, _ = studied
    async with make_app(library).run_test(size=(60, 20)) as pilot:
        screen = await open_article(pilot)
        body = screen.query_one("#article-body")
        assert body.region.y <= 5  # title, info and legend in at most five rows
        assert body.region.height >= 12


@pytest.mark.parametrize("size", [(100, 30), (80, 24), (60, 20)], ids=["100x30", "80x24", "60x20"])
async def test_the_notice_of_s_leaves_the_first_hint_readable(
    tmp_path: Path, make_app: AppFactory, size: tuple[int, int]
) -> None:
    """The quiz `s` starts is told in a notice for five seconds; it sits above the study
    screen's hint bar (the keys of the first question) and the footer, not over them."""
    library = library_of(write_deck(tmp_path / "decks"))
    async with make_app(library).run_test(size=size, notifications=True) as pilot:
        await open_article(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, StudyScreen)
        screen = pilot.app.screen
        [toast] = screen.query("Toast")
        hint = screen.query_one("#study-hint")
        on_top = {
            screen.get_widget_at(x, y)[0]
            for y in range(hint.region.y, hint.region.bottom)
            for x in range(hint.region.x, hint.region.right)
        }
        assert on_top == {hint}, on_top
        assert toast.region.y < hint.region.y
