"""The findings as CSV, one row per finding, for a spreadsheet.

Evidence is a JSON object in one cell; activity ids are joined with ';'. A pain note's related
findings are rows of their own already, so a row only counts them. A text cell a spreadsheet
would run as a formula (=, +, -, @) starts with `'`.
"""

from __future__ import annotations

import csv
import io

from analyzer.checkers.rule import Finding
from analyzer.log import TrainingLog
from analyzer.report.athletes import athlete_summaries
from analyzer.report.json import evidence_json, plain
from analyzer.report.literal import spreadsheet_cell

CSV_COLUMNS = (
    "athlete",
    "date",
    "severity",
    "rule",
    "code",
    "message",
    "period_start",
    "period_end",
    "evidence",
    "activity_ids",
    "related_count",
)


def render_csv(log: TrainingLog, findings: list[Finding]) -> str:
    """One row per finding, by athlete then date, with a header row; lines end in '\\n'."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for summary in athlete_summaries(log, findings):
        for finding in summary.findings:
            writer.writerow(
                spreadsheet_cell(cell)
                for cell in [
                    finding.athlete,
                    plain(finding.date),
                    finding.severity,
                    finding.rule,
                    finding.code,
                    finding.message,
                    plain(finding.period_start),
                    plain(finding.period_end),
                    evidence_json(finding.evidence),
                    ";".join(str(activity_id) for activity_id in finding.activity_ids),
                    len(finding.related),
                ]
            )
    return buffer.getvalue()


__all__ = ["CSV_COLUMNS", "render_csv"]
