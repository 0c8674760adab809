"""One paragraph of the article: a gutter with its question count and what the student
knows of it (a bar and a figure, so it reads without colour too), then its text."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from briefquiz.deck.model import AnyQuestion, Deck
from briefquiz.deck.sourcetext import Paragraph, QuoteLocation
from briefquiz.schedule.passage_recall import Band, PassageRecall
from briefquiz.text.timefmt import percent
from briefquiz.ui.tui.article_paragraphs import ArticleParagraph
from briefquiz.ui.tui.widgets.passage import highlighted

#: The bar beside a paragraph, by what its recall says: taller is better known.
BAR = {Band.STRONG: "█", Band.FADING: "▆", Band.WEAK: "▃", Band.UNSEEN: "·", Band.NONE: " "}
#: Each band's colour in the sheets (a class on the paragraph, a variable in the legend).
BAND_COLOUR = {
    Band.STRONG: "$success",
    Band.FADING: "$warning",
    Band.WEAK: "$error",
    Band.UNSEEN: "$text-muted",
    Band.NONE: "$text-muted",
}


def gutter(count: int | None, cursor: bool) -> str:
    """`▶ ● 3q`: the cursor mark, then how many questions quote the paragraph (None: not
    content). The `q` keeps the count from reading as a paragraph number."""
    mark = "▶" if cursor else " "
    if count is None:
        return mark
    return f"{mark} {'●' if count else '○'}{count:>2}q"


def recall_gutter(recall: PassageRecall | None) -> str:
    """` ▆ 82%` under the count, and `+2 new` (`14 new`) when some of its questions are
    unseen; ` · new` when none is studied; "" without questions (or without a heat-map).
    Six cells wide."""
    if recall is None or not recall.questions:
        return ""
    bar = BAR[recall.band]
    if recall.recall is None:
        return f" {bar} new"
    line = f" {bar}{percent(recall.recall):>4}"
    if not recall.unseen:
        return line
    unseen = f"+{recall.unseen} new" if recall.unseen < 10 else f"{recall.unseen} new"
    return f"{line}\n{unseen}"


class ParagraphView(Widget):
    """One paragraph of the article: a gutter with its question count, then its text."""

    DEFAULT_CSS = """
    ParagraphView {
        layout: horizontal;
        height: auto;
        margin-bottom: 1;
    }

    ParagraphView > .paragraph--side {
        width: 7;
        height: auto;
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

    ParagraphView.-cursor .paragraph--gutter {
        color: $accent;
        text-style: bold;
    }

    ParagraphView.-strong .paragraph--recall { color: $success; }
    ParagraphView.-fading .paragraph--recall { color: $warning; }
    ParagraphView.-weak .paragraph--recall { color: $error; text-style: bold; }
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
        classes = ["" if item.paragraph.is_content else "-minor"]
        if item.recall is not None:
            classes.append(f"-{item.recall.band.value}")
        super().__init__(id=id, classes=" ".join(c for c in classes if c))
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
    def recall(self) -> PassageRecall | None:
        return self.item.recall

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
        with Vertical(classes="paragraph--side"):
            yield Static(self._gutter(), classes="paragraph--gutter", markup=False)
            heat = recall_gutter(self.recall)
            if heat:
                yield Static(heat, classes="paragraph--recall", markup=False)
        yield Static(body, classes="paragraph--text")

    def watch_cursor(self, cursor: bool) -> None:
        self.set_class(cursor, "-cursor")
        if self.is_mounted:
            self.query_one(".paragraph--gutter", Static).update(self._gutter())

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Clicked(self, event.chain))
