"""Setting the seminar of a text in the app: a date-time field that reads what the CLI reads.

Enter with a date sets it (09:00 when no time is given), Enter on an empty field clears it,
Esc leaves it as it was. The screen only checks what was typed; the caller saves it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from briefquiz.clock import Clock
from briefquiz.schedule.seminar_time import FORMATS, parse_seminar
from briefquiz.schedule.settings import SettingError, checked_seminar
from briefquiz.text.timefmt import local


@dataclass(frozen=True, slots=True)
class SeminarChoice:
    """What to save: a new seminar time, or None to clear it; `note` says which of a time
    the clocks show twice was taken."""

    when: datetime | None
    note: str = ""


class SeminarScreen(ModalScreen[SeminarChoice | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, current: datetime | None, clock: Clock) -> None:
        super().__init__()
        self.heading = title
        self.current = current
        self.clock = clock

    def compose(self) -> ComposeResult:
        tz = self.clock.tz
        now = "none set" if self.current is None else local(self.current, tz)
        with Vertical(id="seminar-box"):
            yield Static(f"Seminar for {self.heading}", id="seminar-title", markup=False)
            yield Static(f"Now: {now}. For every deck on this text.", markup=False)
            value = "" if self.current is None else f"{self.current.astimezone(tz):%Y-%m-%d %H:%M}"
            yield Input(value=value, placeholder="YYYY-MM-DD HH:MM", id="seminar-when")
            yield Static("", id="seminar-error", markup=False)
            yield Static(
                f"Enter sets it ({FORMATS}); an empty field clears it · Esc: leave it",
                id="seminar-keys",
                markup=False,
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            self.dismiss(SeminarChoice(None))
            return
        try:
            parsed = parse_seminar(text, self.clock.tz)
            checked_seminar(parsed.when, self.clock.now(), self.clock.tz)
        except (ValueError, SettingError) as err:
            self.query_one("#seminar-error", Static).update(str(err))
            return
        self.dismiss(SeminarChoice(parsed.when, parsed.note))

    def action_cancel(self) -> None:
        self.dismiss(None)
