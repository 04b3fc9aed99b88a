"""The findings as plain text for a terminal: the answer first, and then it stops.

A runner's log opens with their status on the as-of day, then their history, newest first, a
week at a time, over the 16 weeks up to that day (older findings one line per quarter): each
finding marked HIGH, warn or info; under a knee-pain note, the findings of the 14 days before
it. A squad's opens with the board (one row per athlete, most in need of a call first), then
the athletes who need attention, each with their open findings and this week's advice, then
the others, one line each; `athletes` shows the chosen ones in full, `show_all` everyone.
"""

from __future__ import annotations

import calendar
import datetime as dt
import inspect
import textwrap
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from itertools import groupby

from analyzer.checkers import RULES
from analyzer.checkers.rule import Finding, Rule, setting_range
from analyzer.log import FileError, TrainingLog
from analyzer.patterns import PainPatterns
from analyzer.report.athletes import (
    RANKING_WINDOW_DAYS,
    AthleteSummary,
    athlete_summaries,
    in_attention_order,
    risk_ranking,
)
from analyzer.report.board import BoardRow, board
from analyzer.report.finding_words import (
    SEVERITY_MARKS,
    finding_label,
    finding_summary,
    is_pain_note,
    newest_first,
    related_window_days,
)
from analyzer.report.literal import terminal_text
from analyzer.report.status_words import (
    attention_last_text,
    attention_pain_text,
    attention_ratio_text,
    attention_reason,
    attention_week_text,
    no_open_findings_text,
    ratio_not_judged_text,
    severity_text,
    status_rows,
)
from analyzer.report.study_words import (
    odds_ratio_text,
    p_text,
    pain_patterns_title,
    telling_patterns,
)
from analyzer.status import (
    HISTORY_WEEKS,
    OPEN_WINDOW_DAYS,
    Status,
    by_attention,
    finding_headline,
    finding_line,
)
from analyzer.study import SquadStudy, minimum_text
from analyzer.words import count_text, day_text, distance_text, span_text

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
    athletes: Sequence[str] = (),
    study: SquadStudy | None = None,
) -> str:
    """The whole report, then the errors. For one athlete (or each of `athletes`, as named):
    their status when given, then their history. For a squad: the board, the athletes who need
    attention with their open findings and advice, the others one line each; with `show_all`,
    the board and every athlete in full. A history shows the findings of the `HISTORY_WEEKS`
    weeks up to the as-of day, older ones counted per quarter, unless `since` or `show_all` asks
    for them. A squad's `study` (what tends to come before knee pain) closes its view in three
    lines. Lines wrap at `width` characters (60 at the least)."""
    token = _width_chars.set(max(width, MIN_WIDTH_CHARS))
    try:
        return _render_text(
            log, findings, errors, statuses, (since, until), show_all, athletes, study
        )
    finally:
        _width_chars.reset(token)


def _render_text(
    log: TrainingLog,
    findings: list[Finding],
    errors: Iterable[FileError],
    statuses: Mapping[str, Status] | None,
    days: tuple[dt.date | None, dt.date | None],
    show_all: bool,
    athletes: Sequence[str],
    study: SquadStudy | None,
) -> str:
    since, until = days
    summaries = athlete_summaries(log, findings, since, until)
    statuses = statuses or {}
    if statuses:
        summaries = in_attention_order(summaries, statuses)
    blocks: list[str] = []
    if athletes:
        by_name = {summary.athlete: summary for summary in summaries}
        summaries = [by_name[athlete] for athlete in athletes if athlete in by_name]
    elif len(summaries) > 1 and statuses and not show_all:
        blocks += _squad_blocks(statuses, study)
        summaries = []
    elif len(summaries) > 1:
        blocks.append(attention_text(statuses) if statuses else _ranking(summaries))
        if study is not None:
            blocks.append("\n".join(study_lines(study)))
    for summary in summaries:
        status = statuses.get(summary.athlete)
        if status is not None:
            blocks.append(status_text(status))
        not_run = len(status.rules_not_run) if status is not None else 0
        older_than = None
        if status is not None and since is None and not show_all:
            older_than = _monday(status.as_of) - dt.timedelta(weeks=HISTORY_WEEKS - 1)
        blocks.append(_athlete(summary, not_run, older_than))
    if not blocks:
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
        for finding in status.counted_findings:
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


def attention_text(statuses: Mapping[str, Status], with_why: bool = True) -> str:
    """The board: one row per athlete, most in need of a call first, each with why (unless
    `with_why` is False: the lines after the board say it).

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
        if not with_why:
            continue
        lines += _wrapped(f"why: {attention_reason(status)}", indent, indent + "     ")
        before_pain = status.pain_patterns.most_frequent if status.pain_patterns else None
        if before_pain:
            lines += _wrapped(f"before knee pain: {before_pain}", indent, indent + "     ")
    return "\n".join(lines)


def _squad_blocks(statuses: Mapping[str, Status], study: SquadStudy | None) -> list[str]:
    """A squad at a glance: the board, the athletes who need attention (their open findings and
    advice), the others one line each, what tends to come before knee pain across the squad,
    and how to see more."""
    rows = board(statuses)
    needing = [row for row in rows if row.needs_attention]
    others = [row for row in rows if not row.needs_attention]
    blocks = [attention_text(statuses, with_why=False)]
    if needing:
        lines = [f"Need attention ({len(needing)} of {len(rows)}): open findings and this week"]
        for row in needing:
            lines += attention_lines(row)
        blocks.append("\n".join(lines))
    if others:
        lines = [f"The others ({len(others)} of {len(rows)}): why they are where they are"]
        lines += [_one_line(f"  {row.athlete}: {row.why}") for row in others]
        blocks.append("\n".join(lines))
    if study is not None:
        blocks.append("\n".join(study_lines(study)))
    blocks.append(
        "\n".join(
            _wrapped(
                "--athlete NAME shows an athlete's status and history in full; --all shows "
                "every athlete's.",
                "",
            )
        )
    )
    return blocks


STUDY_LINES = 3  # the squad's study in a terminal: its numbers, what stood out, what it is
STUDY_NAMED = 1  # the patterns named on its line, the largest odds ratio; the rest counted


def study_lines(study: SquadStudy) -> list[str]:
    """What tends to come before knee pain across the squad, in `STUDY_LINES` lines: the
    design and its numbers; the patterns whose 95 % interval lies above 1 (or below), or
    that none does; and what the figures are not. Under the minimum: the counts' reason."""
    head = (
        f"Across the squad: {count_text(study.episodes, 'knee-pain episode')} of "
        f"{count_text(study.runners, 'runner')} against their "
        f"{count_text(study.pain_free_fortnights, 'pain-free fortnight')}"
    )
    if study.reason is not None:  # under the minimum
        said = minimum_text(study.min_episodes, study.min_runners)
        return [_one_line(head + ":"), _one_line(f"  {said[0].upper()}{said[1:]}.")]
    rows = study.table[study.table["odds_ratio"].notna()]
    above, below = rows[rows["ci_low"] > 1], rows[rows["ci_high"] < 1]
    tested = count_text(study.tested, "pattern")
    if rows.empty:
        said = "  No pattern had an odds ratio to give; each one's counts say why"
    elif above.empty and below.empty:
        said = f"  None of {tested} came before pain clearly more or less often than otherwise"
    else:
        named = [_study_row_text(row) for row in above.head(STUDY_NAMED).to_dict("records")]
        if len(above) > STUDY_NAMED:
            named.append(f"{len(above) - STUDY_NAMED} more")
        more = f"more often: {'; '.join(named)}" if named else ""
        fewer = f"less often: {count_text(len(below), 'pattern')}" if len(below) else ""
        said = " / ".join(part for part in (more, fewer) if part)
        said = f"  {said[0].upper()}{said[1:]} ({tested} tested)"
    return [
        _one_line(head + ":"),
        _one_line(said),
        _one_line(
            "  Case-crossover, each runner against themself, Holm-adjusted p: associations, "
            "not causes."
        ),
    ]


def _study_row_text(row: Mapping[str, object]) -> str:
    """'<pattern>, odds ratio 4.21 (95 % CI 1.85-9.60), Holm p 0.002'."""
    return f"{row['pattern']}, odds ratio {odds_ratio_text(row)}, Holm {p_text(row['p_holm'])}"


NEED_FINDINGS_SHOWN = 3  # an athlete's open warning and high findings listed; the rest counted


def attention_lines(row: BoardRow) -> list[str]:
    """An athlete who needs attention: why, their open warning and high findings one line each
    (the first `NEED_FINDINGS_SHOWN`, a note once), and this week's advice."""
    lines = [_one_line(f"{row.athlete} (#{row.place}): {'; '.join(row.reasons)}")]
    # one line per note: its pain and its red flags are two findings of one journal line
    serious = [item for item in row.status.counted_findings if item.severity != "info"]
    if not serious:  # stale or in pain without a finding: the board's why says what is known
        lines += _wrapped(f"why: {row.why}", "  ", "       ")
    if row.before_pain:
        lines.append(_one_line(f"  before knee pain: {row.before_pain}"))
    for finding in serious[:NEED_FINDINGS_SHOWN]:
        mark = SEVERITY_MARKS.get(finding.severity, finding.severity)
        day = day_text(finding.date, year=False)
        lines.append(_one_line(f"  {mark:<4}  {finding.code} {day}  {finding_headline(finding)}"))
    if len(serious) > NEED_FINDINGS_SHOWN:
        lines.append(f"  and {count_text(len(serious) - NEED_FINDINGS_SHOWN, 'more', 'more')}")
    lead = "  This week: "
    for number, sentence in enumerate(row.status.advice):
        lines += _wrapped(sentence, lead if number == 0 else " " * len(lead), " " * len(lead))
    return lines


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
            f"{count_text(rank.warning_count, 'warning'):>12}  ({window})"
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
    history = newest_first(summary.findings)
    recent = [item for item in history if older_than is None or item.date >= older_than]
    older = [item for item in history if older_than is not None and item.date < older_than]
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
    day = day_text(finding.date, year=False)
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
        head = f"{day_text(other.date, year=False)}  {mark}  {other.code}"
        lines.append(_one_line(f"{indent}  {head}  {finding_line(other)}"))
    return lines


def _one_line(text: str) -> str:
    """The text cut to the width with an ellipsis: a reference, not the finding itself."""
    if len(text) <= _width_chars.get():
        return text
    return text[: _width_chars.get() - 3].rsplit(" ", 1)[0] + " ..."  # cut between words


def _older_lines(older: list[Finding], older_than: dt.date | None) -> list[str]:
    """Findings before the history's weeks, one line per quarter, newest first: how many of
    each severity, and which rules spoke, most often first."""
    lines = [
        f"Before {day_text(older_than)}: {count_text(len(older), 'finding')}, per quarter "
        "(--all or --since shows them)"
    ]
    quarters: dict[tuple[int, int], list[Finding]] = {}
    for finding in older:  # newest first
        quarters.setdefault((finding.date.year, (finding.date.month - 1) // 3), []).append(finding)
    for (year, quarter), in_quarter in quarters.items():
        severities = Counter(finding.severity for finding in in_quarter)
        counts = ", ".join(
            severity_text(severities[severity], severity)
            for severity in ("high", "warning", "info")
            if severities[severity]
        )
        first, last = calendar.month_abbr[quarter * 3 + 1], calendar.month_abbr[quarter * 3 + 3]
        line = f"  {first}-{last} {year}  {count_text(len(in_quarter), 'finding')}: {counts}"
        rules = Counter(finding_label(finding) for finding in in_quarter).most_common()
        spoke = [f"{label} {count}" for label, count in rules]
        for shown in range(len(spoke), 0, -1):  # as many rules as the line holds
            left = len(spoke) - shown
            listed = ", ".join(spoke[:shown]) + (f", {left} more" if left else "")
            if len(f"{line} ({listed})") <= _width_chars.get():
                line = f"{line} ({listed})"
                break
        lines.append(line)
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
