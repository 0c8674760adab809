"""One paragraph of the article: a gutter with its question count and what the student
knows of it (a bar and a figure, so it reads without colour too), then its text."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from briefquiz.deck.model import AnyQuestion, Deck
from briefquiz.deck.sourcetext import Paragraph, QuoteLocation
from briefquiz.schedule.passage_recall import Band, PassageRecall
from briefquiz.text.timefmt import percent
from briefquiz.ui.tui.article_paragraphs import ArticleParagraph
from briefquiz.ui.tui.widgets.beside import beside
from briefquiz.ui.tui.widgets.passage import highlighted

#: The gutter's width, and the most the text takes beside it.
SIDE_WIDTH = 7
TEXT_MAX_WIDTH = 88
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
    """One paragraph of the article: a gutter with its question count, then its text.

    One widget draws the gutter and the text wrapped beside it; a side column and two or
    three Statics for each of the article's paragraphs made the article slow to open.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "paragraph--gutter",
        "paragraph--recall",
        "paragraph--text",
    }

    DEFAULT_CSS = """
    ParagraphView {
        height: auto;
        margin-bottom: 1;
    }

    ParagraphView > .paragraph--gutter, ParagraphView > .paragraph--recall {
        color: $text-muted;
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

    ParagraphView.-strong > .paragraph--recall { color: $success; }
    ParagraphView.-fading > .paragraph--recall { color: $warning; }
    ParagraphView.-weak > .paragraph--recall { color: $error; text-style: bold; }
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

    @property
    def gutter_text(self) -> str:
        """The gutter's first line: the cursor mark and the question count."""
        shown = self.paragraph.is_content or self.questions
        return gutter(self.question_count if shown else None, self.cursor)

    @property
    def recall_text(self) -> str:
        """The gutter's lines under the count: what the student knows of it ("" for none)."""
        return recall_gutter(self.recall)

    @property
    def body(self) -> Content:
        """The paragraph's text, the focused quote highlighted."""
        text = self.paragraph.text
        if self.location is None:
            return Content(text)
        return highlighted(text, self.location.start, self.location.end)

    def _lines(self, width: int) -> tuple[list[str], list[Content]]:
        """The gutter's lines and the text's lines at `width` cells."""
        side = [self.gutter_text, *filter(None, self.recall_text.split("\n"))]
        text_width = max(min(width - SIDE_WIDTH, TEXT_MAX_WIDTH), 1)
        return side, self.body.wrap(text_width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        side, text = self._lines(width)
        return max(len(side), len(text))

    def render(self) -> Content:
        gutter_style = self.get_visual_style("paragraph--gutter", partial=True)
        recall_style = self.get_visual_style("paragraph--recall", partial=True)
        text_style = self.get_visual_style("paragraph--text", partial=True)
        marks, text = self._lines(self.content_size.width)
        side = [
            Content.assemble((mark, gutter_style if number == 0 else recall_style))
            for number, mark in enumerate(marks)
        ]
        return beside(side, SIDE_WIDTH, [line.stylize_before(text_style) for line in text])

    def watch_cursor(self, cursor: bool) -> None:
        self.set_class(cursor, "-cursor")

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Clicked(self, event.chain))
