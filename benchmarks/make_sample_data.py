"""Write the bundled samples: sample_data/ (Sam) and examples/ (a Strava export, a squad).

    python -m benchmarks.make_sample_data [--root .]

Sam trains about 30 km a week from June 2026, then doubles the long run in week 7, notes a
sore left knee two days later and keeps running on it, and moves to the gym treadmill with a
shorter stride for the last weeks. The files are what Sam's watch, spreadsheet and notes
would hold; `runlog check sample_data/` shows what came before the pain.

examples/strava_export/ is Riley's Strava bulk export (New York, miles): twelve weeks of
runs as .fit.gz, .gpx and .tcx.gz beside activities.csv with descriptions and gear, a climb
to marathon mileage and an aching right knee. examples/squad/ is a coach's folder of four
athletes in four formats: Ana (FIT, clean), Ben (GPX and a journal: a sore knee in
September, then a swollen knee that gave way), Cleo (TCX, stopped uploading four weeks before
the others) and Dev (a hand-kept spreadsheet: a shoe past its limit and a low cadence). Every
file is the same on every regeneration.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gzip
import random
from pathlib import Path

from benchmarks.synthetic import PlannedRun, run_fit, run_gpx, run_tcx, steady_plan
from tests.exports import strava_export

TIMEZONE = "Europe/London"
HOME_LAT_DEG, HOME_LON_DEG = 51.4613, -0.1156  # Brockwell Park, London
FIRST_MONDAY = dt.date(2026, 6, 1)

PROFILE = """\
# Sam's profile: runlog reads it because it sits beside the data.
athlete = "sam"
timezone = "Europe/London"
units = "km"

[[shoes]]
name = "Pegasus 39"
aliases = ["pegasus"]
start = 2025-11-01
pre_used_km = 380        # on the shoe before this log starts
limit_km = 600
default = true           # runs with no shoe named were in these

[[shoes]]
name = "Gym shoes"
limit_km = 700

# Runs the files leave without a surface can be tagged by words in their name, or by place:
# [[surfaces]]
# surface = "grass"
# words = ["park"]
"""

GYM_LOG = """\
date,distance_km,duration,cadence_spm,surface,shoe,notes
2026-08-11,5.0,00:29:30,162,treadmill,Gym shoes,gym treadmill; knee fine
2026-08-13,6.0,00:35:10,161,treadmill,Gym shoes,
2026-08-16,6.5,00:38:00,163,treadmill,Gym shoes,short quick steps felt odd
2026-08-18,5.0,00:29:00,162,treadmill,Gym shoes,
2026-08-20,6.0,00:35:00,160,treadmill,Gym shoes,
"""

JOURNAL = """\
# Training notes

2026-06-02 First run of the block. Legs fine.
2026-07-19 Long run with the club, much further than planned. Tired but happy.
2026-07-21 left knee sore after Sunday's long run, 4/10, worse on the downhill
2026-07-24 knee still aching on the stairs, 3/10
2026-07-31 Easy week. No knee pain today.
2026-08-10 Moving to the gym treadmill for a few weeks.
"""


def sams_plan() -> list[PlannedRun]:
    """Six steady weeks, a long-run spike, a week run through pain, then the move indoors."""
    plan = steady_plan(FIRST_MONDAY, weeks=9)
    spike_day = FIRST_MONDAY + dt.timedelta(weeks=6, days=6)  # Sunday 19 July
    changed = []
    for run in plan:
        if run.sub_sport == "generic":  # Sam's watch has a "Road run" profile
            run = dataclasses.replace(run, sub_sport="street")
        if run.local_date == spike_day:
            run = dataclasses.replace(run, distance_km=19.0, name="Long run with the club")
        elif spike_day < run.local_date <= spike_day + dt.timedelta(days=7):
            run = dataclasses.replace(run, distance_km=round(run.distance_km * 1.15, 2))
        changed.append(run)
    return changed


def write_sample_data(folder: Path) -> None:
    """Write every sample file into `folder` (created when missing)."""
    watch = folder / "watch"
    watch.mkdir(parents=True, exist_ok=True)
    for old in watch.glob("*.fit"):
        old.unlink()
    for run in sams_plan():
        name = f"{run.local_date:%Y-%m-%d}-{run.hour:02d}-00-00.fit"
        (watch / name).write_bytes(run_fit(run, TIMEZONE, HOME_LAT_DEG, HOME_LON_DEG))
    (folder / "runlog.toml").write_text(PROFILE, encoding="utf-8")
    (folder / "gym_log.csv").write_text(GYM_LOG, encoding="utf-8")
    (folder / "journal.md").write_text(JOURNAL, encoding="utf-8")


# --- Riley: a Strava bulk export, in miles -------------------------------------------------

RILEY_TIMEZONE = "America/New_York"
RILEY_LAT_DEG, RILEY_LON_DEG = 40.7812, -73.9665  # Central Park, New York
RILEY_FIRST_MONDAY = dt.date(2026, 8, 3)
MILE_KM = 1.609344

RILEY_PROFILE = """\
# Riley's profile, beside the unpacked Strava export: miles in every message.
athlete = "riley"
timezone = "America/New_York"
units = "miles"

[[shoes]]
name = "Ghost 15"
aliases = ["brooks ghost"]
pre_used_mi = 120
default = true
"""

# (weekday, miles, name, gear, format) of Riley's usual week
RILEY_WEEK = (
    (1, 4.0, "Easy run", "Brooks Ghost 15", ".fit.gz"),
    (3, 5.0, "Tempo in the park", "Brooks Ghost 15", ".tcx.gz"),
    (5, 4.0, "Trails with Jo", "Speedgoat 5", ".gpx"),
    (6, 8.0, "Long run", "Brooks Ghost 15", ".fit.gz"),
)
# week index -> how much of the usual week Riley runs: a climb to marathon mileage from week 8
RILEY_LOAD = {7: 1.15, 8: 1.5, 9: 1.7, 10: 1.2, 11: 1.1}
RILEY_DESCRIPTIONS = {
    (9, 6): "Longest run yet. Right knee aching for the last 3 miles, 4/10",
    (10, 1): "right knee still sore on the stairs, 3/10. Kept it short",
    (11, 1): "Knee much better, 1/10",
    (0, 1): "First week of the plan",
}


def rileys_runs() -> list[tuple[PlannedRun, str, str, str]]:
    """(run, gear, file suffix, description) of Riley's twelve weeks, in order."""
    randomness = random.Random(11)
    runs = []
    for week in range(12):
        monday = RILEY_FIRST_MONDAY + dt.timedelta(weeks=week)
        for weekday, miles, name, gear, suffix in RILEY_WEEK:
            load = RILEY_LOAD.get(week, 1.0)
            run = PlannedRun(
                monday + dt.timedelta(days=weekday),
                round(miles * load * MILE_KM * randomness.uniform(0.97, 1.03), 2),
                pace_min_per_km=round(randomness.uniform(5.5, 6.1), 2),
                cadence_spm=round(randomness.uniform(172, 178), 1),
                sub_sport="trail" if gear == "Speedgoat 5" else "generic",
                name=name,
                hour=6,
            )
            runs.append((run, gear, suffix, RILEY_DESCRIPTIONS.get((week, weekday), "")))
    return runs


def write_strava_export(folder: Path) -> None:
    """Riley's unpacked Strava bulk export, with runlog.toml beside activities.csv."""
    rows, files = [], {}
    for index, (run, gear, suffix, description) in enumerate(rileys_runs()):
        zone = dt.timezone(dt.timedelta(hours=-4))  # New York's summer and autumn offset
        if run.local_date >= dt.date(2026, 11, 1):
            zone = dt.timezone(dt.timedelta(hours=-5))
        start = dt.datetime.combine(run.local_date, dt.time(run.hour), tzinfo=zone)
        moving_s = round(run.distance_km * run.pace_min_per_km * 60)
        name = f"activities/{14_200_000_000 + index * 7919}{suffix}"
        writer = {".fit.gz": run_fit, ".tcx.gz": run_tcx, ".gpx": run_gpx}[suffix]
        data = writer(run, RILEY_TIMEZONE, RILEY_LAT_DEG, RILEY_LON_DEG)
        files[name] = gzip.compress(data, mtime=0) if suffix.endswith(".gz") else data
        rows.append(
            {
                "activity_id": 11_800_000_000 + index * 104_729,
                "start_time_utc": start,
                "name": run.name,
                "distance_m": run.distance_km * 1000,
                "moving_s": moving_s,
                "gear": gear,
                "description": description,
                "filename": name,
                "average_cadence_one_foot": round(run.cadence_spm / 2, 1),
            }
        )
    rows.append(  # a run typed in by hand on a hotel treadmill: a row without a file
        {
            "activity_id": 11_899_000_001,
            "start_time_utc": dt.datetime(2026, 9, 17, 22, 0, tzinfo=dt.UTC),
            "name": "Hotel treadmill",
            "distance_m": 3 * MILE_KM * 1000,
            "moving_s": 1620,
            "gear": "Brooks Ghost 15",
        }
    )
    strava_export(folder, rows, files)
    (folder / "runlog.toml").write_text(RILEY_PROFILE, encoding="utf-8")


# --- a coach's squad of four ----------------------------------------------------------------

SQUAD_TIMEZONE = "Europe/Copenhagen"
SQUAD_LAT_DEG, SQUAD_LON_DEG = 55.6867, 12.5700  # Fælledparken, Copenhagen
SQUAD_FIRST_MONDAY = dt.date(2026, 8, 31)
SQUAD_WEEKS = 10

BEN_JOURNAL = """\
2026-09-01 New block with the club. Knees fine.
2026-09-13 right knee sore after the long run, 3/10
2026-09-16 knee fine again
2026-10-20 right knee a bit stiff after intervals, 2/10
2026-10-27 right knee swelling after the long run, it felt like giving way on the stairs, 5/10
2026-11-03 knee still swollen, 4/10
"""

DEV_PROFILE = """\
athlete = "dev"
timezone = "Europe/Copenhagen"

[[shoes]]
name = "Nimbus 24"
pre_used_km = 520     # bought last year, well run in before this log
limit_km = 650
default = true
"""


SQUAD_PROFILE = """\
athlete = "{athlete}"
timezone = "Europe/Copenhagen"

[[shoes]]
name = "{shoe}"
pre_used_km = 80
default = true
"""
ANA_JOURNAL = """\
2026-09-01 Autumn block starts. Knees fine.
2026-10-18 Good long run, legs fresh.
2026-11-08 Ten weeks done, no niggles.
"""
# The club's run names, with the surface in them as runlog reads it
SQUAD_RUN_NAMES = {"Easy run": "Easy road run", "Long run": "Long road run"}


def squad_plan(seed: int, weeks: int = SQUAD_WEEKS) -> list[PlannedRun]:
    """The club's plan: four runs a week around 30 km, each athlete's own variation."""
    return [
        dataclasses.replace(
            run,
            name=SQUAD_RUN_NAMES.get(run.name, run.name),
            sub_sport="street" if run.sub_sport == "generic" else run.sub_sport,
        )
        for run in steady_plan(SQUAD_FIRST_MONDAY, weeks=weeks, seed=seed)
    ]


def write_squad(folder: Path) -> None:
    """A coach's folder: one sub-folder per athlete, each in the format of their device."""
    ana = folder / "ana"
    ana.mkdir(parents=True, exist_ok=True)
    for run in squad_plan(seed=21):
        name = f"{run.local_date:%Y-%m-%d}-{run.hour:02d}-00-00.fit"
        (ana / name).write_bytes(run_fit(run, SQUAD_TIMEZONE, SQUAD_LAT_DEG, SQUAD_LON_DEG))
    (ana / "journal.md").write_text(ANA_JOURNAL, encoding="utf-8")
    profile = SQUAD_PROFILE.format(athlete="ana", shoe="Adios 8")
    (ana / "runlog.toml").write_text(profile, encoding="utf-8")

    ben = folder / "ben"
    ben.mkdir(parents=True, exist_ok=True)
    for run in squad_plan(seed=22):
        name = f"{run.local_date:%Y-%m-%d}_{run.name.replace(' ', '_')}.gpx"
        data = run_gpx(run, SQUAD_TIMEZONE, SQUAD_LAT_DEG, SQUAD_LON_DEG, every_s=30)
        (ben / name).write_bytes(data)
    (ben / "journal.md").write_text(BEN_JOURNAL, encoding="utf-8")
    profile = SQUAD_PROFILE.format(athlete="ben", shoe="Clifton 9")
    (ben / "runlog.toml").write_text(profile, encoding="utf-8")

    cleo = folder / "cleo"
    cleo.mkdir(parents=True, exist_ok=True)
    for run in squad_plan(seed=23, weeks=SQUAD_WEEKS - 4):  # no upload in the last 4 weeks
        name = f"{run.local_date:%Y%m%d}_{run.hour:02d}0000.tcx"
        data = run_tcx(run, SQUAD_TIMEZONE, SQUAD_LAT_DEG, SQUAD_LON_DEG, every_s=30)
        (cleo / name).write_bytes(data)

    dev = folder / "dev"
    dev.mkdir(parents=True, exist_ok=True)
    lines = ["date,distance_km,duration,cadence_spm,surface,shoe,notes"]
    for run in squad_plan(seed=24):
        duration_s = round(run.distance_km * run.pace_min_per_km * 60)
        hours, rest = divmod(duration_s, 3600)
        clock = f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"
        cadence = round(run.cadence_spm - 14)  # a long, slow stride
        surface = {"track": "track", "trail": "trail"}.get(run.sub_sport, "road")
        row = f"{run.local_date},{run.distance_km},{clock},{cadence},{surface},Nimbus 24,"
        lines.append(row)
    (dev / "training_log.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (dev / "runlog.toml").write_text(DEV_PROFILE, encoding="utf-8")


def write_all(root: Path) -> None:
    """sample_data/ and examples/ under `root`."""
    write_sample_data(root / "sample_data")
    write_strava_export(root / "examples" / "strava_export")
    write_squad(root / "examples" / "squad")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("."))
    write_all(parser.parse_args().root)


if __name__ == "__main__":
    main()
