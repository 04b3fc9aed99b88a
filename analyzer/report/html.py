"""The report as HTML: one self-contained page, or a squad's small site.

A runner's report is one page: their status on the as-of day, the charts (each answers one
question, over the status window), what came before their knee pain, and their history, newest
first. A squad's is the board (every athlete in order of need, with their weeks in a small
chart, the status in a line and why) and one section per athlete: on one page
(`render_html`), or as a site (`render_site`) of `index.html`, the board, and one page per
athlete with a link back to it. Every page carries the one stylesheet and its charts inside
it, so it opens from disk and can be mailed as one file; nothing is fetched. Strings from the
data are escaped. A page fits a phone: each chart has a drawing for its width, and each table
becomes a column of cards under 600 px.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from analyzer.checkers.rule import ChartMarks, Finding
from analyzer.log import FileError, FileNotice, TrainingLog
from analyzer.parallel import each_on_every_core
from analyzer.patterns import PainPatterns
from analyzer.report import charts
from analyzer.report.athletes import AthleteSummary, athlete_summaries, in_attention_order
from analyzer.report.board import BoardRow, board
from analyzer.report.charts import (
    cadence,
    forest,
    knee,
    long_run,
    monthly,
    pain_patterns,
    rest,
    shoes,
    surfaces,
    weekly,
)
from analyzer.report.finding_words import (
    evidence_words,
    is_pain_note,
    newest_first,
    open_finding_text,
    related_window_days,
)
from analyzer.report.literal import html_text as escape  # escaped, no bidirectional controls
from analyzer.report.sparkline import weekly_sparkline
from analyzer.report.status_words import (
    no_open_findings_text,
    severity_counts,
    severity_text,
    status_rows,
)
from analyzer.report.study_words import (
    odds_ratio_text,
    p_text,
    pain_patterns_title,
    telling_patterns,
)
from analyzer.status import OPEN_WINDOW_DAYS, Status, default_as_of
from analyzer.status import statuses as athlete_statuses
from analyzer.study import SquadStudy
from analyzer.words import count_text, day_text, distance_text, span_text

CARDS_BELOW_PX = 600  # narrower than this, every table is a column of cards
NARROW_CHARTS_BELOW_PX = 700  # narrower than this, charts use their phone drawing
INDEX_PAGE = "index.html"
_BEFORE_EPISODE = "Before an episode"
_PAIN_FREE = "In a pain-free fortnight"
BOARD_ID = "board"

_STYLE = f"""
*, *::before, *::after {{ box-sizing: border-box; }}
body {{ font: 16px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222;
       max-width: 1000px; margin: 1.5em auto; padding: 0 16px; overflow-wrap: break-word; }}
h1 {{ font-size: 1.6em; margin-bottom: 0.2em; }}
h2 {{ border-bottom: 2px solid #4f7fb0; padding-bottom: 0.2em; margin-top: 2.2em; }}
h3 {{ margin: 1.8em 0 0.4em; font-size: 1.1em; }}
table {{ border-collapse: collapse; width: 100%; font-size: 0.92em; }}
th, td {{ text-align: left; vertical-align: top; padding: 0.35em 0.5em;
         border-bottom: 1px solid #e4e4e4; }}
th {{ background: #f4f6f8; }}
td.day, th {{ white-space: nowrap; }}
td, .evidence, .errors li {{ overflow-wrap: anywhere; }}
.severity {{ display: inline-block; min-width: 4.2em; padding: 0 0.4em; border-radius: 3px;
            white-space: nowrap; font-size: 0.85em; font-weight: 600; text-align: center;
            color: #fff; }}
.severity-high {{ background: #c62828; }}
.severity-warning {{ background: #b86800; }}
.severity-info {{ background: #6b6b6b; }}
.summary {{ color: #555; margin-top: 0; }}
.evidence {{ color: #666; font-size: 0.85em; }}
.pain {{ border-left: 4px solid #6a1b9a; padding: 0.2em 0 0.2em 0.8em; margin: 1em 0; }}
.pain ul {{ margin: 0.4em 0; padding-left: 1.2em; }}
.quiet {{ color: #777; font-style: italic; }}
nav.back {{ font-size: 0.92em; margin: 0.4em 0; }}
figure.chart {{ margin: 0.4em 0 1.2em; }}
figure.chart img {{ width: 100%; height: auto; display: block; }}
figure.chart figcaption {{ color: #555; font-size: 0.85em; margin-top: 0.2em; }}
.errors li {{ font-family: ui-monospace, monospace; font-size: 0.88em; }}
table.board td.place {{ text-align: right; width: 2.5em; white-space: nowrap;
                        overflow-wrap: normal; }}
table.board td.weeks {{ width: 172px; }}
table.board tr.attention td.place {{ border-left: 4px solid #b86800; }}
table.board .attention-reasons {{ color: #8a4d00; font-size: 0.85em; }}
table.board td.status, table.board .before-pain {{ font-size: 0.9em; }}
table.board .before-pain {{ color: #6a1b9a; margin-top: 0.2em; }}
svg.sparkline {{ display: block; max-width: 100%; height: auto; }}
@media (max-width: {CARDS_BELOW_PX - 0.02}px) {{
  body {{ font-size: 15px; margin: 1em auto; }}
  table.cards thead {{ display: none; }}
  table.cards, table.cards tbody, table.cards tr, table.cards th, table.cards td {{
    display: block; width: auto; }}
  table.cards tr {{ border-bottom: 1px solid #d0d0d0; padding: 0.5em 0; }}
  table.cards th, table.cards td {{ border: none; padding: 0.1em 0; white-space: normal;
                                    background: none; }}
  table.cards th[scope="row"] {{ color: #555; font-size: 0.9em; }}
  table.cards td[data-label]::before {{ content: attr(data-label) ": "; color: #555;
                                        font-weight: 600; }}
  table.board td.place {{ display: inline; padding-right: 0.3em; }}
  table.board td.athlete {{ display: inline; }}
  table.board tr.attention td.place {{ border-left: none; }}
  table.board tr.attention {{ border-left: 4px solid #b86800; padding-left: 0.5em; }}
}}
@media print {{
  body {{ max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }}
  h2 {{ break-before: auto; break-after: avoid; }}
  h3 {{ break-after: avoid; }}
  figure.chart, .pain, tr {{ break-inside: avoid; }}
  nav.back {{ display: none; }}
  a {{ color: inherit; text-decoration: none; }}
  .severity {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
}}
"""


@dataclass(frozen=True)
class _View:
    """What every page of one report shares: the log, the athletes in order of need, their
    statuses, the charts' window and the files not read."""

    log: TrainingLog
    summaries: list[AthleteSummary]
    statuses: Mapping[str, Status]
    window: charts.Window
    since: dt.date | None
    errors: list[FileError]
    name: str | None  # the squad's name (the folder named), for its titles
    study: SquadStudy | None = None  # what tends to come before knee pain across the squad

    @property
    def is_squad(self) -> bool:
        return len(self.summaries) > 1

    @property
    def as_of(self) -> dt.date:
        return self.window.as_of


def render_html(
    log: TrainingLog,
    findings: list[Finding],
    errors: Iterable[FileError] = (),
    name: str | None = None,
    as_of: dt.date | None = None,
    statuses: Mapping[str, Status] | None = None,
    since: dt.date | None = None,
    processes: int | None = None,
    study: SquadStudy | None = None,
) -> str:
    """One page: for a runner, their report; for a squad, the board, what tends to come before
    knee pain across the squad (`study`), then one section per athlete in its order (each
    with a link back to the board), then the files not read.

    The charts show the `WINDOW_WEEKS` weeks up to `as_of` (default: the log's newest day), or
    the weeks from `since` when it is given; the counts are of the days from `since` to `as_of`.
    `name` names the squad in the title (the folder named). `processes` draw the athletes'
    charts (default: one per core, at most 8; the command line passes RUNLOG_WORKERS).
    """
    view = _view(log, findings, errors, name, as_of, statuses, since, study)
    anchors = _anchors(view.summaries)
    if not view.is_squad:
        summary = view.summaries[0] if view.summaries else None
        title = _athlete_title(summary.athlete, view.as_of) if summary else _squad_title(view)
        body = [f"<h1>{escape(title)}</h1>", _overview(view)]
        if summary is not None:
            opening = f'<section class="athlete" id="{anchors[summary.athlete]}">'
            body.append(_athlete(view, summary, opening))
        return _page(title, [*body, *_files(view)])
    title = _squad_title(view)
    body = [f"<h1>{escape(title)}</h1>", _overview(view)]
    body.append(_board(view, {athlete: f"#{anchor}" for athlete, anchor in anchors.items()}))
    body.append(_study(view.study))
    back = f'<nav class="back"><a href="#{BOARD_ID}">↑ The board</a></nav>'
    openings = {
        summary.athlete: f'<section class="athlete" id="{anchors[summary.athlete]}">\n{back}\n'
        f"<h2>{escape(summary.athlete)}</h2>"
        for summary in view.summaries
    }
    body += _sections(view, openings, processes).values()
    return _page(title, [*body, *_files(view)])


def render_site(
    log: TrainingLog,
    findings: list[Finding],
    errors: Iterable[FileError] = (),
    name: str | None = None,
    as_of: dt.date | None = None,
    statuses: Mapping[str, Status] | None = None,
    since: dt.date | None = None,
    processes: int | None = None,
    study: SquadStudy | None = None,
) -> dict[str, str]:
    """A squad as a small site, by file name: `index.html` (the board, what tends to come
    before knee pain across the squad (`study`) and the files not read) and one page per
    athlete (`page_names`), titled with their name and the as-of day, with a link back to the
    board. Each page holds its style and charts: it opens alone. `processes` as for
    render_html."""
    view = _view(log, findings, errors, name, as_of, statuses, since, study)
    files = page_names([summary.athlete for summary in view.summaries])
    title = _squad_title(view)
    index = [
        f"<h1>{escape(title)}</h1>",
        _overview(view),
        _board(view, files),
        _study(view.study),
        *_files(view),
    ]
    pages = {INDEX_PAGE: _page(title, index)}
    back = f'<nav class="back"><a href="{INDEX_PAGE}#{BOARD_ID}">← {escape(title)}</a></nav>'
    sections = _sections(
        view,
        {summary.athlete: '<section class="athlete">' for summary in view.summaries},
        processes,
    )
    for summary in view.summaries:
        athlete_title = _athlete_title(summary.athlete, view.as_of)
        body = [back, f"<h1>{escape(athlete_title)}</h1>", sections[summary.athlete]]
        if view.errors:
            unread = count_text(len(view.errors), "file")
            body.append(
                f'<p class="quiet">{escape(unread)} of the squad could not be read, or only in '
                f'part: <a href="{INDEX_PAGE}#errors">listed on the board</a>.</p>'
            )
        pages[files[summary.athlete]] = _page(athlete_title, [*body, back])
    return pages


def page_names(athletes: Iterable[str]) -> dict[str, str]:
    """Each athlete's page in a squad's site: their name in plain letters ('zoë' -> 'zoe.html'),
    numbered when two names read alike, never `index.html`; the same names on every run."""
    names: dict[str, str] = {}
    taken = {INDEX_PAGE}
    for athlete in sorted(athletes):
        plain = unicodedata.normalize("NFKD", athlete).encode("ascii", "ignore").decode("ascii")
        stem = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60] or "athlete"
        name, number = f"{stem}.html", 1
        while name in taken:
            number += 1
            name = f"{stem}-{number}.html"
        taken.add(name)
        names[athlete] = name
    return names


def _sections(view: _View, openings: Mapping[str, str], processes: int | None) -> dict[str, str]:
    """Each athlete's section (`_athlete`), by athlete, from their opening, drawn on every core
    (an athlete's charts take about a second of matplotlib): the same bytes as in one."""
    athletes = list(openings)
    drawn = each_on_every_core(
        lambda athlete: _section(view, athlete, openings[athlete]), athletes, processes
    )
    return dict(zip(athletes, drawn, strict=True))


def _section(view: _View, athlete: str, opening: str) -> str:
    summary = next(summary for summary in view.summaries if summary.athlete == athlete)
    return _athlete(view, summary, opening)


def _view(
    log: TrainingLog,
    findings: list[Finding],
    errors: Iterable[FileError],
    name: str | None,
    as_of: dt.date | None,
    statuses: Mapping[str, Status] | None,
    since: dt.date | None,
    study: SquadStudy | None = None,
) -> _View:
    as_of = as_of or default_as_of(log) or dt.date.today()
    if statuses is None:
        statuses = athlete_statuses(log, findings, as_of)
    window = charts.status_window(as_of)
    if since is not None:
        weeks = (window.last_monday - since).days // 7 + 1
        window = charts.status_window(as_of, max(weeks, 1))
    summaries = in_attention_order(athlete_summaries(log, findings, since, as_of), statuses)
    return _View(log, summaries, statuses, window, since, list(errors), name, study)


def _squad_title(view: _View) -> str:
    """'coach10: 10 athletes as of Sun 4 Jan 2026'."""
    athletes = count_text(len(view.summaries), "athlete")
    return f"{view.name or 'Squad'}: {athletes} as of {day_text(view.as_of)}"


def _athlete_title(athlete: str, as_of: dt.date) -> str:
    """'ana as of Mon 9 Mar 2026'."""
    return f"{athlete} as of {day_text(as_of)}"


def _page(title: str, body: list[str]) -> str:
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)} · runlog</title>",
            f"<style>{_STYLE}</style>",
            "</head>",
            "<body>",
            *(part for part in body if part),
            "</body>",
            "</html>",
            "",
        ]
    )


def _files(view: _View) -> list[str]:
    """The files not read, and those read with a remark, when there are any."""
    return [
        _errors(view.errors) if view.errors else "",
        _notices(view.log.notices) if view.log.notices else "",
    ]


def _overview(view: _View) -> str:
    runs = sum(summary.runs for summary in view.summaries)
    findings = sum(len(summary.findings) for summary in view.summaries)
    parts = []  # a runner's own counts open their section
    if view.is_squad:
        parts = [
            count_text(len(view.summaries), "athlete"),
            count_text(runs, "run"),
            count_text(findings, "finding"),
        ]
    if view.errors:
        parts.append(f'<a href="#errors">{count_text(len(view.errors), "file")} not fully read</a>')
    if view.since is not None:
        shown = escape(f"from {day_text(view.since)} to {day_text(view.as_of)} (--since)")
        said = f"{', '.join(parts)} {shown}" if parts else shown[0].upper() + shown[1:]
        return f'<p class="summary">{said}.</p>'
    counted = f"{', '.join(parts)}. " if parts else ""
    return (
        f'<p class="summary">{counted}The charts show the {charts.WINDOW_WEEKS} weeks '
        f"up to {escape(day_text(view.as_of))}, the as-of day.</p>"
    )


def _board(view: _View, links: Mapping[str, str]) -> str:
    """The squad's board: one row per athlete in order of need, linking to each one's page or
    section; a column of cards on a phone."""
    rows = board(view.statuses)
    needing = sum(row.needs_attention for row in rows)
    return "\n".join(
        [
            f'<section id="{BOARD_ID}">',
            "<h2>Athletes, most in need of a call first</h2>",
            f'<p class="summary">{needing} of {len(rows)} need attention, marked at the left: '
            f"an open warning or high finding (the last {OPEN_WINDOW_DAYS} days), knee pain "
            f"(the last {_pain_days(view.statuses)}), no data for a while or a shoe in use past "
            "its limit. Knee-pain notes are "
            "dotted above the weeks.</p>",
            '<table class="board cards">',
            "<thead><tr><th>#</th><th>Athlete</th>"
            f"<th>Last {count_text(len(view.window.mondays), 'week')}</th>"
            "<th>Status</th><th>Why</th></tr></thead>",
            "<tbody>",
            *(_board_row(view, row, links.get(row.athlete, "")) for row in rows),
            "</tbody>",
            "</table>",
            "</section>",
        ]
    )


def _board_row(view: _View, row: BoardRow, link: str) -> str:
    status = row.status
    name = escape(row.athlete)
    badges = "".join(  # a zero is no badge
        f" {_severity(severity, text)}"
        for severity, text in severity_counts(status.high_count, status.warning_count)
    )
    reasons = (  # the badges say the open findings
        f'<div class="attention-reasons">{escape("; ".join(row.attention))}</div>'
        if row.attention
        else ""
    )
    summary = next((item for item in view.summaries if item.athlete == row.athlete), None)
    spark = ""
    if summary is not None:
        spark = weekly_sparkline(
            view.log.for_athlete(row.athlete),
            view.window.around_runs(summary.first_date, summary.last_date),
            status.units,
            status.chart_marks,
        )
    weeks = spark or '<span class="quiet">no runs in these weeks</span>'
    named = f'<a href="{escape(link)}">{name}</a>' if link else name
    before = (
        f'<div class="before-pain">Before knee pain: {escape(row.before_pain)}</div>'
        if row.before_pain
        else ""
    )
    return (
        f'<tr class="{"attention" if row.needs_attention else "calm"}">'
        f'<td class="place">{row.place}</td>'
        f'<td class="athlete"><strong>{named}</strong>{badges}{reasons}</td>'
        f'<td class="weeks">{weeks}</td>'
        f'<td class="status" data-label="Status">{escape(row.line)}</td>'
        f'<td class="why" data-label="Why">{escape(row.why)}{before}</td>'
        "</tr>"
    )


STUDY_ID = "before-knee-pain"


def _study(study: SquadStudy | None) -> str:
    """What tends to come before knee pain across the squad: the design and its numbers, the
    forest plot, every pattern's counts and figures, and what they cannot say; under the
    minimum, the reason and the counts."""
    if study is None:
        return ""
    rows = "\n".join(
        "<tr>"
        f'<td class="pattern"><strong>{escape(str(row["pattern"]))}</strong>'
        f'<div class="evidence">{escape(str(row["label"]))}</div></td>'
        f'<td data-label="{_BEFORE_EPISODE}">{row["episodes_with"]:,} of {row["episodes"]:,}</td>'
        f'<td data-label="{_PAIN_FREE}">{row["pain_free_with"]:,} of '
        f"{row['pain_free_fortnights']:,}</td>"
        + (
            f'<td data-label="Odds ratio">{escape(_study_figures(row))}</td>'
            if study.reason is None
            else ""
        )
        + "</tr>"
        for row in study.rows()
    )
    ratio_head = "<th>Odds ratio (95 % CI), Holm p</th>" if study.reason is None else ""
    said = [study.design_text, study.judged_text, study.without_episodes_text]
    parts = [
        f'<section id="{STUDY_ID}" class="study">',
        f"<h2>{escape(forest.QUESTION)}</h2>",
        f'<p class="summary">{escape(" ".join(part for part in said if part))}</p>',
    ]
    if study.reason is not None:
        parts.append(f"<p>{escape(study.reason)}</p>")
    else:
        parts.append(
            _chart(
                forest.forest_chart(study.table),
                forest.DESCRIPTION,
                forest.WHEN_EMPTY,
                forest.CAPTION,
            )
        )
    parts += [
        '<table class="study cards">',
        f"<thead><tr><th>Pattern</th><th>{_BEFORE_EPISODE}</th><th>{_PAIN_FREE}</th>"
        f"{ratio_head}</tr></thead>",
        f"<tbody>{rows}</tbody>",
        "</table>",
        f'<p class="quiet">{escape(study.caveat)}</p>',
        "</section>",
    ]
    return "\n".join(parts)


def _study_figures(row: Mapping[str, object]) -> str:
    """'4.21 (95 % CI 1.85-9.60), Holm p 0.002', or why there is no odds ratio."""
    ratio = odds_ratio_text(row)
    if not ratio:
        return str(row["reason"])
    held = row["p_holm"]
    return f"{ratio}, Holm {p_text(held)}" if held == held else ratio  # NaN: no test


def _athlete(view: _View, summary: AthleteSummary, opening: str) -> str:
    """An athlete's section, from `opening` (its tag and heading): the status, the charts, what
    came before their knee pain, and their history, newest first."""
    athlete_log = view.log.for_athlete(summary.athlete)
    status = view.statuses.get(summary.athlete)
    window = view.window.around_runs(summary.first_date, summary.last_date)
    moved = (
        f'<p class="quiet">No runs in the {charts.WINDOW_WEEKS} weeks up to '
        f"{escape(day_text(view.as_of))}: the charts show the weeks up to the last run, "
        f"{escape(day_text(summary.last_date))}.</p>"
        if window.as_of != view.as_of
        else ""
    )
    athlete, units, findings = summary.athlete, summary.units, summary.findings
    marks = _marks(status)
    counts = ", ".join(
        severity_text(sum(finding.severity == severity for finding in findings), severity)
        for severity in ("high", "warning", "info")
    )
    sections = [
        (
            weekly.QUESTION,
            weekly.weekly_distance_chart(athlete_log, findings, window, units, marks),
            weekly.description(athlete),
            weekly.WHEN_EMPTY,
            weekly.caption(findings, window, marks),
        ),
        (
            long_run.QUESTION,
            long_run.long_run_chart(athlete_log, findings, window, units, marks),
            long_run.description(athlete),
            long_run.WHEN_EMPTY,
            "",
        ),
        (
            rest.QUESTION,
            rest.rest_calendar_chart(athlete_log, findings, window, units, marks),
            rest.description(athlete),
            rest.WHEN_EMPTY,
            "",
        ),
        (
            cadence.QUESTION,
            cadence.cadence_chart(athlete_log, window, units, marks),
            cadence.description(athlete),
            cadence.WHEN_EMPTY,
            "",
        ),
        (
            surfaces.QUESTION,
            surfaces.surface_chart(athlete_log, window),
            surfaces.description(athlete),
            surfaces.WHEN_EMPTY,
            "",
        ),
        (
            shoes.QUESTION,
            shoes.shoe_chart(window, units, marks),
            shoes.description(athlete),
            shoes.WHEN_EMPTY,
            "",
        ),
        (
            knee.QUESTION,
            knee.pain_chart(athlete_log, window, units, marks),
            knee.description(athlete),
            knee.WHEN_EMPTY,
            "",
        ),
    ]
    overview = monthly.monthly_overview_chart(athlete_log, findings, window, units, marks)
    if overview is not None:
        sections.append((monthly.QUESTION, overview, monthly.description(athlete), "", ""))
    parts = [
        opening,
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
        parts += [
            f"<h3>{escape(pain_patterns.QUESTION)}</h3>",
            _pain_patterns(status.pain_patterns),
        ]
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
        f'<td data-label="{_BEFORE_EPISODE}">{row["episodes_with"]:,} of {row["episodes"]:,}</td>'
        f'<td data-label="{_PAIN_FREE}">{row["pain_free_with"]:,} of '
        f"{row['pain_free_fortnights']:,}</td>"
        "</tr>"
        for row in patterns.table.to_dict("records")
    )
    return "\n".join(
        [
            f"<p>{escape(pain_patterns_title(patterns))}:</p>",
            f"<ul>{sentences}</ul>",
            _chart(
                pain_patterns.pain_patterns_chart(patterns.table),
                pain_patterns.DESCRIPTION,
                pain_patterns.WHEN_EMPTY,
            ),
            '<table class="pain-patterns cards">',
            f"<thead><tr><th>Pattern</th><th>{_BEFORE_EPISODE}</th><th>{_PAIN_FREE}</th></tr>"
            "</thead>",
            f"<tbody>{rows}</tbody>",
            "</table>",
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
        f'<table class="status-numbers cards">\n{rows}\n</table>',
    ]
    if status.advice:
        items = "".join(f"<li>{escape(sentence)}</li>" for sentence in status.advice)
        parts.append(f'<h3>This week</h3>\n<ul class="advice">{items}</ul>')
    if status.open_findings:
        items = "\n".join(
            f"<li>{_severity(finding.severity)} {escape(open_finding_text(finding))}</li>"
            for finding in status.counted_findings
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


def _pain_timeline(findings: tuple[Finding, ...], not_run: int = 0) -> str:
    notes = [finding for finding in newest_first(findings) if is_pain_note(finding)]
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
        f'<td class="day">{escape(day_text(finding.date))} {_severity(finding.severity)}</td>'
        f'<td class="rule">{escape(finding.code)} {escape(finding.rule)}</td>'
        f'<td class="message">{escape(finding.message)}'
        f'<div class="evidence">{escape(evidence_words(finding))}</div></td>'
        "</tr>"
        for finding in newest_first(findings)
    ]
    return "\n".join(
        [
            '<table class="findings cards">',
            "<thead><tr><th>Day</th><th>Rule</th><th>Finding</th></tr></thead>",
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


def _marks(status: Status | None) -> Mapping[str, ChartMarks]:
    """The rules' chart marks the status carries (none without a status)."""
    return status.chart_marks if status is not None else {}


def _pain_days(statuses: Mapping[str, Status]) -> int:
    """The days a knee-pain note counts as recent on the board (the knee rule's)."""
    return max((status.pain_trend_days for status in statuses.values()), default=0)


def _chart(chart: charts.Chart | None, description: str, when_empty: str, caption: str = "") -> str:
    """A chart as a picture: the phone's drawing under 700 px, the wide one otherwise."""
    if chart is None:
        return f'<p class="quiet">{escape(when_empty)}</p>'
    narrow = base64.b64encode(chart.narrow).decode("ascii")
    wide = base64.b64encode(chart.wide).decode("ascii")
    caption_html = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
    return (
        '<figure class="chart"><picture>'
        f'<source media="(max-width: {NARROW_CHARTS_BELOW_PX}px)" type="image/svg+xml" '
        f'srcset="data:image/svg+xml;base64,{narrow}">'
        f'<img alt="{escape(description)}" src="data:image/svg+xml;base64,{wide}">'
        f"</picture>{caption_html}</figure>"
    )


def _severity(severity: str, text: str | None = None) -> str:
    """A severity's badge, saying `text` (the severity itself by default)."""
    css_name = re.sub(r"[^a-z]", "", severity.lower())
    return f'<span class="severity severity-{css_name}">{escape(text or severity)}</span>'


def _anchors(summaries: list[AthleteSummary]) -> dict[str, str]:
    """A unique id for each athlete's section, readable where the name allows."""
    anchors = {}
    for index, summary in enumerate(summaries, start=1):
        readable = re.sub(r"[^a-z0-9]+", "-", summary.athlete.lower()).strip("-")
        anchors[summary.athlete] = f"athlete-{index}-{readable}" if readable else f"athlete-{index}"
    return anchors


__all__ = ["render_html"]
