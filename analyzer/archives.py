"""Archives read within limits: zip members and .gz files inflate only as far as the limits allow.

An archive can claim anything: a kilobyte that inflates to gigabytes, a million entries, zips
inside zips a thousand deep. Every limit is checked on what an archive declares before
anything is inflated, and again on what the stream really gives (inflating in chunks, never
past the limit), so memory stays bounded whatever an archive says. A zip whose central
directory is missing or damaged (cut short, bytes lost from its middle) is read from the
local header in front of each entry, so every entry that is intact is still read.
"""

from __future__ import annotations

import dataclasses
import gzip
import io
import mmap
import struct
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from analyzer.errors import BadFile, FileErrorKind, ProfileError, RunlogError

MB = 1024 * 1024
# A small file may compress far past any ratio (a kilobyte of blank lines): ratios are judged
# only on what inflates past this size.
RATIO_FLOOR_BYTES = 1 * MB
_CHUNK_BYTES = 1 * MB  # inflated at a time
_FEED_BYTES = 64 * 1024  # compressed bytes fed at a time, so a ratio shows early
_ENVIRONMENT_PREFIX = "RUNLOG_"

_LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")  # APPNOTE 4.3.7: local file header, 30 bytes
_LOCAL_SIGNATURE = b"PK\x03\x04"
_CENTRAL_SIGNATURE = b"PK\x01\x02"
_END_SIGNATURE = b"PK\x05\x06"
_ZIP64_LOCATOR_SIGNATURE = b"PK\x06\x07"
_ZIP64_SIZES_TAG = 0x0001
_FLAG_ENCRYPTED = 0x0001
_FLAG_DATA_DESCRIPTOR = 0x0008
_FLAG_UTF8_NAME = 0x0800
_DESCRIPTOR_SIGNATURE = b"PK\x07\x08"
_STORED, _DEFLATED = 0, 8
Buffer = bytes | mmap.mmap


class ArchiveLimitError(BadFile):
    """An archive, or one of its entries, past one of the InputLimits."""

    default_kind = FileErrorKind.ARCHIVE_LIMIT


@dataclass(frozen=True)
class InputLimits:
    """How far runlog inflates what it reads; each can be set in a profile's [limits] table or
    as RUNLOG_<NAME> (RUNLOG_MAX_RATIO), which comes last. A runlog.toml inside an archive
    cannot change them: an archive does not set its own limits.

    The defaults sit well above any real export: a Strava or Garmin export of many years
    inflates to a few GB at most, its largest file (an Apple Health export.xml) to some
    hundreds of MB, and activity files compress 2 to 30 times.
    """

    max_file_mb: float = 1024.0  # one file, one archive entry or one .gz, inflated
    max_archive_mb: float = 8192.0  # all the entries read from one archive, inflated
    max_ratio: float = 200.0  # inflated / compressed size of one entry or .gz (past 1 MB)
    max_entries: int = 200_000  # entries in one archive
    max_nesting: int = 3  # archives inside archives (Garmin's export holds zips: 2)

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * MB)

    @property
    def max_archive_bytes(self) -> int:
        return int(self.max_archive_mb * MB)

    def named(self, field_name: str) -> str:
        """How a message names a limit: its value and how to change it."""
        value = getattr(self, field_name)
        shown = f"{value:g} MB" if field_name.endswith("_mb") else f"{value:g}"
        return f"{field_name} = {shown}, set with {_ENVIRONMENT_PREFIX}{field_name.upper()}"

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any], where: str) -> InputLimits:
        """The defaults with a profile's [limits] table laid over them (ProfileError if bad)."""
        known = {item.name: item for item in dataclasses.fields(cls)}
        values: dict[str, Any] = {}
        for key, value in settings.items():
            if key not in known:
                raise ProfileError(
                    f"{where}: [limits] {key} is not a limit; the limits are {', '.join(known)}"
                )
            said = f"{where}: [limits] {key} = {value!r}"
            values[key] = _limit_value(said, value, known[key], ProfileError)
        return cls(**values)

    def with_variables(self, variables: Mapping[str, str]) -> InputLimits:
        """These limits with any RUNLOG_MAX_* variable among `variables` (the environment's,
        from analyzer/settings.py) laid over them (RunlogError if bad)."""
        values: dict[str, Any] = {}
        for item in dataclasses.fields(self):
            variable = f"{_ENVIRONMENT_PREFIX}{item.name.upper()}"
            text = variables.get(variable)
            if text is not None and text.strip():
                values[item.name] = _limit_value(f"{variable}={text}", text, item, RunlogError)
        return dataclasses.replace(self, **values)


def _limit_value(
    said: str, value: Any, item: dataclasses.Field[Any], error: type[RunlogError]
) -> float | int:
    kind = int if item.type in (int, "int") else float
    try:
        number = kind(value)
    except (TypeError, ValueError) as err:
        raise error(f"{said}: not {'a whole number' if kind is int else 'a number'}") from err
    if isinstance(value, bool) or not number > 0:
        raise error(f"{said}: must be a number more than 0")
    return number


DEFAULT_LIMITS = InputLimits()


def inflate_gz(raw: bytes, limits: InputLimits) -> bytes:
    """The content of a .gz file, inflated a chunk at a time and never past the limits."""
    chunks: list[bytes] = []
    inflated = 0
    compressed = io.BytesIO(raw)
    try:
        with gzip.GzipFile(fileobj=compressed) as stream:
            while chunk := stream.read(min(_CHUNK_BYTES, limits.max_file_bytes + 1 - inflated)):
                chunks.append(chunk)
                inflated += len(chunk)
                if inflated > limits.max_file_bytes:
                    raise _past_size(limits)
                _check_ratio(inflated, compressed.tell(), limits)
    except (OSError, EOFError, zlib.error) as err:
        raise BadFile(
            f"named .gz but is not a complete gzip file ({err})", FileErrorKind.DAMAGED_ARCHIVE
        ) from err
    return b"".join(chunks)


def _check_ratio(inflated_bytes: int, consumed_bytes: int, limits: InputLimits) -> None:
    """Raise when what has inflated so far is past the ratio to what it came from."""
    if inflated_bytes > RATIO_FLOOR_BYTES and inflated_bytes > consumed_bytes * limits.max_ratio:
        raise ArchiveLimitError(
            f"inflates to more than {limits.max_ratio:g} times its compressed size: a zip "
            f"bomb? Not read ({limits.named('max_ratio')})"
        )


def _past_size(limits: InputLimits) -> ArchiveLimitError:
    return ArchiveLimitError(
        f"inflates past {limits.max_file_mb:g} MB, more than any activity file: not read "
        f"({limits.named('max_file_mb')})"
    )


@dataclass(frozen=True)
class Member:
    """One entry of a zip: where its local header is and what it declares."""

    name: str  # as the archive names it; bytes that are not UTF-8 escaped (\\xff)
    header_offset: int
    method: int
    flags: int
    compressed_size: int | None  # None: not declared (an entry found by its local header)
    size: int | None
    crc: int | None

    @property
    def is_folder(self) -> bool:
        return self.name.endswith("/")

    @property
    def is_encrypted(self) -> bool:
        return bool(self.flags & _FLAG_ENCRYPTED)


@dataclass(frozen=True)
class Listing:
    """The entries of a zip, and what was wrong with it (None when nothing was)."""

    members: list[Member]
    damage: str | None


def list_members(data: Buffer, limits: InputLimits) -> Listing:
    """Every entry of the zip in `data`, from its central directory, else its local headers.

    Raises BadFile when `data` holds no zip entry at all, ArchiveLimitError when the zip
    declares more entries than the limit allows.
    """
    declared = _declared_entries(data)
    if declared is not None and declared > limits.max_entries:
        raise ArchiveLimitError(
            f"holds {declared:,} entries, more than an export has: not read "
            f"({limits.named('max_entries')})"
        )
    stream = data if isinstance(data, mmap.mmap) else io.BytesIO(data)
    try:
        # typeshed types ZipFile's file as IO[bytes], which mmap is not, though it reads as one
        with zipfile.ZipFile(stream) as archive:  # type: ignore[arg-type]
            members = [_member_of(info) for info in archive.infolist()]
    except UnicodeDecodeError:  # a name flagged UTF-8 that is not: read the headers instead
        return Listing(_scan_local_headers(data, limits), None)
    except (
        zipfile.BadZipFile,
        EOFError,
        ValueError,
        OSError,
        struct.error,
        IndexError,
        NotImplementedError,  # a zip split over disks: read what this part holds
    ):
        members = None
    if members is not None and all(_has_local_header(data, member) for member in members):
        return Listing(members, None)
    salvaged = _scan_local_headers(data, limits)
    if not salvaged:
        raise BadFile(
            "not a readable zip archive: no entry in it could be found",
            FileErrorKind.DAMAGED_ARCHIVE,
        )
    return Listing(
        salvaged,
        f"a damaged zip (its central directory is missing or wrong): {len(salvaged):,} "
        "entries found from their own headers; any entry cut by the damage is named below",
    )


def _declared_entries(data: Buffer) -> int | None:
    """The number of entries the end-of-central-directory record states, None if none."""
    tail_start = max(0, len(data) - (22 + 65_535))
    tail = bytes(data[tail_start:])
    at = tail.rfind(_END_SIGNATURE)
    if at < 0 or len(tail) < at + 22:
        return None
    (entries,) = struct.unpack_from("<H", tail, at + 10)
    locator = at - 20
    if (
        entries == 0xFFFF
        and locator >= 0
        and tail[locator : locator + 4] == (_ZIP64_LOCATOR_SIGNATURE)
    ):
        (record_offset,) = struct.unpack_from("<Q", tail, locator + 8)
        record = bytes(data[record_offset + 32 : record_offset + 40])
        if len(record) == 8:
            (entries,) = struct.unpack("<Q", record)
    return entries


def _member_of(info: zipfile.ZipInfo) -> Member:
    return Member(
        name=info.filename.replace("\\", "/"),  # a zip made on Windows
        header_offset=info.header_offset,
        method=info.compress_type,
        flags=info.flag_bits,
        compressed_size=info.compress_size,
        size=info.file_size,
        crc=info.CRC,
    )


def _has_local_header(data: Buffer, member: Member) -> bool:
    start = member.header_offset
    return start >= 0 and bytes(data[start : start + 4]) == _LOCAL_SIGNATURE


def _scan_local_headers(data: Buffer, limits: InputLimits) -> list[Member]:
    """The entries found by walking the zip's local headers front to back.

    An entry that states its compressed size is stepped over; one that does not (sizes in a
    data descriptor after it) runs to the next header found.
    """
    members: list[Member] = []
    buffer = memoryview(data)
    at = _find(buffer, _LOCAL_SIGNATURE, 0)
    while at >= 0 and len(members) < limits.max_entries:
        member, data_end = _local_member(buffer, at)
        if member is None:
            at = _find(buffer, _LOCAL_SIGNATURE, at + 4)
            continue
        members.append(member)
        next_at = data_end if bytes(buffer[data_end : data_end + 4]) == _LOCAL_SIGNATURE else -1
        at = next_at if next_at >= 0 else _find(buffer, _LOCAL_SIGNATURE, max(at + 4, data_end))
    return members


def _find(buffer: memoryview, signature: bytes, start: int) -> int:
    """The next offset of `signature` from `start`, or -1, searching a window at a time."""
    window = 4 * MB
    while start < len(buffer):
        block = bytes(buffer[start : start + window + len(signature) - 1])
        found = block.find(signature)
        if found >= 0:
            return start + found
        start += window
    return -1


def _local_member(buffer: memoryview, at: int) -> tuple[Member | None, int]:
    """The entry whose local header is at `at`, and where its data ends (a guess when the
    header does not say)."""
    header = bytes(buffer[at : at + _LOCAL_HEADER.size])
    if len(header) < _LOCAL_HEADER.size:
        return None, at
    (_, _, flags, method, _, _, crc, compressed, size, name_length, extra_length) = (
        _LOCAL_HEADER.unpack(header)
    )
    name_start = at + _LOCAL_HEADER.size
    data_start = name_start + name_length + extra_length
    if data_start > len(buffer):
        return None, at
    raw_name = bytes(buffer[name_start : name_start + name_length])
    extra = bytes(buffer[name_start + name_length : data_start])
    size, compressed = _zip64_sizes(extra, size, compressed)
    declared = not flags & _FLAG_DATA_DESCRIPTOR or compressed > 0
    if declared:
        data_end = data_start + compressed
    else:  # sizes follow the data, in a descriptor: it runs to the next header
        following = [_find(buffer, signature, data_start) for signature in _NEXT_SIGNATURES]
        data_end = min([found for found in following if found >= 0], default=len(buffer))
        described = _descriptor_before(buffer, data_start, data_end)
        if described is not None:
            crc, compressed, size = described
            declared = True
            data_end = data_start + compressed
    member = Member(
        name=_name_of(raw_name, flags),
        header_offset=at,
        method=method,
        flags=flags,
        compressed_size=compressed if declared else None,
        size=size if declared else None,
        crc=crc if declared else None,
    )
    return member, min(data_end, len(buffer))


_NEXT_SIGNATURES = (_LOCAL_SIGNATURE, _CENTRAL_SIGNATURE)


def _descriptor_before(
    buffer: memoryview, data_start: int, data_end: int
) -> tuple[int, int, int] | None:
    """(crc, compressed, size) from a signed data descriptor just before `data_end`, if there
    is one that fits (APPNOTE 4.3.9: 16 bytes, or 24 with ZIP64 sizes)."""
    for length, layout in ((16, "<4sIII"), (24, "<4sIQQ")):
        at = data_end - length
        if at < data_start:
            continue
        signature, crc, compressed, size = struct.unpack(layout, bytes(buffer[at:data_end]))
        if signature == _DESCRIPTOR_SIGNATURE and compressed == at - data_start:
            return crc, compressed, size
    return None


def _zip64_sizes(extra: bytes, size: int, compressed: int) -> tuple[int, int]:
    at = 0
    while at + 4 <= len(extra):
        tag, length = struct.unpack_from("<HH", extra, at)
        if tag == _ZIP64_SIZES_TAG and length >= 16 and size == 0xFFFFFFFF:
            return struct.unpack_from("<QQ", extra, at + 4)
        at += 4 + length
    return size, compressed


def _name_of(raw: bytes, flags: int) -> str:
    raw = raw.replace(b"\\", b"/")  # a zip made on Windows; escapes below keep their \\
    if flags & _FLAG_UTF8_NAME:
        return raw.decode("utf-8", "backslashreplace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp437")  # zip's own default, as zipfile reads it


def check_member(member: Member, limits: InputLimits) -> None:
    """Raise BadFile when an entry cannot be read as it declares itself (before inflating)."""
    if member.is_encrypted:
        raise BadFile(
            "is encrypted in its archive: runlog cannot read it without the password",
            FileErrorKind.ENCRYPTED,
        )
    if member.method not in (_STORED, _DEFLATED):
        raise BadFile(
            f"is compressed in a way runlog does not read (zip method {member.method})",
            FileErrorKind.DAMAGED_ARCHIVE,
        )
    if member.size is not None and member.size > limits.max_file_bytes:
        raise ArchiveLimitError(
            f"declares {member.size / MB:,.0f} MB inflated, more than any activity file: "
            f"not read ({limits.named('max_file_mb')})"
        )
    if (
        member.size is not None
        and member.compressed_size is not None
        and member.size > RATIO_FLOOR_BYTES
        and member.size > member.compressed_size * limits.max_ratio
    ):
        raise ArchiveLimitError(
            f"declares {member.size / MB:,.0f} MB inflated from {member.compressed_size:,} "
            f"bytes, more than {limits.max_ratio:g} times: a zip bomb? Not read "
            f"({limits.named('max_ratio')})"
        )


def read_member(data: Buffer, member: Member, limits: InputLimits) -> bytes:
    """One entry's bytes, inflated in chunks and never past the limits; BadFile if it cannot be
    read whole (cut short, a wrong checksum, past a limit)."""
    check_member(member, limits)
    buffer = memoryview(data)
    header = bytes(buffer[member.header_offset : member.header_offset + _LOCAL_HEADER.size])
    if len(header) < _LOCAL_HEADER.size or header[:4] != _LOCAL_SIGNATURE:
        raise BadFile(
            "damaged inside its archive: its header is not where the archive says",
            FileErrorKind.DAMAGED_ARCHIVE,
        )
    name_length, extra_length = struct.unpack_from("<HH", header, 26)
    start = member.header_offset + _LOCAL_HEADER.size + name_length + extra_length
    available = len(buffer) - start
    compressed_size = available if member.compressed_size is None else member.compressed_size
    if compressed_size > available:
        raise BadFile(
            "damaged inside its archive: it ends before its data does (cut short?)",
            FileErrorKind.TRUNCATED,
        )
    compressed = buffer[start : start + compressed_size]
    wanted = limits.max_file_bytes + 1 if member.size is None else member.size
    content = _inflate(compressed, member.method, wanted, limits)
    if len(content) > limits.max_file_bytes:
        raise _past_size(limits)
    if member.size is not None and len(content) != member.size:
        raise BadFile(
            f"damaged inside its archive: gives {len(content):,} of the {member.size:,} bytes "
            "it declares (cut short?)",
            FileErrorKind.TRUNCATED,
        )
    if member.crc is not None and zlib.crc32(content) != member.crc:
        raise BadFile(
            "damaged inside its archive: its checksum does not match its content",
            FileErrorKind.CHECKSUM,
        )
    return content


def _inflate(compressed: memoryview, method: int, wanted: int, limits: InputLimits) -> bytes:
    """At most `wanted` bytes of an entry's content, inflated a chunk at a time; raises when
    what comes out grows past the ratio to what went in."""
    if method == _STORED:
        return bytes(compressed[:wanted])
    decompressor = zlib.decompressobj(-15)
    chunks: list[bytes] = []
    inflated = 0
    try:
        for start in range(0, len(compressed), _FEED_BYTES):
            pending = bytes(compressed[start : start + _FEED_BYTES])
            while pending and inflated < wanted and not decompressor.eof:
                chunk = decompressor.decompress(pending, min(_CHUNK_BYTES, wanted - inflated))
                chunks.append(chunk)
                inflated += len(chunk)
                pending = decompressor.unconsumed_tail
                _check_ratio(inflated, start + _FEED_BYTES - len(pending), limits)
            if inflated >= wanted or decompressor.eof:
                break
    except zlib.error as err:
        raise BadFile(f"damaged inside its archive ({err})", FileErrorKind.DAMAGED_ARCHIVE) from err
    return b"".join(chunks)
