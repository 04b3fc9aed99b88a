"""Files are parsed on every core with few read ahead, and a process that dies costs nothing."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from analyzer import reading
from analyzer.discover import Source
from analyzer.errors import BadFile
from analyzer.settings import Settings

RUNS = 28
DIES_ON = "run-07.csv"


def a_run(day: int) -> bytes:
    return f"date,distance_km,duration_min\n2026-03-{day:02d},{5 + day % 4},{30 + day}\n".encode()


def sources(reads: list[str]) -> list[Source]:
    """RUNS hand logs of one run each; `reads` records each read, in order."""

    def reader(name: str, data: bytes):
        def read() -> bytes:
            reads.append(name)
            return data

        return read

    names = [f"run-{day:02d}.csv" for day in range(1, RUNS + 1)]
    return [
        Source(name, None, True, False, reader(name, a_run(day)))
        for day, name in enumerate(names, start=1)
    ] + [Source("gone.csv", None, True, False, reader("gone.csv", b""))]


NO_CACHE = Settings(cache="0")


@pytest.fixture
def no_cache(monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)


def distances(outcomes) -> list[float | str]:
    return [
        str(outcome) if isinstance(outcome, BadFile) else outcome[2].records[0].fields["distance_m"]
        for outcome in outcomes
    ]


def test_many_files_parse_in_processes_as_in_one(no_cache):
    parallel = [read.outcome for read in reading.read_sources(sources([]), NO_CACHE)]
    alone_settings = Settings.from_environment({"RUNLOG_CACHE": "0", "RUNLOG_WORKERS": "1"})
    alone = [read.outcome for read in reading.read_sources(sources([]), alone_settings)]
    assert distances(parallel) == distances(alone)
    assert distances(parallel)[:3] == [6000.0, 7000.0, 8000.0]
    assert "is empty" in str(parallel[-1])


def test_only_a_few_files_are_read_ahead_of_the_one_parsed(no_cache):
    reads: list[str] = []
    ahead = []
    for done, _ in enumerate(reading.read_sources(sources(reads), NO_CACHE), start=1):
        ahead.append(len(reads) - RUNS - 1 - done)  # every file is read once to plan, first
    assert max(ahead) < (2 * reading._IN_FLIGHT + 1) * reading._BATCH  # 2 cores, one batch out
    assert len(reads) == 2 * (RUNS + 1)  # once to plan, once to parse


def _dies_on_one(name: str, data: bytes, settings: Settings | None = None) -> reading.Outcome:
    if name == DIES_ON and os.getpid() != PARENT:
        os._exit(1)  # a reading process killed (out of memory, a crash in a library)
    return PARSE(name, data, settings)


PARENT = os.getpid()
PARSE = reading.parse


def test_a_reading_process_that_dies_costs_no_file(no_cache, monkeypatch, caplog):
    caplog.set_level(logging.DEBUG, logger="analyzer.reading")
    monkeypatch.setattr(reading, "parse", _dies_on_one)
    outcomes = [read.outcome for read in reading.read_sources(sources([]), NO_CACHE)]
    assert "a reading process failed" in caplog.text
    assert distances(outcomes)[:-1] == [5000.0 + day % 4 * 1000 for day in range(1, RUNS + 1)]


def test_the_path_of_a_cache_entry_is_the_same_for_the_same_bytes(tmp_path: Path):
    assert reading._cache_path(tmp_path, b"x") == reading._cache_path(tmp_path, b"x")
    assert reading._cache_path(tmp_path, b"x") != reading._cache_path(tmp_path, b"y")
