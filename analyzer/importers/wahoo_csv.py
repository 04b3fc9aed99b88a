"""The Wahoo Fitness app's workout CSV: one workout in several stacked tables.

The file is not one table [runalyze__Wahoo.csv]: a `Device` line, a line of the local start
(`Year,2016,Month,10,...`, wall time with no zone), comments, a sensor table, the `workout`
summary, `interval` rows, then one row per second of samples. runlog reads the summary:
  - runningtime is time in motion (moving_s); runningtime + pausedtime is elapsed_s.
  - gpsdist is the distance (metres); without GPS, the foot pod's stridedist, then the
    wheel's, then a manual entry.
  - cadavg is steps/min for both feet from a foot pod (166.7 on a run); under 120 on a run
    it counts one foot and is doubled.
  - The sport is not written. A foot pod says running; bike sensors (speed, cadence, power)
    without one say cycling; with neither, the average speed decides as in gpx.py.
The first GPS fix of the samples gives the start position, for the time-zone lookup. The
samples themselves are not kept: the summary carries every total runlog uses.
"""

from __future__ import annotations

from typing import BinaryIO

import numpy as np
import pandas as pd

from analyzer.classify import surface_of
from analyzer.errors import BadFile
from analyzer.importers import csv_common as common
from analyzer.importers._track import sport_by_speed
from analyzer.importers.base import Imported, Record
from analyzer.units import steps_per_min

FORMAT = "wahoo_csv"
# Traits (analyzer/importers/base.py): how merge and the loader treat this format.
MERGE_RANK = 9
LABELLED = False
EXPORT_INDEX_NAMES: tuple[str, ...] = ()
ID_PREFIX = ""
DEVICE = "Wahoo Fitness"
_BIKE_SENSORS = ("spd", "cad", "pwr")
_DISTANCE_KEYS = ("gpsdist", "stridedist", "wheeldist", "manualdist")  # in order of trust
_SECTIONS = frozenset({"sensor", "workout", "interval", "time"})


def sniff(head: bytes) -> bool:
    """Whether the first bytes open a Wahoo Fitness workout CSV."""
    text = common.decode(head, is_head=True).lstrip()
    return text.startswith("Device,") and "\nworkout,starttime,runningtime" in text.replace(
        "\r\n", "\n"
    )


def read(stream: BinaryIO) -> Imported:
    """The one workout of the Wahoo CSV in `stream`."""
    rows = common.rows_of(common.decode(stream.read()))
    sections = _sections(rows)
    start = _start_local(rows)
    summary = _table(sections, "workout")
    if start is None or summary is None or summary.empty:
        raise BadFile("is a Wahoo CSV without its start time or workout summary; export it again")
    workout = summary.iloc[0]
    moving_s = _value(workout, "runningtime")
    paused_s = _value(workout, "pausedtime")
    distance_m = next(
        (
            value
            for value in (
                _value(workout, key) for key in ("gpsdist", "stridedist", "wheeldist", "manualdist")
            )
            if value > 0
        ),
        np.nan,
    )
    sensors = _sensors(_table(sections, "sensor"))
    speed_mps = distance_m / moving_s if moving_s > 0 else np.nan
    sport = _sport(sensors, speed_mps)
    cadence_spm = _value(workout, "cadavg")
    cadence_spm = steps_per_min(cadence_spm, sport) if cadence_spm > 0 else np.nan
    hr_bpm = _value(workout, "hravg")
    latitude_deg, longitude_deg = _first_fix(_table(sections, "time"))
    has_gps = bool(sensors.get("gps")) and not np.isnan(latitude_deg)
    fields = {
        "start_time_utc": pd.NaT,
        "start_time_local": start,
        "sport": sport,
        "sub_sport": None,
        "surface": surface_of(has_gps=has_gps),
        "distance_m": float(distance_m),
        "elapsed_s": moving_s + (paused_s if paused_s > 0 else 0.0),
        "moving_s": moving_s,
        "avg_speed_mps": speed_mps,
        "avg_cadence_spm": cadence_spm,
        "avg_hr_bpm": hr_bpm if hr_bpm > 0 else np.nan,
        "device": _device(rows),
        "has_gps": has_gps,
        "start_lat_deg": latitude_deg,
        "start_lon_deg": longitude_deg,
    }
    return Imported(records=[Record(fields=fields)])


def _sections(rows: list[list[str]]) -> dict[str, list[list[str]]]:
    """Each block's header row and data rows, by the header's first cell (sensor, workout ...).

    Blocks follow each other with or without a blank line between them.
    """
    sections: dict[str, list[list[str]]] = {}
    current: list[list[str]] | None = None
    for row in rows:
        first = row[0].strip().lower() if row else ""
        if first in _SECTIONS:
            current = sections.setdefault(first, [])
        elif not any(cell.strip() for cell in row):
            continue
        if current is not None:
            current.append(row)
    return sections


def _table(sections: dict[str, list[list[str]]], key: str) -> pd.DataFrame | None:
    block = sections.get(key)
    if not block:
        return None
    header = [cell.strip().lower() for cell in block[0]]
    body = [row[: len(header)] + [""] * (len(header) - len(row)) for row in block[1:]]
    frame = pd.DataFrame(body, columns=header)
    return frame.loc[:, ~frame.columns.duplicated()]


def _value(row: pd.Series, key: str) -> float:
    try:
        return float(row.get(key, "nan") or "nan")
    except ValueError:
        return float("nan")


def _start_local(rows: list[list[str]]) -> pd.Timestamp | None:
    """The local start from the line 'Year,2016,Month,10,Day,7,Hour,17,Minute,24,Second,2'."""
    line = next((row for row in rows[:10] if row and row[0].strip() == "Year"), None)
    if line is None:
        return None
    cells = [cell.strip() for cell in line]
    parts = dict(zip(cells[0::2], cells[1::2], strict=False))
    try:
        return pd.Timestamp(
            year=int(parts["Year"]),
            month=int(parts["Month"]),
            day=int(parts["Day"]),
            hour=int(parts.get("Hour", 0)),
            minute=int(parts.get("Minute", 0)),
            second=int(float(parts.get("Second", 0))),
        )
    except (KeyError, ValueError):
        return None


def _sensors(table: pd.DataFrame | None) -> dict[str, bool]:
    if table is None or "present" not in table.columns:
        return {}
    return dict(
        zip(table["sensor"].str.strip(), table["present"].str.strip() == "yes", strict=True)
    )


def _sport(sensors: dict[str, bool], speed_mps: float) -> str:
    if sensors.get("footpod"):
        return "running"
    if any(sensors.get(name) for name in _BIKE_SENSORS):
        return "cycling"
    sport = sport_by_speed(speed_mps)  # as for any track no word names
    return "running" if sport == "other" else sport


def _first_fix(samples: pd.DataFrame | None) -> tuple[float, float]:
    """Latitude and longitude of the first sample with a GPS fix (0, 0 means none yet)."""
    if samples is None or "gps_lat" not in samples.columns:
        return np.nan, np.nan
    latitude = pd.to_numeric(samples["gps_lat"], errors="coerce")
    longitude = pd.to_numeric(samples["gps_lon"], errors="coerce")
    fixed = (latitude != 0) & (longitude != 0) & latitude.notna() & longitude.notna()
    if not fixed.any():
        return np.nan, np.nan
    first = fixed.idxmax()
    return float(latitude[first]), float(longitude[first])


def _device(rows: list[list[str]]) -> str:
    """'Wahoo Fitness iPhone App' from the comment line, else plain Wahoo Fitness."""
    for row in rows[:10]:
        line = ",".join(row).strip()
        if line.startswith("File created by "):
            return line.removeprefix("File created by ").rstrip(".")
    return DEVICE
