"""`briefquiz export progress [-o FILE.json]`: all progress, every deck, as JSON."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from briefquiz.authoring.progress_transfer import describe_export, progress_text
from briefquiz.cli.context import Context
from briefquiz.cli.output import add_force, checked_output, write_or_print
from briefquiz.ui.wording.words import shown_path


@dataclass(frozen=True, slots=True)
class Options:
    output: Path | None
    force: bool


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE.json", help="default: standard output"
    )
    add_force(parser)


def run(options: Options, context: Context) -> int:
    if options.output is not None:
        checked_output(options.output, context.paths, force=options.force)
    with context.reading_store() as store:
        exported = store.export_json()
    write_or_print(progress_text(exported), options.output, mode=0o600)
    if options.output is not None:
        print(f"wrote {shown_path(options.output)}: {describe_export(exported)}", file=sys.stderr)
    return 0
