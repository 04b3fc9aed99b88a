"""A week with far more downhill running than the weeks before it, and than your usual.

Why it matters: running downhill loads the knee harder than running on the flat. In the
lab, at a 9° downhill slope the impact peak rose 54 % and the braking peak 73 % over level
running, and downhill running aggravates ITB syndrome; pain that is worse running downhill is
a sign of runner's knee. No study has tested a weekly limit, so this is a warning, never
high. The rule flags a Monday-Sunday week whose total descent is more than 1.5 times the
runner's weekly average of the 4 weeks before, once the week has at least 300 m of descent
and the log holds 4 whole weeks before it, and only when it is also more than 10 % above
the runner's usual descent: the most reached in two of the 12 weeks before. A
jump no more than 10 % above that usual descent after lighter weeks (a taper, a race, a
holiday) is noted once, for information, saying whether the week is back to it (within
10 %) or still under it. A climb of descent is told once: again only after a week more than
10 % under its highest. A week whose runs carry no elevation data is not judged, and neither
are the 4 weeks after it.
Source: Gottschall JS, Kram R 2005, J Biomech 38(3):445-452; Orchard JW et al. 1996, Am J
Sports Med 24(3):375-379 (unverified pages).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from analyzer.checkers._calendar import rows_between, runs_by_athlete, weekly_totals
from analyzer.checkers._format import noun_phrase
from analyzer.checkers._today import (
    columns_of,
    dated_runs,
    history_weeks_reason,
    newest,
    passed_weeks_pattern,
)
from analyzer.checkers._usual import (
    HELD_WEEKS,
    LIGHTER_WEEK_PCT,
    USUAL_WEEKS,
    USUAL_WITHIN_PCT,
    climb_numbers,
    told_once_per_climb,
    usual_level,
    usual_words,
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
from analyzer.words import day_text, elevation_text

_ADVICE_DAYS = 7  # a week of descent older than this asks nothing of this week


@dataclass(frozen=True)
class Thresholds:
    # this week's descent / weekly mean of the window's weeks
    warning_ratio: float = setting(1.5, 1.0, 10.0)
    window_weeks: int = setting(4, 1, 26)
    min_history_weeks: int = setting(4, 0, 52)  # whole weeks of log before the week judged
    min_week_descent_m: float = setting(300.0, 0.0, 20000.0)  # smaller weeks are not flagged
    # your usual descent: the most you reached in held_weeks of these weeks (_usual.py)
    usual_weeks: int = setting(USUAL_WEEKS, 1, 52)
    held_weeks: int = setting(HELD_WEEKS, 1, 8)
    # a week within this of your usual descent is back to it: information at most
    usual_within_pct: float = setting(USUAL_WITHIN_PCT, 0.0, 50.0)
    # a week this much under the climb's highest ends the climb: the next jump is told again
    lighter_week_pct: float = setting(LIGHTER_WEEK_PCT, 1.0, 50.0)


def measure(log: TrainingLog, limits: Thresholds) -> pd.DataFrame:
    """Per athlete and Monday-Sunday week from the first run to the last: its `descent_m`
    (NaN when no run recorded one), the weekly mean of the window's weeks before it
    (`baseline_m`), your usual descent (`usual_m`: the most reached in `held_weeks` of the
    `usual_weeks` weeks before), the descent it had to pass (`limit_m`), its `level`
    (warning: a jump above your usual; info: a jump back to it; "" otherwise), its `climb`,
    its `severity` (the level told, "" when its climb was told as much before), and the days
    its running total passed its limit (`passed_date`) and, for a told week, `told_date`."""
    frames = []
    for athlete, runs, weeks in _weeks_by_athlete(log, limits):
        passed = pd.Series(
            [
                _week_runs(runs, week_start).local_dates[_crossing(runs, week_start, limit_m)]
                if level
                else None
                for week_start, level, limit_m in zip(
                    weeks.index, weeks["level"], weeks["limit_m"], strict=True
                )
            ],
            index=weeks.index,
            dtype=object,
        )
        frames.append(
            weeks.assign(
                athlete=athlete,
                passed_date=passed,
                told_date=passed.where(weeks["severity"] != "", None),
            )
            .rename_axis("week_start")
            .reset_index()
        )
    if not frames:
        return pd.DataFrame(columns=["athlete", "week_start", "descent_m", "severity"])
    return pd.concat(frames, ignore_index=True)


def check(log: TrainingLog, limits: Thresholds) -> list[Finding]:
    """One finding per told week: a jump above your usual descent (a warning), or back to it
    (information), once per climb."""
    findings: list[Finding] = []
    for athlete, runs, weeks in _weeks_by_athlete(log, limits):
        units = log.profile_for(athlete).units
        first_week = runs["week_start"].iloc[0].date()
        for week_start, week in weeks[weeks["severity"] != ""].iterrows():
            findings.append(
                _finding(athlete, _week_runs(runs, week_start), week, first_week, limits, units)
            )
    return findings


def _weeks_by_athlete(log: TrainingLog, limits: Thresholds):
    """Each athlete's runs and weeks with their descent, baseline, usual, limit and level."""
    for athlete, runs in runs_by_athlete(log, "descent_m"):
        # a week whose runs all lack descent is unknown (NaN), and so is any mean over it
        weekly_m = weekly_totals(runs, "descent_m", min_count=1)
        baseline_m = weekly_m.shift(1).rolling(limits.window_weeks).mean()
        usual_m = usual_level(
            weekly_m, max(limits.usual_weeks, limits.held_weeks), limits.held_weeks
        )
        history_days = (weekly_m.index - runs["day"].iloc[0]).days
        jump_m = np.maximum(baseline_m * limits.warning_ratio, limits.min_week_descent_m)
        # above your usual descent: more than usual_within_pct over it (unknown: judged as jumps)
        above_m = np.maximum(jump_m, (usual_m * (1 + limits.usual_within_pct / 100)).fillna(0))
        is_jump = (
            (weekly_m > jump_m + 1e-9)  # float sums: exactly 1.5 times is not "more"
            & baseline_m.notna()
            & (history_days >= 7 * limits.min_history_weeks)
        )
        is_above = is_jump & (weekly_m > above_m + 1e-9)
        level = np.select([is_above, is_jump], ["warning", "info"], "")
        climbs = climb_numbers(weekly_m.to_numpy(dtype=float), limits.lighter_week_pct)
        ranks = np.select([is_above, is_jump], [1, 0], -1)
        told = told_once_per_climb(ranks, climbs)
        weeks = pd.DataFrame(
            {
                "descent_m": weekly_m,
                "baseline_m": baseline_m,
                "usual_m": usual_m,
                "limit_m": np.where(is_above, above_m, jump_m),
                "level": level,
                "climb": climbs,
                "severity": np.where(told, level, ""),
            }
        )
        yield athlete, runs, weeks


def _week_runs(runs: pd.DataFrame, week_start: pd.Timestamp) -> _Week:
    """The week's runs, oldest first."""
    rows = rows_between(runs["week_start"].to_numpy(), week_start, week_start)
    part = runs.iloc[rows]
    return _Week(
        week_start.date(),
        part["descent_m"].to_numpy(),
        part["local_date"].to_numpy(),
        part["activity_id"].to_numpy(),
    )


def _crossing(runs: pd.DataFrame, week_start: pd.Timestamp, limit_m: float) -> int:
    """The position in its week of the run with which the week's descent passed its limit."""
    running_total_m = np.nancumsum(_week_runs(runs, week_start).descent_m)
    return int(np.argmax(running_total_m > limit_m + 1e-9))


def advice(day: AsOf) -> Advice | None:
    """After a warning of the last 7 days: easy on the descents."""
    finding = newest(day.open_findings, "warning")
    if finding is None or day.days_ago(finding.date) >= _ADVICE_DAYS:
        return None
    return Advice(kind="intensity", text="Go easy on long descents this week.", because=(finding,))


def not_judged(day: AsOf) -> str | None:
    runs = dated_runs(day)
    if not runs.empty and not runs["descent_m"].notna().any():
        return "no run records its descent"
    return history_weeks_reason(day, day.limits.min_history_weeks)


def pattern(day: AsOf) -> Pattern:
    """The days on which a week passed the limit of its level, told or not."""
    return passed_weeks_pattern(day, noun_phrase(RULE.title), day.limits.min_history_weeks)


def chart_marks(day: AsOf) -> ChartMarks:
    """The weekly descent against its limit; findings are labelled on the weekly chart."""
    weeks = day.measure
    columns = ["day", "descent_m", "limit_m"]
    series = weeks.rename(columns={"week_start": "day"})
    return ChartMarks(
        chart="weekly",
        series=columns_of(series, columns),
    )


class _Week(NamedTuple):
    """One week's runs, oldest first."""

    start: dt.date
    descent_m: np.ndarray
    local_dates: np.ndarray
    activity_ids: np.ndarray


def _finding(
    athlete: str,
    week: _Week,
    judged: pd.Series,
    first_week: dt.date,
    limits: Thresholds,
    units: str,
) -> Finding:
    baseline_m, limit_m = float(judged["baseline_m"]), float(judged["limit_m"])
    usual_m = float(judged["usual_m"])
    running_total_m = np.nancumsum(week.descent_m)
    # dated on the day the week's descent first passed its limit
    crossing = int(np.argmax(running_total_m > limit_m + 1e-9))
    date, week_start = week.local_dates[crossing], week.start
    # the week as it stood that day: the runs after it are the finding's future
    crossed_m = float(running_total_m[crossing])
    ratio = crossed_m / baseline_m if baseline_m > 0 else None
    compared = (
        f"{crossed_m / baseline_m:.1f} times your weekly average of the {limits.window_weeks} "
        f"weeks before ({elevation_text(baseline_m, units)})"
        if baseline_m > 0
        else f"after {limits.window_weeks} weeks with no descent"
    )
    usual = (
        f"your usual {elevation_text(usual_m, units)} "
        f"({usual_words(limits.held_weeks, limits.usual_weeks)})"
    )
    reached = (
        f"{day_text(date, year=False)}: with this run your week of "
        f"{day_text(week_start, year=False)} reached "
        f"{elevation_text(crossed_m, units)} of descent, {compared}"
    )
    if judged["severity"] == "info":
        # back within usual_within_pct of your usual descent, or still under it
        is_back = crossed_m >= usual_m * (1 - limits.usual_within_pct / 100) - 1e-9
        where = "back to" if is_back else "still under"
        message = (
            f"{reached}, {where} {usual} after lighter weeks. A return towards the descent "
            "you have held is not a jump; nothing to change."
        )
        headline = (
            f"{elevation_text(crossed_m, units)} of descent in a week, {where} your usual "
            f"{elevation_text(usual_m, units)}"
        )
    else:
        above = f", above {usual}" if usual_m > 0 else ""
        message = (
            f"{reached}{above}. Downhill running loads the knee harder (in the lab, impact "
            "+54% and braking +73% at a 9° slope). Add descents gradually, and keep next "
            "week's downhills gentle."
        )
        headline = f"{elevation_text(crossed_m, units)} of descent in a week, " + (
            f"{crossed_m / baseline_m:.1f} times your recent {elevation_text(baseline_m, units)}"
            if baseline_m > 0
            else f"after {limits.window_weeks} weeks with none"
        )
    return RULE.finding(
        athlete=athlete,
        severity=str(judged["severity"]),
        date=date,
        # the weeks compared with: the window's and those of the usual level, in the log
        period_start=max(
            first_week,
            week_start
            - dt.timedelta(weeks=max(limits.window_weeks, limits.usual_weeks, limits.held_weeks)),
        ),
        period_end=date,
        message=message,
        evidence={
            "week_start": week_start.isoformat(),
            "week_descent_m": round(crossed_m),  # up to the finding's day
            "baseline_weekly_descent_m": round(baseline_m),
            "usual_weekly_descent_m": None if np.isnan(usual_m) else round(usual_m),
            "ratio": None if ratio is None else round(ratio, 2),
        },
        activity_ids=tuple(week.activity_ids[: crossing + 1]),
        headline=headline,
    )


RULE = Rule(
    code="RL105",
    slug="downhill-load-jump",
    title="A week with far more downhill running than your last 4 weeks, above your usual",
    label="downhill",
    rationale=__doc__,
    thresholds=Thresholds,
    check=check,
    measure=measure,
    today=Declined("the status shows no descent figure; its findings say what happened"),
    advice=advice,
    not_judged=not_judged,
    pattern=pattern,
    chart_marks=chart_marks,
    grade="Mech",
)
