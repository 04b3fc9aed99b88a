"""What a runner could have run and what a file can hold: the limits every import is held to.

A value past these limits is a unit mixed up, a sensor's junk, a clock never set or a slip of
the keyboard, never a run. Every importer's result passes through `checked` (reading.parse
runs it), which drops such a value from its activity with a problem naming the file's value,
and keeps once a record written twice in one file. The track formats repair what is clearly
repairable where they read their points (out-of-order points are sorted, a position with one
coordinate is no position), with these same limits. No value past them reaches a rule or a
chart.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from analyzer.errors import FileErrorKind
from analyzer.importers.base import Imported, Problem, Record
from analyzer.units import FOOT_SPORTS

# A watch, a phone or a person dates a run within these years. Outside them a clock was never
# set (1970-01-01 is the Unix epoch), a spreadsheet counted from its zero day (1900), or the
# value is junk; pandas itself cannot hold a time before 1677 or after 2262.
FIRST_YEAR, LAST_YEAR = 1980, 2099
# A runner's own log (a table or journal they keep by hand) may go back further: an old
# training diary typed up. Only a spreadsheet's zero day (1899-12-30, "1900-01-00") is junk.
FIRST_HAND_YEAR = 1901
# A note longer than this is no note (three pages, about 1,500 words): a paste gone wrong, a
# file's contents in a cell. Reading a note for knee pain costs time with its length (10 MB on
# one line of a journal took 24 s), so a longer one is cut here, once, with a notice.
MAX_NOTE_CHARS = 10_000
# A runner's day may be a day ahead of this computer's (Tokyo and New York); past that, a run
# dated after today is a clock set wrong (a watch that lost its date), left out when loaded.
MAX_DAYS_AHEAD = 1
FIRST_TIME_UTC = pd.Timestamp(f"{FIRST_YEAR}-01-01", tz="UTC")
END_TIME_UTC = pd.Timestamp(f"{LAST_YEAR + 1}-01-01", tz="UTC")  # the first instant past them

# Faster than anyone runs or walks, even for a moment: 12.4 m/s is Bolt's peak in his 9.58 s
# 100 m (Berlin 2009); a whole activity's average is far below it.
MAX_FOOT_SPEED_MPS = 12.5
MAX_SPEED_MPS = 70.0  # any other sport: the speed-skiing record is 69.4 m/s (254.958 km/h, 2016)
# Longer than any one recorded outing on foot: the six-day record is 1,036.8 km (Kouros 2005).
MAX_FOOT_DISTANCE_M = 1_200_000.0
MAX_DISTANCE_M = 10_000_000.0  # any other sport, and a TCX lap: a quarter round the Earth
MAX_DURATION_S = 7 * 86_400.0  # a week: longer than a watch records one activity
MAX_CADENCE_SPM = 300.0  # steps/min: past a sprinter's (about 280 at top speed)
MAX_HR_BPM = 250.0  # 0xFF (255) is a sensor's 'invalid'; 0 its 'no reading'
MAX_CLIMB_M = 30_000.0  # ascent or descent in one activity: three times Everest from sea level
MIN_ALTITUDE_M = -500.0  # the Dead Sea's shore is 430 m below sea level
MAX_ALTITUDE_M = 9_000.0  # Everest is 8,849 m
MAX_WRITTEN_CADENCE = 254.0  # the GPX and TCX schemas' limit for cad and RunCadence
# Moving time may pass elapsed time by rounding and by how apps count pauses, not by more.
MOVING_OVER_ELAPSED_RATIO, MOVING_OVER_ELAPSED_S = 1.05, 60.0


def is_plausible_time(times: pd.Series) -> pd.Series:
    """Whether each tz-aware UTC time lies in the years runs are dated in (NaT is not)."""
    return (times >= FIRST_TIME_UTC) & (times < END_TIME_UTC)


def is_plausible_year(year: int, *, by_hand: bool = False) -> bool:
    """Whether runs are dated in this year (from FIRST_HAND_YEAR in a log kept by hand)."""
    return (FIRST_HAND_YEAR if by_hand else FIRST_YEAR) <= year <= LAST_YEAR


def positions(lat_deg: np.ndarray, lon_deg: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Latitudes within ±90 and longitudes within ±180; a point with only one of them, or one
    out of range, has no position (NaN in both)."""
    placed = (np.abs(lat_deg) <= 90) & (np.abs(lon_deg) <= 180)
    return np.where(placed, lat_deg, np.nan), np.where(placed, lon_deg, np.nan)


def checked(imported: Imported) -> Imported:
    """The import with implausible values dropped and records written twice kept once; a
    problem line for each kind of value dropped (and for the repeats)."""
    remarks = _Remarks()
    records: list[Record] = []
    seen: set[str] = set()
    repeats: list[str] = []
    for record in imported.records:
        fields = _checked_fields(record.fields, remarks)
        key = _identity(fields, record.samples)
        if key is not None and key in seen:
            repeats.append(_when(fields))
            continue
        if key is not None:
            seen.add(key)
        samples = _checked_samples(record.samples, _when(fields), remarks)
        if fields != record.fields or samples is not record.samples:
            record = replace(record, fields=fields, samples=samples)
        records.append(record)
    notes, cut = _cut_notes(imported.notes)
    records = [_cut_record_notes(record, cut) for record in records]
    problems = remarks.lines()
    if cut:
        lengths = ", ".join(f"{length:,}" for length in cut[:3])
        problems.append(
            Problem(
                f"cut {_count(len(cut), 'note', 'notes')} longer than {MAX_NOTE_CHARS:,} "
                f"characters to their first {MAX_NOTE_CHARS:,} ({lengths} characters): "
                "no note is that long (a paste gone wrong?)",
                FileErrorKind.NOTICE,
            )
        )
    if repeats:
        problems.append(
            Problem(
                f"{_count(len(repeats), 'activity', 'activities')} written twice in the file, "
                f"counted once (first: {repeats[0]})"
            )
        )
    if not problems:
        return imported
    return replace(imported, records=records, notes=notes, problems=[*imported.problems, *problems])


def _cut_notes(notes: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[int]]:
    """The notes with every text past MAX_NOTE_CHARS cut; the lengths of those cut."""
    cut: list[int] = []
    kept = []
    for note in notes:
        text = note.get("text")
        if isinstance(text, str) and len(text) > MAX_NOTE_CHARS:
            cut.append(len(text))
            note = {**note, "text": text[:MAX_NOTE_CHARS]}
        kept.append(note)
    return kept, cut


def _cut_record_notes(record: Record, cut: list[int]) -> Record:
    """The record with its notes (a description, a comment) cut as notes are."""
    text = record.fields.get("notes")
    if not isinstance(text, str) or len(text) <= MAX_NOTE_CHARS:
        return record
    cut.append(len(text))
    return replace(record, fields={**record.fields, "notes": text[:MAX_NOTE_CHARS]})


@dataclass
class _Remarks:
    """The values left out, by what and why: one line each, with how many and a first one."""

    examples: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def add(self, what: str, reason: str, example: str) -> None:
        self.examples.setdefault((what, reason), []).append(example)

    def lines(self) -> list[Problem]:
        lines = []
        for (what, reason), examples in self.examples.items():
            if len(examples) == 1:
                line = f"left out the {what} of {examples[0]}: {reason}"
            else:
                line = (
                    f"left out the {what} of {len(examples):,} activities, {reason} "
                    f"(first: {examples[0]})"
                )
            lines.append(Problem(line, FileErrorKind.IMPLAUSIBLE))
        return lines


def _checked_fields(fields: dict[str, Any], remarks: _Remarks) -> dict[str, Any]:
    result = dict(fields)
    when = _when(fields)
    is_foot = fields.get("sport") in FOOT_SPORTS

    def drop(names: tuple[str, ...], what: str, reason: str, value: str) -> None:
        for name in names:
            result[name] = math.nan
        remarks.add(what, reason, f"{when}, {value}")

    for name, low, highs, what, shown in _TOTALS:
        _check_range(result, name, low, highs[0] if is_foot else highs[1], what, shown, drop)
    distance_m, moving_s, elapsed_s = (
        _number(result.get(name)) for name in ("distance_m", "moving_s", "elapsed_s")
    )
    if (
        elapsed_s is not None
        and moving_s is not None
        and moving_s > elapsed_s * MOVING_OVER_ELAPSED_RATIO + MOVING_OVER_ELAPSED_S
    ):
        drop(
            ("moving_s",),
            "moving time",
            "longer than the whole activity",
            f"{_clock(moving_s)} moving in {_clock(elapsed_s)}",
        )
        moving_s = None
    duration_s = moving_s or elapsed_s
    limit_mps = MAX_FOOT_SPEED_MPS if is_foot else MAX_SPEED_MPS
    if distance_m and duration_s and distance_m / duration_s > limit_mps:
        drop(
            ("distance_m", "avg_speed_mps"),
            "distance",
            f"covered faster than {'anyone runs' if is_foot else 'any sport goes'} "
            f"({_speed(limit_mps)})",
            f"{_km(distance_m)} in {_clock(duration_s)}, {_speed(distance_m / duration_s)}",
        )
    for name, low, highs, what, shown in _READINGS:
        _check_range(result, name, low, highs[0] if is_foot else highs[1], what, shown, drop)
    lat_deg, lon_deg = (_number(result.get(name)) for name in ("start_lat_deg", "start_lon_deg"))
    if (lat_deg is not None and not abs(lat_deg) <= 90) or (
        lon_deg is not None and not abs(lon_deg) <= 180
    ):
        drop(
            ("start_lat_deg", "start_lon_deg"),
            "start position",
            "off the globe (latitude within ±90, longitude within ±180)",
            f"latitude {lat_deg:g}, longitude {lon_deg:g}"
            if lat_deg is not None and lon_deg is not None
            else f"latitude {lat_deg}, longitude {lon_deg}",
        )
    return result


def _checked_samples(
    samples: pd.DataFrame | None, when: str, remarks: _Remarks
) -> pd.DataFrame | None:
    """The samples with readings no body or place gives left out (a copy when any is)."""
    if samples is None or samples.empty:
        return samples
    changed: dict[str, np.ndarray] = {}
    for name, low, high, what, shown in _SAMPLE_RANGES:
        if name not in samples.columns:
            continue
        values = samples[name].to_numpy(dtype=float, na_value=np.nan)
        wrong = ~np.isnan(values) & ~((values >= low) & (values <= high))
        if wrong.any():
            changed[name] = np.where(wrong, np.nan, values)
            remarks.add(
                what,
                f"not between {shown(low)} and {shown(high)}",
                f"{when}, {int(wrong.sum()):,} of them (first: {shown(values[wrong][0])})",
            )
    if "lat_deg" in samples.columns and "lon_deg" in samples.columns:
        lat_deg = samples["lat_deg"].to_numpy(dtype=float, na_value=np.nan)
        lon_deg = samples["lon_deg"].to_numpy(dtype=float, na_value=np.nan)
        placed_lat_deg, placed_lon_deg = positions(lat_deg, lon_deg)
        lost = ~np.isnan(lat_deg) & ~np.isnan(lon_deg) & np.isnan(placed_lat_deg)
        if lost.any():
            changed["lat_deg"], changed["lon_deg"] = placed_lat_deg, placed_lon_deg
            remarks.add(
                "positions",
                "off the globe (latitude within ±90, longitude within ±180)",
                f"{when}, {int(lost.sum()):,} of them (first: {lat_deg[lost][0]:g}, "
                f"{lon_deg[lost][0]:g})",
            )
    return samples.assign(**changed) if changed else samples


def _check_range(
    fields: dict[str, Any],
    name: str,
    low: float,
    high: float,
    what: str,
    shown: Callable[[float], str],
    drop: Callable[[tuple[str, ...], str, str, str], None],
) -> None:
    value = _number(fields.get(name))
    if value is not None and not (math.isfinite(value) and low <= value <= high):
        # the speed of a distance that is not one is not one either
        names = ("distance_m", "avg_speed_mps") if name == "distance_m" else (name,)
        drop(names, what, f"not between {shown(low)} and {shown(high)}", shown(value))


def _number(value: object) -> float | None:
    """A field as a float; None when it is missing (NaN, None) or not a number at all."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _identity(fields: dict[str, Any], samples: pd.DataFrame | None) -> str | None:
    """A key equal for records written twice: every field the same, and no samples (a track's
    points make records distinct; two tracks' totals rarely tie, and both are then kept)."""
    if samples is not None and not samples.empty:
        return None
    return repr(sorted(fields.items(), key=lambda item: item[0]))


def _when(fields: dict[str, Any]) -> str:
    kind = "run" if fields.get("sport") == "running" else "activity"
    for name in ("start_time_local", "start_time_utc"):
        value = fields.get(name)
        if isinstance(value, pd.Timestamp) and value is not pd.NaT:
            shown = f"{value:%Y-%m-%d}" if fields.get("date_only") else f"{value:%Y-%m-%d %H:%M}"
            return f"the {kind} of {shown}"
    return f"a {kind}"


def _count(number: int, one: str, many: str) -> str:
    return f"{number:,} {one if number == 1 else many}"


def _km(metres: float) -> str:
    return f"{metres / 1000:,.1f} km" if abs(metres) < 1e15 else f"{metres / 1000:g} km"


def _clock(seconds: float) -> str:
    if not abs(seconds) < 1e9:
        return f"{seconds:g} s"
    sign, seconds = ("-" if seconds < 0 else ""), abs(seconds)
    return f"{sign}{int(seconds // 3600)}:{int(seconds % 3600 // 60):02d}:{int(seconds % 60):02d}"


def _metres(value: float) -> str:
    return f"{value:,.0f} m" if abs(value) < 1e15 else f"{value:g} m"


def _speed(mps: float) -> str:
    return f"{mps * 3.6:,.1f} km/h" if abs(mps) < 1e15 else f"{mps * 3.6:g} km/h"


def _spm(value: float) -> str:
    return f"{value:g} steps/min"


def _bpm(value: float) -> str:
    return f"{value:g} bpm"


# field, lowest, highest (foot sports, others), what it is, how it is shown; totals are
# checked before the speed they give, readings after
_Range = tuple[str, float, tuple[float, float], str, Callable[[float], str]]
_TOTALS: tuple[_Range, ...] = (
    ("distance_m", 0.0, (MAX_FOOT_DISTANCE_M, MAX_DISTANCE_M), "distance", _km),
    ("elapsed_s", 0.0, (MAX_DURATION_S, MAX_DURATION_S), "duration", _clock),
    ("moving_s", 0.0, (MAX_DURATION_S, MAX_DURATION_S), "moving time", _clock),
)
_READINGS: tuple[_Range, ...] = (
    ("avg_speed_mps", 0.0, (MAX_FOOT_SPEED_MPS, MAX_SPEED_MPS), "speed", _speed),
    ("avg_cadence_spm", 0.0, (MAX_CADENCE_SPM,) * 2, "cadence", _spm),
    ("avg_hr_bpm", 0.0, (MAX_HR_BPM,) * 2, "heart rate", _bpm),
    ("ascent_m", 0.0, (MAX_CLIMB_M,) * 2, "ascent", _metres),
    ("descent_m", 0.0, (MAX_CLIMB_M,) * 2, "descent", _metres),
)
_SAMPLE_RANGES: tuple[tuple[str, float, float, str, Callable[[float], str]], ...] = (
    ("cadence_spm", 0.0, MAX_CADENCE_SPM, "cadence readings", _spm),
    ("hr_bpm", 0.0, MAX_HR_BPM, "heart-rate readings", _bpm),
    ("altitude_m", MIN_ALTITUDE_M, MAX_ALTITUDE_M, "altitudes", _metres),
)
