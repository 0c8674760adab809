"""The Textual app: navigation between the screens, the global keys, the command palette.

`create_app` is the one way to build it, for `briefquiz` and for the tests alike: they hand
in the store, the library and the clock (and a seeded `random.Random`, a non-fuzzing planner
and a fake monotonic clock for the time spent on each answer).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path, PurePath
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.timer import Timer

from briefquiz.clock import Clock
from briefquiz.deck.library import Library
from briefquiz.deck.model import AnyQuestion, Deck
from briefquiz.deck.texts import decks_of_text
from briefquiz.deck.watch import DeckWatcher, Reload
from briefquiz.progress.repository import Store
from briefquiz.schedule.planner import Planner
from briefquiz.study.due import due_work
from briefquiz.ui.tui.context import AppContext
from briefquiz.ui.tui.messages import (
    ArticleRequested,
    HomeRequested,
    PlanRequested,
    SessionEnded,
    StatsRequested,
    StudyRequested,
)
from briefquiz.ui.tui.screens.home import HomeScreen
from briefquiz.ui.tui.store_watch import StoreWatcher
from briefquiz.ui.wording.words import plural

QuizItems = list[tuple[Deck, AnyQuestion]]

#: The app's sheets: screen layout, one sheet per concern, read in this order. A reusable
#: widget's structural style is not here but in its own DEFAULT_CSS.
SHEETS = tuple(
    Path(__file__).parent / "styles" / f"{name}.tcss"
    for name in ("shared", "home", "study", "summary", "article", "stats", "plan", "help")
)

#: The help screen's name for each screen (its keys are listed first).
HELP_NAMES = {
    "HomeScreen": "home",
    "StudyScreen": "study",
    "SummaryScreen": "summary",
    "ArticleScreen": "article",
    "StatsScreen": "stats",
    "PlanScreen": "plan",
}


def decks_of(items: QuizItems) -> tuple[Deck, ...]:
    """The questions picked in the article, as decks holding just those questions."""
    chosen: dict[str, tuple[Deck, list[AnyQuestion]]] = {}
    for deck, question in items:
        chosen.setdefault(deck.id, (deck, []))[1].append(question)
    return tuple(replace(deck, questions=tuple(questions)) for deck, questions in chosen.values())


def nothing_due_message(context: AppContext, decks: Sequence[Deck]) -> str:
    """Why a session would be empty: the daily limit of new questions, or nothing is due."""
    work = due_work(context.store, decks, context.clock)
    names = decks[0].title if len(decks) == 1 else "any deck"
    if work.new_left:
        deck = decks[0].id if len(decks) == 1 else "DECK"
        return (
            f"Daily limit of new questions reached: {work.new_left} new left in {names}. "
            f"Raise it with `briefquiz config {deck} --new-per-day N`, "
            "or c crams (the schedule is left alone)."
        )
    return f"Nothing is due in {names} right now. c crams a deck anyway."


class BriefquizApp(App[None]):
    CSS_PATH: ClassVar[list[str | PurePath]] = list(SHEETS)
    TITLE = "briefquiz"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(
        self,
        context: AppContext,
        *,
        decks: Sequence[Deck] = (),
        cram: bool = False,
        limit: int | None = None,
        watch_interval: float | None = None,
        notices: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self.context = context
        self.notices = tuple(notices)  # shown once the first screen is up
        self.start_decks = tuple(decks)
        self.start_cram = cram
        self.start_limit = limit
        self.watch_interval = watch_interval
        self.watcher: DeckWatcher | None = None
        self.watch_timer: Timer | None = None
        self.store_watcher: StoreWatcher | None = None

    def on_mount(self) -> None:
        self.restore_theme()
        self.push_screen(HomeScreen(self.context))
        if self.start_decks:
            self.start_session(self.start_decks, cram=self.start_cram, limit=self.start_limit)
        for notice in self.notices:
            self.notify(notice, title="Seminar", timeout=15)
        if self.watch_interval is not None:
            self.watcher = DeckWatcher(self.context.library)
            self.watch_timer = self.set_interval(self.watch_interval, self.check_decks)
            self.store_watcher = StoreWatcher(self.context.store.path)
            self.store_watcher.changed()  # the mark to compare with
            self.set_interval(self.watch_interval, self.check_store)

    async def check_store(self) -> None:
        """On the watch timer: another process wrote progress (a seminar set in another
        shell): the home and stats screens read their numbers again."""
        from briefquiz.ui.tui.screens.stats import StatsScreen

        if self.store_watcher is None or not self.store_watcher.changed():
            return
        # Only the screen in view: one under another reads its numbers when it shows again
        # (its resume). Under a session every answer is a change, and the counts of every
        # deck (readiness forecasts) took seconds after each answer.
        screen = self.screen
        if isinstance(screen, HomeScreen) and screen.is_mounted and screen.decks:
            screen.refresh_counts()
        elif isinstance(screen, StatsScreen) and screen.is_mounted:
            await screen.refresh_stats()

    def on_unmount(self) -> None:
        if self.store_watcher is not None:
            self.store_watcher.close()

    def restore_theme(self) -> None:
        """The theme chosen last time (palette or ctrl+t), and remember the next choice."""
        from briefquiz.ui.tui.preferences import load_theme, preferences_path, save_theme

        path = preferences_path()
        theme = load_theme(path)
        if theme is not None and theme in self.available_themes:
            self.theme = theme

        saved = [theme]

        def remember(chosen: object) -> None:
            if self.theme != saved[-1]:
                save_theme(path, self.theme)
                saved.append(self.theme)

        self.theme_changed_signal.subscribe(self, remember)

    async def check_decks(self) -> None:
        """On the watch timer: if deck files or their source texts changed, show them again."""
        if self.watcher is not None and (change := self.watcher.poll(self.context.library)):
            await self.reload_decks(change)

    async def reload_decks(self, change: Reload) -> None:
        """The library was read again: hand it to the screens and say what changed.

        A session under way keeps the questions it started with; the home screen shows the
        new decks, and a deck that became invalid its located errors instead of vanishing.
        """
        library = change.library
        self.context = replace(self.context, library=library)
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                await screen.library_changed(self.context)
        for path in sorted(change.paths):
            deck_file = library.file_for(path)
            if deck_file is None:
                self.notify(f"{path.name} is gone.", title="Decks reloaded")
            elif deck_file.errors:
                first = deck_file.errors[0]
                self.notify(
                    f"{path.name}:{first.line}:{first.column}: {first.message}",
                    title=f"{path.name} has {len(deck_file.errors)} error(s)",
                    severity="error",
                )
            else:
                self.notify(f"{path.name} reloaded.", title="Decks reloaded")

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error: a log file and one line, never a traceback of deck content."""
        from rich.text import Text

        from briefquiz.ui.tui.crashlog import crash_message, write_crash_log

        self._return_code = 1
        if self._exception is None:  # what Textual does, so that Pilot re-raises it
            self._exception = error
            self._exception_event.set()
        self.panic(Text(crash_message(error, write_crash_log(error))))

    # -- navigation --------------------------------------------------------------------
    @property
    def current_deck(self) -> Deck | None:
        """The deck the screen on top is about (for commands that need one)."""
        deck = getattr(self.screen, "current_deck", None)
        if isinstance(deck, Deck):
            return deck
        decks = self.context.library.decks
        return decks[0] if decks else None

    def start_session(
        self,
        decks: Sequence[Deck],
        *,
        cram: bool = False,
        limit: int | None = None,
        ahead: bool = False,
    ) -> None:
        if not decks:
            self.notify("There are no decks to study.", severity="warning")
            return
        session = self.context.session(decks, cram=cram, limit=limit, ahead=ahead)
        if session.finished:
            self.notify(nothing_due_message(self.context, decks), title="Nothing to study")
            return
        from briefquiz.ui.tui.screens.study import StudyScreen  # not needed for the first frame

        self.stop_running_session()
        self.go_home()
        self.push_screen(StudyScreen(session, self.context))

    def stop_running_session(self) -> None:
        """One session at a time: a session started while another is on the stack (a quiz
        from the article opened mid-session) stops the first; its answers are saved."""
        from briefquiz.ui.tui.screens.study import StudyScreen

        for screen in self.screen_stack:
            if isinstance(screen, StudyScreen) and not screen.session.finished:
                done = screen.session.done
                screen.session.stop()
                self.notify(
                    f"The session before stopped after {plural(done, 'answer')}; "
                    "every answer is saved.",
                    title="One session at a time",
                )

    def go_home(self) -> None:
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()

    def on_study_requested(self, message: StudyRequested) -> None:
        decks = message.decks or tuple(self.context.library.decks)
        self.start_session(decks, cram=message.cram)

    def on_session_ended(self, message: SessionEnded) -> None:
        from briefquiz.ui.tui.screens.study import StudyScreen
        from briefquiz.ui.tui.screens.summary import SummaryScreen

        if isinstance(self.screen, StudyScreen):
            summary = SummaryScreen(message.summary, self.context, left=message.left)
            self.switch_screen(summary)

    def on_home_requested(self, message: HomeRequested) -> None:
        self.go_home()

    def on_stats_requested(self, message: StatsRequested) -> None:
        from briefquiz.ui.tui.screens.stats import StatsScreen

        if isinstance(self.screen, StatsScreen):
            return
        decks = message.decks or tuple(self.context.library.decks)
        self.push_screen(StatsScreen(self.context.store, decks, self.context.clock))

    def on_article_requested(self, message: ArticleRequested) -> None:
        from briefquiz.schedule.passage_recall import question_recalls, recall_moment
        from briefquiz.ui.tui.screens.article import ArticleScreen, WeakestPassages

        decks = decks_of_text(message.deck, self.context.library.decks)

        def quiz(chosen: QuizItems | WeakestPassages | None) -> None:
            if isinstance(chosen, WeakestPassages):  # real reviews: the schedule moves
                self.start_session(decks_of(chosen.items), ahead=True)
            elif chosen:
                self.start_session(decks_of(chosen), cram=True)

        store, clock = self.context.store, self.context.clock
        moment = recall_moment(store, decks, clock)
        recalls = question_recalls(store, decks, moment.at)
        article = ArticleScreen(decks, message.quote, recalls=recalls, moment=moment)
        self.push_screen(article, quiz)

    def on_plan_requested(self, message: PlanRequested) -> None:
        from briefquiz.ui.tui.screens.plan import PlanScreen

        if isinstance(self.screen, PlanScreen):
            return
        deck = message.deck
        decks = decks_of_text(deck, self.context.library.decks)
        title = deck.source.title if deck.source is not None else deck.title
        self.push_screen(PlanScreen(self.context.store, decks, self.context.clock, title))

    # -- actions and the command palette ----------------------------------------------
    def action_help(self) -> None:
        try:
            from briefquiz.ui.tui.screens.help import HelpScreen
        except ImportError:
            self.notify("Help is not available in this build.", severity="warning")
            return
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(HELP_NAMES.get(type(self.screen).__name__)))

    def action_study_all(self) -> None:
        self.go_home()
        self.start_session(self.context.library.decks)

    def action_cram(self) -> None:
        deck = self.current_deck
        if deck is not None:
            self.start_session((deck,), cram=True)

    def action_seminar(self) -> None:
        deck = self.current_deck
        self.go_home()
        home = self.screen
        if isinstance(home, HomeScreen):
            home.action_seminar(deck)

    def action_stats(self) -> None:
        self.post_message(StatsRequested(()))

    def action_article(self) -> None:
        deck = self.current_deck
        if deck is None:
            self.notify("There is no deck to read.", severity="warning")
            return
        self.post_message(ArticleRequested(deck))

    def action_plan(self) -> None:
        deck = self.current_deck
        if deck is None:
            self.notify("There is no deck to plan for.", severity="warning")
            return
        self.post_message(PlanRequested(deck))

    def action_toggle_dark(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from briefquiz.ui.tui.palette import PALETTE

        for title, help_text, action in PALETTE:
            yield SystemCommand(title, help_text, getattr(self, f"action_{action}"))
        yield from super().get_system_commands(screen)


def create_app(
    *,
    store: Store,
    library: Library,
    clock: Clock,
    decks: Sequence[Deck] = (),
    cram: bool = False,
    limit: int | None = None,
    rng: random.Random | None = None,
    planner: Planner | None = None,
    monotonic: Callable[[], float] | None = None,
    watch_interval: float | None = None,
    notices: Sequence[str] = (),
) -> BriefquizApp:
    """`watch_interval` (seconds): reload deck files that change on disk; None: never."""
    context = AppContext(
        store=store,
        library=library,
        clock=clock,
        rng=rng if rng is not None else random.Random(),
        planner=planner,
        monotonic=monotonic if monotonic is not None else time.monotonic,
    )
    return BriefquizApp(
        context,
        decks=decks,
        cram=cram,
        limit=limit,
        watch_interval=watch_interval,
        notices=notices,
    )
