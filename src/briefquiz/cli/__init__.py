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
from briefquiz.errors import UserFacingError

Handler = Callable[[argparse.Namespace], int]


def _handler(module: str, function: str = "run") -> Callable[[argparse.Namespace], int]:
    def call(args: argparse.Namespace) -> int:
        command: Handler = getattr(import_module(f"briefquiz.cli.{module}"), function)
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

    study = commands.add_parser(
        "study", help="study decks now (in the app, or line by line with --plain)"
    )
    study.add_argument("decks", nargs="+", metavar="DECK", help="a deck id or a deck file's path")
    study.add_argument(
        "--plain",
        action="store_true",
        help="plain text, one line per answer (pipes, screen readers)",
    )
    study.add_argument(
        "--cram",
        action="store_true",
        help="every question, weakest first, without changing any schedule",
    )
    study.add_argument("--limit", type=int, metavar="N", help="stop after N questions")
    study.set_defaults(handler=_handler("study"))

    stats = commands.add_parser("stats", help="progress per deck: due, forecast, accuracy, seminar")
    stats.add_argument("decks", nargs="*", metavar="DECK", help="deck ids or paths (default: all)")
    stats.add_argument("--format", choices=("text", "json"), default="text")
    stats.set_defaults(handler=_handler("stats"))

    seminar = commands.add_parser(
        "seminar", help="set, show or clear the seminar of a text (every deck of it)"
    )
    seminar.add_argument("deck", metavar="DECK")
    seminar.add_argument(
        "when",
        nargs="?",
        metavar="WHEN",
        help="YYYY-MM-DD (09:00 assumed) or YYYY-MM-DD HH:MM, local time",
    )
    seminar.add_argument("--clear", action="store_true", help="remove the seminar date")
    seminar.add_argument(
        "--only", action="store_true", help="this deck only, not every deck of the same text"
    )
    seminar.set_defaults(handler=_handler("deck_settings", "run_seminar"))

    plan = commands.add_parser("plan", help="the days up to a seminar: new, reviews, final pass")
    import_module("briefquiz.cli.plan").add_arguments(plan)
    plan.set_defaults(handler=_handler("plan"))

    config = commands.add_parser("config", help="show or change a deck's study settings")
    config.add_argument("deck", metavar="DECK")
    config.add_argument(
        "--retention", type=float, metavar="R", help="target recall, 0.70-0.99 (default 0.90)"
    )
    config.add_argument(
        "--new-per-day", type=int, metavar="N", help="new questions per day (default 20)"
    )
    config.set_defaults(handler=_handler("deck_settings", "run_config"))

    new = commands.add_parser("new", help="write a starter deck, one example of each type")
    new.add_argument("path", type=Path, metavar="PATH", help="the deck file to write (.yaml)")
    new.add_argument(
        "--source",
        type=Path,
        metavar="TEXTFILE",
        help="the article the deck is about (UTF-8 text); the examples quote it",
    )
    new.add_argument("--force", action="store_true", help="overwrite PATH if it exists")
    new.set_defaults(handler=_handler("new"))

    importing = commands.add_parser("import", help="bring in a CSV of flashcards, or progress")
    import_what = importing.add_subparsers(title="what", metavar="{csv,progress}", dest="what")
    import_what.required = True
    csv_import = import_what.add_parser(
        "csv",
        help="make a deck from a front,back[,tags] CSV file",
        description="Make a deck of flashcards (or typed questions) from a CSV file with the "
        "columns front, back and, optionally, tags (separated by spaces or ';'). A header "
        "row 'front,back[,tags]' is recognised. Files ending .tsv are read tab-separated.",
    )
    csv_import.add_argument("file", type=Path, metavar="FILE", help="the CSV (or .tsv) file")
    csv_import.add_argument("--deck", required=True, metavar="ID", help="the new deck's id")
    csv_import.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT.yaml",
        help="where to write the deck (default: ID.yaml in your decks folder)",
    )
    csv_import.add_argument(
        "--typed",
        action="store_true",
        help="typed questions instead of flashcards; '|' in back separates accepted answers",
    )
    csv_import.add_argument("--title", metavar="T", help="the deck's title (default: from ID)")
    csv_import.add_argument(
        "--skip-bad", action="store_true", help="write the good rows even if some are bad"
    )
    csv_import.add_argument("--force", action="store_true", help="overwrite the output file")
    csv_import.set_defaults(handler=_handler("interchange", "run_import_csv"))
    progress_import = import_what.add_parser(
        "progress",
        help="merge progress exported by 'briefquiz export progress'",
        description="Merge exported progress into yours: reviews already here are skipped, "
        "nothing is deleted, and a backup of your progress is made first.",
    )
    progress_import.add_argument(
        "file", type=Path, metavar="FILE.json", help="a file from briefquiz export progress"
    )
    progress_import.set_defaults(handler=_handler("interchange", "run_import_progress"))

    exporting = commands.add_parser(
        "export", help="a deck to Anki or Markdown, or all progress to JSON"
    )
    export_what = exporting.add_subparsers(
        title="what", metavar="{anki,markdown,progress}", dest="what"
    )
    export_what.required = True
    anki = export_what.add_parser("anki", help="a deck as an Anki package (.apkg)")
    anki.add_argument("deck", metavar="DECK", help="a deck id or a deck file's path")
    anki.add_argument(
        "-o", "--output", type=Path, metavar="FILE.apkg", help="default: DECK-ID.apkg here"
    )
    anki.set_defaults(handler=_handler("interchange", "run_export_anki"))
    markdown = export_what.add_parser("markdown", help="a deck as a printable study sheet")
    markdown.add_argument("deck", metavar="DECK", help="a deck id or a deck file's path")
    markdown.add_argument(
        "-o", "--output", type=Path, metavar="FILE.md", help="default: standard output"
    )
    markdown.set_defaults(handler=_handler("interchange", "run_export_markdown"))
    progress_export = export_what.add_parser(
        "progress", help="all your progress (every deck) as JSON"
    )
    progress_export.add_argument(
        "-o", "--output", type=Path, metavar="FILE.json", help="default: standard output"
    )
    progress_export.set_defaults(handler=_handler("interchange", "run_export_progress"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
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
