"""analyzer.check, the notebook API: a profile as a path or an object, since and until."""

from __future__ import annotations

import datetime as dt

import pytest

import analyzer
from analyzer.checkers import FINDING_COLUMNS
from analyzer.profile import Profile, load_profile
from tests.builders import TIMEZONE, weekly_runs

# Ten-kilometre Sundays, with a 24 km run in week 7 and a 25 km run in week 12.
DISTANCES_KM = (10, 10, 10, 10, 10, 10, 24, 10, 10, 10, 10, 25)


@pytest.fixture
def log():
    return weekly_runs(*DISTANCES_KM)


def spike_dates(findings) -> list[dt.date]:
    return sorted(findings.loc[findings["rule"] == "long-run-spike", "date"])


def test_the_findings_are_a_table_with_the_design_columns(log):
    findings = analyzer.check(log)
    assert list(findings.columns) == FINDING_COLUMNS
    assert set(findings["athlete"]) == {"ana"}
    # Both long runs are spikes, each on its own Sunday.
    assert spike_dates(findings) == [dt.date(2026, 2, 22), dt.date(2026, 3, 29)]


def test_a_profile_path_is_read_and_turns_a_rule_off(log, tmp_path):
    path = tmp_path / "runlog.toml"
    path.write_text(
        f'timezone = "{TIMEZONE}"\n\n[rules.long-run-spike]\nenabled = false\n', encoding="utf-8"
    )
    for profile in (path, str(path), load_profile(path)):
        findings = analyzer.check(log, profile=profile)
        assert spike_dates(findings) == []
        assert "weekly-mileage-jump" in set(findings["rule"])


def test_a_profile_object_sets_a_threshold(log):
    # Runs shorter than min_distance_km are not judged: at 30 km neither long run is.
    default = analyzer.check(log, profile=Profile(timezone=TIMEZONE))
    lenient = analyzer.check(
        log,
        profile=Profile(timezone=TIMEZONE, rules={"long-run-spike": {"min_distance_km": 30.0}}),
    )
    assert spike_dates(default) == [dt.date(2026, 2, 22), dt.date(2026, 3, 29)]
    assert spike_dates(lenient) == []


def test_since_and_until_keep_the_findings_dated_between_them(log):
    everything = analyzer.check(log)
    late = analyzer.check(log, since=dt.date(2026, 3, 1))
    early = analyzer.check(log, until=dt.date(2026, 3, 1))
    assert spike_dates(late) == [dt.date(2026, 3, 29)]
    assert spike_dates(early) == [dt.date(2026, 2, 22)]
    assert all(late["date"] >= dt.date(2026, 3, 1))
    assert all(early["date"] <= dt.date(2026, 3, 1))
    # The rules still read the weeks before `since` as history: a finding kept is the same.
    assert len(late) + len(early) == len(everything)
    window = analyzer.check(log, since=dt.date(2026, 2, 22), until=dt.date(2026, 2, 22))
    assert set(window["date"]) == {dt.date(2026, 2, 22)}


def test_an_empty_log_has_no_findings_but_the_columns():
    findings = analyzer.check(weekly_runs())
    assert findings.empty
    assert list(findings.columns) == FINDING_COLUMNS
