"""The normal form lenient matching compares."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefquiz.study.matching import normalize, unpunctuated

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


@given(st.text())
def test_unpunctuated_is_normalize_before_case_and_articles(text: str) -> None:
    assert normalize(unpunctuated(text)) == normalize(text)
