"""The feedback's button row: where its buttons go, what a click and the mouse do (the
feedback's own use of it: test_app_screens.test_clicking_an_option_answers)."""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.pilot import Pilot

from briefquiz.ui.tui.widgets.button_row import ButtonRow, RowButton, place

BUTTONS = [RowButton("a", "1 Again"), RowButton("b", "Next"), RowButton("c", "Article (o)")]


def spans(width: int) -> list[tuple[str, int, int, int]]:
    return [(p.button.name, p.line, p.start, p.end) for p in place(BUTTONS, width)]


def test_buttons_go_left_to_right_one_cell_apart() -> None:
    assert spans(40) == [("a", 0, 0, 9), ("b", 0, 10, 16), ("c", 0, 17, 30)]


def test_a_button_that_does_not_fit_goes_whole_onto_the_next_line() -> None:
    assert spans(25) == [("a", 0, 0, 9), ("b", 0, 10, 16), ("c", 1, 0, 13)]


def test_at_the_end_of_a_line_a_button_may_leave_out_its_last_padding_cell() -> None:
    assert spans(29) == [("a", 0, 0, 9), ("b", 0, 10, 16), ("c", 0, 17, 29)]
    assert spans(28)[-1] == ("c", 1, 0, 13)


class RowApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.pressed: list[str] = []

    def compose(self) -> ComposeResult:
        yield ButtonRow(BUTTONS)

    def on_button_row_pressed(self, event: ButtonRow.Pressed) -> None:
        self.pressed.append(event.name)


def drawn(pilot: Pilot[Any]) -> list[str]:
    row = pilot.app.query_one(ButtonRow)
    return [row.render_line(y).text.rstrip() for y in range(row.size.height)]


async def test_the_row_is_as_tall_as_its_lines_and_draws_each_button_whole() -> None:
    async with RowApp().run_test(size=(25, 5)) as pilot:
        await pilot.pause()
        assert drawn(pilot) == [" 1 Again   Next", " Article (o)"]


async def test_a_click_presses_the_button_under_it_and_nothing_between_them() -> None:
    app = RowApp()
    async with app.run_test(size=(40, 5)) as pilot:
        await pilot.pause()
        row = app.query_one(ButtonRow)
        await pilot.click(ButtonRow, offset=row.offset_of("c"))
        await pilot.click(ButtonRow, offset=(9, 0))  # the gap after the first button
        await pilot.click(ButtonRow, offset=(0, 0))
        assert app.pressed == ["c", "a"]


async def test_the_button_under_the_mouse_and_the_current_one_are_drawn_apart() -> None:
    async with RowApp().run_test(size=(40, 5)) as pilot:
        await pilot.pause()
        row = pilot.app.query_one(ButtonRow)
        plain = row.render_line(0)
        await pilot.hover(ButtonRow, offset=row.offset_of("b"))
        hovered = row.render_line(0)
        row.current = "a"
        await pilot.pause()
        current = row.render_line(0)

    def style_at(strip: Any, x: int) -> Any:
        return strip.crop(x, x + 1)._segments[0].style

    assert style_at(hovered, 12) != style_at(plain, 12)  # "Next" lit
    assert style_at(hovered, 2) == style_at(plain, 2)
    assert style_at(current, 2) != style_at(plain, 2)  # "1 Again" reversed
    assert style_at(current, 2).reverse
