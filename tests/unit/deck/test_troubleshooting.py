"""docs/authoring.md's troubleshooting table has a row, with a fix, for every message."""

from __future__ import annotations

import re

from briefquiz.deck.validate import read_deck
from paths import FIXTURE_DECKS, REPO

TABLE = REPO / "docs" / "authoring.md"
# A row names a message by its words; quoted names, numbers and "..." stand for what varies.
_VARIES = re.compile(r"'[^']*'|\b[NMX]\b|\.\.\.|…|\([^)]*\)|^warning: ")


def rows() -> list[tuple[list[str], str]]:
    text = TABLE.read_text(encoding="utf-8")
    table = text[text.index("## Troubleshooting") :].split("\n## ")[0]
    found = []
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip("|").split(" | ")]
        if len(cells) != 2 or cells[0] in ("message", "---"):
            continue
        for variant in cells[0].split(" / "):
            pieces = [p.strip(" ,:;") for p in _VARIES.split(variant.replace("`", ""))]
            found.append(([p for p in pieces if len(p) > 2], cells[1]))
    return found


def explained(message: str, table: list[tuple[list[str], str]]) -> bool:
    return any(pieces and all(p in message for p in pieces) and fix for pieces, fix in table)


def test_every_fixture_message_has_a_row_with_a_fix() -> None:
    table = rows()
    assert len(table) > 40
    missing = set()
    for path in sorted(FIXTURE_DECKS.glob("*.yaml")) + sorted(
        (FIXTURE_DECKS.parent / "schema").glob("*.yaml")
    ):
        for finding in read_deck(path)[1]:
            if not explained(finding.message, table):
                missing.add(finding.message)
    assert not missing, "\n".join(sorted(missing))
