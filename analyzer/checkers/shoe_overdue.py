"""A running shoe past the distance at which runners are told to replace it.

Why it matters: a shoe's cushioning wears out. In a lab test, running shoes kept only about
60-80 % of their shock absorption by 500 miles (800 km); runners are told to replace a pair
after 300-500 miles (480-800 km). No outcome study links a shoe's mileage to injury, so this
is a convention. Rotating shoes has better support: among 264 runners, those who alternated
more than one pair had fewer running injuries (hazard ratio 0.614).
A shoe's distance is its distance before the log (pre_used_km) plus the runs that name it or
one of its aliases (any case), the runs its export links to it, and, for the default shoe,
runs that name no shoe; runs before its start date do not count, nor do runs that name no
shoe after it retired. A run that names a shoe after the day the profile retired it counts:
the pair is worn again, and that is said once, on the first such run (information, or the
level its distance has passed), and any limit it passes after says the profile calls it
retired. A warning when a shoe passes 480 km, high past
800 km. A shoe's own limit (the profile's limit_km, or Garmin's maximumMeters) replaces the
480 km, and the high mark moves with it in proportion (own limit x 800 / 480). Shoes that only
appear in the activities (a Strava gear name) count with the defaults. A runner whose profile
says units = "miles" gets the advice as given, 300 and 500 miles, and may write every
distance in miles (pre_used_mi, limit_mi, warning_mi, high_mi). One finding per shoe and
level, on the day of the run that crossed it. Before that, the status names a shoe within
near_km (80 km, 50 miles) of its limit, with the distance left.
Source: Cook SD et al. 1985, Am J Sports Med 13(4):248-253 (shock absorption); Malisoux L et
al. 2015, Scand J Med Sci Sports 25:110-115 (rotation); 300-500 miles is convention.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any, ClassVar, NamedTuple

import numpy as np
import pandas as pd

from analyzer.checkers._calendar import runs_by_athlete
from analyzer.checkers._today import dated_runs, day_array, first_run_day, no_runs_reason
from analyzer.checkers.rule import (
    Advice,
    AsOf,
    ChartMarks,
    Finding,
    Pattern,
    Rule,
    ShoeNear,
    ShoeState,
    setting,
)
from analyzer.log import FileNotice, TrainingLog
from analyzer.words import day_text, distance_text, distance_unit, whole_distance_text

# Cook 1985 measured in miles: 500 mi, which a km runner reads as 800 km
LAB_TEST_TEXT = {"km": "800 km", "mi": "500 mi"}  # by the unit the runner reads


@dataclass(frozen=True)
class Thresholds:
    # a miles runner's defaults: the advice is 300-500 miles, not 298.3-497.1
    DEFAULTS_IN_MILES: ClassVar[dict[str, float]] = {
        "warning_km": 300.0,
        "high_km": 500.0,
        "near_km": 50.0,
    }
    # 300 miles; a shoe's own limit_km replaces it
    warning_km: float = setting(480.0, 100.0, 5000.0)
    high_km: float = setting(800.0, 100.0, 5000.0)  # 500 miles; scales with a shoe's own limit
    # the status names a shoe this close to its limit (warning_km or its own), before it passes
    near_km: float = setting(80.0, 0.0, 1000.0)


@dataclass(frozen=True)
class _Shoe:
    name: str
    aliases: tuple[str, ...] = ()
    start_date: object = None
    retired_date: object = None
    pre_used_km: float = 0.0
    limit_km: float | None = None
    activity_ids: tuple[str, ...] = ()
    is_default: bool = False


@dataclass(frozen=True)
class ShoeDistance:
    """One shoe as this rule counts it: its distance, pre-use included, and its two limits."""

    shoe: str
    distance_km: float  # pre_used_km plus the runs that count on it
    pre_used_km: float
    runs: int
    last_used: dt.date | None  # the local day of the last run that counts on it
    first_used: dt.date | None  # the local day of the first run that counts on it
    retired_date: dt.date | None
    warning_km: float
    high_km: float

    @property
    def is_worn_after_retired(self) -> bool:
        """The profile retired it, yet a run since names it."""
        return (
            self.retired_date is not None
            and self.last_used is not None
            and self.last_used > self.retired_date
        )


def measure(log: TrainingLog, limits: Thresholds) -> pd.DataFrame:
    """Per run that counts on a shoe: the `shoe`, the run's `distance_m`, the shoe's distance
    after it (`worn_km`, pre-use included) and the shoe's `warning_km` and `high_km`."""
    frames = [
        shoe_runs.assign(
            athlete=athlete,
            shoe=shoe.name,
            worn_km=_worn_km(shoe, shoe_runs),
            warning_km=_limits_km(shoe, limits)[0],
            high_km=_limits_km(shoe, limits)[1],
        )
        for athlete, runs in runs_by_athlete(log, "shoe")
        for shoe, shoe_runs in _runs_per_shoe(log, athlete, runs)
        if not shoe_runs.empty
    ]
    columns = ["athlete", "shoe", "activity_id", "local_date", "day", "distance_m", "worn_km"]
    if not frames:
        return pd.DataFrame(columns=[*columns, "warning_km", "high_km"])
    return pd.concat(frames)[[*columns, "warning_km", "high_km"]].sort_values("day", kind="stable")


def _worn_km(shoe: _Shoe, runs: pd.DataFrame) -> np.ndarray:
    """The shoe's distance after each of its runs, km, its use before the log included."""
    return shoe.pre_used_km + runs["distance_m"].fillna(0).cumsum().to_numpy() / 1000


def check(log: TrainingLog, limits: Thresholds) -> list[Finding]:
    """One finding per shoe and level (warning, high) that its running distance passed."""
    findings: list[Finding] = []
    for athlete, runs in runs_by_athlete(log, "shoe"):
        units = log.profile_for(athlete).units
        for shoe, shoe_runs in _runs_per_shoe(log, athlete, runs):
            findings += _shoe_findings(athlete, shoe, shoe_runs, limits, units)
    return findings


def today(day: AsOf) -> dict[str, Any]:
    """The shoes in use past their limit (until retired or replaced), and those within
    `near_km` of it, counted up to the as-of day."""
    return {"shoes": current_shoes_past_limit(day), "shoes_near": shoes_near_limit(day)}


def current_shoes_past_limit(day: AsOf) -> tuple[ShoeState, ...]:
    """The shoes past their warning distance that are still in use on the as-of day."""
    return day.keep("past limit", lambda: _past_limit(day))


def _past_limit(day: AsOf) -> tuple[ShoeState, ...]:
    runs = day.measure
    states = []
    for shoe in _shoes_in_use(day):
        worn = runs[runs["shoe"] == shoe.shoe]
        level = "high" if shoe.distance_km >= shoe.high_km else "warning"
        limit_km = shoe.high_km if level == "high" else shoe.warning_km
        if np.round(shoe.distance_km, 6) < shoe.warning_km or worn.empty:
            continue
        passed = worn[np.round(worn["worn_km"], 6) >= limit_km]
        states.append(
            ShoeState(
                shoe.shoe,
                level,
                passed["local_date"].iloc[0],
                shoe.distance_km * 1000,
                limit_km * 1000,
                shoe.retired_date if shoe.is_worn_after_retired else None,
            )
        )
    return tuple(states)


def shoes_near_limit(day: AsOf) -> tuple[ShoeNear, ...]:
    """The shoes in use within `near_km` of their warning distance, nearest first."""
    near = [
        ShoeNear(shoe.shoe, shoe.distance_km * 1000, shoe.warning_km * 1000)
        for shoe in _shoes_in_use(day)
        if 0 < shoe.warning_km - shoe.distance_km <= day.limits.near_km
    ]
    return tuple(sorted(near, key=lambda shoe: shoe.left_m))


def _day_shoes(day: AsOf) -> list[ShoeDistance]:
    return day.keep("shoes", lambda: shoe_distances(day.log, day.athlete, day.limits))


def _shoes_in_use(day: AsOf) -> list[ShoeDistance]:
    """The athlete's shoes on the as-of day that are not retired (or worn again since) and not
    replaced: a shoe is replaced when another shoe's first run came after its last run."""
    shoes = _day_shoes(day)
    firsts = {shoe.shoe: shoe.first_used for shoe in shoes if shoe.first_used is not None}
    in_use = []
    for shoe in shoes:
        is_retired = shoe.retired_date is not None and shoe.retired_date <= day.as_of
        if is_retired and not shoe.is_worn_after_retired:
            continue
        if shoe.last_used is not None and any(
            first > shoe.last_used for name, first in firsts.items() if name != shoe.shoe
        ):
            continue
        in_use.append(shoe)
    return in_use


def advice(day: AsOf) -> Advice | None:
    """Replace a shoe in use past its limit, or keep one retired that was worn again; else
    plan a new pair for one near its limit."""
    past = current_shoes_past_limit(day)
    if past:
        worn = [shoe for shoe in past if shoe.retired_date is None]
        retired = [shoe for shoe in past if shoe.retired_date is not None]
        sentences = []
        if worn:
            sentences.append(f"Replace {_shoe_names(worn, day.units)}: past its limit.")
        if retired:
            sentences.append(
                f"Keep {_shoe_names(retired, day.units)} retired, as your profile says: past "
                "its limit."
            )
        because = tuple(
            finding
            for finding in day.findings
            if finding.evidence.get("shoe") in {shoe.shoe for shoe in past}
        )
        return Advice(kind="shoes", text=" ".join(sentences), because=because)
    near = shoes_near_limit(day)
    if not near:
        return None
    parts = [
        f"{shoe.shoe} has about {whole_distance_text(shoe.left_m, day.units)} left of "
        f"{whole_distance_text(shoe.limit_m, day.units).split(' ')[0]}"
        for shoe in near
    ]
    opening = "Plan a new pair" if len(parts) == 1 else "Plan new pairs"
    return Advice(kind="shoes", text=f"{opening}: {'; '.join(parts)}.")


def _shoe_names(shoes: list[ShoeState], units: str) -> str:
    """'Pegasus (812.3 km) and Ghost (790.0 km)': one decimal, as the findings say it."""
    return " and ".join(f"{shoe.shoe} ({distance_text(shoe.distance_m, units)})" for shoe in shoes)


def not_judged(day: AsOf) -> str | None:
    runs = dated_runs(day)
    if runs.empty:
        return no_runs_reason(day)
    named = runs["shoe"].fillna("").astype(str).str.strip() != ""
    if named.any() or not day.log.shoes.empty:
        return None
    return "no run names a shoe and the profile lists none"


def pattern(day: AsOf) -> Pattern:
    """The days of runs on a shoe already past its warning distance."""
    runs = day.measure
    worn = (
        runs[np.round(runs["worn_km"].astype(float), 6) > runs["warning_km"]] if len(runs) else runs
    )
    return Pattern(
        label="runs on a shoe past its warning distance",
        days=day_array(worn["day"]) if len(worn) else day_array([]),
        judged_from=first_run_day(day),
    )


def chart_marks(day: AsOf) -> ChartMarks:
    """Each shoe's distance as this rule counts it, its two limits, its last run."""
    shoes = _day_shoes(day)
    series = pd.DataFrame(
        [
            {
                "shoe": shoe.shoe,
                "distance_m": shoe.distance_km * 1000,
                "warning_m": shoe.warning_km * 1000,
                "high_m": shoe.high_km * 1000,
                "last_used": shoe.last_used,
                "retired_date": shoe.retired_date,
                # retired and not worn since: a shoe worn again counts, as one in use
                "is_retired": shoe.retired_date is not None
                and shoe.retired_date <= day.as_of
                and not shoe.is_worn_after_retired,
            }
            for shoe in shoes
        ],
        columns=[
            "shoe",
            "distance_m",
            "warning_m",
            "high_m",
            "last_used",
            "retired_date",
            "is_retired",
        ],
    )
    return ChartMarks(chart="shoes", series=series)


def shoe_distances(log: TrainingLog, athlete: str, limits: Thresholds) -> list[ShoeDistance]:
    """Each shoe of the athlete with the distance this rule counts on it, by name.

    The one count of a shoe's distance: the rule judges it and the report draws it, so a
    retired shoe's runs after its retirement count in both when they name it, and in neither
    when they name no shoe. A shoe of a shared list
    shows once the athlete has run in it; the athlete's own listed shoes always show.
    """
    own_names = {
        str(name).strip().casefold()
        for name in log.shoes.loc[log.shoes["athlete"] == athlete, "shoe"].dropna()
    }
    distances = []
    for shoe, shoe_runs in _athlete_shoes(log, athlete):
        if shoe_runs.empty and shoe.name.casefold() not in own_names:
            continue
        warning_km, high_km = _limits_km(shoe, limits)
        run_km = float(shoe_runs["distance_m"].fillna(0).sum()) / 1000
        distances.append(
            ShoeDistance(
                shoe=shoe.name,
                distance_km=shoe.pre_used_km + run_km,
                pre_used_km=shoe.pre_used_km,
                runs=len(shoe_runs),
                last_used=shoe_runs["local_date"].iloc[-1] if len(shoe_runs) else None,
                first_used=shoe_runs["local_date"].iloc[0] if len(shoe_runs) else None,
                retired_date=_date_of(shoe.retired_date),
                warning_km=warning_km,
                high_km=high_km,
            )
        )
    return sorted(distances, key=lambda shoe: shoe.shoe.casefold())


def runs_past_warning(log: TrainingLog, athlete: str, limits: Thresholds) -> list[dt.date]:
    """The local days of the athlete's runs on a shoe already past its warning distance.

    The shoe's distance at each run is its pre-use plus the runs before it and that run, as
    this rule counts them (the same runs as `shoe_distances`).
    """
    days: list[dt.date] = []
    for shoe, shoe_runs in _athlete_shoes(log, athlete):
        warning_km, _ = _limits_km(shoe, limits)
        days += list(shoe_runs.loc[_worn_km(shoe, shoe_runs) > warning_km, "local_date"])
    return sorted(days)


def _athlete_shoes(log: TrainingLog, athlete: str) -> list[tuple[_Shoe, pd.DataFrame]]:
    """One athlete's shoes with the runs that count on each (none when they have no runs)."""
    for name, runs in runs_by_athlete(log, "shoe"):
        if name == athlete:
            return _runs_per_shoe(log, athlete, runs)
    return []


def _runs_per_shoe(
    log: TrainingLog, athlete: str, runs: pd.DataFrame
) -> list[tuple[_Shoe, pd.DataFrame]]:
    """Each shoe of the athlete with the runs that count on it, oldest first."""
    shoes = _shoes_of(log.shoes, athlete, runs)
    worn = runs.assign(shoe_name=_shoe_of_each_run(runs, shoes))
    return [(shoe, worn[worn["shoe_name"] == shoe.name]) for shoe in shoes]


def _limits_km(shoe: _Shoe, limits: Thresholds) -> tuple[float, float]:
    """The shoe's warning and high distances: its own limit and the high mark in proportion."""
    if shoe.limit_km:
        return shoe.limit_km, shoe.limit_km * limits.high_km / limits.warning_km
    return limits.warning_km, limits.high_km


def _date_of(value: object) -> dt.date | None:
    return pd.Timestamp(value).date() if _is_date(value) else None


def _shoes_of(table: pd.DataFrame, athlete: str, runs: pd.DataFrame) -> list[_Shoe]:
    """The athlete's shoes: their own rows first, shared rows, then names only runs carry."""
    rows = table[table["athlete"].isna() | (table["athlete"] == athlete)]
    rows = rows.assign(is_own=rows["athlete"].notna()).sort_values("is_own", ascending=False)
    shoes: dict[str, _Shoe] = {}
    for row in rows.itertuples(index=False):
        key = str(row.shoe).strip().casefold()
        if not key or key in shoes:
            continue
        limit_km = row.limit_km if _is_number(row.limit_km) and row.limit_km > 0 else None
        shoes[key] = _Shoe(
            name=str(row.shoe).strip(),
            aliases=tuple(str(alias) for alias in _sequence(row.aliases)),
            start_date=row.start_date if _is_date(row.start_date) else None,
            retired_date=row.retired_date if _is_date(row.retired_date) else None,
            pre_used_km=float(row.pre_used_km) if _is_number(row.pre_used_km) else 0.0,
            limit_km=float(limit_km) if limit_km is not None else None,
            activity_ids=tuple(str(item) for item in _sequence(row.activity_ids)),
            is_default=bool(row.is_default) if not pd.isna(row.is_default) else False,
        )
    listed = list(shoes.values())
    known = set(shoes) | {alias.casefold() for shoe in listed for alias in shoe.aliases}
    named = runs["shoe"].astype("string").str.strip().dropna()
    for name in dict.fromkeys(named[named != ""]):
        if name.casefold() not in known and matching_shoe(name, listed) is None:
            known.add(name.casefold())
            shoes[name.casefold()] = _Shoe(name=name)
    return list(shoes.values())


def matching_shoe(name: str, shoes: list[_Shoe]) -> str | None:
    """The listed shoe a run's shoe name means when it is not written exactly as the profile
    writes it: the words of one are all among the other's ("Brooks Ghost 15" for a "Ghost 15"
    or an alias "brooks ghost"; "ghost 15" for a "Brooks Ghost 15"), any case, the maker's name
    added or left out. The shoe sharing the most words; None when none does, or two share as
    many (one word in common, "16", is not a match)."""
    words = set(_SHOE_WORD.findall(name.casefold()))
    best: dict[str, int] = {}
    for shoe in shoes:
        for label in (shoe.name, *shoe.aliases):
            label_words = set(_SHOE_WORD.findall(label.casefold()))
            shared = words & label_words
            if not any(word.isalpha() for word in shared):
                continue
            if label_words <= words or words <= label_words:
                best[shoe.name] = max(best.get(shoe.name, 0), len(shared))
    if not best:
        return None
    most = max(best.values())
    tied = [shoe for shoe, count in best.items() if count == most]
    return tied[0] if len(tied) == 1 else None


_SHOE_WORD = re.compile(r"\w+")


def _shoe_of_each_run(runs: pd.DataFrame, shoes: list[_Shoe]) -> pd.Series:
    """The shoe each run counts on: the export's link, else its name or alias, else the default.

    A shoe counts the runs that name it (or that its export links to it) from its start date
    on, after its retirement too (the pair is worn again); for runs that name no shoe, the
    default shoe in use that day, from its start to its retirement (the latest started, if
    several), counts.
    """
    names = runs["shoe"].astype("string").str.strip().str.casefold().fillna("")
    by_name = {}
    for shoe in shoes:
        by_name.update({alias.casefold(): shoe.name for alias in shoe.aliases})
    by_name.update({shoe.name.casefold(): shoe.name for shoe in shoes})
    for name in set(names.unique()) - set(by_name) - {""}:
        shoe_name = matching_shoe(name, shoes)
        if shoe_name is not None:
            by_name[name] = shoe_name
    worn = names.map(by_name).astype(object)
    for shoe in shoes:
        if shoe.activity_ids:
            worn = worn.mask(runs["activity_id"].isin(set(shoe.activity_ids)), shoe.name)
    unnamed = (names == "") & worn.isna()
    defaults = sorted(
        (shoe for shoe in shoes if shoe.is_default), key=lambda shoe: _day(shoe.start_date, 0)
    )
    for shoe in defaults:
        worn = worn.mask(unnamed & _in_use(runs, shoe), shoe.name)
    counted = pd.Series(False, index=runs.index)
    for shoe in shoes:
        counted |= (worn == shoe.name) & (runs["day"] >= _day(shoe.start_date, 0))
    return worn.where(counted)


def shoe_of_each_run(
    log: TrainingLog, athlete: str, runs: pd.DataFrame
) -> tuple[pd.Series, dict[str, float]]:
    """The shoe each of the athlete's runs counts on as this rule counts it (NaN: none), and
    each shoe's distance before the log, km. `runs` comes from `runs_by_athlete(log, "shoe")`."""
    shoes = _shoes_of(log.shoes, athlete, runs)
    return _shoe_of_each_run(runs, shoes), {shoe.name: shoe.pre_used_km for shoe in shoes}


def worn_shoes(log: TrainingLog) -> pd.Series:
    """The shoe each activity counts on as this rule counts it, by the activities' index.

    A run that names a shoe keeps its name; a run that names none counts on the shoe its
    export links it to, else on the profile's default shoe in use that day; NaN otherwise
    (not a run, or no shoe in use). The loader writes it into the activities, so the import
    table, the charts and the notebook show the shoe this rule counts.
    """
    worn = log.activities["shoe"].astype(object).where(log.activities["shoe"].notna())
    worn = worn.where(worn.astype("string").str.strip().fillna("") != "")
    for athlete, runs in runs_by_athlete(log, "shoe"):
        counted, _ = shoe_of_each_run(log, athlete, runs)
        worn = worn.fillna(counted.reindex(worn.index))
    return worn


def unmatched_profile_shoes(log: TrainingLog) -> list[FileNotice]:
    """A notice for each shoe a profile lists that no run names (by its name or an alias, as
    `matching_shoe` reads them), naming the shoe names the runs carry: a profile shoe that
    silently matched nothing would lose its pre-used distance. A default shoe is left out (it
    counts the runs that name no shoe). Read before the runs take their default shoe's name."""
    notices = []
    runs = log.runs
    for key, profile in log.profiles.items():
        if not profile.shoes:
            continue
        own = runs if not key else runs[runs["athlete"] == key]
        named = own["shoe"].astype("string").str.strip().dropna()
        seen = sorted(set(named[named != ""]), key=str.casefold)
        folded = {name.casefold() for name in seen}
        for listed in profile.shoes:
            shoe = _Shoe(name=listed.name, aliases=tuple(listed.aliases))
            labels = {label.casefold() for label in (shoe.name, *shoe.aliases)}
            if listed.default or labels & folded:
                continue
            if any(matching_shoe(name, [shoe]) for name in seen):
                continue
            also = f" (also {', '.join(shoe.aliases)})" if shoe.aliases else ""
            runs_say = f"the runs name {', '.join(seen)}" if seen else "no run names a shoe"
            notices.append(
                FileNotice(
                    profile.path or "runlog.toml",
                    f"the shoe {shoe.name}{also} matches no run; {runs_say}",
                )
            )
    return notices


def _in_use(runs: pd.DataFrame, shoe: _Shoe) -> pd.Series:
    start, retired = _day(shoe.start_date, 0), _day(shoe.retired_date, 1)
    return (runs["day"] >= start) & (runs["day"] <= retired)


def _day(value: object, missing_end: int) -> pd.Timestamp:
    if value is None:
        return pd.Timestamp.min if missing_end == 0 else pd.Timestamp.max
    return pd.Timestamp(value)


def _shoe_findings(
    athlete: str, shoe: _Shoe, runs: pd.DataFrame, limits: Thresholds, units: str
) -> list[Finding]:
    """The shoe's findings: each level its distance passed, and the first run that names it
    after its retirement (said once; with the level it has passed, if any)."""
    if runs.empty:
        return []
    warning_km, high_km = _limits_km(shoe, limits)
    total_km = _worn_km(shoe, runs)
    high_at = _first_at_least(total_km, high_km)
    warning_at = _first_at_least(total_km, warning_km)
    told: dict[int, tuple[float, str, bool]] = {}  # position: limit, severity, passed there
    if warning_at is not None and warning_at != high_at:
        told[warning_at] = (warning_km, "warning", True)
    if high_at is not None:
        told[high_at] = (high_km, "high", True)
    retired = _date_of(shoe.retired_date)
    after = np.flatnonzero(runs["local_date"].to_numpy() > retired) if retired else np.array([])
    first_after = int(after[0]) if len(after) else None
    if first_after is not None and first_after not in told:
        worn_km = float(np.round(total_km[first_after], 6))
        level = "high" if worn_km >= high_km else "warning" if worn_km >= warning_km else "info"
        told[first_after] = (high_km if level == "high" else warning_km, level, False)
    return [
        _finding(
            athlete,
            shoe,
            runs,
            _Told(position, limit_km, severity, passed, first_after),
            total_km,
            limits,
            units,
        )
        for position, (limit_km, severity, passed) in sorted(told.items())
    ]


def _first_at_least(total_km: np.ndarray, limit_km: float) -> int | None:
    past = np.round(total_km, 6) >= limit_km
    return int(np.argmax(past)) if past.any() else None


class _Told(NamedTuple):
    """A shoe finding's run: its position among the shoe's runs, the limit and severity told,
    whether the run passed that limit, and the position of the shoe's first run after its
    retirement (None: none)."""

    position: int
    limit_km: float
    severity: str
    passed: bool
    first_after_retired: int | None


def _finding(
    athlete: str,
    shoe: _Shoe,
    runs: pd.DataFrame,
    told: _Told,
    total_km: np.ndarray,
    limits: Thresholds,
    units: str,
) -> Finding:
    run = runs.iloc[told.position]
    distance_km = float(total_km[told.position])
    distance = distance_text(distance_km * 1000, units)
    limit = distance_text(told.limit_km * 1000, units)
    before = (
        f", {distance_text(shoe.pre_used_km * 1000, units)} of it before this log"
        if shoe.pre_used_km
        else ""
    )
    if shoe.limit_km:
        limit_text = f"the limit you set for it is {distance_text(shoe.limit_km * 1000, units)}"
    else:
        low_text = distance_text(limits.warning_km * 1000, units)
        high_text = distance_text(limits.high_km * 1000, units)
        limit_text = f"runners are told to replace a pair after {low_text} to {high_text}"
    retired = _date_of(shoe.retired_date)
    is_worn_again = told.first_after_retired is not None and (
        told.position >= told.first_after_retired
    )
    retired_text = day_text(retired) if retired else ""
    if told.passed:
        opening = f"your {shoe.name} passed {limit} ({distance}{before}); {limit_text}."
    else:  # the first run after its retirement
        where = f"past {limit}" if told.severity != "info" else f"under its {limit}"
        pre_used = f" ({before[2:]})" if before else ""
        opening = (
            f"this run names your {shoe.name}, which your profile retired on {retired_text}; "
            f"with this run it is at {distance}{pre_used}, {where}; {limit_text}."
        )
    if is_worn_again and told.passed:
        advice = (
            f"Your profile retired this pair on {retired_text}, yet this run names it: keep "
            "it retired, or take `retired` out of your runlog.toml if it is back in use."
        )
    elif is_worn_again:
        advice = (
            "Its runs since count towards it: keep it retired, or take `retired` out of your "
            "runlog.toml if it is back in use."
        )
    else:
        advice = (
            "Replace them: the cushioning is likely well worn."
            if told.severity == "high"
            else "Plan a new pair."
        )
    headline = f"{shoe.name} at {distance}, past {limit}"
    if is_worn_again and retired is not None:
        headline = (
            f"{shoe.name} worn again after its retirement ({day_text(retired, year=False)}), at "
            f"{distance}"
            if not told.passed
            else f"{headline}, retired in your profile"
        )
    return RULE.finding(
        athlete=athlete,
        severity=told.severity,
        date=run["local_date"],
        period_start=runs["local_date"].iloc[0],
        period_end=run["local_date"],
        message=(
            f"{day_text(run['local_date'], year=False)}: {opening} Shoes lose cushioning with use "
            f"(to about "
            f"60-80 % by {LAB_TEST_TEXT[distance_unit(units)[0]]} in a lab test), though no study "
            f"ties a mileage "
            f"to injury. {advice} Runners who rotated more than one pair had fewer injuries in "
            "one study (hazard ratio 0.61)."
        ),
        evidence={
            "shoe": shoe.name,
            "distance_km": round(distance_km, 1),
            "limit_km": round(told.limit_km, 1),
            "pre_used_km": round(shoe.pre_used_km, 1),
            "runs": told.position + 1,
            "retired_date": retired.isoformat() if retired else None,
            "worn_after_retired": is_worn_again,
        },
        activity_ids=(str(run["activity_id"]),),
        headline=headline,
    )


def _is_number(value: object) -> bool:
    return isinstance(value, int | float | np.number) and not math.isnan(float(value))


def _is_date(value: object) -> bool:
    return value is not None and not pd.isna(value)


def _sequence(value: object) -> tuple:
    if isinstance(value, list | tuple | np.ndarray):
        return tuple(value)
    if isinstance(value, str) and value:
        return (value,)
    return ()


RULE = Rule(
    code="RL402",
    slug="shoe-overdue",
    title="A shoe past its distance limit (480 km, high past 800 km, or its own limit)",
    label="shoes",
    rationale=__doc__,
    thresholds=Thresholds,
    check=check,
    measure=measure,
    today=today,
    advice=advice,
    not_judged=not_judged,
    pattern=pattern,
    chart_marks=chart_marks,
    grade="Conv",
)
