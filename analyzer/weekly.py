"""The weekly table: one row per athlete and local Monday-Sunday week, for analysts.

Injury studies and coaching platforms analyse athlete-weeks, not single runs. Every week from
an athlete's first day in the log (a run, another activity or a note) to the last is
a row, weeks without runs included. Weeks are the runner's own calendar (`local_date`), never
UTC. The numbers are those the rules use: the acute:chronic rule's ratio, Foster's monotony
as the rest-day rule computes it, the shoe each run counts on as the shoe rule counts it,
the knee-pain notes as the pain rules read them, and the findings themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pandas as pd

from analyzer.checkers import RULES, SEVERITIES, Finding, run_rules, thresholds_for
from analyzer.checkers import acute_chronic_ratio as ratio_rule
from analyzer.checkers._calendar import foster_monotony, runs_by_athlete
from analyzer.checkers._knee import knee_readings
from analyzer.checkers.shoe_overdue import shoe_of_each_run
from analyzer.classify import SURFACES
from analyzer.log import TrainingLog
from analyzer.profile import Profile
from analyzer.schema import conform, empty_frame

DAYS_PER_WEEK = 7
_UNKNOWN_SURFACE = "unknown"


def findings_column(slug: str, severity: str) -> str:
    """The weekly table's column counting one rule's findings of one severity."""
    return f"findings_{slug.replace('-', '_')}_{severity}"


def surface_column(surface: str) -> str:
    """The weekly table's column holding one surface's share of the week's running distance."""
    return f"surface_{surface}_share"


# column: (dtype, meaning); README's table of the weekly columns says the same
WEEKLY_COLUMNS: dict[str, tuple[str, str]] = {
    "athlete": ("string", "athlete name"),
    "week_start": ("object", "the Monday of the runner's local week (datetime.date)"),
    "days_in_log": (
        "int64",
        "days of the week from the athlete's first day in the log to the last",
    ),
    "runs": ("int64", "runs that week"),
    "distance_m": ("float64", "running distance, metres"),
    "moving_s": ("float64", "running time without pauses, seconds"),
    "longest_run_m": ("float64", "the week's longest run, metres (NaN: no run)"),
    "acute_chronic_ratio": (
        "float64",
        "the 7 days' distance over the 28 days' weekly mean, on the week's last day in the log, "
        "as the acute:chronic rule computes it (NaN before 28 days of runs)",
    ),
    "monotony": (
        "float64",
        "Foster's monotony: mean / SD of the week's daily running distances, rest days 0 "
        "(inf: every day the same; NaN: no running, or under 2 days in the log)",
    ),
    "strain_m": ("float64", "Foster's strain: the week's distance times its monotony, metres"),
    "median_cadence_spm": ("float64", "median of the runs' average cadence, steps per minute"),
    **{
        surface_column(surface): (
            "float64",
            f"share of the week's running distance on {surface}, 0-1",
        )
        for surface in SURFACES
    },
    "rest_days": ("int64", "days of the week in the log without a run"),
    "shoe": ("string", "the shoe with most of the week's running distance (empty: none known)"),
    "shoe_week_distance_m": ("float64", "that shoe's running distance this week, metres"),
    "shoe_total_distance_m": (
        "float64",
        "that shoe's distance to the week's end, its use before the log included, metres",
    ),
    "knee_pain_notes": ("int64", "notes that report knee pain (one per day and wording)"),
    "knee_pain_max_score_of_10": ("float64", "the highest knee-pain score out of 10 noted"),
    "knee_red_flag": (
        "boolean",
        "a knee-pain note named swelling, locking, giving way, sharp pain or not bearing weight",
    ),
    **{
        findings_column(rule.slug, severity): ("int64", f"{rule.slug} findings of {severity}")
        for rule in RULES
        for severity in SEVERITIES
    },
}


def weekly_table(
    log: TrainingLog,
    findings: Sequence[Finding] | pd.DataFrame | None = None,
    profile: Profile | None = None,
) -> pd.DataFrame:
    """One row per athlete and local week, with WEEKLY_COLUMNS, by athlete then week.

    `findings` are counted per week (a list of Findings or the table `analyzer.check` gives);
    without them the rules run on the log with `profile` (else each athlete's own profile),
    which also sets the acute:chronic windows.
    """
    if findings is None:
        findings = run_rules(log, profile)
    finding_counts = _finding_counts(findings)
    pain_weeks = _knee_pain_weeks(log)
    runs = dict(runs_by_athlete(log, "moving_s", "avg_cadence_spm", "surface", "shoe"))
    frames = []
    for athlete in log.athletes:
        days = _athlete_days(log, athlete)
        if days is None:
            continue
        athlete_runs = runs.get(athlete, _no_runs())
        weeks = _weeks(athlete, days, athlete_runs)
        weeks = weeks.join(_load(athlete_runs, days, weeks, profile or log.profile_for(athlete)))
        weeks = weeks.join(_surface_shares(athlete_runs, weeks.index))
        weeks = weeks.join(_shoes(log, athlete, athlete_runs, weeks.index))
        weeks = weeks.join(_for_athlete(pain_weeks, athlete, weeks.index))
        weeks = weeks.join(_for_athlete(finding_counts, athlete, weeks.index))
        frames.append(weeks)
    if not frames:
        return empty_frame(WEEKLY_COLUMNS)
    table = pd.concat(frames).reset_index(names="week_day")
    table = _filled(table.assign(week_start=[day.date() for day in table["week_day"]]))
    return conform(table, WEEKLY_COLUMNS)[list(WEEKLY_COLUMNS)]


def _no_runs() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "day": pd.Series(dtype="datetime64[ns]"),
            "week_start": pd.Series(dtype="datetime64[ns]"),
            "distance_m": pd.Series(dtype=float),
            "moving_s": pd.Series(dtype=float),
            "avg_cadence_spm": pd.Series(dtype=float),
            "surface": pd.Series(dtype="string"),
            "shoe": pd.Series(dtype="string"),
            "activity_id": pd.Series(dtype=object),
            "local_date": pd.Series(dtype=object),
        }
    )


def _athlete_days(log: TrainingLog, athlete: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The athlete's first and last day in the log (activities and notes; the rules date their
    findings on those days)."""
    dates = [
        *log.activities.loc[log.activities["athlete"] == athlete, "local_date"].dropna(),
        *log.notes.loc[log.notes["athlete"] == athlete, "local_date"].dropna(),
    ]
    days = pd.to_datetime(pd.Series(dates, dtype=object))
    if days.empty:
        return None
    return days.min(), days.max()


def _monday(day: pd.Timestamp) -> pd.Timestamp:
    return day - pd.Timedelta(days=day.weekday())


def _weeks(
    athlete: str, days: tuple[pd.Timestamp, pd.Timestamp], runs: pd.DataFrame
) -> pd.DataFrame:
    """Every week of the athlete's log with its runs, distance, time and longest run."""
    first_day, last_day = days
    index = pd.date_range(_monday(first_day), _monday(last_day), freq="7D", name="week_day")
    by_week = runs.groupby("week_start")
    week_ends = np.minimum(index + pd.Timedelta(days=DAYS_PER_WEEK - 1), last_day)
    week_firsts = np.maximum(index, first_day)
    return pd.DataFrame(
        {
            "athlete": athlete,
            "days_in_log": (week_ends - week_firsts).days + 1,
            "runs": by_week.size().reindex(index, fill_value=0),
            "distance_m": by_week["distance_m"].sum().reindex(index, fill_value=0.0),
            "moving_s": by_week["moving_s"].sum().reindex(index, fill_value=0.0),
            "longest_run_m": by_week["distance_m"].max().reindex(index),
            "median_cadence_spm": by_week["avg_cadence_spm"].median().reindex(index),
        },
        index=index,
    )


def _load(
    runs: pd.DataFrame,
    days: tuple[pd.Timestamp, pd.Timestamp],
    weeks: pd.DataFrame,
    profile: Profile,
) -> pd.DataFrame:
    """Per week: the acute:chronic ratio, Foster's monotony and strain, and the rest days."""
    first_day, last_day = days
    all_days = pd.date_range(weeks.index[0], periods=len(weeks) * DAYS_PER_WEEK, freq="D")
    daily_m = runs.groupby("day")["distance_m"].sum().reindex(all_days, fill_value=0.0)
    in_log = (all_days >= first_day) & (all_days <= last_day)
    ran = runs.groupby("day").size().reindex(all_days, fill_value=0).to_numpy() > 0
    week_days_m = np.where(in_log, daily_m.to_numpy(), np.nan).reshape(-1, DAYS_PER_WEEK)
    ran_m = weeks["distance_m"].to_numpy() > 0
    monotony = np.where(ran_m, foster_monotony(week_days_m), np.nan)  # no running: no load
    rest_days = (in_log & ~ran).reshape(-1, DAYS_PER_WEEK).sum(axis=1)
    return pd.DataFrame(
        {
            "acute_chronic_ratio": _acute_chronic_ratio(runs, last_day, weeks.index, profile),
            "monotony": monotony,
            "strain_m": np.where(ran_m, weeks["distance_m"] * monotony, 0.0),
            "rest_days": rest_days,
        },
        index=weeks.index,
    )


def _acute_chronic_ratio(
    runs: pd.DataFrame, last_day: pd.Timestamp, index: pd.DatetimeIndex, profile: Profile
) -> np.ndarray:
    """The rule's ratio on each week's last day in the log, once it has its days of history."""
    if runs.empty:
        return np.full(len(index), np.nan)
    limits = thresholds_for(profile, ratio_rule.RULE)
    first_run_day = runs["day"].iloc[0]
    daily_m = runs.groupby("day")["distance_m"].sum()
    daily_m = daily_m.reindex(pd.date_range(first_run_day, last_day, freq="D"), fill_value=0.0)
    _, _, ratio = ratio_rule.weekly_load_ratio(daily_m, limits)
    judged_on = np.minimum(index + pd.Timedelta(days=DAYS_PER_WEEK - 1), last_day)
    history_days = (judged_on - first_run_day).days
    values = ratio.reindex(judged_on).to_numpy()
    return np.where(history_days >= limits.min_history_days, values, np.nan)


def _surface_shares(runs: pd.DataFrame, index: pd.DatetimeIndex) -> pd.DataFrame:
    """Per week: each surface's share of the running distance (unknown and unlisted together)."""
    surface = runs["surface"].astype("string").str.strip().str.lower()
    surface = surface.where(surface.isin(SURFACES), _UNKNOWN_SURFACE)
    distance_m = runs["distance_m"].fillna(0.0)
    by_surface = distance_m.groupby([runs["week_start"], surface.rename("surface")]).sum()
    table = by_surface.unstack(fill_value=0.0).reindex(index=index, columns=list(SURFACES))
    table = table.fillna(0.0)
    total_m = table.sum(axis=1)
    shares = table.div(total_m.where(total_m > 0), axis=0)
    return shares.rename(columns=surface_column)


def _shoes(
    log: TrainingLog, athlete: str, runs: pd.DataFrame, index: pd.DatetimeIndex
) -> pd.DataFrame:
    """Per week: the shoe with most of the distance, its distance that week and in all."""
    empty = pd.DataFrame(
        {"shoe": pd.NA, "shoe_week_distance_m": np.nan, "shoe_total_distance_m": np.nan},
        index=index,
    )
    if runs.empty:
        return empty
    worn, pre_used_km = shoe_of_each_run(log, athlete, runs)
    counted = runs.assign(shoe_name=worn)[worn.notna()]
    if counted.empty:
        return empty
    distance_m = counted["distance_m"].fillna(0.0)
    grouped = distance_m.groupby([counted["week_start"], counted["shoe_name"]])
    week_m = grouped.sum().unstack(fill_value=0.0).reindex(index, fill_value=0.0)
    week_runs = grouped.size().unstack(fill_value=0).reindex(index, fill_value=0)
    week_m = week_m.sort_index(axis=1, key=lambda names: names.str.casefold())
    week_runs = week_runs[week_m.columns]
    pre_used_m = pd.Series({name: pre_used_km.get(name, 0.0) * 1000 for name in week_m.columns})
    total_m = week_m.cumsum() + pre_used_m
    # most distance; in a week of runs without distance, most runs
    score = week_m.where(week_m.max(axis=1) > 0, week_runs.astype(float), axis=0)
    has_shoe = week_runs.sum(axis=1).to_numpy() > 0
    top = score.to_numpy().argmax(axis=1)
    rows = np.arange(len(index))
    return pd.DataFrame(
        {
            "shoe": np.where(has_shoe, week_m.columns.to_numpy()[top], None),
            "shoe_week_distance_m": np.where(has_shoe, week_m.to_numpy()[rows, top], np.nan),
            "shoe_total_distance_m": np.where(has_shoe, total_m.to_numpy()[rows, top], np.nan),
        },
        index=index,
    )


def _knee_pain_weeks(log: TrainingLog) -> pd.DataFrame:
    """Per athlete and week: the knee-pain notes, their highest score, any red flag."""
    pain_notes, _ = knee_readings(log)
    if pain_notes.empty:
        return pd.DataFrame(
            columns=["knee_pain_notes", "knee_pain_max_score_of_10", "knee_red_flag"],
            index=pd.MultiIndex.from_arrays([[], []], names=["athlete", "week_day"]),
        )
    pains = pain_notes["knee_pain"]
    notes = pd.DataFrame(
        {
            "athlete": pain_notes["athlete"],
            "week_day": pain_notes["day"] - pd.to_timedelta(pain_notes["day"].dt.day_of_week, "D"),
            "score": [np.nan if pain.score_of_10 is None else pain.score_of_10 for pain in pains],
            "red_flag": [bool(pain.red_flags) for pain in pains],
        }
    )
    grouped = notes.groupby(["athlete", "week_day"])
    return pd.DataFrame(
        {
            "knee_pain_notes": grouped.size(),
            "knee_pain_max_score_of_10": grouped["score"].max(),
            "knee_red_flag": grouped["red_flag"].any(),
        }
    )


def _finding_counts(findings: Sequence[Finding] | pd.DataFrame) -> pd.DataFrame:
    """Per athlete and week: the count of findings of each rule and severity."""
    if isinstance(findings, pd.DataFrame):
        rows = findings[["athlete", "rule", "severity", "date"]]
    else:
        rows = pd.DataFrame(
            [(item.athlete, item.rule, item.severity, item.date) for item in findings],
            columns=["athlete", "rule", "severity", "date"],
        )
    columns = [findings_column(rule.slug, severity) for rule in RULES for severity in SEVERITIES]
    if rows.empty:
        return pd.DataFrame(
            columns=columns,
            index=pd.MultiIndex.from_arrays([[], []], names=["athlete", "week_day"]),
        )
    day = pd.to_datetime(pd.Series([_as_date(value) for value in rows["date"]], index=rows.index))
    counted = pd.DataFrame(
        {
            "athlete": rows["athlete"].astype(str),
            "week_day": day - pd.to_timedelta(day.dt.day_of_week, "D"),
            "column": [
                findings_column(rule, severity)
                for rule, severity in zip(rows["rule"], rows["severity"], strict=True)
            ],
        }
    )
    table = counted.groupby(["athlete", "week_day", "column"]).size().unstack(fill_value=0)
    return table.reindex(columns=columns, fill_value=0)


def _as_date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else pd.Timestamp(value).date()


def _for_athlete(table: pd.DataFrame, athlete: str, index: pd.DatetimeIndex) -> pd.DataFrame:
    if athlete not in table.index.get_level_values(0):
        return pd.DataFrame(columns=table.columns, index=index)
    return table.loc[athlete].reindex(index)


def _filled(table: pd.DataFrame) -> pd.DataFrame:
    """Counts and flags of weeks without notes or findings are 0 and False, not missing."""
    counts = [
        name
        for name, (dtype, _) in WEEKLY_COLUMNS.items()
        if dtype == "int64" and name in table.columns
    ]
    table = table.assign(
        **{name: table[name].fillna(0).astype("int64") for name in counts},
        knee_red_flag=table["knee_red_flag"].astype("boolean").fillna(False),
    )
    return table


__all__ = ["WEEKLY_COLUMNS", "findings_column", "surface_column", "weekly_table"]
