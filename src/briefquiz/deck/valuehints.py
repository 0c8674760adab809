"""Why a value came out other than typed, when a YAML rule did it: a ': ' or a ' #' in it.

The parser accepts these lines, so they reach the validator as a mapping where text was
wanted, or as an empty value; the line as typed tells what happened and how to quote it.
"""

from __future__ import annotations

from briefquiz.deck.yamlhints import quoted
from briefquiz.deck.yamlnodes import Mapping, Node, Scalar


def colon_hint(lines: list[str], node: Node) -> str:
    """A one-line `key: value` where text was wanted: a ': ' in the text made it one."""
    if not isinstance(node, Mapping) or len(node.pairs) != 1:
        return ""
    key, value = node.pairs[0]
    if not isinstance(key, Scalar) or not isinstance(value, Scalar) or value.end is None:
        return ""
    if key.mark.line != value.end.line or key.mark.line > len(lines):
        return ""
    typed = lines[key.mark.line - 1][key.mark.column - 1 : value.end.column - 1]
    return f": the ': ' in it makes a key and a value; put it in quotes, {quoted(typed)}"


def comment_hint(lines: list[str], node: Scalar) -> str:
    """A plain value that came out empty because a '#' follows it: YAML read a comment."""
    line = lines[node.mark.line - 1] if node.mark.line <= len(lines) else ""
    rest = line[node.mark.column - 1 :]
    if node.plain and rest.lstrip().startswith("#"):
        return f": a '#' after a space starts a comment; quote the value, {quoted(rest.strip())}"
    return ""
