from __future__ import annotations

from briefquiz.deck.sourcetext import SourceText
from paths import SEEDS

SEED = SEEDS / "000_252cba3e8ebbbfce.txt"


def test_paragraphs_are_counted_as_a_reader_counts_them() -> None:
    text = SourceText.read(SEED, starts_at_line=5)
    content = [p for p in text.paragraphs if p.is_content]
    assert [p.ordinal for p in content] == list(range(1, len(content) + 1))
    bylines = [p for p in text.paragraphs if not p.is_content]
    assert [p.line for p in bylines] == [7, 11]  # "CNN —" and the two names
    assert all(p.ordinal == 0 for p in bylines)
    last = text.paragraphs[-1]
    assert (last.line, last.number, last.ordinal) == (38, 17, 15)


def test_a_quote_is_found_across_typographic_differences_and_line_wraps() -> None:
    text = SourceText.read(SEED, starts_at_line=5)
    where = text.locate("the Wilson Center's  Kennan\nInstitute")
    assert where is not None
    assert where.paragraph.line == 5
    assert where.paragraph.text[where.start : where.end] == "the Wilson Center’s Kennan Institute"
    assert text.locate("a photo caption is not the text") is None
    # Lines before starts_at_line (the captions) are not searched.
    assert text.locate("Novo-Ogaryovo state residence") is None
