"""Control characters: never let a deck, a source text, a CSV or a progress file drive the terminal.

A YAML ``"\\e]52;c;...\\a"`` is an OSC-52 clipboard write; ``"\\e[5m"`` blinks. Tab and line
feed are text, and so is the carriage return of a CRLF line ending; every other C0 control,
DEL and the C1 controls (U+0080-U+009F) are not. :func:`strip_controls` is the one place that
removes them; ``check`` reports them with :func:`first_control`.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

CONTROL: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")

_NAMES: Final = {
    "\x1b": "ESC",
    "\x07": "BEL",
    "\x00": "NUL",
    "\r": "CR",
    "\x08": "BS",
    "\x7f": "DEL",
}


def strip_controls(text: str) -> str:
    """``text`` without its control characters (tab, LF and the CR of CRLF kept)."""
    return CONTROL.sub("", text) if CONTROL.search(text) else text


def first_control(text: str) -> int | None:
    """The index of the first control character of ``text``, or None."""
    found = CONTROL.search(text)
    return None if found is None else found.start()


def describe_control(char: str) -> str:
    """``U+001B (ESC)``: how a message names a control character."""
    name = _NAMES.get(char) or unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")
