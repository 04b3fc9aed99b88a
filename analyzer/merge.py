"""One run from many sources: find the records of one run and keep the best of each field.

A run often arrives several times: the watch's FIT, the GPX Strava made of it, its row in
Strava's activities.csv, an entry in Garmin's export. Records are the same run when a Strava
row names the file (`Filename`), when they come from the same bytes, or when they start within
two minutes of each other (UTC, or local wall clock for sources that only know local time)
with distances within 5 % [FORMATS.md §7.6 suggests ±2 min and ±1.5 %; a phone's GPS and a
watch's footpod can differ by a few per cent on one run]. A date-only log row matches a
recorded run of the same day within 3 %. Never count one run's distance twice.
"""

from __future__ import annotations

import posixpath

import numpy as np
import pandas as pd

SAME_START_S = 120
SAME_DISTANCE_RATIO = 0.05
SAME_DAY_DISTANCE_RATIO = 0.03
# Richest first: files with samples, then summaries; user-edited labels come from exports.
FORMAT_RANK = {
    "fit": 0,
    "tcx": 1,
    "gpx": 2,
    "garmin_json": 3,
    "apple_health": 4,
    "strava_csv": 5,
    "garmin_csv": 6,
    "csv": 7,
}
# names a person chose, and sports an app was told
LABELLED_FORMATS = ("strava_csv", "garmin_json", "apple_health", "garmin_csv", "csv")


def merge_duplicates(activities: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """The activities with each run once, and a map from every dropped id to the kept one."""
    if activities.empty:
        return activities.assign(merged_ids=pd.Series(dtype=object)), {}
    frame = activities.reset_index(drop=True)
    parent = np.arange(len(frame))

    def find(position: int) -> int:
        while parent[position] != position:
            parent[position] = parent[parent[position]]
            position = parent[position]
        return position

    def union(first: int, second: int) -> None:
        root_first, root_second = find(first), find(second)
        if root_first != root_second:
            parent[max(root_first, root_second)] = min(root_first, root_second)

    for first, second in _pairs(frame):
        union(first, second)
    roots = np.array([find(position) for position in range(len(frame))])
    if len(set(roots)) == len(frame):
        return frame.assign(merged_ids=[(value,) for value in frame["activity_id"]]), {}

    # Rows as dicts, grouped in the order of each group's first row (a root is the smallest
    # position of its group): pandas per group costs ~10 ms, which years of runs feel.
    rows = frame.to_dict("records")
    groups: dict[int, list[dict]] = {}
    for position, root in enumerate(roots.tolist()):
        groups.setdefault(root, []).append(rows[position])
    kept_rows = []
    id_map: dict[str, str] = {}
    for group in groups.values():
        if len(group) == 1:
            row = group[0]
            row["merged_ids"] = (row["activity_id"],)
            kept_rows.append(row)
            continue
        row = _combine(group)
        for old_id in (member["activity_id"] for member in group):
            if old_id != row["activity_id"]:
                id_map[str(old_id)] = row["activity_id"]
        kept_rows.append(row)
    merged = pd.DataFrame(kept_rows, columns=[*frame.columns, "merged_ids"])
    return merged, id_map


def _pairs(frame: pd.DataFrame) -> list[tuple[int, int]]:
    # The columns _compatible compares, as lists: a cell of a DataFrame costs ~0.1 ms.
    columns = {
        name: frame[name].tolist() if name in frame.columns else [None] * len(frame)
        for name in ("source_path", "athlete", "sport", "distance_m")
    }
    pairs: list[tuple[int, int]] = []
    pairs += _same_id_pairs(frame)
    pairs += _linked_file_pairs(frame)
    pairs += _same_start_pairs(frame, columns)
    pairs += _same_day_pairs(frame, columns)
    return pairs


def _same_id_pairs(frame: pd.DataFrame) -> list[tuple[int, int]]:
    pairs = []
    for _, positions in frame.groupby("activity_id", sort=False).indices.items():
        pairs += [(positions[0], other) for other in positions[1:]]
    return pairs


def _path_key(path: str) -> str:
    return posixpath.normpath(str(path).replace("\\", "/")).lower().removesuffix(".gz")


def _linked_file_pairs(frame: pd.DataFrame) -> list[tuple[int, int]]:
    if "linked_file" not in frame.columns:
        return []
    by_path = {_path_key(path): position for position, path in enumerate(frame["source_path"])}
    pairs = []
    for position, (linked, csv_path) in enumerate(
        zip(frame["linked_file"], frame["source_path"], strict=True)
    ):
        if not isinstance(linked, str) or not linked.strip():
            continue
        folder = posixpath.dirname(str(csv_path).replace("\\", "/"))
        target = by_path.get(_path_key(posixpath.join(folder, linked.strip())))
        if target is not None and target != position:
            pairs.append((position, target))
    return pairs


def _compatible(columns: dict[str, list], first: int, second: int, ratio: float) -> bool:
    paths, athletes, sports = columns["source_path"], columns["athlete"], columns["sport"]
    if paths[first] == paths[second]:
        return False  # legs of one multisport file, or activities of one TCX, are distinct
    if athletes[first] != athletes[second]:
        return False
    if len({sports[first], sports[second]} - {"other"}) > 1:
        return False
    distance_first = columns["distance_m"][first]
    distance_second = columns["distance_m"][second]
    if (
        pd.isna(distance_first)
        or pd.isna(distance_second)
        or max(distance_first, distance_second) <= 0
    ):
        return True
    return abs(distance_first - distance_second) <= ratio * max(distance_first, distance_second)


def _same_start_pairs(frame: pd.DataFrame, columns: dict[str, list]) -> list[tuple[int, int]]:
    pairs = []
    date_only = _date_only(frame)
    for column in ("start_time_utc", "local_start"):
        if column not in frame.columns:
            continue
        times = pd.to_datetime(frame[column], utc=column == "start_time_utc")
        valid = times.notna() & ~date_only
        order = times[valid].sort_values(kind="stable")
        seconds = (order - order.iloc[0]).dt.total_seconds().to_numpy() if len(order) else []
        positions = order.index.to_numpy()
        for index in range(len(positions)):
            other = index + 1
            while other < len(positions) and seconds[other] - seconds[index] <= SAME_START_S:
                if _compatible(columns, positions[index], positions[other], SAME_DISTANCE_RATIO):
                    pairs.append((positions[index], positions[other]))
                other += 1
    return pairs


def _date_only(frame: pd.DataFrame) -> pd.Series:
    if "date_only" not in frame.columns:
        return pd.Series(False, index=frame.index)
    return frame["date_only"].fillna(False).astype(bool)


def _same_day_pairs(frame: pd.DataFrame, columns: dict[str, list]) -> list[tuple[int, int]]:
    date_only = _date_only(frame)
    if not date_only.any():
        return []
    pairs = []
    by_day = frame.groupby(["athlete", "local_date"], sort=False).indices
    for position in np.flatnonzero(date_only.to_numpy()):
        key = (frame["athlete"].iat[position], frame["local_date"].iat[position])
        for other in by_day.get(key, []):
            if (
                other != position
                and not date_only.iat[other]
                and _compatible(columns, position, other, SAME_DAY_DISTANCE_RATIO)
            ):
                pairs.append((position, other))
                break
    return pairs


def _combine(group: list[dict]) -> dict:
    """One row from the records of one run: the richest record, filled in by the others."""

    def rank(row: dict) -> int:
        has_samples = row.get("has_samples", False)
        has_samples = False if _is_missing(has_samples) else bool(has_samples)
        return FORMAT_RANK.get(row.get("source_format"), len(FORMAT_RANK)) - 100 * has_samples

    order = sorted(group, key=rank)  # stable: equal ranks keep their order
    primary = dict(order[0])
    for column in order[0]:
        if _is_missing(primary.get(column)):
            for row in order:
                if not _is_missing(row.get(column)):
                    primary[column] = row[column]
                    break
    # a cadence and its label come from the same record
    with_cadence = [row for row in order if not _is_missing(row.get("avg_cadence_spm"))]
    if with_cadence:
        primary["cadence_is_derived"] = with_cadence[0].get("cadence_is_derived")
    labelled = [row for row in order if row.get("source_format") in LABELLED_FORMATS]
    for column in ("name", "shoe"):
        for row in labelled:
            if not _is_missing(row.get(column)):
                primary[column] = row[column]
                break
    for row in labelled:
        sport = row.get("sport")
        if isinstance(sport, str) and sport != "other":
            primary["sport"] = sport
            break
    if primary.get("surface") in (None, "unknown"):
        for row in order:
            surface = row.get("surface")
            if isinstance(surface, str) and surface != "unknown":
                primary["surface"] = surface
                break
    texts = []
    for row in order:
        text = row.get("notes")
        if isinstance(text, str) and text.strip() and text.strip() not in texts:
            texts.append(text.strip())
    primary["notes"] = "\n".join(texts)
    export_ids = [
        row["activity_id"]
        for row in order
        if str(row["activity_id"]).startswith(("strava-", "garmin-"))
    ]
    if export_ids:
        primary["activity_id"] = export_ids[0]
    primary["merged_ids"] = tuple(dict.fromkeys(str(row["activity_id"]) for row in order))
    return primary


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NaT:
        return True
    if isinstance(value, float) and np.isnan(value):
        return True
    if isinstance(value, str) and not value.strip():
        return True
    try:
        return bool(pd.isna(value)) if not isinstance(value, tuple | list | dict) else False
    except (TypeError, ValueError):
        return False
