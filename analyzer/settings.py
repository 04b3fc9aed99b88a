"""runlog's settings from the environment: read once, at the edges, and passed down.

The command line (`cli.py`) and the notebook API (`analyzer.load`) build one `Settings` from
the environment when they start; every step below them takes it as an argument. This is the
only module that reads `os.environ`, and nothing in runlog writes to it:

    RUNLOG_CACHE          the cache folder (import cache and kept results); 0 turns it off
                          (default: $XDG_CACHE_HOME/runlog, else ~/.cache/runlog)
    RUNLOG_WORKERS        processes that parse files (1: all in this process; default: one
                          per core, at most 8)
    RUNLOG_DASK_WORKERS   worker processes of `--dask local` (default: one per core)
    RUNLOG_FIT_DECODER    fitdecode: read FIT files with fitdecode alone (no fitfast)
    RUNLOG_MAX_*          input limits (analyzer/archives.py InputLimits), over the profile's
    TZ                    this computer's time zone, the last resort for a local day

A setting that is written wrong is reported (a RunlogError, one line) where it is used.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from analyzer.archives import InputLimits
from analyzer.errors import RunlogError

PREFIX = "RUNLOG_"
MAX_READING_PROCESSES = 8


@dataclass(frozen=True)
class Settings:
    """What the environment says, as runlog uses it."""

    cache: str | None = None  # RUNLOG_CACHE as written ("0": off; None: the default place)
    default_cache_base: str | None = None  # $XDG_CACHE_HOME, else ~/.cache
    workers: str | None = None  # RUNLOG_WORKERS as written
    dask_workers: str | None = None  # RUNLOG_DASK_WORKERS as written
    fit_decoder: str | None = None  # RUNLOG_FIT_DECODER
    timezone: str | None = None  # TZ
    # every RUNLOG_* variable as written, for what must change when any of them changes
    variables: tuple[tuple[str, str], ...] = field(default=())

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings the environment (os.environ unless given) holds."""
        environ = os.environ if environ is None else environ
        base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return cls(
            cache=environ.get("RUNLOG_CACHE"),
            default_cache_base=base,
            workers=environ.get("RUNLOG_WORKERS"),
            dask_workers=environ.get("RUNLOG_DASK_WORKERS"),
            fit_decoder=environ.get("RUNLOG_FIT_DECODER"),
            timezone=environ.get("TZ"),
            variables=tuple(
                sorted((name, value) for name, value in environ.items() if name.startswith(PREFIX))
            ),
        )

    def cache_folder(self) -> Path | None:
        """Where runlog keeps what it can make again (made when missing); None when the cache
        is off (RUNLOG_CACHE=0) or the folder cannot be made."""
        if self.cache == "0":
            return None
        if self.cache:
            folder = Path(self.cache)
        elif self.default_cache_base:
            folder = Path(self.default_cache_base) / "runlog"
        else:
            return None
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        return folder

    def reading_processes(self) -> int:
        """How many processes parse files: RUNLOG_WORKERS, else one per core (at most 8)."""
        if self.workers is not None and self.workers.strip():
            return _whole_number("RUNLOG_WORKERS", self.workers)
        return min(os.cpu_count() or 1, MAX_READING_PROCESSES)

    def dask_processes(self) -> int:
        """How many worker processes `--dask local` starts: RUNLOG_DASK_WORKERS, else one per
        core."""
        if self.dask_workers is not None and self.dask_workers.strip():
            return _whole_number("RUNLOG_DASK_WORKERS", self.dask_workers)
        return os.cpu_count() or 1

    def input_limits(self, limits: InputLimits) -> InputLimits:
        """`limits` (the profile's, or the defaults) with the RUNLOG_MAX_* variables laid
        over them; a RunlogError when one is not a number more than 0."""
        return limits.with_variables(dict(self.variables))

    def read_options(self, file_format: str) -> dict[str, object]:
        """The keyword arguments an importer's read() takes from the settings."""
        if file_format == "fit":
            return {"use_fitfast": self.fit_decoder != "fitdecode"}
        return {}

    def with_processes(self, count: int) -> Settings:
        """These settings with `count` reading processes (a Dask task reads in its own)."""
        return dataclasses.replace(self, workers=str(count))


def _whole_number(name: str, text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise RunlogError(f"{name}={text}: must be a whole number more than 0")
    return number


__all__ = ["Settings"]
