"""A week's running distance well up on the week before.

Why it matters: the common "10 % rule" (add no more than a tenth a week) is a rule of thumb,
not a finding: in a trial among novice runners, a gentler programme built on it gave as many
injuries as the standard one (20.8 % vs 20.3 %, P = .90), and a 2022 review found no basis
for it. A bigger jump has some support: among 874 novices, weekly distance up by more than
30 % went with more distance-related injuries, runner's knee and ITB syndrome among them
(hazard ratio 1.59, 0.96-2.66: borderline). So a week 10-30 % up is shown for information
only, and a week more than 30 % up is flagged high. Weeks are Monday to Sunday in the
runner's own calendar; a week after one of under 10 km is not compared (a return from a
break is not a "jump").
Source: Buist I et al. 2008, Am J Sports Med 36(1):33-39 (10 % rule, null trial); Nielsen RO
et al. 2014, J Orthop Sports Phys Ther 44(10):739-747, pages unverified (more than 30 %).
"""

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from analyzer.checkers._calendar import rows_between, runs_by_athlete, weekly_totals
from analyzer.checkers._format import day_text, distance_text
from analyzer.checkers.rule import Finding, Rule
from analyzer.log import TrainingLog


@dataclass(frozen=True)
class Thresholds:
    info_ratio: float = 1.10  # this week's distance / last week's: the 10 % rule of thumb
    high_ratio: float = 1.30  # past this, Nielsen 2014's borderline-raised risk
    min_previous_week_km: float = 10.0  # a week after a smaller one is not compared
    min_history_weeks: int = 1  # whole weeks of log before the week judged


def check(log: TrainingLog, limits: Thresholds) -> list[Finding]:
    """One finding per week whose distance passed `info_ratio` times the week before."""
    findings: list[Finding] = []
    for athlete, runs in runs_by_athlete(log):
        units = log.profile_for(athlete).units
        weekly_m = weekly_totals(runs, "distance_m")
        previous_m = weekly_m.shift(1)  # weekly_totals has every week, empty ones as 0
        # a week is judged when the week before it lies wholly inside the log
        history_days = (weekly_m.index - runs["day"].iloc[0]).days
        ratio = np.round(weekly_m / previous_m, 9)  # 33/30 is "10 %", not a hair over
        judged = (previous_m >= limits.min_previous_week_km * 1000) & (
            history_days >= 7 * limits.min_history_weeks
        )
        jumped = judged & (ratio > limits.info_ratio)
        # plain arrays: each finding slices its week's few runs out of them
        week_starts, distance_m = runs["week_start"].to_numpy(), runs["distance_m"].to_numpy()
        dates, ids = runs["local_date"].to_numpy(), runs["activity_id"].to_numpy()
        for week_start in weekly_m.index[jumped]:
            rows = rows_between(week_starts, week_start, week_start)
            week = _Week(week_start.date(), distance_m[rows], dates[rows], ids[rows])
            findings.append(
                _finding(
                    athlete,
                    week,
                    float(previous_m[week_start]),
                    float(ratio[week_start]),
                    limits,
                    units,
                )
            )
    return findings


class _Week(NamedTuple):
    """One week's runs, oldest first."""

    start: dt.date
    distance_m: np.ndarray
    local_dates: np.ndarray
    activity_ids: np.ndarray


def _finding(
    athlete: str,
    week: _Week,
    previous_m: float,
    ratio: float,
    limits: Thresholds,
    units: str,
) -> Finding:
    is_high = ratio > limits.high_ratio
    limit_ratio = limits.high_ratio if is_high else limits.info_ratio
    # the finding is dated on the day the week's running total first passed its limit
    running_total_m = np.nancumsum(week.distance_m)
    crossing = int(np.argmax(np.round(running_total_m / previous_m, 9) > limit_ratio))
    date, week_start = week.local_dates[crossing], week.start
    week_m, crossed_m = float(running_total_m[-1]), float(running_total_m[crossing])
    if crossed_m < week_m:
        so_far = f"more than {limit_ratio - 1:.0%} up on"
        ended = f"; the week ended at {distance_text(week_m, units)}, {ratio - 1:.0%} up"
    else:
        so_far, ended = f"{ratio - 1:.0%} up on", ""
    if is_high:
        advice = (
            f"Jumps of more than {limits.high_ratio - 1:.0%} went with more knee and ITB "
            "injuries in novice runners; hold this week's distance for a week or two before "
            "adding more."
        )
    else:
        advice = (
            f"The {limits.info_ratio - 1:.0%} rule is a rule of thumb (a trial found no "
            "difference); worth a look only if it keeps climbing week after week."
        )
    return RULE.finding(
        athlete=athlete,
        severity="high" if is_high else "info",
        date=date,
        period_start=week_start - dt.timedelta(days=7),
        period_end=week_start + dt.timedelta(days=6),
        message=(
            f"{day_text(date)}: with this run your week of {day_text(week_start)} reached "
            f"{distance_text(crossed_m, units)}, {so_far} last week's "
            f"{distance_text(previous_m, units)}{ended}. {advice}"
        ),
        evidence={
            "week_start": week_start.isoformat(),
            "week_km": round(week_m / 1000, 2),
            "previous_week_km": round(previous_m / 1000, 2),
            "ratio": round(ratio, 3),
            "crossed_on_km": round(crossed_m / 1000, 2),
        },
        activity_ids=tuple(week.activity_ids[: crossing + 1]),
    )


RULE = Rule(
    code="RL101",
    slug="weekly-mileage-jump",
    title="A week's distance more than 10 % up on the week before (a rule of thumb)",
    rationale=__doc__,
    thresholds=Thresholds,
    check=check,
    grade="Conv / Mod (borderline)",
)
