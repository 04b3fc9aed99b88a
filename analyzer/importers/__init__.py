"""The importer registry: one module per format, picked by file name and confirmed by content.

An importer module declares `FORMAT` and `SUFFIXES`, answers `sniff(head)` from the first
bytes of a file, and has `read(stream)` turn a binary stream into an `Imported`: records in
canonical names and units, raising only `BadFile`.
"""

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, BinaryIO, Protocol

import pandas as pd

from analyzer.errors import FileErrorKind, UnrecognisedFile


@dataclass(frozen=True)
class Problem:
    """Something a file's import left out or doubts, in a sentence, with its kind."""

    reason: str
    kind: FileErrorKind = FileErrorKind.READ_IN_PART


@dataclass(frozen=True)
class Record:
    """One activity as a source gives it.

    `fields` holds the canonical activity columns the source knows (schema.ACTIVITY_COLUMNS),
    in canonical units, plus these import-only keys the loader resolves:
      start_time_local  naive pd.Timestamp: local wall time, when the source has no UTC time
                        (start_time_utc then NaT; any samples carry those wall times as if
                        they were UTC, and the loader shifts them once it knows the zone)
      utc_offset_s      the device's own statement of local time (FIT local_timestamp minus
                        timestamp), seconds; trusted before a GPS time-zone lookup
      stated_utc_offset_s  an offset merely written in timestamps (+02:00 in GPX/TCX), seconds;
                        used after the GPS lookup, before the profile's time zone
      linked_file       a path the row points at (Strava `Filename`), relative to the export
      export_ids        ids other files of the same export use for this run (tuple of str)
      date_only         True when the source gives the day but no time of day (a hand log)
    `samples` has schema.SAMPLE_COLUMNS but activity_id (the loader fills it in).
    """

    fields: dict[str, Any]
    samples: pd.DataFrame | None = None


@dataclass(frozen=True)
class Imported:
    """What one file gave: activities, notes, shoes, and what could not be read."""

    records: list[Record] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)  # local_date, text[, athlete]
    shoes: list[dict[str, Any]] = field(default_factory=list)  # schema.SHOE_COLUMNS keys
    problems: list[Problem] = field(default_factory=list)  # partial reads: what was skipped


class Importer(Protocol):
    FORMAT: str
    SUFFIXES: tuple[str, ...]

    def sniff(self, head: bytes) -> bool: ...

    def read(self, stream: BinaryIO) -> Imported: ...


def _registered() -> list[Importer]:
    from analyzer.importers import (
        apple_health,
        csv_log,
        fit,
        garmin_csv,
        garmin_json,
        gpx,
        journal,
        polar_csv,
        strava_csv,
        tcx,
        wahoo_csv,
    )

    # Specific CSV layouts before the generic training log, which accepts any dated table.
    return [
        fit,
        gpx,
        tcx,
        strava_csv,
        garmin_csv,
        polar_csv,
        wahoo_csv,
        csv_log,
        garmin_json,
        apple_health,
        journal,
    ]


IMPORTERS: list[Importer] = []


def importers() -> list[Importer]:
    """Every importer, most specific first."""
    if not IMPORTERS:
        IMPORTERS.extend(_registered())
    return IMPORTERS


def suffix_of(name: str) -> str:
    """The format suffix of a file name, lower case, ignoring a trailing .gz."""
    return PurePath(name.lower().removesuffix(".gz")).suffix


def importer_for(name: str, head: bytes) -> Importer:
    """The importer whose suffix matches `name` and which recognises `head`."""
    suffix = suffix_of(name)
    named = [importer for importer in importers() if suffix in importer.SUFFIXES]
    for importer in named or importers():
        if importer.sniff(head):
            return importer
    if named:
        raise UnrecognisedFile(f"named {suffix} but runlog cannot read it as {suffix[1:].upper()}")
    raise UnrecognisedFile(f"not a format runlog reads ({suffix or 'no suffix'})")


def claims(name: str) -> bool:
    """Whether some importer reads files with this name's suffix (used when walking folders)."""
    suffix = suffix_of(name)
    return any(suffix in importer.SUFFIXES for importer in importers())
