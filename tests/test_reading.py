"""Files are parsed on every core with few batches in flight, and a process that dies costs
nothing (analyzer/pipeline.py's LocalPool over analyzer/reading.py)."""

from __future__ import annotations

import logging
import os
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

from analyzer import pipeline, reading
from analyzer.errors import BadFile
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
    """A pool that does each task at once, here, and counts the batches not yet taken back
    (and the groups' steps sent after their last batch)."""

    def __init__(self, max_workers: int) -> None:
        self.sent = 0
        self.most_out = 0
        self.steps = 0

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass

    def submit(self, function, *args) -> Future:
        if function is pipeline.athlete_result:
            self.steps += 1
        else:
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
    monkeypatch.setattr(pipeline, "process_pool", pool)
    monkeypatch.setattr(pipeline._Sender, "outcome", taken)
    plan = make_plan([folder], None, settings(2))
    results = list(pipeline.LocalPool(2).results(plan, pipeline.Step(rules=False)))
    assert sum(result.files for result in results) == RUNS + 1
    assert pools[0].sent == -(-(RUNS + 1) // pipeline.BATCH_FILES)  # every batch, once
    assert pools[0].steps == len(results)  # each group put together in the pool, once
    # two processes, and the batch being taken back (the next is sent first: none waits)
    assert pools[0].most_out <= 2 * pipeline.IN_FLIGHT_PER_PROCESS + 1


def _dies_on_one(
    name: str, data: bytes, settings: Settings | None = None, **known: Any
) -> reading.Outcome:
    if name == DIES_ON and os.getpid() != PARENT:
        os._exit(1)  # a reading process killed (out of memory, a crash in a library)
    return PARSE(name, data, settings, **known)


PARENT = os.getpid()
PARSE = reading.parse


def test_a_reading_process_that_dies_costs_no_file(folder, monkeypatch, caplog):
    caplog.set_level(logging.DEBUG, logger="analyzer.pipeline")
    monkeypatch.setattr(reading, "parse", _dies_on_one)
    distances, _ = loaded(folder, 2)
    assert "a reading process failed" in caplog.text
    assert distances == [5000.0 + day % 4 * 1000 for day in range(1, RUNS + 1)]


def test_the_path_of_a_cache_entry_is_the_same_for_the_same_bytes(tmp_path: Path):
    x, y = reading._digest(b"x"), reading._digest(b"y")
    assert reading._cache_path(tmp_path, x) == reading._cache_path(tmp_path, x)
    assert reading._cache_path(tmp_path, x) != reading._cache_path(tmp_path, y)


def test_a_nul_near_the_start_of_a_journal_costs_the_nul_not_the_notes():
    # before, the journal was taken for a binary file: "no knee-pain note in the log", exit 0
    journal = (
        b"2026-03-01 easy\x00 run\n"
        b"2026-03-03 left knee sore, 4/10\n"
        b"2026-03-04 right knee aching on the stairs, 5/10\n"
    )
    outcome = reading.parse("journal.md", journal)
    assert not isinstance(outcome, BadFile)
    assert [note["text"] for note in outcome[2].notes] == [
        "easy run",
        "left knee sore, 4/10",
        "right knee aching on the stairs, 5/10",
    ]
    assert [problem.reason for problem in outcome[2].problems] == [
        "removed a stray control character (NUL) on line 1; everything else was read as written"
    ]
    assert outcome[2].problems[0].kind == "notice"


def test_a_nul_in_one_csv_cell_costs_the_nul_not_the_table():
    rows = [f"2026-03-{day:02d},10,easy run" for day in range(1, 15)]
    rows[4] = "2026-03-05,10,left knee sore\x00 4/10"
    table = ("date,distance_km,notes\n" + "\n".join(rows) + "\n").encode()
    outcome = reading.parse("log.csv", table)
    assert not isinstance(outcome, BadFile), outcome
    assert len(outcome[2].records) == 14
    assert outcome[2].records[4].fields["notes"] == "left knee sore 4/10"
    assert "(NUL) on line 6" in outcome[2].problems[-1].reason


def test_a_binary_file_named_like_text_keeps_its_bytes():
    assert isinstance(reading.parse("journal.txt", bytes(range(256)) * 40), BadFile)


def test_stray_controls_on_many_lines_are_named_a_few_at_a_time():
    lines = [f"2026-03-{day:02d} easy\x07 run" for day in range(1, 9)]
    outcome = reading.parse("journal.txt", "\n".join(lines).encode())
    assert outcome[2].problems[0].reason == (
        "removed 8 stray control characters (BEL) on lines 1, 2, 3, 4, 5 and 3 more; "
        "everything else was read as written"
    )


def test_running_out_of_memory_is_said_as_such_not_as_a_broken_file(monkeypatch):
    from analyzer.importers import gpx

    def no_memory(stream):
        raise MemoryError

    monkeypatch.setattr(gpx, "read", no_memory)
    outcome = reading.parse("big.gpx", b"<?xml version='1.0'?><gpx></gpx>" + b" " * 2_000_000)
    assert isinstance(outcome, BadFile) and outcome.kind == "out_of_memory"
    assert str(outcome).startswith("runlog ran out of memory reading it (2.0 MB); the rest")


def test_libxml2_out_of_memory_is_a_memory_error_not_broken_xml():
    from lxml import etree

    from analyzer.importers._xml import raise_if_out_of_memory

    no_memory = etree.XMLSyntaxError("unknown error", etree.ErrorTypes.ERR_NO_MEMORY, 0, 0)
    with pytest.raises(MemoryError):
        raise_if_out_of_memory(no_memory)
    raise_if_out_of_memory(etree.XMLSyntaxError("mismatched tag", 76, 3, 1))  # broken: no raise
