"""The time zone and local calendar day of each activity.

Order of trust [docs/FORMATS.md §1.6, §7.3]: the device's own offset (FIT local_timestamp −
timestamp), then the time zone at the first GPS point (offline lookup), then an offset merely
written in the timestamps (GPX/TCX `+02:00`), then the athlete profile's time zone, then this
computer's.
Days and weeks are never taken from UTC: a 06:00 run in Sydney is on the previous UTC day.
"""

from __future__ import annotations

import functools
import logging
import math
from pathlib import Path

import numpy as np
import pandas as pd

from analyzer.units import MAX_UTC_OFFSET_S

log = logging.getLogger(__name__)


def offset_name(offset_s: float) -> str:
    """A fixed offset as written in ISO 8601: +02:00, -07:00, +05:30."""
    sign = "-" if offset_s < 0 else "+"
    minutes = round(abs(offset_s) / 60)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _offset_seconds(name: str) -> int | None:
    if len(name) == 6 and name[0] in "+-" and name[3] == ":":
        seconds = int(name[1:3]) * 3600 + int(name[4:6]) * 60
        return -seconds if name[0] == "-" else seconds
    return None


@functools.cache
def _finder():
    from timezonefinder import TimezoneFinder  # 0.2 s to load its data

    return TimezoneFinder()


@functools.cache
def zone_at(lat_deg: float, lon_deg: float) -> str | None:
    """The IANA time zone at a point, or None at sea or on bad coordinates."""
    if not (-90 <= lat_deg <= 90 and -180 <= lon_deg <= 180) or (lat_deg == 0 and lon_deg == 0):
        return None
    try:
        return _finder().timezone_at(lat=lat_deg, lng=lon_deg)
    except ValueError:
        return None


@functools.cache
def computer_zone(tz_setting: str | None = None) -> str:
    """This computer's time zone name, the last resort when nothing else says (UTC if unknown):
    the TZ setting (analyzer/settings.py) when it names a zone, else /etc/localtime's."""
    name = (tz_setting or "").lstrip(":")
    if name and "/" in name:
        return name
    try:
        target = Path("/etc/localtime").resolve()
        if "zoneinfo" in target.parts:
            return "/".join(target.parts[target.parts.index("zoneinfo") + 1 :])
    except OSError:
        pass
    return "UTC"


def resolve_local_time(
    activities: pd.DataFrame,
    zone_by_athlete: dict[str, str | None],
    tz_setting: str | None = None,
) -> pd.DataFrame:
    """The activities with timezone, local_date and local_start filled, and start_time_utc too.

    Rows that only had local wall time (start_time_local) get their UTC start from the zone
    chosen for them. `zone_by_athlete` maps an athlete (or "" for everyone) to the profile's
    time zone; `tz_setting` is the environment's TZ (the last resort: this computer's zone).
    """
    frame = activities.copy()
    last_resort = computer_zone(tz_setting)
    count = len(frame)
    column = frame.get
    start_utc = pd.to_datetime(
        column("start_time_utc", pd.Series(pd.NaT, index=frame.index)), utc=True
    )
    start_local = pd.to_datetime(column("start_time_local", pd.Series(pd.NaT, index=frame.index)))
    device_offset_s = pd.to_numeric(column("utc_offset_s", pd.Series(np.nan, index=frame.index)))
    stated_offset_s = pd.to_numeric(
        column("stated_utc_offset_s", pd.Series(np.nan, index=frame.index))
    )
    lat_deg = pd.to_numeric(column("start_lat_deg", pd.Series(np.nan, index=frame.index)))
    lon_deg = pd.to_numeric(column("start_lon_deg", pd.Series(np.nan, index=frame.index)))
    athletes = column("athlete", pd.Series("", index=frame.index)).fillna("")

    # Plain arrays for the loop: Series.iat costs ~10 us a cell, five cells a row.
    device_offsets_s, stated_offsets_s = device_offset_s.to_numpy(), stated_offset_s.to_numpy()
    lats_deg, lons_deg, names = lat_deg.to_numpy(), lon_deg.to_numpy(), athletes.to_numpy()
    zones: list[str] = []
    for position in range(count):
        zones.append(
            _zone_for(
                device_offsets_s[position],
                lats_deg[position],
                lons_deg[position],
                stated_offsets_s[position],
                zone_by_athlete.get(str(names[position])) or zone_by_athlete.get("") or last_resort,
            )
        )
    zone_series = pd.Series(zones, index=frame.index, dtype="string")
    local_start = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    start_utc = start_utc.astype("datetime64[ns, UTC]")
    for zone, rows in zone_series.groupby(zone_series, sort=False).groups.items():
        utc_part = start_utc.loc[rows]
        local_part = start_local.loc[rows]
        has_utc = utc_part.notna()
        offset_s = _offset_seconds(zone)
        if offset_s is not None:
            shift = pd.Timedelta(seconds=offset_s)
            converted_local = utc_part.dt.tz_localize(None) + shift
            converted_utc = (local_part - shift).dt.tz_localize("UTC")
        else:
            converted_local = utc_part.dt.tz_convert(zone).dt.tz_localize(None)
            converted_utc = local_part.dt.tz_localize(
                zone, ambiguous=True, nonexistent="shift_forward"
            ).dt.tz_convert("UTC")
        local_start.loc[rows] = converted_local.where(has_utc, local_part).to_numpy()
        start_utc.loc[rows] = utc_part.where(has_utc, converted_utc)
    frame["start_time_utc"] = start_utc
    frame["timezone"] = zone_series
    frame["local_start"] = local_start
    frame["local_date"] = _dates(local_start)
    return frame


def _dates(times: pd.Series) -> np.ndarray:
    """The calendar day of each time (None when missing), one date object per distinct day:
    a club's log of a million runs has ten thousand days."""
    codes, days = pd.factorize(times.dt.normalize())
    dates = np.array([*(day.date() for day in days), None], dtype=object)
    return dates[codes]  # a missing time's code is -1: the None at the end


def _zone_for(
    device_offset_s: float,
    lat_deg: float,
    lon_deg: float,
    stated_offset_s: float,
    fallback_zone: str,
) -> str:
    if _sane_offset(device_offset_s):
        return offset_name(device_offset_s)
    if not (math.isnan(lat_deg) or math.isnan(lon_deg)):
        zone = zone_at(round(lat_deg, 3), round(lon_deg, 3))
        if zone:
            return zone
    if _sane_offset(stated_offset_s):
        return offset_name(stated_offset_s)
    return fallback_zone


def _sane_offset(offset_s: float) -> bool:
    return not math.isnan(offset_s) and abs(offset_s) <= MAX_UTC_OFFSET_S
