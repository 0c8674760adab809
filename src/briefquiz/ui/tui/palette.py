"""The app's own entries in the command palette (ctrl+p), before Textual's: (title, what
it does with its key, the app's action)."""

from __future__ import annotations

PALETTE: tuple[tuple[str, str, str], ...] = (
    ("Study all due", "A session on every deck's due questions (a)", "study_all"),
    (
        "Cram the current deck",
        "Every question of it, weakest first; its schedule is left alone (c)",
        "cram",
    ),
    (
        "Set the seminar",
        "Set, change or clear the seminar of the current deck's text (m, on home)",
        "seminar",
    ),
    ("Open stats", "Progress, forecast and readiness (s)", "stats"),
    (
        "Open the plan",
        "Day by day up to the seminar of the current deck's text (p, on home)",
        "plan",
    ),
    ("Open article", "The source article of the current deck (r)", "article"),
    ("Help", "Every key, screen by screen (?)", "help"),
    ("Toggle dark mode", "Switch between the light and dark theme", "toggle_dark"),
)
