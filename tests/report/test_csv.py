"""The CSV of findings: one row per finding, evidence as JSON, and a golden file."""

import csv
import io
import json

from analyzer.report.csv import CSV_COLUMNS, render_csv
from tests.report.golden import assert_matches_golden


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_a_coach_folder_matches_its_golden_file(coach_log, coach_findings):
    assert_matches_golden("check_coach.csv", render_csv(coach_log, coach_findings))


def test_one_row_per_finding_by_athlete_then_date(coach_log, coach_findings):
    text = render_csv(coach_log, coach_findings)
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS)
    table = rows(text)
    assert len(table) == len(coach_findings)
    assert [(row["athlete"], row["date"]) for row in table] == sorted(
        (row["athlete"], row["date"]) for row in table
    )


def test_high_comes_before_warning_on_the_same_day(coach_log, coach_findings):
    same_day = [
        row["severity"]
        for row in rows(render_csv(coach_log, coach_findings))
        if row["date"] == "2026-02-22"
    ]
    assert same_day == ["high", "warning"]


def test_evidence_is_json_and_ids_are_joined(coach_log, ana_findings):
    ratio = rows(render_csv(coach_log, ana_findings))[2]
    assert json.loads(ratio["evidence"]) == {
        "ratio": 1.48,
        "acute_km": 44.0,
        "chronic_weekly_km": None,
    }
    assert ratio["activity_ids"] == "ana-long;ana-after"
    assert ratio["related_count"] == "0"


def test_a_pain_note_counts_its_related_findings(coach_log, ana_findings):
    assert rows(render_csv(coach_log, ana_findings))[-1]["related_count"] == "2"


def test_no_findings_is_a_header_alone(coach_log):
    assert render_csv(coach_log, []) == ",".join(CSV_COLUMNS) + "\n"
