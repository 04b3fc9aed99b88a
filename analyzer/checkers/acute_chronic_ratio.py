"""The last 7 days' running distance against the last 28 days' (acute:chronic ratio).

Context for a coach; the evidence is contested. The ratio comes from team sports, where a
ratio of 0.8-1.3 was called a "sweet spot" and 1.5 or more a "danger zone". It has been
criticised since: the 7 days sit inside the 28, which couples the two numbers (Lolli 2019),
its concept and statistics have been questioned (Impellizzeri 2020), and among 5,205
runners it did not predict injury (Frandsen 2025) while single long runs did (long-run-spike).
So it is shown (to one decimal) as information at 1.3 and as a warning at 1.5 as printed (1.46
is 1.5), never higher, and one finding
covers an episode: the days in a row the ratio stays up. Seven days no more than 10 % above
your usual week (the most you reached in two of the 12 Monday-Sunday weeks before, as
weekly-mileage-jump tells it), as after a taper, a race, an illness or a holiday,
are a return: information at most, and the message says so. A climb is told once at each
level: the next episode of the same climb is told only when it is worse, or after 7 days
more than 10 % under the climb's highest. Load is distance; both windows end on the day
judged and count rest days as 0 (rolling means rather than Williams 2017's exponentially
weighted ones, which swing past 1.3 every week on a steady plan with a long Sunday run).
Source: Gabbett TJ 2016, Br J Sports Med 50:273-280; contested by Lolli L et al. 2019, Br J
Sports Med 53:921-922, and Impellizzeri FM et al. 2020, Int J Sports Physiol Perform
15(6):907-913.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from analyzer.checkers._calendar import (
    daily_totals,
    rows_between,
    runs_by_athlete,
    weekly_totals,
)
from analyzer.checkers._format import round_judged
from analyzer.checkers._today import (
    days_pattern,
    distance_advice,
    history_days_reason,
    newest,
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
from analyzer.checkers.rule import Advice, AsOf, ChartMarks, Finding, Pattern, Rule, setting
from analyzer.log import TrainingLog
from analyzer.words import day_text, distance_text


@dataclass(frozen=True)
class Thresholds:
    # 7-day mean daily distance / 28-day: past Gabbett's sweet spot
    info_ratio: float = setting(1.3, 1.0, 3.0)
    warning_ratio: float = setting(1.5, 1.0, 5.0)  # Gabbett's "danger zone"
    acute_days: int = setting(7, 1, 27)
    chronic_days: int = setting(28, 7, 90)
    # your usual week: the most you reached in held_weeks of these Monday-Sunday weeks
    usual_weeks: int = setting(USUAL_WEEKS, 1, 52)
    held_weeks: int = setting(HELD_WEEKS, 1, 8)
    # the last 7 days at most this much above your usual week: a return, information at most
    usual_within_pct: float = setting(USUAL_WITHIN_PCT, 0.0, 50.0)
    # 7 days this much under the climb's highest end the climb: the next episode is told
    lighter_week_pct: float = setting(LIGHTER_WEEK_PCT, 1.0, 50.0)
    min_history_days: int = setting(28, 0, 365)  # days of log before the day judged
    min_chronic_weekly_km: float = setting(10.0, 0.0, 500.0)  # a tiny base makes any week a "spike"


def measure(log: TrainingLog, limits: Thresholds) -> pd.DataFrame:
    """Per athlete and local day from the first run to the last: the day's `distance_m`, the
    acute and chronic windows' distance as weekly means (`acute_m`, `chronic_m`), their
    `ratio`, your usual week (`usual_m`: the most reached in `held_weeks` of the `usual_weeks`
    Monday-Sunday weeks before the day's week), `is_return` (the acute week at
    most `usual_within_pct` above it), `is_back` (and no more than that under it), its
    `climb` (number) and `is_judged` (history and chronic load enough)."""
    frames = [days.assign(athlete=athlete) for athlete, _, days in _by_athlete(log, limits)]
    if not frames:
        return pd.DataFrame(columns=["athlete", "day", "distance_m", "ratio", "is_judged"])
    return pd.concat(frames).rename_axis("day").reset_index()


def _by_athlete(log: TrainingLog, limits: Thresholds):
    """Each athlete's runs and days (the measure's columns but `athlete`, by day)."""
    for athlete, runs in runs_by_athlete(log):
        daily_m = daily_totals(runs, "distance_m")
        # your usual week, as weekly-mileage-jump tells it: from the Monday-Sunday weeks
        # before the day's week
        usual_by_week = usual_level(
            weekly_totals(runs, "distance_m"),
            max(limits.usual_weeks, limits.held_weeks),
            limits.held_weeks,
        )
        mondays = daily_m.index - pd.to_timedelta(daily_m.index.day_of_week, unit="D")
        usual_m = pd.Series(usual_by_week.reindex(mondays).to_numpy(), index=daily_m.index)
        yield athlete, runs, _days(daily_m, usual_m, limits)


def _days(daily_m: pd.Series, usual_m: pd.Series, limits: Thresholds) -> pd.DataFrame:
    acute_weekly_m, chronic_weekly_m, ratio = weekly_load_ratio(daily_m, limits)
    within = limits.usual_within_pct / 100
    history_days = (daily_m.index - daily_m.index[0]).days
    return pd.DataFrame(
        {
            "distance_m": daily_m,
            "acute_m": acute_weekly_m,
            "chronic_m": chronic_weekly_m,
            "ratio": ratio,
            "usual_m": usual_m,
            # within usual_within_pct of your usual week, or under it: no jump
            "is_return": np.round(acute_weekly_m - usual_m * (1 + within), 3) <= 0,
            "is_back": np.round(acute_weekly_m - usual_m * (1 - within), 3) >= 0,
            "climb": climb_numbers(acute_weekly_m.to_numpy(), limits.lighter_week_pct),
            "is_judged": (history_days >= limits.min_history_days)
            & (chronic_weekly_m >= limits.min_chronic_weekly_km * 1000),
        }
    )


def check(log: TrainingLog, limits: Thresholds) -> list[Finding]:
    """One finding per episode of days with the ratio at or above `info_ratio`."""
    findings: list[Finding] = []
    for athlete, runs, days in _by_athlete(log, limits):
        is_up = days["is_judged"] & (days["ratio"] >= limits.info_ratio)
        if not is_up.any():
            continue
        days = days.assign(episode=(is_up != is_up.shift(fill_value=False)).cumsum())[is_up]
        units = log.profile_for(athlete).units
        days_and_ids = (runs["day"].to_numpy(), runs["activity_id"].to_numpy())
        episodes = _episodes(days, limits)
        told = told_once_per_climb(
            episodes["is_warning"].to_numpy().astype(int), episodes["climb"].to_numpy()
        )
        findings += [
            _finding(athlete, episode, days_and_ids, limits, units)
            for episode in episodes[told].itertuples()
        ]
    return findings


def today(day: AsOf) -> dict[str, Any]:
    """The ratio on the as-of day, the days since the last run counted as rest; None under
    `min_history_days` of log, without a run in the acute window (no data is not a measured
    rest) or without chronic load."""
    return {"acute_chronic_ratio": ratio_on(day)}


def ratio_on(day: AsOf) -> float | None:
    """The acute:chronic ratio on the as-of day as this rule computes it, or None."""
    days = day.measure
    if days.empty:
        return None
    daily_m = days.set_index("day")["distance_m"]
    as_of = pd.Timestamp(day.as_of)
    daily_m = daily_m.reindex(pd.date_range(daily_m.index[0], as_of, freq="D"), fill_value=0.0)
    acute_from = as_of - pd.Timedelta(days=day.limits.acute_days - 1)
    if (as_of - daily_m.index[0]).days < day.limits.min_history_days:
        return None
    if not (daily_m[acute_from:] > 0).any():
        return None
    _, chronic_m, ratio = weekly_load_ratio(daily_m, day.limits)
    return float(ratio.iloc[-1]) if chronic_m.iloc[-1] > 0 else None


def advice(day: AsOf) -> Advice | None:
    """While a warning of the last 7 days stands and the ratio is still up: no bigger week."""
    finding = newest(day.open_findings, "warning")
    ratio = ratio_on(day)
    if finding is None or day.days_ago(finding.date) >= day.limits.acute_days:
        return None
    if ratio is None or ratio < day.limits.info_ratio:
        return None  # the ratio came down since
    days = day.measure.set_index("day")
    return distance_advice(
        "load",
        "Keep the coming 7 days no bigger than the last 7 ({}).",
        float(days["acute_m"].get(pd.Timestamp(finding.date), 0.0)),
        day.units,
        (finding,),
    )


def not_judged(day: AsOf) -> str | None:
    return history_days_reason(day, day.limits.min_history_days)


def pattern(day: AsOf) -> Pattern:
    """The days the ratio was at or above `info_ratio`."""
    days = day.measure
    up = days[days["is_judged"] & (days["ratio"] >= day.limits.info_ratio)] if len(days) else days
    return days_pattern(day, RULE.title, up["day"], day.limits.min_history_days)


def chart_marks(day: AsOf) -> ChartMarks:
    """The daily ratio; its findings are labelled on the weekly chart."""
    days = day.measure
    return ChartMarks(
        chart="weekly",
        series=days[["day", "ratio"]] if len(days) else pd.DataFrame(columns=["day", "ratio"]),
    )


def weekly_load_ratio(
    daily_m: pd.Series, limits: Thresholds
) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Per day: the acute and the chronic window's distance as weekly means, metres, and their
    ratio (both windows end on the day and count rest days as 0)."""
    acute_weekly_m = daily_m.rolling(limits.acute_days, min_periods=1).mean() * 7
    chronic_weekly_m = daily_m.rolling(limits.chronic_days, min_periods=1).mean() * 7
    return acute_weekly_m, chronic_weekly_m, np.round(acute_weekly_m / chronic_weekly_m, 9)


def _episodes(days: pd.DataFrame, limits: Thresholds) -> pd.DataFrame:
    """One row per episode: the day it reached its level, with the episode so far that day."""
    numbers = days["episode"].to_numpy()  # episodes are runs of consecutive rows
    starts = np.flatnonzero(np.r_[True, numbers[1:] != numbers[:-1]])
    ends = np.r_[starts[1:], len(numbers)] - 1
    ratio = days["ratio"].to_numpy()
    # a return to the usual week is information at most, however high its ratio
    # the warning judged as printed (one decimal): 1.46 is 1.5, never "1.5" told as information
    is_warning_day = (round_judged(ratio) >= limits.warning_ratio) & ~days["is_return"].to_numpy()
    is_warning = np.maximum.reduceat(is_warning_day.astype(int), starts).astype(bool)
    # dated on the first day the ratio reached the finding's level: the runner could be told
    reached = np.flatnonzero(is_warning_day | ~np.repeat(is_warning, ends - starts + 1))
    told = reached[np.searchsorted(reached, starts)]
    peak_so_far = np.array(
        [ratio[start : day + 1].max() for start, day in zip(starts, told, strict=True)]
    )
    return pd.DataFrame(
        {
            "told_day": days.index[told],
            "ratio": ratio[told],
            "acute_m": days["acute_m"].to_numpy()[told],
            "chronic_m": days["chronic_m"].to_numpy()[told],
            "usual_m": days["usual_m"].to_numpy()[told],
            "is_return": days["is_return"].to_numpy()[told],
            "is_back": days["is_back"].to_numpy()[told],
            "climb": days["climb"].to_numpy()[told],
            "first_day": days.index[starts],
            "peak_ratio": peak_so_far,
            "is_warning": is_warning,
            "limit_ratio": np.where(is_warning, limits.warning_ratio, limits.info_ratio),
        }
    )


def _finding(
    athlete: str,
    episode,
    days_and_ids: tuple[np.ndarray, np.ndarray],
    limits: Thresholds,
    units: str,
) -> Finding:
    date = episode.told_day.date()
    first_day = episode.first_day.date()
    run_days, ids = days_and_ids
    acute_runs = rows_between(run_days, date - dt.timedelta(days=limits.acute_days - 1), date)
    lasted = (date - first_day).days + 1
    if episode.is_return:
        where = "back to" if episode.is_back else "still under"
        advice = (
            f"That is {where} your usual {distance_text(episode.usual_m, units)} a week ("
            f"{usual_words(limits.held_weeks, limits.usual_weeks)}) after lighter ones, not a "
            "jump; nothing to change."
        )
    elif episode.is_warning:
        advice = "Keep the coming week no bigger than this one, so your base can catch up."
    else:
        advice = "Nothing to change for this alone; keep building gradually."
    in_a_row = f"; {lasted} days in a row at or above {limits.info_ratio:g}" if lasted > 1 else ""
    return RULE.finding(
        athlete=athlete,
        severity="warning" if episode.is_warning else "info",
        date=date,
        period_start=date - dt.timedelta(days=limits.chronic_days - 1),
        period_end=date,
        message=(
            f"{day_text(date, year=False)}: {distance_text(episode.acute_m, units)} a week over "
            f"the last "
            f"{limits.acute_days} days against {distance_text(episode.chronic_m, units)} a "
            f"week over the last {limits.chronic_days} (acute:chronic ratio "
            f"{episode.ratio:.1f}, at or above {episode.limit_ratio:g}{in_a_row}). "
            f"Context for a coach; the evidence for this ratio is contested. {advice}"
        ),
        evidence={
            "ratio": round(float(episode.ratio), 2),
            "peak_ratio": round(float(episode.peak_ratio), 2),  # up to the finding's day
            "acute_weekly_km": round(float(episode.acute_m) / 1000, 2),
            "chronic_weekly_km": round(float(episode.chronic_m) / 1000, 2),
            "usual_weekly_km": round(float(episode.usual_m) / 1000, 2),
            "is_return": bool(episode.is_return),
            "episode_start": first_day.isoformat(),
            "episode_days": lasted,  # up to the finding's day
        },
        activity_ids=tuple(ids[acute_runs]),
        headline=(
            f"acute:chronic {episode.ratio:.1f} ({distance_text(episode.acute_m, units)} a week "
            f"against {distance_text(episode.chronic_m, units)})"
        ),
    )


RULE = Rule(
    code="RL102",
    slug="acute-chronic-ratio",
    title="Last 7 days' distance well above your 28-day average (context; evidence contested)",
    label="7-day load",
    rationale=__doc__,
    thresholds=Thresholds,
    check=check,
    measure=measure,
    today=today,
    advice=advice,
    not_judged=not_judged,
    pattern=pattern,
    chart_marks=chart_marks,
    grade="Low, contested",
)
