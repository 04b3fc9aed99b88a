"""Where each runner stands on a day: the answer before the history.

`athlete_status(log, findings, athlete, as_of)` is a pure function of the training log, the
findings `run_rules` gave, the athlete's profile and the as-of day; it returns a frozen
`Status`. Every number in it counts only what happened on or before `as_of`, by the runner's
local calendar (Monday-Sunday weeks from `local_date`):

- the last activity and the days since it (stale past the profile's `stale_after_days`);
- this week so far (Monday to `as_of`), the last full week, and the 4 full weeks before this
  one on average;
- the acute:chronic ratio (last 7 days against the last 28, rest days 0) once the log holds
  28 days before `as_of` and a run in the last 7 days (with none, a ratio of 0 would read as a
  measured value: the ratio is not judged, and the last run's day says why);
- the longest run of the last 7 days against the longest of the 30 days before them;
- running days in a row (ending on `as_of`, or the day before when `as_of` has no run yet)
  and the last rest day, judged only with a run in the last 28 days (`has_run_in_open_window`);
- cadence: the median of the last 14 days' runs, the low-cadence floor, and the runner's own
  median of the 12 weeks before;
- shoes the shoe-overdue rule found past their limit, and those within its `near_km` of
  the limit (the rule's own count of each shoe's distance up to `as_of`);
- the latest knee-pain note (date, side, score) and how the pain went over 14 days;
- the open findings (dated in the last 28 days), most severe first, then newest;
- advice: one to three plain sentences drawn from the open warnings and high findings, then
  (when there is room and no shoe is past its limit) a shoe near its limit;
- the rules that could not judge the log, each with its reason (analyzer/not_run.py).

Distances are metres; renderers write them in the athlete's units. `status_dict` gives the
JSON form; `default_as_of` the newest day with data in a log.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import pandas as pd

from analyzer.checkers import RULES, shoe_overdue, thresholds_for
from analyzer.checkers._format import distance_text, whole_distance_text
from analyzer.checkers._knee import episode_gap_days
from analyzer.checkers.rule import Finding
from analyzer.log import TrainingLog
from analyzer.not_run import NotRun, rules_not_run
from analyzer.pain import knee_notes
from analyzer.patterns import PainPatterns, pain_pattern_reports
from analyzer.profile import Profile

OPEN_WINDOW_DAYS = 28  # a finding dated in these days (as-of day included) is open
HISTORY_WEEKS = 16  # the status window: the weeks up to the as-of day the reports show in full
AVERAGE_WEEKS = 4  # this week and the last one against the average of these full weeks
ACUTE_DAYS = 7
CHRONIC_DAYS = 28
LONG_RUN_WINDOW_DAYS = 30  # the last 7 days' longest run against the longest of these before
CADENCE_RECENT_DAYS = 14
CADENCE_OWN_WEEKS = 12
PAIN_TREND_DAYS = 14
MAX_ADVICE = 3
LONG_RUN_GROWTH = 1.10  # long-run-spike's default: grow the long run by a tenth at most


@dataclass(frozen=True)
class PainNote:
    """One knee-pain note: its day, which knee, its score out of ten and its words."""

    date: dt.date
    side: str | None  # left, right, both, or None when the note does not say
    score_of_10: float | None
    red_flags: tuple[str, ...]
    excerpt: str
    source: str


@dataclass(frozen=True)
class ShoeState:
    """A shoe the shoe-overdue rule found past its limit by the as-of day."""

    shoe: str
    severity: str
    date: dt.date  # the day it passed the limit
    message: str


@dataclass(frozen=True)
class ShoeNear:
    """A shoe within shoe-overdue's `near_km` of its limit on the as-of day, not yet past it."""

    shoe: str
    distance_m: float  # as the rule counts it, pre-use included
    limit_m: float  # the rule's warning distance for this shoe (its own limit, if set)

    @property
    def left_m(self) -> float:
        return self.limit_m - self.distance_m


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
    average_week_m: float | None  # the AVERAGE_WEEKS full weeks before this one (None: no log)
    acute_chronic_ratio: float | None  # None before 28 days of log or with no chronic load
    longest_run_7_days_m: float | None
    longest_run_before_m: float | None  # the 30 days before those 7
    running_days_in_row: int
    last_rest_date: dt.date | None  # None: no rest day since the log began
    recent_cadence_spm: float | None
    cadence_floor_spm: float | None
    own_cadence_spm: float | None
    shoes: tuple[ShoeState, ...]
    latest_pain: PainNote | None
    pain_trend: str  # one plain phrase: "none noted in 14 days", "easing (4/10 -> 2/10)" ...
    open_findings: tuple[Finding, ...]  # most severe first, then newest
    advice: tuple[str, ...]
    rules_not_run: tuple[NotRun, ...] = ()  # rules turned off or unable to judge this log
    pain_patterns: PainPatterns | None = None  # what came before knee pain; None: no pain noted
    last_run_date: dt.date | None = None  # the newest run on or before the as-of day
    history_days: int = 0  # days from the first run to the as-of day
    shoes_near: tuple[ShoeNear, ...] = ()  # nearest its limit first

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
    def high_count(self) -> int:
        return sum(finding.severity == "high" for finding in self.open_findings)

    @property
    def warning_count(self) -> int:
        return sum(finding.severity == "warning" for finding in self.open_findings)

    @property
    def has_red_flag(self) -> bool:
        """A knee-pain note of the open window names swelling, locking, giving way or sharp pain."""
        pain = self.latest_pain
        if pain is None:
            return False
        return (self.as_of - pain.date).days < OPEN_WINDOW_DAYS and bool(pain.red_flags)

    @property
    def days_since_rest(self) -> int | None:
        if self.last_rest_date is None:
            return None
        return (self.as_of - self.last_rest_date).days


def default_as_of(log: TrainingLog) -> dt.date | None:
    """The newest local day with an activity or a note anywhere in the log."""
    days = [*log.activities["local_date"].dropna(), *log.notes["local_date"].dropna()]
    return max(days, default=None)


def statuses(
    log: TrainingLog,
    findings: Sequence[Finding],
    as_of: dt.date,
    profile: Profile | None = None,
    since: dt.date | None = None,
) -> dict[str, Status]:
    """Each athlete's status on `as_of`, in name order; `profile` overrides their own. The
    pain patterns compare the episodes from `since` (the whole log when None) to `as_of`."""
    return {
        athlete: athlete_status(log.for_athlete(athlete), findings, athlete, as_of, profile, since)
        for athlete in log.athletes
    }


def athlete_status(
    log: TrainingLog,
    findings: Sequence[Finding],
    athlete: str,
    as_of: dt.date,
    profile: Profile | None = None,
    since: dt.date | None = None,
) -> Status:
    """The athlete's status on `as_of`, from their log and findings up to that day."""
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
    last_week_m, average_week_m = _weeks_m(daily_m, week_start)
    last_activity = max(activities["local_date"], default=None)
    first_run = min(runs["local_date"], default=None)
    own = sorted(
        (item for item in findings if item.athlete == athlete and item.date <= as_of),
        key=lambda item: (-item.severity_rank, -item.date.toordinal(), item.code),
    )
    open_from = as_of - dt.timedelta(days=OPEN_WINDOW_DAYS - 1)
    open_findings = tuple(item for item in own if item.date >= open_from)
    pains = _pain_notes(log, athlete, as_of, profile)
    longest_7_m, longest_before_m = _longest_runs_m(runs, as_of)
    streak, last_rest = _streak(daily_m, as_of)
    recent_spm, own_spm = _cadences_spm(runs, as_of)
    status = Status(
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
        acute_chronic_ratio=_acute_chronic_ratio(daily_m, as_of),
        longest_run_7_days_m=longest_7_m,
        longest_run_before_m=longest_before_m,
        running_days_in_row=streak,
        last_rest_date=last_rest,
        recent_cadence_spm=recent_spm,
        cadence_floor_spm=_cadence_floor_spm(profile),
        own_cadence_spm=own_spm,
        shoes=_shoes_past_limit(own),
        latest_pain=pains[-1] if pains else None,
        pain_trend=_pain_trend(log, athlete, pains, as_of),
        open_findings=open_findings,
        advice=(),
        rules_not_run=tuple(rules_not_run(log, athlete, as_of, profile)),
        pain_patterns=pain_pattern_reports(log, own, profile, since, as_of).get(athlete),
        last_run_date=max(runs["local_date"], default=None),
        history_days=(as_of - first_run).days if first_run is not None else 0,
        shoes_near=_shoes_near_limit(log, athlete, as_of, profile),
    )
    return _with_advice(status, runs)


def by_attention(athlete_statuses: Iterable[Status]) -> list[Status]:
    """The coach's order, most in need of a call first: no run in the open window (no data,
    or only walks and rides: a runner who stopped running may be hurt), then red flags, high
    open findings, warnings, and the longest without data; then by name."""
    return sorted(athlete_statuses, key=_attention_key)


def _attention_key(status: Status) -> tuple:
    days = status.days_since_last_activity
    return (
        status.has_run_in_open_window,
        not status.has_red_flag,
        -status.high_count,
        -status.warning_count,
        -(days if days is not None else 10**6),
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


def _weeks_m(daily_m: pd.Series, week_start: dt.date) -> tuple[float, float | None]:
    """The last full week's distance, and the average of the AVERAGE_WEEKS full weeks before
    this one (the weeks before the log began count as none: the average is of those it holds)."""
    monday = pd.Timestamp(week_start)
    sunday = monday - pd.Timedelta(days=1)
    last_week_m = float(daily_m[monday - pd.Timedelta(days=7) : sunday].sum())
    if daily_m.empty or daily_m.index[0] >= monday:
        return last_week_m, None
    first = max(monday - pd.Timedelta(weeks=AVERAGE_WEEKS), daily_m.index[0])
    weeks = -(-(monday - first).days // 7)  # whole or part weeks the log holds
    total_m = float(daily_m[monday - pd.Timedelta(weeks=weeks) : sunday].sum())
    return last_week_m, total_m / weeks


def _acute_chronic_ratio(daily_m: pd.Series, as_of: dt.date) -> float | None:
    """The last 7 days' mean daily distance over the last 28 days'; None when not judged: under
    28 days of log, or no run in the last 7 days (no data is not a measured rest)."""
    if len(daily_m) <= CHRONIC_DAYS:  # 28 days of log before the as-of day, as the rule asks
        return None
    acute_from = pd.Timestamp(as_of - dt.timedelta(days=ACUTE_DAYS - 1))
    if not (daily_m[acute_from:] > 0).any():
        return None
    chronic_m = daily_m.iloc[-CHRONIC_DAYS:].mean()
    if chronic_m <= 0:
        return None
    return float(daily_m.iloc[-ACUTE_DAYS:].mean() / chronic_m)


def _longest_runs_m(runs: pd.DataFrame, as_of: dt.date) -> tuple[float | None, float | None]:
    week_from = as_of - dt.timedelta(days=ACUTE_DAYS - 1)
    before_from = week_from - dt.timedelta(days=LONG_RUN_WINDOW_DAYS)
    dates = runs["local_date"]
    last_7 = runs.loc[dates >= week_from, "distance_m"]
    before = runs.loc[(dates >= before_from) & (dates < week_from), "distance_m"]
    return _max_or_none(last_7), _max_or_none(before)


def _max_or_none(values: pd.Series) -> float | None:
    values = values.dropna()
    return float(values.max()) if not values.empty else None


def _streak(daily_m: pd.Series, as_of: dt.date) -> tuple[int, dt.date | None]:
    """Running days in a row up to `as_of` (or the day before, when it has no run yet), and the
    last day without a run."""
    if daily_m.empty:
        return 0, None
    ran = (daily_m > 0).to_numpy()
    rest_positions = [position for position in range(len(ran)) if not ran[position]]
    last_rest = daily_m.index[rest_positions[-1]].date() if rest_positions else None
    end = len(ran) if ran[-1] else len(ran) - 1
    streak = 0
    while streak < end and ran[end - 1 - streak]:
        streak += 1
    return streak, last_rest


def _cadences_spm(runs: pd.DataFrame, as_of: dt.date) -> tuple[float | None, float | None]:
    recent_from = as_of - dt.timedelta(days=CADENCE_RECENT_DAYS - 1)
    own_from = recent_from - dt.timedelta(weeks=CADENCE_OWN_WEEKS)
    cadence = runs["avg_cadence_spm"]
    dates = runs["local_date"]
    recent = cadence[dates >= recent_from].dropna()
    own = cadence[(dates >= own_from) & (dates < recent_from)].dropna()
    return (
        float(recent.median()) if not recent.empty else None,
        float(own.median()) if not own.empty else None,
    )


def _cadence_floor_spm(profile: Profile) -> float | None:
    for rule in RULES:
        if rule.slug == "low-cadence" and profile.is_enabled(rule.slug):
            floor = getattr(thresholds_for(profile, rule), "min_cadence_spm", None)
            return float(floor) if floor is not None else None
    return None


def _shoes_past_limit(findings: Sequence[Finding]) -> tuple[ShoeState, ...]:
    """The shoes the shoe-overdue rule found past a limit: the latest level of each."""
    latest: dict[str, ShoeState] = {}
    for finding in sorted(findings, key=lambda item: (item.date, item.severity_rank)):
        if finding.rule != "shoe-overdue":
            continue
        shoe = str(finding.evidence.get("shoe") or finding_line(finding))
        latest[shoe] = ShoeState(shoe, finding.severity, finding.date, finding_line(finding))
    return tuple(latest.values())


def _shoes_near_limit(
    log: TrainingLog, athlete: str, as_of: dt.date, profile: Profile
) -> tuple[ShoeNear, ...]:
    """The athlete's shoes in use within `near_km` of their limit on `as_of`, counted as the
    shoe-overdue rule counts them (its runs up to `as_of`, its limits, its setting)."""
    if not profile.is_enabled(shoe_overdue.RULE.slug):
        return ()
    limits = thresholds_for(profile, shoe_overdue.RULE)
    dates = log.activities["local_date"]
    up_to = replace(log, activities=log.activities[dates.notna() & (dates <= as_of)])
    near = [
        ShoeNear(shoe.shoe, shoe.distance_km * 1000, shoe.warning_km * 1000)
        for shoe in shoe_overdue.shoe_distances(up_to, athlete, limits)
        if (shoe.retired_date is None or shoe.retired_date > as_of)
        and 0 < shoe.warning_km - shoe.distance_km <= limits.near_km
    ]
    return tuple(sorted(near, key=lambda shoe: shoe.left_m))


# --- knee pain --------------------------------------------------------------------------


def _pain_notes(log: TrainingLog, athlete: str, as_of: dt.date, profile: Profile) -> list[PainNote]:
    """The athlete's knee-pain notes up to `as_of`, oldest first (one per day and wording), read
    in the episodes persistent-knee-pain makes with the profile's gap."""
    notes = log.notes[(log.notes["athlete"] == athlete) & log.notes["local_date"].notna()]
    notes = notes[notes["local_date"] <= as_of]
    if notes.empty:
        return []
    read = knee_notes(notes, episode_gap_days(profile))
    painful = read[read["knee_pain"].notna()].sort_values("local_date", kind="stable")
    found: dict[tuple[dt.date, str], PainNote] = {}
    for row in painful.itertuples(index=False):
        pain = row.knee_pain
        key = (row.local_date, pain.excerpt.casefold())
        found.setdefault(
            key,
            PainNote(
                date=row.local_date,
                side=pain.side,
                score_of_10=pain.score_of_10,
                red_flags=tuple(pain.red_flags),
                excerpt=pain.excerpt,
                source=_file_name(row.source),
            ),
        )
    return list(found.values())


def _file_name(source: object) -> str:
    text = str(source) if isinstance(source, str) and source else "notes"
    return text.replace("\\", "/").rsplit("/", 1)[-1]


def _pain_trend(log: TrainingLog, athlete: str, pains: list[PainNote], as_of: dt.date) -> str:
    """How the knee went over the last PAIN_TREND_DAYS days, in a few words."""
    window_from = as_of - dt.timedelta(days=PAIN_TREND_DAYS - 1)
    recent = [pain for pain in pains if pain.date >= window_from]
    if not recent:
        return f"no knee pain noted in the last {PAIN_TREND_DAYS} days"
    if _noted_fine_after(log, athlete, recent[-1].date, as_of):
        return "noted fine since the last pain note"
    days = len({pain.date for pain in recent})
    noted = f"noted on {days} day{'s' if days != 1 else ''} in {PAIN_TREND_DAYS}"
    scores = [pain.score_of_10 for pain in recent if pain.score_of_10 is not None]
    if len(scores) < 2:
        return noted
    first, last = scores[0], scores[-1]
    change = "rising" if last > first else "easing" if last < first else "steady"
    return f"{change} ({first:g}/10 to {last:g}/10), {noted}"


def _noted_fine_after(log: TrainingLog, athlete: str, after: dt.date, as_of: dt.date) -> bool:
    notes = log.notes[(log.notes["athlete"] == athlete) & log.notes["local_date"].notna()]
    notes = notes[(notes["local_date"] > after) & (notes["local_date"] <= as_of)]
    return bool(not notes.empty and knee_notes(notes)["is_knee_clear"].any())


# --- advice -----------------------------------------------------------------------------

_LOAD_RULES = ("weekly-mileage-jump", "acute-chronic-ratio", "long-run-spike")


def _with_advice(status: Status, runs: pd.DataFrame) -> Status:
    return replace(status, advice=tuple(_advice(status, runs)[:MAX_ADVICE]))


def _advice(status: Status, runs: pd.DataFrame) -> list[str]:
    """Plain sentences for this week, the most severe open finding's first, one per kind."""
    sentences: list[str] = []
    said: set[str] = set()
    for finding in status.open_findings:
        if finding.severity == "info":
            continue  # information asks for no change this week
        kind = "load" if finding.rule in _LOAD_RULES else finding.rule
        if kind in said:
            continue
        sentence = _sentence(kind, finding, status, runs)
        if sentence and sentence not in sentences:  # two pain rules can ask for the same
            said.add(kind)
            sentences.append(sentence)
    if status.shoes_near and "shoe-overdue" not in said:  # after every finding's: not yet due
        sentences.append(_near_shoes_sentence(status))
    return sentences


def _near_shoes_sentence(status: Status) -> str:
    """'Plan a new pair: Pegasus 39 has about 41 km left of 600.', nearest its limit first."""
    parts = [
        f"{shoe.shoe} has about {whole_distance_text(shoe.left_m, status.units)} left of "
        f"{whole_distance_text(shoe.limit_m, status.units).split(' ')[0]}"
        for shoe in status.shoes_near
    ]
    opening = "Plan a new pair" if len(parts) == 1 else "Plan new pairs"
    return f"{opening}: {'; '.join(parts)}."


def _sentence(kind: str, finding: Finding, status: Status, runs: pd.DataFrame) -> str | None:
    if kind == "persistent-knee-pain":
        red_flags = finding.evidence.get("red_flags") or ()
        if red_flags:  # flagged for the words, however young the episode
            words = " and ".join(red_flags)
            return f"You mention {words}: have the knee seen by a doctor or physiotherapist now."
        return "Knee pain noted for over two weeks: see a physiotherapist or doctor."
    if kind == "knee-pain-note":
        pain = status.latest_pain
        if pain is None or (status.as_of - pain.date).days >= PAIN_TREND_DAYS:
            return None  # an old note: the finding stays listed, the advice is for now
        if pain is not None and pain.red_flags:
            words = " and ".join(pain.red_flags)
            return f"You mention {words}: have the knee seen by a doctor or physiotherapist now."
        if finding.severity == "high":
            return "Strong knee pain: have the knee seen rather than run on it."
        return "Rest or cut back until the knee settles; see a physiotherapist if it lasts a week."
    if kind == "running-through-pain":
        return "You ran on after knee pain without cutting back: ease off until it settles."
    if kind == "load":
        return _load_sentence(status, runs)
    if kind == "missing-rest-days":
        return "Take at least one full rest day this week."
    if kind == "low-cadence":
        if status.recent_cadence_spm is None:
            return "Try shorter, quicker steps at the same pace on easy runs."
        target = round(status.recent_cadence_spm * 1.05)
        return f"Try shorter, quicker steps on easy runs: about {target} steps/min."
    if kind == "shoe-overdue":
        shoes = " and ".join(shoe.shoe for shoe in status.shoes) or "your shoes"
        return f"Plan new shoes: {shoes} past the limit."
    if kind == "monotonous-surface":
        return "Move a run or two a week to another surface (grass, trail, track)."
    if kind == "pace-jump":
        return "Keep most runs at your usual easy pace this week."
    if kind == "downhill-load-jump":
        return "Go easy on long descents this week."
    return None


def _load_sentence(status: Status, runs: pd.DataFrame) -> str:
    """'Keep this week near 30 km and your long run under 11 km', from the weeks before."""
    parts = []
    if status.average_week_m:
        parts.append(f"this week near {_rounded(status.average_week_m, status.units)}")
    cap_m = _long_run_cap_m(status, runs)
    if cap_m:
        parts.append(f"your long run under {_rounded(cap_m, status.units)}")
    if not parts:
        return "Build up gradually: add distance a little at a time."
    return "Keep " + " and ".join(parts) + "."


def _long_run_cap_m(status: Status, runs: pd.DataFrame) -> float | None:
    """A tenth over the longest run of the 30 days before the last 7 (or before them all)."""
    del runs
    if status.longest_run_before_m:
        return status.longest_run_before_m * LONG_RUN_GROWTH
    return None


def _rounded(metres: float, units: str) -> str:
    text = distance_text(metres, units)
    number, unit = text.split(" ")
    return f"{float(number):.0f} {unit}"


__all__ = [
    "HISTORY_WEEKS",
    "OPEN_WINDOW_DAYS",
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
