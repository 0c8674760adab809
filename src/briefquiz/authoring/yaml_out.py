"""Writing deck YAML that every reader takes as the author meant it.

`yaml.safe_dump` already quotes text that YAML 1.1 would read as something else (`NO`,
`012`, `1:30`); editors read YAML 1.2, where a few more plain words are not text (`0o17`,
`.inf`). Those are quoted too, so a deck written here is text wherever it is text, for
briefquiz and for an editor checking it against the schema.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

# YAML 1.2 core schema: plain scalars that are not strings.
_NOT_TEXT_IN_YAML_1_2 = re.compile(
    r"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE"
    r"|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"
    r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$"
)


_LINE_BREAKS = ("\n", "\r", "\x85", "\u2028", "\u2029")


def _needs_double_quotes(value: str) -> bool:
    return any(mark in value for mark in _LINE_BREAKS) or bool(_NOT_TEXT_IN_YAML_1_2.match(value))


class Flow(list[str]):
    """A list written on one line, `[a, b]`: for tags and short answers."""


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Indent list items under their key ("questions:\n  - id: ..."), as people write.
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style: str | None = None
    if "\n" in value.strip() and not any(mark in value for mark in _LINE_BREAKS[1:]):
        style = "|"
    elif _needs_double_quotes(value):
        style = '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _flow(dumper: yaml.SafeDumper, value: Flow) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", list(value), flow_style=True)


_Dumper.add_representer(str, _text)
_Dumper.add_representer(Flow, _flow)


def dump(data: Any) -> str:
    """YAML text for `data` (dicts keep their order), UTF-8 characters as they are."""
    text = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=96,
        indent=2,
    )
    return str(text)


def scalar(value: str) -> str:
    """`value` as it may follow `key: ` on one line (quoted only when it must be)."""
    return _inline(value)


def flow_list(values: list[str]) -> str:
    """`values` as a one-line YAML list, `[a, "b: c"]`."""
    return _inline(Flow(values))


def _inline(value: str | Flow) -> str:
    text = yaml.dump(
        {"k": value},
        Dumper=_OneLineDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1_000_000,
    )
    return str(text)[len("k: ") :].rstrip("\n")


class _OneLineDumper(_Dumper):
    pass


def _one_line_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if _needs_double_quotes(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_OneLineDumper.add_representer(str, _one_line_text)
