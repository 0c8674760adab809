"""The package keeps its shape: small modules, and the layers as folders, not a flat heap."""

from __future__ import annotations

from pathlib import Path

import briefquiz

PACKAGE = Path(briefquiz.__file__).parent
MAX_LINES = 400
MAX_TOP_LEVEL = 6


def test_no_module_is_over_400_lines() -> None:
    sizes = {
        str(path.relative_to(PACKAGE)): len(path.read_text(encoding="utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
    }
    assert len(sizes) > 50
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}


def test_at_most_six_modules_stay_at_the_top_level() -> None:
    top = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert "__init__.py" in top
    assert len(top) <= MAX_TOP_LEVEL, top
