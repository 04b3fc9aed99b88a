"""Renderers: a log's findings as text, JSON, CSV, or one self-contained HTML page.

A renderer is a pure function of the log, the findings and the file errors, returning str or
bytes; it never recomputes a finding. This module holds what several renderers show: each
athlete's summary, the coach's ranking by risk, and how a knee-pain note is told apart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from analyzer.checkers import RULES
from analyzer.checkers.rule import Finding
from analyzer.log import TrainingLog

METRES_PER_MILE = 1609.344
RANKING_WINDOW_DAYS = 28  # the ranking counts each athlete's findings of their last 4 weeks
SEVERITY_MARKS = {"high": "HIGH", "warning": "warn", "info": "info"}
# DESIGN.md: a knee-pain note carries the findings of the 14 days before it as `related`.
PAIN_NOTE_RULE = "knee-pain-note"
PAIN_WINDOW_DAYS = 14


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


def athlete_summaries(log: TrainingLog, findings: list[Finding]) -> list[AthleteSummary]:
    """Every athlete with runs, notes or findings, in name order, with their own findings."""
    runs = log.runs
    runs = runs[runs["local_date"].notna()]
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


def is_pain_note(finding: Finding) -> bool:
    """Whether the finding is a pain note that carries the findings of the days before it."""
    collecting = {rule.slug for rule in RULES if rule.related_window_days is not None}
    return finding.rule == PAIN_NOTE_RULE or finding.rule in collecting or bool(finding.related)


def related_window_days(finding: Finding) -> int:
    """How many days before a pain note its related findings were collected from."""
    for rule in RULES:
        if rule.slug == finding.rule and rule.related_window_days is not None:
            return rule.related_window_days
    return PAIN_WINDOW_DAYS


def distance_text(metres: float, units: str) -> str:
    """A total distance as '1,234.5 km', or in miles when the athlete's units are miles."""
    if pd.isna(metres):
        return "no distance"
    if units == "miles":
        return f"{metres / METRES_PER_MILE:,.1f} mi"
    return f"{metres / 1000:,.1f} km"


def day_text(date: dt.date | None) -> str:
    """A local day as 'Sun 22 Mar 2026'."""
    if date is None:
        return "no date"
    return f"{date:%a} {date.day} {date:%b %Y}"


def span_text(first: dt.date | None, last: dt.date | None) -> str:
    """The days a log covers: 'Tue 6 Jan 2026 to Sun 11 Oct 2026', or one day, or none."""
    if first is None or last is None:
        return "no runs"
    if first == last:
        return day_text(first)
    return f"{day_text(first)} to {day_text(last)}"


def count_text(count: int, singular: str, plural: str | None = None) -> str:
    """'1 run', '3 runs', '1,204 runs'."""
    return f"{count:,} {singular if count == 1 else (plural or singular + 's')}"


__all__ = [
    "AthleteSummary",
    "RiskRank",
    "athlete_summaries",
    "count_text",
    "day_text",
    "distance_text",
    "is_pain_note",
    "related_window_days",
    "risk_ranking",
    "span_text",
]
