"""How fast each library reads the real files: why runlog reads FIT with fitfast and
fitdecode, and GPX with lxml, where the product was first specified on fitparse and gpxpy.

    python -m benchmarks.bench_readers [--data ../shared/real_data] [--repeat 3]

FIT: every FIT file of the real data (not the broken ones) decoded whole by fitparse (every
message's values), by fitdecode (every data message's values), by fitfast (the records, as
runlog asks it), and read by runlog's FIT importer (fitfast for the records where it reads
them exactly as fitdecode, fitdecode for the rest and for whole files it cannot be trusted
with). GPX: the largest real GPX file parsed by gpxpy (and its moving distance), by lxml (every
track point's time, position and elevation) and read by runlog's GPX importer. The best of
`--repeat` runs of each, in seconds; speed is measured here, never in the tests.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import time
from collections.abc import Callable
from pathlib import Path

import fitdecode
import fitparse
import gpxpy
from lxml import etree

from analyzer.importers import fit, gpx

try:
    import fitfast
except ImportError:
    fitfast = None

GPX_NAMESPACE = "{http://www.topografix.com/GPX/1/1}"


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """The shortest of `repeat` timed runs of `work`, in seconds."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return min(times)


def with_fitparse(files: list[bytes]) -> int:
    return sum(
        len([message.get_values() for message in fitparse.FitFile(data).get_messages()])
        for data in files
    )


def with_fitdecode(files: list[bytes]) -> int:
    count = 0
    for data in files:
        with fitdecode.FitReader(io.BytesIO(data)) as reader:
            for frame in reader:
                if isinstance(frame, fitdecode.FitDataMessage):
                    {field.name: field.value for field in frame.fields}
                    count += 1
    return count


def with_fitfast(files: list[bytes]) -> int:
    count = 0
    for data in files:
        # a file fitfast cannot read is one runlog gives to fitdecode
        with contextlib.suppress(Exception):
            count += len(fitfast.records(data, degrees=False)["timestamp"])
    return count


def with_runlog_fit(files: list[bytes]) -> int:
    return sum(len(fit.read(io.BytesIO(data)).records) for data in files)


def with_gpxpy(data: bytes) -> float:
    return gpxpy.parse(data.decode("utf-8")).get_moving_data().moving_distance


def with_lxml(data: bytes) -> int:
    root = etree.fromstring(data.lstrip())
    points = [
        (point.get("lat"), point.get("lon"), point.findtext(f"{GPX_NAMESPACE}time"),
         point.findtext(f"{GPX_NAMESPACE}ele"))
        for point in root.iter(f"{GPX_NAMESPACE}trkpt")
    ]  # fmt: skip
    return len(points)


def with_runlog_gpx(data: bytes) -> int:
    return len(gpx.read(io.BytesIO(data)).records)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/real_data"))
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    fit_paths = sorted((options.data / "fit").glob("*.fit"))
    files = [path.read_bytes() for path in fit_paths]
    records = with_fitdecode(files)
    print(f"FIT: {len(files)} files, {sum(map(len, files)) / 1e6:.1f} MB, {records:,} messages")
    for name, work in (
        ("fitparse", with_fitparse),
        ("fitdecode", with_fitdecode),
        ("fitfast (records only)", with_fitfast if fitfast else None),
        ("runlog's FIT importer", with_runlog_fit),
    ):
        if work is None:
            print(f"  {name:28} not installed")
            continue
        seconds = best_of(options.repeat, lambda work=work: work(files))
        print(f"  {name:28} {seconds:6.2f} s")

    largest = max((options.data / "gpx").glob("*.gpx"), key=lambda path: path.stat().st_size)
    data = largest.read_bytes()
    print(f"GPX: {largest.name}, {len(data) / 1e6:.1f} MB, {with_lxml(data):,} track points")
    for name, work in (
        ("gpxpy (parse + moving data)", with_gpxpy),
        ("lxml (points)", with_lxml),
        ("runlog's GPX importer", with_runlog_gpx),
    ):
        seconds = best_of(options.repeat, lambda work=work: work(data))
        print(f"  {name:28} {seconds:6.2f} s")


if __name__ == "__main__":
    main()
