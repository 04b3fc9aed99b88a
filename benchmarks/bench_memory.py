"""How much memory a first read takes, and how close a cold import comes to the decoder.

    python -m benchmarks.bench_memory [--runs 3000 6000] [--coach] [--floor] [--repeat 1]

Memory: `runlog check --format json` on a generated Garmin account export ("Export Your
Data": the activity summaries JSON, and the FIT files in zips inside the zip, 1,000 a
part, as Garmin splits them) of 3,000 and of 6,000 runs, and with --coach on a coach's
folder of 10 athletes x 5 years (benchmarks/bench_import.py's), each in a fresh process,
cold (an empty RUNLOG_CACHE) and warm (the same cache, another output so the kept result
is not used). The peak is the largest sum of the resident memory of the whole process tree
(runlog and its reading processes), sampled every 20 ms from /proc; beside it the wall
time and the CPU-seconds of the tree (the machine is shared: CPU time is the work done).
The goal: the peak for 6,000 runs within 20 % of the peak for 3,000.

--floor: a cold `runlog import` of 400 one-hour 1 Hz FIT runs against fitfast's bare record
decoding of the same files, read from disk in a pool of as many processes as runlog uses (the
floor), both from a fresh process.

Inputs are generated once under /tmp/runlog-bench and kept for the next run. Linux only
(/proc). Speed and memory are measured here, never in the tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from benchmarks.bench_import import CACHE_ROOT, coach_folder, hour_runs_folder
from benchmarks.synthetic import coach_plan, watch_fit
from tests.exports import (
    FITNESS_FOLDER,
    GARMIN_USER,
    UPLOADS_FOLDER,
    garmin_activity,
    garmin_summaries_json,
)

GENERATOR_VERSION = 1  # bump when the generated export changes
FILES_PER_PART = 1000  # Garmin splits the uploaded files into zips of about this many
SAMPLE_EVERY_S = 0.02
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")
FIRST_MONDAY = dt.date(2010, 1, 4)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, nargs="*", default=[3000, 6000])
    parser.add_argument("--coach", action="store_true", help="also a 10-athlete, 5-year folder")
    parser.add_argument("--floor", action="store_true", help="only: the cold import vs fitfast")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each measure (best kept)")
    options = parser.parse_args()
    print(_machine())
    if options.floor:
        versus_floor(options.repeat)
        return
    inputs = [
        (f"Garmin export, {runs:,} runs", garmin_account_export(runs)) for runs in options.runs
    ]
    if options.coach:
        inputs.append(("coach folder, 10 athletes x 5 years", coach_folder(10, 5)))
    print(f"{'input':<38} {'run':<5} {'peak MB':>8} {'seconds':>8} {'CPU-s':>7}")
    peaks: dict[str, float] = {}
    for label, path in inputs:
        with tempfile.TemporaryDirectory() as cache:
            for state in ("cold", "warm"):
                best = min(
                    (
                        _runlog(["check", str(path), "--format", "json"], cache, state)
                        for _ in range(options.repeat if state == "warm" else 1)
                    ),
                    key=lambda measure: measure.peak_mb,
                )
                peaks[f"{label} {state}"] = best.peak_mb
                print(
                    f"{label:<38} {state:<5} {best.peak_mb:8.0f} {best.seconds:8.1f} "
                    f"{best.cpu_s:7.1f}",
                    flush=True,
                )
                if state == "cold":
                    shutil.rmtree(Path(cache) / "results", ignore_errors=True)
    if len(options.runs) >= 2:
        small, large = options.runs[0], options.runs[1]
        for state in ("cold", "warm"):
            before = peaks[f"Garmin export, {small:,} runs {state}"]
            after = peaks[f"Garmin export, {large:,} runs {state}"]
            print(f"{state}: {large:,} runs peak {after / before - 1:+.0%} over {small:,} runs")


@dataclass(frozen=True)
class Measure:
    peak_mb: float
    seconds: float
    cpu_s: float


def _runlog(arguments: list[str], cache: str, state: str) -> Measure:
    """One `runlog` command in a fresh process: the peak memory of its process tree."""
    environment = {**os.environ, "RUNLOG_CACHE": cache}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [sys.executable, "-c", "from analyzer.cli import main; main()", *arguments]
    return measured(command, environment)


def measured(command: list[str], environment: dict[str, str]) -> Measure:
    """Run `command`; its tree's peak resident memory, its wall time and its CPU-seconds."""
    before = os.times()
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss_bytes(process.pid))
            time.sleep(SAMPLE_EVERY_S)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, errors = process.communicate()
    done.set()
    sampler.join()
    seconds = time.perf_counter() - started
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command[3:])} failed:\n{errors.decode()[-2000:]}")
    after = os.times()
    cpu_s = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return Measure(peak[0] / 2**20, seconds, cpu_s)


def _tree_rss_bytes(root: int) -> int:
    """The resident memory of `root` and every process under it, from /proc."""
    parents: dict[int, int] = {}
    resident: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
            with open(f"/proc/{entry.name}/statm", "rb") as statm:
                pages = int(statm.read().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        pid = int(entry.name)
        parents[pid] = int(fields[1])
        resident[pid] = pages * PAGE_BYTES
    tree = {root}
    grew = True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in tree and pid not in tree:
                tree.add(pid)
                grew = True
    return sum(resident.get(pid, 0) for pid in tree)


# --- a Garmin account export --------------------------------------------------------------


def garmin_account_export(runs: int) -> Path:
    """A zip laid out as Garmin's "Export Your Data": the summaries of `runs` runs, and their
    FIT files (1 Hz, 30-90 minutes) in UploadedFiles_<n>-_Part<k>.zip zips inside it."""
    target = CACHE_ROOT / f"garmin-export-{runs}-v{GENERATOR_VERSION}.zip"
    if target.exists():
        return target
    CACHE_ROOT.mkdir(parents=True, exist_ok=True)
    plan = coach_plan(FIRST_MONDAY, weeks=runs // 4 + 10)[:runs]
    summaries = []
    temporary = target.with_suffix(".tmp")
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, first in enumerate(range(0, runs, FILES_PER_PART), start=1):
            uploads = io.BytesIO()
            with zipfile.ZipFile(uploads, "w", zipfile.ZIP_DEFLATED) as inner:
                for index in range(first, min(first + FILES_PER_PART, runs)):
                    run = plan[index]
                    activity_id = 9_000_000_000 + index
                    data = watch_fit(run, "Europe/Copenhagen", 55.68, 12.57, (1,), seed=index)
                    inner.writestr(f"{GARMIN_USER}_{activity_id}.fit", data)
                    summaries.append(_summary(run, activity_id))
            name = f"{UPLOADS_FOLDER}/UploadedFiles_0-_Part{part}.zip"
            archive.writestr(name, uploads.getvalue())
        archive.writestr(
            f"{FITNESS_FOLDER}/{GARMIN_USER}_0_summarizedActivities.json",
            garmin_summaries_json(summaries),
        )
    temporary.replace(target)
    return target


def _summary(run, activity_id: int) -> dict:
    start = dt.datetime.combine(run.local_date, dt.time(run.hour)) - dt.timedelta(hours=1)
    moving_s = round(run.distance_km * run.pace_min_per_km * 60)
    return garmin_activity(
        activity_id,
        start,
        name=run.name or "Run",
        distance_m=run.distance_km * 1000,
        moving_s=moving_s,
        avg_cadence_spm=run.cadence_spm,
    )


# --- the floor: fitfast's bare record decoding ---------------------------------------------

_FLOOR = """
import os, sys, time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
import fitfast

def records(path):
    return len(fitfast.records(Path(path).read_bytes(), degrees=False)["timestamp"])

if __name__ == "__main__":
    files = sorted(str(path) for path in Path(sys.argv[1]).glob("*.fit"))
    with ProcessPoolExecutor(max_workers=int(sys.argv[2])) as pool:
        print(sum(pool.map(records, files, chunksize=4)))
"""


def versus_floor(repeat: int) -> None:
    """A cold `runlog import` of the 400 one-hour runs against fitfast over the same files."""
    folder = hour_runs_folder()
    workers = min(os.cpu_count() or 1, 8)  # as analyzer/reading.py's pool
    environment = {**os.environ}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    print(f"400 one-hour 1 Hz FIT runs in {folder}, {workers} processes")
    with tempfile.TemporaryDirectory() as scratch:
        script = Path(scratch) / "floor.py"
        script.write_text(_FLOOR, encoding="utf-8")
        floors = [
            measured([sys.executable, str(script), str(folder), str(workers)], environment)
            for _ in range(repeat)
        ]
        runs = []
        for attempt in range(repeat):
            cache = Path(scratch) / f"cache-{attempt}"
            output = Path(scratch) / f"runs-{attempt}.parquet"
            arguments = ["import", str(folder), "-o", str(output)]
            runs.append(_runlog(arguments, str(cache), "cold"))
    floor, cold = _best(floors), _best(runs)
    print(f"{'':<34} {'seconds':>8} {'CPU-s':>7} {'peak MB':>8}")
    print(
        f"{'fitfast records (the floor)':<34} {floor.seconds:8.2f} {floor.cpu_s:7.2f} "
        f"{floor.peak_mb:8.0f}"
    )
    print(f"{'runlog import, cold':<34} {cold.seconds:8.2f} {cold.cpu_s:7.2f} {cold.peak_mb:8.0f}")
    print(
        f"runlog / floor: {cold.seconds / floor.seconds:.2f} x wall, "
        f"{cold.cpu_s / floor.cpu_s:.2f} x CPU (each the best of {repeat})"
    )


def _best(measures: list[Measure]) -> Measure:
    """The least of each figure over repeated runs: on a shared machine the others' load only
    ever adds (to the wall time most, to the CPU time as the cores' caches are shared)."""
    return Measure(
        min(measure.peak_mb for measure in measures),
        min(measure.seconds for measure in measures),
        min(measure.cpu_s for measure in measures),
    )


def _machine() -> str:
    load = os.getloadavg()
    return (
        f"{os.cpu_count()} cores, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} "
        f"at {dt.datetime.now():%Y-%m-%d %H:%M}"
    )


if __name__ == "__main__":
    main()
