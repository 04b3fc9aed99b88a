"""The findings as plain text for a terminal: per athlete, by day, pain notes with their past.

Each athlete gets a header (runs, days covered, total distance in their units), then their
findings day by day, oldest first, each marked HIGH, warn or info. A knee-pain note shows the
findings of the 14 days before it indented beneath: what came before the pain. A coach's
folder of several athletes starts with the athletes ranked by risk.
"""

from __future__ import annotations

import datetime as dt
import inspect
import textwrap
from collections.abc import Iterable, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from itertools import groupby

from analyzer.checkers import RULES
from analyzer.checkers.rule import Finding, Rule, setting_range
from analyzer.log import FileError, TrainingLog
from analyzer.patterns import PainPatterns
from analyzer.report import (
    RANKING_WINDOW_DAYS,
    SEVERITY_MARKS,
    AthleteSummary,
    athlete_summaries,
    attention_last_text,
    attention_pain_text,
    attention_ratio_text,
    attention_reason,
    attention_week_text,
    count_text,
    day_text,
    distance_text,
    finding_summary,
    in_attention_order,
    is_pain_note,
    no_open_findings_text,
    pain_patterns_title,
    ratio_not_judged_text,
    related_window_days,
    risk_ranking,
    span_text,
    status_rows,
    telling_patterns,
)
from analyzer.report.literal import terminal_text
from analyzer.status import HISTORY_WEEKS, OPEN_WINDOW_DAYS, Status, by_attention, finding_line

WIDTH_CHARS = 100  # wrap messages to a wide terminal; long messages stay readable
MIN_WIDTH_CHARS = 60  # narrower terminals still get this width: the lines stay readable
# the width of the report being rendered (render_text's `width`), read where lines are wrapped
_width_chars: ContextVar[int] = ContextVar("width_chars", default=WIDTH_CHARS)
_MARK_CHARS = 6  # "HIGH  ": the severity mark and its gap


def render_text(
    log: TrainingLog,
    findings: list[Finding],
    errors: Iterable[FileError] = (),
    statuses: Mapping[str, Status] | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    show_all: bool = False,
    width: int = WIDTH_CHARS,
) -> str:
    """The whole report: the ranking (for several athletes), each athlete (their status first,
    when given, then their history), then the errors. The history shows the findings of the
    `HISTORY_WEEKS` weeks up to the as-of day, older ones counted per month and rule, unless
    `since` or `show_all` asks for them. Lines wrap at `width` characters (60 at the least)."""
    token = _width_chars.set(max(width, MIN_WIDTH_CHARS))
    try:
        return _render_text(log, findings, errors, statuses, since, until, show_all)
    finally:
        _width_chars.reset(token)


def _render_text(
    log: TrainingLog,
    findings: list[Finding],
    errors: Iterable[FileError],
    statuses: Mapping[str, Status] | None,
    since: dt.date | None,
    until: dt.date | None,
    show_all: bool,
) -> str:
    summaries = athlete_summaries(log, findings, since, until)
    statuses = statuses or {}
    blocks: list[str] = []
    if len(summaries) > 1:
        blocks.append(attention_text(statuses) if statuses else _ranking(summaries))
    if statuses:
        summaries = in_attention_order(summaries, statuses)
    for summary in summaries:
        status = statuses.get(summary.athlete)
        if status is not None:
            blocks.append(status_text(status))
        not_run = len(status.rules_not_run) if status is not None else 0
        older_than = None
        if status is not None and since is None and not show_all:
            older_than = _monday(status.as_of) - dt.timedelta(weeks=HISTORY_WEEKS - 1)
        blocks.append(_athlete(summary, not_run, older_than))
    if not summaries:
        blocks.append("No runs, notes or findings to show.")
    errors = list(errors)
    if errors:
        blocks.append(error_section(errors))
    return terminal_text("\n\n".join(blocks) + "\n")  # notes and names hold no escapes


def error_section(errors: list[FileError]) -> str:
    """The files not read (or read in part), one line each: 'path: reason'."""
    title = f"Files runlog could not read, or read only in part ({len(errors):,}):"
    return "\n".join([title, *(f"  {error}" for error in errors)])


def render_rules(rules: Iterable[Rule], with_rationale: bool = False) -> str:
    """Every rule: code, slug, grade, title, defaults with their ranges and source; the
    rationale if asked (its own Source line then says the source, once)."""
    blocks = []
    for rule in rules:
        defaults = [
            f"{name} = {value!r} ({_range_text(rule.thresholds, name)})"
            for name, value in rule.defaults.items()
        ]
        lines = [
            f"{rule.code}  {rule.slug}  [{rule.grade}]",
            *_wrapped(rule.title, "    "),
            *_listed("defaults: ", defaults or ["none"], "    ", "      "),
        ]
        if not (with_rationale and rule.rationale):
            lines += _wrapped(f"source: {rule.source or 'none given'}", "    ", "      ")
        if with_rationale and rule.rationale:
            lines.append("")
            lines += [
                f"    {line}".rstrip() for line in inspect.cleandoc(rule.rationale).split("\n")
            ]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _range_text(thresholds: type, name: str) -> str:
    allowed = setting_range(thresholds, name)
    return "any" if allowed is None else f"{allowed[0]:g} to {allowed[1]:g}"


def status_text(status: Status) -> str:
    """One athlete's status: the numbers, the open findings one line each, and the advice."""
    header = f"{status.athlete}: status on {day_text(status.as_of)}"
    lines = [header, "=" * min(len(header), _width_chars.get())]
    label_chars = 15
    for label, text in status_rows(status):
        lines += _wrapped(text, f"  {label:<{label_chars}}", " " * (label_chars + 2))
    if status.open_findings:
        lines.append(f"Open findings (last {OPEN_WINDOW_DAYS} days, most severe first):")
        for finding in status.open_findings:
            lines += _wrapped(finding_summary(finding), "  ", " " * 13)
    else:
        lines += _wrapped(no_open_findings_text(status), "")
    if status.advice:
        lines.append("This week:")
        for sentence in status.advice:
            lines += _wrapped(sentence, "  - ", "    ")
    if status.rules_not_run:
        lines.append(f"Could not judge ({len(status.rules_not_run)}):")
        by_reason: dict[str, list[str]] = {}
        for item in status.rules_not_run:
            by_reason.setdefault(item.reason, []).append(item.rule)
        for reason, rules in by_reason.items():
            lines += _wrapped(f"{', '.join(rules)}: {reason}", "  ", "    ")
    if status.pain_patterns is not None:
        lines += _pain_pattern_lines(status.pain_patterns)
    return "\n".join(lines)


def _pain_pattern_lines(patterns: PainPatterns) -> list[str]:
    """What came before the athlete's knee-pain episodes, or one line saying why not shown."""
    if not patterns.is_shown:
        return _wrapped(f"What came before your knee pain: {patterns.reason}", "", "  ")
    lines = [pain_patterns_title(patterns) + ":"]
    for sentence in telling_patterns(patterns):
        lines += _wrapped(sentence, "  - ", "    ")
    lines += _wrapped(patterns.caveat, "  ", "  ")
    return lines


def attention_text(statuses: Mapping[str, Status]) -> str:
    """The coach's view: one row per athlete, most in need of a call first, each with why.

    The columns are as wide as their widest cell; those that do not fit the width move, for
    every row alike, to a labelled line beneath the row, so each column stays one column."""
    ranked = by_attention(statuses.values())
    columns = [
        _Column("#", "", [str(place) for place in range(1, len(ranked) + 1)], right=True),
        _Column("athlete", "", [status.athlete for status in ranked]),
        _Column("high", "", [str(status.high_count) for status in ranked], right=True),
        _Column("warn", "", [str(status.warning_count) for status in ranked], right=True),
        _Column("last activity", "last activity", [attention_last_text(s) for s in ranked]),
        _Column(
            "this week / 4-wk avg",
            "this week / 4-wk avg",
            [attention_week_text(status) for status in ranked],
        ),
        _Column("A:C", "acute:chronic", [attention_ratio_text(status) for status in ranked]),
        _Column("knee pain", "knee pain", [attention_pain_text(status) for status in ranked]),
    ]
    inline, beneath = _fitting(columns, _width_chars.get())
    indent = " " * (_TABLE_LEAD_CHARS + columns[0].chars + _COLUMN_GAP_CHARS)  # under the name
    lines = _wrapped(
        f"Athletes, most in need of a call first (as of {day_text(ranked[0].as_of)}; open "
        f"findings: the last {OPEN_WINDOW_DAYS} days)",
        "",
    )
    lines.append(_table_row([column.header for column in inline], inline))
    for place, status in enumerate(ranked):
        lines.append(_table_row([column.cells[place] for column in inline], inline))
        labelled = [
            f"{column.label} {column.cells[place]}"
            for column in beneath
            if column.cells[place] != "-"  # nothing to say: the row stays short
        ]
        if labelled:
            lines += _listed("", labelled, indent, indent + "  ", separator=";")
        ratio_reason = ratio_not_judged_text(status)
        if ratio_reason and not status.is_stale:  # a stale row says 'no data since' already
            lines += _wrapped(f"acute:chronic not judged: {ratio_reason}", indent, indent + "  ")
        lines += _wrapped(f"why: {attention_reason(status)}", indent, indent + "     ")
        before_pain = status.pain_patterns.most_frequent if status.pain_patterns else None
        if before_pain:
            lines += _wrapped(f"before knee pain: {before_pain}", indent, indent + "     ")
    return "\n".join(lines)


_TABLE_LEAD_CHARS = 2  # a table row's left margin
_COLUMN_GAP_CHARS = 2
_MIN_INLINE_COLUMNS = 4  # place, athlete, high, warn: every row keeps these on its line


@dataclass(frozen=True)
class _Column:
    """A column of the coach's table: its header, its label when it moves beneath the row."""

    header: str
    label: str
    cells: list[str]
    right: bool = False

    @property
    def chars(self) -> int:
        return max(len(self.header), *(len(cell) for cell in self.cells))


def _fitting(columns: list[_Column], width: int) -> tuple[list[_Column], list[_Column]]:
    """The leading columns that fit the width on the row's line, and the rest."""
    used = _TABLE_LEAD_CHARS - _COLUMN_GAP_CHARS
    for count, column in enumerate(columns):
        used += _COLUMN_GAP_CHARS + column.chars
        if used > width and count >= _MIN_INLINE_COLUMNS:
            return columns[:count], columns[count:]
    return columns, []


def _table_row(cells: list[str], columns: list[_Column]) -> str:
    texts = [
        cell.rjust(column.chars) if column.right else cell.ljust(column.chars)
        for cell, column in zip(cells, columns, strict=True)
    ]
    return (" " * _TABLE_LEAD_CHARS + (" " * _COLUMN_GAP_CHARS).join(texts)).rstrip()


def _ranking(summaries: list[AthleteSummary]) -> str:
    ranks = risk_ranking(summaries)
    name_chars = max(len(rank.athlete) for rank in ranks)
    lines = [
        f"Athletes by risk: high, then warning findings in each one's last "
        f"{RANKING_WINDOW_DAYS} days"
    ]
    for place, rank in enumerate(ranks, start=1):
        window = span_text(rank.window_start, rank.window_end)
        lines.append(
            f"  {place:>2}. {rank.athlete:<{name_chars}}  {rank.high_count:>3} high  "
            f"{rank.warning_count:>3} warning  ({window})"
        )
    return "\n".join(lines)


def _athlete(summary: AthleteSummary, not_run: int = 0, older_than: dt.date | None = None) -> str:
    """The athlete's history, newest first, a week at a time; findings before `older_than`
    counted per month and rule; the evidence behind the rules that spoke, once, at the end."""
    header = (
        f"{summary.athlete}: {count_text(summary.runs, 'run')}, "
        f"{span_text(summary.first_date, summary.last_date)}, "
        f"{distance_text(summary.distance_m, summary.units)}"
    )
    lines = [header, "=" * min(len(header), _width_chars.get())]
    newest_first = sorted(
        summary.findings, key=lambda finding: (-finding.date.toordinal(), -finding.severity_rank)
    )
    recent = [item for item in newest_first if older_than is None or item.date >= older_than]
    older = [item for item in newest_first if older_than is not None and item.date < older_than]
    if not summary.findings:
        if summary.runs == 0:
            lines.append("No runs and no findings in these days: nothing to judge.")
        elif not_run:
            lines.append(
                f"No findings from the rules that could judge ({not_run} could not: see the "
                "status)."
            )
        else:
            lines.append("No findings.")
    said: set[str] = set()  # rules whose whole message was said: the others say what happened
    for monday, in_week in groupby(recent, key=lambda finding: _monday(finding.date)):
        lines.append(f"Week of {day_text(monday)}")
        for finding in in_week:
            lines += _finding_lines(finding, not_run, said)
    if older:
        lines += _older_lines(older, older_than)
    if summary.findings:
        lines += _evidence_lines(summary.findings)
    return "\n".join(lines)


def _monday(date: dt.date) -> dt.date:
    return date - dt.timedelta(days=date.weekday())


def _finding_lines(finding: Finding, not_run: int = 0, said: set[str] | None = None) -> list[str]:
    mark = SEVERITY_MARKS.get(finding.severity, finding.severity)
    day = f"{finding.date:%a} {finding.date.day} {finding.date:%b}"
    lines = [f"  {day:<10}  {mark:<4}  {finding.code} {finding.rule}"]
    indent = " " * 14
    said = set() if said is None else said
    if finding.rule in said:
        lines += _wrapped(finding_line(finding), indent)
    else:
        said.add(finding.rule)
        lines += _wrapped(finding.message, indent)
    if is_pain_note(finding):
        lines += _before_the_pain(finding, indent, not_run)
    return lines


def _before_the_pain(finding: Finding, indent: str, not_run: int = 0) -> list[str]:
    window_days = related_window_days(finding)
    if not finding.related and not_run:
        return _wrapped(
            f"No finding in the {window_days} days before it, but "
            f"{count_text(not_run, 'rule')} could not judge this log (see the status).",
            indent,
        )
    if not finding.related:
        return [f"{indent}Nothing was flagged in the {window_days} days before it."]
    lines = [f"{indent}What came before the pain ({window_days} days):"]
    for other in finding.related:
        mark = SEVERITY_MARKS.get(other.severity, other.severity)
        head = f"{other.date:%a} {other.date.day} {other.date:%b}  {mark}  {other.code}"
        lines.append(_one_line(f"{indent}  {head}  {finding_line(other)}"))
    return lines


def _one_line(text: str) -> str:
    """The text cut to the width with an ellipsis: a reference, not the finding itself."""
    if len(text) <= _width_chars.get():
        return text
    return text[: _width_chars.get() - 3].rsplit(" ", 1)[0] + " ..."  # cut between words


def _older_lines(older: list[Finding], older_than: dt.date | None) -> list[str]:
    """Findings before the history's weeks, counted per month and rule, newest month first."""
    lines = [
        f"Before {day_text(older_than)}: {count_text(len(older), 'finding')}, per month and "
        "rule (--all or --since shows them)"
    ]
    counts: dict[tuple[dt.date, str, str], dict[str, int]] = {}
    for finding in older:
        key = (finding.date.replace(day=1), finding.code, finding.rule)
        by_severity = counts.setdefault(key, {})
        by_severity[finding.severity] = by_severity.get(finding.severity, 0) + 1
    for (month, code, rule), by_severity in counts.items():
        severities = ", ".join(
            f"{by_severity[severity]} {severity}"
            for severity in ("high", "warning", "info")
            if severity in by_severity
        )
        lines.append(f"  {month:%b %Y}  {code} {rule}: {severities}")
    return lines


def _evidence_lines(findings: Iterable[Finding]) -> list[str]:
    """Each rule that spoke, once: its title and the source behind it."""
    lines = ["Evidence behind these findings:"]
    slugs = {finding.rule for finding in findings}
    for rule in sorted((rule for rule in RULES if rule.slug in slugs), key=lambda rule: rule.code):
        lines += _wrapped(
            f"{rule.code} {rule.slug} [{rule.grade}]: {rule.title}. Source: "
            f"{rule.source or 'none given'}",
            "  ",
            "    ",
        )
    return lines


def _listed(
    label: str, items: list[str], indent: str, subsequent_indent: str, separator: str = ","
) -> list[str]:
    """Items joined with ', ' (or `separator`) and wrapped between items, never inside one
    ('name = value')."""
    pieces = [item + separator for item in items[:-1]] + items[-1:]
    lines: list[str] = []
    prefix, current = indent + label, list[str]()
    for piece in pieces:
        if current and len(prefix + " ".join([*current, piece])) > _width_chars.get():
            lines.append(prefix + " ".join(current))
            prefix, current = subsequent_indent, []
        current.append(piece)
    lines.append(prefix + " ".join(current))
    return lines


def _wrapped(text: str, indent: str, subsequent_indent: str | None = None) -> list[str]:
    return textwrap.wrap(
        str(text).strip(),
        width=_width_chars.get(),
        initial_indent=indent,
        subsequent_indent=indent if subsequent_indent is None else subsequent_indent,
        break_on_hyphens=False,
    ) or [indent.rstrip()]


__all__ = ["error_section", "render_rules", "render_text"]
