"""How long `briefquiz check` takes on decks built to be slow: the figures behind issue 13.

    .venv/bin/python bench/hostile_decks.py

Targets: 20,000 options and 20,000 cloze blanks under 0.5 s each; a deck at the 10 MB
limit under 3 s.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from briefquiz.deck.reading import DECK_LIMIT
from briefquiz.deck.validate import read_deck

N = 20_000
HEAD = "deck: big\ntitle: T\nquestions:\n"


def options() -> str:
    items = "\n".join(f"      - option {i}" for i in range(N))
    return (
        HEAD
        + "  - id: q\n    type: choice\n    prompt: P\n"
        + f"    answer: option 1\n    options:\n{items}\n"
    )


def cloze(blank: str) -> str:
    return HEAD + '  - id: q\n    type: cloze\n    text: "' + blank * N + '"\n'


def at_limit() -> str:
    question = (
        "  - id: q{0}\n    type: choice\n    prompt: Which one is it, {0}?\n"
        "    options: [a, b, c]\n    answer: b\n"
    )
    parts = [HEAD]
    size = len(HEAD)
    i = 0
    while size < DECK_LIMIT - 200:
        text = question.format(i)
        parts.append(text)
        size += len(text)
        i += 1
    return "".join(parts)


ROOT = Path(__file__).resolve().parent.parent
QUESTION_ID = re.compile(r"^  - id: ([a-z0-9_-]+)", re.M)


def bundled_repeated(limit: int = DECK_LIMIT) -> str:
    """The bundled decks' questions, again and again with fresh ids, up to `limit` bytes: a
    valid deck of real questions (quotes checked against the bundled source) at the limit.

    The header is the argument deck's, its source named by an absolute path so the deck can be
    written anywhere.
    """
    header = ""
    blocks: list[str] = []
    for path in sorted((ROOT / "decks").glob("*.yaml")):
        head, _, questions = path.read_text(encoding="utf-8").partition("\nquestions:\n")
        if path.name == "biden-russia-argument.yaml":
            header = head
        blocks.append(questions.rstrip("\n") + "\n")
    header = re.sub(r"^deck: .*$", "deck: large-bench", header, flags=re.M)
    header = header.replace("file: ../", f"file: {ROOT}/")
    parts = [header, "\nquestions:\n"]
    size = sum(len(p.encode()) for p in parts)
    for round_ in range(limit):
        for block in blocks:
            fresh = re.sub(
                r"^  - id: ([a-z0-9_-]+)", rf"  - id: \g<1>-r{round_}", block, flags=re.M
            )
            size += len(fresh.encode())
            if size > limit:
                return "".join(parts)
            parts.append(fresh)
    return "".join(parts)


def misquoted(limit: int) -> str:
    """`bundled_repeated(limit)` with the last word of every one-line quote reversed: each
    such quote is then explained (its nearest passage found) instead of just located."""
    return re.sub(
        r"(quote: .*?)(\w+)(\W*)$",
        lambda m: m.group(1) + m.group(2)[::-1] + m.group(3),
        bundled_repeated(limit),
        flags=re.M,
    )


def main() -> None:
    cases = {
        "20,000 options": options(),
        "20,000 unclosed {{": cloze("a {{ "),
        "20,000 cloze blanks": cloze("a {{b}} "),
        "a deck at the 10 MB limit": at_limit(),
        "the bundled questions, 10 MB": bundled_repeated(),
        "1 MB of misquoted questions": misquoted(1024 * 1024),
    }
    for name, text in cases.items():
        data = text.encode()
        started = time.perf_counter()
        _, findings = read_deck(Path("bench.yaml"), data)
        elapsed = time.perf_counter() - started
        print(f"{name:28} {len(data) / 1e6:6.2f} MB  {elapsed:6.3f} s  {len(findings)} findings")


if __name__ == "__main__":
    main()
