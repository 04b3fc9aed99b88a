"""The findings as one JSON document for scripts and dashboards (docs/DESIGN.md#the-json-document).

Dates are ISO strings, numbers plain JSON (a NaN or infinity becomes null), and keys keep one
order: a tool can diff two runs of `runlog check --format json`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
import json
import math
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from analyzer.checkers.rule import Finding, Rule, setting_range
from analyzer.log import FileError, TrainingLog
from analyzer.patterns import PATTERN_COLUMNS, PainPatterns
from analyzer.report.athletes import athlete_summaries
from analyzer.report.board import BoardRow, board
from analyzer.report.status_words import (
    average_week_not_judged_text,
    ratio_not_judged_text,
    rest_not_judged_text,
    shoe_near_text,
    week_not_judged_text,
)
from analyzer.status import Status, finding_headline, finding_line
from analyzer.study import DESIGN, SquadStudy


def render_json(
    log: TrainingLog,
    findings: list[Finding],
    errors: Iterable[FileError],
    statuses: Mapping[str, Status] | None = None,
    as_of: dt.date | None = None,
    since: dt.date | None = None,
    study: SquadStudy | None = None,
) -> str:
    """The document (docs/DESIGN.md#the-json-document): the as-of day, each athlete with their
    status and findings, the squad's board and `study`, then the files not read."""
    statuses = statuses or {}
    athletes = []
    for summary in athlete_summaries(log, findings, since, as_of):
        item: dict[str, Any] = {
            "athlete": summary.athlete,
            "activities": summary.runs,
            "first_date": plain(summary.first_date),
            "last_date": plain(summary.last_date),
        }
        status = statuses.get(summary.athlete)
        if status is not None:
            item["status"] = status_dict(status)
            item["rules_not_run"] = [
                {"rule": not_run.rule, "reason": not_run.reason} for not_run in status.rules_not_run
            ]
            item["pain_patterns"], item["pain_patterns_note"] = pain_patterns_json(
                status.pain_patterns
            )
        item["findings"] = [finding_dict(finding) for finding in summary.findings]
        athletes.append(item)
    document: dict[str, Any] = {"as_of": plain(as_of)} if as_of is not None else {}
    document["athletes"] = athletes
    if len(statuses) > 1:
        document["squad"] = {"board": [board_row_dict(row) for row in board(statuses)]}
        if study is not None:
            document["squad"]["patterns"] = study_dict(study)
    document["errors"] = [
        {"path": error.path, "kind": str(error.kind), "error": error.reason} for error in errors
    ]
    document["notices"] = [{"path": item.path, "notice": item.notice} for item in log.notices]
    return json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def board_row_dict(row: BoardRow) -> dict[str, Any]:
    """A row of the squad's board: the athlete's place, whether and why they need attention
    (besides their open warning and high findings, counted), the status in a line, and why
    they are where they are."""
    return {
        "place": row.place,
        "athlete": row.athlete,
        "needs_attention": row.needs_attention,
        "high_count": row.status.high_count,
        "warning_count": row.status.warning_count,
        "attention": list(row.attention),
        "status_line": row.line,
        "why": row.why,
        "before_knee_pain": row.before_pain,
    }


def study_dict(study: SquadStudy) -> dict[str, Any]:
    """What tends to come before knee pain across the squad
    (docs/DESIGN.md#what-comes-before-knee-pain-across-a-squad): the design, the numbers it
    rests on, why it shows counts only (or null), what it cannot say, and a row per pattern
    (no odds ratio, interval or p-value where its `reason` says why)."""
    return {
        "design": DESIGN,
        "summary": study.design_text,
        "runners": study.runners,
        "runners_without_episodes": study.runners_without_episodes,
        "without_episodes": study.without_episodes_text or None,
        "judged": study.judged_text or None,
        "episodes": study.episodes,
        "pain_free_fortnights": study.pain_free_fortnights,
        "min_episodes": study.min_episodes,
        "min_runners": study.min_runners,
        "patterns_tested": study.tested,
        "reason": study.reason,
        "note": study.caveat,
        "rows": [{column: plain(value) for column, value in row.items()} for row in study.rows()],
    }


def status_dict(status: Status) -> dict[str, Any]:
    """The status as plain JSON: the keys of docs/DESIGN.md#the-json-document first, distances
    in km (and miles when the athlete's units are miles), open findings one line each."""
    pain = status.latest_pain
    this_week_reason = week_not_judged_text(status, status.this_week_m)
    last_week_reason = week_not_judged_text(status, status.last_week_m)
    average_week_reason = average_week_not_judged_text(status)
    rest_reason = rest_not_judged_text(status)
    return {
        "as_of": plain(status.as_of),
        "last_activity_date": plain(status.last_activity_date),
        "days_since_last_activity": status.days_since_last_activity,
        "is_stale": status.is_stale,
        "stale_after_days": status.stale_after_days,
        "latest_pain": None
        if pain is None
        else {
            "date": plain(pain.date),
            "side": pain.side,
            "score_of_10": plain(pain.score_of_10),
            "red_flags": list(pain.red_flags),
            "excerpt": pain.excerpt,
            "source": pain.source,
        },
        "pain_trend": status.pain_trend,
        "open_findings": [
            {
                "rule": finding.rule,
                "code": finding.code,
                "severity": finding.severity,
                "date": plain(finding.date),
                "summary": finding_line(finding),
                "headline": finding_headline(finding),
            }
            for finding in status.open_findings
        ],
        "advice": list(status.advice),
        "advice_items": [
            {
                "kind": item.kind,
                "text": item.text,
                "target": None
                if item.target is None
                else {"value": plain(item.target), "unit": item.unit},
                "because": [
                    {
                        "rule": finding.rule,
                        "code": finding.code,
                        "date": plain(finding.date),
                        "severity": finding.severity,
                    }
                    for finding in item.because
                ],
            }
            for item in status.advice_items
        ],
        "week_start": plain(status.week_start),
        # a figure over days without a run is not judged (null, with its reason), never a
        # measured 0; each *_reason is null when its figure is given
        "this_week_km": _km(status.this_week_m, this_week_reason),
        "this_week_km_reason": this_week_reason,
        "last_week_km": _km(status.last_week_m, last_week_reason),
        "last_week_km_reason": last_week_reason,
        "average_week_km": _km(status.average_week_m, average_week_reason),
        "average_week_km_reason": average_week_reason,
        "acute_chronic_ratio": _rounded(status.acute_chronic_ratio, 3),
        "acute_chronic_ratio_reason": ratio_not_judged_text(status),  # null when given
        "last_run_date": plain(status.last_run_date),
        "longest_run_7_days_km": _km(status.longest_run_7_days_m),
        "longest_run_before_km": _km(status.longest_run_before_m),
        "running_days_in_row": None if rest_reason else status.running_days_in_row,
        "last_rest_date": None if rest_reason else plain(status.last_rest_date),
        "days_since_rest": None if rest_reason else status.days_since_rest,
        "running_days_in_row_reason": rest_reason,  # also why the two above are null
        "recent_cadence_spm": _rounded(status.recent_cadence_spm, 1),
        "cadence_floor_spm": _rounded(status.cadence_floor_spm, 1),
        "own_cadence_spm": _rounded(status.own_cadence_spm, 1),
        "shoes_past_limit": [
            {"shoe": shoe.shoe, "severity": shoe.severity, "date": plain(shoe.date)}
            for shoe in status.shoes
        ],
        "shoes_near_limit": [
            {
                "shoe": shoe.shoe,
                "distance_km": _km(shoe.distance_m),
                "limit_km": _km(shoe.limit_m),
                "left_km": _km(shoe.left_m),
                "summary": shoe_near_text(shoe, status.units),  # in the athlete's units
            }
            for shoe in status.shoes_near
        ],
        "units": status.units,
    }


def _km(metres: float | None, not_judged: str | None = None) -> float | None:
    """Metres as km to 10 m; None when there is none, or it is `not_judged` (a reason)."""
    return None if metres is None or not_judged else round(metres / 1000, 2)


def _rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def pain_patterns_json(patterns: PainPatterns | None) -> tuple[list[dict[str, Any]], str | None]:
    """The patterns before knee pain as rows (empty when not shown), and the note that goes
    with them: why they are not shown, or what the counts can and cannot say."""
    if patterns is None:
        return [], None
    if not patterns.is_shown:
        return [], patterns.reason
    columns = [column for column in PATTERN_COLUMNS if column != "athlete"]
    rows = [
        {column: plain(row[column]) for column in columns} for _, row in patterns.table.iterrows()
    ]
    return rows, patterns.caveat


def finding_dict(finding: Finding, with_related: bool = True) -> dict[str, Any]:
    """One finding as plain JSON values; its related findings the same, one level deep."""
    item = {
        "rule": finding.rule,
        "code": finding.code,
        "severity": finding.severity,
        "date": plain(finding.date),
        "period_start": plain(finding.period_start),
        "period_end": plain(finding.period_end),
        "message": finding.message,
        "evidence": plain(finding.evidence),
        "activity_ids": [str(activity_id) for activity_id in finding.activity_ids],
    }
    if with_related:
        item["related"] = [finding_dict(other, with_related=False) for other in finding.related]
    return item


def evidence_json(evidence: Mapping[str, Any]) -> str:
    """A finding's evidence as compact JSON, for a CSV cell or an HTML table."""
    return json.dumps(plain(evidence), ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def render_rules_json(rules: Iterable[Rule]) -> str:
    """Every rule with its code, slug, title, grade, defaults, source and rationale."""
    document = [
        {
            "code": rule.code,
            "slug": rule.slug,
            "title": rule.title,
            "grade": rule.grade,
            "defaults": plain(rule.defaults),
            "ranges": {
                name: plain(list(setting_range(rule.thresholds, name) or ()))
                for name in rule.defaults
            },
            "source": rule.source,
            "rationale": inspect.cleandoc(rule.rationale or ""),
        }
        for rule in rules
    ]
    return json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def plain(value: Any) -> Any:
    """The value as JSON can hold it: dates as ISO strings, numpy numbers as Python's, NaN None."""
    if value is None or isinstance(value, str | bool):
        return value
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, dt.date | pd.Timestamp):  # datetime and Timestamp are dates too
        return None if pd.isna(value) else value.isoformat()
    if isinstance(value, pd.Timedelta | dt.timedelta):
        return None if pd.isna(value) else value.total_seconds()
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, set | frozenset):
        return [plain(item) for item in sorted(value, key=str)]
    if isinstance(value, list | tuple | np.ndarray | pd.Series):
        return [plain(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return plain(dataclasses.asdict(value))
    if value is pd.NA or value is pd.NaT:
        return None
    return str(value)


__all__ = [
    "evidence_json",
    "finding_dict",
    "plain",
    "render_json",
    "render_rules_json",
    "status_dict",
]
