"""What the reader tells an author about the discussion kinds (the places are checked by the
fixtures' `# expect:` lines), and what it builds."""

from __future__ import annotations

from briefquiz.deck.model import Evidence, Explain, Stance
from briefquiz.deck.validate import read_deck
from paths import FIXTURE_DECKS


def messages(name: str) -> list[str]:
    _deck, findings = read_deck(FIXTURE_DECKS / f"{name}.yaml")
    return [finding.message for finding in findings]


def test_evidence_mistakes_say_what_to_do() -> None:
    assert messages("evidence-no-source") == [
        "an evidence question needs the deck's source file (source: file:),"
        " whose paragraphs are the choices"
    ]
    said = messages("evidence-errors")
    assert said[0] == "stance must be supports or contradicts, not 'contradict'" + (
        " (did you mean 'contradicts'?)"
    )
    assert "give quote or quotes, not both" in said
    assert "two quotes stand in paragraph 2; one is enough" in said


def test_explain_mistakes_say_what_to_do() -> None:
    said = messages("explain-errors")
    assert said[0] == "an explain question needs 2 to 5 points, not 1"
    assert "point 1 must be a mapping with point and quote, not a text value" in said
    assert "point 3 is missing the required key 'quote'" in said
    assert "point 4 repeats an earlier point" in said


def test_what_the_reader_builds() -> None:
    deck, _ = read_deck(FIXTURE_DECKS / "valid-evidence.yaml")
    assert deck is not None
    no_keeper, records, closed = deck.questions
    assert isinstance(no_keeper, Evidence) and isinstance(records, Evidence)
    assert no_keeper.right_ordinals == {3} and no_keeper.stance is Stance.SUPPORTS
    assert [p.ordinal for p in no_keeper.paragraphs] == [1, 2, 3, 4]
    assert records.right_ordinals == {1, 2} and records.quote == records.quotes[0]
    assert isinstance(closed, Evidence) and closed.stance is Stance.CONTRADICTS
    explained, _ = read_deck(FIXTURE_DECKS / "valid-explain.yaml")
    assert explained is not None
    [question] = explained.questions
    assert isinstance(question, Explain)
    assert [p.quote for p in question.points] == [
        "Morrow's logbooks survive in the harbour museum.",
        "the price of lamp oil",
    ]
    assert question.quote == ""
