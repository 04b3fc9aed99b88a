"""Files are parsed on every core with few batches in flight, and a process that dies costs
nothing (analyzer/pipeline.py's LocalPool over analyzer/reading.py)."""

from __future__ import annotations

import logging
import os
from concurrent.futures import Future
from pathlib import Path

import pytest

from analyzer import pipeline, reading
from analyzer.plan import make_plan
from analyzer.settings import Settings

RUNS = 28
DIES_ON = "run-07.csv"


def a_run(day: int) -> bytes:
    return f"date,distance_km,duration_min\n2026-03-{day:02d},{5 + day % 4},{30 + day}\n".encode()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """RUNS hand logs of one run each, and an empty one."""
    for day in range(1, RUNS + 1):
        (tmp_path / f"run-{day:02d}.csv").write_bytes(a_run(day))
    (tmp_path / "gone.csv").write_bytes(b"")
    return tmp_path


def settings(workers: int) -> Settings:
    return Settings.from_environment({"RUNLOG_CACHE": "0", "RUNLOG_WORKERS": str(workers)})


def loaded(folder: Path, workers: int) -> tuple[list[float], list[str]]:
    log = pipeline.load(folder, settings=settings(workers))
    distances = log.activities.sort_values("local_date")["distance_m"].tolist()
    return distances, [error.reason for error in log.errors]


def test_many_files_parse_in_processes_as_in_one(folder):
    parallel = loaded(folder, 2)
    assert parallel == loaded(folder, 1)
    assert parallel[0][:3] == [6000.0, 7000.0, 8000.0]
    assert any("is empty" in reason for reason in parallel[1])


class _CountingPool:
    """A pool that does each batch at once, here, and counts the batches not yet taken back."""

    def __init__(self, max_workers: int) -> None:
        self.sent = 0
        self.most_out = 0

    def __enter__(self) -> _CountingPool:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def submit(self, function, *args) -> Future:
        self.sent += 1
        self.most_out = max(self.most_out, self.sent - TAKEN[0])
        future: Future = Future()
        future.set_result(function(*args))
        return future


TAKEN = [0]


def test_only_a_few_batches_are_in_flight(folder, monkeypatch):
    pools: list[_CountingPool] = []

    def pool(max_workers: int) -> _CountingPool:
        pools.append(_CountingPool(max_workers))
        return pools[-1]

    outcome = pipeline._Sender.outcome

    def taken(self, task, batch, work):
        TAKEN[0] += 1
        return outcome(self, task, batch, work)

    TAKEN[0] = 0
    monkeypatch.setattr(pipeline, "ProcessPoolExecutor", pool)
    monkeypatch.setattr(pipeline._Sender, "outcome", taken)
    plan = make_plan([folder], None, settings(2))
    results = list(pipeline.LocalPool(2).results(plan, pipeline.Step(rules=False)))
    assert sum(result.files for result in results) == RUNS + 1
    assert pools[0].sent == -(-(RUNS + 1) // pipeline.BATCH_FILES)  # every batch, once
    # two processes, and the batch being taken back (the next is sent first: none waits)
    assert pools[0].most_out <= 2 * pipeline.IN_FLIGHT_PER_PROCESS + 1


def _dies_on_one(name: str, data: bytes, settings: Settings | None = None) -> reading.Outcome:
    if name == DIES_ON and os.getpid() != PARENT:
        os._exit(1)  # a reading process killed (out of memory, a crash in a library)
    return PARSE(name, data, settings)


PARENT = os.getpid()
PARSE = reading.parse


def test_a_reading_process_that_dies_costs_no_file(folder, monkeypatch, caplog):
    caplog.set_level(logging.DEBUG, logger="analyzer.pipeline")
    monkeypatch.setattr(reading, "parse", _dies_on_one)
    distances, _ = loaded(folder, 2)
    assert "a reading process failed" in caplog.text
    assert distances == [5000.0 + day % 4 * 1000 for day in range(1, RUNS + 1)]


def test_the_path_of_a_cache_entry_is_the_same_for_the_same_bytes(tmp_path: Path):
    assert reading._cache_path(tmp_path, b"x") == reading._cache_path(tmp_path, b"x")
    assert reading._cache_path(tmp_path, b"x") != reading._cache_path(tmp_path, b"y")
