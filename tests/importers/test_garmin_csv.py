"""Garmin Connect's activity-list CSV: fixtures built here for each trap, then the real files."""

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
from analyzer.importers import Imported, garmin_csv, importer_for, strava_csv
from tests.conftest import manifest_rows
from tests.importers import reasons

METRES_PER_MILE = 1609.344


def names(text: str) -> list[str]:
    return text.split(",")


# The 2025 run export and its example row [docs/FORMATS.md §5.1].
HEADER = names(
    "Activity Type,Date,Favorite,Title,Distance,Calories,Time,Avg HR,Max HR,Aerobic TE,"
    "Avg Run Cadence,Max Run Cadence,Avg Pace,Best Pace,Total Ascent,Total Descent,"
    "Avg Stride Length,Avg Vertical Ratio,Avg Vertical Oscillation,Avg Ground Contact Time,"
    "Avg GAP,Normalized Power® (NP®),Training Stress Score®,Avg Power,Max Power,Steps,"
    "Total Reps,Total Sets,Decompression,Best Lap Time,Number of Laps,Moving Time,"
    "Elapsed Time,Min Elevation,Max Elevation"
)
ROW = dict(
    zip(
        HEADER,
        names(
            "Running,2025-02-06 17:06:03,false,Wellington Running,5.48,447,00:31:24,153,176,"
            "3.6,153,173,5:44,4:06,215,200,1.15,8.6,9.5,281,5:01,371,0.0,343,641,4808,--,--,"
            "No,00:02:15.3,6,00:31:08,00:32:57,-4,190"
        ),
        strict=True,
    )
)
ROW["Steps"] = "4,808"
# kennethajensen's 2017 export: miles, and Avg Cadence twice (two feet, then one foot).
OLD_HEADER = names(
    "Activity Type,Date,Favorite,Title,Distance,Calories,Time,Avg HR,Max HR,Aerobic TE,"
    "Avg Cadence,Max Cadence,Avg Pace,Best Pace,Elev Gain,Elev Loss,Avg Stride Length,"
    "Avg Vertical Ratio,Avg Vertical Oscillation,Avg Ground Contact Time,Avg GCT Balance,"
    "Avg Cadence,Max Cadence"
)
GERMAN_HEADER = names(
    "Aktivitätstyp,Datum,Favorit,Titel,Distanz,Kalorien,Zeit,Ø HF,Max. HF,Aerober TE,"
    "Ø Schrittfrequenz (Laufen),Max. Schrittfrequenz (Laufen),Ø Geschwindigkeit,"
    "Anstieg gesamt,Abstieg gesamt"
)
OLD_GERMAN = (
    "Aktivitäten von magicmike23\n \n"
    " Favorit,Aktivitätsname,Aktivitätstyp,Course,Start,Zeit,Distanz,"
    "Positiver Höhenunterschied,Ø Geschw(Ø Pace),Max. Geschw.(Beste Pace),Ø HF,Max. HF,"
    "Kalorien,\n"
    ' false,Lauf,Laufen,--,"Fr, 25 Mai 2012 20:31",1:05:11,"10,20",38,6:24,3:10,138,150,588,\n'
    ' false,1.500 m,Laufen,--,"Di, 22 Mai 2012 19:47",6:33,"1,50",5,4:22,3:45,--,--,82,\n'
)


def garmin(*rows: dict, header: list[str] = HEADER) -> bytes:
    """A Garmin CSV with every value quoted, as Connect writes it; repeats by (name, copy)."""
    stream = io.StringIO()
    writer = csv.writer(stream, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
    stream.write(",".join(header) + "\n")
    for row in rows:
        cells, seen = [], {}
        for name in header:
            copy = seen.get(name, 0)
            seen[name] = copy + 1
            cells.append(row.get((name, copy), row.get(name, "--") if copy == 0 else "--"))
        writer.writerow(cells)
    return stream.getvalue().encode()


def read(data: bytes) -> Imported:
    return garmin_csv.read(io.BytesIO(data))


def only(data: bytes) -> dict:
    imported = read(data)
    assert len(imported.records) == 1
    return imported.records[0].fields


# --- recognising the file ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        pytest.param(garmin(ROW), True, id="the 2025 export is Garmin"),
        pytest.param(garmin(header=OLD_HEADER), True, id="the 2017 export is Garmin"),
        pytest.param(garmin(header=GERMAN_HEADER), True, id="the German export is Garmin"),
        pytest.param(OLD_GERMAN.encode(), True, id="the old German export with a title line"),
        pytest.param(
            b"Activity ID,Activity Date,Activity Type,Distance\n", False, id="Strava is not"
        ),
        pytest.param(b"date,distance_km\n2024-05-01,5\n", False, id="a hand log is not"),
        pytest.param(b"", False, id="nothing is not"),
    ],
)
def test_sniff(head, expected):
    assert garmin_csv.sniff(head) is expected


def test_the_registry_picks_garmin_for_its_csv():
    assert importer_for("Activities.csv", garmin(ROW)) is garmin_csv
    assert not strava_csv.sniff(garmin(ROW))


# --- values, units and times ---------------------------------------------------------------


def test_the_2025_example_row_in_canonical_units():
    fields = only(garmin(ROW))
    assert fields["start_time_local"] == pd.Timestamp("2025-02-06 17:06:03")
    assert pd.isna(fields["start_time_utc"])
    assert fields["sport"] == "running"
    assert fields["sub_sport"] == "running"
    assert fields["name"] == "Wellington Running"
    assert fields["distance_m"] == pytest.approx(5480)
    assert fields["moving_s"] == 31 * 60 + 8
    assert fields["elapsed_s"] == 32 * 60 + 57
    assert fields["avg_speed_mps"] == pytest.approx(5480 / (31 * 60 + 8))
    assert fields["avg_cadence_spm"] == 153
    assert fields["avg_hr_bpm"] == 153
    assert fields["ascent_m"] == 215
    assert fields["descent_m"] == 200
    assert fields["device"] == "Garmin Connect"


def test_the_date_is_local_wall_time_not_utc():
    fields = only(garmin(ROW))
    assert fields["start_time_local"].tzinfo is None
    assert pd.isna(fields["start_time_utc"])


def test_without_moving_and_elapsed_columns_the_time_column_serves_both():
    row = {**ROW, "Moving Time": "--", "Elapsed Time": "--"}
    fields = only(garmin(row))
    assert fields["moving_s"] == fields["elapsed_s"] == 31 * 60 + 24


@pytest.mark.parametrize(
    ("header_label", "distance", "stride", "expected_m"),
    [
        pytest.param("Distance", "5.48", "1.15", 5480, id="stride × cadence × time says km"),
        pytest.param(
            "Distance", "3.41", "1.15", 3.41 * METRES_PER_MILE, id="stride × cadence × time: mi"
        ),
        pytest.param("Distance (mi)", "3.41", "--", 3.41 * METRES_PER_MILE, id="label: miles"),
        pytest.param("Distance (km)", "5.48", "--", 5480, id="label: km"),
    ],
)
def test_the_distance_unit_is_found_per_file(header_label, distance, stride, expected_m):
    header = [header_label if name == "Distance" else name for name in HEADER]
    row = {**ROW, header_label: distance, "Avg Stride Length": stride}
    assert only(garmin(row, header=header))["distance_m"] == pytest.approx(expected_m)


@pytest.mark.parametrize(
    ("time", "expected_unit_m"),
    [
        pytest.param("00:28:00", 1000.0, id="5:36 per unit is a km pace"),
        pytest.param("00:44:00", METRES_PER_MILE, id="8:48 per unit is a mile pace"),
    ],
)
def test_without_stride_or_label_the_running_pace_decides(time, expected_unit_m):
    row = {
        **ROW,
        "Distance": "5.00",
        "Time": time,
        "Moving Time": time,
        "Avg Stride Length": "--",
    }
    assert only(garmin(row))["distance_m"] == pytest.approx(5 * expected_unit_m)


def test_a_file_in_miles_gives_its_climb_in_feet():
    row = {**ROW, "Distance": "3.41", "Total Ascent": "705", "Total Descent": "656"}
    fields = only(garmin(row))
    assert fields["ascent_m"] == pytest.approx(705 * 0.3048)
    assert fields["descent_m"] == pytest.approx(656 * 0.3048)


def test_thousands_separators_are_not_decimals():
    row = {**ROW, "Total Ascent": "1,020"}
    assert only(garmin(row))["ascent_m"] == 1020


def test_dashes_are_missing_not_zero():
    row = {**ROW, "Avg HR": "--", "Avg Run Cadence": "--", "Total Descent": "--", "Steps": "--"}
    fields = only(garmin(row))
    assert math.isnan(fields["avg_hr_bpm"])
    assert math.isnan(fields["avg_cadence_spm"])
    assert math.isnan(fields["descent_m"])


def old_row(first_cadence: str, second_cadence: str) -> dict:
    return {
        "Activity Type": "running",
        "Date": "2016-08-20 12:44:22",
        "Title": "Glenview Running",
        "Distance": "4.31",
        "Time": "35:34",
        "Avg Cadence": first_cadence,
        ("Avg Cadence", 1): second_cadence,
        "Avg Stride Length": "1.19",
        "Elev Gain": "22",
    }


@pytest.mark.parametrize(
    ("first", "second", "expected_spm"),
    [
        pytest.param("164", "81", 164, id="the first Avg Cadence is two feet already"),
        pytest.param("--", "81", 162, id="the second is one foot: doubled when alone"),
        pytest.param("--", "--", None, id="neither: missing"),
    ],
)
def test_a_duplicated_avg_cadence_column(first, second, expected_spm):
    found = only(garmin(old_row(first, second), header=OLD_HEADER))["avg_cadence_spm"]
    if expected_spm is None:
        assert math.isnan(found)
    else:
        assert found == expected_spm


def test_the_old_export_in_miles():
    fields = only(garmin(old_row("164", "81"), header=OLD_HEADER))
    assert fields["distance_m"] == pytest.approx(4.31 * METRES_PER_MILE)
    assert fields["ascent_m"] == pytest.approx(22 * 0.3048)


def test_a_german_export_with_decimal_commas():
    row = {
        "Aktivitätstyp": "Laufen",
        "Datum": "2024-05-01 07:10:00",
        "Titel": "Morgenlauf",
        "Distanz": "10,20",
        "Zeit": "1:05:11",
        "Ø HF": "138",
        "Ø Schrittfrequenz (Laufen)": "172",
        "Anstieg gesamt": "38",
    }
    fields = only(garmin(row, header=GERMAN_HEADER))
    assert fields["distance_m"] == pytest.approx(10200)
    assert fields["moving_s"] == 3911
    assert fields["avg_cadence_spm"] == 172
    assert fields["avg_hr_bpm"] == 138
    assert fields["sport"] == "running"
    assert fields["name"] == "Morgenlauf"


def test_the_old_german_export_with_a_title_line_and_leading_spaces():
    records = read(OLD_GERMAN.encode()).records
    assert [record.fields["start_time_local"] for record in records] == [
        pd.Timestamp("2012-05-25 20:31"),
        pd.Timestamp("2012-05-22 19:47"),
    ]
    assert [record.fields["distance_m"] for record in records] == [10200, 1500]
    assert [record.fields["name"] for record in records] == ["Lauf", "1.500 m"]
    assert records[0].fields["ascent_m"] == 38
    assert records[0].fields["avg_hr_bpm"] == 138
    assert math.isnan(records[1].fields["avg_hr_bpm"])


@pytest.mark.parametrize(
    ("kind", "sport", "surface"),
    [
        pytest.param("Running", "running", "unknown", id="Running: surface unknown"),
        pytest.param("Treadmill Running", "running", "treadmill", id="Treadmill Running"),
        pytest.param("Trail Running", "running", "trail", id="Trail Running"),
        pytest.param("street_running", "running", "road", id="street_running key"),
        pytest.param("trail_running", "running", "trail", id="trail_running key"),
        pytest.param("treadmill_running", "running", "treadmill", id="treadmill_running key"),
        pytest.param("Walking", "walking", "unknown", id="Walking"),
        pytest.param("Cycling", "cycling", "unknown", id="Cycling"),
        pytest.param("Strength Training", "other", "unknown", id="Strength Training"),
    ],
)
def test_activity_types_give_sport_and_surface(kind, sport, surface):
    fields = only(garmin({**ROW, "Activity Type": kind}))
    assert (fields["sport"], fields["surface"], fields["sub_sport"]) == (
        sport,
        surface,
        kind.lower(),
    )


def test_a_ride_has_no_step_cadence():
    row = {**ROW, "Activity Type": "Cycling", "Avg Run Cadence": "85"}
    assert math.isnan(only(garmin(row))["avg_cadence_spm"])


def test_a_row_without_a_date_is_left_out_and_said():
    imported = read(garmin(ROW, {**ROW, "Date": "--"}))
    assert len(imported.records) == 1
    assert reasons(imported) == ["left out 1 of 2 rows whose Date is missing or unreadable"]


def test_a_table_without_type_and_date_is_not_garmin():
    with pytest.raises(BadFile, match="not a Garmin Connect CSV"):
        read(b"Title,Distance\nx,5\n")


@settings(deadline=None, max_examples=15)  # each read costs pandas a fixed ~50 ms
@given(st.binary(max_size=300))
def test_garmin_reader_fails_only_with_bad_file(junk):
    with contextlib.suppress(BadFile):
        read(garmin(ROW)[:500] + junk)


# --- the real exports of the manifest ------------------------------------------------------

GARMIN_ROWS = [
    row
    for row in manifest_rows()
    if row["file"].startswith("csv/") and row["creator_device"].startswith("Garmin Connect")
]


@pytest.fixture(
    params=GARMIN_ROWS, ids=[f"{row['file']} matches the manifest" for row in GARMIN_ROWS]
)
def real_export(request, real_data):
    row = request.param
    imported = garmin_csv.read(io.BytesIO((real_data / row["file"]).read_bytes()))
    return row, imported, pd.DataFrame([record.fields for record in imported.records])


def test_real_export_totals(real_export):
    row, imported, frame = real_export
    assert imported.problems == []
    rows = int(re.search(r"(\d+) rows x", row["notes"]).group(1))
    assert len(frame) == rows
    assert frame["distance_m"].sum() == pytest.approx(float(row["distance_m"]), rel=0.01)
    assert frame["moving_s"].sum() == pytest.approx(float(row["duration_s"]), rel=0.01)
    # The manifest writes a local start without Z: the file has no zone.
    assert frame["start_time_local"].min() == pd.Timestamp(row["start_time_utc"])
    assert frame["start_time_utc"].isna().all()


def test_real_export_types(real_export):
    row, _, frame = real_export
    counts = {kind.lower(): int(n) for kind, n in re.findall(r"(\w+)=(\d+)", row["sport"])}
    assert frame["sub_sport"].value_counts().to_dict() == counts
    assert (frame["sport"] == "running").all()


def test_real_export_cadence(real_export):
    row, _, frame = real_export
    median = re.search(r"median (\d+)", row["cadence_field_and_units"])
    if median is None:  # the old German export has no cadence column
        assert frame["avg_cadence_spm"].isna().all()
    else:  # Garmin's CSV is two-foot already, so no doubling here
        assert frame["avg_cadence_spm"].median() == pytest.approx(float(median.group(1)), abs=2)


def test_kennethajensen_is_read_in_miles(real_data):
    data = (real_data / "csv/kennethajensen-running__Activities.csv").read_bytes()
    first = garmin_csv.read(io.BytesIO(data)).records[0].fields
    assert first["distance_m"] == pytest.approx(5.05 * METRES_PER_MILE)
    assert first["name"] == "Glenview Running"


# --- the languages of Garmin Connect's website ---------------------------------------------
# Each header is one a real export of that language writes (quoted by public importers and
# tests of Garmin Connect CSVs; the Danish one from a runner's export in issue 9), each with
# a run and a ride or strength row: type name, local date, distance (with the locale's
# decimal mark), time and run cadence.
LANGUAGES = {
    "fr": (
        "Type d'activité,Date,Favori,Titre,Distance,Calories,Durée,"
        "Fréquence cardiaque moyenne,Fréquence cardiaque maximale,TE aérobie,"
        "Cadence de course moyenne,Ascension totale,Descente totale,Pas,"
        "Consommation du Body Battery,Température minimale,Temps de déplacement",
        {"type": "Course à pied", "distance": "10.42", "time": "00:52:10", "moving": "00:51:58",
         "cadence": "172"},
        "Musculation",
    ),
    "es": (
        "Tipo de actividad,Fecha,Título,Distancia,Calorías,Tiempo,Frecuencia cardiaca media,"
        "FC máxima,TE aeróbico,Cadencia de carrera media,Ritmo medio,Ascenso total,"
        "Descenso total,Longitud media de zancada",
        {"type": "Carrera", "distance": "10,42", "time": "00:52:10", "cadence": "172"},
        "Ciclismo",
    ),
    "it": (
        "Tipo di attività,Data,Preferita,Titolo,Distanza,Calorie,Tempo,FC Media,FC max,"
        "TE attività aerobica,Cadenza di corsa media,Cadenza di corsa max,Passo medio,"
        "Passo migliore,Ascesa totale,Discesa totale,Lunghezza media passo,"
        "Rapporto verticale medio,Oscillazione verticale media,Tempo in movimento,"
        "Tempo trascorso,Quota minima,Quota massima",
        {"type": "Corsa", "distance": "10.42", "time": "00:52:10", "moving": "00:51:58",
         "cadence": "172"},
        "Ciclismo",
    ),
    "nl": (
        "Activiteittype,Datum,Favoriet,Titel,Afstand,Calorieën,Tijd,Gem. HS,Max. HS,Aeroob TE,"
        "Gem. loopcadans,Max. loopcadans,Gemiddeld tempo,Beste tempo,Totale stijging,"
        "Totale daling,Gem. staplengte,Tijd bewogen,Verstreken tijd",
        {"type": "Hardlopen", "distance": "10,42", "time": "00:52:10", "moving": "00:51:58",
         "cadence": "172"},
        "Fietsen",
    ),
    "da": (
        "Aktivitetstype,Dato,Titel,Distance,Tid",
        {"type": "Løb", "distance": "10,42", "time": "00:52:10"},
        "Styrketræning",
    ),
    "no": (
        "Aktivitetstype,Dato,Favoritt,Tittel,Distanse,Totale kalorier,Tid,"
        "Gjennomsnittlig puls,Makspuls,Aerob treningseffekt,"
        "Gjennomsnittlig frekvens for løping,Maksimal frekvens for løping,"
        "Gjennomsnittlig tempo,Beste tempo,Total stigning,Totalt fall,"
        "Gjennomsnittlig skrittlengde,Tid i bevegelse,Medgått tid",
        {"type": "Løping", "distance": "10,42", "time": "00:52:10", "moving": "00:51:58",
         "cadence": "172"},
        "Styrketrening",
    ),
    "pt": (
        "Tipo de atividade,Data,Título,Distância,Tempo,FC Média,FC máxima,Ritmo médio,"
        "Melhor ritmo,Cadência de corrida média,Potência média,"
        "Tempo médio de contato com o solo,Comprimento médio da passada",
        {"type": "Corrida", "distance": "10.42", "time": "00:52:10", "cadence": "172"},
        "Cardiovascular",
    ),
    "pl": (
        "Typ aktywności,Data,Ulubiony,Tytuł,Dystans,Suma kalorii,Czas,Średnie tętno,"
        "Maksymalne tętno",
        {"type": "Bieganie", "distance": "10.42", "time": "00:52:10"},
        "Trening siłowy",
    ),
    "ja": (
        "アクティビティタイプ,日付,お気に入り,タイトル,距離,カロリー,タイム,平均心拍数,最大心拍数,"
        "平均ピッチ,最高ピッチ,平均ペース,最高ペース,総上昇量,総下降量,平均歩幅,"
        "Training Stress Score®,ステップ,減圧,ベストラップタイム,ラップ数,移動時間,経過時間,"
        "最低高度,最高高度",
        {"type": "ラン", "distance": "10.42", "time": "00:52:10", "moving": "00:51:58",
         "cadence": "172"},
        "ウォーキング",
    ),
    "zh": (
        "活动类型,日期,我的最爱,标题,距离,热量消耗,时间,平均心率,最大心率,有氧效果,平均步频,"
        "最高步频,平均速度,最佳配速,累计爬升,累计下降,平均步长,移动时间,全程耗时,最低海拔,"
        "最高海拔",
        {"type": "跑步", "distance": "10.42", "time": "00:52:10", "moving": "00:51:58",
         "cadence": "172"},
        "游泳",
    ),
}  # fmt: skip


def _language_export(language: str) -> bytes:
    header_text, run, other_type = LANGUAGES[language]
    header = names(header_text)

    def named(known: tuple[str, ...]) -> str | None:
        return next((name for name in header if name.lower() in known), None)

    title = named(garmin_csv._TITLE)
    fields = {
        "distance": named(garmin_csv._DISTANCE),
        "time": named(garmin_csv._TIME),
        "moving": named(garmin_csv._MOVING),
        "cadence": named(garmin_csv._RUN_CADENCE),
    }
    run_row = {header[0]: run["type"], header[1]: "2026-03-04 07:15:42", title: "Morning"}
    run_row |= {fields[key]: value for key, value in run.items() if key != "type"}
    other_row = {header[0]: other_type, header[1]: "2026-03-05 18:02:00", title: "Evening"}
    zero = "0,00" if "," in run["distance"] else "0.00"  # one decimal mark in a file
    other_row |= {fields["distance"]: zero, fields["time"]: "00:45:00"}
    return garmin(run_row, other_row, header=header)


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_an_export_in_each_language_of_connect(language):
    data = _language_export(language)
    assert importer_for("Activities.csv", data[:4096]) is garmin_csv
    imported = read(data)
    assert imported.problems == []
    run, other = (record.fields for record in imported.records)
    assert run["start_time_local"] == pd.Timestamp("2026-03-04 07:15:42")
    assert other["start_time_local"] == pd.Timestamp("2026-03-05 18:02:00")
    assert run["distance_m"] == pytest.approx(10_420)
    assert run["elapsed_s"] == 3130
    expected_moving_s = 3118 if "moving" in LANGUAGES[language][1] else 3130
    assert run["moving_s"] == expected_moving_s
    assert run["sport"] == "running"
    assert other["sport"] != "running"
    assert run["name"] == "Morning"
    if "cadence" in LANGUAGES[language][1]:
        assert run["avg_cadence_spm"] == 172
    assert math.isnan(other["avg_cadence_spm"])


def test_the_danish_export_of_issue_9_is_read_not_refused():
    data = _language_export("da")
    fields = read(data).records[0].fields
    assert (fields["sport"], fields["sub_sport"]) == ("running", "løb")


def test_an_old_french_export_with_weekdays_and_months_in_french():
    header = names("Type d'activité,Date,Favori,Titre,Distance,Durée,Cadence de course moyenne")
    rows = [
        {"Type d'activité": "Course à pied", "Date": date, "Distance": "8,50", "Durée": "45:10"}
        for date in (
            "ven., 25 mai 2012 20:31", "mer., 23 mai 2012 07:00", "dim., 20 mai 2012 09:15",
            "sam., 19 mai 2012 10:00", "jeu., 17 mai 2012 18:30", "lun., 14 mai 2012 19:00",
        )
    ]  # fmt: skip
    imported = read(garmin(*rows, header=header))
    assert imported.problems == []
    assert [record.fields["start_time_local"] for record in imported.records][:2] == [
        pd.Timestamp("2012-05-25 20:31"),
        pd.Timestamp("2012-05-23 07:00"),
    ]
    assert imported.records[0].fields["distance_m"] == pytest.approx(8500)


def test_an_unreadable_date_is_quoted_in_the_problem():
    imported = read(garmin(ROW, {**ROW, "Date": "the 5th of never"}))
    assert reasons(imported) == [
        "left out 1 of 2 rows whose Date is missing or unreadable (such as 'the 5th of never')"
    ]


def test_when_no_date_can_be_read_the_message_quotes_one():
    with pytest.raises(BadFile, match=r"has a Date runlog can read \(such as 'soon'\)"):
        read(garmin({**ROW, "Date": "soon"}))


def test_without_a_cadence_the_steps_over_moving_time_give_it_labelled_as_derived():
    fields = only(garmin({**ROW, "Avg Run Cadence": "--", "Max Run Cadence": "--"}))
    # 4,808 steps in 31:08 of moving time; the watch's own average was 153
    assert fields["avg_cadence_spm"] == pytest.approx(4808 / (1868 / 60))
    assert bool(fields["cadence_is_derived"]) is True
    recorded = only(garmin(ROW))
    assert recorded["avg_cadence_spm"] == 153
    assert not recorded["cadence_is_derived"]
