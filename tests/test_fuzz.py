"""Fuzzing every reader through `load`: mutated real and generated files of each format,
mutated Strava, Garmin and Apple Health exports, and generated hostile archives. The only
outcomes allowed are a read log or a FileError (a ProfileError for a runlog.toml a mutation
broke); never an exception, never "runlog failed".

Bounded for CI: the examples are derandomized (the same ones on every run, no database),
a fixed number per format, each a small file read in a few milliseconds.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analyzer
from analyzer.errors import ProfileError
from tests.conftest import REAL_DATA
from tests.exports import garmin_activity, garmin_export_zip, garmin_shoe, strava_export
from tests.fitwriter import simple_run_fit
from tests.hostile import Entry, gzipped, zip_bytes
from tests.importers.test_apple_health import _export_zip as apple_health_zip
from tests.importers.test_tcx import activity, document, lap, trackpoints
from tests.test_cli import gpx_run
from tests.test_loader import _export_files, _export_rows

REPOSITORY = Path(__file__).resolve().parents[1]
# RUNLOG_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz.py: a deeper search, by hand
EXAMPLES_PER_FORMAT = int(os.environ.get("RUNLOG_FUZZ_EXAMPLES", "40"))
START = dt.datetime(2026, 3, 2, 6, 0, tzinfo=dt.UTC)
_REAL_MAX_BYTES = 120_000  # the real files small enough to read 40 times in a moment
FUZZ = settings(
    max_examples=EXAMPLES_PER_FORMAT,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _real(*patterns: str) -> list[tuple[str, bytes]]:
    """Small real files of a format from ../shared/real_data (none when it is absent)."""
    if not REAL_DATA.is_dir():
        return []
    paths = sorted(path for pattern in patterns for path in REAL_DATA.glob(pattern))
    return [
        (path.name, path.read_bytes()) for path in paths if path.stat().st_size < _REAL_MAX_BYTES
    ]


def _in_temporary(name: str, build: Callable[[Path], object]) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        build(path)
        return path.read_bytes()


def _strava_zip() -> bytes:
    def build(path: Path) -> None:
        strava_export(path, _export_rows(), _export_files(), as_zip=True)

    return _in_temporary("export_1.zip", build)


def _garmin_zip() -> bytes:
    fit = simple_run_fit(START, 1800, 5000.0)
    activities = [garmin_activity(1, "2026-03-02 07:00", distance_m=5000.0)]
    shoes = [garmin_shoe(7, "Pegasus", activity_ids=[1])]
    return _in_temporary(
        "garmin.zip", lambda path: garmin_export_zip(path, activities, shoes, {"1": fit})
    )


def _tcx() -> bytes:
    return document(activity(lap(trackpoints(300)), sport="Running"))


@functools.cache
def seeds(kind: str) -> list[tuple[str, bytes]]:
    """The files each fuzzed format starts from: real ones where present, and generated."""
    sample = REPOSITORY / "sample_data"
    generated: dict[str, Callable[[], list[tuple[str, bytes]]]] = {
        "fit": lambda: [
            ("run.fit", simple_run_fit(START, 1800, 5000.0)),
            ("watch.fit", next(iter(sorted((sample / "watch").glob("*.fit")))).read_bytes()),
            ("run.fit.gz", gzipped(simple_run_fit(START, 600, 2000.0))),
        ],
        "gpx": lambda: [("run.gpx", gpx_run(minutes=5).encode())],
        "tcx": lambda: [("run.tcx", _tcx())],
        "csv": lambda: [("gym_log.csv", (sample / "gym_log.csv").read_bytes())],
        "journal": lambda: [("journal.md", (sample / "journal.md").read_bytes())],
        "strava": lambda: [("export_1.zip", _strava_zip())],
        "garmin": lambda: [("garmin.zip", _garmin_zip())],
        "apple": lambda: [("export.zip", _in_temporary("export.zip", apple_health_zip))],
    }
    real = {
        "fit": lambda: _real("fit/*.fit", "fit/*.FIT", "broken/*.fit", "fit/*.gz", "fit/*.zip"),
        "gpx": lambda: _real("gpx/*.gpx", "broken/*.gpx"),
        "tcx": lambda: _real("tcx/*.tcx", "broken/*.tcx"),
        "csv": lambda: _real("csv/*.csv"),
    }
    return generated[kind]() + real.get(kind, list)()


def _mutation() -> st.SearchStrategy[tuple[str, float, float, bytes]]:
    return st.tuples(
        st.sampled_from(["flip", "cut", "insert", "delete", "repeat", "overwrite"]),
        st.floats(0, 1),
        st.floats(0, 1),
        st.binary(min_size=1, max_size=16),
    )


def mutated(data: bytes, mutations: list[tuple[str, float, float, bytes]]) -> bytes:
    """`data` changed as each mutation says, at a place given as a fraction of its length."""
    for kind, where, span, payload in mutations:
        at = int(where * len(data))
        length = max(1, int(span * min(len(data), 4096) / 8))
        if kind == "flip" and data:
            at = min(at, len(data) - 1)
            data = data[:at] + bytes([data[at] ^ payload[0]]) + data[at + 1 :]
        elif kind == "cut":
            data = data[:at]
        elif kind == "insert":
            data = data[:at] + payload + data[at:]
        elif kind == "delete":
            data = data[:at] + data[at + length :]
        elif kind == "repeat":
            data = data[:at] + data[at : at + length] * 3 + data[at:]
        else:
            data = data[:at] + payload + data[at + len(payload) :]
    return data


def assert_read_or_file_errors(name: str, data: bytes) -> None:
    """Load `data` as a file called `name`: a log or FileErrors, never a bug."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            log = analyzer.load(path)
        except ProfileError:  # a runlog.toml inside an export, broken: the user's to fix
            return
    failures = [str(error) for error in log.errors if "runlog failed" in error.reason]
    assert not failures, failures


@pytest.mark.parametrize(
    "kind", ["fit", "gpx", "tcx", "csv", "journal", "strava", "garmin", "apple"]
)
def test_a_mutated_file_is_read_or_is_a_file_error(kind):
    @FUZZ
    @given(st.sampled_from(seeds(kind)), st.lists(_mutation(), min_size=1, max_size=4))
    def fuzz(seed: tuple[str, bytes], mutations: list) -> None:
        name, data = seed
        assert_read_or_file_errors(name, mutated(data, mutations))

    fuzz()


_ENTRY_NAMES = st.one_of(
    st.sampled_from([b"run.gpx", b"a/run.fit", b"", b"/", b"x.zip", b"r\xff.gpx", b"run.fit.gz"]),
    st.binary(max_size=12),
)


@st.composite
def hostile_zips(draw: st.DrawFn) -> bytes:
    """A hand-written zip whose headers may say anything: names, flags, sizes, checksums."""
    entries = []
    for _ in range(draw(st.integers(0, 4))):
        content = draw(
            st.one_of(
                st.sampled_from([gpx_run(minutes=2).encode(), bytes(3000), b""]),
                st.binary(max_size=200),
            )
        )
        name = draw(_ENTRY_NAMES)
        if name.endswith(b".zip") and draw(st.booleans()):
            content = zip_bytes([Entry(b"in.gpx", content)])
        if name.endswith(b".gz"):
            content = gzipped(content)
        entries.append(
            Entry(
                name,
                content,
                flags=draw(st.sampled_from([0, 0x1, 0x8, 0x800, 0xFFFF])),
                size=draw(st.one_of(st.none(), st.integers(0, 2**32 - 1))),
                crc=draw(st.one_of(st.none(), st.integers(0, 2**32 - 1))),
            )
        )
    return zip_bytes(entries)


@FUZZ
@given(hostile_zips(), st.lists(_mutation(), max_size=3))
def test_a_hostile_zip_is_read_or_is_a_file_error(data, mutations):
    assert_read_or_file_errors("hostile.zip", mutated(data, mutations))


@FUZZ
@given(st.binary(max_size=64), st.sampled_from([b"", bytes(5000), b"<gpx/>"]))
def test_a_hostile_gz_is_read_or_is_a_file_error(junk, content):
    assert_read_or_file_errors("run.gpx.gz", gzipped(content)[: len(junk) * 3] + junk)


def test_the_fuzzing_has_seeds_for_every_format():
    for kind in ("fit", "gpx", "tcx", "csv", "journal", "strava", "garmin", "apple"):
        assert seeds(kind), kind
    if os.environ.get("CI") and REAL_DATA.is_dir():
        assert len(seeds("fit")) > 3  # the real files are fuzzed too
