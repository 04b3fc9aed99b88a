"""Work split into parts (an athlete each) on every core, by processes forked with it in place.

A squad's rules, statuses and charts are the same work for each athlete, and take seconds an
athlete. `each_on_every_core(work, parts, processes)` calls `work(part)` for every part in
forked processes that inherit `work` and all it holds: only the parts go out and the results
come back, pickled. With fewer parts than `MIN_PARTS`, one process asked for, no `fork` on
this system or no processes to be had (a sandbox), it calls them here, in order; the results
are the same either way.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

log = logging.getLogger(__name__)

MIN_PARTS = 3  # fewer parts are done here: starting processes costs more than they save
MAX_PROCESSES = 8
Part = TypeVar("Part")
Done = TypeVar("Done")

_work: Callable[[Any], Any] | None = None  # what the forked processes do (inherited)


def each_on_every_core(
    work: Callable[[Part], Done], parts: Sequence[Part], processes: int | None = None
) -> list[Done]:
    """`work(part)` for each part, in the parts' order: in `processes` forked processes (one
    per core, at most `MAX_PROCESSES`, when None), or here."""
    global _work
    wanted = min(os.cpu_count() or 1, MAX_PROCESSES) if processes is None else processes
    workers = min(wanted, len(parts))
    if len(parts) >= MIN_PARTS and workers >= 2 and "fork" in mp.get_all_start_methods():
        _work = work
        try:
            with ProcessPoolExecutor(workers, mp_context=mp.get_context("fork")) as pool:
                return list(pool.map(_do, parts))
        except (OSError, RuntimeError, BrokenProcessPool) as err:  # no processes: do it here
            log.debug("working in one process (%s)", err)
        finally:
            _work = None
    return [work(part) for part in parts]


def _do(part: Any) -> Any:
    """A forked process's task: the work it inherited, on one part."""
    if _work is None:
        raise RuntimeError("a process forked without the work it does")
    return _work(part)


__all__ = ["MIN_PARTS", "each_on_every_core"]
