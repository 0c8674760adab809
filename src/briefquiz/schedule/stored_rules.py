"""The planner's rules as the student set them: the study day's start and the seminar
target, read from the store (the defaults where not set)."""

from __future__ import annotations

import dataclasses

from briefquiz.progress.repository import Store
from briefquiz.schedule.session_plan import PlanRules
from briefquiz.schedule.settings import day_starts, seminar_target


def stored_rules(store: Store, rules: PlanRules | None = None) -> PlanRules:
    """`rules` when given (a test, the simulator), else the default rules with the student's
    stored study day start and seminar target."""
    if rules is not None:
        return rules
    study = store.study_settings()
    base = PlanRules()
    return dataclasses.replace(
        base,
        day_starts=day_starts(study),
        final=dataclasses.replace(base.final, target=seminar_target(study)),
    )
