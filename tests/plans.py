"""Training logs that follow real plans, for the load, pace and shoe rules (issue 21).

Each plan is what a runner who follows an ordinary plan uploads: a marathoner's taper, race,
recovery and return; a holiday; an 8 % and a 20 % a week build; a couch-to-5K beginner with
walk breaks; a masters runner's shoe rotation with a retired pair worn again. Every plan is
written in the runner's own units: `units="miles"` gives the same plan with its distances
read as miles (80 km a week becomes 50 mi) and a profile in miles, so the rules speak miles.

`PLANS` names them; `python -m scripts.plan_findings` prints what the rules say about each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import numpy as np
import pandas as pd

from analyzer.log import TrainingLog
from analyzer.profile import Profile, ShoeSetting
from analyzer.units import METRES_PER_MILE, ONE_DEGREE_M
from tests.builders import TIMEZONE, make_log, note, run

PLAN_MONDAY = dt.date(2026, 1, 5)
MILES_PER_KM_PLAN = 1 / 1.6  # a plan in miles: 80 km a week becomes 50 mi
_SAMPLE_EVERY_S = 5


def plan_km(distance: float, units: str) -> float:
    """A plan's distance in the runner's units as km: in a miles plan, 80 means 50 mi."""
    if units == "miles":
        return distance * MILES_PER_KM_PLAN * METRES_PER_MILE / 1000
    return distance


def profile_for(units: str, shoes: tuple[ShoeSetting, ...] = ()) -> Profile:
    return Profile(timezone=TIMEZONE, units=units, shoes=shoes)


# --- the weeks of a plan -------------------------------------------------------------------

# (weekday, share of the week, surface) of a four-run week and of a marathoner's five-run week
FOUR_RUNS = ((1, 0.2, "road"), (3, 0.25, "track"), (5, 0.15, "trail"), (6, 0.4, "road"))
FIVE_RUNS = (
    (1, 0.15, "road"),
    (2, 0.15, "trail"),
    (3, 0.2, "track"),
    (5, 0.15, "trail"),
    (6, 0.35, "road"),
)


def week_runs(
    monday: dt.date,
    week_km: float,
    days: tuple[tuple[int, float, str], ...] = FOUR_RUNS,
    descent_m: float = 200.0,
    **fields: Any,
) -> list[dict]:
    """A week of runs sharing `week_km` and the week's `descent_m` by `days`' shares."""
    if week_km <= 0:
        return []
    return [
        run(
            monday + dt.timedelta(days=weekday),
            round(week_km * share, 3),
            ascent_m=descent_m * share,
            descent_m=descent_m * share,
            surface=surface,
            **fields,
        )
        for weekday, share, surface in days
    ]


def weekly_plan(
    weekly: list[float],
    units: str = "km",
    descents_m: list[float] | None = None,
    days: tuple[tuple[int, float, str], ...] = FOUR_RUNS,
    first: dt.date = PLAN_MONDAY,
) -> list[dict]:
    """One week of runs per entry of `weekly` (distances in the plan's units; 0: no run)."""
    descents_m = descents_m or [200.0] * len(weekly)
    return [
        row
        for week, (distance, descent_m) in enumerate(zip(weekly, descents_m, strict=True))
        for row in week_runs(
            first + dt.timedelta(weeks=week), plan_km(distance, units), days, descent_m
        )
    ]


def week_of(date: dt.date) -> int:
    """The plan week (0 = the first) a day falls in."""
    return (date - PLAN_MONDAY).days // 7


# --- a marathoner: spring at 80 km, taper, race, recovery, back to 80 ------------------------

SPRING_KM = [78, 80, 82, 64, 80, 82, 84, 66, 80, 82, 80, 80]
SPRING_DESCENT_M = [420, 470, 549, 380, 450, 500, 530, 400, 460, 490, 470, 480]
TAPER_KM = [64, 48, 36]
TAPER_DESCENT_M = [380, 300, 220]
RACE_WEEK_KM = 15  # three short runs, then the marathon on Sunday
RECOVERY_KM = [20, 40]
RECOVERY_DESCENT_M = [90, 180]
RETURN_KM = [80, 80, 82, 78]
RETURN_DESCENT_M = [302, 421, 360, 390]
MARATHON_KM = 42.2
RACE_WEEK = len(SPRING_KM) + len(TAPER_KM)  # the plan week of the race
RETURN_WEEK = RACE_WEEK + 1 + len(RECOVERY_KM)  # the first week back at the usual


def marathoner(units: str = "km") -> TrainingLog:
    """Twelve spring weeks around 80 km (a lighter week every fourth, 380-549 m of descent a
    week), a 3-week taper, race week (a marathon on Sunday at race pace), two recovery weeks,
    then four weeks back at 80 km with 302-421 m of descent."""
    rows = weekly_plan(SPRING_KM, units, SPRING_DESCENT_M, FIVE_RUNS)
    taper_monday = PLAN_MONDAY + dt.timedelta(weeks=len(SPRING_KM))
    rows += weekly_plan(TAPER_KM, units, TAPER_DESCENT_M, FIVE_RUNS, taper_monday)
    race_monday = PLAN_MONDAY + dt.timedelta(weeks=RACE_WEEK)
    rows += [
        run(race_monday + dt.timedelta(days=day), plan_km(km, units), descent_m=30)
        for day, km in ((1, 6), (3, 5), (4, 4))
    ]
    rows.append(
        run(
            race_monday + dt.timedelta(days=6),
            MARATHON_KM,
            pace_min_per_km=4.5,
            descent_m=120,
            name="Copenhagen Marathon",
        )
    )
    recovery_monday = race_monday + dt.timedelta(weeks=1)
    rows += weekly_plan(RECOVERY_KM, units, RECOVERY_DESCENT_M, FIVE_RUNS, recovery_monday)
    return_monday = PLAN_MONDAY + dt.timedelta(weeks=RETURN_WEEK)
    rows += weekly_plan(RETURN_KM, units, RETURN_DESCENT_M, FIVE_RUNS, return_monday)
    return make_log(rows, profile=profile_for(units))


# --- a holiday, and an illness ---------------------------------------------------------------

USUAL_KM = [38, 40, 42, 40, 38, 40, 42, 40]
HOLIDAY_WEEKS = 2
HOLIDAY_RETURN_WEEK = len(USUAL_KM) + HOLIDAY_WEEKS


def holiday(units: str = "km") -> TrainingLog:
    """Eight weeks around 40 km, two weeks away without a run, then back to 40 km."""
    weekly = [*USUAL_KM, *[0] * HOLIDAY_WEEKS, 40, 40, 42, 40]
    return make_log(weekly_plan(weekly, units), profile=profile_for(units))


def illness(units: str = "km") -> TrainingLog:
    """Eight weeks around 40 km, a week of 8 km with a cold, a week of 20, then back to 40."""
    weekly = [*USUAL_KM, 8, 20, 40, 42, 40]
    return make_log(weekly_plan(weekly, units), profile=profile_for(units))


# --- builds ----------------------------------------------------------------------------------


def build(rate: float, weeks: int, start: float) -> list[float]:
    """`weeks` weeks from `start`, each `rate` up on the one before (0.08: 8 % a week)."""
    return [round(start * (1 + rate) ** week, 2) for week in range(weeks)]


BASE_KM = [30, 31, 29, 30]


def build_8_percent(units: str = "km") -> TrainingLog:
    """A new runner's log: twelve weeks, each 8 % up on the one before (22 to 51 km)."""
    return make_log(weekly_plan(build(0.08, 12, 22), units), profile=profile_for(units))


def rebuild_8_percent(units: str = "km") -> TrainingLog:
    """Eight weeks at her usual 48 km (30 mi), six weeks off, then twelve weeks back up from
    24 km at 8 % a week (to 56 km)."""
    weekly = [48, 47, 49, 48, 48, 49, 47, 48, *[0] * 6, *build(0.08, 12, 24)]
    return make_log(weekly_plan(weekly, units), profile=profile_for(units))


def build_20_percent(units: str = "km", steepen_to: float | None = None) -> TrainingLog:
    """Four weeks around 30 km, then five weeks each 20 % up on the one before (36 to 75 km);
    with `steepen_to`, the last two climb at that rate instead (0.30: 67 and 88 km)."""
    weekly = [*BASE_KM, *build(0.20, 3, 36)]
    for _ in range(2):
        weekly.append(round(weekly[-1] * (1 + (steepen_to or 0.20)), 2))
    return make_log(weekly_plan(weekly, units), profile=profile_for(units))


def build_20_percent_with_cutback(units: str = "km") -> TrainingLog:
    """Four weeks around 30 km, three weeks each 20 % up, a lighter week, three more up."""
    weekly = [*BASE_KM, 36, 43.2, 51.84, 41.0, 49.2, 59.04, 70.85]
    return make_log(weekly_plan(weekly, units), profile=profile_for(units))


BUILD_START_WEEK = len(BASE_KM)


# --- a runner whose weeks alternate: 7 km every other day -----------------------------------

ALTERNATING_WEEKS = 12


def alternating(units: str = "km") -> TrainingLog:
    """Twelve weeks of a 7 km run every other day from a Tuesday (4.4 mi in miles): the weeks
    alternate between three runs (21 km) and four (28 km), the longer level reached every
    other week."""
    days = [
        PLAN_MONDAY + dt.timedelta(days=offset) for offset in range(1, 7 * ALTERNATING_WEEKS, 2)
    ]
    return make_log([run(day, plan_km(7, units)) for day in days], profile=profile_for(units))


# --- a couch-to-5K beginner: run/walk sessions ------------------------------------------------

JOG_MPS = 2.30  # 7:15 /km
JOG_SPM = 158.0
WALK_MPS = 1.55  # 10:45 /km
WALK_SPM = 112.0
BEGINNER_WEEKS = 10
RUN_WALK_NAME = "Run/walk: 3 x (8 min run, 2 min walk)"


def run_walk_samples(
    start_utc: pd.Timestamp, pieces: list[tuple[float, float, float]]
) -> pd.DataFrame:
    """Samples every 5 s of a session made of (seconds, speed_mps, cadence_spm) pieces."""
    speeds = np.concatenate(
        [np.full(int(seconds // _SAMPLE_EVERY_S), speed) for seconds, speed, _ in pieces]
    )
    cadences = np.concatenate(
        [np.full(int(seconds // _SAMPLE_EVERY_S), spm) for seconds, _, spm in pieces]
    )
    times = start_utc + pd.to_timedelta(np.arange(speeds.size) * _SAMPLE_EVERY_S, unit="s")
    return pd.DataFrame(
        {
            "time_utc": times,
            "speed_mps": speeds,
            "cadence_spm": cadences,
            "distance_m": np.cumsum(speeds * _SAMPLE_EVERY_S),
        }
    )


def session(
    date: dt.date, pieces: list[tuple[float, float, float]], name: str, with_samples: bool
) -> tuple[dict, pd.DataFrame | None]:
    """One session's activity row (totals from its pieces) and its samples."""
    moving_s = sum(seconds for seconds, _, _ in pieces)
    distance_m = sum(seconds * speed for seconds, speed, _ in pieces)
    cadence_spm = sum(seconds * spm for seconds, _, spm in pieces) / moving_s
    row = run(
        date,
        distance_m / 1000,
        name=name,
        cadence_spm=round(cadence_spm, 1),
        moving_s=moving_s,
        elapsed_s=moving_s + 30,
        avg_speed_mps=distance_m / moving_s,
    )
    samples = run_walk_samples(row["start_time_utc"], pieces) if with_samples else None
    return row, samples


def beginner(units: str = "km", with_samples: bool = True) -> TrainingLog:
    """Ten weeks of run/walk sessions three times a week (5 minutes' walk, then 3 x (8
    minutes' jog, 2 minutes' walk), 5 minutes' walk: a third of the time walking, jogging at
    2.30 m/s), then, on the Tuesday of week 11, her first 30 minutes without a walk, jogging
    1 % quicker: the whole run's average is about 13 % quicker than any session's."""
    warm, cool = (300, WALK_MPS, WALK_SPM), (300, WALK_MPS, WALK_SPM)
    jog, walk = (480, JOG_MPS, JOG_SPM), (120, WALK_MPS, WALK_SPM)
    rows, samples = [], {}
    for week in range(BEGINNER_WEEKS):
        for weekday in (1, 3, 6):
            date = PLAN_MONDAY + dt.timedelta(weeks=week, days=weekday)
            pieces = [warm, jog, walk, jog, walk, jog, walk, cool]
            row, frame = session(date, pieces, RUN_WALK_NAME, with_samples)
            rows.append(row)
            if frame is not None:
                samples[row["activity_id"]] = frame
    first_run = PLAN_MONDAY + dt.timedelta(weeks=BEGINNER_WEEKS, days=1)
    row, frame = session(
        first_run, [(1800, JOG_MPS * 1.01, JOG_SPM)], "30 minutes, no walking!", with_samples
    )
    rows.append(row)
    if frame is not None:
        samples[row["activity_id"]] = frame
    return make_log(rows, profile=profile_for(units), samples=samples)


BEGINNER_FIRST_RUN = PLAN_MONDAY + dt.timedelta(weeks=BEGINNER_WEEKS, days=1)


# --- a masters runner's shoe rotation with a retired pair worn again -------------------------

ROTATION_MONDAY = dt.date(2025, 10, 6)
RETIRED_ON = dt.date(2026, 1, 31)
WORN_AGAIN = [dt.date(2026, 5, day) for day in (5, 12, 19, 26)] + [
    dt.date(2026, 6, day) for day in (2, 9, 16, 23)
]
ROTATION_LAST_DAY = dt.date(2026, 6, 28)
# (weekday, distance in the plan's units, shoe; "A": the Pegasus, or the Clifton once retired)
ROTATION_WEEK = ((1, 8, "A"), (3, 9, "Ghost 15"), (5, 8, "A"), (6, 14, "Ghost 15"))


def rotation(units: str = "km") -> TrainingLog:
    """From October to June, four runs a week of 8, 9, 8 and 14 (km or, in miles, 5, 5.6, 5
    and 8.8 mi). Tuesdays and Saturdays in the old Pegasus (pre-used 470 km or 294 mi) until
    the profile retires it on 31 January, then in the new Clifton; Thursdays and Sundays in
    the Ghost. In May and June the Tuesday runs name the Pegasus again (8 runs), past its high
    mark; a sore knee is noted on 17 June."""
    pegasus = ShoeSetting(
        "Pegasus 38",
        retired=RETIRED_ON,
        pre_used_km=plan_km(470, units),
    )
    shoes = (
        pegasus,
        ShoeSetting("Ghost 15", start=dt.date(2025, 9, 1)),
        ShoeSetting("Clifton 9", start=dt.date(2026, 2, 1)),
    )
    rows = []
    day = ROTATION_MONDAY
    while day <= ROTATION_LAST_DAY:
        for weekday, distance, shoe in ROTATION_WEEK:
            date = day + dt.timedelta(days=weekday)
            if date > ROTATION_LAST_DAY:
                continue
            if shoe == "A":
                shoe = "Pegasus 38" if date <= RETIRED_ON or date in WORN_AGAIN else "Clifton 9"
            rows.append(run(date, plan_km(distance, units), shoe=shoe, pace_min_per_km=6.2))
        day += dt.timedelta(weeks=1)
    notes = [note(dt.date(2026, 6, 17), "right knee sore after Tuesday's run, 4/10")]
    return make_log(rows, notes=notes, shoes=list(shoes), profile=profile_for(units, shoes))


PLANS: dict[str, Callable[..., TrainingLog]] = {
    "marathoner: taper, race, recovery, return": marathoner,
    "holiday: two weeks away, back to 40": holiday,
    "illness: a week of 8, a week of 20, back to 40": illness,
    "new runner: 12 weeks at +8 % a week": build_8_percent,
    "rebuild after a break: 12 weeks at +8 % a week": rebuild_8_percent,
    "build at +20 % a week": build_20_percent,
    "build at +20 % a week, steepening to +30 %": lambda units="km": build_20_percent(units, 0.30),
    "build at +20 % a week with a lighter week": build_20_percent_with_cutback,
    "alternating weeks of 21 and 28": alternating,
    "couch-to-5K beginner, with samples": beginner,
    "couch-to-5K beginner, without samples": lambda units="km": beginner(units, False),
    "shoe rotation, retired pair worn again": rotation,
}
# the plans whose runner keeps a spreadsheet rather than a watch's files (write_plan)
KEPT_BY_HAND = ("couch-to-5K beginner, without samples", "shoe rotation, retired pair worn again")


# --- a plan written out as the files a runner would point runlog at --------------------------

_GPX_EVERY_S = 10  # a plan's run without samples: one GPX point every 10 s
_HOME_LAT_DEG, _HOME_LON_DEG = 55.68, 12.57


def write_plan(log: TrainingLog, folder: Path, spreadsheet: bool = False) -> Path:
    """Write a plan's log to `folder` as a runner's files, for `runlog check`: its profile
    (runlog.toml), its knee notes (journal.md), and its runs: a GPX per run (climb, cadence
    and the run's samples in the points; its name and surface in the track's name), or, with
    `spreadsheet` or when the runs name shoes, the spreadsheet of runs such a runner keeps
    (log.csv: no samples, no descent)."""
    folder.mkdir(parents=True, exist_ok=True)
    profile = log.profile_for("ana")
    (folder / "runlog.toml").write_text(_profile_toml(profile), encoding="utf-8")
    if len(log.notes):
        lines = [f"{row.local_date.isoformat()} {row.text}" for row in log.notes.itertuples()]
        (folder / "journal.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    runs = log.activities.sort_values("start_time_utc")
    if spreadsheet or runs["shoe"].astype(str).str.len().gt(0).any():
        _write_spreadsheet(runs, profile.units, folder / "log.csv")
        return folder
    for index, row in enumerate(runs.itertuples()):
        loader = log.sample_loaders.get(row.activity_id)
        path = folder / f"{row.local_date.isoformat()}-{index:03d}.gpx"
        path.write_text(_gpx(row, loader() if loader else None), encoding="utf-8")
    return folder


def _profile_toml(profile: Profile) -> str:
    lines = ['athlete = "ana"', f'timezone = "{profile.timezone}"', f'units = "{profile.units}"']
    for shoe in profile.shoes:
        lines += ["", "[[shoes]]", f'name = "{shoe.name}"']
        if shoe.start:
            lines.append(f"start = {shoe.start.isoformat()}")
        if shoe.retired:
            lines.append(f"retired = {shoe.retired.isoformat()}")
        if shoe.pre_used_km and profile.units == "miles":
            lines.append(f"pre_used_mi = {shoe.pre_used_km * 1000 / METRES_PER_MILE:.2f}")
        elif shoe.pre_used_km:
            lines.append(f"pre_used_km = {shoe.pre_used_km:.2f}")
    return "\n".join(lines) + "\n"


def _write_spreadsheet(runs: pd.DataFrame, units: str, path: Path) -> None:
    """The runs as the spreadsheet a runner keeps, distances in the runner's units."""
    distance = (
        {"distance_mi": runs["distance_m"].div(METRES_PER_MILE).round(3)}
        if units == "miles"
        else {"distance_km": runs["distance_m"].div(1000).round(3)}
    )
    table = pd.DataFrame(
        {
            "date": runs["local_date"].map(dt.date.isoformat),
            "time of day": runs["start_time_utc"].dt.tz_convert(TIMEZONE).dt.strftime("%H:%M"),
            **distance,
            "duration_min": runs["moving_s"].div(60).round(2),
            "cadence_spm": runs["avg_cadence_spm"],
            "surface": runs["surface"],
            "shoe": runs["shoe"],
            "title": runs["name"].map(_own_name),
        }
    )
    table.to_csv(path, index=False)


def _own_name(name: str) -> str:
    """A run's name as the plan gave it ("" for the builders' "8.2 km")."""
    return "" if name.endswith(" km") and name[:-3].replace(".", "").isdigit() else name


def _gpx(row: Any, samples: pd.DataFrame | None) -> str:
    """One run as a GPX track north from home: its samples' points, else a point every 10 s
    at the run's average speed and cadence, climbing its ascent and coming down its descent."""
    if samples is not None:
        times = pd.DatetimeIndex(samples["time_utc"])
        distance_m = samples["distance_m"].to_numpy(dtype=float)
        cadence = samples["cadence_spm"].to_numpy(dtype=float)
        altitude_m = np.full(len(times), np.nan)
    else:
        seconds = np.append(np.arange(0, row.moving_s, _GPX_EVERY_S), row.moving_s)
        times = row.start_time_utc + pd.to_timedelta(seconds, unit="s")
        distance_m = row.distance_m * seconds / row.moving_s
        cadence = np.full(len(times), row.avg_cadence_spm)
        share = np.minimum(seconds / row.moving_s * 2, 1.0)
        down = np.maximum(seconds / row.moving_s * 2 - 1, 0.0)
        altitude_m = 50 + row.ascent_m * share - row.descent_m * down
    name = _own_name(row.name) or f"{str(row.surface).capitalize()} run"
    points = "".join(
        f'<trkpt lat="{_HOME_LAT_DEG + metres / ONE_DEGREE_M:.8f}" lon="{_HOME_LON_DEG}">'
        + ("" if altitude != altitude else f"<ele>{altitude:.2f}</ele>")
        + f"<time>{moment:%Y-%m-%dT%H:%M:%SZ}</time><extensions><gpxtpx:TrackPointExtension>"
        f"<gpxtpx:cad>{round(spm / 2)}</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions>"
        "</trkpt>\n"
        for moment, metres, spm, altitude in zip(
            times, distance_m, cadence, altitude_m, strict=True
        )
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx creator="runlog plan" version="1.1" xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">\n'
        f"<trk><name>{escape(name)}</name><type>running</type><trkseg>\n{points}"
        "</trkseg></trk></gpx>\n"
    )
