"""missing-rest-days: too many running days in a row, or a week without a rest day."""

import datetime as dt

import pytest

from analyzer.checkers import missing_rest_days as rule
from analyzer.checkers import run_rules
from analyzer.profile import Profile, profile_from_dict
from tests.builders import FIRST_MONDAY, daily_runs, make_log, run, steady_log

DEFAULTS = rule.Thresholds()
SLUG = "missing-rest-days"


def day(offset: int) -> dt.date:
    """The log's first Monday plus `offset` days."""
    return FIRST_MONDAY + dt.timedelta(days=offset)


def found(log, limits=DEFAULTS):
    return [(finding.severity, finding.date) for finding in rule.check(log, limits)]


def rule_findings(log, settings: dict) -> list[tuple[str, dt.date]]:
    findings = run_rules(log, profile_from_dict({"rules": {SLUG: settings}}))
    return [(item.severity, item.date) for item in findings if item.rule == SLUG]


@pytest.mark.parametrize(
    ("distances_km", "expected"),
    [
        pytest.param([5] * 6, [], id="6 running days in a row: quiet"),
        pytest.param([5] * 7, [("warning", day(6))], id="7 in a row: warning on the 7th"),
        pytest.param([5] * 12, [("warning", day(6))], id="12 in a row: one finding"),
        pytest.param([5, 5, 5, 0] * 5, [], id="a rest day every fourth day: quiet"),
        pytest.param(
            [5] * 8 + [0] + [5] * 9,
            [("warning", day(6)), ("warning", day(15))],
            id="two streaks: two findings",
        ),
        pytest.param([0, 5, 5, 5, 5, 5, 0], [], id="the first week of a log: quiet"),
    ],
)
def test_missing_rest_days(distances_km, expected):
    assert found(daily_runs(*distances_km)) == expected


def test_the_streak_finding_tells_how_long_it_went_on():
    (finding,) = rule.check(daily_runs(*[5] * 10), rule.Thresholds())
    assert (finding.period_start, finding.period_end) == (day(0), day(9))
    assert finding.evidence == {"days_in_row": 10, "distance_km": 50.0}
    assert len(finding.activity_ids) == 7  # the runs up to the day it was told
    assert finding.message.startswith(
        "Sun 11 Jan: your 7th running day in a row, since Mon 5 Jan; the streak went on to "
        "10 days (50.0 km in all)."
    )


def test_two_runs_on_one_day_are_one_running_day():
    log = daily_runs(*[5] * 6)
    log = make_log([*log.activities.to_dict("records"), run(day(3), 4, hour=18)])
    assert found(log) == []
    log = make_log([*log.activities.to_dict("records"), run(day(6), 4)])
    (finding,) = rule.check(log, rule.Thresholds())
    assert finding.date == day(6)
    assert len(finding.activity_ids) == 8
    assert finding.evidence["distance_km"] == 38.0


def test_a_walk_or_a_ride_on_a_rest_day_keeps_it_a_rest_day():
    rows = [run(day(offset), 5) for offset in (0, 1, 2, 4, 5, 6)]
    rows += [run(day(3), 6, sport="walking"), run(day(3), 30, sport="cycling", hour=17)]
    assert found(make_log(rows)) == []


def test_a_run_just_after_midnight_is_on_its_local_day():
    # Monday to Saturday at 07:00, then Monday 00:00 in Copenhagen (23:00 UTC on Sunday):
    # by UTC days Sunday would be a running day and the streak would reach 7
    rows = [run(day(offset), 5) for offset in range(6)] + [run(day(7), 5, hour=0)]
    assert rows[-1]["start_time_utc"].date() == day(6)
    assert found(make_log(rows)) == []
    assert found(make_log([*rows, run(day(6), 5)])) == [("warning", day(6))]


def test_sydney_mornings_are_counted_on_their_local_days():
    log = daily_runs(*[5] * 7, timezone="Australia/Sydney", hour=6)
    assert log.activities["start_time_utc"].iloc[-1].date() == day(5)
    assert found(log) == [("warning", day(6))]


def test_a_week_without_rest_is_noted_when_no_streak_finding_covers_it():
    log = daily_runs(*[5] * 8)  # Monday to the next Monday: 8 days in a row
    assert rule_findings(log, {}) == [("warning", day(6))]
    assert rule_findings(log, {"max_running_days_in_row": 9}) == [("info", day(6))]
    (finding,) = rule.check(log, rule.Thresholds(max_running_days_in_row=9))
    assert finding.message.startswith(
        "Sun 11 Jan: your week of Mon 5 Jan had no rest day (7 running days, 35.0 km)."
    )


def test_a_profile_can_ask_for_two_rest_days_a_week():
    log = daily_runs(5, 5, 5, 0, 5, 5, 5, 0, 5, 5, 0, 5, 5, 0)  # 6 running days, then 5
    settings = {"min_weekly_rest_days": 2}
    assert rule_findings(log, settings) == [("info", day(6))]  # the 6th running day
    (finding,) = rule.check(log, rule.Thresholds(min_weekly_rest_days=2))
    assert "only 1 rest day" in finding.message
    assert "Plan at least 2 rest days a week." in finding.message


def test_a_profile_can_allow_longer_streaks():
    log = daily_runs(*[5] * 7, 0, *[5] * 6)
    assert rule_findings(log, {}) == [("warning", day(6))]
    # 7 days in a row are allowed now; the Monday-Sunday week without rest is still noted
    assert rule_findings(log, {"max_running_days_in_row": 7}) == [("info", day(6))]
    assert rule_findings(log, {"max_running_days_in_row": 7, "min_weekly_rest_days": 0}) == []


def test_enabled_false_silences_the_rule():
    assert rule_findings(daily_runs(*[5] * 10), {"enabled": False}) == []


def test_the_steady_log_draws_no_finding():
    assert rule.check(steady_log(), rule.Thresholds()) == []


def test_distances_are_given_in_miles_for_a_runner_who_uses_miles():
    rows = [run(day(offset), 8.04672) for offset in range(7)]
    (finding,) = rule.check(make_log(rows, profile=Profile(units="miles")), rule.Thresholds())
    assert "(35.0 mi in all)" in finding.message
