"""A finding in the words every renderer shows it with: its severity's mark, its one line, its
evidence as words, the label a chart marks it with, and how a knee-pain note is told apart.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from analyzer.checkers import RULES, rule_by_slug
from analyzer.checkers.rule import Finding
from analyzer.status import (
    finding_line,
)
from analyzer.words import day_text

SEVERITY_MARKS = {"high": "HIGH", "warning": "warn", "info": "info"}
# A knee-pain note carries the findings of the 14 days before it as `related`
# (docs/DESIGN.md#the-tables).
PAIN_WINDOW_DAYS = 14


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
    "PAIN_WINDOW_DAYS",
    "SEVERITY_MARKS",
    "evidence_words",
    "finding_label",
    "finding_summary",
    "is_pain_note",
    "newest_first",
    "open_finding_text",
    "related_window_days",
]
