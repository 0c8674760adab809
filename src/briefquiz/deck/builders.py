"""One builder per question kind: its own keys read from the nodes into the model's dataclass."""

from __future__ import annotations

from collections.abc import Callable

from briefquiz.deck import advice
from briefquiz.deck.cloze import parse_cloze
from briefquiz.deck.keys import MAX_OPTIONS
from briefquiz.deck.kinds import read_evidence, read_explain
from briefquiz.deck.matchkeys import read_reject
from briefquiz.deck.model import (
    AnyQuestion,
    Blank,
    Choice,
    Cloze,
    Flashcard,
    Match,
    Multi,
    Order,
    QuestionType,
    TrueFalse,
    Typed,
)
from briefquiz.deck.nodereader import NodeReader
from briefquiz.deck.yamlnodes import Mapping, Node, Scalar, Sequence

Common = dict[str, object]
Builder = Callable[[NodeReader, dict[str, Node]], Callable[[Common], AnyQuestion] | None]


def _flashcard(r: NodeReader, f: dict[str, Node]) -> Callable[[Common], AnyQuestion] | None:
    answer = r.text(f.get("answer"), "answer")
    if answer is None:
        return None
    return lambda c: Flashcard(**c, answer=answer)  # type: ignore[arg-type]


def _choice(r: NodeReader, f: dict[str, Node]) -> Callable[[Common], AnyQuestion] | None:
    options = r.options(f)
    answer = r.text(f.get("answer"), "answer")
    if (
        options is None
        or answer is None
        or not r.member(f.get("answer"), answer, options, "answer")
    ):
        return None
    advice.longest_is_right(r, f["answer"], options, answer)
    return lambda c: Choice(**c, options=tuple(options), answer=answer)  # type: ignore[arg-type]


def _multi(r: NodeReader, f: dict[str, Node]) -> Callable[[Common], AnyQuestion] | None:
    options = r.options(f)
    answers_node = f.get("answers")
    answers = r.texts(answers_node, "answers")
    if options is None or answers is None or answers_node is None:
        return None
    if not answers:
        r.error(answers_node, "answers needs at least one of the options", "count")
        return None
    # Each answer is checked at its own item (texts() skips bad and repeated items, so the
    # lists do not line up) and every wrong one is reported, not only the first.
    ok = True
    checked: set[str] = set()
    for item in answers_node.items if isinstance(answers_node, Sequence) else []:
        value = item.value.strip() if isinstance(item, Scalar) else ""
        if value and value not in checked:
            checked.add(value)
            ok = r.member(item, value, options, "answer") and ok
    if not ok:
        return None
    advice.every_option_right(r, answers_node, options, answers)
    return lambda c: Multi(**c, options=tuple(options), answers=frozenset(answers))  # type: ignore[arg-type]


def _truefalse(r: NodeReader, f: dict[str, Node]) -> Callable[[Common], AnyQuestion] | None:
    answer = r.boolean(f.get("answer"), "answer")
    if answer is None:
        return None
    return lambda c: TrueFalse(**c, answer=answer)  # type: ignore[arg-type]


def _exact(r: NodeReader, f: dict[str, Node]) -> bool:
    return bool(r.boolean(f.get("exact"), "exact")) if "exact" in f else False


def _typed(r: NodeReader, f: dict[str, Node]) -> Callable[[Common], AnyQuestion] | None:
    node = f.get("answers")
    answers = r.texts(node, "answers")
    exact = _exact(r, f)
    if answers is None or node is None:
        return None
    if not answers:
        r.error(node, "answers needs at least one accepted answer", "count")
        return None
    reject = read_reject(r, f.get("reject"), tuple(answers))
    if reject is None:
        return None
    aliases = r.aliases
    return lambda c: Typed(**c, answers=tuple(answers), exact=exact, reject=reject, aliases=aliases)  # type: ignore[arg-type]


def _cloze(r: NodeReader, f: dict[str, Node]) -> Callable[[Common], AnyQuestion] | None:
    node = f.get("text")
    text = r.text(node, "text")
    exact = _exact(r, f)
    if text is None or node is None:
        return None
    parts, problem = parse_cloze(text)
    if problem is not None:
        r.error(r.at_char(node, problem.offset), problem.message, "cloze")
        return None
    accepted = tuple(a for part in parts if isinstance(part, Blank) for a in part.answers)
    reject = read_reject(r, f.get("reject"), accepted)
    if reject is None:
        return None
    aliases = r.aliases
    return lambda c: Cloze(**c, text=text, parts=parts, exact=exact, reject=reject, aliases=aliases)  # type: ignore[arg-type]


def _order(r: NodeReader, f: dict[str, Node]) -> Callable[[Common], AnyQuestion] | None:
    node = f.get("items")
    items = r.texts(node, "items")
    if items is None or node is None or not r.all_taken(node, items):
        return None
    if len(items) < 2:
        r.error(node, f"an order question needs at least 2 items, not {len(items)}", "count")
        return None
    if len(items) > MAX_OPTIONS:
        r.error(
            node, f"an order question takes at most {MAX_OPTIONS} items, not {len(items)}", "count"
        )
        return None
    return lambda c: Order(**c, items=tuple(items))  # type: ignore[arg-type]


def _match(r: NodeReader, f: dict[str, Node]) -> Callable[[Common], AnyQuestion] | None:
    node = f.get("pairs")
    if node is None:
        return None
    if not isinstance(node, Mapping):
        r.error(node, f"pairs must be a mapping of left: right, not {node.kind}", "type")
        return None
    pairs: list[tuple[str, str]] = []
    lefts: set[str] = set()
    rights: set[str] = set()
    for key, value in node.pairs:
        left = r.text(key, "each left item of pairs")
        right = r.text(value, f"the partner of {left!r}" if left else "each right item of pairs")
        if left is None or right is None:
            continue
        if left in lefts:
            r.error(key, f"{left!r} appears twice on the left of pairs", "duplicate")
            continue
        if right in rights:
            r.error(
                value,
                f"{right!r} is the partner of two items; partners must all differ",
                "duplicate",
            )
            continue
        lefts.add(left)
        rights.add(right)
        pairs.append((left, right))
    if len(node.pairs) < 2:
        r.error(node, f"a match question needs at least 2 pairs, not {len(node.pairs)}", "count")
        return None
    if len(node.pairs) > MAX_OPTIONS:
        r.error(
            node,
            f"a match question takes at most {MAX_OPTIONS} pairs, not {len(node.pairs)}",
            "count",
        )
        return None
    return lambda c: Match(**c, pairs=tuple(pairs))  # type: ignore[arg-type]


BUILDERS: dict[QuestionType, Builder] = {
    QuestionType.FLASHCARD: _flashcard,
    QuestionType.CHOICE: _choice,
    QuestionType.MULTI: _multi,
    QuestionType.TRUEFALSE: _truefalse,
    QuestionType.TYPED: _typed,
    QuestionType.CLOZE: _cloze,
    QuestionType.ORDER: _order,
    QuestionType.MATCH: _match,
    QuestionType.EVIDENCE: read_evidence,
    QuestionType.EXPLAIN: read_explain,
}
