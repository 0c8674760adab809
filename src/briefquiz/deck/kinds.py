"""Reading the two discussion kinds from a deck file: `evidence` and `explain`.

Their builders join the validator's table (`validate._BUILDERS`); every mistake is a located
finding, as everywhere else in the reader.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from briefquiz.deck.keys import did_you_mean
from briefquiz.deck.model import AnyQuestion, Evidence, Explain, Point, QuestionType, Stance
from briefquiz.deck.nodereader import NodeReader
from briefquiz.deck.sourcetext import QuoteLocation
from briefquiz.deck.yamlnodes import Mapping, Node, Sequence

if TYPE_CHECKING:
    from briefquiz.deck.validate import DeckReader

MIN_POINTS, MAX_POINTS = 2, 5
POINT_KEYS = ("point", "quote")
SOURCE_PROBLEMS = frozenset({"source-missing", "encoding"})

Common = dict[str, object]
Built = Callable[[Common], AnyQuestion] | None


def _deck_reader(r: NodeReader) -> DeckReader:
    """The reader of a whole deck: the discussion kinds need its source text and quotes."""
    from briefquiz.deck.validate import DeckReader  # it imports the builders, so not above

    assert isinstance(r, DeckReader)
    return r


def quoted_elsewhere(qtype: QuestionType) -> bool:
    """Whether the kind reports its own missing passages (explain: in each point; evidence:
    `quote` or `quotes`, which it cannot do without), instead of the no-quote warning."""
    return qtype in (QuestionType.EXPLAIN, QuestionType.EVIDENCE)


def _stance(r: DeckReader, node: Node | None) -> Stance | None:
    if node is None:
        return Stance.SUPPORTS
    raw = r.text(node, "stance")
    if raw is None:
        return None
    try:
        return Stance(raw)
    except ValueError:
        hint = did_you_mean(raw, [s.value for s in Stance])
        r.error(node, f"stance must be supports or contradicts, not {raw!r}{hint}", "stance")
        return None


def _located(r: DeckReader, node: Node, quote: str) -> QuoteLocation | None:
    """Where a quote (already reported if it is not found) stands; a byline is refused."""
    assert r.source_text is not None
    where = r.source_text.locate(quote)
    if where is not None and not where.paragraph.ordinal:
        r.error(node, "the quote stands in a byline, not in a paragraph to choose", "quote")
        return None
    return where


def _right_passages(
    r: DeckReader, f: dict[str, Node]
) -> tuple[tuple[str, ...], tuple[QuoteLocation, ...]] | None:
    quote_node, quotes_node = f.get("quote"), f.get("quotes")
    at = f.get("type") or quote_node or quotes_node
    assert at is not None  # a question reaches its builder only with a type
    if quote_node is not None and quotes_node is not None:
        r.error(quotes_node, "give quote or quotes, not both", "evidence")
        return None
    if quotes_node is not None:
        quotes = r.texts(quotes_node, "quotes")
        if quotes is None or not isinstance(quotes_node, Sequence):
            return None
        nodes = list(quotes_node.items)
        if len(quotes) != len(nodes):  # an empty, repeated or wrong item: reported
            return None
        if not quotes:
            r.error(quotes_node, "quotes needs at least one passage of the source", "count")
            return None
        if any(r.quote(item) is None for item in nodes):
            return None
    elif quote_node is not None:
        quote = r.text(quote_node, "quote")
        if quote is None:
            return None
        nodes, quotes = [quote_node], [quote]
    else:
        r.error(
            at,
            "an evidence question needs a quote (or quotes) standing in the right paragraph",
            "missing-key",
        )
        return None
    if r.source_text is None:
        return None
    locations: list[QuoteLocation] = []
    seen: set[int] = set()
    for node, quote in zip(nodes, quotes, strict=False):
        where = _located(r, node, quote)
        if where is None:
            return None
        if where.paragraph.ordinal in seen:
            r.error(
                node,
                f"two quotes stand in paragraph {where.paragraph.ordinal}; one is enough",
                "duplicate",
            )
            return None
        seen.add(where.paragraph.ordinal)
        locations.append(where)
    return tuple(quotes), tuple(locations)


def read_evidence(reader: NodeReader, f: dict[str, Node]) -> Built:
    r = _deck_reader(reader)
    type_node = f.get("type")
    if r.source_text is None and type_node is not None:
        if not any(finding.code in SOURCE_PROBLEMS for finding in r.findings):
            r.error(
                type_node,
                "an evidence question needs the deck's source file (source: file:),"
                " whose paragraphs are the choices",
                "evidence-no-source",
            )
        return None
    stance = _stance(r, f.get("stance"))
    passages = _right_passages(r, f)
    if stance is None or passages is None or r.source_text is None:
        return None
    quotes, right = passages
    paragraphs = tuple(p for p in r.source_text.paragraphs if p.ordinal)

    def build(c: Common) -> AnyQuestion:
        common = {**c, "quote": quotes[0]}
        return Evidence(**common, quotes=quotes, stance=stance, paragraphs=paragraphs, right=right)  # type: ignore[arg-type]

    return build


def _point(r: DeckReader, node: Node, number: int) -> Point | None:
    what = f"point {number}"
    if not isinstance(node, Mapping):
        r.error(node, f"{what} must be a mapping with point and quote, not {node.kind}", "type")
        return None
    fields = r.keys(node, POINT_KEYS, POINT_KEYS, what)
    text = r.text(fields.get("point"), f"the text of {what}")
    quote = r.quote(fields.get("quote"))
    if text is None or quote is None:
        return None
    return Point(text, quote)


def read_explain(reader: NodeReader, f: dict[str, Node]) -> Built:
    r = _deck_reader(reader)
    node = f.get("points")
    if node is None:
        return None
    if not isinstance(node, Sequence):
        r.error(node, f"points must be a list of point and quote, not {node.kind}", "type")
        return None
    if not MIN_POINTS <= len(node.items) <= MAX_POINTS:
        r.error(
            node,
            f"an explain question needs {MIN_POINTS} to {MAX_POINTS} points, not {len(node.items)}",
            "count",
        )
        return None
    points: list[Point] = []
    for number, item in enumerate(node.items, 1):
        point = _point(r, item, number)
        if point is not None and any(p.text == point.text for p in points):
            r.error(item, f"point {number} repeats an earlier point", "duplicate")
            continue
        if point is not None:
            points.append(point)
    if len(points) != len(node.items):
        return None
    return lambda c: Explain(**c, points=tuple(points))  # type: ignore[arg-type]
