"""Where each runner stands on a day: the answer before the history.

`athlete_status(log, findings, athlete, as_of)` is a pure function of the training log, the
findings `run_rules` gave, the athlete's profile and the as-of day; it returns a frozen
`Status`. Every number in it counts only what happened on or before `as_of`, by the runner's
local calendar (Monday-Sunday weeks from `local_date`). The status names no rule: what it
says of a rule, it reads from the rule's facets (analyzer/checkers/rule.py) on the athlete's
log as of the day:

- its own: the last activity and the days since it (stale past the profile's
  `stale_after_days`); this week so far (Monday to `as_of`), the last full week, and the 4
  full weeks before this one on average;
- each rule's `today` figures, in the fields they name (the acute:chronic ratio, the long
  run against the days before it, running days in a row and the last rest day, cadence
  against the floor and the runner's own, the shoes past or near their limit, the newest
  knee-pain note and the knee's trend);
- the open findings (dated in the last 28 days), most severe first, then newest;
- advice: the rules' `advice`, planned as a whole by analyzer.advice (at most three
  sentences, in order of need), as `advice` (the sentences) and `advice_items`;
- the rules that could not judge the log, each with its reason (the rules' `not_judged`);
- each rule's `chart_marks`, which the report's charts draw;
- what came before the athlete's knee pain (analyzer.patterns, from the rules' `pattern`).

Distances are metres; renderers write them in the athlete's units. `status_dict` gives the
JSON form; `default_as_of` the newest day with data in a log.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from analyzer import plausible
from analyzer.advice import plan
from analyzer.checkers import RULES, rules_as_of
from analyzer.checkers.rule import (
    OPEN_WINDOW_DAYS,
    Advice,
    AsOf,
    ChartMarks,
    Finding,
    PainNote,
    Rule,
    ShoeNear,
    ShoeState,
)
from analyzer.log import TrainingLog
from analyzer.parallel import each_on_every_core
from analyzer.patterns import PainPatterns, athlete_pain_patterns
from analyzer.profile import Profile

HISTORY_WEEKS = 16  # the status window: the weeks up to the as-of day the reports show in full
AVERAGE_WEEKS = 4  # this week and the last one against the average of these full weeks
ACUTE_DAYS = 7  # a run in these days makes the week's figures measured, not "no data"
CHRONIC_DAYS = 28


@dataclass(frozen=True)
class NotRun:
    """A rule that could not judge the log, and why, in a sentence for the runner."""

    rule: str  # the rule's slug
    reason: str


@dataclass(frozen=True)
class Status:
    """One athlete on one day. Distances in metres; None where the log cannot say."""

    athlete: str
    as_of: dt.date
    units: str  # km or miles, from the profile: how renderers write distances
    last_activity_date: dt.date | None
    days_since_last_activity: int | None
    stale_after_days: int
    week_start: dt.date  # the Monday of the as-of day's week
    this_week_m: float  # Monday to the as-of day
    last_week_m: float  # the full week before
    # the AVERAGE_WEEKS full weeks before this one, those with data only (None: none has data)
    average_week_m: float | None
    open_findings: tuple[Finding, ...]  # most severe first, then newest
    advice: tuple[str, ...]  # the planned sentences (advice_items' texts)
    # the rules' `today` figures (None, or empty, when the rule is off or cannot say)
    acute_chronic_ratio: float | None = None  # None before 28 days of log or with no load
    longest_run_7_days_m: float | None = None
    longest_run_before_m: float | None = None  # the days before that run, as the rule compares
    running_days_in_row: int = 0
    last_rest_date: dt.date | None = None  # None: no rest day since the log began
    recent_cadence_spm: float | None = None
    cadence_floor_spm: float | None = None
    own_cadence_spm: float | None = None
    shoes: tuple[ShoeState, ...] = ()  # in use past their limit: until retired or replaced
    shoes_near: tuple[ShoeNear, ...] = ()  # nearest its limit first
    latest_pain: PainNote | None = None
    pain_trend: str = ""  # one plain phrase: "no knee pain noted in 14 days", "easing ..."
    pain_trend_days: int = 0  # the days the trend looks back over (a note in them is recent)
    pain_is_worsening: bool = False  # the knee's scores rose over those days, no fine note since
    average_weeks: int = 0  # the weeks with data the average is over (AVERAGE_WEEKS at most)
    advice_items: tuple[Advice, ...] = ()
    rules_not_run: tuple[NotRun, ...] = ()  # rules turned off or unable to judge this log
    pain_patterns: PainPatterns | None = None  # what came before knee pain; None: no pain noted
    last_run_date: dt.date | None = None  # the newest run on or before the as-of day
    history_days: int = 0  # days from the first run to the as-of day
    chart_marks: Mapping[str, ChartMarks] = field(default_factory=dict, repr=False)  # by slug

    @property
    def is_stale(self) -> bool:
        """No activity or note for more than `stale_after_days` before the as-of day."""
        days = self.days_since_last_activity
        return days is None or days > self.stale_after_days

    @property
    def has_recent_data(self) -> bool:
        """An activity within the open window (the last 28 days up to the as-of day)."""
        days = self.days_since_last_activity
        return days is not None and days < OPEN_WINDOW_DAYS

    def has_run_since(self, first: dt.date) -> bool:
        """A run from `first` to the as-of day: a figure over those days counts runs, so a 0 in
        it is measured rest; without one the figure is not judged (no data is not rest)."""
        return self.last_run_date is not None and self.last_run_date >= first

    @property
    def has_run_in_acute_window(self) -> bool:
        """A run in the last 7 days (as-of day included): the ratio's acute load is measured."""
        return self.has_run_since(self.as_of - dt.timedelta(days=ACUTE_DAYS - 1))

    @property
    def has_run_in_weeks(self) -> bool:
        """A run this week or in the AVERAGE_WEEKS full weeks before it: the weeks count runs."""
        return self.has_run_since(self.week_start - dt.timedelta(weeks=AVERAGE_WEEKS))

    @property
    def has_run_in_open_window(self) -> bool:
        """A run in the last 28 days (as-of day included): the rest days and the open findings
        speak of running, whether the athlete is stale or logs other activities."""
        return self.has_run_since(self.as_of - dt.timedelta(days=OPEN_WINDOW_DAYS - 1))

    @property
    def counted_findings(self) -> tuple[Finding, ...]:
        """The open findings with one per note: rules that read the same note on its day (its
        pain and its red flags) count once, as the most severe of them (the first listed)."""
        seen: set[tuple] = set()
        counted = []
        for finding in self.open_findings:
            excerpt = finding.evidence.get("excerpt")
            if excerpt:
                key = (finding.date, str(excerpt).casefold())
                if key in seen:
                    continue
                seen.add(key)
            counted.append(finding)
        return tuple(counted)

    @property
    def high_count(self) -> int:
        return sum(finding.severity == "high" for finding in self.counted_findings)

    @property
    def warning_count(self) -> int:
        return sum(finding.severity == "warning" for finding in self.counted_findings)

    @property
    def has_recent_pain(self) -> bool:
        """A knee-pain note in the last `pain_trend_days` days."""
        pain = self.latest_pain
        return pain is not None and (self.as_of - pain.date).days < self.pain_trend_days

    @property
    def has_red_flag(self) -> bool:
        """A knee-pain note of the open window names a red flag (analyzer.pain.RED_FLAGS)."""
        pain = self.latest_pain
        if pain is None:
            return False
        return (self.as_of - pain.date).days < OPEN_WINDOW_DAYS and bool(pain.red_flags)

    @property
    def days_since_rest(self) -> int | None:
        if self.last_rest_date is None:
            return None
        return (self.as_of - self.last_rest_date).days


def default_as_of(log: TrainingLog, today: dt.date | None = None) -> dt.date | None:
    """The newest local day with an activity or a note anywhere in the log, no later than a
    day after `today` (the computer's): a note dated years ahead (a typed year gone wrong)
    stays in the log but does not move every status to its day, as activities dated after
    today are left out when loaded (analyzer/plausible.py MAX_DAYS_AHEAD)."""
    latest = (today or dt.date.today()) + dt.timedelta(days=plausible.MAX_DAYS_AHEAD)
    days = [*log.activities["local_date"].dropna(), *log.notes["local_date"].dropna()]
    return max((day for day in days if day <= latest), default=None)


def statuses(
    log: TrainingLog,
    findings: Sequence[Finding],
    as_of: dt.date,
    profile: Profile | None = None,
    since: dt.date | None = None,
    processes: int | None = None,
) -> dict[str, Status]:
    """Each athlete's status on `as_of`, in name order; `profile` overrides their own. The
    pain patterns compare the episodes from `since` (the whole log when None) to `as_of`.
    A squad's are made on every core (`processes`: analyzer.parallel's default when None)."""
    athletes = log.athletes
    made = each_on_every_core(
        lambda athlete: athlete_status(
            log.for_athlete(athlete), findings, athlete, as_of, profile, since
        ),
        athletes,
        processes,
    )
    return dict(zip(athletes, made, strict=True))


def athlete_status(
    log: TrainingLog,
    findings: Sequence[Finding],
    athlete: str,
    as_of: dt.date,
    profile: Profile | None = None,
    since: dt.date | None = None,
) -> Status:
    """The athlete's status on `as_of`, from their log and findings up to that day; `since`
    only limits the knee-pain episodes the pain patterns compare."""
    profile = profile or log.profile_for(athlete)
    activities = log.activities[
        (log.activities["athlete"] == athlete) & log.activities["local_date"].notna()
    ]
    activities = activities[activities["local_date"] <= as_of]
    runs = log.runs
    runs = runs[(runs["athlete"] == athlete) & runs["local_date"].notna()]
    runs = runs[runs["local_date"] <= as_of]
    daily_m = _daily_m(runs, as_of)
    week_start = as_of - dt.timedelta(days=as_of.weekday())
    last_activity = max(activities["local_date"], default=None)
    last_week_m, average_week_m, average_weeks = _weeks_m(daily_m, week_start, last_activity)
    first_run = min(runs["local_date"], default=None)
    own = sorted(
        (item for item in findings if item.athlete == athlete and item.date <= as_of),
        key=lambda item: (-item.severity_rank, -item.date.toordinal(), item.code),
    )
    open_from = as_of - dt.timedelta(days=OPEN_WINDOW_DAYS - 1)
    days = rules_as_of(log, athlete, as_of, findings, profile)
    figures: dict[str, object] = {}
    for rule, day in days:
        figures.update(rule.answer("today", day) or {})
    advice_items = plan(rule.answer("advice", day) for rule, day in days)
    return Status(
        athlete=athlete,
        as_of=as_of,
        units=profile.units,
        last_activity_date=last_activity,
        days_since_last_activity=(as_of - last_activity).days if last_activity else None,
        stale_after_days=profile.stale_after_days,
        week_start=week_start,
        this_week_m=float(daily_m[pd.Timestamp(week_start) :].sum()),
        last_week_m=last_week_m,
        average_week_m=average_week_m,
        average_weeks=average_weeks,
        open_findings=tuple(item for item in own if item.date >= open_from),
        advice=tuple(item.text for item in advice_items),
        advice_items=advice_items,
        rules_not_run=_not_run(days, profile),
        pain_patterns=athlete_pain_patterns(log, athlete, days, since, as_of),
        last_run_date=max(runs["local_date"], default=None),
        history_days=(as_of - first_run).days if first_run is not None else 0,
        chart_marks=_Marks(days),
        **figures,  # type: ignore[arg-type]
    )


class _Marks(Mapping[str, ChartMarks]):
    """The rules' chart marks by slug, each made when a chart first reads it (a text report
    draws no chart, so it computes none)."""

    def __init__(self, days: list[tuple[Rule, AsOf]]) -> None:
        self._days = {rule.slug: (rule, day) for rule, day in days if rule.provides("chart_marks")}
        self._made: dict[str, ChartMarks] = {}

    def __getitem__(self, slug: str) -> ChartMarks:
        if slug not in self._made:
            rule, day = self._days[slug]
            self._made[slug] = rule.answer("chart_marks", day)
        return self._made[slug]

    def __iter__(self) -> Iterator[str]:
        return iter(self._days)

    def __len__(self) -> int:
        return len(self._days)

    def __reduce__(self) -> tuple[type[dict], tuple[dict[str, ChartMarks]]]:
        """Sent to another process as the marks themselves: the rules' days they are made
        from hold every day of the log (36 MB an athlete of 10,000 days, against 2 MB)."""
        return dict, ({slug: self[slug] for slug in self},)


def _not_run(days: list, profile: Profile) -> tuple[NotRun, ...]:
    """The rules turned off in the profile, and those whose `not_judged` gives a reason, in
    code order."""
    reasons = {rule.slug: rule.not_judged(day) for rule, day in days if rule.provides("not_judged")}
    not_run = []
    for rule in RULES:
        if not profile.is_enabled(rule.slug):
            not_run.append(NotRun(rule.slug, "turned off in the profile"))
        elif reasons.get(rule.slug):
            not_run.append(NotRun(rule.slug, str(reasons[rule.slug])))
    return tuple(not_run)


def by_attention(athlete_statuses: Iterable[Status]) -> list[Status]:
    """The coach's order, most in need of a call first: red flags; then knee pain in the last
    `pain_trend_days` (worsening first, then the higher score, the newer note); then no run in
    the open window (no data, or only walks and rides: a runner who stopped running may be
    hurt), the longest without data first; then the rest by severity (high open findings, then
    warnings, a note counted once) and recency (the newest of those findings); the name only
    between equals."""
    return sorted(athlete_statuses, key=_attention_key)


def _attention_key(status: Status) -> tuple:
    days = status.days_since_last_activity
    pain = status.latest_pain
    if status.has_red_flag:
        need = 0
    elif status.has_recent_pain:
        need = 1
    elif not status.has_run_in_open_window:
        need = 2
    else:
        need = 3
    within: tuple[float, ...] = ()
    if need == 1 and pain is not None:
        within = (
            not status.pain_is_worsening,
            -(pain.score_of_10 or 0.0),
            -pain.date.toordinal(),
        )
    elif need == 2:
        within = (-(days if days is not None else 10**6),)
    serious = [item for item in status.counted_findings if item.severity != "info"]
    newest = max((item.date.toordinal() for item in serious), default=0)
    return (
        need,
        *within,
        -status.high_count,
        -status.warning_count,
        -newest,
        status.athlete,
    )


def finding_line(finding: Finding) -> str:
    """A finding in one short line: its message's first sentence, without the day it opens with."""
    message = finding.message.strip()
    head, _, rest = message.partition(": ")
    if rest and len(head) <= 12 and head[:3].isalpha():  # "Sun 19 Jul: ..."
        message = rest
    first = message.split(". ")[0].rstrip(".")
    return first[:1].upper() + first[1:] + "."


def finding_headline(finding: Finding) -> str:
    """The few words that matter, with the number ('cadence 162 steps/min over 3 runs, under
    170'): the rule's headline, else the message's first sentence."""
    return finding.headline or finding_line(finding).rstrip(".")


# --- numbers ----------------------------------------------------------------------------


def _daily_m(runs: pd.DataFrame, as_of: dt.date) -> pd.Series:
    """Running distance per local day from the first run to `as_of` (rest days 0)."""
    if runs.empty:
        return pd.Series(dtype=float, index=pd.DatetimeIndex([]))
    days = pd.to_datetime(runs["local_date"])
    totals = runs["distance_m"].fillna(0.0).groupby(days.to_numpy()).sum()
    every_day = pd.date_range(totals.index.min(), pd.Timestamp(as_of), freq="D")
    return totals.reindex(every_day, fill_value=0.0)


def _weeks_m(
    daily_m: pd.Series, week_start: dt.date, last_activity: dt.date | None
) -> tuple[float, float | None, int]:
    """The last full week's distance; the average of the AVERAGE_WEEKS full weeks before this
    one over those the log covers, and how many weeks that is (None and 0 when none). The log
    covers a week from the first run's week to the week of the last activity (of any sport):
    a week after it is no data, not a week of rest, so a runner who stopped uploading keeps
    their usual week; a week without runs between is a week of rest."""
    monday = pd.Timestamp(week_start)
    sunday = monday - pd.Timedelta(days=1)
    last_week_m = float(daily_m[monday - pd.Timedelta(days=7) : sunday].sum())
    if daily_m.empty or daily_m.index[0] >= monday or last_activity is None:
        return last_week_m, None, 0
    first = max(monday - pd.Timedelta(weeks=AVERAGE_WEEKS), daily_m.index[0])
    last = min(monday, pd.Timestamp(last_activity) + pd.Timedelta(days=1))
    weeks = [
        start
        for start in (monday - pd.Timedelta(weeks=back) for back in range(AVERAGE_WEEKS, 0, -1))
        if start + pd.Timedelta(days=7) > first and start < last
    ]
    if not weeks:
        return last_week_m, None, 0
    total_m = sum(float(daily_m[start : start + pd.Timedelta(days=6)].sum()) for start in weeks)
    return last_week_m, total_m / len(weeks), len(weeks)


__all__ = [
    "HISTORY_WEEKS",
    "OPEN_WINDOW_DAYS",
    "Advice",
    "NotRun",
    "PainNote",
    "ShoeNear",
    "ShoeState",
    "Status",
    "athlete_status",
    "by_attention",
    "default_as_of",
    "finding_headline",
    "finding_line",
    "statuses",
]
