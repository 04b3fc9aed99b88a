"""The FIT importer: files built here for each trap, then every real FIT file of the manifest."""

import contextlib
import datetime as dt
import gzip
import io
import re
import struct
import zipfile

import fitdecode
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.errors import BadFile, NotAnActivity
from analyzer.importers import Imported, Record, fit
from analyzer.schema import SAMPLE_COLUMNS
from tests.conftest import manifest_rows
from tests.fitwriter import (
    METRES_PER_DEGREE_LATITUDE,
    FitMessage,
    encode_fit,
    fit_crc,
    fit_seconds,
    simple_run_fit,
    simple_run_messages,
    wrap_fit,
)
from tests.importers import reasons

START = dt.datetime(2024, 5, 1, 6, 0, tzinfo=dt.UTC)
START_UTC = pd.Timestamp(START)


def read(data: bytes) -> Imported:
    return fit.read(io.BytesIO(data))


def only(data: bytes) -> Record:
    imported = read(data)
    assert len(imported.records) == 1
    return imported.records[0]


def without(messages: list[FitMessage], *names: str) -> list[FitMessage]:
    return [message for message in messages if message.name not in names]


def changed(messages: list[FitMessage], name: str, **values) -> list[FitMessage]:
    """The messages with `values` set (None: removed) in every message called `name`."""
    result = []
    for message in messages:
        if message.name == name:
            message = FitMessage(name, {**message.fields, **values}, message.developer_fields)
        result.append(message)
    return result


def records_renamed(messages: list[FitMessage], renames: dict[str, str]) -> list[FitMessage]:
    result = []
    for message in messages:
        if message.name == "record":
            fields = {renames.get(key, key): value for key, value in message.fields.items()}
            message = FitMessage("record", fields)
        result.append(message)
    return result


# --- the encoder the fixtures use -------------------------------------------------------


def test_the_test_encoder_writes_files_fitdecode_reads_with_its_crc_checks_on():
    data = simple_run_fit(START, 120, 400.0, profile_name="Trail Run")
    counts: dict[str, int] = {}
    sessions = []
    with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE) as reader:
        for frame in reader:
            if frame.frame_type == fitdecode.FIT_FRAME_DATA:
                counts[frame.name] = counts.get(frame.name, 0) + 1
                if frame.name == "session":
                    sessions.append({field.name: field.value for field in frame.fields})
    assert counts["record"] == 121
    assert counts["session"] == counts["lap"] == counts["activity"] == 1
    assert sessions[0]["total_distance"] == 400.0
    assert sessions[0]["start_time"] == START
    assert sessions[0]["sport_profile_name"] == "Trail Run"
    assert fit_crc(data) == 0


@settings(max_examples=50, deadline=None)
@given(st.binary(min_size=1, max_size=3000))
def test_the_crc_matches_fitdecodes(data):
    assert fit._crc16(data) == fitdecode.utils.compute_crc(data)


def test_the_fast_reader_decodes_exactly_as_fitdecode():
    extra = FitMessage("record", {"timestamp": START, "distance": 1.0}, {"Speed": 2.5})
    data = encode_fit([*simple_run_messages(START, 60, 200.0, pauses=[(20, 5)]), extra])
    assert _frames(fit._FastReader, data) == _frames(fitdecode.FitReader, data)


def _frames(reader_class, data: bytes) -> list:
    frames = []
    reader = reader_class(
        io.BytesIO(data),
        processor=None,
        check_crc=fitdecode.CrcCheck.DISABLED,
        error_handling=fitdecode.ErrorHandling.IGNORE,
    )
    try:
        for frame in reader:
            if frame.frame_type == fitdecode.FIT_FRAME_DATA:
                frames.append(
                    (frame.name, [(item.name, repr(item.value)) for item in frame.fields])
                )
    except fitdecode.FitError as err:
        frames.append(("error", type(err).__name__))
    return frames


# --- recognising a FIT file -------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        pytest.param(simple_run_fit(START, 10, 30.0)[:64], True, id="a 14-byte header"),
        pytest.param(b"\x0c\x10" + b"\x00" * 6 + b".FIT", True, id="a 12-byte header"),
        pytest.param(b'<?xml version="1.0"?><gpx>', False, id="GPX is not FIT"),
        pytest.param(b"\x0e\x10\x00\x00\x00\x00", False, id="too short to be a header"),
        pytest.param(b"\x20" + b"\x00" * 7 + b".FIT", False, id="a header size FIT never has"),
    ],
)
def test_sniff(head, expected):
    assert fit.sniff(head) is expected


# --- one plain run ----------------------------------------------------------------------


def test_a_plain_run_has_the_session_totals_and_canonical_fields():
    record = only(simple_run_fit(START, 3000, 10_000.0))
    fields = record.fields
    assert fields["start_time_utc"] == START_UTC
    assert (fields["sport"], fields["sub_sport"], fields["surface"]) == (
        "running",
        "generic",
        "unknown",
    )
    assert fields["distance_m"] == 10_000.0
    assert fields["elapsed_s"] == fields["moving_s"] == 3000.0
    assert fields["avg_speed_mps"] == pytest.approx(10_000 / 3000)
    assert fields["avg_cadence_spm"] == pytest.approx(170)
    assert fields["avg_hr_bpm"] == 140
    assert (fields["ascent_m"], fields["descent_m"]) == (20, 20)
    assert fields["has_gps"] is True
    assert fields["start_lat_deg"] == pytest.approx(55.68, abs=1e-6)
    assert fields["start_lon_deg"] == pytest.approx(12.57, abs=1e-6)
    assert fields["device"] == "garmin fenix5"
    assert fields["utc_offset_s"] == 3600
    for loader_key in ("activity_id", "athlete", "source_path", "timezone", "local_date"):
        assert loader_key not in fields


def test_samples_have_the_canonical_columns_in_canonical_types():
    samples = only(simple_run_fit(START, 600, 2000.0)).samples
    expected = [name for name in SAMPLE_COLUMNS if name != "activity_id"]
    assert list(samples.columns) == expected
    assert str(samples["time_utc"].dtype) == "datetime64[ns, UTC]"
    assert all(samples[name].dtype == np.float64 for name in expected[1:])
    assert len(samples) == 601
    assert samples["time_utc"].iloc[0] == START_UTC
    assert samples["distance_m"].iloc[-1] == pytest.approx(2000, abs=0.01)
    assert samples["lat_deg"].iloc[-1] == pytest.approx(
        55.68 + 2000 / METRES_PER_DEGREE_LATITUDE, abs=1e-6
    )
    assert samples["cadence_spm"].eq(170).all()


# --- pauses and gaps --------------------------------------------------------------------


def test_a_pause_is_not_moving_time():
    fields = only(simple_run_fit(START, 3000, 9000.0, pauses=[(600, 120), (1800, 60)])).fields
    assert fields["elapsed_s"] == 3000
    assert fields["moving_s"] == 3000 - 180
    assert fields["avg_speed_mps"] == pytest.approx(9000 / 2820)


def test_without_a_session_a_pause_comes_from_the_timer_events():
    messages = simple_run_messages(START, 3000, 9000.0, pauses=[(600, 120)])
    imported = read(encode_fit(without(messages, "session", "lap", "activity")))
    fields = imported.records[0].fields
    assert fields["elapsed_s"] == 3000
    assert fields["moving_s"] == 2880
    assert fields["distance_m"] == pytest.approx(9000, abs=0.01)
    assert fields["sport"] == "running"  # from the sport message
    assert reasons(imported) == [
        "has no session summary; distance and times come from its 2,882 records and 4 timer events"
    ]


def test_a_smart_recording_gap_without_timer_events_is_still_moving():
    messages = without(simple_run_messages(START, 3000, 9000.0), "session", "lap", "activity")
    gap = (START + dt.timedelta(seconds=600), START + dt.timedelta(seconds=640))
    messages = [
        message
        for message in messages
        if message.name != "record" or not gap[0] < message.fields["timestamp"] < gap[1]
    ]
    fields = read(encode_fit(messages)).records[0].fields
    assert fields["moving_s"] == fields["elapsed_s"] == 3000


# --- cadence ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cadence_spm", "steps_in_cadence", "expected_spm"),
    [
        pytest.param(170, False, 170, id="one-foot cadence is doubled"),
        pytest.param(170, True, 170, id="a writer's steps/min is not doubled again"),
        pytest.param(167.3, False, 167.3, id="fractional cadence counts"),
        pytest.param(150, True, 150, id="a slow steps/min run is still not doubled"),
    ],
)
def test_run_cadence_becomes_steps_per_minute(cadence_spm, steps_in_cadence, expected_spm):
    data = simple_run_fit(
        START, 600, 1800.0, cadence_spm=cadence_spm, steps_per_min_in_cadence=steps_in_cadence
    )
    record = only(data)
    # fractional_cadence has 1/128 steps: 167.3 is written as 2 * (83 + 83/128) = 167.297
    assert record.fields["avg_cadence_spm"] == pytest.approx(expected_spm, abs=0.01)
    assert record.samples["cadence_spm"].median() == pytest.approx(expected_spm, abs=0.01)


def test_without_a_session_cadence_the_moving_samples_give_the_average():
    messages = changed(
        simple_run_messages(START, 600, 1800.0, cadence_spm=172),
        "session",
        avg_running_cadence=None,
        avg_fractional_cadence=None,
    )
    # Standing at the start: cadence 0 and speed 0 are a stop, not a slow cadence.
    standing = FitMessage(
        "record",
        {
            "timestamp": START - dt.timedelta(seconds=1),
            "cadence": 0,
            "enhanced_speed": 0.0,
            "distance": 0.0,
        },
    )
    index = next(i for i, message in enumerate(messages) if message.name == "record")
    messages.insert(index, standing)
    assert only(encode_fit(messages)).fields["avg_cadence_spm"] == pytest.approx(172)


def test_walking_cadence_is_doubled_and_a_ride_has_no_steps_cadence():
    walk = only(simple_run_fit(START, 600, 700.0, cadence_spm=118, sport="walking"))
    assert walk.fields["avg_cadence_spm"] == pytest.approx(118)
    ride = only(simple_run_fit(START, 600, 4000.0, cadence_spm=90, sport="cycling"))
    assert np.isnan(ride.fields["avg_cadence_spm"])
    assert ride.samples["cadence_spm"].isna().all()  # crank rpm is not steps: not in the column


# --- enhanced and legacy fields ---------------------------------------------------------


def test_legacy_speed_and_altitude_are_read_when_no_enhanced_field_is_written():
    messages = records_renamed(
        simple_run_messages(START, 300, 900.0),
        {"enhanced_speed": "speed", "enhanced_altitude": "altitude"},
    )
    samples = only(encode_fit(messages)).samples
    assert samples["speed_mps"].eq(3.0).all()
    assert samples["altitude_m"].iloc[0] == pytest.approx(10.0)


def test_an_enhanced_field_wins_over_the_legacy_one():
    messages = [
        FitMessage(
            message.name,
            {**message.fields, "speed": 9.0, "altitude": 900.0}
            if message.name == "record"
            else message.fields,
        )
        for message in simple_run_messages(START, 300, 900.0)
    ]
    samples = only(encode_fit(messages)).samples
    assert samples["speed_mps"].eq(3.0).all()
    assert samples["altitude_m"].iloc[0] == pytest.approx(10.0)


def test_a_developer_field_named_like_a_native_one_is_ignored():
    messages = [
        FitMessage("record", message.fields, {"distance": 99_999.0, "speed": 42.0})
        if message.name == "record"
        else message
        for message in simple_run_messages(START, 300, 900.0)
    ]
    samples = only(encode_fit(messages)).samples
    assert samples["distance_m"].max() == pytest.approx(900, abs=0.01)
    assert samples["speed_mps"].eq(3.0).all()


def test_records_sharing_a_timestamp_merge_into_one_sample():
    """The Strava app writes position and distance in separate records [docs/FORMATS.md §1.9]."""
    split = []
    for message in simple_run_messages(START, 300, 900.0):
        if message.name != "record":
            split.append(message)
            continue
        position = ("timestamp", "position_lat", "position_long")
        split.append(FitMessage("record", {key: message.fields[key] for key in position}))
        rest = {key: value for key, value in message.fields.items() if key not in position[1:]}
        split.append(FitMessage("record", rest))
    samples = only(encode_fit(split)).samples
    assert len(samples) == 301
    assert samples[["lat_deg", "distance_m", "hr_bpm"]].notna().all().all()


# --- sessions ---------------------------------------------------------------------------

LEGS = [  # sport, sub_sport, seconds, metres
    ("swimming", "open_water", 600, 500.0),
    ("transition", "generic", 120, 100.0),
    ("cycling", "road", 900, 7500.0),
    ("transition", "generic", 60, 50.0),
    ("running", "generic", 1200, 4000.0),
]


def triathlon_messages() -> list[FitMessage]:
    messages: list[FitMessage] = []
    start = START
    for sport, sub_sport, seconds, metres in LEGS:
        leg = simple_run_messages(start, seconds, metres, sport=sport, sub_sport=sub_sport)
        messages += leg if not messages else without(leg, "file_id")
        messages = without(messages, "activity")
        start += dt.timedelta(seconds=seconds)
    end = start
    activity = {"timestamp": end, "num_sessions": len(LEGS), "type": "auto_multi_sport"}
    activity["local_timestamp"] = end + dt.timedelta(hours=2)
    return [*messages, FitMessage("activity", activity)]


def test_a_multisport_file_is_one_record_per_leg_and_only_the_run_is_running():
    records = read(encode_fit(triathlon_messages())).records
    assert [record.fields["sport"] for record in records] == [
        "swimming",
        "other",
        "cycling",
        "other",
        "running",
    ]
    assert [record.fields["sub_sport"] for record in records] == [
        "open_water",
        "transition",
        "road",
        "transition",
        "generic",
    ]
    assert [record.fields["distance_m"] for record in records] == [leg[3] for leg in LEGS]
    assert all(record.fields["utc_offset_s"] == 7200 for record in records)
    run = records[-1]
    assert run.fields["start_time_utc"] == START_UTC + pd.Timedelta(seconds=1680)
    assert run.samples["time_utc"].min() >= run.fields["start_time_utc"]
    # A record at the moment one leg ends and the next starts belongs to the next.
    assert len(run.samples) == 1201
    assert len(records[3].samples) == 60
    assert np.isnan(records[2].fields["avg_cadence_spm"])


def test_chained_fit_files_are_read_as_one():
    first = simple_run_fit(START, 600, 2000.0)
    second = simple_run_fit(START + dt.timedelta(hours=3), 900, 3000.0)
    imported = read(first + second)
    assert [record.fields["distance_m"] for record in imported.records] == [2000.0, 3000.0]
    assert imported.problems == []


def test_a_session_without_distance_gets_it_from_the_records_with_a_problem_line():
    messages = changed(simple_run_messages(START, 600, 2000.0), "session", total_distance=0.0)
    imported = read(encode_fit(messages))
    assert imported.records[0].fields["distance_m"] == pytest.approx(2000, abs=0.01)
    assert reasons(imported) == ["has no total distance; used 2.00 km measured from its records"]


def test_without_an_odometer_the_gps_track_gives_the_distance():
    messages = changed(simple_run_messages(START, 600, 2000.0), "session", total_distance=None)
    messages = changed(messages, "record", distance=None)
    assert only(encode_fit(messages)).fields["distance_m"] == pytest.approx(2000, rel=0.001)


@pytest.mark.parametrize(
    ("cadence_spm", "distance_m", "sport"),
    [
        pytest.param(160, 7200.0, "running", id="generic at run cadence and pace is a run"),
        pytest.param(110, 2700.0, "walking", id="generic at walking pace is a walk"),
        pytest.param(None, 7200.0, "running", id="generic without cadence at a run's pace"),
        pytest.param(90, 18000.0, "cycling", id="generic at a ride's speed is a ride"),
    ],
)
def test_a_generic_session_is_what_it_moves_like(cadence_spm, distance_m, sport):
    # the rule of every track no word names (_track.record_of), as for an untyped GPX
    data = simple_run_fit(START, 2400, distance_m, cadence_spm=cadence_spm, sport="generic")
    assert only(data).fields["sport"] == sport


# --- time -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("local_offset_s", "expected_s"),
    [
        pytest.param(3600, 3600, id="+1 h"),
        pytest.param(-7 * 3600, -7 * 3600, id="-7 h"),
        pytest.param(5 * 3600 + 1800, 19800, id="+5:30 India"),
        pytest.param(3600 + 7, 3600, id="a few seconds of clock skew round away"),
        pytest.param(-fit_seconds(START), None, id="garbage: the FIT epoch (Zwift) is dropped"),
        pytest.param(20 * 3600, None, id="garbage: beyond 14 h is dropped"),
        pytest.param(None, None, id="no local_timestamp, no offset"),
    ],
)
def test_the_device_utc_offset(local_offset_s, expected_s):
    fields = only(simple_run_fit(START, 60, 200.0, local_offset_s=local_offset_s)).fields
    assert fields.get("utc_offset_s") == expected_s


def system_time_messages(*, local_end: dt.datetime | None) -> list[FitMessage]:
    """A run from a watch that never learnt UTC: times count seconds since power-on."""
    power_on = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)
    messages = simple_run_messages(power_on + dt.timedelta(seconds=5000), 600, 1800.0)
    messages = changed(messages, "file_id", time_created=None)
    return changed(messages, "activity", local_timestamp=local_end)


def test_a_watch_without_a_clock_keeps_its_totals_but_has_no_date():
    imported = read(encode_fit(system_time_messages(local_end=None)))
    fields = imported.records[0].fields
    assert fields["start_time_utc"] is pd.NaT
    assert "start_time_local" not in fields
    assert fields["distance_m"] == 1800.0
    assert reasons(imported) == [
        "the watch's clock was never set, so this run has no date; "
        "runlog cannot put it on a calendar"
    ]


def test_a_watch_without_utc_but_with_local_time_gets_a_local_start():
    local_end = dt.datetime(2012, 2, 13, 12, 10, tzinfo=dt.UTC)  # wall time, written as UTC
    imported = read(encode_fit(system_time_messages(local_end=local_end)))
    record = imported.records[0]
    assert record.fields["start_time_utc"] is pd.NaT
    assert record.fields["start_time_local"] == pd.Timestamp("2012-02-13 12:00")
    assert record.samples["time_utc"].iloc[0] == pd.Timestamp("2012-02-13 12:00", tz="UTC")
    assert "utc_offset_s" not in record.fields
    assert reasons(imported) == [
        "the watch's UTC clock was never set; dated 2012-02-13 12:00 local time from the "
        "watch's own local clock"
    ]


# --- sport and surface ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sub_sport", "profile_name", "has_gps", "surface"),
    [
        pytest.param("treadmill", None, False, "treadmill", id="treadmill without GPS"),
        pytest.param("indoor_running", None, False, "treadmill", id="indoor running"),
        pytest.param("trail", None, True, "trail", id="trail sub_sport"),
        pytest.param("generic", "Trail Run", True, "trail", id="a 'Trail Run' profile"),
        pytest.param("track", None, True, "track", id="track sub_sport"),
        pytest.param("generic", "Run", True, "unknown", id="generic outdoors is not road"),
    ],
)
def test_surface(sub_sport, profile_name, has_gps, surface):
    position = {} if has_gps else {"lat_deg": None, "lon_deg": None}
    data = simple_run_fit(
        START, 600, 1800.0, sub_sport=sub_sport, profile_name=profile_name, **position
    )
    fields = only(data).fields
    assert (fields["surface"], fields["has_gps"], fields["sub_sport"]) == (
        surface,
        has_gps,
        sub_sport,
    )
    if not has_gps:
        assert np.isnan(fields["start_lat_deg"])


def test_a_virtual_run_has_no_real_position_for_the_time_zone():
    data = simple_run_fit(START, 600, 1800.0, sub_sport="virtual_activity")
    record = only(data)
    assert (record.fields["has_gps"], record.fields["surface"]) == (False, "treadmill")
    assert np.isnan(record.fields["start_lat_deg"])
    assert record.samples["lat_deg"].notna().all()  # the virtual route stays in the samples


def test_a_ride_without_gps_is_not_a_treadmill_run():
    data = simple_run_fit(START, 600, 5000.0, sport="cycling", lat_deg=None, lon_deg=None)
    assert only(data).fields["surface"] == "unknown"


# --- files that are not (whole) activities ----------------------------------------------


@pytest.mark.parametrize("file_type", ["settings", "monitoring_b", "weight", "course"])
def test_a_fit_file_that_is_not_an_activity(file_type):
    data = encode_fit(
        [
            FitMessage("file_id", {"type": file_type, "manufacturer": "garmin"}),
            FitMessage("user_profile", {"weight": 70.0}),
        ]
    )
    with pytest.raises(NotAnActivity, match=f"is a FIT {file_type} file, not a recorded activity"):
        read(data)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        pytest.param(b"", "is empty (0 bytes)", id="zero bytes"),
        pytest.param(b"<gpx>...</gpx>", "is not a FIT file", id="not FIT at all"),
        pytest.param(simple_run_fit(START, 60, 200.0)[:40], "before any session", id="cut early"),
    ],
)
def test_unreadable_files_are_bad_files(data, words):
    with pytest.raises(BadFile, match=re.escape(words)):
        read(data)


def test_an_activity_file_with_nothing_recorded_is_not_an_activity():
    data = encode_fit([FitMessage("file_id", {"type": "activity", "manufacturer": "garmin"})])
    with pytest.raises(NotAnActivity, match="holds no session and no records"):
        read(data)


def test_records_without_times_and_no_session_are_a_bad_file():
    data = encode_fit(
        [
            FitMessage("file_id", {"type": "activity"}),
            FitMessage("record", {"distance": 10.0, "heart_rate": 120}),
        ]
    )
    with pytest.raises(BadFile, match="no record with a readable time"):
        read(data)


def test_a_file_cut_short_keeps_the_records_before_the_cut_and_says_so():
    data = simple_run_fit(START, 3000, 9000.0)
    cut = int(len(data) * 0.6)
    imported = read(data[:cut])
    record = imported.records[0]
    assert 1500 < len(record.samples) < 2000
    assert record.fields["start_time_utc"] == START_UTC
    assert record.fields["distance_m"] == pytest.approx(record.samples["distance_m"].max())
    assert imported.problems[0].reason == (
        f"ends after {cut:,} of {len(data):,} bytes (upload cut short?); kept the "
        f"{len(record.samples):,} records read before the cut"
    )


def test_an_undefined_message_keeps_what_precedes_it():
    data = simple_run_fit(START, 300, 900.0)
    # A data message header for local message 15, which nothing defined, mid-file.
    damaged = data[:2000] + bytes([0x0F]) + data[2000:]
    imported = read(damaged)
    assert 0 < len(imported.records[0].samples) < 301
    assert re.search(r"\(local message \d+ not defined\)", imported.problems[0].reason)
    assert imported.problems[0].reason.startswith("is damaged at byte")


@pytest.mark.parametrize(
    "tail",
    [pytest.param(b"\x00" * 5, id="a few stray bytes"), pytest.param(b"\xff" * 40, id="junk")],
)
def test_bytes_after_the_end_are_skipped_with_a_problem_line(tail):
    data = simple_run_fit(START, 300, 900.0)
    imported = read(data + tail)
    assert imported.records[0].fields["distance_m"] == 900.0
    assert reasons(imported) == [
        f"has {len(tail)} bytes after the end of its FIT data that are not FIT (a damaged "
        "second file?); kept the 1 session and 301 records before them"
    ]


def test_a_wrong_checksum_keeps_the_data_with_a_problem_line():
    data = bytearray(simple_run_fit(START, 300, 900.0))
    data[-1] ^= 0xFF
    imported = read(bytes(data))
    assert imported.records[0].fields["distance_m"] == 900.0
    assert reasons(imported) == [
        "fails its checksum, so some bytes changed after it was written; kept every "
        "message that could be read, but some values may be wrong"
    ]


def test_a_timestamp_written_as_a_huge_float_is_skipped():
    good = encode_fit(simple_run_messages(START, 60, 200.0))
    body = good[14:-2]
    # Local message 9 defined as a record whose timestamp (253) is a float64 (base 0x89).
    odd = struct.pack("<BBBHB", 0x49, 0, 0, 20, 1) + struct.pack("<BBB", 253, 8, 0x89)
    odd += bytes([0x09]) + struct.pack("<d", 1e300)
    imported = read(wrap_fit(odd + body))
    assert len(imported.records[0].samples) == 61
    assert imported.records[0].fields["start_time_utc"] == START_UTC


HEADER = struct.pack("<BBHI4sH", 14, 0x20, 2132, 500, b".FIT", 0)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=500))
def test_arbitrary_bytes_after_a_fit_header_fail_only_with_bad_file(junk):
    with contextlib.suppress(BadFile):
        read(HEADER + junk)


BASE_TYPE_IDS = sorted(fitdecode.types.BASE_TYPES)
FIELD_NUMBERS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 18, 19, 22, 23, 26, 53, 73, 78, 110, 253, 254]


@st.composite
def odd_messages(draw) -> bytes:
    """A definition of a message runlog reads, with odd field types, and data for it."""
    mesg_num = draw(st.sampled_from([0, 12, 18, 19, 20, 21, 23, 34]))
    fields = draw(
        st.lists(
            st.tuples(
                st.sampled_from(FIELD_NUMBERS),
                st.integers(1, 9),
                st.sampled_from(BASE_TYPE_IDS),
            ),
            min_size=1,
            max_size=6,
        )
    )
    definition = struct.pack("<BBBHB", 0x40, 0, 0, mesg_num, len(fields))
    definition += b"".join(struct.pack("<BBB", *field) for field in fields)
    size = sum(field[1] for field in fields)
    payloads = draw(st.lists(st.binary(min_size=size, max_size=size), min_size=1, max_size=4))
    return definition + b"".join(b"\x00" + payload for payload in payloads)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(odd_messages())
def test_odd_field_types_in_a_run_fail_only_with_bad_file(odd):
    body = encode_fit(simple_run_messages(START, 30, 100.0))[14:-2]
    with contextlib.suppress(BadFile):
        read(wrap_fit(body + odd))
    with contextlib.suppress(BadFile):
        read(wrap_fit(odd + body))


SHORT_RUN = simple_run_fit(START, 60, 200.0)


@settings(max_examples=100, deadline=None)
@given(position=st.integers(min_value=14, max_value=len(SHORT_RUN) - 1), value=st.integers(0, 255))
def test_a_changed_byte_in_a_run_fails_only_with_bad_file(position, value):
    data = bytearray(SHORT_RUN)
    data[position] = value
    with contextlib.suppress(BadFile):
        read(bytes(data))


# --- the real files of the manifest -----------------------------------------------------

FIT_ROWS = [
    row
    for row in manifest_rows()
    if row["format"] in ("fit", "fit.gz", "zip(fit)") or row["file"].endswith(".fit")
]
# Files read in part: what each keeps, by the words of its problem line.
DAMAGED = {
    "broken/fitparse__activity-unexpected-eof.fit": "ends after 768 of 771 bytes",
    "broken/fitparse__activity-settings-corruptheader.fit": (
        "has 83 bytes after the end of its FIT data that are not FIT (a damaged second "
        "file?); kept the 1 session and 14 records before them"
    ),
    "broken/fitparse__activity-filecrc.fit": "fails its checksum",
    "broken/fitparse__strava-android-app-201.10-b1218918.fit": (
        "is damaged at byte 7,471 of 78,233 (local message 11 not defined); kept the "
        "1 session and 473 records before it"
    ),
}
SESSION_WITHOUT_DISTANCE = "fit/runalyze__Suunto-Ambit-3-Peak-without-final-lap.fit"
NEVER_SET_CLOCK = "fit/fitparse__compressed-speed-distance.fit"


def manifest_cases(rows):
    return [pytest.param(row, id=f"{row['file']} matches the manifest") for row in rows]


def payload(real_data, name: str) -> bytes:
    """The FIT bytes of a manifest file: gzip and zip opened, macOS junk members skipped."""
    raw = (real_data / name).read_bytes()
    if name.endswith(".gz"):
        return gzip.decompress(raw)
    if name.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            members = [m for m in archive.namelist() if not m.startswith("__MACOSX/")]
            return archive.read(members[0])
    return raw


def manifest_cadence_spm(row: dict[str, str]) -> float | None:
    """The manifest's median record cadence as steps/min, for runs only (it gives strides)."""
    found = re.search(r"median (\d+(?:\.\d+)?)", row["cadence_field_and_units"])
    if not found or set(row["sport"].split("+")) != {"running"}:
        return None
    return 2 * float(found.group(1))


@pytest.mark.parametrize("row", manifest_cases(FIT_ROWS))
def test_real_fit_file(real_data, row):
    data = payload(real_data, row["file"])
    if not row["distance_m"]:
        with pytest.raises(BadFile, match="is empty"):
            read(data)
        return
    imported = read(data)
    records = imported.records
    distance_m = sum(record.fields["distance_m"] for record in records)
    if row["file"] == SESSION_WITHOUT_DISTANCE:
        # The session says nothing; the Suunto's own odometer ran 15.2 km in 67 min.
        assert distance_m == pytest.approx(15_213, rel=0.01)
        assert reasons(imported) == [
            "has no total distance; used 15.21 km measured from its records"
        ]
    else:
        assert distance_m == pytest.approx(float(row["distance_m"]), rel=0.01)
    assert len(records) == len(row["sport"].split("+"))
    first = records[0].fields
    if row["start_time_utc"].startswith("raw:"):
        assert first["start_time_utc"] is pd.NaT
        assert first["start_time_local"] == pd.Timestamp("2012-02-13 11:16:16")
    else:
        start = min(record.fields["start_time_utc"] for record in records)
        assert abs((start - pd.Timestamp(row["start_time_utc"])).total_seconds()) <= 60
    # Zwift's and the Edge's virtual rides carry made-up positions: no GPS for the time zone.
    has_gps = row["has_gps"] == "yes" and row["sub_sport_or_type"] != "virtual_activity"
    assert any(record.fields["has_gps"] for record in records) is has_gps
    cadence_spm = manifest_cadence_spm(row)
    if cadence_spm is not None:
        samples = pd.concat([record.samples for record in records])
        counted = samples["cadence_spm"][samples["cadence_spm"] > 0]
        assert counted.median() == pytest.approx(cadence_spm, abs=2)
        for record in records:
            steps = record.samples["cadence_spm"][record.samples["cadence_spm"] > 0]
            assert record.fields["avg_cadence_spm"] == pytest.approx(steps.mean(), abs=8)
    expected_problem = DAMAGED.get(row["file"])
    if expected_problem:
        assert expected_problem in imported.problems[0].reason
    elif row["file"] not in (SESSION_WITHOUT_DISTANCE, NEVER_SET_CLOCK):
        assert imported.problems == []


@pytest.mark.parametrize(
    ("name", "sports", "offset_s"),
    [
        pytest.param(
            "fit/fitparse__sample_mulitple_header.fit",
            ["swimming", "other", "cycling", "other", "running"],
            7200,
            id="a chained triathlon: five legs, the transitions are other",
        ),
        pytest.param(
            "fit/runpandas-data__Garmin_Fenix2_running_with_hrm.fit",
            ["running"],
            7200,
            id="a generic Fenix 2 session that moves like a run is a run",
        ),
        pytest.param(
            "fit/fitparse__null_compressed_speed_dist.fit",
            ["cycling"],
            None,
            id="Zwift's local time is the FIT epoch: no offset",
        ),
        pytest.param(
            "fit/sports-lib__6916663933.fit",
            ["running"],
            None,
            id="COROS copies UTC into local time: no offset",
        ),
        pytest.param(
            "fit/runalyze__garmin-runPower.fit",
            ["running"],
            3600,
            id="a Forerunner 935 says +1 h",
        ),
    ],
)
def test_real_sports_and_offsets(real_data, name, sports, offset_s):
    records = read(payload(real_data, name)).records
    assert [record.fields["sport"] for record in records] == sports
    assert {record.fields.get("utc_offset_s") for record in records} == {offset_s}


def test_real_treadmill_and_trail_runs(real_data):
    treadmill = only(payload(real_data, "fit/runalyze__FR920xt-with-runscribe-plus.fit"))
    assert (treadmill.fields["surface"], treadmill.fields["has_gps"]) == ("treadmill", False)
    trail = only(payload(real_data, "fit/sports-lib__6909950168.fit"))
    assert trail.fields["surface"] == "trail"
    assert trail.fields["device"] == "suunto Suunto 9 Baro"
    assert trail.fields["moving_s"] == pytest.approx(2160.68)  # total_timer_time, paused


def test_the_fast_reader_decodes_the_start_of_every_real_file_exactly_as_fitdecode(real_data):
    # The first 16 kB hold each writer's definitions, developer fields and odd field sizes;
    # whole files would take half a minute with fitdecode's own reader.
    for row in FIT_ROWS:
        data = payload(real_data, row["file"])[:16_384]
        assert _frames(fit._FastReader, data) == _frames(fitdecode.FitReader, data), row["file"]


@pytest.mark.parametrize("fraction", [0.05, 0.5, 0.95], ids=lambda f: f"cut at {f:.0%}")
def test_a_real_file_cut_short_is_a_bad_file_or_a_partial_run_with_a_problem(real_data, fraction):
    data = payload(real_data, "fit/runalyze__Multisession.fit")
    try:
        imported = read(data[: int(len(data) * fraction)])
    except BadFile as err:
        assert "before any session or record" in str(err)
        return
    assert imported.problems[0].reason.startswith(f"ends after {int(len(data) * fraction):,} of")
    assert sum(record.fields["distance_m"] for record in imported.records) < 7856.4
