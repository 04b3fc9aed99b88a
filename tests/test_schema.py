"""The tables as published (analyzer/schema.py): exactly their schema's columns wherever they
leave the package, within their bounds, and a CSV that reads back to the Parquet's values."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

import analyzer
from analyzer import cli, schema
from analyzer.checkers import FINDING_COLUMNS as RULES_FINDING_COLUMNS
from analyzer.schema import ACTIVITY_COLUMNS, FINDING_COLUMNS, NOTE_COLUMNS, SchemaViolation
from tests.conftest import REAL_DATA

REPOSITORY = Path(__file__).resolve().parents[1]
SAMPLES = {
    "sample_data": REPOSITORY / "sample_data",
    "strava export": REPOSITORY / "examples" / "strava_export",
    "squad": REPOSITORY / "examples" / "squad",
}
# The columns an import works with on its way, which a published table never holds.
WORKING_COLUMNS = (
    "start_time_local",
    "date_only",
    "has_samples",
    "utc_offset_s",
    "stated_utc_offset_s",
    "local_start",
    "merged_ids",
    "linked_file",
    "export_ids",
)
UNIT_OF_SUFFIX = {
    "_m": "m",
    "_s": "s",
    "_mps": "m/s",
    "_spm": "steps/min",
    "_bpm": "bpm",
    "_deg": "degrees",
    "_utc": "UTC",
    "_km": "km",
}


def run(*args: object):
    return CliRunner().invoke(cli.cli, [str(arg) for arg in args])


def imported(folder: Path, tmp_path: Path) -> tuple[pd.DataFrame, pd.DataFrame, Path]:
    """`runlog import` of a folder as CSV and as Parquet: (read_csv, read_parquet, csv)."""
    for suffix in ("csv", "parquet"):
        result = run("import", folder, "-o", tmp_path / f"runs.{suffix}")
        assert result.exit_code in (cli.EXIT_OK, cli.EXIT_SKIPPED_FILES), result.output
    table = tmp_path / "runs.csv"
    return (
        schema.read_csv(table, ACTIVITY_COLUMNS),
        pd.read_parquet(tmp_path / "runs.parquet"),
        table,
    )


@pytest.mark.parametrize("name", list(SAMPLES))
def test_a_csv_reads_back_to_the_parquets_values(tmp_path, name):
    from_csv, from_parquet, table = imported(SAMPLES[name], tmp_path)
    assert list(from_parquet.columns) == list(ACTIVITY_COLUMNS)
    assert len(from_parquet) > 0
    pd.testing.assert_frame_equal(from_csv, schema.published(from_parquet, ACTIVITY_COLUMNS))
    # pandas' own reader, told which columns are text, gives the same values: no cell of
    # these logs needed the spreadsheet's mark (the offsets, +02:00, are read as written)
    plain = pd.read_csv(table, dtype=dict.fromkeys(_text_columns(), "string"))
    pd.testing.assert_frame_equal(schema.published(plain, ACTIVITY_COLUMNS), from_csv)


@pytest.mark.skipif(not REAL_DATA.is_dir(), reason="../shared/real_data is absent")
def test_the_real_files_read_back_from_csv_as_from_parquet(tmp_path):
    from_csv, from_parquet, _ = imported(REAL_DATA, tmp_path)
    assert len(from_parquet) > 50
    pd.testing.assert_frame_equal(from_csv, schema.published(from_parquet, ACTIVITY_COLUMNS))


def test_text_a_spreadsheet_would_run_is_marked_and_reads_back_as_written(tmp_path):
    folder = tmp_path / "log"
    folder.mkdir()
    notes = ['=HYPERLINK("http://example.com","x")', "'quoted", "-2 easy", "+1 km", "@me"]
    rows = "".join(
        f'2024-05-0{day},5.0,30:00,"{note.replace(chr(34), chr(34) * 2)}",-1 pair\n'
        for day, note in enumerate(notes, start=1)
    )
    (folder / "log.csv").write_text("date,distance_km,duration,notes,shoe\n" + rows)
    from_csv, from_parquet, table = imported(folder, tmp_path)
    written = table.read_text(encoding="utf-8")
    assert "'=HYPERLINK" in written and "''quoted" in written and "'-1 pair" in written
    assert ",+" not in written.replace(",+0", "")  # the offset alone starts with +
    pd.testing.assert_frame_equal(from_csv, schema.published(from_parquet, ACTIVITY_COLUMNS))
    assert sorted(from_csv["notes"]) == sorted(notes)


def test_a_log_holds_only_its_published_columns():
    log = analyzer.load(SAMPLES["sample_data"])
    assert list(log.activities.columns) == list(ACTIVITY_COLUMNS)
    assert list(log.notes.columns) == list(NOTE_COLUMNS)
    assert not set(WORKING_COLUMNS) & set(log.activities.columns)
    findings = analyzer.check(log)
    assert list(findings.columns) == list(FINDING_COLUMNS) == list(RULES_FINDING_COLUMNS)
    assert len(findings) > 0


def test_the_datasets_hold_the_published_columns(tmp_path):
    result = run("import", SAMPLES["sample_data"], "-o", f"{tmp_path / 'out'}/")
    assert result.exit_code == cli.EXIT_OK, result.output
    for name, columns in [
        ("activities", ACTIVITY_COLUMNS),
        ("notes", NOTE_COLUMNS),
        ("findings", FINDING_COLUMNS),
    ]:
        table = pd.read_parquet(tmp_path / "out" / name)
        assert sorted(table.columns) == sorted(columns), name  # athlete from the folder names


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("distance_m", -1.0),
        ("avg_cadence_spm", 400.0),
        ("start_lat_deg", 95.0),
        ("sport", "jogging"),
        ("surface", "ice"),
        ("source_format", "docx"),
    ],
)
def test_a_value_past_its_columns_bounds_is_a_bug_that_says_where(column, value):
    frame = pd.DataFrame({"activity_id": ["a"], column: [value]})
    with pytest.raises(SchemaViolation, match=column):
        schema.published(frame, ACTIVITY_COLUMNS)


def test_blank_text_is_missing_and_working_columns_are_dropped():
    frame = pd.DataFrame({"activity_id": ["a"], "notes": ["  "], "merged_ids": [("a",)]})
    table = schema.published(frame, ACTIVITY_COLUMNS)
    assert list(table.columns) == list(ACTIVITY_COLUMNS)
    assert pd.isna(table["notes"].iloc[0])


@pytest.mark.parametrize("name", list(ACTIVITY_COLUMNS) + list(schema.SAMPLE_COLUMNS))
def test_a_columns_unit_is_the_one_its_name_ends_in(name):
    column = ACTIVITY_COLUMNS.get(name) or schema.SAMPLE_COLUMNS[name]
    suffix = next((suffix for suffix in UNIT_OF_SUFFIX if name.endswith(suffix)), None)
    assert column.unit == (UNIT_OF_SUFFIX[suffix] if suffix else "")
    if column.low is not None:
        assert column.dtype == "float64" and column.low < column.high


def test_the_design_notes_name_every_published_column():
    design = (REPOSITORY / "docs" / "DESIGN.md").read_text(encoding="utf-8")
    section = design[design.index("## The tables") :]
    named = set(re.findall(r"`(\w+)`", section[: section.index("\n## ", 5)]))
    for columns in (ACTIVITY_COLUMNS, NOTE_COLUMNS, FINDING_COLUMNS):
        assert set(columns) <= named
    assert not set(WORKING_COLUMNS) & named


def _text_columns() -> list[str]:
    return [name for name, column in ACTIVITY_COLUMNS.items() if column.dtype == "string"]


def test_numbers_in_bounds_pass():
    frame = pd.DataFrame({"distance_m": [np.nan, 0.0, 5000.0]})
    assert schema.published(frame, ACTIVITY_COLUMNS)["distance_m"].tolist()[1:] == [0.0, 5000.0]
