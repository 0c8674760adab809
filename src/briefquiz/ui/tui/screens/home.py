"""The deck list: counts per deck, the seminar countdown and readiness, decks that failed."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from briefquiz.deck.library import DeckFile
from briefquiz.deck.model import Deck
from briefquiz.deck.texts import decks_of_text
from briefquiz.locations import user_decks_dir
from briefquiz.schedule.seminar_text import combined_readiness, set_text_seminar, text_seminar
from briefquiz.schedule.stats import DeckStats, deck_stats
from briefquiz.study.due import DueWork, added, due_work
from briefquiz.text.timefmt import countdown, local, percent
from briefquiz.ui.tui.context import AppContext
from briefquiz.ui.tui.messages import (
    ArticleRequested,
    PlanRequested,
    StatsRequested,
    StudyRequested,
)
from briefquiz.ui.tui.screens.home_text import text_line
from briefquiz.ui.tui.widgets.footer import KeyBar
from briefquiz.ui.wording.words import plural, shown_path

COLUMNS = ("New", "Due", "Learned", "Seminar", "Ready")  # after "Deck"
#: Below this width the Seminar column goes (the text's line above says it).
NARROW = 80
NARROW_COLUMNS = ("New", "Due", "Learned", "Ready")
#: Below this height the chosen deck's description is left out, so its id stays in sight.
SHORT = 24
MIN_TITLE_WIDTH = 12
KEYS_LINE = "Enter: study the chosen deck · c: cram it (its schedule is left alone)"
NARROW_KEYS_LINE = "Enter: study · c: cram (schedule untouched)"


def columns(screen_width: int) -> tuple[str, ...]:
    return NARROW_COLUMNS if screen_width < NARROW else COLUMNS


def other_columns_width(screen_width: int) -> int:
    """What the columns after "Deck" take at most: their text plus a cell of padding each
    side ("in 3 days" is wider than "Seminar")."""
    shown = columns(screen_width)
    return sum(len(c) + 2 for c in shown) + (4 if "Seminar" in shown else 0)


def seminar_cell(stats: DeckStats, now: datetime) -> str:
    if stats.seminar_at is None:
        return "—"
    return countdown(stats.seminar_at, now, compact=True) if stats.seminar_at > now else "past"


def ready_cell(stats: DeckStats) -> str:
    return percent(stats.readiness.if_you_stop) if stats.readiness is not None else "—"


def title_width(titles: list[str], screen_width: int) -> int:
    """The Deck column's width: the longest title, or what is left beside the others (and,
    on a narrow terminal, beside the scroll bar the deck list may need)."""
    room = screen_width - 4 - other_columns_width(screen_width)
    if screen_width < NARROW:
        room -= 2
    return max(MIN_TITLE_WIDTH, min(max(map(len, titles), default=0), room))


def deck_row(stats: DeckStats, due: int, now: datetime, narrow: bool = False) -> tuple[Text, ...]:
    """The row of a deck (a title too long for its column wraps); `narrow`: no Seminar cell.
    `due` is what the deck's session would ask again now, as the title counts it (learning
    steps a few minutes ahead included), not only what is due this instant."""

    def number(value: int) -> Text:
        return Text(str(value), justify="right")

    title = Text(stats.deck.title, overflow="fold")
    counts = (number(stats.new), number(due), number(stats.learning + stats.review))
    if narrow:
        return (title, *counts, Text(ready_cell(stats)))
    return (title, *counts, Text(seminar_cell(stats, now)), Text(ready_cell(stats)))


def located_errors(broken: DeckFile, limit: int = 3) -> list[str]:
    """`decks/x.yaml:4:3: message` for the first errors of a deck file that did not load."""
    lines = [
        f"{shown_path(e.path)}:{e.line}:{e.column}: {e.message}" for e in broken.errors[:limit]
    ]
    if len(broken.errors) > limit:
        lines.append(
            f"  … and {len(broken.errors) - limit} more: briefquiz check {shown_path(broken.path)}"
        )
    return lines


def empty_message() -> str:
    return (
        "No decks yet.\n\n"
        f"Put deck files (*.yaml) in {user_decks_dir()} and start briefquiz again.\n"
        "`briefquiz schema` prints the deck format; `briefquiz check FILE` checks a deck."
    )


def home_title(decks: list[Deck], work: DueWork) -> str:
    """`briefquiz · 6 decks · a: 28 now (8 due, 20 new of 101)`: what `a` starts (`work`, by
    the session's own rules: the daily limit of new questions, learning steps just ahead)."""
    head = f"briefquiz · {plural(len(decks), 'deck')} · a: {work.total} now"
    return f"{head} ({work.due} due, {work.new} new of {work.new_left})"


class HomeScreen(Screen[None]):
    # The deck list takes the focus at once: focusing the scrolling body first (the first
    # focusable widget) and then moving it restyled the whole list twice at every start.
    # Without decks, `_show_decks` focuses the body, to scroll the errors shown.
    AUTO_FOCUS = "#decks"

    BINDINGS: ClassVar[list[BindingType]] = [
        # Help and Quit first: on a narrow terminal the footer drops its last keys.
        Binding("question_mark", "app.help", "Help"),
        Binding("q", "app.quit", "Quit"),
        Binding("a", "study_all", "Study all due"),
        Binding("c", "cram", "Cram"),
        Binding("s", "stats", "Stats"),
        Binding("r", "article", "Article"),
        Binding("p", "plan", "Plan"),
        Binding("m", "seminar", "Seminar"),
    ]

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.stats: dict[str, DeckStats] = {}
        self.work: dict[str, DueWork] = {}  # by deck: what its session would ask now
        self.title_width = 0
        self._detail_of: str | None = None  # the deck whose detail is shown
        self._counted: tuple[object, ...] | None = None  # `_counts_key` when last read

    @property
    def decks(self) -> list[Deck]:
        return self.context.library.decks

    @property
    def current_deck(self) -> Deck | None:
        decks = self.decks
        tables = self.query("#decks").results(DataTable)
        table = next(tables, None)  # none for a moment while the deck list is rebuilt
        if not decks or table is None:
            return None
        return decks[min(max(table.cursor_row, 0), len(decks) - 1)]

    def compose(self) -> ComposeResult:
        yield Static(id="home-title", markup=False)
        with VerticalScroll(id="home-body"):
            if self.decks:
                yield Static(id="text-line", markup=False)
                table: DataTable[Text] = DataTable(
                    id="decks", cursor_type="row", zebra_stripes=False
                )
                yield table
                yield Static(id="deck-detail", markup=False)
            else:
                yield Static(empty_message(), id="home-empty", markup=False)
            broken = self.context.library.broken
            if broken:
                yield Static(
                    f"Not loaded ({plural(len(broken), 'deck file')} with errors):",
                    classes="section-heading",
                )
                for deck_file in broken:
                    yield Static(
                        "\n".join(located_errors(deck_file)), classes="broken", markup=False
                    )
        yield Static(self._keys_line(), id="home-hint")
        yield KeyBar()

    def _keys_line(self) -> str:
        if not self.decks:
            return "?: help · q: quit"
        return NARROW_KEYS_LINE if self.app.size.width < NARROW else KEYS_LINE

    def on_mount(self) -> None:
        # The counts are read on resuming, which follows the mount: reading them here too
        # filled the table twice at every start.
        self._show_decks(count=False)

    def _show_decks(self, *, scroll_visible: bool = True, count: bool = True) -> None:
        if self.decks:
            if count:
                self.refresh_counts()
            self.query_one("#decks", DataTable).focus(scroll_visible=scroll_visible)
        else:
            self.query_one("#home-title", Static).update("briefquiz")
            self.query_one("#home-body", VerticalScroll).focus(scroll_visible=scroll_visible)

    async def library_changed(self, context: AppContext) -> None:
        """The library was read again (`context` holds the new one): rebuild the deck list
        and the errors shown."""
        chosen = self.current_deck
        scrolled = self.query_one("#home-body", VerticalScroll).scroll_y
        self.context = context
        self.stats, self.work = {}, {}
        await self.recompose()
        if self.is_attached and (not self.decks or self.query("#decks")):
            # No scroll to the focused table: it would animate over the scroll put back below.
            self._show_decks(scroll_visible=False)
            # The same deck stays chosen (found by id: its title may be what changed),
            # and the list where it was scrolled to.
            ids = [deck.id for deck in self.decks]
            if chosen is not None and chosen.id in ids:
                table = self.query_one("#decks", DataTable)
                table.move_cursor(row=ids.index(chosen.id), animate=False)
            body = self.query_one("#home-body", VerticalScroll)
            self.call_after_refresh(body.scroll_to, y=scrolled, animate=False)

    def on_screen_resume(self) -> None:
        # Back from the help, the article, the plan: the counts are read again only if the
        # store was written or the minute moved on since (they forecast every deck).
        if self.decks and self._counted != self._counts_key():
            self.refresh_counts()

    def _counts_key(self) -> tuple[object, ...]:
        now = self.context.clock.now().replace(second=0, microsecond=0)
        return self.context.store.version(), now

    def on_resize(self) -> None:
        if self.decks and self.stats:
            width = title_width([d.title for d in self.decks], self.app.size.width)
            if width != self.title_width:
                self.fill_table()
        self.query_one("#home-hint", Static).update(self._keys_line())
        if self.decks and self.stats:
            self._show_detail()

    def refresh_counts(self) -> None:
        """Read the counts again (after a session they have changed)."""
        context = self.context
        self._counted = self._counts_key()
        self.stats = {d.id: deck_stats(context.store, d, context.clock) for d in self.decks}
        self.work = {d.id: due_work(context.store, [d], context.clock) for d in self.decks}
        self.fill_table()
        title = home_title(self.decks, self._work_of(self.decks))
        self.query_one("#home-title", Static).update(title)
        self._show_detail()

    def fill_table(self) -> None:
        now = self.context.clock.now()
        table: DataTable[Text] = self.query_one("#decks", DataTable)
        cursor = table.cursor_row
        table.clear(columns=True)
        width = self.app.size.width
        narrow = width < NARROW
        self.title_width = title_width([d.title for d in self.decks], width)
        table.add_column("Deck", width=self.title_width)
        for label in columns(width):
            table.add_column(label)
        for deck in self.decks:
            wraps = len(deck.title) > self.title_width
            table.add_row(
                *deck_row(self.stats[deck.id], self.work[deck.id].due, now, narrow),
                key=deck.id,
                height=None if wraps else 1,
            )
        table.move_cursor(row=max(cursor, 0), animate=False)

    def _show_detail(self) -> None:
        deck = self.current_deck
        if deck is None:
            return
        self._detail_of = deck.id
        stats = self.stats.get(deck.id)
        facts = [f"id {deck.id}"]  # what the commands take: briefquiz study ID; first, to stay
        facts.append(plural(len(deck.questions), "question"))
        if stats is not None:
            facts.append(f"{stats.learning} learning, {stats.review} in review")
            work = self.work.get(deck.id)
            if work is not None and work.new < stats.new:  # the daily limit, or the pace
                facts.append(f"{work.new} of its {stats.new} new today")
        facts.append("bundled" if deck.bundled else shown_path(deck.path))
        lines = [" · ".join(facts)]
        if self.app.size.height >= SHORT:  # on a short terminal, the id stays in sight
            lines.append(deck.description or deck.title)
        if stats is not None and stats.readiness is not None and self.app.size.height >= SHORT:
            ready = stats.readiness
            lines.append(
                f"This deck at the seminar: recall {percent(ready.if_you_stop)} if you stop now,"
                f" {percent(ready.if_you_keep_up)} if you keep up"
            )
        self.query_one("#deck-detail", Static).update("\n".join(lines))
        self.query_one("#text-line", Static).update(self._text_line(deck))

    def _work_of(self, decks: list[Deck]) -> DueWork:
        """What a session on `decks` would ask, from the counts last read."""
        return added(self.work[d.id] for d in decks if d.id in self.work)

    def _text_line(self, deck: Deck) -> str:
        """The seminar of the deck's text, readiness across its decks, today's work."""
        decks = decks_of_text(deck, self.decks)
        store, clock = self.context.store, self.context.clock
        parts = [
            (len(d.questions), ready)
            for d in decks
            if (s := self.stats.get(d.id)) is not None and (ready := s.readiness) is not None
        ]
        title = deck.source.title if deck.source is not None else deck.title
        return text_line(
            title,
            len(decks),
            text_seminar(store, decks),
            combined_readiness(parts),
            self._work_of(decks),
            clock.now(),
            clock.tz,
        )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        # Filling the table highlights its rows one by one: a deck already shown is not read
        # again (what it shows changes only with the counts, which show it themselves).
        deck = self.current_deck
        if deck is not None and deck.id != self._detail_of:
            self._show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        deck = self.current_deck
        if deck is not None:
            self.post_message(StudyRequested((deck,)))

    def action_study_all(self) -> None:
        self.post_message(StudyRequested(()))

    def action_cram(self) -> None:
        deck = self.current_deck
        if deck is not None:
            self.post_message(StudyRequested((deck,), cram=True))

    def action_stats(self) -> None:
        self.post_message(StatsRequested(()))

    def action_article(self) -> None:
        deck = self.current_deck
        if deck is not None:
            self.post_message(ArticleRequested(deck))

    def action_plan(self) -> None:
        deck = self.current_deck
        if deck is not None:
            self.post_message(PlanRequested(deck))

    def action_seminar(self, deck: Deck | None = None) -> None:
        """Set, change or clear the seminar of the chosen deck's text, for all its decks."""
        from briefquiz.ui.tui.screens.seminar import SeminarChoice, SeminarScreen

        deck = deck if deck is not None else self.current_deck
        if deck is None:
            return
        decks = decks_of_text(deck, self.decks)
        store, clock = self.context.store, self.context.clock
        title = deck.source.title if deck.source is not None else deck.title

        def save(choice: SeminarChoice | None) -> None:
            if choice is None:
                return
            set_text_seminar(store, decks, choice.when)
            self.refresh_counts()
            said = "cleared" if choice.when is None else f"set for {local(choice.when, clock.tz)}"
            told = f"Seminar {said} · {plural(len(decks), 'deck')}"
            if choice.note:  # which of an hour the clocks show twice was taken
                told += f". {choice.note}."
            self.notify(told, title=title, markup=False, timeout=8 if choice.note else 4)

        self.app.push_screen(SeminarScreen(title, text_seminar(store, decks), clock), save)
