"""Whole results kept by what they were made from: a re-run over unchanged files is a lookup.

`runlog import`, `check` and `report` over years of files spend most of a warm re-run starting
pandas, rebuilding the table from each file's cache entry (analyzer/reading.py), running the
rules and drawing charts. When nothing they read has changed, what they write is the same, so
the result is kept whole, under a key that digests everything the result depends on:

- the run's plan (analyzer/plan.py, made before this key and used for the run after it):
  every source, by its path, athlete and the SHA-256 of its bytes; what could not be opened,
  with its reason; every runlog.toml read (the one given, those beside the data and in
  archives) by its digest, and whether the one folder named is an athlete's of a coach's
  folder (its name is theirs);
- the command and its options (`check` and `report` add the day they run on, `check` the width
  it wraps to), the folder it runs in, the RUNLOG_* settings, the machine's time zone, and
  runlog's own code with the Python and packages that run it (analyzer/fingerprint.py).

Working that out reads and digests each file (as the file cache does) but imports neither
pandas nor any importer. A change to any of these gives a new key, and the result is made
afresh. Results are checked before they are trusted (a SHA-256 of the whole, as cache
entries are): a damaged one is made again. The newest `KEEP_RESULTS` are kept.

The cache folder (this module's results, analyzer/reading.py's entries) is an optimisation,
never a point of failure: a folder that is read-only, full, or removed while runlog runs, or
written by several runs at once, costs at most the time of making things again and one
notice (`cache_notice`). Everything in it is written whole (analyzer/atomic.py); what a run
that was stopped left half written is removed by the next run.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from analyzer import atomic
from analyzer.errors import RunlogError
from analyzer.fingerprint import code_key
from analyzer.places import forget_zips
from analyzer.plan import Plan
from analyzer.settings import Settings

log = logging.getLogger(__name__)

RESULT_MAGIC = b"runlog-result 1\n"
KEEP_RESULTS = 32  # distinct commands over distinct folders; each holds one output table
_RESULTS_FOLDER = "results"
_LENGTH = struct.Struct(">Q")


@dataclass(frozen=True)
class Result:
    """What a command gave: the bytes of each output it writes, its lines (text, to stderr)
    and its exit code."""

    outputs: dict[str, bytes]
    lines: list[tuple[str, bool]]
    exit_code: int


_cache_problems: dict[Path, str] = {}  # a cache folder runlog could not write, and why
_cleaned: set[Path] = set()  # cache folders whose leftovers this process removed


def cache_folder(settings: Settings) -> Path | None:
    """Where runlog keeps what it can make again (`Settings.cache_folder`); None when the cache
    is off or the folder cannot be made (noted for `cache_notice`). The first call of a run
    removes what stopped runs left half written there."""
    folder = settings.cache_folder()
    if folder is None:
        if settings.cache != "0":
            where = settings.cache or str(Path(settings.default_cache_base or "~") / "runlog")
            _cache_problems.setdefault(Path(where), "it cannot be made")
        return None
    if folder not in _cleaned:
        _cleaned.add(folder)
        atomic.remove_stale(folder)
        atomic.remove_stale(folder / _RESULTS_FOLDER)
    return folder


def keep_in_cache(path: Path, data: bytes) -> bool:
    """Write one cache file whole (or not at all); whether it was written. A folder that
    refuses (read-only, full, removed) is noted once, never raised."""
    try:
        path.parent.mkdir(exist_ok=True)
        atomic.write_whole(path, data, sync=False)  # made again if a crash loses it
    except OSError as err:
        cache_unwritable(path.parent, err)
        return False
    return True


def cache_unwritable(folder: Path, err: OSError) -> None:
    """Note that a cache folder refused a write (told once, by `cache_notice`)."""
    log.debug("cannot write the cache in %s", folder, exc_info=True)
    _cache_problems.setdefault(folder, err.strerror or str(err))


def cache_notice() -> str | None:
    """One line when the cache could not be written in this run, else None."""
    if not _cache_problems:
        return None
    folder, reason = next(iter(_cache_problems.items()))
    return (
        f"Note: runlog could not keep what it read in its cache ({folder}: {reason}); the "
        "results are complete, and the next run reads the files again (RUNLOG_CACHE sets "
        "another folder)."
    )


def key_of(command: str, plan: Plan, options: dict[str, str]) -> str | None:
    """The key of a command's result, or None when it cannot be kept (an input by URL, no
    cache folder)."""
    if cache_folder(plan.settings) is None or plan.has_url:
        return None
    try:
        return _key(command, plan, options)
    except OSError:  # a folder gone since it was planned: the command says why
        return None


def _key(command: str, plan: Plan, options: dict[str, str]) -> str:
    digest = hashlib.sha256()

    def add(*parts: object) -> None:
        digest.update(json.dumps(parts, default=str).encode("utf-8", "surrogateescape"))
        digest.update(b"\n")

    settings = plan.settings
    add(command, sorted(options.items()), [os.fsdecode(path) for path in plan.paths], os.getcwd())
    add(settings.variables)
    add(settings.timezone, time.tzname, time.timezone)  # the machine's zone, where it counts
    add(code_key())
    add([(item.athlete, item.where, item.digest) for item in plan.read], plan.named_athlete)
    add(sorted(plan.profiles), sorted(plan.own_profiles))
    add([(path, str(reason), str(reason.kind)) for path, reason in plan.problems])
    for source in plan.sources:
        try:
            content = _digest(source.read())
        except (RunlogError, OSError) as err:  # the run says why: here it is a fact
            content = f"unread: {err}"
        add(source.path, source.athlete, source.named, source.in_archive, content)
    forget_zips()  # the run reads them again where it parses them
    return digest.hexdigest()


def remembered(
    command: str, plan: Plan, options: dict[str, str], make: Callable[[], Result]
) -> Result:
    """The command's result: the one kept for exactly these inputs, else `make()`'s (kept)."""
    key = key_of(command, plan, options)
    result = recall(key, plan.settings)
    if result is None:
        result = make()
        keep(key, result, plan.settings)
    return result


def recall(key: str | None, settings: Settings) -> Result | None:
    """The result kept under `key`, when there is one and it passes its checks."""
    path = _result_path(key, settings)
    if path is None:
        return None
    try:
        data = path.read_bytes()
        result = _decoded(key or "", data)
    except (OSError, ValueError, KeyError, TypeError, struct.error):
        return None
    with contextlib.suppress(OSError):  # a read-only cache still serves what it holds
        os.utime(path)  # the newest results are the ones kept
    return result


def keep(key: str | None, result: Result, settings: Settings) -> None:
    """Keep a result under `key` (whole or not at all), and only the newest KEEP_RESULTS."""
    path = _result_path(key, settings)
    if path is None or not keep_in_cache(path, _encoded(key or "", result)):
        return
    try:
        kept = sorted(path.parent.glob("*.result"), key=_modified, reverse=True)
        for old in kept[KEEP_RESULTS:]:
            old.unlink(missing_ok=True)
    except OSError:  # another run removed it first, or the folder went away
        log.debug("cannot remove old results in %s", path.parent, exc_info=True)


def _result_path(key: str | None, settings: Settings) -> Path | None:
    folder = cache_folder(settings)
    if key is None or folder is None:
        return None
    return folder / _RESULTS_FOLDER / f"{key}.result"


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _encoded(key: str, result: Result) -> bytes:
    names = sorted(result.outputs)
    head = {
        "outputs": [[name, len(result.outputs[name])] for name in names],
        "lines": result.lines,
        "exit_code": result.exit_code,
    }
    text = json.dumps(head, ensure_ascii=True).encode("ascii")
    body = b"".join([_LENGTH.pack(len(text)), text, *(result.outputs[name] for name in names)])
    checksum = hashlib.sha256(body).hexdigest().encode("ascii")
    return b"".join([RESULT_MAGIC, key.encode("ascii"), b"\n", checksum, b"\n", body])


def _decoded(key: str, data: bytes) -> Result:
    """The Result in `data`; ValueError when it is not exactly one kept under `key`."""
    head = RESULT_MAGIC + key.encode("ascii") + b"\n"
    if not data.startswith(head):
        raise ValueError("not a result of this version under this key")
    checksum, separator, body = data[len(head) :].partition(b"\n")
    if not separator or hashlib.sha256(body).hexdigest().encode("ascii") != checksum:
        raise ValueError("its checksum does not match")
    (length,) = _LENGTH.unpack_from(body)
    document = json.loads(body[_LENGTH.size : _LENGTH.size + length])
    outputs, offset = {}, _LENGTH.size + length
    for name, size in document["outputs"]:
        outputs[str(name)] = body[offset : offset + int(size)]
        offset += int(size)
    if offset != len(body):
        raise ValueError("its outputs are not the length it says")
    lines = [(str(text), bool(to_stderr)) for text, to_stderr in document["lines"]]
    return Result(outputs, lines, int(document["exit_code"]))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
