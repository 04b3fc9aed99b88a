"""Synthetic but realistic training: FIT files a watch would write, from a simple plan.

Used to build the bundled sample_data/ and the large logs the import benchmark reads. The FIT
files come from the test-suite's small encoder (tests/fitwriter.py); records are written every
few seconds, as a watch's smart recording does.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from tests.fitwriter import encode_fit, simple_run_messages


@dataclass(frozen=True)
class PlannedRun:
    local_date: dt.date
    distance_km: float
    pace_min_per_km: float = 5.6
    cadence_spm: float = 174.0
    sub_sport: str = "generic"  # trail, track, treadmill ...
    name: str = ""
    hour: int = 7


def run_fit(
    run: PlannedRun, timezone: str, lat_deg: float, lon_deg: float, record_every_s: int = 5
) -> bytes:
    """The FIT file a watch writes for the run, starting at `run.hour` local time."""
    zone = ZoneInfo(timezone)
    local_start = dt.datetime.combine(run.local_date, dt.time(run.hour), tzinfo=zone)
    offset_s = int(local_start.utcoffset().total_seconds())
    duration_s = round(run.distance_km * run.pace_min_per_km * 60)
    indoor = run.sub_sport in ("treadmill", "indoor_running")
    messages = simple_run_messages(
        local_start.astimezone(dt.UTC),
        duration_s,
        run.distance_km * 1000,
        cadence_spm=run.cadence_spm,
        sub_sport=run.sub_sport,
        local_offset_s=offset_s,
        lat_deg=None if indoor else lat_deg,
        lon_deg=None if indoor else lon_deg,
        hr_bpm=142,
        profile_name=run.name or None,
    )
    kept = [
        message
        for index, message in enumerate(messages)
        if message.name != "record" or index % record_every_s == 0
    ]
    return encode_fit(kept)


def steady_plan(first_monday: dt.date, weeks: int, seed: int = 7) -> list[PlannedRun]:
    """Four runs a week around 30 km, with a little natural variation and mixed surfaces."""
    randomness = random.Random(seed)
    plan = []
    for week in range(weeks):
        monday = first_monday + dt.timedelta(weeks=week)
        for weekday, distance_km, sub_sport, name in (
            (1, 6.0, "generic", "Easy run"),
            (3, 7.0, "track", "Track intervals"),
            (5, 6.0, "trail", "Trail run"),
            (6, 10.0, "generic", "Long run"),
        ):
            plan.append(
                PlannedRun(
                    monday + dt.timedelta(days=weekday),
                    round(distance_km * randomness.uniform(0.95, 1.05), 2),
                    pace_min_per_km=round(randomness.uniform(5.3, 5.9), 2),
                    cadence_spm=round(randomness.uniform(172, 178), 1),
                    sub_sport=sub_sport,
                    name=name,
                )
            )
    return plan
