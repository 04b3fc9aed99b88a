"""Whole exports for tests, written to tmp_path: a Garmin account export zip, a Strava export.

Each builder lays files out the way the service does [docs/FORMATS.md §4, §5.2], from plain
arguments in runlog's own units, and adds the non-activity files a real export carries so
that tests can show they are passed over.

    zip_path = garmin_export_zip(tmp_path / "garmin.zip", [garmin_activity(1, "2026-03-04 07:00")],
                                 [garmin_shoe(7, "Pegasus", activity_ids=[1])])
    folder = strava_export(tmp_path / "strava", [{"activity_id": 5, "distance_m": 8000}])
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

GARMIN_USER = "runner@example.com"
FITNESS_FOLDER = "DI_CONNECT/DI-Connect-Fitness"
UPLOADS_FOLDER = "DI_CONNECT/DI-Connect-Uploaded-Files"
GZIP_MAGIC = b"\x1f\x8b"
# The first bytes of a JPEG: enough for a file that only has to be passed over.
JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"

# Strava's activities.csv header of 2022-23 exports, 94 columns [docs/FORMATS.md §4.2]: five
# names appear twice, and the first Distance is km (or miles), the second metres.
STRAVA_COLUMNS: tuple[str, ...] = (
    "Activity ID", "Activity Date", "Activity Name", "Activity Type", "Activity Description",
    "Elapsed Time", "Distance", "Max Heart Rate", "Relative Effort", "Commute",
    "Activity Private Note", "Activity Gear", "Filename", "Athlete Weight", "Bike Weight",
    "Elapsed Time", "Moving Time", "Distance", "Max Speed", "Average Speed",
    "Elevation Gain", "Elevation Loss", "Elevation Low", "Elevation High", "Max Grade",
    "Average Grade", "Average Positive Grade", "Average Negative Grade", "Max Cadence",
    "Average Cadence", "Max Heart Rate", "Average Heart Rate", "Max Watts", "Average Watts",
    "Calories", "Max Temperature", "Average Temperature", "Relative Effort", "Total Work",
    "Number of Runs", "Uphill Time", "Downhill Time", "Other Time", "Perceived Exertion",
    "Type", "Start Time", "Weighted Average Power", "Power Count",
    "Prefer Perceived Exertion", "Perceived Relative Effort", "Commute",
    "Total Weight Lifted", "From Upload", "Grade Adjusted Distance",
    "Weather Observation Time", "Weather Condition", "Weather Temperature",
    "Apparent Temperature", "Dewpoint", "Humidity", "Weather Pressure", "Wind Speed",
    "Wind Gust", "Wind Bearing", "Precipitation Intensity", "Sunrise Time", "Sunset Time",
    "Moon Phase", "Bike", "Gear", "Precipitation Probability", "Precipitation Type",
    "Cloud Cover", "Weather Visibility", "UV Index", "Weather Ozone", "Jump Count",
    "Total Grit", "Average Flow", "Flagged", "Average Elapsed Speed", "Dirt Distance",
    "Newly Explored Distance", "Newly Explored Dirt Distance", "Activity Count",
    "Total Steps", "Carbon Saved", "Pool Length", "Training Load", "Intensity",
    "Average Grade Adjusted Pace", "Timer Time", "Total Cycles", "Media",
)  # fmt: skip

# Simple row keys -> the column (its first occurrence) and how the value is written.
_STRAVA_SIMPLE_KEYS = {
    "activity_id": "Activity ID",
    "name": "Activity Name",
    "type": "Activity Type",
    "description": "Activity Description",
    "private_note": "Activity Private Note",
    "gear": "Activity Gear",
    "filename": "Filename",
    "average_cadence_one_foot": "Average Cadence",
    "avg_hr_bpm": "Average Heart Rate",
    "max_hr_bpm": "Max Heart Rate",
    "ascent_m": "Elevation Gain",
    "descent_m": "Elevation Loss",
    "dirt_distance_m": "Dirt Distance",
    "total_steps": "Total Steps",
}
_STRAVA_DERIVED_KEYS = {"start_time_utc", "distance_m", "elapsed_s", "moving_s"}


# Garmin ------------------------------------------------------------------------------------


def garmin_activity(
    activity_id: int,
    start_time_utc: str | pd.Timestamp | dt.datetime = "2026-03-04 07:00",
    *,
    utc_offset_s: float | None = 3600,
    type_key: str = "running",
    name: str = "Morning Run",
    distance_m: float = 10_000.0,
    moving_s: float = 3000.0,
    elapsed_s: float | None = None,
    ascent_m: float | None = 40.0,
    descent_m: float | None = None,
    avg_hr_bpm: float | None = 145.0,
    avg_cadence_spm: float | None = 172.0,
    description: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """One summarizedActivitiesExport entry in Garmin's own units: cm, ms, epoch ms.

    `start_time_utc` (naive means UTC) gives startTimeGmt; `utc_offset_s` gives
    startTimeLocal (None leaves it out). `extra` keys are written as they are (Garmin names).
    """
    start = _utc(start_time_utc)
    start_ms = int(start.timestamp() * 1000)
    entry: dict[str, Any] = {
        "activityId": activity_id,
        "name": name,
        "activityType": type_key,
        "sportType": "RUNNING" if "run" in type_key else type_key.upper(),
        "startTimeGmt": float(start_ms),
        "beginTimestamp": start_ms,
        "distance": distance_m * 100,
        "duration": moving_s * 1000,
        "movingDuration": moving_s * 1000,
        "elapsedDuration": (elapsed_s if elapsed_s is not None else moving_s + 60) * 1000,
        "avgSpeed": distance_m / moving_s / 10 if moving_s else None,
        "manufacturer": "GARMIN",
    }
    if utc_offset_s is not None:
        entry["startTimeLocal"] = float(start_ms + utc_offset_s * 1000)
    if ascent_m is not None:
        entry["elevationGain"] = ascent_m * 100
        entry["elevationLoss"] = (ascent_m if descent_m is None else descent_m) * 100
    if avg_hr_bpm is not None:
        entry["avgHr"] = avg_hr_bpm
    if avg_cadence_spm is not None:
        entry["avgDoubleCadence"] = avg_cadence_spm
        entry["avgRunCadence"] = avg_cadence_spm / 2  # one foot, as FIT's avg_running_cadence
    if description is not None:
        entry["description"] = description
    entry.update(extra)
    return entry


def garmin_shoe(
    gear_pk: int,
    name: str,
    *,
    make_model: str | None = None,
    activity_ids: Iterable[int] = (),
    gear_type: str = "Shoes",
    retired_on: str | None = None,
    first_used_on: str = "2026-01-01",
    limit_km: float | None = 800.0,
) -> dict[str, Any]:
    """One gearDTOS entry; `activity_ids` become its gearActivityDTOs links in the export."""
    return {
        "gearPk": gear_pk,
        "uuid": f"{gear_pk:032x}",
        "displayName": name,
        "customMakeModel": make_model if make_model is not None else f"{name} (make/model)",
        "gearTypeName": gear_type,
        "gearStatusName": "retired" if retired_on else "active",
        "dateBegin": f"{first_used_on}T00:00:00.0",
        "dateEnd": f"{retired_on}T00:00:00.0" if retired_on else None,
        "maximumMeters": limit_km * 1000 if limit_km is not None else 0.0,
        "activity_ids": list(activity_ids),
    }


def garmin_summaries_json(activities: list[dict[str, Any]]) -> bytes:
    """The bytes of a <user>_0_summarizedActivities.json holding these entries."""
    entries = [entry if "activityId" in entry else garmin_activity(**entry) for entry in activities]
    return json.dumps([{"summarizedActivitiesExport": entries}]).encode()


def garmin_gear_json(shoes: list[dict[str, Any]]) -> bytes:
    """The bytes of a <user>_gear.json: the gear, then its links keyed by gearPk."""
    gear = [shoe if "gearPk" in shoe else garmin_shoe(**shoe) for shoe in shoes]
    dtos = [{key: value for key, value in item.items() if key != "activity_ids"} for item in gear]
    links = {
        str(item["gearPk"]): [
            {"activityId": activity_id, "gearPk": item["gearPk"]}
            for activity_id in item.get("activity_ids", ())
        ]
        for item in gear
    }
    document = [{"gearDTOS": dtos, "gearActivityDTOs": links, "gearActivityTypeDTOS": []}]
    return json.dumps(document).encode()


def garmin_export_zip(
    path: Path,
    activities: list[dict[str, Any]],
    shoes: list[dict[str, Any]],
    fit_files: dict[str, bytes] | None = None,
    *,
    user: str = GARMIN_USER,
) -> Path:
    """A zip laid out like Garmin Connect's "Export Your Data"; returns its path.

    `path` is the zip to write, or a folder to write garmin_export.zip into. `activities`
    are garmin_activity() entries or its keyword dicts; `shoes` garmin_shoe() entries or
    its keyword dicts. `fit_files` maps an activity id (or a whole file name) to FIT bytes,
    stored as <user>_<activityId>.fit in DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip,
    a zip inside the zip. Beside them sit a weight-named junk .fit, a sleepData JSON and a
    personalRecord JSON: files that are not activities.
    """
    target = path / "garmin_export.zip" if path.is_dir() else path
    target.parent.mkdir(parents=True, exist_ok=True)
    uploads = io.BytesIO()
    with zipfile.ZipFile(uploads, "w", zipfile.ZIP_DEFLATED) as inner:
        for key, data in (fit_files or {}).items():
            inner.writestr(key if key.lower().endswith(".fit") else f"{user}_{key}.fit", data)
        inner.writestr(f"{user}_weight.fit", b"not an activity: a scale's weight record")
    personal_records = [{"personalRecords": [{"activityId": 1, "typeId": 3, "value": 1500.0}]}]
    sleep = [{"calendarDate": "2026-03-04", "deepSleepSeconds": 5400, "lightSleepSeconds": 14000}]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            f"{FITNESS_FOLDER}/{user}_0_summarizedActivities.json",
            garmin_summaries_json(activities),
        )
        archive.writestr(f"{FITNESS_FOLDER}/{user}_gear.json", garmin_gear_json(shoes))
        archive.writestr(
            f"{FITNESS_FOLDER}/{user}_personalRecord.json", json.dumps(personal_records)
        )
        archive.writestr(f"DI_CONNECT/DI-Connect-Wellness/{user}_sleepData.json", json.dumps(sleep))
        archive.writestr(f"{UPLOADS_FOLDER}/UploadedFiles_0-_Part1.zip", uploads.getvalue())
    return target


# Strava ------------------------------------------------------------------------------------


def strava_date(value: str | pd.Timestamp | dt.datetime) -> str:
    """Strava's Activity Date, UTC: 'May 29, 2022, 3:53:35 PM' (no leading zeros)."""
    start = _utc(value)
    hour = start.hour % 12 or 12
    return (
        f"{start:%b} {start.day}, {start.year}, {hour}:{start:%M:%S} "
        f"{'AM' if start.hour < 12 else 'PM'}"
    )


def strava_row(row: dict[str, Any]) -> list[str]:
    """One activities.csv line (94 cells) from a simple row dict.

    Keys: activity_id, start_time_utc (naive means UTC), type (default Run), name,
    distance_m, elapsed_s, moving_s, gear, description, private_note, filename,
    average_cadence_one_foot, avg_hr_bpm, max_hr_bpm, ascent_m, descent_m, dirt_distance_m,
    total_steps; or any Strava column name, which sets that column's first occurrence.
    """
    unknown = set(row) - set(_STRAVA_SIMPLE_KEYS) - _STRAVA_DERIVED_KEYS - set(STRAVA_COLUMNS)
    if unknown:
        raise TypeError(f"unknown Strava row keys: {sorted(unknown)}")
    cells = [""] * len(STRAVA_COLUMNS)

    def put(column: str, value: object, occurrence: int = 0) -> None:
        positions = [index for index, name in enumerate(STRAVA_COLUMNS) if name == column]
        cells[positions[occurrence]] = "" if value is None else str(value)

    distance_m = float(row.get("distance_m", 5000.0))
    moving_s = float(row.get("moving_s", 1800.0))
    elapsed_s = float(row.get("elapsed_s", moving_s))
    put("Activity ID", 1)
    put("Activity Date", strava_date(row.get("start_time_utc", "2026-03-04 07:00")))
    put("Activity Type", "Run")
    put("Elapsed Time", round(elapsed_s))
    put("Distance", f"{distance_m / 1000:.2f}")  # display units: km for a Metric account
    put("Commute", "false")
    put("Elapsed Time", elapsed_s, occurrence=1)
    put("Moving Time", moving_s)
    put("Distance", distance_m, occurrence=1)
    put("Average Speed", distance_m / moving_s if moving_s else "")
    put("Average Elapsed Speed", distance_m / elapsed_s if elapsed_s else "")
    put("Commute", "0.0", occurrence=1)
    put("From Upload", "1.0" if row.get("filename") else "0.0")
    for key, value in row.items():
        if key in _STRAVA_SIMPLE_KEYS:
            put(_STRAVA_SIMPLE_KEYS[key], value)
        elif key not in _STRAVA_DERIVED_KEYS:
            put(key, value)
    return cells


def strava_activities_csv(rows: list[dict[str, Any]]) -> bytes:
    """The bytes of an activities.csv with Strava's 94-column header and these rows."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(STRAVA_COLUMNS)
    writer.writerows(strava_row(row) for row in rows)
    return text.getvalue().encode()


def strava_export(
    folder: Path,
    rows: list[dict[str, Any]],
    files: dict[str, bytes] | None = None,
    as_zip: bool = False,
) -> Path:
    """A Strava bulk export built from simple rows (see strava_row); returns its path.

    Written into `folder`, or with `as_zip` as a zip at `folder` + ".zip" (or at `folder`
    itself when its name ends in .zip). `files` maps paths in the export
    ("activities/123.fit.gz") to bytes, gzipped here when the name ends in .gz and the bytes
    are not gzip already. shoes.csv (one line per gear name in the rows), profile.csv,
    general_preferences.csv and a media/ photo come along, as in a real export.
    """
    gear_names = dict.fromkeys(str(row["gear"]) for row in rows if row.get("gear"))
    members: dict[str, bytes] = {
        "activities.csv": strava_activities_csv(rows),
        "shoes.csv": _csv_bytes(
            ["Shoe Name", "Shoe Brand", "Shoe Model", "Shoe Default Sport Types"],
            [[name, "", "", "Run"] for name in gear_names],
        ),
        "profile.csv": _csv_bytes(
            ["Athlete ID", "Email Address", "First Name", "Last Name", "Sex", "City"],
            [["1", "runner@example.com", "Test", "Runner", "F", "Aarhus"]],
        ),
        "general_preferences.csv": _csv_bytes(
            ["Date of Birth", "Weight", "Measurement Preference", "Date Preference"],
            [["", "60", "Metric", "mm/dd/YYYY"]],
        ),
        "media/0a1b2c3d-photo.jpg": JPEG_BYTES,
    }
    for name, data in (files or {}).items():
        is_gzip = data.startswith(GZIP_MAGIC)
        members[name] = gzip.compress(data) if name.endswith(".gz") and not is_gzip else data
    if as_zip:
        target = (
            folder if folder.suffix.lower() == ".zip" else folder.with_name(folder.name + ".zip")
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in members.items():
                archive.writestr(name, data)
        return target
    for name, data in members.items():
        member_path = folder / name
        member_path.parent.mkdir(parents=True, exist_ok=True)
        member_path.write_bytes(data)
    return folder


def _csv_bytes(header: list[str], rows: list[list[str]]) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return text.getvalue().encode()


def _utc(value: str | pd.Timestamp | dt.datetime) -> pd.Timestamp:
    """A UTC Timestamp; a naive value is taken as UTC."""
    stamp = pd.Timestamp(value)
    return stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
