"""Progress per deck: the numbers of `briefquiz stats`, two 14-day bar charts, tag accuracy.

The charts are drawn with Unicode block characters, so they need no plotting library and
stay readable without colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from briefquiz.clock import Clock
from briefquiz.deck.model import Deck
from briefquiz.progress.repository import Store
from briefquiz.schedule.seminar_text import combined_readiness
from briefquiz.schedule.stats import DeckStats
from briefquiz.study.due import session_stats
from briefquiz.text.timefmt import local, percent, relative
from briefquiz.ui.tui.widgets.footer import KeyBar
from briefquiz.ui.wording.stats import count_parts, review_parts, seminar_parts
from briefquiz.ui.wording.words import plural

CHART_DAYS = 14

_EIGHTHS_UP = " ▁▂▃▄▅▆▇█"  # index = eighths of a cell filled from the bottom
_EIGHTHS_RIGHT = " ▏▎▍▌▋▊▉█"  # index = eighths of a cell filled from the left


def vertical_bars(values: Sequence[int], rows: int) -> list[str]:
    """The bar area of a chart, top row first: one character per value per row.

    The tallest value fills every row; any value above zero shows at least a sliver.
    """
    top = max(values, default=0)
    levels = [
        0 if value <= 0 or top <= 0 else max(1, round(value / top * rows * 8)) for value in values
    ]
    lines = []
    for row in range(rows - 1, -1, -1):
        floor = row * 8
        lines.append("".join(_EIGHTHS_UP[min(max(level - floor, 0), 8)] for level in levels))
    return lines


def horizontal_bar(fraction: float, width: int) -> str:
    """A bar `width` cells long filled to `fraction` (0..1), to an eighth of a cell."""
    eighths = round(min(max(fraction, 0.0), 1.0) * width * 8)
    full, part = divmod(eighths, 8)
    bar = "█" * full + (_EIGHTHS_RIGHT[part] if part else "")
    return bar.ljust(width)


class PartsLine(Widget):
    """A line of text that wraps only between its parts, never inside one.

    `parts` are joined by single spaces: ["new 3 ·", "due now 1"] reads "new 3 · due now 1" and,
    where it does not fit, breaks after the "·".
    """

    DEFAULT_CSS = """
    PartsLine {
        height: auto;
    }
    """

    def __init__(self, parts: Sequence[str], *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.parts = tuple(parts)

    @property
    def text(self) -> str:
        """The whole line, unwrapped."""
        return " ".join(self.parts)

    def wrapped(self, width: int) -> list[str]:
        lines: list[str] = []
        current = ""
        for part in self.parts:
            candidate = f"{current} {part}" if current else part
            if current and Content(candidate).cell_length > width:
                lines.append(current)
                current = part
            else:
                current = candidate
        lines.append(current)
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.wrapped(width))

    def render(self) -> Content:
        return Content("\n".join(self.wrapped(self.content_region.width or 1_000)))


def dotted(parts: Sequence[str]) -> list[str]:
    """Parts separated by " · " when shown on one line."""
    return [f"{part} ·" for part in parts[:-1]] + list(parts[-1:])


class BarChart(Widget):
    """A small vertical bar chart: counts above the bars, labels under them.

    `values` are (label, count) pairs, drawn left to right. Each column is as wide as the
    widest count or label plus a gap, at least three cells. A `heading` is drawn in bold
    above the chart, after a blank line, and cut to the width, never wrapped.
    """

    DEFAULT_CSS = """
    BarChart {
        height: auto;
        width: auto;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    """

    def __init__(
        self,
        values: Sequence[tuple[str, int]],
        *,
        rows: int = 4,
        weekdays: Sequence[str] = (),
        heading: str = "",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.values = tuple(values)
        self.rows = max(rows, 1)
        self.weekdays = tuple(weekdays)  # a second label row under the first ("Mo", "◆")
        self.heading = heading

    @property
    def column_width(self) -> int:
        widest = max((max(len(str(count)), len(label)) for label, count in self.values), default=1)
        return max(widest, max(map(len, self.weekdays), default=0), 2) + 1

    def render(self) -> Content:
        width = self.column_width
        counts = [count for _, count in self.values]
        parts: list[str | tuple[str, str]] = []
        if self.heading:
            parts += ["\n", (self.heading, "bold"), "\n"]
        for count in counts:
            parts.append((f"{count or '·':>{width - 1}} ", "" if count else "dim"))
        parts.append("\n")
        for line in vertical_bars(counts, self.rows):
            bars = "".join(f"{cell * (width - 1):>{width - 1}} " for cell in line)
            parts.append((bars, "$accent"))
            parts.append("\n")
        parts.append(("".join(f"{label:>{width - 1}} " for label, _ in self.values), "dim"))
        if self.weekdays:
            parts.append("\n")
            parts.append(("".join(f"{day:>{width - 1}} " for day in self.weekdays), "dim"))
        return Content.assemble(*parts)


def _day_label(day: date) -> str:
    return str(day.day)


SEMINAR_MARK = "◆"
TAGS_HEADING = "Accuracy by tag"


def weekday_labels(days: Sequence[date], seminar: date | None = None) -> list[str]:
    """`Mo Tu ...` under the day numbers, so that `7` reads as Monday the 7th; the
    seminar's day shows `◆` instead."""
    return [SEMINAR_MARK if day == seminar else f"{day:%a}"[:2] for day in days]


class DeckStatsPanel(Vertical):
    """Everything the stats screen says about one deck."""

    def __init__(self, stats: DeckStats, clock: Clock, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="stats--deck")
        self.stats = stats
        self.clock = clock
        self.border_title = stats.deck.title

    def lines(self) -> list[list[str]]:
        """The lines of `briefquiz stats` for this deck (without its forecast row), in parts."""
        stats, deck = self.stats, self.stats.deck
        lines = [
            dotted([plural(len(deck.questions), "question"), *count_parts(stats)]),
            dotted(review_parts(stats)),
        ]
        seminar = seminar_parts(stats, self.clock.now(), self.clock.tz)
        if seminar:
            lines.append(seminar)
        return lines

    def tag_lines(self) -> Content:
        tags = self.stats.tag_accuracy
        if not tags:
            return Content("no graded answers yet")
        name_width = min(max(len(tag) for tag in tags), 24)
        parts: list[str | tuple[str, str]] = []
        for tag, (accuracy, answers) in tags.items():
            name = tag if len(tag) <= name_width else tag[: name_width - 1] + "…"
            if parts:
                parts.append("\n")
            parts.append(f"{name:<{name_width}}  ")
            parts.append((horizontal_bar(accuracy, 16), "$accent"))
            parts.append(f"  {percent(accuracy):>4}  {plural(answers, 'answer')}")
        return Content.assemble(*parts)

    def compose(self) -> ComposeResult:
        stats = self.stats
        for parts in self.lines():
            yield PartsLine(parts, classes="stats--line")
        forecast_total = sum(n for _, n in stats.forecast)
        reviews_total = sum(n for _, n in stats.daily_reviews)
        seminar = stats.seminar_day
        days = [d for d, _ in stats.forecast]
        heading = f"Due, next {len(stats.forecast)} days: {forecast_total}"
        if seminar is not None and seminar in days:
            heading += f" · {SEMINAR_MARK} seminar {seminar:%a} {seminar.day}"
        with Vertical(classes="stats--charts"):
            yield BarChart(
                [(_day_label(d), n) for d, n in stats.forecast],
                weekdays=weekday_labels(days, seminar),
                heading=heading,
                classes="stats--chart stats--forecast",
            )
            yield BarChart(
                [(_day_label(d), n) for d, n in stats.daily_reviews],
                weekdays=weekday_labels([d for d, _ in stats.daily_reviews]),
                heading=f"Reviews, last {len(stats.daily_reviews)} days: {reviews_total}",
                classes="stats--chart stats--daily",
            )
        tags = Content.assemble("\n", (TAGS_HEADING, "bold"), "\n", self.tag_lines())
        yield Static(tags, classes="stats--tags")


class StatsScreen(Screen[None]):
    """Progress of `decks`, read from `store` at `clock.now()`; Escape or `q` goes back.

    The numbers are read again when the screen comes back after another one covered it.
    """

    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 (Screen declares it without ClassVar)
        (0, "-narrow"),
        (96, "-wide"),
    ]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "back", "Back"),
    ]

    def __init__(
        self,
        store: Store,
        decks: Sequence[Deck],
        clock: Clock,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.store = store
        self.decks = tuple(decks)
        self.clock = clock
        self.stats: list[DeckStats] = self._compute()
        self._covered = False

    def _compute(self) -> list[DeckStats]:
        """Every deck's numbers, the most studied first (the screen opens on activity, not
        on an untouched deck); ties keep the library's order."""
        stats = [
            session_stats(self.store, deck, self.clock, forecast_days=CHART_DAYS)
            for deck in self.decks
        ]
        return sorted(stats, key=lambda s: -s.reviews)

    def compose(self) -> ComposeResult:
        now = local(self.clock.now(), self.clock.tz)
        yield Static(f"Progress · {now}", id="stats-title", markup=False)
        with VerticalScroll(id="stats-body"):
            if not self.stats:
                yield Static("No decks to show.", id="stats-empty", markup=False)
            together = self.seminar_line()
            if together:
                yield Static(together, id="stats-seminar", markup=False)
            for stats in self.stats:
                yield DeckStatsPanel(stats, self.clock, id=f"stats-{stats.deck.id}")
        yield KeyBar()

    def seminar_line(self) -> str:
        """Readiness across the decks that share a seminar: what the seminar asks of you."""
        parts = [
            (len(stats.deck.questions), stats.readiness)
            for stats in self.stats
            if stats.readiness is not None
        ]
        ready = combined_readiness(parts)
        if ready is None or len(parts) < 2:
            return ""
        now = self.clock.now()
        return (
            f"Seminar {relative(ready.seminar_at, now)} ({local(ready.seminar_at, self.clock.tz)}),"
            f" {plural(len(parts), 'deck')} together: readiness {percent(ready.if_you_stop)} now,"
            f" {percent(ready.if_you_keep_up)} keeping up"
        )

    async def refresh_stats(self) -> None:
        """Read the numbers again and redraw."""
        self.stats = self._compute()
        await self.recompose()

    def on_screen_suspend(self) -> None:
        self._covered = True

    async def on_screen_resume(self) -> None:
        if self._covered:
            self._covered = False
            await self.refresh_stats()

    def action_back(self) -> None:
        self.dismiss(None)
