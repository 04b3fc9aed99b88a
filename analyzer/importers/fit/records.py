"""Records as a table in canonical units, and which session owns each record.

Semicircles become degrees, `enhanced_*` fields come before the legacy ones, and records
sharing a timestamp merge. Times stay FIT seconds here; clock.py turns them into times.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from analyzer.importers.fit.decode import RECORD_FIELDS, Content
from analyzer.importers.fit.values import FIT_TIME_LIMIT_S, as_number

DEGREES_PER_SEMICIRCLE = 180 / 2**31

# Records as float columns of one length: as decoded (record_fields: RECORD_FIELDS), or in
# canonical units (record_table: time_s in FIT seconds, lat_deg, lon_deg, altitude_m,
# distance_m, speed_mps, raw_cadence as written, hr_bpm).
Columns = dict[str, np.ndarray]


def record_fields(content: Content) -> Columns:
    """The record fields (RECORD_FIELDS) as float columns, times in FIT seconds."""
    if content.fields is not None:
        return content.fields
    matrix = _float_matrix(content.rows)
    return {name: matrix[:, index] for index, name in enumerate(RECORD_FIELDS)}


def record_table(fields: Columns) -> Columns:
    """Records as float columns in canonical units, in the file's order.

    time_s stays in FIT seconds. The Strava app writes GPS and distance in separate records
    with the same timestamp [docs/FORMATS.md §1.9]: such rows, one after the other, merge,
    the first value of each column winning. Records whose times step back are kept in the
    file's order: _track.record_of measures them in the order whose path is plausible.
    """
    times_s = fields["timestamp"]
    # A FIT time is a uint32; anything else is a garbled field, not a moment.
    is_time = (times_s >= 0) & (times_s < FIT_TIME_LIMIT_S)
    if not is_time.all():
        fields = rows_of(fields, is_time)
    lat_deg = fields["position_lat"] * DEGREES_PER_SEMICIRCLE
    lon_deg = fields["position_long"] * DEGREES_PER_SEMICIRCLE
    # No fix: out of range, or exactly (0, 0) as some devices write before the first fix.
    no_fix = ~((np.abs(lat_deg) <= 90) & (np.abs(lon_deg) <= 180)) | (
        (lat_deg == 0) & (lon_deg == 0)
    )
    lat_deg[no_fix] = np.nan
    lon_deg[no_fix] = np.nan
    table = {
        "time_s": fields["timestamp"].copy(),
        "lat_deg": lat_deg,
        "lon_deg": lon_deg,
        "altitude_m": _first_known(fields["enhanced_altitude"], fields["altitude"]),
        "distance_m": fields["distance"].copy(),
        "speed_mps": _first_known(fields["enhanced_speed"], fields["speed"]),
        # FIT record.cadence counts one foot (or a crank's rpm); fractional_cadence is its
        # fraction. Doubling waits until the sport is known.
        "raw_cadence": fields["cadence"] + np.nan_to_num(fields["fractional_cadence"]),
        "hr_bpm": fields["heart_rate"].copy(),
    }
    # Numpy throughout: a pandas frame a file costs more than the rest of its reading.
    is_repeat = np.diff(table["time_s"]) == 0
    if is_repeat.any():
        return _repeats_merged(table, is_repeat)
    return table


def _repeats_merged(table: Columns, is_repeat: np.ndarray) -> Columns:
    """Rows whose time is the row before's merged into one row per time: in each column the
    first value that is not NaN (NaN when none is)."""
    group = np.concatenate([[0], np.cumsum(~is_repeat)])
    merged: Columns = {}
    for name, values in table.items():
        known = ~np.isnan(values)
        groups = group[known]
        first = np.ones(len(groups), dtype=bool)
        first[1:] = groups[1:] != groups[:-1]
        merged[name] = np.full(int(group[-1]) + 1, np.nan)
        merged[name][groups[first]] = values[known][first]
    return merged


def rows_of(table: Columns, chosen: np.ndarray) -> Columns:
    """The records `chosen` (a boolean mask) of a table."""
    return {name: values[chosen] for name, values in table.items()}


def _float_matrix(rows: list[list[Any]]) -> np.ndarray:
    """Rows as a float64 matrix, NaN for None; tuples and odd values cleaned on the slow path."""
    if not rows:
        return np.empty((0, len(RECORD_FIELDS)))
    try:
        return np.array(rows, dtype=np.float64)
    except (TypeError, ValueError):
        return np.array([[as_number(value) for value in row] for row in rows], dtype=np.float64)


def _first_known(preferred: np.ndarray, fallback: np.ndarray) -> np.ndarray:
    return np.where(np.isnan(preferred), fallback, preferred)


def owners(times_s: np.ndarray, sorted_starts_s: np.ndarray) -> np.ndarray:
    """For each record, the position (in start order) of the session it belongs to.

    A session owns the records from its start to the next session's start: the same as
    its [start_time, timestamp] window in a sound file, and still sensible in files whose
    session end is wrong (an Edge export ending a session at its own start).
    """
    return np.searchsorted(sorted_starts_s[1:], times_s, side="right")
