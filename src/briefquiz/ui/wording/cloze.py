"""A cloze text with its gaps numbered, as every front end shows it."""

from __future__ import annotations

from briefquiz.deck.model import Blank, Cloze


def gapped_text(question: Cloze) -> str:
    """The cloze text with each blank shown as `[1]_____`."""
    out: list[str] = []
    number = 0
    for part in question.parts:
        if isinstance(part, Blank):
            number += 1
            out.append(f"[{number}]_____")
        else:
            out.append(part)
    return "".join(out)
