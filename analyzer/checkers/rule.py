"""What a rule is, and what it finds."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("info", "warning", "high")  # in rising order


@dataclass(frozen=True)
class Finding:
    """One thing a rule saw in the log, on the local day the runner could have been told."""

    athlete: str
    rule: str  # the rule's slug
    code: str
    severity: str  # info, warning, high
    date: dt.date
    period_start: dt.date
    period_end: dt.date
    message: str
    evidence: dict[str, Any] = field(default_factory=dict)
    activity_ids: tuple[str, ...] = ()
    related: tuple[Finding, ...] = ()  # for a pain note: the findings of the days before it

    @property
    def severity_rank(self) -> int:
        return SEVERITIES.index(self.severity)


@dataclass(frozen=True)
class Rule:
    """A rule: its stable slug and code, the evidence behind it, and its check."""

    code: str
    slug: str
    title: str
    rationale: str  # the module docstring: what it flags, why, and the source
    thresholds: type  # a frozen dataclass with a default for every field
    check: Callable[..., list[Finding]]  # check(log, limits) -> findings
    grade: str = "Conv"  # EVIDENCE.md grade: Mod, Low, Mech, Conv (and combinations)
    related_window_days: int | None = None  # fill `related` with the findings of these days

    def finding(self, **fields: Any) -> Finding:
        """A Finding of this rule (its slug and code filled in)."""
        return Finding(rule=self.slug, code=self.code, **fields)

    @property
    def source(self) -> str:
        """The 'Source:' line of the rationale, without the label."""
        match = re.search(r"^Source:\s*(.+?)(?:\n\s*\n|\Z)", self.rationale, re.M | re.S)
        return " ".join(match.group(1).split()) if match else ""

    @property
    def defaults(self) -> dict[str, Any]:
        """Every threshold with its default value."""
        import dataclasses

        limits = self.thresholds()
        return {item.name: getattr(limits, item.name) for item in dataclasses.fields(limits)}
