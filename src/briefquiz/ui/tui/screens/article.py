"""The source article of a deck, paragraph by paragraph, with the questions that quote each.

A cursor moves between paragraphs; Enter (or `z`) quizzes on the questions of the paragraph
under it. Opened with a quote, the screen scrolls to its paragraph and highlights it.
Given each question's predicted recall, the gutter also shows what the student knows of
each paragraph (the recall heat-map); `w` goes to the weakest one, `s` studies the three
weakest together as real reviews (new questions included; the schedule moves), where the
paragraph quiz is a cram that leaves the schedule alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from briefquiz.deck.model import Deck
from briefquiz.deck.sourcetext import QuoteLocation, SourceText, deck_source
from briefquiz.schedule.passage_recall import (
    Band,
    PassageRecall,
    QuestionKey,
    RecallMoment,
    weakest_first,
)
from briefquiz.text.timefmt import percent
from briefquiz.ui.tui.article_paragraphs import ArticleParagraph, QuizItems, article_paragraphs
from briefquiz.ui.tui.widgets.footer import KeyBar
from briefquiz.ui.tui.widgets.paragraph import BAND_COLOUR, BAR, ParagraphView, gutter
from briefquiz.ui.tui.widgets.passage import caption
from briefquiz.ui.wording.words import and_list, plural

#: How many of the weakest paragraphs `s` quizzes on together.
WEAKEST_PARAGRAPHS = 3

__all__ = [
    "ArticleParagraph",
    "ArticleScreen",
    "ParagraphView",
    "QuizItems",
    "WeakestPassages",
    "article_paragraphs",
    "gutter",
]


def weakest_study_words(chosen: Sequence[ParagraphView], questions: int) -> str:
    """`Paragraphs 2, 5 and 9, the weakest: 31 questions, as real reviews (the schedule
    moves); Esc stops, every answer saved.` Before any study, they are the first ones, and
    it says so."""
    numbers = [str(n) for n in sorted(view.paragraph.ordinal for view in chosen)]
    which = f"{'Paragraph' if len(numbers) == 1 else 'Paragraphs'} {and_list(numbers)}"
    unseen = all(view.recall is None or view.recall.recall is None for view in chosen)
    why = "none of them studied yet" if unseen else "the weakest"
    return (
        f"{which}, {why}: {plural(questions, 'question')}, as real reviews (the "
        "schedule moves); Esc stops, every answer saved."
    )


@dataclass(frozen=True, slots=True)
class WeakestPassages:
    """The questions of the weakest paragraphs, to study as real reviews (not a cram quiz)."""

    items: QuizItems


class ArticleScreen(Screen[QuizItems | WeakestPassages | None]):
    """The source text of `decks` (they share one; the first deck's source is shown).

    Enter or `z` quizzes on the paragraph under the cursor: `on_quiz(questions)` is called
    and the screen stays, or, without `on_quiz`, the screen is dismissed with the questions.
    `s` does the same with the weakest paragraphs' questions, as `WeakestPassages`. Escape
    or `q` dismisses with None. `recalls` (each question's predicted recall at `moment`,
    None when never studied) turns the heat-map on.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # Help first: on a narrow terminal the footer drops its last keys.
        Binding("question_mark", "app.help", "Help"),
        Binding("escape,q", "back", "Back"),
        Binding("up,k", "cursor_up", "Previous", show=False),
        Binding("down,j", "cursor_down", "Next", show=False),
        Binding("enter,z", "quiz", "Quiz on paragraph"),
        Binding("w", "weakest", "Weakest"),
        Binding("s", "quiz_weakest", "Study the weakest", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
    ]

    def __init__(
        self,
        decks: Sequence[Deck],
        focus_quote: str | None = None,
        on_quiz: Callable[[QuizItems | WeakestPassages], None] | None = None,
        *,
        recalls: Mapping[QuestionKey, float | None] | None = None,
        moment: RecallMoment | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.decks = tuple(decks)
        self.focus_quote = focus_quote
        self.on_quiz = on_quiz
        self.text: SourceText | None = deck_source(self.decks[0]) if self.decks else None
        self.focus_location: QuoteLocation | None = (
            self.text.locate(focus_quote) if self.text is not None and focus_quote else None
        )
        self.items: list[ArticleParagraph] = (
            article_paragraphs(self.text, self.decks, recalls) if self.text is not None else []
        )
        self.moment = moment
        self._cursor: int | None = None
        self._weak: int | None = None  # where `w` last moved the cursor

    # -- layout ------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        source = self.decks[0].source if self.decks else None
        title = source.title if source is not None else "Source text"
        if source is not None and source.authors:
            title += " — " + ", ".join(source.authors)
        yield Static(title, id="article-title", markup=False)
        if self.text is None:
            yield Static(self._empty_message(), id="article-empty", markup=False)
        else:
            yield Static(self._info(self.text), id="article-info", markup=False)
            if self.heat_map:
                yield Static(self._legend(), id="article-legend")
            with VerticalScroll(id="article-body", can_focus=False):
                focus = self.focus_location
                for item in self.items:
                    number = item.paragraph.number
                    yield ParagraphView(
                        item,
                        focus if focus is not None and focus.paragraph.number == number else None,
                        id=f"p{number}",
                    )
            yield Static("", id="article-status", markup=False)
        yield KeyBar()

    def _empty_message(self) -> str:
        if not self.decks:
            return "No deck to show."
        source = self.decks[0].source
        if source is None or source.file is None:
            return f"The deck “{self.decks[0].title}” names no source file to show."
        return f"The source file {source.file} cannot be read."

    def _info(self, text: SourceText) -> str:
        content = [i for i in self.items if i.paragraph.is_content]
        # Distinct: an explain or evidence question may quote several paragraphs.
        quoted = len({(d.id, q.id) for i in self.items for d, q in i.questions})
        unasked = sum(1 for i in content if not i.questions)
        parts = [  # the title line names the source; its file name says nothing
            f"{len(content)} paragraphs",
            f"{plural(quoted, 'question')} quote it",
        ]
        if self.heat_map:  # the legend under it says what 3q is; short, for small screens
            if unasked:
                parts.append(f"{plural(unasked, 'paragraph')} not asked about")
        else:
            parts.append(f"{plural(unasked, 'paragraph')} not asked about")
            parts.append("3q: 3 questions quote the paragraph")
        if self.focus_quote and self.focus_location is None:
            parts.append("the quote was not found")
        return " · ".join(parts)

    @property
    def heat_map(self) -> bool:
        return any(item.recall is not None for item in self.items)

    def _legend(self) -> Content:
        """`3q: questions · recall at the seminar: █ 90%+ ▆ 70–89% ▃ <70% · new: unseen`,
        each bar in its colour (the figures beside each paragraph need none)."""
        moment = self.moment
        when = "at the seminar" if moment is not None and moment.seminar else "now"
        shown = [
            (Band.STRONG, "90%+"),
            (Band.FADING, "70–89%"),
            (Band.WEAK, "<70%"),
            (Band.UNSEEN, "new: unseen"),
        ]
        parts = [
            Content.from_markup(f"[{BAND_COLOUR[band]}]$bar[/] $label", bar=BAR[band], label=label)
            for band, label in shown
        ]
        return Content(f"3q: questions · recall {when}: ") + Content("  ").join(parts)

    def on_mount(self) -> None:
        views = self.views
        if not views:
            return
        target = next((v for v in views if v.location is not None), None)
        if target is None:
            target = next((v for v in views if v.navigable), views[0])
        self._move_to(views.index(target), center=target.location is not None)

    # -- the cursor --------------------------------------------------------------------
    @property
    def views(self) -> list[ParagraphView]:
        return list(self.query(ParagraphView))

    @property
    def cursor_view(self) -> ParagraphView | None:
        """The paragraph under the cursor."""
        views = self.views
        if self._cursor is None or not 0 <= self._cursor < len(views):
            return None
        return views[self._cursor]

    def _move_to(self, index: int, *, center: bool = False) -> None:
        views = self.views
        if not views:
            return
        index = max(0, min(index, len(views) - 1))
        for other in views:
            if other.cursor:
                other.cursor = False
        self._cursor = index
        view = views[index]
        view.cursor = True
        self._show_status(view)
        body = self.query_one("#article-body", VerticalScroll)
        if center:
            self.call_after_refresh(body.scroll_to_center, view, animate=False)
        else:
            self.call_after_refresh(body.scroll_to_widget, view, animate=False)

    def _step(self, direction: int, start: int | None = None) -> None:
        """Move to the next navigable paragraph after `start` (default: the cursor)."""
        views = self.views
        if not views:
            return
        if start is None:
            start = self._cursor if self._cursor is not None else -direction
        index = start + direction
        while 0 <= index < len(views):
            if views[index].navigable:
                self._move_to(index)
                return
            index += direction

    def _show_status(self, view: ParagraphView) -> None:
        count = view.question_count
        status = caption(view.paragraph)
        if count:
            decks = len({deck.id for deck, _ in view.questions})
            status += f" · {plural(count, 'question')}"
            if len(self.decks) > 1:
                status += f" in {plural(decks, 'deck')}"
        elif view.paragraph.is_content:
            status += " · no question quotes it"
        if view.recall is not None and view.recall.questions:
            status += " · " + self._recall_words(view.recall)
        self.query_one("#article-status", Static).update(status)

    def _recall_words(self, recall: PassageRecall) -> str:
        """`recall 82% at the seminar, 1 new`, `not studied yet`."""
        if recall.recall is None:
            return "not studied yet"
        when = "at the seminar" if self.moment is not None and self.moment.seminar else "now"
        words = f"recall {percent(recall.recall)} {when}"
        return words + (f", {recall.unseen} new" if recall.unseen else "")

    def action_weakest(self) -> None:
        """The cursor to the weakest paragraph; again, to the next weakest (by recall, then
        those not studied yet)."""
        views = self.views
        if not self.heat_map:
            self.notify("No recall to show here.", severity="warning", timeout=3)
            return
        order = weakest_first([v.recall or PassageRecall(0, 0, None) for v in views])
        if not order:
            self.notify("No question quotes this text.", severity="warning", timeout=3)
            return
        cursor, rank = self._cursor, 0
        if cursor is not None and cursor == self._weak and cursor in order:
            rank = (order.index(cursor) + 1) % len(order)
        self._move_to(order[rank], center=True)
        self._weak = order[rank]
        recall = views[order[rank]].recall
        assert recall is not None
        self.notify(
            f"{rank + 1} of {len(order)}: {self._recall_words(recall)} · Enter quizzes on it",
            title="Weakest paragraphs",
            timeout=4,
        )

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_first(self) -> None:
        self._step(1, start=-1)

    def action_last(self) -> None:
        self._step(-1, start=len(self.views))

    def _page(self, direction: int) -> None:
        views = self.views
        if not views:
            return
        body = self.query_one("#article-body", VerticalScroll)
        height = max(body.scrollable_content_region.height - 1, 1)
        current = self.cursor_view
        top = current.virtual_region.y if current is not None else 0
        goal = top + direction * height
        navigable = [i for i, v in enumerate(views) if v.navigable]
        if direction > 0:
            index = next((i for i in navigable if views[i].virtual_region.y >= goal), None)
            index = navigable[-1] if index is None else index
        else:
            index = next(
                (i for i in reversed(navigable) if views[i].virtual_region.y <= goal), None
            )
            index = navigable[0] if index is None else index
        self._move_to(index)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_page_down(self) -> None:
        self._page(1)

    def on_paragraph_view_clicked(self, message: ParagraphView.Clicked) -> None:
        if message.view.navigable:
            self._move_to(self.views.index(message.view))
            if message.chain >= 2:
                self.action_quiz()

    # -- leaving -----------------------------------------------------------------------
    def action_quiz(self) -> None:
        view = self.cursor_view
        if view is None:
            return
        if not view.questions:
            self.notify("No question quotes this paragraph.", severity="warning", timeout=3)
            return
        self._leave_with(list(view.questions))

    def action_quiz_weakest(self) -> None:
        """`s`: a quiz on the weakest paragraphs together: the first `WEAKEST_PARAGRAPHS` of
        `weakest_first` (new questions included), each question once."""
        views = self.views
        order = weakest_first([v.recall or PassageRecall(0, 0, None) for v in views])
        if not self.heat_map or not order:
            self.notify("No recall to show here.", severity="warning", timeout=3)
            return
        chosen = [views[i] for i in order[:WEAKEST_PARAGRAPHS]]
        items = {(d.id, q.id): (d, q) for view in chosen for d, q in view.questions}
        words = weakest_study_words(chosen, len(items))
        self.notify(words, title="Study the weakest", timeout=5, markup=False)
        self._leave_with(WeakestPassages(list(items.values())))

    def _leave_with(self, chosen: QuizItems | WeakestPassages) -> None:
        if self.on_quiz is not None:
            self.on_quiz(chosen)
        else:
            self.dismiss(chosen)

    def action_back(self) -> None:
        self.dismiss(None)
