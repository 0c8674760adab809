"""The keys of every screen, in one table (`KEYMAP`) that tests can hold against the bindings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from briefquiz.ui.tui.widgets.keylist import KeyList


@dataclass(frozen=True, slots=True)
class KeyHelp:
    """Keys that do one thing. `keys` are Textual key names ("enter", "question_mark").

    `display` replaces the list of keys where it would be long ("1–9" for nine digits).
    """

    keys: tuple[str, ...]
    does: str
    display: str = ""

    @property
    def shown(self) -> str:
        return self.display or " ".join(key_label(key) for key in self.keys)


@dataclass(frozen=True, slots=True)
class ScreenHelp:
    """The keys of one screen; `screen` is a short stable name ("home", "study")."""

    screen: str
    title: str
    keys: tuple[KeyHelp, ...]

    @property
    def key_names(self) -> frozenset[str]:
        return frozenset(key for entry in self.keys for key in entry.keys)


_DIGITS = tuple("123456789")
_LETTERS = tuple("abcdefghijklmnopqrstuvwxyz")

KEYMAP: tuple[ScreenHelp, ...] = (
    ScreenHelp(
        "home",
        "Decks",
        (
            KeyHelp(("up", "down"), "choose a deck"),
            KeyHelp(("enter",), "study the chosen deck"),
            KeyHelp(("a",), "study everything due, in all decks"),
            KeyHelp(("c",), "cram: ask everything, schedule untouched"),
            KeyHelp(("s",), "stats"),
            KeyHelp(("r",), "read the source article"),
            KeyHelp(("m",), "set, change or clear the seminar of the deck's text"),
            KeyHelp(("p",), "the plan: each day up to the seminar of the deck's text"),
            KeyHelp(("question_mark",), "this help"),
            KeyHelp(("q",), "quit"),
        ),
    ),
    ScreenHelp(
        "study",
        "Studying",
        (
            KeyHelp((*_DIGITS, "0"), "pick an option or item (0 is the tenth)", display="1–9 0"),
            KeyHelp(_LETTERS, "pick a partner (match)", display="a–z"),
            KeyHelp(("up", "down", "home", "end"), "move between options or items"),
            KeyHelp(("space",), "toggle an option (multiple answers), show the answer (card)"),
            KeyHelp(
                ("shift+up", "shift+down", "left_square_bracket", "right_square_bracket", "k", "j"),
                "move the item up or down (order)",
                display="Shift+↑↓ [ ] k j",
            ),
            KeyHelp(("backspace", "delete"), "undo a pair (match)"),
            KeyHelp(("tab", "shift+tab"), "next or previous blank (cloze)"),
            KeyHelp(("enter",), "submit, then continue"),
            KeyHelp(("1", "2", "3", "4"), "after answering: change the rating", display="1–4"),
            KeyHelp(("exclamation_mark",), "after a wrong or partly right answer: I was right"),
            KeyHelp(("o",), "after answering: open the passage in the article"),
            KeyHelp(
                ("pagedown", "pageup"),
                "after answering: scroll the feedback (also ↓↑ j k Home End, the wheel)",
            ),
            KeyHelp(("escape",), "stop the session (asks first; what you typed stays)"),
            KeyHelp(("ctrl+u",), "empty the text box up to the cursor"),
            KeyHelp(("q",), "quit, after asking (in a text box q is a letter)"),
        ),
    ),
    ScreenHelp(
        "summary",
        "Session summary",
        (
            KeyHelp(("enter",), "open the passage of the missed question"),
            KeyHelp(("escape", "h"), "home"),
        ),
    ),
    ScreenHelp(
        "article",
        "Source article",
        (
            KeyHelp(("up", "down", "k", "j"), "previous or next paragraph"),
            KeyHelp(("pageup", "pagedown", "home", "end"), "jump through the article"),
            KeyHelp(("enter", "z"), "quiz on the paragraph (a cram: the schedule stays)"),
            KeyHelp(("w",), "the weakest paragraph by recall (again: the next weakest)"),
            KeyHelp(("s",), "study the three weakest paragraphs, as real reviews"),
            KeyHelp(("question_mark",), "this help"),
            KeyHelp(("escape", "q"), "back"),
        ),
    ),
    ScreenHelp(
        "stats",
        "Stats",
        (
            KeyHelp(("up", "down", "pageup", "pagedown"), "scroll"),
            KeyHelp(("escape", "q"), "back"),
        ),
    ),
    ScreenHelp(
        "plan",
        "Plan",
        (
            KeyHelp(("up", "down", "pageup", "pagedown"), "scroll"),
            KeyHelp(("question_mark",), "this help"),
            KeyHelp(("escape", "q"), "back"),
        ),
    ),
    ScreenHelp(
        "global",
        "Everywhere",
        (
            KeyHelp(("question_mark",), "this help (again to close it)"),
            KeyHelp(("escape",), "back"),
            KeyHelp(("ctrl+p",), "command palette: every action, cram, themes"),
            KeyHelp(("ctrl+c",), "quit"),
        ),
    ),
)
"""Every screen's keys. The app's bindings should agree with it (there is a test for it)."""

_LABELS = {
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "enter": "Enter",
    "escape": "Esc",
    "space": "Space",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "shift+up": "Shift+↑",
    "shift+down": "Shift+↓",
    "backspace": "Backspace",
    "delete": "Del",
    "ctrl+c": "Ctrl+C",
    "ctrl+p": "Ctrl+P",
    "ctrl+u": "Ctrl+U",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "question_mark": "?",
    "exclamation_mark": "!",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
}


def key_label(key: str) -> str:
    """How a Textual key name is shown: `↑`, `Enter`, `?`, `Shift+Tab`, `q`."""
    return _LABELS.get(key, key)


def keys_for(screen: str) -> ScreenHelp:
    """The entry of `KEYMAP` for a screen name; raises KeyError for an unknown name."""
    for entry in KEYMAP:
        if entry.screen == screen:
            return entry
    raise KeyError(screen)


def key_column_width(sections: Sequence[ScreenHelp]) -> int:
    """Cells for the keys column: the longest key list, plus a gap."""
    return max((len(k.shown) for s in sections for k in s.keys), default=0) + 2


class HelpScreen(ModalScreen[None]):
    """A box over the current screen listing the keys; Escape, `?` or `q` closes it.

    `current` names the screen it was opened from (a `ScreenHelp.screen`); its keys come first.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", "Close"),
    ]

    def __init__(
        self,
        current: str | None = None,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.current = current

    @property
    def sections(self) -> list[ScreenHelp]:
        """`KEYMAP`, the current screen's section first."""
        return sorted(KEYMAP, key=lambda s: s.screen != self.current)

    def compose(self) -> ComposeResult:
        sections = self.sections
        width = key_column_width(sections)
        with Vertical(id="help-box"):
            yield Static("Keys", id="help-title", markup=False)
            yield Static("Esc, ? or q to close", id="help-hint", markup=False)
            with VerticalScroll(id="help-body"):
                for section in sections:
                    yield Static(
                        section.title,
                        classes="help--section",
                        id=f"help-{section.screen}",
                        markup=False,
                    )
                    yield KeyList([(entry.shown, entry.does) for entry in section.keys], width)

    def action_close(self) -> None:
        self.dismiss(None)
