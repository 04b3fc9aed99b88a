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
from analyzer.importers.base import Imported, Problem, Record, RecordTable
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
    notes, cut = _cut_notes(imported.notes)
    records: list[Record] | RecordTable
    if isinstance(imported.records, RecordTable):
        records, repeats = _checked_table(imported.records, remarks, cut)
    else:
        records, repeats = _checked_records(imported.records, remarks, cut)
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
    if repeats is not None:
        count, first = repeats
        problems.append(
            Problem(
                f"{_count(count, 'activity', 'activities')} written twice in the file, "
                f"counted once (first: {first})"
            )
        )
    if not problems:
        return imported
    return replace(imported, records=records, notes=notes, problems=[*imported.problems, *problems])


# how many records were written twice, and the first of them (None: none was)
_Repeats = tuple[int, str] | None


def _checked_records(
    records: list[Record], remarks: _Remarks, cut: list[int]
) -> tuple[list[Record], _Repeats]:
    """Records with implausible values dropped (NaN), each kept once, notes cut."""
    # the fields' values as columns, as a frame of the records would give them (a frame a
    # file costs more than every check made on it)
    present = {name for record in records for name in record.fields}
    values = {
        name: np.array([_number_or_nan(record.fields.get(name)) for record in records], float)
        for name in _CHECKED
        if name in present
    }
    is_foot = np.array(
        [_is_foot_sport(record.fields.get("sport")) for record in records], dtype=bool
    )
    dropped = _dropped(values, is_foot, remarks, lambda position: _when(records[position].fields))
    kept: list[Record] = []
    seen: set[str] = set()
    repeats: list[str] = []
    for position, record in enumerate(records):
        names = [name for name, mask in dropped.items() if mask[position]]
        fields = {**record.fields, **dict.fromkeys(names, math.nan)}
        key = _identity(fields, record.samples)
        if key is not None and key in seen:
            repeats.append(_when(fields))
            continue
        if key is not None:
            seen.add(key)
        samples = _checked_samples(record.samples, _when(fields), remarks, position)
        if names or samples is not record.samples:
            record = replace(record, fields=fields, samples=samples)
        kept.append(_cut_record_notes(record, cut))
    return kept, (len(repeats), repeats[0]) if repeats else None


def _checked_table(
    table: RecordTable, remarks: _Remarks, cut: list[int]
) -> tuple[RecordTable, _Repeats]:
    """A table's records checked as `_checked_records` checks records, column by column
    (rows equal in every field are records written twice)."""
    frame = table.frame
    values = {name: _numbers(frame[name]) for name in _CHECKED if name in frame.columns}
    sports = frame["sport"] if "sport" in frame.columns else pd.Series(None, index=frame.index)
    is_foot = sports.isin(FOOT_SPORTS).fillna(False).to_numpy(dtype=bool)
    dropped = _dropped(values, is_foot, remarks, lambda position: _when(table[position].fields))
    if dropped:
        frame = frame.assign(
            **{
                name: frame[name].mask(mask) if name in frame.columns else np.nan
                for name, mask in dropped.items()
            }
        )
    twice = frame.duplicated(keep="first").to_numpy()
    repeats = None
    if twice.any():
        first = int(np.flatnonzero(twice)[0])
        repeats = (int(twice.sum()), _when(RecordTable(frame)[first].fields))
        frame = frame[~twice]
    notes = frame["notes"] if "notes" in frame.columns else pd.Series(dtype="string")
    lengths = notes.str.len()
    long = lengths.gt(MAX_NOTE_CHARS).fillna(False).to_numpy(dtype=bool)
    if long.any():
        cut += [int(length) for length in lengths[long]]
        frame = frame.assign(notes=notes.mask(long, notes.str[:MAX_NOTE_CHARS]))
    if not dropped and repeats is None and not long.any():
        return table, None
    return RecordTable(frame), repeats


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
    """The values left out, by what and why: one line each, with how many and a first one.
    Lines come in the order of their first value: by record, then by check."""

    # (what, reason) -> [(position, check) of the first, its example, how many]
    firsts: dict[tuple[str, str], list[Any]] = field(default_factory=dict)

    def add(
        self, what: str, reason: str, example: str, at: tuple[int, int], count: int = 1
    ) -> None:
        known = self.firsts.get((what, reason))
        if known is None:
            self.firsts[(what, reason)] = [at, example, count]
            return
        if at < known[0]:
            known[0], known[1] = at, example
        known[2] += count

    def lines(self) -> list[Problem]:
        lines = []
        ordered = sorted(self.firsts.items(), key=lambda item: item[1][0])
        for (what, reason), (_, example, count) in ordered:
            if count == 1:
                line = f"left out the {what} of {example}: {reason}"
            else:
                line = f"left out the {what} of {count:,} activities, {reason} (first: {example})"
            lines.append(Problem(line, FileErrorKind.IMPLAUSIBLE))
        return lines


def _dropped(
    values: dict[str, np.ndarray],
    is_foot: np.ndarray,
    remarks: _Remarks,
    when: Callable[[int], str],
) -> dict[str, np.ndarray]:
    """Which values of each field to drop (a mask over the records), each kind with its
    remark. `values`: the checked fields the records have, as floats (NaN where there is no
    number); `is_foot`: which records are of a foot sport; `when(position)` names a record's
    activity."""
    rows = len(is_foot)
    missing = np.full(rows, np.nan)
    values = dict(values)
    dropped: dict[str, np.ndarray] = {}

    def drop(
        wrong: np.ndarray,
        names: tuple[str, ...],
        what: str,
        reason: str,
        example: Callable[[int], str],
        check: int,
    ) -> None:
        if not wrong.any():
            return
        first = int(np.flatnonzero(wrong)[0])
        remarks.add(
            what, reason, f"{when(first)}, {example(first)}", (first, check), int(wrong.sum())
        )
        for name in names:
            dropped[name] = dropped.get(name, np.zeros(rows, dtype=bool)) | wrong
            if name in values:
                values[name] = np.where(wrong, np.nan, values[name])

    def outside(check: int, spec: _Range) -> None:
        name, low, highs, what, shown = spec
        if name not in values:
            return
        value = values[name]
        with np.errstate(invalid="ignore"):
            if (np.isnan(value) | ((value >= low) & (value <= min(highs)))).all():
                return  # every value fits either limit (most files: a few steps, not 16)
        # the speed of a distance that is not one is not one either
        names = ("distance_m", "avg_speed_mps") if name == "distance_m" else (name,)
        for foot, high in ((True, highs[0]), (False, highs[1])):
            with np.errstate(invalid="ignore"):
                fits = np.isfinite(value) & (value >= low) & (value <= high)
            wrong = ~np.isnan(value) & ~fits & (is_foot == foot)
            reason = f"not between {shown(low)} and {shown(high)}"
            drop(wrong, names, what, reason, lambda at: shown(float(value[at])), check)

    for check, spec in enumerate(_TOTALS):
        outside(check, spec)
    moving_s = values.get("moving_s", missing)
    elapsed_s = values.get("elapsed_s", missing)
    with np.errstate(invalid="ignore"):
        longer = moving_s > elapsed_s * MOVING_OVER_ELAPSED_RATIO + MOVING_OVER_ELAPSED_S
    drop(
        longer,
        ("moving_s",),
        "moving time",
        "longer than the whole activity",
        lambda at: f"{_clock(float(moving_s[at]))} moving in {_clock(float(elapsed_s[at]))}",
        len(_TOTALS),
    )
    moving_s = values.get("moving_s", missing)
    distance_m = values.get("distance_m", missing)
    duration_s = np.where(np.isnan(moving_s) | (moving_s == 0), elapsed_s, moving_s)
    for foot, limit_mps in ((True, MAX_FOOT_SPEED_MPS), (False, MAX_SPEED_MPS)):
        with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
            fast = (
                (np.nan_to_num(distance_m) != 0)
                & (np.nan_to_num(duration_s) != 0)
                & (distance_m / duration_s > limit_mps)
                & (is_foot == foot)
            )
        drop(
            fast,
            ("distance_m", "avg_speed_mps"),
            "distance",
            f"covered faster than {'anyone runs' if foot else 'any sport goes'} "
            f"({_speed(limit_mps)})",
            lambda at: _covered(float(distance_m[at]), float(duration_s[at])),
            len(_TOTALS) + 1,
        )
    for check, spec in enumerate(_READINGS, start=len(_TOTALS) + 2):
        outside(check, spec)
    lat_deg = values.get("start_lat_deg", missing)
    lon_deg = values.get("start_lon_deg", missing)
    with np.errstate(invalid="ignore"):
        off = (~np.isnan(lat_deg) & ~(np.abs(lat_deg) <= 90)) | (
            ~np.isnan(lon_deg) & ~(np.abs(lon_deg) <= 180)
        )
    drop(
        off,
        ("start_lat_deg", "start_lon_deg"),
        "start position",
        "off the globe (latitude within ±90, longitude within ±180)",
        lambda at: _position(float(lat_deg[at]), float(lon_deg[at])),
        _POSITION_CHECK,
    )
    return dropped


def _numbers(column: pd.Series) -> np.ndarray:
    """A field's values as floats, NaN where `_number` finds none."""
    if pd.api.types.is_bool_dtype(column.dtype):
        return np.full(len(column), np.nan)
    if pd.api.types.is_numeric_dtype(column.dtype):
        return column.to_numpy(dtype=float, na_value=np.nan)
    numbers = (_number(value) for value in column.tolist())
    return np.array([np.nan if number is None else number for number in numbers], dtype=float)


def _number_or_nan(value: object) -> float:
    """A field as `_numbers` reads a column of it: a float, NaN where `_number` finds none."""
    number = None if isinstance(value, np.bool_) else _number(value)  # a bool is no number
    return math.nan if number is None else number


def _is_foot_sport(sport: object) -> bool:
    return isinstance(sport, str) and sport in FOOT_SPORTS


def _covered(distance_m: float, duration_s: float) -> str:
    return f"{_km(distance_m)} in {_clock(duration_s)}, {_speed(distance_m / duration_s)}"


def _position(lat_deg: float, lon_deg: float) -> str:
    if np.isnan(lat_deg) or np.isnan(lon_deg):
        shown = ["None" if np.isnan(value) else str(float(value)) for value in (lat_deg, lon_deg)]
        return f"latitude {shown[0]}, longitude {shown[1]}"
    return f"latitude {lat_deg:g}, longitude {lon_deg:g}"


def _checked_samples(
    samples: pd.DataFrame | None, when: str, remarks: _Remarks, position: int
) -> pd.DataFrame | None:
    """The samples with readings no body or place gives left out (a copy when any is); the
    remarks come after those of the record's fields (`position`: the record's)."""
    if samples is None or samples.empty:
        return samples
    changed: dict[str, np.ndarray] = {}
    for check, (name, low, high, what, shown) in enumerate(_SAMPLE_RANGES, _POSITION_CHECK + 1):
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
                (position, check),
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
                (position, _POSITION_CHECK + 1 + len(_SAMPLE_RANGES)),
            )
    return samples.assign(**changed) if changed else samples


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
# the fields checked, and the place of the start position's check (after the readings')
_CHECKED = tuple(
    dict.fromkeys([*(spec[0] for spec in (*_TOTALS, *_READINGS)), "start_lat_deg", "start_lon_deg"])
)
_POSITION_CHECK = len(_TOTALS) + 2 + len(_READINGS)
_SAMPLE_RANGES: tuple[tuple[str, float, float, str, Callable[[float], str]], ...] = (
    ("cadence_spm", 0.0, MAX_CADENCE_SPM, "cadence readings", _spm),
    ("hr_bpm", 0.0, MAX_HR_BPM, "heart-rate readings", _bpm),
    ("altitude_m", MIN_ALTITUDE_M, MAX_ALTITUDE_M, "altitudes", _metres),
)
