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


def test_the_streak_finding_quotes_the_streak_as_it_stood_on_its_day():
    (finding,) = rule.check(daily_runs(*[5] * 10), rule.Thresholds())
    assert (finding.period_start, finding.period_end) == (day(0), day(6))
    assert finding.evidence == {
        "days_in_row": 7,  # the 3 days after it are its future
        "distance_km": 35.0,
        "monotony": None,  # the same 5 km every day: no spread at all
        "week_vs_base_ratio": None,  # no weeks before the streak
    }
    assert len(finding.activity_ids) == 7  # the runs up to the day it was told
    assert finding.message.startswith(
        "Sun 11 Jan: your 7th running day in a row, since Mon 5 Jan (35.0 km in all)."
    )


VARIED_WEEK_KM = [4, 10, 4, 16, 4, 8, 20]  # Foster's monotony: mean 9.4 / SD 6.4 = 1.47


def base_weeks(weekly_km: float) -> list[dict]:
    """Four weeks of three runs (Tuesday, Thursday, Saturday) before the streak."""
    return [
        run(day(7 * week + weekday), weekly_km / 3) for week in range(4) for weekday in (1, 3, 5)
    ]


def streak_after_base(base_weekly_km: float) -> list[dict]:
    return [
        *base_weeks(base_weekly_km),
        *[run(day(28 + i), km) for i, km in enumerate(VARIED_WEEK_KM)],
    ]


def test_a_varied_streak_on_a_steady_base_is_for_information():
    (finding,) = rule.check(make_log(streak_after_base(60)), DEFAULTS)
    assert (finding.severity, finding.date) == ("info", day(34))
    assert finding.evidence["monotony"] == 1.47
    # 66 km against 240 km over the 27 days the log holds before the streak: 62.2 a week
    assert finding.evidence["week_vs_base_ratio"] == 1.06


def test_a_varied_streak_that_is_a_spike_is_a_warning():
    (finding,) = rule.check(make_log(streak_after_base(45)), DEFAULTS)
    assert (finding.severity, finding.evidence["week_vs_base_ratio"]) == ("warning", 1.41)
    assert "These 7 days came to 141% of your usual week." in finding.message


def test_a_base_shorter_than_4_weeks_is_not_compared():
    rows = [run(day(24), 25), *[run(day(28 + i), km) for i, km in enumerate(VARIED_WEEK_KM)]]
    (finding,) = rule.check(make_log(rows), DEFAULTS)
    assert (finding.severity, finding.evidence["week_vs_base_ratio"]) == ("info", None)


def test_a_monotonous_streak_is_a_warning_and_says_why():
    rows = [*base_weeks(60), *[run(day(28 + offset), 9) for offset in range(7)]]  # 63 km
    (finding,) = rule.check(make_log(rows), DEFAULTS)
    assert (finding.severity, finding.evidence["week_vs_base_ratio"]) == ("warning", 1.01)
    assert "You ran the same distance every day, with no easy day among them." in finding.message


def test_a_streak_whose_days_barely_vary_says_how_much():
    rows = [
        *base_weeks(60),
        *[run(day(28 + i), km) for i, km in enumerate([8, 9, 8, 10, 8, 9, 12])],
    ]
    (finding,) = rule.check(make_log(rows), DEFAULTS)
    assert finding.severity == "warning"
    assert "Your daily distances barely varied (monotony 6.2, over 2), so there" in finding.message


def test_the_monotony_threshold_is_a_profile_setting():
    log = make_log(streak_after_base(60))
    assert rule_findings(log, {"high_monotony_ratio": 1.4}) == [("warning", day(34))]


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
