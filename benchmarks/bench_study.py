"""The squad study on a cohort, on this machine and on a local Dask cluster: the same table,
and how long each takes.

    python -m benchmarks.bench_study [--athletes 200] [--weeks 52] [--workers 2]

Writes a coach's folder of generated runners (benchmarks.synthetic.write_study_cohort: a log
each, low cadence planted before most knee-pain episodes), kept under /tmp for the next run.
Then runs `runlog check COHORT --format json` on the local path and with `--dask local`
(RUNLOG_DASK_WORKERS workers), each in a fresh process with an empty import cache, checks that
`squad.patterns` is the same document, and prints wall time, CPU seconds (all processes) and
the planted pattern's row. Speed is measured here, not in the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GENERATOR_VERSION = 1  # bump when the generated logs change, so cached folders are redone
CACHE_ROOT = Path(tempfile.gettempdir()) / "runlog-bench"
REPOSITORY = Path(__file__).resolve().parents[1]
_RUNLOG = "from analyzer.cli import main; main()"  # `runlog` of this checkout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--athletes", type=int, default=200)
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args()
    folder = study_folder(options.athletes, options.weeks)
    print(f"cohort {folder}: {options.athletes} runners x {options.weeks} weeks")
    print(f"machine: {os.cpu_count()} cores, load {_load()}; Dask: {options.workers} workers\n")
    documents = {}
    for path in ("local", "dask"):
        started, cpu = time.perf_counter(), _children_cpu_s()
        documents[path] = _check(folder, path, options.workers)
        seconds, cpu_s = time.perf_counter() - started, _children_cpu_s() - cpu
        print(f"{path:<6} {seconds:8.1f} s wall {cpu_s:8.1f} s CPU (load {_load()})")
    same = documents["local"] == documents["dask"]
    patterns = documents["local"]
    print(f"\nsquad.patterns the same on both paths: {same}")
    print(patterns["summary"])
    for row in patterns["rows"]:
        if row["odds_ratio"] is not None:
            print(
                f"  {row['pattern']:<22} OR {row['odds_ratio']:8.3f} "
                f"({row['ci_low']:.3f}-{row['ci_high']:.3f})  Holm p {row['p_holm']:.3g}"
            )
    if not same:
        sys.exit(1)


def study_folder(athletes: int, weeks: int) -> Path:
    """The generated cohort, written once and kept under /tmp."""
    from benchmarks.synthetic import write_study_cohort

    folder = CACHE_ROOT / f"study-{athletes}x{weeks}-v{GENERATOR_VERSION}"
    if not (folder / ".complete").exists():
        write_study_cohort(folder, athletes, weeks)
        (folder / ".complete").write_text("")
    return folder


def _check(folder: Path, path: str, workers: int) -> dict:
    """`runlog check --format json`'s squad.patterns, in a fresh process and import cache."""
    with tempfile.TemporaryDirectory() as cache:
        environment = {
            **os.environ,
            "RUNLOG_CACHE": cache,
            "RUNLOG_DASK_WORKERS": str(workers),
            "PYTHONPATH": str(REPOSITORY),
        }
        command = [sys.executable, "-c", _RUNLOG, "check", str(folder), "--format", "json"]
        if path == "dask":
            command += ["--dask", "local"]
        printed = subprocess.run(
            command, capture_output=True, text=True, env=environment, check=False
        )
    if printed.returncode not in (0, 1):
        sys.exit(f"{path}: runlog check failed ({printed.returncode}): {printed.stderr[-2000:]}")
    return json.loads(printed.stdout)["squad"]["patterns"]


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()
