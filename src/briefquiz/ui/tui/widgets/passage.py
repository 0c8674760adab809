"""A quote shown inside its paragraph of the source text, with where it stands."""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from briefquiz.deck.sourcetext import Paragraph, QuoteLocation

#: Bold and reversed rather than a colour: the span stays visible with NO_COLOR.
HIGHLIGHT_STYLE = "bold reverse"


def highlighted(text: str, start: int, end: int) -> Content:
    """`text` with the span [start, end) highlighted; an empty or outside span is ignored."""
    return Content(text).stylize(HIGHLIGHT_STYLE, max(start, 0), end)


#: A sentence ends at . ! or ?, maybe a closing quote or bracket, then a space or the end.
SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*(?=\s|$)")


def excerpt(location: QuoteLocation) -> Content:
    """The sentences of the paragraph that the quote stands in, the quote highlighted, with
    `…` where the paragraph goes on: the feedback shows this, not the whole paragraph, so the
    quote fits on a small screen."""
    text = location.paragraph.text
    start, end = location.start, location.end
    left = 0
    for found in SENTENCE_END.finditer(text, 0, start):
        left = found.end()
    while left < start and text[left].isspace():
        left += 1
    after = SENTENCE_END.search(text, max(end - 1, start))
    right = after.end() if after is not None else len(text)
    before = "… " if left > 0 else ""
    tail = " …" if right < len(text) else ""
    shown = before + text[left:right] + tail
    shift = len(before) - left
    return highlighted(shown, start + shift, end + shift)


def caption(paragraph: Paragraph) -> str:
    """`paragraph 4 · line 12` (bylines are not counted as paragraphs)."""
    if not paragraph.ordinal:
        return f"line {paragraph.line}"
    return f"paragraph {paragraph.ordinal} · line {paragraph.line}"


class Passage(Widget):
    """The paragraph a quote stands in, the quote highlighted, and a caption under it
    (`brief`: only the quote's sentences, no caption).

    The widget's height follows its wrapped text. Parts, for styling:
    `.passage--text` (the paragraph) and `.passage--caption`.
    """

    DEFAULT_CSS = """
    Passage {
        height: auto;
    }
    Passage > .passage--caption {
        color: $text-muted;
    }
    """

    def __init__(
        self,
        location: QuoteLocation,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        brief: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.location = location
        self.brief = brief

    @property
    def quote_text(self) -> str:
        """The exact characters of the paragraph that the quote covers."""
        location = self.location
        return location.paragraph.text[location.start : location.end]

    def compose(self) -> ComposeResult:
        location = self.location
        if self.brief:  # the quote's sentences; the caption is the caller's to show
            yield Static(excerpt(location), classes="passage--text")
            return
        yield Static(
            highlighted(location.paragraph.text, location.start, location.end),
            classes="passage--text",
        )
        yield Static(caption(location.paragraph), classes="passage--caption", markup=False)
