"""One log from the files' parts: each source's rows, notes and shoes, then one TrainingLog.

`file_part` turns a source's Read (analyzer/reading.py) into its part of the log; `assemble`
puts a group's parts together: dated, in local time, tagged with surfaces, one run from many
sources, notes and shoes as tables. analyzer/pipeline.py runs both for every athlete. A file
that cannot be read becomes one FileError and the rest is still read.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd

from analyzer import plausible
from analyzer.checkers.shoe_overdue import unmatched_profile_shoes, worn_shoes
from analyzer.discover import Source
from analyzer.errors import BadFile, FileErrorKind, NotAnActivity, UnrecognisedFile
from analyzer.importers import Record, RecordTable, importers, suffix_of
from analyzer.localtime import resolve_local_time
from analyzer.log import FileError, FileNotice, KeptSamples, SampleLoader, TrainingLog
from analyzer.merge import merge_duplicates
from analyzer.profile import Profile
from analyzer.reading import Read, load_cached, read_afresh
from analyzer.schema import (
    ACTIVITY_COLUMNS,
    NOTE_COLUMNS,
    SAMPLE_COLUMNS,
    SHOE_COLUMNS,
    conform,
    empty_frame,
    published,
)
from analyzer.settings import Settings
from analyzer.surfaces import apply_surface_tags

log = logging.getLogger(__name__)

DEFAULT_ATHLETE = "runner"
# In a folder, files with these suffixes are often something else (a README, app settings):
# when they are not notes or exports, they are passed over without an error.
_OPTIONAL_SUFFIXES = (".json", ".txt", ".md", ".xml")
# Files that mark an unpacked export (Strava's activities.csv, Apple Health's export.xml).
_EXPORT_INDEX_NAMES = tuple(
    name for importer in importers() for name in importer.EXPORT_INDEX_NAMES
)


@dataclass
class FilePart:
    """What one source gave: its activity rows, how to get their samples, notes, shoes, errors."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    table: pd.DataFrame | None = None  # a table's rows (importers.RecordTable), as one frame
    sample_loaders: dict[str, SampleLoader] = field(default_factory=dict)
    notes: list[dict[str, Any]] = field(default_factory=list)
    shoes: list[dict[str, Any]] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    notices: list[FileNotice] = field(default_factory=list)


def file_part(
    source: Source,
    read: Read,
    profiles: dict[str, Profile],
    settings: Settings,
) -> FilePart:
    """One source's part of the log, from its Read. Its records' samples are not held: they
    are read again when asked for, from the import cache entry, else from the file."""
    outcome = read.outcome
    if isinstance(outcome, BadFile):
        quiet = _is_quiet(source, outcome)
        errors = [] if quiet else [FileError(source.path, str(outcome), outcome.kind)]
        return FilePart(errors=errors)
    file_format, content_id, imported = outcome
    part = FilePart(
        errors=[
            FileError(source.path, problem.reason, problem.kind)
            for problem in imported.problems
            if problem.kind != FileErrorKind.NOTICE
        ],
        notices=[
            FileNotice(source.path, problem.reason)
            for problem in imported.problems
            if problem.kind == FileErrorKind.NOTICE
        ],
    )
    athlete = source.athlete or _profile_athlete(profiles) or DEFAULT_ATHLETE
    if isinstance(imported.records, RecordTable):
        part.table = _activity_table(source, file_format, content_id, imported.records, athlete)
    else:
        part.rows = _activity_rows(
            source, file_format, content_id, imported.records, athlete, read.has_samples
        )
    for index, row in enumerate(part.rows):
        if row["has_samples"]:
            loader = KeptSamples(partial(_samples, source, read.cache_path, index, settings))
            part.sample_loaders[row["activity_id"]] = loader
    part.notes = [
        {**note, "athlete": note.get("athlete") or athlete, "source": source.path}
        for note in imported.notes
    ]
    part.shoes = [
        {**shoe, "athlete": shoe.get("athlete") or source.athlete} for shoe in imported.shoes
    ]
    return part


def assemble(
    parts: Iterable[FilePart],
    errors: list[FileError],
    profiles: dict[str, Profile],
    settings: Settings,
    today: dt.date | None = None,
) -> TrainingLog:
    """One TrainingLog from the sources' parts: dated, in local time, tagged, merged. An
    activity dated after `today` (this computer's) by more than a day is left out."""
    errors = list(errors)
    notices: list[FileNotice] = []
    rows: list[dict[str, Any]] = []
    tables: list[pd.DataFrame] = []
    samples: dict[str, SampleLoader] = {}
    notes: list[dict[str, Any]] = []
    shoes: list[dict[str, Any]] = []
    for part in parts:
        rows += part.rows
        tables += [] if part.table is None else [part.table]
        samples.update(part.sample_loaders)
        notes += part.notes
        shoes += part.shoes
        errors += part.errors
        notices += part.notices

    # One frame from every file's rows (a frame per file and their concat cost ~5 ms a file),
    # and the tables' frames.
    frames = [pd.DataFrame(rows)] if rows else []
    frames += tables
    activities = conform(
        pd.concat(frames, ignore_index=True)
        if len(frames) > 1
        else frames[0]
        if frames
        else empty_frame(ACTIVITY_COLUMNS),
        ACTIVITY_COLUMNS,
    )
    activities, undated = _dated(activities)
    errors += undated
    zones = {athlete: item.timezone for athlete, item in profiles.items()}
    activities = resolve_local_time(activities, zones, settings.timezone)
    activities, future = _not_after(activities, today or dt.date.today())
    errors += future
    activities = apply_surface_tags(activities, profiles)
    activities, id_map = merge_duplicates(activities)
    load_cached.cache_clear()  # hold no file's samples until they are asked for
    samples = _samples_of_kept_runs(activities, samples)
    samples = _shift_local_samples(activities, samples)
    shoe_table = _shoe_table(shoes, profiles, id_map)
    note_table = published(_note_table(activities, notes), NOTE_COLUMNS)
    # the published columns only: the working columns of the import (a source's wall time,
    # the ids merged, whether samples were kept ...) have done their work here
    activities = published(activities, ACTIVITY_COLUMNS).sort_values(
        ["athlete", "start_time_utc"], kind="stable", ignore_index=True
    )
    log = TrainingLog(
        activities=activities,
        notes=note_table,
        shoes=shoe_table,
        errors=errors,
        notices=notices,
        profiles=profiles,
        sample_loaders=samples,
    )
    log.notices += unmatched_profile_shoes(log)
    # a run that names no shoe shows the one it counts on (the profile's default shoe): the
    # import table, the charts and the notebook agree with shoe-overdue
    log.activities = published(log.activities.assign(shoe=worn_shoes(log)), ACTIVITY_COLUMNS)
    return log


def _profile_athlete(profiles: dict[str, Profile]) -> str | None:
    shared = profiles.get("")
    return shared.athlete if shared else None


def _is_quiet(source: Source, error: BadFile) -> bool:
    """Whether a file that is not an activity may be passed over without a word."""
    if source.named:
        return False
    unrecognised = isinstance(error, UnrecognisedFile)
    if source.in_archive and (isinstance(error, NotAnActivity) or unrecognised):
        return True
    suffix = suffix_of(source.name)
    if suffix in _OPTIONAL_SUFFIXES and (isinstance(error, NotAnActivity) or unrecognised):
        return True
    # The other CSVs of an unpacked Strava export (shoes.csv, comments.csv ...), or of an
    # Apple Health export (electrocardiograms/*.csv).
    if suffix == ".csv" and (unrecognised or isinstance(error, NotAnActivity)):
        folder = Path(source.path).parent
        return any(
            (parent / name).exists()
            for parent in (folder, folder.parent)
            for name in _EXPORT_INDEX_NAMES
        )
    return False


def _activity_rows(
    source: Source,
    file_format: str,
    content_id: str,
    records: list[Record],
    athlete: str,
    has_samples: tuple[bool, ...],  # per record (records read from the cache hold none)
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    many = len(records) > 1
    for index, (record, with_samples) in enumerate(zip(records, has_samples, strict=True)):
        fields = dict(record.fields)
        activity_id = fields.get("activity_id") or (f"{content_id}-{index}" if many else content_id)
        if source.athlete and not fields.get("activity_id"):
            # one file copied into two athletes' folders (a group run) is a run of each
            activity_id = f"{source.athlete}:{activity_id}"
        fields.update(
            activity_id=str(activity_id),
            athlete=fields.get("athlete") or athlete,
            source_path=source.path,
            source_format=file_format,
            has_samples=with_samples,
        )
        rows.append(fields)
    return rows


def _activity_table(
    source: Source, file_format: str, content_id: str, table: RecordTable, athlete: str
) -> pd.DataFrame:
    """A table's rows as `_activity_rows` makes records' rows, column by column."""
    frame = table.frame
    count = len(frame)
    made = (
        pd.Series([f"{content_id}-{index}" for index in range(count)], dtype=object)
        if count > 1
        else pd.Series([content_id] * count, dtype=object)
    )
    if source.athlete:  # one file copied into two athletes' folders is a run of each
        made = f"{source.athlete}:" + made
    given = _texts(frame, "activity_id")
    named = _texts(frame, "athlete")
    return frame.assign(
        activity_id=given.where(given.notna(), made).astype(str),
        athlete=named.where(named.notna(), athlete),
        source_path=source.path,
        source_format=file_format,
        has_samples=False,
    )


def _texts(frame: pd.DataFrame, name: str) -> pd.Series:
    """A column's values as objects, None where a record's field would be missing or empty
    (as `fields.get(name) or ...` reads it)."""
    if name not in frame.columns:
        return pd.Series([None] * len(frame), dtype=object)
    column = frame[name].astype(object)
    return column.where(column.notna() & column.ne(""), None)


def _samples(
    source: Source, cache_path: Path | None, index: int, settings: Settings
) -> pd.DataFrame:
    """A record's samples: from its import cache entry, else read from its file again."""
    outcome = load_cached(cache_path) if cache_path is not None else None
    if outcome is None:  # the entry went away, or its samples fail their check: read the file
        outcome = read_afresh(source, settings).outcome
    if isinstance(outcome, BadFile) or index >= len(outcome[2].records):
        return empty_frame(SAMPLE_COLUMNS)
    samples = outcome[2].records[index].samples
    return empty_frame(SAMPLE_COLUMNS) if samples is None else samples


def _dated(activities: pd.DataFrame) -> tuple[pd.DataFrame, list[FileError]]:
    """The activities that have a start time (UTC or local); the others as errors."""
    if activities.empty:
        return activities, []
    utc = activities.get("start_time_utc", pd.Series(pd.NaT, index=activities.index))
    local = activities.get("start_time_local", pd.Series(pd.NaT, index=activities.index))
    dated = pd.to_datetime(utc, utc=True).notna() | pd.to_datetime(local).notna()
    errors = [
        FileError(
            str(path), "this activity has no date, so runlog leaves it out", FileErrorKind.NO_TIMES
        )
        for path in activities.loc[~dated, "source_path"].unique()
    ]
    return activities[dated].reset_index(drop=True), errors


def _not_after(activities: pd.DataFrame, today: dt.date) -> tuple[pd.DataFrame, list[FileError]]:
    """The activities dated no later than a day after `today`; the others as errors naming
    their file. A watch whose clock is wrong dates a run years ahead: kept, it would be the
    newest day of the log, and every status would be judged on it."""
    latest = today + dt.timedelta(days=plausible.MAX_DAYS_AHEAD)
    days = activities["local_date"]
    ahead = days.map(lambda day: day is not None and day > latest, na_action="ignore")
    ahead = ahead.fillna(False).astype(bool)
    errors = [
        FileError(
            str(path),
            f"an activity dated {day:%a} {day.day} {day:%b %Y}, after today ({today:%a} "
            f"{today.day} {today:%b %Y}): a clock set wrong? runlog leaves it out",
            FileErrorKind.IMPLAUSIBLE,
        )
        for path, day in activities.loc[ahead, ["source_path", "local_date"]]
        .drop_duplicates("source_path")
        .itertuples(index=False)
    ]
    return activities[~ahead].reset_index(drop=True), errors


def _samples_of_kept_runs(
    activities: pd.DataFrame, samples: dict[str, SampleLoader]
) -> dict[str, SampleLoader]:
    """Each kept run's samples: those of the richest of the records merged into it."""
    kept: dict[str, SampleLoader] = {}
    if not samples:  # a table's rows: none has samples
        return kept
    for activity_id, merged_ids in zip(
        activities["activity_id"], activities["merged_ids"], strict=True
    ):
        for merged_id in merged_ids:  # richest first
            if merged_id in samples:
                kept[activity_id] = samples[merged_id]
                break
    return kept


def _shift_local_samples(
    activities: pd.DataFrame, samples: dict[str, SampleLoader]
) -> dict[str, SampleLoader]:
    """Samples of local-time-only sources carry wall time as if UTC: move them to real UTC."""
    if "start_time_local" not in activities.columns:
        return samples
    local_only = activities[
        pd.to_datetime(activities["start_time_local"]).notna()
        & activities["activity_id"].isin(list(samples))  # a table's rows have no samples
    ]
    shifted = dict(samples)
    for row in local_only.itertuples():
        loader = samples.get(row.activity_id)
        if loader is None or pd.isna(row.start_time_utc):
            continue
        offset = pd.Timestamp(row.local_start).tz_localize("UTC") - row.start_time_utc
        shifted[row.activity_id] = partial(_shifted, loader, offset)
    return shifted


def _shifted(loader: SampleLoader, offset: pd.Timedelta) -> pd.DataFrame:
    frame = loader()
    return frame.assign(time_utc=frame["time_utc"] - offset)


def _note_table(activities: pd.DataFrame, notes: list[dict[str, Any]]) -> pd.DataFrame:
    from_activities = activities.loc[
        activities["notes"].fillna("").astype(str).str.strip() != "",
        ["athlete", "local_date", "notes", "source_format", "activity_id"],
    ].rename(columns={"notes": "text", "source_format": "source"})
    from_activities["source"] = from_activities["source"] + " notes"
    table = pd.concat([from_activities, pd.DataFrame(notes)], ignore_index=True)
    if table.empty:
        return empty_frame(NOTE_COLUMNS)
    return conform(table, NOTE_COLUMNS)[list(NOTE_COLUMNS)]


def _shoe_table(
    shoes: list[dict[str, Any]], profiles: dict[str, Profile], id_map: dict[str, str]
) -> pd.DataFrame:
    rows: dict[tuple[str | None, str], dict[str, Any]] = {}
    for shoe in shoes:
        key = (shoe.get("athlete"), str(shoe["shoe"]).casefold())
        linked = tuple(id_map.get(str(item), str(item)) for item in shoe.get("activity_ids", ()))
        rows[key] = {**shoe, "activity_ids": linked}
    for athlete, profile in profiles.items():
        for setting in profile.shoes:
            key = (athlete or None, setting.name.casefold())
            exported = rows.get(key) or rows.get((None, setting.name.casefold())) or {}
            rows[key] = {
                "athlete": athlete or None,
                "shoe": setting.name,
                "aliases": tuple(dict.fromkeys((*setting.aliases, *exported.get("aliases", ())))),
                "start_date": setting.start or exported.get("start_date"),
                "retired_date": setting.retired or exported.get("retired_date"),
                "pre_used_km": setting.pre_used_km,
                "limit_km": setting.limit_km
                if setting.limit_km is not None
                else exported.get("limit_km", math.nan),
                "activity_ids": exported.get("activity_ids", ()),
                "is_default": setting.default,
            }
    if not rows:
        return empty_frame(SHOE_COLUMNS)
    return conform(pd.DataFrame(list(rows.values())), SHOE_COLUMNS)[list(SHOE_COLUMNS)]


__all__ = ["DEFAULT_ATHLETE", "FilePart", "assemble", "file_part"]
