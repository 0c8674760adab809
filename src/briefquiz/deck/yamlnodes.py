"""A safe, located YAML reader.

Builds a small node tree straight from libyaml's parser events instead of letting PyYAML
construct Python objects. That keeps every scalar exactly as the author typed it (no YAML 1.1
`NO` -> False, `012` -> 10), keeps the position of every node, sees duplicate keys, refuses
anchors, aliases and tags, and never recurses, so deep nesting cannot blow the stack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

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


class Mark(NamedTuple):
    """A place in the file (a tuple: built in half the time of a frozen dataclass)."""

    line: int  # 1-based
    column: int  # 1-based


class _Place(NamedTuple):
    """A place counted from 0, as libyaml's marks count it."""

    line: int
    column: int


class Scalar:
    """A text value. Its places are kept as libyaml gave them (counted from 0) and turned into
    marks only when asked: a large deck has hundreds of thousands of values, few ever located.
    """

    __slots__ = ("_end", "_start", "plain", "style", "value")
    kind = "a text value"

    def __init__(
        self,
        value: str,
        mark: Mark,
        plain: bool,  # written without quotes or block style
        style: str = "",  # "" plain, "'" or '"' quoted, "|" or ">" a block scalar
        end: Mark | None = None,  # just after its last character
    ) -> None:
        self.value = value
        self.plain = plain
        self.style = style
        self._start: Any = _Place(mark.line - 1, mark.column - 1)
        self._end: Any = None if end is None else _Place(end.line - 1, end.column - 1)

    @classmethod
    def from_event(cls, event: Any) -> Scalar:
        scalar = cls.__new__(cls)
        style = event.style or ""
        scalar.value, scalar.plain, scalar.style = event.value, not style, style
        scalar._start, scalar._end = event.start_mark, event.end_mark
        return scalar

    @property
    def mark(self) -> Mark:
        return Mark(self._start.line + 1, self._start.column + 1)

    @property
    def end(self) -> Mark | None:
        return None if self._end is None else Mark(self._end.line + 1, self._end.column + 1)

    def __repr__(self) -> str:
        return f"Scalar({self.value!r}, {self.mark!r}, plain={self.plain}, style={self.style!r})"


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
    if "\r" in text or "\x85" in text or "\u2028" in text or "\u2029" in text:
        return LINE_BREAK.split(text)
    return text.split("\n")  # the common case, without the regular expression


def char_mark(lines: list[str], scalar: Scalar, offset: int) -> Mark:
    """Where character `offset` of `scalar.value` was typed in the file.

    Meant for characters every YAML style copies as typed (braces, letters): the k-th such
    character of the value is the k-th one between the scalar's start and end, whatever the
    folding of lines and quotes did around it. Falls back to the scalar's start.
    """
    start, end = scalar.mark, scalar.end
    if end is None or not 0 <= offset < len(scalar.value):
        return start
    target = scalar.value[offset]
    wanted = scalar.value.count(target, 0, offset)
    first_line = start.line + (1 if scalar.style in ("|", ">") else 0)  # skip the header
    for number in range(first_line, min(end.line, len(lines)) + 1):
        line = lines[number - 1]
        begin = start.column - 1 if number == start.line else 0
        stop = end.column - 1 if number == end.line else len(line)
        for column in range(begin, min(stop, len(line))):
            if line[column] == target:
                if wanted == 0:
                    return Mark(number, column + 1)
                wanted -= 1
    return start


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
    """The node tree from libyaml's events, in one flat loop.

    The hot path of reading a large deck: events are told apart by their exact type (most
    common first) and a text value keeps libyaml's marks as given, so each event costs a few
    attribute reads.
    """
    root: Node | None = None
    stack: list[Sequence | Mapping] = []
    keys: list[Node | None] = []  # per open mapping: the key waiting for its value
    documents = 0
    get_event = loader.get_event
    while True:
        event = get_event()
        kind = type(event)
        if kind is _SCALAR:
            if event.anchor is not None or (event.tag is not None and event.tag not in _PLAIN_TAGS):
                _refuse_node(event)
            node: Node = Scalar.from_event(event)
        elif kind is _SEQUENCE_START or kind is _MAPPING_START:
            if event.anchor is not None or (event.tag is not None and event.tag not in _PLAIN_TAGS):
                _refuse_node(event)
            start = event.start_mark
            mark = Mark(start.line + 1, start.column + 1)
            if len(stack) >= MAX_DEPTH:
                raise YamlProblem(
                    mark.line, mark.column, f"nested more than {MAX_DEPTH} levels deep", "depth"
                )
            node = Sequence(mark) if kind is _SEQUENCE_START else Mapping(mark)
        elif kind is _SEQUENCE_END or kind is _MAPPING_END:
            stack.pop()
            keys.pop()
            continue
        elif kind is _STREAM_END:
            return root
        elif kind is _DOCUMENT_START:
            documents += 1
            if documents > 1:
                m = _mark(event.start_mark)
                raise YamlProblem(
                    m.line, m.column, "a deck file holds one YAML document; remove this '---'"
                )
            continue
        elif kind is _ALIAS:
            m = _mark(event.start_mark)
            raise YamlProblem(
                m.line,
                m.column,
                f"aliases (*{event.anchor}) are not allowed in decks; write the value out",
                "alias",
            )
        else:  # stream start, document end
            continue
        if not stack:
            root = node
        else:
            parent = stack[-1]
            if type(parent) is Sequence:
                parent.items.append(node)
            elif (key := keys[-1]) is None:
                keys[-1] = node
            else:
                parent.pairs.append((key, node))  # type: ignore[union-attr]
                keys[-1] = None
        if kind is not _SCALAR:
            stack.append(node)  # type: ignore[arg-type]
            keys.append(None)


_SCALAR = yaml.ScalarEvent
_SEQUENCE_START, _SEQUENCE_END = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_MAPPING_START, _MAPPING_END = yaml.MappingStartEvent, yaml.MappingEndEvent
_STREAM_END, _DOCUMENT_START, _ALIAS = yaml.StreamEndEvent, yaml.DocumentStartEvent, yaml.AliasEvent
_PLAIN_TAGS = (_STR_TAG, "!")


def _refuse_node(event: Any) -> None:
    """An anchor or a tag on a node: neither has a meaning in a deck."""
    m = _mark(event.start_mark)
    if event.anchor is not None:
        raise YamlProblem(
            m.line,
            m.column,
            f"anchors (&{event.anchor}) are not allowed in decks; write the value out",
            "alias",
        )
    tag = event.tag
    shown = "!!" + tag.removeprefix(_YAML_TAG) if tag.startswith(_YAML_TAG) else tag
    raise YamlProblem(
        m.line, m.column, f"YAML tags such as {shown} are not allowed in decks", "tag"
    )
