"""runlog under the faults of the world around a run: kills, full and read-only disks,
concurrent runs, signals. Marked `faults` (`pytest -m faults` runs them alone); each is
bounded in time, and the figures of the same experiments at scale come from
`python -m benchmarks.bench_faults`.

A full or read-only folder is made for real where the machine allows it: a 64 kB tmpfs or a
read-only bind mount in a private mount namespace (`unshare --mount --map-root-user`, run as
any user where unprivileged user namespaces are on). Elsewhere a full disk is a file-size
limit (RLIMIT_FSIZE: a write past it fails with EFBIG, an OSError as ENOSPC is), and a
read-only folder a folder without write permission (not for root, who writes anyway: then
the test is skipped).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import multiprocessing
import os
import resource
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from analyzer import atomic, datasets
from benchmarks.synthetic import PlannedRun, run_gpx, watch_fit, write_cohort
from tests.processes import PRIVATE_MOUNTS, can_unshare, descendants, is_alive

pytestmark = pytest.mark.faults

REPOSITORY = Path(__file__).resolve().parents[1]
SAMPLE_DATA = REPOSITORY / "sample_data"
RUNLOG = [sys.executable, "-c", "from analyzer.cli import main; main()"]
KILL_POINTS = 20
LIMIT_S = 600  # each test's bound: the slowest takes 60 s on 2 cores at a load of 6, 5 min at 15


def environment(cache: Path, **more: str) -> dict[str, str]:
    settings = {**os.environ, "PYTHONPATH": str(REPOSITORY), "RUNLOG_CACHE": str(cache)}
    settings.pop("RUNLOG_WORKERS", None)
    return {**settings, **more}


def runlog(*args: object, cache: Path, **options) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*RUNLOG, *map(str, args)],
        env=environment(cache),
        capture_output=True,
        text=True,
        timeout=120,
        **options,
    )


def in_namespace(setup: str, args: list[object], cache: Path) -> subprocess.CompletedProcess:
    """`runlog ARGS` after `setup` (mounts, in shell) in a private mount namespace."""
    command = f"{setup} && exec {shlex.join([*RUNLOG, *map(str, args)])}"
    return subprocess.run(
        [*PRIVATE_MOUNTS, "sh", "-c", command],
        env=environment(cache),
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(autouse=True)
def _bounded_in_time():
    """Each test ends within LIMIT_S: a hang (a writer waiting for ever, a pipe a worker holds
    open) fails that test, and `subprocess.run` kills what it started as the failure unwinds."""

    def overdue(_signum, _frame):
        pytest.fail(f"still running after {LIMIT_S} s")

    previous = signal.signal(signal.SIGALRM, overdue)
    signal.alarm(LIMIT_S)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def stderr_lines(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def cohort(tmp_path_factory) -> Path:
    """Three athletes, three weeks of FIT runs each (42 files)."""
    folder = tmp_path_factory.mktemp("cohort")
    write_cohort(folder, athletes=3, weeks=3, record_every_s=(30,))
    return folder


@pytest.fixture(scope="module")
def short_cohort(tmp_path_factory) -> Path:
    """Three athletes, two weeks of FIT runs each (27 files): the cohort a writer is killed
    in (its rewrite takes 24 file system steps)."""
    folder = tmp_path_factory.mktemp("pair")
    write_cohort(folder, athletes=3, weeks=2, record_every_s=(30,))
    return folder


@pytest.fixture(scope="module")
def phone_runs(tmp_path_factory) -> Path:
    """40 half-hour GPX runs recorded every second: seconds of parsing on two cores."""
    folder = tmp_path_factory.mktemp("phone")
    for day in range(40):
        run = PlannedRun(dt.date(2025, 3, 1) + dt.timedelta(days=day), 5.0, 6.0)
        (folder / f"run-{day:02d}.gpx").write_bytes(run_gpx(run, "UTC", 55.68, 12.57, every_s=1))
    return folder


# ---- every output whole or not at all -------------------------------------------------------


def _kill_at(step: int, arguments: list[str], cache: str) -> None:
    """`runlog ARGUMENTS` in this (forked) process, which kills itself at its `step`th file
    system step of writing: each fsync, rename and removal (0: never; the steps counted
    are printed)."""
    os.environ["RUNLOG_CACHE"] = cache
    os.environ["RUNLOG_WORKERS"] = "1"  # every step in this process (no pool to start, either)
    steps = [0]

    def counted(call):
        def step_then(*args, **kwargs):
            steps[0] += 1
            if steps[0] == step:
                os.kill(os.getpid(), signal.SIGKILL)
            return call(*args, **kwargs)

        return step_then

    for name in ("fsync", "replace", "unlink", "rmdir"):
        setattr(os, name, counted(getattr(os, name)))
    from analyzer.cli import main

    sys.argv = ["runlog", *arguments]
    try:
        main()
    finally:
        print(f"steps={steps[0]}", file=sys.stderr)


@dataclasses.dataclass(frozen=True)
class Rewrite:
    """A dataset written from a cohort's log (old) and the same cohort with one run more for
    each athlete (newer), both imported once with a warm cache: what a rewrite turns old
    into, and the rows of each athlete in each table before and after."""

    cohort: Path
    newer: Path
    cache: Path
    old_out: Path
    old: dict[tuple[str, str], int]
    new: dict[tuple[str, str], int]

    def wrong(self, rows: dict[tuple[str, str], int]) -> list[tuple[str, str, object]]:
        """The tables and athletes whose rows, as read, are neither all old nor all new."""
        mixed: list[tuple[str, str, object]] = [
            (*key, count)
            for key, count in rows.items()
            if count not in (self.old.get(key), self.new.get(key))
        ]
        return mixed + [
            (*key, "missing") for key in self.old.keys() & self.new.keys() if key not in rows
        ]


@pytest.fixture(scope="module")
def rewrite(short_cohort, tmp_path_factory) -> Rewrite:
    cohort = short_cohort
    folder = tmp_path_factory.mktemp("rewrite")
    cache = folder / "cache"
    newer = folder / "newer"  # the cohort and one run more for each athlete
    shutil.copytree(cohort, newer)
    for number, athlete in enumerate(sorted(path.name for path in cohort.iterdir())):
        extra = PlannedRun(dt.date(2025, 1, 27), 7, 6.0, 168.0)
        data = watch_fit(extra, "Europe/Copenhagen", 55.68, 12.57, (30,), seed=900 + number)
        (newer / athlete / "2025" / "extra.fit").write_bytes(data)
    old_out, new_out = folder / "old", folder / "new"
    for logs, out in ((cohort, old_out), (newer, new_out)):  # the cache warm for both
        assert runlog("import", logs, "-o", f"{out}/", cache=cache).returncode == 0
    old, new = _rows(old_out), _rows(new_out)
    assert old != new
    return Rewrite(cohort, newer, cache, old_out, old, new)


def test_import_killed_at_20_points_leaves_every_table_readable_old_or_new(rewrite, tmp_path):
    """20 kills of `runlog import -o OUT/` over the steps of its writing (each file's sync, each
    rename, each removal), each rewriting a dataset written before from a different log:
    after every kill pandas reads every table, and each athlete's rows are all old or all new."""
    newer, cache, old_out = rewrite.newer, rewrite.cache, rewrite.old_out
    context = multiprocessing.get_context("forkserver")  # a clean, single-threaded parent
    context.set_forkserver_preload(["analyzer.cli", "analyzer.loader", "analyzer.datasets"])
    out = tmp_path / "out"
    shutil.copytree(old_out, out)
    arguments = ["import", str(newer), "-o", f"{out}/"]
    counting = subprocess.run(  # the steps of one whole rewrite, counted
        [sys.executable, "-c", _COUNT_STEPS, str(out), str(newer), str(cache)],
        env=environment(cache),
        capture_output=True,
        text=True,
        timeout=120,
    )
    total = int(counting.stderr.rsplit("steps=", 1)[1].split()[0])
    assert total >= KILL_POINTS, counting.stderr
    shutil.rmtree(out)
    shutil.copytree(old_out, out)
    points = sorted({1 + round(index * (total - 1) / (KILL_POINTS - 1)) for index in range(20)})
    mixed = []
    for point in points:
        process = context.Process(target=_kill_at, args=(point, arguments, str(cache)))
        process.start()
        process.join(timeout=120)
        if process.is_alive():
            process.kill()
        assert process.exitcode == -signal.SIGKILL, (point, process.exitcode)
        rows = _rows(out)  # pandas reads every table, or this raises
        mixed += [(point, *wrong) for wrong in rewrite.wrong(rows)]
    assert not mixed
    assert len(points) == KILL_POINTS
    again = runlog(*arguments, cache=cache)  # the next run completes, leftovers removed
    assert again.returncode == 0, again.stderr
    assert _rows(out) == rewrite.new
    assert not [path for path in out.rglob(".*") if path.name != atomic.LOCK_NAME]


def test_pandas_reading_during_rewrites_sees_each_athlete_old_or_new(rewrite, tmp_path):
    """pandas reads every table again and again while `runlog import -o OUT/` rewrites the
    dataset four times (new, old, new, old): every read finds every athlete, each with all
    its old rows or all its new ones (before, 102 of 1,269 reads were wrong)."""
    out = tmp_path / "out"
    shutil.copytree(rewrite.old_out, out)
    rewriting = threading.Event()
    rewriting.set()
    exits: list[int] = []

    def rewrite_four_times() -> None:
        try:
            for logs in (rewrite.newer, rewrite.cohort) * 2:
                result = runlog("import", logs, "-o", f"{out}/", cache=rewrite.cache)
                exits.append(result.returncode)
        finally:
            rewriting.clear()

    writer = threading.Thread(target=rewrite_four_times)
    writer.start()
    reads, wrong = 0, []
    while rewriting.is_set():
        reads += 1
        wrong += rewrite.wrong(_rows(out))  # pandas reads every table, or this raises
    writer.join()
    assert exits == [0] * 4
    assert reads >= 4
    assert not wrong, f"{len(wrong)} wrong in {reads} reads: {wrong[:5]}"


_COUNT_STEPS = """
import sys, multiprocessing
from tests.test_faults import _kill_at
_kill_at(0, ["import", sys.argv[2], "-o", sys.argv[1] + "/"], sys.argv[3])
"""


def _rows(out: Path) -> dict[tuple[str, str], int]:
    """The rows of each athlete in each table, as pandas reads the datasets."""
    counts = {}
    for table in datasets.TABLES:
        frame = pd.read_parquet(out / table)
        for athlete, rows in frame["athlete"].astype(str).value_counts().items():
            counts[(table, athlete)] = int(rows)
    return counts


def test_four_concurrent_imports_into_one_folder_take_turns(short_cohort, tmp_path):
    cohort = short_cohort
    out = tmp_path / "out"
    cache = tmp_path / "cache"  # cold, and shared, as one user's
    runs = [
        subprocess.Popen(
            [*RUNLOG, "import", str(cohort), "-o", f"{out}/"],
            env=environment(cache),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    try:
        results = [(run.communicate(timeout=LIMIT_S), run.returncode) for run in runs]
    finally:
        for run in runs:
            if run.poll() is None:
                run.kill()
    assert [code for _, code in results] == [0] * 4, results
    alone = tmp_path / "alone"
    assert runlog("import", cohort, "-o", f"{alone}/", cache=cache).returncode == 0
    assert _rows(out) == _rows(alone)
    assert not [path for path in out.rglob(".*") if path.name != atomic.LOCK_NAME]


@pytest.mark.parametrize("command", ["import -o OUT/", "import -o runs.csv", "report"])
def test_a_full_disk_under_the_output_is_one_line_and_the_previous_output_intact(
    command, cohort, tmp_path
):
    cache = tmp_path / "cache"
    folder = tmp_path / "outputs"
    folder.mkdir()
    inputs, target = {
        "import -o OUT/": (cohort, f"{folder}/out/"),
        "import -o runs.csv": (SAMPLE_DATA, folder / "runs.csv"),
        "report": (SAMPLE_DATA, folder / "page.html"),
    }[command]
    verb = command.split()[0]
    force = [] if str(target).endswith("/") else ["--force"]
    first = runlog(verb, inputs, "-o", target, *force, cache=cache)
    assert first.returncode == 0, first.stderr
    before = _files(folder)
    if can_unshare():  # the folder's files in a tmpfs filled to the last byte
        keep = tmp_path / "kept"
        shutil.copytree(folder, keep)
        quoted, kept = shlex.quote(str(folder)), shlex.quote(str(keep))
        setup = (
            f"mount -t tmpfs -o size=4m tmpfs {quoted} && cp -a {kept}/. {quoted} && "
            f"(dd if=/dev/zero of={quoted}/filler bs=4k 2>/dev/null; true)"
        )
        shell = (
            f"{setup} && {shlex.join([*RUNLOG, verb, str(inputs), '-o', str(target), *force])}"
            f'; echo "exit=$?" >&2; rm {quoted}/filler; cp -a {quoted}/. {kept}.after'
        )
        result = subprocess.run(
            [*PRIVATE_MOUNTS, "sh", "-c", shell],
            env=environment(cache),
            capture_output=True,
            text=True,
            timeout=120,
        )
        code = int(result.stderr.rsplit("exit=", 1)[1].split()[0])
        lines = stderr_lines(result)[:-1]
        after = _files(Path(f"{keep}.after"))
    else:  # a file-size limit: a write past 4 kB fails
        result = _with_file_size_limit([verb, inputs, "-o", target, *force], cache, 4096)
        code, lines, after = result.returncode, stderr_lines(result), _files(folder)
    assert code == 2, lines
    assert len(lines) == 1 and "cannot write it" in lines[0], lines
    assert after == before


def _with_file_size_limit(args: list[object], cache: Path, limit_bytes: int):
    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a kill
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    return runlog(*args, cache=cache, preexec_fn=limited)


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name not in ("filler", atomic.LOCK_NAME)
    }


def test_a_read_only_output_folder_is_one_line_and_the_previous_output_intact(cohort, tmp_path):
    cache = tmp_path / "cache"
    out = tmp_path / "out"
    assert runlog("import", cohort, "-o", f"{out}/", cache=cache).returncode == 0
    before = _files(out)
    if can_unshare():
        quoted = shlex.quote(str(out))
        setup = f"mount --bind {quoted} {quoted} && mount -o remount,bind,ro {quoted}"
        result = in_namespace(setup, ["import", cohort, "-o", f"{out}/"], cache)
    elif os.geteuid() != 0:
        for path in [out, *out.rglob("*")]:
            if path.is_dir():
                path.chmod(0o555)
        result = runlog("import", cohort, "-o", f"{out}/", cache=cache)
    else:
        pytest.skip("root writes into read-only folders, and no mount namespace here")
    assert result.returncode == 2, result.stderr
    lines = stderr_lines(result)
    assert len(lines) == 1 and "cannot write it" in lines[0], lines
    assert _files(out) == before


# ---- the cache is never a point of failure ------------------------------------------------


@pytest.mark.parametrize("fault", ["read-only", "full"])
def test_check_with_a_broken_cache_folder_gives_the_same_report_and_a_notice(fault, tmp_path):
    reference = runlog("check", SAMPLE_DATA, cache=tmp_path / "good")
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "results").mkdir()
    quoted = shlex.quote(str(cache))
    if can_unshare():
        setup = {
            "read-only": f"mount --bind {quoted} {quoted} && mount -o remount,bind,ro {quoted}",
            "full": f"mount -t tmpfs -o size=64k tmpfs {quoted}",
        }[fault]
        result = in_namespace(setup, ["check", SAMPLE_DATA], cache)
    elif fault == "full":
        result = _with_file_size_limit(["check", SAMPLE_DATA], cache, 4096)
    elif os.geteuid() != 0:
        cache.chmod(0o555)
        (cache / "results").chmod(0o555)
        result = runlog("check", SAMPLE_DATA, cache=cache)
    else:
        pytest.skip("root writes into read-only folders, and no mount namespace here")
    assert result.returncode == reference.returncode == 0, result.stderr
    assert result.stdout == reference.stdout
    lines = stderr_lines(result)
    assert len(lines) == 1 and lines[0].startswith("Note: runlog could not keep"), lines
    assert not list(cache.rglob("*.tmp"))


# ---- clean exits ----------------------------------------------------------------------------


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: files are read in one process")
@pytest.mark.parametrize(
    ("how", "exit_code", "without_prctl"),
    [
        pytest.param(signal.SIGTERM, 143, False, id="SIGTERM: exit 143, one line"),
        pytest.param(signal.SIGINT, 130, False, id="Ctrl-C: exit 130, one line"),
        pytest.param(signal.SIGKILL, -9, False, id="SIGKILL: the kernel ends the workers"),
        pytest.param(signal.SIGKILL, -9, True, id="SIGKILL: the workers see runlog gone"),
    ],
)
def test_a_signal_during_a_parallel_read_leaves_no_worker(
    how, exit_code, without_prctl, phone_runs, tmp_path
):
    hook = "import analyzer.executor as e; e._PR_SET_PDEATHSIG = 0; " if without_prctl else ""
    reading = subprocess.Popen(
        [sys.executable, "-c", f"{hook}from analyzer.cli import main; main()", "check", phone_runs],
        env=environment(tmp_path / "cold-cache"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    try:
        while len(workers) < 2 and time.monotonic() < deadline and reading.poll() is None:
            workers |= descendants(reading.pid)
            time.sleep(0.05)
        assert len(workers) >= 2, "the files were not read in parallel"
        reading.send_signal(how)
        _, error = reading.communicate(timeout=30)  # the pipes close: no worker holds them
    finally:
        if reading.poll() is None:
            reading.kill()
    time.sleep(2)
    alive = [pid for pid in workers if is_alive(pid)]
    for pid in alive:
        os.kill(pid, signal.SIGKILL)
    assert not alive
    assert reading.returncode == exit_code
    if how != signal.SIGKILL:
        lines = [line for line in error.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("Stopped by "), lines
