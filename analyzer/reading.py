"""Reading sources into Imported results: the only place that runs importers.

Each file is read by the importer its name and first bytes call for. Results are kept in a
cache keyed by the file's content, so a log read again (a new week's files added to years of
old ones) only parses what is new; an entry that fails its checks (analyzer/cache.py) is
never trusted: the file is read afresh and the entry written again. Many files are parsed on
every core.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import logging
from collections import Counter, deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import islice
from pathlib import Path

import pyarrow as pa

from analyzer import executor, plausible
from analyzer.cache import DamagedEntry, Entry, decode_entry, encode_entry, entry_head_size
from analyzer.discover import Source
from analyzer.errors import BadFile, FileErrorKind
from analyzer.fingerprint import code_key
from analyzer.importers import Imported, importer_for, suffix_of, text
from analyzer.memo import cache_folder, keep_in_cache
from analyzer.settings import Settings

log = logging.getLogger(__name__)

HEAD_BYTES = 4096


# Entries are keyed on runlog's code and what runs it as well as on a file's bytes: a changed
# importer, unit, word list or library never serves a stale reading (analyzer/fingerprint.py).
CACHE_VERSION = code_key()[:16]
_ENTRY_SUFFIX = ".entry"  # JSON and Arrow (analyzer/cache.py); old *.pickle entries are never read
_PARALLEL_MIN_FILES = 16
_BATCH = 4  # files a reading process parses per task (fewer round trips)
_IN_FLIGHT = 2  # batches read ahead for each core while they are parsed (a bound on memory)
_ENTRY_START_BYTES = 16_384  # most entries' JSON part: read at once
Outcome = tuple[str, str, Imported] | BadFile


@dataclass(frozen=True)
class Read:
    """One source's outcome, and the cache entry that holds it (None when there is none).

    An outcome from the cache holds no samples (rebuilding them is most of a warm load's time,
    and few are ever asked for): `has_samples` says which records have some, and
    `load_cached(cache_path)` gives them.
    """

    outcome: Outcome
    cache_path: Path | None
    has_samples: tuple[bool, ...] = ()

    @classmethod
    def of(cls, outcome: Outcome, cache_path: Path | None) -> Read:
        """A Read of an outcome in hand, samples included."""
        if isinstance(outcome, BadFile):
            return cls(outcome, cache_path)
        records = outcome[2].records
        held = tuple(record.samples is not None and not record.samples.empty for record in records)
        return cls(outcome, cache_path, held)


def content_id_of(data: bytes) -> str:
    """A stable id for a file's content: the same bytes, the same id, wherever they sit."""
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()[:16]


def read_sources(sources: list[Source], settings: Settings) -> Iterator[Read]:
    """One Read per source, in order: (format, content id, Imported) or the BadFile.

    Outcomes come one at a time, so a caller that keeps only what it needs of each (samples
    can be read again from the cache entry) never holds years of samples at once.
    """
    cache = cache_folder(settings)
    planned: list[BadFile | Path | int] = []  # per source: its error, its entry, or its parse
    pending: list[Source] = []  # a source of each distinct content to parse, in order
    places: dict[tuple[str, bytes], int] = {}  # (suffix, digest) -> its place in pending
    uses: Counter[int] = Counter()
    for source in sources:
        data = _bytes_of(source)
        if isinstance(data, BadFile):
            planned.append(data)
            continue
        path = _cache_path(cache, data)
        if path is not None and path.exists():
            planned.append(path)
            continue
        # copies of one file (a folder copied into itself, a backup beside the original) are
        # parsed once: 2,000 copies of one FIT file, 18 s -> 1 s
        key = (suffix_of(source.name), hashlib.sha1(data, usedforsecurity=False).digest())
        place = places.setdefault(key, len(pending))
        if place == len(pending):
            pending.append(source)  # its bytes are read again when it is parsed: not held
        planned.append(place)
        uses[place] += 1
    parsed = _parse_all(pending, settings)
    held: dict[int, Read] = {}  # parsed contents that later copies still need
    for source, plan in zip(sources, planned, strict=True):
        if isinstance(plan, BadFile):
            yield Read(plan, None)
        elif isinstance(plan, int):
            read = held.pop(plan, None)
            if read is None:
                parsed_data, outcome = next(parsed)
                kept = None if parsed_data is None else _to_cache(cache, parsed_data, outcome)
                read = Read.of(outcome, kept)
            uses[plan] -= 1
            if uses[plan]:
                held[plan] = read
            yield read
        elif (entry := _entry(plan, with_samples=False)) is not None:
            outcome = (entry.file_format, entry.content_id, entry.imported)
            yield Read(outcome, plan, entry.has_samples)
        else:  # a damaged cache entry: read the file afresh
            yield _read_now(source, cache, settings)


def read_afresh(source: Source, settings: Settings) -> Read:
    """One source's Read, parsed from the file now, its cache entry written again (when an
    entry's samples fail their check, or the entry went away)."""
    return _read_now(source, cache_folder(settings), settings)


def _read_now(source: Source, cache: Path | None, settings: Settings) -> Read:
    data, outcome = _read_and_parse(source, settings)
    return Read.of(outcome, None if data is None else _to_cache(cache, data, outcome))


def _parse_all(sources: list[Source], settings: Settings) -> Iterator[tuple[bytes | None, Outcome]]:
    """Each source's bytes (None when they cannot be read) and outcome, in order, parsed on
    every core when there are many.

    A file's bytes are read when its turn to be parsed comes, and each core has at most
    `_IN_FLIGHT` batches of `_BATCH` files read ahead of it: memory stays bounded however many
    files a cold import parses.
    """
    workers = settings.reading_processes()
    one_by_one = partial(_read_and_parse, settings=settings)
    if len(sources) < _PARALLEL_MIN_FILES or workers < 2:
        yield from map(one_by_one, sources)
        return
    try:
        pool = executor.process_pool(workers)
    except (OSError, RuntimeError) as err:  # no processes here (a sandbox): read in this one
        log.debug("parallel reading unavailable (%s); reading one file at a time", err)
        yield from map(one_by_one, sources)
        return
    waiting = (sources[start : start + _BATCH] for start in range(0, len(sources), _BATCH))
    with executor.running(pool):
        in_flight = deque(
            _Batch.sent(pool, batch, settings) for batch in islice(waiting, workers * _IN_FLIGHT)
        )
        while in_flight:
            batch = in_flight.popleft()
            in_flight.extend(_Batch.sent(pool, later, settings) for later in islice(waiting, 1))
            yield from batch.outcomes()


@dataclass
class _Batch:
    """Files sent to a reading process together: their names, bytes (or why they could not be
    read) and the work (None when no process would take it: they are parsed here)."""

    names: list[str]
    contents: list[bytes | BadFile]
    work: Future[list[Outcome]] | None
    settings: Settings

    @classmethod
    def sent(cls, pool: ProcessPoolExecutor, sources: list[Source], settings: Settings) -> _Batch:
        names = [source.name for source in sources]
        contents = [_bytes_of(source) for source in sources]
        jobs = [
            (name, data)
            for name, data in zip(names, contents, strict=True)
            if isinstance(data, bytes)
        ]
        try:
            work = pool.submit(_parse_many, jobs, settings) if jobs else None
        except (BrokenProcessPool, RuntimeError):  # a process died before: parse them here
            work = None
        return cls(names, contents, work, settings)

    def outcomes(self) -> Iterator[tuple[bytes | None, Outcome]]:
        parsed: Iterator[Outcome] | None = None
        if self.work is not None:
            try:
                parsed = iter(self.work.result())
            except BrokenProcessPool as err:  # a process died: these files, and the rest, here
                log.debug("a reading process failed (%s); reading the rest here", err)
        if parsed is None:
            readable = zip(self.names, self.contents, strict=True)
            parsed = (
                parse(name, data, self.settings)
                for name, data in readable
                if isinstance(data, bytes)
            )
        for data in self.contents:
            yield (data, next(parsed)) if isinstance(data, bytes) else (None, data)


def _parse_many(jobs: list[tuple[str, bytes]], settings: Settings) -> list[Outcome]:
    """A reading process's task: a few files, parsed in turn."""
    return [parse(name, data, settings) for name, data in jobs]


def _read_and_parse(source: Source, settings: Settings) -> tuple[bytes | None, Outcome]:
    data = _bytes_of(source)
    if isinstance(data, BadFile):
        return None, data
    return data, parse(source.name, data, settings)


def _bytes_of(source: Source) -> bytes | BadFile:
    try:
        return source.read()
    except BadFile as err:
        return err
    except OSError as err:
        return BadFile(f"cannot open: {err.strerror or err}", FileErrorKind.UNREADABLE)


def parse(name: str, data: bytes, settings: Settings | None = None) -> Outcome:
    """Read one file's bytes with the importer that claims it (with the options `settings`
    give it)."""
    if not data.strip():
        return BadFile("is empty: nothing was recorded, or the copy failed", FileErrorKind.EMPTY)
    content_id = content_id_of(data)
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


def _cache_path(folder: Path | None, data: bytes) -> Path | None:
    if folder is None:
        return None
    key = hashlib.sha1(CACHE_VERSION.encode() + data, usedforsecurity=False).hexdigest()
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


def _to_cache(folder: Path | None, data: bytes, outcome: Outcome) -> Path | None:
    """Keep a parsed outcome (not an error: the next run says it again); its entry, or None."""
    path = _cache_path(folder, data)
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
