"""The parsed stylesheets shared by every app a test process starts.

Textual parses an app's CSS when the app starts, and keeps what it parsed in that app's own
Stylesheet. The app tests start about 300 apps from the same sheets, so each worker parsed
the same CSS again for each: 30 ms of the 160 ms of CPU an app takes to show its home
screen. What a parse gives depends only on the CSS text, where it was read from, its scope
and the CSS variables (the theme), so that is the key the rules are shared by. Rule sets
are not changed once parsed (a Stylesheet builds its own maps from them), and a sheet with
errors still fails in each app: Stylesheet.parse checks every rule set's errors itself.
"""

from __future__ import annotations

from typing import Any

from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet

_parse_alone = Stylesheet._parse_rules
_parsed: dict[tuple[Any, ...], list[RuleSet]] = {}


def _parse_shared(
    self: Stylesheet,
    css: str,
    read_from: Any,
    is_default_rules: bool = False,
    tie_breaker: int = 0,
    scope: str = "",
) -> list[RuleSet]:
    own_key = (css, read_from, is_default_rules, tie_breaker, scope)
    rules = self._parse_cache.get(own_key)  # Textual asks again for every sheet at each parse
    if rules is None:
        key = (*own_key, _variables_key(self._variables))
        rules = _parsed.get(key)
        if rules is None:
            rules = _parsed[key] = _parse_alone(self, *own_key)
        self._parse_cache[own_key] = rules
    return rules


_variables_keys: dict[int, tuple[dict[str, str], tuple[tuple[str, str], ...]]] = {}


def _variables_key(variables: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """The variables as a key, made once for each dict (set_variables replaces the dict)."""
    held = _variables_keys.get(id(variables))
    if held is None or held[0] is not variables:
        held = _variables_keys[id(variables)] = (variables, tuple(sorted(variables.items())))
    return held[1]


def share_parsed_css() -> None:
    Stylesheet._parse_rules = _parse_shared  # type: ignore[method-assign]
