"""Matching by start and distance finds exactly the runs the pairwise definition finds."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pandas as pd
import pytest

from analyzer import load, reading
from analyzer.merge import (
    SAME_DISTANCE_RATIO,
    SAME_START_S,
    _compatible,
    merge_duplicates,
)
from tests.test_cli import gpx_run

START = pd.Timestamp("2026-03-01T07:00:00Z")


def random_records(seed: int, count: int) -> pd.DataFrame:
    """Records crowded into a few minutes: alike, near and far in every compared column."""
    chosen = random.Random(seed)
    rows = []
    for number in range(count):
        start = START + pd.Timedelta(seconds=chosen.choice([0, 0, 30, 100, 119, 121, 200, 400]))
        local = start.tz_localize(None) + pd.Timedelta(hours=1)
        rows.append(
            {
                "activity_id": f"id-{number}",
                "athlete": chosen.choice(["ana", "ana", "ben", None]),
                "source_path": chosen.choice(["a.fit", "b.gpx", "c.csv", "d.tcx"]),
                "source_format": "csv",
                "start_time_utc": start if chosen.random() < 0.85 else pd.NaT,
                "local_start": local if chosen.random() < 0.5 else pd.NaT,
                # a source that knew only its wall time (a hand log)
                "start_time_local": local if chosen.random() < 0.5 else pd.NaT,
                "sport": chosen.choice(["running", "running", "walking", "other", None]),
                "distance_m": chosen.choice(
                    [10_000.0, 10_000.0, 10_400.0, 10_600.0, 9_000.0, 0.0, float("nan")]
                ),
            }
        )
    return pd.DataFrame(rows)


def pairwise_runs(frame: pd.DataFrame) -> set[frozenset[str]]:
    """The runs as the definition says, checking every pair: the reference, quadratic."""
    columns = {name: frame[name].tolist() for name in ("source_path", "athlete", "sport")}
    columns["distance_m"] = frame["distance_m"].tolist()
    local_only = frame["start_time_local"].notna().tolist()
    parent = list(range(len(frame)))

    def root(position: int) -> int:
        while parent[position] != position:
            position = parent[position]
        return position

    for first, second in itertools.combinations(range(len(frame)), 2):
        for column in ("start_time_utc", "local_start"):
            times = pd.to_datetime(frame[column], utc=column == "start_time_utc")
            one, other = times.iloc[first], times.iloc[second]
            if pd.isna(one) or pd.isna(other):
                continue
            if column == "local_start" and not (local_only[first] or local_only[second]):
                continue  # wall clocks repeat an hour a year: UTC decides when both know it
            close = abs((one - other).total_seconds()) <= SAME_START_S
            if close and _compatible(columns, first, second, SAME_DISTANCE_RATIO):
                parent[root(second)] = root(first)
    runs: dict[int, set[str]] = {}
    for position, activity_id in enumerate(frame["activity_id"]):
        runs.setdefault(root(position), set()).add(activity_id)
    return {frozenset(run) for run in runs.values()}


@pytest.mark.parametrize("seed", range(12))
def test_matching_finds_the_runs_every_pair_would(seed):
    frame = random_records(seed, count=40)
    merged, _ = merge_duplicates(frame)
    found = {frozenset(ids) for ids in merged["merged_ids"]}
    assert found == pairwise_runs(frame)


def test_copies_of_one_file_in_many_files_are_one_run_and_rows_of_one_file_stay_apart():
    copies = pd.DataFrame(
        {
            "activity_id": [f"copy-{number}" for number in range(300)],
            "athlete": "ana",
            "source_path": [f"copy-{number}.fit" for number in range(300)],
            "source_format": "fit",
            "start_time_utc": START,
            "sport": "running",
            "distance_m": 10_000.0,
        }
    )
    rows = copies.assign(
        activity_id=[f"row-{number}" for number in range(300)],
        source_path="log.csv",
        start_time_utc=START + pd.Timedelta(days=1),
        distance_m=np.linspace(5_000, 15_000, 300),
    )
    merged, _ = merge_duplicates(pd.concat([copies, rows], ignore_index=True))
    assert len(merged) == 1 + 300


def test_copies_of_one_file_are_read_once_and_counted_once(tmp_path, monkeypatch):
    parsed: list[str] = []
    original = reading.parse

    def counted(name: str, data: bytes, settings=None, **known):
        parsed.append(name)
        return original(name, data, settings, **known)

    monkeypatch.setattr(reading, "parse", counted)
    monkeypatch.setenv("RUNLOG_CACHE", "0")
    for name in ("run.gpx", "copy of run.gpx", "backup/run.gpx"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(gpx_run(), encoding="utf-8")
    log = load(tmp_path)
    assert len(parsed) == 1
    assert len(log.activities) == 1  # the copies share their content's id
