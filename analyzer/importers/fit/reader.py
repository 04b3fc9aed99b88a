"""How fitdecode is driven: no data processor, no CRC check, and a faster reader.

FastReader is fitdecode's reader unpacking each data message in one struct call; it is
used only with the fitdecode versions it was checked on (a test compares both readers
frame by frame on every real file).
"""

from __future__ import annotations

import struct
import warnings
from typing import Any, BinaryIO

import fitdecode


def open_reader(buffer: BinaryIO) -> fitdecode.FitReader:
    # No data processor: times stay FIT seconds (converted per column below, and kept
    # as they are for a watch that never set its clock). The CRC is checked per file
    # by crc16, which is cheaper than fitdecode's check per frame.
    reader_class = FastReader if _FAST_READER_FITS else fitdecode.FitReader
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return reader_class(
            buffer,
            processor=None,
            check_crc=fitdecode.CrcCheck.DISABLED,
            error_handling=fitdecode.ErrorHandling.IGNORE,
        )


class FastReader(fitdecode.FitReader):
    """fitdecode's reader, unpacking each data message with one struct call.

    fitdecode reads a message field by field, a read and a struct call each; on a 1 Hz run
    that is most of the import time. This reads the message at once and parses each value
    with fitdecode's own parsers, so values come out the same (a test compares both
    readers on every real file). Used only with the fitdecode versions it was checked on.
    """

    _crc: int  # fitdecode's running CRC, untyped there

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._unpack_plans: dict[Any, tuple[struct.Struct, tuple[tuple[int, Any, bool], ...]]] = {}

    def _read_bytes(self, size: int) -> bytes:
        # The stream is always an in-memory BytesIO: one read returns all there is, so
        # fitdecode's loop for streams that deliver in pieces is not needed.
        if size <= 0:
            raise ValueError("size")
        chunk = self._fd.read(size)
        if len(chunk) != size:
            raise fitdecode.FitEOFError(size, len(chunk), self._read_offset)
        if self.check_crc is not fitdecode.CrcCheck.DISABLED:
            self._crc = fitdecode.utils.compute_crc(chunk, crc=self._crc)
        self._chunk_size += size
        self._read_offset += size
        self._read_size += size
        return chunk

    def _read_data_message_raw_values(self, def_mesg: Any) -> tuple[list[bytes], list[Any]]:
        plan = self._unpack_plans.get(def_mesg)
        if plan is None:
            plan = self._unpack_plans[def_mesg] = _unpack_plan(def_mesg)
        unpacker, steps = plan
        chunk = self._read_bytes(unpacker.size) if unpacker.size else b""
        flat = unpacker.unpack(chunk)
        raw_values: list[Any] = []
        position = 0
        for count, parse, is_byte_array in steps:
            if is_byte_array:
                raw_values.append(parse(flat[position : position + count]))
            elif count == 1:
                raw_values.append(parse(flat[position]))
            elif count:
                raw_values.append(
                    tuple(parse(value) for value in flat[position : position + count])
                )
            else:
                raw_values.append(None)
            position += count
        return [chunk], raw_values


def _unpack_plan(def_mesg: Any) -> tuple[struct.Struct, tuple[tuple[int, Any, bool], ...]]:
    """One struct for a whole message, and per field: value count, parser, is a byte array."""
    layout = def_mesg.endian
    steps = []
    for field_def in def_mesg.all_field_defs:
        base = field_def.base_type
        if base.fmt == "s":  # a string is one value of the field's whole size
            layout += f"{field_def.size}s"
            steps.append((1, base.parse, False))
            continue
        count = field_def.size // base.size
        layout += f"{count}{base.fmt}"
        steps.append((count, base.parse, base.identifier == _BYTE_TYPE_ID))
    return struct.Struct(layout), tuple(steps)


_BYTE_TYPE_ID = fitdecode.types.BASE_TYPE_BYTE.identifier
_FAST_READER_FITS = fitdecode.__version__.startswith(("0.10.", "0.11.")) and all(
    hasattr(fitdecode.FitReader, name) for name in ("_read_bytes", "_read_data_message_raw_values")
)
