"""downhill-load-jump: a week's descent far above the runner's weekly mean of the 4 before."""

import datetime as dt

import pytest

from analyzer.checkers import downhill_load_jump as rule
from analyzer.checkers import run_rules
from analyzer.profile import Profile, profile_from_dict
from tests.builders import FIRST_MONDAY, make_log, run, steady_log

DEFAULTS = rule.Thresholds()
SLUG = "downhill-load-jump"
NAN = float("nan")


def on(week: int, weekday: int) -> dt.date:
    """The day `weekday` (0 = Monday) of week `week` (0 = the log's first week)."""
    return FIRST_MONDAY + dt.timedelta(weeks=week, days=weekday)


def week_rows(week: int, descents_m: tuple[float, float, float], **fields) -> list[dict]:
    """Three 8 km runs, Monday, Thursday and Sunday, with these descents."""
    return [
        run(on(week, weekday), 8, descent_m=descent_m, **fields)
        for weekday, descent_m in zip((0, 3, 6), descents_m, strict=True)
    ]


def weeks_log(*weekly_descent_m: float, extra: list[dict] = ()):
    """Weeks whose descent is split evenly over three runs."""
    rows = [
        row
        for week, descent_m in enumerate(weekly_descent_m)
        for row in week_rows(week, (descent_m / 3,) * 3)
    ]
    return make_log(rows + list(extra))


def found(log, limits=DEFAULTS):
    return [(finding.severity, finding.date) for finding in rule.check(log, limits)]


@pytest.mark.parametrize(
    ("weekly_descent_m", "expected"),
    [
        pytest.param([300] * 6, [], id="the same descent every week: quiet"),
        pytest.param([300] * 4 + [450], [], id="exactly 1.5 times: quiet"),
        pytest.param([300] * 4 + [600], [("warning", on(4, 6))], id="twice the mean: warning"),
        pytest.param([200, 400, 200, 400, 450], [], id="1.5 times a mixed mean: quiet"),
        pytest.param([300] * 3 + [900], [], id="under 4 weeks of history: quiet"),
        pytest.param([100] * 4 + [250], [], id="under 300 m in the week: quiet"),
        pytest.param(
            [300] * 4 + [600, 600, 600],
            [("warning", on(4, 6))],
            id="a new level is flagged once, not again while the mean catches up",
        ),
        pytest.param(
            [300] * 4 + [600, 300, 300, 300, 900],
            [("warning", on(4, 6)), ("warning", on(8, 3))],
            id="after a lighter week, a new jump is flagged again",
        ),
        pytest.param([300, 300, 0, 300, 600], [("warning", on(4, 3))], id="a week off is 0 m"),
    ],
)
def test_downhill_load_jump(weekly_descent_m, expected):
    assert found(weeks_log(*weekly_descent_m)) == expected


def test_the_finding_is_dated_the_day_the_weeks_descent_passed_the_limit():
    rows = [row for week in range(4) for row in week_rows(week, (100, 100, 100))]
    rows += week_rows(4, (400, 100, 100))  # 500 m by Thursday, past 450 m
    (finding,) = rule.check(make_log(rows), rule.Thresholds())
    assert (finding.severity, finding.date) == ("warning", on(4, 3))
    assert finding.evidence == {
        "week_start": on(4, 0).isoformat(),
        "week_descent_m": 500,  # the week as it stood that Thursday
        "baseline_weekly_descent_m": 300,
        "usual_weekly_descent_m": 300,
        "ratio": 1.67,
    }
    assert len(finding.activity_ids) == 2
    assert (finding.period_start, finding.period_end) == (on(0, 0), on(4, 3))
    assert finding.message.startswith(
        "Thu 5 Feb: with this run your week of Mon 2 Feb reached 500 m of descent, 1.7 times "
        "your weekly average of the 4 weeks before (300 m), above your usual 300 m (the most you "
        "reached in 2 of the last 12 weeks). Downhill"
    )


def test_a_runner_who_never_ran_downhill_is_told_so():
    (finding,) = rule.check(weeks_log(0, 0, 0, 0, 450), rule.Thresholds())
    assert finding.date == on(4, 6)
    assert finding.evidence["ratio"] is None
    assert "after 4 weeks with no descent" in finding.message


def test_weeks_without_elevation_data_are_not_compared():
    assert found(weeks_log(NAN, NAN, NAN, NAN, 600)) == []
    assert found(weeks_log(300, NAN, 300, 300, 600)) == []
    assert found(weeks_log(300, NAN, 300, 300, 300, 300, 600)) == [("warning", on(6, 6))]


def test_walks_and_rides_do_not_count():
    extra = [
        run(on(4, 5), 15, descent_m=1000, sport="hiking"),
        run(on(4, 2), 60, descent_m=900, sport="cycling"),
    ]
    assert found(weeks_log(300, 300, 300, 300, 300, extra=extra)) == []


def test_two_runs_on_one_day_both_count():
    extra = [run(on(4, 6), 6, descent_m=250, hour=18)]  # Sunday: 100 + 250 m
    (finding,) = rule.check(weeks_log(300, 300, 300, 300, 300, extra=extra), rule.Thresholds())
    assert (finding.date, finding.evidence["week_descent_m"]) == (on(4, 6), 550)
    assert len(finding.activity_ids) == 4


def test_a_monday_run_just_after_midnight_belongs_to_the_new_local_week():
    # 00:00 in Copenhagen is 23:00 UTC on Sunday: by UTC it would add to the week before
    rows = [row for week in range(4) for row in week_rows(week, (100, 100, 100))]
    rows += [run(on(4, 0), 12, descent_m=500, hour=0), *week_rows(4, (0, 100, 100))[1:]]
    assert rows[12]["start_time_utc"].date() == on(3, 6)
    (finding,) = rule.check(make_log(rows), rule.Thresholds())
    assert (finding.date, finding.evidence["week_start"]) == (on(4, 0), on(4, 0).isoformat())


def test_the_steady_log_draws_no_finding():
    assert rule.check(steady_log(), rule.Thresholds()) == []


def test_a_profile_can_change_the_limits():
    log = weeks_log(100, 100, 100, 100, 250)
    profile = profile_from_dict({"rules": {SLUG: {"min_week_descent_m": 200}}})
    findings = [item for item in run_rules(log, profile) if item.rule == SLUG]
    assert [(item.severity, item.date) for item in findings] == [("warning", on(4, 6))]
    profile = profile_from_dict({"rules": {SLUG: {"warning_ratio": 2.5}}})
    findings = run_rules(weeks_log(300, 300, 300, 300, 600), profile)
    assert [item for item in findings if item.rule == SLUG] == []


def test_enabled_false_silences_the_rule():
    profile = profile_from_dict({"rules": {SLUG: {"enabled": False}}})
    findings = run_rules(weeks_log(300, 300, 300, 300, 600), profile)
    assert [item for item in findings if item.rule == SLUG] == []


def test_descent_is_in_feet_for_a_runner_who_uses_miles():
    rows = [row for week in range(4) for row in week_rows(week, (100, 100, 100))]
    rows += week_rows(4, (400, 100, 100))
    (finding,) = rule.check(make_log(rows, profile=Profile(units="miles")), rule.Thresholds())
    assert "1,640 ft of descent" in finding.message  # 500 m
    assert "(984 ft)" in finding.message  # 300 m
