"""The panel that replaces a question's input once it is answered (and saved).

It says right / partly right / wrong with a mark, what was expected and what was given, the
explanation, and the quote inside its paragraph. Keys 1-4 ask to change the rating, `!` to
count a wrong or partly right answer right ("I was right"), Enter to go on, `o` to open the
article at the quote: the panel only posts messages; the study screen talks to the session
and hands the new `Feedback` back down.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from fsrs import Rating
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, ScrollableContainer, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from briefquiz.clock import Clock
from briefquiz.deck.model import Cloze, Flashcard, Match, Multi, Order, QuestionType, Typed
from briefquiz.deck.sourcetext import QuoteLocation
from briefquiz.study.answer_text import describe_answer, expected_text
from briefquiz.study.grading import Outcome
from briefquiz.study.reports import Feedback
from briefquiz.ui.tui.widgets.button_row import ButtonRow, RowButton
from briefquiz.ui.tui.widgets.discussion import discussion_passages
from briefquiz.ui.tui.widgets.passage import Passage, caption
from briefquiz.ui.tui.widgets.verdict import OUTCOME_CLASSES, part_line, rating_line, verdict
from briefquiz.ui.wording.marks import RATING_NAMES, accepted_note

PARTS_HEADING = {
    QuestionType.ORDER: "Your order, place by place:",
    QuestionType.MATCH: "Your pairs:",
}


class FeedbackPanel(Vertical, can_focus=True):
    DEFAULT_CSS = """
    FeedbackPanel {
        height: auto;
    }

    FeedbackPanel #verdict-row {
        height: auto;
    }

    FeedbackPanel #verdict {
        width: auto;
        margin-right: 2;
        text-style: bold;
    }

    FeedbackPanel.-right #verdict {
        color: $success;
    }

    FeedbackPanel.-partial #verdict {
        color: $warning;
    }

    FeedbackPanel.-wrong #verdict {
        color: $error;
    }

    FeedbackPanel #rating {
        width: 1fr;
        color: $text-muted;
    }

    FeedbackPanel.-stacked #verdict-row {
        layout: vertical;
    }

    FeedbackPanel.-stacked #verdict {
        margin-right: 0;
    }

    FeedbackPanel .expected {
        margin-top: 1;
    }

    FeedbackPanel .part {
        padding-left: 2;
    }

    FeedbackPanel .part.-wrong {
        color: $error;
    }

    FeedbackPanel .explanation {
        margin-top: 1;
    }

    FeedbackPanel .passage-heading {
        margin-top: 1;
        color: $text-muted;
    }

    FeedbackPanel .chosen-paragraph {
        padding-left: 2;
        border-left: solid $error;
    }

    FeedbackPanel Passage {
        padding-left: 2;
        border-left: solid $accent;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(str(int(rating)), f"rerate({int(rating)})", name, show=False)
            for rating, name in RATING_NAMES.items()
        ),
        Binding("exclamation_mark", "override", "I was right", show=False),
        Binding("enter", "next", "Next", show=False),
        Binding("o", "article", "Article", show=False),
        Binding("down,j", "scroll('down')", "Scroll down", show=False),
        Binding("up,k", "scroll('up')", "Scroll up", show=False),
        Binding("pagedown", "scroll('page_down')", "Page down", show=False),
        Binding("pageup", "scroll('page_up')", "Page up", show=False),
        Binding("end", "scroll('end')", "End", show=False),
        Binding("home", "scroll('home')", "Top", show=False),
    ]

    feedback: reactive[Feedback | None] = reactive(None, init=False)

    @dataclass
    class Rerate(Message):
        rating: Rating

    @dataclass
    class Override(Message):
        pass

    @dataclass
    class Next(Message):
        pass

    @dataclass
    class OpenArticle(Message):
        pass

    def __init__(self, feedback: Feedback, location: QuoteLocation | None, clock: Clock) -> None:
        super().__init__(id="feedback", classes=OUTCOME_CLASSES[feedback.outcome])
        self.set_reactive(FeedbackPanel.feedback, feedback)
        self.location = location
        self.clock = clock

    @property
    def cram(self) -> bool:
        """A cram answer leaves the schedule alone: there is no rating to change."""
        return self.current.card_after is None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "override":
            return self.current.can_override
        return not (action == "rerate" and self.cram)

    @property
    def current(self) -> Feedback:
        assert self.feedback is not None
        return self.feedback

    def compose(self) -> ComposeResult:
        feedback = self.current
        question = feedback.item.question
        with Horizontal(id="verdict-row"):  # one line for both: the quote needs the room
            yield Static(verdict(feedback), id="verdict", markup=False)
            yield Static(rating_line(feedback, self.clock.now()), id="rating", markup=False)
        yield ButtonRow(self._buttons(), id="rating-buttons")
        # The expected answer, then the quote, then the part-by-part list and the
        # explanation: at 80x24 the quote shows without scrolling however long the list.
        by_parts = feedback.outcome in (Outcome.WRONG, Outcome.PARTIAL) and bool(
            feedback.grade.parts
        )
        if isinstance(question, Flashcard):  # its back was shown before the rating
            yield from self._source()
        if not (by_parts and isinstance(question, Order | Match)):
            # An order or a match shows the expected answer part by part instead.
            yield Static(f"Answer: {expected_text(question)}", classes="expected", markup=False)
        if not isinstance(question, Flashcard):
            yield from self._source()
        yield from self._given(by_parts)
        if question.explanation:
            yield Static(question.explanation, classes="explanation", markup=False)

    def _buttons(self) -> list[RowButton]:
        buttons = [
            RowButton(f"rate-{int(rating)}", f"{int(rating)} {name}")
            for rating, name in RATING_NAMES.items()
            if not self.cram
        ]
        buttons.append(RowButton("next", "Next ⏎"))
        if self.location is not None:
            buttons.append(RowButton("article", "Article (o)"))
        return buttons

    def _source(self) -> ComposeResult:
        """The quote in its sentences of the article, captioned; or the bare quote. An evidence
        or explain question shows its own passages (the chosen and the right paragraph, or
        each point's quote)."""
        question = self.current.item.question
        if (passages := discussion_passages(self.current)) is not None:
            yield from passages
        elif self.location is not None:
            where = caption(self.location.paragraph)
            yield Static(f"From the article, {where}:", classes="passage-heading", markup=False)
            yield Passage(self.location, brief=True)
        elif question.quote:
            yield Static(f"Source: “{question.quote}”", classes="quote", markup=False)

    def _given(self, by_parts: bool) -> ComposeResult:
        """What the learner gave: part by part when judged so, else in one line."""
        feedback = self.current
        question = feedback.item.question
        if by_parts:
            if isinstance(question, Order | Match):
                yield Static(PARTS_HEADING[question.type], classes="expected", markup=False)
            for part in feedback.grade.parts:
                if part.correct and isinstance(question, Multi):
                    continue  # the answer line names them; the mistakes are news
                classes = "part -right" if part.correct else "part -wrong"
                yield Static(part_line(question, part), classes=classes, markup=False)
        elif feedback.outcome in (Outcome.WRONG, Outcome.PARTIAL):
            given = describe_answer(question, feedback.answer)
            yield Static(f"You said: {given}", classes="given", markup=False)
        elif isinstance(question, Typed | Cloze) and feedback.outcome is Outcome.RIGHT:
            given = describe_answer(question, feedback.answer)
            if given != expected_text(question):  # say what the lenient match accepted
                note = accepted_note(feedback.grade.reasons)
                yield Static(f"You said: {given} ({note})", classes="given", markup=False)

    def on_mount(self) -> None:
        self._mark_rating(self.current)

    def on_resize(self) -> None:
        self._fit_verdict_row()

    def _fit_verdict_row(self) -> None:
        """The rating line goes under the verdict where it would wrap beside it: at 60x20
        `~ Partly right (2 of 3) · answer saved` left it 20 cells, one word a line."""
        width = self.content_size.width
        if width:
            # One cell a character (the marks included), and the verdict's right margin.
            beside = width - len(verdict(self.current)) - 2
            self.set_class(beside < len(rating_line(self.current, self.clock.now())), "-stacked")

    def watch_feedback(self, feedback: Feedback | None) -> None:
        if feedback is None or not self.is_mounted:
            return
        self.query_one("#verdict", Static).update(verdict(feedback))
        self.query_one("#rating", Static).update(rating_line(feedback, self.clock.now()))
        self.remove_class(*OUTCOME_CLASSES.values())
        self.add_class(OUTCOME_CLASSES[feedback.outcome])
        self._mark_rating(feedback)
        self._fit_verdict_row()

    def _mark_rating(self, feedback: Feedback) -> None:
        if self.cram:
            return
        self.query_one(ButtonRow).current = f"rate-{int(feedback.rating)}"

    def action_scroll(self, how: str) -> None:
        """Scroll what holds the panel (the study body): a long feedback stays readable."""
        body = next((w for w in self.ancestors if isinstance(w, ScrollableContainer)), None)
        if body is None:
            return
        match how:
            case "down":
                body.scroll_down(animate=False)
            case "up":
                body.scroll_up(animate=False)
            case "page_down":
                body.scroll_page_down(animate=False)
            case "page_up":
                body.scroll_page_up(animate=False)
            case "end":
                body.scroll_end(animate=False)
            case _:
                body.scroll_home(animate=False)

    def action_rerate(self, value: int) -> None:
        self.post_message(self.Rerate(Rating(value)))

    def action_override(self) -> None:
        if self.current.can_override:
            self.post_message(self.Override())

    def action_next(self) -> None:
        self.post_message(self.Next())

    def action_article(self) -> None:
        if self.location is not None:
            self.post_message(self.OpenArticle())

    def on_button_row_pressed(self, event: ButtonRow.Pressed) -> None:
        event.stop()
        name = event.name
        if name.startswith("rate-"):
            self.action_rerate(int(name.removeprefix("rate-")))
        elif name == "next":
            self.action_next()
        elif name == "article":
            self.action_article()
