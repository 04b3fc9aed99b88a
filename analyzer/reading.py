"""Reading sources into Imported results: the only place that runs importers.

Each file is read by the importer its name and first bytes call for. Results are kept in a
cache keyed by the file's content, so a log read again (a new week's files added to years of
old ones) only parses what is new; an entry that fails its checks (analyzer/cache.py) is
never trusted: the file is read afresh and the entry written again. analyzer/pipeline.py
reads batches of sources on every core, or on a cluster.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

from analyzer import plausible
from analyzer.cache import DamagedEntry, Entry, decode_entry, encode_entry, entry_head_size
from analyzer.discover import Source
from analyzer.errors import BadFile, FileErrorKind
from analyzer.fingerprint import code_key
from analyzer.importers import Imported, RecordTable, importer_for, suffix_of, text
from analyzer.memo import cache_folder, keep_in_cache
from analyzer.settings import Settings

log = logging.getLogger(__name__)

HEAD_BYTES = 4096


# Entries are keyed on runlog's code and what runs it as well as on a file's bytes: a changed
# importer, unit, word list or library never serves a stale reading (analyzer/fingerprint.py).
CACHE_VERSION = code_key()[:16]
_ENTRY_SUFFIX = ".entry"  # JSON and Arrow (analyzer/cache.py); old *.pickle entries are never read
_ENTRY_START_BYTES = 16_384  # most entries' JSON part: read at once
Outcome = tuple[str, str, Imported] | BadFile


@dataclass(frozen=True)
class Read:
    """One source's outcome, and the cache entry that holds it (None when there is none).

    An outcome from the cache holds no samples (rebuilding them is most of a warm load's time,
    and few are ever asked for): `has_samples` says which records have some (a RecordTable's
    have none), and `load_cached(cache_path)` gives them.
    """

    outcome: Outcome
    cache_path: Path | None
    has_samples: tuple[bool, ...] = ()

    def without_samples(self) -> Read:
        """This Read with its records' samples left out (has_samples still says which had)."""
        if isinstance(self.outcome, BadFile) or isinstance(self.outcome[2].records, RecordTable):
            return self  # a table's records have no samples
        file_format, content_id, imported = self.outcome
        records = [dataclasses.replace(record, samples=None) for record in imported.records]
        kept = (file_format, content_id, dataclasses.replace(imported, records=records))
        return Read(kept, self.cache_path, self.has_samples)

    @classmethod
    def of(cls, outcome: Outcome, cache_path: Path | None) -> Read:
        """A Read of an outcome in hand, samples included."""
        if isinstance(outcome, BadFile):
            return cls(outcome, cache_path)
        records = outcome[2].records
        if isinstance(records, RecordTable):  # a table's records have no samples
            return cls(outcome, cache_path, (False,) * len(records))
        held = tuple(record.samples is not None and not record.samples.empty for record in records)
        return cls(outcome, cache_path, held)


def content_id_of(data: bytes) -> str:
    """A stable id for a file's content: the same bytes, the same id, wherever they sit."""
    return _content_id(_digest(data))


def _digest(data: bytes) -> bytes:
    """The SHA-1 of a file's bytes (hashed once a file: 0.1 ms for a one-hour FIT run)."""
    return hashlib.sha1(data, usedforsecurity=False).digest()


def _content_id(digest: bytes) -> str:
    return digest.hex()[:16]


def read_sources(sources: Iterable[Source], settings: Settings) -> Iterator[Read]:
    """One Read per source, in order: (format, content id, Imported) or the BadFile, each read
    and parsed in this process (analyzer/pipeline.py spreads batches of sources over
    processes or a cluster).

    A file found in the import cache is not parsed; copies of one file (a folder copied into
    itself, a backup beside the original) are parsed once. Reads come one at a time and hold
    no samples once the next is asked for (a Read's samples are read again from its cache
    entry, or its file): memory does not grow with the number of files.
    """
    cache = cache_folder(settings)
    # (suffix, digest) -> the Read of the first copy, without its samples: 2,000 copies of
    # one FIT file parse once (18 s -> 1 s)
    parsed: dict[tuple[str, bytes], Read] = {}
    for source in sources:
        data = _bytes_of(source)
        if isinstance(data, BadFile):
            yield Read(data, None)
            continue
        digest = _digest(data)  # once: the content id, the entry's key, the copies' key
        path = _cache_path(cache, digest)
        entry = _entry(path, with_samples=False) if path is not None else None
        if path is not None and entry is not None:
            kept: Outcome = (entry.file_format, entry.content_id, entry.imported)
            yield Read(kept, path, entry.has_samples)
            continue
        key = (suffix_of(source.name), digest)
        copy = parsed.get(key)
        if copy is not None:
            yield copy
            continue
        outcome = parse(source.name, data, settings, digest=digest)
        read = Read.of(outcome, _to_cache(path, outcome))
        parsed[key] = read.without_samples()
        yield read


def read_afresh(source: Source, settings: Settings) -> Read:
    """One source's Read, parsed from the file now, its cache entry written again (when an
    entry's samples fail their check, or the entry went away)."""
    data = _bytes_of(source)
    if isinstance(data, BadFile):
        return Read(data, None)
    digest = _digest(data)
    outcome = parse(source.name, data, settings, digest=digest)
    return Read.of(outcome, _to_cache(_cache_path(cache_folder(settings), digest), outcome))


def _bytes_of(source: Source) -> bytes | BadFile:
    try:
        return source.read()
    except BadFile as err:
        return err
    except OSError as err:
        return BadFile(f"cannot open: {err.strerror or err}", FileErrorKind.UNREADABLE)


def parse(
    name: str, data: bytes, settings: Settings | None = None, *, digest: bytes | None = None
) -> Outcome:
    """Read one file's bytes with the importer that claims it (with the options `settings`
    give it); `digest`: their SHA-1 when it is known."""
    if not data.strip():
        return BadFile("is empty: nothing was recorded, or the copy failed", FileErrorKind.EMPTY)
    content_id = _content_id(_digest(data) if digest is None else digest)
    stray = None
    if suffix_of(name) in text.LINE_TEXT_SUFFIXES:  # a NUL costs the NUL, never the file
        data, stray = text.without_stray_controls(data)
    try:
        importer = importer_for(name, data[:HEAD_BYTES])
        options = (settings or Settings()).read_options(importer.FORMAT)
        imported = plausible.checked(importer.read(io.BytesIO(data), **options))
    except BadFile as err:
        return err
    except MemoryError:  # the machine's limit, not the file's fault, nor a bug
        return BadFile(out_of_memory(len(data)), FileErrorKind.OUT_OF_MEMORY)
    except Exception as err:  # a bug in runlog, not in the file: go on, ask for it
        log.debug("unexpected error reading %s", name, exc_info=True)
        return BadFile(f"runlog failed here ({err!r}); please report it", FileErrorKind.BUG)
    if stray is not None:
        imported = dataclasses.replace(imported, problems=[*imported.problems, stray])
    return importer.FORMAT, content_id, imported


def out_of_memory(size_bytes: int) -> str:
    """Why a file of this size was not read when memory ran out, and what to do."""
    return (
        f"runlog ran out of memory reading it ({size_bytes / 1e6:,.1f} MB); the rest was "
        "read: close other programs, or read this file on a machine with more memory"
    )


def _cache_path(folder: Path | None, digest: bytes) -> Path | None:
    """The entry of the file whose bytes' SHA-1 is `digest`, for this version of runlog."""
    if folder is None:
        return None
    key = hashlib.sha1(CACHE_VERSION.encode() + digest, usedforsecurity=False).hexdigest()
    return folder / f"{key}{_ENTRY_SUFFIX}"


@lru_cache(maxsize=4)  # a file of several activities is read once for their samples
def load_cached(path: Path) -> Outcome | None:
    """The outcome in a cache entry, samples included; None when it is gone or fails its checks."""
    entry = _entry(path, with_samples=True)
    return None if entry is None else (entry.file_format, entry.content_id, entry.imported)


def _entry(path: Path, *, with_samples: bool) -> Entry | None:
    key = path.name.removesuffix(_ENTRY_SUFFIX)
    try:
        with path.open("rb") as stream:
            if with_samples:
                data = stream.read()
            else:  # all but the samples: most of an entry's bytes are not read
                data = stream.read(_ENTRY_START_BYTES)
                data += stream.read(max(0, entry_head_size(key, data) - len(data)))
        return decode_entry(key, data, with_samples=with_samples)
    except FileNotFoundError:
        return None
    except (OSError, DamagedEntry):  # never trusted: the caller reads the file afresh
        log.debug("ignoring cache entry %s", path, exc_info=True)
        return None


def _to_cache(path: Path | None, outcome: Outcome) -> Path | None:
    """Keep a parsed outcome (not an error: the next run says it again) in the entry at
    `path` (None: no cache); the entry, or None."""
    if path is None or isinstance(outcome, BadFile):
        return None
    try:
        entry = encode_entry(path.name.removesuffix(_ENTRY_SUFFIX), *outcome)
    except (TypeError, ValueError, pa.ArrowException):  # a value the entry cannot hold
        log.debug("not caching %s", path, exc_info=True)
        return None
    if not keep_in_cache(path, entry):  # whole or not at all: a reader never sees half
        return None
    load_cached.cache_clear()  # an older read of this path must not be served
    return path
