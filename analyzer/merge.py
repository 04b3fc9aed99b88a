"""One run from many sources: find the records of one run and keep the best of each field.

A run often arrives several times: the watch's FIT, the GPX Strava made of it, its row in
Strava's activities.csv, an entry in Garmin's export. Records are the same run when a Strava
row names the file (`Filename`), when they come from the same bytes, or when they start within
two minutes of each other (UTC, or local wall clock for sources that only know local time)
with distances within 5 % [docs/FORMATS.md §7.6 suggests ±2 min and ±1.5 %; a phone's GPS and a
watch's footpod can differ by a few per cent on one run]. A date-only log row matches a
recorded run of the same day within 3 %. Never count one run's distance twice.
"""

from __future__ import annotations

import posixpath

import numpy as np
import pandas as pd

from analyzer.importers import importers

SAME_START_S = 120
SAME_DISTANCE_RATIO = 0.05
SAME_DAY_DISTANCE_RATIO = 0.03
# Richest first: files with samples, then summaries (each importer's MERGE_RANK); names a
# person chose, and sports an app was told, come from the LABELLED formats.
FORMAT_RANK = {importer.FORMAT: importer.MERGE_RANK for importer in importers()}
LABELLED_FORMATS = tuple(importer.FORMAT for importer in importers() if importer.LABELLED)
# A run keeps the id its export gave it (strava-..., garmin-...) over a content hash, so links
# from other files of the export still find it; each importer declares its prefix.
EXPORT_ID_PREFIXES = tuple(importer.ID_PREFIX for importer in importers() if importer.ID_PREFIX)
_SEVERAL_FILES = -2  # a group of alike records from several files (path codes are -1 and up)


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

    pairs = _pairs(frame)
    if not pairs:  # every record is its own run
        return frame.assign(merged_ids=[(value,) for value in frame["activity_id"]]), {}
    for first, second in pairs:
        union(first, second)
    roots = np.array([find(position) for position in range(len(frame))])
    if len(np.unique(roots)) == len(frame):
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
    repeated = frame["activity_id"].duplicated(keep=False).to_numpy()  # the others are alone
    shared = frame[repeated].groupby("activity_id", sort=False).indices
    positions_of = np.flatnonzero(repeated)
    for positions in (positions_of[indices] for indices in shared.values()):
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
    """Pairs of records that start within SAME_START_S with distances within
    SAME_DISTANCE_RATIO (the `_compatible` test, on whole columns).

    Near-linear on any input: records alike in athlete, sport, start and distance are one
    group first (2,000 copies of one file are one group, joined at once: a group whose
    records come from two files or more is one run, as each pair of them is), then one sorted
    sweep compares each group with the groups after it in its time window, a window at a time
    in numpy. 10,000 rows of one start: 41 s -> under a second (benchmarks/bench_merge.py).
    """
    athlete = pd.factorize(pd.Series(columns["athlete"], dtype=object))[0]
    # a missing athlete is no one's: it equals no other (as NaN != NaN in `_compatible`)
    athlete = np.where(athlete < 0, -2 - np.arange(len(athlete)), athlete)
    sport = pd.Series(columns["sport"], dtype=object)
    sport_code = pd.factorize(sport)[0]
    other_sport = sport_code[(sport == "other").to_numpy()]
    other_code = other_sport[0] if len(other_sport) else -2
    path = pd.factorize(pd.Series(columns["source_path"], dtype=object))[0]
    distance_m = pd.to_numeric(pd.Series(columns["distance_m"]), errors="coerce").to_numpy(float)
    date_only = _date_only(frame).to_numpy()
    local_only = _local_only(frame).to_numpy()
    pairs: list[tuple[int, int]] = []
    for column in ("start_time_utc", "local_start"):
        if column not in frame.columns:
            continue
        times = pd.to_datetime(frame[column], utc=column == "start_time_utc")
        valid = (times.notna() & ~date_only).to_numpy()
        if not valid.any():
            continue
        positions = np.flatnonzero(valid)
        start_ns = pd.DatetimeIndex(times[valid]).as_unit("ns").asi8  # UTC when zoned
        alike = pd.DataFrame(
            {
                "athlete": athlete[valid],
                "sport": sport_code[valid],
                "start_ns": start_ns,
                "distance_m": distance_m[valid],
                "path": path[valid],
            }
        )
        group = (
            alike.groupby(["athlete", "sport", "start_ns", "distance_m"], sort=False, dropna=False)
            .ngroup()
            .to_numpy()
        )
        groups = alike.assign(group=group, position=positions).groupby("group", sort=True)
        first = groups.first()
        files = groups["path"].nunique().to_numpy()
        # a group from one file keeps that file (its records are not the same run as each
        # other); a group from several files matches any other group
        own_path = np.where(files == 1, first["path"].to_numpy(), _SEVERAL_FILES)
        linked = _sweep(
            first["start_ns"].to_numpy(),
            first["athlete"].to_numpy(),
            first["sport"].to_numpy(),
            other_code,
            own_path,
            first["distance_m"].to_numpy(),
        )
        is_joined = files > 1
        if column == "local_start":
            # Wall clocks repeat an hour when the clocks go back: two records that know their
            # UTC start are compared by it alone; the wall clock pairs a record that knew only
            # its local time (a hand log, a watch without UTC) with another.
            knew_local_only = np.bincount(group, weights=local_only[positions]) > 0
            linked = [pair for pair in linked if knew_local_only[list(pair)].any()]
            is_joined &= knew_local_only
        firsts = first["position"].to_numpy()
        pairs += [(firsts[one], firsts[other]) for one, other in linked]
        # every record of a group from several files, or of a group matched to another, is
        # that run: joined to its group's first record
        is_joined[[group_id for pair in linked for group_id in pair]] = True
        members = is_joined[group] & (firsts[group] != positions)
        pairs += zip(firsts[group][members].tolist(), positions[members].tolist(), strict=True)
    return pairs


def _sweep(
    start_ns: np.ndarray,
    athlete: np.ndarray,
    sport: np.ndarray,
    other_sport: int,
    own_path: np.ndarray,
    distance_m: np.ndarray,
) -> list[tuple[int, int]]:
    """Pairs of groups (their numbers) that start within SAME_START_S and pass the
    `_compatible` test; each group compared with the groups after it in time, in numpy."""
    # by athlete, then start: a group's window is the same athlete's groups after it (a club's
    # hand log starts a hundred runners at 07:00 every day, and none of them is another)
    order = np.lexsort((start_ns, athlete))
    start_ns, athlete, sport = start_ns[order], athlete[order], sport[order]
    own_path, distance_m = own_path[order], distance_m[order]
    ends = np.empty(len(order), dtype=np.int64)
    bounds = np.flatnonzero(np.r_[True, athlete[1:] != athlete[:-1], True])
    for first, stop in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
        starts = start_ns[first:stop]
        window_ends = np.searchsorted(starts, starts + SAME_START_S * 1_000_000_000, "right")
        ends[first:stop] = first + window_ends
    pairs: list[tuple[int, int]] = []
    for index in np.flatnonzero(ends > np.arange(len(order)) + 1).tolist():
        after = slice(index + 1, ends[index])
        distances = distance_m[after]
        longer = np.fmax(distances, distance_m[index])
        with np.errstate(invalid="ignore"):
            near = np.abs(distances - distance_m[index]) <= SAME_DISTANCE_RATIO * longer
        unknown = np.isnan(distances) | np.isnan(distance_m[index]) | (longer <= 0)
        matches = (
            (athlete[after] == athlete[index])
            & (
                (sport[after] == sport[index])
                | (sport[after] == other_sport)
                | (sport[index] == other_sport)
            )
            & ((own_path[after] != own_path[index]) | (own_path[index] == _SEVERAL_FILES))
            & (near | unknown)
        )
        pairs += [(order[index], other) for other in order[after][matches].tolist()]
    return pairs


def _local_only(frame: pd.DataFrame) -> pd.Series:
    """Whether each record came with its local wall time only (its UTC start worked out from
    a time zone)."""
    if "start_time_local" not in frame.columns:
        return pd.Series(False, index=frame.index)
    return pd.to_datetime(frame["start_time_local"]).notna()


def _date_only(frame: pd.DataFrame) -> pd.Series:
    if "date_only" not in frame.columns:
        return pd.Series(False, index=frame.index)
    return frame["date_only"].fillna(False).astype(bool)


def _same_day_pairs(frame: pd.DataFrame, columns: dict[str, list]) -> list[tuple[int, int]]:
    date_only = _date_only(frame)
    if not date_only.any():
        return []
    pairs = []
    # the recorded runs of each athlete's day: a log of thousands of date-only rows on one day
    # looks through that day's recordings, not through its own rows
    recorded = frame[~date_only]
    by_day = recorded.groupby(["athlete", "local_date"], sort=False).indices
    recorded_positions = np.flatnonzero(~date_only.to_numpy())
    athletes, days = frame["athlete"].tolist(), frame["local_date"].tolist()
    for position in np.flatnonzero(date_only.to_numpy()).tolist():
        for index in by_day.get((athletes[position], days[position]), []):
            other = int(recorded_positions[index])
            if _compatible(columns, position, other, SAME_DAY_DISTANCE_RATIO):
                pairs.append((position, other))
                break
    return pairs


def _combine(group: list[dict]) -> dict:
    """One row from the records of one run: the richest record, filled in by the others."""

    def rank(row: dict) -> int:
        has_samples = row.get("has_samples", False)
        has_samples = False if _is_missing(has_samples) else bool(has_samples)
        return FORMAT_RANK.get(row.get("source_format") or "", len(FORMAT_RANK)) - 100 * has_samples

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
        if str(row["activity_id"]).startswith(EXPORT_ID_PREFIXES)
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
