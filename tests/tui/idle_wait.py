"""A shorter slice for the pilot's wait for an idle app.

Textual's pilot waits after every key it presses (twice) and at every pause until the app
stops working: it sleeps 20 ms at a time (`textual._wait.SLEEP_GRANULARITY`) until a slice
passes in which the process used under a twentieth of it. The app tests wait so about 1,800
times, and in a 34 s run of `tests/tui` on 2 cores (4 workers) the workers spent 83 s in
those waits, 63 s of it asleep: more than half of each worker's time, with the cores left
idle. At 10 ms a slice the same tests pass (also at 8 workers, and beside two busy loops),
and the whole suite ran 41-52 s against 48-59 s at 20 ms (`pytest -q -p no:cacheprovider`,
five runs of each, taken in turns). The pilot still waits first for every message queue
of the app and its screen to be empty; only the idle slice is shorter. The value is read at
each wait, so setting it once, before the tests run, is enough.
"""

from __future__ import annotations

import warnings

import textual._wait

#: Seconds; Textual's own is 1/50, and its idle mark a twentieth of the slice.
SLICE = 1 / 100


def shorten_idle_waits() -> None:
    if not hasattr(textual._wait, "SLEEP_GRANULARITY"):  # a Textual that waits otherwise
        warnings.warn(
            "textual._wait has no SLEEP_GRANULARITY: the idle waits keep their length",
            stacklevel=2,
        )
        return
    textual._wait.SLEEP_GRANULARITY = SLICE
    textual._wait.SLEEP_IDLE = SLICE / 20
