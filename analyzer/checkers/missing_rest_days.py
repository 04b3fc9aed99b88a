"""Too many running days in a row, or a week without a rest day.

Why it matters: tissues adapt to running on the days between runs. No study has set a limit
on days in a row; the reasons are recovery and monotony (the same load day after day went
with more illness in Foster's athletes), and advice for sore knees starts from two or three
runs a week. So this is a convention, and informational unless it comes with high monotony or
a spike: the 7th running day in a row is told (one finding per streak), as a
warning when those 7 days were monotonous (Foster's monotony, mean / SD of the daily
distances, over 2.0) or a spike (their distance 30 % or more over the weekly average of the 4
weeks before the streak, at least 3 of them in the log), else for information. A
Monday-Sunday week with no rest day that a streak finding does not already cover is noted for
information. Two runs on one day are one running day; days are the runner's own calendar days.
Source: convention, no validated threshold; monotony: Foster C 1998, Med Sci Sports Exerc
30(7):1164-1168.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from analyzer.checkers._calendar import foster_monotony, rows_between, runs_by_athlete
from analyzer.checkers._format import noun_phrase, number_beyond
from analyzer.checkers._today import columns_of, day_array, first_run_day, newest, no_runs_reason
from analyzer.checkers.rule import Advice, AsOf, ChartMarks, Finding, Pattern, Rule, setting
from analyzer.log import TrainingLog
from analyzer.words import day_text, distance_text


@dataclass(frozen=True)
class Thresholds:
    max_running_days_in_row: int = setting(6, 1, 60)  # the next running day in a row is flagged
    min_weekly_rest_days: int = setting(1, 0, 6)  # a Monday-Sunday week with fewer is noted
    # Foster: mean / SD of the streak's daily distances past this
    high_monotony_ratio: float = setting(2.0, 0.5, 20.0)
    # the streak's days against the 4 weeks before: a warning past it
    spike_ratio: float = setting(1.3, 1.0, 5.0)
    min_base_weekly_km: float = setting(10.0, 0.0, 500.0)  # a smaller base is not compared


def measure(log: TrainingLog, limits: Thresholds) -> pd.DataFrame:
    """Per athlete and running day (two runs on one day are one): its `distance_m`,
    `running_days_in_row` (the streak up to it) and `week_running_days` (running days of its
    Monday-Sunday week up to it), and `is_past_limit`: a streak past
    `max_running_days_in_row`, or a week past its running days."""
    frames = []
    max_week_days = _max_running_days_in_week(limits)
    for athlete, runs in runs_by_athlete(log):
        days = _running_days(runs)
        in_row = days.groupby(_streak_numbers(days.index).to_numpy()).cumcount() + 1
        in_week = days.groupby("week_start").cumcount() + 1
        frames.append(
            days.assign(
                athlete=athlete,
                running_days_in_row=in_row.to_numpy(),
                week_running_days=in_week.to_numpy(),
                is_past_limit=(in_row.to_numpy() > limits.max_running_days_in_row)
                | (in_week.to_numpy() > max_week_days),
            )
            .rename_axis("day")
            .reset_index()
        )
    if not frames:
        return pd.DataFrame(columns=["athlete", "day", "distance_m", "running_days_in_row"])
    return pd.concat(frames, ignore_index=True)


def _running_days(runs: pd.DataFrame) -> pd.DataFrame:
    daily_m = runs.groupby("day")["distance_m"].sum()  # two runs, one running day
    return daily_m.to_frame().assign(
        week_start=daily_m.index - pd.to_timedelta(daily_m.index.day_of_week, unit="D")
    )


def _max_running_days_in_week(limits: Thresholds) -> int:
    return max(7 - limits.min_weekly_rest_days, 0)


def check(log: TrainingLog, limits: Thresholds) -> list[Finding]:
    """One finding per streak past `max_running_days_in_row`, one per uncovered restless week."""
    findings: list[Finding] = []
    max_running_days = _max_running_days_in_week(limits)  # in one Monday-Sunday week
    for athlete, runs in runs_by_athlete(log):
        units = log.profile_for(athlete).units
        days_and_ids = (runs["day"].to_numpy(), runs["activity_id"].to_numpy())
        days = _running_days(runs)
        daily_m = days["distance_m"]
        streaks = _spans(days, _streak_numbers(days.index), limits.max_running_days_in_row)
        streaks = streaks[streaks["running_days"] > limits.max_running_days_in_row]
        findings += [
            _streak_finding(athlete, streak, daily_m, days_and_ids, limits, units)
            for streak in streaks.itertuples()
        ]
        weeks = _spans(days, days["week_start"], max_running_days)
        restless = weeks[weeks["running_days"] > max_running_days]
        # a week that overlaps a flagged streak has been told already
        restless = restless[~_overlaps_a_streak(restless["first_day"], streaks)]
        findings += [
            _week_finding(athlete, week, days_and_ids, limits, units)
            for week in restless.itertuples()
        ]
    return findings


def _overlaps_a_streak(first_days: pd.Series, streaks: pd.DataFrame) -> np.ndarray:
    """Whether the Monday-Sunday week of each day overlaps one of the streaks (in day order,
    none overlapping another): the last streak that starts by the Sunday ends after the
    Monday."""
    days = pd.DatetimeIndex(first_days)
    mondays = (days - pd.to_timedelta(days.day_of_week, unit="D")).as_unit("ns").asi8
    sundays = mondays + pd.Timedelta(days=6).value
    starts = pd.DatetimeIndex(streaks["first_day"]).as_unit("ns").asi8
    ends = pd.DatetimeIndex(streaks["last_day"]).as_unit("ns").asi8
    if not len(starts):
        return np.zeros(len(days), dtype=bool)
    before = np.searchsorted(starts, sundays, side="right") - 1
    return (before >= 0) & (ends[np.maximum(before, 0)] >= mondays)


def today(day: AsOf) -> dict[str, Any]:
    """Running days in a row up to the as-of day (the day before, when the as-of day has no
    run yet: a day is a rest day once it is over), and the last day without a run before
    them (None: none since the log began)."""
    days = day.measure
    as_of = pd.Timestamp(day.as_of)
    if days.empty:
        return {"running_days_in_row": 0, "last_rest_date": None}
    ran = days.set_index("day")
    end = as_of if as_of in ran.index else as_of - pd.Timedelta(days=1)
    in_row = int(ran.loc[end, "running_days_in_row"]) if end in ran.index else 0
    last_rest = end - pd.Timedelta(days=in_row)
    return {
        "running_days_in_row": in_row,
        "last_rest_date": last_rest.date() if last_rest >= ran.index[0] else None,
    }


def advice(day: AsOf) -> Advice | None:
    """While the streak of an open warning goes on (no rest day since), or the streak is past
    the limit now: a rest day in the next day or two."""
    figures = today(day)
    in_row = figures["running_days_in_row"]
    finding = newest(day.open_findings, "warning")
    rested_since = finding is not None and (
        figures["last_rest_date"] is not None and figures["last_rest_date"] >= finding.date
    )
    if in_row <= day.limits.max_running_days_in_row and (finding is None or rested_since):
        return None
    return Advice(
        kind="rest",
        text=f"Take a rest day in the next day or two: {in_row} running days in a row so far.",
        because=(finding,) if finding is not None and not rested_since else (),
    )


def not_judged(day: AsOf) -> str | None:
    return no_runs_reason(day)


def pattern(day: AsOf) -> Pattern:
    """The running days past the streak's limit, or past a week's running days."""
    days = day.measure
    flagged = days[days["is_past_limit"].astype(bool)] if len(days) else days
    return Pattern(
        label=noun_phrase(RULE.title),
        days=day_array(flagged["day"]) if len(flagged) else day_array([]),
        judged_from=first_run_day(day),
    )


def chart_marks(day: AsOf) -> ChartMarks:
    """The running days and their streaks; the rest calendar marks its findings."""
    columns = ["day", "distance_m", "running_days_in_row"]
    days = day.measure
    return ChartMarks(
        chart="rest",
        series=columns_of(days, columns),
    )


def _streak_numbers(running_days: pd.DatetimeIndex) -> pd.Series:
    """A number for each run of consecutive running days (a new one after each rest day)."""
    gap_days = running_days.to_series().diff().dt.days
    return (gap_days != 1).cumsum()


def _spans(days: pd.DataFrame, span: pd.Series, limit_days: int) -> pd.DataFrame:
    """Per span of running days (a streak or a week, numbered in day order): its first and
    last running day, their number and distance, and `told_day`, its first running day past
    `limit_days` (its last when it has no more)."""
    numbers = span.to_numpy()
    starts = np.flatnonzero(np.r_[True, numbers[1:] != numbers[:-1]])
    ends = np.r_[starts[1:], len(numbers)] - 1
    running_days = pd.DatetimeIndex(days.index)
    told = np.minimum(starts + limit_days, ends)
    total_m = np.cumsum(days["distance_m"].to_numpy())
    before_m = np.r_[0.0, total_m][starts]
    return pd.DataFrame(
        {
            "first_day": running_days[starts],
            "told_day": running_days[told],
            "last_day": running_days[ends],
            "running_days": ends - starts + 1,
            "told_running_days": told - starts + 1,  # as the span stood on its told day
            "told_distance_m": total_m[told] - before_m,
        }
    )


def _runs_between(
    days_and_ids: tuple[np.ndarray, np.ndarray], first: pd.Timestamp, last: pd.Timestamp
) -> tuple[str, ...]:
    run_days, ids = days_and_ids
    return tuple(ids[rows_between(run_days, first, last)])


def _streak_finding(
    athlete: str,
    streak,
    daily_m: pd.Series,
    days_and_ids: tuple,
    limits: Thresholds,
    units: str,
) -> Finding:
    limit_day = limits.max_running_days_in_row + 1
    told = streak.told_day
    streak_m = daily_m[streak.first_day : told].to_numpy()
    monotony = float(foster_monotony(streak_m[-7:]))
    # the base: the weekly average of the 4 weeks before the streak, or of the 3 to 4 weeks
    # the log holds of them (fewer would make a small base look like the norm)
    base_start = streak.first_day - pd.Timedelta(days=28)
    base_m = daily_m[base_start : streak.first_day - pd.Timedelta(days=1)].sum()
    base_days = min(28, (streak.first_day - daily_m.index[0]).days)
    base_weekly_m = base_m / (base_days / 7) if base_days >= 21 else math.nan
    week_m = streak_m[-7:].sum()
    has_base = base_weekly_m >= limits.min_base_weekly_km * 1000  # False when NaN
    spike = week_m / base_weekly_m if has_base else math.nan
    is_monotonous = monotony > limits.high_monotony_ratio
    is_spike = has_base and spike >= limits.spike_ratio
    if is_monotonous and math.isinf(monotony):
        why = "You ran the same distance every day, with no easy day among them."
    elif is_monotonous:
        why = (
            "Your daily distances barely varied (monotony "
            f"{number_beyond(monotony, limits.high_monotony_ratio, above=True, places=1)}, over "
            f"{limits.high_monotony_ratio:g}), so there was no easy day among them."
        )
    elif is_spike:
        why = f"These 7 days came to {spike:.0%} of your usual week."
    else:
        why = "Your days varied, which helps, but no study sets a limit on days in a row."
    return RULE.finding(
        athlete=athlete,
        severity="warning" if is_monotonous or is_spike else "info",
        date=told.date(),
        period_start=streak.first_day.date(),
        period_end=told.date(),
        message=(
            f"{day_text(told.date(), year=False)}: your {_ordinal(limit_day)} running day in a "
            f"row, "
            f"since {day_text(streak.first_day.date(), year=False)} "
            f"({distance_text(streak.told_distance_m, units)} in all). {why} The knee adapts "
            "on the days between runs. Take a rest day, or cross-train, in the next day or two."
        ),
        evidence={
            "days_in_row": int(streak.told_running_days),  # up to the finding's day
            "distance_km": round(float(streak.told_distance_m) / 1000, 2),
            "monotony": None if math.isinf(monotony) else round(monotony, 2),
            "week_vs_base_ratio": None if math.isnan(spike) else round(float(spike), 2),
        },
        activity_ids=_runs_between(days_and_ids, streak.first_day, told),
        headline=(
            f"{int(streak.told_running_days)} running days in a row "
            f"({distance_text(streak.told_distance_m, units)})"
        ),
    )


def _week_finding(
    athlete: str,
    week,
    days_and_ids: tuple,
    limits: Thresholds,
    units: str,
) -> Finding:
    told = week.told_day  # the day the week ran out of rest days
    monday = (week.first_day - pd.Timedelta(days=week.first_day.weekday())).date()
    running_days = week.told_running_days  # the week as it stood that day
    rest_days = 7 - running_days
    rest_text = "no rest day" if rest_days == 0 else f"only {_count_text(rest_days, 'rest day')}"
    return RULE.finding(
        athlete=athlete,
        severity="info",
        date=told.date(),
        period_start=monday,
        period_end=told.date(),
        message=(
            f"{day_text(told.date(), year=False)}: your week of {day_text(monday, year=False)} had "
            f"{rest_text} "
            f"({running_days} running days, {distance_text(week.told_distance_m, units)}). "
            f"Plan at least {_count_text(limits.min_weekly_rest_days, 'rest day')} a week."
        ),
        evidence={
            "running_days": int(running_days),
            "rest_days": int(rest_days),
            "distance_km": round(float(week.told_distance_m) / 1000, 2),
        },
        activity_ids=_runs_between(days_and_ids, monday, told),
        headline=(
            f"{rest_text} in the week of {day_text(monday, year=False)} "
            f"({running_days} running days)"
        ),
    )


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10)
    return f"{number}{suffix or 'th'}"


def _count_text(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


RULE = Rule(
    code="RL301",
    slug="missing-rest-days",
    title="Too many running days in a row, or a week without a rest day",
    label="rest",
    rationale=__doc__,
    thresholds=Thresholds,
    check=check,
    measure=measure,
    today=today,
    advice=advice,
    not_judged=not_judged,
    pattern=pattern,
    chart_marks=chart_marks,
    grade="Conv/Low",
)
