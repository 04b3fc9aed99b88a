"""A run much faster than the runner's own recent runs.

Why it matters: a sudden step up in intensity asks more of the knee and the tendons than the
weeks before prepared them for; coaches build speed up gradually for that reason. This is a
convention: no outcome study has tested a pace threshold. The rule compares a run's running
speed with the runner's own norm, by default the fastest of their runs of the previous 8
weeks (so the weekly tempo run and the odd race are part of the norm, not a jump), and flags
a run 5 % or more faster than that. Running speed leaves walk breaks and stops out: where a
run has samples, it is the mean speed of its running samples (moving, at a running cadence,
not walking); else its average. A run/walk session without samples (named or noted run/walk,
walk breaks, C25K, Galloway) is neither judged nor part of the norm: its average mixes its
running with its walking, and the rule says so. A lower `norm_rank_pct` makes the norm the
speed that share of the window's runs stayed under, a stricter test. Only runs of 3 km or
more count, and it needs 8 weeks of log with 8 such runs in them. A run whose name or notes
say race, parkrun or marathon is a planned effort: it is shown for information, not as a
warning. Never high: the evidence is only convention.
Source: coaching convention; no study has tested a pace threshold (no outcome data).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analyzer.checkers._calendar import runs_by_athlete
from analyzer.checkers._format import number_beyond
from analyzer.checkers._running import (
    MIN_MOVING_SPEED_MPS,
    MIN_RUNNING_CADENCE_SPM,
    SAMPLE_NAMES,
    is_run_walk,
    mean,
    run_walk_reason,
    running_samples,
)
from analyzer.checkers._today import (
    columns_of,
    days_pattern,
    history_days_reason,
    newest,
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
from analyzer.words import day_text, distance_text, pace_text

_ADVICE_DAYS = 7  # a faster run older than this asks nothing of this week
_MIN_SAMPLES = 10  # fewer running samples: the run's average stands
_RACE_WORDS = re.compile(r"\b(?:race[ds]?|racing|parkrun|marathon|time[- ]trial)\b", re.I)


@dataclass(frozen=True)
class Thresholds:
    warning_ratio: float = setting(1.05, 1.0, 2.0)  # this run's speed / the window's norm speed
    # the norm: the speed this share of the window's runs stayed under (100: the fastest run)
    norm_rank_pct: float = setting(100.0, 50.0, 100.0)
    window_days: int = setting(56, 7, 365)
    min_history_days: int = setting(56, 0, 365)  # days of log before the run
    min_window_runs: int = setting(8, 1, 500)  # runs of min_distance_km or more in the window
    # shorter runs (strides, warm-ups) neither judged nor norm
    min_distance_km: float = setting(3.0, 0.0, 100.0)
    # running samples: moving at this speed or more, and at this cadence or more
    min_moving_speed_mps: float = setting(MIN_MOVING_SPEED_MPS, 0.0, 10.0)
    min_running_cadence_spm: float = setting(MIN_RUNNING_CADENCE_SPM, 50.0, 200.0)


def measure(log: TrainingLog, limits: Thresholds) -> pd.DataFrame:
    """Per run of `min_distance_km` or more with a speed: its running `speed_mps` (from its
    running samples, `speed_source` "samples", where it matters and the run has them; else its
    average), `is_run_walk` (named or noted so), the window's norm (`norm_mps`), `ratio` to it,
    `window_runs`, `is_judged` (history and runs enough, and not a run/walk session without
    samples) and `is_jump` (judged and `warning_ratio` or more), with the run's name and
    notes. A run/walk session without samples is neither judged nor part of any norm."""
    frames = []
    columns = ("avg_speed_mps", "moving_s", "name", "notes")
    for _, runs in runs_by_athlete(log, *columns):
        speed_mps = runs["avg_speed_mps"].fillna(runs["distance_m"] / runs["moving_s"])
        long_enough = (runs["distance_m"] >= limits.min_distance_km * 1000) & (
            np.isfinite(speed_mps) & (speed_mps > 0)
        )
        counted = runs.assign(speed_mps=speed_mps)[long_enough]
        if counted.empty:
            continue
        counted = counted.assign(
            is_run_walk=is_run_walk(counted["name"], counted["notes"]),
            has_samples=counted["activity_id"].isin(set(log.sample_loaders)).to_numpy(),
            speed_source="average",
        )
        first_day = runs["day"].iloc[0]
        frames.append(_running_speeds(log, counted, first_day, limits))
    if not frames:
        return pd.DataFrame(columns=["athlete", "day", "speed_mps", "ratio", "is_jump"])
    return pd.concat(frames)


def _judged(runs: pd.DataFrame, first_day: pd.Timestamp, limits: Thresholds) -> pd.DataFrame:
    """The runs with their window's norm, ratio and judgement, from their `speed_mps`."""
    # a run/walk session without samples: its average is no running speed
    is_unknown = runs["is_run_walk"] & ~runs["has_samples"]
    by_day = runs.set_index("day")["speed_mps"].where(~is_unknown.to_numpy())
    # closed on the left: the window ends before the run's own day, same-day runs excluded
    window = by_day.rolling(f"{limits.window_days}D", closed="left")
    if limits.norm_rank_pct >= 100:
        norm_mps = window.max().to_numpy()
    else:
        norm_mps = window.quantile(limits.norm_rank_pct / 100).to_numpy()
    window_runs = window.count().to_numpy()
    history_days = (by_day.index - first_day).days
    ratio = np.round(runs["speed_mps"].to_numpy() / norm_mps, 9)
    is_judged = (
        (history_days >= limits.min_history_days)
        & (window_runs >= limits.min_window_runs)
        & ~is_unknown.to_numpy()
    )
    return runs.assign(
        norm_mps=norm_mps,
        ratio=ratio,
        window_runs=window_runs,
        is_judged=is_judged,
        is_jump=is_judged & (ratio >= limits.warning_ratio),
    )


def _running_speeds(
    log: TrainingLog, runs: pd.DataFrame, first_day: pd.Timestamp, limits: Thresholds
) -> pd.DataFrame:
    """The runs judged on their running speeds: a jump by its averages is judged again on the
    running samples of the run and of its window's runs, until no jump rests on an average
    that samples could correct (samples are read only for those runs)."""
    window = pd.Timedelta(days=limits.window_days)
    read: set[str] = set()
    while True:
        judged = _judged(runs, first_day, limits)
        to_read: set[str] = set()
        for jump in judged[judged["is_jump"]].itertuples():
            in_window = (judged["day"] >= jump.day - window) & (judged["day"] <= jump.day)
            to_read |= set(judged.loc[in_window & judged["has_samples"], "activity_id"])
        to_read -= read
        if not to_read:
            return judged
        read |= to_read
        speeds = {
            activity_id: _running_speed_mps(log, activity_id, limits) for activity_id in to_read
        }
        speeds = {key: value for key, value in speeds.items() if np.isfinite(value)}
        from_samples = runs["activity_id"].isin(set(speeds))
        runs = runs.assign(
            speed_mps=runs["speed_mps"].mask(from_samples, runs["activity_id"].map(speeds)),
            speed_source=runs["speed_source"].mask(from_samples, "samples"),
        )


def _running_speed_mps(log: TrainingLog, activity_id: str, limits: Thresholds) -> float:
    """The mean speed of a run's running samples (NaN with too few of them)."""
    kept, speed_mps = running_samples(
        log.sample_values(activity_id, *SAMPLE_NAMES),
        limits.min_moving_speed_mps,
        limits.min_running_cadence_spm,
    )
    return mean(speed_mps[kept]) if kept.sum() >= _MIN_SAMPLES else np.nan


def check(log: TrainingLog, limits: Thresholds) -> list[Finding]:
    """One finding per run `warning_ratio` times faster than the window's norm or more."""
    runs = measure(log, limits)
    return [
        _finding(str(run.athlete), run, limits, log.profile_for(str(run.athlete)).units)
        for run in runs[runs["is_jump"].astype(bool)].itertuples()
    ]


def advice(day: AsOf) -> Advice | None:
    """After a warning of the last 7 days: keep this week's runs easy."""
    finding = newest(day.open_findings, "warning")
    if finding is None or day.days_ago(finding.date) >= _ADVICE_DAYS:
        return None
    return Advice(
        kind="intensity",
        text="Keep most runs at your usual easy pace this week.",
        because=(finding,),
    )


def not_judged(day: AsOf) -> str | None:
    """Too little history; else the run/walk sessions without samples of the last window."""
    reason = history_days_reason(day, day.limits.min_history_days)
    runs = day.measure
    if reason or runs.empty:
        return reason
    recent = runs[runs["day"] > pd.Timestamp(day.as_of - dt.timedelta(days=day.limits.window_days))]
    unknown = recent["is_run_walk"] & ~recent["has_samples"].astype(bool)
    if not unknown.any():
        return None
    return run_walk_reason(int(unknown.sum()), len(recent), _window_text(day.limits), "pace")


def pattern(day: AsOf) -> Pattern:
    """The days of runs this rule flags (races included)."""
    runs = day.measure
    jumped = runs[runs["is_jump"].astype(bool)] if len(runs) else runs
    return days_pattern(day, RULE.title, jumped["day"], day.limits.min_history_days)


def chart_marks(day: AsOf) -> ChartMarks:
    """Each run's speed against its norm; its findings are labelled on the weekly chart."""
    runs = day.measure
    columns = ["day", "activity_id", "speed_mps", "norm_mps"]
    return ChartMarks(
        chart="weekly",
        series=columns_of(runs, columns),
    )


def _is_race(run) -> bool:
    words = " ".join(str(text) for text in (run.name, run.notes) if isinstance(text, str))
    return bool(_RACE_WORDS.search(words))


def _window_text(limits: Thresholds) -> str:
    """'8 weeks', or '50 days'."""
    weeks = limits.window_days / 7
    return f"{weeks:g} weeks" if weeks == int(weeks) else f"{limits.window_days} days"


def _finding(athlete: str, run, limits: Thresholds, units: str) -> Finding:
    is_race = _is_race(run)
    window_text = _window_text(limits)
    running = ", running" if run.speed_source == "samples" else ""  # walk breaks left out
    advice = (
        "A race is a planned effort; give the next few days an easy start."
        if is_race
        else "Build speed gradually: one quicker session a week, a little faster each time."
    )
    # printed never under the limit it reached: 5.04 % shows as "5%", never as "4.9%"
    faster_pct = number_beyond(
        (run.ratio - 1) * 100, (limits.warning_ratio - 1) * 100, above=True, at_least=True
    )
    return RULE.finding(
        athlete=athlete,
        severity="info" if is_race else "warning",
        date=run.local_date,
        period_start=run.local_date - dt.timedelta(days=limits.window_days),
        period_end=run.local_date,
        message=(
            f"{day_text(run.local_date, year=False)}: "
            f"{distance_text(run.distance_m, units)}{running} at "
            f"{pace_text(run.speed_mps, units)}, {faster_pct}% faster than "
            f"{_norm_text(run, limits, units, window_text)}. "
            f"Coaches caution against sudden jumps in intensity (no outcome study). {advice}"
        ),
        evidence={
            "distance_km": round(run.distance_m / 1000, 2),
            "speed_mps": round(float(run.speed_mps), 3),
            "norm_speed_mps": round(float(run.norm_mps), 3),
            "ratio": round(float(run.ratio), 3),
            "window_runs": int(run.window_runs),
            "is_race": is_race,
            "speed_from": run.speed_source,  # samples: running samples only; else the average
        },
        activity_ids=(str(run.activity_id),),
        headline=(
            f"{distance_text(run.distance_m, units)}{running} at "
            f"{pace_text(run.speed_mps, units)}, {faster_pct}% faster than your best of "
            f"{window_text}"
        ),
    )


def _norm_text(run, limits: Thresholds, units: str, window_text: str) -> str:
    norm = pace_text(run.norm_mps, units)
    shortest = distance_text(limits.min_distance_km * 1000, units)
    if limits.norm_rank_pct >= 100:
        return (
            f"your fastest run of the past {window_text} ({norm}, the best of "
            f"{run.window_runs:.0f} runs of {shortest} or more)"
        )
    return (
        f"the quick end of your past {window_text} ({norm}: {limits.norm_rank_pct:g}% of your "
        f"{run.window_runs:.0f} runs were at it or slower)"
    )


RULE = Rule(
    code="RL104",
    slug="pace-jump",
    title="A run much faster than your runs of the past 8 weeks",
    label="pace",
    rationale=__doc__,
    thresholds=Thresholds,
    check=check,
    measure=measure,
    today=Declined("the status shows no pace figure; its findings say what happened"),
    advice=advice,
    not_judged=not_judged,
    pattern=pattern,
    chart_marks=chart_marks,
    grade="Conv",
)
