"""Which rules could not judge an athlete's log, and why: honest silence, never an all-clear.

A rule that found nothing may have had nothing to look at: a 12-day log cannot show an
acute:chronic ratio, a log without cadence cannot show a low one. `rules_not_run` says so per
rule, in words a runner can act on ("needs 28 days of history; this log has 12"), from the
same thresholds the rule read (the athlete's profile over the rule's defaults). Only the log
up to the as-of day counts.

Each rule's reason lives here, keyed by its slug, so the rule modules stay as they are; a rule
without an entry is only reported when the log holds no runs (or it is turned off).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from analyzer.checkers import RULES, thresholds_for
from analyzer.log import TrainingLog
from analyzer.profile import Profile

_NOTE_RULES = ("knee-pain-note", "persistent-knee-pain", "running-through-pain")
_RUNLESS_RULES = ("knee-pain-note", "persistent-knee-pain")  # notes alone are enough


@dataclass(frozen=True)
class NotRun:
    """A rule that could not judge the log, and why, in a sentence for the runner."""

    rule: str  # the rule's slug
    reason: str


@dataclass(frozen=True)
class _Facts:
    """What the reasons look at: the athlete's runs and notes up to the as-of day."""

    runs: pd.DataFrame
    notes: pd.DataFrame
    shoes: pd.DataFrame
    as_of: dt.date

    @property
    def history_days(self) -> int:
        """Days from the first run to the as-of day, as the rules count history."""
        first = self.runs["local_date"].min()
        return (self.as_of - first).days

    @property
    def history_weeks(self) -> int:
        """Whole Monday-Sunday weeks of log before the as-of day's week."""
        first = self.runs["local_date"].min()
        first_monday = first - dt.timedelta(days=first.weekday())
        as_of_monday = self.as_of - dt.timedelta(days=self.as_of.weekday())
        return (as_of_monday - first_monday).days // 7


def rules_not_run(
    log: TrainingLog, athlete: str, as_of: dt.date, profile: Profile | None = None
) -> list[NotRun]:
    """Every rule that was turned off or could not judge the athlete's log up to `as_of`."""
    profile = profile or log.profile_for(athlete)
    runs = log.runs
    runs = runs[(runs["athlete"] == athlete) & runs["local_date"].notna()]
    notes = log.notes[(log.notes["athlete"] == athlete) & log.notes["local_date"].notna()]
    shoes = log.shoes[log.shoes["athlete"].isna() | (log.shoes["athlete"] == athlete)]
    facts = _Facts(
        runs=runs[runs["local_date"] <= as_of],
        notes=notes[notes["local_date"] <= as_of],
        shoes=shoes,
        as_of=as_of,
    )
    not_run: list[NotRun] = []
    for rule in RULES:
        if not profile.is_enabled(rule.slug):
            not_run.append(NotRun(rule.slug, "turned off in the profile"))
            continue
        reason = _reason(rule.slug, facts, thresholds_for(profile, rule))
        if reason:
            not_run.append(NotRun(rule.slug, reason))
    return not_run


def _reason(slug: str, facts: _Facts, limits: Any) -> str | None:
    if slug in _NOTE_RULES and facts.notes.empty:
        return "the log holds no notes to read knee pain from (journal, activity notes)"
    if slug in _RUNLESS_RULES:
        return None
    if facts.runs.empty:
        return f"no runs on or before {facts.as_of:%d %b %Y}"
    reason_of = _REASONS.get(slug)
    return reason_of(facts, limits) if reason_of else None


def _history_days(facts: _Facts, limits: Any, field: str = "min_history_days") -> str | None:
    needed = getattr(limits, field, None)
    if needed is None or facts.history_days >= needed:
        return None
    return f"needs {needed} days of history; this log has {facts.history_days}"


def _history_weeks(facts: _Facts, limits: Any) -> str | None:
    needed = getattr(limits, "min_history_weeks", None)
    if needed is None or facts.history_weeks >= needed:
        return None
    whole = "whole week" if needed == 1 else f"{needed} whole weeks"
    return (
        f"needs {whole} of log before the week it judges; this log has "
        f"{facts.history_weeks} before this week"
    )


def _low_cadence(facts: _Facts, limits: Any) -> str | None:
    if facts.runs["avg_cadence_spm"].notna().any():
        return None
    return "no run records cadence"


def _downhill(facts: _Facts, limits: Any) -> str | None:
    if not facts.runs["descent_m"].notna().any():
        return "no run records its descent"
    return _history_weeks(facts, limits)


def _surface(facts: _Facts, limits: Any) -> str | None:
    too_short = _history_days(facts, limits)
    if too_short:
        return too_short
    window_days = getattr(limits, "window_days", 28)
    recent = facts.runs[facts.runs["local_date"] > facts.as_of - dt.timedelta(days=window_days)]
    total_m = recent["distance_m"].sum()
    if total_m <= 0:
        return None
    unknown = recent["surface"].fillna("unknown").astype(str).isin(["unknown", ""])
    known_km = recent.loc[~unknown, "distance_m"].sum() / 1000
    if known_km >= getattr(limits, "min_known_km", 0.0):
        return None
    unknown_pct = 100 * recent.loc[unknown, "distance_m"].sum() / total_m
    return (
        f"the surface of {unknown_pct:.0f} % of the last {window_days} days' distance is "
        "unknown: name your places in the profile ([[surfaces]]) or your runs (trail, track)"
    )


def _shoes(facts: _Facts, limits: Any) -> str | None:
    named = facts.runs["shoe"].fillna("").astype(str).str.strip() != ""
    if named.any() or not facts.shoes.empty:
        return None
    return "no run names a shoe and the profile lists none"


_REASONS: dict[str, Callable[[_Facts, Any], str | None]] = {
    "weekly-mileage-jump": _history_weeks,
    "acute-chronic-ratio": _history_days,
    "long-run-spike": _history_days,
    "pace-jump": _history_days,
    "downhill-load-jump": _downhill,
    "low-cadence": _low_cadence,
    "monotonous-surface": _surface,
    "shoe-overdue": _shoes,
    "running-through-pain": _history_days,
}


__all__ = ["NotRun", "rules_not_run"]
