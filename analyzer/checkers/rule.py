"""What a rule is, and what it finds; a rule also checks the settings a profile gives it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from analyzer.errors import ProfileError

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
        limits = self.thresholds()
        return {item.name: getattr(limits, item.name) for item in dataclasses.fields(limits)}

    def thresholds_from(self, settings: Mapping[str, Any], profile_name: str = "profile") -> Any:
        """This rule's Thresholds with a profile's `[rules.<slug>]` settings laid over the
        defaults; a ProfileError naming the profile, the key and the valid keys when a key is
        not a setting of this rule or its value is of the wrong kind."""
        where = f"{profile_name}: [rules.{self.slug}]"
        defaults = self.defaults
        for key, value in settings.items():
            if key == "enabled":
                if not isinstance(value, bool):
                    raise ProfileError(f"{where} enabled must be true or false")
                continue
            if key not in defaults:
                raise ProfileError(
                    f"{where} {key} is not a setting of this rule; "
                    f"it has {', '.join(['enabled', *defaults])}"
                )
            default = defaults[key]
            if not _same_kind(default, value):
                raise ProfileError(
                    f"{where} {key} = {value!r} should be "
                    f"{_kind_name(default)}, like the default {default!r}"
                )
        return self.thresholds(
            **{key: value for key, value in settings.items() if key != "enabled"}
        )


def _same_kind(default: Any, value: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, int | float)
    if isinstance(default, tuple):
        return isinstance(value, list | tuple)
    return isinstance(value, type(default))


def _kind_name(default: Any) -> str:
    if isinstance(default, bool):
        return "true or false"
    if isinstance(default, int | float):
        return "a number"
    if isinstance(default, tuple):
        return "a list"
    return f"a {type(default).__name__}"
