"""The findings as plain text for a terminal: per athlete, by day, pain notes with their past.

Each athlete gets a header (runs, days covered, total distance in their units), then their
findings day by day, oldest first, each marked HIGH, warn or info. A knee-pain note shows the
findings of the 14 days before it indented beneath: what came before the pain. A coach's
folder of several athletes starts with the athletes ranked by risk.
"""

from __future__ import annotations

import inspect
import textwrap
from collections.abc import Iterable, Mapping
from itertools import groupby

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
    pain_patterns_title,
    related_window_days,
    risk_ranking,
    span_text,
    status_rows,
    telling_patterns,
)
from analyzer.report.literal import terminal_text
from analyzer.status import OPEN_WINDOW_DAYS, Status, by_attention

WIDTH_CHARS = 100  # wrap messages to a wide terminal; long messages stay readable
_MARK_CHARS = 6  # "HIGH  ": the severity mark and its gap


def render_text(
    log: TrainingLog,
    findings: list[Finding],
    errors: Iterable[FileError] = (),
    statuses: Mapping[str, Status] | None = None,
) -> str:
    """The whole report: the ranking (for several athletes), each athlete (their status first,
    when given, then their history), then the errors."""
    summaries = athlete_summaries(log, findings)
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
        blocks.append(_athlete(summary, not_run))
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
    rationale if asked."""
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
            *_wrapped(f"source: {rule.source or 'none given'}", "    ", "      "),
        ]
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
    lines = [header, "=" * min(len(header), WIDTH_CHARS)]
    label_chars = 15
    for label, text in status_rows(status):
        lines += _wrapped(text, f"  {label:<{label_chars}}", " " * (label_chars + 2))
    if status.open_findings:
        lines.append(f"Open findings (last {OPEN_WINDOW_DAYS} days, most severe first):")
        for finding in status.open_findings:
            lines += _wrapped(finding_summary(finding), "  ", " " * 13)
    elif status.rules_not_run:
        lines.append(
            f"No finding dated in the last {OPEN_WINDOW_DAYS} days from the rules that could judge."
        )
    else:
        lines.append(f"Nothing was flagged in the last {OPEN_WINDOW_DAYS} days.")
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
    """The coach's view: one row per athlete, most in need of a call first, each with why."""
    ranked = by_attention(statuses.values())
    as_of = ranked[0].as_of
    name_chars = max(len("athlete"), *(len(status.athlete) for status in ranked))
    lines = [
        f"Athletes, most in need of a call first (as of {day_text(as_of)}; open findings: the "
        f"last {OPEN_WINDOW_DAYS} days)",
        f"   #  {'athlete':<{name_chars}}  high  warn  {'last activity':<25}  "
        f"{'this week / 4-wk avg':<22}  {'A:C':<5}  knee pain",
    ]
    for place, status in enumerate(ranked, start=1):
        lines.append(
            f"  {place:>2}  {status.athlete:<{name_chars}}  {status.high_count:>4}  "
            f"{status.warning_count:>4}  {attention_last_text(status):<25}  "
            f"{attention_week_text(status):<22}  {attention_ratio_text(status):<5}  "
            f"{attention_pain_text(status)}"
        )
        indent = " " * (name_chars + 18)
        lines += _wrapped(f"why: {attention_reason(status)}", indent, indent + "     ")
        before_pain = status.pain_patterns.most_frequent if status.pain_patterns else None
        if before_pain:
            lines += _wrapped(f"before knee pain: {before_pain}", indent, indent + "     ")
    return "\n".join(lines)


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


def _athlete(summary: AthleteSummary, not_run: int = 0) -> str:
    header = (
        f"{summary.athlete}: {count_text(summary.runs, 'run')}, "
        f"{span_text(summary.first_date, summary.last_date)}, "
        f"{distance_text(summary.distance_m, summary.units)}"
    )
    lines = [header, "=" * min(len(header), WIDTH_CHARS)]
    if not summary.findings:
        lines.append(
            f"No findings from the rules that could judge ({not_run} could not: see the status)."
            if not_run
            else "No findings."
        )
    for date, same_day in groupby(summary.findings, key=lambda finding: finding.date):
        lines.append(day_text(date))
        for finding in same_day:
            lines += _finding_lines(finding, not_run)
    return "\n".join(lines)


def _finding_lines(finding: Finding, not_run: int = 0) -> list[str]:
    mark = SEVERITY_MARKS.get(finding.severity, finding.severity)
    lines = [f"  {mark:<{_MARK_CHARS - 2}}  {finding.code} {finding.rule}"]
    indent = " " * (_MARK_CHARS + 2)
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
        lines += _wrapped(f"{head}  {other.message}", indent + "  ", indent + "    ")
    return lines


def _listed(label: str, items: list[str], indent: str, subsequent_indent: str) -> list[str]:
    """Items joined with ', ' and wrapped between items, never inside one ('name = value')."""
    pieces = [item + "," for item in items[:-1]] + items[-1:]
    lines: list[str] = []
    prefix, current = indent + label, []
    for piece in pieces:
        if current and len(prefix + " ".join([*current, piece])) > WIDTH_CHARS:
            lines.append(prefix + " ".join(current))
            prefix, current = subsequent_indent, []
        current.append(piece)
    lines.append(prefix + " ".join(current))
    return lines


def _wrapped(text: str, indent: str, subsequent_indent: str | None = None) -> list[str]:
    return textwrap.wrap(
        str(text).strip(),
        width=WIDTH_CHARS,
        initial_indent=indent,
        subsequent_indent=indent if subsequent_indent is None else subsequent_indent,
        break_on_hyphens=False,
    ) or [indent.rstrip()]


__all__ = ["error_section", "render_rules", "render_text"]
