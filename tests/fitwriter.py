"""A small FIT encoder for tests: definition and data messages, a 14-byte header and the CRC.

Tests build their own FIT files with it rather than copy real ones. Message and field names,
field numbers, base types, scales, offsets and enum names all come from fitdecode's profile,
so a message reads as it decodes: `FitMessage("session", {"total_distance": 5000.0,
"sport": "running"})`. Values are in fitdecode's units (metres, seconds, m/s, bpm), with
these exceptions: a `datetime` becomes FIT seconds (aware ones by their UTC value, so a
local wall time is passed as if it were UTC), an `int` for a time field is written raw (a
watch's system time below 0x10000000), and positions are semicircles.

`simple_run_fit` writes a whole run the way a Garmin watch does (file_id, sport, timer
events, 1 Hz records, lap, session, activity); `simple_run_messages` gives the same messages
as a list so a test can drop or change one before `encode_fit`.
"""

from __future__ import annotations

import datetime as dt
import math
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from fitdecode import profile, types

from analyzer.units import ONE_DEGREE_M

FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)
SEMICIRCLES_PER_DEGREE = 2**31 / 180
# a degree as runlog measures it (WGS84 equatorial radius, as gpxpy): tracks of known length
METRES_PER_DEGREE_LATITUDE = ONE_DEGREE_M
PROFILE_VERSION = 2132  # 21.32, a profile with every field used here
_FLOAT32 = types.BASE_TYPES[0x88]
_CRC_NIBBLES = (
    0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
    0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
)  # fmt: skip
_MESSAGE_NUMBERS = {message.name: number for number, message in profile.MESSAGE_TYPES.items()}


@dataclass(frozen=True)
class FitMessage:
    """One data message: profile field names to values, plus developer fields (float32)."""

    name: str
    fields: dict[str, Any]
    developer_fields: dict[str, float] = field(default_factory=dict)


def fit_crc(data: bytes, crc: int = 0) -> int:
    """The FIT CRC-16 of `data`, the SDK's nibble-table algorithm."""
    for byte in data:
        for nibble in (byte & 0xF, byte >> 4):
            tmp = _CRC_NIBBLES[crc & 0xF]
            crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ _CRC_NIBBLES[nibble]
    return crc


def fit_seconds(moment: dt.datetime) -> int:
    """Seconds since the FIT epoch; a naive datetime is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return round((moment - FIT_EPOCH).total_seconds())


def encode_fit(messages: Iterable[FitMessage], developer_base_type: int | None = None) -> bytes:
    """A complete FIT file (header, messages, CRC) holding `messages` in order; developer
    fields are float32, or declared with `developer_base_type` (to make a crafted file)."""
    body = _Body(developer_base_type)
    for message in messages:
        body.add(message)
    return wrap_fit(bytes(body.chunks))


def wrap_fit(data: bytes) -> bytes:
    """A FIT file around hand-made message bytes: a 14-byte header before, the CRC after."""
    header = struct.pack("<BBHI4s", 14, 0x20, PROFILE_VERSION, len(data), b".FIT")
    header += struct.pack("<H", fit_crc(header))
    return header + data + struct.pack("<H", fit_crc(header + data))


class _Body:
    """The data section: definitions emitted when a local message's layout changes."""

    def __init__(self, developer_base_type: int | None = None) -> None:
        self.developer_base_type = developer_base_type or _FLOAT32.identifier
        self.chunks = bytearray()
        self.layouts: dict[int, tuple] = {}  # local number -> layout it is defined as
        self.next_local = 0
        self.developer_numbers: dict[str, int] = {}

    def add(self, message: FitMessage) -> None:
        for name in message.developer_fields:
            if name not in self.developer_numbers:
                self._declare_developer_field(name)
        mesg_num = _MESSAGE_NUMBERS[message.name]
        encoded = [
            _encoded_field(mesg_num, name, value)
            for name, value in message.fields.items()
            if value is not None
        ]
        developer = [
            (self.developer_numbers[name], struct.pack("<f", value))
            for name, value in message.developer_fields.items()
        ]
        layout = (
            mesg_num,
            tuple((number, len(raw), base) for number, raw, base in encoded),
            tuple((number, len(raw)) for number, raw in developer),
        )
        local = self._local_for(layout)
        values = b"".join(raw for _, raw, _ in encoded) + b"".join(raw for _, raw in developer)
        self.chunks += bytes([local]) + values

    def _local_for(self, layout: tuple) -> int:
        for local, known in self.layouts.items():
            if known == layout:
                return local
        local = self.next_local
        self.next_local = (self.next_local + 1) % 16
        self.layouts[local] = layout
        mesg_num, fields, developer = layout
        header = 0x40 | local | (0x20 if developer else 0)
        self.chunks += struct.pack("<BBBHB", header, 0, 0, mesg_num, len(fields))
        for number, size, base in fields:
            self.chunks += struct.pack("<BBB", number, size, base)
        if developer:
            self.chunks += bytes([len(developer)])
            for number, size in developer:
                self.chunks += struct.pack("<BBB", number, size, 0)  # developer_data_index 0
        return local

    def _declare_developer_field(self, name: str) -> None:
        if not self.developer_numbers:
            self.add(
                FitMessage(
                    "developer_data_id",
                    {"developer_data_index": 0, "application_id": list(range(16))},
                )
            )
        number = len(self.developer_numbers)
        self.developer_numbers[name] = number
        self.add(
            FitMessage(
                "field_description",
                {
                    "developer_data_index": 0,
                    "field_definition_number": number,
                    "fit_base_type_id": self.developer_base_type,
                    "field_name": name,
                    "units": "",
                },
            )
        )


def _encoded_field(mesg_num: int, name: str, value: Any) -> tuple[int, bytes, int]:
    """(field number, encoded bytes, base type id) of one named value."""
    definition = _field_named(mesg_num, name)
    field_type = definition.type
    base = field_type if isinstance(field_type, types.BaseType) else field_type.base_type
    if base.name == "string":
        return definition.def_num, str(value).encode() + b"\x00", base.identifier
    values = list(value) if isinstance(value, list | tuple) else [value]
    raw = [_raw_number(definition, field_type, item) for item in values]
    packed = struct.pack(f"<{len(raw)}{base.fmt}", *raw)
    return definition.def_num, packed, base.identifier


def _field_named(mesg_num: int, name: str) -> Any:
    for definition in profile.MESSAGE_TYPES[mesg_num].fields.values():
        if definition.name == name:
            return definition
        for subfield in definition.subfields or ():
            if subfield.name == name:
                return subfield
    raise KeyError(f"{profile.MESSAGE_TYPES[mesg_num].name} has no field {name!r}")


def _raw_number(definition: Any, field_type: Any, value: Any) -> int | float:
    if isinstance(value, dt.datetime):
        return fit_seconds(value)
    if isinstance(value, str):
        names = {text: number for number, text in (field_type.enum or {}).items()}
        return names[value]
    if isinstance(value, bool):
        return int(value)
    scaled = (value + (definition.offset or 0)) * (definition.scale or 1)
    base = field_type if isinstance(field_type, types.BaseType) else field_type.base_type
    return float(scaled) if base.fmt in "fd" else round(scaled)


def simple_run_fit(
    start_time_utc: dt.datetime,
    duration_s: int,
    distance_m: float,
    *,
    cadence_spm: float | None = 170,
    sport: str = "running",
    sub_sport: str = "generic",
    local_offset_s: int | None = 3600,
    lat_deg: float | None = 55.68,
    lon_deg: float | None = 12.57,
    pauses: Sequence[tuple[int, int]] = (),
    hr_bpm: float | None = 140,
    steps_per_min_in_cadence: bool = False,
    profile_name: str | None = None,
) -> bytes:
    """A FIT activity of one session, as a Garmin watch writes it; see simple_run_messages."""
    return encode_fit(
        simple_run_messages(
            start_time_utc,
            duration_s,
            distance_m,
            cadence_spm=cadence_spm,
            sport=sport,
            sub_sport=sub_sport,
            local_offset_s=local_offset_s,
            lat_deg=lat_deg,
            lon_deg=lon_deg,
            pauses=pauses,
            hr_bpm=hr_bpm,
            steps_per_min_in_cadence=steps_per_min_in_cadence,
            profile_name=profile_name,
        )
    )


def simple_run_messages(
    start_time_utc: dt.datetime,
    duration_s: int,
    distance_m: float,
    *,
    cadence_spm: float | None = 170,
    sport: str = "running",
    sub_sport: str = "generic",
    local_offset_s: int | None = 3600,
    lat_deg: float | None = 55.68,
    lon_deg: float | None = 12.57,
    pauses: Sequence[tuple[int, int]] = (),
    hr_bpm: float | None = 140,
    steps_per_min_in_cadence: bool = False,
    profile_name: str | None = None,
) -> list[FitMessage]:
    """The messages of one session of `duration_s` wall-clock seconds (pauses included).

    Records come at 1 Hz except while paused: `pauses` are (offset_s, length_s) pairs, each
    written as a timer stop_all at the offset and a start after it. Distance grows at one
    speed over the moving seconds; the track heads north from (lat_deg, lon_deg), and no
    position is written when either is None. Running, walking and hiking cadence is
    written one foot per minute (cadence + fractional_cadence) unless
    `steps_per_min_in_cadence`, as some third-party writers do; other sports get
    `cadence_spm` as rpm. Altitude rises 20 m and falls back (session ascent 20 m).
    `local_offset_s` None writes no activity.local_timestamp.
    """
    start = start_time_utc.astimezone(dt.UTC)
    end = start + dt.timedelta(seconds=duration_s)
    paused_s = sum(length_s for _, length_s in pauses)
    moving_s = duration_s - paused_s
    speed_mps = distance_m / moving_s if moving_s else 0.0
    is_foot = sport in ("running", "walking", "hiking")
    # One foot per minute, as Garmin writes a run's cadence; None when written as it is.
    strides = None
    if cadence_spm is not None and is_foot and not steps_per_min_in_cadence:
        strides = cadence_spm / 2

    messages = [
        FitMessage(
            "file_id",
            {
                "type": "activity",
                "manufacturer": "garmin",
                "garmin_product": "fenix5",
                "serial_number": 3_900_000_001,
                "time_created": start,
            },
        ),
        FitMessage("sport", {"sport": sport, "sub_sport": sub_sport, "name": profile_name}),
    ]
    timeline = [(0, _timer_event(start, "start"))]
    for offset_s, length_s in pauses:
        timeline.append((offset_s, _timer_event(start, "stop_all", offset_s)))
        timeline.append((offset_s + length_s, _timer_event(start, "start", offset_s + length_s)))
    for second in range(duration_s + 1):
        if any(offset < second < offset + length for offset, length in pauses):
            continue
        moving_before_s = second - sum(
            min(max(second - offset, 0), length) for offset, length in pauses
        )
        record: dict[str, Any] = {
            "timestamp": start + dt.timedelta(seconds=second),
            "distance": speed_mps * moving_before_s,
            "enhanced_speed": speed_mps,
            "enhanced_altitude": 10 + 20 * math.sin(math.pi * second / max(duration_s, 1)),
            "heart_rate": None if hr_bpm is None else round(hr_bpm),
        }
        if lat_deg is not None and lon_deg is not None:
            north_deg = lat_deg + speed_mps * moving_before_s / METRES_PER_DEGREE_LATITUDE
            record["position_lat"] = round(north_deg * SEMICIRCLES_PER_DEGREE)
            record["position_long"] = round(lon_deg * SEMICIRCLES_PER_DEGREE)
        if strides is not None:
            record["cadence"] = math.floor(strides)
            record["fractional_cadence"] = strides - math.floor(strides)
        elif cadence_spm is not None:
            record["cadence"] = round(cadence_spm)
        timeline.append((second, FitMessage("record", record)))
    timeline.append((duration_s, _timer_event(start, "stop_all", duration_s)))
    timeline.sort(key=lambda item: item[0])  # stable: an event stays before its record
    messages += [message for _, message in timeline]

    totals: dict[str, Any] = {
        "timestamp": end,
        "start_time": start,
        "total_elapsed_time": float(duration_s),
        "total_timer_time": float(moving_s),
        "total_distance": float(distance_m),
        "enhanced_avg_speed": speed_mps,
        "total_ascent": 20,
        "total_descent": 20,
        "avg_heart_rate": None if hr_bpm is None else round(hr_bpm),
        "sport": sport,
        "sub_sport": sub_sport,
    }
    if strides is not None:
        totals["avg_running_cadence"] = math.floor(strides)
        totals["avg_fractional_cadence"] = strides - math.floor(strides)
    elif cadence_spm is not None:
        name = "avg_running_cadence" if is_foot else "avg_cadence"
        totals[name] = round(cadence_spm)
    messages.append(FitMessage("lap", {**totals, "event": "lap", "event_type": "stop"}))
    session = {**totals, "event": "session", "event_type": "stop", "num_laps": 1}
    session["first_lap_index"] = 0
    session["sport_profile_name"] = profile_name
    messages.append(FitMessage("session", session))
    activity: dict[str, Any] = {
        "timestamp": end,
        "total_timer_time": float(moving_s),
        "num_sessions": 1,
        "type": "manual",
        "event": "activity",
        "event_type": "stop",
    }
    if local_offset_s is not None:
        activity["local_timestamp"] = end + dt.timedelta(seconds=local_offset_s)
    messages.append(FitMessage("activity", activity))
    return messages


def _timer_event(start: dt.datetime, event_type: str, offset_s: int = 0) -> FitMessage:
    return FitMessage(
        "event",
        {
            "timestamp": start + dt.timedelta(seconds=offset_s),
            "event": "timer",
            "event_type": event_type,
            "timer_trigger": "manual",
            "event_group": 0,
        },
    )


def crafted_developer_field_fit(base_type_id: int = 0x55) -> bytes:
    """A run whose records carry a developer field of a base type no FIT profile has (0x55):
    its whole structure and CRC are right, and fitfast's decoder (rustyfit) divides by the
    type's size, zero, and panics."""
    messages = [
        FitMessage(message.name, message.fields, {"my_power": 200.0})
        if message.name == "record"
        else message
        for message in simple_run_messages(dt.datetime(2026, 3, 2, 7, tzinfo=dt.UTC), 600, 2000.0)
    ]
    return encode_fit(messages, developer_base_type=base_type_id)
