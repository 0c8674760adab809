"""The source article of a deck, paragraph by paragraph, with the questions that quote each.

A cursor moves between paragraphs; Enter (or `z`) quizzes on the questions of the paragraph
under it. Opened with a quote, the screen scrolls to its paragraph and highlights it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

from briefquiz.deck.coverage import coverage
from briefquiz.deck.model import AnyQuestion, Deck
from briefquiz.deck.sourcetext import Paragraph, QuoteLocation, SourceText, deck_source
from briefquiz.ui.tui.widgets.passage import caption, highlighted
from briefquiz.ui.wording.words import plural

QuizItems = list[tuple[Deck, AnyQuestion]]
"""Questions to quiz on, each with its deck, in deck order."""


@dataclass(frozen=True, slots=True)
class ArticleParagraph:
    """A paragraph of the source text and the questions whose quote stands in it."""

    paragraph: Paragraph
    questions: tuple[tuple[Deck, AnyQuestion], ...]


def article_paragraphs(text: SourceText, decks: Sequence[Deck]) -> list[ArticleParagraph]:
    """Every paragraph of `text` with the questions of `decks` that quote it.

    Only decks whose source is `text` are asked: `deck.coverage.coverage` of them, with each
    (deck id, question id) it names turned back into the deck and the question.
    """
    by_id = {deck.id: deck for deck in decks}

    def quoted(deck_id: str, question_id: str) -> tuple[Deck, AnyQuestion]:
        deck = by_id[deck_id]
        question = deck.question(question_id)
        assert question is not None, "coverage names only questions of the decks it is given"
        return deck, question

    for source in coverage(decks):
        if source.path == text.path:
            return [
                ArticleParagraph(block.paragraph, tuple(quoted(*pair) for pair in block.questions))
                for block in source.blocks
            ]
    return [ArticleParagraph(paragraph, ()) for paragraph in text.paragraphs]


def gutter(count: int | None, cursor: bool) -> str:
    """`▶ ● 3q`: the cursor mark, then how many questions quote the paragraph (None: not
    content). The `q` keeps the count from reading as a paragraph number."""
    mark = "▶" if cursor else " "
    if count is None:
        return mark
    return f"{mark} {'●' if count else '○'}{count:>2}q"


class ParagraphView(Widget):
    """One paragraph of the article: a gutter with its question count, then its text."""

    DEFAULT_CSS = """
    ParagraphView {
        layout: horizontal;
        height: auto;
        margin-bottom: 1;
    }

    ParagraphView > .paragraph--gutter {
        width: 7;
        color: $text-muted;
    }

    ParagraphView > .paragraph--text {
        width: 1fr;
        max-width: 88;
    }

    ParagraphView.-minor > .paragraph--text {
        color: $text-muted;
        text-style: italic;
    }

    ParagraphView.-cursor {
        background: $boost;
    }

    ParagraphView.-cursor > .paragraph--gutter {
        color: $accent;
        text-style: bold;
    }
    """

    cursor: reactive[bool] = reactive(False)

    class Clicked(Message):
        """The paragraph was clicked (`chain` is 2 for a double click)."""

        def __init__(self, view: ParagraphView, chain: int) -> None:
            super().__init__()
            self.view = view
            self.chain = chain

    def __init__(
        self, item: ArticleParagraph, location: QuoteLocation | None = None, *, id: str
    ) -> None:
        super().__init__(id=id, classes="" if item.paragraph.is_content else "-minor")
        self.item = item
        self.location = location

    @property
    def paragraph(self) -> Paragraph:
        return self.item.paragraph

    @property
    def questions(self) -> tuple[tuple[Deck, AnyQuestion], ...]:
        return self.item.questions

    @property
    def question_count(self) -> int:
        return len(self.item.questions)

    @property
    def navigable(self) -> bool:
        """Content paragraphs, and any paragraph that is quoted or holds the focused quote."""
        return self.paragraph.is_content or bool(self.questions) or self.location is not None

    @property
    def highlighted_text(self) -> str:
        """The highlighted part of the paragraph ("" when none)."""
        if self.location is None:
            return ""
        return self.paragraph.text[self.location.start : self.location.end]

    def _gutter(self) -> str:
        shown = self.paragraph.is_content or self.questions
        return gutter(self.question_count if shown else None, self.cursor)

    def compose(self) -> ComposeResult:
        text = self.paragraph.text
        body = (
            highlighted(text, self.location.start, self.location.end)
            if self.location is not None
            else Content(text)
        )
        yield Static(self._gutter(), classes="paragraph--gutter", markup=False)
        yield Static(body, classes="paragraph--text")

    def watch_cursor(self, cursor: bool) -> None:
        self.set_class(cursor, "-cursor")
        if self.is_mounted:
            self.query_one(".paragraph--gutter", Static).update(self._gutter())

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Clicked(self, event.chain))


class ArticleScreen(Screen[QuizItems | None]):
    """The source text of `decks` (they share one; the first deck's source is shown).

    Enter or `z` quizzes on the paragraph under the cursor: `on_quiz(questions)` is called
    and the screen stays, or, without `on_quiz`, the screen is dismissed with the questions.
    Escape or `q` dismisses with None.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "back", "Back"),
        Binding("up,k", "cursor_up", "Previous", show=False),
        Binding("down,j", "cursor_down", "Next", show=False),
        Binding("enter,z", "quiz", "Quiz on paragraph"),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
    ]

    def __init__(
        self,
        decks: Sequence[Deck],
        focus_quote: str | None = None,
        on_quiz: Callable[[QuizItems], None] | None = None,
        *,
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
            article_paragraphs(self.text, self.decks) if self.text is not None else []
        )
        self._cursor: int | None = None

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
        yield Footer()

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
            f"{plural(unasked, 'paragraph')} not asked about",
        ]
        parts.append("3q: 3 questions quote the paragraph")
        if self.focus_quote and self.focus_location is None:
            parts.append("the quote was not found")
        return " · ".join(parts)

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
        self.query_one("#article-status", Static).update(status)

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
        questions: QuizItems = list(view.questions)
        if self.on_quiz is not None:
            self.on_quiz(questions)
        else:
            self.dismiss(questions)

    def action_back(self) -> None:
        self.dismiss(None)
