"""How FIT bytes become Content: the few messages runlog uses, and records as rows.

Frames are read one by one and everything before a decoding error is kept (truncated
uploads, a Strava app file with an undefined message at byte 7,471, a chained file whose
second header is corrupt); Stop says where and why reading ended. Chained FIT files
(several headers in one file) are read in turn; a chained file of another type (settings,
course) keeps its file_id and nothing else. Developer fields (Stryd, Connect IQ) never
overwrite a native one.

Two decoders fill the same Content: fitfast (a Rust decoder, see fast.py) for the records
when it reads them exactly as fitdecode would, with fitdecode for the other messages; and
fitdecode alone for every other file, or every file when RUNLOG_FIT_DECODER=fitdecode.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

import fitdecode
import numpy as np

from analyzer.importers.fit import fast
from analyzer.importers.fit.reader import open_reader
from analyzer.importers.fit.values import as_text, fit_time_s

_FILE_ID, _SPORT, _SESSION, _LAP, _RECORD, _EVENT, _DEVICE_INFO, _ACTIVITY = (
    0, 12, 18, 19, 20, 21, 23, 34,
)  # fmt: skip
# The record fields runlog reads, in the order of a row; everything else is skipped.
RECORD_FIELDS = (
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
_RECORD_INDEX = {name: index for index, name in enumerate(RECORD_FIELDS)}
# The messages other than records that runlog reads: the fast path decodes these (and
# only these) with fitdecode.
_MESSAGES_READ = frozenset({_FILE_ID, _SPORT, _SESSION, _LAP, _EVENT, _DEVICE_INFO, _ACTIVITY})


@dataclass(frozen=True)
class Session:
    """One `session` message's values, and the `sport` message before it."""

    values: dict[str, Any]
    sport_message: dict[str, Any]  # the `sport` message written before this session
    is_written: bool = True  # False: made up from the records of a file without sessions


@dataclass(frozen=True)
class Stop:
    """Where decoding stopped early, and why."""

    offset: int
    reason: str
    is_cut_short: bool  # the data ran out (truncated), rather than made no sense
    expected_bytes: int | None


@dataclass
class Content:
    """What one pass of the decoder found: the few messages runlog uses, records as rows."""

    file_types: list[str] = field(default_factory=list)
    file_id: dict[str, Any] = field(default_factory=dict)
    creator: dict[str, Any] = field(default_factory=dict)
    sessions: list[Session] = field(default_factory=list)
    last_sport: dict[str, Any] = field(default_factory=dict)
    lap_sport: dict[str, Any] = field(default_factory=dict)
    activity: dict[str, Any] = field(default_factory=dict)
    timer: list[tuple[float, str]] = field(default_factory=list)  # (FIT s, event_type)
    rows: list[list[Any]] = field(default_factory=list)  # fitdecode's records
    files: list[tuple[int, int]] = field(default_factory=list)  # (offset, bytes incl. CRC)
    stop: Stop | None = None
    fields: dict[str, np.ndarray] | None = None  # fitfast's records, as record_fields gives
    crc_checked: bool = False  # fitfast checked every file's CRC

    @property
    def record_count(self) -> int:
        return len(self.rows) if self.fields is None else len(self.fields["timestamp"])


def decoder_for(data: bytes, *, use_fitfast: bool = True) -> str:
    """Which decoder read() uses for these FIT bytes: 'fitfast' or 'fitdecode'."""
    if use_fitfast and fast_decoder_allowed() and decoded_fast(data) is not None:
        return "fitfast"
    return "fitdecode"


def fast_decoder_allowed() -> bool:
    """Whether fitfast is installed (RUNLOG_FIT_DECODER=fitdecode: read's use_fitfast=False)."""
    return fast.is_available()


def decoded_fast(data: bytes) -> Content | None:
    """What decoded finds, with the records from fitfast; None when fitfast cannot vouch
    for them. A FIT file of another type (settings, course) chained with the activity goes
    to decoded, which skips that file's records."""
    halves = fast.split(data, RECORD_FIELDS, _MESSAGES_READ)
    if halves is None:
        return None
    content = decoded(halves.other_messages)
    if content.stop is not None or any(kind != "activity" for kind in content.file_types):
        return None
    content.files = halves.files
    content.fields = halves.records
    content.crc_checked = True
    return content


def decoded(data: bytes) -> Content:
    """One pass over the frames, keeping what was read before any error."""
    content = Content()
    buffer = io.BytesIO(data)
    frames = iter(open_reader(buffer))
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
                file_type = as_text(_values(frame).get("type")) or "activity"
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


def _keep_message(content: Content, number: int, frame: Any) -> None:
    if number == _EVENT:
        values = _values(frame)
        time_s = fit_time_s(values.get("timestamp"))
        if values.get("event") == "timer" and time_s is not None:
            content.timer.append((time_s, as_text(values.get("event_type")) or ""))
    elif number == _SESSION:
        content.sessions.append(Session(_values(frame), content.last_sport))
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
    """The wanted values of one record message, in RECORD_FIELDS order (None: absent)."""
    row: list[Any] = [None] * len(RECORD_FIELDS)
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


def _stop_of(err: Exception, offset: int, files: list[tuple[int, int]]) -> Stop:
    expected = files[-1][0] + files[-1][1] if files else None
    if isinstance(err, fitdecode.FitEOFError):
        return Stop(offset, "the data ends", True, expected)
    if isinstance(err, fitdecode.FitHeaderError):
        return Stop(offset, "a FIT header there is unreadable", False, expected)
    message = str(err).partition(": ")[2] if isinstance(err, fitdecode.FitError) else ""
    return Stop(offset, message or "its data make no sense there", False, expected)
