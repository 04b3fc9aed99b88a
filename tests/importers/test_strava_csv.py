"""Strava's activities.csv: fixtures built here for each trap, then the real exports."""

import contextlib
import csv
import io
import math
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.errors import BadFile
from analyzer.importers import Imported, csv_log, garmin_csv, importer_for, strava_csv
from tests.conftest import manifest_rows
from tests.importers import reasons


def names(text: str) -> list[str]:
    return text.split(",")


# The 94-column header of 2022-23 exports [docs/FORMATS.md §4.2]: five names appear twice.
HEADER = names(
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,"
    "Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,"
    "Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed,"
    "Average Speed,Elevation Gain,Elevation Loss,Elevation Low,Elevation High,Max Grade,"
    "Average Grade,Average Positive Grade,Average Negative Grade,Max Cadence,Average Cadence,"
    "Max Heart Rate,Average Heart Rate,Max Watts,Average Watts,Calories,Max Temperature,"
    "Average Temperature,Relative Effort,Total Work,Number of Runs,Uphill Time,Downhill Time,"
    "Other Time,Perceived Exertion,Type,Start Time,Weighted Average Power,Power Count,"
    "Prefer Perceived Exertion,Perceived Relative Effort,Commute,Total Weight Lifted,"
    "From Upload,Grade Adjusted Distance,Weather Observation Time,Weather Condition,"
    "Weather Temperature,Apparent Temperature,Dewpoint,Humidity,Weather Pressure,Wind Speed,"
    "Wind Gust,Wind Bearing,Precipitation Intensity,Sunrise Time,Sunset Time,Moon Phase,Bike,"
    "Gear,Precipitation Probability,Precipitation Type,Cloud Cover,Weather Visibility,UV Index,"
    "Weather Ozone,Jump Count,Total Grit,Average Flow,Flagged,Average Elapsed Speed,"
    "Dirt Distance,Newly Explored Distance,Newly Explored Dirt Distance,Activity Count,"
    "Total Steps,Carbon Saved,Pool Length,Training Load,Intensity,"
    "Average Grade Adjusted Pace,Timer Time,Total Cycles,Media"
)
SPAN = '<span class="translation_missing" title="translation missing: en-US.lib.x">{}</span>'
# A real run row's values [docs/FORMATS.md §4.2]: 3.32 km shown, 3322.95 m, 1411 s.
RUN = {
    "Activity ID": "12070555079",
    "Activity Date": "May 29, 2022, 3:53:35 PM",
    "Activity Name": "Evening Run",
    "Activity Type": "Run",
    "Elapsed Time": "1411",
    ("Elapsed Time", 1): "1411.0",
    "Moving Time": "1400.0",
    "Distance": "3.32",
    ("Distance", 1): "3322.949951171875",
    "Average Speed": "2.3735",
    "Elevation Gain": "12.5",
    "Elevation Loss": "11.0",
    "Average Cadence": "71.26",
    "Average Heart Rate": "151.2",
    "Commute": "false",
    ("Commute", 1): "0.0",
    "Filename": "activities/12866632127.fit.gz",
}


def strava(*rows: dict, header: list[str] = HEADER, newline: str = "\n") -> bytes:
    """An activities.csv with these rows; keys are names, or (name, copy) for repeats."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator=newline)
    writer.writerow(header)
    for row in rows:
        cells, seen = [], {}
        for name in header:
            plain = re.sub(r"<[^>]*>", "", name)
            copy = seen.get(plain, 0)
            seen[plain] = copy + 1
            cells.append(row.get((plain, copy), row.get(plain, "") if copy == 0 else ""))
        writer.writerow(cells)
    return stream.getvalue().encode()


def read(data: bytes) -> Imported:
    return strava_csv.read(io.BytesIO(data))


def only(data: bytes) -> dict:
    imported = read(data)
    assert len(imported.records) == 1
    return imported.records[0].fields


# --- recognising the file ------------------------------------------------------------------

GERMAN_HEADER = names(
    "Aktivitäts-ID,Aktivitätsdatum,Name der Aktivität,Aktivitätsart,Aktivitätsbeschreibung,"
    "Verstrichene Zeit,Distanz,Hinweis zur Privatsphäre für Aktivitäten,Aktivitätsausrüstung,"
    "Dateiname,Verstrichene Zeit,Bewegungszeit,Distanz,Durchschnittliche Geschwindigkeit,"
    "Höhenzunahme,Durchschnittliche Trittfrequenz,Durchschnittliche Herzfrequenz"
)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        pytest.param(strava(RUN), True, id="the English export is Strava"),
        pytest.param(
            strava(RUN, header=[SPAN.format(name) for name in HEADER]),
            True,
            id="headers wrapped in HTML spans are Strava",
        ),
        pytest.param(strava(header=GERMAN_HEADER), True, id="the German export is Strava"),
        pytest.param(
            b"ID de actividad,Fecha de la actividad,Nombre de la actividad,Tipo de actividad,"
            b"Nombre del archivo\n1,x,Carrera,Carrera,activities/1.gpx\n",
            True,
            id="the Spanish export is Strava",
        ),
        pytest.param(
            b"Filename,Distance\nactivities/1.gpx,5.0\n", True, id="Filename beside Distance"
        ),
        pytest.param(b"\xef\xbb\xbf" + strava(RUN), True, id="a BOM changes nothing"),
        pytest.param(
            b"Activity Type,Date,Favorite,Title,Distance,Avg Pace\n", False, id="Garmin is not"
        ),
        pytest.param(b"date,distance_km,notes\n2024-05-01,5,\n", False, id="a hand log is not"),
        pytest.param(b"<?xml version='1.0'?><gpx/>", False, id="XML is not"),
        pytest.param(b"", False, id="nothing is not"),
    ],
)
def test_sniff(head, expected):
    assert strava_csv.sniff(head[:4096]) is expected


def test_the_registry_picks_strava_before_the_other_csv_readers():
    assert importer_for("activities.csv", strava(RUN)) is strava_csv
    assert not garmin_csv.sniff(strava(RUN))
    assert csv_log.sniff(strava(RUN))  # the catch-all would take it: order matters


# --- columns, units and values -------------------------------------------------------------


def test_a_run_row_in_canonical_units():
    fields = only(strava(RUN))
    assert fields["activity_id"] == "strava-12070555079"
    assert fields["start_time_utc"] == pd.Timestamp("2022-05-29T15:53:35Z")
    assert fields["sport"] == "running"
    assert fields["sub_sport"] == "run"
    assert fields["distance_m"] == pytest.approx(3322.95)
    assert fields["elapsed_s"] == 1411
    assert fields["moving_s"] == 1400
    assert fields["avg_speed_mps"] == pytest.approx(3322.95 / 1400)
    assert fields["ascent_m"] == 12.5
    assert fields["descent_m"] == 11.0
    assert fields["avg_hr_bpm"] == pytest.approx(151.2)
    assert fields["device"] == "Strava"
    assert fields["linked_file"] == "activities/12866632127.fit.gz"
    assert fields["name"] == "Evening Run"


def test_the_activity_date_is_utc_not_local():
    fields = only(strava(RUN))
    assert str(fields["start_time_utc"].tz) == "UTC"
    assert "start_time_local" not in fields


def test_the_second_distance_column_is_metres_whatever_the_first_says():
    miles_shown = {**RUN, "Distance": "2.06"}  # the athlete's display unit is miles
    assert only(strava(miles_shown))["distance_m"] == pytest.approx(3322.95)


def short_header() -> list[str]:
    """An older, smaller export with one Distance column (display units)."""
    return [
        "Activity ID",
        "Activity Date",
        "Activity Name",
        "Activity Type",
        "Elapsed Time",
        "Moving Time",
        "Distance",
        "Average Speed",
        "Filename",
    ]


@pytest.mark.parametrize(
    ("shown", "speed", "expected_m"),
    [
        pytest.param("3.32", "2.3735", 3320.0, id="speed × time fits km"),
        pytest.param("2.06", "2.3735", 2.06 * 1609.344, id="speed × time fits miles"),
        pytest.param("3322.9", "2.3735", 3322.9, id="speed × time fits metres"),
        pytest.param("3.32", "", 3320.0, id="no speed: km is assumed"),
    ],
)
def test_a_lone_distance_column_takes_the_unit_its_speed_says(shown, speed, expected_m):
    row = {**RUN, "Distance": shown, "Average Speed": speed}
    assert only(strava(row, header=short_header()))["distance_m"] == pytest.approx(expected_m)


def test_html_span_headers_are_read_by_their_text():
    header = [SPAN.format(name) if name in ("Type", "Dirt Distance") else name for name in HEADER]
    row = {**RUN, "Dirt Distance": "2500.0"}
    assert only(strava(row, header=header))["surface"] == "trail"


def test_untranslated_header_keys_are_read_by_their_key():
    key = (
        "translation missing: en-US.lib.export.portability_exporter.activities."
        "horton_values.dirt_distance"
    )
    header = [key if name == "Dirt Distance" else name for name in HEADER]
    assert only(strava({**RUN, key: "2500.0"}, header=header))["surface"] == "trail"


def test_a_german_export_with_day_first_dates_and_decimal_commas():
    row = {
        "Aktivitäts-ID": "42",
        "Aktivitätsdatum": "29.05.2022, 15:53:35",
        "Name der Aktivität": "Abendlauf",
        "Aktivitätsart": "Lauf",
        "Verstrichene Zeit": "1411",
        "Distanz": "3,32",
        ("Distanz", 1): "3322,9",
        "Bewegungszeit": "1400",
        "Aktivitätsausrüstung": "Pegasus 39",
        "Durchschnittliche Trittfrequenz": "85,5",
    }
    fields = only(strava(row, header=GERMAN_HEADER))
    assert fields["start_time_utc"] == pd.Timestamp("2022-05-29T15:53:35Z")
    assert fields["distance_m"] == pytest.approx(3322.9)
    assert fields["sport"] == "running"
    assert fields["shoe"] == "Pegasus 39"
    assert fields["avg_cadence_spm"] == pytest.approx(171.0)


def test_a_row_typed_in_by_hand_without_a_file_is_still_a_run():
    manual = {
        **RUN,
        "Filename": "",
        "Activity Date": "Apr 6, 2008, 8:00:00 PM",
        ("Distance", 1): "10000.0",
    }
    records = read(strava(RUN, manual)).records
    assert len(records) == 2
    assert records[1].fields["linked_file"] is None
    assert records[1].fields["sport"] == "running"
    assert records[1].fields["distance_m"] == 10000.0


@pytest.mark.parametrize(
    ("gear", "bike", "gear_id", "expected"),
    [
        pytest.param("Pegasus 39", "", "8939781.0", "Pegasus 39", id="the gear's name first"),
        pytest.param("", "", "8939781.0", "gear 8939781", id="no nickname: the Gear id"),
        pytest.param("", "1234.0", "8939781.0", "gear 1234", id="Bike before Gear"),
        pytest.param("", "", "", None, id="no gear at all: empty"),
    ],
)
def test_gear_falls_back_to_its_numeric_id(gear, bike, gear_id, expected):
    row = {**RUN, "Activity Gear": gear, "Bike": bike, "Gear": gear_id}
    assert only(strava(row))["shoe"] == expected


def test_description_and_private_note_are_kept_whole_and_joined():
    description = 'Easy, "very" easy,\nthen strides'
    private_note = "left knee sore after 3 km, stopped"
    row = {**RUN, "Activity Description": description, "Activity Private Note": private_note}
    assert only(strava(row))["notes"] == description + "\n" + private_note


@pytest.mark.parametrize(
    ("description", "private_note", "expected"),
    [
        pytest.param("only this", "", "only this", id="a description alone"),
        pytest.param("", "knee ok", "knee ok", id="a private note alone"),
        pytest.param("", "", None, id="neither: no notes"),
    ],
)
def test_notes_from_either_field(description, private_note, expected):
    row = {**RUN, "Activity Description": description, "Activity Private Note": private_note}
    assert only(strava(row))["notes"] == expected


@pytest.mark.parametrize(
    ("kind", "cadence", "steps", "expected_spm"),
    [
        pytest.param("Run", "71.26", "", 142.52, id="a run's one-foot cadence is doubled"),
        pytest.param("Walk", "55", "", 110.0, id="a walk's too"),
        pytest.param("Ride", "85", "", None, id="a ride's pedal cadence is no step cadence"),
        pytest.param("Run", "", "3500", 150.0, id="no cadence: total steps over moving time"),
        pytest.param("Run", "", "", None, id="neither: missing, not zero"),
    ],
)
def test_cadence_is_steps_per_minute_for_both_feet(kind, cadence, steps, expected_spm):
    row = {**RUN, "Activity Type": kind, "Average Cadence": cadence, "Total Steps": steps}
    fields = only(strava(row))
    found = fields["avg_cadence_spm"]
    if expected_spm is None:
        assert math.isnan(found)
    else:
        assert found == pytest.approx(expected_spm)
    # labelled as derived only when it came from the steps
    assert bool(fields["cadence_is_derived"]) is (cadence == "" and steps != "")


def test_empty_and_dashed_cells_are_missing_not_zero():
    row = {**RUN, "Elevation Gain": "", "Elevation Loss": "--", "Average Heart Rate": ""}
    fields = only(strava(row))
    assert math.isnan(fields["ascent_m"])
    assert math.isnan(fields["descent_m"])
    assert math.isnan(fields["avg_hr_bpm"])


def test_a_written_zero_distance_stays_zero():
    yoga = {**RUN, "Activity Type": "Yoga", "Distance": "0", ("Distance", 1): "0.0"}
    fields = only(strava(yoga))
    assert fields["distance_m"] == 0.0
    assert fields["sport"] == "other"


@pytest.mark.parametrize(
    ("kind", "name", "dirt_m", "sport", "surface"),
    [
        pytest.param("Trail Run", "Evening", "", "running", "trail", id="Trail Run is trail"),
        pytest.param("Virtual Run", "Zwift", "", "running", "treadmill", id="Virtual: treadmill"),
        pytest.param("Run", "Beach run", "", "running", "sand", id="words of the name"),
        pytest.param("Run", "Evening Run", "2000", "running", "trail", id="mostly dirt: trail"),
        pytest.param("Run", "Evening Run", "1000", "running", "unknown", id="some dirt: unknown"),
        pytest.param("Virtual Run", "x", "3000", "running", "treadmill", id="dirt on a treadmill"),
        pytest.param("Hike", "x", "", "hiking", "unknown", id="a hike is hiking"),
        pytest.param("Weight Training", "x", "", "other", "unknown", id="gym is other"),
    ],
)
def test_sport_and_surface(kind, name, dirt_m, sport, surface):
    row = {**RUN, "Activity Type": kind, "Activity Name": name, "Dirt Distance": dirt_m}
    fields = only(strava(row))
    assert (fields["sport"], fields["surface"]) == (sport, surface)
    assert fields["sub_sport"] == kind.lower()


def test_crlf_and_spreadsheet_booleans_change_nothing():
    row = {**RUN, "Commute": "FALSE", ("Commute", 1): "FALSE"}
    assert only(strava(row, newline="\r\n"))["distance_m"] == pytest.approx(3322.95)


def test_a_row_with_an_unreadable_date_is_left_out_and_said():
    broken = {**RUN, "Activity ID": "2", "Activity Date": "yesterday"}
    imported = read(strava(RUN, broken))
    assert len(imported.records) == 1
    assert reasons(imported) == [
        "left out 1 of 2 rows whose Activity Date is missing or unreadable"
    ]


def test_no_readable_date_at_all_is_a_bad_file():
    with pytest.raises(BadFile, match="none of its 1 rows has an Activity Date"):
        read(strava({**RUN, "Activity Date": "someday"}))


def test_a_header_without_rows_is_an_empty_export():
    assert read(strava()).records == []


def test_a_table_without_an_activity_date_is_not_strava():
    with pytest.raises(BadFile, match=r"not a Strava activities\.csv"):
        read(b"Filename,Distance\nactivities/1.gpx,5.0\n")


@settings(deadline=None, max_examples=15)  # each read costs pandas a fixed ~50 ms
@given(st.binary(max_size=300))
def test_strava_reader_fails_only_with_bad_file(junk):
    with contextlib.suppress(BadFile):
        read(strava(RUN)[:400] + junk)


# --- the real exports of the manifest ------------------------------------------------------

STRAVA_ROWS = [
    row
    for row in manifest_rows()
    if row["file"].startswith("csv/") and "Strava bulk export" in row["creator_device"]
]


def manifest_counts(row: dict[str, str]) -> dict[str, int]:
    """{'run': 89, 'walk': 9 ...} from the manifest's 'summary: Run=89, Walk=9' sport cell."""
    return {kind.lower(): int(count) for kind, count in re.findall(r"(\w+)=(\d+)", row["sport"])}


def manifest_number(row: dict[str, str], pattern: str) -> float:
    return float(re.search(pattern, row["notes"]).group(1))


@pytest.fixture(
    params=STRAVA_ROWS, ids=[f"{row['file']} matches the manifest" for row in STRAVA_ROWS]
)
def real_export(request, real_data):
    row = request.param
    imported = strava_csv.read(io.BytesIO((real_data / row["file"]).read_bytes()))
    frame = pd.DataFrame([record.fields for record in imported.records])
    return row, imported, frame


def test_real_export_totals(real_export):
    row, imported, frame = real_export
    assert imported.problems == []
    assert len(frame) == manifest_number(row, r"(\d+) rows x")
    assert frame["distance_m"].sum() == pytest.approx(float(row["distance_m"]), rel=0.01)
    assert frame["elapsed_s"].sum() == pytest.approx(float(row["duration_s"]), rel=0.01)
    assert frame["start_time_utc"].min() == pd.Timestamp(row["start_time_utc"])


def test_real_export_types_and_runs(real_export):
    row, _, frame = real_export
    assert frame["sub_sport"].value_counts().to_dict() == manifest_counts(row)
    runs = frame[frame["sport"] == "running"]
    assert len(runs) == manifest_number(row, r"runs: (\d+) rows")
    run_m = manifest_number(row, r"runs: \d+ rows, ([\d.]+) m total")
    assert runs["distance_m"].sum() == pytest.approx(run_m, rel=0.01)


def test_real_export_files_and_manual_entries(real_export):
    row, _, frame = real_export
    manual = re.search(r"(\d+) rows without Filename", row["notes"])
    assert frame["linked_file"].isna().sum() == (int(manual.group(1)) if manual else 0)
    kinds = dict(re.findall(r"(\.[\w.]+)=(\d+)", row["notes"].split("Filename kinds:")[1]))
    linked = frame["linked_file"].dropna()
    for suffix, count in kinds.items():
        assert linked.str.endswith(suffix).sum() == int(count)


def test_real_export_gear_and_descriptions(real_export):
    row, _, frame = real_export
    gear = re.search(r"Activity Gear values: (\w+) \((\d+)\)", row["notes"])
    if gear:
        assert (frame["shoe"] == gear.group(1)).sum() == int(gear.group(2))
    described = re.search(r"(\d+) rows with Activity Description", row["notes"])
    if described:
        assert frame["notes"].notna().sum() >= int(described.group(1))


def test_the_insights_export_keeps_its_non_ascii_text(real_data):
    data = (real_data / "csv/strava-insights__activities.csv").read_bytes()
    notes = [record.fields["notes"] for record in strava_csv.read(io.BytesIO(data)).records]
    assert any(note and "≈ 0.68 ×" in note for note in notes)
