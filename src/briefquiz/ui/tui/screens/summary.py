"""The end of a session: how it went, what was missed (each opens its passage), what is next."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from briefquiz.deck.model import Deck
from briefquiz.study.answer_text import expected_text
from briefquiz.study.grading import Outcome
from briefquiz.study.reports import DeckOutlook, Feedback, Summary
from briefquiz.text.timefmt import relative
from briefquiz.ui.tui.context import AppContext
from briefquiz.ui.tui.messages import ArticleRequested, HomeRequested
from briefquiz.ui.tui.widgets.footer import KeyBar
from briefquiz.ui.tui.widgets.keys import digit_key
from briefquiz.ui.tui.widgets.rows import RowList
from briefquiz.ui.wording.marks import MARKS
from briefquiz.ui.wording.totals import next_due_line, readiness_change, session_totals
from briefquiz.ui.wording.words import plural


def missed_once(summary: Summary) -> list[Feedback]:
    """Each missed question once (a question missed twice in a session is listed once)."""
    seen: set[tuple[str, str]] = set()
    missed = []
    for feedback in summary.missed:
        key = (feedback.item.deck.id, feedback.item.question.id)
        if key not in seen:
            seen.add(key)
            missed.append(feedback)
    return missed


def totals_line(summary: Summary) -> str:
    """`Answered 12 · right 8 of 11 · partly right 1 · time 3 min`."""
    first, *rest = session_totals(summary)
    return " · ".join([first[:1].upper() + first[1:], *rest])


def missed_line(feedback: Feedback) -> str:
    question = feedback.item.question
    mark = MARKS[feedback.outcome]
    if feedback.outcome is Outcome.SELF_GRADED:
        mark = "✗ Again"
    return f"{mark}: {question.prompt}\n  Answer: {expected_text(question)}"


def outlook_line(outlook: DeckOutlook, context: AppContext) -> str:
    now = context.clock.now()
    # A paragraph quiz asks some questions of a deck: its counts are of those, and say so.
    whole = context.library.find(outlook.deck.id)
    asked = len(outlook.deck.questions)
    part = whole is not None and asked < len(whole.questions)
    these = plural(asked, "question") + " of this quiz"
    parts = [f"{outlook.deck.title} ({these})" if part else outlook.deck.title]
    if outlook.due_within_day:
        parts.append(f"{outlook.due_within_day} due within a day")
    if outlook.next_due is not None:
        parts.append(f"next {relative(outlook.next_due, now)}")
    after = outlook.readiness_after
    if after is not None:
        change = readiness_change(outlook.readiness_before, after)
        parts.append(f"seminar {relative(after.seminar_at, now)}: {change}")
    if len(parts) == 1:  # nothing scheduled: no question of the deck studied yet
        parts.append("none of them studied yet" if part else "none of its questions studied yet")
    return " · ".join(parts)


class SummaryScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,h", "home", "Home"),
    ]

    def __init__(self, summary: Summary, context: AppContext, *, left: int = 0) -> None:
        super().__init__()
        self.summary = summary
        self.context = context
        self.left = left
        self.missed = missed_once(summary)

    @property
    def current_deck(self) -> Deck | None:
        return self.summary.decks[0].deck if self.summary.decks else None

    def compose(self) -> ComposeResult:
        summary = self.summary
        now = self.context.clock.now()
        title = f"Session stopped · {self.left} left for later" if self.left else "Session done"
        if summary.cram:
            title += " · cram: schedules unchanged"
        yield Static(title, id="summary-title", markup=False)
        with VerticalScroll(id="summary-body"):
            yield Static(totals_line(summary), id="summary-totals", markup=False)
            yield Static("Every answer is saved.", classes="saved-note")
            if summary.next_due is not None:
                line = next_due_line(summary.next_due, now, self.context.clock.tz)
                yield Static(line, id="summary-next", markup=False)
            for outlook in summary.decks:
                yield Static(outlook_line(outlook, self.context), classes="outlook", markup=False)
            if self.missed:
                yield Static(
                    "Missed: Enter (or its number) opens the question's passage in the article",
                    classes="section-heading",
                )
                yield RowList(
                    [(digit_key(i), missed_line(f)) for i, f in enumerate(self.missed)],
                    id="missed",
                )
            elif summary.answered:
                yield Static("Nothing missed.", classes="section-heading")
        yield Static("h or Esc: home · q: quit", id="summary-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        if self.missed:
            self.query_one("#missed", RowList).focus(scroll_visible=False)

    def on_row_list_activated(self, message: RowList.Activated) -> None:
        message.stop()
        item = self.missed[message.index].item
        if not item.question.quote:
            self.notify("This question quotes nothing in the article.", severity="warning")
            return
        self.post_message(ArticleRequested(item.deck, item.question.quote))

    def action_home(self) -> None:
        self.post_message(HomeRequested())
