"""The cloze grammar, parsed strictly: literal text and blanks `{{answer|alternative}}`.

Every `{{` must be closed by `}}`, and no other brace may stand alone: `{{continent}`,
`{{continent}}}` and `{{{continent}}}` are mistakes, each reported at the faulty brace. A
literal brace is written with a backslash, `\\{` or `\\}` (in a double-quoted YAML value the
backslash itself must be doubled: `"\\\\{"`). A backslash before anything else is literal.
"""

from __future__ import annotations

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


def parse_cloze(text: str) -> tuple[Parts, ClozeProblem | None]:
    """Split a cloze text into literal parts and blanks, or say where its first mistake is."""
    parts: list[str | Blank] = []
    literal: list[str] = []
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        if pair in ESCAPES:
            literal.append(ESCAPES[pair])
            i += 2
        elif pair == OPEN:
            if text[i + 2 : i + 3] == "{":
                return (), ClozeProblem(
                    f"three braces '{{{{{{': a blank opens with exactly two; {LITERAL_HINT}",
                    i + 2,
                )
            blank, end, problem = _blank(text, i)
            if problem is not None:
                return (), problem
            parts.append("".join(literal))
            parts.append(blank)
            literal = []
            i = end
        elif text[i] == "{":
            return (), ClozeProblem(
                f"a single '{{': write each blank as {{{{answer}}}}; {LITERAL_HINT}", i
            )
        elif text[i] == "}":
            after = " after the blank" if parts and not literal else ""
            return (), ClozeProblem(
                f"a stray '}}'{after}: a blank closes with exactly two; {LITERAL_HINT}", i
            )
        else:
            literal.append(text[i])
            i += 1
    parts.append("".join(literal))
    if len(parts) == 1:
        return (), ClozeProblem(
            "the cloze text has no blanks: mark each one as {{answer}} or {{answer|alternative}}"
        )
    return tuple(parts), None


def _blank(text: str, start: int) -> tuple[Blank, int, ClozeProblem | None]:
    """The blank opened at `start`, and the index just after its `}}`."""
    inside: list[str] = []
    i = start + 2
    while i < len(text):
        pair = text[i : i + 2]
        if pair in ESCAPES:
            inside.append(ESCAPES[pair])
            i += 2
        elif pair == CLOSE:
            written = text[start : i + 2]
            answers = tuple(a.strip() for a in "".join(inside).split("|"))
            if not all(answers):
                return Blank(()), i, ClozeProblem(f"blank {written!r} has an empty answer", start)
            return Blank(answers), i + 2, None
        elif text[i] == "}":
            written = text[start : i + 1]
            return (
                Blank(()),
                i,
                ClozeProblem(
                    f"the blank {written!r} is closed with one brace: close it with '}}}}'", i
                ),
            )
        elif text[i] == "{":
            return (
                Blank(()),
                i,
                ClozeProblem(
                    "a '{' inside a blank: blanks cannot nest; close the blank before with "
                    f"'}}}}'; {LITERAL_HINT}",
                    i,
                ),
            )
        else:
            inside.append(text[i])
            i += 1
    return (
        Blank(()),
        i,
        ClozeProblem("this blank is not closed: end it with '}}'", start),
    )
