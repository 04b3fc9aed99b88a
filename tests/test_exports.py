"""The export builders of tests/exports.py make archives and CSVs that parse as the real ones."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import zipfile

import pandas as pd
import pytest

from analyzer.importers import garmin_json
from tests import fitwriter
from tests.exports import (
    FITNESS_FOLDER,
    GARMIN_USER,
    STRAVA_COLUMNS,
    UPLOADS_FOLDER,
    garmin_activity,
    garmin_export_zip,
    garmin_shoe,
    strava_date,
    strava_export,
)

STRAVA_DATE_FORMAT = "%b %d, %Y, %I:%M:%S %p"  # docs/FORMATS.md §4.2, UTC


# Garmin ----------------------------------------------------------------------------------------


def test_garmin_zip_has_the_export_layout_with_a_zip_inside(tmp_path):
    path = garmin_export_zip(
        tmp_path / "garmin.zip",
        [garmin_activity(101, "2026-03-04 07:00")],
        [garmin_shoe(7, "Pegasus", activity_ids=[101])],
        fit_files={"101": b"FIT bytes"},
    )
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        inner_bytes = archive.read(f"{UPLOADS_FOLDER}/UploadedFiles_0-_Part1.zip")
    assert f"{FITNESS_FOLDER}/{GARMIN_USER}_0_summarizedActivities.json" in names
    assert f"{FITNESS_FOLDER}/{GARMIN_USER}_gear.json" in names
    assert any(name.endswith("_sleepData.json") for name in names)
    with zipfile.ZipFile(io.BytesIO(inner_bytes)) as inner:
        assert set(inner.namelist()) == {f"{GARMIN_USER}_101.fit", f"{GARMIN_USER}_weight.fit"}
        assert inner.read(f"{GARMIN_USER}_101.fit") == b"FIT bytes"


def test_garmin_zip_json_reads_back_in_runlog_units(tmp_path):
    path = garmin_export_zip(
        tmp_path,
        [
            garmin_activity(101, "2026-03-04 07:00", distance_m=8000, moving_s=2400),
            {"activity_id": 102, "start_time_utc": "2026-03-05 18:00", "utc_offset_s": -18000},
        ],
        [
            garmin_shoe(7, "Pegasus", activity_ids=[101, 102]),
            {"gear_pk": 8, "name": "Bike", "gear_type": "Bike"},
        ],
    )
    assert path == tmp_path / "garmin_export.zip"
    with zipfile.ZipFile(path) as archive:
        summaries = archive.read(f"{FITNESS_FOLDER}/{GARMIN_USER}_0_summarizedActivities.json")
        gear = archive.read(f"{FITNESS_FOLDER}/{GARMIN_USER}_gear.json")
        other_json = [
            archive.read(name)
            for name in archive.namelist()
            if name.endswith(".json") and "summarized" not in name and "gear" not in name
        ]
    activities = garmin_json.read(io.BytesIO(summaries)).records
    assert [record.fields["distance_m"] for record in activities] == [8000.0, 10000.0]
    assert activities[0].fields["avg_speed_mps"] == pytest.approx(8000 / 2400)
    assert activities[1].fields["utc_offset_s"] == -18000
    (shoe,) = garmin_json.read(io.BytesIO(gear)).shoes
    assert shoe["activity_ids"] == ("garmin-101", "garmin-102")
    assert shoe["limit_km"] == pytest.approx(800.0)
    assert other_json
    assert not any(garmin_json.sniff(data[:4096]) for data in other_json)


def test_garmin_zip_loads_as_runs_with_their_shoe(tmp_path, monkeypatch):
    from analyzer import load

    monkeypatch.setenv("RUNLOG_CACHE", "0")
    path = garmin_export_zip(
        tmp_path / "garmin.zip",
        [garmin_activity(101, "2026-03-04 07:00"), garmin_activity(102, "2026-03-06 07:00")],
        [garmin_shoe(7, "Pegasus", activity_ids=[101, 102])],
    )
    log = load(path)
    assert sorted(log.activities["activity_id"]) == ["garmin-101", "garmin-102"]
    assert log.errors == []  # the weight file, sleep data and records are passed over quietly
    shoe = log.shoes.set_index("shoe").loc["Pegasus"]
    assert set(shoe["activity_ids"]) == {"garmin-101", "garmin-102"}


def test_garmin_zip_fit_file_merges_with_its_summary_under_the_garmin_id(tmp_path, monkeypatch):
    from analyzer import load

    monkeypatch.setenv("RUNLOG_CACHE", "0")
    fit = fitwriter.simple_run_fit(dt.datetime(2026, 3, 4, 7, 0, tzinfo=dt.UTC), 3000, 10_000.0)
    path = garmin_export_zip(
        tmp_path / "garmin.zip",
        [garmin_activity(101, "2026-03-04 07:00", moving_s=3000)],
        [garmin_shoe(7, "Pegasus", activity_ids=[101])],
        fit_files={"101": fit},
    )
    log = load(path)
    (run,) = log.activities.itertuples()
    assert run.activity_id == "garmin-101"
    assert run.distance_m == pytest.approx(10_000.0, rel=0.01)
    assert log.errors == []


# Strava ----------------------------------------------------------------------------------------


def test_strava_date_is_written_the_strava_way():
    assert strava_date("2022-05-29 15:53:35") == "May 29, 2022, 3:53:35 PM"
    assert strava_date(pd.Timestamp("2026-01-04 00:05:00", tz="UTC")) == "Jan 4, 2026, 12:05:00 AM"


def test_strava_folder_has_the_94_column_csv_with_duplicate_names(tmp_path):
    rows = [
        {
            "activity_id": 12070555079,
            "start_time_utc": "2022-05-29 15:53:35",
            "name": "Evening Run",
            "distance_m": 3322.95,
            "elapsed_s": 1500,
            "moving_s": 1411,
            "gear": "Pegasus",
            "description": 'knee fine, "great" run',
            "private_note": "left knee, 2/10\nafter hills",
            "filename": "activities/12866632127.fit.gz",
            "average_cadence_one_foot": 71.26,
        },
        {"activity_id": 2, "type": "Ride", "distance_m": 20000, "Total Steps": 0},
    ]
    folder = strava_export(
        tmp_path / "export", rows, files={"activities/12866632127.fit.gz": b"FIT bytes"}
    )
    header = (folder / "activities.csv").read_text().splitlines()[0].split(",")
    assert tuple(header) == STRAVA_COLUMNS
    assert len(header) == 94
    table = pd.read_csv(folder / "activities.csv")
    first = table.iloc[0]
    assert first["Distance"] == pytest.approx(3.32)
    assert first["Distance.1"] == pytest.approx(3322.95)
    assert first["Elapsed Time"] == 1500
    assert first["Moving Time"] == 1411
    assert first["Average Cadence"] == pytest.approx(71.26)
    assert first["Activity Private Note"] == "left knee, 2/10\nafter hills"
    assert first["Activity Description"] == 'knee fine, "great" run'
    start = pd.to_datetime(first["Activity Date"], format=STRAVA_DATE_FORMAT, utc=True)
    assert start == pd.Timestamp("2022-05-29 15:53:35", tz="UTC")
    assert table.iloc[1]["Activity Type"] == "Ride"
    assert gzip.decompress((folder / "activities/12866632127.fit.gz").read_bytes()) == b"FIT bytes"
    assert (folder / "shoes.csv").read_text().splitlines()[1].startswith("Pegasus,")
    for name in ("profile.csv", "general_preferences.csv"):
        assert (folder / name).exists()
    assert list((folder / "media").glob("*.jpg"))


def test_strava_zip_holds_the_same_members_and_keeps_gzip_bytes_as_given(tmp_path):
    already = gzip.compress(b"<gpx/>")
    path = strava_export(
        tmp_path / "export_1",
        [{"activity_id": 1, "filename": "activities/1.gpx.gz"}],
        files={"activities/1.gpx.gz": already},
        as_zip=True,
    )
    assert path == tmp_path / "export_1.zip"
    with zipfile.ZipFile(path) as archive:
        assert archive.read("activities/1.gpx.gz") == already
        table = pd.read_csv(io.BytesIO(archive.read("activities.csv")))
        assert "shoes.csv" in archive.namelist()
    assert table["Filename"].tolist() == ["activities/1.gpx.gz"]


def test_strava_row_with_a_misspelt_key_is_refused(tmp_path):
    with pytest.raises(TypeError, match="distance_km"):
        strava_export(tmp_path, [{"distance_km": 5}])


def test_garmin_entries_are_plain_json(tmp_path):
    entry = garmin_activity(1, "2026-03-04 07:00", utc_offset_s=None, avg_cadence_spm=None)
    assert "startTimeLocal" not in entry and "avgRunCadence" not in entry
    json.dumps(entry)


@pytest.mark.parametrize("as_zip", [False, True], ids=["folder", "zip"])
def test_strava_export_loads_with_its_other_files_passed_over(tmp_path, monkeypatch, as_zip):
    from analyzer import load

    monkeypatch.setenv("RUNLOG_CACHE", "0")
    rows = [
        {
            "activity_id": 5,
            "start_time_utc": "2026-03-04 07:00",
            "distance_m": 8000,
            "moving_s": 2400,
            "gear": "Pegasus",
            "average_cadence_one_foot": 86,
        }
    ]
    log = load(strava_export(tmp_path / "strava", rows, as_zip=as_zip))
    (run,) = log.activities.itertuples()
    assert (run.activity_id, run.distance_m, run.shoe) == ("strava-5", 8000.0, "Pegasus")
    assert log.errors == []
