"""Epson's sectioned CSV, built here from its documented layout (docs/FORMATS.md §6): the
sections and columns an Epson running watch writes, as Runalyze reads them."""

from __future__ import annotations

import contextlib
import io
import math

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.errors import BadFile, FileErrorKind, NotAnActivity
from analyzer.importers import Imported, epson_csv, importer_for
from analyzer.reading import parse

RESULT_HEADER = (
    "TrainingKindId,StartDay,StartTime,TrainingTime,Distance,Rank,Weather,CreateDate,Version,"
    "TimeZoneOffset,DaylightSavingsTime,EndDay,EndTime,TrainingTimeCentisecond,RegistStatus,"
    "WeightManual,BodyFat,Temperature,ShareId,ShareFlag,MapDispFlag,EventEdit"
)
DATA_HEADER = (
    "LapCount,ProductName,Calorie,PaceAve,SpeedAve,PitchAve,StrideAve,PulseAve,AltitudeStart,"
    "AltitudeGoal,AltitudeMax,AltitudeMin,Event,Mode,Steps,TotalAscentAltitude,"
    "TotalDescentAltitude,MaxHeartRate,MinHeartRate,StayTimeHrzone1,StayTimeHrzone2,"
    "StayTimeHrzone3,StayTimeHrzone4,StayTimeHrzone5,LastLogInterval"
)
LAP_HEADER = (
    "LapNo,EndPoint,LapTime,LapDistance,LapCalorie,LapPaceAve,LapSpeedAve,LapPitchAve,"
    "LapStrideAve,LapKind,LapSteps,LapSplitTime,LapSplitDistance"
)
SETTINGS_HEADER = "UlVersion,FwVersion,UploadOs,ModelType,Destination,Weight,Height,Autopause"
NORTH_DEG = 49.8785  # Würzburg
EAST_DEG = 10.9062
METRES_PER_DEGREE = 111_319.49


def training(
    *,
    name: str = "FFRB Damm- und Hainrunde",
    memo: str = "Friedwald, Jochen, Peter, knee fine",
    start: str = "2014/12/19,16:35:29",
    timer_s: int = 4_648,
    end: str = "2014/12/19,17:53:22",
    distance_m: int = 14_002,
    zone_minutes: int = 60,
    daylight: int = 0,
    pitch_spm: int = 178,
    gps: bool = True,
    graph_extra: int = 2,
) -> str:
    """One [[Training]] block of a steady run: a graph value a second of timer time (a
    value or two more than the timer, as the watch writes), a GPS fix every 4 s, the GPS
    series wrapped over lines."""
    count = timer_s + graph_extra
    speed_mps = distance_m / timer_s
    distance = [min(round(second * speed_mps), distance_m) for second in range(count)]
    graph = [
        "LogInterval,1",
        "HrInterval,1",
        "GraphAltitude," + ",".join(str(238 + (second // 300) % 5) for second in range(count)),
        "GraphSpeed," + ",".join(str(round(speed_mps * 3600)) for _ in range(count)),
        "GraphPitch," + ",".join(str(pitch_spm) for _ in range(count)),
        "GraphStride," + ",".join("101" for _ in range(count)),
        "GraphDistance," + ",".join(map(str, distance)),
        "HeartRate," + ",".join(str(120 + second % 40) for second in range(count)),
    ]
    fixes = range(0, timer_s + 1, 4)
    lines = []
    if gps:
        times = ";".join(f"{s // 3600}:{s // 60 % 60}:{s % 60}" for s in fixes)
        lats = ";".join(
            str(round((NORTH_DEG + s * speed_mps / METRES_PER_DEGREE) * 1e6)) for s in fixes
        )
        lons = ";".join(str(round(EAST_DEG * 1e6)) for _ in fixes)
        for key, text in (("GpsTime", times), ("GpsLatitude", lats), ("GpsLongitude", lons)):
            wrapped = [text[start : start + 200] for start in range(0, len(text), 200)]
            lines += [f"{key},{wrapped[0]}", *wrapped[1:]]
    result_row = (
        f"1,{start},{timer_s},{distance_m},,3,2014/12/20,10,{zone_minutes},{daylight},{end},62,1,"
        ",,9.0,,0,0,0"
    )
    data_row = (
        f'14,"08710000F094902E",1123,331,10844,{pitch_spm},99,168,239,228,313,196,0,0,'
        "13841,264,277,193,82,3900,1300,1800,35900,421900,1"
    )
    return "\n".join(
        [
            "[[Training]]",
            "[TrainingResult]",
            f"TrainingName,{name}",
            f"Memo,{memo}",
            "FormatType,1",
            RESULT_HEADER,
            result_row,
            "[TrainingData]",
            DATA_HEADER,
            data_row,
            "[GraphData]",
            *graph,
            "[GPSData]",
            *lines,
            "[LapData]",
            LAP_HEADER,
            "1,39,327,1000,60,327,11009,180,101,1,988,32758,1000",
            "[TrainingSettingData]",
            SETTINGS_HEADER,
            '"3.1.0.0","01.11","Microsoft Windows 6.2, 32-bit","E209","    ",79,170,0',
            "[[end]]",
            "",
        ]
    )


def read(text: str, encoding: str = "utf-8") -> Imported:
    return epson_csv.read(io.BytesIO(text.encode(encoding)))


def test_an_epson_file_is_claimed_by_its_own_importer():
    text = training()
    assert importer_for("20141219163529.csv", text.encode()[:4096]) is epson_csv
    opened = "[[EpsonView]]\n" + text
    assert importer_for("export.csv", opened.encode()[:4096]) is epson_csv
    outcome = parse("20141219163529.csv", text.encode())
    assert not isinstance(outcome, BadFile) and outcome[0] == "epson_csv"


def test_a_run_reads_its_totals_as_the_watch_wrote_them():
    (record,) = read(training()).records
    fields = record.fields
    assert fields["start_time_local"] == pd.Timestamp("2014-12-19 16:35:29")
    assert pd.isna(fields["start_time_utc"])
    assert fields["utc_offset_s"] == 3600  # TimeZoneOffset 60 minutes, no daylight saving
    assert fields["distance_m"] == 14_002
    assert fields["moving_s"] == pytest.approx(4_648.62)  # timer, with its centiseconds
    assert fields["elapsed_s"] == 4_673  # 16:35:29 to 17:53:22 on the wall clock
    assert fields["avg_speed_mps"] == pytest.approx(14_002 / 4_648.62)
    assert fields["avg_cadence_spm"] == 178  # PitchAve counts both feet
    assert fields["avg_hr_bpm"] == 168
    assert (fields["ascent_m"], fields["descent_m"]) == (264, 277)
    assert fields["name"] == "FFRB Damm- und Hainrunde"
    assert fields["notes"] == "Friedwald, Jochen, Peter, knee fine"  # commas kept
    assert fields["sport"] == "running"
    assert fields["device"] == "Epson E209"
    assert fields["has_gps"] is True
    assert fields["start_lat_deg"] == pytest.approx(NORTH_DEG)
    assert fields["start_lon_deg"] == pytest.approx(EAST_DEG)


def test_samples_run_a_second_apart_with_positions_where_the_watch_had_a_fix():
    (record,) = read(training()).records
    samples = record.samples
    assert len(samples) == 4_650  # the graph's length, two values past the timer
    assert samples["time_utc"].iloc[0] == pd.Timestamp("2014-12-19 16:35:29", tz="UTC")
    assert (samples["time_utc"].diff().dropna() == pd.Timedelta(seconds=1)).all()
    assert samples["distance_m"].iloc[-1] == 14_002
    assert samples["speed_mps"].iloc[10] == pytest.approx(14_002 / 4_648, abs=0.001)
    assert samples["cadence_spm"].median() == 178
    fixes = samples.dropna(subset=["lat_deg"])
    assert len(fixes) == len(range(0, 4_649, 4))
    assert (fixes.index % 4 == 0).all()  # each fix at its own second of the timer
    assert samples["lat_deg"].iloc[4_648] == pytest.approx(
        NORTH_DEG + 14_002 / METRES_PER_DEGREE, abs=1e-6
    )


def test_a_run_without_gps_is_read_from_its_graphs():
    (record,) = read(training(gps=False)).records
    assert record.fields["has_gps"] is False and math.isnan(record.fields["start_lat_deg"])
    assert record.fields["distance_m"] == 14_002
    assert record.samples["lat_deg"].isna().all()
    assert record.samples["distance_m"].iloc[-1] == 14_002


def test_a_watch_on_daylight_saving_time_leaves_the_zone_to_the_position():
    summer = training(daylight=1, start="2015/07/01,07:00:00", end="2015/07/01,08:20:00")
    (record,) = read(summer).records
    assert "utc_offset_s" not in record.fields
    assert record.fields["start_time_local"] == pd.Timestamp("2015-07-01 07:00:00")


def test_a_japanese_watch_states_its_own_offset():
    (record,) = read(training(zone_minutes=540, name="朝ラン 皇居")).records
    assert record.fields["utc_offset_s"] == 9 * 3600
    assert record.fields["name"] == "朝ラン 皇居"


def test_an_epson_view_file_of_two_runs_gives_both():
    text = (
        "[[EpsonView]]\n"
        + training()
        + training(
            start="2014/12/21,09:00:00", end="2014/12/21,09:50:00", timer_s=2_900, distance_m=9_000
        )
    )
    records = read(text).records
    assert [record.fields["distance_m"] for record in records] == [14_002, 9_000]


def test_a_run_without_a_result_row_is_a_bad_file():
    text = training().replace(RESULT_HEADER, "Something,Else")
    with pytest.raises(BadFile, match="no \\[TrainingResult\\] row"):
        read(text)


def test_a_file_of_no_training_is_not_an_activity():
    with pytest.raises(NotAnActivity):
        read("[[EpsonView]]\n[[end]]\n")


def test_an_unreadable_start_says_so():
    with pytest.raises(BadFile, match="no readable start"):
        read(training(start="19.12.2014,16:35"))


def test_a_file_cut_short_keeps_what_it_holds_or_says_why():
    data = training().encode()
    for fraction in (0.05, 0.2, 0.5, 0.9):
        cut = data[: int(len(data) * fraction)]
        try:
            outcome = epson_csv.read(io.BytesIO(cut))
        except BadFile:
            continue
        (record,) = outcome.records
        assert record.fields["distance_m"] == 14_002  # the totals come first in the file
        (problem,) = outcome.problems
        assert problem.kind == FileErrorKind.TRUNCATED and "before [[end]]" in problem.reason
    assert read(training()).problems == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_the_importer_fails_only_with_bad_file(junk):
    with contextlib.suppress(BadFile):
        epson_csv.read(io.BytesIO(b"[[Training]]\n[TrainingResult]\n" + junk))
