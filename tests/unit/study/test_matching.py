"""Lenient and exact matching of typed answers."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefquiz.study.matching import matches, normalize, within_one_edit

# -- normalize ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kennan Institute", "kennan institute"),
        ("KENNAN INSTITUTE", "kennan institute"),
        ("Straße", "strasse"),
        ("Café Müller", "cafe muller"),
        ("Ｋｅｎｎａｎ", "kennan"),  # fullwidth compatibility forms
        ("Putin’s", "putins"),
        ("Putin's", "putins"),
        ("“reset”", "reset"),
        ('"reset"', "reset"),
        ("US–Russian", "us russian"),
        ("US—Russian", "us russian"),
        ("US-Russian", "us russian"),
        ("U.S.", "us"),
        ("Kennan Institute!", "kennan institute"),
        ("  Library \t of\n Congress  ", "library of congress"),
        ("The Library of Congress", "library of congress"),
        ("the library of congress", "library of congress"),
        ("A Wilson Center", "wilson center"),
        ("An Institute", "institute"),
        ("The", "the"),  # an article alone is kept
        ("a", "a"),
        ("Theatre", "theatre"),  # only a whole word is an article
        ("Another", "another"),
        ("Kennan, the institute", "kennan the institute"),  # only a leading one
        ("the the beatles", "beatles"),
        ("", ""),
        ("?!", ""),
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3.5", "3.5"),
        ("3,5", "3.5"),
        ("1,000", "1000"),
        ("12,345,678", "12345678"),
        ("2020.", "2020"),
        ("60 years.", "60 years"),
    ],
)
def test_normalize_keeps_numbers_readable(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_normalize_decimal_point_is_not_dropped() -> None:
    assert normalize("3.5") != normalize("35")


# -- within_one_edit ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("kennan", "kennan", True),
        ("kennan", "kennen", True),  # substitution
        ("kennan", "kenan", True),  # deletion
        ("kennan", "kennnan", True),  # insertion
        ("kennan", "knenan", True),  # adjacent transposition
        ("kennan", "kenann", True),  # transposition at the end
        ("kennan", "xennan", True),  # substitution at the start
        ("kennan", "ennan", True),  # deletion at the start
        ("kennan", "kennanx", True),  # insertion at the end
        ("kennan", "keenna", False),  # two edits
        ("kennan", "kenna", True),
        ("kennan", "kenn", False),
        ("kennan", "nnaken", False),
        ("abcd", "badc", False),  # two transpositions
        ("abc", "cba", False),  # not adjacent
        ("", "", True),
        ("", "a", True),
        ("", "ab", False),
    ],
)
def test_within_one_edit(a: str, b: str, expected: bool) -> None:
    assert within_one_edit(a, b) is expected
    assert within_one_edit(b, a) is expected


def _damerau_osa(a: str, b: str) -> int:
    """Reference: optimal string alignment distance by full dynamic programming."""
    rows = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        rows[i][0] = i
    for j in range(len(b) + 1):
        rows[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[len(a)][len(b)]


@given(st.text(alphabet="abc", max_size=7), st.text(alphabet="abc", max_size=7))
def test_within_one_edit_agrees_with_full_distance(a: str, b: str) -> None:
    assert within_one_edit(a, b) is (_damerau_osa(a, b) <= 1)


# -- matches: lenient --------------------------------------------------------------------------

LIBRARY = ["Library of Congress", "US Library of Congress"]


@pytest.mark.parametrize(
    "given_text",
    [
        "Library of Congress",
        "library of congress",
        "LIBRARY OF CONGRESS",
        "  Library   of Congress ",
        "The Library of Congress",
        "the library of congress.",
        "U.S. Library of Congress",
        "US-Library of Congress",
        "Library of Congres",  # one letter missing
        "Libary of Congress",  # one letter missing
        "Library of Kongress",  # one letter wrong
        "Library of Congresss",  # one letter extra
        "Lbirary of Congress",  # two letters swapped
        "Libraryof Congress",  # a space missing is one edit too
    ],
)
def test_lenient_accepts(given_text: str) -> None:
    assert matches(given_text, LIBRARY)


@pytest.mark.parametrize(
    "given_text",
    [
        "",
        "   ",
        "Library of Congrss!!x",  # two edits
        "Lbirary of Cnogress",  # two swaps
        "Libary of Kongress",  # a missing and a wrong letter
        "Congress",
        "Library",
    ],
)
def test_lenient_rejects(given_text: str) -> None:
    assert not matches(given_text, LIBRARY)


def test_accents_and_curly_quotes() -> None:
    assert matches("Cafe Muller", ["Café Müller"])
    assert matches("Café Müller", ["Cafe Muller"])
    assert matches("Putin's", ["Putin’s"])
    assert matches("“Reset”", ["reset"])
    assert matches("Rojansky – Kimmage", ["Rojansky-Kimmage"])


def test_transposition_is_one_typo() -> None:
    assert matches("Kimmgae", ["Kimmage"])
    assert matches("iKmmage", ["Kimmage"])


def test_two_typos_are_wrong() -> None:
    assert not matches("Kimmgea", ["Kimmage"])
    assert not matches("Kinnage", ["Kimmage"])


def test_short_answers_allow_no_typo() -> None:
    assert matches("Putin", ["putin"])  # five letters: one typo allowed
    assert matches("Putn", ["Putin"])
    assert not matches("Kyev", ["Kyiv"])  # four letters: none
    assert not matches("Kiyv", ["Kyiv"])
    assert not matches("NATA", ["NATO"])
    assert matches("nato", ["NATO"])
    assert not matches("a cat", ["a car"])  # "cat" after the article: three letters


def test_answers_with_digits_allow_no_typo() -> None:
    assert not matches("2014", ["2016"])
    assert not matches("20144", ["2014"])
    assert not matches("G8 summit", ["G7 summit"])
    assert not matches("G7 sumit", ["G7 summit"])  # even a typo in the letters
    assert matches("2014", ["2014"])
    assert matches(" 2014. ", ["2014"])
    assert matches("1,000", ["1000"])
    assert not matches("35", ["3.5"])


def test_alternatives() -> None:
    assert matches("sixty", ["60", "sixty"])
    assert matches("60", ["60", "sixty"])
    assert not matches("61", ["60", "sixty"])
    assert not matches("anything", [])


def test_answer_without_letters_is_compared_exactly() -> None:
    assert matches("?", ["?"])
    assert matches(" ? ", ["?"])
    assert not matches("!", ["?"])
    assert not matches("?", ["!"])


def test_punctuation_only_given_is_wrong() -> None:
    assert not matches("...", ["Kennan Institute"])


# -- matches: exact ----------------------------------------------------------------------------


def test_exact_forgives_only_surrounding_whitespace() -> None:
    assert matches("  Kennan Institute\n", ["Kennan Institute"], exact=True)
    assert not matches("kennan institute", ["Kennan Institute"], exact=True)
    assert not matches("Kennan  Institute", ["Kennan Institute"], exact=True)
    assert not matches("Kennan Institute.", ["Kennan Institute"], exact=True)
    assert not matches("The Kennan Institute", ["Kennan Institute"], exact=True)
    assert not matches("Kenan Institute", ["Kennan Institute"], exact=True)
    assert not matches("Cafe", ["Café"], exact=True)
    assert not matches("", [""], exact=True)
    assert not matches("  ", ["  "], exact=True)


def test_exact_forgives_unicode_composition() -> None:
    composed = unicodedata.normalize("NFC", "Café")
    decomposed = unicodedata.normalize("NFD", "Café")
    assert composed != decomposed
    assert matches(decomposed, [composed], exact=True)
    assert matches(composed, [decomposed], exact=True)


# -- properties --------------------------------------------------------------------------------


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@given(st.text())
def test_normalized_form_is_tidy(text: str) -> None:
    result = normalize(text)
    assert result == result.strip()
    assert "  " not in result
    assert result == result.casefold()


@given(st.text().filter(lambda text: any(ch.isalnum() for ch in text)))
def test_any_text_matches_itself(text: str) -> None:
    assert matches(text, [text])
    assert matches(text, [text], exact=True)


@given(st.text().filter(lambda text: any(ch.isalnum() for ch in text)))
def test_any_text_matches_its_normal_form(text: str) -> None:
    if normalize(text):
        assert matches(normalize(text), [text])
