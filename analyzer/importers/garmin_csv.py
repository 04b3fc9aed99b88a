"""Garmin Connect's "Export CSV" of the Activities page: one row per activity, averages only.

The traps [FORMATS.md §5.1, §7.3, §7.7]:
  - `Date` is local wall time with no zone: it goes to start_time_local, and the loader
    finds the zone (start_time_utc stays NaT).
  - Numbers are quoted strings with thousands separators ("1,067"), `--` for missing, and
    decimal commas in German exports ("10,20"). Durations are H:MM:SS or M:SS.
  - `Avg Run Cadence` (older exports: `Avg Cadence`) is already steps/min for both feet.
    kennethajensen's export has `Avg Cadence` twice; the second copy is one foot (81 beside
    164), so it is only a fallback, doubled when a run's value is under 120.
  - Old German exports put a title line ("Aktivitäten von ...") and a blank line above the
    header, start every line with a space, and write dates like "Fr, 25 Mai 2012 20:31".

Distance unit (km or miles follows the user's settings and is not written in the file):
  1. a header that names it ("Distance (mi)") decides;
  2. else stride length × cadence × time, which Garmin keeps in metres, against the
     distance: the ratio is near 1,000 for km and 1,609 for miles (kennethajensen: 1,610);
  3. else a German (metric) header says km;
  4. else the median running pace: slower than 7:30 per unit is read as min/mile, since
     few runners average slower than 7:30 min/km while 8-10 min/mile is typical (a guess);
  5. else km.
Elevation follows the same setting: feet in a file in miles (Garmin's "statute" units),
metres otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import BinaryIO

import numpy as np
import pandas as pd

from analyzer.classify import sport_of
from analyzer.errors import BadFile, FileErrorKind
from analyzer.importers import csv_common as common
from analyzer.importers.base import Imported, Problem

FORMAT = "garmin_csv"
SUFFIXES: tuple[str, ...] = (".csv",)
DEVICE = "Garmin Connect"
METRES_PER_KM = 1000.0
METRES_PER_MILE = 1609.344
METRES_PER_FOOT = 0.3048
SLOWEST_KM_PACE_MIN = 7.5  # median running pace per unit above this reads as per mile
ONE_FOOT_BELOW_SPM = 120.0  # a run's cadence under this counts one foot
FOOT_SPORTS = ("running", "walking", "hiking")

# Cleaned header names, English then German (old and new exports).
_TYPE = ("activity type", "aktivitätstyp")
_DATE = ("date", "datum", "start")
_TITLE = ("title", "titel", "aktivitätsname", "activity name", "name")
_DISTANCE = ("distance", "distanz", "distance (km)", "distance (mi)", "distanz (km)")
_TIME = ("time", "zeit", "activity time", "aktivitätszeit")
_MOVING = ("moving time", "zeit in bewegung", "bewegungszeit")
_ELAPSED = ("elapsed time", "verstrichene zeit", "gesamtzeit")
_ASCENT = ("total ascent", "elev gain", "anstieg gesamt", "positiver höhenunterschied")
_DESCENT = ("total descent", "elev loss", "abstieg gesamt", "negativer höhenunterschied")
_HEART_RATE = ("avg hr", "ø hf", "ø herzfrequenz", "durchschn. hf")
_RUN_CADENCE = ("avg run cadence", "ø schrittfrequenz (laufen)")
_CADENCE = ("avg cadence", "ø schrittfrequenz", "ø trittfrequenz")
_STRIDE = ("avg stride length", "ø schrittlänge")
# Columns only Garmin's activity list has: with a type and a date column they identify it.
_MARKERS = frozenset(
    {
        "avg pace",
        "best pace",
        "avg run cadence",
        "avg cadence",
        "avg hr",
        "aerobic te",
        "favorite",
        "avg stride length",
        "ø hf",
        "favorit",
        "aerober te",
        "ø schrittfrequenz (laufen)",
        "ø geschw(ø pace)",
        "ø pace",
        "training effect",
    }
)
_GERMAN = frozenset({"aktivitätstyp", "datum", "distanz", "zeit"})
_MILES_LABEL = ("(mi)", "(miles)", "(meilen)")
_KM_LABEL = ("(km)",)


def sniff(head: bytes) -> bool:
    """Whether the first bytes are the header of a Garmin Connect activities CSV."""
    names = set(common.head_names(head))
    return bool(names & set(_TYPE)) and bool(names & set(_DATE)) and bool(names & _MARKERS)


def read(stream: BinaryIO) -> Imported:
    """One record per row of the Garmin Connect activity list in `stream`."""
    table = common.read_table(stream.read())
    if not common.positions(table, *_TYPE) or not common.positions(table, *_DATE):
        raise BadFile(
            "has no Activity Type and Date columns, so it is not a Garmin Connect CSV",
            FileErrorKind.NOT_THIS_FORMAT,
        )
    if table.length == 0:
        return Imported()
    is_german = bool(_GERMAN & set(table.names))
    start_local = common.to_datetime(common.text(table, *_DATE))
    dated = start_local.notna()
    if not dated.any():
        raise BadFile(
            f"none of its {table.length:,} rows has a Date runlog can read",
            FileErrorKind.UNREADABLE_DATE,
        )
    problems = []
    if not dated.all():
        problems.append(
            Problem(
                f"left out {int((~dated).sum()):,} of {table.length:,} rows whose Date is "
                "missing or unreadable",
                FileErrorKind.UNREADABLE_DATE,
            )
        )
    frame = _fields(table, start_local, is_german)
    return Imported(records=common.records_of(frame[dated.to_numpy()]), problems=problems)


def _fields(table: common.Table, start_local: pd.Series, is_german: bool) -> pd.DataFrame:
    length = table.length

    def number(names: tuple[str, ...], copy: int = 0) -> pd.Series:
        found = common.to_number(
            common.text(table, *names, occurrence=copy), decimal_comma=is_german
        )
        return found if found is not None else common.missing(length)

    def seconds(names: tuple[str, ...]) -> pd.Series:
        found = common.to_seconds(common.text(table, *names))
        return found if found is not None else common.missing(length)

    kind = common.text(table, *_TYPE)
    sport = kind.map(
        {value: sport_of(value) for value in kind.dropna().unique()}, na_action="ignore"
    )
    sport = sport.astype("string").fillna("other")
    timer_s = seconds(_TIME)
    moving_s = common.first_present(seconds(_MOVING), timer_s)
    elapsed_s = common.first_present(seconds(_ELAPSED), timer_s)
    shown_distance = number(_DISTANCE)
    cadence_spm = _cadence_spm(number, sport)
    unit_m = distance_unit_m(
        table.names, shown_distance, moving_s, cadence_spm, number(_STRIDE), sport, is_german
    )
    distance_m = shown_distance * unit_m
    climb_unit_m = METRES_PER_FOOT if unit_m == METRES_PER_MILE else 1.0
    name = common.text(table, *_TITLE)
    if name is None:
        name = common.missing(length, "string")
    frame = pd.DataFrame(
        {
            "start_time_utc": pd.Series(pd.NaT, index=kind.index, dtype="datetime64[ns, UTC]"),
            "start_time_local": start_local,
            "sport": sport,
            "sub_sport": kind.str.lower(),
            "surface": common.surfaces_of(kind, name),
            "distance_m": distance_m,
            "elapsed_s": elapsed_s,
            "moving_s": moving_s,
            "ascent_m": number(_ASCENT) * climb_unit_m,
            "descent_m": number(_DESCENT) * climb_unit_m,
            "avg_speed_mps": distance_m / moving_s.where(moving_s > 0),
            "avg_cadence_spm": cadence_spm,
            "avg_hr_bpm": number(_HEART_RATE),
            "name": name,
            "device": DEVICE,
        }
    )
    return frame


def _cadence_spm(number: Callable[..., pd.Series], sport: pd.Series) -> pd.Series:
    """Steps/min on foot: the run cadence, else the first Avg Cadence, else its second copy."""
    on_foot = sport.isin(FOOT_SPORTS).to_numpy()
    is_run = (sport == "running").to_numpy()
    chosen = common.first_present(number(_RUN_CADENCE), number(_CADENCE, 0), number(_CADENCE, 1))
    chosen = chosen.where(chosen > 0)
    # A run under 120 is a one-foot figure (the duplicated column); walks can be that slow.
    doubled = chosen.where(~(is_run & (chosen < ONE_FOOT_BELOW_SPM)), chosen * 2)
    return doubled.where(on_foot)


def distance_unit_m(
    names: tuple[str, ...],
    shown: pd.Series,
    moving_s: pd.Series,
    cadence_spm: pd.Series,
    stride_m: pd.Series,
    sport: pd.Series,
    is_german: bool,
) -> float:
    """Metres per unit of the file's Distance column (km or miles; see the module docstring)."""
    for name in names:
        if any(name.startswith(word) for word in ("distance", "distanz")):
            if any(label in name for label in _MILES_LABEL):
                return METRES_PER_MILE
            if any(label in name for label in _KM_LABEL):
                return METRES_PER_KM
    stride_distance_m = stride_m * cadence_spm * moving_s / 60
    usable = (stride_distance_m > 0) & (shown > 0)
    if usable.any():
        ratio = float(np.median(stride_distance_m[usable] / shown[usable]))
        return min((METRES_PER_KM, METRES_PER_MILE), key=lambda unit: abs(np.log(ratio / unit)))
    if is_german:
        return METRES_PER_KM
    runs = (sport == "running") & (shown > 0) & (moving_s > 0)
    if runs.any():
        pace_min = float(np.median(moving_s[runs] / 60 / shown[runs]))
        if pace_min > SLOWEST_KM_PACE_MIN:
            return METRES_PER_MILE
    return METRES_PER_KM
