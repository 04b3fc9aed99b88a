"""A run much longer than any run of the month before.

Why it matters: among 5,205 runners (588,071 runs), a run more than 10 % longer than the
longest of the previous 30 days raised the rate of overuse injury (hazard rate ratio 1.64
at 10-30 % longer, 1.52 at 30-100 %, 2.28 past double); week-to-week ratios showed no such
link. Each run is judged on its own, not the day's sum, against the runs of the 30 local
days before its day (a second run on the same day is not "before" it). Runs under 3 km are
not judged, and a run with no run in the 30 days before it has nothing to be compared with.
Source: Frandsen JSB et al. 2025, Br J Sports Med, doi:10.1136/bjsports-2024-109380.
"""

import datetime as dt
from dataclasses import dataclass

import numpy as np

from analyzer.checkers._calendar import runs_by_athlete
from analyzer.checkers._format import day_text, distance_text, percent_beyond
from analyzer.checkers.rule import Finding, Rule, setting
from analyzer.log import TrainingLog

# Frandsen 2025's bands (ratio at most) and hazard rate ratios against runs within 10 %
_STUDY_REFERENCE_RATIO = 1.10
_STUDY_BANDS = ((1.30, "10-30%", 1.64), (2.00, "30-100%", 1.52), (np.inf, "over 100%", 2.28))


@dataclass(frozen=True)
class Thresholds:
    # this run's distance / longest run in the window
    warning_ratio: float = setting(1.10, 1.0, 3.0)
    high_ratio: float = setting(1.30, 1.0, 5.0)
    double_ratio: float = setting(2.00, 1.0, 10.0)  # past this the message says "more than double"
    window_days: int = setting(30, 7, 365)
    min_history_days: int = setting(30, 0, 365)  # stay quiet until the window holds real history
    min_distance_km: float = setting(3.0, 0.0, 100.0)  # shorter runs are not judged


def check(log: TrainingLog, limits: Thresholds) -> list[Finding]:
    """One finding per run longer than `warning_ratio` times the window's longest."""
    findings: list[Finding] = []
    for athlete, runs in runs_by_athlete(log):
        units = log.profile_for(athlete).units
        first_day = runs["day"].iloc[0]
        # a run with no distance (a treadmill run without a foot pod) is no one's longest
        runs = runs[runs["distance_m"] > 0]
        by_day = runs.set_index("day")
        # a time window closed on the left ends before the run's own day: same-day runs
        # (same index value) are not in each other's window
        window = by_day["distance_m"].rolling(f"{limits.window_days}D", closed="left")
        longest_before_m = window.max().to_numpy()  # NaN: no run in the window
        history_days = (by_day.index - first_day).days
        ratio = np.round(by_day["distance_m"].to_numpy() / longest_before_m, 9)
        spiked = (
            (ratio > limits.warning_ratio)
            & (history_days >= limits.min_history_days)
            & (by_day["distance_m"].to_numpy() >= limits.min_distance_km * 1000)
        )
        flagged = runs.assign(longest_before_m=longest_before_m, ratio=ratio)[spiked]
        findings += [_finding(athlete, run, limits, units) for run in flagged.itertuples()]
    return findings


def _percent_longer(ratio: float, limits: Thresholds) -> str:
    """'31%' for a high run, never '30%': printed past the limit its severity says it passed."""
    limit_ratio = limits.high_ratio if ratio > limits.high_ratio else limits.warning_ratio
    return percent_beyond(ratio - 1, limit_ratio - 1)


def _finding(athlete: str, run, limits: Thresholds, units: str) -> Finding:
    longer = (
        f"more than double your longest run of the previous {limits.window_days} days"
        if run.ratio > limits.double_ratio
        else f"{_percent_longer(run.ratio, limits)} longer than your longest run of the previous "
        f"{limits.window_days} days"
    )
    over = (
        "more than double"
        if run.ratio > limits.double_ratio
        else f"{_percent_longer(run.ratio, limits)} over"
    )
    return RULE.finding(
        athlete=athlete,
        severity="high" if run.ratio > limits.high_ratio else "warning",
        date=run.local_date,
        period_start=run.local_date - dt.timedelta(days=limits.window_days),
        period_end=run.local_date,
        message=(
            f"{day_text(run.local_date)}: {distance_text(run.distance_m, units)}, {longer} "
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
    band, hazard_ratio = next((band, rate) for top, band, rate in _STUDY_BANDS if ratio <= top)
    return (
        f"In a study of 5,205 runners, runs {band} longer than the month's longest came with "
        f"{hazard_ratio} times the injury rate."
    )


RULE = Rule(
    code="RL103",
    slug="long-run-spike",
    title="A run more than 10 % longer than your longest of the past 30 days",
    label="long run",
    rationale=__doc__,
    thresholds=Thresholds,
    check=check,
    grade="Mod",
)
