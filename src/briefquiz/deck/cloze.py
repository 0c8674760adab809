"""The cloze grammar, parsed strictly: literal text and blanks `{{answer|alternative}}`.

Every `{{` must be closed by `}}`, and no other brace may stand alone: `{{continent}`,
`{{continent}}}` and `{{{continent}}}` are mistakes, each reported at the faulty brace. A
literal brace is written with a backslash, `\\{` or `\\}` (in a double-quoted YAML value the
backslash itself must be doubled: `"\\\\{"`). A backslash before anything else is literal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefquiz.deck.model import Blank

OPEN = "{{"
CLOSE = "}}"
ESCAPES = {"\\{": "{", "\\}": "}"}
LITERAL_HINT = r"a literal brace is written \{ or \}"


@dataclass(frozen=True, slots=True)
class ClozeProblem:
    """What is wrong, and at which character of the text (None: the text as a whole)."""

    message: str
    offset: int | None = None


Parts = tuple[str | Blank, ...]


Token = tuple[int, str]  # where it starts, and "{{", "}}", "{", "}", an escape or a run of text


# An escape, a double brace, a single brace, a lone backslash, or a run of anything else:
# the same cut as reading two characters at a time, with plain text in one token per run.
_TOKEN = re.compile(r"\\[{}]|\{\{|\}\}|[{}]|\\|[^\\{}]+")


def _tokens(text: str) -> list[Token]:
    """The text cut into braces and literal runs; an escaped brace is a literal one."""
    return [(m.start(), m.group()) for m in _TOKEN.finditer(text)]


def _literal(token: str) -> str:
    return ESCAPES.get(token, token)


def parse_cloze(text: str) -> tuple[Parts, ClozeProblem | None]:
    """Split a cloze text into literal parts and blanks, or say where its first mistake is."""
    parts: list[str | Blank] = []
    literal: list[str] = []
    inside: list[str] | None = None  # the answers typed so far, while in a blank
    opened = 0
    for at, token in _tokens(text):
        if inside is None:
            if token == OPEN:
                inside, opened = [], at
            elif token in ("{", CLOSE[0], CLOSE):
                return (), _stray(token, at, after_blank=bool(parts) and not literal)
            else:
                literal.append(_literal(token))
            continue
        if token in (OPEN, "{") and at == opened + 2:
            return (), ClozeProblem(
                f"three braces '{{{{{{': a blank opens with exactly two; {LITERAL_HINT}", at
            )
        if token in (OPEN, "{"):
            return (), ClozeProblem(
                "a '{' inside a blank: blanks cannot nest; close the blank before with "
                f"'}}}}'; {LITERAL_HINT}",
                at,
            )
        if token == "}":
            written = text[opened : at + len(token)]
            return (), ClozeProblem(
                f"the blank {written!r} is closed with one brace: close it with '}}}}'", at
            )
        if token == CLOSE:
            written = text[opened : at + len(token)]
            answers = tuple(a.strip() for a in "".join(inside).split("|"))
            if not all(answers):
                return (), ClozeProblem(f"blank {written!r} has an empty answer", opened)
            parts += ["".join(literal), Blank(answers)]
            literal, inside = [], None
            continue
        inside.append(_literal(token))
    if inside is not None:
        return (), ClozeProblem("this blank is not closed: end it with '}}'", opened)
    parts.append("".join(literal))
    if len(parts) == 1:
        return (), ClozeProblem(
            "the cloze text has no blanks: mark each one as {{answer}} or {{answer|alternative}}"
        )
    return tuple(parts), None


def _stray(token: str, at: int, *, after_blank: bool) -> ClozeProblem:
    if token == "{":
        return ClozeProblem(
            f"a single '{{': write each blank as {{{{answer}}}}; {LITERAL_HINT}", at
        )
    after = " after the blank" if after_blank else ""
    return ClozeProblem(f"a stray '}}'{after}: a blank closes with exactly two; {LITERAL_HINT}", at)
