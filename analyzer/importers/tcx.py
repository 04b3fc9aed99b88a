"""TCX files (Garmin Training Center XML): activities of laps of timed trackpoints.

Garmin Connect, Strava, Polar Flow, Suunto, Runtastic and many converters write TCX, each a
little differently [docs/FORMATS.md §3]: Strava pads the file with spaces before `<?xml`, the
ActivityExtension `TPX` may sit under `ns3:` or declare its namespace inline, Runtastic
writes Sport="running" in lower case, Polar writes local times with an offset and its run
cadence in the bike field `Trackpoint/Cadence`. Elements are therefore matched by local name
in any namespace, and every child is optional.

Each `Activity` becomes one Record, inside a MultiSportSession too (a triathlon is three).
The laps give the totals, as Garmin's own tools do: distance is the sum of the laps'
DistanceMeters and moving time the sum of their TotalTimeSeconds (the timer time, which
stops at auto-pause); elapsed time is the wall clock from the activity's start to its last
trackpoint. The trackpoints give the samples and, when the laps lack them, the totals.
"""

from __future__ import annotations

import re
from typing import BinaryIO

import pandas as pd
from lxml import etree

from analyzer import plausible
from analyzer.classify import sport_of
from analyzer.errors import BadFile, FileErrorKind, NotAnActivity
from analyzer.importers import _xml as xml
from analyzer.importers._track import Track, lap, record_of, track_points
from analyzer.importers.base import Imported, Problem, Record

FORMAT = "tcx"
# Traits (analyzer/importers/base.py): how merge and the loader treat this format.
MERGE_RANK = 1
LABELLED = False
EXPORT_INDEX_NAMES: tuple[str, ...] = ()
ID_PREFIX = ""

_ROOT = re.compile(rb"<(?:[\w.-]+:)?(?:TrainingCenterDatabase|Activities)[\s>/]")
_ROOTS = frozenset({"TrainingCenterDatabase", "Activities", "Activity", "MultiSportSession"})

# A trackpoint's row: where each element's text goes, by lower-case local name. Containers
# (Position, HeartRateBpm, Extensions) are searched for the inner names.
# written_cadence: as the file writes it, one foot or both, decided per run.
_COLUMNS = (
    "lat_deg",
    "lon_deg",
    "time",
    "altitude_m",
    "distance_m",
    "hr_bpm",
    "written_cadence",
    "speed_mps",
)
_LAT, _LON, _TIME, _ALTITUDE, _DISTANCE, _HR, _WRITTEN_CADENCE, _SPEED = range(len(_COLUMNS))
_POINT_VALUES_READ = tuple(column for column in _COLUMNS if column != "time")
_CONTAINER, _IGNORED = -1, -2  # slots that are not a column
_DIRECT = {
    "time": _TIME,
    "altitudemeters": _ALTITUDE,
    "distancemeters": _DISTANCE,
    "cadence": _WRITTEN_CADENCE,  # bike rpm by the schema, but Polar writes run cadence here
    "position": _CONTAINER,
    "heartratebpm": _CONTAINER,
    "extensions": _CONTAINER,
}
_INNER = {
    "latitudedegrees": _LAT,
    "longitudedegrees": _LON,
    "value": _HR,
    "speed": _SPEED,
    "runcadence": _WRITTEN_CADENCE,  # TPX follows Cadence in a trackpoint, so it wins over it
}


def sniff(head: bytes) -> bool:
    """Whether these first bytes open a TCX document."""
    return _ROOT.search(xml.without_preamble(head)[:4096]) is not None


def read(stream: BinaryIO) -> Imported:
    """The activities in one TCX file: one Record per Activity, with its samples."""
    root, damage = xml.parsed_xml(xml.without_preamble(stream.read()))
    if xml.local_name(root.tag) not in _ROOTS:
        if damage:
            raise BadFile(f"is not well-formed TCX ({damage})", FileErrorKind.BROKEN_XML)
        raise BadFile(
            f"is XML but not TCX: it starts with <{xml.local_name(root.tag)}>",
            FileErrorKind.NOT_THIS_FORMAT,
        )
    activities = list(root.iter("{*}Activity"))
    if not activities:
        if damage:
            raise BadFile(
                f"is not well-formed TCX ({damage}) and no activity could be read",
                FileErrorKind.BROKEN_XML,
            )
        if next(root.iter("{*}Course"), None) is not None:
            raise NotAnActivity("holds a course (a planned route), not a recorded activity")
        if next(root.iter("{*}Workout"), None) is not None:
            raise NotAnActivity("holds workouts (training plans), not a recorded activity")
        raise NotAnActivity("holds no activity")
    author = _text(root.findtext("{*}Author/{*}Name")) or _text(root.get("creator"))
    read = [outcome for activity in activities if (outcome := _record(activity, author))]
    records = [record for record, _ in read]
    if not records:
        if damage:
            raise BadFile(
                f"is not well-formed TCX ({damage}) and no lap could be read",
                FileErrorKind.BROKEN_XML,
            )
        times = [element.text for element in root.iter("{*}Time", "{*}Id")]
        times += [element.get("StartTime") for element in root.iter("{*}Lap")]
        years = xml.years_out_of_range(times)
        if years:
            raise BadFile(
                f"its times are {years}, outside the years {plausible.FIRST_YEAR}-"
                f"{plausible.LAST_YEAR} runs are dated in: the device's clock was not set?",
                FileErrorKind.IMPLAUSIBLE,
            )
        raise NotAnActivity("its activities hold no laps and no trackpoints")
    problems = []
    problems += [Problem(notice, FileErrorKind.NOTICE) for _, notice in read if notice]
    if damage:
        points = sum(len(record.samples) for record in records if record.samples is not None)
        problems.append(
            Problem(
                f"is not well-formed XML ({damage}); kept the {len(records)} "
                f"{'activity' if len(records) == 1 else 'activities'} and {points:,} "
                "trackpoints that could be read, check their totals",
                FileErrorKind.BROKEN_XML,
            )
        )
    return Imported(records=records, problems=problems)


def _text(value: str | None) -> str | None:
    stripped = (value or "").strip()
    return stripped or None


def _points_of(activity: etree._Element) -> pd.DataFrame:
    """The trackpoints of every lap as text columns; each Track is a segment (a pause between)."""
    rows: list[list] = []
    slots: dict[object, int] = {}  # tag (a 1-tuple inside a container) -> slot
    tracks = (track_element for lap in activity.iterchildren("{*}Lap") for track_element in lap)
    number = 0
    for track_element in tracks:
        if xml.local_name(track_element.tag) != "Track":
            continue
        number += 1
        for point in track_element.iterchildren("{*}Trackpoint"):
            row = [None] * len(_COLUMNS) + [number]
            for child in point:
                slot = slots.get(child.tag)
                if slot is None:
                    slot = slots[child.tag] = _DIRECT.get(_lower_name(child.tag), _IGNORED)
                if slot == _CONTAINER:
                    for inner in child.iter():
                        inner_slot = slots.get((inner.tag,))
                        if inner_slot is None:
                            inner_slot = slots[(inner.tag,)] = _INNER.get(
                                _lower_name(inner.tag), _IGNORED
                            )
                        if inner_slot >= 0:
                            row[inner_slot] = inner.text
                elif slot >= 0:
                    row[slot] = child.text
            rows.append(row)
    texts = pd.DataFrame(rows, columns=[*_COLUMNS, "segment"], dtype="object")
    frame = pd.DataFrame(
        {name: xml.numbers(texts[name].tolist()) for name in _COLUMNS if name != "time"}
    )
    frame["time"] = texts["time"]
    frame["segment"] = texts["segment"].to_numpy(dtype="int64")
    frame["hr_bpm"] = xml.within(frame["hr_bpm"].to_numpy(), 0, plausible.MAX_HR_BPM)
    frame["written_cadence"] = xml.within(
        frame["written_cadence"].to_numpy(), 0, plausible.MAX_WRITTEN_CADENCE
    )
    frame["lat_deg"], frame["lon_deg"] = plausible.positions(
        frame["lat_deg"].to_numpy(), frame["lon_deg"].to_numpy()
    )
    return frame


def _lower_name(tag: object) -> str:
    return xml.local_name(tag).lower()


def _laps_of(activity: etree._Element) -> pd.DataFrame:
    """One row per Lap: start text, timer seconds, metres, average HR and run cadence."""
    rows = [
        {
            "start": lap.get("StartTime"),
            "total_s": lap.findtext("{*}TotalTimeSeconds"),
            "distance_m": lap.findtext("{*}DistanceMeters"),
            "hr_bpm": lap.findtext("{*}AverageHeartRateBpm/{*}Value"),
            "written_cadence": lap.findtext("{*}Extensions/{*}LX/{*}AvgRunCadence"),
        }
        for lap in activity.iterchildren("{*}Lap")
    ]
    columns = ["start", "total_s", "distance_m", "hr_bpm", "written_cadence"]
    laps = pd.DataFrame(rows, columns=columns)
    limits = {
        "total_s": plausible.MAX_DURATION_S,
        "distance_m": plausible.MAX_DISTANCE_M,
        "hr_bpm": plausible.MAX_HR_BPM,
        "written_cadence": plausible.MAX_WRITTEN_CADENCE,
    }
    for column, most in limits.items():
        laps[column] = xml.within(xml.numbers(laps[column].tolist()), 0, most)
    return laps


def _device_of(activity: etree._Element, author: str | None) -> str | None:
    """The recording device with its firmware ('Forerunner 610 v2.60'), else the exporting app."""
    creator = activity.find("{*}Creator")
    name = _text(creator.findtext("{*}Name")) if creator is not None else None
    if not name:
        return author
    major = _text(creator.findtext("{*}Version/{*}VersionMajor"))
    minor = _text(creator.findtext("{*}Version/{*}VersionMinor"))
    version = f"{major}.{minor or '0'}"
    # Some devices already name their firmware ('Forerunner 410 Software Version 2.20').
    return f"{name} v{version}" if major and version not in name else name


def _record(activity: etree._Element, author: str | None) -> tuple[Record, str | None] | None:
    """One Activity's fields and samples, and the notice of the order its trackpoints were
    measured in when their times step back; None when it holds neither laps nor trackpoints."""
    laps = _laps_of(activity)
    points = _points_of(activity)
    if laps["total_s"].isna().all() and laps["distance_m"].isna().all() and points.empty:
        return None
    id_text = activity.findtext("{*}Id")
    times, is_naive, offset_s = xml.utc_times(
        [id_text, *laps["start"].tolist(), *points["time"].tolist()]
    )
    activity_start, lap_starts = times.iloc[0], times.iloc[1 : len(laps) + 1]
    points["time_utc"] = times.iloc[len(laps) + 1 :].array
    timed = points[points["time_utc"].notna()].reset_index(drop=True)
    if pd.isna(activity_start) and lap_starts.isna().all() and timed.empty:
        return None
    sport_attribute = _text(activity.get("Sport"))
    notes = "\n".join(
        dict.fromkeys(
            text
            for element in (activity, *activity.iterchildren("{*}Lap"))
            if (text := _text(element.findtext("{*}Notes")))
        )
    )
    name = _text(activity.findtext("{*}Training/{*}Plan/{*}Name"))
    sport = sport_of(sport_attribute)
    if sport == "other":  # Sport="Other" covers walks, hikes, paddling: the words may say
        sport = sport_of(name, notes)
    # The laps give the totals, as Garmin's own tools do: distance the sum of their
    # DistanceMeters, moving time the sum of their TotalTimeSeconds (the timer time).
    track = Track(
        points=track_points(
            len(timed),
            **{column: timed[column].to_numpy() for column in _POINT_VALUES_READ},
            time_utc=timed["time_utc"].array,
            segment=timed["segment"].to_numpy(),
        ),
        laps=tuple(
            lap(
                start_time_utc=start,
                moving_s=row.total_s,
                distance_m=row.distance_m,
                avg_hr_bpm=row.hr_bpm,
                avg_written_cadence=row.written_cadence,
            )
            for start, row in zip(lap_starts, laps.itertuples(), strict=True)
        ),
        sport=sport,
        sub_sport=sport_attribute,
        name=name,
        notes=notes or None,
        device=_device_of(activity, author),
        start_time_utc=activity_start,
        is_wall_time=is_naive,
        stated_utc_offset_s=offset_s,
    )
    return record_of(track)
