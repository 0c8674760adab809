"""The stats screen, on a real store filled by real study sessions."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Static
from tuikit import ScreenHost, library_of, write_deck

from answers import Answers
from briefquiz.clock import FixedClock
from briefquiz.deck.bundled import bundled_decks_dir
from briefquiz.deck.library import load_library
from briefquiz.deck.model import (
    AnyQuestion,
    Choice,
    Cloze,
    Deck,
    TrueFalse,
    Typed,
)
from briefquiz.progress.records import DeckSettings
from briefquiz.progress.repository import Store
from briefquiz.schedule.planner import Planner
from briefquiz.schedule.stats import DeckStats, deck_stats
from briefquiz.study.due import due_work, session_stats
from briefquiz.study.grading import Answer
from briefquiz.study.session import Session
from briefquiz.text.timefmt import local, percent, relative
from briefquiz.ui.tui.screens.help import HelpScreen
from briefquiz.ui.tui.screens.stats import (
    CHART_DAYS,
    BarChart,
    DeckStatsPanel,
    PartsLine,
    StatsScreen,
    horizontal_bar,
    vertical_bars,
)

DAY_ONE = datetime(2020, 11, 7, 9, 0, tzinfo=UTC)
NOW = datetime(2020, 11, 8, 12, 0, tzinfo=UTC)
SEMINAR = datetime(2020, 11, 12, 14, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def decks() -> list[Deck]:
    library = load_library([(bundled_decks_dir(), True)])
    assert len(library.decks) >= 2
    return library.decks


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "p.sqlite3") as opened:
        yield opened


def wrong_answer(question: AnyQuestion) -> Answer:
    """A wrong answer where one is easy to make, else the right one."""
    if isinstance(question, Choice):
        return next(o for o in question.options if o != question.answer)
    if isinstance(question, TrueFalse):
        return not question.answer
    if isinstance(question, Typed):
        return "zzzz qqqq"
    if isinstance(question, Cloze):
        return tuple("zzzz qqqq" for _ in question.blanks)
    return Answers.right(question)


def study(store: Store, deck: Deck, clock: FixedClock, count: int, wrong_every: int) -> int:
    """Answer `count` questions through a real Session; every `wrong_every`-th answer is wrong."""
    session = Session(
        store, [deck], clock, limit=count, planner=Planner(fuzz=False), rng=random.Random(1)
    )
    answered = 0
    while not session.finished:
        item = session.current
        assert item is not None
        answered += 1
        wrong = answered % wrong_every == 0
        session.answer(wrong_answer(item.question) if wrong else Answers.right(item.question))
        clock.advance(timedelta(seconds=30))
        session.advance()
    return answered


@pytest.fixture
def studied(store: Store, decks: list[Deck]) -> tuple[Store, FixedClock]:
    return study_two_days(store, decks)


@pytest.fixture(scope="module")
def fixture_decks(tmp_path_factory: pytest.TempPathFactory) -> list[Deck]:
    """The varn test deck and a short one on the same text: snapshots that deck rewrites
    do not churn."""
    folder = tmp_path_factory.mktemp("decks")
    library = library_of(write_deck(folder), write_deck(folder, ("choice", "typed"), "short"))
    return library.decks


def study_two_days(store: Store, decks: list[Deck]) -> tuple[Store, FixedClock]:
    """Two days of study on the first deck, with a seminar ahead; the second deck untouched."""
    store.save_settings(DeckSettings(decks[0].id, seminar_at=SEMINAR))
    clock = FixedClock(DAY_ONE)
    assert study(store, decks[0], clock, 6, wrong_every=3) > 0
    clock.set(NOW - timedelta(hours=1))
    study(store, decks[0], clock, 5, wrong_every=2)
    clock.set(NOW)
    return store, clock


def _text(panel: DeckStatsPanel) -> str:
    """The panel's lines, unwrapped, then its other texts."""
    lines = [line.text for line in panel.query(PartsLine)]
    lines += [chart.heading for chart in panel.query(BarChart)]
    lines += [str(static.content).strip("\n") for static in panel.query(Static)]
    return "\n".join(lines)


def _expected_lines(stats: DeckStats, clock: FixedClock) -> list[str]:
    """What `briefquiz stats` prints for the deck (commands/stats.py), line by line."""

    def maybe(value: float | None) -> str:
        return "—" if value is None else percent(value)

    deck = stats.deck
    streak = f"{stats.streak} day{'s' if stats.streak != 1 else ''}"
    lines = [
        f"{len(deck.questions)} questions · new {stats.new} · learning {stats.learning} · "
        f"review {stats.review} · due now {stats.due_now}",
        f"reviews {stats.reviews} · accuracy {maybe(stats.accuracy)} · "
        f"retention {maybe(stats.retention)} · streak {streak}",
    ]
    if stats.seminar_at is not None and stats.readiness is not None:
        lines.append(
            f"seminar {relative(stats.seminar_at, clock.now())} "
            f"({local(stats.seminar_at, clock.tz)}): "
            f"readiness {percent(stats.readiness.if_you_stop)} now, "
            f"{percent(stats.readiness.if_you_keep_up)} keeping up "
            f"(target {percent(stats.desired_retention)})"
        )
    return lines


async def test_the_daily_chart_counts_only_the_last_14_days(
    store: Store, decks: list[Deck]
) -> None:
    """Reviews a month old count in the all-time total, not in the 14-day chart's heading."""
    clock = FixedClock(NOW - timedelta(days=30))
    old = study(store, decks[0], clock, 4, wrong_every=99)
    clock.set(NOW - timedelta(hours=1))
    recent = study(store, decks[0], clock, 3, wrong_every=99)
    clock.set(NOW)
    app = ScreenHost(StatsScreen(store, decks[:1], clock))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        [panel] = app.screen.query(DeckStatsPanel)
        assert panel.stats.reviews == old + recent
        assert sum(n for _, n in panel.stats.daily_reviews) == recent
        text = _text(panel)
        assert f"Reviews, last 14 days: {recent}" in text.splitlines()
        assert f"reviews {old + recent} · " in text


async def test_numbers_agree_with_deck_stats(
    studied: tuple[Store, FixedClock], decks: list[Deck]
) -> None:
    store, clock = studied
    app = ScreenHost(StatsScreen(store, decks[:2], clock))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        panels = list(screen.query(DeckStatsPanel))
        assert [p.stats.deck.id for p in panels] == [decks[0].id, decks[1].id]

        for panel, deck in zip(panels, decks[:2], strict=True):
            expected = session_stats(store, deck, clock, forecast_days=CHART_DAYS)
            assert panel.border_title == deck.title
            text = _text(panel)
            for line in _expected_lines(expected, clock):
                assert line in text.splitlines()

            forecast = panel.query_one(".stats--forecast", BarChart)
            assert forecast.values == tuple((str(d.day), n) for d, n in expected.forecast)
            assert len(forecast.values) == 14
            daily = panel.query_one(".stats--daily", BarChart)
            assert daily.values == tuple((str(d.day), n) for d, n in expected.daily_reviews)
            assert f"Due, next 14 days: {sum(n for _, n in expected.forecast)}" in text
            recent = sum(n for _, n in expected.daily_reviews)
            assert f"Reviews, last 14 days: {recent}" in text

            for tag, (accuracy, answers) in expected.tag_accuracy.items():
                [row] = [line for line in text.splitlines() if line.startswith(tag + " ")]
                assert f"{percent(accuracy):>4}" in row
                assert f"{answers} answer" in row

        studied_stats = panels[0].stats
        assert studied_stats.reviews == 11
        assert studied_stats.streak == 2
        assert studied_stats.accuracy is not None and studied_stats.accuracy < 1
        assert studied_stats.readiness is not None
        assert [n for _, n in studied_stats.daily_reviews][-2:] == [6, 5]
        assert "seminar in 4 days" in _text(panels[0])

        untouched = _text(panels[1])
        assert "reviews 0 · accuracy — · retention — · streak 0 days" in untouched
        assert "no graded answers yet" in untouched
        assert "seminar" not in untouched


async def test_due_now_is_what_home_counts_due(store: Store, decks: list[Deck]) -> None:
    """One right first answer: its learning step, ten minutes ahead, is asked by a session
    now, so the panel says "due now 1" as home's Due column says 1 (FSRS alone says 0)."""
    clock = FixedClock(NOW)
    session = Session(store, decks[:1], clock, planner=Planner(fuzz=False), rng=random.Random(1))
    item = session.current
    assert item is not None
    session.answer(Answers.right(item.question))
    assert deck_stats(store, decks[0], clock).due_now == 0
    assert due_work(store, decks[:1], clock).due == 1
    app = ScreenHost(StatsScreen(store, decks[:1], clock))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(DeckStatsPanel)
        assert "learning 1 · review 0 · due now 1" in _text(panel)


async def test_a_passed_seminar_says_so(store: Store, decks: list[Deck]) -> None:
    store.save_settings(DeckSettings(decks[0].id, seminar_at=NOW - timedelta(days=1)))
    clock = FixedClock(NOW)
    app = ScreenHost(StatsScreen(store, decks[:1], clock))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(DeckStatsPanel)
        assert f"seminar {local(NOW - timedelta(days=1), clock.tz)} (passed)" in _text(panel)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_small_terminals_scroll_and_nothing_is_cut_sideways(
    studied: tuple[Store, FixedClock], decks: list[Deck], size: tuple[int, int]
) -> None:
    store, clock = studied
    app = ScreenHost(StatsScreen(store, decks, clock))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        assert screen.has_class("-narrow")
        body = screen.query_one("#stats-body", VerticalScroll)
        assert body.max_scroll_y > 0
        assert body.max_scroll_x == 0
        for chart in screen.query(BarChart):
            assert chart.region.right <= size[0] - 2, "a chart runs past the panel border"
            assert len(chart.values) * chart.column_width <= chart.size.width, "bars cut off"
        last = list(screen.query(DeckStatsPanel))[-1]
        await pilot.press("end")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        assert last.region.bottom <= body.region.bottom


async def test_wide_terminal_puts_the_charts_side_by_side(
    studied: tuple[Store, FixedClock], decks: list[Deck]
) -> None:
    store, clock = studied
    app = ScreenHost(StatsScreen(store, decks[:1], clock))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(DeckStatsPanel)
        forecast = panel.query_one(".stats--forecast", BarChart)
        daily = panel.query_one(".stats--daily", BarChart)
        assert forecast.region.y == daily.region.y
        assert forecast.region.right <= daily.region.x


async def test_numbers_are_read_again_when_the_screen_comes_back(
    studied: tuple[Store, FixedClock], decks: list[Deck]
) -> None:
    store, clock = studied
    screen = StatsScreen(store, decks[:1], clock)
    app = ScreenHost(screen)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen is screen
        before = screen.stats[0].reviews
        app.push_screen(HelpScreen())
        await pilot.pause()
        study(store, decks[0], clock, 2, wrong_every=99)
        app.pop_screen()
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        assert screen.stats[0].reviews == before + 2
        panel = screen.query_one(DeckStatsPanel)
        assert f"reviews {before + 2} · " in _text(panel)


@pytest.mark.parametrize("key", ["escape", "q"])
async def test_escape_and_q_go_back(store: Store, decks: list[Deck], key: str) -> None:
    app = ScreenHost(StatsScreen(store, decks[:1], FixedClock(NOW)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert not isinstance(app.screen, StatsScreen)
        assert app.results == [None]


async def test_no_decks(store: Store) -> None:
    app = ScreenHost(StatsScreen(store, [], FixedClock(NOW)))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert "No decks" in str(app.screen.query_one("#stats-empty", Static).content)


def test_vertical_bars_scale_to_the_tallest() -> None:
    assert vertical_bars([0, 4, 8], rows=2) == ["  █", " ██"]
    assert vertical_bars([0, 5, 8], rows=2) == [" ▂█", " ██"]
    assert vertical_bars([1, 100], rows=1) == ["▁█"], "a small count still shows"
    assert vertical_bars([0, 0], rows=2) == ["  ", "  "]
    assert vertical_bars([], rows=3) == ["", "", ""]


async def test_lines_wrap_between_parts_only(
    studied: tuple[Store, FixedClock], decks: list[Deck]
) -> None:
    store, clock = studied
    app = ScreenHost(StatsScreen(store, decks[:1], clock))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        [counts, *_] = app.screen.query(PartsLine)
        width = counts.content_region.width
        wrapped = counts.wrapped(width)
        assert len(wrapped) == counts.size.height == 2
        assert wrapped[0].endswith(" ·")
        assert " ".join(wrapped) == counts.text
        assert all(len(line) <= width for line in wrapped)


def test_parts_line_wrapping() -> None:
    line = PartsLine(["alpha ·", "beta ·", "gamma"])
    assert line.text == "alpha · beta · gamma"
    assert line.wrapped(100) == ["alpha · beta · gamma"]
    assert line.wrapped(14) == ["alpha · beta ·", "gamma"]
    assert line.wrapped(3) == ["alpha ·", "beta ·", "gamma"], "a part longer than the line stays"


def test_horizontal_bar_in_eighths() -> None:
    assert horizontal_bar(1.0, 4) == "████"
    assert horizontal_bar(0.0, 4) == "    "
    assert horizontal_bar(0.5, 4) == "██  "
    assert horizontal_bar(0.53125, 4) == "██▏ "
    assert horizontal_bar(2.0, 2) == "██"


@pytest.mark.parametrize("size", [(100, 30), (80, 24), (60, 20)], ids=["100x30", "80x24", "60x20"])
def test_snapshot_stats(
    snap_compare: Any, store: Store, fixture_decks: list[Deck], size: tuple[int, int]
) -> None:
    store, clock = study_two_days(store, fixture_decks)
    screen = StatsScreen(store, fixture_decks, clock)
    assert snap_compare(ScreenHost(screen), terminal_size=size)


def test_weekdays_under_the_day_numbers_and_the_seminar_marked() -> None:
    from briefquiz.ui.tui.screens.stats import weekday_labels

    days = [date(2020, 11, 7) + timedelta(days=i) for i in range(7)]
    assert weekday_labels(days) == ["Sa", "Su", "Mo", "Tu", "We", "Th", "Fr"]
    assert weekday_labels(days, SEMINAR.date())[5] == "◆"


async def test_the_most_studied_deck_comes_first_and_the_forecast_marks_the_seminar(
    store: Store, fixture_decks: list[Deck]
) -> None:
    untouched, studied_deck = fixture_decks[1], fixture_decks[0]
    store, clock = study_two_days(store, [studied_deck, untouched])
    screen = StatsScreen(store, [untouched, studied_deck], clock)
    assert [s.deck.id for s in screen.stats] == [studied_deck.id, untouched.id]
    async with ScreenHost(screen).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        panel = pilot.app.screen.query_one(f"#stats-{studied_deck.id}", DeckStatsPanel)
        headings = [chart.heading for chart in panel.query(BarChart)]
        assert any(h.endswith("◆ seminar Thu 12") for h in headings)


async def test_readiness_across_the_decks_of_a_seminar(
    store: Store, fixture_decks: list[Deck]
) -> None:
    for deck in fixture_decks:
        store.save_settings(DeckSettings(deck.id, seminar_at=SEMINAR))
    store, clock = study_two_days(store, fixture_decks)
    screen = StatsScreen(store, fixture_decks, clock)
    weights = [len(s.deck.questions) for s in screen.stats]
    values = [s.readiness.if_you_stop for s in screen.stats if s.readiness is not None]
    expected = sum(w * v for w, v in zip(weights, values, strict=True)) / sum(weights)
    async with ScreenHost(screen).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        line = str(pilot.app.screen.query_one("#stats-seminar", Static).content)
        assert "2 decks together: readiness" in line
        assert f"readiness {round(expected * 100)}% now" in line
