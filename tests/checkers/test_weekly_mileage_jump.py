"""weekly-mileage-jump: a week's distance against your usual level and last week, and the
climbs of a build, in the runner's own weeks (the plan logs are in tests/checkers/test_plans.py)."""

import datetime as dt

import pytest

from analyzer.checkers import run_rules
from analyzer.checkers import weekly_mileage_jump as rule
from analyzer.profile import Profile, profile_from_dict
from tests.builders import FIRST_MONDAY, make_log, run, steady_log

DEFAULTS = rule.Thresholds()
SLUG = "weekly-mileage-jump"


def on(week: int, weekday: int) -> dt.date:
    """The day `weekday` (0 = Monday) of week `week` (0 = the log's first week)."""
    return FIRST_MONDAY + dt.timedelta(weeks=week, days=weekday)


def week_rows(week: int, week_km: float, **fields) -> list[dict]:
    """A week of three runs: Monday 30 %, Thursday 30 %, Sunday 40 % of `week_km`."""
    shares = ((0, 0.3), (3, 0.3), (6, 0.4))
    return [run(on(week, weekday), week_km * share, **fields) for weekday, share in shares]


def weeks_log(*weekly_km: float, extra: list[dict] = (), **fields):
    rows = [row for week, km in enumerate(weekly_km) for row in week_rows(week, km, **fields)]
    return make_log(rows + list(extra))


def found(log, limits=DEFAULTS):
    return [(finding.severity, finding.date) for finding in rule.check(log, limits)]


@pytest.mark.parametrize(
    ("weekly_km", "expected"),
    [
        pytest.param([30, 30, 30, 30], [], id="the same distance every week: quiet"),
        pytest.param([30, 30, 30, 33], [], id="exactly 10 % up: quiet"),
        pytest.param([30, 30, 30, 34], [("info", on(3, 6))], id="13 % up: info on the Sunday"),
        pytest.param([30, 30, 30, 39], [("info", on(3, 6))], id="exactly 30 % up: info"),
        pytest.param([30, 30, 30, 40], [("warning", on(3, 6))], id="33 % up: warning"),
        pytest.param([30, 30, 30, 45], [("warning", on(3, 6))], id="exactly 50 % up: warning"),
        pytest.param([30, 30, 30, 46], [("high", on(3, 6))], id="53 % up: high"),
        pytest.param([30, 46], [("high", on(1, 6))], id="second week of a log begun on Monday"),
        pytest.param([8, 8, 8, 20], [], id="a week after weeks under 10 km: quiet"),
        pytest.param(
            [30, 30, 0, 30], [("info", on(3, 6))], id="back after a week off: info, said once"
        ),
        pytest.param(
            [30, 36, 42], [("info", on(1, 6)), ("warning", on(2, 6))], id="40 % in two weeks"
        ),
    ],
)
def test_weekly_jumps(weekly_km, expected):
    assert found(weeks_log(*weekly_km)) == expected


def test_a_log_begun_on_a_tuesday_does_not_judge_its_second_week():
    rows = [run(on(0, 1), 10), run(on(0, 3), 10), run(on(1, 1), 20), run(on(1, 3), 25)]
    assert found(make_log(rows)) == []


def test_the_finding_is_dated_the_day_the_running_total_passed_30_percent():
    rows = week_rows(0, 30) + week_rows(1, 30)
    rows += [run(on(2, 1), 20), run(on(2, 3), 20), run(on(2, 6), 5)]  # 39 km passed on Thursday
    (finding,) = rule.check(make_log(rows), rule.Thresholds())
    assert (finding.severity, finding.date) == ("warning", on(2, 3))
    assert finding.evidence["week_km"] == 40.0  # the week as it stood that day
    assert finding.evidence["crossed_on_km"] == 40.0
    assert len(finding.activity_ids) == 2  # the runs up to that day
    assert finding.period_start == on(0, 0)  # the usual level's weeks, from the log's first
    assert finding.period_end == on(2, 3)
    assert "Thu 22 Jan" in finding.message
    assert "45.0" not in finding.message  # Sunday's run is still in the future


def test_the_10_percent_part_is_called_a_rule_of_thumb():
    (finding,) = rule.check(weeks_log(30, 30, 35), rule.Thresholds())
    assert finding.severity == "info"
    assert "rule of thumb" in finding.message
    assert "Sun 25 Jan" in finding.message


def test_walks_and_rides_do_not_count_as_running():
    extra = [run(on(2, 5), 15, sport="walking"), run(on(2, 2), 40, sport="cycling")]
    assert found(weeks_log(30, 30, 30, extra=extra)) == []


def test_two_runs_on_one_day_both_count():
    extra = [run(on(2, 6), 8, hour=18)]  # 30 + 8 km: 27 % up
    log = weeks_log(30, 30, 30, extra=extra)
    (finding,) = rule.check(log, rule.Thresholds())
    assert (finding.severity, finding.date) == ("info", on(2, 6))
    assert finding.evidence["week_km"] == 38.0
    assert len(finding.activity_ids) == 4


def test_a_monday_run_just_after_midnight_belongs_to_the_new_local_week():
    # 00:00 in Copenhagen is 23:00 UTC on Sunday: by UTC it would land in the week before
    rows = week_rows(0, 30) + week_rows(1, 30) + week_rows(2, 30)
    rows += [run(on(3, 0), 27, hour=0), *week_rows(3, 30)[1:]]  # 27 + 9 + 12 km
    (finding,) = rule.check(make_log(rows), rule.Thresholds())
    assert rows[9]["start_time_utc"].date() == on(2, 6)  # the UTC day is the Sunday before
    assert finding.evidence["week_start"] == on(3, 0).isoformat()
    assert (finding.severity, finding.evidence["week_km"]) == ("high", 48.0)


def test_a_sydney_morning_run_counts_on_its_local_day():
    sydney = {"timezone": "Australia/Sydney", "hour": 6}
    rows = [row for week in range(3) for row in week_rows(week, 30, **sydney)]
    rows += week_rows(3, 48, **sydney)
    assert rows[-3]["start_time_utc"].date() == on(3, 0) - dt.timedelta(days=1)
    assert found(make_log(rows)) == [("high", on(3, 6))]


def test_the_steady_log_draws_no_finding():
    assert rule.check(steady_log(), rule.Thresholds()) == []


def test_a_profile_can_raise_the_high_limit():
    profile = profile_from_dict({"rules": {SLUG: {"high_ratio": 1.7}}})
    findings = [item for item in run_rules(weeks_log(30, 30, 30, 48), profile) if item.rule == SLUG]
    assert [(item.severity, item.date) for item in findings] == [("warning", on(3, 6))]


def test_a_profile_can_lower_the_floor_for_small_weeks():
    profile = profile_from_dict({"rules": {SLUG: {"min_previous_week_km": 5}}})
    findings = [item for item in run_rules(weeks_log(8, 8, 8, 20), profile) if item.rule == SLUG]
    # 6 + 6 km by Thursday is 50 % up on the usual 8 km, not more; 20 km by Sunday is
    assert [(item.severity, item.date) for item in findings] == [("high", on(3, 6))]


def test_enabled_false_silences_the_rule():
    profile = profile_from_dict({"rules": {SLUG: {"enabled": False}}})
    findings = run_rules(weeks_log(30, 30, 30, 45), profile)
    assert [item for item in findings if item.rule == SLUG] == []


def test_distances_are_given_in_miles_for_a_runner_who_uses_miles():
    rows = [row for week, km in enumerate((30, 30, 30, 45)) for row in week_rows(week, km)]
    log = make_log(rows, profile=Profile(timezone="Europe/Copenhagen", units="miles"))
    (finding,) = rule.check(log, rule.Thresholds())
    assert "28.0 mi" in finding.message  # 45 km
    assert "18.6 mi" in finding.message  # 30 km
    assert " km" not in finding.message


@pytest.mark.parametrize(
    ("weekly_km", "expected"),
    [
        pytest.param(
            [30, 30, 30, 30, 18, 30], [("info", on(5, 6))], id="taper and return: info at most"
        ),
        pytest.param(
            [30, 30, 30, 20, 12, 30],
            [("info", on(5, 6))],
            id="two lighter weeks, back: info once it reaches the usual level",
        ),
        pytest.param([30, 30, 30, 30, 18, 28], [("info", on(5, 6))], id="nearly back: info"),
        pytest.param(
            [30, 30, 30, 30, 18, 36], [("info", on(5, 6))], id="20% over the usual level: info"
        ),
        pytest.param(
            [30, 30, 30, 30, 18, 46], [("high", on(5, 6))], id="53% over the usual level: high"
        ),
        pytest.param(
            [30, 30, 30, 30, 32.7, 35.6, 38.9, 42.4],
            [("info", on(7, 6))],
            id="four weeks of +9% a week: one nudge for a lighter week",
        ),
        pytest.param([30, 30, 30, 30, 32.7, 35.6, 38.9], [], id="three weeks of +9% a week: quiet"),
        pytest.param(
            [30, 30, 30, 30, 46, 42], [("high", on(4, 6))], id="down after a jump: told once"
        ),
        pytest.param(
            [40, 40, 40, 40, 40, 40, 0, 0, 20, 30, 40, 40],
            [("info", on(10, 6))],
            id="back from two weeks off over three weeks: one info at the usual level",
        ),
        pytest.param(
            [21, 28] * 5,
            [
                ("warning", on(1, 6)),
                ("warning", on(3, 6)),
                *[("info", on(week, 6)) for week in (5, 7, 9)],
            ],
            id="21 and 28 in turn: 28 is usual once reached twice, then each is a return",
        ),
        pytest.param(
            [40, 40, *[0] * 12, 40],
            [],
            id="after more than 12 weeks off there is no usual level: not judged",
        ),
    ],
)
def test_usual_levels_and_climbs(weekly_km, expected):
    assert found(weeks_log(*weekly_km)) == expected


def test_a_return_after_a_lighter_week_says_so_in_miles():
    mile_km = 1.609344
    profile = Profile(units="miles")
    log = weeks_log(*(miles * mile_km for miles in (30, 30, 30, 30, 18, 30)))
    log.profiles = {"ana": profile}
    (finding,) = rule.check(log, DEFAULTS)
    assert finding.severity == "info"
    assert (
        "back to your usual 30.0 mi (the most you reached in 2 of the last 12 "
        "weeks) after a lighter stretch (last week 18.0 mi)" in finding.message
    )
    assert finding.evidence["compared_with"] == "return"
    assert "km" not in finding.message


def test_the_usual_level_is_held_for_two_weeks_not_one_long_week():
    # one week of 45 km among 30s is not a level held: 40 km is 33 % over the usual 30
    spike, finding = rule.check(weeks_log(30, 30, 45, 30, 40), DEFAULTS)
    assert (spike.severity, spike.date) == ("warning", on(2, 6))
    assert (finding.severity, finding.evidence["usual_week_km"]) == ("warning", 30.0)
    assert "33% above your usual 30.0 km" in finding.message


def test_a_climb_warning_names_the_usual_level_and_the_two_week_evidence():
    (finding,) = rule.check(weeks_log(30, 30, 30, 30, 40), DEFAULTS)
    assert finding.evidence["compared_with"] == "climb"
    assert finding.message.startswith(
        "Sun 8 Feb: with this run your week of Mon 2 Feb reached 40.0 km, 33% above your usual "
        "30.0 km (the most you reached in 2 of the last 12 weeks). Rises of more "
        "than 30% in two weeks went with more knee and ITB injuries in novice runners"
    )


def test_the_nudge_says_four_weeks_up_and_to_plan_a_lighter_week():
    (finding,) = rule.check(weeks_log(30, 30, 30, 30, 32.7, 35.6, 38.9, 42.4), DEFAULTS)
    assert finding.evidence["compared_with"] == "cutback"
    assert "4 weeks up in a row without a lighter week, 41% up on the 30.0 km" in finding.message
    assert "Most plans put a lighter week in every 3-4 weeks" in finding.message


def test_a_week_after_a_lighter_one_is_compared_with_the_usual_level():
    (finding,) = rule.check(weeks_log(30, 30, 30, 30, 18, 46), DEFAULTS)
    assert "53% above your usual 30.0 km" in finding.message
    (step,) = rule.check(weeks_log(30, 30, 30, 30, 18, 36), DEFAULTS)
    assert "20% up on your usual 30.0 km (last week was a lighter 18.0 km)" in step.message
    assert step.evidence["compared_with"] == "usual"  # the JSON's words for a step, as before
    (jump,) = rule.check(weeks_log(30, 30, 30, 30, 30, 34), DEFAULTS)
    assert (jump.severity, jump.evidence["compared_with"]) == ("info", "jump")


def test_last_week_is_called_lighter_only_when_more_than_10_percent_under_the_usual():
    # Riley: "14% up on your usual 21.1 mi (last week was a lighter 20.7 mi)": 2 % under
    (step,) = rule.check(weeks_log(30, 30, 30, 30, 28, 34), DEFAULTS)
    assert "13% up on your usual 30.0 km." in step.message
    assert "lighter" not in step.message
    (step,) = rule.check(weeks_log(30, 30, 30, 30, 26.9, 34), DEFAULTS)
    assert "13% up on your usual 30.0 km (last week was a lighter 26.9 km)" in step.message


def test_the_stated_percentage_is_over_the_limit_it_is_compared_with():
    # 39.09 / 30 is 30.3 % up: printed as 30%, it would contradict "more than 30%"
    (finding,) = rule.check(weeks_log(30, 30, 30, 39.09), DEFAULTS)
    assert finding.severity == "warning"
    assert "30.3% above" in finding.message


def test_climb_settings_come_from_the_profile():
    profile = profile_from_dict({"rules": {SLUG: {"climb_ratio": 1.5, "climb_weeks": 5}}})
    log = weeks_log(30, 30, 30, 30, 40, 44, 48, 52)
    assert [item.severity for item in run_rules(log, profile) if item.rule == SLUG] == ["info"]
    assert [item.severity for item in rule.check(log, DEFAULTS)] == ["warning"]


def test_a_profile_can_look_back_further_for_the_usual_level():
    log = weeks_log(40, 40, *[20] * 12, 40)  # 40 km held 13 and 14 weeks before the last
    assert [item.severity for item in rule.check(log, DEFAULTS)] == ["high"]
    longer = rule.Thresholds(usual_weeks=16)
    assert [item.evidence["compared_with"] for item in rule.check(log, longer)] == ["return"]


def test_the_period_covers_the_weeks_compared_with():
    (nudge,) = rule.check(weeks_log(30, 30, 30, 30, 32.7, 35.6, 38.9, 42.4), DEFAULTS)
    assert nudge.period_start == on(3, 0)  # the week before the 4 weeks up
    (usual,) = rule.check(weeks_log(*[30] * 14, 18, 46), DEFAULTS)
    assert usual.period_start == on(3, 0)  # the 12 weeks of the usual level
