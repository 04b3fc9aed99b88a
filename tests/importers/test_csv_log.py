"""A runner's own training log as CSV: header names, units, dates, and the real Umlaute log."""

import contextlib
import datetime as dt
import io
import math
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.errors import BadFile, UnrecognisedFile
from analyzer.importers import Imported, csv_log, importer_for
from analyzer.reading import parse
from tests.conftest import manifest_rows
from tests.importers import reasons

METRES_PER_MILE = 1609.344


def read(text: str, encoding: str = "utf-8") -> Imported:
    return csv_log.read(io.BytesIO(text.encode(encoding)))


def fields_of(text: str) -> list[dict]:
    return [record.fields for record in read(text).records]


def only(text: str) -> dict:
    records = fields_of(text)
    assert len(records) == 1
    return records[0]


# --- recognising the file ------------------------------------------------------------------


def test_the_registry_sends_a_hand_log_here():
    assert importer_for("log.csv", b"date,distance_km\n2024-05-01,5\n") is csv_log


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        pytest.param(b"date,distance_km\n", True, id="a log header"),
        pytest.param(b"Datum;Distanz in km;Notiz\n", True, id="a German log with semicolons"),
        pytest.param(b"a,b,c\n1,2,3\n", True, id="any table: read() gives the reason"),
        pytest.param(b"", True, id="an empty file: read() says it is empty"),
        pytest.param(b"<?xml version='1.0'?>\n<gpx/>", False, id="XML is no table"),
        pytest.param(b'{"a": 1, "b": 2}', False, id="JSON is no table"),
        pytest.param(b"one line of prose\n", False, id="prose is no table"),
    ],
)
def test_sniff(head, expected):
    assert csv_log.sniff(head) is expected


def test_a_table_without_a_distance_gets_a_reason_listing_its_columns():
    outcome = parse("weights.csv", b"Date,Weight,Mood\n2024-05-01,70,ok\n")
    assert isinstance(outcome, BadFile)
    assert str(outcome) == (
        "a CSV with columns Date, Weight, Mood: runlog needs at least a date and a distance "
        "column (it has no distance column); see the README's table of accepted headers"
    )
    assert isinstance(outcome, UnrecognisedFile)  # the other CSVs of an export pass quietly


def test_a_table_with_neither_says_so_too():
    with pytest.raises(BadFile, match=r"^a CSV with columns a, b, c: runlog needs"):
        read("a,b,c\n1,2,3\n")


def test_an_empty_file_is_said_to_be_empty():
    outcome = parse("log.csv", b"")
    assert isinstance(outcome, BadFile)
    assert str(outcome).startswith("is empty")


# --- distance and its unit -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "cell", "expected_m"),
    [
        pytest.param("distance_km", "5.2", 5200, id="distance_km"),
        pytest.param("Distance (km)", "5.2", 5200, id="Distance (km)"),
        pytest.param("Distanz in km", '"5,2"', 5200, id="Distanz in km with a decimal comma"),
        pytest.param("km", "5.2", 5200, id="km alone"),
        pytest.param("Miles", "3.1", 3.1 * METRES_PER_MILE, id="Miles"),
        pytest.param("distance_mi", "3.1", 3.1 * METRES_PER_MILE, id="distance_mi"),
        pytest.param("distance_m", "5200", 5200, id="distance_m"),
        pytest.param("Strecke", "5.2", 5200, id="Strecke without a unit: km"),
        pytest.param("distance", "5200", 5200, id="no unit and hundreds: metres"),
        pytest.param("distance", "5 km", 5000, id="5 km in the cell"),
        pytest.param("distance", "3.1 mi", 3.1 * METRES_PER_MILE, id="3.1 mi in the cell"),
        pytest.param("distance", "5000 m", 5000, id="5000 m in the cell"),
        pytest.param("distance", '"10,5 km"', 10500, id="10,5 km in the cell"),
    ],
)
def test_distance_units_from_header_or_cell(header, cell, expected_m):
    text = f'date,"{header}"\n2024-05-01,{cell}\n'
    assert only(text)["distance_m"] == pytest.approx(expected_m)


def test_units_in_cells_can_differ_from_row_to_row():
    text = "date,distance\n2024-05-01,5 km\n2024-05-02,3.1 mi\n2024-05-03,800 m\n"
    assert [row["distance_m"] for row in fields_of(text)] == pytest.approx(
        [5000, 3.1 * METRES_PER_MILE, 800]
    )


def test_a_pace_column_is_not_a_distance():
    text = "date,pace (min/km),distance (km)\n2024-05-01,5:30,10\n"
    assert only(text)["distance_m"] == 10_000


# --- dates and times -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cells", "expected_days"),
    [
        pytest.param(["2024-05-01", "2024-05-13"], ["2024-05-01", "2024-05-13"], id="ISO"),
        pytest.param(["01.05.24", "13.05.24"], ["2024-05-01", "2024-05-13"], id="dd.mm.yy"),
        pytest.param(["01.05.2024", "02.05.2024"], ["2024-05-01", "2024-05-02"], id="dd.mm.yyyy"),
        pytest.param(
            ["01/05/2024", "13/05/2024"], ["2024-05-01", "2024-05-13"], id="a 13th: day first"
        ),
        pytest.param(
            ["05/01/2024", "05/13/2024"], ["2024-05-01", "2024-05-13"], id="a 13th: month first"
        ),
        pytest.param(
            ["03/05/2024", "04/05/2024"], ["2024-05-03", "2024-05-04"], id="ambiguous: day first"
        ),
    ],
)
def test_dates_are_read_per_file(cells, expected_days):
    text = "date,km\n" + "".join(f"{cell},5\n" for cell in cells)
    starts = [row["start_time_local"] for row in fields_of(text)]
    assert [start.date().isoformat() for start in starts] == expected_days


def test_a_date_alone_starts_at_local_noon_and_says_so():
    fields = only("date,km\n2024-05-01,5\n")
    assert fields["start_time_local"] == pd.Timestamp("2024-05-01 12:00")
    assert fields["date_only"] is True
    assert pd.isna(fields["start_time_utc"])


def test_a_date_with_a_time_is_wall_time():
    fields = only("date,km\n2024-05-01 06:45,5\n")
    assert fields["start_time_local"] == pd.Timestamp("2024-05-01 06:45")
    assert fields["date_only"] is False


def test_a_separate_start_time_column():
    fields = only("Date,Start time,km\n01.05.2024,7:30 pm,5\n")
    assert fields["start_time_local"] == pd.Timestamp("2024-05-01 19:30")
    assert fields["date_only"] is False


def test_a_date_column_beats_a_day_of_week_column():
    fields = only("Day,Date,km\nWed,2024-05-01,5\n")
    assert fields["start_time_local"].date() == dt.date(2024, 5, 1)


def test_rows_with_unreadable_dates_are_left_out_and_said():
    imported = read("date,km\n2024-05-01,5\nsoon,6\n")
    assert len(imported.records) == 1
    assert reasons(imported) == [
        "left out 1 of 2 rows whose date is missing or unreadable (first: 'soon')"
    ]


def test_no_readable_date_at_all_is_a_bad_file():
    with pytest.raises(BadFile, match="none of its 1 rows has a date runlog can read"):
        read("date,km\nsoon,5\n")


# --- durations -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "cell", "expected_s"),
    [
        pytest.param("duration", "1:05:11", 3911, id="H:MM:SS"),
        pytest.param("time", "45:30", 2730, id="MM:SS"),
        pytest.param("Zeit HH:MM:SS", "00:55:30", 3330, id="Zeit HH:MM:SS"),
        pytest.param("duration_min", "45", 2700, id="minutes by the header"),
        pytest.param("Dauer (min)", "45,5", 2730, id="minutes with a decimal comma"),
        pytest.param("time_s", "2700", 2700, id="seconds by the header"),
        pytest.param("duration", "45", 2700, id="a small plain number: minutes"),
        pytest.param("duration", "2700", 2700, id="a large plain number: seconds"),
    ],
)
def test_durations(header, cell, expected_s):
    fields = only(f'date,km,"{header}"\n2024-05-01,5,"{cell}"\n')
    assert fields["moving_s"] == pytest.approx(expected_s)
    assert fields["elapsed_s"] == pytest.approx(expected_s)
    assert fields["avg_speed_mps"] == pytest.approx(5000 / expected_s)


def test_moving_and_elapsed_time_are_kept_apart():
    fields = only("date,km,moving time,elapsed time\n2024-05-01,5,28:00,31:00\n")
    assert (fields["moving_s"], fields["elapsed_s"]) == (1680, 1860)


def test_a_missing_duration_is_nan_not_zero():
    fields = only("date,km,time\n2024-05-01,5,\n")
    assert math.isnan(fields["moving_s"])
    assert math.isnan(fields["avg_speed_mps"])


# --- cadence, surface, shoe, notes, athlete, type ------------------------------------------


@pytest.mark.parametrize(
    ("kind", "cell", "expected_spm"),
    [
        pytest.param("Run", "172", 172, id="two feet on a run stays"),
        pytest.param("Run", "86", 172, id="one foot on a run is doubled"),
        pytest.param("Walk", "110", 110, id="a slow walk is not doubled"),
        pytest.param("Run", "", None, id="empty is missing"),
    ],
)
def test_cadence_is_both_feet(kind, cell, expected_spm):
    found = only(f"date,km,type,cadence_spm\n2024-05-01,5,{kind},{cell}\n")["avg_cadence_spm"]
    assert math.isnan(found) if expected_spm is None else found == expected_spm


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        pytest.param("road", "road", id="road"),
        pytest.param("Asphalt", "road", id="asphalt is road"),
        pytest.param("trail", "trail", id="trail"),
        pytest.param("gravel", "trail", id="gravel is trail"),
        pytest.param("Wald", "trail", id="Wald is trail"),
        pytest.param("track", "track", id="track"),
        pytest.param("Tartan", "track", id="tartan is track"),
        pytest.param("treadmill", "treadmill", id="treadmill"),
        pytest.param("Laufband", "treadmill", id="Laufband is treadmill"),
        pytest.param("grass", "grass", id="grass"),
        pytest.param("beach", "sand", id="beach is sand"),
        pytest.param("", "unknown", id="empty is unknown"),
        pytest.param("moon dust", "unknown", id="an unknown word is unknown"),
    ],
)
def test_the_surface_column(cell, expected):
    assert only(f"date,km,surface\n2024-05-01,5,{cell}\n")["surface"] == expected


def test_without_a_surface_column_the_type_and_title_say_it():
    text = "date,km,type,title\n2024-05-01,5,Run,Trail loop\n2024-05-02,5,Run,Easy\n"
    assert [row["surface"] for row in fields_of(text)] == ["trail", "unknown"]


def test_a_treadmill_flag():
    text = "date,km,indoor\n2024-05-01,5,yes\n2024-05-02,5,0\n"
    assert [row["surface"] for row in fields_of(text)] == ["treadmill", "unknown"]


def test_shoe_notes_and_title():
    text = 'date,km,shoes,notes,title\n2024-05-01,5,Ghost 3,"knee sore, stopped; ""ouch""",Tempo\n'
    fields = only(text)
    assert fields["shoe"] == "Ghost 3"
    assert fields["notes"] == 'knee sore, stopped; "ouch"'
    assert fields["name"] == "Tempo"
    assert fields["device"] == "training log"


def test_an_athlete_column_names_each_row_s_runner():
    text = "athlete,date,km\nana,2024-05-01,5\nben,2024-05-01,8\n"
    assert [row["athlete"] for row in fields_of(text)] == ["ana", "ben"]


def test_without_an_athlete_column_the_loader_names_the_runner():
    assert "athlete" not in only("date,km\n2024-05-01,5\n")


@pytest.mark.parametrize(
    ("kind", "sport"),
    [
        pytest.param(None, "running", id="no type column: running"),
        pytest.param("", "running", id="an empty type: running"),
        pytest.param("Run", "running", id="Run"),
        pytest.param("Walk", "walking", id="Walk"),
        pytest.param("Rad", "other", id="a word it does not know: other"),
        pytest.param("Bike", "cycling", id="Bike"),
        pytest.param("LaD", "running", id="the training code LaD"),
        pytest.param("WK", "running", id="the training code WK"),
        pytest.param("Yoga", "other", id="Yoga is no training code"),
        pytest.param("HIIT", "other", id="HIIT is a workout, not a run"),
    ],
)
def test_the_type_column(kind, sport):
    text = "date,km\n2024-05-01,5\n" if kind is None else f"date,km,Art\n2024-05-01,5,{kind}\n"
    assert only(text)["sport"] == sport


def test_a_runkeeper_export():
    text = (
        "Activity Id,Date,Type,Route Name,Distance (km),Duration,Average Pace,"
        "Average Speed (km/h),Calories Burned,Climb (m),Average Heart Rate (bpm),"
        "Friend's Tagged,Notes,GPX File\n"
        "a1b2c3,2019-03-04 06:10:00,Running,River loop,8.21,48:12,5:52,10.22,600,45,148,,"
        "left knee sore 3/10,2019-03-04-061000.gpx\n"
        "a1b2c4,2019-03-05 18:00:00,Cycling,,25.5,1:02:03,2:26,24.6,700,120,,,,\n"
    )
    run, ride = fields_of(text)
    assert (run["sport"], run["distance_m"], run["moving_s"]) == ("running", 8210.0, 2892.0)
    assert (run["avg_hr_bpm"], run["ascent_m"], run["name"]) == (148.0, 45.0, "River loop")
    assert run["notes"] == "left knee sore 3/10"
    assert run["start_time_local"] == pd.Timestamp("2019-03-04 06:10:00")
    assert (ride["sport"], ride["moving_s"]) == ("cycling", 3723.0)


def test_a_rest_day_row_is_a_note_not_a_run():
    text = "date,km,notes\n2024-05-01,5,easy\n2024-05-02,,rest day: left knee sore\n2024-05-03,,\n"
    imported = read(text)
    assert len(imported.records) == 1
    assert imported.notes == [
        {"local_date": dt.date(2024, 5, 2), "text": "rest day: left knee sore"}
    ]


def test_a_german_log_with_semicolons_and_decimal_commas():
    text = "Datum;Distanz (km);Dauer;Ø HF;Schuh;Bemerkung\n03.05.2024;10,5;0:55:00;142;Ghost;gut\n"
    fields = only(text)
    assert fields["distance_m"] == 10_500
    assert fields["moving_s"] == 3300
    assert fields["avg_hr_bpm"] == 142
    assert fields["shoe"] == "Ghost"
    assert fields["notes"] == "gut"
    assert fields["start_time_local"] == pd.Timestamp("2024-05-03 12:00")


def test_a_semicolon_log_writes_decimal_commas_even_when_they_look_like_thousands():
    fields = only("Datum;km;Zeit\n03.05.2024;10,500;0:55:00\n")
    assert fields["distance_m"] == 10_500


def test_a_latin1_log_keeps_its_umlauts():
    text = "Datum,km,Notiz\n01.05.2024,5,Knie fühlt sich gut an\n"
    assert read(text, "latin-1").records[0].fields["notes"] == "Knie fühlt sich gut an"


# --- the README table of headers -----------------------------------------------------------

# Each row of the README table, by the field a header of that row fills.
TABLE_FIELDS = {
    "date (required)": "start_time_local",
    "time of day": "start_time_local",
    "distance (required)": "distance_m",
    "duration": "moving_s",
    "moving time": "moving_s",
    "elapsed time": "elapsed_s",
    "cadence": "avg_cadence_spm",
    "average heart rate": "avg_hr_bpm",
    "ascent": "ascent_m",
    "surface": "surface",
    "treadmill": "surface",
    "shoe": "shoe",
    "notes": "notes",
    "athlete": "athlete",
    "type": "sub_sport",
    "title": "name",
}
VALUES = {
    "start_time_local": "2024-05-01 07:30",
    "distance_m": "5",
    "moving_s": "30:00",
    "elapsed_s": "30:00",
    "avg_cadence_spm": "170",
    "avg_hr_bpm": "150",
    "ascent_m": "40",
    "surface": "trail",
    "shoe": "Ghost",
    "notes": "fine",
    "athlete": "ana",
    "sub_sport": "Run",
    "name": "Tempo",
}


def documented_headers() -> list[tuple[str, str, str]]:
    """(table row, header name, field) for every header the README's table lists."""
    listed = {
        **csv_log.HEADER_NAMES,
        "moving time": ("moving time",),
        "elapsed time": ("elapsed time",),
    }
    return [
        (row, name, TABLE_FIELDS[row])
        for row, names in listed.items()
        for name in names
        if row in TABLE_FIELDS
    ]


def test_the_docstring_table_lists_every_role():
    assert {row for row, _, _ in documented_headers()} == set(TABLE_FIELDS)


@pytest.mark.parametrize(
    ("row", "header", "field"),
    [pytest.param(*item, id=f"{item[0]}: {item[1]}") for item in documented_headers()],
)
def test_every_documented_header_is_read(row, header, field):
    columns = {"date": "2024-05-01", "distance_km": "5"}
    if field == "start_time_local" and row.startswith("date"):
        columns = {header: VALUES[field], "distance_km": "5"}
    elif field == "start_time_local":
        columns = {"date": "2024-05-01", header: "07:30", "distance_km": "5"}
    elif field == "distance_m":
        columns = {"date": "2024-05-01", header: "5"}
    elif row == "treadmill":
        columns[header] = "yes"
    else:
        columns[header] = VALUES[field]
    text = ",".join(f'"{name}"' for name in columns) + "\n" + ",".join(columns.values()) + "\n"
    fields = only(text)
    if field == "start_time_local":
        assert fields[field] == pd.Timestamp("2024-05-01 07:30")
    elif field == "distance_m":
        assert fields[field] > 0
    elif row == "treadmill":
        assert fields[field] == "treadmill"
    elif field in ("moving_s", "elapsed_s"):
        assert fields[field] == 1800
    elif field == "sub_sport":
        assert fields[field] == "run"
    elif isinstance(fields[field], str):
        assert fields[field] == VALUES[field]
    else:
        assert fields[field] == float(VALUES[field])


@settings(deadline=None, max_examples=15)  # each read costs pandas a fixed ~50 ms
@given(st.binary(max_size=300))
def test_log_reader_fails_only_with_bad_file(junk):
    with contextlib.suppress(BadFile):
        csv_log.read(io.BytesIO(b"date,km,notes\n2024-05-01,5,ok\n" + junk))


# --- the real log of the manifest ----------------------------------------------------------

LOG_ROWS = [row for row in manifest_rows() if row["file"] == "csv/runalyze__Umlaute.csv"]


@pytest.mark.parametrize(
    "row", [pytest.param(row, id=f"{row['file']} matches the manifest") for row in LOG_ROWS]
)
def test_the_umlaute_log_matches_the_manifest(row, real_data):
    imported = csv_log.read(io.BytesIO((real_data / row["file"]).read_bytes()))
    frame = pd.DataFrame([record.fields for record in imported.records])
    assert len(frame) == int(re.search(r"(\d+) rows", row["notes"]).group(1))
    assert frame["distance_m"].sum() == pytest.approx(float(row["distance_m"]), rel=0.01)
    assert frame["moving_s"].sum() == pytest.approx(float(row["duration_s"]), rel=0.01)
    # A date-only manifest start: the earliest day, which runlog starts at noon.
    assert frame["start_time_local"].min().date() == dt.date.fromisoformat(row["start_time_utc"])
    assert frame["date_only"].all()
    assert (frame["sport"] == "running").all()
    assert sorted(frame["sub_sport"].unique()) == ["lad", "lod", "wk"]
    assert frame["shoe"].value_counts().to_dict() == {"Gel Cumulus": 3, "Ghost 3": 2}
    assert frame["avg_hr_bpm"].notna().all()
    assert frame["notes"].str.contains("linke tiefe Wade fühlte sich etwas hart an").any()
    assert imported.problems == []


def test_a_hand_log_keeps_runs_of_old_diaries_but_not_a_spreadsheets_zero_day():
    imported = read(
        "date,distance_km,duration\n"
        "1899-12-30,5,00:30:00\n"  # a spreadsheet's zero day: no run
        "1975-05-01,10,00:50:00\n"
        "1980-01-02,8,00:40:00\n"
    )
    days = [record.fields["start_time_local"].date() for record in imported.records]
    assert days == [dt.date(1975, 5, 1), dt.date(1980, 1, 2)]
    assert [problem.reason for problem in imported.problems] == [
        "left out 1 of 3 rows whose date is missing or unreadable (first: '1899-12-30')"
    ]
