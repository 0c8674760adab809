"""Bounded torture runs (the full ones: bench/torture.py): nothing acknowledged is lost, and
every card state is the one its review log ends with."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest

from paths import REPO

pytestmark = pytest.mark.slow


def torture() -> ModuleType:
    spec = importlib.util.spec_from_file_location("torture", REPO / "bench" / "torture.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["torture"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.long
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_20_random_kills_lose_no_acknowledged_answer(tmp_path: Path) -> None:
    bench = torture()
    deck = bench.deck_file(tmp_path, 300)
    bench.prepare(tmp_path / "data", deck)
    tally = bench.kills(tmp_path / "data", deck, 20, random.Random(13))
    assert tally.acknowledged > 0
    assert tally.acknowledged <= tally.stored <= tally.acknowledged + tally.in_flight
    assert tally.integrity == "ok"
    assert tally.disagreeing == 0


def test_4_writers_at_once_lose_nothing_and_agree(tmp_path: Path) -> None:
    bench = torture()
    deck = bench.deck_file(tmp_path, 300)
    bench.prepare(tmp_path / "data", deck)
    tally = bench.writers(tmp_path / "data", deck, 4, 8)
    assert tally.acknowledged == 32
    assert tally.stored == 32
    assert (tally.integrity, tally.disagreeing) == ("ok", 0)
