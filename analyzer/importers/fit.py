"""FIT activity files from watches and apps: one Record per session, with its samples.

Decoded with fitdecode [FORMATS.md §1.1], whose 2025 profile names COROS, `ultra` and
`sport_profile_name`. What this module gets right, in the order a file meets it:

- Damage: frames are read one by one and everything before a decoding error is kept
  (truncated uploads, a Strava app file with an undefined message at byte 7,471, a chained
  file whose second header is corrupt); the problem line says where it stopped. The file
  CRC is checked here, not by fitdecode, and a mismatch only adds a problem line.
- Chained FIT files (several headers in one file) and multisport files: one Record per
  `session`; samples go to the session whose time window holds them; a transition is sport
  "other", sub_sport "transition".
- Session totals are the truth: distance_m = total_distance, elapsed_s =
  total_elapsed_time, moving_s = total_timer_time (the timer stops at pauses and
  auto-pause; total_moving_time is left alone because few devices write it and those that
  do copy the timer time). A total the session lacks is recomputed from records and timer
  events, and a problem line says so.
- Units: semicircles to degrees, `enhanced_*` before the legacy field, tuples to their
  first value, one-foot cadence to steps per minute (§1.3), FIT seconds to UTC.
- Time zone: the device's offset is activity.local_timestamp - timestamp, kept only when
  sane. A watch whose clock was never set writes seconds since power-on; such a run keeps
  its totals and, when the watch knew its local time, a local start time.
- Developer fields (Stryd, Connect IQ) are not canonical and never overwrite a native one.

Speed: records are most of a file. When fitfast (a Rust decoder) is installed and reads a
file's records exactly as fitdecode would (_fit_fast.py says when), the records come from
fitfast and the few other messages from fitdecode: about ten times faster (a Forerunner's
8,109 records in 0.06 s rather than 0.6 s). Every other
file, and every file when RUNLOG_FIT_DECODER=fitdecode, is read by fitdecode alone, with a
reader subclass that unpacks each message in one struct call. Both paths fill the same
_Content, so all that follows is the same code.
"""

from __future__ import annotations

import io
import logging
import math
import os
import struct
import warnings
from dataclasses import dataclass, field
from functools import cache
from typing import Any, BinaryIO

import fitdecode
import numpy as np
import pandas as pd

from analyzer.classify import sport_of, surface_of
from analyzer.errors import BadFile, FileErrorKind, NotAnActivity
from analyzer.importers import _fit_fast
from analyzer.importers.base import Imported, Problem, Record
from analyzer.units import (
    FIT_EPOCH_UNIX_S,
    FOOT_SPORTS,
    MAX_UTC_OFFSET_S,
    UTC_OFFSET_STEP_S,
    great_circle_m,
    one_foot_factor,
)

log = logging.getLogger(__name__)

FORMAT = "fit"
SUFFIXES: tuple[str, ...] = (".fit",)
# Traits (analyzer/importers/base.py): how merge and the loader treat this format.
MERGE_RANK = 0
LABELLED = False
EXPORT_INDEX_NAMES: tuple[str, ...] = ()
ID_PREFIX = ""

FIT_SYSTEM_TIME_BELOW = 0x1000_0000  # smaller date_time values count seconds since power-on
FIT_TIME_LIMIT_S = 2**32  # date_time is a uint32
DEGREES_PER_SEMICIRCLE = 180 / 2**31
MAX_DATETIME_S = 9_000_000_000  # 2255: nanoseconds since 1970 still fit an int64 below this

# A FIT foot cadence counts one foot; some third-party writers store steps/min instead
# (units.one_foot_factor decides from the session's value or the moving records' median).
STOPPED_BELOW_MPS = 0.5  # slower than any walk: a sample taken while standing
# A `generic` session (Fenix 2 default profile) is a run when it moves like one: a one-foot
# cadence of 65-105 strides/min (130-210 when stored as steps/min) at 1.7-7 m/s
# (a 2:23-9:48 min/km pace). Walks and rides fall outside both ranges.
RUN_STRIDES_PER_MIN = (65.0, 105.0)
RUN_SPEED_MPS = (1.7, 7.0)
INDOOR_SUB_SPORTS = frozenset({"treadmill", "indoor_running", "virtual_activity"})
TIMER_STOPS = frozenset({"stop", "stop_all", "stop_disable", "stop_disable_all"})

_FILE_ID, _SPORT, _SESSION, _LAP, _RECORD, _EVENT, _DEVICE_INFO, _ACTIVITY = (
    0, 12, 18, 19, 20, 21, 23, 34,
)  # fmt: skip
# The record fields runlog reads, in the order of a row; everything else is skipped.
_RECORD_FIELDS = (
    "timestamp",
    "position_lat",
    "position_long",
    "enhanced_altitude",
    "altitude",
    "distance",
    "enhanced_speed",
    "speed",
    "heart_rate",
    "cadence",
    "fractional_cadence",
)
_RECORD_INDEX = {name: index for index, name in enumerate(_RECORD_FIELDS)}
# The messages other than records that runlog reads: the fast path decodes these (and
# only these) with fitdecode.
_MESSAGES_READ = frozenset({_FILE_ID, _SPORT, _SESSION, _LAP, _EVENT, _DEVICE_INFO, _ACTIVITY})
DECODER_SETTING = "RUNLOG_FIT_DECODER"  # "fitdecode" turns the fast decoder off
(
    _T, _LAT, _LON, _ENHANCED_ALTITUDE, _ALTITUDE, _DISTANCE, _ENHANCED_SPEED, _SPEED, _HR,
    _CADENCE, _FRACTIONAL_CADENCE,
) = range(len(_RECORD_FIELDS))  # fmt: skip


def sniff(head: bytes) -> bool:
    """Whether these first bytes are a FIT header: size 12 or 14, then '.FIT' at byte 8."""
    return len(head) >= 12 and head[0] in (12, 14) and head[8:12] == b".FIT"


def read(stream: BinaryIO) -> Imported:
    """Every session of one FIT activity file as a Record, with samples and problem lines."""
    data = stream.read()
    if not data:
        raise BadFile("is empty (0 bytes)", FileErrorKind.EMPTY)
    if not sniff(data[:12]):
        raise BadFile(
            "is not a FIT file: its first bytes are not a FIT header", FileErrorKind.NOT_THIS_FORMAT
        )
    content = _decoded_fast(data) if _fast_decoder_allowed() else None
    log.debug("records decoded by %s", "fitdecode" if content is None else "fitfast")
    if content is None:
        content = _decoded(data)
    table = _record_table(_record_matrix(content))
    problems = _damage_problems(content, data, has_data=bool(content.sessions) or not table.empty)
    sessions = content.sessions
    if not sessions:
        made_up = _session_without_summary(content, table)
        sessions = [_Session(made_up, content.last_sport, is_written=False)]
        problems.append(_missing_summary_problem(content, table))
    clock = _clock_of(content)
    device = _device_of(content)
    records: list[Record] = []
    starts_s = np.array([_session_start_s(session.values, table) for session in sessions])
    order = np.argsort(starts_s, kind="stable")
    owner = _owners(table["time_s"], starts_s[order])
    for position, index in enumerate(order):
        session = sessions[index]
        rows = table if len(sessions) == 1 else table[owner == position].reset_index(drop=True)
        label = _label(position, len(sessions))
        fields, notes = _fields_of(session, rows, content.timer, clock, starts_s[index], label)
        fields["device"] = device
        problems += notes
        records.append(Record(fields=fields, samples=_samples_of(rows, fields, clock)))
    return Imported(records=records, problems=problems)


# --- decoding ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Session:
    values: dict[str, Any]
    sport_message: dict[str, Any]  # the `sport` message written before this session
    is_written: bool = True  # False: made up from the records of a file without sessions


@dataclass(frozen=True)
class _Stop:
    """Where decoding stopped early, and why."""

    offset: int
    reason: str
    is_cut_short: bool  # the data ran out (truncated), rather than made no sense
    expected_bytes: int | None


@dataclass
class _Content:
    """What one pass of the decoder found: the few messages runlog uses, records as rows."""

    file_types: list[str] = field(default_factory=list)
    file_id: dict[str, Any] = field(default_factory=dict)
    creator: dict[str, Any] = field(default_factory=dict)
    sessions: list[_Session] = field(default_factory=list)
    last_sport: dict[str, Any] = field(default_factory=dict)
    lap_sport: dict[str, Any] = field(default_factory=dict)
    activity: dict[str, Any] = field(default_factory=dict)
    timer: list[tuple[float, str]] = field(default_factory=list)  # (FIT s, event_type)
    rows: list[list[Any]] = field(default_factory=list)  # fitdecode's records
    files: list[tuple[int, int]] = field(default_factory=list)  # (offset, bytes incl. CRC)
    stop: _Stop | None = None
    matrix: np.ndarray | None = None  # fitfast's records, already as _record_matrix gives
    crc_checked: bool = False  # fitfast checked every file's CRC

    @property
    def record_count(self) -> int:
        return len(self.rows) if self.matrix is None else len(self.matrix)


def decoder_for(data: bytes) -> str:
    """Which decoder read() uses for these FIT bytes: 'fitfast' or 'fitdecode'."""
    if _fast_decoder_allowed() and _decoded_fast(data) is not None:
        return "fitfast"
    return "fitdecode"


def _fast_decoder_allowed() -> bool:
    return _fit_fast.is_available() and os.environ.get(DECODER_SETTING) != "fitdecode"


def _decoded_fast(data: bytes) -> _Content | None:
    """What _decoded finds, with the records from fitfast; None when fitfast cannot vouch
    for them. A FIT file of another type (settings, course) chained with the activity goes
    to _decoded, which skips that file's records."""
    halves = _fit_fast.split(data, _RECORD_FIELDS, _MESSAGES_READ)
    if halves is None:
        return None
    content = _decoded(halves.other_messages)
    if content.stop is not None or any(kind != "activity" for kind in content.file_types):
        return None
    content.files = halves.files
    content.matrix = halves.records
    content.crc_checked = True
    return content


def _decoded(data: bytes) -> _Content:
    """One pass over the frames, keeping what was read before any error."""
    content = _Content()
    buffer = io.BytesIO(data)
    frames = iter(_reader(buffer))
    frame_start = 0
    is_activity = True
    while True:
        try:
            frame = next(frames)
        except StopIteration:
            break
        # fitdecode meets garbage with its own errors, and also with asserts, KeyError,
        # struct.error and the like; any of them ends the readable part of the file.
        except Exception as err:
            content.stop = _stop_of(err, frame_start, content.files)
            break
        frame_end = buffer.tell()
        kind = frame.frame_type
        if kind == fitdecode.FIT_FRAME_DATA:
            number = frame.global_mesg_num
            if number == _RECORD:
                if is_activity:
                    content.rows.append(_record_row(frame.fields))
            elif number == _FILE_ID:
                # A file_id without a type is read as the activity it most likely is.
                file_type = _text(_values(frame).get("type")) or "activity"
                content.file_types.append(file_type)
                is_activity = file_type == "activity"
                if is_activity and not content.file_id:
                    content.file_id = _values(frame)
            elif is_activity:
                _keep_message(content, number, frame)
        elif kind == fitdecode.FIT_FRAME_HEADER:
            is_activity = True
            content.files.append((frame_start, frame.header_size + frame.body_size + 2))
        frame_start = frame_end
    return content


def _keep_message(content: _Content, number: int, frame: Any) -> None:
    if number == _EVENT:
        values = _values(frame)
        time_s = _fit_time_s(values.get("timestamp"))
        if values.get("event") == "timer" and time_s is not None:
            content.timer.append((time_s, _text(values.get("event_type")) or ""))
    elif number == _SESSION:
        content.sessions.append(_Session(_values(frame), content.last_sport))
    elif number == _SPORT:
        content.last_sport = _values(frame)
    elif number == _LAP:
        values = _values(frame)
        content.lap_sport = {key: values.get(key) for key in ("sport", "sub_sport")}
    elif number == _ACTIVITY:
        content.activity = content.activity or _values(frame)
    elif number == _DEVICE_INFO and not content.creator:
        values = _values(frame)
        if values.get("device_index") in ("creator", 0, None):
            content.creator = values


def _reader(buffer: BinaryIO) -> fitdecode.FitReader:
    # No data processor: times stay FIT seconds (converted per column below, and kept
    # as they are for a watch that never set its clock). The CRC is checked per file
    # by _crc16, which is cheaper than fitdecode's check per frame.
    reader_class = _FastReader if _FAST_READER_FITS else fitdecode.FitReader
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return reader_class(
            buffer,
            processor=None,
            check_crc=fitdecode.CrcCheck.DISABLED,
            error_handling=fitdecode.ErrorHandling.IGNORE,
        )


def _values(frame: Any) -> dict[str, Any]:
    """A message's named values, without developer fields (they may reuse native names)."""
    values: dict[str, Any] = {}
    for item in frame.fields:
        definition = item.field_def
        if item.value is None or (definition is not None and definition.is_dev):
            continue
        if definition is None and item.name in values:
            continue  # a value expanded from a legacy field never replaces a written one
        values[item.name] = item.value
    return values


def _record_row(fields: list[Any]) -> list[Any]:
    """The wanted values of one record message, in _RECORD_FIELDS order (None: absent)."""
    row: list[Any] = [None] * len(_RECORD_FIELDS)
    for item in fields:
        index = _RECORD_INDEX.get(item.name)
        if index is None or item.value is None:
            continue
        definition = item.field_def
        if definition is None:
            # Expanded from a legacy field (speed -> enhanced_speed) or a compressed
            # timestamp: a value the device wrote itself comes first.
            if row[index] is None:
                row[index] = item.value
        elif not definition.is_dev:
            row[index] = item.value
    return row


def _stop_of(err: Exception, offset: int, files: list[tuple[int, int]]) -> _Stop:
    expected = files[-1][0] + files[-1][1] if files else None
    if isinstance(err, fitdecode.FitEOFError):
        return _Stop(offset, "the data ends", True, expected)
    if isinstance(err, fitdecode.FitHeaderError):
        return _Stop(offset, "a FIT header there is unreadable", False, expected)
    message = str(err).partition(": ")[2] if isinstance(err, fitdecode.FitError) else ""
    return _Stop(offset, message or "its data make no sense there", False, expected)


def _damage_problems(content: _Content, data: bytes, *, has_data: bool) -> list[Problem]:
    """Problem lines for a file read in part; BadFile (or NotAnActivity) when `has_data` is
    False, no session and no timed record having been read."""
    stop = content.stop
    if not has_data:
        if stop is not None and stop.is_cut_short:
            raise BadFile(
                f"ends after {len(data):,} of {stop.expected_bytes or len(data):,} bytes, "
                "before any session or record; upload cut short?",
                FileErrorKind.TRUNCATED,
            )
        if stop is not None:
            raise BadFile(
                f"is damaged at byte {stop.offset:,} ({stop.reason}) before any session "
                "or record could be read",
                FileErrorKind.DAMAGED,
            )
        others = [kind for kind in content.file_types if kind != "activity"]
        if others:
            raise NotAnActivity(f"is a FIT {others[0]} file, not a recorded activity")
        if content.record_count:
            raise BadFile(
                "has no session and no record with a readable time", FileErrorKind.NO_TIMES
            )
        raise NotAnActivity("holds no session and no records: nothing was recorded")
    problems: list[Problem] = []
    kept = _kept(content)
    if stop is not None and stop.is_cut_short:
        expected = max(stop.expected_bytes or 0, len(data))
        problems.append(
            Problem(
                f"ends after {len(data):,} of {expected:,} bytes (upload cut short?); "
                f"kept the {kept} read before the cut",
                FileErrorKind.TRUNCATED,
            )
        )
    elif stop is not None and content.files and stop.offset == sum(content.files[-1]):
        # Bytes after a complete FIT file that do not start another one: padding, or a
        # chained file whose header is damaged.
        problems.append(
            Problem(
                f"has {len(data) - stop.offset:,} bytes after the end of its FIT data that are "
                f"not FIT (a damaged second file?); kept the {kept} before them",
                FileErrorKind.DAMAGED,
            )
        )
    elif stop is not None:
        problems.append(
            Problem(
                f"is damaged at byte {stop.offset:,} of {len(data):,} ({stop.reason}); "
                f"kept the {kept} before it, the rest of the file is unreadable",
                FileErrorKind.DAMAGED,
            )
        )
    bad_files = [
        offset
        for offset, length in content.files
        if not content.crc_checked
        and offset + length <= len(data)
        and _crc16(data[offset : offset + length]) != 0
    ]
    if bad_files:
        problems.append(
            Problem(
                "fails its checksum, so some bytes changed after it was written; kept every "
                "message that could be read, but some values may be wrong",
                FileErrorKind.CHECKSUM,
            )
        )
    return problems


def _kept(content: _Content) -> str:
    sessions, records = len(content.sessions), content.record_count
    parts = []
    if sessions:
        parts.append(f"{sessions} session{'s' if sessions != 1 else ''}")
    parts.append(f"{records:,} record{'s' if records != 1 else ''}")
    return " and ".join(parts)


def _missing_summary_problem(content: _Content, table: pd.DataFrame) -> Problem:
    return Problem(
        f"has no session summary; distance and times come from its {len(table):,} records "
        f"and {len(content.timer)} timer events",
        FileErrorKind.NOTICE,
    )


# --- records as columns -----------------------------------------------------------------


def _record_matrix(content: _Content) -> np.ndarray:
    """The record rows as a float matrix (_RECORD_FIELDS columns), times in FIT seconds."""
    return _float_matrix(content.rows) if content.matrix is None else content.matrix


_TABLE_COLUMNS = pd.Index(
    [
        "time_s",
        "lat_deg",
        "lon_deg",
        "altitude_m",
        "distance_m",
        "speed_mps",
        "raw_cadence",
        "hr_bpm",
    ]
)


def _record_table(matrix: np.ndarray) -> pd.DataFrame:
    """Records as float columns in canonical units, sorted by time, one row per timestamp.

    time_s stays in FIT seconds. The Strava app writes GPS and distance in separate records
    with the same timestamp [FORMATS.md §1.9]: such rows merge, the first value of each
    column winning.
    """
    lat_deg = matrix[:, _LAT] * DEGREES_PER_SEMICIRCLE
    lon_deg = matrix[:, _LON] * DEGREES_PER_SEMICIRCLE
    # No fix: out of range, or exactly (0, 0) as some devices write before the first fix.
    no_fix = ~((np.abs(lat_deg) <= 90) & (np.abs(lon_deg) <= 180)) | (
        (lat_deg == 0) & (lon_deg == 0)
    )
    lat_deg[no_fix] = np.nan
    lon_deg[no_fix] = np.nan
    # FIT record.cadence counts one foot (or a crank's rpm); fractional_cadence is its
    # fraction. Doubling waits until the sport is known.
    cadence = matrix[:, _CADENCE] + np.nan_to_num(matrix[:, _FRACTIONAL_CADENCE])
    table = np.column_stack(
        [
            matrix[:, _T],
            lat_deg,
            lon_deg,
            _first_known(matrix[:, _ENHANCED_ALTITUDE], matrix[:, _ALTITUDE]),
            matrix[:, _DISTANCE],
            _first_known(matrix[:, _ENHANCED_SPEED], matrix[:, _SPEED]),
            cadence,
            matrix[:, _HR],
        ]
    )
    # Filtered and sorted as one numpy block: pandas would cost a millisecond a file.
    # A FIT time is a uint32; anything else is a garbled field, not a moment.
    is_time = (table[:, 0] >= 0) & (table[:, 0] < FIT_TIME_LIMIT_S)
    if not is_time.all():
        table = table[is_time]
    steps_s = np.diff(table[:, 0])
    if (steps_s < 0).any():
        table = table[np.argsort(table[:, 0], kind="stable")]
        steps_s = np.diff(table[:, 0])
    frame = pd.DataFrame(table, columns=_TABLE_COLUMNS)
    if (steps_s == 0).any():
        frame = frame.groupby("time_s", sort=False, as_index=False).first()
    return frame


def _float_matrix(rows: list[list[Any]]) -> np.ndarray:
    """Rows as a float64 matrix, NaN for None; tuples and odd values cleaned on the slow path."""
    if not rows:
        return np.empty((0, len(_RECORD_FIELDS)))
    try:
        return np.array(rows, dtype=np.float64)
    except (TypeError, ValueError):
        return np.array([[_number(value) for value in row] for row in rows], dtype=np.float64)


def _first_known(preferred: np.ndarray, fallback: np.ndarray) -> np.ndarray:
    return np.where(np.isnan(preferred), fallback, preferred)


def _owners(times_s: pd.Series, sorted_starts_s: np.ndarray) -> np.ndarray:
    """For each record, the position (in start order) of the session it belongs to.

    A session owns the records from its start to the next session's start: the same as
    its [start_time, timestamp] window in a sound file, and still sensible in files whose
    session end is wrong (an Edge export ending a session at its own start).
    """
    return np.searchsorted(sorted_starts_s[1:], times_s.to_numpy(), side="right")


# --- one session ------------------------------------------------------------------------


def _session_start_s(values: dict[str, Any], table: pd.DataFrame) -> float:
    start_s = _fit_time_s(values.get("start_time"))
    if start_s is not None:
        return start_s
    end_s = _fit_time_s(values.get("timestamp"))
    elapsed_s = _positive(values.get("total_elapsed_time"))
    if end_s is not None and elapsed_s is not None and elapsed_s <= end_s:
        return end_s - elapsed_s
    return float(table["time_s"].iloc[0]) if len(table) else math.nan


def _session_without_summary(content: _Content, table: pd.DataFrame) -> dict[str, Any]:
    """A session made from what precedes it in the file: sport messages and laps."""
    sport = content.last_sport or content.lap_sport
    values: dict[str, Any] = {key: sport.get(key) for key in ("sport", "sub_sport")}
    if len(table):
        values["start_time"] = float(table["time_s"].iloc[0])
        values["timestamp"] = float(table["time_s"].iloc[-1])
    return values


def _fields_of(
    session: _Session,
    rows: pd.DataFrame,
    timer: list[tuple[float, str]],
    clock: _Clock,
    start_s: float,
    label: str,
) -> tuple[dict[str, Any], list[Problem]]:
    """The canonical fields of one session, and problem lines about its totals and date."""
    values = session.values
    elapsed_s, moving_s = _durations_s(values, rows, timer, start_s)
    distance_m = _positive(values.get("total_distance"))
    problems: list[Problem] = []
    if distance_m is None:
        distance_m = _distance_from_records_m(rows)
        if distance_m > 0 and session.is_written:
            problems.append(
                Problem(
                    f"{label}has no total distance; used {distance_m / 1000:,.2f} km "
                    "measured from its records",
                    FileErrorKind.NOTICE,
                )
            )
    speed_mps = distance_m / moving_s if moving_s > 0 else math.nan
    moving_cadence = _moving_values(rows["raw_cadence"].to_numpy(), rows)
    sport, sub_sport = _sport_of_session(session, moving_cadence, speed_mps)
    fields: dict[str, Any] = {
        "start_time_utc": clock.utc_start(start_s),
        "sport": sport,
        "sub_sport": sub_sport,
        "distance_m": distance_m,
        "elapsed_s": elapsed_s,
        "moving_s": moving_s,
        "avg_speed_mps": speed_mps,
        "avg_cadence_spm": _avg_cadence_spm(values, sport, moving_cadence),
        "avg_hr_bpm": _avg_hr_bpm(values, rows),
        **_position_fields(rows, sub_sport),
    }
    words = (values.get("sport_profile_name"), session.sport_message.get("name"))
    fields["surface"] = _surface(sport, sub_sport, words, fields["has_gps"])
    fields["ascent_m"], fields["descent_m"] = _climb_m(values, rows)
    if clock.utc_offset_s is not None:
        fields["utc_offset_s"] = clock.utc_offset_s
    if start_s < FIT_SYSTEM_TIME_BELOW:
        local_start = clock.local_start(start_s)
        if local_start is None:
            problems.append(
                Problem(
                    f"{label}the watch's clock was never set, so this run has no date; "
                    "runlog cannot put it on a calendar",
                    FileErrorKind.NO_TIMES,
                )
            )
        else:
            fields["start_time_local"] = local_start
            problems.append(
                Problem(
                    f"{label}the watch's UTC clock was never set; dated "
                    f"{local_start:%Y-%m-%d %H:%M} local time from the watch's own local clock",
                    FileErrorKind.NOTICE,
                )
            )
    return fields, problems


def _durations_s(
    values: dict[str, Any], rows: pd.DataFrame, timer: list[tuple[float, str]], start_s: float
) -> tuple[float, float]:
    """Elapsed and moving seconds: the session's totals, else the records and timer events."""
    times_s = rows["time_s"].to_numpy()
    span_s = float(times_s[-1] - times_s[0]) if len(times_s) > 1 else 0.0
    end_s = _fit_time_s(values.get("timestamp"))
    if end_s is None or end_s < start_s:
        end_s = float(times_s[-1]) if len(times_s) else start_s
    elapsed_s = _positive(values.get("total_elapsed_time"))
    if elapsed_s is None:
        elapsed_s = max(end_s - start_s, span_s)
    moving_s = _positive(values.get("total_timer_time"))
    if moving_s is None:
        moving_s = _timer_moving_s(timer, start_s, end_s)
    if moving_s is None:
        moving_s = elapsed_s
    # The wall clock cannot run slower than the timer: when a session says it did (an Edge
    # export: 1,632 s elapsed, 2,760 s timer, 2,759 s of 1 Hz records), its elapsed is wrong.
    return max(elapsed_s, moving_s), moving_s


def _sport_of_session(
    session: _Session, moving_cadence: np.ndarray, speed_mps: float
) -> tuple[str, str | None]:
    """The canonical sport and the raw sub_sport (lower case) of one session."""
    values, sport_message = session.values, session.sport_message
    raw_sport = _text(values.get("sport")) or _text(sport_message.get("sport"))
    sub_sport = _text(values.get("sub_sport")) or _text(sport_message.get("sub_sport"))
    if raw_sport == "transition":
        return "other", "transition"
    names = (values.get("sport_profile_name"), sport_message.get("name"))
    sport = sport_of(raw_sport, sub_sport, *names)
    # Garmin's Fenix 2 records a run as sport `generic` when the watch's activity profile
    # was not set to Run; its cadence and pace still say what it was.
    is_unnamed = sport == "other" and raw_sport in (None, "generic")
    if is_unnamed and _looks_like_running(moving_cadence, speed_mps):
        return "running", sub_sport
    return sport, sub_sport


def _position_fields(rows: pd.DataFrame, sub_sport: str | None) -> dict[str, Any]:
    """has_gps and the first GPS point, which the loader uses to find the time zone.

    A virtual ride or run (Zwift) carries positions in a made-up world (Watopia lies off the
    Solomon Islands, UTC+11): they say nothing about where the runner was, so they count
    as no GPS here while the samples keep them.
    """
    lat_deg, lon_deg = rows["lat_deg"].to_numpy(), rows["lon_deg"].to_numpy()
    is_fix = ~(np.isnan(lat_deg) | np.isnan(lon_deg))
    if not is_fix.any() or sub_sport == "virtual_activity":
        return {"has_gps": False, "start_lat_deg": math.nan, "start_lon_deg": math.nan}
    first = int(np.argmax(is_fix))
    return {
        "has_gps": True,
        "start_lat_deg": float(lat_deg[first]),
        "start_lon_deg": float(lon_deg[first]),
    }


def _label(position: int, count: int) -> str:
    return f"session {position + 1} of {count}: " if count > 1 else ""


def _timer_moving_s(timer: list[tuple[float, str]], start_s: float, end_s: float) -> float | None:
    """Seconds the timer ran between start_s and end_s, from timer start/stop events.

    The timer runs from the start; a stop or stop_all pauses it (auto-pause too, with
    timer_trigger auto) until the next start. A gap between records with no stop event is
    smart recording, not a pause. None when the session has no timer events.
    """
    events = sorted((t, kind) for t, kind in timer if start_s <= t <= end_s)
    if not events:
        return None
    moving_s = 0.0
    running_since: float | None = start_s
    for time_s, kind in events:
        if kind == "start" and running_since is None:
            running_since = time_s
        elif kind in TIMER_STOPS and running_since is not None:
            moving_s += time_s - running_since
            running_since = None
    if running_since is not None:
        moving_s += end_s - running_since
    return moving_s


def _distance_from_records_m(rows: pd.DataFrame) -> float:
    """Distance over the records: their own odometer, else the GPS track, else 0."""
    odometer = rows["distance_m"].dropna()
    if len(odometer) > 1 and odometer.max() > odometer.min():
        return float(odometer.max() - odometer.min())
    track = rows[["lat_deg", "lon_deg"]].dropna()
    if len(track) < 2:
        return 0.0
    lat_deg, lon_deg = track["lat_deg"].to_numpy(), track["lon_deg"].to_numpy()
    return float(great_circle_m(lat_deg[:-1], lon_deg[:-1], lat_deg[1:], lon_deg[1:]).sum())


def _moving_values(values: np.ndarray, rows: pd.DataFrame) -> np.ndarray:
    """The positive values taken while moving: zero means no reading, slow means standing."""
    speed_mps = rows["speed_mps"].to_numpy()
    moving = (values > 0) & ~(speed_mps < STOPPED_BELOW_MPS)
    return values[moving]


def _looks_like_running(moving_cadence: np.ndarray, speed_mps: float) -> bool:
    if moving_cadence.size == 0 or not RUN_SPEED_MPS[0] <= speed_mps <= RUN_SPEED_MPS[1]:
        return False
    median = float(np.median(moving_cadence))
    low, high = RUN_STRIDES_PER_MIN
    return low <= median <= high or 2 * low <= median <= 2 * high


def _avg_cadence_spm(values: dict[str, Any], sport: str, moving_cadence: np.ndarray) -> float:
    """The session's average steps/min: its own value, else the moving samples' mean.

    NaN for sports that are not on foot: a bike's cadence is crank turns, not steps.
    """
    if sport not in FOOT_SPORTS:
        return math.nan
    # avg_running_cadence is the name fitdecode gives avg_cadence when sport is running.
    cadence = _positive(values.get("avg_running_cadence")) or _positive(values.get("avg_cadence"))
    if cadence is not None:
        cadence += _number(values.get("avg_fractional_cadence")) or 0.0
        return cadence * one_foot_factor(cadence, sport)
    if moving_cadence.size == 0:
        return math.nan
    factor = one_foot_factor(float(np.median(moving_cadence)), sport)
    return float(moving_cadence.mean() * factor)


def _avg_hr_bpm(values: dict[str, Any], rows: pd.DataFrame) -> float:
    average = _positive(values.get("avg_heart_rate"))
    if average is not None:
        return average
    beats = rows["hr_bpm"].to_numpy()
    beats = beats[beats > 0]
    return float(beats.mean()) if beats.size else math.nan


def _climb_m(values: dict[str, Any], rows: pd.DataFrame) -> tuple[float, float]:
    """Total ascent and descent: the session's, else from the altitude samples, smoothed.

    Each altitude is averaged with its neighbours (0.3, 0.4, 0.3, as gpxpy does) before the
    rises and falls are summed, so that sensor jitter does not count as climbing.
    """
    ascent_m = _number(values.get("total_ascent"))
    descent_m = _number(values.get("total_descent"))
    if ascent_m is not None and descent_m is not None:
        return ascent_m, descent_m
    altitude_m = rows["altitude_m"].dropna().to_numpy()
    if altitude_m.size < 2:
        return (
            ascent_m if ascent_m is not None else math.nan,
            descent_m if descent_m is not None else math.nan,
        )
    smoothed = altitude_m.copy()
    smoothed[1:-1] = 0.3 * altitude_m[:-2] + 0.4 * altitude_m[1:-1] + 0.3 * altitude_m[2:]
    steps_m = np.diff(smoothed)
    return (
        ascent_m if ascent_m is not None else float(steps_m[steps_m > 0].sum()),
        descent_m if descent_m is not None else float(-steps_m[steps_m < 0].sum()),
    )


def _surface(sport: str, sub_sport: str | None, words: tuple[Any, ...], has_gps: bool) -> str:
    if sport not in FOOT_SPORTS:
        return "unknown"  # a ride or a swim without GPS is not a treadmill run
    return surface_of(
        sub_sport=sub_sport,
        words=words,
        has_gps=has_gps,
        is_indoor=sub_sport in INDOOR_SUB_SPORTS,
    )


def _samples_of(rows: pd.DataFrame, fields: dict[str, Any], clock: _Clock) -> pd.DataFrame | None:
    """The session's samples in schema.SAMPLE_COLUMNS (without activity_id)."""
    if rows.empty:
        return None
    sport = fields["sport"]
    cadence = rows["raw_cadence"].to_numpy()
    if sport in FOOT_SPORTS:
        moving = _moving_values(cadence, rows)
        if moving.size:
            cadence = cadence * one_foot_factor(float(np.median(moving)), sport)
    # Other sports keep their cadence as the device wrote it (a bike's rpm); their
    # avg_cadence_spm is NaN, so no rule reads it as steps.
    return pd.DataFrame(
        {
            "time_utc": clock.sample_times(rows["time_s"].to_numpy()),
            "lat_deg": rows["lat_deg"].to_numpy(),
            "lon_deg": rows["lon_deg"].to_numpy(),
            "altitude_m": rows["altitude_m"].to_numpy(),
            "distance_m": rows["distance_m"].to_numpy(),
            "speed_mps": rows["speed_mps"].to_numpy(),
            "cadence_spm": cadence,
            "hr_bpm": rows["hr_bpm"].to_numpy(),
        }
    )


# --- time -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Clock:
    """How FIT seconds become times: UTC, or local wall time for a watch without UTC."""

    utc_offset_s: int | None  # the device's sane UTC offset
    local_minus_system_s: float | None  # local wall time = system time + this

    def utc_start(self, start_s: float) -> pd.Timestamp:
        if math.isnan(start_s) or start_s < FIT_SYSTEM_TIME_BELOW:
            return pd.NaT
        return pd.Timestamp(FIT_EPOCH_UNIX_S + start_s, unit="s", tz="UTC")

    def local_start(self, start_s: float) -> pd.Timestamp | None:
        if self.local_minus_system_s is None:
            return None
        return pd.Timestamp(FIT_EPOCH_UNIX_S + start_s + self.local_minus_system_s, unit="s")

    def sample_times(self, times_s: np.ndarray) -> pd.DatetimeIndex:
        """UTC times; for a watch without UTC, its local wall times as if UTC (the loader
        shifts them once it knows the zone); NaT when neither is known."""
        shift_s = 0.0
        if times_s.size and times_s[0] < FIT_SYSTEM_TIME_BELOW:
            shift_s = self.local_minus_system_s if self.local_minus_system_s is not None else np.nan
        seconds = times_s + shift_s + FIT_EPOCH_UNIX_S
        is_whole = np.isfinite(seconds).all() and (seconds == np.floor(seconds)).all()
        if is_whole and not (np.abs(seconds) >= MAX_DATETIME_S).any():
            # Whole seconds (as FIT times are) in integer nanoseconds: 6x faster than
            # to_datetime, and the same instants.
            nanoseconds = seconds.astype(np.int64) * 1_000_000_000
            return pd.DatetimeIndex(nanoseconds.view("M8[ns]"), tz="UTC")
        return pd.to_datetime(seconds, unit="s", utc=True).as_unit("ns")


def _clock_of(content: _Content) -> _Clock:
    """The device's UTC offset, or the local clock of a watch that never learnt UTC.

    activity.local_timestamp is local wall time written as FIT seconds, so local minus
    timestamp is the offset [FORMATS.md §1.6]. Offsets beyond ±14 h are garbage (Zwift
    writes the FIT epoch, an Edge export a 1989 time). COROS copies timestamp into
    local_timestamp wherever the run was (a Czech run at UTC+1, a Colombian one at UTC-5,
    both saying +0), so a zero offset from COROS is no statement at all.
    """
    timestamp_s = _fit_time_s(content.activity.get("timestamp"))
    local_s = _fit_time_s(content.activity.get("local_timestamp"))
    if timestamp_s is None or local_s is None or local_s < FIT_SYSTEM_TIME_BELOW:
        return _Clock(None, None)
    if timestamp_s < FIT_SYSTEM_TIME_BELOW:
        return _Clock(None, local_s - timestamp_s)
    offset_s = round((local_s - timestamp_s) / UTC_OFFSET_STEP_S) * UTC_OFFSET_STEP_S
    is_coros_copy = offset_s == 0 and _text(content.file_id.get("manufacturer")) == "coros"
    if abs(offset_s) > MAX_UTC_OFFSET_S or is_coros_copy:
        return _Clock(None, None)
    return _Clock(int(offset_s), None)


# --- device -----------------------------------------------------------------------------


def _device_of(content: _Content) -> str | None:
    """Maker and product of the recording device: 'garmin fenix5', 'coros COROS APEX Pro'.

    file_id names the file's creator; the creator's device_info fills what it leaves out
    (a Forerunner 15 file_id says product 1932, its device_info says fr15).
    """
    file_id, creator = content.file_id, content.creator
    maker = _text(file_id.get("manufacturer")) or _text(creator.get("manufacturer"))
    candidates = [
        file_id.get("product_name"),
        file_id.get("garmin_product"),
        creator.get("product_name"),
        creator.get("garmin_product"),
        file_id.get("product"),
        creator.get("product"),
    ]
    named = [value for value in candidates if isinstance(value, str) and value.strip()]
    numbered = [value for value in candidates if value is not None and value not in named]
    product = named[0].strip() if named else (str(numbered[0]) if numbered else None)
    parts = [part for part in (maker, product) if part]
    return " ".join(parts) if parts else None


# --- values -----------------------------------------------------------------------------


def _number(value: Any) -> float | None:
    """A decoded value as a float: a tuple's first element; None if not a finite number."""
    if isinstance(value, tuple):
        value = value[0] if value else None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _fit_time_s(value: Any) -> float | None:
    """A FIT time in seconds, or None when the value cannot be one (a FIT time is a uint32)."""
    number = _number(value)
    return number if number is not None and 0 <= number < FIT_TIME_LIMIT_S else None


def _positive(value: Any) -> float | None:
    number = _number(value)
    return number if number is not None and number > 0 else None


def _text(value: Any) -> str | None:
    """An enum or string value as lower-case text ('running', '67' for an unnamed one)."""
    if isinstance(value, tuple):
        value = value[0] if value else None
    if value is None or isinstance(value, bytes | bool):
        return None
    text = str(value).strip().lower()
    return text or None


# --- CRC --------------------------------------------------------------------------------


@cache
def _crc_table() -> np.ndarray:
    """The byte table of FIT's CRC-16 (reflected polynomial 0xA001, as CRC-16/ARC)."""
    table = np.arange(256, dtype=np.uint32)
    for _ in range(8):
        table = np.where(table & 1, (table >> 1) ^ 0xA001, table >> 1)
    return table.astype(np.uint32)


def _crc16(data: bytes) -> int:
    """FIT's CRC-16 of `data`; 0 for a FIT file whose stored CRC matches.

    Computed over many slices at once with numpy and combined, because a byte loop in
    Python costs about 0.2 s per megabyte. The CRC is linear, so the CRC of two joined
    slices is the first one's run through as many zero bytes as the second is long,
    XOR the second's.
    """
    table = _crc_table()
    lane_bytes = max(64, math.isqrt(len(data)))
    lanes = len(data) // lane_bytes
    crc = 0
    if lanes >= 2:
        block = np.frombuffer(data, dtype=np.uint8, count=lanes * lane_bytes)
        block = block.reshape(lanes, lane_bytes).astype(np.uint32)
        lane_crc = np.zeros(lanes, dtype=np.uint32)
        for column in block.T:
            lane_crc = (lane_crc >> 8) ^ table[(lane_crc ^ column) & 0xFF]
        # Where each of the 16 register bits ends up after lane_bytes zero bytes.
        bits = np.uint32(1) << np.arange(16, dtype=np.uint32)
        for _ in range(lane_bytes):
            bits = (bits >> 8) ^ table[bits & 0xFF]
        shifted_bit = [int(value) for value in bits]
        for value in lane_crc.tolist():
            moved = 0
            for bit in range(16):
                if crc >> bit & 1:
                    moved ^= shifted_bit[bit]
            crc = moved ^ value
    byte_table = table.tolist()
    for byte in data[lanes * lane_bytes if lanes >= 2 else 0 :]:
        crc = (crc >> 8) ^ byte_table[(crc ^ byte) & 0xFF]
    return crc


# --- a faster fitdecode ------------------------------------------------------------------


class _FastReader(fitdecode.FitReader):
    """fitdecode's reader, unpacking each data message with one struct call.

    fitdecode reads a message field by field, a read and a struct call each; on a 1 Hz run
    that is most of the import time. This reads the message at once and parses each value
    with fitdecode's own parsers, so values come out the same (a test compares both
    readers on every real file). Used only with the fitdecode versions it was checked on.
    """

    _crc: int  # fitdecode's running CRC, untyped there

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._unpack_plans: dict[Any, tuple[struct.Struct, tuple[tuple[int, Any, bool], ...]]] = {}

    def _read_bytes(self, size: int) -> bytes:
        # The stream is always an in-memory BytesIO: one read returns all there is, so
        # fitdecode's loop for streams that deliver in pieces is not needed.
        if size <= 0:
            raise ValueError("size")
        chunk = self._fd.read(size)
        if len(chunk) != size:
            raise fitdecode.FitEOFError(size, len(chunk), self._read_offset)
        if self.check_crc is not fitdecode.CrcCheck.DISABLED:
            self._crc = fitdecode.utils.compute_crc(chunk, crc=self._crc)
        self._chunk_size += size
        self._read_offset += size
        self._read_size += size
        return chunk

    def _read_data_message_raw_values(self, def_mesg: Any) -> tuple[list[bytes], list[Any]]:
        plan = self._unpack_plans.get(def_mesg)
        if plan is None:
            plan = self._unpack_plans[def_mesg] = _unpack_plan(def_mesg)
        unpacker, steps = plan
        chunk = self._read_bytes(unpacker.size) if unpacker.size else b""
        flat = unpacker.unpack(chunk)
        raw_values: list[Any] = []
        position = 0
        for count, parse, is_byte_array in steps:
            if is_byte_array:
                raw_values.append(parse(flat[position : position + count]))
            elif count == 1:
                raw_values.append(parse(flat[position]))
            elif count:
                raw_values.append(
                    tuple(parse(value) for value in flat[position : position + count])
                )
            else:
                raw_values.append(None)
            position += count
        return [chunk], raw_values


def _unpack_plan(def_mesg: Any) -> tuple[struct.Struct, tuple[tuple[int, Any, bool], ...]]:
    """One struct for a whole message, and per field: value count, parser, is a byte array."""
    layout = def_mesg.endian
    steps = []
    for field_def in def_mesg.all_field_defs:
        base = field_def.base_type
        if base.fmt == "s":  # a string is one value of the field's whole size
            layout += f"{field_def.size}s"
            steps.append((1, base.parse, False))
            continue
        count = field_def.size // base.size
        layout += f"{count}{base.fmt}"
        steps.append((count, base.parse, base.identifier == _BYTE_TYPE_ID))
    return struct.Struct(layout), tuple(steps)


_BYTE_TYPE_ID = fitdecode.types.BASE_TYPE_BYTE.identifier
_FAST_READER_FITS = fitdecode.__version__.startswith(("0.10.", "0.11.")) and all(
    hasattr(fitdecode.FitReader, name) for name in ("_read_bytes", "_read_data_message_raw_values")
)
