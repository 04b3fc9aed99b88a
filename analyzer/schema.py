"""The tables as published: each column's name, dtype, unit, bounds and meaning.

docs/DESIGN.md#the-tables says what the tables are for; this module is the authority on
their columns. The activities, notes and findings tables leave the package in three ways,
and `published` holds each to its schema at every one: `analyzer.load` (the notebook's log)
and `analyzer.check`, `runlog import -o FILE` (CSV or Parquet) and the Parquet datasets of
`runlog import -o OUT/`. A published table has exactly its schema's columns, in order and
dtype (the working columns an import needs on its way, such as a source's local wall time,
never leak), empty text as missing, and every value within its column's bounds. A value
past them is a bug in runlog, not in a file (plausible.checked keeps what no body or device
gives out of every import): SchemaViolation says which.

`read_csv` reads a table runlog wrote as CSV back with the values it had (see
report/literal.spreadsheet_cell for the one character CSV adds, and why).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import numpy as np
import pandas as pd

from analyzer import plausible
from analyzer.classify import SPORTS, SURFACES
from analyzer.importers import importers

DATE = "date"  # a column of datetime.date (a calendar day without a time); object in pandas


@dataclass(frozen=True)
class Column:
    """One column of a published table."""

    dtype: str  # a pandas dtype, or DATE
    meaning: str
    unit: str = ""  # the unit its name ends in ("m" for distance_m); "" for none
    low: float | None = None  # the bounds every value lies within (None: unbounded)
    high: float | None = None
    values: tuple[str, ...] = ()  # the only values a text column holds (empty: any text)


ACTIVITY_COLUMNS: dict[str, Column] = {
    "activity_id": Column(
        "string", "stable id: content hash of the source, or the export's own id"
    ),
    "athlete": Column("string", "athlete name (folder name, CSV column, or profile)"),
    "source_path": Column("string", "the file (or archive.zip!member) the row came from"),
    "source_format": Column(
        "string", "the importer that read it: fit, gpx, tcx, csv, strava_csv ... (FORMAT)"
    ),
    "start_time_utc": Column("datetime64[ns, UTC]", "start of the activity, UTC", "UTC"),
    "timezone": Column("string", "IANA name or fixed offset (+02:00) used for local_date"),
    "local_date": Column(DATE, "the runner's own calendar day of the start"),
    "sport": Column("string", "what kind of activity it was", values=SPORTS),
    "sub_sport": Column("string", "as the source says: generic, trail, treadmill, street ..."),
    "surface": Column("string", "what it was run on", values=SURFACES),
    "distance_m": Column("float64", "total distance", "m", 0.0, plausible.MAX_DISTANCE_M),
    "elapsed_s": Column(
        "float64", "wall-clock duration, pauses included", "s", 0.0, plausible.MAX_DURATION_S
    ),
    "moving_s": Column(
        "float64", "duration without pauses and stops", "s", 0.0, plausible.MAX_DURATION_S
    ),
    "ascent_m": Column(
        "float64", "total ascent (NaN: no altitude)", "m", 0.0, plausible.MAX_CLIMB_M
    ),
    "descent_m": Column(
        "float64", "total descent (NaN: no altitude)", "m", 0.0, plausible.MAX_CLIMB_M
    ),
    "avg_speed_mps": Column(
        "float64", "distance / moving time", "m/s", 0.0, plausible.MAX_SPEED_MPS
    ),
    "avg_cadence_spm": Column(
        "float64", "running cadence, both feet", "steps/min", 0.0, plausible.MAX_CADENCE_SPM
    ),
    "cadence_is_derived": Column(
        "boolean",
        "True: avg_cadence_spm is total steps / moving time; False: the device recorded it;"
        " missing: no cadence, or the source does not say",
    ),
    "avg_hr_bpm": Column("float64", "average heart rate", "bpm", 0.0, plausible.MAX_HR_BPM),
    "shoe": Column("string", "gear name, or empty"),
    "name": Column("string", "the activity's title"),
    "notes": Column("string", "free-text notes: description, private note"),
    "device": Column("string", "creator device or app"),
    "has_gps": Column("boolean", "the source holds GPS positions"),
    "start_lat_deg": Column("float64", "latitude of the first GPS point", "degrees", -90, 90),
    "start_lon_deg": Column("float64", "longitude of the first GPS point", "degrees", -180, 180),
}

SAMPLE_COLUMNS: dict[str, Column] = {
    "activity_id": Column("string", "the run the sample belongs to"),
    "time_utc": Column("datetime64[ns, UTC]", "sample time, UTC", "UTC"),
    "lat_deg": Column("float64", "latitude", "degrees", -90, 90),
    "lon_deg": Column("float64", "longitude", "degrees", -180, 180),
    "altitude_m": Column(
        "float64", "altitude", "m", plausible.MIN_ALTITUDE_M, plausible.MAX_ALTITUDE_M
    ),
    "distance_m": Column("float64", "cumulative distance", "m"),
    "speed_mps": Column("float64", "speed", "m/s"),
    "cadence_spm": Column(
        "float64",
        "cadence, both feet (NaN for other sports)",
        "steps/min",
        0.0,
        plausible.MAX_CADENCE_SPM,
    ),
    "hr_bpm": Column("float64", "heart rate", "bpm", 0.0, plausible.MAX_HR_BPM),
}

NOTE_COLUMNS: dict[str, Column] = {
    "athlete": Column("string", "athlete name"),
    "local_date": Column(DATE, "the runner's calendar day the note is about"),
    "text": Column("string", "the note as written"),
    "source": Column("string", "where it was written: activity notes, journal file ..."),
    "activity_id": Column("string", "the activity the note belongs to, or empty"),
}

FINDING_COLUMNS: dict[str, Column] = {
    "athlete": Column("string", "athlete name"),
    "rule": Column("string", "the rule's slug (weekly-mileage-jump ...)"),
    "code": Column("string", "the rule's code (RL101 ...)"),
    "severity": Column("string", "how much it matters", values=("info", "warning", "high")),
    "date": Column(DATE, "the local day the runner could have been told"),
    "period_start": Column(DATE, "the first day of what it judged"),
    "period_end": Column(DATE, "the last day of what it judged"),
    "message": Column("string", "what happened, with the numbers, and what to do"),
    "evidence": Column(
        "object", "the numbers behind it by name, with their unit (JSON text in the datasets)"
    ),
    "activity_ids": Column("object", "the activities it is about (tuple of ids)"),
    "related": Column(
        "object", "for a knee-pain note: the findings of the days before it (JSON in datasets)"
    ),
}

SHOE_COLUMNS: dict[str, Column] = {
    "athlete": Column("string", "athlete name, or empty for every athlete"),
    "shoe": Column("string", "the shoe's name as activities carry it"),
    "aliases": Column("object", "other names that mean this shoe (tuple of str)"),
    "start_date": Column("object", "first day in use (datetime.date) or None"),
    "retired_date": Column("object", "retired on (datetime.date) or None"),
    "pre_used_km": Column("float64", "distance on the shoe before the log starts", "km"),
    "limit_km": Column("float64", "replace at this distance (NaN: the rule's default)", "km"),
    "activity_ids": Column("object", "ids of activities the export links to this shoe (tuple)"),
    "is_default": Column("boolean", "runs with no shoe count on this one"),
}

# Which sports count as running toward mileage, cadence and rest days.
RUNNING_SPORT = "running"
# What a column spec may be: a Column, or (dtype, meaning) as analyzer/weekly.py declares.
Spec = Column | tuple[str, str]


class SchemaViolation(RuntimeError):
    """A published table that breaks its schema: a bug in runlog (the message says where)."""


def dtype_of(spec: Spec) -> str:
    """The pandas dtype of a column spec (object for a DATE column)."""
    dtype = spec.dtype if isinstance(spec, Column) else spec[0]
    return "object" if dtype == DATE else dtype


def empty_frame(columns: Mapping[str, Spec]) -> pd.DataFrame:
    """An empty DataFrame with the table's columns and dtypes."""
    return pd.DataFrame({name: pd.Series(dtype=dtype_of(spec)) for name, spec in columns.items()})


def conform(frame: pd.DataFrame, columns: Mapping[str, Spec]) -> pd.DataFrame:
    """The frame with every canonical column, in order and dtype; extra columns kept after
    (the working columns of an import on its way: see `published` for what leaves)."""
    result = frame.copy()
    for name, spec in columns.items():
        dtype = dtype_of(spec)
        if name not in result.columns:
            result[name] = pd.Series(dtype=dtype, index=result.index)
        elif isinstance(spec, Column) and spec.dtype == DATE:
            result[name] = _as_dates(result[name])
        elif dtype != "object" and str(result[name].dtype) != dtype:
            result[name] = _as_dtype(result[name], dtype)
    extras = [column for column in result.columns if column not in columns]
    return result[list(columns) + extras]


def published(frame: pd.DataFrame, columns: Mapping[str, Column]) -> pd.DataFrame:
    """The table as it leaves the package: exactly its schema's columns, in order and dtype,
    empty or blank text as missing; SchemaViolation when a value breaks its column's bounds
    or values."""
    table = conform(frame, columns)[list(columns)]
    for name, column in columns.items():
        values = table[name]
        if column.dtype == "string":
            values = values.mask(values.str.strip().eq("").fillna(False))
            table[name] = values
        known = _allowed(name, column)
        if known:
            unknown = values.dropna()[~values.dropna().isin(known)]
            if len(unknown):
                raise SchemaViolation(
                    f"{name} holds {unknown.iloc[0]!r}, not one of {', '.join(known)}"
                )
        if column.low is not None or column.high is not None:
            numbers = values.to_numpy(dtype=float, na_value=np.nan)
            low = -np.inf if column.low is None else column.low
            high = np.inf if column.high is None else column.high
            outside = ~np.isnan(numbers) & ~((numbers >= low) & (numbers <= high))
            if outside.any():
                raise SchemaViolation(
                    f"{name} holds {numbers[outside][0]!r} {column.unit}, outside {low:g}-{high:g}"
                )
    return table


def read_csv(source: str | Path | IO[str], columns: Mapping[str, Column]) -> pd.DataFrame:
    """A table runlog wrote as CSV, with the values and dtypes it had: text read as text
    (an id of digits keeps its zeros), times and days as such, and the `'` that marks text a
    spreadsheet would run as a formula taken off again (report/literal.spreadsheet_cell)."""
    text_columns = [name for name, column in columns.items() if column.dtype == "string"]
    frame = pd.read_csv(source, dtype=dict.fromkeys(text_columns, "string"))
    for name in text_columns:
        if name in frame.columns:
            frame[name] = frame[name].str.replace(r"^'", "", regex=True)
    return published(frame, columns)


@functools.cache
def _formats() -> tuple[str, ...]:
    return tuple(sorted(importer.FORMAT for importer in importers()))


def _allowed(name: str, column: Column) -> tuple[str, ...]:
    """The values a text column holds: its own list; for source_format, the importers'."""
    return _formats() if name == "source_format" else column.values


def _as_dates(column: pd.Series) -> pd.Series:
    """A column of calendar days (datetime.date, None when missing), from dates, times or
    ISO text; a column of dates already is returned as it is."""
    present = column.dropna()
    if present.empty or all(type(value) is dt.date for value in present):
        return column.astype(object).where(column.notna(), None)
    days = pd.to_datetime(column, errors="coerce", format="ISO8601")
    return pd.Series(
        [value.date() if pd.notna(value) else None for value in days],
        index=column.index,
        dtype=object,
    )


def _as_dtype(column: pd.Series, dtype: str) -> pd.Series:
    """The column in `dtype`; a naive or untyped time column bound for UTC (all NaT when a
    source had only local times) is read as UTC."""
    if dtype.startswith("datetime64") and "UTC" in dtype:
        return pd.to_datetime(column, utc=True, format="ISO8601").astype(dtype)
    return column.astype(dtype)


__all__ = [
    "ACTIVITY_COLUMNS",
    "DATE",
    "FINDING_COLUMNS",
    "NOTE_COLUMNS",
    "RUNNING_SPORT",
    "SAMPLE_COLUMNS",
    "SHOE_COLUMNS",
    "Column",
    "SchemaViolation",
    "conform",
    "dtype_of",
    "empty_frame",
    "published",
    "read_csv",
]
