"""What a rule is, and what it finds; a rule also checks the settings a profile gives it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from analyzer.errors import ProfileError, shown_value
from analyzer.units import METRES_PER_MILE

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
    # the few words that matter, with the number, in the runner's units: the coach's "why"
    headline: str = ""  # "cadence 162 steps/min over 3 runs, under 170"

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
    grade: str = "Conv"  # docs/EVIDENCE.md#grades: Mod, Low, Mech, Conv (and combinations)
    related_window_days: int | None = None  # fill `related` with the findings of these days
    label: str = ""  # a chart's few words for its findings ("long run"); the code when none

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

    def thresholds_from(
        self, settings: Mapping[str, Any], profile_name: str = "profile", units: str = "km"
    ) -> Any:
        """This rule's Thresholds with a profile's `[rules.<slug>]` settings laid over the
        defaults, in the runner's units; a ProfileError naming the profile, the key and the
        valid keys when a key is not a setting of this rule, its value is of the wrong kind or
        outside its range."""
        where = f"{profile_name}: [rules.{self.slug}]"
        defaults = self.defaults
        # a distance threshold in km may be written in miles: min_known_km or min_known_mi
        in_miles = {key[:-3] + "_mi": key for key in defaults if key.endswith("_km")}
        valid = ["enabled", *defaults, *in_miles]
        for key, value in settings.items():
            if key == "enabled":
                if not isinstance(value, bool):
                    raise ProfileError(f"{where} enabled must be true or false")
                continue
            if key in in_miles and in_miles[key] in settings:
                raise ProfileError(f"{where} has both {in_miles[key]} and {key}; keep one")
            field_name = in_miles.get(key, key)
            if field_name not in defaults:
                raise ProfileError(
                    f"{where} {key[:60]} is not a setting of this rule; it has {', '.join(valid)}"
                )
            default = defaults[field_name]
            if not _same_kind(default, value):
                raise ProfileError(
                    f"{where} {key} = {shown_value(value)} should be "
                    f"{_kind_name(default)}, like the default {default!r}"
                )
        return limits_from(self.thresholds, dict(settings), where, units)


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


def setting(default: Any, low: float, high: float) -> Any:
    """A Thresholds field: its default and the range a profile may set it within."""
    return field(default=default, metadata={"range": (low, high)})


def setting_range(thresholds: type, key: str) -> tuple[float, float] | None:
    """The range declared beside a Thresholds field (None when it has none)."""
    for item in dataclasses.fields(thresholds):
        if item.name == key:
            return item.metadata.get("range")
    return None


def limits_from(thresholds: type, settings: dict[str, Any], where: str, units: str = "km") -> Any:
    """The Thresholds with a profile's settings laid over the defaults, in the runner's units.

    A distance threshold `<name>_km` may be written `<name>_mi`; a miles runner's defaults
    are the rule's round figures in miles where the advice is given in miles
    (`DEFAULTS_IN_MILES`). A value outside its field's range is a ProfileError naming the
    key, the value and the range (`where` names the file and the table).
    """
    km_per_mile = METRES_PER_MILE / 1000
    values: dict[str, Any] = {}
    if units == "miles":
        in_miles = getattr(thresholds, "DEFAULTS_IN_MILES", {})
        values.update({key: miles * km_per_mile for key, miles in in_miles.items()})
    for key, value in settings.items():
        if key == "enabled":
            continue
        name, scale = key, 1.0
        if key.endswith("_mi") and setting_range(thresholds, key[:-3] + "_km") is not None:
            name, scale = key[:-3] + "_km", km_per_mile
        allowed = setting_range(thresholds, name)
        if allowed is not None and not isinstance(value, bool):
            low, high = (bound / scale for bound in allowed)
            if not low <= value <= high:  # NaN fails both
                raise ProfileError(
                    f"{where} {key} = {value!r} is outside its range, "
                    f"{_bound_text(low)} to {_bound_text(high)}"
                )
        values[name] = value * scale if scale != 1.0 else value
    return thresholds(**values)


def _bound_text(bound: float) -> str:
    return f"{bound:g}" if float(bound).is_integer() else f"{bound:.1f}"
