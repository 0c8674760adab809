"""The plan of a text's seminar, day by day: what `briefquiz plan` prints, for all the decks
of the text together (the core's `schedule.text_plan`), then each deck's part."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from briefquiz.clock import Clock
from briefquiz.deck.model import Deck
from briefquiz.progress.repository import Store
from briefquiz.schedule.text_plan import TextPlan, text_plan
from briefquiz.text.timefmt import countdown, short_moment
from briefquiz.ui.tui.widgets.footer import KeyBar
from briefquiz.ui.wording.plan import day_table, deck_words, outlook_lines
from briefquiz.ui.wording.words import plural


class PlanScreen(Screen[None]):
    """The day-by-day plan up to the seminar of `decks` (the decks of one text)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "app.help", "Help"),
        Binding("escape,q", "back", "Back"),
    ]

    def __init__(self, store: Store, decks: Sequence[Deck], clock: Clock, title: str) -> None:
        super().__init__()
        self.decks = tuple(decks)
        self.clock = clock
        self.text_title = title
        self.plan: TextPlan | None = text_plan(store, self.decks, clock)

    def compose(self) -> ComposeResult:
        yield Static(f"Plan · {self.text_title}", id="plan-title", markup=False)
        with VerticalScroll(id="plan-body"):
            if self.plan is None:
                yield Static(self._no_plan(), id="plan-empty", markup=False)
            else:
                yield Static(self._head(self.plan), id="plan-head", markup=False)
                yield Static(self._table(self.plan), id="plan-days", markup=False)
                yield Static(self._outlook(self.plan), id="plan-outlook", markup=False)
                if len(self.plan.plans) > 1:
                    yield Static("By deck", classes="plan--heading", markup=False)
                    yield Static(
                        "\n".join(deck_words(p) for p in self.plan.plans),
                        id="plan-decks",
                        markup=False,
                    )
        yield KeyBar()

    def _no_plan(self) -> str:
        return (
            "No seminar ahead for this text. Press m on the home screen to set one; "
            "the plan then shows each day up to it: new questions, reviews, the final pass "
            "and the minutes they take."
        )

    def _head(self, plan: TextPlan) -> str:
        now, tz = self.clock.now(), self.clock.tz
        questions = sum(len(p.deck.questions) for p in plan.plans)
        decks = f"{plural(len(plan.plans), 'deck')}, " if len(plan.plans) > 1 else ""
        return (
            f"Seminar {countdown(plan.seminar_at, now)} ({short_moment(plan.seminar_at, tz)})"
            f" · {decks}{plural(questions, 'question')}"
        )

    def _table(self, plan: TextPlan) -> str:
        return "\n".join(day_table(plan))

    def _outlook(self, plan: TextPlan) -> str:
        return "\n".join(outlook_lines(plan))

    def action_back(self) -> None:
        self.dismiss(None)
