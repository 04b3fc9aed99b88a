"""Epson's sectioned CSV: the per-run export of Epson's running watches (Epson View, NeoRun).

Not one table but named sections, each run a `[[Training]]` block ending at `[[end]]` (an
Epson View file may open with `[[EpsonView]]` and hold several runs) [docs/FORMATS.md §6]:

  [TrainingResult]   `TrainingName,<title>` and `Memo,<note>` (the rest of the line, commas
                     and all), then a header row and a row: StartDay (2014/12/19), StartTime
                     (16:35:29, local wall time), TrainingTime (timer seconds; pauses left
                     out) and TrainingTimeCentisecond, Distance (m), TimeZoneOffset (minutes
                     east of UTC), DaylightSavingsTime, EndDay and EndTime (wall clock).
  [TrainingData]     a header row and a row: PitchAve (steps/min), PulseAve (bpm), Steps,
                     TotalAscentAltitude and TotalDescentAltitude (m), ...
  [GraphData]        `LogInterval,<s>`, then one line per series, a value every LogInterval
                     seconds of timer time: GraphAltitude (m), GraphSpeed (m/h), GraphPitch
                     (steps/min), GraphDistance (cumulative m), HeartRate (bpm), ...
  [GPSData]          one series per key, values split by `;` and wrapped over lines: GpsTime
                     (h:m:s of timer time), GpsLatitude and GpsLongitude (millionths of a
                     degree), ...
  [LapData]          a header row (LapNo, LapTime s, LapDistance m, ...) and a row per lap.
  [TrainingSettingData]  the watch: ModelType (E209), firmware, the runner's settings.

Samples run on the timer's clock (the file does not say when it paused): a sample every
LogInterval seconds from the start, a GPS position where a fix was taken that second. A
watch's series may be a value or two longer than its timer time, and its GPS track shorter
than its graphs (Runalyze issue 1575): each series is kept at its own length. The start is
local wall time; the watch's own offset from UTC is trusted when it says daylight saving
time is off (the file does not say how it counts daylight saving time otherwise: the GPS
position or the profile's time zone then decides).
"""

from __future__ import annotations

import csv
import io
import math
import re
from typing import BinaryIO

import numpy as np
import pandas as pd

from analyzer import plausible
from analyzer.classify import sport_of
from analyzer.errors import BadFile, FileErrorKind, NotAnActivity
from analyzer.importers import csv_common as common
from analyzer.importers._track import Track, lap, record_of, track_points
from analyzer.importers.base import Imported, Problem, Record
from analyzer.units import MAX_UTC_OFFSET_S

FORMAT = "epson_csv"
# Traits (analyzer/importers/base.py): how merge and the loader treat this format.
MERGE_RANK = 3  # a watch's own file with samples, after FIT, TCX and GPX
LABELLED = False
EXPORT_INDEX_NAMES: tuple[str, ...] = ()
ID_PREFIX = ""
DEVICE = "Epson"

_OPENINGS = ("[[EpsonView]]", "[[Training]]")
_BLOCK = re.compile(r"^\[\[Training\]\]\s*$(.*?)(?=^\[\[(?:end|Training)\]\]\s*$|\Z)", re.M | re.S)
_SECTION = re.compile(r"^\[(\w+)\]\s*$", re.M)
_MICRODEGREES = 1e-6
_METRES_PER_HOUR = 1 / 3600  # GraphSpeed is m/h: 10,844 is 10.8 km/h


def sniff(head: bytes) -> bool:
    """Whether the first bytes open an Epson training file: `[[EpsonView]]` or `[[Training]]`."""
    text = common.decode(head, is_head=True).lstrip()
    return text.startswith(_OPENINGS)


def read(stream: BinaryIO) -> Imported:
    """One record per `[[Training]]` block, with its samples."""
    text = common.decode(stream.read())
    if not text.strip():
        raise BadFile("is empty", FileErrorKind.EMPTY)
    matches = list(_BLOCK.finditer(text))
    if not matches:
        raise NotAnActivity("holds no [[Training]] block: an Epson file without a run")
    records, problems = [], []
    for number, match in enumerate(matches, start=1):
        label = f"run {number} of {len(matches)}: " if len(matches) > 1 else ""
        try:
            record = _record(_sections(match.group(1)))
        except BadFile as err:
            if len(matches) == 1:
                raise
            problems.append(Problem(f"{label}{err}", FileErrorKind.READ_IN_PART))
            continue
        records.append(record)
        if match.end() == len(text):  # no [[end]] after the block: the file stops inside it
            samples = 0 if record.samples is None else len(record.samples)
            problems.append(
                Problem(
                    f"{label}ends inside its last run, before [[end]] (cut short?); kept its "
                    f"totals and the {samples:,} samples read before the cut",
                    FileErrorKind.TRUNCATED,
                )
            )
    return Imported(records=records, problems=problems)


def _sections(block: str) -> dict[str, list[str]]:
    """Each section's lines (stripped, blank ones left out) by its name."""
    parts = _SECTION.split(block)
    sections: dict[str, list[str]] = {}
    for name, body in zip(parts[1::2], parts[2::2], strict=True):
        sections[name] = [line.strip() for line in body.splitlines() if line.strip()]
    return sections


def _header_row(lines: list[str]) -> dict[str, str]:
    """The row under a header row, by the header's names (a row of another width: empty)."""
    rows = list(csv.reader(io.StringIO("\n".join(lines[:2]))))
    if len(rows) < 2 or len(rows[0]) != len(rows[1]):
        return {}
    return {name.strip(): value.strip() for name, value in zip(rows[0], rows[1], strict=True)}


def _table(lines: list[str]) -> list[dict[str, str]]:
    rows = list(csv.reader(io.StringIO("\n".join(lines))))
    if not rows:
        return []
    header = [name.strip() for name in rows[0]]
    return [dict(zip(header, (value.strip() for value in row), strict=False)) for row in rows[1:]]


def _result(lines: list[str]) -> tuple[dict[str, str], str | None, str | None]:
    """The TrainingResult row, and the title and memo written above it."""
    title = memo = None
    for position, line in enumerate(lines):
        key, _, rest = line.partition(",")
        if key == "TrainingName":
            title = rest.strip() or None
        elif key == "Memo":
            memo = rest.strip() or None
        elif key == "TrainingKindId" or "StartDay" in line.split(","):
            return _header_row(lines[position:]), title, memo
    return {}, title, memo


def _series(lines: list[str]) -> dict[str, list[str]]:
    """GraphData lines: a key and its values, comma-separated, one line each."""
    series = {}
    for line in lines:
        key, *values = line.split(",")
        series[key.strip()] = values
    return series


def _gps_series(lines: list[str]) -> dict[str, list[str]]:
    """GPSData: a key, a comma, values split by `;`; lines without a comma continue the last."""
    texts: dict[str, str] = {}
    key = None
    for line in lines:
        head, comma, rest = line.partition(",")
        if comma and not head[:1].isdigit():
            key = head.strip()
            texts[key] = rest
        elif key is not None:
            texts[key] += line
    return {
        name: [value for value in text.split(";") if value.strip()] for name, text in texts.items()
    }


def _number(value: str | None) -> float:
    try:
        number = float(value) if value not in (None, "") else math.nan
    except ValueError:
        return math.nan
    return number if math.isfinite(number) else math.nan


def _numbers(values: list[str] | None) -> np.ndarray:
    if not values:
        return np.zeros(0)
    return pd.to_numeric(pd.Series(values, dtype="string").str.strip(), errors="coerce").to_numpy(
        dtype="float64", na_value=np.nan
    )


def _start(result: dict[str, str]) -> pd.Timestamp:
    """The local wall time the run started; BadFile when the file gives none."""
    text = f"{result.get('StartDay', '')} {result.get('StartTime', '')}".strip()
    start = pd.to_datetime(text, format="%Y/%m/%d %H:%M:%S", errors="coerce")
    if pd.isna(start):
        raise BadFile(
            f"has no readable start (StartDay and StartTime: {text!r}); expected 2014/12/19 "
            "16:35:29",
            FileErrorKind.UNREADABLE_DATE,
        )
    if not plausible.FIRST_YEAR <= start.year <= plausible.LAST_YEAR:
        raise BadFile(
            f"starts in {start.year}, outside the years {plausible.FIRST_YEAR}-"
            f"{plausible.LAST_YEAR} runs are dated in: the watch's clock was not set?",
            FileErrorKind.IMPLAUSIBLE,
        )
    return start


def _record(sections: dict[str, list[str]]) -> Record:
    """One run's record: its totals and samples as a Track (_track.record_of)."""
    result, title, memo = _result(sections.get("TrainingResult", []))
    if not result:
        raise BadFile(
            "has no [TrainingResult] row (StartDay, StartTime, TrainingTime, Distance)",
            FileErrorKind.NOT_THIS_FORMAT,
        )
    start = _start(result)
    data = _header_row(sections.get("TrainingData", []))
    settings = _header_row(sections.get("TrainingSettingData", []))
    timer_s = _number(result.get("TrainingTime"))
    timer_s += (_number(result.get("TrainingTimeCentisecond")) or 0.0) / 100
    end_text = f"{result.get('EndDay', '')} {result.get('EndTime', '')}"
    end = pd.to_datetime(end_text, format="%Y/%m/%d %H:%M:%S", errors="coerce")
    elapsed_s = (end - start).total_seconds() if pd.notna(end) else math.nan
    sport = sport_of(title, memo)
    offset_minutes = _number(result.get("TimeZoneOffset"))
    is_standard_time = _number(result.get("DaylightSavingsTime")) == 0
    track = Track(
        points=_points(
            _series(sections.get("GraphData", [])),
            _gps_series(sections.get("GPSData", [])),
            start,
        ),
        laps=(
            lap(
                start_time_utc=start.tz_localize("UTC"),  # wall time, as if UTC
                elapsed_s=elapsed_s,
                moving_s=timer_s,
                distance_m=_number(result.get("Distance")),
                ascent_m=_number(data.get("TotalAscentAltitude")),
                descent_m=_number(data.get("TotalDescentAltitude")),
                avg_hr_bpm=_number(data.get("PulseAve")),
                # PitchAve counts both feet; the cadence policy checks it by its size
                avg_written_cadence=_number(data.get("PitchAve")),
            ),
        ),
        # Epson's running watches record runs unless the title or memo says otherwise
        sport=sport if sport != "other" else "running",
        name=title,
        notes=memo,
        device=f"{DEVICE} {settings['ModelType']}" if settings.get("ModelType") else DEVICE,
        start_time_utc=start.tz_localize("UTC"),
        is_wall_time=True,
        utc_offset_s=int(offset_minutes * 60)
        if is_standard_time and abs(offset_minutes * 60) <= MAX_UTC_OFFSET_S
        else None,
    )
    record, _ = record_of(track)  # samples on the timer's clock never step back
    return record


def _points(
    graph: dict[str, list[str]], gps: dict[str, list[str]], start: pd.Timestamp
) -> pd.DataFrame:
    """A point every LogInterval seconds of timer time from the start, positions where a fix
    was taken. Times are the start's wall time plus the timer's seconds, as if UTC (the
    Record contract for a source that knows only local time); the first point is the start."""
    interval_s = _number((graph.get("LogInterval") or [""])[0]) or 1.0
    series = {
        name: _numbers(graph.get(key))
        for name, key in (
            ("altitude_m", "GraphAltitude"),
            ("speed_mps", "GraphSpeed"),
            ("written_cadence", "GraphPitch"),
            ("distance_m", "GraphDistance"),
            ("hr_bpm", "HeartRate"),
        )
    }
    fix_s = np.array([_clock_s(text) for text in gps.get("GpsTime", [])], dtype="float64")
    lat_deg = _numbers(gps.get("GpsLatitude")) * _MICRODEGREES
    lon_deg = _numbers(gps.get("GpsLongitude")) * _MICRODEGREES
    fixes = min(len(fix_s), len(lat_deg), len(lon_deg))
    count = max([len(values) for values in series.values()] + [0])
    if fixes and not np.isnan(fix_s[:fixes]).all():
        count = max(count, int(np.nanmax(fix_s[:fixes]) // interval_s) + 1)
    columns = {name: _padded(values, count) for name, values in series.items()}
    columns["speed_mps"] = columns["speed_mps"] * _METRES_PER_HOUR
    columns["lat_deg"], columns["lon_deg"] = np.full(count, np.nan), np.full(count, np.nan)
    if fixes:
        slot = np.round(fix_s[:fixes] / interval_s)
        usable = ~np.isnan(slot) & (slot >= 0) & (slot < count)
        slot = slot[usable].astype(np.int64)
        placed_lat, placed_lon = plausible.positions(
            lat_deg[:fixes][usable], lon_deg[:fixes][usable]
        )
        columns["lat_deg"][slot] = placed_lat
        columns["lon_deg"][slot] = placed_lon
    offsets = pd.to_timedelta(np.arange(count) * interval_s, unit="s")
    times = pd.DatetimeIndex(start + offsets).tz_localize("UTC").as_unit("ns")
    return track_points(count, time_utc=times, **columns)


def _padded(values: np.ndarray, count: int) -> np.ndarray:
    padded = np.full(count, np.nan)
    padded[: min(len(values), count)] = values[:count]
    return padded


def _clock_s(text: str) -> float:
    """Seconds of an 'h:m:s' timer reading ('1:17:28' -> 4648); NaN when it is none."""
    parts = text.strip().split(":")
    if len(parts) != 3:
        return math.nan
    try:
        hours, minutes, seconds = (float(part) for part in parts)
    except ValueError:
        return math.nan
    return hours * 3600 + minutes * 60 + seconds
