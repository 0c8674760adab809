"""`briefquiz config [DECK] [--retention R] [--new-per-day N|default] [--day-starts HH:MM|default]
[--seminar-target R|default]`: a deck's study settings, and the student's for every deck.

A value the student has not set shows as "(default)"; `default` unsets one again. A
new-per-day the student set is a cap the planner never overrides; without one, the pace is
what the seminar needs (the default without a seminar).
"""

from __future__ import annotations

import argparse
import dataclasses
from dataclasses import dataclass

from briefquiz.cli.common import one_deck
from briefquiz.cli.context import Context
from briefquiz.errors import CommandError
from briefquiz.progress.records import DeckSettings, StudySettings
from briefquiz.schedule.settings import (
    DEFAULT_DAY_STARTS,
    DEFAULT_NEW_PER_DAY,
    DEFAULT_RETENTION,
    DEFAULT_SEMINAR_TARGET,
    LATEST_DAY_START,
    MAX_RETENTION,
    MAX_SEMINAR_TARGET,
    MIN_RETENTION,
    MIN_SEMINAR_TARGET,
    SettingError,
    checked_day_starts,
    checked_seminar_target,
    day_starts,
    seminar_target,
    with_changes,
)
from briefquiz.text.timefmt import local, percent

DEFAULT = "default"  # the word that unsets a setting


@dataclass(frozen=True, slots=True)
class Options:
    deck: str | None
    retention: float | None
    new_per_day: str | None
    day_starts: str | None
    seminar_target: str | None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("deck", metavar="DECK", nargs="?", help="the deck (none: only yours)")
    parser.add_argument(
        "--retention",
        type=float,
        metavar="R",
        help=f"target recall, {MIN_RETENTION:.2f}-{MAX_RETENTION:.2f} "
        f"(default {DEFAULT_RETENTION:.2f})",
    )
    parser.add_argument(
        "--new-per-day",
        metavar="N",
        help="your limit of new questions per day, never overridden; 'default' unsets it (the"
        f" seminar's pace, {DEFAULT_NEW_PER_DAY} a day without one)",
    )
    parser.add_argument(
        "--day-starts",
        metavar="HH:MM",
        help=f"when your study day starts, 00:00-{LATEST_DAY_START:%H:%M}, every deck "
        f"(default {DEFAULT_DAY_STARTS:%H:%M}; 'default' unsets it)",
    )
    parser.add_argument(
        "--seminar-target",
        metavar="R",
        help=f"the recall the final pass aims for at a seminar, {MIN_SEMINAR_TARGET:.2f}-"
        f"{MAX_SEMINAR_TARGET:.2f}, every deck (default {DEFAULT_SEMINAR_TARGET:.2f}; "
        "'default' unsets it)",
    )


def _number(text: str, name: str, kind: type[int] | type[float]) -> int | float:
    try:
        return kind(text)
    except ValueError:
        raise SettingError(f"{name} must be a number or '{DEFAULT}', got {text!r}") from None


def _study_changes(options: Options, study: StudySettings) -> StudySettings:
    if options.day_starts is not None:
        starts = options.day_starts
        study = dataclasses.replace(
            study,
            day_starts=None if starts == DEFAULT else checked_day_starts(starts, "--day-starts"),
        )
    if options.seminar_target is not None:
        target = options.seminar_target
        study = dataclasses.replace(
            study,
            seminar_target=None
            if target == DEFAULT
            else checked_seminar_target(
                _number(target, "--seminar-target", float), "--seminar-target"
            ),
        )
    return study


def _deck_changes(options: Options, settings: DeckSettings) -> DeckSettings:
    new = options.new_per_day
    return with_changes(
        settings,
        desired_retention=options.retention,
        new_per_day=None if new in (None, DEFAULT) else int(_number(new, "--new-per-day", int)),
        unset_new_per_day=new == DEFAULT,
        names=("--retention", "--new-per-day"),
    )


def run(options: Options, context: Context) -> int:
    deck = one_deck(options.deck) if options.deck is not None else None
    if deck is None and (options.retention is not None or options.new_per_day is not None):
        raise CommandError("--retention and --new-per-day are a deck's: name the DECK", 2)
    with context.open_store() as store:
        try:
            study = _study_changes(options, store.study_settings())
            settings = _deck_changes(options, store.settings(deck.id)) if deck else None
        except SettingError as err:
            raise CommandError(str(err), 2) from None
        if study != store.study_settings():
            store.save_study_settings(study)
        if deck is not None and settings is not None:
            if options.retention is not None or options.new_per_day is not None:
                store.save_settings(settings)
            print(f"{deck.title} ({deck.id})")
            print(f"  target recall (retention): {percent(settings.desired_retention)}")
            ahead = settings.seminar_at is not None and settings.seminar_at > context.clock.now()
            print(f"  new questions per day:     {_new_per_day(settings, ahead)}")
            seminar = (
                local(settings.seminar_at, context.clock.tz) if settings.seminar_at else "none"
            )
            print(f"  seminar:                   {seminar}")
        _print_study(study)
    return 0


def _new_per_day(settings: DeckSettings, seminar_ahead: bool) -> str:
    if settings.new_per_day is not None:
        return f"{settings.new_per_day} (set)"
    if seminar_ahead:
        return f"as the seminar needs (not set; {DEFAULT_NEW_PER_DAY} a day without one)"
    return f"{DEFAULT_NEW_PER_DAY} (default)"


def _print_study(study: StudySettings) -> None:
    print("Every deck")
    starts = "default" if study.day_starts is None else "set"
    target = "default" if study.seminar_target is None else "set"
    print(f"  study day starts at:       {day_starts(study):%H:%M} ({starts})")
    print(f"  seminar target (final):    {percent(seminar_target(study))} ({target})")
