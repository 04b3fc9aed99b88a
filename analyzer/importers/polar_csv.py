"""Polar Flow's per-session CSV: a summary header and one line of values, then samples.

Layout [docs/FORMATS.md §6]: line 1 names the summary columns (Name, Sport, Date, Start time,
Duration, Total distance (km), Average heart rate (bpm), Average cadence (rpm), Ascent (m),
Notes ...; variants add columns, so they are found by name), line 2 holds the values, line 3
starts the per-second sample table, which runlog does not need for its totals.
  - Date is DD-MM-YYYY and Start time local wall time with no zone: start_time_local.
  - Average cadence (rpm) on a run counts one foot (73 on a run): under 120 it is doubled.
  - Notes may hold the runner's own words, knee pain included.
"""

from __future__ import annotations

from typing import BinaryIO

import numpy as np
import pandas as pd

from analyzer.classify import sport_of, surface_of
from analyzer.errors import BadFile, FileErrorKind
from analyzer.importers import csv_common as common
from analyzer.importers.base import Imported, Record
from analyzer.units import steps_per_min

FORMAT = "polar_csv"
# Traits (analyzer/importers/base.py): how merge and the loader treat this format.
MERGE_RANK = 8
LABELLED = False
EXPORT_INDEX_NAMES: tuple[str, ...] = ()
ID_PREFIX = ""
DEVICE = "Polar Flow"
_SIGNATURE = frozenset({"sport", "date", "start time", "duration", "total distance (km)"})


def sniff(head: bytes) -> bool:
    """Whether the first bytes open a Polar Flow session CSV."""
    return set(common.head_names(head)) >= _SIGNATURE


def read(stream: BinaryIO) -> Imported:
    """The one session of the Polar Flow CSV in `stream`."""
    table = common.read_table(stream.read())
    if table.length == 0 or not set(table.names) >= _SIGNATURE:
        raise BadFile("is a Polar Flow CSV without its summary line; export the session again")

    def first(*names: str) -> pd.Series:
        found = common.text(table, *names)
        return (found if found is not None else common.missing(table.length, "string")).iloc[:1]

    def number(*names: str) -> float:
        return float(common.to_number(first(*names)).iloc[0])

    start = common.to_datetime(first("date") + " " + first("start time").fillna("")).iloc[0]
    if pd.isna(start):
        raise BadFile(
            f"has a Date runlog cannot read ({first('date').iloc[0]!r})",
            FileErrorKind.UNREADABLE_DATE,
        )
    kind = first("sport").iloc[0]
    kind = None if pd.isna(kind) else str(kind)
    sport = sport_of(kind)
    name = _or_none(first("name").iloc[0])
    duration_s = float(common.to_seconds(first("duration")).iloc[0])
    distance_m = number("total distance (km)") * 1000
    cadence_spm = number("average cadence (rpm)", "average cadence")
    cadence_spm = steps_per_min(cadence_spm, sport)
    fields = {
        "start_time_utc": pd.NaT,
        "start_time_local": start,
        "sport": sport,
        "sub_sport": kind.lower() if kind else None,
        "surface": surface_of(sub_sport=kind, words=(name,)),
        "distance_m": distance_m,
        "elapsed_s": duration_s,
        "moving_s": duration_s,
        "ascent_m": number("ascent (m)"),
        "descent_m": number("descent (m)"),
        "avg_speed_mps": distance_m / duration_s if duration_s > 0 else np.nan,
        "avg_cadence_spm": cadence_spm if cadence_spm > 0 else np.nan,
        "avg_hr_bpm": number("average heart rate (bpm)"),
        "name": name,
        "notes": _or_none(first("notes").iloc[0]),
        "device": DEVICE,
    }
    return Imported(records=[Record(fields=fields)])


def _or_none(value: object) -> str | None:
    return None if value is None or pd.isna(value) else str(value)
