"""A study session: the queue, grading an answer, saving it at once, and what comes next.

Every rule about grading, scheduling and saving lives here, not in a user interface: the
plain mode and the Textual app both drive a `Session`.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from fsrs import Card, Rating, State

from briefquiz.clock import Clock
from briefquiz.deck.model import Deck
from briefquiz.deck.sourcetext import QuoteLocation, deck_source
from briefquiz.progress.records import DeckSettings, ReviewRecord, new_review_uid
from briefquiz.progress.repository import Store
from briefquiz.schedule.forecast import RUNS
from briefquiz.schedule.planner import Planner, Policy
from briefquiz.schedule.readiness import Readiness, deck_readiness
from briefquiz.schedule.session_plan import LEARN_AHEAD, PlanRules, SessionWork
from briefquiz.schedule.stored_rules import stored_rules
from briefquiz.study.answer_json import answer_to_json
from briefquiz.study.due import deck_work
from briefquiz.study.grading import Answer, Grade, Outcome, grade
from briefquiz.study.queue import Kind, QueueItem, build_queue, build_weakest_queue, present
from briefquiz.study.reports import DeckOutlook, Feedback, Summary


@dataclass(slots=True)
class _DeckState:
    deck: Deck
    settings: DeckSettings
    readiness_before: Readiness | None = None
    work: SessionWork | None = None

    @property
    def policy(self) -> Policy:
        return Policy(self.settings.desired_retention, self.settings.seminar_at)


@dataclass(slots=True)
class Session:
    store: Store
    decks: Sequence[Deck]
    clock: Clock
    cram: bool = False
    limit: int | None = None
    ahead: bool = False  # every question of `decks` now, due or not, as real reviews
    rng: random.Random = field(default_factory=random.Random)
    planner: Planner = field(default_factory=Planner)
    rules: PlanRules | None = None  # None: the rules the student stored
    forecast_runs: int = RUNS  # 0: no readiness (a simulator that measures it itself)

    queue: list[QueueItem] = field(init=False, default_factory=list)
    history: list[Feedback] = field(init=False, default_factory=list)
    current: QueueItem | None = field(init=False, default=None)
    feedback: Feedback | None = field(init=False, default=None)
    _states: dict[str, _DeckState] = field(init=False, default_factory=dict)
    _rules: PlanRules = field(init=False)

    def __post_init__(self) -> None:
        self._rules = stored_rules(self.store, self.rules)
        now = self.clock.now()
        cards = {deck.id: self.store.cards(deck.id) for deck in self.decks}
        for deck in self.decks:
            state = _DeckState(deck, self.store.settings(deck.id))
            state.readiness_before = self._readiness(state, cards[deck.id], now)
            if not self.cram:
                state.work = self._work(state, cards[deck.id], now)
            self._states[deck.id] = state
        if self.cram or self.ahead:
            self.queue = build_weakest_queue(self.decks, cards, now, cram=self.cram)
        else:
            self.queue = build_queue(
                self.decks,
                cards,
                now,
                self._new_allowance,
                learn_ahead=LEARN_AHEAD,
                due_by=lambda deck: self._work_of(deck).due_by,
                final=lambda deck: self._work_of(deck).final,
                deferred=lambda deck: self._work_of(deck).deferred,
            )
        self._next()

    # -- the flow ----------------------------------------------------------------------
    @property
    def done(self) -> int:
        return len(self.history)

    @property
    def remaining(self) -> int:
        """Questions still to come, counting the current one (at most the limit)."""
        waiting = len(self.queue) + (1 if self.current is not None and self.feedback is None else 0)
        if self.limit is not None:
            waiting = min(waiting, max(self.limit - self.done, 0))
        return waiting

    @property
    def again(self) -> int:
        """Of `to_go`, the questions coming back (missed, or a learning step away): the ones
        it knows of now; more may follow as answers are given."""
        asked = {(f.item.deck.id, f.item.question.id) for f in self.history}
        waiting = list(self.queue)
        if self.current is not None and self.feedback is None:
            waiting.append(self.current)
        known = sum((item.deck.id, item.question.id) in asked for item in waiting)
        return min(known + self._pending_reask(), self.to_go)

    @property
    def to_go(self) -> int:
        """`remaining`, and the answer just given when it is to be asked again this session."""
        waiting = self.remaining + self._pending_reask()
        if self.limit is not None:
            waiting = min(waiting, max(self.limit - self.done, 0))
        return waiting

    def _pending_reask(self) -> int:
        feedback = self.feedback
        return 1 if feedback is not None and self._comes_back(feedback) else 0

    @property
    def finished(self) -> bool:
        return self.current is None

    def answer(
        self, answer: Answer, duration_ms: int = 0, rating: Rating | None = None
    ) -> Feedback:
        """Grade the current question and save it, at once, with the suggested rating or
        `rating` (a key that answers and rates at once: the same as answering, then `rerate`,
        without the replaced row in the log)."""
        item = self._require_current()
        if self.feedback is not None:
            raise RuntimeError("the current question was already answered; call advance()")
        result = grade(item.question, answer)
        now = self.clock.now()
        chosen = result.suggested if rating is None else rating
        feedback = self._save(item, answer, result, chosen, now, max(duration_ms, 0), None)
        self.history.append(feedback)
        self.feedback = feedback
        return feedback

    def rerate(self, rating: Rating) -> Feedback:
        """Change the rating of the answer just given; the change is saved at once."""
        previous = self.feedback
        if previous is None:
            raise RuntimeError("there is no answer to re-rate")
        if rating == previous.rating:
            return previous
        feedback = self._save(
            previous.item,
            previous.answer,
            previous.grade,
            rating,
            previous.answered_at,
            previous.duration_ms,
            previous,
        )
        feedback = replace(feedback, overridden=previous.overridden)
        self.history[-1] = feedback
        self.feedback = feedback
        return feedback

    def override(self) -> Feedback:
        """ "I was right": count the answer just given as right, rated Good; saved at once.

        The new review replaces the graded one and is marked as an override. In cram it is
        logged and changes no schedule.
        """
        previous = self.feedback
        if previous is None or not previous.can_override:
            raise RuntimeError("only a wrong or partly right auto-graded answer can be overridden")
        regraded = replace(previous.grade, outcome=Outcome.RIGHT, score=1.0, suggested=Rating.Good)
        feedback = self._save(
            previous.item,
            previous.answer,
            regraded,
            Rating.Good,
            previous.answered_at,
            previous.duration_ms,
            previous,
            override=True,
        )
        feedback = replace(feedback, overridden=previous.outcome)
        self.history[-1] = feedback
        self.feedback = feedback
        return feedback

    def advance(self) -> QueueItem | None:
        """Leave the feedback and move to the next question (None at the end)."""
        if self.current is not None and self.feedback is None:
            raise RuntimeError("answer the current question first (or stop the session)")
        if self.feedback is not None:
            self._requeue_if_learning(self.feedback)
        self._next()
        return self.current

    def stop(self) -> None:
        """End early; everything answered is already saved."""
        self.current = None
        self.feedback = None

    # -- what the UI shows -------------------------------------------------------------
    def passage(self, item: QueueItem) -> QuoteLocation | None:
        text = deck_source(item.deck)
        if text is None or not item.question.quote:
            return None
        return text.locate(item.question.quote)

    def summary(self) -> Summary:
        now = self.clock.now()
        outcomes = [f.outcome for f in self.history]
        outlooks = []
        for state in self._states.values():
            cards = self.store.cards(state.deck.id)
            ids = {q.id for q in state.deck.questions}
            dues = [c.due for qid, c in cards.items() if qid in ids]
            upcoming = [d for d in dues if d > now]
            outlooks.append(
                DeckOutlook(
                    deck=state.deck,
                    next_due=min(upcoming) if upcoming else None,
                    due_within_day=sum(1 for d in dues if d <= now + timedelta(days=1)),
                    readiness_before=state.readiness_before,
                    readiness_after=self._readiness(state, cards, now),
                )
            )
        return Summary(
            answered=len(self.history),
            right=outcomes.count(Outcome.RIGHT),
            partial=outcomes.count(Outcome.PARTIAL),
            wrong=outcomes.count(Outcome.WRONG),
            self_graded=outcomes.count(Outcome.SELF_GRADED),
            seconds=sum(f.duration_ms for f in self.history) / 1000,
            missed=tuple(
                f
                for f in self.history
                if f.outcome in (Outcome.WRONG, Outcome.PARTIAL)
                or (f.outcome is Outcome.SELF_GRADED and f.rating == Rating.Again)
            ),
            decks=tuple(outlooks),
            cram=self.cram,
        )

    # -- internals ---------------------------------------------------------------------
    def _require_current(self) -> QueueItem:
        if self.current is None:
            raise RuntimeError("the session has no current question")
        return self.current

    def _next(self) -> None:
        self.feedback = None
        if (self.limit is not None and self.done >= self.limit) or not self.queue:
            self.current = None
            return
        index = self._next_index(self.clock.now())
        if index is None:
            self.current = None
            return
        item = self.queue.pop(index)
        item.presentation = present(item.question, self.rng)
        self.current = item

    def _next_index(self, now: datetime) -> int | None:
        """Learning cards due now first, then the queue in order. A learning card not yet due
        waits while anything else is left; then the soonest is shown early (learn ahead).
        The question just answered comes again only when nothing else is left and it is due;
        left with only itself not yet due, the session ends there."""
        last = self.history[-1].item if self.history else None
        just_asked = None if last is None else (last.deck.id, last.question.id)
        first_ready: int | None = None
        soonest: int | None = None  # of the others, the learning card due first
        soonest_due: datetime | None = None
        itself: int | None = None  # the question just answered, when it is due again
        for i, item in enumerate(self.queue):
            learning = item.kind is Kind.LEARNING and item.card is not None
            due = item.card.due if learning and item.card is not None else None
            waiting = due is not None and due > now
            if (item.deck.id, item.question.id) == just_asked:
                if not waiting and itself is None:
                    itself = i
            elif due is None or not waiting:
                if learning:
                    return i
                if first_ready is None:
                    first_ready = i
            elif soonest_due is None or due < soonest_due:
                soonest, soonest_due = i, due
        if first_ready is not None:
            return first_ready
        return soonest if soonest is not None else itself

    def _work(self, state: _DeckState, cards: dict[str, Card], now: datetime) -> SessionWork:
        return deck_work(
            self.store, state.deck, state.settings, cards, now, self.clock.tz, self._rules
        )

    def _work_of(self, deck: Deck) -> SessionWork:
        work = self._states[deck.id].work
        assert work is not None
        return work

    def _new_allowance(self, deck: Deck) -> int:
        return self._work_of(deck).new

    def _readiness(
        self, state: _DeckState, cards: dict[str, Card], now: datetime
    ) -> Readiness | None:
        if self.cram or not self.forecast_runs:  # cram changes no schedule
            return None
        return deck_readiness(
            self.store,
            state.deck,
            state.settings,
            self.clock,
            self._rules,
            cards,
            self.forecast_runs,
        )

    def _save(
        self,
        item: QueueItem,
        answer: Answer,
        result: Grade,
        rating: Rating,
        now: datetime,
        duration_ms: int,
        replacing: Feedback | None,
        *,
        override: bool = False,
    ) -> Feedback:
        deck_id, question_id = item.deck.id, item.question.id
        review = ReviewRecord(
            uid=new_review_uid(),
            deck_id=deck_id,
            question_id=question_id,
            reviewed_at=now,
            rating=rating,
            outcome=result.outcome,
            answer=answer_to_json(item.question, answer),
            duration_ms=duration_ms,
            cram=self.cram,
            replaces=replacing.review_uid if replacing is not None else None,
            override=override,
        )
        card_before: Card | None = None
        card_after: Card | None = None
        if self.cram:
            self.store.record_review(review)
        else:
            policy = self._states[deck_id].policy
            work = self._states[deck_id].work
            no_fuzz_after = work.no_fuzz_after if work is not None else None

            # Computed by the store inside its write transaction, from the newest state it
            # holds (another briefquiz may have answered this card since the queue was built).
            def schedule(before: Card) -> Card:
                return self.planner.review(
                    before, rating, now, policy, duration_ms or None, no_fuzz_after=no_fuzz_after
                )

            card_before, card_after = self.store.record_review(review, schedule=schedule)
        return Feedback(
            item=item,
            answer=answer,
            grade=result,
            rating=rating,
            review_uid=review.uid,
            card_before=card_before,
            card_after=card_after,
            answered_at=now,
            duration_ms=duration_ms,
        )

    def _comes_back(self, feedback: Feedback) -> bool:
        """The answered question is asked again in this session (a learning step soon)."""
        card = feedback.card_after
        if card is None or card.state is State.Review:
            return False
        item = feedback.item
        if item.kind is Kind.FINAL:  # a miss in the final pass: relearned now, up to three tries
            return item.tries < self._rules.final.tries
        return card.due <= self.clock.now() + LEARN_AHEAD

    def _requeue_if_learning(self, feedback: Feedback) -> None:
        card = feedback.card_after
        if card is None or not self._comes_back(feedback):
            return
        item = feedback.item
        if item.kind is Kind.FINAL:
            self.queue.append(
                QueueItem(item.deck, item.question, card, Kind.FINAL, tries=item.tries + 1)
            )
        else:
            self.queue.append(QueueItem(item.deck, item.question, card, Kind.LEARNING))
