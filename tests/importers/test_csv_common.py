"""The shared CSV helpers: text, header row, numbers, durations, dates, booleans."""

import contextlib
import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.errors import BadFile
from analyzer.importers import csv_common as common


def column(*values):
    return pd.Series(list(values), dtype="string")


def same(found: float, expected: float) -> bool:
    return (math.isnan(found) and math.isnan(expected)) or found == pytest.approx(expected)


# --- numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cells", "decimal_comma", "expected"),
    [
        pytest.param(["4,808", "5.48"], False, [4808, 5.48], id="4,808 beside 5.48 is thousands"),
        pytest.param(["1,067"], False, [1067], id="1,067 alone in an English file is thousands"),
        pytest.param(["4,808"], True, [4.808], id="4,808 alone in a German file is decimal"),
        pytest.param(["10,20", "2,00"], False, [10.2, 2.0], id="10,20 is a decimal comma"),
        pytest.param(["7,4", "5,2"], False, [7.4, 5.2], id="7,4 is a decimal comma"),
        pytest.param(["1.067,5"], False, [1067.5], id="1.067,5 groups with dots"),
        pytest.param(["1,067.5"], True, [1067.5], id="1,067.5 groups with commas"),
        pytest.param(["7830.600098"], True, [7830.600098], id="long decimals are a point"),
        pytest.param(["1 234", "1'234"], False, [1234, 1234], id="spaces and apostrophes group"),
        pytest.param(["--", "", None, "n/a"], False, [math.nan] * 4, id="-- and empty are NaN"),
        pytest.param(["0", "0.0"], False, [0, 0], id="a written zero stays zero"),
        pytest.param(["abc"], False, [math.nan], id="words are NaN"),
    ],
)
def test_to_number(cells, decimal_comma, expected):
    found = common.to_number(column(*cells), decimal_comma=decimal_comma).tolist()
    assert all(same(value, wanted) for value, wanted in zip(found, expected, strict=True))


# --- durations -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "unit_s", "expected_s"),
    [
        pytest.param("1:05:11", 1, 3911, id="H:MM:SS"),
        pytest.param("00:31:24", 1, 1884, id="HH:MM:SS"),
        pytest.param("41:06", 1, 2466, id="M:SS is minutes and seconds"),
        pytest.param("00:28:10.5", 1, 1690.5, id="a fraction of a second"),
        pytest.param("00:28:10,5", 1, 1690.5, id="a decimal comma in the seconds"),
        pytest.param("2271", 1, 2271, id="plain seconds"),
        pytest.param("45", 60, 2700, id="plain minutes when the header says min"),
        pytest.param("--", 1, math.nan, id="-- is missing, not zero"),
        pytest.param("", 1, math.nan, id="empty is missing"),
    ],
)
def test_to_seconds(cell, unit_s, expected_s):
    found = common.to_seconds(column(cell).mask(column(cell) == ""), plain_unit_s=unit_s)
    assert same(found.iloc[0], expected_s)


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        pytest.param(["May 29, 2022, 3:53:35 PM"], ["2022-05-29 15:53:35"], id="Strava English"),
        pytest.param(["Jul 12, 2016, 12:13:58 AM"], ["2016-07-12 00:13:58"], id="12 AM is 0h"),
        pytest.param(["Jul 12, 2016, 12:13:58 PM"], ["2016-07-12 12:13:58"], id="12 PM is noon"),
        pytest.param(["29.05.2022, 15:53:35"], ["2022-05-29 15:53:35"], id="German day first"),
        pytest.param(["2022-05-29T15:53:35Z"], ["2022-05-29 15:53:35"], id="ISO with Z"),
        pytest.param(["2025-02-06 17:06:03"], ["2025-02-06 17:06:03"], id="Garmin ISO"),
        pytest.param(
            ["Fr, 25 Mai 2012 20:31", "Di, 22 Mai 2012 19:29"],
            ["2012-05-25 20:31", "2012-05-22 19:29"],
            id="old Garmin German with weekday",
        ),
        pytest.param(["29 oct. 2022 7:05 p. m."], ["2022-10-29 19:05"], id="Spanish p. m."),
        pytest.param(["18.02.12", "19.02.12"], ["2012-02-18", "2012-02-19"], id="dd.mm.yy"),
        pytest.param(
            ["01/05/2024", "13/05/2024"], ["2024-05-01", "2024-05-13"], id="a 13th day: day first"
        ),
        pytest.param(
            ["05/01/2024", "05/13/2024"], ["2024-05-01", "2024-05-13"], id="a 13th: month first"
        ),
        pytest.param(
            ["01/11/2024", "01/12/2024", "02/01/2024"],
            ["2024-01-11", "2024-01-12", "2024-02-01"],
            id="ambiguous: the reading that keeps rows in order",
        ),
        pytest.param(["01/02/2024"], ["2024-02-01"], id="ambiguous and alone: day first"),
        pytest.param(["20-06-2018 11:17:03"], ["2018-06-20 11:17:03"], id="Polar DD-MM-YYYY"),
        pytest.param(["not a date", None], [None, None], id="unreadable is NaT"),
    ],
)
def test_to_datetime(cells, expected):
    found = common.to_datetime(column(*cells))
    wanted = pd.to_datetime(pd.Series(expected, dtype="object"))
    assert [None if pd.isna(item) else item for item in found] == [
        None if pd.isna(item) else item for item in wanted
    ]


def test_to_datetime_says_which_cells_have_a_time_of_day():
    assert common.has_clock_time(column("2024-05-01 07:30", "2024-05-02")).tolist() == [
        True,
        False,
    ]


def test_to_bool_reads_spreadsheet_booleans():
    found = common.to_bool(column("FALSE", "true", "0.0", "1.0", "x", "maybe", None))
    assert found.tolist() == [False, True, False, True, True, pd.NA, pd.NA]


# --- headers and text ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        pytest.param(
            '<span class="translation_missing" title="translation missing: en-US.lib.export.'
            'portability_exporter.activities.horton_values.type">Type</span>',
            "type",
            id="an HTML span keeps its text",
        ),
        pytest.param(
            "translation missing: en-US.lib.export.portability_exporter.activities."
            "horton_values.dirt_distance",
            "dirt distance",
            id="a bare translation-missing key names the column",
        ),
        pytest.param("\ufeffActivity ID", "activity id", id="a BOM goes"),
        pytest.param("  Ø HF ", "ø hf", id="trimmed and lower case"),
        pytest.param("Normalized Power&reg;", "normalized power®", id="entities unescaped"),
    ],
)
def test_clean_name(cell, expected):
    assert common.clean_name(cell) == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param("Größe".encode(), "Größe", id="UTF-8"),
        pytest.param(b"\xef\xbb\xbf" + "Größe".encode(), "Größe", id="UTF-8 with BOM"),
        pytest.param("Größe".encode("latin-1"), "Größe", id="ISO-8859-1"),
        pytest.param("€ Größe".encode("cp1252"), "€ Größe", id="cp1252"),
        pytest.param("Größe".encode("utf-16"), "Größe", id="UTF-16 with BOM"),
    ],
)
def test_decode(data, expected):
    assert common.decode(data) == expected


def test_decode_of_a_head_cut_inside_a_character_keeps_utf8():
    head = "Aktivitätstyp".encode()[:8]  # ends inside 'ä'
    assert common.decode(head, is_head=True) == "Aktivit"


def test_read_table_skips_title_lines_and_leading_spaces():
    data = ' Aktivitäten von jemand\n \n Datum,Distanz\n 2012-05-25,"10,20"\n'.encode()
    table = common.read_table(data)
    assert table.names == ("datum", "distanz")
    assert common.text(table, "distanz").tolist() == ["10,20"]
    assert common.text(table, "datum").tolist() == ["2012-05-25"]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"], ids=["commas", "semicolons", "tabs"])
def test_read_table_finds_the_delimiter(delimiter):
    data = delimiter.join(["date", "distance", "notes"]) + "\n2024-05-01" + delimiter + "5,2"
    table = common.read_table((data + delimiter + "a, b\n").encode())
    assert len(table.names) == 3
    assert table.length == 1


def test_read_table_keeps_a_quoted_note_with_line_breaks_whole():
    note = 'knee hurt, "a lot"\nstopped at 3 km'
    data = 'date,notes,km\n2024-05-01,"knee hurt, ""a lot""\nstopped at 3 km",3\n'
    table = common.read_table(data.encode())
    assert common.text(table, "notes").tolist() == [note]
    assert common.text(table, "km").tolist() == ["3"]


def test_read_table_pads_short_rows_and_drops_blank_ones():
    table = common.read_table(b"a,b,c\r\n1,2\r\n\r\n4,5,6,7\r\n")
    assert table.length == 2
    assert common.text(table, "c").isna().tolist() == [True, False]
    assert common.text(table, "c").iloc[1] == "6"


def test_duplicate_names_are_told_apart_by_copy_number():
    table = common.read_table(b"Distance,Elapsed Time,Distance\n3.32,1411,3322.9\n")
    assert common.text(table, "distance", occurrence=1).tolist() == ["3322.9"]
    assert common.text(table, "distance", occurrence=2) is None


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n", b"just words and no delimiters\n", b"a,b\x00c\n"],
    ids=["empty", "blank", "no delimiter", "binary"],
)
def test_read_table_refuses_what_is_no_table(data):
    with pytest.raises(BadFile):
        common.read_table(data)


@given(st.binary(max_size=400))
def test_read_table_fails_only_with_bad_file(junk):
    with contextlib.suppress(BadFile):
        common.read_table(b"date,distance\n" + junk)


@settings(deadline=None, max_examples=40)  # pandas calls cost a few ms each
@given(st.lists(st.text(max_size=12), max_size=8))
def test_to_number_and_to_datetime_never_raise(cells):
    values = pd.Series(cells, dtype="string")
    assert len(common.to_number(values)) == len(cells)
    assert len(common.to_seconds(values)) == len(cells)
    assert len(common.to_datetime(values)) == len(cells)
