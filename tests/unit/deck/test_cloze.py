"""The cloze grammar: blanks, escaped braces, and the first mistake located at its brace."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefquiz.deck.cloze import parse_cloze
from briefquiz.deck.model import Blank

# A backslash before an escape cannot itself be escaped (documented), so none in literals.
LITERAL = st.text(st.characters(exclude_characters="\\", exclude_categories=["Cs"]), max_size=30)
ANSWER = st.text(st.characters(exclude_characters="{}|\\", exclude_categories=["Cs"]), max_size=12)


def escaped(text: str) -> str:
    return text.replace("{", "\\{").replace("}", "\\}")


@given(LITERAL, ANSWER.filter(str.strip), LITERAL)
def test_any_text_around_a_blank_survives_with_its_braces_escaped(
    before: str, answer: str, after: str
) -> None:
    parts, problem = parse_cloze(escaped(before) + "{{" + answer + "}}" + escaped(after))
    assert problem is None
    assert parts == (before, Blank((answer.strip(),)), after)


@pytest.mark.parametrize(
    ("text", "offset", "says"),
    [
        ("on this {{continent}, a new {{nation}}", 19, "closed with one brace"),
        ("on this {{continent}}}", 21, "a stray '}' after the blank"),
        ("on this {{{continent}}}", 10, "three braces"),
        ("a {new} {{nation}}", 2, "a single '{'"),
        ("a {{new {{nation}}", 8, "cannot nest"),
        ("a {{nation", 2, "not closed"),
        ("a {{ |x}}", 2, "empty answer"),
        ("a } b {{c}}", 2, "a stray '}'"),
    ],
)
def test_the_first_mistake_is_located_at_its_brace(text: str, offset: int, says: str) -> None:
    parts, problem = parse_cloze(text)
    assert parts == ()
    assert problem is not None and problem.offset == offset and says in problem.message
    assert text[offset] in "{}"


def test_no_blank_is_a_problem_of_the_whole_text() -> None:
    _, problem = parse_cloze("no blank \\{here\\}")
    assert problem is not None and problem.offset is None
