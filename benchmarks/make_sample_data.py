"""Write the bundled sample_data/: twelve weeks of one runner's watch files, gym log and notes.

    python -m benchmarks.make_sample_data [--folder sample_data]

Sam trains about 30 km a week from June 2026, then doubles the long run in week 7, notes a
sore left knee two days later and keeps running on it, and moves to the gym treadmill with a
shorter stride for the last weeks. The files are what Sam's watch, spreadsheet and notes
would hold; `runlog check sample_data/` shows what came before the pain.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from pathlib import Path

from benchmarks.synthetic import PlannedRun, run_fit, steady_plan

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=Path("sample_data"))
    write_sample_data(parser.parse_args().folder)


if __name__ == "__main__":
    main()
