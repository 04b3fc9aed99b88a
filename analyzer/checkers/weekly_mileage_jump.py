"""A week's running distance well up on your usual week, or climbing week after week.

Why it matters: the common "10 % rule" (add no more than a tenth a week) is a rule of thumb,
not a finding: in a trial among novice runners, a gentler programme built on it gave as many
injuries as the standard one (20.8 % vs 20.3 %, P = .90), and a 2022 review found no basis
for it. A bigger jump has some support: among 874 novices, weekly distance up by more than
30 % went with more distance-related injuries, runner's knee and ITB syndrome among them
(hazard ratio 1.59, 0.96-2.66: borderline).
How it is judged: weeks are Monday to Sunday in the runner's own calendar. A week is
compared with last week, or, when last week was lighter than your usual week (the highest of
the 4 weeks before it), with that usual week: a week that only goes back to your usual
distance after a lighter week (a cutback, a taper, a race week) is no jump, and is noted for
information at most ("back to your usual 30 mi after a lighter week"). A week 10-30 % up is
shown for information only, and a week more than 30 % up is flagged high. A steady climb is
caught too: when each of the last 4 weeks was at least as long as the one before it and
together they went more than 30 % over the highest of the 4 weeks before the climb (four
weeks of +9 % each make 41 %), it is a warning. A week after one of under 10 km is
not compared: a return from a break is not a "jump".
Source: Buist I et al. 2008, Am J Sports Med 36(1):33-39 (10 % rule, null trial); Nielsen RO
et al. 2014, J Orthop Sports Phys Ther 44(10):739-747, pages unverified (more than 30 %).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from analyzer.checkers._calendar import rows_between, runs_by_athlete, weekly_totals
from analyzer.checkers._format import (
    day_text,
    distance_text,
    noun_phrase,
    percent_beyond,
)
from analyzer.checkers._today import (
    dated_runs,
    distance_advice,
    history_weeks_reason,
    monday_of,
    newest,
    told_weeks_pattern,
)
from analyzer.checkers.rule import (
    Advice,
    AsOf,
    ChartMarks,
    Declined,
    Finding,
    Pattern,
    Rule,
    setting,
)
from analyzer.log import TrainingLog


@dataclass(frozen=True)
class Thresholds:
    # this week's distance / the week compared: the 10 % rule
    info_ratio: float = setting(1.10, 1.0, 3.0)
    high_ratio: float = setting(1.30, 1.0, 5.0)  # past this, Nielsen 2014's borderline-raised risk
    # your usual week: the highest of these weeks before last week
    usual_weeks: int = setting(4, 1, 12)
    climb_weeks: int = setting(4, 2, 12)  # a climb: this week and the weeks before it, up together
    # this week / the highest week before the climb: warning
    climb_ratio: float = setting(1.30, 1.0, 5.0)
    # a week after a smaller one is not compared
    min_previous_week_km: float = setting(10.0, 0.0, 500.0)
    min_history_weeks: int = setting(1, 0, 52)  # whole weeks of log before the week judged


def measure(log: TrainingLog, limits: Thresholds) -> pd.DataFrame:
    """Per athlete and Monday-Sunday week from the first run to the last: its `distance_m`,
    `previous_m` (last week), `usual_m` (the highest of the usual weeks before last week), what
    it is compared with (`kind`: jump, usual, return, climb) and that distance (`base_m`), the
    ratio it had to pass (`limit_ratio`), its `severity` ("" for none) and, for a flagged week,
    `told_date`: the day its running total passed the limit (None otherwise)."""
    frames = []
    for athlete, runs, weeks in _weeks_by_athlete(log, limits):
        frames.append(
            weeks.rename(columns={"weekly_m": "distance_m"})
            .assign(athlete=athlete, told_date=_told_dates(runs, weeks).to_numpy())
            .rename_axis("week_start")
            .reset_index()
        )
    if not frames:
        return pd.DataFrame(columns=["athlete", "week_start", "distance_m", "severity"])
    return pd.concat(frames, ignore_index=True)


def check(log: TrainingLog, limits: Thresholds) -> list[Finding]:
    """One finding per week up on the week it is compared with, or ending a steady climb."""
    findings: list[Finding] = []
    for athlete, runs, weeks in _weeks_by_athlete(log, limits):
        units = log.profile_for(athlete).units
        for judged in weeks[weeks["severity"] != ""].itertuples():
            findings.append(_finding(athlete, _week_runs(runs, judged), judged, limits, units))
    return findings


def _weeks_by_athlete(log: TrainingLog, limits: Thresholds):
    """Each athlete's runs and judged weeks."""
    for athlete, runs in runs_by_athlete(log):
        weekly_m = weekly_totals(runs, "distance_m")
        history_days = (weekly_m.index - runs["day"].iloc[0]).days
        yield athlete, runs, _judged_weeks(weekly_m, history_days.to_numpy(), limits)


def _told_dates(runs: pd.DataFrame, weeks: pd.DataFrame) -> pd.Series:
    """Per week, the local day its running total first passed its limit (None: not flagged)."""
    flagged = weeks[weeks["severity"] != ""]
    in_flagged = runs[runs["week_start"].isin(flagged.index)]
    if in_flagged.empty:
        return pd.Series(None, index=weeks.index, dtype=object)
    base_m = flagged["base_m"].reindex(in_flagged["week_start"]).to_numpy()
    limit_ratio = flagged["limit_ratio"].reindex(in_flagged["week_start"]).to_numpy()
    total_m = in_flagged["distance_m"].fillna(0.0).groupby(in_flagged["week_start"]).cumsum()
    passed = np.round(total_m.to_numpy() / base_m, 9) > limit_ratio
    told = in_flagged[passed].groupby("week_start")["local_date"].first()
    return told.reindex(weeks.index).astype(object).where(told.reindex(weeks.index).notna(), None)


def _week_runs(runs: pd.DataFrame, judged) -> _Week:
    """The judged week's runs, oldest first."""
    rows = rows_between(runs["week_start"].to_numpy(), judged.Index, judged.Index)
    part = runs.iloc[rows]
    return _Week(
        judged.Index.date(),
        part["distance_m"].to_numpy(),
        part["local_date"].to_numpy(),
        part["activity_id"].to_numpy(),
    )


def advice(day: AsOf) -> Advice | None:
    """After a warning or high week that is this week or the last: hold the week's distance
    as it stood when it passed its limit."""
    finding = newest(day.open_findings, "warning", "high")
    weeks = day.measure
    if finding is None or weeks.empty:
        return None
    flagged = weeks[weeks["told_date"] == finding.date]
    if flagged.empty:
        return None
    week = flagged.iloc[-1]
    if week["week_start"].date() < monday_of(day.as_of) - dt.timedelta(weeks=1):
        return None  # a full week has been run since: it was judged on its own
    runs = dated_runs(day)
    in_week = runs[
        (runs["local_date"] >= week["week_start"].date()) & (runs["local_date"] <= finding.date)
    ]
    return distance_advice(
        "load",
        "Hold your week near {} for a week or two before adding more.",
        float(in_week["distance_m"].sum()),
        day.units,
        (finding,),
    )


def not_judged(day: AsOf) -> str | None:
    return history_weeks_reason(day, day.limits.min_history_weeks)


def pattern(day: AsOf) -> Pattern:
    """The days on which a flagged week passed its limit (information included)."""
    return told_weeks_pattern(day, noun_phrase(RULE.title), day.limits.min_history_weeks)


def chart_marks(day: AsOf) -> ChartMarks:
    """The weeks this rule judged, labelled on the weekly chart."""
    weeks = day.measure
    return ChartMarks(
        chart="weekly",
        series=weeks.rename(columns={"week_start": "day"})[["day", "distance_m", "severity"]]
        if len(weeks)
        else pd.DataFrame(columns=["day", "distance_m", "severity"]),
    )


def _judged_weeks(
    weekly_m: pd.Series, history_days: np.ndarray, limits: Thresholds
) -> pd.DataFrame:
    """Per week: its severity ("" for none), what it is compared with (`kind`: jump, usual,
    return, climb), that distance `base_m`, the ratio to it that the week's running total
    had to pass, and last week's and the usual week's distances."""
    min_m = limits.min_previous_week_km * 1000
    previous_m = weekly_m.shift(1)
    usual_m = weekly_m.rolling(limits.usual_weeks, min_periods=1).max().shift(2)
    is_lighter = (usual_m >= min_m) & (previous_m < usual_m)
    # back to the usual distance after a lighter week: compared with last week, info at most
    is_return = is_lighter & (np.round(weekly_m - usual_m, 3) <= 0)
    base_m = previous_m.where(~is_lighter | is_return, usual_m)
    # 33/30 is "10 %", not a hair over: ratios are rounded before they are compared
    ratio = np.round(weekly_m / base_m, 9)
    judged = (base_m >= min_m) & (history_days >= 7 * limits.min_history_weeks)
    # a steady climb: each of the last `climb_weeks` weeks at least as long as the one
    # before it, together past `climb_ratio` over the highest week before the climb
    before_climb_m = weekly_m.rolling(limits.usual_weeks, min_periods=1).max()
    before_climb_m = before_climb_m.shift(limits.climb_weeks)
    is_rising = (np.round(weekly_m.diff(), 3) >= 0).astype(float)
    is_steady = is_rising.rolling(limits.climb_weeks).min() == 1
    is_climb = (
        (before_climb_m >= min_m)
        & (history_days >= 7 * limits.climb_weeks)
        & is_steady
        & ~is_return
        & (np.round(weekly_m / before_climb_m, 9) > limits.climb_ratio)
    )
    is_high = judged & ~is_return & (ratio > limits.high_ratio)
    is_info = judged & (ratio > limits.info_ratio)
    severity = np.select([is_high, is_climb, is_info], ["high", "warning", "info"], "")
    is_warning = severity == "warning"
    return pd.DataFrame(
        {
            "severity": severity,
            "kind": np.select(
                [is_return, is_warning, is_lighter], ["return", "climb", "usual"], "jump"
            ),
            "base_m": base_m.where(~is_warning, before_climb_m),
            "limit_ratio": np.select(
                [severity == "high", is_warning],
                [limits.high_ratio, limits.climb_ratio],
                limits.info_ratio,
            ),
            "previous_m": previous_m,
            "usual_m": usual_m,
            "weekly_m": weekly_m,
        },
        index=weekly_m.index,
    )


class _Week(NamedTuple):
    """One week's runs, oldest first."""

    start: dt.date
    distance_m: np.ndarray
    local_dates: np.ndarray
    activity_ids: np.ndarray


def _finding(
    athlete: str,
    week: _Week,
    judged,
    limits: Thresholds,
    units: str,
) -> Finding:
    severity, kind, base_m = judged.severity, judged.kind, float(judged.base_m)
    limit_ratio, previous_m = float(judged.limit_ratio), float(judged.previous_m)
    # dated on the day the week's running total first passed its limit; the finding quotes
    # the week as it stood that day (the runs after it are the future)
    running_total_m = np.nancumsum(week.distance_m)
    crossing = int(np.argmax(np.round(running_total_m / base_m, 9) > limit_ratio))
    date, week_start = week.local_dates[crossing], week.start
    so_far_m = float(running_total_m[crossing])
    ratio = so_far_m / base_m
    up = percent_beyond(ratio - 1, limit_ratio - 1)
    reached = f"{day_text(date)}: with this run your week of {day_text(week_start)} reached "
    reached += distance_text(so_far_m, units)
    if kind == "return":
        said = (
            f"{reached}, back to your usual {distance_text(judged.usual_m, units)} after "
            f"a lighter week ({distance_text(previous_m, units)}). A return to a distance you "
            "have held is not a jump; nothing to change."
        )
    elif kind == "climb":
        said = (
            f"{reached}, {up} up on {distance_text(base_m, units)}, your highest week before "
            f"the last {limits.climb_weeks} weeks of steady climbing. Week-on-week steps "
            "that each look small add up; run a lighter week before adding more."
        )
    else:
        compared = (
            f"your usual {distance_text(base_m, units)} (last week was a lighter "
            f"{distance_text(previous_m, units)})"
            if kind == "usual"
            else f"last week's {distance_text(base_m, units)}"
        )
        if severity == "high":
            advice = (
                f"Jumps of more than {limits.high_ratio - 1:.0%} went with more knee and ITB "
                "injuries in novice runners; hold this week's distance for a week or two "
                "before adding more."
            )
        else:
            advice = (
                f"The {limits.info_ratio - 1:.0%} rule is a rule of thumb (a trial found no "
                "difference); worth a look only if it keeps climbing week after week."
            )
        said = f"{reached}, {up} up on {compared}. {advice}"
    return RULE.finding(
        athlete=athlete,
        severity=severity,
        date=date,
        period_start=week_start - dt.timedelta(weeks=_weeks_back(kind, limits)),
        period_end=date,
        message=said,
        evidence={
            "week_start": week_start.isoformat(),
            "week_km": round(so_far_m / 1000, 2),  # up to the finding's day
            "previous_week_km": round(previous_m / 1000, 2),
            "compared_km": round(base_m / 1000, 2),
            "compared_with": kind,
            "ratio": round(ratio, 3),
            "crossed_on_km": round(so_far_m / 1000, 2),
        },
        activity_ids=tuple(week.activity_ids[: crossing + 1]),
        headline=_headline(kind, so_far_m, base_m, up, judged.usual_m, units),
    )


def _headline(
    kind: str, so_far_m: float, base_m: float, up: str, usual_m: float, units: str
) -> str:
    """'week at 37.6 km, 27% over last week's 29.7 km'."""
    week = f"week at {distance_text(so_far_m, units)}"
    if kind == "return":
        return f"{week}, back to your usual {distance_text(usual_m, units)}"
    compared = {
        "climb": f"your highest week before the climb ({distance_text(base_m, units)})",
        "usual": f"your usual {distance_text(base_m, units)}",
    }.get(kind, f"last week's {distance_text(base_m, units)}")
    return f"{week}, {up} over {compared}"


def _weeks_back(kind: str, limits: Thresholds) -> int:
    """How many weeks before the week judged the weeks it was compared with begin."""
    if kind == "climb":  # the highest of `usual_weeks` weeks before the climb
        return limits.climb_weeks + limits.usual_weeks - 1
    if kind in ("usual", "return"):  # the usual week: the weeks before last week
        return limits.usual_weeks + 1
    return 1


RULE = Rule(
    code="RL101",
    slug="weekly-mileage-jump",
    title="A week's distance well up on your usual week, or climbing week after week",
    label="mileage",
    rationale=__doc__,
    thresholds=Thresholds,
    check=check,
    measure=measure,
    today=Declined("the status's week figures are the log's own sums; its findings say the rest"),
    advice=advice,
    not_judged=not_judged,
    pattern=pattern,
    chart_marks=chart_marks,
    grade="Conv / Mod (borderline)",
)
