from __future__ import annotations

import random
import subprocess
import sys
import unicodedata

from briefquiz.deck.quotecheck import first_difference
from briefquiz.deck.sourcetext import SourceText, _composed, normalize, normalize_with_map
from briefquiz.text.typography import TYPOGRAPHIC
from paths import FIXTURE_DECKS, SEEDS

SEED = SEEDS / "000_252cba3e8ebbbfce.txt"
VALID = FIXTURE_DECKS / "valid-quotes-as-a-reader-reads.yaml"


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


def test_a_quote_is_compared_as_a_reader_reads_it() -> None:
    source = SourceText(SEED, "Café owners — and “regulars” … agreed.\n", 1)
    for quote in [
        'Cafe\u0301 owners - and "regulars" ... agreed.',
        'Café owners -- and "regulars" … agreed.',
        'Café owners—and "regulars" …\n agreed.',
        "Café owners – and",
    ]:
        assert source.locate(quote) is not None, quote
    # Still case- and word-exact, and a hyphen between words is not a dash.
    for quote in ["café owners", "Café owner —", "owners-and"]:
        assert source.locate(quote) is None, quote


def test_a_decomposed_source_maps_back_to_its_own_characters() -> None:
    text = unicodedata.normalize("NFD", "Le café — ouvert en 1887.")
    where = SourceText(SEED, text, 1).locate("café - ouvert")
    assert where is not None
    assert where.paragraph.text[where.start : where.end] == text[3:-9]


def test_a_missing_quote_is_explained_by_its_first_differing_word() -> None:
    assert first_difference("the lamp must go dark", "the lamp must never go dark") == (
        "after 'must': the source adds 'never'",
        3,
    )
    assert first_difference("a red light", "a green light") == (
        "'red' (the source has 'green')",
        1,
    )
    assert first_difference("a light", "a light") is None


def test_the_fuzzy_matcher_is_loaded_only_when_a_quote_is_missing() -> None:
    code = (
        "import sys\n"
        "from briefquiz.deck.validate import read_deck\n"
        f"deck, _ = read_deck(__import__('pathlib').Path({str(VALID)!r}))\n"
        "assert deck is not None\n"
        "print('rapidfuzz' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


# Characters where the token-at-a-time functions and the definition could part: dashes and
# hyphens next to spaces and invisibles, typographic marks, a decomposed accent.
TRICKY = list("ab -\u2014\u2013\u2010\u2011\u00ad\u200b\n\t\u00a0\u2019\u2026e\u0301\u2015x")
TRICKY += ["  ", "--", " - ", "a-b", "\u2014 \u2014"]
DASHES = "\u2012\u2013\u2014\u2015\u2e3a\u2e3b\ufe58"
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"


def _dash_length(text: str, i: int) -> int:
    """How many characters of a dash start at `i`: —, –, a run of hyphens, or a spaced ' - '."""
    if text[i] in DASHES:
        end = i + 1
        while end < len(text) and text[end] in DASHES:
            end += 1
        return end - i
    if text[i] != "-":
        return 0
    end = i + 1
    while end < len(text) and text[end] == "-":
        end += 1
    if end - i >= 2:
        return end - i
    spaced_before = i == 0 or text[i - 1].isspace()
    spaced_after = end == len(text) or text[end].isspace()
    return 1 if spaced_before and spaced_after else 0


def defined_mapping(text: str) -> tuple[str, list[int]]:
    """normalize_with_map as its docstring defines it, a character at a time (it once was),
    from the same composed text (`_composed` is not what the token version changed)."""
    chars, origin = _composed(text)
    out: list[str] = []
    index: list[int] = []
    space: int | None = None
    i = 0
    while i < len(chars):
        char = chars[i]
        if char.isspace():
            space = origin[i] if space is None else space
            i += 1
        elif char in INVISIBLE:
            i += 1
        elif dash := _dash_length(chars, i):
            if not (out and out[-1] == "\u2014"):
                out.append("\u2014")
                index.append(origin[i])
                space = None
            i += dash
        else:
            if space is not None and out and out[-1] != "\u2014":
                out.append(" ")
                index.append(space)
            space = None
            for folded in char.translate(TYPOGRAPHIC):
                out.append(folded)
                index.append(origin[i])
            i += 1
    return "".join(out), index


def test_the_mapping_and_its_shortcut_agree_with_the_definition() -> None:
    rng = random.Random(13)
    for _ in range(20_000):
        text = "".join(rng.choice(TRICKY) for _ in range(rng.randint(0, 12)))
        assert normalize_with_map(text) == defined_mapping(text), repr(text)
        assert normalize(text) == defined_mapping(text)[0], repr(text)


def test_every_paragraph_of_the_bundled_texts_maps_as_defined() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        for paragraph in SourceText.read(path).paragraphs:
            assert normalize_with_map(paragraph.text) == defined_mapping(paragraph.text)


def test_a_quote_is_found_in_the_paragraph_where_it_first_stands() -> None:
    source = SourceText(SEED, "One two three.\n\nFour five six.\n\nSix seven.\n", 1)
    found = source.locate("six")
    assert found is not None and found.paragraph.number == 2
    assert source.paragraphs[1].text[found.start : found.end] == "six"
    assert source.locate("six. Six") is None  # across two paragraphs: not one passage
