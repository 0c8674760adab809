"""`briefquiz check`: validate decks and report every problem, located."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefquiz.cli.context import Context
from briefquiz.cli.output import print_json
from briefquiz.deck.coverage import SourceCoverage, coverage
from briefquiz.deck.findings import Finding, Severity
from briefquiz.deck.library import DeckFile, deck_files, load_default_library
from briefquiz.ui.wording.words import plural, shown_path


def _shown(finding: Finding) -> str:
    return str(finding).replace(str(finding.path), shown_path(finding.path), 1)


def _excerpt(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _print_coverage(sources: list[SourceCoverage]) -> None:
    for source in sources:
        covered = len(source.paragraphs) - len(source.uncovered)
        argued = len(source.argument) - len(source.unreasoned)
        print(
            f"\n{shown_path(source.path)}: {covered} of "
            f"{plural(len(source.paragraphs), 'paragraph')} have questions; "
            f"{argued} of the {len(source.argument)} of the authors' text have reasoning questions"
        )
        print(f"{'line':>6}  {'questions':>9}  {'reasoning':>9}  paragraph")
        for item in source.paragraphs:
            count = str(len(item.questions)) if item.questions else "-- none"
            if not item.argued:
                reasoning = "(note)"
            else:
                reasoning = str(len(item.reasoning)) if item.reasoning else "-- none"
            print(
                f"{item.paragraph.line:>6}  {count:>9}  {reasoning:>9}  "
                f"{_excerpt(item.paragraph.text)}"
            )


def _coverage_json(sources: list[SourceCoverage]) -> list[dict[str, Any]]:
    return [
        {
            "source": str(source.path),
            "paragraphs": [
                {
                    "line": item.paragraph.line,
                    "text": item.paragraph.text,
                    "questions": [f"{deck}/{question}" for deck, question in item.questions],
                    "authors_text": item.argued,
                    "reasoning": [f"{deck}/{question}" for deck, question in item.reasoning],
                }
                for item in source.paragraphs
            ],
        }
        for source in sources
    ]


@dataclass(frozen=True, slots=True)
class Options:
    paths: Sequence[Path]
    format: str
    coverage: bool


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="deck files or folders (default: every deck briefquiz knows)",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--coverage",
        action="store_true",
        help="also show which paragraphs of each source text have questions",
    )


def run(options: Options, context: Context) -> int:
    paths = options.paths
    missing = [p for p in paths if not p.exists()]
    if missing:
        for path in missing:
            print(f"briefquiz check: {path}: no such file or folder", file=sys.stderr)
        return 2
    library = load_default_library(paths)
    if paths:
        wanted = {f.resolve() for p in paths for f in deck_files(p)}
        files: list[DeckFile] = [f for f in library.files if f.path.resolve() in wanted]
    else:
        files = list(library.files)
    findings = sorted(
        (finding for f in files for finding in f.findings),
        key=lambda f: (str(f.path), f.line, f.column),
    )
    decks = [f.deck for f in files if f.deck is not None and not f.errors]
    sources = coverage(decks) if options.coverage else []
    errors = sum(f.severity is Severity.ERROR for f in findings)
    warnings = len(findings) - errors

    if options.format == "json":
        report: dict[str, Any] = {"findings": [f.to_json() for f in findings]}
        if options.coverage:
            report["coverage"] = _coverage_json(sources)
        print_json(report)
    else:
        for finding in findings:
            print(_shown(finding))
        if options.coverage:
            _print_coverage(sources)
        questions = sum(len(d.questions) for d in decks)
        verdict = (
            "no problems"
            if not findings
            else (f"{plural(errors, 'error')}, {plural(warnings, 'warning')}")
        )
        print(
            f"checked {plural(len(files), 'deck file')} "
            f"({plural(questions, 'question')} in valid decks): {verdict}",
            file=sys.stderr,
        )
        if not files:
            print("no deck files found (decks are .yaml or .yml files)", file=sys.stderr)
    return 1 if errors else 0
