"""pace-jump: a run much faster than the runner's fastest of the previous 8 weeks."""

import datetime as dt

import pytest

from analyzer.checkers import pace_jump as rule
from analyzer.checkers import run_rules
from analyzer.profile import Profile, profile_from_dict
from tests import plans
from tests.builders import FIRST_MONDAY, make_log, run, steady_log

DEFAULTS = rule.Thresholds()
SLUG = "pace-jump"
EASY_PACE = 6.0  # min/km
LAST_DAY = FIRST_MONDAY + dt.timedelta(weeks=10, days=1)  # a Tuesday, 71 days in


def easy_weeks(weeks: int = 10, **fields) -> list[dict]:
    """Three 8 km runs a week (Tuesday, Thursday, Sunday) at 6:00-6:12 /km."""
    return [
        run(
            FIRST_MONDAY + dt.timedelta(weeks=week, days=weekday),
            8,
            pace_min_per_km=EASY_PACE + 0.1 * (weekday % 3),
            **fields,
        )
        for week in range(weeks)
        for weekday in (1, 3, 6)
    ]


def found(log, limits=DEFAULTS):
    return [(finding.severity, finding.date) for finding in rule.check(log, limits)]


@pytest.mark.parametrize(
    ("pace_min_per_km", "expected"),
    [
        pytest.param(EASY_PACE, [], id="the usual pace: quiet"),
        pytest.param(EASY_PACE / 1.04, [], id="4% faster: quiet"),
        pytest.param(EASY_PACE / 1.05, [("warning", LAST_DAY)], id="5% faster: warning"),
        pytest.param(5.0, [("warning", LAST_DAY)], id="5:00 after 6:00 /km: warning"),
    ],
)
def test_pace_jump(pace_min_per_km, expected):
    log = make_log([*easy_weeks(), run(LAST_DAY, 8, pace_min_per_km=pace_min_per_km)])
    assert found(log) == expected


def test_the_message_gives_both_paces():
    log = make_log([*easy_weeks(), run(LAST_DAY, 10, pace_min_per_km=5.0)])
    (finding,) = rule.check(log, rule.Thresholds())
    assert finding.message.startswith(
        "Tue 17 Mar: 10.0 km at 5:00 /km, 20% faster than your fastest run of the past 8 weeks "
        "(6:00 /km, the best of 24 runs of 3.0 km or more)."
    )
    assert finding.evidence["window_runs"] == 24
    assert finding.activity_ids == (log.activities["activity_id"].iloc[-1],)


def test_a_weekly_tempo_run_is_part_of_the_norm():
    rows = easy_weeks() + [
        run(FIRST_MONDAY + dt.timedelta(weeks=week, days=5), 6, pace_min_per_km=5.0)
        for week in range(10)
    ]
    assert found(make_log([*rows, run(LAST_DAY, 6, pace_min_per_km=5.0)])) == []
    faster = make_log([*rows, run(LAST_DAY, 6, pace_min_per_km=4.6)])
    assert found(faster) == [("warning", LAST_DAY)]


@pytest.mark.parametrize("name", ["Parkrun #212", "City 10K race", "Half Marathon", "Raced it"])
def test_a_race_is_shown_for_information(name):
    log = make_log([*easy_weeks(), run(LAST_DAY, 5, pace_min_per_km=5.0, name=name)])
    (finding,) = rule.check(log, rule.Thresholds())
    assert (finding.severity, finding.evidence["is_race"]) == ("info", True)


def test_a_race_named_in_the_notes_is_shown_for_information():
    fast = run(LAST_DAY, 5, pace_min_per_km=5.0, notes="club race, felt strong")
    assert found(make_log([*easy_weeks(), fast])) == [("info", LAST_DAY)]


def test_a_word_that_only_contains_race_is_not_a_race():
    fast = run(LAST_DAY, 5, pace_min_per_km=5.0, name="Racetrack loop, embraced the wind")
    assert found(make_log([*easy_weeks(), fast])) == [("warning", LAST_DAY)]


def test_under_8_weeks_of_history_stays_quiet():
    day = FIRST_MONDAY + dt.timedelta(days=50)
    assert found(make_log([*easy_weeks(7), run(day, 8, pace_min_per_km=5.0)])) == []


def test_too_few_runs_in_the_window_stay_quiet():
    rows = [run(FIRST_MONDAY + dt.timedelta(weeks=week), 8) for week in range(0, 10, 2)]
    assert found(make_log([*rows, run(LAST_DAY, 8, pace_min_per_km=5.0)])) == []


def test_short_runs_are_neither_judged_nor_part_of_the_norm():
    strides = [
        run(FIRST_MONDAY + dt.timedelta(weeks=week, days=2), 1, pace_min_per_km=4.0)
        for week in range(10)
    ]
    rows = [*easy_weeks(), *strides, run(LAST_DAY, 2.5, pace_min_per_km=4.0)]
    assert found(make_log(rows)) == []
    rows.append(run(LAST_DAY + dt.timedelta(days=1), 8, pace_min_per_km=5.0))
    assert found(make_log(rows)) == [("warning", LAST_DAY + dt.timedelta(days=1))]


def test_rides_neither_raise_the_norm_nor_get_flagged():
    # one ride a week at 30 km/h: counted as runs, they would be the window's quick end
    rides = [
        run(
            FIRST_MONDAY + dt.timedelta(weeks=week, days=5),
            40,
            pace_min_per_km=2.0,
            sport="cycling",
        )
        for week in range(11)
    ]
    rows = [*easy_weeks(), *rides, run(LAST_DAY, 8, pace_min_per_km=5.0)]
    assert found(make_log(rows)) == [("warning", LAST_DAY)]


def test_two_runs_on_one_day_are_judged_one_by_one():
    rows = [
        *easy_weeks(),
        run(LAST_DAY, 8, pace_min_per_km=EASY_PACE, hour=7),
        run(LAST_DAY, 5, pace_min_per_km=5.0, hour=18),
    ]
    findings = rule.check(make_log(rows), rule.Thresholds())
    assert [(item.date, item.evidence["distance_km"]) for item in findings] == [(LAST_DAY, 5.0)]


def test_the_finding_is_dated_on_the_local_day_of_a_sydney_morning_run():
    rows = [*easy_weeks(timezone="Australia/Sydney"), run(LAST_DAY, 8, pace_min_per_km=5.0)]
    rows[-1] = run(LAST_DAY, 8, pace_min_per_km=5.0, timezone="Australia/Sydney", hour=6)
    assert rows[-1]["start_time_utc"].date() == LAST_DAY - dt.timedelta(days=1)
    assert found(make_log(rows)) == [("warning", LAST_DAY)]


def test_the_steady_log_draws_no_finding():
    assert rule.check(steady_log(), rule.Thresholds()) == []


def test_a_profile_can_ask_for_a_bigger_jump():
    log = make_log([*easy_weeks(), run(LAST_DAY, 8, pace_min_per_km=5.0)])  # 20 % faster
    profile = profile_from_dict({"rules": {SLUG: {"warning_ratio": 1.25}}})
    assert [item for item in run_rules(log, profile) if item.rule == SLUG] == []
    profile = profile_from_dict({"rules": {SLUG: {"warning_ratio": 1.15}}})
    findings = [item for item in run_rules(log, profile) if item.rule == SLUG]
    assert [(item.severity, item.date) for item in findings] == [("warning", LAST_DAY)]


def test_enabled_false_silences_the_rule():
    log = make_log([*easy_weeks(), run(LAST_DAY, 8, pace_min_per_km=5.0)])
    profile = profile_from_dict({"rules": {SLUG: {"enabled": False}}})
    assert [item for item in run_rules(log, profile) if item.rule == SLUG] == []


def test_paces_are_per_mile_for_a_runner_who_uses_miles():
    rows = [*easy_weeks(), run(LAST_DAY, 8, pace_min_per_km=5.0)]
    (finding,) = rule.check(make_log(rows, profile=Profile(units="miles")), rule.Thresholds())
    assert "5.0 mi at 8:03 /mi" in finding.message
    assert "(9:39 /mi, the best of 24 runs of 1.9 mi or more)" in finding.message


def test_quick_sessions_in_the_window_are_part_of_the_norm():
    # one run in five at 4:24-4:54 /km: a new one in that range is nothing new
    rows = easy_weeks()
    quick = [4.9, 4.4, 4.7, 4.5, 4.8, 4.6, 4.55, 4.85, 4.65, 4.75]
    rows += [
        run(FIRST_MONDAY + dt.timedelta(weeks=week, days=5), 6, pace_min_per_km=pace)
        for week, pace in enumerate(quick)
    ]
    assert found(make_log([*rows, run(LAST_DAY, 6, pace_min_per_km=4.45)])) == []
    assert found(make_log([*rows, run(LAST_DAY, 6, pace_min_per_km=4.15)])) == [
        ("warning", LAST_DAY)
    ]


def test_a_lower_norm_rank_compares_with_the_quick_end_instead():
    limits = rule.Thresholds(norm_rank_pct=90.0)
    log = make_log([*easy_weeks(), run(LAST_DAY, 10, pace_min_per_km=5.0)])
    (finding,) = rule.check(log, limits)
    assert "than the quick end of your past 8 weeks (6:00 /km: 90% of your 24 runs" in (
        finding.message
    )


def test_a_run_walk_session_without_samples_is_neither_judged_nor_part_of_the_norm():
    walks = [
        run(FIRST_MONDAY + dt.timedelta(weeks=week, days=5), 5, pace_min_per_km=8.0, name=name)
        for week, name in enumerate(["Run/walk 4:1", "C25K W3D1", "Galloway intervals"] * 3)
    ]
    fast_walk = run(LAST_DAY, 5, pace_min_per_km=5.0, notes="with walk breaks")
    log = make_log([*easy_weeks(), *walks, fast_walk])
    assert found(log) == []  # its average mixes running and walking: not judged
    measured = rule.measure(log, DEFAULTS)
    assert int(measured["is_run_walk"].sum()) == 10
    assert measured["window_runs"].iloc[-1] == 24  # the 30 runs of the window, less 6 run/walk
    fast = make_log([*easy_weeks(), *walks, run(LAST_DAY, 8, pace_min_per_km=5.0)])
    assert found(fast) == [("warning", LAST_DAY)]


def test_with_samples_a_run_is_judged_on_its_running_not_its_walk_breaks():
    """Ten weeks of run/walk sessions with samples (a third of the time walking), then one
    whose jogging is 8 % quicker: flagged at its running pace, walk breaks left out."""
    log = plans.beginner()
    rows = log.activities.to_dict("records")[:-1]
    samples = {key: loader() for key, loader in log.sample_loaders.items()}
    jog, walk = (480, plans.JOG_MPS * 1.08, plans.JOG_SPM), (120, plans.WALK_MPS, plans.WALK_SPM)
    quicker, frame = plans.session(
        plans.BEGINNER_FIRST_RUN, [jog, walk] * 3, plans.RUN_WALK_NAME, with_samples=True
    )
    samples[quicker["activity_id"]] = frame
    log = make_log([*rows, quicker], samples=samples)
    (finding,) = rule.check(log, DEFAULTS)
    assert (finding.severity, finding.evidence["speed_from"]) == ("warning", "samples")
    assert finding.evidence["ratio"] == pytest.approx(1.08, abs=0.001)
    assert ", running at 6:43 /km, 8% faster than your fastest run" in finding.message
