"""Reading typed values out of a deck file's nodes, each problem recorded as a located finding.

The part of the deck reader that knows nodes, not decks: the per-kind builders use it too.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefquiz.deck.findings import Finding, Severity
from briefquiz.deck.keys import ID_PATTERN, MAX_OPTIONS, closest, did_you_mean
from briefquiz.deck.model import Aliases
from briefquiz.deck.valuehints import colon_hint, comment_hint
from briefquiz.deck.yamlnodes import Mapping, Mark, Node, Scalar, Sequence, char_mark
from briefquiz.text.control import describe_control, first_control, strip_controls


class NodeReader:
    """Typed accessors over one file's nodes; `findings` collects what is wrong."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.findings: list[Finding] = []
        self.lines: list[str] = []
        self.aliases: Aliases = ()  # the deck's, once its header is read
        # Whether the file as typed may hold a control character. When it holds none, only a
        # double-quoted value's escapes (\\e, \\x1b) can make one, and only those are searched.
        self.raw_controls = True

    # -- reporting -------------------------------------------------------------------
    def error(self, at: Node | Mark, message: str, code: str) -> None:
        self._add(at, Severity.ERROR, message, code)

    def warning(self, at: Node | Mark, message: str, code: str) -> None:
        self._add(at, Severity.WARNING, message, code)

    def _add(self, at: Node | Mark, severity: Severity, message: str, code: str) -> None:
        mark = at if isinstance(at, Mark) else at.mark
        self.findings.append(Finding(self.path, mark.line, mark.column, severity, code, message))

    def at_char(self, node: Node, offset: int | None) -> Node | Mark:
        """Where character `offset` of a text value (as text() returns it, stripped) was typed."""
        if offset is None or not isinstance(node, Scalar):
            return node
        lead = len(node.value) - len(node.value.lstrip())
        return char_mark(self.lines, node, offset + lead)

    @property
    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)

    # -- typed accessors --------------------------------------------------------------
    def keys(
        self, mapping: Mapping, allowed: tuple[str, ...], required: tuple[str, ...], what: str
    ) -> dict[str, Node]:
        seen: dict[str, Node] = {}
        suggested: set[str] = set()  # a misspelt key's "did you mean" replaces "missing"
        for key, value in mapping.pairs:
            if not isinstance(key, Scalar):
                self.error(key, f"keys of {what} must be plain words", "type")
                continue
            if key.value in seen:
                self.error(key, f"duplicate key {key.value!r} in {what}", "duplicate-key")
                continue
            if key.value not in allowed:
                close = closest(key.value, allowed)
                hint = f" (did you mean {close!r}?)" if close else ""
                self.error(key, f"unknown key {key.value!r} in {what}{hint}", "unknown-key")
                suggested.add(close or "")
                continue
            seen[key.value] = value
        for name in required:
            if name not in seen and name not in suggested:
                self.error(mapping, f"{what} is missing the required key {name!r}", "missing-key")
        return seen

    def text(self, node: Node | None, what: str, *, allow_empty: bool = False) -> str | None:
        if node is None:
            return None
        if not isinstance(node, Scalar):
            hint = colon_hint(self.lines, node)
            self.error(node, f"{what} must be a text value, not {node.kind}{hint}", "type")
            return None
        value = node.value.strip()
        if (self.raw_controls or node.style == '"') and (at := first_control(value)) is not None:
            self.error(
                node,
                f"{what} holds the control character {describe_control(value[at])}, which"
                " could drive the terminal; remove it",
                "control-character",
            )
            value = strip_controls(value)
        if not value and not allow_empty:
            self.error(node, f"{what} must not be empty{comment_hint(self.lines, node)}", "empty")
            return None
        return value

    def texts(self, node: Node | None, what: str, *, unique: bool = True) -> list[str] | None:
        if node is None:
            return None
        if isinstance(node, Scalar):
            self.error(node, f"{what} must be a list, e.g. [first, second]", "type")
            return None
        if not isinstance(node, Sequence):
            self.error(node, f"{what} must be a list, not {node.kind}", "type")
            return None
        values: list[str] = []
        seen: set[str] = set()  # not `in values`: a list of 20,000 items must stay linear
        for item in node.items:
            value = self.text(item, f"each item of {what}")
            if value is None:
                continue
            if unique and value in seen:
                self.error(item, f"{value!r} appears twice in {what}", "duplicate")
                continue
            seen.add(value)
            values.append(value)
        return values

    @staticmethod
    def all_taken(node: Node, values: list[str]) -> bool:
        """Whether every item of a list was taken: when one was refused (and reported), its
        count is no second mistake to report."""
        return isinstance(node, Sequence) and len(values) == len(node.items)

    def boolean(self, node: Node | None, what: str) -> bool | None:
        if node is None:
            return None
        if isinstance(node, Scalar) and node.plain and node.value.lower() in ("true", "false"):
            return node.value.lower() == "true"
        if isinstance(node, Scalar) and node.value.lower() in ("true", "false"):
            message = f"{what} must be written true or false without quotes"
        else:
            shown = node.value if isinstance(node, Scalar) else node.kind
            message = f"{what} must be true or false, not {shown!r}"
        self.error(node, message, "type")
        return None

    def identifier(self, node: Node | None, what: str) -> str | None:
        value = self.text(node, what)
        if value is None or node is None:
            return None
        if not ID_PATTERN.match(value):
            suggestion = re.sub(r"[^a-z0-9_-]+", "-", value.lower()).strip("-_")
            hint = f" (e.g. {suggestion!r})" if suggestion and suggestion != value else ""
            self.error(
                node,
                f"{what} {value!r} may hold only lowercase letters, digits, '-' and '_'{hint}",
                "id",
            )
            return None
        return value

    # -- the deck ---------------------------------------------------------------------

    def options(self, fields: dict[str, Node]) -> list[str] | None:
        node = fields.get("options")
        options = self.texts(node, "options")
        if options is None or node is None or not self.all_taken(node, options):
            return None
        if not 2 <= len(options) <= MAX_OPTIONS:
            self.error(node, f"options needs 2 to {MAX_OPTIONS} items, not {len(options)}", "count")
            return None
        return options

    def member(self, node: Node | None, value: str | None, options: list[str], what: str) -> bool:
        if value is None or node is None:
            return False
        if value in options:
            return True
        self.error(
            node,
            f"{what} {value!r} is not among the options{did_you_mean(value, options)}",
            "answer-not-in-options",
        )
        return False
