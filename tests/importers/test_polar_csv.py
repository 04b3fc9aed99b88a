"""Polar Flow's session CSV: the summary line, built from the layout in docs/FORMATS.md §6."""

import contextlib
import io
import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.errors import BadFile
from analyzer.importers import importer_for, polar_csv

SUMMARY_HEADER = (
    "Name,Sport,Date,Start time,Duration,Total distance (km),Average heart rate (bpm),"
    "Average speed (km/h),Max speed (km/h),Average pace (min/km),Max pace (min/km),Calories,"
    "Fat percentage of calories(%),Average cadence (rpm),Average stride length (cm),"
    "Running index,Training load,Ascent (m),Descent (m),Notes,Height (cm),Weight (kg),HR max,"
    "HR sit,VO2max,\n"
)
SAMPLES = (
    "Sample rate,Time,HR (bpm),Speed (km/h),Pace (min/km),Cadence,Altitude (m),"
    "Stride length (m),Distances (m),Temperatures (C),Power (W),\n"
    "1,00:00:00,95,0.0,00:00,0,112,,0.0,,,\n"
    "1,00:00:01,96,8.2,07:19,73,112,,2.3,,,\n"
)


def session(sport: str = "RUNNING", cadence: str = "73", notes: str = "left knee, a bit") -> bytes:
    values = (
        f"TRIMP Studie,{sport},20-06-2018,11:17:03,00:30:08,4.48,156,8.9,18.8,06:44,03:11,435,"
        f'19,{cadence},110,45,80,31,29,"{notes}",180.0,77.0,195,55,56,\n'
    )
    return (SUMMARY_HEADER + values + SAMPLES).encode()


def only(data: bytes) -> dict:
    records = polar_csv.read(io.BytesIO(data)).records
    assert len(records) == 1
    return records[0].fields


def test_sniff_and_registry():
    assert polar_csv.sniff(session())
    assert not polar_csv.sniff(b"date,distance_km\n2024-05-01,5\n")
    assert importer_for("Polar.csv", session()) is polar_csv


def test_the_summary_line_in_canonical_units():
    fields = only(session())
    assert fields["start_time_local"] == pd.Timestamp("2018-06-20 11:17:03")  # DD-MM-YYYY
    assert pd.isna(fields["start_time_utc"])
    assert fields["sport"] == "running"
    assert fields["distance_m"] == pytest.approx(4480)
    assert fields["moving_s"] == fields["elapsed_s"] == 30 * 60 + 8
    assert fields["avg_hr_bpm"] == 156
    assert fields["ascent_m"] == 31
    assert fields["descent_m"] == 29
    assert fields["notes"] == "left knee, a bit"
    assert fields["name"] == "TRIMP Studie"
    assert fields["device"] == "Polar Flow"


@pytest.mark.parametrize(
    ("sport", "cadence", "expected_spm"),
    [
        pytest.param("RUNNING", "73", 146, id="one-foot rpm on a run is doubled"),
        pytest.param("RUNNING", "170", 170, id="a two-foot figure stays"),
        pytest.param("RUNNING", "", None, id="no cadence: missing"),
    ],
)
def test_cadence(sport, cadence, expected_spm):
    found = only(session(sport, cadence))["avg_cadence_spm"]
    assert math.isnan(found) if expected_spm is None else found == expected_spm


def test_a_file_without_its_summary_line_is_a_bad_file():
    with pytest.raises(BadFile):
        polar_csv.read(io.BytesIO(SUMMARY_HEADER.encode()))


@settings(deadline=None, max_examples=15)  # each read costs pandas a fixed ~50 ms
@given(st.binary(max_size=200))
def test_polar_reader_fails_only_with_bad_file(junk):
    with contextlib.suppress(BadFile):
        polar_csv.read(io.BytesIO(session()[:600] + junk))
