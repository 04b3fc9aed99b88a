"""Running with few, long steps: cadence under 170 steps a minute, or well under your own.

Why it matters: in the lab, taking 5-10 % more steps per minute at the same speed lowered
the energy the knee absorbs with each step (Heiderscheit 2011), and 10 % more cut the peak
force behind the kneecap by 14 % (Lenhart 2014); women running at 2.98 m/s loaded the knee
least at 178 steps/min or more and more at 166 or less (Thakkar 2019). These are lab
findings, not injury outcomes, and "180" is folklore: the advice is to raise your own cadence
5-10 %, gradually. Cadence also rises with speed (about 5.6 steps/min per m/s), so a slow
easy week is compared with your own cadence at those speeds too.
How it is judged: each run's cadence comes from its moving, running samples (stops under 1.5
m/s, walking breaks under 130 steps/min or at less than 60 % of the run's usual speed, and
zeros are left out), else from the run's average (a Garmin or Strava CSV or Apple Health may
give it only as steps over moving time; the message then says so). A run/walk session
without samples (named or noted "run/walk", "walk breaks", C25K, Galloway) is left out, and
the rule says so: its average mixes its walking in. Runs without cadence, or
under 130 (a walk filed as a run, or one foot counted) are skipped; treadmill runs count. A
Monday-Sunday week's cadence is the distance-weighted mean of its runs. A week is low when
it is under 170 steps/min (a warning), or 5 % or more under what you ran at the same speeds
in the 12 weeks before (8 runs needed; information only). A week is told on the day of its
last run, when its figures are complete. Not every low week is told: one finding, then again
after 4 weeks if your cadence is still low.
Source: Heiderscheit BC et al. 2011, Med Sci Sports Exerc 43(2):296-302; Lenhart RL et al.
2014, Med Sci Sports Exerc 46(3):557-564; Thakkar et al. 2019, Med Sci Sports Exerc
51(7):1444-1450 (unverified pages); speed: Burns GT et al. 2019, J Appl Physiol.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from analyzer.checkers._calendar import runs_by_athlete
from analyzer.checkers._format import noun_phrase, number_beyond, round_judged
from analyzer.checkers._running import (
    MIN_MOVING_SPEED_MPS,
    MIN_RUNNING_CADENCE_SPM,
    SAMPLE_NAMES,
    mean,
    run_walk_reason,
    run_walk_without_samples,
    running_samples,
)
from analyzer.checkers._today import (
    columns_of,
    dated_runs,
    day_array,
    first_run_day,
    monday_of,
    newest,
    no_runs_reason,
)
from analyzer.checkers.rule import Advice, AsOf, ChartMarks, Finding, Pattern, Rule, setting
from analyzer.log import TrainingLog
from analyzer.words import day_text

SPEED_SLOPE_SPM_PER_MPS = 5.6  # Burns 2019: cadence rises 5.6 steps/min per m/s
_MAX_SLOPE_SPM_PER_MPS = 12.0  # a fitted slope beyond this is noise from a few runs
_MIN_SPEED_SPREAD_MPS = 0.25  # below this spread of speeds, a fitted slope means nothing
_MIN_SAMPLES = 10  # fewer running samples: use the run's average instead
_SEVERITIES = ("info", "warning")  # under your own cadence; under the floor
_STEP_UP_PCT = 5.0  # raise cadence about 5 % at a time (Heiderscheit 2011: 5-10 %)
_RECENT_DAYS = 14  # the status's cadence: the runs of these days


@dataclass(frozen=True)
class Thresholds:
    min_cadence_spm: float = setting(170.0, 100.0, 220.0)  # a week under this: warning
    # this far under your own cadence at the same speed: info
    below_own_pct: float = setting(5.0, 0.0, 50.0)
    # the weeks before that your own cadence is learned from
    own_window_weeks: int = setting(12, 1, 52)
    min_own_runs: int = setting(8, 1, 500)  # runs with cadence in that window before comparing
    # after a finding, the next comes this many weeks later at the soonest
    repeat_weeks: int = setting(4, 1, 52)
    # slower samples are stops
    min_moving_speed_mps: float = setting(MIN_MOVING_SPEED_MPS, 0.0, 10.0)
    # lower samples are walking; lower runs are skipped
    min_running_cadence_spm: float = setting(MIN_RUNNING_CADENCE_SPM, 50.0, 200.0)


def measure(log: TrainingLog, limits: Thresholds) -> pd.DataFrame:
    """Per run with a running cadence: the run's `cadence_spm` (from its moving, running
    samples when its average looks low, else its average), `speed_mps`, `predicted_spm` (your
    own cadence at that speed from the weeks before; NaN until enough runs), and its week's
    figures: `week_cadence_spm` (distance-weighted), `week_predicted_spm`, `week_own_ratio`,
    `week_severity` ("" when the week is not low)."""
    frames = []
    for _, judged, weeks in _by_athlete(log, limits):
        week_figures = weeks[["cadence_spm", "predicted_spm", "own_ratio", "severity"]]
        week_figures = week_figures.add_prefix("week_").reindex(judged["week_start"])
        frames.append(
            judged.assign(**{name: week_figures[name].to_numpy() for name in week_figures})
        )
    if not frames:
        return pd.DataFrame(columns=[*_MEASURE_COLUMNS])
    return pd.concat(frames, ignore_index=True)


_MEASURE_COLUMNS = (
    "athlete", "activity_id", "local_date", "day", "week_start", "distance_m", "cadence_spm",
    "speed_mps", "predicted_spm", "week_cadence_spm", "week_severity",
)  # fmt: skip


def check(log: TrainingLog, limits: Thresholds) -> list[Finding]:
    """One finding per spell of low-cadence weeks, repeated every `repeat_weeks` weeks."""
    findings: list[Finding] = []
    for athlete, judged, weeks in _by_athlete(log, limits):
        findings += _told_weeks(athlete, judged, weeks, limits)
    return findings


def today(day: AsOf) -> dict[str, Any]:
    """The last 14 days' cadence as this rule weighs a week's (by distance), the floor, and
    your own cadence at those speeds from the weeks before."""
    runs = day.measure
    floor = {"cadence_floor_spm": float(day.limits.min_cadence_spm)}
    if runs.empty:
        return floor | {"recent_cadence_spm": None, "own_cadence_spm": None}
    recent = runs[runs["day"] >= pd.Timestamp(day.as_of - dt.timedelta(days=_RECENT_DAYS - 1))]
    weight = _weights(recent)
    has_own = recent["predicted_spm"].notna()
    own_spm = (
        float(np.average(recent.loc[has_own, "predicted_spm"], weights=weight[has_own]))
        if has_own.any()
        else None
    )
    recent_spm = float(np.average(recent["cadence_spm"], weights=weight)) if len(recent) else None
    return floor | {"recent_cadence_spm": recent_spm, "own_cadence_spm": own_spm}


def advice(day: AsOf) -> Advice | None:
    """The open finding's target, until a later complete week is not low or this week's
    cadence so far reaches the target."""
    finding = newest(day.open_findings, "warning", "info")
    if finding is None or finding.severity == "info":
        return None
    runs = day.measure
    low_weeks = runs[(runs["week_severity"] != "") & (runs["day"] <= pd.Timestamp(finding.date))]
    if low_weeks.empty:
        return None
    target_spm = float(finding.evidence["target_spm"])  # one figure: the finding's
    later = runs[runs["day"] > pd.Timestamp(finding.date)]
    this_week = later[later["week_start"] == pd.Timestamp(monday_of(day.as_of))]
    complete = later[later["week_start"] < pd.Timestamp(monday_of(day.as_of))]
    if (complete["week_severity"] == "").any():
        return None  # a complete week since was not low
    if len(this_week) and np.average(this_week["cadence_spm"], weights=_weights(this_week)) >= (
        target_spm
    ):
        return None  # this week already runs at the target
    return Advice(
        kind="cadence",
        text=f"Try shorter, quicker steps on easy runs: about {target_spm:.0f} steps/min.",
        because=(finding,),
        target=float(target_spm),
        unit="steps/min",
    )


def not_judged(day: AsOf) -> str | None:
    """No cadence at all; else the run/walk sessions without samples of the last
    `own_window_weeks` weeks."""
    runs = dated_runs(day)
    if not runs.empty and not runs["avg_cadence_spm"].notna().any():
        return "no run records cadence"
    if runs.empty:
        return no_runs_reason(day)
    weeks = day.limits.own_window_weeks
    recent = runs[
        (runs["local_date"] > day.as_of - dt.timedelta(weeks=weeks))
        & runs["avg_cadence_spm"].notna()
    ]
    unknown = int(run_walk_without_samples(recent, day.log.sample_loaders).sum())
    if not unknown:
        return None
    return run_walk_reason(unknown, len(recent), f"{weeks} weeks", "cadence")


def pattern(day: AsOf) -> Pattern:
    """The days of runs in a low week (every low week, not only those told)."""
    runs = day.measure
    low = runs[runs["week_severity"] != ""] if len(runs) else runs
    return Pattern(
        label=noun_phrase(RULE.title),
        days=day_array(low["day"]) if len(low) else day_array([]),
        judged_from=first_run_day(day),
    )


def chart_marks(day: AsOf) -> ChartMarks:
    """Each run's cadence as this rule reads it, and the floor."""
    columns = ["day", "activity_id", "cadence_spm", "speed_mps"]
    runs = day.measure
    floor_spm = float(day.limits.min_cadence_spm)
    return ChartMarks(
        chart="cadence",
        series=columns_of(runs, columns),
        level=floor_spm,
        level_label=f"floor {floor_spm:g}",
    )


def target_cadence_spm(week_cadence_spm: float, floor_spm: float | None = None) -> int:
    """The cadence a low week's finding and advice ask for: about 5 % more, whole steps, and
    for a week under the floor never less than the floor (161 asks for 170, not 169)."""
    step_spm = round(week_cadence_spm * (1 + _STEP_UP_PCT / 100))
    return step_spm if floor_spm is None else max(step_spm, math.ceil(floor_spm))


def _weights(runs: pd.DataFrame) -> pd.Series:
    """A run's weight in its week's cadence: its distance (unknown: as 1 km)."""
    return runs["distance_m"].where(runs["distance_m"] > 0, 1000.0)


def _by_athlete(log: TrainingLog, limits: Thresholds):
    """Each athlete with runs of a cadence: those runs (`_run_cadences`) and their weeks."""
    columns = (
        "avg_cadence_spm",
        "cadence_is_derived",
        "avg_speed_mps",
        "moving_s",
        "name",
        "notes",
    )
    for athlete, runs in runs_by_athlete(log, *columns):
        judged = _run_cadences(log, runs, limits)
        if not judged.empty:
            yield athlete, judged, _weeks(judged, limits)


def _run_cadences(log: TrainingLog, runs: pd.DataFrame, limits: Thresholds) -> pd.DataFrame:
    """The runs with a cadence: `cadence_spm`, `speed_mps` and `predicted_spm` (own, or NaN).

    Samples are read only for runs whose average is missing or looks low: walking breaks
    and stops only pull an average down, so a run whose average is fine is fine.
    """
    # a run/walk session without samples: its average mixes walking in (as for pace-jump)
    runs = runs[~run_walk_without_samples(runs, log.sample_loaders)].reset_index(drop=True)
    cadence_spm = runs["avg_cadence_spm"].where(runs["avg_cadence_spm"] > 0)
    speed_mps = runs["avg_speed_mps"].where(runs["avg_speed_mps"] > 0)
    speed_mps = speed_mps.fillna(runs["distance_m"] / runs["moving_s"].where(runs["moving_s"] > 0))
    runs = runs.assign(cadence_spm=cadence_spm, speed_mps=speed_mps)
    predicted = _own_cadence_spm(runs, limits)
    looks_low = (
        cadence_spm.isna()
        | (cadence_spm < limits.min_cadence_spm)
        | (cadence_spm < predicted * (1 - limits.below_own_pct / 100))
    )
    # read once per run and settings: the findings, the status and the chart ask for them
    name = f"moving cadence {limits.min_moving_speed_mps:g} {limits.min_running_cadence_spm:g}"
    from_samples = {
        index: log.sample_figure(
            activity_id, name, lambda values: _moving_cadence(values, limits), *SAMPLE_NAMES
        )
        for index, activity_id in runs.loc[looks_low, "activity_id"].items()
        if activity_id in log.sample_loaders
    }
    from_samples = {index: moving for index, moving in from_samples.items() if moving}
    if from_samples:
        moving = pd.DataFrame.from_dict(
            from_samples, orient="index", columns=["cadence_spm", "speed_mps"]
        )
        runs = runs.assign(
            cadence_spm=moving["cadence_spm"].combine_first(runs["cadence_spm"]),
            speed_mps=moving["speed_mps"].combine_first(runs["speed_mps"]),
        )
    # under 130 even when moving is a walk filed as a run, or a cadence of one foot: skipped
    runs = runs[runs["cadence_spm"] >= limits.min_running_cadence_spm]
    if runs.empty:
        return runs
    return runs.assign(predicted_spm=_own_cadence_spm(runs, limits))


def _moving_cadence(
    samples: dict[str, np.ndarray], limits: Thresholds
) -> tuple[float, float] | None:
    """The median cadence and mean speed of a run's moving, running samples (None if too few).

    `samples` holds the run's cadence_spm, speed_mps, distance_m and time_utc arrays."""
    kept, speed_mps = running_samples(
        samples, limits.min_moving_speed_mps, limits.min_running_cadence_spm
    )
    cadence_spm = samples["cadence_spm"]
    if kept.sum() < _MIN_SAMPLES or np.isnan(cadence_spm[kept]).all():
        return None
    return float(np.median(cadence_spm[kept])), mean(speed_mps[kept])


def _own_cadence_spm(runs: pd.DataFrame, limits: Thresholds) -> pd.Series:
    """Each run's expected cadence at its speed, from the runs of the weeks before its week.

    A least-squares line of cadence on speed over the runs of the `own_window_weeks` whole
    weeks before (the week judged is not its own yardstick); when their speeds barely differ,
    the slope is the study's 5.6 steps/min per m/s through their mean. NaN until those weeks
    hold `min_own_runs` runs.
    """
    usable = runs["cadence_spm"].notna() & runs["speed_mps"].notna()
    x = runs["speed_mps"].where(usable)
    y = runs["cadence_spm"].where(usable)
    weekly = (
        pd.DataFrame(
            {
                "n": usable.astype(float),
                "x": x.fillna(0),
                "y": y.fillna(0),
                "xx": (x * x).fillna(0),
                "xy": (x * y).fillna(0),
            }
        )
        .groupby(runs["week_start"])
        .sum()
        .asfreq("7D", fill_value=0.0)
    )
    # shifted by one: each week sees the sums of the weeks before it, not its own
    window = weekly.rolling(limits.own_window_weeks, min_periods=1).sum().shift(1)
    window = window.reindex(runs["week_start"])
    n = window["n"].fillna(0).to_numpy()
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_x, mean_y = window["x"].to_numpy() / n, window["y"].to_numpy() / n
        variance_x = window["xx"].to_numpy() / n - mean_x**2
        covariance = window["xy"].to_numpy() / n - mean_x * mean_y
        fitted = np.clip(covariance / variance_x, 0, _MAX_SLOPE_SPM_PER_MPS)
        spread_ok = np.sqrt(np.maximum(variance_x, 0)) >= _MIN_SPEED_SPREAD_MPS
    slope = np.where(spread_ok, fitted, SPEED_SLOPE_SPM_PER_MPS)
    predicted = mean_y + slope * (runs["speed_mps"].to_numpy() - mean_x)
    predicted = np.where(n >= limits.min_own_runs, predicted, np.nan)
    return pd.Series(predicted, index=runs.index)


def _weeks(runs: pd.DataFrame, limits: Thresholds) -> pd.DataFrame:
    """Per week: distance-weighted cadence, own ratio, and whether it is low (and how)."""
    weight = _weights(runs)
    has_own = runs["predicted_spm"].notna()
    weighted = pd.DataFrame(
        {
            "week_start": runs["week_start"],
            "weight": weight,
            "weighted_spm": weight * runs["cadence_spm"],
            "own_weight": weight.where(has_own, 0.0),
            "own_weighted_spm": (weight * runs["cadence_spm"]).where(has_own, 0.0),
            "own_predicted_spm": (weight * runs["predicted_spm"]).where(has_own, 0.0),
            "runs": 1,
        }
    )
    weeks = weighted.groupby("week_start").sum()
    cadence_spm = weeks["weighted_spm"] / weeks["weight"]
    own_ratio = weeks["own_weighted_spm"] / weeks["own_predicted_spm"].where(
        weeks["own_weight"] > 0
    )
    is_under_floor = round_judged(cadence_spm) < limits.min_cadence_spm  # 169.97 is 170
    is_under_own = np.round(own_ratio, 9) < 1 - limits.below_own_pct / 100
    return weeks.assign(
        cadence_spm=cadence_spm,
        predicted_spm=weeks["own_predicted_spm"]
        / weeks["own_weight"].where(weeks["own_weight"] > 0),
        own_ratio=own_ratio,
        is_under_floor=is_under_floor,
        is_under_own=is_under_own.fillna(False),
        severity=np.where(is_under_floor, "warning", np.where(is_under_own, "info", "")),
    )


def _told_weeks(
    athlete: str, runs: pd.DataFrame, weeks: pd.DataFrame, limits: Thresholds
) -> list[Finding]:
    """Findings for the low weeks, each at most once per `repeat_weeks` at its severity."""
    findings: list[Finding] = []
    low = weeks[weeks["severity"] != ""]
    last_told: dict[str, pd.Timestamp] = {}
    repeat = pd.Timedelta(weeks=limits.repeat_weeks)
    for week_start, week in low.iterrows():
        ranks = _SEVERITIES[_SEVERITIES.index(week["severity"]) :]  # this one or higher
        recent = [last_told[rank] for rank in ranks if rank in last_told]
        if recent and week_start - max(recent) < repeat:
            continue
        last_told[week["severity"]] = week_start
        since = week_start - repeat + pd.Timedelta(weeks=1)
        low_weeks = int(((low.index >= since) & (low.index <= week_start)).sum())
        week_runs = runs[runs["week_start"] == week_start]
        findings.append(_finding(athlete, week_runs, week, low_weeks, limits))
    return findings


def _finding(
    athlete: str, week_runs: pd.DataFrame, week: pd.Series, low_weeks: int, limits: Thresholds
) -> Finding:
    is_warning = week["severity"] == "warning"
    # the week's cadence is complete with its last run: the finding is dated then, and so
    # quotes no run after its own day
    told = week_runs.iloc[-1]
    lowest = week_runs.loc[week_runs["cadence_spm"].idxmin()]
    cadence_spm = float(week["cadence_spm"])
    target_spm = target_cadence_spm(cadence_spm, limits.min_cadence_spm if is_warning else None)
    runs_text = f"{len(week_runs)} run{'s' if len(week_runs) != 1 else ''}"
    derived = int(week_runs["cadence_is_derived"].fillna(False).astype(bool).sum())
    if derived:
        of_them = "all" if derived == len(week_runs) else f"{derived}"
        runs_text += f" ({of_them} from steps and time, not recorded)"
    lowest_text = (
        f", lowest {lowest['cadence_spm']:.0f} on {day_text(lowest['local_date'], year=False)}"
        if lowest["cadence_spm"] < cadence_spm - 1.5  # worth saying only when it differs
        else ""
    )
    if is_warning:
        # rounded so that the comparison holds as printed: "169.6, under 170"
        cadence_text = number_beyond(cadence_spm, limits.min_cadence_spm, above=False)
        compared = f"under {limits.min_cadence_spm:g}"
    else:
        cadence_text = f"{cadence_spm:.0f}"
        below_pct = number_beyond((1 - week["own_ratio"]) * 100, limits.below_own_pct, above=True)
        compared = (
            f"{below_pct}% under the {week['predicted_spm']:.0f} steps/min you ran at these "
            f"speeds in the {limits.own_window_weeks} weeks before"
        )
    spell = (
        f" {low_weeks} of your last {limits.repeat_weeks} weeks were low." if low_weeks > 1 else ""
    )
    week_start = week.name.date()
    return RULE.finding(
        athlete=athlete,
        severity=week["severity"],
        date=told["local_date"],
        period_start=week_start,
        period_end=told["local_date"],
        message=(
            f"{day_text(told['local_date'], year=False)}: your cadence the week of "
            f"{day_text(week_start, year=False)} "
            f"averaged {cadence_text} steps/min over {runs_text}{lowest_text}, "
            f"{compared}.{spell} In lab studies, 5-10 % more steps per minute at the same speed "
            "lowered the load on the knee (10 % more: 14 % less force behind the kneecap). "
            f"Raise it gradually, about 5 % at a time (here to about {target_spm}); shorter, "
            "quicker steps at the same pace, a metronome helps. 180 is folklore, not a target."
        ),
        evidence={
            "cadence_spm": round(cadence_spm, 1),
            "min_cadence_spm": limits.min_cadence_spm,
            "own_cadence_spm": round(float(week["predicted_spm"]), 1)
            if pd.notna(week["predicted_spm"])
            else None,
            "below_own_pct": round(float(1 - week["own_ratio"]) * 100, 1)
            if pd.notna(week["own_ratio"])
            else None,
            "lowest_spm": round(float(lowest["cadence_spm"]), 1),
            "runs": len(week_runs),
            "runs_from_steps": derived,
            "low_weeks": low_weeks,
            "target_spm": target_spm,
        },
        activity_ids=tuple(str(value) for value in week_runs["activity_id"]),
        headline=(
            f"cadence {cadence_text} steps/min over {len(week_runs)} run"
            f"{'s' if len(week_runs) != 1 else ''}, "
            + (
                compared
                if is_warning
                else f"{below_pct}% under your own {week['predicted_spm']:.0f}"
            )
        ),
    )


RULE = Rule(
    code="RL201",
    slug="low-cadence",
    title="Running cadence under 170 steps/min, or 5 % under your own at the same speed",
    label="cadence",
    rationale=__doc__,
    thresholds=Thresholds,
    check=check,
    measure=measure,
    today=today,
    advice=advice,
    not_judged=not_judged,
    pattern=pattern,
    chart_marks=chart_marks,
    grade="Mech",
)
