"""The importer registry: one module per format, picked by file name and confirmed by content.

An importer module declares `FORMAT`, answers `sniff(head)` from the first bytes of a file, and
has `read(stream)` turn a binary stream into an `Imported`: records in canonical names and
units, raising only `BadFile`. The suffixes each module claims are listed here, so walking a
folder needs no importer: modules are imported when a file of theirs is read (a warm re-run
that finds its result kept never imports pandas, analyzer/memo.py).
"""

from __future__ import annotations

import functools
import importlib
from pathlib import PurePath
from typing import TYPE_CHECKING

from analyzer.errors import UnrecognisedFile

if TYPE_CHECKING:
    from analyzer.importers.base import Imported, Importer, Problem, Record, RecordTable

# Each format's module, the file suffixes it claims (lower case, with the dot), and the folder
# names its exports and devices keep files in (patterns, matched whole, any case: a folder so
# named organises one runner's files, it does not name an athlete). Most specific first: the
# specific CSV layouts before the generic training log, which accepts any dated table. These
# two traits live here, not in the modules, because walking a folder needs them before any
# importer (and pandas) is imported; every other trait is declared in its module.
FORMAT_MODULES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("fit", (".fit",), ("fit_type_4", "coros", "suunto")),  # a watch's FIT folder, FIT makers
    ("gpx", (".gpx",), ()),
    ("tcx", (".tcx",), ()),
    ("epson_csv", (".csv",), ("epson",)),
    ("strava_csv", (".csv",), ("strava", "media")),
    ("garmin_csv", (".csv",), ()),
    ("polar_csv", (".csv",), ("polar",)),
    ("wahoo_csv", (".csv",), ("wahoo",)),
    ("csv_log", (".csv",), ()),
    ("garmin_json", (".json",), ("garmin", r"di[-_]connect.*")),
    ("apple_health", (".xml",), ("apple_health_export", "workout-routes", "electrocardiograms")),
    ("journal", (".txt", ".md"), ()),
)
_CLAIMED = frozenset(suffix for _, suffixes, _ in FORMAT_MODULES for suffix in suffixes)
EXPORT_FOLDER_PATTERNS = tuple(pattern for *_, folders in FORMAT_MODULES for pattern in folders)


@functools.cache
def importers() -> tuple[Importer, ...]:
    """Every importer module, in FORMAT_MODULES' order (imported on first use)."""
    return tuple(_module(name) for name, *_ in FORMAT_MODULES)


def _module(name: str) -> Importer:
    return importlib.import_module(f"{__name__}.{name}")  # type: ignore[return-value]


def suffix_of(name: str) -> str:
    """The format suffix of a file name, lower case, ignoring a trailing .gz."""
    return PurePath(name.lower().removesuffix(".gz")).suffix


def importer_for(name: str, head: bytes) -> Importer:
    """The importer whose suffix matches `name` and which recognises `head`."""
    suffix = suffix_of(name)
    named = [_module(module) for module, suffixes, _ in FORMAT_MODULES if suffix in suffixes]
    for importer in named or importers():
        if importer.sniff(head):
            return importer
    if named:
        raise UnrecognisedFile(f"named {suffix} but runlog cannot read it as {suffix[1:].upper()}")
    raise UnrecognisedFile(f"not a format runlog reads ({suffix or 'no suffix'})")


def claims(name: str) -> bool:
    """Whether some importer reads files with this name's suffix (used when walking folders)."""
    return suffix_of(name) in _CLAIMED


def __getattr__(name: str) -> object:
    """Imported, Importer, Problem, Record and RecordTable from analyzer.importers.base, read
    when asked for (base imports pandas)."""
    if name in {"Imported", "Importer", "Problem", "Record", "RecordTable"}:
        from analyzer.importers import base

        return getattr(base, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "EXPORT_FOLDER_PATTERNS",
    "FORMAT_MODULES",
    "Imported",
    "Importer",
    "Problem",
    "Record",
    "RecordTable",
    "claims",
    "importer_for",
    "importers",
    "suffix_of",
]
