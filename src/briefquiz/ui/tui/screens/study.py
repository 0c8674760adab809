"""One question at a time: the prompt, the widget for its type, then the feedback panel.

The screen is the only place that talks to the `Session`: widgets post what the learner did,
the screen calls `answer` / `rerate` / `advance` and hands the result back down.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, ProgressBar, Static

from briefquiz.deck.model import Deck
from briefquiz.progress.database import StoreError
from briefquiz.study.queue import QueueItem
from briefquiz.study.reports import Feedback
from briefquiz.study.session import Session
from briefquiz.ui.tui.context import AppContext
from briefquiz.ui.tui.messages import ArticleRequested, HomeRequested, SessionEnded
from briefquiz.ui.tui.screens.confirm import STOP_QUESTION, UNSENT_NOTE, ConfirmScreen
from briefquiz.ui.tui.widgets.answer import AnswerWidget
from briefquiz.ui.tui.widgets.feedback import FeedbackPanel
from briefquiz.ui.tui.widgets.footer import KeyBar
from briefquiz.ui.tui.widgets.questions import answer_widget
from briefquiz.ui.tui.widgets.verdict import verdict
from briefquiz.ui.wording.kinds import kind_name
from briefquiz.ui.wording.marks import OVERRIDE_KEY
from briefquiz.ui.wording.words import plural


def feedback_hint(
    said: str, *, quote: bool, cram: bool, more: bool = False, override: bool = False
) -> str:
    """The bar under the scrolling body: the verdict and the keys stay in sight."""
    parts = [said, "Enter: next"]
    if not cram:
        parts.append("1-4: rating")
    if override:
        parts.append(f"{OVERRIDE_KEY}: I was right")
    if quote:
        parts.append("o: article")
    if more:
        parts.append("↓ PgDn: more")
    return " · ".join(parts)


def header_title(deck: str, kind: str, room: int) -> str:
    """`The argument · multiple choice` in `room` cells: a long deck title is cut (`Predict…
    · multiple choice`), or left out, before the kind, which says which keys answer."""
    whole = f"{deck} · {kind}"
    if len(whole) <= room:
        return whole
    keep = room - len(kind) - 4  # " · " and the ellipsis
    if keep < 4:
        return kind  # no room for a readable part of the title: the kind alone
    return f"{deck[:keep].rstrip()}… · {kind}"


def count_line(session: Session) -> str:
    """`3 done · 12 to go (2 repeats)`: of those to go, the re-asks known now. "Repeat", not
    "again": a right answer on a learning step comes back too, and "+1 again" read as a miss."""
    line = f"{session.done} done · {session.to_go} to go"
    again = session.again
    return f"{line} ({plural(again, 'repeat')})" if again else line


class StudyScreen(Screen[None]):
    # No focus on the first focusable widget (the study body, which holds everything) on the
    # way to the question's input, which `show_question` focuses.
    AUTO_FOCUS = ""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "stop", "Stop"),
        Binding("q", "quit_session", "Quit"),  # in a text input, q is a letter
    ]

    def __init__(self, session: Session, context: AppContext) -> None:
        super().__init__()
        self.session = session
        self.context = context
        self.started = 0.0

    @property
    def current_deck(self) -> Deck | None:
        item = self.session.current
        return item.deck if item is not None else None

    def compose(self) -> ComposeResult:
        with Horizontal(id="study-top"):
            yield Static(id="study-title", markup=False)
            yield Static(id="study-count", markup=False)
        yield ProgressBar(id="study-progress", show_eta=False, show_percentage=False)
        with VerticalScroll(id="study-body"):
            yield Static(id="prompt", markup=False)
            yield Vertical(id="study-slot")
        yield Static(id="study-hint", markup=False)
        yield KeyBar()

    async def on_mount(self) -> None:
        await self.show_question()

    # -- the header --------------------------------------------------------------------
    def _show_progress(self, item: QueueItem) -> None:
        session = self.session
        total = session.done + session.to_go
        kind = kind_name(item.question.type) + (" · cram" if session.cram else "")
        count = count_line(session)
        room = self.app.size.width - 2 - (len(count) + 2)  # the bar's padding, the count's
        self.query_one("#study-title", Static).update(header_title(item.deck.title, kind, room))
        # Not "n of total": questions answered wrong come back, so the total grows; the
        # count says how many of those still to go are such re-asks.
        self.query_one("#study-count", Static).update(count)
        self.query_one("#study-progress", ProgressBar).update(
            total=max(total, 1), progress=session.done
        )

    def on_resize(self) -> None:
        item = self.session.current
        if item is not None and self.is_mounted:
            self._show_progress(item)

    def _set_hint(self, hint: str) -> None:
        self.query_one("#study-hint", Static).update(hint)

    # -- the flow ----------------------------------------------------------------------
    async def show_question(self) -> None:
        item = self.session.current
        if item is None:
            self.post_message(SessionEnded(self.session.summary()))
            return
        widget = answer_widget(item)
        with self.app.batch_update():  # one layout and one frame for the whole swap
            self.show_prompt(item)
            slot = await self._emptied_slot()
            await slot.mount(widget)
            self.watch(widget, "hint", self._set_hint)
            widget.focus_input()
            self.query_one("#study-body", VerticalScroll).scroll_home(animate=False)
        self.started = self.context.monotonic()

    def show_prompt(self, item: QueueItem) -> None:
        """The header and the prompt of `item`, above the slot."""
        self._show_progress(item)
        self.query_one("#prompt", Static).update(item.question.prompt)

    async def _emptied_slot(self) -> Vertical:
        """The slot, its widget removed. The focus is dropped first: removing the focused
        widget would hand the focus to the study body, and restyle all of it twice, on the
        way to the widget mounted next."""
        self.set_focus(None)
        slot = self.query_one("#study-slot", Vertical)
        await slot.remove_children()
        return slot

    async def on_answer_widget_submitted(self, message: AnswerWidget.Submitted) -> None:
        message.stop()
        session = self.session
        if session.current is None or session.feedback is not None:
            return
        elapsed_ms = int((self.context.monotonic() - self.started) * 1000)
        try:
            feedback = session.answer(message.answer, elapsed_ms)
        except StoreError as err:
            self.notify_not_saved(err)
            return
        await self.show_feedback(feedback)

    async def show_feedback(self, feedback: Feedback) -> None:
        """The feedback on the answer just saved, in place of the question's input."""
        location = self.session.passage(feedback.item)
        panel = FeedbackPanel(feedback, location, self.context.clock)
        with self.app.batch_update():
            slot = await self._emptied_slot()
            await slot.mount(panel)
            panel.focus(scroll_visible=False)
            self._show_progress(feedback.item)
            self._set_feedback_hint()

    def _set_feedback_hint(self) -> None:
        feedback = self.session.feedback
        if feedback is None:
            return
        said = verdict(feedback).removesuffix(" · answer saved")  # the body says it
        quote = self.session.passage(feedback.item) is not None

        def hint() -> None:
            if self.session.feedback is not feedback:
                return
            more = self.query_one("#study-body", VerticalScroll).max_scroll_y > 0
            self._set_hint(
                feedback_hint(
                    said,
                    quote=quote,
                    cram=self.session.cram,
                    more=more,
                    override=feedback.can_override,
                )
            )

        hint()
        self.call_after_refresh(hint)

    def on_feedback_panel_rerate(self, message: FeedbackPanel.Rerate) -> None:
        message.stop()
        if self.session.feedback is None:
            return
        try:
            feedback = self.session.rerate(message.rating)
        except StoreError as err:
            self.notify_not_saved(err)
            return
        self.query_one(FeedbackPanel).feedback = feedback

    def on_feedback_panel_override(self, message: FeedbackPanel.Override) -> None:
        message.stop()
        feedback = self.session.feedback
        if feedback is None or not feedback.can_override:
            return
        try:
            feedback = self.session.override()
        except StoreError as err:
            self.notify_not_saved(err)
            return
        self.query_one(FeedbackPanel).feedback = feedback
        self._set_feedback_hint()

    def notify_not_saved(self, err: StoreError) -> None:
        """Nothing was written; the learner can try again (Enter) once the cause is gone."""
        self.notify(f"{err} Nothing was saved; try again.", title="Not saved", severity="error")

    async def on_feedback_panel_next(self, message: FeedbackPanel.Next) -> None:
        message.stop()
        if self.session.feedback is None:
            return
        self.session.advance()
        await self.show_question()

    def on_feedback_panel_open_article(self, message: FeedbackPanel.OpenArticle) -> None:
        message.stop()
        feedback = self.session.feedback
        if feedback is not None:
            self.post_message(ArticleRequested(feedback.item.deck, feedback.item.question.quote))

    def action_stop(self) -> None:
        """Escape: asks before stopping. What is typed stays (Ctrl+U empties a text box):
        Escape emptied it once, and a student reaching for "stop" lost a long answer."""

        def stop(yes: bool | None) -> None:
            if yes:
                self.stop_session()

        field = self.focused
        typed = isinstance(field, Input) and bool(field.value.strip())
        question = STOP_QUESTION + (UNSENT_NOTE if typed else "")
        self.app.push_screen(ConfirmScreen(question), stop)

    def action_quit_session(self) -> None:
        """q outside a text input: asks, then stops the session and leaves the app."""

        def leave(yes: bool | None) -> None:
            if yes:
                self.session.stop()
                self.app.exit()

        self.app.push_screen(ConfirmScreen(), leave)

    def stop_session(self) -> None:
        """End the session here; everything answered is already saved."""
        session = self.session
        left = session.remaining
        session.stop()
        if session.done:
            self.post_message(SessionEnded(session.summary(), left=left))
        else:
            self.post_message(HomeRequested())
