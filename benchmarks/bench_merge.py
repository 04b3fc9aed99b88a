"""How fast runlog matches the records of one run when many start at the same moment.

    python -m benchmarks.bench_merge [--rows 10000] [--copies 2000]

Two inputs that once took minutes: a hand log of `--rows` rows all starting at one minute
(distances 5-15 km, so few are the same run), and a folder of `--copies` copies of one FIT
file (every one the same run). Each is loaded twice, from an empty import cache and from the
warm one; the table gives the whole load and the matching alone (merge.merge_duplicates).
Speed is measured here, not in the tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

import analyzer
from analyzer import loader
from tests.fitwriter import simple_run_fit

START = dt.datetime(2026, 3, 2, 6, 0, tzinfo=dt.UTC)


def same_start_log(folder: Path, rows: int) -> Path:
    """One hand log of `rows` runs that all start at 06:00 on one day."""
    folder.mkdir(parents=True, exist_ok=True)
    spread = random.Random(16)
    lines = ["date,distance_km,duration_min"]
    lines += [
        f"2026-03-02 06:00,{spread.uniform(5, 15):.3f},{spread.randint(25, 90)}"
        for _ in range(rows)
    ]
    (folder / "log.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def copied_fit(folder: Path, copies: int) -> Path:
    """`copies` copies of one watch FIT file, each under its own name."""
    folder.mkdir(parents=True, exist_ok=True)
    data = simple_run_fit(START, 3000, 10_000.0, cadence_spm=172)
    for number in range(copies):
        (folder / f"copy-{number:05d}.fit").write_bytes(data)
    return folder


def timed_load(folder: Path) -> tuple[float, float, int]:
    """Seconds for the whole load and for the matching alone, and the activities kept."""
    spent: list[float] = []
    original: Callable = loader.merge_duplicates

    def timed(activities: pd.DataFrame):
        started = time.perf_counter()
        result = original(activities)
        spent.append(time.perf_counter() - started)
        return result

    loader.merge_duplicates = timed
    try:
        started = time.perf_counter()
        log = analyzer.load(folder)
        total_s = time.perf_counter() - started
    finally:
        loader.merge_duplicates = original
    return total_s, sum(spent), len(log.activities)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--copies", type=int, default=2_000)
    arguments = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="runlog-bench-merge-"))
    os.environ["RUNLOG_CACHE"] = str(root / "cache")
    try:
        cases = [
            (f"{arguments.rows:,} rows, one start", same_start_log(root / "log", arguments.rows)),
            (f"{arguments.copies:,} copies of a FIT", copied_fit(root / "fit", arguments.copies)),
        ]
        print(f"{'input':<28}{'cache':>7}{'load s':>9}{'matching s':>12}{'kept':>7}")
        for label, folder in cases:
            for cache in ("cold", "warm"):
                total_s, matching_s, kept = timed_load(folder)
                print(f"{label:<28}{cache:>7}{total_s:>9.2f}{matching_s:>12.2f}{kept:>7,}")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
