"""load() end to end: whole exports, loose watch files, coach folders and broken files."""

from __future__ import annotations

import datetime as dt
import gzip
import tracemalloc
from pathlib import Path

import pandas as pd
import pytest

from analyzer import load
from tests import fitwriter
from tests.exports import strava_export
from tests.fitwriter import simple_run_fit

SYDNEY_LAT_DEG, SYDNEY_LON_DEG = -33.87, 151.21
# 06:10 in Sydney on Wednesday 4 March 2026 is 19:10 UTC on Tuesday 3 March.
DAWN_RUN_UTC = dt.datetime(2026, 3, 3, 19, 10, tzinfo=dt.UTC)
EVENING_RUN_UTC = dt.datetime(2026, 3, 6, 7, 30, tzinfo=dt.UTC)  # 18:30 Friday in Sydney


def _gpx(start: dt.datetime, distance_m: float, duration_s: int, points: int = 120) -> bytes:
    """A Strava-style GPX of a straight run north from Sydney, one point every few seconds."""
    step_s = duration_s / (points - 1)
    step_deg = distance_m / (points - 1) / 111_195.0
    trackpoints = "".join(
        f'<trkpt lat="{SYDNEY_LAT_DEG + index * step_deg:.7f}" lon="{SYDNEY_LON_DEG}">'
        f"<time>{(start + dt.timedelta(seconds=index * step_s)):%Y-%m-%dT%H:%M:%SZ}</time>"
        "</trkpt>"
        for index in range(points)
    )
    return (
        '  <?xml version="1.0" encoding="UTF-8"?>'
        '<gpx creator="StravaGPX" version="1.1" xmlns="http://www.topografix.com/GPX/1/1">'
        f"<trk><name>Evening Run</name><type>9</type><trkseg>{trackpoints}</trkseg></trk></gpx>"
    ).encode()


def _dawn_fit() -> bytes:
    return fitwriter.simple_run_fit(
        DAWN_RUN_UTC,
        3000,
        10_000.0,
        cadence_spm=172,
        local_offset_s=11 * 3600,
        lat_deg=SYDNEY_LAT_DEG,
        lon_deg=SYDNEY_LON_DEG,
    )


def _export_rows() -> list[dict]:
    return [
        {
            "activity_id": 111,
            "start_time_utc": DAWN_RUN_UTC,
            "name": "Dawn 10k",
            "distance_m": 10_000.0,
            "moving_s": 3000,
            "gear": "Pegasus 40",
            "description": "Felt strong, but my left knee sore at the end, 3/10",
            "private_note": "new route, hilly",
            "filename": "activities/9001.fit.gz",
            "average_cadence_one_foot": 86,
        },
        {
            "activity_id": 222,
            "start_time_utc": EVENING_RUN_UTC,
            "name": "Evening Run",
            "distance_m": 6_000.0,
            "moving_s": 2100,
            "gear": "Pegasus 40",
            "filename": "activities/9002.gpx",
        },
        {
            "activity_id": 333,
            "start_time_utc": "2026-03-07 21:00",  # 08:00 Sunday 8 March in Sydney
            "name": "Treadmill at the gym",
            "type": "Run",
            "distance_m": 5_000.0,
            "moving_s": 1650,
        },
    ]


def _export_files() -> dict[str, bytes]:
    return {
        "activities/9001.fit.gz": _dawn_fit(),
        "activities/9002.gpx": _gpx(EVENING_RUN_UTC, 6_000.0, 2100),
    }


@pytest.fixture(params=["folder", "zip"])
def strava(tmp_path, request):
    return strava_export(
        tmp_path / "export_1234", _export_rows(), _export_files(), as_zip=request.param == "zip"
    )


def _profile(tmp_path) -> str:
    path = tmp_path / "runlog.toml"
    path.write_text('athlete = "ana"\ntimezone = "Australia/Sydney"\n')
    return str(path)


def test_a_strava_export_gives_each_run_once_with_gear_notes_and_local_dates(tmp_path, strava):
    log = load(strava, profile=_profile(tmp_path))
    assert log.errors == []
    runs = log.runs.set_index("activity_id")
    assert list(runs.index) == ["strava-111", "strava-222", "strava-333"]
    assert runs["distance_m"].sum() == pytest.approx(21_000.0, rel=0.01)
    assert list(runs["local_date"]) == [
        dt.date(2026, 3, 4),
        dt.date(2026, 3, 6),
        dt.date(2026, 3, 8),
    ]
    dawn = runs.loc["strava-111"]
    assert dawn["source_format"] == "fit"  # the file's own totals and samples
    assert dawn["shoe"] == "Pegasus 40"
    assert dawn["name"] == "Dawn 10k"
    assert dawn["avg_cadence_spm"] == pytest.approx(172, abs=1)
    assert "left knee sore" in dawn["notes"] and "new route" in dawn["notes"]
    assert not log.samples_for("strava-111").empty
    knee_notes = log.notes[log.notes["text"].str.contains("knee")]
    assert list(knee_notes["local_date"]) == [dt.date(2026, 3, 4)]
    assert list(knee_notes["activity_id"]) == ["strava-111"]


def test_a_run_present_as_fit_gpx_and_csv_row_counts_once(tmp_path, strava):
    watch = tmp_path / "watch"
    watch.mkdir()
    (watch / "2026-03-04-06-10-00.fit").write_bytes(_dawn_fit())
    (watch / "dawn-from-strava.gpx").write_bytes(_gpx(DAWN_RUN_UTC, 10_000.0, 3000))
    log = load(strava, watch, profile=_profile(tmp_path))
    assert log.errors == []
    assert len(log.runs) == 3
    assert log.runs["distance_m"].sum() == pytest.approx(21_000.0, rel=0.01)


def test_a_coach_folder_gives_one_athlete_per_sub_folder(tmp_path):
    coach = tmp_path / "squad"
    strava_export(coach / "ana", _export_rows(), _export_files())
    (coach / "ben").mkdir(parents=True)
    (coach / "ben" / "run.fit").write_bytes(_dawn_fit())
    (coach / "ben" / "journal.md").write_text("# 2026-03-05\nright knee ached on the stairs\n")
    log = load(coach)
    assert log.errors == []
    assert log.athletes == ["ana", "ben"]
    assert log.runs.groupby("athlete").size().to_dict() == {"ana": 3, "ben": 1}
    assert list(log.notes.loc[log.notes["athlete"] == "ben", "text"]) == [
        "right knee ached on the stairs"
    ]


def test_a_broken_file_is_one_error_and_the_rest_is_read(tmp_path):
    folder = tmp_path / "watch"
    folder.mkdir()
    (folder / "good.fit").write_bytes(_dawn_fit())
    (folder / "cut.fit").write_bytes(_dawn_fit()[:5000])
    (folder / "empty.gpx").write_bytes(b"")
    (folder / "not-gzip.fit.gz").write_bytes(b"plain")
    (folder / "holiday.jpg").write_bytes(b"\xff\xd8")
    log = load(folder)
    assert len(log.runs) >= 1
    reasons = {error.path.rsplit("/", 1)[-1]: error.reason for error in log.errors}
    assert set(reasons) >= {"cut.fit", "empty.gpx", "not-gzip.fit.gz"}
    assert "holiday.jpg" not in reasons
    assert all("\n" not in reason and "Traceback" not in reason for reason in reasons.values())


def test_the_same_export_loaded_twice_counts_once(tmp_path):
    export = strava_export(tmp_path / "export", _export_rows(), _export_files())
    copy = strava_export(tmp_path / "copy.zip", _export_rows(), _export_files(), as_zip=True)
    log = load(export, copy, profile=_profile(tmp_path))
    assert len(log.runs) == 3


def test_the_users_files_are_not_changed(tmp_path, strava):
    profile = _profile(tmp_path)
    before = {path: path.stat().st_mtime_ns for path in tmp_path.rglob("*") if path.is_file()}
    load(strava, profile=profile)
    after = {path: path.stat().st_mtime_ns for path in tmp_path.rglob("*") if path.is_file()}
    assert before == after


def test_a_gzip_member_and_its_plain_twin_have_one_id(tmp_path):
    folder = tmp_path / "w"
    folder.mkdir()
    (folder / "a.fit").write_bytes(_dawn_fit())
    (folder / "b.fit.gz").write_bytes(gzip.compress(_dawn_fit()))
    log = load(folder)
    assert len(log.activities) == 1
    assert isinstance(log.activities["start_time_utc"].dtype, pd.DatetimeTZDtype)


def _watch_folder(tmp_path):
    folder = tmp_path / "watch"
    folder.mkdir()
    (folder / "dawn.fit").write_bytes(_dawn_fit())
    (folder / "evening.gpx").write_bytes(_gpx(EVENING_RUN_UTC, 8000.0, 2700))
    return folder


def _all_samples(log) -> dict[str, pd.DataFrame]:
    return {activity_id: log.samples_for(activity_id) for activity_id in log.runs["activity_id"]}


@pytest.mark.parametrize("cache", ["a cache", "no cache"])
def test_samples_are_the_same_with_the_cache_or_without(tmp_path, monkeypatch, cache):
    folder = _watch_folder(tmp_path)
    monkeypatch.setenv("RUNLOG_CACHE", "0")
    expected = _all_samples(load(folder))
    assert [len(frame) for frame in expected.values()] == [3001, 120]  # 50 min at 1 s; GPX
    monkeypatch.setenv("RUNLOG_CACHE", str(tmp_path / "cache") if cache == "a cache" else "0")
    for _ in range(2):  # the cache written, then read
        got = _all_samples(load(folder))
        assert got.keys() == expected.keys()
        for activity_id, frame in expected.items():
            pd.testing.assert_frame_equal(got[activity_id], frame)


def _retained_bytes_after_load(folder) -> int:
    tracemalloc.start()
    try:
        log = load(folder)
        retained, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(log.runs) == 12
    return retained


def test_a_loaded_log_holds_no_samples_with_the_cache_or_without(tmp_path, monkeypatch):
    folder = tmp_path / "watch"
    folder.mkdir()
    for day in range(12):  # an hour at 1 s each: 3,600 samples a run
        start = DAWN_RUN_UTC + dt.timedelta(days=day)
        (folder / f"run-{day}.fit").write_bytes(fitwriter.simple_run_fit(start, 3600, 11_000.0))
    every_sample = 12 * 3600 * 8 * 8  # eight float columns of every sample
    monkeypatch.setenv("RUNLOG_CACHE", "0")
    without_cache = _retained_bytes_after_load(folder)  # samples read again from the files
    monkeypatch.setenv("RUNLOG_CACHE", str(tmp_path / "cache"))
    load(folder)  # writes the cache
    with_cache = _retained_bytes_after_load(folder)  # samples read again from the cache
    assert max(without_cache, with_cache) < every_sample / 3, (without_cache, with_cache)


def test_samples_are_read_from_the_cache_when_asked_for_not_held(tmp_path, monkeypatch):
    monkeypatch.setenv("RUNLOG_CACHE", str(tmp_path / "cache"))
    log = load(_watch_folder(tmp_path))
    entries = list((tmp_path / "cache").glob("*.entry"))
    assert len(entries) == 2
    first = _all_samples(log)
    for entry in entries:  # the cache cleared after loading: the files are read again
        entry.unlink()
    again = _all_samples(log)
    for activity_id, frame in first.items():
        pd.testing.assert_frame_equal(again[activity_id], frame)


def test_a_log_of_local_times_only_loads_on_its_own(tmp_path):
    # no source with a UTC time: the UTC column starts empty and untyped
    path = tmp_path / "log.csv"
    path.write_text("date,distance_km,notes\n2026-03-04,8.2,left knee sore 3/10\n2026-03-06,5,\n")
    log = load(path)
    assert log.runs["local_date"].tolist() == [dt.date(2026, 3, 4), dt.date(2026, 3, 6)]
    assert log.runs["start_time_utc"].notna().all()
    assert log.notes["text"].tolist() == ["left knee sore 3/10"]


def test_progress_is_told_file_by_file(tmp_path):
    calls = []
    load(_watch_folder(tmp_path), progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 2), (2, 2)]


def test_the_profiles_default_shoe_is_the_shoe_of_every_run_that_names_none(tmp_path):
    # FIT runs name no shoe: each counts on the default shoe in use that day, and shows it
    for day in (3, 10, 17):
        start = dt.datetime(2026, 3, day, 7, tzinfo=dt.UTC)
        (tmp_path / f"run-{day}.fit").write_bytes(simple_run_fit(start, 3000, 10_000.0))
    (tmp_path / "runlog.toml").write_text(
        "[[shoes]]\nname = 'Old pair'\ndefault = true\nretired = 2026-03-09\n\n"
        "[[shoes]]\nname = 'New pair'\ndefault = true\nstart = 2026-03-10\n"
        "retired = 2026-03-15\n",
        encoding="utf-8",
    )
    log = load(tmp_path)
    shoes = log.activities.sort_values("start_time_utc")["shoe"]
    # the 17th is after both pairs' retirement: no shoe
    assert shoes.tolist()[:2] == ["Old pair", "New pair"]
    assert pd.isna(shoes.iloc[2])


def test_two_runners_folders_named_together_stay_two_runners_with_their_own_profiles():
    repository = Path(__file__).resolve().parents[1]
    log = load(repository / "sample_data", repository / "examples" / "strava_export")
    assert sorted(log.runs.groupby("athlete").size().items()) == [("riley", 49), ("sam", 41)]
    assert log.profile_for("riley").units == "miles"
    assert log.profile_for("sam").units == "km"


def test_a_run_dated_years_ahead_is_left_out_and_its_file_named(tmp_path):
    # a watch with a wrong clock: kept, 2031 was the newest day, and every status judged on it
    today = dt.date.today()
    for days_ago in (3, 2, 1):
        start = dt.datetime.combine(today - dt.timedelta(days=days_ago), dt.time(7), dt.UTC)
        (tmp_path / f"run-{days_ago}.fit").write_bytes(simple_run_fit(start, 1800, 5000.0))
    wrong = dt.datetime(2031, 5, 4, 7, tzinfo=dt.UTC)
    (tmp_path / "wrong-clock.fit").write_bytes(simple_run_fit(wrong, 1800, 5000.0))
    tomorrow = dt.datetime.combine(today + dt.timedelta(days=1), dt.time(1), dt.UTC)
    (tmp_path / "tomorrow.fit").write_bytes(simple_run_fit(tomorrow, 1800, 5000.0, lat_deg=None))
    log = load(tmp_path)
    assert len(log.activities) == 4  # a day ahead is a runner east of this computer
    assert log.activities["local_date"].max() <= today + dt.timedelta(days=1)
    [error] = log.errors
    assert error.path.endswith("wrong-clock.fit") and error.kind == "implausible"
    assert error.reason.startswith("an activity dated Sun 4 May 2031, after today (")
