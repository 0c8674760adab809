"""Answering questions through the keyboard, as a learner would, for the pilot tests."""

from __future__ import annotations

from textual import events
from textual.pilot import Pilot

from briefquiz.deck.model import Choice, Cloze, Flashcard, Match, Multi, Order, TrueFalse, Typed
from briefquiz.study.queue import QueueItem
from briefquiz.ui.tui.app import BriefquizApp
from briefquiz.ui.tui.screens.study import StudyScreen

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def study(pilot: Pilot[None]) -> StudyScreen:
    screen = pilot.app.screen
    assert isinstance(screen, StudyScreen), f"expected the study screen, not {screen!r}"
    return screen


def current(pilot: Pilot[None]) -> QueueItem:
    item = study(pilot).session.current
    assert item is not None
    return item


async def keys(pilot: Pilot[None], *names: str) -> None:
    """Press keys that all go to the widget that has the focus now, without waiting between
    them (`pilot.press` waits for the app to settle after every key, which adds up).

    Only for keys the focused widget handles itself (text, digits, letters): a key bound to
    an action runs after the event bubbles up, so the next keys would overtake it."""
    driver = pilot.app._driver
    assert driver is not None
    for name in names:
        char = " " if name == "space" else name if len(name) == 1 else None
        driver.send_message(events.Key(name, char))
    await pilot.pause()


async def type_text(pilot: Pilot[None], text: str) -> None:
    await keys(pilot, *["space" if ch == " " else ch for ch in text])


async def arrange(pilot: Pilot[None], shown: tuple[str, ...], wanted: tuple[str, ...]) -> None:
    """Move the items of an order question from `shown` into `wanted` with the cursor keys."""
    items = list(shown)
    for target, entry in enumerate(wanted):
        here = items.index(entry)
        if here == target:
            continue
        await keys(pilot, str(here + 1))  # a digit puts the cursor on that position
        for _ in range(here - target):  # a binding: it runs after the key bubbles up
            await pilot.press("left_square_bracket")
        items.insert(target, items.pop(here))


async def answer(pilot: Pilot[None], right: bool) -> QueueItem:
    """Answer the current question (right or wrong) with keys only; returns what was asked."""
    item = current(pilot)
    q = item.question
    shown = item.presentation
    if isinstance(q, Flashcard):
        await pilot.press("space")  # the rating list appears and takes the focus
        await pilot.press("3" if right else "1")
    elif isinstance(q, Choice):
        pick = q.answer if right else next(o for o in shown.options if o != q.answer)
        await pilot.press(str(shown.options.index(pick) + 1))
    elif isinstance(q, Multi):
        picks = q.answers if right else {o for o in shown.options if o not in q.answers}
        await keys(pilot, *(str(shown.options.index(option) + 1) for option in sorted(picks)))
        await pilot.press("enter")
    elif isinstance(q, TrueFalse):
        await pilot.press("t" if q.answer == right else "f")
    elif isinstance(q, Typed):
        await type_text(pilot, q.answers[-1] if right else "x")
        await pilot.press("enter")
    elif isinstance(q, Cloze):
        for blank in q.blanks:
            await type_text(pilot, blank.answers[0] if right else "x")
            await pilot.press("enter")  # to the next gap, or check from the last
    elif isinstance(q, Order):
        await arrange(pilot, shown.items, q.items if right else tuple(reversed(q.items)))
        await pilot.press("enter")
    elif isinstance(q, Match):
        partners = list(shown.partners)
        letters = []
        for index, (_, partner) in enumerate(q.pairs):
            if not right:  # the partner of the next left: none is right
                partner = q.pairs[(index + 1) % len(q.pairs)][1]
            letters.append(LETTERS[partners.index(partner)])
        await keys(pilot, *letters)
        await pilot.press("enter")
    return item


def app_of(pilot: Pilot[None]) -> BriefquizApp:
    assert isinstance(pilot.app, BriefquizApp)
    return pilot.app
