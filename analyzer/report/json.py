"""The findings as one JSON document, exactly DESIGN.md's shape, for scripts and dashboards.

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

from analyzer.checkers.rule import Finding, Rule
from analyzer.log import FileError, TrainingLog
from analyzer.report import athlete_summaries


def render_json(log: TrainingLog, findings: list[Finding], errors: Iterable[FileError]) -> str:
    """DESIGN.md's document: each athlete with their findings, then the files not read."""
    document = {
        "athletes": [
            {
                "athlete": summary.athlete,
                "activities": summary.runs,
                "first_date": plain(summary.first_date),
                "last_date": plain(summary.last_date),
                "findings": [finding_dict(finding) for finding in summary.findings],
            }
            for summary in athlete_summaries(log, findings)
        ],
        "errors": [
            {"path": error.path, "kind": str(error.kind), "error": error.reason} for error in errors
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


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


__all__ = ["evidence_json", "finding_dict", "plain", "render_json", "render_rules_json"]
