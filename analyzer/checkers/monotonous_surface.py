"""Nearly all running on one surface, four weeks on end.

Why it matters: the evidence is weak and partly contradictory: no study shows that one
surface causes knee pain, but runners' knee advice and the USATF sports-medicine committee
advise varying surfaces, so that the same tissues do not take the same load on every run. So
this is information, never a warning. At the end of each Monday-Sunday week the rule looks
at the running of the last 28 days whose surface is known (road, trail, track, treadmill,
grass, sand): when 80 % or more of it was on one surface, at least 20 km and at least half of
the 28 days' distance, it notes it
once, dated on the first day that week that the share reached 80 %. The spell lasts until a
week's share falls under 70 % (so a share that wobbles around 80 % is one finding, not one a
week) or the main surface changes. Runs of unknown surface are left out of the share; when
they are more than half of the 28 days' running, no share is told (it would rest on too little)
and one note (once per athlete) says how to tag them.
Source: runners' knee advice and the USATF sports-medicine committee (vary surfaces);
convention, no outcome study.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analyzer.checkers._calendar import rows_between, runs_by_athlete
from analyzer.checkers._today import (
    columns_of,
    dated_runs,
    days_pattern,
    history_days_reason,
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
from analyzer.words import day_text, distance_text

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


def measure(log: TrainingLog, limits: Thresholds) -> pd.DataFrame:
    """Per athlete and day from the first run to the last, over the `window_days` days up to
    it: the distance of known surface (`known_m`) and of unknown (`unknown_m`), the main
    surface (`top_surface`), its distance and `share` of the known distance, `is_history`
    (enough log before) and `is_judged` (history and known distance enough)."""
    frames = [
        _window_distances(runs, limits).assign(athlete=athlete)
        for athlete, runs in runs_by_athlete(log, "surface")
    ]
    if not frames:
        return pd.DataFrame(columns=["athlete", "day", "known_m", "unknown_m", "share"])
    return pd.concat(frames).rename_axis("day").reset_index()


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


def _is_one_surface(days: pd.DataFrame, limits: Thresholds) -> pd.Series:
    """The judged days whose window's main surface holds `max_share_pct` or more."""
    return days["is_judged"] & (np.round(days["share"] * 100, 6) >= limits.max_share_pct)


def advice(day: AsOf) -> Advice | None:
    """While an open spell goes on (the last window still on one surface): vary it."""
    spells = [finding for finding in day.open_findings if "surface" in finding.evidence]
    days = day.measure
    if not spells or days.empty:
        return None
    last = days.iloc[[-1]]
    if not bool(_is_one_surface(last, day.limits).iloc[0]):
        return None  # the surfaces varied since
    surface = str(last["top_surface"].iloc[0])
    return Advice(
        kind="surfaces",
        text=f"Put a run a week on {_others(surface)}: the last {day.limits.window_days} days "
        f"were nearly all on {surface}.",
        because=(spells[-1],),
    )


def not_judged(day: AsOf) -> str | None:
    limits = day.limits
    too_short = history_days_reason(day, limits.min_history_days)
    if too_short:
        return too_short
    runs = dated_runs(day)
    recent = runs[runs["local_date"] > day.as_of - dt.timedelta(days=limits.window_days)]
    total_m = recent["distance_m"].sum()
    if total_m <= 0:
        return None
    surface = recent["surface"].astype("string").str.strip().str.lower().fillna(UNKNOWN)
    unknown = surface.isin([UNKNOWN, ""])
    known_km = recent.loc[~unknown, "distance_m"].sum() / 1000
    unknown_pct = 100 * recent.loc[unknown, "distance_m"].sum() / total_m
    if known_km >= limits.min_known_km and round(unknown_pct, 6) <= limits.max_unknown_pct:
        return None
    return (
        f"the surface of {unknown_pct:.0f} % of the last {limits.window_days} days' distance "
        "is unknown: name your places in the profile ([[surfaces]]) or your runs (trail, track)"
    )


def pattern(day: AsOf) -> Pattern:
    """The days whose window was on one surface."""
    days = day.measure
    held = days[_is_one_surface(days, day.limits)] if len(days) else days
    return days_pattern(day, RULE.title, held["day"], day.limits.min_history_days - 1)


def chart_marks(day: AsOf) -> ChartMarks:
    """The window's known and unknown distance and the main surface's share, per day."""
    columns = ["day", "known_m", "unknown_m", "top_surface", "share"]
    days = day.measure
    return ChartMarks(
        chart="surfaces",
        series=columns_of(days, columns),
    )


def _others(surface: str) -> str:
    return "trail, grass or a track" if surface == "road" else "a different surface"


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
            # a share of one surface says something only when half or more of the window's
            # distance has a known surface (else the note on unknown surfaces speaks)
            "is_judged": (history_days >= limits.min_history_days)
            & (known_m >= limits.min_known_km * 1000)
            & (
                np.round(100 * unknown_m / (known_m + unknown_m).where(known_m > 0, 1.0), 6)
                <= limits.max_unknown_pct
            ),
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
    others = _others(surface)
    return RULE.finding(
        athlete=athlete,
        severity="info",
        date=told.date(),
        period_start=first_day.date(),
        period_end=told.date(),
        message=(
            f"{day_text(told.date(), year=False)}: {day['share']:.0%} of your running of the last "
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
        & (unknown_pct > limits.max_unknown_pct)
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
            f"{day_text(told.date(), year=False)}: the surface of "
            f"{distance_text(day['unknown_m'], units)} "
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
    measure=measure,
    today=Declined("the status shows no surface figure; the surface chart and findings do"),
    advice=advice,
    not_judged=not_judged,
    pattern=pattern,
    chart_marks=chart_marks,
    grade="Low/Conv",
)
