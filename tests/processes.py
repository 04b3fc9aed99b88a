"""A process's descendants and whether a process runs, from /proc (Linux): what the fault
tests and benchmarks/bench_faults.py look at to find orphans; and the private mount namespace
they make full and read-only folders in."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

# a command after these runs in a mount namespace of its own, as root there: its mounts (a
# small tmpfs, a read-only bind) are seen by it alone and end with it
PRIVATE_MOUNTS = ["unshare", "--mount", "--map-root-user", "--propagation", "private"]


def can_unshare() -> bool:
    """Whether this user may make a private mount namespace (unprivileged user namespaces)."""
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run([*PRIVATE_MOUNTS, "true"], capture_output=True, check=False)
    return probe.returncode == 0


def descendants(pid: int) -> set[int]:
    """The processes `pid` started, and theirs, as /proc says now."""
    children = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[1]) == pid:
                children.add(int(entry.name))
    return children | {grand for child in children for grand in descendants(child)}


def is_alive(pid: int) -> bool:
    """Whether the process runs (a zombie, dead but not yet waited for, does not)."""
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
