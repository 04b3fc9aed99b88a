"""GPX files: recorded tracks from watches and apps (Garmin Connect, Strava, Apple Health ...).

A GPX holds tracks (`trk`) of segments (`trkseg`) of timed points. Each point may carry
heart rate, cadence and speed in extensions that every writer names its own way: Garmin's
TrackPointExtension under any prefix (`ns3:`, `gpxtpx:`), Cluetrust `gpxdata:`, or bare
elements (Apple's `<speed>`, Amazfit's `<heartrate>`). They are matched by local name, so
an undeclared or unusual prefix loses nothing [docs/FORMATS.md §2, §7.16].

Choices a runner would expect:
  - Tracks that follow each other within an hour are one outing (an app that starts a new
    track at a pause); tracks further apart are separate activities.
  - Distance never bridges segments; time between segments, and long gaps with no
    movement inside one, are pauses (see _track.moving_seconds).
  - Times without a zone are the runner's wall time: start_time_local, no start_time_utc,
    and the samples carry wall time as if it were UTC (the Record contract).
  - A file without a type or a sporty name is a run unless how it moves says otherwise
    (_track.record_of, which makes the record of each outing's Track).

The points are read with lxml rather than gpxpy: gpxpy builds an object per point and took
1.8 s to parse a 20,000-point file that this module reads whole in 0.2 s. Distance and climb
use gpxpy's own formulas, so totals match its length_2d and uphill/downhill.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import BinaryIO

import numpy as np
import pandas as pd
from lxml import etree

from analyzer import plausible
from analyzer.classify import sport_of
from analyzer.errors import BadFile, FileErrorKind, NotAnActivity
from analyzer.importers import _xml as xml
from analyzer.importers._track import Track, record_of, track_points
from analyzer.importers.base import Imported, Problem

FORMAT = "gpx"
# Traits (analyzer/importers/base.py): how merge and the loader treat this format.
MERGE_RANK = 2
LABELLED = False
EXPORT_INDEX_NAMES: tuple[str, ...] = ()
ID_PREFIX = ""

_ROOT = re.compile(rb"<(?:[\w.-]+:)?gpx[\s>/]")
SAME_OUTING_GAP_S = 3600.0  # tracks closer than this are one outing split at a pause
# <type> values that say nothing about the sport.
_PLACEHOLDER_TYPES = frozenset({"", "unknown", "generic", "other", "none", "uncategorized"})
# Strava's GPX <type> numbers [docs/FORMATS.md §2]: 1 Ride, 4 Hike, 9 Run, 10 Walk.
_STRAVA_TYPES = {"1": "cycling", "4": "hiking", "9": "running", "10": "walking"}

# Where a point's child or extension element goes, by local name (any namespace or prefix).
_POINT_VALUES = {"time": "time", "ele": "altitude_m"}
_EXTENSION_VALUES = {
    "hr": "hr_bpm",
    "heartrate": "hr_bpm",
    "cad": "written_cadence",
    "cadence": "written_cadence",
    "runcadence": "written_cadence",
    "speed": "speed_mps",
}
# written_cadence: as the file writes it, one foot or both, decided per run.
_COLUMNS = ("lat_deg", "lon_deg", "time", "altitude_m", "hr_bpm", "written_cadence", "speed_mps")
_POINT_VALUES_READ = ("lat_deg", "lon_deg", "altitude_m", "hr_bpm", "written_cadence", "speed_mps")
_EXTENSIONS, _IGNORED = -1, -2  # slots that are not a column


@dataclass
class _Track:
    """One `trk`: its words, and a row of texts per point (_COLUMNS, then the segment)."""

    name: str | None
    type: str | None
    notes: str | None
    rows: list[list] = field(default_factory=list)


def sniff(head: bytes) -> bool:
    """Whether these first bytes open a GPX document."""
    return _ROOT.search(xml.without_preamble(head)[:4096]) is not None


def read(stream: BinaryIO) -> Imported:
    """The activities in one GPX file: one Record per outing, with its samples."""
    data = xml.without_preamble(stream.read())
    streamed = _streamed(data)
    if streamed is not None:
        root, tracks, damage = streamed
    else:  # damaged, or not GPX: the whole tree, recovered as far as it can be
        root, damage = xml.parsed_xml(data)
        tracks = [_track_of(element) for element in root.iter("{*}trk")]
    del data
    if xml.local_name(root.tag) != "gpx":
        if damage:
            raise BadFile(f"is not well-formed GPX ({damage})", FileErrorKind.BROKEN_XML)
        raise BadFile(
            f"is XML but not GPX: it starts with <{xml.local_name(root.tag)}>",
            FileErrorKind.NOT_THIS_FORMAT,
        )
    points = sum(len(item.rows) for item in tracks)
    if damage and points == 0:
        raise BadFile(
            f"is not well-formed GPX ({damage}) and no track point could be read",
            FileErrorKind.BROKEN_XML,
        )
    if not tracks:
        if next(root.iter("{*}rte"), None) is not None:
            raise NotAnActivity("holds a planned route (rte), not a recorded activity")
        raise NotAnActivity(
            "holds no track (only metadata or waypoints), so it is not a recorded activity"
        )
    if points == 0:
        raise NotAnActivity(
            "holds an empty track (indoor activities export no points); "
            "read its FIT file or the export's CSV instead"
        )
    frames = [_frame_of(item, number) for number, item in enumerate(tracks)]
    for item in tracks:
        item.rows = []  # the texts are numbers now: not held twice
    frame = pd.concat(frames, ignore_index=True)
    del frames
    times, is_naive, offset_s = xml.utc_times(frame["time"].tolist())
    frame["time_utc"] = times
    if frame["time_utc"].isna().all():
        if damage:
            raise BadFile(
                f"is not well-formed GPX ({damage}) and no timed point could be read",
                FileErrorKind.BROKEN_XML,
            )
        years = xml.years_out_of_range(frame["time"].tolist())
        if years:
            raise BadFile(
                f"its points are timed {years}, outside the years {plausible.FIRST_YEAR}-"
                f"{plausible.LAST_YEAR} runs are dated in: the device's clock was not set?",
                FileErrorKind.IMPLAUSIBLE,
            )
        raise NotAnActivity(
            "is a planned route: its points have no times, so it is not a recorded activity"
        )
    metadata = {
        "device": _text(root.get("creator")),
        "name": _text(root.findtext("{*}metadata/{*}name")),
        "notes": _text(root.findtext("{*}metadata/{*}desc")),
    }
    measured = [
        record_of(
            _track_model(
                frame[frame["track"].isin(outing)], tracks, outing, metadata, is_naive, offset_s
            )
        )
        for outing in _outings(frame)
    ]
    records = [record for record, _ in measured]
    problems = []
    if damage:
        problems.append(
            Problem(
                f"is not well-formed XML ({damage}); kept the {points:,} track points "
                "that could be read, check this run's totals",
                FileErrorKind.BROKEN_XML,
            )
        )
    problems += [Problem(notice, FileErrorKind.NOTICE) for _, notice in measured if notice]
    return Imported(records=records, problems=problems)


def _text(value: str | None) -> str | None:
    stripped = (value or "").strip()
    return stripped or None


def _streamed(data: bytes) -> tuple[etree._Element, list[_Track], None] | None:
    """The document's root (its track points removed) and its tracks, read as a stream: each
    point is made a row and dropped from the tree as soon as it ends, so memory holds the
    rows, never the whole tree (a million points: 1.2 GB of tree). None when the document is
    not well-formed or not GPX: read() then parses it whole, recovering what it can."""
    tracks: list[_Track] = []
    slots: dict[object, int] = {}
    track_element = segment_element = None
    segment = -1
    events = etree.iterparse(
        io.BytesIO(data),
        events=("end",),
        tag=("{*}trkpt", "{*}trk"),
        resolve_entities=False,
        no_network=True,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        for _, element in events:
            parent = element.getparent()
            if xml.local_name(element.tag) == "trk":
                if element is not track_element:  # a track without points
                    tracks.append(_Track(name=None, type=None, notes=None))
                _describe(tracks[-1], element)
                track_element = None
                continue
            if parent is None or xml.local_name(parent.tag) != "trkseg":
                continue  # a point outside a track segment is no track point
            if parent is not segment_element:  # a new segment, maybe of a new track
                segment_element = parent
                if parent.getparent() is not track_element:
                    track_element = parent.getparent()
                    tracks.append(_Track(name=None, type=None, notes=None))
                    segment = -1
                segment += 1
            tracks[-1].rows.append(_row_of(element, segment, slots))
            element.clear()
            parent.remove(element)
    except etree.XMLSyntaxError as err:
        xml.raise_if_out_of_memory(err)
        return None
    root = events.root
    if root is None or xml.local_name(root.tag) != "gpx":
        return None
    return root, tracks, None


def _track_of(element: etree._Element) -> _Track:
    item = _Track(name=None, type=None, notes=None)
    _describe(item, element)
    slots: dict[object, int] = {}  # tag (a 1-tuple inside extensions) -> slot
    for number, segment in enumerate(element.iterchildren("{*}trkseg")):
        for point in segment.iterchildren("{*}trkpt"):
            item.rows.append(_row_of(point, number, slots))
    return item


def _describe(item: _Track, element: etree._Element) -> None:
    """The track's name, type and notes, from its own elements."""
    notes = [_text(element.findtext(f"{{*}}{tag}")) for tag in ("desc", "cmt")]
    item.name = _text(element.findtext("{*}name"))
    item.type = _text(element.findtext("{*}type"))
    item.notes = "\n".join(dict.fromkeys(note for note in notes if note)) or None


def _row_of(point: etree._Element, segment: int, slots: dict[object, int]) -> list:
    """A point's texts in _COLUMNS' order, and its segment; `slots` remembers each tag's
    place (a 1-tuple for a tag inside extensions)."""
    row = [point.get("lat"), point.get("lon"), None, None, None, None, None, segment]
    for child in point:
        slot = slots.get(child.tag)
        if slot is None:
            slot = slots[child.tag] = _slot_of(child.tag, in_extensions=False)
        if slot == _EXTENSIONS:
            for inner in child.iter():
                inner_slot = slots.get((inner.tag,))
                if inner_slot is None:
                    inner_slot = slots[(inner.tag,)] = _slot_of(inner.tag, True)
                if inner_slot >= 0 and row[inner_slot] is None:
                    row[inner_slot] = inner.text
        elif slot >= 0 and row[slot] is None:
            row[slot] = child.text
    return row


def _slot_of(tag: object, in_extensions: bool) -> int:
    """Where an element's text goes in a point's row, by its local name in any namespace."""
    name = xml.local_name(tag).lower()
    if name == "extensions" and not in_extensions:
        return _EXTENSIONS
    # GPX 1.0 puts <speed> right in the point; some writers put hr or cadence there too.
    column = _EXTENSION_VALUES.get(name) or (None if in_extensions else _POINT_VALUES.get(name))
    return _COLUMNS.index(column) if column else _IGNORED


def _frame_of(item: _Track, number: int) -> pd.DataFrame:
    texts = pd.DataFrame(item.rows, columns=[*_COLUMNS, "segment"], dtype="object")
    frame = pd.DataFrame(
        {name: xml.numbers(texts[name].tolist()) for name in _COLUMNS if name != "time"}
    )
    frame["time"] = texts["time"]
    frame["hr_bpm"] = xml.within(frame["hr_bpm"].to_numpy(), 0, plausible.MAX_HR_BPM)
    frame["written_cadence"] = xml.within(
        frame["written_cadence"].to_numpy(), 0, plausible.MAX_WRITTEN_CADENCE
    )
    frame["lat_deg"], frame["lon_deg"] = plausible.positions(
        frame["lat_deg"].to_numpy(), frame["lon_deg"].to_numpy()
    )
    frame["track"] = number
    # Segment numbers unique across tracks: a new track starts a new segment.
    frame["segment"] = texts["segment"].to_numpy(dtype="int64") + number * 1_000_000
    return frame


def _outings(frame: pd.DataFrame) -> list[list[int]]:
    """Track numbers grouped into outings: timed tracks less than an hour apart go together."""
    numbers = frame["track"].to_numpy()
    times = frame["time_utc"]
    bounds = sorted(
        (times[mine].min(), times[mine].max(), number)
        for number in np.unique(numbers)
        if (mine := (numbers == number) & times.notna().to_numpy()).any()
    )
    outings: list[list[int]] = []
    last_end = None
    for start, end, number in bounds:
        if last_end is None or (start - last_end).total_seconds() > SAME_OUTING_GAP_S:
            outings.append([number])
        else:
            outings[-1].append(number)
        last_end = end if last_end is None else max(last_end, end)
    return outings


def _track_model(
    frame: pd.DataFrame,
    tracks: list[_Track],
    outing: list[int],
    metadata: dict[str, str | None],
    is_naive: bool,
    offset_s: int | None,
) -> Track:
    """One outing's points, words and times as a Track (its record is _track.record_of's)."""
    described = [tracks[number] for number in outing]
    track_type = next((item.type for item in described if item.type), None)
    name = next((item.name for item in described if item.name), None) or metadata["name"]
    notes = "\n".join(dict.fromkeys(item.notes for item in described if item.notes))
    return Track(
        points=track_points(
            len(frame),
            **{name: frame[name].to_numpy() for name in _POINT_VALUES_READ},
            time_utc=frame["time_utc"].array,
            segment=frame["segment"].to_numpy(),
        ),
        laps=(),
        sport=_sport_of(track_type, name),
        sub_sport=track_type,
        name=name,
        notes=notes or metadata["notes"],
        device=metadata["device"],
        is_wall_time=is_naive,
        stated_utc_offset_s=offset_s,
    )


def _sport_of(track_type: str | None, name: str | None) -> str | None:
    """The sport a type or name says; None when neither says one (how it moves decides).

    A type the classifier does not know ('kayaking') is 'other', not a guess. Without a type,
    a track name like 'Cycling 10/2/17' or 'Lauf am Abend' decides.
    """
    if track_type and track_type.strip().lower() not in _PLACEHOLDER_TYPES:
        return _STRAVA_TYPES.get(track_type.strip()) or sport_of(track_type)
    named = sport_of(name)
    return named if named != "other" else None
