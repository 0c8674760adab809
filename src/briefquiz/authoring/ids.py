"""Deck and question ids made from human text: `"Who directs the Kennan Institute?"` ->
`who-directs-the-kennan-institute`."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from briefquiz.deck.keys import ID_PATTERN

MAX_ID_LENGTH = 48
_NOT_ID = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_length: int = MAX_ID_LENGTH) -> str:
    """Lowercase ASCII letters and digits joined by `-`, cut at a word boundary; may be ''.

    Accents are dropped (`Gorbatchëv` -> `gorbatchev`); letters without an ASCII form
    (Cyrillic, CJK) disappear, so callers need a fallback for an empty result.
    """
    folded = unicodedata.normalize("NFKD", text.replace("&", " and "))
    folded = folded.replace("\u2019", "'").replace("'", "")  # "Putin's" -> "putins"
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    slug = _NOT_ID.sub("-", ascii_text).strip("-")
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else slug[:max_length]
    return slug.strip("-")


def is_valid_id(text: str) -> bool:
    return bool(ID_PATTERN.match(text))


def unique_id(base: str, taken: Iterable[str]) -> str:
    """`base`, or `base-2`, `base-3`, ... whichever is not taken yet."""
    used = set(taken)
    if base not in used:
        return base
    number = 2
    while f"{base}-{number}" in used:
        number += 1
    return f"{base}-{number}"


def title_from_name(name: str) -> str:
    """A deck title from a file stem or deck id: `cold-war_terms` -> `Cold war terms`."""
    text = " ".join(name.replace("_", " ").replace("-", " ").split()) or "My deck"
    return text[0].upper() + text[1:]
