"""Synthetic but realistic training: FIT files a watch would write, from a simple plan.

Used to build the bundled sample_data/ and the large logs the import benchmark reads. The FIT
files come from the test-suite's small encoder (tests/fitwriter.py); records are written every
few seconds, as a watch's smart recording does. `watch_fit` packs the records with numpy, for
the benchmark's thousands of files.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import random
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np

from tests.fitwriter import FitMessage, encode_fit, simple_run_messages


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


# --- the same run as a GPX or TCX file (Strava, Garmin Connect and Polar exports) --------

_LOOP_M = 2000.0  # the track circles a 2 km loop from home


def _track(
    run: PlannedRun, timezone: str, lat_deg: float, lon_deg: float, every_s: int
) -> tuple[dt.datetime, int, list[tuple[int, float, float, float, float]]]:
    """UTC start, duration and (second, distance_m, lat, lon, altitude_m) points of the run,
    circling a 2 km loop that starts at home, one point every `every_s` seconds."""
    local_start = dt.datetime.combine(run.local_date, dt.time(run.hour), tzinfo=ZoneInfo(timezone))
    duration_s = round(run.distance_km * run.pace_min_per_km * 60)
    speed_mps = run.distance_km * 1000 / duration_s
    radius_m = _LOOP_M / (2 * math.pi)
    points = []
    for second in [*range(0, duration_s, every_s), duration_s]:
        distance_m = speed_mps * second
        angle = distance_m / radius_m
        points.append(
            (
                second,
                distance_m,
                lat_deg + radius_m * math.sin(angle) / _METRES_PER_DEGREE_LATITUDE,
                lon_deg
                + radius_m
                * (1 - math.cos(angle))
                / (_METRES_PER_DEGREE_LATITUDE * math.cos(math.radians(lat_deg))),
                30 + 8 * math.sin(angle),
            )
        )
    return local_start.astimezone(dt.UTC), duration_s, points


def run_gpx(
    run: PlannedRun, timezone: str, lat_deg: float, lon_deg: float, every_s: int = 10
) -> bytes:
    """The GPX a phone app or Strava writes for the run: track points with heart rate and
    one-foot cadence in Garmin's TrackPointExtension."""
    start, _, points = _track(run, timezone, lat_deg, lon_deg, every_s)
    strides = round(run.cadence_spm / 2)
    trackpoints = "".join(
        f'<trkpt lat="{lat:.7f}" lon="{lon:.7f}"><ele>{altitude_m:.1f}</ele>'
        f"<time>{start + dt.timedelta(seconds=second):%Y-%m-%dT%H:%M:%SZ}</time>"
        "<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>142</gpxtpx:hr>"
        f"<gpxtpx:cad>{strides}</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>\n"
        for second, _, lat, lon, altitude_m in points
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx creator="runlog sample" version="1.1" xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">\n'
        f"<metadata><time>{start:%Y-%m-%dT%H:%M:%SZ}</time></metadata>\n"
        f"<trk><name>{run.name or 'Run'}</name><type>running</type><trkseg>\n"
        f"{trackpoints}</trkseg></trk></gpx>\n"
    ).encode()


def run_tcx(
    run: PlannedRun, timezone: str, lat_deg: float, lon_deg: float, every_s: int = 10
) -> bytes:
    """The TCX a Garmin, Polar or Strava export holds for the run: one lap with its totals,
    track points with distance, heart rate and one-foot RunCadence."""
    start, duration_s, points = _track(run, timezone, lat_deg, lon_deg, every_s)
    strides = round(run.cadence_spm / 2)
    trackpoints = "".join(
        f"<Trackpoint><Time>{start + dt.timedelta(seconds=second):%Y-%m-%dT%H:%M:%SZ}</Time>"
        f"<Position><LatitudeDegrees>{lat:.7f}</LatitudeDegrees>"
        f"<LongitudeDegrees>{lon:.7f}</LongitudeDegrees></Position>"
        f"<AltitudeMeters>{altitude_m:.1f}</AltitudeMeters>"
        f"<DistanceMeters>{distance_m:.1f}</DistanceMeters>"
        "<HeartRateBpm><Value>142</Value></HeartRateBpm>"
        f"<Extensions><ns3:TPX><ns3:RunCadence>{strides}</ns3:RunCadence></ns3:TPX>"
        "</Extensions></Trackpoint>\n"
        for second, distance_m, lat, lon, altitude_m in points
    )
    begun = f"{start:%Y-%m-%dT%H:%M:%SZ}"
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/'
        'TrainingCenterDatabase/v2" xmlns:ns3="http://www.garmin.com/xmlschemas/'
        'ActivityExtension/v2">\n'
        f'<Activities><Activity Sport="Running"><Id>{begun}</Id>\n'
        f'<Lap StartTime="{begun}"><TotalTimeSeconds>{duration_s}</TotalTimeSeconds>'
        f"<DistanceMeters>{run.distance_km * 1000:.1f}</DistanceMeters>"
        "<AverageHeartRateBpm><Value>142</Value></AverageHeartRateBpm>"
        "<Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod><Track>\n"
        f"{trackpoints}</Track></Lap>"
        "</Activity></Activities></TrainingCenterDatabase>\n"
    ).encode()


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


# --- years of watch files, fast -----------------------------------------------------------

# The record layout a watch writes every second or few: (field number, FIT base type id,
# numpy type) in the order of the bytes [FIT profile, record message].
_RECORD_LAYOUT = (
    ("timestamp", 253, 0x86, "<u4"),
    ("position_lat", 0, 0x85, "<i4"),
    ("position_long", 1, 0x85, "<i4"),
    ("distance", 5, 0x86, "<u4"),  # 1/100 m
    ("enhanced_speed", 73, 0x86, "<u4"),  # 1/1000 m/s
    ("enhanced_altitude", 78, 0x86, "<u4"),  # 1/5 m + 500 m
    ("heart_rate", 3, 0x02, "u1"),
    ("cadence", 4, 0x02, "u1"),  # strides/min
    ("fractional_cadence", 53, 0x02, "u1"),  # 1/128 stride/min
)
_RECORD_LOCAL = 15  # the local message number records use; the other messages use 0-9
_FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)
_SEMICIRCLES_PER_DEGREE = 2**31 / 180
_METRES_PER_DEGREE_LATITUDE = 111_195.0


def coach_plan(first_monday: dt.date, weeks: int, seed: int = 7) -> list[PlannedRun]:
    """Four or five runs a week of 30-90 minutes: easy runs, a track or trail session, an
    occasional treadmill run, and a long Sunday run."""
    randomness = random.Random(seed)
    plan = []
    for week in range(weeks):
        monday = first_monday + dt.timedelta(weeks=week)
        weekdays = [*sorted(randomness.sample(range(6), randomness.choice((3, 4)))), 6]
        for weekday in weekdays:
            is_long = weekday == 6
            minutes = randomness.uniform(75, 90) if is_long else randomness.uniform(30, 65)
            pace_min_per_km = randomness.uniform(5.2, 6.3)
            sub_sport, name = randomness.choice(
                (
                    ("generic", "Easy run"),
                    ("generic", "Easy run"),
                    ("generic", "Tempo"),
                    ("track", "Track intervals"),
                    ("trail", "Trail run"),
                    ("treadmill", "Gym treadmill"),
                )
            )
            if is_long:
                sub_sport, name = "generic", "Long run"
            plan.append(
                PlannedRun(
                    monday + dt.timedelta(days=weekday),
                    round(minutes / pace_min_per_km, 2),
                    pace_min_per_km=round(pace_min_per_km, 2),
                    cadence_spm=round(randomness.uniform(164, 182), 1),
                    sub_sport=sub_sport,
                    name=name,
                    hour=randomness.choice((6, 7, 12, 17, 18)),
                )
            )
    return plan


def watch_fit(
    run: PlannedRun,
    timezone: str,
    lat_deg: float,
    lon_deg: float,
    record_every_s: tuple[int, ...] = (1,),
    seed: int = 0,
) -> bytes:
    """The FIT file a Garmin watch writes for the run, built quickly for large benchmarks.

    The same messages as run_fit (file_id, sport, timer events, records, lap, session,
    activity), with records packed by numpy rather than one by one. Records come every
    `record_every_s` seconds; several values mean smart recording, each gap drawn from
    them. Speed, heart rate and cadence wander a little around the plan.
    """
    randomness = np.random.default_rng(seed)
    zone = ZoneInfo(timezone)
    local_start = dt.datetime.combine(run.local_date, dt.time(run.hour), tzinfo=zone)
    start = local_start.astimezone(dt.UTC)
    offset_s = int(local_start.utcoffset().total_seconds())
    duration_s = round(run.distance_km * run.pace_min_per_km * 60)
    end = start + dt.timedelta(seconds=duration_s)
    indoor = run.sub_sport in ("treadmill", "indoor_running")

    gaps_s = randomness.choice(record_every_s, size=duration_s // min(record_every_s) + 1)
    seconds = np.concatenate([[0], np.cumsum(gaps_s)])
    seconds = seconds[seconds < duration_s]
    seconds = np.append(seconds, duration_s)
    mean_speed_mps = run.distance_km * 1000 / duration_s
    wander = 0.04 * np.sin(seconds / 97) + randomness.normal(0, 0.01, seconds.size)
    speed_mps = mean_speed_mps * (1 + wander)
    distance_m = np.concatenate([[0.0], np.cumsum(np.diff(seconds) * speed_mps[1:])])
    distance_m *= run.distance_km * 1000 / distance_m[-1]  # end exactly on the plan
    strides = run.cadence_spm / 2 + randomness.normal(0, 0.6, seconds.size)
    values = {
        "timestamp": round((start - _FIT_EPOCH).total_seconds()) + seconds,
        "position_lat": np.round(
            (lat_deg + distance_m / _METRES_PER_DEGREE_LATITUDE / 3) * _SEMICIRCLES_PER_DEGREE
        ),
        "position_long": np.round(
            (lon_deg + 0.01 * np.sin(distance_m / 800)) * _SEMICIRCLES_PER_DEGREE
        ),
        "distance": np.round(distance_m * 100),
        "enhanced_speed": np.round(speed_mps * 1000),
        "enhanced_altitude": np.round((30 + 15 * np.sin(distance_m / 1500) + 500) * 5),
        "heart_rate": np.clip(np.round(125 + 25 * seconds / max(duration_s, 1)), 0, 254),
        "cadence": np.floor(strides),
        "fractional_cadence": np.round((strides - np.floor(strides)) * 128) % 128,
    }
    layout = [item for item in _RECORD_LAYOUT if not (indoor and item[0].startswith("position"))]
    records = np.zeros(seconds.size, dtype=[("header", "u1")] + [(n, t) for n, _, _, t in layout])
    records["header"] = _RECORD_LOCAL
    for name, _, _, numpy_type in layout:
        records[name] = values[name].astype(numpy_type)
    definition = struct.pack("<BBBHB", 0x40 | _RECORD_LOCAL, 0, 0, 20, len(layout))
    for _, number, base, numpy_type in layout:
        definition += struct.pack("<BBB", number, np.dtype(numpy_type).itemsize, base)

    moving_s = float(duration_s)
    strides_avg = run.cadence_spm / 2
    totals = {
        "timestamp": end,
        "start_time": start,
        "total_elapsed_time": float(duration_s),
        "total_timer_time": moving_s,
        "total_distance": run.distance_km * 1000,
        "enhanced_avg_speed": mean_speed_mps,
        "total_ascent": 45,
        "total_descent": 45,
        "avg_heart_rate": 138,
        "sport": "running",
        "sub_sport": run.sub_sport,
        "avg_running_cadence": math.floor(strides_avg),
        "avg_fractional_cadence": strides_avg - math.floor(strides_avg),
    }
    head = [
        FitMessage(
            "file_id",
            {
                "type": "activity",
                "manufacturer": "garmin",
                "garmin_product": "fr945",
                "serial_number": 3_900_000_000 + seed % 1000,
                "time_created": start,
            },
        ),
        FitMessage("sport", {"sport": "running", "sub_sport": run.sub_sport, "name": run.name}),
        _timer(start, "start"),
    ]
    tail = [
        _timer(end, "stop_all"),
        FitMessage("lap", {**totals, "event": "lap", "event_type": "stop"}),
        FitMessage(
            "session",
            {
                **totals,
                "event": "session",
                "event_type": "stop",
                "num_laps": 1,
                "first_lap_index": 0,
                "sport_profile_name": run.name or None,
            },
        ),
        FitMessage(
            "activity",
            {
                "timestamp": end,
                "local_timestamp": end + dt.timedelta(seconds=offset_s),
                "total_timer_time": moving_s,
                "num_sessions": 1,
                "type": "manual",
                "event": "activity",
                "event_type": "stop",
            },
        ),
    ]
    body = _body(head) + definition + records.tobytes() + _body(tail)
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(body), b".FIT")
    header += struct.pack("<H", _crc16(header))
    return header + body + struct.pack("<H", _crc16(header + body))


def _timer(moment: dt.datetime, event_type: str) -> FitMessage:
    return FitMessage(
        "event",
        {"timestamp": moment, "event": "timer", "event_type": event_type, "event_group": 0},
    )


def _body(messages: list[FitMessage]) -> bytes:
    """The data messages (with their definitions) of `messages`, without header and CRC."""
    return encode_fit(messages)[14:-2]


def _crc16_table() -> list[int]:
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
        table.append(crc)
    return table


_CRC_TABLE = _crc16_table()


def _crc16(data: bytes) -> int:
    """FIT's CRC-16 (CRC-16/ARC), a byte at a time: faster than the test encoder's."""
    crc = 0
    table = _CRC_TABLE
    for byte in data:
        crc = (crc >> 8) ^ table[(crc ^ byte) & 0xFF]
    return crc


# --- a cohort: a coach's folder of many athletes -------------------------------------------

# time zone and home (lat, lon) of the cohort's athletes, in turn
COHORT_HOMES = (
    ("Europe/Copenhagen", 55.68, 12.57),
    ("America/New_York", 40.78, -73.97),
    ("Australia/Sydney", -33.87, 151.21),
    ("Asia/Tokyo", 35.68, 139.69),
    ("Europe/London", 51.46, -0.12),
    ("America/Sao_Paulo", -23.59, -46.66),
)


def cohort_athlete(number: int) -> str:
    """The sub-folder name of the cohort's athlete `number`."""
    return f"athlete-{number:04d}"


def cohort_plan(
    number: int, first_monday: dt.date, weeks: int
) -> tuple[list[PlannedRun], list[str]]:
    """The runs and journal lines of the cohort's athlete `number`.

    Every third athlete doubles one week's long run (a spike) and notes a sore knee two days
    later; every fourth runs at a low cadence."""
    randomness = random.Random(number)
    plan = coach_plan(first_monday, weeks, seed=number)
    if number % 4 == 3:
        plan = [dataclasses.replace(run, cadence_spm=run.cadence_spm - 14) for run in plan]
    notes = [f"{first_monday.isoformat()} new plan, knees fine"]
    if number % 3 == 0 and weeks >= 8:
        spike = randomness.randrange(len(plan) // 2, len(plan) - 1)
        plan[spike] = dataclasses.replace(plan[spike], distance_km=plan[spike].distance_km * 2)
        sore_day = plan[spike].local_date + dt.timedelta(days=2)
        notes.append(f"{sore_day.isoformat()} left knee sore after the long run, 4/10")
    return plan, notes


def write_cohort_athlete(
    folder: Path, number: int, first_monday: dt.date, weeks: int, record_every_s: tuple[int, ...]
) -> int:
    """One athlete of a cohort (`cohort_plan`): their FIT runs by year, and a journal of knee
    notes. The number of runs written."""
    timezone, lat_deg, lon_deg = COHORT_HOMES[number % len(COHORT_HOMES)]
    plan, notes = cohort_plan(number, first_monday, weeks)
    home = folder / cohort_athlete(number)
    for index, run in enumerate(plan):
        data = watch_fit(
            run, timezone, lat_deg, lon_deg, record_every_s, seed=number * 10**5 + index
        )
        path = home / str(run.local_date.year) / f"{run.local_date.isoformat()}-{index}.fit"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (home / "journal.md").write_text("\n".join(notes) + "\n", encoding="utf-8")
    return len(plan)


def cohort_csv(athletes: int, weeks: int, first_monday: dt.date = dt.date(2025, 1, 6)) -> str:
    """The cohort's runs and knee notes as one log kept by hand (a CSV with an athlete column):
    the same plans as `write_cohort`'s folders, quick to read, for tests of a squad's views."""
    return _squad_csv(
        (cohort_athlete(number), *cohort_plan(number, first_monday, weeks))
        for number in range(athletes)
    )


def _squad_csv(athletes: Iterable[tuple[str, list[PlannedRun], list[str]]]) -> str:
    """Athletes' runs and journal lines ('2025-03-04 left knee sore') as one CSV log."""
    rows = ["date,time of day,athlete,distance_km,duration_min,cadence_spm,surface,notes"]
    surfaces = {"track": "track", "trail": "trail", "treadmill": "treadmill"}
    for athlete, plan, notes in athletes:
        for run in plan:
            minutes = run.distance_km * run.pace_min_per_km
            surface = surfaces.get(run.sub_sport, "road")
            rows.append(
                f"{run.local_date},{run.hour:02d}:00,{athlete},{run.distance_km},"
                f"{minutes:.1f},{run.cadence_spm},{surface},{run.name}"
            )
        for line in notes:
            day, words = line.split(" ", 1)
            rows.append(f'{day},,{athlete},,,,,"{words}"')
    return "\n".join(rows) + "\n"


# --- a squad for the within-runner study (analyzer/study.py) ------------------------------

STUDY_PLANTED_SHARE = 0.8  # low cadence is planted in the 14 days before this share of episodes
STUDY_LOW_WEEK_SHARE = 0.04  # ... and in this share of the other weeks, at random
STUDY_FIRST_ONSET_WEEK = 12  # episodes start once every rule has its history
_STUDY_ONSET_WORDS = (
    "left knee sore after the run, 4/10",
    "right knee aching on the stairs 3/10",
    "knee pain on the descent, 5/10",
)


def study_plan(
    number: int, first_monday: dt.date, weeks: int, episodes: int
) -> tuple[list[PlannedRun], list[str]]:
    """A runner of the study squad: `coach_plan`'s weeks at a cadence of 172-182 steps/min,
    `episodes` knee-pain episodes (a sore knee, a note three days later that it still aches,
    one six days after that it is fine), low cadence (156-162) in the 14 days before most
    episodes (STUDY_PLANTED_SHARE) and in a few weeks at random; everything else (long-run
    spikes, weekly jumps, surfaces) as the plan made it, whatever the knee did."""
    randomness = random.Random(10_000 + number)
    plan = [
        dataclasses.replace(run, cadence_spm=round(randomness.uniform(172, 182), 1))
        for run in coach_plan(first_monday, weeks, seed=number)
    ]
    low_days: set[dt.date] = set()
    for week in range(weeks):
        if randomness.random() < STUDY_LOW_WEEK_SHARE:
            monday = first_monday + dt.timedelta(weeks=week)
            low_days.update(monday + dt.timedelta(days=day) for day in range(7))
    notes = [f"{first_monday.isoformat()} new plan, knees fine"]
    onset_weeks = (
        sorted(randomness.sample(range(STUDY_FIRST_ONSET_WEEK, weeks - 3, 6), episodes))
        if episodes
        else []
    )
    for week in onset_weeks:
        onset = first_monday + dt.timedelta(weeks=week, days=randomness.randrange(7))
        if randomness.random() < STUDY_PLANTED_SHARE:
            low_days.update(onset - dt.timedelta(days=back) for back in range(1, 15))
        notes += [
            f"{onset.isoformat()} {randomness.choice(_STUDY_ONSET_WORDS)}",
            f"{(onset + dt.timedelta(days=3)).isoformat()} knee still aching 3/10",
            f"{(onset + dt.timedelta(days=9)).isoformat()} knee fine again, no pain",
        ]
    plan = [
        dataclasses.replace(run, cadence_spm=round(randomness.uniform(156, 162), 1))
        if run.local_date in low_days
        else run
        for run in plan
    ]
    return plan, notes


def study_squad_csv(
    athletes: int,
    weeks: int,
    first_monday: dt.date = dt.date(2025, 1, 6),
    episodes: tuple[int, ...] = (0, 1, 2, 3, 4),
) -> str:
    """A squad for the study as one CSV log: runner `number` has `episodes[number % len]`
    knee-pain episodes (so with the default every fifth runner has none)."""
    return _squad_csv(
        (
            cohort_athlete(number),
            *study_plan(number, first_monday, weeks, episodes[number % len(episodes)]),
        )
        for number in range(athletes)
    )


def write_study_cohort(
    folder: Path,
    athletes: int,
    weeks: int,
    first_monday: dt.date = dt.date(2025, 1, 6),
    episodes: tuple[int, ...] = (0, 1, 2, 3, 4),
) -> None:
    """`study_squad_csv`'s runners as a coach's folder: one sub-folder per athlete holding
    their log (quick to read), so that a cohort's runners are the pipeline's groups."""
    for number in range(athletes):
        athlete = cohort_athlete(number)
        plan, notes = study_plan(number, first_monday, weeks, episodes[number % len(episodes)])
        (folder / athlete).mkdir(parents=True, exist_ok=True)
        (folder / athlete / "log.csv").write_text(
            _squad_csv([(athlete, plan, notes)]), encoding="utf-8"
        )


def write_cohort(
    folder: Path,
    athletes: int,
    weeks: int,
    first_monday: dt.date = dt.date(2025, 1, 6),
    record_every_s: tuple[int, ...] = (4, 5),
) -> int:
    """A coach's folder of `athletes` sub-folders with `weeks` of FIT runs each; the runs."""
    return sum(
        write_cohort_athlete(folder, number, first_monday, weeks, record_every_s)
        for number in range(athletes)
    )
