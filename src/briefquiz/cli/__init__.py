"""The command line: a table of commands, and the one that runs.

Each command is a module of this package with `add_arguments(parser)`, a frozen `Options`
dataclass and `run(options, context) -> int`. Only the chosen command's module is imported
(its arguments are added to the parser only then), so `briefquiz --version` imports none,
`briefquiz check` never pays for Textual and `briefquiz` never pays for the validator's
reporting code. The table below gives `briefquiz --help` every command's one-line help.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from importlib import import_module

from briefquiz import __version__
from briefquiz.errors import UserFacingError

TYPE_CHECKING = False  # not typing's: `briefquiz --version` imports neither typing nor dataclasses
if TYPE_CHECKING:
    from typing import Any, Protocol

    from briefquiz.cli.context import Context

    class Command(Protocol):
        """What a command module holds."""

        Options: type[Any]

        def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

        def run(self, options: Any, context: Context) -> int: ...


class Entry:
    """A command in the table: its module, or (for `import` and `export`) its sub-commands."""

    __slots__ = ("help", "module", "parts")

    def __init__(self, help: str, module: str = "", parts: Mapping[str, Entry] | None = None):
        self.help = help
        self.module = module
        self.parts: Mapping[str, Entry] = parts or {}


COMMANDS: Mapping[str, Entry] = {
    "check": Entry("validate deck files and report every problem, located", "check"),
    "list": Entry("list the decks briefquiz knows", "listing"),
    "schema": Entry("print the JSON Schema of the deck format", "schema"),
    "study": Entry("study decks now (in the app, or line by line with --plain)", "study"),
    "stats": Entry("progress per deck: due, forecast, accuracy, seminar", "stats"),
    "seminar": Entry("set, show or clear the seminar of a text (every deck of it)", "seminar"),
    "plan": Entry("the days up to a seminar: new, reviews, final pass", "plan"),
    "config": Entry("show or change study settings: a deck's, and yours for every deck", "config"),
    "new": Entry("write a starter deck, one example of each type", "new"),
    "backups": Entry("list the backups of your progress", "backups"),
    "restore": Entry("bring back a backup of your progress", "restore"),
    "doctor": Entry("check your progress database and repair what can be", "doctor"),
    "import": Entry(
        "bring in a CSV of flashcards, or progress",
        parts={
            "csv": Entry("make a deck from a front,back[,tags] CSV file", "import_csv"),
            "progress": Entry(
                "merge progress exported by 'briefquiz export progress'", "import_progress"
            ),
        },
    ),
    "export": Entry(
        "a deck to Anki or Markdown, or all progress to JSON",
        parts={
            "anki": Entry("a deck as an Anki package (.apkg)", "export_anki"),
            "markdown": Entry("a deck as a printable study sheet", "export_markdown"),
            "progress": Entry("all your progress (every deck) as JSON", "export_progress"),
        },
    ),
}
NO_COMMAND = "app"  # `briefquiz` alone opens the study app


def load(module: str) -> Command:
    command: Command = import_module(f"briefquiz.cli.{module}")
    return command


def _chosen(args: Sequence[str]) -> str | None:
    """The module of the command `args` name (None: none, or not a known one)."""
    table = COMMANDS
    for word in args:
        if word.startswith("-"):
            continue
        entry = table.get(word)
        if entry is None:
            return None
        if entry.module:
            return entry.module
        table = entry.parts
    return None


def _add_commands(
    parent: argparse.ArgumentParser, table: Mapping[str, Entry], chosen: str | None, **kw: Any
) -> None:
    commands = parent.add_subparsers(**kw)
    for name, entry in table.items():
        parser = commands.add_parser(name, help=entry.help)
        if entry.parts:  # `import csv`, `export anki`, ...: one of them must follow
            metavar = "{" + ",".join(entry.parts) + "}"
            _add_commands(
                parser,
                entry.parts,
                chosen,
                title="what",
                metavar=metavar,
                dest="what",
                required=True,
            )
        else:
            parser.set_defaults(command=entry.module)
            if entry.module == chosen:
                load(entry.module).add_arguments(parser)


def build_parser(args: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The parser for `args`: every command listed, only the one chosen with its arguments."""
    parser = argparse.ArgumentParser(
        prog="briefquiz",
        description="Drill question decks about a text before a seminar, with spaced repetition.",
        epilog="Run without a command to open the study app. Progress is saved after every answer.",
    )
    parser.add_argument("--version", action="version", version=f"briefquiz {__version__}")
    parser.set_defaults(command=NO_COMMAND)
    _add_commands(parser, COMMANDS, _chosen(args), title="commands", metavar="COMMAND")
    return parser


def typed_options(options: type[Any], namespace: argparse.Namespace) -> Any:
    """The parsed arguments as the command's own frozen dataclass."""
    import dataclasses

    return options(**{f.name: getattr(namespace, f.name) for f in dataclasses.fields(options)})


def main(argv: Sequence[str] | None = None, context: Context | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    namespace = build_parser(args).parse_args(args)
    command = load(namespace.command)
    options = typed_options(command.Options, namespace)
    try:
        if context is None:
            from briefquiz.cli.context import Context

            context = Context()
        return int(command.run(options, context))
    except UserFacingError as err:  # e.g. a store that fails mid-session: disk full, locked
        print(f"briefquiz: {err}", file=sys.stderr)
        return err.status
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
