"""Garmin Connect's full account export ("Export Your Data"): activity summaries and gear.

The export zip holds, under DI_CONNECT/DI-Connect-Fitness/ [docs/FORMATS.md §5.2]:
  <user>_<N>_summarizedActivities.json  [{"summarizedActivitiesExport": [{activityId, ...}]}]
  <user>_gear.json                      [{"gearDTOS": [...], "gearActivityDTOs": {...}}]
Every other JSON of the export (personal records, sleep, settings) is not an activity.

The summaries use other units than Garmin's web API, checked on a verbatim export record
(a 10.00 km treadmill run in 49:13.5: distance 1000000.0, duration 2953511.96, avgSpeed
0.3386):
  distance                      centimetres
  duration, elapsedDuration,    milliseconds; duration is the timer time, movingDuration
    movingDuration                leaves out the stops as well, elapsedDuration is the clock
  startTimeGmt, beginTimestamp  epoch milliseconds, UTC
  startTimeLocal                epoch milliseconds of the local wall time read as if UTC, so
                                Local - Gmt is the device's UTC offset
  elevationGain/Loss            centimetres in every export seen (a 6 km hike: 24100.0 for
                                241 m); decided per file by size (see _elevation_scale)
  avgSpeed                      tenths of m/s (cm/ms); not used: avg_speed_mps is
                                distance / moving time, as everywhere in runlog
  avgDoubleCadence              steps/min (both feet)
  avgRunCadence                 steps/min in some exports, one foot in others: decided by
                                each run's size (units.steps_per_min, the cadence policy)

Each summary becomes one Record with the export's own id, `garmin-<activityId>`, and the
export id `garmin:<activityId>` that other files of the export can link to. The gear file
gives shoes (bikes and other gear are left out) with the ids of the runs linked to them.
"""

from __future__ import annotations

import json
import math
from typing import Any, BinaryIO

import numpy as np
import pandas as pd

from analyzer import plausible
from analyzer.classify import sport_of, surface_of
from analyzer.errors import BadFile, FileErrorKind, NotAnActivity
from analyzer.importers.base import Imported, Problem, Record
from analyzer.units import FOOT_SPORTS, MAX_UTC_OFFSET_S, steps_per_min

FORMAT = "garmin_json"
# Traits (analyzer/importers/base.py): how merge and the loader treat this format.
MERGE_RANK = 4
LABELLED = True
EXPORT_INDEX_NAMES: tuple[str, ...] = ()
ID_PREFIX = "garmin-"

ACTIVITIES_KEY = "summarizedActivitiesExport"
GEAR_KEY = "gearDTOS"
GEAR_LINKS_KEY = "gearActivityDTOs"
# Keys that open a Garmin activity or gear export; gear.json may list its other keys first.
_SNIFF_KEYS: tuple[bytes, ...] = (
    b'"summarizedActivitiesExport"',
    b'"gearDTOS"',
    b'"gearActivityDTOs"',
)
_SNIFF_KEYS += (b'"gearActivityTypeDTOS"',)
_UTF8_BOM = b"\xef\xbb\xbf"

CM_PER_M = 100.0
MS_PER_S = 1000.0
OFFSET_STEP_S = 900  # time zones are whole quarter hours (+05:45 Nepal, +08:45 Eucla)

# Raw elevation gain per metre run, median over a file: at or above this the file is in
# centimetres (0.8 m of climb per km, the flattest of runs); below it, in metres (it would
# take 80 m of climb in every kilometre of the typical activity to pass it).
CENTIMETRE_CLIMB_RATIO = 0.08

NOT_GARMIN = "a JSON file that is not a Garmin activity or gear export"


def sniff(head: bytes) -> bool:
    """Whether these first bytes open a Garmin export's activity or gear JSON."""
    text = head.lstrip()
    if text.startswith(_UTF8_BOM):
        text = text[len(_UTF8_BOM) :].lstrip()
    if not text.startswith((b"[", b"{")):
        return False
    return any(key in text for key in _SNIFF_KEYS)


def read(stream: BinaryIO) -> Imported:
    """The activities of a summarizedActivities file, or the shoes of a gear file."""
    data = stream.read()
    payload, problems = _payload(data)
    blocks = [payload] if isinstance(payload, dict) else payload
    if not isinstance(blocks, list):
        raise NotAnActivity(NOT_GARMIN)
    blocks = [block for block in blocks if isinstance(block, dict)]
    has_activities = any(ACTIVITIES_KEY in block for block in blocks)
    has_gear = any(GEAR_KEY in block or GEAR_LINKS_KEY in block for block in blocks)
    if not (has_activities or has_gear):
        raise NotAnActivity(NOT_GARMIN)
    entries = [entry for block in blocks for entry in _list(block.get(ACTIVITIES_KEY))]
    records, skipped = _records(entries)
    if skipped:
        problems.append(
            Problem(
                f"left out {skipped:,} of {len(entries):,} activities that have no start time "
                "or are not activity entries"
            )
        )
    shoes = _shoes(blocks) if has_gear else []
    if has_activities and not records and not shoes:
        raise NotAnActivity("a Garmin activity export with no activities in it")
    if has_gear and not has_activities and not shoes:
        raise NotAnActivity("a Garmin gear list with no shoes in it (runlog reads only shoes)")
    return Imported(records=records, shoes=shoes, problems=problems)


def _payload(data: bytes) -> tuple[Any, list[Problem]]:
    """The parsed JSON, or what a cut-short activity file still holds, with a problem line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise BadFile(
            f"is not UTF-8 text, so not a Garmin JSON export ({err.reason})",
            FileErrorKind.NOT_THIS_FORMAT,
        ) from err
    try:
        return json.loads(text), []
    except RecursionError as err:  # "[[[[..." deeper than Python's parser goes
        raise BadFile(
            "is not a Garmin export: its JSON is nested thousands deep", FileErrorKind.BROKEN_JSON
        ) from err
    except json.JSONDecodeError as err:
        stripped = text.rstrip()
        if not stripped:
            raise BadFile(
                "is empty; a Garmin export JSON holds a list of activities", FileErrorKind.EMPTY
            ) from err
        is_cut_short = err.pos >= len(stripped) or err.msg.startswith("Unterminated string")
        if not is_cut_short:
            raise BadFile(
                f"is not valid JSON ({err.msg} at line {err.lineno} column {err.colno})",
                FileErrorKind.BROKEN_JSON,
            ) from err
        entries = _entries_before_damage(text)
        if not entries:
            raise BadFile(
                f"ends after {len(data):,} bytes in the middle of its JSON and nothing in it "
                "could be read; export or copy cut short?",
                FileErrorKind.TRUNCATED,
            ) from err
        problem = Problem(
            f"ends after {len(data):,} bytes in the middle of its JSON; kept the "
            f"{_count(len(entries), 'activity', 'activities')} before the cut, the rest of "
            "the file is unreadable; export or copy cut short?",
            FileErrorKind.TRUNCATED,
        )
        return [{ACTIVITIES_KEY: entries}], [problem]


def _entries_before_damage(text: str) -> list[dict]:
    """The whole activity entries of a cut-short summarizedActivities file, in order."""
    key_at = text.find(f'"{ACTIVITIES_KEY}"')
    start = text.find("[", key_at) if key_at >= 0 else -1
    if start < 0:
        return []
    decoder = json.JSONDecoder()
    entries: list[dict] = []
    position = start + 1
    while True:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        if position >= len(text) or text[position] == "]":
            return entries
        try:
            entry, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError:
            return entries
        if isinstance(entry, dict):
            entries.append(entry)


def _count(number: int, one: str, many: str) -> str:
    return f"{number:,} {one if number == 1 else many}"


def _list(value: object) -> list:
    return value if isinstance(value, list) else []


def _records(entries: list) -> tuple[list[Record], int]:
    """One Record per dated activity entry, and how many entries were left out."""
    usable = [entry for entry in entries if isinstance(entry, dict)]
    if not usable:
        return [], len(entries)
    frame = pd.DataFrame.from_records(usable)
    type_key = _column(frame, "activityType").map(_type_key)
    names = _column(frame, "name").map(_text)
    type_pairs = list(zip(type_key, _column(frame, "sportType").map(_text), strict=True))
    # Titles and types repeat ("Morning Run", running): classify each pair once.
    sport_by_pair = {pair: sport_of(*pair) for pair in set(type_pairs)}
    sport = [sport_by_pair[pair] for pair in type_pairs]
    surface_by_pair = {
        pair: surface_of(sub_sport=pair[0], words=(pair[1],))
        for pair in set(zip(type_key, names, strict=True))
    }
    gmt = _wall_times(_column(frame, "startTimeGmt"))
    gmt = gmt.fillna(_wall_times(_column(frame, "beginTimestamp")))
    local = _wall_times(_column(frame, "startTimeLocal"))
    offset_s = ((local - gmt).dt.total_seconds() / OFFSET_STEP_S).round() * OFFSET_STEP_S
    offset_s = offset_s.where(offset_s.abs() <= MAX_UTC_OFFSET_S)

    distance_m = _numbers(frame, "distance") / CM_PER_M
    timer_s = _numbers(frame, "duration") / MS_PER_S
    moving_s = (_numbers(frame, "movingDuration") / MS_PER_S).fillna(timer_s)
    ascent_raw = _numbers(frame, "elevationGain")
    elevation_scale = _elevation_scale(ascent_raw, distance_m)
    hr_bpm = _numbers(frame, "avgHr", "averageHR", "averageHr")
    lat_deg = _numbers(frame, "startLatitude")
    lon_deg = _numbers(frame, "startLongitude")
    has_gps = (
        lat_deg.between(-90, 90) & lon_deg.between(-180, 180) & ((lat_deg != 0) | (lon_deg != 0))
    )
    device = (
        _column(frame, "deviceName")
        .map(_text)
        .fillna(_column(frame, "manufacturer").map(_text).map(_manufacturer, na_action="ignore"))
        .fillna("Garmin Connect")
    )
    table = pd.DataFrame(
        {
            "start_time_utc": gmt.dt.tz_localize("UTC"),
            "sport": sport,
            "sub_sport": type_key,
            "surface": [surface_by_pair[pair] for pair in zip(type_key, names, strict=True)],
            "distance_m": distance_m,
            "elapsed_s": (_numbers(frame, "elapsedDuration") / MS_PER_S).fillna(timer_s),
            "moving_s": moving_s,
            "ascent_m": ascent_raw / elevation_scale,
            "descent_m": _numbers(frame, "elevationLoss") / elevation_scale,
            "avg_speed_mps": (distance_m / moving_s).where(moving_s > 0),
            "avg_cadence_spm": _cadence_spm(frame, pd.Series(sport, index=frame.index)),
            "avg_hr_bpm": hr_bpm.where(hr_bpm > 0),
            "name": names,
            "notes": _column(frame, "description").map(_text),
            "device": device,
            # No start position does not prove an indoor run (the export may leave it out).
            "has_gps": has_gps.map({True: True, False: None}).astype("object"),
            "start_lat_deg": lat_deg.where(has_gps),
            "start_lon_deg": lon_deg.where(has_gps),
        },
        index=frame.index,
    )
    dated = gmt.notna() | local.notna()
    records: list[Record] = []
    for fields, local_start, row_offset_s, garmin_id in zip(
        table[dated].to_dict("records"),
        local[dated],
        offset_s[dated],
        _column(frame, "activityId").map(_id_text)[dated],
        strict=True,
    ):
        if pd.isna(fields["start_time_utc"]):
            fields["start_time_local"] = local_start
        elif pd.notna(row_offset_s):
            fields["utc_offset_s"] = int(row_offset_s)
        if garmin_id:
            fields["activity_id"] = f"{ID_PREFIX}{garmin_id}"
            fields["export_ids"] = (f"garmin:{garmin_id}",)
        records.append(Record(fields=fields))
    return records, len(entries) - len(records)


def _column(frame: pd.DataFrame, name: str) -> pd.Series:
    if name in frame.columns:
        return frame[name]
    return pd.Series(None, index=frame.index, dtype="object")


def _numbers(frame: pd.DataFrame, *names: str) -> pd.Series:
    """The first of these columns that has a number, row by row, as float64 (NaN if none)."""
    result = pd.Series(np.nan, index=frame.index, dtype="float64")
    for name in names:
        if name in frame.columns:
            values = pd.to_numeric(frame[name], errors="coerce").astype("float64")
            result = result.fillna(values)
    return result


def _wall_times(values: pd.Series) -> pd.Series:
    """Naive timestamps from epoch milliseconds (or ISO text); NaT when absent or absurd."""
    numbers = pd.to_numeric(values, errors="coerce")
    times = pd.to_datetime(numbers, unit="ms", errors="coerce")
    texts = values.where(numbers.isna() & values.map(lambda value: isinstance(value, str)))
    if texts.notna().any():
        parsed = pd.to_datetime(texts, errors="coerce", format="ISO8601", utc=True)
        times = times.fillna(parsed.dt.tz_localize(None))
    times = pd.to_datetime(times).astype("datetime64[ns]")
    return times.where(times.dt.year.between(plausible.FIRST_YEAR, plausible.LAST_YEAR))


def _type_key(value: object) -> str | None:
    """activityType as its key: a plain string in the export, {"typeKey": ...} elsewhere."""
    if isinstance(value, dict):
        value = value.get("typeKey")
    text = _text(value)
    return text.lower() if text else None


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    stripped = value.strip()
    return stripped or None


def _manufacturer(name: str) -> str:
    # The export shouts the maker ("GARMIN"); a device column reads better as "Garmin".
    return name.title() if name.isupper() else name


def _id_text(value: object) -> str | None:
    """The activity id as digits: JSON may give 12345 or 12345.0; None when absent."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float):
        return str(int(value)) if math.isfinite(value) and value.is_integer() else None
    text = str(value).strip()
    return text or None


def _elevation_scale(ascent_raw: pd.Series, distance_m: pd.Series) -> float:
    """Raw elevation units per metre: 100 for centimetres (every export seen), 1 for metres.

    The typical climb per metre run decides: see CENTIMETRE_CLIMB_RATIO. A file with no
    activity that climbed over a kilometre or more keeps centimetres.
    """
    known = (ascent_raw > 0) & (distance_m >= 1000)
    if not known.any():
        return CM_PER_M
    ratio = float((ascent_raw[known] / distance_m[known]).median())
    return CM_PER_M if ratio >= CENTIMETRE_CLIMB_RATIO else 1.0


def _cadence_spm(frame: pd.DataFrame, sport: pd.Series) -> pd.Series:
    """Steps per minute for foot sports: avgDoubleCadence as given, else avgRunCadence in
    steps/min by each run's own size (units.steps_per_min); NaN for other sports."""
    double_spm = _numbers(frame, "avgDoubleCadence")
    run_cadence = _numbers(frame, "avgRunCadence", "averageRunCadence")
    run_spm = steps_per_min(run_cadence.where(run_cadence > 0), sport)
    result = double_spm.where(sport.isin(FOOT_SPORTS).to_numpy()).fillna(run_spm)
    return result.where(result > 0)


def _shoes(blocks: list[dict]) -> list[dict[str, Any]]:
    """One row of schema.SHOE_COLUMNS per shoe in the gear list, with its linked runs."""
    links = _links(blocks)
    shoes = []
    for gear in (item for block in blocks for item in _list(block.get(GEAR_KEY))):
        if not isinstance(gear, dict) or "shoe" not in str(gear.get("gearTypeName", "")).lower():
            continue
        names = [
            name
            for name in (_text(gear.get("displayName")), _text(gear.get("customMakeModel")))
            if name
        ]
        if not names:
            continue
        activity_ids: list[str] = []
        for key in (_id_text(gear.get("gearPk")), _text(gear.get("uuid"))):
            activity_ids += links.get(key, []) if key else []
        is_active = str(gear.get("gearStatusName", "")).strip().lower() == "active"
        limit_m = pd.to_numeric(gear.get("maximumMeters"), errors="coerce")
        shoes.append(
            {
                "athlete": None,
                "shoe": names[0],
                "aliases": tuple(name for name in dict.fromkeys(names[1:]) if name != names[0]),
                "start_date": _date(gear.get("dateBegin")),
                # An active shoe is not retired whatever its end date says.
                "retired_date": None if is_active else _date(gear.get("dateEnd")),
                "pre_used_km": math.nan,
                "limit_km": float(limit_m) / 1000
                if pd.notna(limit_m) and limit_m > 0
                else math.nan,
                "activity_ids": tuple(dict.fromkeys(activity_ids)),
                "is_default": False,
            }
        )
    return shoes


def _links(blocks: list[dict]) -> dict[str, list[str]]:
    """Gear key (gearPk or uuid, as text) -> ids `garmin-<activityId>` of its activities.

    The export keys gearActivityDTOs by gearPk; some tools write a list of {gearPk,
    activityId} items instead. Both shapes are read.
    """
    links: dict[str, list[str]] = {}
    for block in blocks:
        value = block.get(GEAR_LINKS_KEY)
        if isinstance(value, dict):
            pairs = [
                (str(key).strip(), item) for key, items in value.items() for item in _list(items)
            ]
        else:
            pairs = [
                (_id_text(item.get("gearPk")) or _text(item.get("uuid")) or "", item)
                for item in _list(value)
                if isinstance(item, dict)
            ]
        for key, item in pairs:
            activity_id = _id_text(item.get("activityId")) if isinstance(item, dict) else None
            if key and activity_id:
                links.setdefault(key, []).append(f"{ID_PREFIX}{activity_id}")
    return links


def _date(value: object) -> Any:
    """A datetime.date from epoch milliseconds or ISO text ("2024-03-01T00:00:00.0"), or None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        stamp = pd.to_datetime(value, unit="ms", errors="coerce")
    else:
        stamp = pd.to_datetime(str(value).strip()[:10], errors="coerce", format="%Y-%m-%d")
    if pd.isna(stamp) or not plausible.is_plausible_year(stamp.year):
        return None
    return stamp.date()
