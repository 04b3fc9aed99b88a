"""Parquet datasets partitioned by athlete: what `runlog import PATH -o OUT/` writes.

    OUT/activities/athlete=ana/part-0.parquet   one row per activity (docs/DESIGN.md#the-tables)
    OUT/notes/athlete=ana/part-0.parquet        dated notes
    OUT/findings/athlete=ana/part-0.parquet     the rules' findings (evidence and related as JSON)
    OUT/weekly/athlete=ana/part-0.parquet       the weekly table (analyzer.weekly)
    OUT/samples/athlete=ana/part-0.parquet      the samples, when asked for

Every athlete's files have the same typed schema, so `pandas.read_parquet("OUT/weekly")`, Dask,
Spark or DuckDB read a table of any number of athletes; the athlete comes from the folder name
(hive style, URL-encoded). OUT may be a local folder or an fsspec URL (s3://, gs://, abfs://).
Writing an athlete replaces that athlete's files and nothing else.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

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
    there; an athlete without rows in a table has no file in it."""
    fs, root = filesystem_of(out)
    for athlete in athletes:
        for name, table in tables.items():
            rows = table[table[PARTITION_COLUMN] == athlete]
            folder = partition_folder(root, name, athlete)
            _clear(fs, folder)
            if rows.empty:
                continue
            fs.makedirs(folder, exist_ok=True)
            arrow = _arrow_table(rows.drop(columns=[PARTITION_COLUMN]), SCHEMAS[name])
            with fs.open(f"{folder}/{PART_NAME}", "wb") as stream:
                pq.write_table(arrow, stream)


def write_samples(out: str, log: TrainingLog, athlete: str) -> int:
    """The athlete's samples into its samples partition, one activity at a time (never all of
    them in memory); the number of samples written."""
    fs, root = filesystem_of(out)
    folder = partition_folder(root, SAMPLES, athlete)
    _clear(fs, folder)
    ids = log.activities.loc[log.activities[PARTITION_COLUMN] == athlete, "activity_id"]
    ids = [activity_id for activity_id in ids if activity_id in log.sample_loaders]
    if not ids:
        return 0
    fs.makedirs(folder, exist_ok=True)
    written = 0
    with (
        fs.open(f"{folder}/{PART_NAME}", "wb") as stream,
        pq.ParquetWriter(stream, SCHEMAS[SAMPLES]) as writer,
    ):
        for activity_id in ids:
            samples = log.samples_for(activity_id)
            writer.write_table(_arrow_table(samples, SCHEMAS[SAMPLES]))
            written += len(samples)
    return written


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
            frame = pq.read_table(stream, schema=schema).to_pandas(types_mapper=_pandas_type)
        frames.append(frame.assign(**{PARTITION_COLUMN: athlete}))
    if not frames:
        empty = schema.empty_table().to_pandas(types_mapper=_pandas_type)
        frames = [empty.assign(**{PARTITION_COLUMN: pd.Series(dtype="string")})]
    table = pd.concat(frames, ignore_index=True)
    table[PARTITION_COLUMN] = table[PARTITION_COLUMN].astype("string")
    return table[[PARTITION_COLUMN, *schema.names]]


def partition_folder(root: str, name: str, athlete: str) -> str:
    """Where one athlete's part of a table sits: ROOT/name/athlete=NAME (URL-encoded)."""
    return f"{root}/{name}/{PARTITION_COLUMN}={urllib.parse.quote(athlete, safe='')}"


def _clear(fs: Any, folder: str) -> None:
    if fs.exists(folder):
        fs.rm(folder, recursive=True)


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
    "partition_folder",
    "read_table",
    "write_athletes",
    "write_log",
    "write_samples",
]
