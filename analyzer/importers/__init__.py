"""The importer registry: one module per format, picked by file name and confirmed by content.

An importer module declares `FORMAT` and `SUFFIXES`, answers `sniff(head)` from the first
bytes of a file, and has `read(stream)` turn a binary stream into an `Imported`: records in
canonical names and units, raising only `BadFile`.
"""

from pathlib import PurePath

from analyzer.errors import UnrecognisedFile
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
from analyzer.importers.base import Imported, Importer, Problem, Record

# Most specific first: the specific CSV layouts before the generic training log, which
# accepts any dated table.
IMPORTERS: tuple[Importer, ...] = (
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
)


def suffix_of(name: str) -> str:
    """The format suffix of a file name, lower case, ignoring a trailing .gz."""
    return PurePath(name.lower().removesuffix(".gz")).suffix


def importer_for(name: str, head: bytes) -> Importer:
    """The importer whose suffix matches `name` and which recognises `head`."""
    suffix = suffix_of(name)
    named = [importer for importer in IMPORTERS if suffix in importer.SUFFIXES]
    for importer in named or IMPORTERS:
        if importer.sniff(head):
            return importer
    if named:
        raise UnrecognisedFile(f"named {suffix} but runlog cannot read it as {suffix[1:].upper()}")
    raise UnrecognisedFile(f"not a format runlog reads ({suffix or 'no suffix'})")


def claims(name: str) -> bool:
    """Whether some importer reads files with this name's suffix (used when walking folders)."""
    suffix = suffix_of(name)
    return any(suffix in importer.SUFFIXES for importer in IMPORTERS)


__all__ = [
    "IMPORTERS",
    "Imported",
    "Importer",
    "Problem",
    "Record",
    "claims",
    "importer_for",
    "suffix_of",
]
