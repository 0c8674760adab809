"""The two discussion kinds in the exports: Anki notes and the Markdown sheet."""

from __future__ import annotations

from briefquiz.authoring.anki_export import question_note
from briefquiz.authoring.anki_models import BASIC
from briefquiz.authoring.markdown_export import deck_markdown
from briefquiz.deck.model import Deck
from briefquiz.deck.validate import read_deck
from paths import FIXTURE_DECKS


def fixture(name: str) -> Deck:
    deck, findings = read_deck(FIXTURE_DECKS / f"{name}.yaml")
    assert deck is not None, findings
    return deck


def test_anki_evidence_claim_on_the_front_paragraph_and_quote_on_the_back() -> None:
    deck = fixture("valid-evidence")
    no_keeper, records, closed = (question_note(deck, q) for q in deck.questions)
    assert no_keeper.model is BASIC
    front, back, _explanation, quote, _source = no_keeper.fields
    assert front == (
        "Which paragraph of the article supports this claim?<br>"
        "The lighthouse no longer needs a keeper."
    )
    assert back.startswith("<div>Paragraph 3:</div><div><b>In 1962 the light was automated.</b>")
    assert "The last keeper, Tomas Quill" in back
    assert quote == "In 1962 the light was automated."
    # Two right paragraphs: both on the back.
    assert "Paragraph 1:" in records.fields[1] and "Paragraph 2:" in records.fields[1]
    assert closed.fields[0].startswith("Which paragraph of the article contradicts this claim?")


def test_anki_explain_is_basic_with_the_points_on_the_back() -> None:
    deck = fixture("valid-explain")
    note = question_note(deck, deck.questions[0])
    assert note.model is BASIC
    assert note.fields[0] == "Why does the harbour museum matter to the story of the light?"
    assert note.fields[1] == (
        "<ol class=points><li>It keeps Morrow's logbooks.</li>"
        "<li>They record storms and wrecks, and above all the price of lamp oil.</li></ol>"
    )
    assert note.tags == ["reasoning"]


def test_markdown_evidence_shows_the_claim_and_the_paragraph() -> None:
    sheet = deck_markdown(fixture("valid-evidence"))
    assert (
        "### 1. Which paragraph of the article supports this claim? "
        "The lighthouse no longer needs a keeper.\n\n"
        "**Supported by paragraph 3:**\n\n> In 1962 the light was automated." in sheet
    )
    assert "**Supported by paragraph 1:**" in sheet and "**Supported by paragraph 2:**" in sheet
    assert "**Contradicted by paragraph 4:**\n\n> Today volunteers open the tower" in sheet
    assert sheet.count("In 1962 the light was automated.") == 1  # the quote is not repeated


def test_markdown_explain_is_a_discussion_question_with_its_points() -> None:
    sheet = deck_markdown(fixture("valid-explain"))
    assert "### 1. For discussion: Why does the harbour museum matter" in sheet
    assert (
        "**Points to make:**\n\n1. It keeps Morrow's logbooks. (“Morrow's logbooks survive" in sheet
    )
    assert "\n2. They record storms and wrecks, and above all the price of lamp oil." in sheet
