"""What every importer gives and is: `Record`, `Imported`, `Problem` and the `Importer` protocol.

Importer modules import these from here, and the registry (`analyzer.importers`) imports the
importer modules: nothing imports in a circle.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Protocol, overload

import pandas as pd

from analyzer.errors import FileErrorKind


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


# Fields a table's records give as text: a missing one is None, as a source leaves it out.
TEXT_FIELDS = frozenset(
    {"sport", "sub_sport", "surface", "shoe", "name", "notes", "device", "linked_file", "athlete"}
)


class RecordTable(Sequence[Record]):
    """The records of a table (a spreadsheet's rows: one activity each, no samples) as the
    columns of one frame, Record's field names as its column names.

    A hand log of a club keeps a million rows: as Records they would be a million dicts
    (5 GB, minutes to make and check). The import cache, the plausibility checks and the
    loader read the frame whole; a Record is made only when one is asked for (a test, a
    notebook), its missing texts None as a source's record leaves them.
    """

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame.reset_index(drop=True)

    def __len__(self) -> int:
        return len(self.frame)

    @overload
    def __getitem__(self, index: int) -> Record: ...

    @overload
    def __getitem__(self, index: slice) -> list[Record]: ...

    def __getitem__(self, index: int | slice) -> Record | list[Record]:
        if isinstance(index, slice):
            return list(RecordTable(self.frame.iloc[index]))
        position = range(len(self.frame))[index]  # IndexError past the end, as a list's
        return next(iter(RecordTable(self.frame.iloc[position : position + 1])))

    def __iter__(self) -> Iterator[Record]:
        keys = list(self.frame.columns)
        values = []
        for name in keys:
            column = self.frame[name]
            if name in TEXT_FIELDS or column.dtype in ("string", "boolean", object):
                column = column.astype(object).where(column.notna(), None)
            values.append(column.tolist())
        for row in zip(*values, strict=True):
            yield Record(fields=dict(zip(keys, row, strict=True)))


@dataclass(frozen=True)
class Imported:
    """What one file gave: activities, notes, shoes, and what could not be read."""

    # each activity as a Record; a table's rows as a RecordTable (one frame)
    records: list[Record] | RecordTable = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)  # local_date, text[, athlete]
    shoes: list[dict[str, Any]] = field(default_factory=list)  # schema.SHOE_COLUMNS keys
    # partial reads, what was skipped; kind NOTICE: read in full, with a remark
    problems: list[Problem] = field(default_factory=list)


class Importer(Protocol):
    """An importer module: what it reads, how it tells, how it reads, and its traits."""

    FORMAT: str  # the source_format of its records
    MERGE_RANK: int  # records of one run merge into the lowest rank's (the richest source)
    LABELLED: bool  # its names and sports are a person's choice, kept over a device's guess
    EXPORT_INDEX_NAMES: tuple[str, ...]  # files that mark an unpacked export of this format:
    # other CSVs beside them are passed over quietly
    ID_PREFIX: str  # the prefix of the activity ids it gives ("" when ids are content hashes)

    def sniff(self, head: bytes) -> bool: ...

    def read(self, stream: BinaryIO) -> Imported: ...
