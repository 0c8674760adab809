"""Turn a deck file's nodes into the deck model, collecting every problem on the way.

Nothing here stops at the first problem: each check records a located finding and moves on,
so an author sees all that is wrong in one run.
"""

from __future__ import annotations

from pathlib import Path

from briefquiz.deck import advice
from briefquiz.deck.builders import BUILDERS
from briefquiz.deck.findings import Finding
from briefquiz.deck.keys import (
    CLOZE_DEFAULT_PROMPT,
    COMMON_KEYS,
    HEADER_KEYS,
    HEADER_REQUIRED,
    SOURCE_KEYS,
    TYPE_KEYS,
    TYPE_REQUIRED,
    did_you_mean,
)
from briefquiz.deck.kinds import quoted_elsewhere
from briefquiz.deck.matchkeys import read_aliases
from briefquiz.deck.model import (
    AnyQuestion,
    Deck,
    QuestionType,
    Source,
)
from briefquiz.deck.nodereader import NodeReader
from briefquiz.deck.reading import DECK_LIMIT, escapes_to_system, read_regular
from briefquiz.deck.sourcetext import SourceCache, SourceText
from briefquiz.deck.yamlnodes import (
    Mapping,
    Mark,
    Node,
    Scalar,
    Sequence,
    YamlProblem,
    compose,
    source_lines,
)
from briefquiz.deck.yamlnodes import decode as decode_bytes
from briefquiz.text.control import first_control


class DeckReader(NodeReader):
    """Reads one deck file. Use `read_deck` rather than this class directly."""

    def __init__(
        self, path: Path, *, bundled: bool = False, sources: SourceCache | None = None
    ) -> None:
        super().__init__(path)
        self.bundled = bundled
        self.sources = sources if sources is not None else SourceCache()
        self.source_text: SourceText | None = None
        self.source_file: Node | None = None  # the header's source file, checked or not

    def read(self, data: bytes) -> Deck | None:
        try:
            text = decode_bytes(data)
            self.lines = source_lines(text)
            self.raw_controls = first_control(text) is not None
            root = compose(text)
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
        if not advice.deck_format(self, root.get("format")):
            return None  # a newer format: its keys are not this briefquiz's to judge
        fields = self.keys(root, HEADER_KEYS, HEADER_REQUIRED, "the deck")
        deck_id = self.identifier(fields.get("deck"), "the deck id")
        title = self.text(fields.get("title"), "title")
        description = self.text(fields.get("description"), "description", allow_empty=True)
        source = self.source(fields.get("source"))
        self.aliases = read_aliases(self, fields.get("aliases"))
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
            aliases=self.aliases,
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
        self.source_file = fields.get("file")
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
        if (
            quote is None
            and "quote" not in fields
            and self.source_text is not None
            and not quoted_elsewhere(qtype)
        ):
            self.warning(
                node,
                "no quote: this question cannot be traced to its passage in the source",
                "no-quote",
            )
        build = BUILDERS[qtype]
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
        if quote is not None and node is not None and self.source_file is None:
            advice.unchecked_quote(self, node)
        if quote is None or node is None or self.source_text is None:
            return quote
        if self.source_text.locate(quote) is None:
            from briefquiz.deck.quotecheck import explain

            why = explain(self.source_text, quote)
            self.error(
                self.at_char(node, why.offset),
                f"quote not found in the source {self.source_text.path.name}: {why.message}",
                "quote-not-found",
            )
        return quote


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
