"""Files written whole or not at all, a lock for a folder, and what a killed run left behind.

Everything runlog writes on a local disk (an output, a dataset's partition, a cache entry, a
kept result) is written to a temporary name beside it and renamed over it once complete: a
reader sees the old file or the new one, never half of either, and a run that is killed,
or meets a full or read-only disk, leaves what was there before. A temporary is named
`.NAME.PID.tmp` (hidden: pandas, Arrow, Spark and DuckDB pass over names starting with a
dot); one whose process is gone, or that is older than an hour, was left by a run that
stopped, and the next run that writes beside it removes it.

Writers of one folder (concurrent `runlog import -o OUT/`) take turns through `locked`: an
advisory lock on `FOLDER/.runlog.lock`, held by the kernel for the process, so a killed
writer never leaves it held.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from analyzer.errors import RunlogError

TEMPORARY_SUFFIX = ".tmp"
STALE_AFTER_S = 3600  # no single file takes an hour to write: its writer stopped
LOCK_NAME = ".runlog.lock"
LOCK_WAIT_S = 600  # a writer that holds a folder longer than this is stuck, or very large
_LOCK_POLL_S = 0.1


class OutputError(RunlogError):
    """An output that could not be written: a full disk, a read-only folder, a name too long.
    What was there before is left as it was; the message says what and why."""


def cannot_write(
    where: str, err: OSError, kept: str = "what was there is unchanged"
) -> OutputError:
    """The one line for an output the system refused: where, why (its words), what is kept."""
    return OutputError(f"{where}: cannot write it ({err.strerror or err}); {kept}")


def temporary_for(path: Path) -> Path:
    """The temporary name `path` is written under by this process."""
    return path.with_name(f".{path.name}.{os.getpid()}{TEMPORARY_SUFFIX}")


def staged(path: Path, write: Callable[[BinaryIO], object], *, sync: bool = True) -> Path:
    """`path`'s new bytes, written by `write` under its temporary name (synced to the disk
    unless `sync` is off: a cache can be made again): the temporary, for the caller to rename
    over `path`. On any error, or an interruption, the temporary is removed."""
    temporary = temporary_for(path)
    try:
        with temporary.open("wb") as stream:
            write(stream)
            if sync:
                stream.flush()
                os.fsync(stream.fileno())
    except BaseException:
        discard(temporary)
        raise
    return temporary


def write_whole(path: Path, data: bytes, *, sync: bool = True) -> None:
    """Write `data` to `path` through a temporary renamed over it when complete; on any
    error `path` is as it was and no temporary is left."""
    temporary = staged(path, lambda stream: stream.write(data), sync=sync)
    try:
        temporary.replace(path)
    except BaseException:
        discard(temporary)
        raise


def discard(temporary: Path) -> None:
    """Remove a temporary that will not be used (a read-only or vanished folder: nothing)."""
    with contextlib.suppress(OSError):
        temporary.unlink()


def remove_stale(folder: Path, name: str | None = None) -> int:
    """Remove the temporaries in `folder` that runs which stopped left behind: those of the
    file `name` (a folder of the user's holds others' files), or any (a folder of runlog's
    own, such as its cache); how many."""
    removed = 0
    prefix = "" if name is None else f".{name}."
    try:
        with os.scandir(folder) as entries:
            leftovers = [
                Path(entry.path)
                for entry in entries
                if entry.name.startswith(prefix)
                and entry.name.endswith(TEMPORARY_SUFFIX)
                and _is_stale(Path(entry.path))
            ]
    except OSError:  # no folder, or not ours to list
        return 0
    for path in leftovers:
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
    return removed


def _is_stale(path: Path) -> bool:
    """Whether a temporary's writer is gone: its process is not running, or it is old."""
    pid_text = path.name.removesuffix(TEMPORARY_SUFFIX).rsplit(".", 1)[-1]
    try:
        age_s = time.time() - path.stat().st_mtime
    except OSError:
        return False
    if age_s > STALE_AFTER_S:
        return True
    if not pid_text.isdigit():
        return False
    return not _is_running(int(pid_text))


def _is_running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: running
        return True
    return True


@contextlib.contextmanager
def locked(folder: Path, *, wait_s: float = LOCK_WAIT_S) -> Iterator[None]:
    """Hold `folder`'s lock for the block: other runlog writers of the folder wait their turn.
    OutputError when the lock file cannot be made (the folder is read-only), or another
    writer holds it past `wait_s`."""
    path = folder / LOCK_NAME
    try:
        stream = path.open("ab")
    except OSError as err:
        raise cannot_write(str(folder), err) from err
    with stream:
        deadline = time.monotonic() + wait_s
        while not _try_lock(stream):
            if time.monotonic() > deadline:
                raise OutputError(
                    f"{folder}: another runlog has been writing here for {wait_s / 60:.0f} "
                    "minutes; run again when it has finished"
                )
            time.sleep(_LOCK_POLL_S)
        try:
            yield
        finally:
            _unlock(stream)


def _try_lock(stream: BinaryIO) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        return _try_lock_windows(stream)
    try:
        fcntl.flock(stream.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:  # a file system without locks (some network mounts): go on unlocked
        return True
    return True


def _try_lock_windows(stream: BinaryIO) -> bool:
    import msvcrt

    stream.seek(0)  # the lock is on the file's first byte, whoever holds it
    try:
        msvcrt.locking(stream.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
    except OSError:
        return False
    return True


def _unlock(stream: BinaryIO) -> None:
    with contextlib.suppress(OSError):
        try:
            import fcntl
        except ImportError:
            import msvcrt

            stream.seek(0)
            msvcrt.locking(stream.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
            return
        fcntl.flock(stream.fileno(), fcntl.LOCK_UN)


__all__ = [
    "LOCK_NAME",
    "OutputError",
    "cannot_write",
    "discard",
    "locked",
    "remove_stale",
    "staged",
    "temporary_for",
    "write_whole",
]
