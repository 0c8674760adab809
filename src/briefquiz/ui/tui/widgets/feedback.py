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
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Button, Static

from briefquiz.clock import Clock
from briefquiz.deck.model import Cloze, Match, Order, QuestionType, Typed
from briefquiz.deck.sourcetext import QuoteLocation
from briefquiz.study.answer_text import describe_answer, expected_text
from briefquiz.study.grading import Outcome
from briefquiz.study.reports import Feedback
from briefquiz.ui.tui.widgets.discussion import discussion_passages
from briefquiz.ui.tui.widgets.passage import Passage
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

    FeedbackPanel #verdict {
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
        color: $text-muted;
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
        yield Static(verdict(feedback), id="verdict", markup=False)
        yield Static(rating_line(feedback, self.clock.now()), id="rating", markup=False)
        with Horizontal(classes="buttons", id="rating-buttons"):
            if not self.cram:
                for rating, name in RATING_NAMES.items():
                    yield Button(f"{int(rating)} {name}", id=f"rate-{int(rating)}", compact=True)
            yield Button("Next ⏎", id="next", compact=True)
            if self.location is not None:
                yield Button("Article (o)", id="article", compact=True)
        parts = feedback.grade.parts
        missed = feedback.outcome in (Outcome.WRONG, Outcome.PARTIAL)
        if not (missed and parts and isinstance(question, Order | Match)):
            # An order or a match shows the expected answer part by part instead.
            yield Static(f"Answer: {expected_text(question)}", classes="expected", markup=False)
        else:
            yield Static(PARTS_HEADING[question.type], classes="expected", markup=False)
        if missed:
            if parts:
                for part in parts:
                    classes = "part -right" if part.correct else "part -wrong"
                    yield Static(part_line(question, part), classes=classes, markup=False)
            else:
                given = describe_answer(question, feedback.answer)
                yield Static(f"You said: {given}", classes="given", markup=False)
        elif isinstance(question, Typed | Cloze) and feedback.outcome is Outcome.RIGHT:
            given = describe_answer(question, feedback.answer)
            if given != expected_text(question):  # say what the lenient match accepted
                note = accepted_note(feedback.grade.reasons)
                yield Static(f"You said: {given} ({note})", classes="given", markup=False)
        if question.explanation:
            yield Static(question.explanation, classes="explanation", markup=False)
        if (passages := discussion_passages(feedback)) is not None:
            yield from passages
        elif self.location is not None:
            yield Static("From the article:", classes="passage-heading")
            yield Passage(self.location)
        elif question.quote:
            yield Static(f"Source: “{question.quote}”", classes="quote", markup=False)

    def on_mount(self) -> None:
        self._mark_rating(self.current)

    def watch_feedback(self, feedback: Feedback | None) -> None:
        if feedback is None or not self.is_mounted:
            return
        self.query_one("#verdict", Static).update(verdict(feedback))
        self.query_one("#rating", Static).update(rating_line(feedback, self.clock.now()))
        self.remove_class(*OUTCOME_CLASSES.values())
        self.add_class(OUTCOME_CLASSES[feedback.outcome])
        self._mark_rating(feedback)

    def _mark_rating(self, feedback: Feedback) -> None:
        if self.cram:
            return
        for rating in RATING_NAMES:
            button = self.query_one(f"#rate-{int(rating)}", Button)
            button.set_class(rating == feedback.rating, "-current")

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

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        name = event.button.id or ""
        if name.startswith("rate-"):
            self.action_rerate(int(name.removeprefix("rate-")))
        elif name == "next":
            self.action_next()
        elif name == "article":
            self.action_article()
        self.focus()
