"""The processes that parse files beside runlog's own, which never outlive it.

A cold read of many files parses them on every core, in a pool of processes. Those processes
hold the caller's stdout and stderr (a script reading runlog's output through a pipe waits
until every holder is gone), and about 90 MB each, so none may outlive runlog however it
ends:

- killed (SIGKILL, SIGTERM, the terminal closed): on Linux each worker asks the kernel for
  SIGKILL when the process that started it dies (prctl PR_SET_PDEATHSIG); everywhere, each
  worker also looks every WATCH_INTERVAL_S whether runlog still runs, and ends if not;
- interrupted (Ctrl-C, or a SIGTERM that runlog's command line turns into an exception):
  the workers ignore SIGINT (the terminal sends it to them too; the parent decides), and
  `running` stops them at once instead of waiting for their queued files;
- failed: the pool is shut down as Python's executor does.

The command line (cli.main) turns SIGTERM and SIGHUP into `Stopped`, so a run that is told
to stop unwinds like one interrupted by Ctrl-C: outputs are left whole, workers stopped.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from types import FrameType

log = logging.getLogger(__name__)

WATCH_INTERVAL_S = 0.5  # a worker whose runlog is gone ends within this
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


class Stopped(KeyboardInterrupt):
    """runlog was told to stop by a signal (SIGTERM, SIGHUP): it unwinds as on Ctrl-C."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def stop_on_signals() -> None:
    """Turn SIGTERM and SIGHUP into Stopped in this (the main) thread, so that a run told to
    stop cleans up as on Ctrl-C (outputs whole, workers stopped) and exits 128 + the signal."""
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, _raise_stopped)


def _raise_stopped(signum: int, _frame: FrameType | None) -> None:
    raise Stopped(signum)


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of `workers` processes that end when runlog ends; use it in `running`."""
    return ProcessPoolExecutor(
        max_workers=workers, initializer=_worker_started, initargs=(os.getpid(),)
    )


@contextlib.contextmanager
def running(executor: ProcessPoolExecutor) -> Iterator[ProcessPoolExecutor]:
    """The pool for the block, shut down after it; on an error or an interruption in the
    block its processes are stopped at once (the work queued for them is dropped)."""
    try:
        yield executor
    except BaseException:
        _stop(executor)
        raise
    executor.shutdown(wait=True)


def _stop(executor: ProcessPoolExecutor) -> None:
    # the executor keeps its processes in a private attribute; without it, shutdown waits
    # for the files already sent
    processes = list((getattr(executor, "_processes", None) or {}).values())
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.terminate()
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AssertionError, AttributeError):
            process.join(timeout=1)


def _worker_started(parent_pid: int) -> None:
    """A worker's first step: Ctrl-C is its parent's to handle, a SIGTERM ends it, and it
    ends when runlog does."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    direct_parent = os.getppid()  # runlog; or the fork server that starts workers for it
    if sys.platform.startswith("linux") and direct_parent == parent_pid:
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if not _runlog_runs(parent_pid, direct_parent):  # it died before the kernel was asked
        os._exit(1)
    watcher = threading.Thread(
        target=_watch, args=(parent_pid, direct_parent), name="runlog-parent", daemon=True
    )
    watcher.start()


def _watch(parent_pid: int, direct_parent: int) -> None:
    while _runlog_runs(parent_pid, direct_parent):
        time.sleep(WATCH_INTERVAL_S)
    os._exit(1)  # runlog is gone: nothing is waiting for this worker's files


def _runlog_runs(parent_pid: int, direct_parent: int) -> bool:
    # an orphan is adopted at once (its parent id changes), even while its dead parent is
    # a zombie that still answers to its pid
    return os.getppid() == direct_parent and _is_running(parent_pid)


def _is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it runs, under another user (not runlog's case, but not gone)
        return True
    return True


__all__ = ["WATCH_INTERVAL_S", "Stopped", "process_pool", "running", "stop_on_signals"]
