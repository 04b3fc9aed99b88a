"""A run much longer than any run of the month before.

Why it matters: among 5,205 runners (588,071 runs), a run more than 10 % longer than the
longest of the previous 30 days raised the rate of overuse injury (hazard rate ratio 1.64
at 10-30 % longer, 1.52 at 30-100 %, 2.28 past double); week-to-week ratios showed no such
link. Each run is judged on its own, not the day's sum, against the runs of the 30 local
days before its day (a second run on the same day is not "before" it). Runs under 3 km are
not judged, and a run with no run in the 30 days before it has nothing to be compared with.
Source: Frandsen JSB et al. 2025, Br J Sports Med, doi:10.1136/bjsports-2024-109380.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from analyzer.checkers._calendar import runs_by_athlete
from analyzer.checkers._format import percent_beyond, round_judged
from analyzer.checkers._today import (
    days_pattern,
    distance_advice,
    history_days_reason,
    newest,
)
from analyzer.checkers.rule import Advice, AsOf, ChartMarks, Finding, Pattern, Rule, setting
from analyzer.log import TrainingLog
from analyzer.words import day_text, distance_text

# Frandsen 2025's bands (ratio at most) and hazard rate ratios against runs within 10 %
_STUDY_REFERENCE_RATIO = 1.10
_STUDY_BANDS = ((1.30, "10-30%", 1.64), (2.00, "30-100%", 1.52), (np.inf, "over 100%", 2.28))
_RECENT_DAYS = 7  # the status's long run: the longest of these days
_ADVICE_DAYS = 14  # a flagged run older than this asks nothing of this week


@dataclass(frozen=True)
class Thresholds:
    # this run's distance / longest run in the window
    warning_ratio: float = setting(1.10, 1.0, 3.0)
    high_ratio: float = setting(1.30, 1.0, 5.0)
    double_ratio: float = setting(2.00, 1.0, 10.0)  # past this the message says "more than double"
    window_days: int = setting(30, 7, 365)
    min_history_days: int = setting(30, 0, 365)  # stay quiet until the window holds real history
    min_distance_km: float = setting(3.0, 0.0, 100.0)  # shorter runs are not judged


def measure(log: TrainingLog, limits: Thresholds) -> pd.DataFrame:
    """Per run with a distance: `longest_before_m` (the longest run of the `window_days` local
    days before its day; NaN: none), `ratio` to it, `is_judged` (history and distance enough)
    and `severity` ("" for none), with athlete, activity_id, local_date, day and distance_m."""
    frames = []
    for _, runs in runs_by_athlete(log):
        first_day = runs["day"].iloc[0]
        # a run with no distance (a treadmill run without a foot pod) is no one's longest
        runs = runs[runs["distance_m"] > 0]
        by_day = runs.set_index("day")
        # a time window closed on the left ends before the run's own day: same-day runs
        # (same index value) are not in each other's window
        window = by_day["distance_m"].rolling(f"{limits.window_days}D", closed="left")
        longest_before_m = window.max().to_numpy()  # NaN: no run in the window
        ratio = np.round(runs["distance_m"].to_numpy() / longest_before_m, 9)
        is_judged = ((runs["day"] - first_day).dt.days >= limits.min_history_days) & (
            runs["distance_m"] >= limits.min_distance_km * 1000
        )
        severity = np.where(
            is_judged & _over(ratio, limits.high_ratio),
            "high",
            np.where(is_judged & _over(ratio, limits.warning_ratio), "warning", ""),
        )
        frames.append(
            runs.assign(
                longest_before_m=longest_before_m,
                ratio=ratio,
                is_judged=is_judged,
                severity=severity,
            )
        )
    if not frames:
        return pd.DataFrame(columns=[*_MEASURE_COLUMNS])
    return pd.concat(frames)[list(_MEASURE_COLUMNS)]


_MEASURE_COLUMNS = (
    "athlete", "activity_id", "local_date", "day", "distance_m", "longest_before_m", "ratio",
    "is_judged", "severity",
)  # fmt: skip


def check(log: TrainingLog, limits: Thresholds) -> list[Finding]:
    """One finding per run longer than `warning_ratio` times the window's longest."""
    runs = measure(log, limits)
    flagged = runs[runs["severity"] != ""]
    return [
        _finding(str(run.athlete), run, limits, log.profile_for(str(run.athlete)).units)
        for run in flagged.itertuples()
    ]


def today(day: AsOf) -> dict[str, Any]:
    """The longest run of the last 7 days and the longest of the `window_days` before it (as
    this rule compares them), and the distance the next run would be flagged past."""
    runs = day.measure
    week_from = pd.Timestamp(day.as_of - dt.timedelta(days=_RECENT_DAYS - 1))
    recent = runs[runs["day"] >= week_from]
    if recent.empty:
        before_from = week_from - pd.Timedelta(days=day.limits.window_days)
        before = runs.loc[(runs["day"] >= before_from) & (runs["day"] < week_from), "distance_m"]
        longest_m, before_m = None, before.max() if len(before) else None
    else:
        longest = recent.loc[recent["distance_m"].idxmax()]
        longest_m, before_m = float(longest["distance_m"]), longest["longest_before_m"]
    return {
        "longest_run_7_days_m": longest_m,
        "longest_run_before_m": None if before_m is None or pd.isna(before_m) else float(before_m),
    }


def advice(day: AsOf) -> Advice | None:
    """After a long run flagged in the last two weeks: back to growing a tenth at a time,
    from the longest run before the flagged one (the figure the finding compared it with)."""
    finding = newest(day.open_findings, "warning", "high")
    if finding is None or day.days_ago(finding.date) >= _ADVICE_DAYS:
        return None
    runs = day.measure
    flagged = runs[(runs["local_date"] == finding.date) & (runs["severity"] != "")]
    if flagged.empty:
        return None
    return distance_advice(
        "long run",
        "Go back to growing your long run a tenth at a time: the next one under {}.",
        float(flagged["longest_before_m"].max()) * day.limits.warning_ratio,
        day.units,
        (finding,),
    )


def not_judged(day: AsOf) -> str | None:
    return history_days_reason(day, day.limits.min_history_days)


def pattern(day: AsOf) -> Pattern:
    """The days of runs this rule flags."""
    runs = day.measure
    flagged = runs.loc[runs["severity"] != "", "day"]
    return days_pattern(day, RULE.title, flagged, day.limits.min_history_days)


def chart_marks(day: AsOf) -> ChartMarks:
    """Each run against the longest of the days before it and the rule's warning line."""
    limits = day.limits
    series = day.measure[["day", "activity_id", "distance_m", "longest_before_m"]]
    return ChartMarks(
        chart="long run",
        series=series.assign(limit_m=series["longest_before_m"] * limits.warning_ratio),
        lines=(
            ("longest_before_m", f"longest of the {limits.window_days} days before"),
            ("limit_m", f"{limits.warning_ratio - 1:.0%} longer (the rule's warning)"),
        ),
    )


def _over(ratio, limit_ratio: float):
    """Whether a run is longer than `limit_ratio` times the longest before, as its message
    prints it (the percentage to one decimal): 30.004 % longer is not more than 30 %."""
    return round_judged((ratio - 1) * 100) > round((limit_ratio - 1) * 100, 6)


def _percent_longer(run, limits: Thresholds) -> str:
    """'31%' for a high run, never '30%': printed past the limit its severity says it passed."""
    limit_ratio = limits.high_ratio if run.severity == "high" else limits.warning_ratio
    return percent_beyond(run.ratio - 1, limit_ratio - 1)


def _finding(athlete: str, run, limits: Thresholds, units: str) -> Finding:
    longer = (
        f"more than double your longest run of the previous {limits.window_days} days"
        if run.ratio > limits.double_ratio
        else f"{_percent_longer(run, limits)} longer than your longest run of the previous "
        f"{limits.window_days} days"
    )
    over = (
        "more than double"
        if run.ratio > limits.double_ratio
        else f"{_percent_longer(run, limits)} over"
    )
    return RULE.finding(
        athlete=athlete,
        severity=run.severity,
        date=run.local_date,
        period_start=run.local_date - dt.timedelta(days=limits.window_days),
        period_end=run.local_date,
        message=(
            f"{day_text(run.local_date, year=False)}: {distance_text(run.distance_m, units)}, "
            f"{longer} "
            f"({distance_text(run.longest_before_m, units)}). {_study_text(run.ratio)} "
            "Grow your long run by about a tenth at a time."
        ),
        evidence={
            "distance_km": round(run.distance_m / 1000, 2),
            "longest_prev_30d_km": round(run.longest_before_m / 1000, 2),
            "ratio": round(float(run.ratio), 2),
        },
        activity_ids=(str(run.activity_id),),
        headline=(
            f"{distance_text(run.distance_m, units)} run, {over} the longest of the "
            f"{limits.window_days} days before ({distance_text(run.longest_before_m, units)})"
        ),
    )


def _study_text(ratio: float) -> str:
    if ratio <= _STUDY_REFERENCE_RATIO:
        return "In a study of 5,205 runners, the injury rate rose only past 10% longer."
    bands = [(band, rate) for top, band, rate in _STUDY_BANDS if ratio <= top]
    band, hazard_ratio = bands[0]
    text = (
        f"In a study of 5,205 runners, runs {band} longer than the month's longest came with "
        f"{hazard_ratio} times the injury rate"
    )
    smaller_band, smaller_rate = _STUDY_BANDS[0][1:]
    # a bigger jump, a smaller figure: their 95 % intervals overlap (docs/EVIDENCE.md,
    # long-run-spike), which the message says rather than let it read as safer
    if hazard_ratio < smaller_rate:
        text += (
            f", a little under the {smaller_rate} of runs {smaller_band} longer: the two "
            "figures' ranges of uncertainty overlap, so read both as about one and a half times"
        )
    return text + "."


RULE = Rule(
    code="RL103",
    slug="long-run-spike",
    title="A run more than 10 % longer than your longest of the past 30 days",
    label="long run",
    rationale=__doc__,
    thresholds=Thresholds,
    check=check,
    measure=measure,
    today=today,
    advice=advice,
    not_judged=not_judged,
    pattern=pattern,
    chart_marks=chart_marks,
    grade="Mod",
)
