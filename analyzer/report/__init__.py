"""Renderers: a log's findings as text, JSON, CSV, or one self-contained HTML page.

A renderer is a pure function of the log, the findings and the file errors, returning str or
bytes; it never recomputes a finding. This module holds what several renderers show: each
athlete's summary, the coach's ranking by risk, and how a knee-pain note is told apart.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from analyzer.checkers import RULES, rule_by_slug
from analyzer.checkers.rule import Finding
from analyzer.log import TrainingLog
from analyzer.patterns import PainPatterns
from analyzer.status import (
    AVERAGE_WEEKS,
    CHRONIC_DAYS,
    OPEN_WINDOW_DAYS,
    ShoeNear,
    ShoeState,
    Status,
    by_attention,
    finding_headline,
    finding_line,
)
from analyzer.words import count_text, day_text, distance_text, span_text, whole_distance_text

RANKING_WINDOW_DAYS = 28  # the ranking counts each athlete's findings of their last 4 weeks
SEVERITY_MARKS = {"high": "HIGH", "warning": "warn", "info": "info"}
# A knee-pain note carries the findings of the 14 days before it as `related`
# (docs/DESIGN.md#the-tables).
PAIN_WINDOW_DAYS = 14


@dataclass(frozen=True)
class AthleteSummary:
    """One athlete as the reports introduce them, with their findings, oldest first."""

    athlete: str
    runs: int
    first_date: dt.date | None
    last_date: dt.date | None
    distance_m: float
    units: str  # km or miles, from the athlete's profile
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class RiskRank:
    """How many high and warning findings an athlete had in their log's last weeks."""

    athlete: str
    high_count: int
    warning_count: int
    window_start: dt.date | None
    window_end: dt.date | None


def athlete_summaries(
    log: TrainingLog,
    findings: list[Finding],
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[AthleteSummary]:
    """Every athlete with runs, notes or findings, in name order, with their own findings;
    runs, days and distance counted from `since` to `until` (the view), when given."""
    runs = log.runs
    runs = runs[runs["local_date"].notna()]
    if since is not None:
        runs = runs[runs["local_date"] >= since]
    if until is not None:
        runs = runs[runs["local_date"] <= until]
    by_athlete = runs.groupby("athlete").agg(
        runs=("activity_id", "size"),
        first_date=("local_date", "min"),
        last_date=("local_date", "max"),
        distance_m=("distance_m", "sum"),
    )
    names = sorted(set(log.athletes) | {finding.athlete for finding in findings})
    summaries = []
    for athlete in names:
        own = tuple(
            sorted(
                (finding for finding in findings if finding.athlete == athlete),
                key=lambda finding: (finding.date, -finding.severity_rank, finding.code),
            )
        )
        totals = by_athlete.loc[athlete] if athlete in by_athlete.index else None
        summaries.append(
            AthleteSummary(
                athlete=athlete,
                runs=int(totals["runs"]) if totals is not None else 0,
                first_date=totals["first_date"] if totals is not None else None,
                last_date=totals["last_date"] if totals is not None else None,
                distance_m=float(totals["distance_m"]) if totals is not None else 0.0,
                units=log.profile_for(athlete).units,
                findings=own,
            )
        )
    return summaries


def risk_ranking(summaries: list[AthleteSummary]) -> list[RiskRank]:
    """The athletes by risk: most high findings first, then most warnings, in their last weeks.

    Each athlete's window is the `RANKING_WINDOW_DAYS` ending on their last run (or their last
    finding when they have no runs), so a coach's ranking does not favour whoever stopped
    uploading first.
    """
    ranks = []
    for summary in summaries:
        last_dates = [summary.last_date, *(finding.date for finding in summary.findings)]
        window_end = max((date for date in last_dates if date is not None), default=None)
        if window_end is None:
            ranks.append(RiskRank(summary.athlete, 0, 0, None, None))
            continue
        window_start = window_end - dt.timedelta(days=RANKING_WINDOW_DAYS - 1)
        recent = [item for item in summary.findings if window_start <= item.date <= window_end]
        ranks.append(
            RiskRank(
                athlete=summary.athlete,
                high_count=sum(item.severity == "high" for item in recent),
                warning_count=sum(item.severity == "warning" for item in recent),
                window_start=window_start,
                window_end=window_end,
            )
        )
    return sorted(ranks, key=lambda rank: (-rank.high_count, -rank.warning_count, rank.athlete))


def severity_counts(high: int, warning: int) -> list[tuple[str, str]]:
    """(severity, text) of each severity counted, zeros left out: [('high', '1 high'),
    ('warning', '2 warnings')]."""
    counts = (("high", high, count_text(high, "high", "high")), ("warning", warning, ""))
    return [
        (severity, text or count_text(count, severity)) for severity, count, text in counts if count
    ]


def status_rows(status: Status) -> list[tuple[str, str]]:
    """The status as (label, plain sentence) rows, the order text and HTML show them in."""
    rows = [("Last activity", _last_activity_text(status)), ("This week", _week_text(status))]
    if status.acute_chronic_ratio is not None:
        rows.append(
            (
                "Acute:chronic",
                f"{status.acute_chronic_ratio:.1f} (the last 7 days against the last 28; "
                "context, contested)",
            )
        )
    elif not status.has_run_in_acute_window:  # say why, where a 0.00 would read as measured
        rows.append(("Acute:chronic", f"not judged: {ratio_not_judged_text(status)}"))
    rows.append(("Long run", _long_run_text(status)))
    rows.append(("Rest", _rest_text(status)))
    if status.recent_cadence_spm is not None:
        rows.append(("Cadence", _cadence_text(status)))
    shoes = [shoe_past_text(shoe, status.units) for shoe in status.shoes]
    shoes += [shoe_near_text(shoe, status.units) for shoe in status.shoes_near]
    if shoes:
        rows.append(("Shoes", "; ".join(shoes)))
    rows.append(("Knee", _knee_text(status)))
    return rows


def shoe_near_text(shoe: ShoeNear, units: str) -> str:
    """'Pegasus 39: 620 km of 700; about 80 km left', in the athlete's units."""
    distance, limit, left = (
        whole_distance_text(metres, units).split(" ")[0]
        for metres in (shoe.distance_m, shoe.limit_m, shoe.left_m)
    )
    unit = whole_distance_text(shoe.limit_m, units).split(" ")[1]
    return f"{shoe.shoe}: {distance} {unit} of {limit}; about {left} {unit} left"


def attention_last_text(status: Status) -> str:
    """The last activity for the coach's row: 'Sun 8 Mar (1 day)' or 'no data since 8 Feb'."""
    last = status.last_activity_date
    if last is None:
        return "no data"
    if status.is_stale:
        return f"no data since {day_text(last, weekday=False)}"
    days = status.days_since_last_activity or 0
    ago = "the as-of day" if days == 0 else count_text(days, "day")
    return f"{day_text(last, year=False)} ({ago})"


def attention_week_text(status: Status) -> str:
    """'12.0 / 30.1 km': this week so far against the 4-week average; '-' for what the log
    cannot say: no run in those weeks, or this week of an athlete with no data for a while."""
    if not status.has_run_in_weeks:
        return "-"
    units = status.units
    this_week = distance_text(status.this_week_m, units)
    if week_not_judged_text(status, status.this_week_m):
        this_week = "-"
    if status.average_week_m is None:
        return f"{this_week} / -"
    number, unit = distance_text(status.average_week_m, units).split(" ")
    return f"{this_week.split(' ')[0]} / {number} {unit}"


def attention_ratio_text(status: Status, with_reason: bool = False) -> str:
    """'1.02', or '-' when not judged ('not judged: no runs since ...' `with_reason`)."""
    ratio = status.acute_chronic_ratio
    if ratio is not None:
        return f"{ratio:.1f}"
    reason = ratio_not_judged_text(status)
    return f"not judged: {reason}" if with_reason and reason else "-"


def ratio_not_judged_text(status: Status) -> str | None:
    """Why the status gives no acute:chronic ratio ('no runs since Sun 11 Oct 2026'); None
    when it gives one."""
    if status.acute_chronic_ratio is not None:
        return None
    if not status.has_run_in_acute_window:
        return _no_runs_text(status)
    if status.history_days < CHRONIC_DAYS:
        return f"needs {CHRONIC_DAYS} days of history; this log has {status.history_days}"
    return f"no distance recorded in the last {CHRONIC_DAYS} days"


def week_not_judged_text(status: Status, week_m: float) -> str | None:
    """Why a week's distance (this week's or the last one's) is not given: no run this week or
    in the 4 before ('no runs since Mon 14 Aug 2023'), or an empty week of an athlete with no
    data for a while ('no data since Sun 22 Feb 2026'); None when it is given."""
    if not status.has_run_in_weeks:
        return _no_runs_text(status)
    if status.is_stale and week_m == 0:
        return f"no data since {day_text(status.last_activity_date)}"
    return None


def average_week_not_judged_text(status: Status) -> str | None:
    """Why the 4-week average is not given: no run in those weeks, or no full week of log
    before this one; None when it is given."""
    if not status.has_run_in_weeks:
        return _no_runs_text(status)
    if status.average_week_m is None:
        return "no full week of log before this one"
    return None


def _no_runs_text(status: Status) -> str:
    if status.last_run_date is None:
        return f"no runs on or before {day_text(status.as_of)}"
    return f"no runs since {day_text(status.last_run_date)}"


def attention_pain_text(status: Status) -> str:
    """The latest knee-pain note in a few words: '24 Feb, 4/10, left' (or '-')."""
    pain = status.latest_pain
    if pain is None:
        return "-"
    parts = [day_text(pain.date, weekday=False, year=False)]
    if pain.score_of_10 is not None:
        parts.append(f"{pain.score_of_10:g}/10")
    if pain.side:
        parts.append(pain.side)
    parts += list(pain.red_flags)
    return ", ".join(parts)


def attention_reason(status: Status) -> str:
    """Why the athlete is where they are (`by_attention`), the most serious open item and
    never an information: a red flag or knee pain of the trend's days, no data, the most
    severe open finding, a shoe in use past its limit; else what the status could not judge,
    or that nothing was flagged."""
    serious = [item for item in status.open_findings if item.severity != "info"]
    if (status.has_red_flag or status.has_recent_pain) and status.latest_pain is not None:
        noted = [item for item in serious if item.date == status.latest_pain.date]
        pain = _finding_why(noted[0]) if noted else f"knee pain {attention_pain_text(status)}"
        return pain + (f"; {status.pain_trend}" if status.pain_trend else "")
    if not status.has_recent_data or (status.is_stale and not serious):
        last = status.last_activity_date
        if last is None:
            return f"no activity on or before {day_text(status.as_of)}"
        days = count_text(status.days_since_last_activity or 0, "day")
        return f"no activity since {day_text(last)} ({days})"
    if serious:
        return _finding_why(serious[0])
    if status.shoes:
        return "; ".join(shoe_past_text(shoe, status.units) for shoe in status.shoes)
    if not status.has_run_in_open_window:  # no open finding, and no run it could come from
        if status.last_run_date is None:
            return _no_runs_text(status)
        days = count_text((status.as_of - status.last_run_date).days, "day")
        return f"{_no_runs_text(status)} ({days})"
    if status.open_findings:
        return f"only information in the last {OPEN_WINDOW_DAYS} days"
    if status.rules_not_run:
        return f"no open finding; {count_text(len(status.rules_not_run), 'rule')} could not judge"
    return f"nothing flagged in the last {OPEN_WINDOW_DAYS} days"


def _finding_why(finding: Finding) -> str:
    """A finding's few words with its code and day: '... under 170 (its code, Sun 1 Nov)'."""
    day = day_text(finding.date, year=False)
    return f"{finding_headline(finding)} ({finding.code}, {day})"


def shoe_past_text(shoe: ShoeState, units: str) -> str:
    """'Nimbus past its limit since Sun 8 Mar 2026 (596.4 km)', in the athlete's units and
    as the shoe's finding says it (one decimal)."""
    return (
        f"{shoe.shoe} past its limit since {day_text(shoe.date)} "
        f"({distance_text(shoe.distance_m, units)})"
    )


def no_open_findings_text(status: Status) -> str:
    """What the status says when no finding is open, never an all-clear the rules could not
    give: no run in the window, some rules unable to judge, or nothing flagged."""
    if not status.has_run_in_open_window:
        return f"No runs in the last {OPEN_WINDOW_DAYS} days: the rules had no runs to judge."
    if status.rules_not_run:
        return (
            f"No finding dated in the last {OPEN_WINDOW_DAYS} days from the rules that could judge."
        )
    return f"Nothing was flagged in the last {OPEN_WINDOW_DAYS} days."


def pain_patterns_title(patterns: PainPatterns) -> str:
    """'What came before your knee pain (4 episodes, against 11 pain-free fortnights)'."""
    return (
        f"What came before your knee pain ({count_text(len(patterns.onsets), 'episode')}, "
        f"against {count_text(patterns.pain_free_fortnights, 'pain-free fortnight')})"
    )


def telling_patterns(patterns: PainPatterns, most: int = 5) -> list[str]:
    """The sentences to show: the patterns that stand out, else the most frequent, and say so."""
    table = patterns.table
    standing_out = table[table["stands_out"]].head(most)
    if not standing_out.empty:
        return list(standing_out["sentence"])
    frequent = table[table["episodes_with"] > 0].sort_values(
        ["episodes_with", "share_pain_free"], ascending=[False, True], kind="stable"
    )
    return [
        "No pattern came before your knee pain clearly more often than at other times.",
        *frequent["sentence"].head(3),
    ]


def odds_ratio_text(row: Mapping[str, object]) -> str:
    """A squad study row's odds ratio and interval: '4.21 (95 % CI 1.85-9.60)'; '' when none."""
    ratio, low, high = (row.get(name) for name in ("odds_ratio", "ci_low", "ci_high"))
    if not isinstance(ratio, float | int) or ratio != ratio:  # NaN: no odds ratio
        return ""
    return f"{ratio_number(ratio)} (95 % CI {ratio_number(low)}-{ratio_number(high)})"


def ratio_number(value: object) -> str:
    """An odds ratio with two or three figures: '0.84', '4.21', '42.6', '147'."""
    number = float(value)  # type: ignore[arg-type]
    if number >= 100:
        return f"{number:,.0f}"
    return f"{number:.1f}" if number >= 10 else f"{number:.2f}"


def p_text(value: object) -> str:
    """A p-value: 'p 0.03', 'p <0.001'."""
    number = float(value)  # type: ignore[arg-type]
    return "p <0.001" if number < 0.001 else f"p {number:.3f}".rstrip("0").rstrip(".")


def newest_first(findings: Iterable[Finding]) -> list[Finding]:
    """Findings newest first, the most severe first within a day: the order of every history."""
    return sorted(findings, key=lambda finding: (-finding.date.toordinal(), -finding.severity_rank))


def finding_label(finding: Finding) -> str:
    """The few words a chart marks a finding with: its rule's label ('long run'), else its code."""
    try:
        return rule_by_slug(finding.rule).label or finding.code
    except KeyError:  # a rule of the user's own, not in the registry
        return finding.code


def finding_summary(finding: Finding) -> str:
    """A finding in one line: its severity's mark, then `open_finding_text`."""
    mark = SEVERITY_MARKS.get(finding.severity, finding.severity)
    return f"{mark:<4}  {open_finding_text(finding)}"


def open_finding_text(finding: Finding) -> str:
    """The rule's code, the day and the message's first sentence ('Your cadence ... under
    170.')."""
    return f"{finding.code} {day_text(finding.date)}  {finding_line(finding)}"


def in_attention_order(
    summaries: list[AthleteSummary], statuses: Mapping[str, Status]
) -> list[AthleteSummary]:
    """The athletes most in need of a call first (status.by_attention), then any without a
    status, by name."""
    ranked = by_attention(statuses.values())
    order = {status.athlete: place for place, status in enumerate(ranked)}
    return sorted(
        summaries, key=lambda summary: (order.get(summary.athlete, len(order)), summary.athlete)
    )


AVERAGE_WEEKS_TEXT = "4-week"


def _last_activity_text(status: Status) -> str:
    if status.last_activity_date is None:
        return f"none on or before {day_text(status.as_of)}"
    days = status.days_since_last_activity or 0
    ago = "the as-of day" if days == 0 else f"{count_text(days, 'day')} before"
    text = f"{day_text(status.last_activity_date)} ({ago})"
    if status.is_stale:
        text = f"no data since {day_text(status.last_activity_date)} ({count_text(days, 'day')})"
    return text


def _week_text(status: Status) -> str:
    """This week so far, the last full week and the 4-week average, or why there are none."""
    if not status.has_run_in_weeks:
        return (
            f"{_no_runs_text(status)}: none this week (since {day_text(status.week_start)}) "
            f"or in the {AVERAGE_WEEKS} weeks before"
        )
    units = status.units
    ran_this_week = status.last_run_date is not None and status.last_run_date >= status.week_start
    week = (
        f"{distance_text(status.this_week_m, units)} so far" if ran_this_week else "no runs so far"
    )
    week += f" (since {day_text(status.week_start)})"
    last_week_reason = week_not_judged_text(status, status.last_week_m)
    if last_week_reason:
        week += f"; last week not judged ({last_week_reason})"
    else:
        week += f"; last week {distance_text(status.last_week_m, units)}"
    if status.average_week_m is not None:
        week += f"; {average_week_text(status)}"
    return week


def average_week_text(status: Status) -> str:
    """'4-week average 29.1 km', and the weeks it is over when some held no data ('(over 1
    week with data)'): a week without data is not a week of rest."""
    average = distance_text(status.average_week_m or 0.0, status.units)
    text = f"{AVERAGE_WEEKS_TEXT} average {average}"
    if status.average_weeks < AVERAGE_WEEKS:
        text += f" (over {count_text(status.average_weeks, 'week')} with data)"
    return text


def _long_run_text(status: Status) -> str:
    units = status.units
    recent = status.longest_run_7_days_m
    text = (
        f"{distance_text(recent, units)} in the last 7 days"
        if recent is not None
        else "no run in the last 7 days"
    )
    before = status.longest_run_before_m
    if before is not None:
        text += f"; longest of the 30 days before: {distance_text(before, units)}"
    return text


def rest_not_judged_text(status: Status) -> str | None:
    """Why the status does not count running days in a row ('no runs since Mon 14 Aug 2023'):
    no run in the last 28 days, or no data for a while (days without data are not rest
    days); None when it counts them."""
    if not status.has_run_in_open_window:
        return _no_runs_text(status)
    if status.is_stale and status.last_activity_date is not None:
        return f"no data since {day_text(status.last_activity_date)}"
    return None


def _rest_text(status: Status) -> str:
    reason = rest_not_judged_text(status)
    if reason:  # days without a run for weeks are no measured rest
        return f"not judged: {reason}"
    days = status.running_days_in_row
    text = f"{count_text(days, 'running day')} in a row"
    if status.last_rest_date is None:
        return text + "; no rest day since the log began"
    return text + f"; last rest day {day_text(status.last_rest_date)}"


def _cadence_text(status: Status) -> str:
    text = f"{status.recent_cadence_spm:.0f} steps/min in the last 14 days"
    if status.cadence_floor_spm is not None:
        text += f"; floor {status.cadence_floor_spm:.0f}"
    if status.own_cadence_spm is not None:
        text += f"; your own before that {status.own_cadence_spm:.0f}"
    return text


def _knee_text(status: Status) -> str:
    pain = status.latest_pain
    if pain is None:
        return "no knee-pain note in the log"
    side = (
        f"{pain.side} knee"
        if pain.side in ("left", "right")
        else ("both knees" if pain.side == "both" else "side not said")
    )
    score = f", {pain.score_of_10:g}/10" if pain.score_of_10 is not None else ""
    flags = f", {', '.join(pain.red_flags)}" if pain.red_flags else ""
    return f"last pain {day_text(pain.date)} ({side}{score}{flags}); {status.pain_trend}"


# evidence keys end in their unit: said as a word after the number
_EVIDENCE_UNITS = (
    ("_km", "km"),
    ("_mi", "mi"),
    ("_spm", "steps/min"),
    ("_pct", "%"),
    ("_bpm", "bpm"),
    ("_mps", "m/s"),
    ("_days", "days"),
    ("_weeks", "weeks"),
    ("_m", "m"),
    ("_s", "s"),
)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_EVIDENCE_SKIPPED = ("excerpt", "note")  # the note's words are in the message already


def evidence_words(finding: Finding) -> str:
    """A finding's evidence as words: 'score 4/10; left knee; from journal.md; over Tue 7 Jul
    to Tue 21 Jul 2026', never a 'key = value' dump."""
    parts = []
    for key, value in finding.evidence.items():
        is_empty = isinstance(value, str | list | tuple) and len(value) == 0
        if value is None or is_empty or key in _EVIDENCE_SKIPPED:
            continue
        if key == "score_of_10" and isinstance(value, int | float):
            parts.append(f"score {value:g}/10")
        elif key == "side":
            parts.append({"both": "both knees"}.get(str(value), f"{value} knee"))
        elif key == "source":
            parts.append(f"from {value}")
        else:
            parts.append(_evidence_item(key, value))
    period = f"over {day_text(finding.period_start)} to {day_text(finding.period_end)}"
    if finding.period_start == finding.period_end:
        period = f"on {day_text(finding.period_end)}"
    return "; ".join([*parts, period])


def _evidence_item(key: str, value: object) -> str:
    name, unit = key, ""
    for suffix, label in _EVIDENCE_UNITS:
        if key.endswith(suffix):
            name, unit = key[: -len(suffix)], label
            break
    if isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, float):
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    elif isinstance(value, dt.date):
        text = day_text(value)
    elif isinstance(value, str) and _ISO_DAY.fullmatch(value):
        text = day_text(dt.date.fromisoformat(value))
    elif isinstance(value, list | tuple):
        text = ", ".join(str(item) for item in value)
    else:
        text = str(value)
    return f"{name.replace('_', ' ')} {text}{' ' + unit if unit else ''}".strip()


def is_pain_note(finding: Finding) -> bool:
    """Whether the finding is a pain note that carries the findings of the days before it."""
    collecting = {rule.slug for rule in RULES if rule.related_window_days is not None}
    return finding.rule in collecting or bool(finding.related)


def related_window_days(finding: Finding) -> int:
    """How many days before a pain note its related findings were collected from."""
    for rule in RULES:
        if rule.slug == finding.rule and rule.related_window_days is not None:
            return rule.related_window_days
    return PAIN_WINDOW_DAYS


__all__ = [
    "AthleteSummary",
    "RiskRank",
    "athlete_summaries",
    "count_text",
    "day_text",
    "distance_text",
    "finding_label",
    "is_pain_note",
    "newest_first",
    "odds_ratio_text",
    "p_text",
    "ratio_number",
    "related_window_days",
    "risk_ranking",
    "span_text",
]
