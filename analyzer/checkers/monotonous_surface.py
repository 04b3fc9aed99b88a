"""Nearly all running on one surface, four weeks on end.

Why it matters: the evidence is weak and partly contradictory: no study shows that one
surface causes knee pain, but runners' knee advice and the USATF sports-medicine committee
advise varying surfaces, so that the same tissues do not take the same load on every run. So
this is information, never a warning. At the end of each Monday-Sunday week the rule looks
at the running of the last 28 days whose surface is known (road, trail, track, treadmill,
grass, sand): when 80 % or more of it was on one surface, and at least 20 km, it notes it
once, dated on the first day that week that the share reached 80 %. The spell lasts until a
week's share falls under 70 % (so a share that wobbles around 80 % is one finding, not one a
week) or the main surface changes. Runs of unknown surface are left out of the share; when
they are half or more of the 28 days' running, one note (once per athlete) says how to tag
them.
Source: runners' knee advice and the USATF sports-medicine committee (vary surfaces);
convention, no outcome study.
"""

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analyzer.checkers._calendar import rows_between, runs_by_athlete
from analyzer.checkers._format import day_text, distance_text
from analyzer.checkers.rule import Finding, Rule, setting
from analyzer.log import TrainingLog

UNKNOWN = "unknown"


@dataclass(frozen=True)
class Thresholds:
    # of the window's known-surface distance on one surface
    max_share_pct: float = setting(80.0, 50.0, 100.0)
    # a spell ends when a week's share falls under this
    end_share_pct: float = setting(70.0, 0.0, 100.0)
    window_days: int = setting(28, 7, 365)
    # less known-surface running in the window is not judged
    min_known_km: float = setting(20.0, 0.0, 1000.0)
    # more of the window's running of unknown surface: a note
    max_unknown_pct: float = setting(50.0, 0.0, 100.0)
    min_history_days: int = setting(28, 0, 365)  # days of log before a window is judged


def check(log: TrainingLog, limits: Thresholds) -> list[Finding]:
    """One finding per spell of one surface at `max_share_pct` or more; one note on unknowns."""
    findings: list[Finding] = []
    for athlete, runs in runs_by_athlete(log, "surface"):
        units = log.profile_for(athlete).units
        window = _window_distances(runs, limits)
        for week_start in _spell_starts(window, limits):
            findings.append(_spell_finding(athlete, runs, window, week_start, limits, units))
        unknown = _unknown_finding(athlete, window, limits, units)
        if unknown is not None:
            findings.append(unknown)
    return findings


def _window_distances(runs: pd.DataFrame, limits: Thresholds) -> pd.DataFrame:
    """Per day from the first run to the last: the window's distance per surface and totals."""
    surface = runs["surface"].astype("string").str.strip().str.lower().fillna(UNKNOWN)
    surface = surface.mask(surface == "", UNKNOWN)
    daily = (
        runs["distance_m"]
        .fillna(0.0)
        .groupby([runs["day"], surface.rename("surface")])
        .sum()
        .unstack(fill_value=0.0)
        .asfreq("D", fill_value=0.0)
    )
    in_window = daily.rolling(limits.window_days, min_periods=1).sum()
    known = in_window.drop(columns=[UNKNOWN], errors="ignore")
    known_m = known.sum(axis=1)
    has_known = known.shape[1] > 0
    top_m = known.max(axis=1) if has_known else known_m * 0
    top = known.idxmax(axis=1) if has_known else pd.Series(UNKNOWN, index=known.index)
    unknown_m = in_window[UNKNOWN] if UNKNOWN in in_window else known_m * 0
    history_days = (daily.index - daily.index[0]).days + 1
    return pd.DataFrame(
        {
            "known_m": known_m,
            "unknown_m": unknown_m,
            "top_surface": top.where(known_m > 0, UNKNOWN),
            "top_m": top_m,
            "share": np.where(known_m > 0, top_m / known_m.where(known_m > 0, 1.0), 0.0),
            "is_history": history_days >= limits.min_history_days,
            "is_judged": (history_days >= limits.min_history_days)
            & (known_m >= limits.min_known_km * 1000),
            "week_start": daily.index - pd.to_timedelta(daily.index.day_of_week, unit="D"),
        },
        index=daily.index,
    )


def _spell_starts(window: pd.DataFrame, limits: Thresholds) -> list[pd.Timestamp]:
    """The weeks in which a spell on one surface began, judged on each week's last day."""
    week_end = window.groupby("week_start").tail(1).set_index("week_start")
    share = np.round(week_end["share"] * 100, 6)
    # a week is judged when its window lies in the log and holds enough known surface
    is_judged = week_end["is_judged"]
    # 1..n: in a spell on that surface; 0: varied; NaN: not judged (keep the last state)
    surfaces = {name: code for code, name in enumerate(sorted(set(week_end["top_surface"])), 1)}
    state = pd.Series(np.nan, index=week_end.index)
    high = is_judged & (share >= limits.max_share_pct)
    state[high] = week_end.loc[high, "top_surface"].map(surfaces)
    state[is_judged & (share < limits.end_share_pct)] = 0
    state = state.ffill().fillna(0)
    # the main surface changing while the share stays high is a new spell too
    starts = (state > 0) & (state != state.shift(fill_value=0))
    return list(week_end.index[starts])


def _spell_finding(
    athlete: str,
    runs: pd.DataFrame,
    window: pd.DataFrame,
    week_start: pd.Timestamp,
    limits: Thresholds,
    units: str,
) -> Finding:
    week = window.loc[week_start : week_start + pd.Timedelta(days=6)]
    surface = week["top_surface"].iloc[-1]
    reached = week[
        week["is_judged"]
        & (week["top_surface"] == surface)
        & (np.round(week["share"] * 100, 6) >= limits.max_share_pct)
    ]
    told = reached.index[0]
    day = reached.iloc[0]
    first_day = told - pd.Timedelta(days=limits.window_days - 1)
    in_window = runs.iloc[rows_between(runs["day"].to_numpy(), first_day, told)]
    on_surface = in_window[in_window["surface"].astype("string").str.lower() == surface]
    unknown_text = (
        f" ({distance_text(day['unknown_m'], units)} more of unknown surface is left out)"
        if day["unknown_m"] > 0
        else ""
    )
    others = "trail, grass or a track" if surface == "road" else "a different surface"
    return RULE.finding(
        athlete=athlete,
        severity="info",
        date=told.date(),
        period_start=first_day.date(),
        period_end=told.date(),
        message=(
            f"{day_text(told.date())}: {day['share']:.0%} of your running of the last "
            f"{limits.window_days} days with a known surface was on {surface} "
            f"({distance_text(day['top_m'], units)} of "
            f"{distance_text(day['known_m'], units)}){unknown_text}. The evidence is weak, but "
            f"coaches advise varying surfaces: put a run a week on {others}."
        ),
        evidence={
            "surface": surface,
            "share_pct": round(float(day["share"]) * 100, 1),
            "surface_km": round(float(day["top_m"]) / 1000, 2),
            "known_km": round(float(day["known_m"]) / 1000, 2),
            "unknown_km": round(float(day["unknown_m"]) / 1000, 2),
        },
        activity_ids=tuple(str(value) for value in on_surface["activity_id"]),
        headline=f"{day['share']:.0%} of {limits.window_days} days' running on {surface}",
    )


def _unknown_finding(
    athlete: str, window: pd.DataFrame, limits: Thresholds, units: str
) -> Finding | None:
    total_m = window["known_m"] + window["unknown_m"]
    unknown_pct = np.round(100 * window["unknown_m"] / total_m.where(total_m > 0, 1.0), 6)
    mostly_unknown = (
        window["is_history"]
        & (total_m >= limits.min_known_km * 1000)
        & (unknown_pct >= limits.max_unknown_pct)
    )
    if not mostly_unknown.any():
        return None
    told = window.index[mostly_unknown.to_numpy()][0]
    day = window.loc[told]
    first_day = told - dt.timedelta(days=limits.window_days - 1)
    return RULE.finding(
        athlete=athlete,
        severity="info",
        date=told.date(),
        period_start=first_day.date(),
        period_end=told.date(),
        message=(
            f"{day_text(told.date())}: the surface of {distance_text(day['unknown_m'], units)} "
            f"of your {distance_text(total_m[told], units)} of running in the last "
            f"{limits.window_days} days is unknown ({unknown_pct[told]:.0f}%), so runlog "
            "cannot tell how varied your surfaces are. Put the surface in a run's title "
            "('trail', 'track', 'grass'), or add [[surfaces]] entries to runlog.toml: words "
            "that name a surface, or a place (lat_deg, lon_deg, radius_m) such as your track."
        ),
        evidence={
            "unknown_km": round(float(day["unknown_m"]) / 1000, 2),
            "total_km": round(float(total_m[told]) / 1000, 2),
            "unknown_pct": round(float(unknown_pct[told]), 1),
        },
        headline=(
            f"surface unknown for {unknown_pct[told]:.0f}% of {limits.window_days} days' running"
        ),
    )


RULE = Rule(
    code="RL401",
    slug="monotonous-surface",
    title="80 % or more of four weeks' running on one surface",
    label="surface",
    rationale=__doc__,
    thresholds=Thresholds,
    check=check,
    grade="Low/Conv",
)
