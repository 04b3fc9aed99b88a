"""The FIT importer reads the same with fitfast's records as with fitdecode alone.

Every real FIT file of the manifest (fit/ and broken/) and a file built for each trap is
read twice, once with RUNLOG_FIT_DECODER=fitdecode, and the two Imported results must
match: fields (floats within 1e-6 relative), samples frame by frame, problem lines.
"""

import datetime as dt
import gzip
import io
import math
import os
import struct
import zipfile

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.errors import BadFile
from analyzer.importers import Imported, fit
from analyzer.settings import Settings
from tests.conftest import manifest_rows
from tests.fitwriter import (
    FitMessage,
    crafted_developer_field_fit,
    encode_fit,
    fit_crc,
    simple_run_fit,
    simple_run_messages,
    wrap_fit,
)

pytest.importorskip("fitfast")

START = dt.datetime(2024, 5, 1, 6, 0, tzinfo=dt.UTC)
FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)


def outcome(data: bytes, monkeypatch, decoder: str) -> Imported | BadFile:
    options = Settings.from_environment({"RUNLOG_FIT_DECODER": decoder}).read_options("fit")
    try:
        return fit.read(io.BytesIO(data), **options)
    except BadFile as err:
        return err


def assert_same_both_ways(data: bytes, monkeypatch) -> None:
    slow = outcome(data, monkeypatch, "fitdecode")
    fast = outcome(data, monkeypatch, "auto")
    if isinstance(slow, BadFile) or isinstance(fast, BadFile):
        assert (type(fast), str(fast)) == (type(slow), str(slow))
        return
    assert fast.problems == slow.problems
    assert len(fast.records) == len(slow.records)
    for fast_record, slow_record in zip(fast.records, slow.records, strict=True):
        assert fast_record.fields.keys() == slow_record.fields.keys()
        for key, expected in slow_record.fields.items():
            assert same_value(fast_record.fields[key], expected), key
        if slow_record.samples is None:
            assert fast_record.samples is None
        else:
            pd.testing.assert_frame_equal(
                fast_record.samples, slow_record.samples, check_exact=False, rtol=1e-6
            )


def same_value(value, expected) -> bool:
    if isinstance(expected, float) and isinstance(value, float):
        if math.isnan(expected):
            return math.isnan(value)
        return math.isclose(value, expected, rel_tol=1e-6)
    if expected is pd.NaT:
        return value is pd.NaT
    return type(value) is type(expected) and value == expected


def decoder(data: bytes, monkeypatch) -> str:
    return fit.decoder_for(data)


# --- real files -------------------------------------------------------------------------

FIT_FILES = [
    row["file"]
    for row in manifest_rows()
    if row["format"] in ("fit", "fit.gz", "zip(fit)") or row["file"].lower().endswith(".fit")
]


def payload(real_data, name: str) -> bytes:
    raw = (real_data / name).read_bytes()
    if name.endswith(".gz"):
        return gzip.decompress(raw)
    if name.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            members = [m for m in archive.namelist() if not m.startswith("__MACOSX/")]
            return archive.read(members[0])
    return raw


@pytest.mark.parametrize(
    "name", [pytest.param(name, id=f"{name} reads the same both ways") for name in FIT_FILES]
)
def test_real_file(real_data, monkeypatch, name):
    assert_same_both_ways(payload(real_data, name), monkeypatch)


def test_most_real_files_take_the_fast_path(real_data, monkeypatch):
    """Not a vacuous comparison: the fast path reads the sound files, fitdecode the rest."""
    fast = {
        name for name in FIT_FILES if decoder(payload(real_data, name), monkeypatch) == "fitfast"
    }
    assert len(fast) >= 15
    assert not any(name.startswith("broken/fitparse__activity") for name in fast)
    # compressed_speed_distance is not expanded by fitfast
    assert "fit/fitparse__compressed-speed-distance.fit" not in fast


# --- built files, one per trap ----------------------------------------------------------


def with_records(messages: list[FitMessage], change) -> list[FitMessage]:
    return [change(message) if message.name == "record" else message for message in messages]


def renamed(renames: dict[str, str]):
    def change(message: FitMessage) -> FitMessage:
        return FitMessage("record", {renames.get(k, k): v for k, v in message.fields.items()})

    return change


def multisport() -> bytes:
    messages: list[FitMessage] = []
    start = START
    for sport, sub_sport, seconds, metres in (
        ("cycling", "road", 900, 7500.0),
        ("transition", "generic", 60, 50.0),
        ("running", "generic", 1200, 4000.0),
    ):
        leg = simple_run_messages(start, seconds, metres, sport=sport, sub_sport=sub_sport)
        leg = [m for m in leg if m.name != "activity" and not (messages and m.name == "file_id")]
        messages += leg
        start += dt.timedelta(seconds=seconds)
    activity = {"timestamp": start, "local_timestamp": start + dt.timedelta(hours=2)}
    return encode_fit([*messages, FitMessage("activity", activity)])


def split_records() -> bytes:
    """The Strava app's way: position and the rest in two records of one timestamp."""
    messages = []
    for message in simple_run_messages(START, 300, 900.0):
        if message.name != "record":
            messages.append(message)
            continue
        position = ("timestamp", "position_lat", "position_long")
        messages.append(FitMessage("record", {k: message.fields[k] for k in position}))
        rest = {k: v for k, v in message.fields.items() if k not in position[1:]}
        messages.append(FitMessage("record", rest))
    return encode_fit(messages)


def never_set_clock() -> bytes:
    """A watch that counts seconds since power-on but knows its local time."""
    offset = START - dt.timedelta(seconds=5000)

    def system_time(message: FitMessage) -> FitMessage:
        fields = dict(message.fields)
        for key in ("timestamp", "start_time"):
            if isinstance(fields.get(key), dt.datetime):
                fields[key] = round((fields[key] - offset).total_seconds())
        return FitMessage(message.name, fields, message.developer_fields)

    messages = [system_time(m) for m in simple_run_messages(START, 600, 1800.0)]
    return encode_fit(messages)


def compressed_timestamps() -> bytes:
    """Records timed by compressed headers (5-bit offsets), with a timer event between."""
    head = encode_fit(
        [
            FitMessage("file_id", {"type": "activity", "manufacturer": "garmin"}),
            FitMessage("event", {"timestamp": START, "event": "timer", "event_type": "start"}),
        ]
    )[14:-2]
    start_s = round((START - FIT_EPOCH).total_seconds())
    body = struct.pack("<BBBHB", 0x41, 0, 0, 20, 3)  # record, local 1: timestamp, hr, distance
    body += struct.pack("<BBBBBBBBB", 253, 4, 0x86, 3, 1, 2, 5, 4, 0x86)
    body += b"\x01" + struct.pack("<IBI", start_s, 120, 0)
    body += struct.pack("<BBBHB", 0x42, 0, 0, 20, 2)  # record, local 2: hr, distance
    body += struct.pack("<BBBBBB", 3, 1, 2, 5, 4, 0x86)
    for second in range(1, 200, 3):
        body += bytes([0x80 | 2 << 5 | (start_s + second) & 0x1F])
        body += struct.pack("<BI", 120 + second % 20, second * 300)
    tail = encode_fit(
        [
            FitMessage(
                "session",
                {
                    "timestamp": START + dt.timedelta(seconds=199),
                    "start_time": START,
                    "total_elapsed_time": 199.0,
                    "total_timer_time": 199.0,
                    "sport": "running",
                },
            )
        ]
    )[14:-2]
    return wrap_fit(head + body + tail)


def with_good_crc(data: bytes) -> bytes:
    """A changed file with its CRC made right again, so only the content is odd."""
    body = data[: len(data) - 2]
    return body + struct.pack("<H", fit_crc(body))


RUN = simple_run_fit(START, 300, 900.0)
BUILT = {
    "a plain run": simple_run_fit(START, 3000, 10_000.0),
    "a run with pauses": simple_run_fit(START, 3000, 9000.0, pauses=[(600, 120), (1800, 60)]),
    "a walk": simple_run_fit(START, 600, 700.0, cadence_spm=118, sport="walking"),
    "a ride in rpm": simple_run_fit(START, 600, 4000.0, cadence_spm=90, sport="cycling"),
    "steps/min in cadence": simple_run_fit(START, 600, 1800.0, steps_per_min_in_cadence=True),
    "a treadmill run": simple_run_fit(START, 600, 1800.0, lat_deg=None, lon_deg=None),
    "a virtual run": simple_run_fit(START, 600, 1800.0, sub_sport="virtual_activity"),
    "no local time": simple_run_fit(START, 600, 1800.0, local_offset_s=None),
    "a multisport file": multisport(),
    "two chained runs": RUN + simple_run_fit(START + dt.timedelta(hours=3), 600, 2000.0),
    "no session": encode_fit(
        [
            m
            for m in simple_run_messages(START, 900, 2700.0, pauses=[(300, 60)])
            if m.name not in ("session", "lap", "activity")
        ]
    ),
    "a session without distance": encode_fit(
        [
            FitMessage(m.name, {**m.fields, "total_distance": None}) if m.name == "session" else m
            for m in simple_run_messages(START, 600, 2000.0)
        ]
    ),
    "a developer field with its own name": encode_fit(
        with_records(
            simple_run_messages(START, 300, 900.0),
            lambda m: FitMessage("record", m.fields, {"Power": 250.0}),
        )
    ),
    "a developer field named distance": encode_fit(
        with_records(
            simple_run_messages(START, 300, 900.0),
            lambda m: FitMessage("record", m.fields, {"distance": 99_999.0}),
        )
    ),
    "legacy speed and altitude only": encode_fit(
        with_records(
            simple_run_messages(START, 300, 900.0),
            renamed({"enhanced_speed": "speed", "enhanced_altitude": "altitude"}),
        )
    ),
    "legacy and enhanced fields that disagree": encode_fit(
        with_records(
            simple_run_messages(START, 300, 900.0),
            lambda m: FitMessage("record", {**m.fields, "speed": 9.0, "altitude": 900.0}),
        )
    ),
    "records sharing a timestamp": split_records(),
    "a watch whose clock was never set": never_set_clock(),
    "compressed timestamps": compressed_timestamps(),
    "a settings file chained before the run": encode_fit(
        [FitMessage("file_id", {"type": "settings"}), FitMessage("user_profile", {"weight": 70.0})]
    )
    + RUN,
    "a file cut short": RUN[: len(RUN) * 3 // 5],
    "a wrong checksum": RUN[:-1] + bytes([RUN[-1] ^ 0xFF]),
    "bytes after the end": RUN + b"\xff" * 40,
    "an undefined message": with_good_crc(RUN[:2000] + b"\x0f" + RUN[2000:]),
    "a float timestamp": wrap_fit(
        struct.pack("<BBBHB", 0x49, 0, 0, 20, 1)
        + struct.pack("<BBB", 253, 8, 0x89)
        + b"\x09"
        + struct.pack("<d", 1.08e9)
        + RUN[14:-2]
    ),
}


def unknown_base_type() -> bytes:
    """file_id's first field made field 200 (no such field) of base type 0xD2 (no such
    type): fitfast panicked on such a field, printing a Rust backtrace on the terminal."""
    data = bytearray(RUN)
    assert data[14] & 0x40 and data[17:19] == b"\x00\x00"  # file_id's definition comes first
    data[20], data[22] = 200, 0xD2
    return with_good_crc(bytes(data))


BUILT["a field of a base type FIT does not have"] = unknown_base_type()
# Files fitfast would read wrong, or not at all: fitdecode reads them. All others: fitfast.
SLOW = {
    "a field of a base type FIT does not have",
    "a developer field named distance",
    "legacy and enhanced fields that disagree",
    "a settings file chained before the run",
    "a file cut short",
    "a wrong checksum",
    "bytes after the end",
    "an undefined message",
    "a float timestamp",
}


@pytest.mark.parametrize(
    "name", [pytest.param(name, id=f"{name} reads the same") for name in BUILT]
)
def test_built_file(monkeypatch, name):
    assert_same_both_ways(BUILT[name], monkeypatch)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param(name, expected, id=f"{name} is read by {expected}")
        for name in BUILT
        for expected in ["fitdecode" if name in SLOW else "fitfast"]
    ],
)
def test_which_decoder_reads_a_built_file(monkeypatch, name, expected):
    assert decoder(BUILT[name], monkeypatch) == expected


def test_the_setting_turns_the_fast_decoder_off(monkeypatch):
    options = Settings.from_environment({"RUNLOG_FIT_DECODER": "fitdecode"}).read_options("fit")
    assert fit.decoder_for(BUILT["a plain run"], **options) == "fitdecode"
    assert fit.decoder_for(BUILT["a plain run"]) == "fitfast"


SHORT = simple_run_fit(START, 40, 120.0)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(position=st.integers(min_value=14, max_value=len(SHORT) - 3), value=st.integers(0, 255))
def test_a_changed_byte_with_a_good_checksum_reads_the_same(monkeypatch, position, value):
    data = bytearray(SHORT)
    data[position] = value
    assert_same_both_ways(with_good_crc(bytes(data)), monkeypatch)


def test_fitfast_says_nothing_on_the_terminal(capfd, monkeypatch):
    for data in BUILT.values():
        outcome(data, monkeypatch, "auto")
    assert capfd.readouterr() == ("", "")


def test_a_file_that_makes_fitfast_panic_prints_nothing_and_reads_with_fitdecode(
    monkeypatch, capfd
):
    # rustyfit divides by the size of a developer field's base type; 0x55 has none
    data = crafted_developer_field_fit()
    assert decoder(data, monkeypatch) == "fitdecode"
    assert_same_both_ways(data, monkeypatch)
    printed = capfd.readouterr()
    assert "panicked" not in printed.err and "RUST_BACKTRACE" not in printed.err


def test_what_another_thread_writes_to_stderr_meanwhile_is_not_lost(capfd):
    from analyzer.importers.fit import fast

    with fast._rust_panics_unprinted():
        os.write(2, b"a line of another thread\n")
    assert capfd.readouterr().err == "a line of another thread\n"
