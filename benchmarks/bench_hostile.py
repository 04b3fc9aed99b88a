"""runlog check on a folder of every hostile and odd input beside good files: time and memory.

    python -m benchmarks.bench_hostile [--keep FOLDER]

Builds, in a temporary folder (a few MB on disk), the sample runner's log, a Strava export,
a Garmin export and an Apple Health export, and beside them: 4 GB zip and .gz bombs (sizes
declared, lying, not stated), zips nested 1000 deep, a zip of 210,000 entries, an encrypted
entry, names that are not UTF-8 (on disk and in a zip), a FIFO named run.gpx, links to
/dev/zero and /dev/urandom, a socket, a link loop, a tree 1000 folders deep, a sparse 2 GB
CSV, a Strava export cut 10 bytes short, a zip with 100 bytes cut from its middle, an entry
with an empty name, and the everyday broken files (truncated FIT, text named .fit, empty).
Then runs `runlog check --format json` on it in a fresh process (no cache) and on a folder
of the same good runs alone, and checks that every good run is read, every bad file named
with its kind, the exit code 1, and prints the wall time and peak memory (ru_maxrss).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import analyzer
from tests.exports import garmin_activity, garmin_export_zip, garmin_shoe, strava_export
from tests.fitwriter import simple_run_fit
from tests.hostile import (
    Entry,
    cut_from_middle,
    cut_short,
    deflated_zeros,
    gz_bomb,
    nested_zips,
    zip_bomb,
    zip_bytes,
)
from tests.importers.test_apple_health import _export_zip as apple_health_zip
from tests.test_cli import START, gpx_run
from tests.test_loader import _export_files, _export_rows

REPOSITORY = Path(__file__).resolve().parents[1]
_MEASURED_CHECK = """
import json, os, resource, sys
from analyzer.cli import main
sys.argv = ["runlog", "check", *sys.argv[1:], "--format", "json"]
try:
    main()
except SystemExit as exit:
    code = exit.code
with open(os.environ["REPORT"], "w") as out:
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    json.dump({"exit": code, "peak_mb": peak_kb / 1024}, out)
"""


def good_files(folder: Path) -> None:
    """The good part: the sample runner's folder, a Strava, a Garmin and an Apple export."""
    shutil.copytree(REPOSITORY / "sample_data", folder, dirs_exist_ok=True)
    strava_export(folder / "export_1234.zip", _export_rows(), _export_files(), as_zip=True)
    fit = simple_run_fit(START, 1800, 5000.0)
    activities = [garmin_activity(1, "2026-03-02 07:00", distance_m=5000.0)]
    garmin_export_zip(folder / "garmin.zip", activities, [garmin_shoe(7, "Pegasus")], {"1": fit})
    apple_health_zip(folder / "apple_export.zip")


def hidden_good_runs(folder: Path, *, odd: bool) -> None:
    """Good runs in odd places (`odd`), or the same runs in plain ones (the reference)."""
    days = [gpx_run(START.replace(day=20 + offset), minutes=20) for offset in range(4)]
    name = os.fsdecode(b"l\xf8b\xff.gpx") if odd else "odd_name.gpx"
    (folder / name).write_text(days[0], encoding="utf-8")
    deep = str(folder / "deep")
    os.mkdir(deep)
    for _ in range(1000 if odd else 1):
        deep += "/d"
        os.mkdir(deep)
    Path(deep, "deep.gpx").write_text(days[1], encoding="utf-8")
    elsewhere = folder.parent / f"{folder.name}-linked"
    elsewhere.mkdir()
    (elsewhere / "linked.gpx").write_text(days[2], encoding="utf-8")
    if odd:
        (folder / "linked").symlink_to(elsewhere)
        (elsewhere / "loop").symlink_to(folder)
    else:
        shutil.copytree(elsewhere, folder / "linked")
    entry_name = b"zipped \xe9t\xe9.gpx" if odd else b"zipped.gpx"
    flags = 0x0800 if odd else 0
    (folder / "names.zip").write_bytes(zip_bytes([Entry(entry_name, days[3].encode(), flags)]))


def hostile_files(folder: Path) -> dict[str, str]:
    """Every hostile case; returns the bad files' names and the kind each should be."""
    hostile = folder / "hostile"
    hostile.mkdir()
    zip_bomb(hostile / "declared_bomb.zip", inflated_mb=4000)
    zip_bomb(hostile / "lying_bomb.zip", inflated_mb=4000, declared_mb=1)
    gz_bomb(hostile / "bomb.fit.gz", inflated_mb=4000)
    entry = Entry(b"a.csv", compressed=deflated_zeros(4000), size=0, crc=0, flags=0x8)
    no_sizes = zip_bytes([entry])[: -(46 + 5 + 22)]
    (hostile / "sizeless_bomb.zip").write_bytes(no_sizes[:18] + bytes(8) + no_sizes[26:])
    nested_zips(hostile / "nested.zip", 1000)
    with zipfile.ZipFile(hostile / "many.zip", "w", zipfile.ZIP_STORED) as archive:
        for number in range(210_000):
            archive.writestr(f"e{number}.csv", b"")
    locked = zip_bytes([Entry(b"locked.gpx", gpx_run().encode(), flags=0x1)])
    (hostile / "encrypted.zip").write_bytes(locked)
    os.mkfifo(hostile / "run.gpx")
    (hostile / "zero.fit").symlink_to("/dev/zero")
    (hostile / "random.fit").symlink_to("/dev/urandom")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(hostile / "socket.tcx"))
    with open(hostile / "big.csv", "wb") as stream:
        stream.truncate(2 * 1024**3)  # sparse: 2 GB that take no disk
    strava = strava_export(folder / "tmp_strava.zip", _export_rows(), _export_files(), True)
    (hostile / "strava_cut.zip").write_bytes(cut_short(strava.read_bytes(), 10))
    strava.unlink()
    many = zip_bytes([Entry(f"{n}.gpx".encode(), gpx_run().encode()) for n in range(20)])
    (hostile / "middle_cut.zip").write_bytes(cut_from_middle(many, 100))
    (hostile / "empty_name.zip").write_bytes(zip_bytes([Entry(b"", gpx_run().encode())]))
    fit = simple_run_fit(START, 1800, 5000.0)
    (hostile / "truncated.fit").write_bytes(fit[: len(fit) // 2])
    (hostile / "text.fit").write_text("not a fit file", encoding="utf-8")
    (hostile / "empty.gpx").write_bytes(b"")
    return {
        "declared_bomb.zip": "archive_limit",
        "lying_bomb.zip": "checksum",
        "bomb.fit.gz": "archive_limit",
        "sizeless_bomb.zip": "archive_limit",
        "nested.zip": "archive_limit",
        "many.zip": "archive_limit",
        "encrypted.zip": "encrypted",
        "run.gpx": "not_regular_file",
        "zero.fit": "not_regular_file",
        "random.fit": "not_regular_file",
        "socket.tcx": "not_regular_file",
        "big.csv": "archive_limit",
        "strava_cut.zip": "damaged_archive",
        "middle_cut.zip": "damaged_archive",
        "truncated.fit": "truncated",
        "text.fit": "not_this_format",
        "empty.gpx": "empty",
    }


def measured_check(*paths: Path) -> tuple[dict, dict, float]:
    """(the JSON document, exit code and peak memory, seconds) of one `runlog check`."""
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "measured.json"
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-c", _MEASURED_CHECK, *map(str, paths)],
            env={**os.environ, "REPORT": str(report), "RUNLOG_CACHE": "0"},
            capture_output=True,
            text=True,
            timeout=600,
        )
        seconds = time.perf_counter() - started
        return json.loads(result.stdout), json.loads(report.read_text()), seconds


def _runs(folder: Path) -> set[tuple[str, str, int]]:
    """Each activity's athlete, start and distance (m), as load reads them."""
    activities = analyzer.load(folder).activities
    return {
        (str(row.athlete), str(row.start_time_utc), round(row.distance_m))
        for row in activities.itertuples()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, help="build the folders here and keep them")
    options = parser.parse_args()
    os.environ["RUNLOG_CACHE"] = "0"  # cold reads, and nothing left in the user's cache
    base = options.keep or Path(tempfile.mkdtemp(prefix="runlog-hostile-"))
    reference, folder = base / "reference", base / "hostile-folder"
    for target, odd in ((reference, False), (folder, True)):
        target.mkdir(parents=True)
        good_files(target)
        hidden_good_runs(target, odd=odd)
    expected = hostile_files(folder)
    missing = base / "missing.fit"

    good, _, good_seconds = measured_check(reference)
    document, measured, seconds = measured_check(folder, missing)
    good_activities = sum(athlete["activities"] for athlete in good["athletes"])
    activities = sum(athlete["activities"] for athlete in document["athletes"])
    unread = _runs(reference) - _runs(folder)
    named = {}
    for error in document["errors"]:
        outer = error["path"].split("!")[0]
        named.setdefault(Path(outer).name, set()).add(error.get("kind", "?"))
    peak_mb, exit_code = measured["peak_mb"], measured["exit"]
    print(f"hostile folder: {seconds:.1f} s, peak {peak_mb:.0f} MB, exit {exit_code}")
    print(
        f"good files alone: {good_seconds:.1f} s, {good_activities} activities; with the hostile "
        f"ones {activities} (the rest read from damaged files)"
    )
    problems = []
    if unread:
        problems.append(f"good runs not read: {sorted(unread)}")
    for name, kind in sorted({**expected, missing.name: "missing_path"}.items()):
        kinds = named.get(name)
        print(f"  {name:22} {', '.join(sorted(kinds)) if kinds else 'NOT NAMED'}")
        if not kinds:
            problems.append(f"{name} is not named")
        elif kind not in kinds and "?" not in kinds:
            problems.append(f"{name}: kind {kinds}, expected {kind}")
    if measured["exit"] != 1:
        problems.append(f"exit {measured['exit']}, expected 1")
    if measured["peak_mb"] > 1024 or seconds > 30:
        problems.append("past 1 GB or 30 s")
    print("\n".join(problems) or "every good run read, every bad file named; exit 1")
    if not options.keep:
        _remove(base)


def _remove(base: Path) -> None:
    """shutil.rmtree recurses: the 1000-deep tree goes first, a folder at a time."""
    for deep in base.glob("*/deep"):
        deepest = str(deep)
        while os.path.isdir(deepest + "/d"):
            deepest += "/d"
        for path in Path(deepest).glob("*"):
            path.unlink()
        while deepest != str(deep.parent):
            os.rmdir(deepest)
            deepest = os.path.dirname(deepest)
    shutil.rmtree(base)


if __name__ == "__main__":
    main()
