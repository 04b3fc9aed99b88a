"""What a rule is, what it finds, and the facets the rest of runlog reads from it.

A rule owns everything about itself. Besides its thresholds and `check`, a `Rule` carries six
facets; each is a function, or `Declined(reason)` when the rule has nothing to give there
(silence is not allowed: a registry test lists every rule's facets and fails on a facet that
is neither). Status, advice, the weekly table, the pain patterns, the charts and the coach
board read these facets and name no rule:

- `measure(log, limits) -> DataFrame`: the numbers the rule judges, computed once from the
  log and the thresholds, one row per thing judged (run, day, week, shoe or note), with an
  `athlete` column and the rule's numbers named with their units (`longest_before_m`,
  `cadence_spm`). `check` is built on it, and every other facet reads it.
- `check(log, limits) -> list[Finding]`: the findings, each dated on the local day the
  runner could have been told.

The other facets read one athlete's log as of one day, an `AsOf` (the log up to that day,
the thresholds from the athlete's profile, the rule's findings up to that day, and the
measure of that log, computed when a facet first reads it):

- `today(day) -> dict`: the figures the status shows for the rule on the as-of day, keyed by
  the `Status` field they fill (`{"acute_chronic_ratio": 1.03}`).
- `advice(day) -> Advice | None`: one plain sentence for this week, with its kind (the need
  it answers, `ADVICE_KINDS`), its target figure and the findings it rests on; None when the
  rule asks nothing of the runner today, when the current week already answered it, or when
  newer data overtook the finding. `analyzer.advice` plans the sentences as a whole.
- `not_judged(day) -> str | None`: why the rule could not judge this log, in words a runner
  can act on ("needs 28 days of history; this log has 12"); None when it could.
- `pattern(day) -> Pattern`: the days on which the rule's pattern held, for "what came before
  knee pain", and the first day the rule could judge (its own history minimum).
- `chart_marks(day) -> ChartMarks`: what the report's charts draw for the rule, in its own
  numbers: the chart it belongs on and the per-run or per-day series (a chart writes the
  rule's `label` beside its marks).

A rule also checks the settings a profile gives it (`thresholds_from`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from analyzer.errors import ProfileError, shown_value
from analyzer.units import METRES_PER_MILE
from analyzer.words import is_miles

if TYPE_CHECKING:
    from analyzer.log import TrainingLog

SEVERITIES = ("info", "warning", "high")  # in rising order
OPEN_WINDOW_DAYS = 28  # a finding dated in these days (the as-of day included) is open
# what an advice sentence answers, in order of need: the planner says the first needs first
ADVICE_KINDS = (
    "red flag",  # see someone now
    "knee",  # knee pain: cut back
    "load",  # the week's distance
    "long run",
    "intensity",  # pace and descents
    "rest",
    "cadence",
    "shoes",
    "surfaces",
)
# the charts a rule's marks can belong on (the report draws one per question)
CHARTS = ("weekly", "long run", "rest", "cadence", "surfaces", "shoes", "knee")
# the column of the measure of the rule that `numbers_episodes` (persistent pain's, by its gap
# between notes): the pain patterns take the runner's knee-pain episodes from it
EPISODE_COLUMN = "episode"
FACETS = ("measure", "today", "advice", "not_judged", "pattern", "chart_marks")


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
class Declined:
    """A facet a rule does not provide, and why (a sentence for a contributor)."""

    reason: str


@dataclass(frozen=True)
class AsOf:
    """One athlete's log as of one day, as a rule's as-of facets read it."""

    athlete: str
    as_of: dt.date
    log: TrainingLog  # the athlete's activities and notes on or before `as_of`
    limits: Any  # the rule's Thresholds from the athlete's profile
    rule: Rule = field(compare=False, repr=False)  # whose facets read this day
    findings: tuple[Finding, ...] = ()  # the rule's findings up to `as_of`, oldest first
    # what several facets of the rule read on this day, kept by the first that computed it
    kept: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @functools.cached_property
    def measure(self) -> pd.DataFrame:
        """The rule's measure of `log` (empty when it declines one), computed when first read:
        a facet that needs no numbers today costs nothing."""
        return self.rule.measure_of(self.log, self.limits)

    @functools.cached_property
    def runs(self) -> pd.DataFrame:
        """The athlete's runs with a local day on or before the as-of day, oldest first."""
        runs = self.log.runs
        runs = runs[runs["local_date"].notna() & (runs["athlete"] == self.athlete)]
        return runs[runs["local_date"] <= self.as_of]

    def keep(self, name: str, make: Callable[[], Any]) -> Any:
        """`make()`, computed once for this day however many facets ask for it."""
        if name not in self.kept:
            self.kept[name] = make()
        return self.kept[name]

    @property
    def units(self) -> str:
        """km or miles, from the athlete's profile."""
        return self.log.profile_for(self.athlete).units

    @property
    def open_findings(self) -> tuple[Finding, ...]:
        """The findings dated in the last OPEN_WINDOW_DAYS days, oldest first."""
        first = self.as_of - dt.timedelta(days=OPEN_WINDOW_DAYS - 1)
        return tuple(finding for finding in self.findings if finding.date >= first)

    def days_ago(self, date: dt.date) -> int:
        """Whole days from `date` to the as-of day (0: the as-of day itself)."""
        return (self.as_of - date).days


@dataclass(frozen=True)
class Advice:
    """One plain sentence for the runner this week, from one rule's view of the as-of day."""

    kind: str  # the need it answers: one of ADVICE_KINDS
    text: str
    because: tuple[Finding, ...] = ()  # the findings it rests on
    target: float | None = None  # the figure it asks for, in `unit`, as the text says it
    unit: str = ""  # "km", "mi", "steps/min" (empty without a target)


@dataclass(frozen=True)
class Pattern:
    """A rule's pattern for "what came before knee pain": the local days on which it held."""

    label: str  # in words, lower case: "a run more than 10% longer than ..."
    days: np.ndarray  # datetime64[D], ascending: the days the pattern held
    judged_from: dt.date | None  # the first day the rule could judge; None: never in this log

    def held_between(self, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        """For windows of days (datetime64[D] first and last days): whether the pattern held on
        any day within each."""
        return np.searchsorted(self.days, ends, "right") > np.searchsorted(
            self.days, starts, "left"
        )


@dataclass(frozen=True)
class ChartMarks:
    """What the report's charts draw for a rule, in the rule's own numbers."""

    chart: str  # the chart the rule belongs on: one of CHARTS (its words: the rule's `label`)
    series: pd.DataFrame = field(default_factory=pd.DataFrame)  # `day` and the rule's numbers
    lines: tuple[tuple[str, str], ...] = ()  # (series column, legend words) drawn as lines
    level: float | None = None  # a threshold drawn across the chart (the cadence floor)
    level_label: str = ""


# the value types of the figures rules' `today` facets give the status (read by field)


@dataclass(frozen=True)
class ShoeState:
    """A shoe in use past its limit on the as-of day: not replaced, and not retired (or worn
    again after the day the profile retired it: then `retired_date` is that day)."""

    shoe: str
    severity: str  # warning or high: the level its distance passed
    date: dt.date  # the day it passed that level
    distance_m: float  # as this rule counts it, pre-use included
    limit_m: float  # the distance of that level
    retired_date: dt.date | None = None  # the profile retired it, yet runs since name it


@dataclass(frozen=True)
class ShoeNear:
    """A shoe in use within `near_km` of its limit on the as-of day, not yet past it."""

    shoe: str
    distance_m: float  # as the rule counts it, pre-use included
    limit_m: float  # the rule's warning distance for this shoe (its own limit, if set)

    @property
    def left_m(self) -> float:
        return self.limit_m - self.distance_m


@dataclass(frozen=True)
class PainNote:
    """One knee-pain note: its day, which knee, its score out of ten and its words."""

    date: dt.date
    side: str | None  # left, right, both, or None when the note does not say
    score_of_10: float | None
    red_flags: tuple[str, ...]
    excerpt: str
    source: str
    is_improving: bool = False  # the note says the knee is getting better


Facet = Callable[..., Any] | Declined


@dataclass(frozen=True)
class Rule:
    """A rule: its stable slug and code, the evidence behind it, its check and its facets."""

    code: str
    slug: str
    title: str
    rationale: str  # the module docstring: what it flags, why, and the source
    thresholds: type  # a frozen dataclass with a default for every field
    check: Callable[..., list[Finding]]  # check(log, limits) -> findings, built on `measure`
    measure: Facet  # measure(log, limits) -> DataFrame
    today: Facet  # today(AsOf) -> {Status field: value}
    advice: Facet  # advice(AsOf) -> Advice | None
    not_judged: Facet  # not_judged(AsOf) -> reason | None
    pattern: Facet  # pattern(AsOf) -> Pattern
    chart_marks: Facet  # chart_marks(AsOf) -> ChartMarks
    grade: str = "Conv"  # docs/EVIDENCE.md#grades: Mod, Low, Mech, Conv (and combinations)
    related_window_days: int | None = None  # fill `related` with the findings of these days
    label: str = ""  # a chart's few words for its findings ("long run"); the code when none
    numbers_episodes: bool = False  # its measure numbers the knee-pain episodes (EPISODE_COLUMN)

    def provides(self, facet: str) -> bool:
        """Whether the rule gives this facet (rather than declining it)."""
        return not isinstance(getattr(self, facet), Declined)

    def answer(self, facet: str, *arguments: Any) -> Any:
        """The facet's answer for these arguments, or None when the rule declines the facet."""
        given = getattr(self, facet)
        return None if isinstance(given, Declined) else given(*arguments)

    def measure_of(self, log: TrainingLog, limits: Any) -> pd.DataFrame:
        """The rule's measure of the log, or an empty table when it declines one."""
        measured = self.answer("measure", log, limits)
        return pd.DataFrame() if measured is None else measured

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
    if is_miles(units):
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
