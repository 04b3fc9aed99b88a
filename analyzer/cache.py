"""Import cache entries: what one file gave, in JSON and Arrow, checked before it is trusted.

An entry holds one parsed file: its fields, notes, shoes and problems as JSON (each value
tagged with its type, so dates and times come back as they went in), a table's records
(importers.RecordTable) as an Arrow IPC stream of their columns, and each record's samples
as an Arrow IPC stream. Neither form can run code when read (pickle could). An entry opens
with its format version, the key it was written under and a SHA-256 of its JSON part, which
holds a SHA-256 of each record's samples: an entry that was cut short, changed, emptied or
swapped for another file's entry fails one of those checks, or its read, and is not trusted;
the caller reads the source file afresh. A warm load reads and checks the JSON part alone
(samples are most of an entry's bytes); samples are checked when they are read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import struct
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from analyzer.errors import FileErrorKind
from analyzer.importers import Imported, Problem, Record, RecordTable

ENTRY_MAGIC = b"runlog-cache 4\n"  # a new layout bumps the number: old entries are rebuilt
_LENGTH = struct.Struct(">QQ")  # the byte lengths of the JSON part and of the table's columns
_TABLE_COMPRESSION = "zstd"  # Arrow's IPC compression of a table's columns
_PLAIN_DTYPES = {"float64", "int64", "bool", "datetime64[ns]", "datetime64[ns, UTC]"}


class DamagedEntry(Exception):
    """A cache entry that is not exactly what runlog wrote under its key."""


def encode_entry(key: str, file_format: str, content_id: str, imported: Imported) -> bytes:
    """The bytes of an entry; TypeError or pyarrow's ArrowException for a value it cannot hold."""
    blobs: list[pa.Buffer] = []
    records = []
    table = None
    table_blob: bytes | pa.Buffer = b""
    if isinstance(imported.records, RecordTable):
        table, table_blob = _table_encoded(imported.records.frame)
    else:
        for record in imported.records:
            span = None
            if record.samples is not None:
                blob, is_plain = _frame_bytes(record.samples)
                checksum = hashlib.sha256(blob).hexdigest()
                span = [sum(map(len, blobs)), len(blob), len(record.samples), is_plain, checksum]
                blobs.append(blob)
            records.append({"fields": _encoded(record.fields), "samples": span})
    document = {
        "format": file_format,
        "content_id": content_id,
        "records": records,
        "table": table,
        "notes": _encoded(imported.notes),
        "shoes": _encoded(imported.shoes),
        "problems": [[problem.reason, str(problem.kind)] for problem in imported.problems],
    }
    text = json.dumps(document, allow_nan=False, separators=(",", ":")).encode("utf-8")
    described = [_LENGTH.pack(len(text), len(table_blob)), text, table_blob]
    digest = hashlib.sha256()
    for part in described:  # hashed in parts: a table's columns are copied once, below
        digest.update(part)
    opening = [ENTRY_MAGIC, key.encode("ascii"), b"\n", digest.hexdigest().encode("ascii"), b"\n"]
    return b"".join([*opening, *described, *blobs])


def _table_encoded(frame: pd.DataFrame) -> tuple[dict[str, Any], pa.Buffer]:
    """A table's records: its typed columns as an Arrow IPC stream (pandas' dtypes kept in
    its metadata), its columns of Python objects as tagged JSON, and the columns' order."""
    objects = [name for name in frame.columns if frame[name].dtype == object]
    typed = pa.Table.from_pandas(frame.drop(columns=objects), preserve_index=False, nthreads=1)
    sink = pa.BufferOutputStream()
    # compressed: a log repeats its names and words (177 MB for a million rows, against 9)
    options = pa.ipc.IpcWriteOptions(compression=_TABLE_COMPRESSION)
    with pa.ipc.new_stream(sink, typed.schema, options=options) as writer:
        writer.write_table(typed)
    described = {
        "columns": list(frame.columns),
        "objects": {name: _encoded(frame[name].tolist()) for name in objects},
        "rows": len(frame),
    }
    return described, sink.getvalue()


def _table_decoded(described: dict[str, Any], blob: memoryview) -> RecordTable:
    with pa.ipc.open_stream(pa.py_buffer(blob)) as reader:
        typed = reader.read_all().to_pandas()
    rows = int(described["rows"])
    if len(typed.columns) and len(typed) != rows:
        raise ValueError("a table of another length")
    objects = {
        name: pd.Series(_decoded(values), dtype=object)
        for name, values in described["objects"].items()
    }
    columns = {
        name: objects[name] if name in objects else typed[name] for name in described["columns"]
    }
    return RecordTable(pd.DataFrame(columns, index=pd.RangeIndex(rows)))


@dataclass(frozen=True)
class Entry:
    """What an entry holds. Read without samples, `imported`'s records hold none and
    `has_samples` says which records have some in the entry."""

    file_format: str
    content_id: str
    imported: Imported
    has_samples: tuple[bool, ...]


def decode_entry(key: str, data: bytes, *, with_samples: bool = True) -> Entry:
    """The Entry in an entry's bytes; DamagedEntry when they are not exactly an entry written
    under `key`. Without samples, `data` may stop after the JSON part and the table's columns
    (entry_head_size)."""
    body = _checked_body(key, data)
    try:
        length, table_length = _LENGTH.unpack_from(body)
        document = json.loads(body[_LENGTH.size : _LENGTH.size + length])
        table_start = _LENGTH.size + length
        blobs = memoryview(body)[table_start + table_length :]
        spans = [item["samples"] for item in document["records"]]
        records: list[Record] | RecordTable = [
            Record(_decoded(item["fields"]), _samples(blobs, span) if with_samples else None)
            for item, span in zip(document["records"], spans, strict=True)
        ]
        if document["table"] is not None:
            table_blob = memoryview(body)[table_start : table_start + table_length]
            records = _table_decoded(document["table"], table_blob)
        imported = Imported(
            records=records,
            notes=_decoded(document["notes"]),
            shoes=_decoded(document["shoes"]),
            problems=[
                Problem(str(reason), FileErrorKind(kind)) for reason, kind in document["problems"]
            ],
        )
        has_samples = tuple(span is not None and span[2] > 0 for span in spans)
        if isinstance(records, RecordTable):  # a table's records have no samples
            has_samples = (False,) * len(records)
        return Entry(str(document["format"]), str(document["content_id"]), imported, has_samples)
    except (struct.error, ValueError, KeyError, TypeError, IndexError, pa.ArrowException) as err:
        # ValueError covers bad JSON and bad text; a checksum match makes these near impossible
        raise DamagedEntry(f"cannot be read ({err!r})") from err


def entry_head_size(key: str, start: bytes) -> int:
    """How many bytes of an entry hold all but its samples, from its first bytes (at least
    the opening, the key, the checksum and 16 more); DamagedEntry when they are not an
    entry's."""
    opening = ENTRY_MAGIC + key.encode("ascii") + b"\n"
    size = len(opening) + 64 + 1  # the SHA-256 in hex, and its line's end
    if not start.startswith(opening) or len(start) < size + _LENGTH.size:
        raise DamagedEntry("not an entry of this version under this key")
    length, table_length = _LENGTH.unpack_from(start, size)
    return size + _LENGTH.size + int(length) + int(table_length)


def _checked_body(key: str, data: bytes) -> bytes:
    """What follows the checksum line, once the JSON part matches its checksum."""
    head = ENTRY_MAGIC + key.encode("ascii") + b"\n"
    if not data.startswith(head):
        raise DamagedEntry("not an entry of this version under this key")
    digest, separator, body = data[len(head) :].partition(b"\n")
    try:
        length, table_length = _LENGTH.unpack_from(body)
    except struct.error as err:
        raise DamagedEntry("cut short") from err
    described = body[: _LENGTH.size + length + table_length]
    if (
        not separator
        or len(described) != _LENGTH.size + length + table_length
        or hashlib.sha256(described).hexdigest().encode("ascii") != digest
    ):
        raise DamagedEntry("its checksum does not match")
    return body


def _frame_bytes(frame: pd.DataFrame) -> tuple[pa.Buffer, bool]:
    """An Arrow IPC stream of the frame (a buffer: bytes-like, not copied into bytes), and
    whether it is plain: numbers and times under a 0..n index, rebuilt column by column
    (pandas' own rebuilding costs ~2 ms a frame, which a warm load of years of files feels)."""
    index = frame.index
    is_plain = (
        isinstance(index, pd.RangeIndex)
        and index.start == 0
        and index.step == 1
        and frame.columns.is_unique
        and all(isinstance(name, str) for name in frame.columns)
    )
    columns = list(frame.items()) if is_plain else []
    if is_plain and all(str(column.dtype) in _PLAIN_DTYPES for _, column in columns):
        # column by column from numpy: from_pandas costs 5x as much, and starts threads
        arrays = [_arrow_array(column) for _, column in columns]
        table = pa.Table.from_arrays(arrays, names=[name for name, _ in columns])
    else:
        is_plain = False
        table = pa.Table.from_pandas(frame, preserve_index=True, nthreads=1)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue(), is_plain


def _arrow_array(column: pd.Series) -> pa.Array:
    """A plain column (_PLAIN_DTYPES) as Arrow, from its numpy values: the same array as
    pa.array(column) gives (NaT and NaN are nulls), at a fifth of the cost."""
    dtype = column.dtype
    if dtype.kind == "M":  # datetime64[ns], naive or in UTC
        nanoseconds = column.array.asi8
        tz = str(dtype.tz) if isinstance(dtype, pd.DatetimeTZDtype) else None
        is_nat = nanoseconds == np.iinfo(np.int64).min
        return pa.array(
            nanoseconds, type=pa.timestamp("ns", tz=tz), mask=is_nat if is_nat.any() else None
        )
    values = column.to_numpy()
    if dtype.kind == "f":  # NaN as null, as from_pandas makes it, at a tenth of the cost
        is_nan = np.isnan(values)
        return pa.array(values, mask=is_nan if is_nan.any() else None)
    return pa.array(values, from_pandas=True)


def _samples(blobs: memoryview, span: list[Any] | None) -> pd.DataFrame | None:
    if span is None:
        return None
    start, length, rows, is_plain, checksum = span
    if start < 0 or length < 0 or start + length > len(blobs):
        raise IndexError("samples outside the entry")
    blob = blobs[start : start + length]
    if hashlib.sha256(blob).hexdigest() != checksum:
        raise ValueError("samples that do not match their checksum")
    with pa.ipc.open_stream(pa.py_buffer(blob)) as reader:
        table = reader.read_all()
    if not is_plain:
        return table.to_pandas()
    if table.num_columns and table.num_rows != rows:
        raise ValueError("samples of another length")
    columns = {}
    for name, column in zip(table.column_names, table.columns, strict=True):
        values = column.to_numpy(zero_copy_only=False)
        if pa.types.is_timestamp(column.type) and column.type.tz is not None:
            values = pd.DatetimeIndex(values).tz_localize(column.type.tz)
        columns[name] = values
    return pd.DataFrame(columns, index=pd.RangeIndex(rows), copy=False)


# Values as JSON: plain JSON for str, int, finite float, bool, None and lists; a one-key object
# naming the type for the rest. Dicts are tagged too, so a field named "$date" stays a field.
def _encoded(value: Any) -> Any:
    if value is None or isinstance(value, str | bool):
        return value
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        number = float(value)
        return number if math.isfinite(number) else {"$float": repr(number)}
    if value is pd.NaT:
        return {"$nat": None}
    if value is pd.NA:
        return {"$na": None}
    if isinstance(value, dt.datetime):
        stamp = pd.Timestamp(value)
        # the offset is in the text; a named zone (zoneinfo's key, pytz's zone) is kept beside it
        zone = getattr(stamp.tzinfo, "key", None) or getattr(stamp.tzinfo, "zone", None)
        return {"$time": [stamp.isoformat(), zone]}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, dt.timedelta):
        return {"$timedelta": pd.Timedelta(value).value}
    if isinstance(value, tuple):
        return {"$tuple": [_encoded(item) for item in value]}
    if isinstance(value, list):
        return [_encoded(item) for item in value]
    if isinstance(value, dict) and all(isinstance(name, str) for name in value):
        return {"$dict": {name: _encoded(item) for name, item in value.items()}}
    raise TypeError(f"a cache entry cannot hold {type(value).__name__}")


def _decoded(value: Any) -> Any:
    if isinstance(value, list):
        return [_decoded(item) for item in value]
    if not isinstance(value, dict):
        return value
    ((tag, content),) = value.items()
    if tag == "$dict":
        return {name: _decoded(item) for name, item in content.items()}
    if tag == "$tuple":
        return tuple(_decoded(item) for item in content)
    if tag == "$float":
        return float(content)
    if tag == "$nat":
        return pd.NaT
    if tag == "$na":
        return pd.NA
    if tag == "$time":
        text, zone = content
        stamp = pd.Timestamp(text)
        return stamp if zone is None else stamp.tz_convert(zone)
    if tag == "$date":
        return dt.date.fromisoformat(content)
    if tag == "$timedelta":
        return pd.Timedelta(int(content))
    raise ValueError(f"unknown tag {tag}")
