"""Hostile and odd inputs for tests and benchmarks/bench_hostile.py, built small and fast.

A zip is written by hand here (`zip_bytes`), so a test can make it say anything: a size it
does not have, a name that is not UTF-8, an encrypted flag. Bombs are built streaming: a
megabyte of zeros is compressed once and its bytes repeated, so a 4 GB entry costs 4 MB.

    path.write_bytes(zip_bytes([Entry(b"run.gpx", gpx_text)]))
    zip_bomb(tmp_path / "bomb.zip", inflated_mb=4000)
"""

from __future__ import annotations

import gzip
import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

MB = 1024 * 1024
_LOCAL = struct.Struct("<4sHHHHHIIIHH")
_CENTRAL = struct.Struct("<4sHHHHHHIIIHHHHHII")
_END = struct.Struct("<4sHHHHIIH")
_DEFLATED, _STORED = 8, 0
_UTF8_NAME = 0x0800


@dataclass(frozen=True)
class Entry:
    """One zip entry as written: its name as bytes and its content (deflated when written)."""

    name: bytes
    content: bytes = b""
    flags: int = 0
    compressed: bytes | None = None  # given when the content is too large to hold
    size: int | None = None  # the size declared, when it is not len(content)
    crc: int | None = None


def zip_bytes(entries: list[Entry]) -> bytes:
    """A zip of the entries, headers written as each entry says (no ZIP64: under 4 GB)."""
    out = io.BytesIO()
    central = io.BytesIO()
    for entry in entries:
        compressed = entry.compressed
        if compressed is None:
            packer = zlib.compressobj(6, zlib.DEFLATED, -15)
            compressed = packer.compress(entry.content) + packer.flush()
        size = len(entry.content) if entry.size is None else entry.size
        crc = zlib.crc32(entry.content) if entry.crc is None else entry.crc
        offset = out.tell()
        header = (20, entry.flags, _DEFLATED, 0, 0x21, crc, len(compressed), size)
        out.write(_LOCAL.pack(b"PK\x03\x04", *header, len(entry.name), 0))
        out.write(entry.name + compressed)
        central.write(
            _CENTRAL.pack(b"PK\x01\x02", 20, *header, len(entry.name), 0, 0, 0, 0, 0, offset)
        )
        central.write(entry.name)
    directory = central.getvalue()
    count = len(entries)
    end = _END.pack(b"PK\x05\x06", 0, 0, count, count, len(directory), out.tell(), 0)
    return out.getvalue() + directory + end


def deflated_zeros(inflated_mb: int) -> bytes:
    """A raw deflate stream that inflates to `inflated_mb` MB of zeros (about 1 KB per MB)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = packer.compress(bytes(MB)) + packer.flush(zlib.Z_FULL_FLUSH)
    repeated = packer.compress(bytes(MB)) + packer.flush(zlib.Z_FULL_FLUSH)
    return first + repeated * (inflated_mb - 1) + packer.flush()


def zip_bomb(path: Path, inflated_mb: int, *, declared_mb: int | None = None) -> Path:
    """A zip of one CSV entry of zeros; its headers declare `declared_mb` (default the truth)."""
    declared = (inflated_mb if declared_mb is None else declared_mb) * MB
    entry = Entry(b"runs.csv", compressed=deflated_zeros(inflated_mb), size=declared, crc=0)
    path.write_bytes(zip_bytes([entry]))
    return path


def gz_bomb(path: Path, inflated_mb: int) -> Path:
    """A .gz whose one member inflates to `inflated_mb` MB of zeros (its trailer not checked)."""
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
    trailer = struct.pack("<II", 0, (inflated_mb * MB) & 0xFFFFFFFF)
    path.write_bytes(header + deflated_zeros(inflated_mb) + trailer)
    return path


def nested_zips(path: Path, depth: int, inner: bytes = b"") -> Path:
    """A zip holding a zip holding a zip ... `depth` deep, the innermost holding one GPX."""
    data = zip_bytes([Entry(b"run.gpx", inner)])
    for level in range(depth - 1):
        data = zip_bytes([Entry(f"level{level}.zip".encode(), data)])
    path.write_bytes(data)
    return path


def many_entries_zip(path: Path, count: int) -> Path:
    """A zip of `count` tiny CSV entries, written with zipfile (stored, so quick)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for number in range(count):
            archive.writestr(f"e{number}.csv", b"")
    return path


def cut_short(data: bytes, cut_bytes: int) -> bytes:
    """An archive with its last bytes lost (an upload or copy cut short)."""
    return data[:-cut_bytes]


def cut_from_middle(data: bytes, cut_bytes: int) -> bytes:
    """An archive with bytes lost from its middle."""
    middle = len(data) // 2
    return data[:middle] + data[middle + cut_bytes :]


def gzipped(content: bytes) -> bytes:
    return gzip.compress(content, mtime=0)
