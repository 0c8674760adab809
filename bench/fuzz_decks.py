"""Mutate the bundled decks at random and check each: no exception, every finding located.

.venv/bin/python bench/fuzz_decks.py [--count 10000] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import time

from briefquiz.deck.bundled import bundled_decks_dir
from briefquiz.deck.validate import read_deck

INSERTS = (b"\\e]52;c;aGk=\\a", b"{{", b"}}", b"\x1b[5m", b"\x00", b"- ", b": ", b"\n  ", b'"')


def mutate(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        at = rng.randrange(len(out) or 1)
        match rng.randrange(4):
            case 0:
                out[at : at + 1] = bytes([rng.randrange(256)])
            case 1:
                del out[at : at + rng.randint(1, 40)]
            case 2:
                out[at:at] = rng.choice(INSERTS)
            case _:
                out[at:at] = out[rng.randrange(len(out) or 1) :][: rng.randint(1, 200)]
    return bytes(out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    decks = [(p, p.read_bytes()) for p in sorted(bundled_decks_dir().glob("*.yaml"))]
    exceptions = unlocated = with_errors = 0
    started = time.perf_counter()
    for _ in range(args.count):
        path, data = rng.choice(decks)
        try:
            deck, findings = read_deck(path, mutate(data, rng), bundled=True)
        except Exception as exc:  # what this bench counts
            exceptions += 1
            print(f"{path.name}: {type(exc).__name__}: {exc}")
            continue
        with_errors += deck is None
        unlocated += sum(1 for f in findings if f.line < 1 or f.column < 1)
    elapsed = time.perf_counter() - started
    print(
        f"{args.count} mutated decks in {elapsed:.1f} s: {exceptions} exceptions,"
        f" {unlocated} unlocated findings, {with_errors} refused"
    )


if __name__ == "__main__":
    main()
