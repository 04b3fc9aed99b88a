"""The runner's calendar for the rules: local days and Monday-Sunday weeks from `local_date`.

Rules never bucket by `start_time_utc`: a 06:00 run in Sydney is on the previous UTC day.
"""

from collections.abc import Iterator

import numpy as np
import pandas as pd

from analyzer.log import TrainingLog

_BASIC_COLUMNS = ["athlete", "activity_id", "local_date", "start_time_utc", "distance_m"]


def runs_by_athlete(log: TrainingLog, *columns: str) -> Iterator[tuple[str, pd.DataFrame]]:
    """Each athlete's runs that have a local day, oldest first, with `day` and `week_start`.

    The frame holds athlete, activity_id (plain str), local_date, start_time_utc, distance_m
    and the other `columns` asked for, plus `day` (`local_date` as a datetime64 at midnight,
    no zone) and `week_start` (the Monday of its week). Only the columns a rule reads are
    kept: rules slice these frames once per finding.
    """
    runs = log.runs  # sorted by start_time_utc: a stable sort by day keeps that within a day
    runs = runs.loc[runs["local_date"].notna(), _BASIC_COLUMNS + list(columns)]
    if runs.empty:
        return
    day = pd.to_datetime(runs["local_date"])
    calendar_day = day.to_numpy().astype("datetime64[D]")
    days_since_monday = (calendar_day.astype(np.int64) + 3) % 7  # 1970-01-01 was a Thursday
    runs = runs.assign(
        activity_id=runs["activity_id"].astype(object),
        day=day,
        week_start=calendar_day - days_since_monday,
    ).sort_values("day", kind="stable")
    athletes = runs["athlete"].unique()
    if len(athletes) == 1:  # run_rules hands each rule one athlete's log
        yield str(athletes[0]), runs
        return
    for athlete, athlete_runs in runs.groupby("athlete", sort=True):
        yield str(athlete), athlete_runs


def daily_totals(runs: pd.DataFrame, column: str) -> pd.Series:
    """The column summed per local day, every day from the first run to the last (rest days 0)."""
    totals = runs.groupby("day")[column].sum()
    return totals.asfreq("D", fill_value=0.0)


def weekly_totals(runs: pd.DataFrame, column: str, min_count: int = 0) -> pd.Series:
    """The column summed per Monday-Sunday week, every week from the first run to the last.

    A week without runs is 0; with `min_count=1` a week whose runs all lack the value is NaN.
    """
    totals = runs.groupby("week_start")[column].sum(min_count=min_count)
    return totals.asfreq("7D", fill_value=0.0)


def rows_between(sorted_days: np.ndarray, first: object, last: object) -> slice:
    """The positions in an ascending datetime64 array whose day lies from `first` to `last`.

    Rules slice their runs (sorted by day) with it: a finding needs its few runs, and a
    boolean mask over every run for each finding would cost a pass over the whole log.
    """
    start = np.searchsorted(sorted_days, np.datetime64(pd.Timestamp(first)), "left")
    end = np.searchsorted(sorted_days, np.datetime64(pd.Timestamp(last)), "right")
    return slice(int(start), int(end))


def foster_monotony(daily_m: np.ndarray) -> np.ndarray:
    """Foster's monotony of daily loads along the last axis: mean / SD (ddof 1) of the days.

    Infinite when every day carried the same load (SD 0), NaN for fewer than two days; NaN
    days (outside the log) are left out.
    """
    days = np.asarray(daily_m, dtype=float)
    counted = np.sum(~np.isnan(days), axis=-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = np.nansum(days, axis=-1) / counted
        deviations = np.nan_to_num(days - np.expand_dims(mean, -1))
        spread = np.sqrt(np.sum(deviations**2, axis=-1) / (counted - 1))
        monotony = mean / spread
    return np.where(counted > 1, np.where(spread > 0, monotony, np.inf), np.nan)
