"""low-cadence: weeks of running under 170 steps/min, or well under the runner's own cadence."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from analyzer.checkers import low_cadence as rule
from analyzer.checkers import run_rules
from analyzer.profile import profile_from_dict
from tests.builders import FIRST_MONDAY, make_log, run, steady_log

DEFAULTS = rule.Thresholds()
SLUG = "low-cadence"
RUN_DAYS = (1, 3, 5, 6)  # Tue, Thu, Sat, Sun


def day(week: int, weekday: int = 0) -> dt.date:
    return FIRST_MONDAY + dt.timedelta(weeks=week, days=weekday)


def weeks_at(cadence_spm: float, weeks: range, km: float = 8.0, **fields) -> list[dict]:
    """Four runs a week at this cadence."""
    return [
        run(day(week, weekday), km, cadence_spm=cadence_spm, **fields)
        for week in weeks
        for weekday in RUN_DAYS
    ]


def found(log, limits=DEFAULTS):
    return [(finding.severity, finding.date) for finding in rule.check(log, limits)]


# four weeks at 176, but the fourth week's Tuesday run is a 5 km jog at 150
ONE_SLOW_JOG = [*weeks_at(176, range(3)), run(day(3, 1), 5, cadence_spm=150)]
ONE_SLOW_JOG += weeks_at(176, range(3, 4))[1:]


@pytest.mark.parametrize(
    ("runs", "expected"),
    [
        pytest.param(weeks_at(176, range(16)), [], id="176 steps/min for 16 weeks: quiet"),
        pytest.param(
            weeks_at(160, range(12)),
            [("warning", day(0, 6)), ("warning", day(4, 6)), ("warning", day(8, 6))],
            id="160 for 12 weeks: told in weeks 1, 5 and 9 (on their Sundays), not every week",
        ),
        pytest.param(weeks_at(170, range(6)), [], id="exactly 170: quiet"),
        pytest.param(
            ONE_SLOW_JOG,
            [],
            id="one slow 150 jog in a week of 176: the week averages 172, quiet",
        ),
        pytest.param(
            weeks_at(176, range(4)) + weeks_at(165, range(4, 5)) + weeks_at(176, range(5, 8)),
            [("warning", day(4, 6))],
            id="one low week among good ones: told that week",
        ),
        pytest.param(
            weeks_at(165, range(2)) + weeks_at(176, range(2, 3)) + weeks_at(165, range(3, 4)),
            [("warning", day(0, 6))],
            id="a low week again within 4 weeks is not told again",
        ),
        pytest.param(
            weeks_at(160, range(4), surface="treadmill"),
            [("warning", day(0, 6))],
            id="treadmill runs count",
        ),
        pytest.param(
            weeks_at(176, range(4))
            + weeks_at(110, range(4), sport="walking")
            + weeks_at(80, range(4), sport="cycling"),
            [],
            id="walks and rides do not count",
        ),
        pytest.param(weeks_at(None, range(6)), [], id="runs without cadence are skipped"),
        pytest.param(
            weeks_at(110, range(6)),
            [],
            id="a run at 110 steps/min is a walk filed as a run, or one foot: skipped",
        ),
    ],
)
def test_low_cadence(runs, expected):
    assert found(make_log(runs)) == expected


def test_two_runs_on_one_day_both_count_by_distance():
    runs = [
        run(day(0, 2), 10, cadence_spm=176, hour=7),
        run(day(0, 2), 10, cadence_spm=160, hour=18),
    ]
    (finding,) = rule.check(make_log(runs), DEFAULTS)
    assert finding.evidence["cadence_spm"] == 168.0
    assert finding.date == day(0, 2)
    assert len(finding.activity_ids) == 2


def test_the_week_is_the_runners_local_week():
    # the Monday 00:00 run in Copenhagen is on Sunday in UTC: it belongs to the second week
    runs = [run(day(0, weekday), 10, cadence_spm=176) for weekday in (1, 3, 5)]
    runs += [run(day(1, 0), 10, cadence_spm=150, hour=0), run(day(1, 2), 10, cadence_spm=176)]
    assert runs[3]["start_time_utc"].date() == day(0, 6)
    (finding,) = rule.check(make_log(runs), DEFAULTS)
    assert (finding.date, finding.period_start) == (day(1, 2), day(1, 0))


def test_the_message_says_how_far_to_raise_it_and_that_180_is_folklore():
    (finding,) = rule.check(make_log(weeks_at(160, range(1))), DEFAULTS)
    assert finding.message.startswith(
        "Sun 11 Jan: your cadence the week of Mon 5 Jan averaged 160 steps/min over 4 runs, "
        "under 170."
    )
    assert "here to about 170" in finding.message
    assert "180 is folklore" in finding.message
    assert finding.evidence["target_spm"] == 170


def test_a_finding_quotes_no_run_after_its_day():
    # Thursday's 152 is the week's first low run; Saturday's is the lowest: the finding is
    # dated on the week's last run, so the lowest it names is not in its future
    runs = weeks_at(176, range(2))
    runs += [run(day(2, 3), 8, cadence_spm=158), run(day(2, 5), 8, cadence_spm=152)]
    (finding,) = rule.check(make_log(runs), DEFAULTS)
    assert finding.date == day(2, 5)
    assert finding.period_end == finding.date
    assert "lowest 152 on Sat 24 Jan" in finding.message


def test_a_week_just_under_170_is_not_printed_as_170():
    runs = weeks_at(176, range(2)) + weeks_at(169.6, range(2, 3))
    (finding,) = rule.check(make_log(runs), DEFAULTS)
    assert "averaged 169.6 steps/min over 4 runs, under 170." in finding.message


def test_a_reminder_says_how_many_of_the_last_weeks_were_low():
    findings = rule.check(make_log(weeks_at(160, range(5))), DEFAULTS)
    assert "4 of your last 4 weeks were low." in findings[1].message
    assert findings[1].evidence["low_weeks"] == 4


# The runner's own cadence at the same speed: fast runs at 190, easy runs at 172 (10 spm per
# m/s between 4:00/km and 7:00/km), 12 weeks of it.
FAST, EASY = 4.0, 7.0  # min/km


def own_history(weeks: int = 12) -> list[dict]:
    return [
        run(day(week, weekday), 8, cadence_spm=spm, pace_min_per_km=pace)
        for week in range(weeks)
        for weekday, spm, pace in ((1, 190, FAST), (3, 172, EASY), (5, 190, FAST), (6, 172, EASY))
    ]


def test_an_easy_week_at_the_runners_easy_cadence_is_not_low():
    # 172 is 5 % under the runner's mean of 181, but it is their own cadence at that pace
    runs = own_history() + weeks_at(172, range(12, 13), pace_min_per_km=EASY)
    assert found(make_log(runs)) == []


def test_a_fast_week_well_under_the_runners_fast_cadence_is_noted():
    runs = own_history() + weeks_at(178, range(12, 13), pace_min_per_km=FAST)
    (finding,) = rule.check(make_log(runs), DEFAULTS)
    assert (finding.severity, finding.date) == ("info", day(12, 6))
    assert finding.evidence["own_cadence_spm"] == 190.0
    assert finding.evidence["below_own_pct"] == 6.3
    assert "6% under the 190 steps/min you ran at these speeds in the 12 weeks before" in (
        finding.message
    )


def test_a_drop_from_the_runners_own_cadence_needs_8_runs_before_it():
    runs = weeks_at(184, range(1)) + weeks_at(172, range(1, 2))  # 4 runs of history
    assert found(make_log(runs)) == []
    runs = weeks_at(184, range(2)) + weeks_at(172, range(2, 3))  # 8 runs
    assert found(make_log(runs)) == [("info", day(2, 6))]


def test_the_floor_needs_no_history():
    assert found(make_log(weeks_at(160, range(1)))) == [("warning", day(0, 6))]


def samples(running_spm: float, walking_s: int = 150, stopped_s: int = 50) -> pd.DataFrame:
    """A run's samples, one a second: running at 3 m/s, then walking and standing still."""
    running_s = 400
    total_s = running_s + walking_s + stopped_s
    cadence_spm = np.concatenate(
        [np.full(running_s, running_spm), np.full(walking_s, 110.0), np.zeros(stopped_s)]
    )
    speed_mps = np.concatenate(
        [np.full(running_s, 3.0), np.full(walking_s, 1.4), np.zeros(stopped_s)]
    )
    start = pd.Timestamp("2026-01-06T06:00Z")
    return pd.DataFrame(
        {
            "time_utc": pd.date_range(start, periods=total_s, freq="s"),
            "speed_mps": speed_mps,
            "cadence_spm": cadence_spm,
            "distance_m": np.cumsum(speed_mps),
        }
    )


def runs_with_samples(running_spm: float, average_spm: float | None, **sample_fields):
    runs = [
        run(day(0, weekday), 8, cadence_spm=average_spm, activity_id=f"walk-run-{weekday}")
        for weekday in RUN_DAYS
    ]
    frames = {row["activity_id"]: samples(running_spm, **sample_fields) for row in runs}
    return runs, frames


def test_walking_breaks_and_stops_do_not_pull_the_cadence_down():
    # the run's average of 150 counts walking and standing; its running samples are at 176
    runs, frames = runs_with_samples(176, 150)
    assert found(make_log(runs)) == [("warning", day(0, 6))]
    assert found(make_log(runs, samples=frames)) == []


def test_a_low_running_cadence_shows_through_the_walking_breaks():
    runs, frames = runs_with_samples(160, 145)
    (finding,) = rule.check(make_log(runs, samples=frames), DEFAULTS)
    assert finding.evidence["cadence_spm"] == 160.0


def test_slow_walking_over_the_stop_speed_is_left_out_by_the_runs_own_speed():
    runs, frames = runs_with_samples(176, 150)
    for frame in frames.values():
        walking = frame["cadence_spm"] == 110.0
        frame.loc[walking, "speed_mps"] = 1.6  # over 1.5 m/s, but far under the run's 3 m/s
        frame.loc[walking, "cadence_spm"] = 135.0  # over 130 steps/min
    assert found(make_log(runs, samples=frames)) == []


def test_samples_without_speed_take_it_from_distance_and_time():
    # as in most GPX files: only distance over time tells the long walk (at 150 steps/min,
    # more samples than the running at 160) from the running
    runs, frames = runs_with_samples(160, 145, walking_s=450)
    for key, frame in frames.items():
        frame.loc[frame["cadence_spm"] == 110.0, "cadence_spm"] = 150.0
        frames[key] = frame.drop(columns="speed_mps")
    (finding,) = rule.check(make_log(runs, samples=frames), DEFAULTS)
    assert finding.evidence["cadence_spm"] == 160.0


def test_a_run_without_an_average_takes_its_cadence_from_its_samples():
    runs, frames = runs_with_samples(160, None)
    assert found(make_log(runs)) == []
    assert found(make_log(runs, samples=frames)) == [("warning", day(0, 6))]


def test_a_profile_can_lower_the_floor():
    log = make_log(weeks_at(160, range(4)))
    profile = profile_from_dict({"rules": {SLUG: {"min_cadence_spm": 155.0}}})
    assert [item for item in run_rules(log, profile) if item.rule == SLUG] == []


def test_enabled_false_silences_the_rule():
    profile = profile_from_dict({"rules": {SLUG: {"enabled": False}}})
    log = make_log(weeks_at(150, range(4)))
    assert [item for item in run_rules(log, profile) if item.rule == SLUG] == []


def test_the_steady_log_draws_no_finding():
    assert rule.check(steady_log(), DEFAULTS) == []


def test_the_lowest_run_is_named_when_it_stands_out():
    runs = [run(day(0, 1), 8, cadence_spm=156), run(day(0, 3), 8, cadence_spm=164)]
    (finding,) = rule.check(make_log(runs), DEFAULTS)
    assert "averaged 160 steps/min over 2 runs, lowest 156 on Tue 6 Jan, under 170." in (
        finding.message
    )


def test_a_cadence_from_steps_and_time_is_used_and_labelled():
    runs = weeks_at(160, range(1), cadence_is_derived=True)
    (finding,) = rule.check(make_log(runs), DEFAULTS)
    assert "over 4 runs (all from steps and time, not recorded)" in finding.message
    assert finding.evidence["runs_from_steps"] == 4
