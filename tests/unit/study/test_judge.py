"""Judging typed answers: the lenient comparison, the typo distance, and exact answers.

The rules themselves are exercised by the corpus (test_grading_corpus.py); the properties at
the end are those no rule may break.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefquiz.study.equivalence.judge import judge
from briefquiz.study.equivalence.typos import edits
from briefquiz.study.matching import normalize


def matches(given_text: str, accepted: Sequence[str], *, exact: bool = False) -> bool:
    return judge(given_text, accepted, exact=exact).right


# -- edits (bounded optimal string alignment) ------------------------------------------------------


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
    assert (edits(a, b, 1) <= 1) is expected
    assert (edits(b, a, 1) <= 1) is expected


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


@given(
    st.text(alphabet="abc", max_size=7),
    st.text(alphabet="abc", max_size=7),
    st.integers(min_value=0, max_value=3),
)
def test_bounded_edits_agree_with_full_distance(a: str, b: str, limit: int) -> None:
    assert edits(a, b, limit) == min(_damerau_osa(a, b), limit + 1)


# -- judge: lenient --------------------------------------------------------------------------

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
        "Lbirary of Cnogres",  # three edits in "Congress", which takes one
        "Libary of Kongresss",  # two edits in "Congress"
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
    assert not matches("G7 summit", ["G8 summit"])
    assert matches("G7 sumit", ["G7 summit"])  # a typo in a word with no digit
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


# -- judge: exact ----------------------------------------------------------------------------


def test_exact_forgives_only_case_and_surrounding_whitespace() -> None:
    assert matches("  Kennan Institute\n", ["Kennan Institute"], exact=True)
    assert matches("kennan institute", ["Kennan Institute"], exact=True)
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


@given(st.text().filter(lambda text: any(ch.isalnum() for ch in text)))
def test_any_text_matches_itself(text: str) -> None:
    assert matches(text, [text])
    assert matches(text, [text], exact=True)


@given(st.text().filter(lambda text: any(ch.isalnum() for ch in text)))
def test_any_text_matches_its_normal_form(text: str) -> None:
    if normalize(text):
        assert matches(normalize(text), [text])


# -- properties no rule may break --------------------------------------------------------------

_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12)
_NAME = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=5, max_size=12).map(str.title)
_ANSWER_WITH_DIGITS = st.lists(
    st.one_of(_WORD, st.integers(min_value=0, max_value=99_999).map(str)),
    min_size=1,
    max_size=6,
).map(" ".join)
_SEPARATORS = st.sampled_from([" ", "-", "/", ".", ", "])
# Letters that spell no name of the table of equivalents (U.S. -> U.S.A. is one country).
_INITIAL = st.sampled_from("BHJLMQVXYZ")


@given(
    st.lists(st.one_of(_WORD, st.integers(0, 9999).map(str)), min_size=1, max_size=5),
    _SEPARATORS,
    st.data(),
)
def test_no_rule_accepts_an_answer_differing_in_a_digit(
    pieces: list[str], separator: str, data: st.DataObject
) -> None:
    answer = separator.join(pieces)
    digits = [index for index, ch in enumerate(answer) if ch.isdigit()]
    if not digits:
        answer, digits = answer + " 7", [len(answer) + 1]
    index = data.draw(st.sampled_from(digits))
    other = data.draw(st.sampled_from([d for d in "0123456789" if d != answer[index]]))
    changed = answer[:index] + other + answer[index + 1 :]
    assert not judge(changed, [answer]).right


@given(_NAME, st.lists(_INITIAL, min_size=1, max_size=3), _NAME, st.data())
def test_no_rule_accepts_an_answer_differing_in_an_initial(
    first: str, initials: list[str], last: str, data: st.DataObject
) -> None:
    answer = f"{first} {''.join(f'{letter}.' for letter in initials)} {last}"
    index = data.draw(st.integers(0, len(initials) - 1))
    replacement = data.draw(
        st.sampled_from(["", *(i for i in "BHJLMQVXYZ" if i != initials[index])])
    )
    changed_initials = (
        initials[:index] + ([replacement] if replacement else []) + initials[index + 1 :]
    )
    if not changed_initials:
        changed = f"{first} {last}"
    else:
        changed = f"{first} {''.join(f'{letter}.' for letter in changed_initials)} {last}"
    assert not judge(changed, [answer]).right
    assert not judge(changed.lower(), [answer]).right


@given(_ANSWER_WITH_DIGITS, _ANSWER_WITH_DIGITS, st.booleans(), st.booleans())
def test_no_rule_accepts_an_answer_equal_to_a_listed_reject(
    answer: str, reject: str, aliased: bool, shouted: bool
) -> None:
    if normalize(answer) == normalize(reject):
        return  # the validator refuses a reject that is also an accepted answer
    aliases = ((answer, (reject,)),) if aliased else ()
    typed = reject.upper() if shouted else f"  {reject} "
    assert not judge(typed, [answer], reject=[reject], aliases=aliases).right
