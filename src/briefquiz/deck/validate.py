"""Turn a deck file's nodes into the deck model, collecting every problem on the way.

Nothing here stops at the first problem: each check records a located finding and moves on,
so an author sees all that is wrong in one run.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from briefquiz.deck.findings import Finding, Severity
from briefquiz.deck.model import (
    AnyQuestion,
    Blank,
    Choice,
    Cloze,
    Deck,
    Flashcard,
    Match,
    Multi,
    Order,
    QuestionType,
    Source,
    TrueFalse,
    Typed,
)
from briefquiz.deck.reading import DECK_LIMIT, escapes_to_system, read_regular
from briefquiz.deck.sourcetext import SourceCache, SourceText
from briefquiz.deck.yamlnodes import Mapping, Mark, Node, Scalar, Sequence, YamlProblem, compose
from briefquiz.deck.yamlnodes import decode as decode_bytes
from briefquiz.text.control import describe_control, first_control, strip_controls

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
MAX_OPTIONS = 9  # options, order items and match pairs are picked with the digit keys 1-9
BLANK = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)

HEADER_KEYS = ("deck", "title", "description", "source", "questions")
HEADER_REQUIRED = ("deck", "title", "questions")
SOURCE_KEYS = ("title", "authors", "file", "url", "starts_at_line")
COMMON_KEYS = ("id", "type", "prompt", "explanation", "quote", "tags")
TYPE_KEYS: dict[QuestionType, tuple[str, ...]] = {
    QuestionType.FLASHCARD: ("answer",),
    QuestionType.CHOICE: ("options", "answer"),
    QuestionType.MULTI: ("options", "answers"),
    QuestionType.TRUEFALSE: ("answer",),
    QuestionType.TYPED: ("answers", "exact"),
    QuestionType.CLOZE: ("text", "exact"),
    QuestionType.ORDER: ("items",),
    QuestionType.MATCH: ("pairs",),
}
TYPE_REQUIRED: dict[QuestionType, tuple[str, ...]] = {
    QuestionType.FLASHCARD: ("prompt", "answer"),
    QuestionType.CHOICE: ("prompt", "options", "answer"),
    QuestionType.MULTI: ("prompt", "options", "answers"),
    QuestionType.TRUEFALSE: ("prompt", "answer"),
    QuestionType.TYPED: ("prompt", "answers"),
    QuestionType.CLOZE: ("text",),
    QuestionType.ORDER: ("prompt", "items"),
    QuestionType.MATCH: ("prompt", "pairs"),
}
CLOZE_DEFAULT_PROMPT = "Fill in the blanks."


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


class DeckReader:
    """Reads one deck file. Use `read_deck` rather than this class directly."""

    def __init__(
        self, path: Path, *, bundled: bool = False, sources: SourceCache | None = None
    ) -> None:
        self.path = path
        self.bundled = bundled
        self.sources = sources if sources is not None else SourceCache()
        self.findings: list[Finding] = []
        self.source_text: SourceText | None = None

    # -- reporting -------------------------------------------------------------------
    def error(self, at: Node | Mark, message: str, code: str) -> None:
        self._add(at, Severity.ERROR, message, code)

    def warning(self, at: Node | Mark, message: str, code: str) -> None:
        self._add(at, Severity.WARNING, message, code)

    def _add(self, at: Node | Mark, severity: Severity, message: str, code: str) -> None:
        mark = at if isinstance(at, Mark) else at.mark
        self.findings.append(Finding(self.path, mark.line, mark.column, severity, code, message))

    @property
    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)

    # -- typed accessors --------------------------------------------------------------
    def keys(
        self, mapping: Mapping, allowed: tuple[str, ...], required: tuple[str, ...], what: str
    ) -> dict[str, Node]:
        seen: dict[str, Node] = {}
        for key, value in mapping.pairs:
            if not isinstance(key, Scalar):
                self.error(key, f"keys of {what} must be plain words", "type")
                continue
            if key.value in seen:
                self.error(key, f"duplicate key {key.value!r} in {what}", "duplicate-key")
                continue
            if key.value not in allowed:
                hint = did_you_mean(key.value, allowed)
                self.error(key, f"unknown key {key.value!r} in {what}{hint}", "unknown-key")
                continue
            seen[key.value] = value
        for name in required:
            if name not in seen:
                self.error(mapping, f"{what} is missing the required key {name!r}", "missing-key")
        return seen

    def text(self, node: Node | None, what: str, *, allow_empty: bool = False) -> str | None:
        if node is None:
            return None
        if not isinstance(node, Scalar):
            self.error(node, f"{what} must be a text value, not {node.kind}", "type")
            return None
        value = node.value.strip()
        if (at := first_control(value)) is not None:
            self.error(
                node,
                f"{what} holds the control character {describe_control(value[at])}, which"
                " could drive the terminal; remove it",
                "control-character",
            )
            value = strip_controls(value)
        if not value and not allow_empty:
            self.error(node, f"{what} must not be empty", "empty")
            return None
        return value

    def texts(self, node: Node | None, what: str, *, unique: bool = True) -> list[str] | None:
        if node is None:
            return None
        if isinstance(node, Scalar):
            self.error(node, f"{what} must be a list, e.g. [first, second]", "type")
            return None
        if not isinstance(node, Sequence):
            self.error(node, f"{what} must be a list, not {node.kind}", "type")
            return None
        values: list[str] = []
        seen: set[str] = set()  # not `in values`: a list of 20,000 items must stay linear
        for item in node.items:
            value = self.text(item, f"each item of {what}")
            if value is None:
                continue
            if unique and value in seen:
                self.error(item, f"{value!r} appears twice in {what}", "duplicate")
                continue
            seen.add(value)
            values.append(value)
        return values

    def boolean(self, node: Node | None, what: str) -> bool | None:
        if node is None:
            return None
        if isinstance(node, Scalar) and node.plain and node.value.lower() in ("true", "false"):
            return node.value.lower() == "true"
        if isinstance(node, Scalar) and node.value.lower() in ("true", "false"):
            message = f"{what} must be written true or false without quotes"
        else:
            shown = node.value if isinstance(node, Scalar) else node.kind
            message = f"{what} must be true or false, not {shown!r}"
        self.error(node, message, "type")
        return None

    def identifier(self, node: Node | None, what: str) -> str | None:
        value = self.text(node, what)
        if value is None or node is None:
            return None
        if not ID_PATTERN.match(value):
            suggestion = re.sub(r"[^a-z0-9_-]+", "-", value.lower()).strip("-_")
            hint = f" (e.g. {suggestion!r})" if suggestion and suggestion != value else ""
            self.error(
                node,
                f"{what} {value!r} may hold only lowercase letters, digits, '-' and '_'{hint}",
                "id",
            )
            return None
        return value

    # -- the deck ---------------------------------------------------------------------
    def read(self, data: bytes) -> Deck | None:
        try:
            root = compose(decode_bytes(data))
        except YamlProblem as problem:
            self.error(Mark(problem.line, problem.column), problem.message, problem.code)
            return None
        if root is None:
            self.error(
                Mark(1, 1), "the file is empty; a deck needs deck, title and questions", "empty"
            )
            return None
        if not isinstance(root, Mapping):
            self.error(
                root,
                f"a deck must be a mapping with deck, title and questions, not {root.kind}",
                "type",
            )
            return None
        fields = self.keys(root, HEADER_KEYS, HEADER_REQUIRED, "the deck")
        deck_id = self.identifier(fields.get("deck"), "the deck id")
        title = self.text(fields.get("title"), "title")
        description = self.text(fields.get("description"), "description", allow_empty=True)
        source = self.source(fields.get("source"))
        questions = self.questions(fields.get("questions"))
        if deck_id is None or title is None or questions is None or self.has_errors:
            return None
        return Deck(
            id=deck_id,
            title=title,
            path=self.path,
            questions=tuple(questions),
            description=description or "",
            source=source,
            bundled=self.bundled,
            id_line=fields["deck"].mark.line,
            id_column=fields["deck"].mark.column,
        )

    def source(self, node: Node | None) -> Source | None:
        if node is None:
            return None
        if not isinstance(node, Mapping):
            self.error(
                node,
                f"source must be a mapping with title, authors and file, not {node.kind}",
                "type",
            )
            return None
        fields = self.keys(node, SOURCE_KEYS, ("title",), "source")
        title = self.text(fields.get("title"), "source title")
        authors = self.texts(fields.get("authors"), "authors") or []
        url = self.text(fields.get("url"), "source url")
        starts_at = 1
        if (starts_node := fields.get("starts_at_line")) is not None:
            raw = self.text(starts_node, "starts_at_line")
            if raw is not None and raw.isdigit() and int(raw) >= 1:
                starts_at = int(raw)
            elif raw is not None:
                self.error(
                    starts_node,
                    f"starts_at_line must be a line number (1 or more), not {raw!r}",
                    "type",
                )
        file: Path | None = None
        if (file_node := fields.get("file")) is not None and (
            raw_file := self.text(file_node, "source file")
        ):
            file = (self.path.parent / raw_file).resolve()
            try:
                if escapes_to_system(file, self.path):
                    raise PermissionError(0, f"{file} is a system file, not a text to quote")
                self.source_text = self.sources.read(file, starts_at, for_deck=self.path)
            except FileNotFoundError:
                self.error(
                    file_node,
                    f"source file {raw_file!r} does not exist (looked for {file})",
                    "source-missing",
                )
            except IsADirectoryError:
                self.error(
                    file_node,
                    f"source file {raw_file!r} is a folder, not a text file",
                    "source-missing",
                )
            except UnicodeDecodeError:
                self.error(file_node, f"source file {raw_file!r} is not UTF-8 text", "encoding")
            except OSError as err:
                self.error(
                    file_node,
                    f"source file {raw_file!r} cannot be read: {err.strerror}",
                    "source-missing",
                )
        if title is None:
            return None
        return Source(
            title=title,
            authors=tuple(authors),
            file=file,
            url=url,
            starts_at_line=starts_at,
            text=self.source_text,
        )

    def questions(self, node: Node | None) -> list[AnyQuestion] | None:
        if node is None:
            return None
        if not isinstance(node, Sequence):
            self.error(node, f"questions must be a list of questions, not {node.kind}", "type")
            return None
        if not node.items:
            self.error(node, "questions is empty; a deck needs at least one question", "empty")
            return None
        questions: list[AnyQuestion] = []
        seen: dict[str, int] = {}
        for item in node.items:
            id_node = item.get("id") if isinstance(item, Mapping) else None
            if isinstance(id_node, Scalar) and id_node.value.strip() in seen:
                first = seen[id_node.value.strip()]
                self.error(
                    id_node,
                    f"duplicate question id {id_node.value.strip()!r} (first used on line {first})",
                    "duplicate-id",
                )
                continue
            if isinstance(id_node, Scalar):
                seen[id_node.value.strip()] = id_node.mark.line
            question = self.question(item)
            if question is not None:
                questions.append(question)
        return questions

    def question(self, node: Node) -> AnyQuestion | None:
        if not isinstance(node, Mapping):
            self.error(
                node,
                f"each question must be a mapping with id, type and prompt, not {node.kind}",
                "type",
            )
            return None
        type_node = node.get("type")
        qtype: QuestionType | None = None
        if type_node is None:
            self.error(node, "the question is missing the required key 'type'", "missing-key")
        elif (raw_type := self.text(type_node, "type")) is not None:
            try:
                qtype = QuestionType(raw_type)
            except ValueError:
                hint = did_you_mean(raw_type, [t.value for t in QuestionType])
                kinds = ", ".join(t.value for t in QuestionType)
                self.error(
                    type_node,
                    f"unknown question type {raw_type!r}{hint}; use one of {kinds}",
                    "unknown-type",
                )
        if qtype is None:
            return None
        what = f"{'an' if qtype.value[0] in 'aeiou' else 'a'} {qtype.value} question"
        fields = self.keys(
            node, COMMON_KEYS + TYPE_KEYS[qtype], ("id",) + TYPE_REQUIRED[qtype], what
        )
        qid = self.identifier(fields.get("id"), "the question id")
        prompt = self.text(fields.get("prompt"), "prompt")
        explanation = self.text(fields.get("explanation"), "explanation", allow_empty=True) or ""
        quote = self.quote(fields.get("quote"))
        tags = tuple(self.texts(fields.get("tags"), "tags") or ())
        if quote is None and "quote" not in fields and self.source_text is not None:
            self.warning(
                node,
                "no quote: this question cannot be traced to its passage in the source",
                "no-quote",
            )
        build = _BUILDERS[qtype]
        specific = build(self, fields)
        if qid is None or specific is None or (prompt is None and qtype is not QuestionType.CLOZE):
            return None
        common = {
            "id": qid,
            "prompt": prompt or CLOZE_DEFAULT_PROMPT,
            "explanation": explanation,
            "quote": quote or "",
            "tags": tags,
            "line": node.mark.line,
        }
        return specific(common)

    def quote(self, node: Node | None) -> str | None:
        quote = self.text(node, "quote")
        if quote is None or node is None or self.source_text is None:
            return quote
        if self.source_text.locate(quote) is None:
            self.error(
                node,
                f"quote not found in the source {self.source_text.path.name}"
                " (compared ignoring white space and typographic quotes/dashes)",
                "quote-not-found",
            )
        return quote

    def options(self, fields: dict[str, Node]) -> list[str] | None:
        node = fields.get("options")
        options = self.texts(node, "options")
        if options is None or node is None:
            return None
        if not 2 <= len(options) <= MAX_OPTIONS:
            self.error(node, f"options needs 2 to {MAX_OPTIONS} items, not {len(options)}", "count")
            return None
        return options

    def member(self, node: Node | None, value: str | None, options: list[str], what: str) -> bool:
        if value is None or node is None:
            return False
        if value in options:
            return True
        self.error(
            node,
            f"{what} {value!r} is not among the options{did_you_mean(value, options)}",
            "answer-not-in-options",
        )
        return False


Common = dict[str, object]
Builder = Callable[[DeckReader, dict[str, Node]], Callable[[Common], AnyQuestion] | None]


def _flashcard(r: DeckReader, f: dict[str, Node]) -> Callable[[Common], AnyQuestion] | None:
    answer = r.text(f.get("answer"), "answer")
    if answer is None:
        return None
    return lambda c: Flashcard(**c, answer=answer)  # type: ignore[arg-type]


def _choice(r: DeckReader, f: dict[str, Node]) -> Callable[[Common], AnyQuestion] | None:
    options = r.options(f)
    answer = r.text(f.get("answer"), "answer")
    if (
        options is None
        or answer is None
        or not r.member(f.get("answer"), answer, options, "answer")
    ):
        return None
    return lambda c: Choice(**c, options=tuple(options), answer=answer)  # type: ignore[arg-type]


def _multi(r: DeckReader, f: dict[str, Node]) -> Callable[[Common], AnyQuestion] | None:
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
    return lambda c: Multi(**c, options=tuple(options), answers=frozenset(answers))  # type: ignore[arg-type]


def _truefalse(r: DeckReader, f: dict[str, Node]) -> Callable[[Common], AnyQuestion] | None:
    answer = r.boolean(f.get("answer"), "answer")
    if answer is None:
        return None
    return lambda c: TrueFalse(**c, answer=answer)  # type: ignore[arg-type]


def _exact(r: DeckReader, f: dict[str, Node]) -> bool:
    return bool(r.boolean(f.get("exact"), "exact")) if "exact" in f else False


def _typed(r: DeckReader, f: dict[str, Node]) -> Callable[[Common], AnyQuestion] | None:
    node = f.get("answers")
    answers = r.texts(node, "answers")
    exact = _exact(r, f)
    if answers is None or node is None:
        return None
    if not answers:
        r.error(node, "answers needs at least one accepted answer", "count")
        return None
    return lambda c: Typed(**c, answers=tuple(answers), exact=exact)  # type: ignore[arg-type]


def _blanks(text: str) -> Iterator[re.Match[str]]:
    """`BLANK.finditer(text)` in linear time: the regex alone tries every `{{` to the end of
    the text when no `}}` follows (20,000 unclosed blanks took 25 s)."""
    position = 0
    while (start := text.find("{{", position)) >= 0 and text.find("}}", start + 2) >= 0:
        found = BLANK.match(text, start)
        assert found is not None
        yield found
        position = found.end()


def parse_cloze(text: str) -> tuple[tuple[str | Blank, ...], str | None]:
    """Split a cloze text into literal parts and blanks; the second value is a problem, if any."""
    parts: list[str | Blank] = []
    position = 0
    for found in _blanks(text):
        parts.append(text[position : found.start()])
        answers = tuple(a.strip() for a in found.group(1).split("|"))
        if not all(answers):
            return (), f"blank {found.group(0)!r} has an empty answer"
        parts.append(Blank(answers))
        position = found.end()
    tail = text[position:]
    if "{{" in tail or "}}" in tail:
        return (), "a blank is not closed: write each blank as {{answer}}"
    parts.append(tail)
    if len(parts) == 1:
        return (
            (),
            "the cloze text has no blanks: mark each one as {{answer}} or {{answer|alternative}}",
        )
    return tuple(parts), None


def _cloze(r: DeckReader, f: dict[str, Node]) -> Callable[[Common], AnyQuestion] | None:
    node = f.get("text")
    text = r.text(node, "text")
    exact = _exact(r, f)
    if text is None or node is None:
        return None
    parts, problem = parse_cloze(text)
    if problem is not None:
        r.error(node, problem, "cloze")
        return None
    return lambda c: Cloze(**c, text=text, parts=parts, exact=exact)  # type: ignore[arg-type]


def _order(r: DeckReader, f: dict[str, Node]) -> Callable[[Common], AnyQuestion] | None:
    node = f.get("items")
    items = r.texts(node, "items")
    if items is None or node is None:
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


def _match(r: DeckReader, f: dict[str, Node]) -> Callable[[Common], AnyQuestion] | None:
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


_BUILDERS: dict[QuestionType, Builder] = {
    QuestionType.FLASHCARD: _flashcard,
    QuestionType.CHOICE: _choice,
    QuestionType.MULTI: _multi,
    QuestionType.TRUEFALSE: _truefalse,
    QuestionType.TYPED: _typed,
    QuestionType.CLOZE: _cloze,
    QuestionType.ORDER: _order,
    QuestionType.MATCH: _match,
}


def read_deck(
    path: Path,
    data: bytes | None = None,
    *,
    bundled: bool = False,
    sources: SourceCache | None = None,
) -> tuple[Deck | None, list[Finding]]:
    """Read and validate one deck file. The deck is None when there is any error.

    `sources`: the source texts already read (a library's), else the deck reads its own.
    """
    reader = DeckReader(path, bundled=bundled, sources=sources)
    if data is None:
        try:
            data = read_regular(path, DECK_LIMIT)
        except OSError as err:
            reader.error(Mark(1, 1), f"cannot read the file: {err.strerror}", "io")
            return None, reader.findings
    deck = reader.read(data)
    return deck, reader.findings
