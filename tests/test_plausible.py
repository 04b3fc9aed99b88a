"""Nothing invented: values no runner could have run are dropped or repaired, and said."""

from __future__ import annotations

import datetime as dt
import json
import math
import random
import re

import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer import cli, load, plausible
from analyzer.errors import FileErrorKind, ProfileError
from analyzer.importers import Imported, Problem, Record, RecordTable
from analyzer.profile import profile_from_dict
from analyzer.reading import parse
from tests.test_cli import gpx_run

HEADER = "date,distance_km,duration_min\n"


def invoke(*args):
    return CliRunner().invoke(cli.cli, [str(arg) for arg in args])


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def total_km(path) -> float:
    return float(load(path).activities["distance_m"].sum()) / 1000


def test_a_negative_distance_is_left_out_not_subtracted(tmp_path):
    path = write(tmp_path, "log.csv", HEADER + "2026-03-02,8,45\n2026-03-03,-10,50\n")
    result = invoke("check", path)
    assert result.exit_code == cli.EXIT_SKIPPED_FILES
    assert "log.csv: left out the distance of the run of 2026-03-03, -10.0 km" in result.stderr
    assert total_km(path) == pytest.approx(8.0)


@pytest.mark.parametrize("distance", ["10000", "1e308", "inf", "-inf", "nan"])
def test_absurd_distances_never_reach_a_rule_or_a_chart(tmp_path, distance):
    rows = "".join(f"2026-03-{day:02d},10,55\n" for day in range(2, 28))
    path = write(tmp_path, "log.csv", HEADER + rows + f"2026-03-28,{distance},25\n")
    report = invoke("report", path, "-o", tmp_path / "report.html")
    assert report.exit_code in (cli.EXIT_OK, cli.EXIT_SKIPPED_FILES), report.output
    assert total_km(path) == pytest.approx(260.0)
    document = json.loads(invoke("check", path, "--format", "json").stdout)
    assert document["athletes"][0]["activities"] == 27  # the run counts; its distance does not


def test_a_run_faster_than_anyone_runs_loses_its_distance(tmp_path):
    path = write(tmp_path, "log.csv", HEADER + "2026-03-02,8,45\n2026-03-04,67,10\n")
    result = invoke("check", path)
    assert "67.0 km in 0:10:00, 402.0 km/h: covered faster than anyone runs" in result.stderr
    assert total_km(path) == pytest.approx(8.0)


def test_a_row_written_twice_counts_once(tmp_path):
    path = write(tmp_path, "log.csv", HEADER + "2026-03-02,8,45\n2026-03-02,8,45\n")
    result = invoke("check", path)
    assert "1 activity written twice in the file, counted once" in result.stderr
    assert total_km(path) == pytest.approx(8.0)


def test_an_impossible_time_of_day_never_moves_a_run_to_the_next_day(tmp_path):
    path = write(
        tmp_path,
        "log.csv",
        "date,start time,distance_km,duration_min\n"
        "2026-03-02,25:61,8,45\n2026-03-03,07:10,9,50\n2026-03-04 25:61,,9,50\n",
    )
    result = invoke("check", path)
    assert (
        "left out 1 of 3 rows whose date is missing or unreadable (first: '2026-03-04 25:61')"
        in (result.stderr)
    )
    assert "read 1 rows whose time of day is no time as their day's runs (first: '25:61')" in (
        result.stderr
    )
    days = load(path).activities["local_date"].tolist()
    assert days == [dt.date(2026, 3, 2), dt.date(2026, 3, 3)]


@pytest.mark.parametrize("date", ["0001-01-01", "9999-12-31", "1900-01-01"])
def test_a_date_outside_the_years_of_runs_is_one_unreadable_row(tmp_path, date):
    path = write(tmp_path, "log.csv", HEADER + f"2026-03-02,8,45\n{date},5,30\n2026-03-04,9,50\n")
    result = invoke("check", path)
    assert result.exit_code == cli.EXIT_SKIPPED_FILES
    assert (
        f"log.csv: left out 1 of 3 rows whose date is missing or unreadable (first: '{date}')"
        in (result.stderr)
    )
    assert "runlog failed" not in result.output
    assert total_km(path) == pytest.approx(17.0)


def test_moving_time_longer_than_the_activity_is_left_out():
    imported = plausible.checked(
        Imported(records=[Record({"sport": "running", "elapsed_s": 1800.0, "moving_s": 7200.0})])
    )
    assert math.isnan(imported.records[0].fields["moving_s"])
    assert imported.records[0].fields["elapsed_s"] == 1800.0
    assert imported.problems == [
        Problem(
            "left out the moving time of a run, 2:00:00 moving in 0:30:00: "
            "longer than the whole activity",
            FileErrorKind.IMPLAUSIBLE,
        )
    ]


def test_a_start_position_off_the_globe_is_left_out():
    fields = {"sport": "running", "start_lat_deg": 1000.0, "start_lon_deg": -73.97}
    imported = plausible.checked(Imported(records=[Record(fields)]))
    kept = imported.records[0].fields
    assert math.isnan(kept["start_lat_deg"]) and math.isnan(kept["start_lon_deg"])


def test_plausible_values_pass_untouched():
    fields = {
        "sport": "running",
        "start_time_utc": pd.Timestamp("2026-03-02T06:00Z"),
        "distance_m": 42_195.0,
        "elapsed_s": 3 * 3600.0,
        "moving_s": 2.9 * 3600,
        "avg_cadence_spm": 178.0,
        "avg_hr_bpm": 151.0,
        "ascent_m": 120.0,
        "start_lat_deg": -33.87,
        "start_lon_deg": -73.97,
    }
    imported = Imported(records=[Record(fields)])
    assert plausible.checked(imported) is imported


_any_number = st.one_of(
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**12), max_value=10**12),
)


@settings(max_examples=300, deadline=None)
@given(
    sport=st.sampled_from(["running", "walking", "cycling", "other", None]),
    values=st.fixed_dictionaries(
        {
            name: _any_number
            for name in (
                "distance_m",
                "elapsed_s",
                "moving_s",
                "avg_speed_mps",
                "avg_cadence_spm",
                "avg_hr_bpm",
                "ascent_m",
                "descent_m",
                "start_lat_deg",
                "start_lon_deg",
            )
        }
    ),
)
def test_no_checked_value_is_one_a_runner_could_not_have_run(sport, values):
    fields = {"sport": sport, **values}
    kept = plausible.checked(Imported(records=[Record(fields)])).records[0].fields

    def value(name: str) -> float:
        number = kept[name]
        return math.nan if number is None else float(number)

    is_foot = sport in plausible.FOOT_SPORTS
    distance_m, moving_s, elapsed_s = value("distance_m"), value("moving_s"), value("elapsed_s")
    top_mps = plausible.MAX_FOOT_SPEED_MPS if is_foot else plausible.MAX_SPEED_MPS
    for name, high in (
        ("distance_m", plausible.MAX_FOOT_DISTANCE_M if is_foot else plausible.MAX_DISTANCE_M),
        ("elapsed_s", plausible.MAX_DURATION_S),
        ("moving_s", plausible.MAX_DURATION_S),
        ("avg_speed_mps", top_mps),
        ("avg_cadence_spm", plausible.MAX_CADENCE_SPM),
        ("avg_hr_bpm", plausible.MAX_HR_BPM),
        ("ascent_m", plausible.MAX_CLIMB_M),
        ("descent_m", plausible.MAX_CLIMB_M),
    ):
        assert math.isnan(value(name)) or 0 <= value(name) <= high, name
    duration_s = moving_s if moving_s > 0 else elapsed_s
    if distance_m > 0 and duration_s > 0:
        assert distance_m / duration_s <= top_mps
    if moving_s >= 0 and elapsed_s >= 0:
        assert moving_s <= elapsed_s * 1.05 + 60
    assert math.isnan(value("start_lat_deg")) or abs(value("start_lat_deg")) <= 90
    assert math.isnan(value("start_lon_deg")) or abs(value("start_lon_deg")) <= 180


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(
        st.fixed_dictionaries(
            {
                "sport": st.sampled_from(["running", "walking", "cycling", None]),
                **{
                    name: _any_number
                    for name in (
                        "distance_m",
                        "elapsed_s",
                        "moving_s",
                        "avg_speed_mps",
                        "avg_cadence_spm",
                        "start_lat_deg",
                        "start_lon_deg",
                    )
                },
            }
        ),
        min_size=1,
        max_size=6,
    )
)
def test_a_tables_records_are_checked_as_records_one_by_one(rows):
    # a CSV log's rows come as one frame (RecordTable), checked column by column: the same
    # values are left out, with the same lines, as when each record is checked on its own
    rows = [{**row, "name": f"run {index}"} for index, row in enumerate(rows)]  # none twice
    one_by_one = plausible.checked(Imported(records=[Record(dict(row)) for row in rows]))
    as_table = plausible.checked(Imported(records=RecordTable(pd.DataFrame(rows))))
    assert as_table.problems == one_by_one.problems

    def numbers(fields: dict) -> dict:
        return {
            name: math.nan if value is None else float(value)
            for name, value in fields.items()
            if name not in ("sport", "name")
        }

    for table_record, record in zip(as_table.records, one_by_one.records, strict=True):
        kept, wanted = numbers(table_record.fields), numbers(record.fields)
        assert kept.keys() == wanted.keys()
        for name, value in wanted.items():
            assert kept[name] == value or (math.isnan(kept[name]) and math.isnan(value)), name


def test_gpx_points_out_of_time_order_are_sorted_not_zigzagged():
    ordered = gpx_run(minutes=40, speed_mps=2.8)
    points = re.findall(r"<trkpt .*?</trkpt>", ordered)
    shuffled = random.Random(7).sample(points, len(points))
    expected = parse("run.gpx", ordered.encode())
    outcome = parse("run.gpx", ordered.replace("".join(points), "".join(shuffled)).encode())
    fields, want = outcome[2].records[0].fields, expected[2].records[0].fields
    assert fields["distance_m"] == pytest.approx(want["distance_m"], rel=1e-9)  # 6.7 km
    assert fields["moving_s"] <= fields["elapsed_s"]
    assert "measured them in time order, 6.7 km" in outcome[2].problems[0].reason


@pytest.mark.parametrize("year", [1900, 1970, 2100])
def test_gpx_times_outside_the_years_of_runs_say_so(tmp_path, year):
    path = write(tmp_path, "run.gpx", gpx_run(start=dt.datetime(year, 3, 2, 6, tzinfo=dt.UTC)))
    result = invoke("check", path)
    assert f"run.gpx: its points are timed in {year}, outside the years 1980-2099" in result.stderr
    assert "planned route" not in result.stderr


def test_a_gpx_naming_a_surrogate_character_is_read():
    text = gpx_run().replace("<name>Morning run</name>", "<name>bad &#xD800; &#1; name</name>")
    outcome = parse("run.gpx", text.encode())
    assert outcome[2].records[0].fields["name"] == "bad \ufffd \ufffd name"


def test_a_tcx_point_with_a_latitude_and_no_longitude_has_no_position():
    points = "".join(
        f"<Trackpoint><Time>2026-03-02T06:0{minute}:00Z</Time><Position>"
        f"<LatitudeDegrees>55.0{minute}</LatitudeDegrees></Position></Trackpoint>"
        for minute in range(5)
    )
    tcx = (
        '<?xml version="1.0"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/'
        'TrainingCenterDatabase/v2"><Activities><Activity Sport="Running">'
        '<Id>2026-03-02T06:00:00Z</Id><Lap StartTime="2026-03-02T06:00:00Z">'
        "<TotalTimeSeconds>600</TotalTimeSeconds><DistanceMeters>2000</DistanceMeters>"
        f"<Track>{points}</Track></Lap></Activity></Activities></TrainingCenterDatabase>"
    )
    outcome = parse("run.tcx", tcx.encode())
    fields = outcome[2].records[0].fields
    assert fields["has_gps"] is False and math.isnan(fields["start_lat_deg"])
    assert fields["distance_m"] == 2000


@pytest.mark.parametrize(
    ("place", "words"),
    [
        pytest.param({"lat_deg": 1000, "lon_deg": 12.5}, "lat_deg = 1000", id="latitude 1000"),
        pytest.param({"lat_deg": -90.5, "lon_deg": 12.5}, "lat_deg = -90.5", id="south of -90"),
        pytest.param({"lat_deg": 40.78, "lon_deg": 181}, "lon_deg = 181", id="longitude 181"),
        pytest.param({"lat_deg": 40.78, "lon_deg": -180.5}, "lon_deg = -180.5", id="west of -180"),
    ],
)
def test_a_surface_place_off_the_globe_is_one_line(place, words):
    with pytest.raises(ProfileError, match="outside its range") as caught:
        profile_from_dict({"surfaces": [{"surface": "track", **place}]}, "ana.toml")
    assert words in str(caught.value) and "\n" not in str(caught.value)


def test_a_surface_place_west_and_south_tags_the_runs_there(tmp_path):
    folder = tmp_path / "runs"
    folder.mkdir()
    gpx = gpx_run().replace('lat="55.', 'lat="-33.').replace('lon="12.5"', 'lon="-70.6"')
    (folder / "run.gpx").write_text(gpx, encoding="utf-8")
    (folder / "runlog.toml").write_text(
        "[[surfaces]]\nsurface = 'track'\nlat_deg = -33.0\nlon_deg = -70.6\nradius_m = 300\n",
        encoding="utf-8",
    )
    assert load(folder).activities["surface"].tolist() == ["track"]


def test_sample_readings_no_body_or_place_gives_are_left_out():
    samples = pd.DataFrame(
        {
            "time_utc": pd.date_range("2026-03-02T06:00Z", periods=4, freq="10s"),
            "cadence_spm": [170.0, 420.0, 172.0, float("nan")],
            "hr_bpm": [150.0, 151.0, 255.0, 152.0],
            "altitude_m": [10.0, 11.0, 12.0, 20_000.0],
            "lat_deg": [55.0, 55.001, 95.0, 55.002],
            "lon_deg": [12.5, 12.5, 12.5, 12.5],
        }
    )
    fields = {"sport": "running", "start_time_utc": pd.Timestamp("2026-03-02T06:00Z")}
    record = Record(fields, samples)
    imported = plausible.checked(Imported(records=[record]))
    kept = imported.records[0].samples
    assert kept["cadence_spm"].isna().tolist() == [False, True, False, True]
    assert kept["hr_bpm"].isna().tolist() == [False, False, True, False]
    assert kept["altitude_m"].isna().tolist() == [False, False, False, True]
    assert kept["lat_deg"].isna().tolist() == kept["lon_deg"].isna().tolist()
    assert kept["lat_deg"].isna().tolist() == [False, False, True, False]
    assert samples["cadence_spm"].iloc[1] == 420.0  # the importer's frame is not changed
    assert imported.problems[0].kind == FileErrorKind.IMPLAUSIBLE
    assert imported.problems[0].reason == (
        "left out the cadence readings of the run of 2026-03-02 06:00, 1 of them "
        "(first: 420 steps/min): not between 0 steps/min and 300 steps/min"
    )
    assert len(imported.problems) == 4


def test_a_note_past_ten_thousand_characters_is_cut_with_a_notice():
    # 10 MB on one line of a journal took 24 s to read for knee pain; no note is that long
    from analyzer.importers.base import Imported, Record

    long_text = "left knee sore, 4/10 and some words " * 290_000
    imported = plausible.checked(
        Imported(
            records=[Record({"notes": long_text, "sport": "running"})],
            notes=[{"local_date": dt.date(2026, 3, 2), "text": long_text}, {"text": "short"}],
        )
    )
    assert [len(note["text"]) for note in imported.notes] == [plausible.MAX_NOTE_CHARS, 5]
    assert len(imported.records[0].fields["notes"]) == plausible.MAX_NOTE_CHARS
    [notice] = imported.problems
    assert notice.kind == "notice"
    assert notice.reason == (
        "cut 2 notes longer than 10,000 characters to their first 10,000 (10,440,000, "
        "10,440,000 characters): no note is that long (a paste gone wrong?)"
    )
