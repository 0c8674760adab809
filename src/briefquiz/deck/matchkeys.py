"""The deck keys that steer the matching of typed answers: `aliases` and `reject`.

`aliases` (deck level) maps a canonical term to the other forms accepted for it, one text
or a list: `US: United States`, `Vladimir Putin: [Putin, President Putin]`. `reject` (typed
and cloze questions) lists answers refused even when a matching rule would accept them.
Every problem is reported at its own node, like the rest of the validator's findings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefquiz.deck.model import Aliases
from briefquiz.deck.yamlnodes import Mapping, Node, Scalar

if TYPE_CHECKING:
    from briefquiz.deck.nodereader import NodeReader as DeckReader

__all__ = ["read_aliases", "read_reject"]


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def _forms(reader: DeckReader, node: Node, canonical: str) -> list[str] | None:
    what = f"the aliases of {canonical!r}"
    if isinstance(node, Scalar):
        form = reader.text(node, what)
        return None if form is None else [form]
    return reader.texts(node, what)


def read_aliases(reader: DeckReader, node: Node | None) -> Aliases:
    """The deck's `aliases`, each form checked: not empty, not twice, in one term only."""
    if node is None:
        return ()
    if not isinstance(node, Mapping):
        reader.error(
            node, f"aliases must be a mapping of term: [other forms], not {node.kind}", "type"
        )
        return ()
    owner: dict[str, str] = {}
    aliases: list[tuple[str, tuple[str, ...]]] = []
    for key, value in node.pairs:
        canonical = reader.text(key, "each term of aliases")
        if canonical is None:
            continue
        forms = _forms(reader, value, canonical)
        if forms is None:
            continue
        kept: list[str] = []
        for form in [canonical, *forms]:
            folded = _folded(form)
            if folded in owner:
                first = owner[folded]
                where = "twice" if first == canonical else f"already for {first!r}"
                reader.error(key, f"alias {form!r} of {canonical!r} is given {where}", "duplicate")
                continue
            owner[folded] = canonical
            if form != canonical:
                kept.append(form)
        aliases.append((canonical, tuple(kept)))
    return tuple(aliases)


def read_reject(
    reader: DeckReader, node: Node | None, accepted: tuple[str, ...]
) -> tuple[str, ...] | None:
    """A question's `reject` list; None (after an error) when a reject is also accepted."""
    rejects = reader.texts(node, "reject")
    if rejects is None or node is None:
        return ()
    accepted_forms = {_folded(answer) for answer in accepted}
    clash = [reject for reject in rejects if _folded(reject) in accepted_forms]
    if clash:
        reader.error(
            node,
            f"reject {clash[0]!r} is also an accepted answer: refuse it or accept it",
            "reject",
        )
        return None
    return tuple(rejects)
