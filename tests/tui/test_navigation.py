"""Every way between the app's screens: from each screen, each key that leaves it, and the
screen stack it leaves behind. The paragraph quiz is reached from every place that offers it
(home's article, the article opened from an answer, from the summary's missed list): once,
a second study or summary screen on the stack crashed the app with DuplicateIds.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from driving import answer
from textual.binding import Binding
from textual.pilot import Pilot
from textual.screen import Screen
from tuikit import AppFactory, library_of, write_deck

from briefquiz.progress.repository import Store
from briefquiz.ui.tui.screens.article import ArticleScreen
from briefquiz.ui.tui.screens.confirm import ConfirmScreen
from briefquiz.ui.tui.screens.help import HelpScreen
from briefquiz.ui.tui.screens.home import HomeScreen
from briefquiz.ui.tui.screens.plan import PlanScreen
from briefquiz.ui.tui.screens.seminar import SeminarScreen
from briefquiz.ui.tui.screens.stats import StatsScreen
from briefquiz.ui.tui.screens.study import StudyScreen
from briefquiz.ui.tui.screens.summary import SummaryScreen

Setup = Callable[[Pilot[Any]], Awaitable[None]]
EXIT = ("exit",)


async def home(pilot: Pilot[Any]) -> None:
    await pilot.pause()


async def seminar(pilot: Pilot[Any]) -> None:
    await pilot.press("m")


async def question(pilot: Pilot[Any]) -> None:
    await pilot.press("enter")


async def feedback(pilot: Pilot[Any]) -> None:
    await question(pilot)
    await answer(pilot, right=False)


async def summary(pilot: Pilot[Any]) -> None:
    await feedback(pilot)
    await pilot.press("escape", "y")


async def confirm(pilot: Pilot[Any]) -> None:
    await feedback(pilot)
    await pilot.press("escape")


async def confirm_unanswered(pilot: Pilot[Any]) -> None:
    await question(pilot)
    await pilot.press("escape")


async def article(pilot: Pilot[Any]) -> None:
    """Home's article, the cursor on the first paragraph that a question quotes."""
    await pilot.press("r")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ArticleScreen)
    while (view := screen.cursor_view) is not None and not view.questions:
        await pilot.press("down")


async def article_from_answer(pilot: Pilot[Any]) -> None:
    await feedback(pilot)
    await pilot.press("o")


async def article_from_summary(pilot: Pilot[Any]) -> None:
    await summary(pilot)
    await pilot.press("enter")


async def stats(pilot: Pilot[Any]) -> None:
    await pilot.press("s")


async def plan(pilot: Pilot[Any]) -> None:
    await pilot.press("p")


async def help_(pilot: Pilot[Any]) -> None:
    await pilot.press("question_mark")


H, ST, SU, AR, SS, HE, CO = (
    "HomeScreen",
    "StudyScreen",
    "SummaryScreen",
    "ArticleScreen",
    "StatsScreen",
    "HelpScreen",
    "ConfirmScreen",
)

#: (where, the screen there, key, the stack after it, under the default screen)
WALK: list[tuple[Setup, type[Screen[Any]], str, tuple[str, ...]]] = [
    (home, HomeScreen, "enter", (H, ST)),
    (home, HomeScreen, "a", (H, ST)),
    (home, HomeScreen, "c", (H, ST)),
    (home, HomeScreen, "s", (H, SS)),
    (home, HomeScreen, "r", (H, AR)),
    (home, HomeScreen, "question_mark", (H, HE)),
    (home, HomeScreen, "q", EXIT),
    (home, HomeScreen, "m", (H, "SeminarScreen")),
    (home, HomeScreen, "p", (H, "PlanScreen")),
    (plan, PlanScreen, "escape", (H,)),
    (plan, PlanScreen, "q", (H,)),
    (plan, PlanScreen, "question_mark", (H, "PlanScreen", HE)),
    (seminar, SeminarScreen, "escape", (H,)),
    (question, StudyScreen, "escape", (H, ST, CO)),
    (question, StudyScreen, "q", (H, ST, CO)),
    (question, StudyScreen, "question_mark", (H, ST, HE)),
    (feedback, StudyScreen, "enter", (H, ST)),
    (feedback, StudyScreen, "o", (H, ST, AR)),
    (feedback, StudyScreen, "1", (H, ST)),
    (feedback, StudyScreen, "4", (H, ST)),
    (feedback, StudyScreen, "escape", (H, ST, CO)),
    (confirm, ConfirmScreen, "y", (H, SU)),
    (confirm, ConfirmScreen, "n", (H, ST)),
    (confirm, ConfirmScreen, "escape", (H, ST)),
    (confirm_unanswered, ConfirmScreen, "y", (H,)),
    (summary, SummaryScreen, "enter", (H, SU, AR)),
    (summary, SummaryScreen, "escape", (H,)),
    (summary, SummaryScreen, "h", (H,)),
    (summary, SummaryScreen, "q", EXIT),
    (article, ArticleScreen, "enter", (H, ST)),
    (article, ArticleScreen, "z", (H, ST)),
    (article, ArticleScreen, "escape", (H,)),
    (article, ArticleScreen, "q", (H,)),
    (article, ArticleScreen, "question_mark", (H, AR, HE)),
    (article, ArticleScreen, "s", (H, ST)),
    (article_from_answer, ArticleScreen, "enter", (H, ST)),
    (article_from_answer, ArticleScreen, "z", (H, ST)),
    (article_from_answer, ArticleScreen, "escape", (H, ST)),
    (article_from_summary, ArticleScreen, "enter", (H, ST)),
    (article_from_summary, ArticleScreen, "escape", (H, SU)),
    (stats, StatsScreen, "escape", (H,)),
    (stats, StatsScreen, "q", (H,)),
    (help_, HelpScreen, "escape", (H,)),
    (help_, HelpScreen, "question_mark", (H,)),
    (help_, HelpScreen, "q", (H,)),
]

#: Keys that move within a screen and never leave it.
STAYING = {"cursor_up", "cursor_down", "page_up", "page_down", "first", "last", "weakest"}


def stack(pilot: Pilot[Any]) -> tuple[str, ...]:
    if not pilot.app.is_running:
        return EXIT
    return tuple(type(screen).__name__ for screen in pilot.app.screen_stack[1:])


#: Setups that only open screens: they answer nothing, so the store is as it was.
READ_ONLY = {home, plan, seminar, stats, help_, article}
#: Cases that start from home and leave the store and the app running as they were: one app
#: walks them all, popped back to home between them. The others get an app each.
SHARED = [case for case in WALK if case[0] in READ_ONLY and case[3] != EXIT and ST not in case[3]]
ALONE = [case for case in WALK if case not in SHARED]


def case_id(case: tuple[Setup, type[Screen[Any]], str, tuple[str, ...]]) -> str:
    return f"{case[0].__name__}-{case[2]}"


async def walk_one(
    pilot: Pilot[Any], setup: Setup, screen: type[Screen[Any]], key: str
) -> tuple[str, ...]:
    await setup(pilot)
    await pilot.pause()
    assert isinstance(pilot.app.screen, screen), stack(pilot)
    await pilot.press(key)
    await pilot.pause()
    await pilot.pause()
    return stack(pilot)


@pytest.mark.parametrize(("setup", "screen", "key", "expected"), ALONE, ids=map(case_id, ALONE))
async def test_each_key_of_each_screen(
    tmp_path: Path,
    make_app: AppFactory,
    setup: Setup,
    screen: type[Screen[Any]],
    key: str,
    expected: tuple[str, ...],
) -> None:
    library = library_of(write_deck(tmp_path / "decks", ("choice", "truefalse")))
    async with make_app(library).run_test(size=(100, 30)) as pilot:
        assert await walk_one(pilot, setup, screen, key) == expected


@pytest.mark.long
async def test_each_key_of_each_screen_that_opens_and_closes_screens(
    tmp_path: Path, make_app: AppFactory
) -> None:
    """The cases of SHARED in one app (each app start restyles every widget, which adds up);
    each starts from a lone home screen, and every case's outcome is reported by its name."""
    library = library_of(write_deck(tmp_path / "decks", ("choice", "truefalse")))
    wrong: list[str] = []
    async with make_app(library).run_test(size=(100, 30)) as pilot:
        for setup, screen, key, expected in SHARED:
            name = case_id((setup, screen, key, expected))
            try:
                got = await walk_one(pilot, setup, screen, key)
            except AssertionError as error:
                got = ("setup failed:", str(error))
            if got != expected:
                wrong.append(f"{name}: {got} != {expected}")
            while len(pilot.app.screen_stack) > 2:
                pilot.app.pop_screen()
            await pilot.pause()
            assert stack(pilot) == (H,), f"after {name}: {stack(pilot)}"
    assert wrong == [], "\n".join(wrong)


def test_the_walk_covers_every_key_that_leaves_a_screen() -> None:
    screens = {HomeScreen, StudyScreen, SummaryScreen, ArticleScreen, StatsScreen}
    screens |= {HelpScreen, ConfirmScreen, SeminarScreen, PlanScreen}
    walked = {(screen, key) for _, screen, key, _ in WALK}
    for screen in screens:
        for binding in screen.BINDINGS:
            assert isinstance(binding, Binding)
            if binding.action in STAYING:
                continue
            for key in binding.key.split(","):
                assert (screen, key) in walked, f"{screen.__name__}: {key}"


async def test_a_paragraph_quiz_mid_session_stops_the_first_session(
    tmp_path: Path, app_store: Store, make_app: AppFactory
) -> None:
    """Enter, an answer, o, Enter: the crash of issue 14. One session at a time; the first
    one's answer is saved and the learner is told."""
    library = library_of(write_deck(tmp_path / "decks", ("choice", "truefalse")))
    async with make_app(library).run_test(size=(80, 24)) as pilot:
        await article_from_answer(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert stack(pilot) == (H, ST)
        screen = pilot.app.screen
        assert isinstance(screen, StudyScreen) and screen.session.cram
        assert any("The session before stopped" in n.message for n in pilot.app._notifications)
        await answer(pilot, right=True)
    assert len(app_store.reviews("varn")) == 2


async def test_a_paragraph_quiz_from_the_summary_ends_in_one_summary(
    tmp_path: Path, make_app: AppFactory
) -> None:
    """`--limit 2`, miss one, Enter, Enter, an answer, Esc: the second crash of issue 14."""
    library = library_of(write_deck(tmp_path / "decks", ("choice", "truefalse")))
    app = make_app(library, decks=library.decks, limit=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await answer(pilot, right=False)
        await pilot.press("escape", "y", "enter")  # the summary, the missed passage
        await pilot.pause()
        assert stack(pilot) == (H, SU, AR)
        await pilot.press("enter")  # quiz on the paragraph
        await pilot.pause()
        await answer(pilot, right=True)
        await pilot.press("escape", "y")
        await pilot.pause()
        assert stack(pilot) == (H, SU)
        assert isinstance(pilot.app.screen, SummaryScreen) and pilot.app.screen.summary.cram


async def test_an_unexpected_error_writes_a_log_and_shows_no_deck_content(
    tmp_path: Path, app_home: Path, make_app: AppFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    library = library_of(write_deck(tmp_path / "decks", ("choice",)))
    app = make_app(library)
    secret = library.decks[0].questions[0].prompt

    def boom() -> None:
        raise RuntimeError(secret)

    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            app.call_later(boom)
            await pilot.pause()
    [log] = (app_home / "logs").iterdir()
    assert secret in log.read_text(encoding="utf-8")
    shown = " ".join(capsys.readouterr().err.split())
    assert "unexpected error (RuntimeError)" in shown and "answer you gave is saved" in shown
    assert secret not in shown and log.name in shown


async def test_escape_in_a_text_input_asks_and_keeps_what_was_typed(
    tmp_path: Path, make_app: AppFactory
) -> None:
    """Escape asks before stopping; "no" comes back to the answer as it was typed. Ctrl+U
    empties the box (Escape used to, and a student reaching for "stop" lost the answer)."""
    from driving import type_text
    from textual.widgets import Input

    library = library_of(write_deck(tmp_path / "decks", ("typed",)))
    async with make_app(library, decks=library.decks).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_text(pilot, "half an answer q")
        field = pilot.app.screen.query_one(Input)
        assert field.value == "half an answer q"  # q is a letter in an input
        await pilot.press("escape")
        await pilot.pause()
        assert stack(pilot) == (H, ST, CO)
        asked = str(pilot.app.screen.query_one("#confirm-question").render())
        assert "Your answers are saved" in asked
        assert "What is typed in the box is not an answer yet" in asked  # not saved, but kept
        await pilot.press("n")
        await pilot.pause()
        assert stack(pilot) == (H, ST)
        assert field.value == "half an answer q" and pilot.app.focused is field
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert field.value == ""
        await pilot.press("escape")  # nothing typed: nothing to warn of
        await pilot.pause()
        asked = str(pilot.app.screen.query_one("#confirm-question").render())
        assert "Your answers are saved" in asked and "typed" not in asked
