"""long-run-spike: a run longer than the longest of the 30 local days before it."""

import datetime as dt

import pytest

from analyzer.checkers import long_run_spike as rule
from analyzer.checkers import run_rules
from analyzer.profile import Profile, profile_from_dict
from tests.builders import FIRST_MONDAY, make_log, run, steady_log, weekly_runs

DEFAULTS = rule.Thresholds()
SLUG = "long-run-spike"
FIRST_SUNDAY = FIRST_MONDAY + dt.timedelta(days=6)


def sunday(week: int) -> dt.date:
    return FIRST_SUNDAY + dt.timedelta(weeks=week)


def found(log, limits=DEFAULTS):
    return [(finding.severity, finding.date) for finding in rule.check(log, limits)]


@pytest.mark.parametrize(
    ("distances_km", "expected"),
    [
        pytest.param([10, 10, 10, 10, 10, 10.9], [], id="9% longer: quiet"),
        pytest.param([10, 10, 10, 10, 10, 11.0], [], id="exactly 10% longer: quiet"),
        pytest.param(
            [10, 10, 10, 10, 10, 11.5], [("warning", sunday(5))], id="15% longer: warning"
        ),
        pytest.param(
            [10, 10, 10, 10, 10, 13.0], [("warning", sunday(5))], id="30% longer: warning"
        ),
        pytest.param([10, 10, 10, 10, 10, 14.0], [("high", sunday(5))], id="40% longer: high"),
        pytest.param([10, 10, 10, 10, 10, 21.0], [("high", sunday(5))], id="doubled: high"),
        pytest.param([10, 21.0], [], id="under 30 days of history: quiet"),
        pytest.param(
            [21, 10, 10, 10, 10, 11.5], [("warning", sunday(5))], id="35 days back is outside"
        ),
        pytest.param([10, 10, 10, 10, 21, 11.5], [], id="a longer run 7 days back: quiet"),
        pytest.param([2, 2, 2, 2, 2, 2.8], [], id="runs under 3 km are not judged"),
        pytest.param(
            [10, 10, 10, 10, 10, 12, 14, 16],
            [("warning", sunday(5)), ("warning", sunday(6)), ("warning", sunday(7))],
            id="each step counts on its own",
        ),
    ],
)
def test_long_run_spike(distances_km, expected):
    assert found(weekly_runs(*distances_km)) == expected


def test_more_than_double_is_said_in_words():
    (finding,) = rule.check(weekly_runs(10, 10, 10, 10, 10, 21.0), rule.Thresholds())
    assert finding.message.startswith("Sun 15 Feb: 21.0 km, more than double your longest run")
    assert "2.28 times" in finding.message
    assert finding.evidence == {"distance_km": 21.0, "longest_prev_30d_km": 10.0, "ratio": 2.1}


def test_the_message_gives_the_study_band_of_the_run():
    (finding,) = rule.check(weekly_runs(10, 10, 10, 10, 10, 11.5), rule.Thresholds())
    assert "15% longer than your longest run of the previous 30 days (10.0 km)" in finding.message
    assert "1.64 times" in finding.message


def test_a_run_with_nothing_in_the_30_days_before_it_stays_quiet():
    rows = [run(sunday(week), 10) for week in range(4)] + [run(sunday(9), 21)]
    assert found(make_log(rows)) == []


def test_each_run_of_a_day_is_judged_on_its_own_not_the_days_sum():
    rows = [run(sunday(week), 10) for week in range(5)]
    rows += [run(sunday(5), 8, hour=7), run(sunday(5), 8, hour=18)]  # 16 km in the day
    assert found(make_log(rows)) == []


def test_an_earlier_run_the_same_day_is_not_the_previous_longest():
    rows = [run(sunday(week), 10) for week in range(5)]
    rows += [run(sunday(5), 15, hour=7), run(sunday(5), 15, hour=18)]
    findings = rule.check(make_log(rows), rule.Thresholds())
    assert [(item.severity, item.evidence["longest_prev_30d_km"]) for item in findings] == [
        ("high", 10.0),
        ("high", 10.0),
    ]
    assert findings[0].activity_ids != findings[1].activity_ids


def test_walks_and_rides_neither_count_as_longest_nor_get_flagged():
    rows = [run(sunday(week), 10) for week in range(6)]
    rows += [run(sunday(4) - dt.timedelta(days=1), 25, sport="walking")]
    rows += [run(sunday(5) - dt.timedelta(days=1), 60, sport="cycling")]
    rows += [run(sunday(6), 12)]
    assert found(make_log(rows)) == [("warning", sunday(6))]


def test_history_counts_local_days_not_utc_days():
    # the run at 00:00 in Copenhagen is 23:00 UTC the day before: 30 local days, 29 UTC days
    rows = [run(FIRST_MONDAY, 10), run(FIRST_MONDAY + dt.timedelta(days=30), 12, hour=0)]
    assert rows[1]["start_time_utc"].date() == FIRST_MONDAY + dt.timedelta(days=29)
    assert found(make_log(rows)) == [("warning", FIRST_MONDAY + dt.timedelta(days=30))]


@pytest.mark.parametrize(
    ("days_back", "expected"),
    [
        pytest.param(30, [], id="a longer run 30 local days back, 30.6 days in hours: inside"),
        pytest.param(31, [("warning", FIRST_MONDAY + dt.timedelta(days=40))], id="31 days: out"),
    ],
)
def test_the_window_counts_back_local_days_in_sydney(days_back, expected):
    last_day = FIRST_MONDAY + dt.timedelta(days=40)
    sydney = {"timezone": "Australia/Sydney"}
    rows = [
        run(last_day - dt.timedelta(days=40), 10, hour=6, **sydney),
        run(last_day - dt.timedelta(days=days_back), 20, hour=6, **sydney),
        run(last_day - dt.timedelta(days=20), 10, hour=6, **sydney),
        run(last_day, 12, hour=20, **sydney),
    ]
    assert found(make_log(rows)) == expected


def test_the_steady_log_draws_no_finding():
    assert rule.check(steady_log(), rule.Thresholds()) == []


def test_a_profile_can_raise_the_warning_limit():
    profile = profile_from_dict({"rules": {SLUG: {"warning_ratio": 1.2}}})
    log = weekly_runs(10, 10, 10, 10, 10, 11.5, 12.5)  # 15 % then 9 % longer
    assert [item for item in run_rules(log, profile) if item.rule == SLUG] == []
    assert len(found(log)) == 1


def test_enabled_false_silences_the_rule():
    profile = profile_from_dict({"rules": {SLUG: {"enabled": False}}})
    log = weekly_runs(10, 10, 10, 10, 10, 21.0)
    assert [item for item in run_rules(log, profile) if item.rule == SLUG] == []


def test_distances_are_given_in_miles_for_a_runner_who_uses_miles():
    rows = [run(sunday(week), km) for week, km in enumerate((10, 10, 10, 10, 10, 16.0934))]
    log = make_log(rows, profile=Profile(units="miles"))
    (finding,) = rule.check(log, rule.Thresholds())
    assert finding.message.startswith("Sun 15 Feb: 10.0 mi, 61% longer")
    assert "(6.2 mi)" in finding.message


def test_runs_without_a_distance_are_nobodys_longest():
    rows = [run(sunday(0), 10), run(sunday(4), 0), run(sunday(5), 12)]
    rows.append(run(sunday(6), 8, distance_m=float("nan")))
    assert found(make_log(rows)) == []
