"""A cohort on one machine and on a local Dask cluster: the same tables, and how fast.

    python -m benchmarks.bench_cohort [--athletes 200] [--weeks 52] [--workers 2] [--quick]

Writes a coach's folder of generated athletes (benchmarks.synthetic.write_cohort: FIT runs of
30-90 minutes, smart recording, four or five a week, knee notes, a spike for every third
athlete), kept under /tmp for the next run. Then, each in a fresh process with an empty import
cache (cold) and again with that cache (warm), writes the Parquet datasets of
`runlog import COHORT -o OUT/` on the local path and on a local Dask cluster, checks that
the activities, notes, findings and weekly tables are equal, and prints wall time, runs per
second, CPU seconds (all processes) and the peak memory of the driver and of each worker.
--quick: 12 athletes x 16 weeks. Speed is measured here, not in the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

GENERATOR_VERSION = 1  # bump when the generated files change, so cached folders are redone
CACHE_ROOT = Path(tempfile.gettempdir()) / "runlog-bench"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--athletes", type=int, default=200)
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--quick", action="store_true", help="12 athletes x 16 weeks")
    parser.add_argument("--run", choices=["local", "dask"], help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.run:  # one measured run, in this fresh process
        print(json.dumps(_one_run(options.run, options.folder, options.out, options.workers)))
        return
    if options.quick:
        options.athletes, options.weeks = 12, 16

    started = time.perf_counter()
    folder = cohort_folder(options.athletes, options.weeks)
    runs = sum(1 for _ in folder.rglob("*.fit"))
    megabytes = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) / 1e6
    print(
        f"cohort {folder}: {options.athletes} athletes x {options.weeks} weeks, {runs:,} FIT "
        f"runs, {megabytes:,.0f} MB (ready in {time.perf_counter() - started:.0f} s)"
    )
    print(f"machine: {os.cpu_count()} cores; Dask: a local cluster of {options.workers} workers\n")
    print(
        f"{'path':<16} {'seconds':>8} {'runs/s':>8} {'CPU s':>7} {'driver MB':>10} "
        f"{'worker MB (each)':>18}"
    )
    outputs = {}
    with tempfile.TemporaryDirectory(prefix="runlog-bench-cohort-") as scratch:
        for mode in ("local", "dask"):
            cache = Path(scratch) / f"cache-{mode}"
            for state in ("cold", "warm"):
                out = Path(scratch) / f"out-{mode}"
                shutil.rmtree(out, ignore_errors=True)
                figures = _measured(mode, folder, out, cache, options.workers)
                workers = ", ".join(f"{mb:,.0f}" for mb in figures["worker_peak_mb"]) or "-"
                print(
                    f"{mode + ', ' + state:<16} {figures['seconds']:8.1f} "
                    f"{runs / figures['seconds']:8.1f} {figures['cpu_s']:7.1f} "
                    f"{figures['driver_peak_mb']:10,.0f} "
                    f"{workers:>18}"
                )
            outputs[mode] = out
        _check_equal(outputs["local"], outputs["dask"])


def cohort_folder(athletes: int, weeks: int) -> Path:
    """The generated cohort, kept under /tmp for the next run with the same arguments."""
    from benchmarks.synthetic import write_cohort_athlete

    target = CACHE_ROOT / f"cohort-{athletes}-athletes-{weeks}-weeks-v{GENERATOR_VERSION}"
    complete = target.with_name(target.name + ".complete")
    if not complete.exists():
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        first_monday = _first_monday()
        with ProcessPoolExecutor() as pool:
            jobs = [
                pool.submit(write_cohort_athlete, target, number, first_monday, weeks, (4, 5))
                for number in range(athletes)
            ]
            for job in jobs:
                job.result()
        complete.touch()
    return target


def _first_monday():
    import datetime as dt

    return dt.date(2025, 1, 6)


def _measured(mode: str, folder: Path, out: Path, cache: Path, workers: int) -> dict:
    command = [
        sys.executable,
        "-m",
        "benchmarks.bench_cohort",
        "--run",
        mode,
        "--folder",
        str(folder),
        "--out",
        str(out),
        "--workers",
        str(workers),
    ]
    environment = {**os.environ, "RUNLOG_CACHE": str(cache)}
    result = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{mode} run failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _one_run(mode: str, folder: Path, out: str, workers: int) -> dict:
    """One import of the cohort into datasets, timed from a fresh process (imports included)."""
    started = time.perf_counter()
    from analyzer import cohort, pipeline
    from analyzer.plan import make_plan
    from analyzer.settings import Settings

    worker_peaks: list[float] = []
    settings = Settings.from_environment({**os.environ, "RUNLOG_DASK_WORKERS": str(workers)})
    plan = pipeline.checked(make_plan([folder], None, settings))
    step = pipeline.Step(out=out, keep_log=False)  # as `runlog import -o OUT/` runs
    if mode == "local":
        for _ in pipeline.local_executor(settings).results(plan, step):
            pass
    else:
        # as `--dask local` starts it
        with cohort.cluster_client(cohort.LOCAL_CLUSTER, settings) as client:
            for _ in cohort.DaskExecutor(client).results(plan, step):
                pass
            peaks = client.run(_peak_rss_mb)
            worker_peaks = sorted(peaks.values())
    return {
        "seconds": time.perf_counter() - started,
        "cpu_s": _cpu_s(),
        "driver_peak_mb": _peak_rss_mb(),
        "worker_peak_mb": worker_peaks,
    }


def _cpu_s() -> float:
    """The CPU seconds of this process and of the processes it started and saw end (the
    local path's reading processes, the cluster's scheduler-side and worker processes): on a
    machine others share, the work done, where wall time also counts the waiting."""
    return sum(
        usage.ru_utime + usage.ru_stime
        for usage in (
            resource.getrusage(resource.RUSAGE_SELF),
            resource.getrusage(resource.RUSAGE_CHILDREN),
        )
    )


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def _check_equal(first: Path, second: Path) -> None:
    import pandas as pd

    from analyzer import datasets

    for name in datasets.TABLES:
        expected = datasets.read_table(str(first), name)
        pd.testing.assert_frame_equal(datasets.read_table(str(second), name), expected)
        print(f"{name}: {len(expected):,} rows, equal on both paths")


if __name__ == "__main__":
    main()
