"""Where the data lives: an empty BRIEFQUIZ_DATA_DIR is a mistake said as one."""

from __future__ import annotations

from typing import Any


def test_an_empty_data_dir_variable_is_an_error(bq: Any) -> None:
    ran = bq.run("list", BRIEFQUIZ_DATA_DIR="")
    assert ran.returncode == 1
    assert "BRIEFQUIZ_DATA_DIR is set but empty" in ran.stderr
    assert "unset it" in ran.stderr
