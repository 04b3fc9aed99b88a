"""How fast runlog loads years of watch files from a coach's athletes.

    python -m benchmarks.bench_import [--athletes 5] [--years 3] [--folder PATH]
                                      [--quick] [--profile]

Writes a coach's folder: one sub-folder per athlete, four or five FIT runs a week of 30-90
minutes, recorded every second for half the athletes and every 4-5 s (smart recording) for
the others; the first athlete also has a Strava export zip of the same runs, half of them
with their FIT file inside, so duplicates are merged. The folder is kept under /tmp for the
next run with the same arguments; with --folder it is written there instead, or, when that
folder already holds files, loaded as it is.

Then times `analyzer.load` cold (an empty RUNLOG_CACHE) and warm (the same cache again), in
one process (RUNLOG_WORKERS=1) and with the default pool, with fitfast's records and with
fitdecode alone (RUNLOG_FIT_DECODER=fitdecode; --quick skips its one-process run), and
`run_rules` on the log. --profile prints where a cold one-process load spends its time.
Speed is measured here, not in the tests.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as dt
import logging
import os
import pstats
import shutil
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd

import analyzer
from analyzer.checkers import run_rules
from analyzer.importers import fit
from analyzer.log import TrainingLog
from benchmarks.synthetic import PlannedRun, coach_plan, watch_fit
from tests.exports import strava_export

GENERATOR_VERSION = 1  # bump when the generated files change, so cached folders are redone
CACHE_ROOT = Path(tempfile.gettempdir()) / "runlog-bench"
REPOSITORY = Path(__file__).resolve().parents[1]
FIRST_MONDAY = dt.date(2022, 1, 3)
# name, time zone, home (lat, lon)
ATHLETES = (
    ("ana", "Europe/Copenhagen", 55.68, 12.57),
    ("ben", "Europe/London", 51.46, -0.12),
    ("chloe", "America/New_York", 40.78, -73.97),
    ("dev", "Australia/Sydney", -33.87, 151.21),
    ("emi", "Asia/Tokyo", 35.68, 139.69),
    ("femi", "Africa/Lagos", 6.45, 3.40),
    ("gus", "America/Sao_Paulo", -23.59, -46.66),
    ("hana", "Europe/Berlin", 52.52, 13.40),
    ("ivo", "Europe/Madrid", 40.42, -3.70),
    ("jun", "Asia/Seoul", 37.57, 126.98),
)
EVERY_SECOND = (1,)
SMART_RECORDING = (4, 5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--athletes", type=int, default=5)
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--folder", type=Path, help="write the coach folder here (or load it)")
    parser.add_argument("--quick", action="store_true", help="skip fitdecode in one process")
    parser.add_argument("--profile", action="store_true", help="profile a cold load")
    parser.add_argument(
        "--versus-fitparse",
        action="store_true",
        help="only: a warm `runlog import` of 400 one-hour FIT runs beside a fitparse loop",
    )
    options = parser.parse_args()
    if options.versus_fitparse:
        versus_fitparse()
        return
    if options.folder is not None and options.folder.resolve().is_relative_to(REPOSITORY):
        parser.error("--folder must be outside the repository")

    started = time.perf_counter()
    folder = coach_folder(options.athletes, options.years, options.folder)
    print(f"folder {folder} ready in {time.perf_counter() - started:.1f} s")
    fit_files, megabytes = _size_of(folder)
    print(f"{fit_files:,} FIT files and zip members, {megabytes:,.1f} MB on disk\n")

    size = (fit_files, megabytes)
    print(f"{'load':<28} {'seconds':>8} {'runs':>7} {'runs/s':>8} {'files/s':>8} {'MB/s':>6}")
    decoders: Counter = Counter()
    with _cache() as cache:
        log = _timed("cold, 1 process, fitfast", folder, size, cache, "1", decoders)
    with _cache() as cache:
        _timed("cold, pool, fitfast", folder, size, cache, None)
        _timed("warm, 1 process", folder, size, cache, "1")
        _timed("warm, pool", folder, size, cache, None)
    with _cache() as cache:
        _timed("cold, pool, fitdecode", folder, size, cache, None, fitdecode=True)
    if not options.quick:
        with _cache() as cache:
            _timed("cold, 1 process, fitdecode", folder, size, cache, "1", fitdecode=True)

    print(
        f"\nFIT files read with fitfast's records: {decoders['fitfast']:,}; "
        f"with fitdecode alone: {decoders['fitdecode']:,}"
    )
    print(
        f"{len(log.runs):,} runs of {log.runs['athlete'].nunique()} athletes; "
        f"{len(log.errors)} file errors"
    )
    started = time.perf_counter()
    findings = run_rules(log)
    print(f"run_rules: {len(findings):,} findings in {time.perf_counter() - started:.2f} s")

    if options.profile:
        _profile(folder)


# --- the coach folder --------------------------------------------------------------------


def coach_folder(athletes: int, years: int, folder: Path | None = None) -> Path:
    """The generated coach folder: `folder` when given (kept as it is if it holds files),
    else one under /tmp kept for the next run with the same arguments."""
    if folder is not None:
        if folder.is_dir() and any(folder.iterdir()):
            return folder
        _write_coach_folder(folder, athletes, years)
        return folder
    target = CACHE_ROOT / f"coach-{athletes}-athletes-{years}-years-v{GENERATOR_VERSION}"
    complete = target.with_name(target.name + ".complete")
    if not complete.exists():
        shutil.rmtree(target, ignore_errors=True)
        _write_coach_folder(target, athletes, years)
        complete.touch()
    return target


def _write_coach_folder(folder: Path, athletes: int, years: int) -> None:
    if athletes > len(ATHLETES):
        raise SystemExit(f"at most {len(ATHLETES)} athletes")
    folder.mkdir(parents=True, exist_ok=True)
    jobs = [(folder, number, years) for number in range(athletes)]
    with ProcessPoolExecutor() as pool:
        list(pool.map(_write_athlete, *zip(*jobs, strict=True)))


def _write_athlete(folder: Path, number: int, years: int) -> None:
    name, timezone, lat_deg, lon_deg = ATHLETES[number]
    every_s = EVERY_SECOND if number % 2 == 0 else SMART_RECORDING
    plan = coach_plan(FIRST_MONDAY, weeks=52 * years, seed=number)
    files: list[bytes] = []
    for index, run in enumerate(plan):
        data = watch_fit(run, timezone, lat_deg, lon_deg, every_s, seed=number * 10**6 + index)
        files.append(data)
        start_utc = _start_utc(run, timezone)
        path = folder / name / str(run.local_date.year) / f"{start_utc:%Y-%m-%d-%H-%M-%S}.fit"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    if number == 0:
        _write_strava_export(folder / name / "export_strava", plan, files, timezone)


def _write_strava_export(
    path: Path, plan: list[PlannedRun], files: list[bytes], timezone: str
) -> None:
    """Strava's export of the same runs: a row each, every other one with its FIT file."""
    rows, members = [], {}
    for index, (run, data) in enumerate(zip(plan, files, strict=True)):
        moving_s = round(run.distance_km * run.pace_min_per_km * 60)
        row = {
            "activity_id": 9_000_000 + index,
            "start_time_utc": _start_utc(run, timezone),
            "name": run.name,
            "type": "Run",
            "distance_m": run.distance_km * 1000,
            "moving_s": moving_s,
            "elapsed_s": moving_s,
            "gear": "Pegasus 40",
            "average_cadence_one_foot": run.cadence_spm / 2,
            "avg_hr_bpm": 138,
        }
        if index % 2 == 0:
            member = f"activities/{9_000_000 + index}.fit.gz"
            row["filename"] = member
            members[member] = data
        rows.append(row)
    strava_export(path, rows, members, as_zip=True)


def _start_utc(run: PlannedRun, timezone: str) -> pd.Timestamp:
    local = pd.Timestamp(dt.datetime.combine(run.local_date, dt.time(run.hour)))
    return local.tz_localize(timezone).tz_convert("UTC")


def _size_of(folder: Path) -> tuple[int, float]:
    """The number of FIT files (zip members counted) and the folder's megabytes on disk."""
    files, size = 0, 0
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        size += path.stat().st_size
        name = path.name.lower()
        if name.endswith((".fit", ".fit.gz")):
            files += 1
        elif name.endswith(".zip"):
            with zipfile.ZipFile(path) as archive:
                files += sum(item.endswith((".fit", ".fit.gz")) for item in archive.namelist())
    return files, size / 1e6


# --- timing ------------------------------------------------------------------------------


@contextlib.contextmanager
def _cache() -> Iterator[Path]:
    """An empty import cache, deleted after use (a cold load of years of runs writes GBs)."""
    with tempfile.TemporaryDirectory(prefix="runlog-bench-cache-") as folder:
        yield Path(folder)


@contextlib.contextmanager
def _settings(cache: Path, workers: str | None, fitdecode: bool) -> Iterator[None]:
    wanted = {
        "RUNLOG_CACHE": str(cache),
        "RUNLOG_WORKERS": workers,
        "RUNLOG_FIT_DECODER": "fitdecode" if fitdecode else None,
    }
    before = {key: os.environ.get(key) for key in wanted}
    for key, value in wanted.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    try:
        yield
    finally:
        for key, value in before.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


class _DecoderCount(logging.Handler):
    def __init__(self, counts: Counter) -> None:
        super().__init__(logging.DEBUG)
        self.counts = counts

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg == "records decoded by %s":
            self.counts[record.args[0]] += 1


def _timed(
    label: str,
    folder: Path,
    size: tuple[int, float],
    cache: Path,
    workers: str | None,
    decoders: Counter | None = None,
    *,
    fitdecode: bool = False,
) -> TrainingLog:
    fit_log = logging.getLogger(fit.__name__)
    handler = _DecoderCount(decoders) if decoders is not None else None
    if handler is not None:  # counts in this process only: a one-process load
        fit_log.addHandler(handler)
        fit_log.setLevel(logging.DEBUG)
    try:
        with _settings(cache, workers, fitdecode):
            started = time.perf_counter()
            log = analyzer.load(folder)
            elapsed_s = time.perf_counter() - started
    finally:
        if handler is not None:
            fit_log.removeHandler(handler)
            fit_log.setLevel(logging.NOTSET)
    runs, (files, megabytes) = len(log.runs), size
    print(
        f"{label:<28} {elapsed_s:8.2f} {runs:7,} {runs / elapsed_s:8.1f} "
        f"{files / elapsed_s:8.1f} {megabytes / elapsed_s:6.1f}"
    )
    return log


# --- side by side with a plain fitparse loop ----------------------------------------------

HOUR_RUNS = 400
FITPARSE_SAMPLE = 40  # files fitparse reads; its time for all 400 is scaled from them


def hour_runs_folder() -> Path:
    """400 one-hour FIT runs recorded every second, one a day (kept under /tmp)."""
    target = CACHE_ROOT / f"hour-runs-{HOUR_RUNS}-v{GENERATOR_VERSION}"
    complete = target.with_name(target.name + ".complete")
    if not complete.exists():
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        for index in range(HOUR_RUNS):
            day = FIRST_MONDAY + dt.timedelta(days=index)
            run = PlannedRun(day, 10.7, pace_min_per_km=5.6)  # 59.9 minutes
            data = watch_fit(run, "Europe/Copenhagen", 55.68, 12.57, EVERY_SECOND, seed=index)
            (target / f"{day.isoformat()}.fit").write_bytes(data)
        complete.touch()
    return target


def versus_fitparse() -> None:
    """A warm re-run of `runlog import` (a fresh process: start-up included) against a plain
    fitparse loop that reads every message of every file."""
    import subprocess
    import sys

    import fitparse

    folder = hour_runs_folder()
    files = sorted(folder.glob("*.fit"))
    step = len(files) // FITPARSE_SAMPLE
    sample = files[::step][:FITPARSE_SAMPLE]
    started = time.perf_counter()
    for path in sample:
        for message in fitparse.FitFile(str(path)).get_messages():
            message.get_values()
    fitparse_s = (time.perf_counter() - started) * len(files) / len(sample)
    print(
        f"fitparse loop: {fitparse_s:.1f} s for {len(files)} one-hour runs "
        f"({fitparse_s / len(files) * 1000:.0f} ms a file, from {len(sample)} of them)"
    )
    with _cache() as cache, tempfile.TemporaryDirectory() as scratch:
        start = "from analyzer.cli import main; main()"  # what the runlog script runs
        # as installed: pip writes each module's bytecode, which a sandbox may turn off
        environment = {**os.environ, "RUNLOG_CACHE": str(cache)}
        environment.pop("PYTHONDONTWRITEBYTECODE", None)

        def timed(*arguments: str) -> float:
            started = time.perf_counter()
            command = [sys.executable, "-c", start, *arguments]
            subprocess.run(command, env=environment, check=True, capture_output=True)
            return time.perf_counter() - started

        runs = [
            ("cold: every file parsed", "runs.parquet"),
            ("warm: the result kept whole (analyzer/memo.py)", "runs.parquet"),
            ("warm: the result kept whole", "runs.parquet"),
            ("warm: the result kept whole", "runs.parquet"),
            ("warm: another output, each file from its cache entry", "other-1.parquet"),
            ("warm: another output, each file from its cache entry", "other-2.parquet"),
        ]
        for label, name in runs:
            output = str(Path(scratch) / name)
            elapsed_s = timed("import", str(folder), "-o", output, "--force")
            print(
                f"runlog import, {label}: {elapsed_s:.2f} s, {fitparse_s / elapsed_s:,.0f} x "
                "faster than the fitparse loop"
            )
        help_s = min(timed("--help") for _ in range(3))
        print(f"runlog --help: {help_s:.3f} s (best of 3)")
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import pandas"], env=environment, check=True)
        print(f"(python and pandas start alone: {time.perf_counter() - started:.2f} s)")


def _profile(folder: Path) -> None:
    profiler = cProfile.Profile()
    with _cache() as cache, _settings(cache, "1", fitdecode=False):
        profiler.enable()
        analyzer.load(folder)
        profiler.disable()
    print("\nA cold load in one process, by own time:")
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
    print("... and by cumulative time:")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)


if __name__ == "__main__":
    main()
