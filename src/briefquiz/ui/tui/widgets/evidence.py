"""An evidence question: pick the paragraph of the article that supports (or contradicts) the
claim, from the paragraphs listed by their opening words; ↑↓ and Enter, or a click."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from briefquiz.deck.model import Evidence
from briefquiz.study.discussion import opening, pick
from briefquiz.ui.tui.widgets.answer import AnswerWidget
from briefquiz.ui.tui.widgets.rows import RowList

SHOWN_WORDS = 12


class EvidenceAnswer(AnswerWidget):
    DEFAULT_CSS = """
    EvidenceAnswer > .evidence--ask {
        text-style: italic;
        margin-bottom: 1;
    }
    """

    @property
    def question(self) -> Evidence:
        question = self.item.question
        assert isinstance(question, Evidence)
        return question

    def compose(self) -> ComposeResult:
        question = self.question
        yield Static(question.ask, classes="evidence--ask", markup=False)
        # No digit keys: the article has more than nine paragraphs, and "1" must not pick
        # paragraph 1 on the way to typing 12.
        yield RowList(
            [(str(p.ordinal), opening(p, SHOWN_WORDS)) for p in question.paragraphs], keys={}
        )

    def on_mount(self) -> None:
        self.hint = "↑↓ and Enter picks the paragraph · or click it"

    def focus_input(self) -> None:
        self.query_one(RowList).focus(scroll_visible=False)

    def on_row_list_activated(self, message: RowList.Activated) -> None:
        message.stop()
        paragraph = self.question.paragraphs[message.index]
        self.submit(pick(self.question, paragraph.ordinal))
