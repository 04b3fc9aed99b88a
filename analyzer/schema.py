"""The canonical tables (docs/DESIGN.md#the-tables): column, dtype, meaning; units in the names."""

import pandas as pd

# column: (dtype, meaning)
ACTIVITY_COLUMNS: dict[str, tuple[str, str]] = {
    "activity_id": ("string", "stable id: content hash of the source, or the export's own id"),
    "athlete": ("string", "athlete name (folder name, CSV column, or profile)"),
    "source_path": ("string", "the file (or archive member) the row came from"),
    "source_format": ("string", "fit, gpx, tcx, csv, strava_csv, garmin_csv, garmin_json"),
    "start_time_utc": ("datetime64[ns, UTC]", "start of the activity, UTC"),
    "timezone": ("string", "IANA name or fixed offset (+02:00) used for local_date"),
    "local_date": ("object", "the runner's own calendar day of the start (datetime.date)"),
    "sport": ("string", "running, walking, hiking, cycling, swimming, other"),
    "sub_sport": ("string", "as the source says: generic, trail, treadmill, street, track ..."),
    "surface": ("string", "road, trail, track, treadmill, grass, sand, unknown"),
    "distance_m": ("float64", "total distance, metres"),
    "elapsed_s": ("float64", "wall-clock duration, pauses included, seconds"),
    "moving_s": ("float64", "duration without pauses and stops, seconds"),
    "ascent_m": ("float64", "total ascent, metres"),
    "descent_m": ("float64", "total descent, metres"),
    "avg_speed_mps": ("float64", "distance / moving time, metres per second"),
    "avg_cadence_spm": ("float64", "running cadence, steps per minute, both feet"),
    "cadence_is_derived": ("boolean", "avg_cadence_spm is total steps / moving time, not recorded"),
    "avg_hr_bpm": ("float64", "average heart rate, beats per minute"),
    "shoe": ("string", "gear name, or empty"),
    "name": ("string", "the activity's title"),
    "notes": ("string", "free-text notes: description, private note"),
    "device": ("string", "creator device or app"),
    "has_gps": ("boolean", "the source holds GPS positions"),
    "start_lat_deg": ("float64", "latitude of the first GPS point, degrees"),
    "start_lon_deg": ("float64", "longitude of the first GPS point, degrees"),
}

SAMPLE_COLUMNS: dict[str, tuple[str, str]] = {
    "activity_id": ("string", "the run the sample belongs to"),
    "time_utc": ("datetime64[ns, UTC]", "sample time, UTC"),
    "lat_deg": ("float64", "latitude, degrees"),
    "lon_deg": ("float64", "longitude, degrees"),
    "altitude_m": ("float64", "altitude, metres"),
    "distance_m": ("float64", "cumulative distance, metres"),
    "speed_mps": ("float64", "speed, metres per second"),
    "cadence_spm": ("float64", "cadence, steps per minute, both feet"),
    "hr_bpm": ("float64", "heart rate, beats per minute"),
}

NOTE_COLUMNS: dict[str, tuple[str, str]] = {
    "athlete": ("string", "athlete name"),
    "local_date": ("object", "the runner's calendar day the note is about (datetime.date)"),
    "text": ("string", "the note as written"),
    "source": ("string", "where it was written: activity notes, journal file ..."),
    "activity_id": ("string", "the activity the note belongs to, or empty"),
}

SHOE_COLUMNS: dict[str, tuple[str, str]] = {
    "athlete": ("string", "athlete name, or empty for every athlete"),
    "shoe": ("string", "the shoe's name as activities carry it"),
    "aliases": ("object", "other names that mean this shoe (tuple of str)"),
    "start_date": ("object", "first day in use (datetime.date) or None"),
    "retired_date": ("object", "retired on (datetime.date) or None"),
    "pre_used_km": ("float64", "distance on the shoe before the log starts, km"),
    "limit_km": ("float64", "replace at this distance, km (NaN: the rule's default)"),
    "activity_ids": ("object", "ids of activities the export links to this shoe (tuple)"),
    "is_default": ("boolean", "runs with no shoe count on this one"),
}

# Which sports count as running toward mileage, cadence and rest days.
RUNNING_SPORT = "running"


def empty_frame(columns: dict[str, tuple[str, str]]) -> pd.DataFrame:
    """An empty DataFrame with the table's columns and dtypes."""
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, (dtype, _) in columns.items()})


def conform(frame: pd.DataFrame, columns: dict[str, tuple[str, str]]) -> pd.DataFrame:
    """The frame with every canonical column, in order and dtype; extra columns kept after."""
    result = frame.copy()
    for name, (dtype, _) in columns.items():
        if name not in result.columns:
            result[name] = pd.Series(dtype=dtype, index=result.index)
        elif dtype != "object" and str(result[name].dtype) != dtype:
            result[name] = _as_dtype(result[name], dtype)
    extras = [column for column in result.columns if column not in columns]
    return result[list(columns) + extras]


def _as_dtype(column: pd.Series, dtype: str) -> pd.Series:
    """The column in `dtype`; a naive or untyped time column bound for UTC (all NaT when a
    source had only local times) is read as UTC."""
    if dtype.startswith("datetime64") and "UTC" in dtype:
        return pd.to_datetime(column, utc=True).astype(dtype)
    return column.astype(dtype)
