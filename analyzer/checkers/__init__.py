"""The rule registry: every module in this package that defines RULE is a rule.

Adding a rule is adding a file named after its slug (long_run_spike.py for long-run-spike).
`run_rules` runs each enabled rule on each athlete's log with that athlete's thresholds.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import pkgutil

import pandas as pd

from analyzer.checkers.rule import SEVERITIES, Finding, Rule
from analyzer.log import TrainingLog
from analyzer.profile import Profile


def _discover() -> list[Rule]:
    rules = []
    for module_info in pkgutil.iter_modules(__path__):
        if module_info.name.startswith("_") or module_info.name == "rule":
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        rule = getattr(module, "RULE", None)
        if isinstance(rule, Rule):
            rules.append(rule)
    return sorted(rules, key=lambda rule: rule.code)


RULES: list[Rule] = _discover()

FINDING_COLUMNS = [item.name for item in dataclasses.fields(Finding)]


def rule_by_slug(slug: str) -> Rule:
    """The rule with this slug."""
    for rule in RULES:
        if rule.slug == slug:
            return rule
    raise KeyError(slug)


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
        athlete_profile = profile or log.profile_for(athlete)
        if profile is not None:  # the rules read units and settings from the athlete's log
            athlete_log.profiles = {athlete: profile}
        athlete_findings: list[Finding] = []
        for rule in RULES:
            if not athlete_profile.is_enabled(rule.slug):
                continue
            limits = athlete_profile.thresholds_for(rule)
            athlete_findings += _one_per_day(rule.check(athlete_log, limits))
        findings += _with_related(athlete_findings)
    if since is not None:
        findings = [finding for finding in findings if finding.date >= since]
    if until is not None:
        findings = [finding for finding in findings if finding.date <= until]
    return sorted(findings, key=lambda item: (item.athlete, item.date, -item.severity_rank))


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


def findings_table(findings: list[Finding]) -> pd.DataFrame:
    """The findings as a DataFrame with DESIGN.md's columns (related as lists of findings)."""
    rows = [{name: getattr(finding, name) for name in FINDING_COLUMNS} for finding in findings]
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


__all__ = ["RULES", "SEVERITIES", "Finding", "Rule", "findings_table", "rule_by_slug", "run_rules"]
