"""acute-chronic-ratio: the last 7 days' distance against the last 28, one finding per episode."""

import datetime as dt

import pytest

from analyzer.checkers import acute_chronic_ratio as rule
from analyzer.checkers import run_rules
from analyzer.profile import profile_from_dict
from tests.builders import FIRST_MONDAY, daily_runs, make_log, run, steady_log

DEFAULTS = rule.Thresholds()
SLUG = "acute-chronic-ratio"
STEADY = [5, 5, 0, 5, 5, 0, 10]  # 30 km a week on five days
DOUBLE = [10, 10, 0, 10, 10, 0, 20]  # 60 km


def on(week: int, weekday: int) -> dt.date:
    """The day `weekday` (0 = Monday) of week `week` (0 = the log's first week)."""
    return FIRST_MONDAY + dt.timedelta(weeks=week, days=weekday)


def weeks_log(*weeks: list[float], **fields):
    """One run a day as the weeks say (0 = rest day)."""
    return daily_runs(*[km for week in weeks for km in week], **fields)


def found(log, limits=DEFAULTS):
    return [(finding.severity, finding.date) for finding in rule.check(log, limits)]


@pytest.mark.parametrize(
    ("weeks", "expected"),
    [
        pytest.param([STEADY] * 10, [], id="ten steady weeks: quiet"),
        pytest.param(
            [[0, 5, 0, 5, 0, 5, 20]] * 10, [], id="a steady plan with a long Sunday run: quiet"
        ),
        pytest.param(
            [STEADY] * 5 + [DOUBLE] + [STEADY] * 3,
            [("warning", on(5, 6))],
            id="a doubled week: one warning",
        ),
        pytest.param(
            [STEADY] * 5 + [[6, 6, 0, 6, 6, 0, 12]] + [STEADY] * 3, [], id="a week 20 % up: quiet"
        ),
        pytest.param(
            [STEADY] * 3 + [DOUBLE], [], id="a doubled fourth week, under 28 days in: quiet"
        ),
        pytest.param(
            [[1, 0, 1, 0, 1, 0, 0]] * 5 + [[2, 0, 2, 0, 2, 0, 0]],
            [],
            id="under 10 km a week: quiet",
        ),
        pytest.param(
            [STEADY] * 5 + [DOUBLE] + [STEADY] * 6 + [DOUBLE] + [STEADY],
            [("warning", on(5, 6)), ("warning", on(12, 6))],
            id="two separate spikes: two findings",
        ),
    ],
)
def test_acute_chronic_ratio(weeks, expected):
    assert found(weeks_log(*weeks)) == expected


def test_one_finding_covers_the_whole_episode():
    (finding,) = rule.check(weeks_log(*[STEADY] * 5, DOUBLE, *[STEADY] * 3), rule.Thresholds())
    # up from Thursday (45 / 33.75 km = 1.33) to Sunday (60 / 37.5 = 1.6), then under 1.3
    # from the next Thursday on (45 / 36.25 = 1.24): told on the Sunday, it says no more
    assert finding.evidence["episode_start"] == on(5, 3).isoformat()
    assert finding.period_end == on(5, 6)
    assert finding.evidence["episode_days"] == 4
    assert finding.evidence["ratio"] == 1.6
    assert finding.evidence["peak_ratio"] == 1.6
    assert finding.evidence["acute_weekly_km"] == 60.0
    assert finding.evidence["chronic_weekly_km"] == 37.5
    assert len(finding.activity_ids) == 5  # the runs of the last 7 days


def test_the_message_and_title_say_the_evidence_is_contested():
    (finding,) = rule.check(weeks_log(*[STEADY] * 5, DOUBLE), rule.Thresholds())
    assert "contested" in finding.message
    assert "contested" in rule.RULE.title
    assert finding.message.startswith("Sun 15 Feb: 60.0 km a week over the last 7 days")


def test_it_is_never_more_than_a_warning():
    findings = rule.check(weeks_log(*[STEADY] * 5, [30, 30, 0, 30, 30, 0, 60]), rule.Thresholds())
    assert [finding.severity for finding in findings] == ["warning"]


def test_walks_and_rides_do_not_count_as_running():
    rows = [
        run(on(5, weekday), 15, sport=sport)
        for weekday, sport in ((1, "walking"), (2, "cycling"), (5, "hiking"))
    ]
    log = weeks_log(*[STEADY] * 8)
    log = make_log(log.activities.to_dict("records") + rows)
    assert found(log) == []


def test_two_runs_on_one_day_both_count():
    log = weeks_log(*[STEADY] * 8)
    log = make_log([*log.activities.to_dict("records"), run(on(5, 6), 20, hour=18)])
    (finding,) = rule.check(log, rule.Thresholds())
    assert (finding.severity, finding.date) == ("info", on(5, 6))  # 50 km / 35 km a week
    assert finding.evidence["acute_weekly_km"] == 50.0
    assert len(finding.activity_ids) == 6


def test_days_are_the_runners_local_days_in_sydney():
    log = weeks_log(*[STEADY] * 5, DOUBLE, timezone="Australia/Sydney", hour=6)
    sunday = log.activities[log.activities["local_date"] == on(5, 6)]
    assert sunday["start_time_utc"].iloc[0].date() == on(5, 5)  # Saturday evening in UTC
    assert found(log) == [("warning", on(5, 6))]


def test_the_steady_log_draws_no_finding():
    assert rule.check(steady_log(), rule.Thresholds()) == []


def test_a_profile_can_move_the_warning_level():
    profile = profile_from_dict({"rules": {SLUG: {"warning_ratio": 1.7}}})
    log = weeks_log(*[STEADY] * 5, DOUBLE, *[STEADY] * 3)
    findings = [item for item in run_rules(log, profile) if item.rule == SLUG]
    # at info level the episode is told on its first day, the Thursday
    assert [(item.severity, item.date) for item in findings] == [("info", on(5, 3))]


def test_enabled_false_silences_the_rule():
    profile = profile_from_dict({"rules": {SLUG: {"enabled": False}}})
    log = weeks_log(*[STEADY] * 5, DOUBLE, *[STEADY] * 3)
    assert [item for item in run_rules(log, profile) if item.rule == SLUG] == []


def test_a_return_to_the_usual_week_after_a_taper_is_information_at_most():
    taper = [[3, 3, 0, 3, 3, 0, 6], [1, 1, 0, 1, 1, 0, 5]]  # 18 km, then 10 km
    (finding,) = rule.check(weeks_log(*[STEADY] * 5, *taper, STEADY), DEFAULTS)
    assert finding.severity == "info"
    assert finding.evidence["is_return"] is True
    assert (
        "back to your usual 30.0 km a week (the most you reached in 2 of the last "
        "12 weeks) after lighter ones, not a jump" in finding.message
    )


def test_a_doubled_week_after_a_taper_is_still_a_warning():
    taper = [[3, 3, 0, 3, 3, 0, 6], [1, 1, 0, 1, 1, 0, 5]]
    (finding,) = rule.check(weeks_log(*[STEADY] * 5, *taper, DOUBLE), DEFAULTS)
    assert finding.severity == "warning"
    assert finding.evidence["is_return"] is False


def test_the_finding_cites_no_day_after_its_own():
    log = weeks_log(*[STEADY] * 5, DOUBLE, *[STEADY] * 3)
    dates = dict(zip(log.activities["activity_id"], log.activities["local_date"], strict=True))
    for finding in rule.check(log, DEFAULTS):
        assert finding.period_end <= finding.date
        assert all(dates[item] <= finding.date for item in finding.activity_ids)
