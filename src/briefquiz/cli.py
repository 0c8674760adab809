"""The command line: parses arguments and hands over to one command module.

Command modules are imported only when their command runs, so `briefquiz check` never pays
for Textual and `briefquiz` never pays for the validator's reporting code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import import_module
from pathlib import Path

from briefquiz import __version__

Handler = Callable[[argparse.Namespace], int]


def _handler(module: str, function: str = "run") -> Callable[[argparse.Namespace], int]:
    def call(args: argparse.Namespace) -> int:
        command: Handler = getattr(import_module(f"briefquiz.commands.{module}"), function)
        return command(args)

    return call


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefquiz",
        description="Drill question decks about a text before a seminar, with spaced repetition.",
        epilog="Run without a command to open the study app. Progress is saved after every answer.",
    )
    parser.add_argument("--version", action="version", version=f"briefquiz {__version__}")
    parser.set_defaults(handler=_handler("app"))
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    check = commands.add_parser(
        "check", help="validate deck files and report every problem, located"
    )
    check.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="deck files or folders (default: every deck briefquiz knows)",
    )
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument(
        "--coverage",
        action="store_true",
        help="also show which paragraphs of each source text have questions",
    )
    check.set_defaults(handler=_handler("check"))

    listing = commands.add_parser("list", help="list the decks briefquiz knows")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.set_defaults(handler=_handler("listing", "run_list"))

    schema = commands.add_parser("schema", help="print the JSON Schema of the deck format")
    schema.set_defaults(handler=_handler("listing", "run_schema"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
