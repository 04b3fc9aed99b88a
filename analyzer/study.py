"""What tends to come before knee pain across a squad: each runner against themself, pooled.

A case-crossover design (docs/DESIGN.md#what-comes-before-knee-pain-across-a-squad): for each
pattern a rule gives (analyzer/patterns.py), each runner's knee-pain episodes (the 14 days
before onset) are set against the same runner's pain-free fortnights, so who the runner is
cancels out. Each runner is one stratum, a 2x2 table of windows (before an episode or
pain-free, the pattern held or not): the counts of their own "what came before my knee pain"
(`PainPatterns.counts`). The tables are pooled by Mantel-Haenszel, with the Robins-Breslow-
Greenland 95 % interval and the Cochran-Mantel-Haenszel test; Holm's method adjusts the
tests for the patterns tested at once.

A runner's table enters the pooled sums and leaves nothing else behind (`SquadCounts.add`),
so a squad's partial sums, from one process or many, are added in any order
(`SquadCounts.merge`) to the same exact figures: the sums are fractions, not floats. A runner
without an episode, or whose windows are all alike for a pattern, adds nothing to that
pattern's odds ratio; they are counted, not compared.

These are counts of what came together in the squad's logs, not a probability of injury and
not a cause.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING

from analyzer.patterns import pain_pattern_reports
from analyzer.words import count_text

if TYPE_CHECKING:
    import datetime as dt

    import pandas as pd

    from analyzer.checkers.rule import Finding
    from analyzer.log import TrainingLog
    from analyzer.patterns import PainPatterns
    from analyzer.profile import Profile
    from analyzer.status import Status

MIN_EPISODES = 10  # fewer episodes (from the runners a pattern can compare): counts only
MIN_RUNNERS = 5  # ... or from fewer runners than this
Z_95 = 1.959963984540054  # the standard normal's 97.5th percentile: a two-sided 95 % interval
DESIGN = "case-crossover within runners, odds ratios pooled by Mantel-Haenszel"

STUDY_COLUMNS = [
    "pattern",  # a rule's slug
    "label",  # the pattern in words
    "episodes_with",  # episodes with the pattern in the 14 days before onset
    "episodes",  # the episodes the rule could judge, of runners with a pain-free fortnight too
    "pain_free_with",  # pain-free fortnights (control windows) with the pattern
    "pain_free_fortnights",  # ... that the rule could judge, of runners with an episode too
    "runners",  # runners with both kinds of window for this pattern
    "odds_ratio",  # Mantel-Haenszel, within runner; NaN when not estimated (see `reason`)
    "ci_low",  # its 95 % interval (Robins-Breslow-Greenland)
    "ci_high",
    "p_value",  # Cochran-Mantel-Haenszel test of no association (no continuity correction)
    "p_holm",  # the same, adjusted for the patterns tested (Holm)
    "reason",  # why no odds ratio is given, or ""
]


@dataclass
class PooledCounts:
    """One pattern's sums over the runners' 2x2 tables: the counts shown, and the exact sums
    the Mantel-Haenszel odds ratio, its interval and its test are made of."""

    label: str
    episodes_with: int = 0
    episodes: int = 0
    pain_free_with: int = 0
    pain_free_fortnights: int = 0
    runners: int = 0
    # a, b: episodes with and without; c, d: fortnights with and without; n = a + b + c + d
    r: Fraction = Fraction(0)  # sum of a d / n
    s: Fraction = Fraction(0)  # sum of b c / n
    pr: Fraction = Fraction(0)  # sum of P R, P = (a + d) / n (Robins-Breslow-Greenland)
    ps_qr: Fraction = Fraction(0)  # sum of P S + Q R, Q = (b + c) / n
    qs: Fraction = Fraction(0)  # sum of Q S
    expected: Fraction = Fraction(0)  # sum of E[a] = (a + b)(a + c) / n
    variance: Fraction = Fraction(0)  # sum of (a + b)(c + d)(a + c)(b + d) / (n^2 (n - 1))

    def add(self, episodes_with: int, episodes: int, pain_free_with: int, pain_free: int) -> None:
        """One runner's table: their episodes and pain-free fortnights, with the pattern."""
        a, b = episodes_with, episodes - episodes_with
        c, d = pain_free_with, pain_free - pain_free_with
        n = a + b + c + d
        if not episodes or not pain_free:
            return  # one kind of window only: nothing to compare within this runner
        self.episodes_with += a
        self.episodes += episodes
        self.pain_free_with += c
        self.pain_free_fortnights += pain_free
        self.runners += 1
        r, s = Fraction(a * d, n), Fraction(b * c, n)
        p, q = Fraction(a + d, n), Fraction(b + c, n)
        self.r += r
        self.s += s
        self.pr += p * r
        self.ps_qr += p * s + q * r
        self.qs += q * s
        self.expected += Fraction((a + b) * (a + c), n)
        if n > 1:
            self.variance += Fraction((a + b) * (c + d) * (a + c) * (b + d), n * n * (n - 1))

    def merge(self, other: PooledCounts) -> None:
        """Another part of the squad's sums for the same pattern."""
        for name in _SUMMED:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def odds_ratio(self) -> float | None:
        """sum(a d / n) / sum(b c / n); None when either sum is 0."""
        return float(self.r / self.s) if self.r and self.s else None

    @property
    def interval(self) -> tuple[float, float] | None:
        """The 95 % interval of the odds ratio (Robins, Breslow and Greenland 1986)."""
        if not self.r or not self.s:
            return None
        variance = (
            self.pr / (2 * self.r**2)
            + self.ps_qr / (2 * self.r * self.s)
            + self.qs / (2 * self.s**2)
        )
        log_or, half = math.log(self.r / self.s), Z_95 * math.sqrt(variance)
        return math.exp(log_or - half), math.exp(log_or + half)

    @property
    def p_value(self) -> float | None:
        """The Cochran-Mantel-Haenszel test of no association (chi-square, 1 df, without a
        continuity correction); None when no stratum varies."""
        if not self.variance:
            return None
        chi2 = float((self.episodes_with - self.expected) ** 2 / self.variance)
        return math.erfc(math.sqrt(chi2 / 2))


_SUMMED = [
    "episodes_with",
    "episodes",
    "pain_free_with",
    "pain_free_fortnights",
    "runners",
    "r",
    "s",
    "pr",
    "ps_qr",
    "qs",
    "expected",
    "variance",
]


@dataclass
class SquadCounts:
    """The squad's partial sums: what each runner's episodes and pain-free fortnights add, by
    pattern. Its size does not grow with the runners added, and parts add in any order to the
    same figures."""

    runners: int = 0  # runners with an episode (from --since to the as-of day)
    runners_without_episodes: int = 0
    episodes: int = 0
    pain_free_fortnights: int = 0
    patterns: dict[str, PooledCounts] = field(default_factory=dict)  # by slug, in rule order

    def add(self, patterns: PainPatterns | None) -> None:
        """One runner: their episodes and the counts of each pattern (None: no episode)."""
        if patterns is None:
            self.runners_without_episodes += 1
            return
        self.runners += 1
        self.episodes += len(patterns.onsets)
        self.pain_free_fortnights += patterns.pain_free_fortnights
        for row in patterns.counts.itertuples(index=False):
            pooled = self.patterns.setdefault(row.pattern, PooledCounts(str(row.label)))
            pooled.add(
                int(row.episodes_with),
                int(row.episodes),
                int(row.pain_free_with),
                int(row.pain_free_fortnights),
            )

    def merge(self, other: SquadCounts) -> None:
        """Another part of the squad (another process's runners)."""
        self.runners += other.runners
        self.runners_without_episodes += other.runners_without_episodes
        self.episodes += other.episodes
        self.pain_free_fortnights += other.pain_free_fortnights
        for slug, pooled in other.patterns.items():
            if slug in self.patterns:
                self.patterns[slug].merge(pooled)
            else:
                self.patterns[slug] = PooledCounts(pooled.label)
                self.patterns[slug].merge(pooled)

    @classmethod
    def of(cls, reports: Iterable[PainPatterns | None]) -> SquadCounts:
        counts = cls()
        for report in reports:
            counts.add(report)
        return counts


@dataclass(frozen=True)
class SquadStudy:
    """The squad's table (STUDY_COLUMNS, one row per pattern, the strongest first) and what
    goes with it: the design, the numbers it rests on, and why no odds ratio is given when
    the squad is under the minimum."""

    table: pd.DataFrame
    runners: int
    runners_without_episodes: int
    episodes: int
    pain_free_fortnights: int
    reason: str | None  # under the minimum: why only counts are shown; else None
    min_episodes: int = MIN_EPISODES  # the minimum the odds ratios were given above
    min_runners: int = MIN_RUNNERS
    # every runner's windows (analyzer.patterns.WINDOW_COLUMNS) when the study was made in one
    # process (`analyzer.squad_patterns`); None from partial sums
    windows: pd.DataFrame | None = field(default=None, compare=False, repr=False)

    @property
    def has_odds_ratios(self) -> bool:
        return self.reason is None and bool(self.table["odds_ratio"].notna().any())

    @property
    def tested(self) -> int:
        """The patterns tested at once (those with a test of their own)."""
        return int(self.table["p_value"].notna().sum()) if self.reason is None else 0

    @property
    def design_text(self) -> str:
        """What was compared, in one sentence with its numbers."""
        episodes = count_text(self.episodes, "knee-pain episode")
        runners = count_text(self.runners, "runner")
        fortnights = count_text(self.pain_free_fortnights, "pain-free fortnight")
        return (
            f"Each runner against themself: the 14 days before {episodes} of {runners}, "
            f"against the same runners' {fortnights} ({DESIGN})."
        )

    @property
    def judged_text(self) -> str:
        """Why a pattern's row may count fewer windows than the design names: a rule judges
        only windows with enough of the log before them (its history minimum)."""
        rows = self.table
        fewer = (rows["episodes"] != self.episodes) | (
            rows["pain_free_fortnights"] != self.pain_free_fortnights
        )
        if not fewer.any():
            return ""
        return (
            "A pattern counts only the windows its rule could judge, with enough weeks of the "
            "log before them, so its row may count fewer episodes or fortnights than these."
        )

    @property
    def without_episodes_text(self) -> str:
        """What the runners without an episode add: nothing to a within-runner comparison."""
        count = self.runners_without_episodes
        if not count:
            return ""
        were = (
            "runner without a knee-pain episode adds"
            if count == 1
            else ("runners without a knee-pain episode add")
        )
        return f"{count:,} {were} nothing: each runner is compared only with themself."

    @property
    def caveat(self) -> str:
        """What the figures can and cannot say, with the tests made at once."""
        tested = self.tested
        several = (
            f" {tested} patterns are tested at once, so one 95 % interval in twenty misses by "
            "chance alone: the Holm-adjusted p allows for that."
            if tested > 1
            else ""
        )
        return (
            "An odds ratio above 1 says a pattern came before knee pain more often than in the "
            "same runners' pain-free fortnights: what came together in these logs, not a "
            "probability of injury and not a cause." + several
        )

    def rows(self) -> list[dict[str, object]]:
        return self.table.to_dict("records")


def squad_study(
    counts: SquadCounts, min_episodes: int = MIN_EPISODES, min_runners: int = MIN_RUNNERS
) -> SquadStudy:
    """The study from the squad's sums: an odds ratio, its interval and tests for each pattern
    judged in at least `min_episodes` episodes of `min_runners` runners, in a squad with as
    many; counts only, and why, otherwise."""
    import pandas as pd

    reason = None
    if counts.episodes < min_episodes or counts.runners < min_runners:
        reason = (
            f"{count_text(counts.episodes, 'knee-pain episode')} of "
            f"{count_text(counts.runners, 'runner')}: {minimum_text(min_episodes, min_runners)}."
        )
    rows = []
    for slug, pooled in counts.patterns.items():
        row: dict[str, object] = {
            "pattern": slug,
            "label": pooled.label,
            "episodes_with": pooled.episodes_with,
            "episodes": pooled.episodes,
            "pain_free_with": pooled.pain_free_with,
            "pain_free_fortnights": pooled.pain_free_fortnights,
            "runners": pooled.runners,
            "odds_ratio": math.nan,
            "ci_low": math.nan,
            "ci_high": math.nan,
            "p_value": math.nan,
            "p_holm": math.nan,
            "reason": _row_reason(pooled, min_episodes, min_runners) if reason is None else "",
        }
        if reason is None and not row["reason"]:
            interval = pooled.interval
            if pooled.odds_ratio is not None and interval is not None:
                row.update(odds_ratio=pooled.odds_ratio, ci_low=interval[0], ci_high=interval[1])
            else:
                row["reason"] = _no_ratio_reason(pooled)
            row["p_value"] = math.nan if pooled.p_value is None else pooled.p_value
        rows.append(row)
    table = pd.DataFrame(rows, columns=STUDY_COLUMNS)
    table["p_holm"] = holm(table["p_value"].to_numpy())
    order = table.assign(has_ratio=table["odds_ratio"].notna()).sort_values(
        ["has_ratio", "odds_ratio", "episodes_with", "pattern"],
        ascending=[False, False, False, True],
        kind="stable",
    )
    return SquadStudy(
        table=table.loc[order.index].reset_index(drop=True),
        runners=counts.runners,
        runners_without_episodes=counts.runners_without_episodes,
        episodes=counts.episodes,
        pain_free_fortnights=counts.pain_free_fortnights,
        reason=reason,
        min_episodes=min_episodes,
        min_runners=min_runners,
    )


def minimum_text(min_episodes: int = MIN_EPISODES, min_runners: int = MIN_RUNNERS) -> str:
    """What a squad needs before odds ratios are given, and what it gets until then."""
    return (
        f"a within-runner comparison needs {min_episodes} episodes from {min_runners} runners "
        "or more, so only counts are shown"
    )


def squad_counts(
    log: TrainingLog,
    findings: Iterable[Finding] | None = None,
    profile: Profile | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> SquadCounts:
    """The partial sums of the athletes of `log`: a squad's, or one group's of a cohort (the
    pipeline's per-athlete step sends them back to be merged). Each athlete's episodes from
    `since` to `until` (None: their own last day, which gives the windows of any later as-of
    day) against their pain-free fortnights; `findings` are `run_rules`' on the log."""
    reports = pain_pattern_reports(log, findings, profile, since, until)
    return SquadCounts.of(reports.get(athlete) for athlete in log.athletes)


def study_of_statuses(statuses: Mapping[str, Status]) -> SquadStudy:
    """The study of the athletes whose statuses these are (their pain patterns' counts)."""
    return squad_study(SquadCounts.of(status.pain_patterns for status in statuses.values()))


def holm(p_values) -> list[float]:
    """Holm's step-down adjustment of the p-values given (NaN: not tested, left NaN)."""
    tested = sorted(
        (float(p), index) for index, p in enumerate(p_values) if not math.isnan(float(p))
    )
    adjusted = [math.nan] * len(p_values)
    running = 0.0
    for rank, (p, index) in enumerate(tested):
        running = max(running, min(1.0, (len(tested) - rank) * p))
        adjusted[index] = running
    return adjusted


def _row_reason(pooled: PooledCounts, min_episodes: int, min_runners: int) -> str:
    if pooled.episodes < min_episodes or pooled.runners < min_runners:
        return (
            f"counts only: {count_text(pooled.episodes, 'episode')} of "
            f"{count_text(pooled.runners, 'runner')} could be judged for it (needs {min_episodes} "
            f"of {min_runners})"
        )
    return ""


def _no_ratio_reason(pooled: PooledCounts) -> str:
    if not pooled.episodes_with and not pooled.pain_free_with:
        return "no odds ratio: it never held in these windows"
    if not pooled.r and not pooled.s:
        return "no odds ratio: within each runner, it held in all their windows or in none"
    if not pooled.s:
        return (
            "no odds ratio: no runner had an episode without it and a pain-free fortnight with it"
        )
    return "no odds ratio: no runner had an episode with it and a pain-free fortnight without it"


__all__ = [
    "DESIGN",
    "MIN_EPISODES",
    "MIN_RUNNERS",
    "STUDY_COLUMNS",
    "PooledCounts",
    "SquadCounts",
    "SquadStudy",
    "holm",
    "minimum_text",
    "squad_counts",
    "squad_study",
    "study_of_statuses",
]
