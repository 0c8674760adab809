"""The YAML mistakes people make most, told with their fix instead of the parser's words.

libyaml reports where it gave up and in its own terms ("mapping values are not allowed in this
context"). Looking at the line it gave up on, and the lines above, tells which common mistake
it was: an unquoted ': ' in a value, a tab, a line indented unlike its neighbours, a value
starting with a character YAML reserves, an unclosed quote or bracket.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KEY_LINE = re.compile(
    r"^(?P<indent> *)(?P<dash>- +)?(?P<key>[^\s:#'\"][^:#]*?):(?: +(?P<value>.*))?$"
)
_SQUEEZED = re.compile(r"^( *(?:- +)?)([A-Za-z_][\w-]*):([^\s:/].*)$")  # prompt:Who, not a URL
_RESERVED_START = "{[*&!@`%|>"  # a plain value cannot start with these


@dataclass(frozen=True, slots=True)
class Hint:
    line: int  # 1-based
    column: int  # 1-based
    message: str


def indentation(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def quoted(value: str) -> str:
    """`value` in the quotes YAML needs least escaping for."""
    value = value.strip()
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def _spaces(count: int) -> str:
    return f"{count} space" if count == 1 else f"{count} spaces"


def _key_column(line: str) -> int:
    """Where a line's key starts, 0-based: after its indentation and any '- ' before it."""
    found = re.match(r"^ *(- +)*", line)
    return found.end() if found else 0


def _expected_indentation(lines: list[str], number: int) -> int | None:
    """How far line `number` should be indented, judged from the nearest line like it above:
    a list item like the item before it; a key like the key before it (which may follow a
    '- '), skipping a key that opens a block of its own."""
    item = lines[number - 1].lstrip(" ").startswith("-")
    for above in range(number - 2, -1, -1):
        text = lines[above]
        stripped = text.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        if item and stripped.startswith("-"):
            return indentation(text)
        if not item and not stripped.rstrip().endswith(":"):
            return _key_column(text)
    return None


def _unclosed_above(lines: list[str], line: int, mark: str) -> tuple[int, int] | None:
    """The line and column of a value above `line` opened with `mark` and not closed on its
    line: the quote at `line` then only closed it, and what follows is the parser's error."""
    for number in range(line - 1, 0, -1):
        found = _KEY_LINE.match(lines[number - 1])
        value = (found.group("value") or "") if found else ""
        if not value.startswith(mark):
            continue
        rest = value[1:].replace("\\\\", "").replace('\\"', "") if mark == '"' else value[1:]
        rest = rest.replace("''", "") if mark == "'" else rest
        if mark not in rest:
            return number, len(lines[number - 1]) - len(value) + 1
        return None
    return None


def hint(
    problem: str, context: str, line: int, column: int, start_line: int, lines: list[str]
) -> Hint | None:
    """The common mistake behind a libyaml error at `line`, `column`, and its fix, if known.

    `start_line` is where the construct being parsed began (libyaml's context mark)."""
    if not 1 <= line <= len(lines):
        return None
    text = lines[line - 1]
    if "\t" in text[: indentation(text) + 1] or "tab character" in problem:
        tab = text.find("\t")
        if tab >= 0:
            return Hint(
                line,
                tab + 1,
                "a tab in the indentation: YAML indents with spaces only; "
                "replace the tab with spaces",
            )
    stripped = text.lstrip(" ")
    for number in (line, line - 1):  # the item is read as a key, the line after it then fails
        item = lines[number - 1] if number >= 1 else ""
        if re.match(r"-[^\s-]", item.lstrip(" ")):
            return Hint(
                number,
                indentation(item) + 1,
                f"a list item needs a space after '-': write '- {item.lstrip(' ')[1:].strip()}'",
            )
    if "unknown escape character" in problem:
        return Hint(
            line,
            column,
            "in double quotes a backslash starts an escape: write \\\\ for a backslash "
            "(\\\\{ for a literal cloze brace), or use single quotes",
        )
    if "not closed before the file ends" in problem and start_line == line:
        mark = text[column - 1] if column - 1 < len(text) else '"'
        return Hint(
            line,
            column,
            f"this {mark} is not closed: end the value with {mark} on this line "
            "(inside double quotes write \\\" for a quote; inside single quotes write '')",
        )
    if "flow sequence" in context or "flow mapping" in context:
        opener = "[" if "sequence" in context else "{"
        closer = "]" if opener == "[" else "}"
        if start_line != line:
            start = lines[start_line - 1]
            return Hint(
                start_line,
                start.find(opener) + 1,
                f"this {opener} is not closed: add {closer} at the end of its list, "
                "and separate the items with ', '",
            )
    expected = _expected_indentation(lines, line)
    shaped = _KEY_LINE.match(text) or stripped.startswith("-")
    if expected is not None and stripped and indentation(text) != expected and shaped:
        return Hint(
            line,
            indentation(text) + 1,
            f"this line is indented {_spaces(indentation(text))} and the one like it above "
            f"{_spaces(expected)}: indent it like the line above",
        )
    for number in sorted({line, line - 1, start_line}, reverse=True):
        squeezed = _SQUEEZED.match(lines[number - 1]) if 1 <= number <= line else None
        if squeezed:
            indent, key, value = squeezed.groups()
            return Hint(
                number,
                len(indent) + len(key) + 2,
                f"a key needs a space after its ':': write '{key}: {value}'",
            )
    match = _KEY_LINE.match(text)
    value = (match.group("value") or "") if match else ""
    if match and value:
        key = match.group("key")
        first = value[0]
        if first in "\"'" and (opened := _unclosed_above(lines, line, first)) is not None:
            return Hint(
                opened[0],
                opened[1],
                f"this {first} is not closed: end the value with {first} on this line",
            )
        if first in "\"'":
            inner = value[1:-1] if len(value) > 1 and value.endswith(first) else value
            return Hint(
                line,
                len(text) - len(value) + 1,
                f"a quoted value ends at its next {first}: quote it so that none is inside, "
                f"{key}: {quoted(inner)}",
            )
        if first in _RESERVED_START:
            return Hint(
                line,
                len(text) - len(value) + 1,
                f"a value starting with {first!r} must be quoted: {key}: {quoted(value)}",
            )
        if "mapping values are not allowed" in problem:
            return Hint(
                line,
                column,
                f"a ': ' inside a value: put the whole value in quotes, {key}: {quoted(value)}",
            )
    return None
