"""Reading sources into Imported results: the only place that runs importers.

Each file is read by the importer its name and first bytes call for. Results are kept in a
cache keyed by the file's content, so a log read again (a new week's files added to years of
old ones) only parses what is new. Many files are parsed on every core.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from analyzer.discover import Source
from analyzer.errors import BadFile
from analyzer.importers import Imported, importer_for

log = logging.getLogger(__name__)

HEAD_BYTES = 4096


def _code_version() -> str:
    """A digest of the code that shapes an import: a changed importer never reads a stale entry."""
    package = Path(__file__).parent
    digest = hashlib.sha1(usedforsecurity=False)
    for path in sorted([*package.glob("importers/*.py"), package / "classify.py"]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


CACHE_VERSION = _code_version()
_PARALLEL_MIN_FILES = 16
Outcome = tuple[str, str, Imported] | BadFile


def content_id_of(data: bytes) -> str:
    """A stable id for a file's content: the same bytes, the same id, wherever they sit."""
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()[:16]


def read_sources(sources: list[Source]) -> list[Outcome]:
    """One outcome per source, in order: (format, content id, Imported) or the BadFile."""
    outcomes: list[Outcome | None] = [None] * len(sources)
    pending: list[tuple[int, str, bytes]] = []
    cache = _cache_folder()
    for position, source in enumerate(sources):
        try:
            data = source.read()
        except BadFile as err:
            outcomes[position] = err
            continue
        except OSError as err:
            outcomes[position] = BadFile(f"cannot open: {err.strerror or err}")
            continue
        cached = _from_cache(cache, data)
        if cached is not None:
            outcomes[position] = cached
        else:
            pending.append((position, source.name, data))
    for (position, _, data), outcome in zip(pending, _parse_all(pending), strict=True):
        outcomes[position] = outcome
        if not isinstance(outcome, BadFile):
            _to_cache(cache, data, outcome)
    return [outcome for outcome in outcomes if outcome is not None]


def _parse_all(pending: list[tuple[int, str, bytes]]) -> list[Outcome]:
    jobs = [(name, data) for _, name, data in pending]
    workers = min(os.cpu_count() or 1, 8)
    if len(jobs) < _PARALLEL_MIN_FILES or workers < 2 or os.environ.get("RUNLOG_WORKERS") == "1":
        return [parse(name, data) for name, data in jobs]
    try:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(parse, *zip(*jobs, strict=True), chunksize=4))
    except (OSError, RuntimeError) as err:  # no processes here (a sandbox): read in this one
        log.debug("parallel reading unavailable (%s); reading one file at a time", err)
        return [parse(name, data) for name, data in jobs]


def parse(name: str, data: bytes) -> Outcome:
    """Read one file's bytes with the importer that claims it."""
    if not data.strip():
        return BadFile("is empty: nothing was recorded, or the copy failed")
    try:
        importer = importer_for(name, data[:HEAD_BYTES])
        imported = importer.read(io.BytesIO(data))
    except BadFile as err:
        return err
    except Exception as err:  # a bug in runlog, not in the file: go on, ask for it
        log.debug("unexpected error reading %s", name, exc_info=True)
        return BadFile(f"runlog failed here ({err!r}); please report it")
    return importer.FORMAT, content_id_of(data), imported


def _cache_folder() -> Path | None:
    setting = os.environ.get("RUNLOG_CACHE")
    if setting == "0":
        return None
    base = (
        Path(setting)
        if setting
        else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "runlog"
    )
    try:
        base.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return base


def _cache_key(data: bytes) -> str:
    return hashlib.sha1(CACHE_VERSION.encode() + data, usedforsecurity=False).hexdigest()


def _from_cache(folder: Path | None, data: bytes) -> Outcome | None:
    if folder is None:
        return None
    path = folder / f"{_cache_key(data)}.pickle"
    try:
        with path.open("rb") as stream:
            return pickle.load(stream)
    except FileNotFoundError:
        return None
    except Exception:  # a damaged or foreign cache entry: read the file afresh
        log.debug("ignoring cache entry %s", path, exc_info=True)
        return None


def _to_cache(folder: Path | None, data: bytes, outcome: Outcome) -> None:
    if folder is None:
        return
    path = folder / f"{_cache_key(data)}.pickle"
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        with temporary.open("wb") as stream:
            pickle.dump(outcome, stream, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
    except OSError:
        log.debug("cannot write cache entry %s", path, exc_info=True)
