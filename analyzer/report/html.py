"""The report as one self-contained HTML page: charts embedded, every string from data escaped.

For a coach's folder the page opens with the athletes ranked by risk, each linking to their
section. Each athlete's section shows their knee-pain notes with what came before them, the
weekly distance with the findings marked, cadence over time, shoes against their limits, and
every finding in a table. The page needs no network and no other file.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterable
from html import escape

from analyzer.checkers.rule import Finding
from analyzer.log import FileError, TrainingLog
from analyzer.report import (
    RANKING_WINDOW_DAYS,
    AthleteSummary,
    athlete_summaries,
    charts,
    count_text,
    day_text,
    distance_text,
    is_pain_note,
    related_window_days,
    risk_ranking,
    span_text,
)
from analyzer.report.json import plain

_STYLE = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222;
       max-width: 1000px; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { border-bottom: 2px solid #4f7fb0; padding-bottom: 0.2em; margin-top: 2.2em; }
h3 { margin-top: 1.6em; font-size: 1.1em; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
th, td { text-align: left; vertical-align: top; padding: 0.35em 0.5em;
         border-bottom: 1px solid #e4e4e4; }
th { background: #f4f6f8; }
td.number { text-align: right; }
.severity { display: inline-block; min-width: 4.2em; padding: 0 0.4em; border-radius: 3px;
            font-size: 0.85em; font-weight: 600; text-align: center; color: #fff; }
.severity-high { background: #c62828; }
.severity-warning { background: #ef8f00; }
.severity-info { background: #7a7a7a; }
.summary { color: #555; margin-top: 0; }
.evidence { color: #666; font-size: 0.85em; }
.pain { border-left: 4px solid #6a1b9a; padding: 0.2em 0 0.2em 0.8em; margin: 1em 0; }
.pain ul { margin: 0.4em 0; padding-left: 1.2em; }
.quiet { color: #777; font-style: italic; }
img.chart { max-width: 100%; height: auto; display: block; }
.errors li { font-family: ui-monospace, monospace; font-size: 0.88em; }
"""


def render_html(
    log: TrainingLog,
    findings: list[Finding],
    errors: Iterable[FileError] = (),
    title: str = "runlog report",
) -> str:
    """The whole page: ranking (for several athletes), one section per athlete, the errors."""
    summaries = athlete_summaries(log, findings)
    anchors = _anchors(summaries)
    errors = list(errors)
    body = [f"<h1>{escape(title)}</h1>", _overview(summaries, errors)]
    if len(summaries) > 1:
        body.append(_ranking(summaries, anchors))
    body += [_athlete(log, summary, anchors[summary.athlete]) for summary in summaries]
    if errors:
        body.append(_errors(errors))
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title>",
            f"<style>{_STYLE}</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )


def _overview(summaries: list[AthleteSummary], errors: list[FileError]) -> str:
    runs = sum(summary.runs for summary in summaries)
    findings = sum(len(summary.findings) for summary in summaries)
    parts = [
        count_text(len(summaries), "athlete"),
        count_text(runs, "run"),
        count_text(findings, "finding"),
    ]
    if errors:
        parts.append(f'<a href="#errors">{count_text(len(errors), "file")} not fully read</a>')
    return f'<p class="summary">{", ".join(parts)}.</p>'


def _ranking(summaries: list[AthleteSummary], anchors: dict[str, str]) -> str:
    rows = []
    for place, rank in enumerate(risk_ranking(summaries), start=1):
        rows.append(
            "<tr>"
            f'<td class="number">{place}</td>'
            f'<td><a href="#{anchors[rank.athlete]}">{escape(rank.athlete)}</a></td>'
            f'<td class="number">{rank.high_count}</td>'
            f'<td class="number">{rank.warning_count}</td>'
            f"<td>{escape(span_text(rank.window_start, rank.window_end))}</td>"
            "</tr>"
        )
    return "\n".join(
        [
            '<section id="ranking">',
            "<h2>Athletes by risk</h2>",
            f'<p class="summary">High, then warning findings in each athlete\'s last '
            f"{RANKING_WINDOW_DAYS} days of running.</p>",
            "<table>",
            "<thead><tr><th>#</th><th>athlete</th><th>high</th><th>warning</th>"
            "<th>days counted</th></tr></thead>",
            "<tbody>",
            *rows,
            "</tbody>",
            "</table>",
            "</section>",
        ]
    )


def _athlete(log: TrainingLog, summary: AthleteSummary, anchor: str) -> str:
    athlete_log = log.for_athlete(summary.athlete)
    units = summary.units
    counts = ", ".join(
        count_text(sum(finding.severity == severity for finding in summary.findings), label)
        for severity, label in (("high", "high"), ("warning", "warning"), ("info", "info"))
    )
    parts = [
        f'<section class="athlete" id="{anchor}">',
        f"<h2>{escape(summary.athlete)}</h2>",
        '<p class="summary">'
        + escape(
            f"{count_text(summary.runs, 'run')}, {span_text(summary.first_date, summary.last_date)}"
            f", {distance_text(summary.distance_m, units)}; findings: {counts}."
        )
        + "</p>",
        "<h3>Knee pain and what came before it</h3>",
        _pain_timeline(summary.findings),
        "<h3>Weekly distance</h3>",
        _chart(
            charts.weekly_distance_png(athlete_log, summary.findings, units),
            f"Weekly distance of {summary.athlete}, findings marked above their week",
            "No runs to chart.",
        ),
        "<h3>Cadence</h3>",
        _chart(
            charts.cadence_png(
                athlete_log,
                charts.rule_setting(log, summary.athlete, "low-cadence", "min", "cadence_spm"),
            ),
            f"Average cadence of each run of {summary.athlete}",
            "No run in this log records cadence.",
        ),
        "<h3>Shoes</h3>",
        _chart(
            charts.shoe_distance_png(charts.shoe_uses(athlete_log, summary.athlete), units),
            f"Distance on each shoe of {summary.athlete} against its limits",
            "No shoes named in the runs or the profile.",
        ),
        "<h3>Findings</h3>",
        _findings_table(summary.findings),
        "</section>",
    ]
    return "\n".join(parts)


def _pain_timeline(findings: tuple[Finding, ...]) -> str:
    notes = [finding for finding in findings if is_pain_note(finding)]
    if not notes:
        return '<p class="quiet">No knee-pain notes in this log.</p>'
    blocks = []
    for note in notes:
        window_days = related_window_days(note)
        if note.related:
            before = "\n".join(
                f"<li>{escape(day_text(other.date))} {_severity(other.severity)} "
                f"{escape(other.code)} {escape(other.message)}</li>"
                for other in note.related
            )
            related = f"<p>What came before it ({window_days} days):</p>\n<ul>\n{before}\n</ul>"
        else:
            related = (
                f'<p class="quiet">Nothing was flagged in the {window_days} days before it.</p>'
            )
        blocks.append(
            '<div class="pain">'
            f"<p><strong>{escape(day_text(note.date))}</strong> {_severity(note.severity)} "
            f"{escape(note.message)}</p>\n{related}</div>"
        )
    return "\n".join(blocks)


def _findings_table(findings: tuple[Finding, ...]) -> str:
    if not findings:
        return '<p class="quiet">No findings.</p>'
    rows = [
        "<tr>"
        f"<td>{escape(day_text(finding.date))}</td>"
        f"<td>{_severity(finding.severity)}</td>"
        f"<td>{escape(finding.code)}<br>{escape(finding.rule)}</td>"
        f"<td>{escape(finding.message)}"
        f'<div class="evidence">{escape(_evidence_text(finding))}</div></td>'
        "</tr>"
        for finding in findings
    ]
    return "\n".join(
        [
            '<table class="findings">',
            "<thead><tr><th>date</th><th>severity</th><th>rule</th><th>finding</th></tr></thead>",
            "<tbody>",
            *rows,
            "</tbody>",
            "</table>",
        ]
    )


def _errors(errors: list[FileError]) -> str:
    items = "\n".join(f"<li>{escape(error.path)}: {escape(error.reason)}</li>" for error in errors)
    return "\n".join(
        [
            '<section id="errors" class="errors">',
            "<h2>Files runlog could not read, or read only in part</h2>",
            f"<ul>\n{items}\n</ul>",
            "</section>",
        ]
    )


def _chart(png: bytes | None, description: str, when_empty: str) -> str:
    if png is None:
        return f'<p class="quiet">{escape(when_empty)}</p>'
    encoded = base64.b64encode(png).decode("ascii")
    return f'<img class="chart" alt="{escape(description)}" src="data:image/png;base64,{encoded}">'


def _severity(severity: str) -> str:
    css_name = re.sub(r"[^a-z]", "", severity.lower())
    return f'<span class="severity severity-{css_name}">{escape(severity)}</span>'


def _evidence_text(finding: Finding) -> str:
    pairs = [
        f"{name} = {json.dumps(plain(value), ensure_ascii=False)}"
        for name, value in finding.evidence.items()
    ]
    period = f"{plain(finding.period_start)} to {plain(finding.period_end)}"
    return "; ".join([*pairs, f"period {period}"])


def _anchors(summaries: list[AthleteSummary]) -> dict[str, str]:
    """A unique id for each athlete's section, readable where the name allows."""
    anchors = {}
    for index, summary in enumerate(summaries, start=1):
        readable = re.sub(r"[^a-z0-9]+", "-", summary.athlete.lower()).strip("-")
        anchors[summary.athlete] = f"athlete-{index}-{readable}" if readable else f"athlete-{index}"
    return anchors


__all__ = ["render_html"]
