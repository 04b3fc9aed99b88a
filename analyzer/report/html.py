"""The report as one self-contained HTML page: charts embedded, every string from data escaped.

For a coach's folder the page opens with the athletes ranked by risk, one row each: their
counts beside a small chart of their weeks, linking to their section. Each athlete's section
shows the charts (each answers one question, over the status window), their knee-pain notes
with what came before them, and every finding in a table. The page needs no network and no
other file; it fits a phone's width (each chart has a drawing for it, tables fold into rows)
and prints.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from collections.abc import Iterable, Mapping

from analyzer.checkers.rule import Finding
from analyzer.log import FileError, FileNotice, TrainingLog
from analyzer.patterns import PainPatterns
from analyzer.report import (
    PAIN_NOTE_RULE,
    AthleteSummary,
    athlete_summaries,
    attention_last_text,
    attention_pain_text,
    attention_ratio_text,
    attention_reason,
    attention_week_text,
    charts,
    count_text,
    day_text,
    distance_text,
    evidence_words,
    in_attention_order,
    is_pain_note,
    no_open_findings_text,
    open_finding_text,
    pain_patterns_title,
    related_window_days,
    risk_ranking,
    span_text,
    status_rows,
    telling_patterns,
)
from analyzer.report.literal import html_text as escape  # escaped, no bidirectional controls
from analyzer.status import OPEN_WINDOW_DAYS, Status, default_as_of
from analyzer.status import statuses as athlete_statuses

_STYLE = """
*, *::before, *::after { box-sizing: border-box; }
body { font: 16px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222;
       max-width: 1000px; margin: 1.5em auto; padding: 0 16px; overflow-wrap: break-word; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { border-bottom: 2px solid #4f7fb0; padding-bottom: 0.2em; margin-top: 2.2em; }
h3 { margin: 1.8em 0 0.4em; font-size: 1.1em; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
th, td { text-align: left; vertical-align: top; padding: 0.35em 0.5em;
         border-bottom: 1px solid #e4e4e4; }
th { background: #f4f6f8; }
td.number { text-align: right; }
td.day, th { white-space: nowrap; }
td.message, .evidence, .errors li { overflow-wrap: anywhere; }
.table-box { overflow-x: auto; max-width: 100%; }
.severity { display: inline-block; min-width: 4.2em; padding: 0 0.4em; border-radius: 3px;
            white-space: nowrap;
            font-size: 0.85em; font-weight: 600; text-align: center; color: #fff; }
.severity-high { background: #c62828; }
.severity-warning { background: #b86800; }
.severity-info { background: #6b6b6b; }
.summary { color: #555; margin-top: 0; }
.evidence { color: #666; font-size: 0.85em; }
.pain { border-left: 4px solid #6a1b9a; padding: 0.2em 0 0.2em 0.8em; margin: 1em 0; }
.pain ul { margin: 0.4em 0; padding-left: 1.2em; }
.quiet { color: #777; font-style: italic; }
figure.chart { margin: 0.4em 0 1.2em; }
figure.chart img { width: 100%; height: auto; display: block; }
figure.chart figcaption { color: #555; font-size: 0.85em; margin-top: 0.2em; }
.errors li { font-family: ui-monospace, monospace; font-size: 0.88em; }
.athletes { display: grid; gap: 0.6em; }
.athlete-row { display: grid; grid-template-columns: minmax(14em, 2fr) 3fr; gap: 0.2em 1em;
               align-items: center; border-bottom: 1px solid #e4e4e4; padding-bottom: 0.5em; }
.athlete-row .numbers { font-size: 0.85em; }
.athlete-row .numbers p { margin: 0.1em 0; }
.athlete-row figure.chart { margin: 0; }
@media (max-width: 700px) {
  body { font-size: 15px; margin: 1em auto; }
  .athlete-row { grid-template-columns: 1fr; }
  table.findings thead { display: none; }
  table.findings tr { display: block; border-bottom: 1px solid #d0d0d0; padding: 0.4em 0; }
  table.findings td { display: inline-block; border: none; padding: 0.1em 0.4em 0.1em 0; }
  table.findings td.message { display: block; }
}
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  h2 { break-before: auto; break-after: avoid; }
  h3 { break-after: avoid; }
  figure.chart, .pain, tr, .athlete-row { break-inside: avoid; }
  .table-box { overflow: visible; }
  a { color: inherit; text-decoration: none; }
  .severity { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def render_html(
    log: TrainingLog,
    findings: list[Finding],
    errors: Iterable[FileError] = (),
    title: str = "runlog report",
    as_of: dt.date | None = None,
    statuses: Mapping[str, Status] | None = None,
    since: dt.date | None = None,
) -> str:
    """The whole page: ranking (for several athletes), one section per athlete in that order,
    each opening with the athlete's status, then the errors.

    The charts show the `WINDOW_WEEKS` weeks up to `as_of` (default: the log's newest day), or
    the weeks from `since` when it is given; the counts are of the days from `since` to `as_of`.
    """
    as_of = as_of or default_as_of(log) or dt.date.today()
    if statuses is None:
        statuses = athlete_statuses(log, findings, as_of)
    summaries = in_attention_order(athlete_summaries(log, findings, since, as_of), statuses)
    anchors = _anchors(summaries)
    errors = list(errors)
    window = charts.status_window(as_of)
    if since is not None:
        weeks = (window.last_monday - since).days // 7 + 1
        window = charts.status_window(as_of, max(weeks, 1))
    body = [f"<h1>{escape(title)}</h1>", _overview(summaries, errors, window, since)]
    if len(summaries) > 1:
        body.append(_ranking(log, summaries, anchors, window, statuses))
    body += [
        _athlete(log, summary, anchors[summary.athlete], window, statuses.get(summary.athlete))
        for summary in summaries
    ]
    if errors:
        body.append(_errors(errors))
    if log.notices:
        body.append(_notices(log.notices))
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


def _overview(
    summaries: list[AthleteSummary], errors: list[FileError], window, since: dt.date | None
) -> str:
    runs = sum(summary.runs for summary in summaries)
    findings = sum(len(summary.findings) for summary in summaries)
    parts = [
        count_text(len(summaries), "athlete"),
        count_text(runs, "run"),
        count_text(findings, "finding"),
    ]
    if errors:
        parts.append(f'<a href="#errors">{count_text(len(errors), "file")} not fully read</a>')
    if since is not None:
        shown = f"from {day_text(since)} to {day_text(window.as_of)} (--since)"
        return f'<p class="summary">{", ".join(parts)} {escape(shown)}.</p>'
    return (
        f'<p class="summary">{", ".join(parts)}. The charts show the {charts.WINDOW_WEEKS} weeks '
        f"up to {escape(day_text(window.as_of))}, the as-of day.</p>"
    )


# the status rows a coach's row shows beside the athlete's weeks (status_rows' labels)
COACH_STATUS_ROWS = ("Rest",)


def _ranking(
    log: TrainingLog,
    summaries: list[AthleteSummary],
    anchors: dict[str, str],
    window,
    statuses: Mapping[str, Status],
) -> str:
    ranks = {rank.athlete: rank for rank in risk_ranking(summaries)}
    rows = []
    for place, summary in enumerate(summaries, start=1):
        rank = ranks[summary.athlete]
        status = statuses.get(summary.athlete)
        chart = charts.athlete_strip_chart(
            log.for_athlete(rank.athlete), summary.findings, window, summary.units
        )
        rows.append(
            '<div class="athlete-row">'
            '<div class="numbers">'
            f'<p><strong>{place}. <a href="#{anchors[rank.athlete]}">'
            f"{escape(rank.athlete)}</a></strong></p>"
            + _attention_numbers(status, rank)
            + "</div>"
            + _chart(
                chart,
                f"Weekly distance of {rank.athlete} over the last {charts.WINDOW_WEEKS} weeks, "
                "knee-pain notes marked with their score",
                "No runs in these weeks.",
            )
            + "</div>"
        )
    return "\n".join(
        [
            '<section id="ranking">',
            "<h2>Athletes, most in need of a call first</h2>",
            '<p class="summary">No run in the last '
            f"{OPEN_WINDOW_DAYS} days first, then red flags, high and warning findings of the "
            f"last {OPEN_WINDOW_DAYS} days, then the longest without data; beside each their "
            f"weekly distance over the last {charts.WINDOW_WEEKS} weeks, knee-pain notes dashed "
            "with their score.</p>",
            '<div class="athletes">',
            *rows,
            "</div>",
            "</section>",
        ]
    )


def _attention_numbers(status: Status | None, rank) -> str:
    """A coach's row: the open findings' counts, last activity, this week, the ratio, the knee
    and why the athlete is where they are."""
    if status is None:
        return (
            f"<p>{_severity('high')} {rank.high_count} {_severity('warning')} "
            f"{rank.warning_count}</p>"
        )
    lines = [
        f"{_severity('high')} {status.high_count} {_severity('warning')} "
        f"{status.warning_count} in {OPEN_WINDOW_DAYS} days",
        f"<strong>Last activity</strong>: {escape(attention_last_text(status))}",
        f"<strong>This week / 4-week avg</strong>: {escape(attention_week_text(status))}",
        f"<strong>Acute:chronic</strong>: {escape(attention_ratio_text(status, True))}",
        *(
            f"<strong>{escape(label)}</strong>: {escape(text)}"
            for label, text in status_rows(status)
            if label in COACH_STATUS_ROWS
        ),
        f"<strong>Knee pain</strong>: {escape(attention_pain_text(status))}",
        f"<strong>Why</strong>: {escape(attention_reason(status))}",
    ]
    before_pain = status.pain_patterns.most_frequent if status.pain_patterns else None
    if before_pain:
        lines.append(f"<strong>Before knee pain</strong>: {escape(before_pain)}")
    return "".join(f"<p>{line}</p>" for line in lines)


def _athlete(
    log: TrainingLog, summary: AthleteSummary, anchor: str, window, status: Status | None = None
) -> str:
    athlete_log = log.for_athlete(summary.athlete)
    shown = window.around_runs(summary.first_date, summary.last_date)
    moved = (
        f'<p class="quiet">No runs in the {charts.WINDOW_WEEKS} weeks up to '
        f"{escape(day_text(window.as_of))}: the charts show the weeks up to the last run, "
        f"{escape(day_text(summary.last_date))}.</p>"
        if shown.as_of != window.as_of
        else ""
    )
    window = shown
    athlete, units, findings = summary.athlete, summary.units, summary.findings
    counts = ", ".join(
        count_text(sum(finding.severity == severity for finding in findings), label)
        for severity, label in (("high", "high"), ("warning", "warning"), ("info", "info"))
    )
    sections = [
        (
            "Is my weekly distance climbing too fast?",
            charts.weekly_distance_chart(athlete_log, findings, window, units),
            f"Weekly distance of {athlete} with its {charts.AVERAGE_WEEKS}-week average, "
            "findings labelled by rule code at their week, knee-pain notes with their score",
            "No runs to chart.",
            _codes_key(findings, window),
        ),
        (
            "Is my long run jumping?",
            charts.long_run_chart(athlete_log, findings, window, units, athlete),
            f"Each run of {athlete} against the longest run of the days before it",
            "No runs in these weeks.",
            "",
        ),
        (
            "Am I resting?",
            charts.rest_calendar_chart(athlete_log, findings, window, units),
            f"Every day of the last {charts.WINDOW_WEEKS} weeks of {athlete}: runs, rest days, "
            "knee-pain days with their score",
            "No runs to chart.",
            "",
        ),
        (
            "Is my cadence low?",
            charts.cadence_chart(athlete_log, window, units, athlete),
            f"Cadence of each run of {athlete} coloured by pace, treadmill runs as squares, "
            "against the low-cadence floor",
            "No run in these weeks records cadence.",
            "",
        ),
        (
            "Are my surfaces varied?",
            charts.surface_chart(athlete_log, window),
            f"Share of each surface in {athlete}'s running, per 4-week block",
            "No runs in these weeks.",
            "",
        ),
        (
            "Are my shoes worn?",
            charts.shoe_chart(athlete_log, window, units, athlete),
            f"Distance on each shoe of {athlete} as the shoe-overdue rule counts it, "
            "against its limits",
            "No shoes named in the runs or the profile.",
            "",
        ),
        (
            "How is my knee?",
            charts.pain_chart(athlete_log, findings, window, units),
            f"Knee-pain scores of {athlete} by side, above the weekly distance",
            f"No knee-pain notes in the last {charts.WINDOW_WEEKS} weeks.",
            "",
        ),
    ]
    overview = charts.monthly_overview_chart(athlete_log, findings, window, units)
    if overview is not None:
        sections.append(
            (
                "The whole log, month by month",
                overview,
                f"Distance and findings per month over all of {athlete}'s log",
                "",
                "",
            )
        )
    parts = [
        f'<section class="athlete" id="{anchor}">',
        f"<h2>{escape(athlete)}</h2>",
        '<p class="summary">'
        + escape(
            f"{count_text(summary.runs, 'run')}, {span_text(summary.first_date, summary.last_date)}"
            f", {distance_text(summary.distance_m, units)}; findings: {counts}."
        )
        + "</p>",
        moved,
    ]
    if status is not None:
        parts.append(_status(status))
    for heading, chart, description, when_empty, caption in sections:
        parts += [f"<h3>{escape(heading)}</h3>", _chart(chart, description, when_empty, caption)]
    if status is not None and status.pain_patterns is not None:
        parts += ["<h3>What came before my knee pain?</h3>", _pain_patterns(status.pain_patterns)]
    not_run = len(status.rules_not_run) if status is not None else 0
    parts += [
        '<details class="history">',
        f"<summary>History: {escape(count_text(len(findings), 'finding'))}, knee-pain notes "
        "with what came before them</summary>",
        "<h3>Knee pain and what came before it</h3>",
        _pain_timeline(findings, not_run),
        "<h3>Findings</h3>",
        _findings_table(findings, not_run),
        "</details>",
        "</section>",
    ]
    return "\n".join(parts)


def _pain_patterns(patterns: PainPatterns) -> str:
    """The patterns before the athlete's knee-pain episodes: a chart and the table, or why not."""
    if not patterns.is_shown:
        return f'<p class="quiet">{escape(patterns.reason or "")}</p>'
    sentences = "".join(f"<li>{escape(sentence)}</li>" for sentence in telling_patterns(patterns))
    rows = "\n".join(
        "<tr>"
        f"<td>{escape(row['label'])}</td>"
        f"<td>{row['episodes_with']} of {row['episodes']}</td>"
        f"<td>{row['pain_free_with']} of {row['pain_free_fortnights']}</td>"
        "</tr>"
        for row in patterns.table.to_dict("records")
    )
    return "\n".join(
        [
            f"<p>{escape(pain_patterns_title(patterns))}:</p>",
            f"<ul>{sentences}</ul>",
            _chart(
                charts.pain_patterns_chart(patterns.table),
                "Share of knee-pain episodes each pattern came before, beside its share of "
                "pain-free fortnights",
                "No pattern came before an episode or in a pain-free fortnight.",
            ),
            '<div class="table-box"><table class="pain-patterns">',
            "<tr><th>Pattern</th><th>Before an episode</th><th>In a pain-free fortnight</th></tr>",
            rows,
            "</table></div>",
            f'<p class="quiet">{escape(patterns.caveat)}</p>',
        ]
    )


def _status(status: Status) -> str:
    """The athlete's status on the as-of day: the numbers, open findings, advice, rules not run."""
    rows = "\n".join(
        f'<tr><th scope="row">{escape(label)}</th><td>{escape(text)}</td></tr>'
        for label, text in status_rows(status)
    )
    parts = [
        '<div class="status">',
        f"<h3>Status on {escape(day_text(status.as_of))}</h3>",
        f'<div class="table-box"><table class="status-numbers">\n{rows}\n</table></div>',
    ]
    if status.advice:
        items = "".join(f"<li>{escape(sentence)}</li>" for sentence in status.advice)
        parts.append(f'<h3>This week</h3>\n<ul class="advice">{items}</ul>')
    if status.open_findings:
        items = "\n".join(
            f"<li>{_severity(finding.severity)} {escape(open_finding_text(finding))}</li>"
            for finding in status.open_findings
        )
        parts.append(
            f"<h3>Open findings (last {OPEN_WINDOW_DAYS} days, most severe first)</h3>\n"
            f'<ul class="open-findings">\n{items}\n</ul>'
        )
    else:
        parts.append(f"<p>{escape(no_open_findings_text(status))}</p>")
    if status.rules_not_run:
        items = "".join(
            f"<li>{escape(item.rule)}: {escape(item.reason)}</li>" for item in status.rules_not_run
        )
        parts.append(
            f"<h3>Could not judge ({len(status.rules_not_run)})</h3>\n"
            f'<ul class="not-run">{items}</ul>'
        )
    parts.append("</div>")
    return "\n".join(parts)


def _codes_key(findings: tuple[Finding, ...], window) -> str:
    """What each rule code on the weekly chart stands for."""
    codes = {
        finding.code: finding.rule
        for finding in findings
        if finding.rule != PAIN_NOTE_RULE and window.first <= finding.date <= window.as_of
    }
    return " · ".join(f"{code} {rule}" for code, rule in sorted(codes.items()))


def _pain_timeline(findings: tuple[Finding, ...], not_run: int = 0) -> str:
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
        elif not_run:
            related = (
                f'<p class="quiet">No finding in the {window_days} days before it, but '
                f"{count_text(not_run, 'rule')} could not judge this log (see the status).</p>"
            )
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


def _findings_table(findings: tuple[Finding, ...], not_run: int = 0) -> str:
    if not findings and not_run:
        return (
            '<p class="quiet">No findings from the rules that could judge '
            f"({not_run} could not: see the status).</p>"
        )
    if not findings:
        return '<p class="quiet">No findings.</p>'
    rows = [
        "<tr>"
        f'<td class="day">{escape(day_text(finding.date))}</td>'
        f"<td>{_severity(finding.severity)}</td>"
        f"<td>{escape(finding.code)} {escape(finding.rule)}</td>"
        f'<td class="message">{escape(finding.message)}'
        f'<div class="evidence">{escape(_evidence_text(finding))}</div></td>'
        "</tr>"
        for finding in findings
    ]
    return "\n".join(
        [
            '<div class="table-box"><table class="findings">',
            "<thead><tr><th>date</th><th>severity</th><th>rule</th><th>finding</th></tr></thead>",
            "<tbody>",
            *rows,
            "</tbody>",
            "</table></div>",
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


def _notices(notices: list[FileNotice]) -> str:
    items = "\n".join(
        f"<li>{escape(notice.path)}: {escape(notice.notice)}</li>" for notice in notices
    )
    return "\n".join(
        [
            '<section id="notices" class="errors">',
            "<h2>Files read in full, with a remark</h2>",
            f"<ul>\n{items}\n</ul>",
            "</section>",
        ]
    )


def _chart(chart: charts.Chart | None, description: str, when_empty: str, caption: str = "") -> str:
    """A chart as a picture: the phone's drawing under 700 px, the wide one otherwise."""
    if chart is None:
        return f'<p class="quiet">{escape(when_empty)}</p>'
    narrow = base64.b64encode(chart.narrow).decode("ascii")
    wide = base64.b64encode(chart.wide).decode("ascii")
    caption_html = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
    return (
        '<figure class="chart"><picture>'
        f'<source media="(max-width: 700px)" type="image/svg+xml" '
        f'srcset="data:image/svg+xml;base64,{narrow}">'
        f'<img alt="{escape(description)}" src="data:image/svg+xml;base64,{wide}">'
        f"</picture>{caption_html}</figure>"
    )


def _severity(severity: str) -> str:
    css_name = re.sub(r"[^a-z]", "", severity.lower())
    return f'<span class="severity severity-{css_name}">{escape(severity)}</span>'


def _evidence_text(finding: Finding) -> str:
    return evidence_words(finding)


def _anchors(summaries: list[AthleteSummary]) -> dict[str, str]:
    """A unique id for each athlete's section, readable where the name allows."""
    anchors = {}
    for index, summary in enumerate(summaries, start=1):
        readable = re.sub(r"[^a-z0-9]+", "-", summary.athlete.lower()).strip("-")
        anchors[summary.athlete] = f"athlete-{index}-{readable}" if readable else f"athlete-{index}"
    return anchors


__all__ = ["render_html"]
