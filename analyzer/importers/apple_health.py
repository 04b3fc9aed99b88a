"""Apple Health's export (`export.zip` -> `apple_health_export/export.xml`): the workouts.

The export is one XML file, often of a gigabyte, with every health sample the phone and watch
ever took (`Record`), the workouts (`Workout`) and daily summaries [docs/FORMATS.md §6]:

    <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="5.19" durationUnit="min"
             totalDistance="0.497" totalDistanceUnit="mi" sourceName="Apple Watch"
             startDate="2016-11-14 07:25:41 -0700" endDate="2016-11-14 07:30:52 -0700">
      <MetadataEntry key="HKTimeZone" value="America/Los_Angeles"/>
      <MetadataEntry key="HKIndoorWorkout" value="1"/>
      <WorkoutStatistics type="HKQuantityTypeIdentifierDistanceWalkingRunning" sum="0.8" unit="km"/>
      <WorkoutRoute ...><FileReference path="/workout-routes/route_2016-11-14_7.25am.gpx"/>
      </WorkoutRoute>
    </Workout>

- Workouts and step records are found by pattern, each workout then read as XML: parsing a
  gigabyte of health samples as one XML document would take minutes.
- Each Workout becomes one Record. Its sport comes from `workoutActivityType`. Its totals come
  from the attributes, or from WorkoutStatistics, where iOS 16 and later moved them.
- The dates carry an offset, but the offset may be the zone of the phone at export time. So
  the workout's own `HKTimeZone` gives the local day when it is there. Otherwise the written
  offset counts as stated, which a GPS fix can override.
- `HKIndoorWorkout` = 1 is a treadmill run.
- The route's GPX in `workout-routes/` is linked to its workout, so the two count as one run:
  the GPX gives the samples and the workout gives the sport.
- Apple records no cadence per workout. It is the watch's step count over the workout divided
  by its duration: the StepCount records from the workout's own source (phone and watch both
  count steps, and adding both would count steps twice).
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from typing import Any, BinaryIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
import pandas as pd
from lxml import etree

from analyzer import plausible
from analyzer.classify import sport_of, surface_of
from analyzer.errors import BadFile, FileErrorKind, NotAnActivity
from analyzer.importers._xml import raise_if_out_of_memory
from analyzer.importers.base import Imported, Problem, Record
from analyzer.units import METRES_PER_FOOT, METRES_PER_MILE

FORMAT = "apple_health"
# Traits (analyzer/importers/base.py): how merge and the loader treat this format.
MERGE_RANK = 5
LABELLED = True
EXPORT_INDEX_NAMES: tuple[str, ...] = ("export.xml",)
ID_PREFIX = ""

_WORKOUT_PREFIX = "HKWorkoutActivityType"
_STEP_COUNT = "HKQuantityTypeIdentifierStepCount"
_DISTANCES = (
    "HKQuantityTypeIdentifierDistanceWalkingRunning",
    "HKQuantityTypeIdentifierDistanceCycling",
    "HKQuantityTypeIdentifierDistanceSwimming",
)
_HEART_RATE = "HKQuantityTypeIdentifierHeartRate"
_DATE_FORMAT = "%Y-%m-%d %H:%M:%S %z"
_METRES_PER = {
    "m": 1.0,
    "km": 1000.0,
    "mi": METRES_PER_MILE,
    "ft": METRES_PER_FOOT,
    "yd": 0.9144,
    "cm": 0.01,
}
_SECONDS_PER = {"s": 1.0, "sec": 1.0, "min": 60.0, "hr": 3600.0, "h": 3600.0}
_MIN_CADENCE_SPM, _MAX_CADENCE_SPM = 60.0, 260.0  # outside: the step records do not fit
# The export is found by pattern rather than parsed whole: a gigabyte of Records would take a
# minute to parse as XML. Workouts (a few thousand) are then each parsed as XML.
_WORKOUT = re.compile(rb"<Workout\b[^>]*/>|<Workout\b.*?</Workout>", re.DOTALL)
_STEP_RECORD = re.compile(rb'<Record\b[^>]*?\btype="' + _STEP_COUNT.encode() + rb'"[^>]*>')
_STEP_FAST = re.compile(
    rb'<Record type="' + _STEP_COUNT.encode() + rb'" sourceName="([^"]*)"[^>]*? '
    rb'startDate="([^"]*)" endDate="([^"]*)" value="([^"]*)"'
)
_ATTRIBUTE = re.compile(rb'\b(sourceName|startDate|endDate|value)="([^"]*)"')
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def sniff(head: bytes) -> bool:
    """Whether these first bytes open an Apple Health export."""
    return b"<HealthData" in head or b"<!DOCTYPE HealthData" in head


def read(stream: BinaryIO) -> Imported:
    """One Record per workout in the export."""
    data = stream.read()
    problems: list[Problem] = []
    workouts: list[dict[str, Any]] = []
    for match in _WORKOUT.finditer(data):
        try:
            workouts.append(_workout(etree.fromstring(match.group(), _PARSER)))
        except etree.XMLSyntaxError as err:
            raise_if_out_of_memory(err)
            problems.append(
                Problem(
                    f"has a damaged workout at byte {match.start():,} ({err.msg})",
                    FileErrorKind.BROKEN_XML,
                )
            )
    if not data.rstrip().endswith(b"</HealthData>"):
        count = f"{len(workouts):,} workout{'' if len(workouts) == 1 else 's'}"
        problems.append(
            Problem(
                f"ends before its last line (cut short?); kept the {count} read before",
                FileErrorKind.TRUNCATED,
            )
        )
    if not workouts:
        if problems:
            last = problems[-1]
            raise BadFile(f"{last.reason.split(';')[0]}; no workout could be read", last.kind)
        raise NotAnActivity("an Apple Health export without workouts")
    _add_cadences(workouts, _step_tables(data))
    records = [Record(fields=_fields(workout)) for workout in workouts]
    return Imported(records=records, problems=problems)


def _workout(element: etree._Element) -> dict[str, Any]:
    """The parts of a Workout element runlog uses, as plain values."""
    workout: dict[str, Any] = dict(element.attrib)
    workout["metadata"] = {
        child.get("key"): child.get("value") for child in element.iter("MetadataEntry")
    }
    workout["statistics"] = {
        child.get("type"): dict(child.attrib) for child in element.iter("WorkoutStatistics")
    }
    references = [child.get("path") for child in element.iter("FileReference")]
    workout["route"] = next((path for path in references if path), None)
    return workout


def _fields(workout: dict[str, Any]) -> dict[str, Any]:
    start = _instant(workout.get("startDate"))
    end = _instant(workout.get("endDate"))
    start_utc = pd.NaT if start is None else pd.Timestamp(start).tz_convert("UTC")
    kind = str(workout.get("workoutActivityType") or "").removeprefix(_WORKOUT_PREFIX)
    sport = sport_of(kind)  # Running, Walking, Hiking, Cycling, Swimming; others are "other"
    metadata = workout["metadata"]
    is_indoor = str(metadata.get("HKIndoorWorkout", "")).strip() == "1"
    moving_s = _duration_s(workout.get("duration"), workout.get("durationUnit"))
    elapsed_s = (end - start).total_seconds() if start and end else math.nan
    distance_m = _distance_m(workout)
    device_offset_s, stated_offset_s = _offsets(start, metadata.get("HKTimeZone"))
    heart_rate = workout["statistics"].get(_HEART_RATE, {})
    fields: dict[str, Any] = {
        "start_time_utc": start_utc,
        "utc_offset_s": device_offset_s,
        "stated_utc_offset_s": stated_offset_s,
        "sport": sport,
        "sub_sport": "indoor" if is_indoor else None,
        "surface": surface_of(is_indoor=is_indoor),
        "distance_m": distance_m,
        "moving_s": moving_s if math.isfinite(moving_s) else elapsed_s,
        "elapsed_s": elapsed_s if math.isfinite(elapsed_s) else moving_s,
        "ascent_m": _length_m(metadata.get("HKElevationAscended")),
        "avg_hr_bpm": _number(heart_rate.get("average")),
        "avg_cadence_spm": workout.get("cadence_spm", math.nan),
        "cadence_is_derived": True if "cadence_spm" in workout else None,  # from step records
        "name": _title(kind),
        "device": workout.get("sourceName"),
        "has_gps": False if is_indoor else None,  # outdoors, the route GPX says
    }
    if workout["route"]:
        fields["linked_file"] = str(workout["route"]).lstrip("/")
    if distance_m and moving_s and math.isfinite(distance_m) and moving_s > 0:
        fields["avg_speed_mps"] = distance_m / moving_s
    return fields


def _instant(text: object) -> dt.datetime | None:
    """A date as Apple writes it, or None when it is not one (or not of this era)."""
    try:
        instant = dt.datetime.strptime(str(text).strip(), _DATE_FORMAT)
    except ValueError:
        return None
    return instant if plausible.is_plausible_year(instant.year) else None


def _offsets(start: dt.datetime | None, zone_name: str | None) -> tuple[float, float]:
    """(the offset of the workout's own time zone at its start, the offset written in its
    date); NaN where unknown."""
    if start is None:
        return math.nan, math.nan
    stated = start.utcoffset()
    stated_s = stated.total_seconds() if stated is not None else math.nan
    if zone_name:
        try:
            offset = start.astimezone(ZoneInfo(zone_name.strip())).utcoffset()
            return (offset.total_seconds() if offset is not None else math.nan), stated_s
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return math.nan, stated_s


def _distance_m(workout: dict[str, Any]) -> float:
    total = _number(workout.get("totalDistance"))
    unit = str(workout.get("totalDistanceUnit") or "").strip()
    if math.isfinite(total) and unit in _METRES_PER:
        return total * _METRES_PER[unit]
    for kind in _DISTANCES:  # iOS 16 and later
        statistic = workout["statistics"].get(kind)
        if statistic:
            value = _number(statistic.get("sum"))
            unit = str(statistic.get("unit") or "").strip()
            if math.isfinite(value) and unit in _METRES_PER:
                return value * _METRES_PER[unit]
    return math.nan


def _duration_s(value: object, unit: object) -> float:
    number = _number(value)
    factor = _SECONDS_PER.get(str(unit or "min").strip())
    return number * factor if factor and math.isfinite(number) else math.nan


def _length_m(text: object) -> float:
    """'4500 cm', '45 m', '148 ft' in metres."""
    parts = str(text or "").split()
    if len(parts) != 2 or parts[1] not in _METRES_PER:
        return math.nan
    return _number(parts[0]) * _METRES_PER[parts[1]]


def _number(value: object) -> float:
    try:
        return float(str(value).strip())
    except ValueError:
        return math.nan


def _title(kind: str) -> str:
    """'TraditionalStrengthTraining' as 'Traditional strength training'."""
    words = "".join(f" {char}" if char.isupper() else char for char in kind).split()
    return " ".join(words).capitalize() if words else "Workout"


def _step_tables(data: bytes) -> dict[str, np.ndarray]:
    """Each source's step records as rows of (start, end) in UTC nanoseconds and steps, by
    start."""
    found = _STEP_FAST.findall(data)  # the order Apple writes attributes in
    if not found:  # another writer's order: one record at a time
        found = [_step_attributes(match.group()) for match in _STEP_RECORD.finditer(data)]
    steps: dict[bytes, list[tuple[bytes, bytes, bytes]]] = {}
    for source, start, end, value in found:
        steps.setdefault(source, []).append((start, end, value))
    tables = {}
    for source, rows in steps.items():
        starts, ends, values = zip(*rows, strict=True)
        count = pd.to_numeric(
            pd.Series(values).str.decode("ascii", errors="replace"), errors="coerce"
        )
        table = np.column_stack([_utc_ns(starts), _utc_ns(ends), count.to_numpy(dtype=float)])
        table = table[np.isfinite(table).all(axis=1)]
        name = html.unescape(source.decode("utf-8", "replace"))
        tables[name] = table[np.argsort(table[:, 0], kind="stable")]
    return tables


def _step_attributes(record: bytes) -> tuple[bytes, bytes, bytes, bytes]:
    attributes = dict(_ATTRIBUTE.findall(record))
    keys = (b"sourceName", b"startDate", b"endDate", b"value")
    return tuple(attributes.get(key, b"") for key in keys)


_LAYOUT = np.frombuffer(b"0000-00-00 00:00:00 +0000", np.uint8)  # Apple's; 0: any digit
_DIGITS = np.equal(_LAYOUT, ord("0"))
_FILLER = np.frombuffer(b"1970-01-01 00:00:00", np.uint8)  # in place of an unreadable date
_SEPARATORS = ~_DIGITS & (np.arange(len(_LAYOUT)) != 20)  # position 20 is the offset's sign


def _utc_ns(dates: tuple[bytes, ...]) -> np.ndarray:
    """Apple's dates ('2026-03-04 06:10:00 +0100') as UTC nanoseconds (NaN where unreadable):
    by their fixed layout, as a date-time parser takes seconds for a million of them."""
    texts = np.array(dates, dtype=f"S{len(_LAYOUT)}")
    chars = texts.view(np.uint8).reshape(-1, len(_LAYOUT))
    fixed = (
        (np.char.str_len(texts) == len(_LAYOUT))
        & ((chars[:, _DIGITS] >= ord("0")) & (chars[:, _DIGITS] <= ord("9"))).all(axis=1)
        & (chars[:, _SEPARATORS] == _LAYOUT[_SEPARATORS]).all(axis=1)
        & np.isin(chars[:, 20], (ord("+"), ord("-")))
    )
    iso = np.where(fixed[:, None], chars[:, :19], _FILLER)
    iso[:, 10] = ord("T")
    try:
        local = np.ascontiguousarray(iso).view("S19").ravel().astype("datetime64[s]")
    except ValueError:  # a month, day or hour out of range: the slow parser for all
        fixed[:] = False
        local = np.zeros(len(dates), "datetime64[s]")
    digit = chars[:, 21:25].astype(np.int64) - ord("0")
    sign = np.where(chars[:, 20] == ord("-"), -1, 1)
    offset_s = sign * (digit @ np.array([36_000, 3600, 600, 60]))
    utc = (local - offset_s.astype("timedelta64[s]")).astype("datetime64[ns]")
    result = np.where(fixed, utc.astype(np.int64).astype(float), np.nan)
    if not fixed.all():  # another layout: the slow parser, for those only
        others = [date.decode("ascii", "replace") for date in np.array(dates, object)[~fixed]]
        result[~fixed] = [_any_date_ns(text) for text in others]
    year = chars[:, :4].astype(np.int64) - ord("0")
    year = year @ np.array([1000, 100, 10, 1])
    result[fixed & ((year < plausible.FIRST_YEAR) | (year > plausible.LAST_YEAR))] = np.nan
    return result


def _any_date_ns(text: str) -> float:
    """A date in another layout (ISO 8601 and the like) as UTC nanoseconds, else NaN."""
    try:
        instant = pd.Timestamp(text)
    except (ValueError, OverflowError):
        return math.nan
    if instant is pd.NaT or not plausible.is_plausible_year(instant.year):
        return math.nan
    if instant.tzinfo is None:
        return math.nan  # no offset: not a moment runlog can place
    return float(instant.tz_convert("UTC").as_unit("ns").value)


def _add_cadences(workouts: list[dict[str, Any]], steps: dict[str, np.ndarray]) -> None:
    """Each workout's cadence: its source's steps over the workout (a record partly inside
    counts in proportion), per minute of its duration."""
    longest_ns = {
        source: float((table[:, 1] - table[:, 0]).max(initial=0.0))  # its longest record
        for source, table in steps.items()
    }
    for workout in workouts:
        source = workout.get("sourceName") or ""
        table = steps.get(source)
        start, end = _instant(workout.get("startDate")), _instant(workout.get("endDate"))
        minutes = _duration_s(workout.get("duration"), workout.get("durationUnit")) / 60
        if table is None or not len(table) or start is None or end is None or not minutes > 0:
            continue
        start_ns, end_ns = pd.Timestamp(start).value, pd.Timestamp(end).value
        # only the records that start before the workout ends and end after it starts
        first, last = np.searchsorted(
            table[:, 0], [start_ns - longest_ns[source], end_ns], side="right"
        )
        record_start, record_end, count = (
            table[first:last, 0],
            table[first:last, 1],
            table[first:last, 2],
        )
        span_ns = record_end - record_start
        overlap_ns = np.clip(
            np.minimum(record_end, end_ns) - np.maximum(record_start, start_ns), 0, None
        )
        instant_inside = (record_start >= start_ns) & (record_start <= end_ns)
        share = np.where(
            span_ns > 0, overlap_ns / np.where(span_ns > 0, span_ns, 1), instant_inside
        )
        cadence_spm = float((count * share).sum()) / minutes
        if _MIN_CADENCE_SPM <= cadence_spm <= _MAX_CADENCE_SPM:
            workout["cadence_spm"] = cadence_spm
