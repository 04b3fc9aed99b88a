"""Who a report is about and in which order: each athlete's summary (runs, days, distance and
their findings), the coach's ranking by risk, and the order of need the board follows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from analyzer.checkers.rule import Finding
from analyzer.log import TrainingLog
from analyzer.status import (
    Status,
    by_attention,
)

RANKING_WINDOW_DAYS = 28  # the ranking counts each athlete's findings of their last 4 weeks


@dataclass(frozen=True)
class AthleteSummary:
    """One athlete as the reports introduce them, with their findings, oldest first."""

    athlete: str
    runs: int
    first_date: dt.date | None
    last_date: dt.date | None
    distance_m: float
    units: str  # km or miles, from the athlete's profile
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class RiskRank:
    """How many high and warning findings an athlete had in their log's last weeks."""

    athlete: str
    high_count: int
    warning_count: int
    window_start: dt.date | None
    window_end: dt.date | None


def athlete_summaries(
    log: TrainingLog,
    findings: list[Finding],
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[AthleteSummary]:
    """Every athlete with runs, notes or findings, in name order, with their own findings;
    runs, days and distance counted from `since` to `until` (the view), when given."""
    runs = log.runs
    runs = runs[runs["local_date"].notna()]
    if since is not None:
        runs = runs[runs["local_date"] >= since]
    if until is not None:
        runs = runs[runs["local_date"] <= until]
    by_athlete = runs.groupby("athlete").agg(
        runs=("activity_id", "size"),
        first_date=("local_date", "min"),
        last_date=("local_date", "max"),
        distance_m=("distance_m", "sum"),
    )
    names = sorted(set(log.athletes) | {finding.athlete for finding in findings})
    summaries = []
    for athlete in names:
        own = tuple(
            sorted(
                (finding for finding in findings if finding.athlete == athlete),
                key=lambda finding: (finding.date, -finding.severity_rank, finding.code),
            )
        )
        totals = by_athlete.loc[athlete] if athlete in by_athlete.index else None
        summaries.append(
            AthleteSummary(
                athlete=athlete,
                runs=int(totals["runs"]) if totals is not None else 0,
                first_date=totals["first_date"] if totals is not None else None,
                last_date=totals["last_date"] if totals is not None else None,
                distance_m=float(totals["distance_m"]) if totals is not None else 0.0,
                units=log.profile_for(athlete).units,
                findings=own,
            )
        )
    return summaries


def risk_ranking(summaries: list[AthleteSummary]) -> list[RiskRank]:
    """The athletes by risk: most high findings first, then most warnings, in their last weeks.

    Each athlete's window is the `RANKING_WINDOW_DAYS` ending on their last run (or their last
    finding when they have no runs), so a coach's ranking does not favour whoever stopped
    uploading first.
    """
    ranks = []
    for summary in summaries:
        last_dates = [summary.last_date, *(finding.date for finding in summary.findings)]
        window_end = max((date for date in last_dates if date is not None), default=None)
        if window_end is None:
            ranks.append(RiskRank(summary.athlete, 0, 0, None, None))
            continue
        window_start = window_end - dt.timedelta(days=RANKING_WINDOW_DAYS - 1)
        recent = [item for item in summary.findings if window_start <= item.date <= window_end]
        ranks.append(
            RiskRank(
                athlete=summary.athlete,
                high_count=sum(item.severity == "high" for item in recent),
                warning_count=sum(item.severity == "warning" for item in recent),
                window_start=window_start,
                window_end=window_end,
            )
        )
    return sorted(ranks, key=lambda rank: (-rank.high_count, -rank.warning_count, rank.athlete))


def in_attention_order(
    summaries: list[AthleteSummary], statuses: Mapping[str, Status]
) -> list[AthleteSummary]:
    """The athletes most in need of a call first (status.by_attention), then any without a
    status, by name."""
    ranked = by_attention(statuses.values())
    order = {status.athlete: place for place, status in enumerate(ranked)}
    return sorted(
        summaries, key=lambda summary: (order.get(summary.athlete, len(order)), summary.athlete)
    )


__all__ = [
    "RANKING_WINDOW_DAYS",
    "AthleteSummary",
    "RiskRank",
    "athlete_summaries",
    "in_attention_order",
    "risk_ranking",
]
