"""The rule registry: RULES names every rule, in code order.

Adding a rule is adding a file named after its slug (long_run_spike.py for long-run-spike)
and its line in RULES. `run_rules` runs each enabled rule on each athlete's log with that
athlete's thresholds; the profile's `[rules.*]` settings are checked here, by the rules.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from analyzer.checkers import (
    acute_chronic_ratio,
    downhill_load_jump,
    knee_pain_note,
    long_run_spike,
    low_cadence,
    missing_rest_days,
    monotonous_surface,
    pace_jump,
    persistent_knee_pain,
    running_through_pain,
    shoe_overdue,
    weekly_mileage_jump,
)
from analyzer.checkers.rule import SEVERITIES, AsOf, Finding, Rule
from analyzer.errors import ProfileError
from analyzer.log import TrainingLog
from analyzer.profile import Profile

RULES: tuple[Rule, ...] = (
    weekly_mileage_jump.RULE,  # RL101
    acute_chronic_ratio.RULE,  # RL102
    long_run_spike.RULE,  # RL103
    pace_jump.RULE,  # RL104
    downhill_load_jump.RULE,  # RL105
    low_cadence.RULE,  # RL201
    missing_rest_days.RULE,  # RL301
    monotonous_surface.RULE,  # RL401
    shoe_overdue.RULE,  # RL402
    knee_pain_note.RULE,  # RL501
    persistent_knee_pain.RULE,  # RL502
    running_through_pain.RULE,  # RL503
)

# The findings table's columns (docs/DESIGN.md#the-tables; the datasets' schema): the headline
# is the reports' few words, said again by the message, so the stored tables keep their shape
FINDING_COLUMNS = [item.name for item in dataclasses.fields(Finding) if item.name != "headline"]


def rule_by_slug(slug: str) -> Rule:
    """The rule with this slug."""
    for rule in RULES:
        if rule.slug == slug:
            return rule
    raise KeyError(slug)


def check_rule_settings(profile: Profile) -> Profile:
    """The profile itself, once every `[rules.<slug>]` names a rule and holds only settings
    of that rule, of the right kind; else a ProfileError naming the file and the key."""
    name = _profile_name(profile)
    by_slug = {rule.slug: rule for rule in RULES}
    for slug, settings in profile.rules.items():
        rule = by_slug.get(slug)
        if rule is None:
            raise ProfileError(
                f"{name}: [rules.{slug}] is not a rule runlog knows; "
                f"the rules are {', '.join(sorted(by_slug))}"
            )
        rule.thresholds_from(settings, name, profile.units)
    return profile


def thresholds_for(profile: Profile, rule: Rule) -> Any:
    """The rule's Thresholds with the profile's settings laid over the defaults."""
    settings = profile.rules.get(rule.slug, {})
    return rule.thresholds_from(settings, _profile_name(profile), profile.units)


def _profile_name(profile: Profile) -> str:
    return Path(profile.path).name if profile.path else "profile"


def run_rules(
    log: TrainingLog,
    profile: Profile | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[Finding]:
    """Every finding of every enabled rule, per athlete, by date then severity.

    `profile` overrides the profiles found beside the data. Rules see the whole log (a rule
    needs the weeks before `since` as history); `since` and `until` keep the findings dated
    within them. A rule says one thing per athlete and day: the most severe of its findings
    that day, the others in its evidence (`also`). Findings of a rule with
    `related_window_days` list the other findings of the same athlete dated in the days
    before them.
    """
    findings: list[Finding] = []
    for athlete, athlete_log in log.by_athlete():
        athlete_profile = check_rule_settings(profile or log.profile_for(athlete))
        if profile is not None:  # the rules read units and settings from the athlete's log
            athlete_log.profiles = {athlete: profile}
        athlete_findings: list[Finding] = []
        for rule in RULES:
            if not athlete_profile.is_enabled(rule.slug):
                continue
            limits = thresholds_for(athlete_profile, rule)
            athlete_findings += _one_per_day(rule.check(athlete_log, limits))
        findings += _with_related(athlete_findings)
    findings = findings_within(findings, since, until)
    return sorted(findings, key=lambda item: (item.athlete, item.date, -item.severity_rank))


def findings_within(
    findings: list[Finding], since: dt.date | None, until: dt.date | None
) -> list[Finding]:
    """The findings dated from `since` to `until` (either may be open), in their order."""
    return [
        finding
        for finding in findings
        if (since is None or finding.date >= since) and (until is None or finding.date <= until)
    ]


def _one_per_day(findings: list[Finding]) -> list[Finding]:
    """One finding per day of a rule's findings for one athlete: the most severe (the first
    of equals), with the others of its day in its evidence under `also`."""
    by_day: dict[dt.date, list[Finding]] = {}
    for finding in findings:
        by_day.setdefault(finding.date, []).append(finding)
    kept = []
    for same_day in by_day.values():
        if len(same_day) == 1:
            kept.append(same_day[0])
            continue
        first = max(same_day, key=lambda finding: finding.severity_rank)  # first of the most
        others = [
            {"severity": other.severity, "message": other.message, **other.evidence}
            for other in same_day
            if other is not first
        ]
        kept.append(dataclasses.replace(first, evidence={**first.evidence, "also": others}))
    return kept


def _with_related(findings: list[Finding]) -> list[Finding]:
    rules = {rule.slug: rule for rule in RULES}
    collecting = {slug for slug, rule in rules.items() if rule.related_window_days is not None}
    plain = [finding for finding in findings if finding.rule not in collecting]
    result = list(plain)
    for finding in findings:
        if finding.rule not in collecting:
            continue
        window_days = rules[finding.rule].related_window_days or 0
        first_day = finding.date - dt.timedelta(days=window_days)
        related = tuple(
            sorted(
                (other for other in plain if first_day <= other.date <= finding.date),
                key=lambda other: (other.date, -other.severity_rank),
            )
        )
        result.append(dataclasses.replace(finding, related=related))
    return result


def rules_as_of(
    log: TrainingLog,
    athlete: str,
    as_of: dt.date,
    findings: Sequence[Finding] = (),
    profile: Profile | None = None,
) -> list[tuple[Rule, AsOf]]:
    """Each rule the athlete's profile leaves on, with the athlete's log as of `as_of`: the
    activities and notes on or before it, the rule's thresholds, its findings of the athlete
    up to that day, and its measure of that log (computed once, when a facet first reads
    it). The as-of facets (today, advice, not_judged, pattern, chart_marks) read these."""
    profile = check_rule_settings(profile or log.profile_for(athlete))
    so_far = _log_up_to(log.for_athlete(athlete), as_of, athlete, profile)
    own = sorted(
        (finding for finding in findings if finding.athlete == athlete and finding.date <= as_of),
        key=lambda finding: (finding.date, finding.severity_rank),
    )
    days = []
    for rule in RULES:
        if not profile.is_enabled(rule.slug):
            continue
        limits = thresholds_for(profile, rule)
        day = AsOf(
            athlete=athlete,
            as_of=as_of,
            log=so_far,
            limits=limits,
            rule=rule,
            findings=tuple(finding for finding in own if finding.rule == rule.slug),
        )
        days.append((rule, day))
    return days


def _log_up_to(log: TrainingLog, as_of: dt.date, athlete: str, profile: Profile) -> TrainingLog:
    """The log's activities and notes dated on or before `as_of`, under `profile`."""
    dates = log.activities["local_date"]
    note_dates = log.notes["local_date"]
    return dataclasses.replace(
        log,
        activities=log.activities[dates.notna() & (dates <= as_of)],
        notes=log.notes[note_dates.notna() & (note_dates <= as_of)],
        profiles={athlete: profile},
    )


def findings_table(findings: list[Finding]) -> pd.DataFrame:
    """The findings as a DataFrame (docs/DESIGN.md#the-tables; related as lists of findings)."""
    rows = [{name: getattr(finding, name) for name in FINDING_COLUMNS} for finding in findings]
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


__all__ = [
    "RULES",
    "SEVERITIES",
    "Finding",
    "Rule",
    "check_rule_settings",
    "findings_table",
    "findings_within",
    "rule_by_slug",
    "rules_as_of",
    "run_rules",
    "thresholds_for",
]
