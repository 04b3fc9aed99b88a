"""The activities table as a file for other tools: Parquet (typed) or CSV (ISO dates).

`runlog import` writes these (the table as published: analyzer/schema.py). Parquet keeps
every dtype: `local_date` as a date, times as UTC timestamps, lists of ids as lists. CSV
writes dates and times as ISO text (every instant whole), joins lists with ';', and marks
text a spreadsheet would run as a formula with a leading `'` (report/literal.py): read back
with analyzer.schema.read_csv, a CSV gives the Parquet's values.
"""

from __future__ import annotations

import io

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analyzer.report.literal import spreadsheet_cell

# infer_dtype kinds that pyarrow stores as they are; any other mix of values becomes text
_ARROW_READY_KINDS = ("empty", "string", "date", "boolean", "integer", "floating")


def activities_parquet(activities: pd.DataFrame) -> bytes:
    """The table as Parquet bytes; an object column of mixed values is stored as text."""
    table = pa.Table.from_pandas(_arrow_ready(activities), preserve_index=False)
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


def activities_csv(activities: pd.DataFrame) -> str:
    """The table as CSV text: ISO dates and times, lists joined with ';', empty for missing;
    text a spreadsheet would run as a formula (=, +, -, @) starts with `'`."""
    written = activities.copy()
    for column in written.columns:
        values = written[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            written[column] = _iso_times(values)
        elif values.dtype == object and _holds_sequences(values):
            written[column] = values.map(_joined, na_action="ignore").map(spreadsheet_cell)
        elif values.dtype == object or pd.api.types.is_string_dtype(values):
            written[column] = values.map(spreadsheet_cell, na_action="ignore")
    return written.to_csv(index=False, lineterminator="\n")


def _iso_times(values: pd.Series) -> pd.Series:
    """Times as ISO 8601 text ('2026-03-22T06:00:00+00:00'), one precision for the column:
    the coarsest that writes every time whole (a reader gets the same instants back), so
    that readers parsing the column with one format do not stumble."""
    present = values.dropna()
    nanoseconds = present.dt.microsecond * 1000 + present.dt.nanosecond
    timespec = next(
        (
            name
            for name, unit in (("seconds", 10**9), ("milliseconds", 10**6), ("microseconds", 10**3))
            if ((nanoseconds % unit) == 0).all()
        ),
        "nanoseconds",
    )
    return values.map(lambda time: time.isoformat(timespec=timespec), na_action="ignore")


def _arrow_ready(activities: pd.DataFrame) -> pd.DataFrame:
    ready = activities.copy()
    for column in ready.columns:
        values = ready[column]
        if values.dtype != object:
            continue
        if _holds_sequences(values):
            ready[column] = values.map(_as_text_list, na_action="ignore")
        elif pd.api.types.infer_dtype(values, skipna=True) not in _ARROW_READY_KINDS:
            ready[column] = values.map(str, na_action="ignore").astype("string")
    return ready


def _holds_sequences(values: pd.Series) -> bool:
    present = values.dropna()
    return not present.empty and present.map(lambda item: isinstance(item, list | tuple)).all()


def _as_text_list(items: list | tuple) -> list[str]:
    return [str(item) for item in items]


def _joined(items: list | tuple) -> str:
    return ";".join(str(item) for item in items)


__all__ = ["activities_csv", "activities_parquet"]
