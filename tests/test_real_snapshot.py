"""Today's reading of every real file, pinned: per file its runs (local day, distance, times,
cadence, sport) and its errors, so a change that moves code cannot move a number unseen.

After a deliberate change to what an importer reads, rewrite the snapshot with
`RUNLOG_UPDATE_GOLDEN=1 pytest tests/test_real_snapshot.py` and review its diff.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pandas as pd

from analyzer import load, loader, merge
from tests.conftest import manifest_rows
from tests.report.golden import assert_matches_golden

_COLUMNS = {  # column -> decimals kept
    "distance_m": 1,
    "elapsed_s": 1,
    "moving_s": 1,
    "avg_speed_mps": 3,
    "avg_cadence_spm": 1,
    "avg_hr_bpm": 1,
    "ascent_m": 1,
    "descent_m": 1,
    "start_lat_deg": 5,
    "start_lon_deg": 5,
}


def _number(value: Any, decimals: int) -> float | None:
    if value is None or pd.isna(value):
        return None
    value = float(value)
    return round(value, decimals) if math.isfinite(value) else None


def _file_summary(real_data: Path, name: str) -> dict[str, Any]:
    log = load(real_data / name)
    runs = []
    for row in log.activities.to_dict("records"):
        item = {
            "local_date": str(row["local_date"]),
            "start_time_utc": str(row["start_time_utc"]),
            "sport": row["sport"],
            "surface": row["surface"],
            "timezone": row["timezone"],
            "source_format": row["source_format"],
        }
        item.update(
            {column: _number(row.get(column), digits) for column, digits in _COLUMNS.items()}
        )
        samples = log.samples_for(row["activity_id"])
        item["samples"] = {
            "rows": len(samples),
            "last_distance_m": _number(samples["distance_m"].max(), 1),
            "mean_cadence_spm": _number(samples["cadence_spm"].mean(), 2),
            "mean_speed_mps": _number(samples["speed_mps"].mean(), 3),
        }
        runs.append(item)
    errors = [error.reason for error in log.errors]
    return {"activities": runs, "errors": errors, "notes": len(log.notes), "shoes": len(log.shoes)}


def test_real_files_read_as_they_did(real_data):
    names = [row["file"] for row in manifest_rows()]
    snapshot = {name: _file_summary(real_data, name) for name in names}
    text = json.dumps(snapshot, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    assert_matches_golden("real_data_totals.json", text)


def test_the_real_folder_read_at_once_merges_as_it_did(real_data, monkeypatch):
    merged: dict[str, int] = {}  # kept id -> how many records merged into it

    def counted(activities: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
        kept, id_map = merge.merge_duplicates(activities)
        merged.update(zip(kept["activity_id"], kept["merged_ids"].map(len), strict=True))
        return kept, id_map

    # merged_ids is a working column of the import, which the published table leaves out
    monkeypatch.setattr(loader, "merge_duplicates", counted)
    # in this process: a pool's processes would count into their own copies of `merged`
    monkeypatch.setenv("RUNLOG_WORKERS", "1")
    log = load(real_data)
    runs = [
        {
            "local_date": str(row["local_date"]),
            "source_format": row["source_format"],
            "distance_m": _number(row["distance_m"], 1),
            "moving_s": _number(row["moving_s"], 1),
            "merged": merged[row["activity_id"]],
        }
        for row in log.activities.to_dict("records")
    ]
    errors = sorted(f"{Path(error.path).name}: {error.reason}" for error in log.errors)
    text = json.dumps({"activities": runs, "errors": errors}, indent=1, ensure_ascii=False)
    assert_matches_golden("real_data_folder.json", text + "\n")
