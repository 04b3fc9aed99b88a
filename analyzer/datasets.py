"""Parquet datasets partitioned by athlete: what `runlog import PATH -o OUT/` writes.

    OUT/activities/athlete=ana/part-0.parquet   one row per activity (docs/DESIGN.md#the-tables)
    OUT/notes/athlete=ana/part-0.parquet        dated notes
    OUT/findings/athlete=ana/part-0.parquet     the rules' findings (evidence and related as JSON)
    OUT/weekly/athlete=ana/part-0.parquet       the weekly table (analyzer.weekly)
    OUT/samples/athlete=ana/part-0.parquet      the samples, when asked for

Every athlete's files have the same typed schema, so `pandas.read_parquet("OUT/weekly")`, Dask,
Spark or DuckDB read a table of any number of athletes; the athlete comes from the folder name
(hive style: the characters a file system or a reader could take otherwise are %-escaped, as
Hive and Spark escape them). OUT may be a local folder or an fsspec URL (s3://, gs://, abfs://).

Writing an athlete replaces that athlete's files and nothing else, each file whole: on a disk,
the athlete's new files are all written under temporary names first (analyzer/atomic.py),
then each is renamed over the old one, so a reader meets each partition old or new, never
half written or missing, and a run that is killed or meets a full disk leaves the old ones.
In an object store a file is one object, which appears whole when its upload completes.
Writers of one local OUT take turns (a lock in OUT), so concurrent imports queue.

A folder name must fit every file system (143 bytes: eCryptfs, the encrypted home folders
of Linux, allows no more). An athlete whose escaped name is longer gets a shortened one that
ends in `~` and 8 hex digits of a hash of the whole name; pandas then shows that name, and
`read_table` gives the whole one, which every file keeps in its metadata.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import urllib.parse
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analyzer import atomic
from analyzer.checkers import Finding, findings_table
from analyzer.log import TrainingLog
from analyzer.profile import Profile
from analyzer.schema import (
    ACTIVITY_COLUMNS,
    DATE,
    FINDING_COLUMNS,
    NOTE_COLUMNS,
    SAMPLE_COLUMNS,
    Column,
    Spec,
    published,
)
from analyzer.storage import filesystem_of
from analyzer.weekly import WEEKLY_COLUMNS, weekly_table

TABLES = ("activities", "notes", "findings", "weekly")
SAMPLES = "samples"
PARTITION_COLUMN = "athlete"
PART_NAME = "part-0.parquet"
ATHLETE_METADATA_KEY = b"runlog.athlete"  # the whole name, when the folder's is shortened
MAX_FOLDER_NAME_BYTES = 143  # eCryptfs' limit; ext4, APFS and NTFS allow 255
_HASH_CHARACTERS = 8
_MAX_NAME_BYTES = 255  # the most any file system allows: a longer name was never written
# Hive's and Spark's escaped characters (ExternalCatalogUtils.escapePathName, with those it
# escapes on Windows), so every reader unescapes what runlog escapes; control characters too.
_ESCAPED = frozenset("\"#%'*/:=?\\{}[]^<>| \x7f") | frozenset(map(chr, range(32)))

_ARROW_TYPES = {
    "string": pa.string(),
    "float64": pa.float64(),
    "int64": pa.int64(),
    "boolean": pa.bool_(),
    "datetime64[ns, UTC]": pa.timestamp("ns", tz="UTC"),
    DATE: pa.date32(),
    "object": pa.date32(),  # the weekly table's object columns are local dates
}
FINDING_TYPES = {
    "athlete": pa.string(),
    "rule": pa.string(),
    "code": pa.string(),
    "severity": pa.string(),
    "date": pa.date32(),
    "period_start": pa.date32(),
    "period_end": pa.date32(),
    "message": pa.string(),
    "evidence": pa.string(),  # JSON object
    "activity_ids": pa.list_(pa.string()),
    "related": pa.string(),  # JSON list of {rule, code, severity, date}
}


def _schema(columns: Mapping[str, Spec]) -> pa.Schema:
    return pa.schema(
        [
            (name, _ARROW_TYPES[spec.dtype if isinstance(spec, Column) else spec[0]])
            for name, spec in columns.items()
            if name != PARTITION_COLUMN
        ]
    )


SCHEMAS: dict[str, pa.Schema] = {
    "activities": _schema(ACTIVITY_COLUMNS),
    "notes": _schema(NOTE_COLUMNS),
    "findings": pa.schema(
        [(name, FINDING_TYPES[name]) for name in FINDING_COLUMNS if name != PARTITION_COLUMN]
    ),  # evidence and related as JSON text
    "weekly": _schema(WEEKLY_COLUMNS),
    SAMPLES: _schema(SAMPLE_COLUMNS),
}


def findings_frame(findings: Sequence[Finding]) -> pd.DataFrame:
    """The findings as the dataset holds them: the published table (schema.FINDING_COLUMNS),
    with evidence and related findings as JSON text."""
    table = published(findings_table(list(findings)), FINDING_COLUMNS)
    return table.assign(
        evidence=[json.dumps(value, sort_keys=True, default=str) for value in table["evidence"]],
        activity_ids=[list(ids) for ids in table["activity_ids"]],
        related=[
            json.dumps(
                [
                    {
                        "rule": other.rule,
                        "code": other.code,
                        "severity": other.severity,
                        "date": other.date.isoformat(),
                    }
                    for other in related
                ]
            )
            for related in table["related"]
        ],
    )


def athlete_tables(
    log: TrainingLog, findings: Sequence[Finding], weekly: pd.DataFrame
) -> dict[str, pd.DataFrame]:
    """The four tables of a log, as the datasets hold them (canonical columns only)."""
    return {
        "activities": published(log.activities, ACTIVITY_COLUMNS),
        "notes": published(log.notes, NOTE_COLUMNS),
        "findings": findings_frame(findings),
        "weekly": weekly,
    }


def write_athletes(out: str, tables: dict[str, pd.DataFrame], athletes: Iterable[str]) -> None:
    """Each athlete's rows of each table into its partition under `out`, replacing what was
    there, each athlete's files staged together and then swapped in. An athlete without rows
    in a table gets a file without rows: a file that was there is replaced, never removed, so
    a reader that listed it finds it. OutputError when the disk refuses, the athletes not yet
    swapped in keeping their old files."""
    with _Writer(out) as writer:
        for athlete in athletes:
            parts: dict[str, _Write] = {}
            for name, table in tables.items():
                rows = table[table[PARTITION_COLUMN] == athlete]
                arrow = _arrow_table(rows.drop(columns=[PARTITION_COLUMN]), SCHEMAS[name])
                parts[name] = _table_writer(arrow, athlete)
            writer.replace(athlete, parts)


def write_samples(out: str, log: TrainingLog, athlete: str) -> int:
    """The athlete's samples into its samples partition, one activity at a time (never all of
    them in memory), replacing what was there (an athlete without samples gets a file
    without rows); the number of samples written."""
    ids = log.activities.loc[log.activities[PARTITION_COLUMN] == athlete, "activity_id"]
    ids = [activity_id for activity_id in ids if activity_id in log.sample_loaders]
    written = [0]

    def write(stream: BinaryIO) -> None:
        schema = SCHEMAS[SAMPLES].with_metadata({ATHLETE_METADATA_KEY: athlete.encode()})
        with pq.ParquetWriter(stream, schema) as parquet:
            for activity_id in ids:
                samples = log.samples_for(activity_id)
                parquet.write_table(_arrow_table(samples, schema))
                written[0] += len(samples)

    with _Writer(out) as writer:
        writer.replace(athlete, {SAMPLES: write})
    return written[0]


def write_log(
    out: str,
    log: TrainingLog,
    findings: Sequence[Finding],
    profile: Profile | None = None,
    with_samples: bool = False,
) -> tuple[int, int]:
    """Every athlete of the log written to `out` (its tables, and its samples when asked):
    what `runlog import -o OUT/` writes for each athlete. (weeks, samples) written."""
    weekly = weekly_table(log, list(findings), profile)
    write_athletes(out, athlete_tables(log, list(findings), weekly), log.athletes)
    samples = (
        sum(write_samples(out, log, athlete) for athlete in log.athletes) if with_samples else 0
    )
    return len(weekly), samples


def read_table(out: str, name: str) -> pd.DataFrame:
    """One table of the datasets under `out`, every athlete, athlete first (empty when none)."""
    fs, root = filesystem_of(out)
    folder = f"{root}/{name}"
    schema = SCHEMAS[name]
    files = (
        sorted(fs.glob(f"{folder}/{PARTITION_COLUMN}=*/{PART_NAME}")) if fs.exists(folder) else []
    )
    frames = []
    for path in files:
        athlete = urllib.parse.unquote(path.rsplit("/", 2)[-2].split("=", 1)[1])
        with fs.open(path, "rb") as stream:
            whole_name = (pq.read_schema(stream).metadata or {}).get(ATHLETE_METADATA_KEY)
            stream.seek(0)
            arrow = pq.read_table(stream, schema=schema)
        if whole_name is not None:
            athlete = whole_name.decode("utf-8")
        frame = arrow.to_pandas(types_mapper=_pandas_type)
        frames.append(frame.assign(**{PARTITION_COLUMN: athlete}))
    if not frames:
        empty = schema.empty_table().to_pandas(types_mapper=_pandas_type)
        frames = [empty.assign(**{PARTITION_COLUMN: pd.Series(dtype="string")})]
    table = pd.concat(frames, ignore_index=True)
    table[PARTITION_COLUMN] = table[PARTITION_COLUMN].astype("string")
    return table[[PARTITION_COLUMN, *schema.names]]


def partition_folder(root: str, name: str, athlete: str) -> str:
    """Where one athlete's part of a table sits: ROOT/name/athlete=NAME (escaped, shortened
    when too long for a file system)."""
    return f"{root}/{name}/{folder_name(athlete)}"


def folder_name(athlete: str) -> str:
    """An athlete's partition folder: `athlete=` and the name, Hive-escaped; a name past
    MAX_FOLDER_NAME_BYTES is cut and ends in `~` and a hash of the whole name."""
    escaped = [
        f"%{ord(character):02X}" if character in _ESCAPED else character for character in athlete
    ]
    if escaped and escaped[-1] == ".":
        escaped[-1] = "%2E"  # Windows drops a name's last dot
    prefix = f"{PARTITION_COLUMN}="
    name = prefix + "".join(escaped)
    if len(name.encode("utf-8")) <= MAX_FOLDER_NAME_BYTES:
        return name
    digest = hashlib.sha256(athlete.encode("utf-8", "surrogatepass")).hexdigest()
    suffix = "~" + digest[:_HASH_CHARACTERS]
    room = MAX_FOLDER_NAME_BYTES - len(prefix) - len(suffix)
    kept: list[str] = []
    for piece in escaped:  # whole characters (and whole escapes) only
        room -= len(piece.encode("utf-8", "surrogatepass"))
        if room < 0:
            break
        kept.append(piece)
    return prefix + "".join(kept) + suffix


def _legacy_folder_name(athlete: str) -> str:
    """The folder name runlog gave an athlete before (every character but letters, digits
    and _.-~ escaped): a rewrite removes it, so an athlete is never in two folders."""
    return f"{PARTITION_COLUMN}={urllib.parse.quote(athlete, safe='')}"


_Write = Callable[[BinaryIO], None]


def _table_writer(arrow: pa.Table, athlete: str) -> _Write:
    table = arrow.replace_schema_metadata(
        {**(arrow.schema.metadata or {}), ATHLETE_METADATA_KEY: athlete.encode("utf-8")}
    )

    def write(stream: BinaryIO) -> None:
        pq.write_table(table, stream)

    return write


class _Writer:
    """Replaces athletes' partitions under OUT, whole: on a local disk under OUT's lock, each
    athlete's files staged under temporary names and then renamed into place; in an object
    store each file uploaded as one object."""

    def __init__(self, out: str) -> None:
        self.out = out
        self.fs, self.root = filesystem_of(out)
        self.is_local = "file" in _protocols(self.fs)
        self.athletes_done = 0
        self._stack = contextlib.ExitStack()

    def __enter__(self) -> _Writer:
        if self.is_local:
            root = Path(self.root)
            try:
                root.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise atomic.cannot_write(self.out, err) from err
            self._stack.enter_context(atomic.locked(root))
        return self

    def __exit__(self, *exc: object) -> None:
        self._stack.close()

    def replace(self, athlete: str, parts: dict[str, _Write]) -> None:
        """The athlete's file in each table of `parts` replaced by what its writer writes."""
        try:
            if self.is_local:
                self._replace_on_disk(athlete, parts)
            else:
                self._replace_in_store(athlete, parts)
        except OSError as err:
            done = self.athletes_done
            athletes = "athlete" if done == 1 else "athletes"
            before = f"; the {done} {athletes} before them were written" if done else ""
            raise atomic.cannot_write(
                f"{self.out} ({athlete}'s tables)",
                err,
                f"their previous tables are as they were{before}",
            ) from err
        self.athletes_done += 1

    def _replace_on_disk(self, athlete: str, parts: dict[str, _Write]) -> None:
        staged: list[tuple[Path, Path]] = []  # (the part, its new version)
        try:
            for name, write in parts.items():
                folder = Path(partition_folder(self.root, name, athlete))
                atomic.remove_stale(folder, PART_NAME)
                part = folder / PART_NAME
                folder.mkdir(parents=True, exist_ok=True)
                staged.append((part, atomic.staged(part, write)))
            for part, new in staged:  # all written: now swapped in, one rename each
                new.replace(part)
                legacy = part.parent.with_name(_legacy_folder_name(athlete))
                if legacy != part.parent and len(legacy.name.encode()) <= _MAX_NAME_BYTES:
                    _remove_part(legacy / PART_NAME)
        except BaseException:
            for _, new in staged:
                atomic.discard(new)
            raise

    def _replace_in_store(self, athlete: str, parts: dict[str, _Write]) -> None:
        for name, write in parts.items():
            folder = partition_folder(self.root, name, athlete)
            with self.fs.open(f"{folder}/{PART_NAME}", "wb") as stream:
                write(stream)
            legacy = f"{self.root}/{name}/{_legacy_folder_name(athlete)}"
            if legacy != folder and self.fs.exists(legacy):
                self.fs.rm(legacy, recursive=True)


def _remove_part(part: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        part.unlink()
    with contextlib.suppress(OSError):  # not empty (a staged file), or gone
        part.parent.rmdir()


def _protocols(fs: Any) -> tuple[str, ...]:
    protocol = fs.protocol
    return (protocol,) if isinstance(protocol, str) else tuple(protocol)


def _arrow_table(frame: pd.DataFrame, schema: pa.Schema) -> pa.Table:
    columns = {}
    for field in schema:
        values = frame[field.name] if field.name in frame else pd.Series(index=frame.index)
        if pa.types.is_date32(field.type):
            values = values.map(_as_date, na_action="ignore")
        columns[field.name] = pa.array(
            values.astype(object).where(values.notna(), None).tolist(), type=field.type
        )
    return pa.table(columns, schema=schema)


def _as_date(value: Any) -> Any:
    return value.date() if isinstance(value, pd.Timestamp) else value


def _pandas_type(arrow_type: pa.DataType) -> Any:
    if pa.types.is_string(arrow_type):
        return pd.StringDtype()
    if pa.types.is_boolean(arrow_type):
        return pd.BooleanDtype()
    return None


__all__ = [
    "SAMPLES",
    "SCHEMAS",
    "TABLES",
    "athlete_tables",
    "findings_frame",
    "folder_name",
    "partition_folder",
    "read_table",
    "write_athletes",
    "write_log",
    "write_samples",
]
