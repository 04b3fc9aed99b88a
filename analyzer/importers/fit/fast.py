"""A FIT file's records from fitfast (a Rust decoder), when it reads them as fitdecode does.

Most of a FIT activity is `record` messages, one per second or few, and decoding them is
most of the import time: fitdecode takes about 0.05 s per 1,000 records, fitfast's
columnar `records()` a tenth of that. decode.py takes the records from fitfast and decodes
everything else (sessions, laps, events, the device: a few hundred messages) with
fitdecode, from a copy of the file that holds only those messages. `split` gives both
halves, or None when fitfast is not to be trusted with the file, and decode.py then reads the
whole file with fitdecode:

- fitfast keeps nothing of a damaged file (it raises on a cut, a bad CRC or trailing
  bytes), while runlog keeps what precedes the damage: any error means fitdecode.
- fitfast decodes a field written with another base type or size than the profile's as if
  it had the profile's (a float64 timestamp comes out as garbage, an array as one value),
  does not expand `compressed_speed_distance`, and lets a legacy `speed` or `altitude`
  overwrite the `enhanced_*` value written beside it: a record definition that does any of
  this to a field runlog reads means fitdecode (`_record_definition_fits`).
- fitfast expands a legacy `speed` or `altitude` into its `enhanced_*` field through a
  float round trip that can lose a unit (1.017 m/s becomes 1.016): where a record has the
  legacy value, the expanded one is dropped, and records.py falls back to the legacy value,
  which is what fitdecode's expansion gives.
- fitfast merges developer fields into the columns by name, so a Connect IQ field called
  `distance` would replace the native one: such a name means fitdecode.
- A non-record message timed by a compressed timestamp header takes its time from the
  records before it, which the copy leaves out: such a file goes to fitdecode too.

The file's bytes are walked message by message (headers and definitions only, skipping each
message's values by its size) to find all this and to cut the copy.

A test decodes every real FIT file and the test encoder's fixtures both ways and compares
the Imported results.
"""

from __future__ import annotations

import contextlib
import logging
import os
import struct
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import BinaryIO

import numpy as np
from fitdecode import profile

from analyzer.units import FIT_EPOCH_UNIX_S

try:
    import fitfast
except ImportError:  # an optional speed-up: without it the FIT importer reads with fitdecode alone
    fitfast = None  # type: ignore[assignment]  # mypy cannot type an optional import

log = logging.getLogger(__name__)

_RECORD = 20
_FIELD_DESCRIPTION, _DEVELOPER_DATA_ID = 206, 207
_FIELD_NAME = 3  # field_description.field_name
# Record fields fitfast gets wrong: compressed_speed_distance is not expanded into speed
# and distance; a legacy field overwrites the enhanced one written beside it.
_COMPRESSED_SPEED_DISTANCE = 8
_LEGACY_AND_ENHANCED = ((6, 73), (2, 78))  # (speed, enhanced_speed), (altitude, ...)
_EXPANDED_FROM = {"enhanced_speed": "speed", "enhanced_altitude": "altitude"}


@dataclass(frozen=True)
class Split:
    """A FIT file that fitfast read in full, in two halves."""

    files: list[tuple[int, int]]  # each chained FIT file: (offset, bytes incl. CRC)
    records: dict[str, np.ndarray]  # the record fields asked for (float); times in FIT s
    # The messages of the kinds asked for, with their definitions and the developer
    # definitions, as FIT files of their own (one per chained file; CRCs left at 0).
    other_messages: bytes


def is_available() -> bool:
    """Whether fitfast is installed."""
    return fitfast is not None


def split(data: bytes, record_fields: tuple[str, ...], kinds: frozenset[int]) -> Split | None:
    """The records' `record_fields` from fitfast and the messages of `kinds` for fitdecode;
    None when fitfast is missing or cannot vouch for the records.

    `record_fields` are names in fitdecode's profile; fitfast's CRC check of each chained
    file is part of the vouching.
    """
    if fitfast is None:
        return None
    walked = _walk(data, record_fields, kinds | {_FIELD_DESCRIPTION, _DEVELOPER_DATA_ID})
    if walked is None:
        return None
    files, kept, record_count = walked
    try:
        with _rust_panics_unprinted():
            columns = fitfast.records(data, degrees=False)
    except Exception:  # FitDecodeError for damage; anything else is no better
        return None
    except BaseException as err:  # a Rust panic surfaces as pyo3's PanicException
        if type(err).__name__ != "PanicException":
            raise
        return None
    records = _record_columns(columns, record_fields, record_count)
    if records is None:
        return None
    other_messages = b"".join(
        _fit_file(data[offset : offset + data[offset]], messages)
        for (offset, _), messages in zip(files, kept, strict=True)
    )
    return Split(files=files, records=records, other_messages=other_messages)


@contextlib.contextmanager
def _rust_panics_unprinted() -> Iterator[None]:
    """The block with file descriptor 2 (stderr) going to a scratch file: Rust's panic hook
    prints a panic's text and a backtrace hint there before pyo3 raises PanicException, and
    a crafted file must not put that on the user's terminal. What else was written in the
    meantime (another thread's line) is written to stderr after; a panic's text is logged."""
    scratch = _scratch_file()
    if scratch is None:
        yield
        return
    saved = os.dup(2)
    os.dup2(scratch.fileno(), 2)
    try:
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        if os.fstat(scratch.fileno()).st_size:
            scratch.seek(0)
            written = scratch.read()
            scratch.seek(0)
            scratch.truncate()
            if b"panicked at" in written:
                log.debug("fitfast panicked: %s", written.decode("utf-8", "replace"))
            else:
                os.write(2, written)


@cache
def _scratch_file() -> BinaryIO | None:
    try:
        return tempfile.TemporaryFile()  # kept open for the process
    except OSError:  # no temporary folder: a panic would be printed, nothing worse
        return None


def _record_columns(
    columns: dict[str, np.ndarray], names: tuple[str, ...], record_count: int
) -> dict[str, np.ndarray] | None:
    """fitfast's columns as runlog's record fields (`names`, NaN where a field is absent);
    None when they are not one per record."""
    if any(len(column) != record_count for column in columns.values()):
        return None
    if record_count and not columns:
        return None  # no numeric field at all: nothing to check the count against
    missing = np.full(record_count, np.nan)
    fields = {name: np.asarray(columns.get(name, missing), np.float64) for name in names}
    if "timestamp" in fields:
        fields["timestamp"] = fields["timestamp"] - FIT_EPOCH_UNIX_S  # fitfast: Unix seconds
    for enhanced, legacy in _EXPANDED_FROM.items():
        if enhanced in fields and legacy in fields:
            fields[enhanced] = np.where(np.isnan(fields[legacy]), fields[enhanced], np.nan)
    return fields


# A kept message: its local number, its definition's bytes and its own bytes.
_Kept = tuple[int, bytes, bytes]


def _walk(
    data: bytes, record_fields: tuple[str, ...], kinds: frozenset[int]
) -> tuple[list[tuple[int, int]], list[list[_Kept]], int] | None:
    """The chained files, the messages of `kinds` in each, and the number of records; None
    when the bytes are not whole FIT files, or hold something fitfast would get wrong."""
    record_types = _record_types(record_fields)
    files: list[tuple[int, int]] = []
    kept: list[list[_Kept]] = []
    record_count = 0
    checked: dict[bytes, bool] = {}
    position, total = 0, len(data)
    while position < total:
        header_size = data[position]
        if header_size not in (12, 14) or data[position + 8 : position + 12] != b".FIT":
            return None
        end = position + header_size + int.from_bytes(data[position + 4 : position + 8], "little")
        if end + 2 > total:
            return None
        files.append((position, end + 2 - position))
        messages: list[_Kept] = []
        kept.append(messages)
        sizes, numbers = [-1] * 16, [-1] * 16
        definitions: list[bytes] = [b""] * 16
        at = position + header_size
        while at < end:
            header = data[at]
            if header & 0x80:  # compressed timestamp header: local message 0-3
                local = (header >> 5) & 0x3
                if numbers[local] != _RECORD:
                    return None
            elif header & 0x40:  # a definition
                if header & 0x10 or at + 6 > end or data[at + 2] > 1:
                    return None
                local = header & 0xF
                after = at + 6 + 3 * data[at + 5]
                layout = data[at + 2 : after]
                size = sum(layout[5::3])
                if header & 0x20:  # developer fields follow
                    if after >= end:
                        return None
                    developer_count = data[after]
                    size += sum(data[after + 2 : after + 1 + 3 * developer_count : 3])
                    after += 1 + 3 * developer_count
                if after > end:
                    return None
                number = int.from_bytes(layout[1:3], "big" if layout[0] else "little")
                fits = checked.get(layout)
                if fits is None:
                    fits = checked[layout] = _base_types_known(layout) and (
                        number != _RECORD or _record_definition_fits(layout, record_types)
                    )
                if not fits:
                    return None
                sizes[local], numbers[local] = size, number
                definitions[local] = data[at:after] if number in kinds else b""
                at = after
                continue
            else:
                if header & 0x30:
                    return None
                local = header & 0xF
            size = sizes[local]
            if size < 0 or at + 1 + size > end:
                return None
            number = numbers[local]
            if number == _RECORD:
                if data[at + 1 + size : at + 2 + size] == data[at : at + 1]:
                    run = _records_in_a_row(data, at, end, 1 + size)
                    record_count += run
                    at += run * (1 + size)
                    continue
                record_count += 1
            elif number in kinds:
                message = data[at : at + 1 + size]
                if number == _FIELD_DESCRIPTION and _names_a_record_field(
                    definitions[local], message, record_types
                ):
                    return None
                messages.append((local, definitions[local], message))
            at += 1 + size
        if at != end:
            return None
        position = end + 2
    return files, kept, record_count


def _records_in_a_row(data: bytes, at: int, end: int, stride: int) -> int:
    """How many messages of `stride` bytes from `at` on (before `end`) start with the
    header byte at `at`: a watch writes thousands of records in a row, and numpy finds the
    end of the run faster than a step per record."""
    header = data[at]
    total = (end - at - 1) // stride + 1  # messages that could start before `end`
    counted, window = 0, 64
    while counted < total:
        count = min(window, total - counted)
        start = at + counted * stride
        heads = np.frombuffer(data, np.uint8, count=(count - 1) * stride + 1, offset=start)
        other = np.flatnonzero(heads[::stride] != header)
        if other.size:
            return counted + int(other[0])
        counted += count
        window *= 4
    return counted


def _fit_file(header: bytes, messages: list[_Kept]) -> bytes:
    """A FIT file of `messages`, each after its definition, under a copy of `header`."""
    body = bytearray()
    current: list[bytes | None] = [None] * 16
    for local, definition, message in messages:
        if current[local] is not definition:
            body += definition
            current[local] = definition
        body += message
    copy = bytearray(header)
    copy[4:8] = struct.pack("<I", len(body))
    if len(copy) == 14:
        copy[12:14] = b"\x00\x00"  # no header CRC: fitdecode reads this copy unchecked
    return bytes(copy) + bytes(body) + b"\x00\x00"


@cache
def _record_types(names: tuple[str, ...]) -> dict[int, tuple[int, int | None]]:
    """Record field number -> (base type id, size; None for a string: any size).

    fitdecode knows a base type by its whole id (0x86 is uint32, 0x06 is no type it knows
    and reads as bytes), so the id must match exactly."""
    fields = profile.MESSAGE_TYPES[_RECORD].fields.values()
    by_name = {item.name: item for item in fields}
    types = {}
    for name in names:
        base = by_name[name].base_type
        size = None if base.name == "string" else base.size
        types[by_name[name].def_num] = (base.identifier, size)
    return types


# The base type ids of the FIT SDK.
_BASE_TYPES = frozenset(
    {0x00, 0x01, 0x02, 0x83, 0x84, 0x85, 0x86, 0x07, 0x88}
    | {0x89, 0x0A, 0x8B, 0x8C, 0x0D, 0x8E, 0x8F, 0x90}
)


def _base_types_known(layout: bytes) -> bool:
    """Whether every field of a definition has a base type of the FIT SDK: fitfast panics
    on another (seen on one changed byte), while fitdecode reads such a field as bytes."""
    return all(base_type in _BASE_TYPES for base_type in layout[6::3])


def _record_definition_fits(layout: bytes, types: dict[int, tuple[int, int | None]]) -> bool:
    """Whether fitfast decodes the fields read from records of this definition as fitdecode
    does. `layout` is the definition from its architecture byte to its last field."""
    field_numbers = layout[4::3]
    if len(set(field_numbers)) != len(field_numbers):
        return False
    if _COMPRESSED_SPEED_DISTANCE in field_numbers or any(
        legacy in field_numbers and enhanced in field_numbers
        for legacy, enhanced in _LEGACY_AND_ENHANCED
    ):
        return False
    for index in range(4, len(layout), 3):
        wanted = types.get(layout[index])
        if wanted is None:
            continue
        base_id, size = wanted
        if layout[index + 2] != base_id:
            return False
        if size is not None and layout[index + 1] != size:
            return False
    return True


def _names_a_record_field(
    definition: bytes, message: bytes, types: dict[int, tuple[int, int | None]]
) -> bool:
    """Whether a field_description message names a developer field like a record field
    runlog reads (fitfast would put it in that field's column)."""
    offset = 1  # the message's header byte
    for index in range(6, 6 + 3 * definition[5], 3):
        number, size = definition[index], definition[index + 1]
        if number == _FIELD_NAME:
            name = message[offset : offset + size].split(b"\x00")[0]
            return name.decode("utf-8", "replace").strip() in _record_names(tuple(types))
        offset += size
    return False


@cache
def _record_names(field_numbers: tuple[int, ...]) -> frozenset[str]:
    fields = profile.MESSAGE_TYPES[_RECORD].fields
    return frozenset(fields[number].name for number in field_numbers)
