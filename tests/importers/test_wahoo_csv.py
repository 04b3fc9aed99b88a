"""The Wahoo Fitness workout CSV: built workouts, then the real file of the manifest."""

import contextlib
import io
import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.errors import BadFile
from analyzer.importers import csv_log, importer_for, wahoo_csv
from tests.conftest import manifest_rows

SUMMARY = (
    "workout,starttime,runningtime,pausedtime,wheeldist,cadavg,spdavg,pwravg,"
    "pwrPedalContribution,hravg,striderateavg,stridedist,gpsdist,smoothnessavg,manualdist\n"
)


def workout(
    *,
    sensors: dict[str, str] | None = None,
    values: str = ",0,1800.0,60.0,0,168.0,0,0,0,150.0,168.0,5000.0,5100.0,0,0",
    samples: str = "1,41.1393,24.8841\n2,41.1394,24.8842\n",
    blank_lines: bool = True,
) -> bytes:
    """A Wahoo CSV: start line, sensors, summary and a few GPS samples."""
    sensors = sensors or {"hr": "yes", "footpod": "yes", "gps": "yes"}
    gap = "\n" if blank_lines else ""
    sensor_rows = "".join(f"{name},{present},no,no,n/a\n" for name, present in sensors.items())
    return (
        "Device,fisica,model,key,version,1,AppVersion,5.8.1\n"
        "Year,2016,Month,10,Day,7,Hour,17,Minute,24,Second,2,BatteryUsage (%),15\n"
        f"{gap}comments\nFile created by Wahoo Fitness iPhone App.\n{gap}"
        f"sensor,present,smrec,zeroavg,model\n{sensor_rows}"
        f"{SUMMARY}{values}\n{gap}"
        f"time,gps_lat,gps_lon\n{samples}"
    ).encode()


def only(data: bytes) -> dict:
    records = wahoo_csv.read(io.BytesIO(data)).records
    assert len(records) == 1
    return records[0].fields


def test_sniff_and_registry():
    assert wahoo_csv.sniff(workout())
    assert not wahoo_csv.sniff(b"date,distance_km\n2024-05-01,5\n")
    assert importer_for("Wahoo.csv", workout()) is wahoo_csv
    assert csv_log.sniff(workout())  # the catch-all would take it: order matters


def test_a_footpod_run_in_canonical_units():
    fields = only(workout())
    assert fields["start_time_local"] == pd.Timestamp("2016-10-07 17:24:02")
    assert pd.isna(fields["start_time_utc"])
    assert fields["sport"] == "running"
    assert fields["distance_m"] == 5100.0  # GPS before the foot pod
    assert fields["moving_s"] == 1800.0
    assert fields["elapsed_s"] == 1860.0  # running time plus paused time
    assert fields["avg_cadence_spm"] == 168.0
    assert fields["avg_hr_bpm"] == 150.0
    assert fields["has_gps"] is True
    assert (fields["start_lat_deg"], fields["start_lon_deg"]) == (41.1393, 24.8841)
    assert fields["device"] == "Wahoo Fitness iPhone App"


def test_blocks_without_blank_lines_between_them():
    assert only(workout(blank_lines=False))["distance_m"] == 5100.0


def test_without_gps_the_foot_pod_distance_and_a_treadmill():
    values = ",0,1800.0,0,0,84.0,0,0,0,150.0,84.0,5000.0,0,0,0"
    fields = only(
        workout(sensors={"footpod": "yes", "gps": "no"}, values=values, samples="1,0,0\n")
    )
    assert fields["distance_m"] == 5000.0
    assert fields["has_gps"] is False
    assert fields["surface"] == "treadmill"
    assert fields["avg_cadence_spm"] == 168.0  # 84 on a run is one foot
    assert math.isnan(fields["start_lat_deg"])


def test_bike_sensors_make_a_ride_without_step_cadence():
    values = ",0,3600.0,0,30000.0,85.0,0,0,0,140.0,0,0,30500.0,0,0"
    fields = only(workout(sensors={"spd": "yes", "cad": "yes", "gps": "yes"}, values=values))
    assert fields["sport"] == "cycling"
    assert math.isnan(fields["avg_cadence_spm"])


def test_a_workout_without_its_summary_is_a_bad_file():
    data = workout().replace(SUMMARY.encode(), b"")
    with pytest.raises(BadFile, match="without its start time or workout summary"):
        wahoo_csv.read(io.BytesIO(data))


@settings(deadline=None, max_examples=30)
@given(st.binary(max_size=300))
def test_wahoo_reader_fails_only_with_bad_file(junk):
    with contextlib.suppress(BadFile):
        wahoo_csv.read(io.BytesIO(workout()[:350] + junk))


WAHOO_ROWS = [row for row in manifest_rows() if row["file"] == "csv/runalyze__Wahoo.csv"]


@pytest.mark.parametrize(
    "row", [pytest.param(row, id=f"{row['file']} matches the manifest") for row in WAHOO_ROWS]
)
def test_the_real_workout_matches_the_manifest(row, real_data):
    fields = only((real_data / row["file"]).read_bytes())
    assert fields["distance_m"] == pytest.approx(float(row["distance_m"]), rel=0.01)
    assert fields["moving_s"] == pytest.approx(float(row["duration_s"]), rel=0.01)
    assert fields["elapsed_s"] == pytest.approx(4618.1 + 41.6, abs=0.1)  # + pausedtime
    assert fields["start_time_local"] == pd.Timestamp(row["start_time_utc"])
    assert fields["avg_cadence_spm"] == pytest.approx(166.7, abs=2)  # steps/min already
    assert fields["sport"] == "running"
    assert fields["has_gps"] is True
