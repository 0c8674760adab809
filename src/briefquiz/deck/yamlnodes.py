"""A safe, located YAML reader.

Builds a small node tree straight from libyaml's parser events instead of letting PyYAML
construct Python objects. That keeps every scalar exactly as the author typed it (no YAML 1.1
`NO` -> False, `012` -> 10), keeps the position of every node, sees duplicate keys, refuses
anchors, aliases and tags, and never recurses, so deep nesting cannot blow the stack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from briefquiz.deck.yamlhints import Hint, hint

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML wheels ship libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_BYTE_OFFSETS = _Loader.__name__ == "CSafeLoader"

MAX_DEPTH = 64
_YAML_TAG = "tag:yaml.org,2002:"
_STR_TAG = _YAML_TAG + "str"


@dataclass(frozen=True, slots=True)
class Mark:
    line: int  # 1-based
    column: int  # 1-based


@dataclass(slots=True)
class Scalar:
    value: str
    mark: Mark
    plain: bool  # written without quotes or block style
    style: str = ""  # "" plain, "'" or '"' quoted, "|" or ">" a block scalar
    end: Mark | None = None  # just after its last character

    kind = "a text value"


@dataclass(slots=True)
class Sequence:
    mark: Mark
    items: list[Node] = field(default_factory=list)

    kind = "a list"


@dataclass(slots=True)
class Mapping:
    mark: Mark
    pairs: list[tuple[Node, Node]] = field(default_factory=list)

    kind = "a mapping"

    def get(self, key: str) -> Node | None:
        for k, v in self.pairs:
            if isinstance(k, Scalar) and k.value == key:
                return v
        return None


Node = Scalar | Sequence | Mapping


class YamlProblem(Exception):
    """The text is not a YAML document briefquiz accepts; located 1-based."""

    def __init__(self, line: int, column: int, message: str, code: str = "yaml") -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.message = message
        self.code = code


LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # the breaks YAML counts


def source_lines(text: str) -> list[str]:
    """The lines of a decoded deck file, split where YAML counts a new line."""
    return LINE_BREAK.split(text)


def char_mark(lines: list[str], scalar: Scalar, offset: int) -> Mark:
    """Where character `offset` of `scalar.value` was typed in the file.

    Meant for characters every YAML style copies as typed (braces, letters): the k-th such
    character of the value is the k-th one between the scalar's start and end, whatever the
    folding of lines and quotes did around it. Falls back to the scalar's start.
    """
    if scalar.end is None or not 0 <= offset < len(scalar.value):
        return scalar.mark
    target = scalar.value[offset]
    wanted = scalar.value.count(target, 0, offset)
    first_line = scalar.mark.line + (1 if scalar.style in ("|", ">") else 0)  # skip the header
    for number in range(first_line, min(scalar.end.line, len(lines)) + 1):
        line = lines[number - 1]
        begin = scalar.mark.column - 1 if number == scalar.mark.line else 0
        stop = scalar.end.column - 1 if number == scalar.end.line else len(line)
        for column in range(begin, min(stop, len(line))):
            if line[column] == target:
                if wanted == 0:
                    return Mark(number, column + 1)
                wanted -= 1
    return scalar.mark


def _mark(m: Any) -> Mark:
    if m is None:
        return Mark(1, 1)
    return Mark(m.line + 1, m.column + 1)


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) to text, or a YamlProblem at the first bad byte."""
    data = data.removeprefix(b"\xef\xbb\xbf")  # positions below then count from the text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        before = data[: err.start]
        line = before.count(b"\n") + 1
        # Columns count characters, as everywhere else; the bytes before the bad one decode.
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8")) + 1
        raise YamlProblem(
            line,
            column,
            f"not UTF-8 text: byte 0x{data[err.start]:02x} cannot be decoded; save it as UTF-8",
            "encoding",
        ) from None


def compose(text: str) -> Node | None:
    """Parse one YAML document into nodes; None for an empty document."""
    loader = _Loader(text)
    try:
        return _compose_events(loader)
    except yaml.MarkedYAMLError as err:
        if err.problem and "maximum nesting depth" in err.problem:
            # libyaml's own limit (1000 levels) is met when its scanner runs ahead of ours.
            where = _mark(err.problem_mark or err.context_mark)
            raise YamlProblem(
                where.line, where.column, f"nested more than {MAX_DEPTH} levels deep", "depth"
            ) from None
        where, message = _located_message(err)
        known = _common_mistake(err, where, source_lines(text))
        if known is not None:
            where, message = Mark(known.line, known.column), f"invalid YAML: {known.message}"
        raise YamlProblem(where.line, where.column, message) from None
    except yaml.reader.ReaderError as err:
        position = err.position
        if _BYTE_OFFSETS:  # libyaml counts the UTF-8 bytes it was given, not characters
            position = len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        char = err.character if isinstance(err.character, int) else ord(err.character)
        raise YamlProblem(
            line, column, f"invalid YAML: control character U+{char:04X} is not allowed", "yaml"
        ) from None
    except yaml.YAMLError as err:
        raise YamlProblem(1, 1, f"invalid YAML: {err}") from None
    finally:
        loader.dispose()


def _common_mistake(err: yaml.MarkedYAMLError, where: Mark, lines: list[str]) -> Hint | None:
    problem = err.problem or ""
    start = _mark(err.context_mark) if err.context_mark is not None else where
    if problem.startswith("found unexpected end of stream") and "quoted" in (err.context or ""):
        problem = "not closed before the file ends"
        where = start
    return hint(problem, err.context or "", where.line, where.column, start.line, lines)


def _located_message(err: yaml.MarkedYAMLError) -> tuple[Mark, str]:
    """Where to send the author for a syntax error, and what to tell them."""
    problem = err.problem or "invalid YAML"
    if err.problem_mark is None:
        return _mark(err.context_mark), f"invalid YAML: {problem}"
    where = _mark(err.problem_mark)
    if not err.context:
        return where, f"invalid YAML: {problem}"
    if err.context_mark is None or _mark(err.context_mark) == where:
        return where, f"invalid YAML: {problem} {err.context}"
    start = _mark(err.context_mark)
    thing = err.context.removeprefix("while scanning ").removeprefix("while parsing ")
    if problem.startswith("found unexpected end of stream"):
        # An unclosed quote or bracket: the end of the file is no place to look for it.
        return start, f"invalid YAML: {thing} starts here but is not closed before the file ends"
    return where, (
        f"invalid YAML: {problem} {err.context} that starts at line {start.line}, "
        f"column {start.column}"
    )


def _compose_events(loader: Any) -> Node | None:
    root: Node | None = None
    stack: list[Sequence | Mapping] = []
    pending_key: list[Node | None] = []
    documents = 0

    def attach(node: Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        parent = stack[-1]
        if isinstance(parent, Sequence):
            parent.items.append(node)
        elif pending_key[-1] is None:
            pending_key[-1] = node
        else:
            key = pending_key[-1]
            parent.pairs.append((key, node))
            pending_key[-1] = None

    while True:
        event = loader.get_event()
        if isinstance(event, yaml.StreamEndEvent):
            return root
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                m = _mark(event.start_mark)
                raise YamlProblem(
                    m.line, m.column, "a deck file holds one YAML document; remove this '---'"
                )
            continue
        if isinstance(event, yaml.AliasEvent):
            m = _mark(event.start_mark)
            raise YamlProblem(
                m.line,
                m.column,
                f"aliases (*{event.anchor}) are not allowed in decks; write the value out",
                "alias",
            )
        if isinstance(event, yaml.NodeEvent):
            m = _mark(event.start_mark)
            if event.anchor is not None:
                raise YamlProblem(
                    m.line,
                    m.column,
                    f"anchors (&{event.anchor}) are not allowed in decks; write the value out",
                    "alias",
                )
            tag = getattr(event, "tag", None)
            if tag is not None and tag not in (_STR_TAG, "!"):
                shown = "!!" + tag.removeprefix(_YAML_TAG) if tag.startswith(_YAML_TAG) else tag
                raise YamlProblem(
                    m.line, m.column, f"YAML tags such as {shown} are not allowed in decks", "tag"
                )
        if isinstance(event, yaml.ScalarEvent):
            style = event.style or ""
            attach(
                Scalar(
                    event.value,
                    _mark(event.start_mark),
                    plain=not style,
                    style=style,
                    end=_mark(event.end_mark),
                )
            )
        elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            if len(stack) >= MAX_DEPTH:
                m = _mark(event.start_mark)
                raise YamlProblem(
                    m.line, m.column, f"nested more than {MAX_DEPTH} levels deep", "depth"
                )
            container: Sequence | Mapping
            if isinstance(event, yaml.SequenceStartEvent):
                container = Sequence(_mark(event.start_mark))
            else:
                container = Mapping(_mark(event.start_mark))
            attach(container)
            stack.append(container)
            pending_key.append(None)
        elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            stack.pop()
            pending_key.pop()
