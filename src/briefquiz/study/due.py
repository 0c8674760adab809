"""What a session would ask now, by the session's own rules: the counts the app shows
before a session starts (`a: 28 now`), the stats' "due now", and why a session would be
empty."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo

from fsrs import Card

from briefquiz.clock import Clock
from briefquiz.deck.model import Deck
from briefquiz.progress.records import DeckSettings
from briefquiz.progress.repository import Store
from briefquiz.schedule.planner import Policy
from briefquiz.schedule.session_plan import LEARN_AHEAD, PlanRules, SessionWork, session_work
from briefquiz.schedule.stats import DeckStats, deck_stats
from briefquiz.schedule.stored_rules import stored_rules
from briefquiz.schedule.study_day import study_day_bounds
from briefquiz.study.queue import Kind, build_queue


def deck_work(
    store: Store,
    deck: Deck,
    settings: DeckSettings,
    cards: Mapping[str, Card],
    now: datetime,
    tz: tzinfo,
    rules: PlanRules,
) -> SessionWork:
    """The planner's work for one deck in a session starting `now`: its new questions, what
    is due by the end of the study day, and the final pass in the seminar's last hours."""
    policy = Policy(settings.desired_retention, settings.seminar_at)
    seminar = policy.seminar_ahead(now)
    in_window = rules.final.active(now, seminar)
    start, end = study_day_bounds(now, tz, rules.day_starts)
    since = max(rules.final.opens(seminar), start) if seminar is not None else start
    return session_work(
        [q.id for q in deck.questions],
        dict(cards),
        store.reviews(deck.id, since=since) if in_window else (),  # what the pass counts
        policy,
        settings.new_per_day,
        store.new_introduced_on(deck.id, start, end),
        now,
        tz,
        rules,
    )


@dataclass(frozen=True, slots=True)
class DueWork:
    """What a session on some decks would ask now: the counts the app shows before `a`."""

    due: int  # reviews, learning steps (those a few minutes ahead included) and final pass
    new: int  # new questions, within each deck's pace and daily limit
    new_left: int  # new questions not yet started, beyond the limit too

    @property
    def total(self) -> int:
        return self.due + self.new


def added(works: Iterable[DueWork]) -> DueWork:
    """The work of several decks from each one's: a session's queue is each deck's work
    taken together, so the counts add up."""
    listed = list(works)
    return DueWork(
        due=sum(w.due for w in listed),
        new=sum(w.new for w in listed),
        new_left=sum(w.new_left for w in listed),
    )


def due_work(
    store: Store, decks: Sequence[Deck], clock: Clock, rules: PlanRules | None = None
) -> DueWork:
    """The work a session on `decks` starts with now, by the session's own rules."""
    rules = stored_rules(store, rules)
    cards = {deck.id: store.cards(deck.id) for deck in decks}
    now = clock.now()
    work = {
        deck.id: deck_work(
            store, deck, store.settings(deck.id), cards[deck.id], now, clock.tz, rules
        )
        for deck in decks
    }
    queue = build_queue(
        decks,
        cards,
        now,
        lambda deck: work[deck.id].new,
        learn_ahead=LEARN_AHEAD,
        due_by=lambda deck: work[deck.id].due_by,
        final=lambda deck: work[deck.id].final,
        deferred=lambda deck: work[deck.id].deferred,
    )
    new = sum(item.kind is Kind.NEW for item in queue)
    left = sum(1 for d in decks for q in d.questions if q.id not in cards[d.id])
    return DueWork(due=len(queue) - new, new=new, new_left=left)


def session_stats(store: Store, deck: Deck, clock: Clock, forecast_days: int = 7) -> DeckStats:
    """A deck's progress numbers with `due_now` counted as a session counts it: learning steps
    a few minutes ahead, reviews due by the end of the study day, the final pass. So the stats
    say "due now 1" where home's Due column says 1, not the 0 of cards whose time has come."""
    stats = deck_stats(store, deck, clock, forecast_days=forecast_days)
    return replace(stats, due_now=due_work(store, [deck], clock).due)
