"""A week's distance well above your usual level, or a long climb without a lighter week.

Why it matters: the common "10 % rule" (add no more than a tenth a week) is a rule of thumb,
not a finding: in a trial among novice runners, a gentler programme built on it gave as many
injuries as the standard one (20.8 % vs 20.3 %, P = .90), and a 2022 review found no basis
for it. A bigger jump has some support: among 874 novices, weekly distance up by more than
30 % over two weeks went with more distance-related injuries, runner's knee and ITB syndrome
among them (hazard ratio 1.59, 0.96-2.66: borderline).
How it is judged: weeks are Monday to Sunday in the runner's own calendar. Your usual level
is the most you reached in two of the 12 weeks before: a taper, a race, a
recovery week, an illness or a holiday lowers the last weeks, not it. A week more than 30 %
above your usual level (so more than 30 % up in two weeks at most) is a warning, and more
than 50 % above it is high. A week more than 10 % up on last week (or on your usual level,
when last week was lower; it is called lighter only when more than 10 % under that level) is
shown for information. Four weeks up in a row, together more
than 10 %, get one nudge: most plans put a lighter week in every 3-4 weeks. A week back
within 10 % of your usual level after a lighter stretch is noted once, for information: a
return is not a jump. A climb (the weeks since the last week more than 10 % under the
climb's highest) is told once at each level: again only when it gets worse, or after a
lighter week. A week whose comparison is under 10 km is not judged.
Source: Buist I et al. 2008, Am J Sports Med 36(1):33-39 (10 % rule, null trial); Nielsen RO
et al. 2014, J Orthop Sports Phys Ther 44(10):739-747, pages unverified (more than 30 % in
two weeks); the lighter week every 3-4 weeks and the 50 % high mark are convention.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from analyzer.checkers._calendar import rows_between, runs_by_athlete, weekly_totals
from analyzer.checkers._format import noun_phrase, percent_beyond
from analyzer.checkers._today import (
    dated_runs,
    distance_advice,
    history_weeks_reason,
    monday_of,
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
    SEVERITIES,
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

# what a week is compared with, by the kind of finding it makes
KINDS = (
    "climb",  # your usual level: more than climb_ratio above it in two weeks at most
    "step",  # last week, or your usual level when last week was lighter: the 10 % rule
    "return",  # your usual level, back within usual_within_pct of it after a lighter stretch
    "cutback",  # the week before climb_weeks weeks up in a row: a lighter week is due
)


@dataclass(frozen=True)
class Thresholds:
    # a week / last week (or your usual level after a lighter week): the 10 % rule, info
    info_ratio: float = setting(1.10, 1.0, 3.0)
    # a week / your usual level: Nielsen 2014's "more than 30 % in two weeks", a warning
    climb_ratio: float = setting(1.30, 1.0, 5.0)
    high_ratio: float = setting(1.50, 1.0, 5.0)  # a week / your usual level: high (convention)
    # your usual level: the most you reached in held_weeks of these weeks (_usual.py)
    usual_weeks: int = setting(USUAL_WEEKS, 1, 52)
    held_weeks: int = setting(HELD_WEEKS, 1, 8)
    # a week within this of your usual level after a lighter stretch is back to it
    usual_within_pct: float = setting(USUAL_WITHIN_PCT, 0.0, 50.0)
    # this many weeks up in a row (together above info_ratio): the lighter-week nudge
    climb_weeks: int = setting(4, 2, 12)
    # a week this much under the climb's highest ends the climb (a cutback, a taper, a break)
    lighter_week_pct: float = setting(LIGHTER_WEEK_PCT, 1.0, 50.0)
    # a week compared with less than this is not judged
    min_previous_week_km: float = setting(10.0, 0.0, 500.0)
    min_history_weeks: int = setting(1, 0, 52)  # whole weeks of log before the week judged


def measure(log: TrainingLog, limits: Thresholds) -> pd.DataFrame:
    """Per athlete and Monday-Sunday week from the first run to the last: its `distance_m`,
    `previous_m` (last week), `usual_m` (your usual level: the most reached in `held_weeks`
    of the `usual_weeks` weeks before), its `climb` (number), what it is
    compared with (`kind`, one of KINDS) and that distance (`base_m`), the distance its
    running total had to pass (`limit_m`), its `level` (the severity it reached, "" for none),
    its `severity` (the level told: "" when its climb was told as much before), and the days
    its running total passed its limit (`passed_date`) and, for a told week, `told_date`."""
    frames = []
    for athlete, runs, weeks in _weeks_by_athlete(log, limits):
        passed = _passed_dates(runs, weeks)
        frames.append(
            weeks.rename(columns={"weekly_m": "distance_m"})
            .assign(
                athlete=athlete,
                passed_date=passed.to_numpy(),
                told_date=passed.where(weeks["severity"] != "", None).to_numpy(),
            )
            .rename_axis("week_start")
            .reset_index()
        )
    if not frames:
        return pd.DataFrame(columns=["athlete", "week_start", "distance_m", "severity"])
    return pd.concat(frames, ignore_index=True)


def check(log: TrainingLog, limits: Thresholds) -> list[Finding]:
    """One finding per told week: the most a climb reached, told once at each level."""
    findings: list[Finding] = []
    for athlete, runs, weeks in _weeks_by_athlete(log, limits):
        units = log.profile_for(athlete).units
        first_week = runs["week_start"].iloc[0].date()
        for judged in weeks[weeks["severity"] != ""].itertuples():
            week = _week_runs(runs, judged)
            findings.append(_finding(athlete, week, judged, first_week, limits, units))
    return findings


def _weeks_by_athlete(log: TrainingLog, limits: Thresholds):
    """Each athlete's runs and judged weeks."""
    for athlete, runs in runs_by_athlete(log):
        weekly_m = weekly_totals(runs, "distance_m")
        history_days = (weekly_m.index - runs["day"].iloc[0]).days
        yield athlete, runs, _judged_weeks(weekly_m, history_days.to_numpy(), limits)


def _passed_dates(runs: pd.DataFrame, weeks: pd.DataFrame) -> pd.Series:
    """Per week with a level, the local day its running total first passed its limit (None
    for the others)."""
    leveled = weeks[weeks["level"] != ""]
    in_leveled = runs[runs["week_start"].isin(leveled.index)]
    if in_leveled.empty:
        return pd.Series(None, index=weeks.index, dtype=object)
    limit_m = leveled["limit_m"].reindex(in_leveled["week_start"]).to_numpy()
    total_m = in_leveled["distance_m"].fillna(0.0).groupby(in_leveled["week_start"]).cumsum()
    passed = _passes(total_m.to_numpy(), limit_m)
    days = in_leveled[passed].groupby("week_start")["local_date"].first().reindex(weeks.index)
    return days.astype(object).where(days.notna(), None)


def _passes(total_m: np.ndarray, limit_m: np.ndarray | float) -> np.ndarray:
    """Whether each running total is more than its limit (to the millimetre: 33 km is not
    more than 1.1 x 30 km)."""
    return np.round(total_m - limit_m, 3) > 0


def _week_runs(runs: pd.DataFrame, judged) -> _Week:
    """The judged week's runs, oldest first."""
    rows = rows_between(runs["week_start"].to_numpy(), judged.Index, judged.Index)
    part = runs.iloc[rows]
    return _Week(
        judged.Index.date(),
        part["distance_m"].to_numpy(),
        part["local_date"].to_numpy(),
        part["activity_id"].to_numpy(),
    )


def advice(day: AsOf) -> Advice | None:
    """While this week or the last is at a climb's warning or high level (told, or told
    earlier in the same climb) and no lighter week has come since: hold the week's distance
    as it stood when it passed its limit. After the lighter-week nudge of this week or the
    last, while the climb goes on: plan a lighter week."""
    weeks = day.measure
    if weeks.empty:
        return None
    recent = weeks[
        (weeks["week_start"] >= pd.Timestamp(monday_of(day.as_of) - dt.timedelta(weeks=1)))
        & (weeks["climb"] == weeks["climb"].iloc[-1])  # no lighter week since
    ]
    climbing = recent[recent["level"].isin(["warning", "high"])]
    if len(climbing):
        week = climbing.iloc[-1]
        because = _told_in_climb(day, weeks, week["climb"], "warning", "high")
        runs = dated_runs(day)
        in_week = runs[
            (runs["local_date"] >= week["week_start"].date())
            & (runs["local_date"] <= week["passed_date"])
        ]
        return distance_advice(
            "load",
            "Hold your week near {} for a week or two before adding more.",
            float(in_week["distance_m"].sum()),
            day.units,
            because,
        )
    nudged = recent[(recent["severity"] == "info") & (recent["kind"] == "cutback")]
    if len(nudged):
        return Advice(
            kind="load",
            text="Make one of the next two weeks lighter: most plans put one in every 3-4 weeks.",
            because=_told_in_climb(day, weeks, nudged["climb"].iloc[-1], "info"),
        )
    return None


def _told_in_climb(
    day: AsOf, weeks: pd.DataFrame, climb: int, *severities: str
) -> tuple[Finding, ...]:
    """The newest finding of these severities told in the climb (none if none)."""
    told = weeks[(weeks["climb"] == climb) & weeks["severity"].isin(severities)]
    dates = set(told["told_date"])
    finding = newest(tuple(item for item in day.findings if item.date in dates), *severities)
    return () if finding is None else (finding,)


def not_judged(day: AsOf) -> str | None:
    return history_weeks_reason(day, day.limits.min_history_weeks)


def pattern(day: AsOf) -> Pattern:
    """The days on which a week passed the limit of its level (information included), told or
    not: a climb told once held on every week of it that passed."""
    return passed_weeks_pattern(day, noun_phrase(RULE.title), day.limits.min_history_weeks)


def chart_marks(day: AsOf) -> ChartMarks:
    """The weeks this rule judged, with your usual level and the level each reached (the
    severity told); its findings are labelled on the weekly chart."""
    weeks = day.measure
    columns = ["day", "distance_m", "usual_m", "level", "severity"]
    return ChartMarks(
        chart="weekly",
        series=weeks.rename(columns={"week_start": "day"})[columns]
        if len(weeks)
        else pd.DataFrame(columns=columns),
    )


def _judged_weeks(
    weekly_m: pd.Series, history_days: np.ndarray, limits: Thresholds
) -> pd.DataFrame:
    """Per week: its usual level, its climb, the level it reached and what it is compared
    with (`kind`, `base_m`, `limit_m`), and the severity told (`_levels`)."""
    previous_m = weekly_m.shift(1)
    usual_m = usual_level(
        weekly_m, max(limits.usual_weeks, limits.held_weeks), limits.held_weeks
    ).fillna(0.0)
    start_m = weekly_m.shift(limits.climb_weeks)  # the week before climb_weeks weeks up
    weeks = pd.DataFrame(
        {
            "weekly_m": weekly_m,
            "previous_m": previous_m,
            "usual_m": usual_m,
            "start_m": start_m,
            "climb": climb_numbers(weekly_m.to_numpy(dtype=float), limits.lighter_week_pct),
        },
        index=weekly_m.index,
    )
    levels = _levels(weeks, history_days, limits)
    told = told_once_per_climb(
        np.array([SEVERITIES.index(level) if level else -1 for level in levels["level"]]),
        weeks["climb"].to_numpy(),
    )
    return weeks.assign(**levels, severity=np.where(told, levels["level"], ""))


def _levels(weeks: pd.DataFrame, history_days: np.ndarray, limits: Thresholds) -> dict:
    """Per week: the level it reached (`level`), what it is compared with (`kind`, `base_m`)
    and the distance its running total had to pass (`limit_m`)."""
    min_m = limits.min_previous_week_km * 1000
    within = limits.usual_within_pct / 100
    weekly_m, previous_m = weeks["weekly_m"], weeks["previous_m"].fillna(0.0)
    usual_m, start_m = weeks["usual_m"], weeks["start_m"]
    is_judged = history_days >= 7 * limits.min_history_weeks
    # above your usual level, in two weeks at most: the climb's warning and high
    has_usual = is_judged & (usual_m >= min_m)
    climb_m = {"warning": usual_m * limits.climb_ratio, "high": usual_m * limits.high_ratio}
    is_high = has_usual & _more(weekly_m, climb_m["high"])
    is_climb = has_usual & _more(weekly_m, climb_m["warning"])
    # a step up on last week, or on your usual level when last week was lighter than it
    step_base_m = np.maximum(previous_m, usual_m)
    is_step = is_judged & (step_base_m >= min_m) & _more(weekly_m, step_base_m * limits.info_ratio)
    # back within `within` of your usual level after a lighter stretch, with a step up
    is_return = (
        has_usual
        & (np.round(previous_m - (1 - within) * usual_m, 3) < 0)
        & ~_more(weekly_m, (1 + within) * usual_m)
        & ~_more((1 - within) * usual_m, weekly_m)
        & _more(weekly_m, previous_m * limits.info_ratio)
    )
    # climb_weeks weeks in a row, each up on the one before, together more than info_ratio
    is_up = (np.round(weekly_m.diff(), 3) > 0).astype(int)
    ups_in_row = is_up.groupby((is_up == 0).cumsum()).cumsum()
    is_cutback = (
        is_judged
        & (ups_in_row >= limits.climb_weeks)
        & (start_m >= min_m)
        & _more(weekly_m, start_m * limits.info_ratio)
    )
    is_info = is_return | is_step | is_cutback
    level = np.select([is_high, is_climb, is_info], ["high", "warning", "info"], "")
    # the kind of a week's finding: its climb, else a return, a step, the nudge, in that order
    kind = np.select(
        [is_high | is_climb, is_return, is_step, is_cutback],
        ["climb", "return", "step", "cutback"],
        "",
    )
    return {
        "level": level,
        "kind": kind,
        "ups_in_row": ups_in_row,
        "base_m": np.select(
            [kind == "climb", kind == "return", kind == "step", kind == "cutback"],
            [usual_m, usual_m, step_base_m, start_m],
            np.nan,
        ),
        "limit_m": np.select(
            [level == "high", kind == "climb", kind == "return", kind == "step", kind == "cutback"],
            [
                climb_m["high"],
                climb_m["warning"],
                np.maximum((1 - within) * usual_m, previous_m * limits.info_ratio),
                step_base_m * limits.info_ratio,
                np.maximum(previous_m, start_m * limits.info_ratio),
            ],
            np.nan,
        ),
    }


def _more(distance_m, than_m) -> pd.Series:
    """Whether each distance is more than the other, to the millimetre."""
    return np.round(distance_m - than_m, 3) > 0


class _Week(NamedTuple):
    """One week's runs, oldest first."""

    start: dt.date
    distance_m: np.ndarray
    local_dates: np.ndarray
    activity_ids: np.ndarray


def _finding(
    athlete: str, week: _Week, judged, first_week: dt.date, limits: Thresholds, units: str
) -> Finding:
    severity, kind, base_m = judged.severity, judged.kind, float(judged.base_m)
    usual_m, previous_m = float(judged.usual_m), float(judged.previous_m or 0.0)
    # dated on the day the week's running total first passed its limit; the finding quotes
    # the week as it stood that day (the runs after it are the future)
    running_total_m = np.nancumsum(week.distance_m)
    crossing = int(np.argmax(_passes(running_total_m, float(judged.limit_m))))
    date, week_start = week.local_dates[crossing], week.start
    so_far_m = float(running_total_m[crossing])
    ratio = so_far_m / base_m
    limit_ratio = {"high": limits.high_ratio, "warning": limits.climb_ratio}.get(
        severity, limits.info_ratio
    )
    up = percent_beyond(ratio - 1, limit_ratio - 1)
    reached = (
        f"{day_text(date, year=False)}: with this run your week of "
        f"{day_text(week_start, year=False)} reached "
    )
    reached += distance_text(so_far_m, units)
    usual = f"your usual {distance_text(usual_m, units)}"
    held = usual_words(limits.held_weeks, limits.usual_weeks)
    if kind == "climb":
        more = (
            f", and this one is more than {limits.high_ratio - 1:.0%}" if severity == "high" else ""
        )
        said = (
            f"{reached}, {up} above {usual} ({held}). Rises of more than "
            f"{limits.climb_ratio - 1:.0%} in two weeks went with more knee and ITB injuries in "
            f"novice runners (borderline evidence){more}; hold this week's distance for a week "
            "or two before adding more."
        )
    elif kind == "return":
        said = (
            f"{reached}, back to {usual} ({held}) after a lighter stretch ("
            + (
                f"last week {distance_text(previous_m, units)}"
                if previous_m
                else "no run last week"
            )
            + "). A return to a distance you have held is not a jump; nothing to change."
        )
    elif kind == "cutback":
        said = (
            f"{reached}: {limits.climb_weeks} weeks up in a row without a lighter week, {up} "
            f"up on the {distance_text(base_m, units)} of {limits.climb_weeks} weeks before. "
            "Most plans put a lighter week in every 3-4 weeks; make one of the next two "
            "lighter."
        )
    else:
        # "lighter" only when last week was more than usual_within_pct under your usual
        is_lighter = _more((1 - limits.usual_within_pct / 100) * usual_m, previous_m)
        lighter = f" (last week was a lighter {distance_text(previous_m, units)})"
        compared = (
            f"{usual}{lighter if is_lighter else ''}"
            if base_m > previous_m
            else f"last week's {distance_text(base_m, units)}"
        )
        said = (
            f"{reached}, {up} up on {compared}. The {limits.info_ratio - 1:.0%} rule is a rule "
            "of thumb (a trial found no difference); worth a look only if it keeps climbing "
            "week after week."
        )
    return RULE.finding(
        athlete=athlete,
        severity=severity,
        date=date,
        # the weeks compared with, in the log
        period_start=max(
            first_week,
            week_start - dt.timedelta(weeks=_weeks_back(kind, base_m, previous_m, limits)),
        ),
        period_end=date,
        message=said,
        evidence={
            "week_start": week_start.isoformat(),
            "week_km": round(so_far_m / 1000, 2),  # up to the finding's day
            "previous_week_km": round(previous_m / 1000, 2),
            "usual_week_km": round(usual_m / 1000, 2),
            "compared_km": round(base_m / 1000, 2),
            # a step names what it was compared with, as before climbs and nudges were added:
            # "jump" (last week) or "usual" (your usual level, last week being lighter)
            "compared_with": kind
            if kind != "step"
            else ("usual" if base_m > previous_m else "jump"),
            "ratio": round(ratio, 3),
            "crossed_on_km": round(so_far_m / 1000, 2),
            "climb_weeks_up": int(judged.ups_in_row),
        },
        activity_ids=tuple(week.activity_ids[: crossing + 1]),
        headline=_headline(kind, so_far_m, base_m, up, previous_m, units, limits),
    )


def _headline(
    kind: str,
    so_far_m: float,
    base_m: float,
    up: str,
    previous_m: float,
    units: str,
    limits: Thresholds,
) -> str:
    """'week at 37.6 km, 27% over last week's 29.7 km'."""
    week = f"week at {distance_text(so_far_m, units)}"
    base = distance_text(base_m, units)
    if kind == "return":
        return f"{week}, back to your usual {base}"
    if kind == "cutback":
        return f"{limits.climb_weeks} weeks up in a row, {week}, {up} over {base}"
    if kind == "climb" or base_m > previous_m:
        return f"{week}, {up} over your usual {base}"
    return f"{week}, {up} over last week's {base}"


def _weeks_back(kind: str, base_m: float, previous_m: float, limits: Thresholds) -> int:
    """How many weeks before the week judged the weeks it was compared with begin."""
    if kind == "cutback":
        return limits.climb_weeks
    if kind in ("climb", "return") or base_m > previous_m:  # your usual level
        return max(limits.usual_weeks, limits.held_weeks)
    return 1


RULE = Rule(
    code="RL101",
    slug="weekly-mileage-jump",
    title="A week's distance well above your usual level, or a long climb without a lighter week",
    label="mileage",
    rationale=__doc__,
    thresholds=Thresholds,
    check=check,
    measure=measure,
    today=Declined("the status's week figures are the log's own sums; its findings say the rest"),
    advice=advice,
    not_judged=not_judged,
    pattern=pattern,
    chart_marks=chart_marks,
    grade="Conv / Mod (borderline)",
)
