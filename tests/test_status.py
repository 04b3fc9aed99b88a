"""The status as of a day: numbers counted on the runner's calendar up to that day, open
findings most severe first, and advice drawn from them."""

import dataclasses
import datetime as dt

import pytest

from analyzer.checkers import run_rules
from analyzer.checkers.rule import Finding
from analyzer.log import TrainingLog
from analyzer.profile import Profile, ShoeSetting
from analyzer.status import (
    athlete_status,
    by_attention,
    default_as_of,
    finding_line,
    statuses,
)
from tests.builders import FIRST_MONDAY, TIMEZONE, daily_runs, make_log, note, run, steady_runs


def finding(severity: str, date: str, rule: str = "long-run-spike", code: str = "RL103", **more):
    day = dt.date.fromisoformat(date)
    return Finding(
        athlete="ana",
        rule=rule,
        code=code,
        severity=severity,
        date=day,
        period_start=day,
        period_end=day,
        message=more.pop("message", f"{day:%a %d %b}: something happened. Do one thing."),
        **more,
    )


def test_the_default_as_of_day_is_the_newest_day_with_an_activity_or_a_note():
    log = make_log([run("2026-03-01", 5)], notes=[note("2026-03-04", "felt fine")])
    assert default_as_of(log) == dt.date(2026, 3, 4)


def test_a_note_dated_years_ahead_does_not_move_the_as_of_day():
    """A note typed with a wrong year stays in the log; the status is judged on the newest day
    with data up to a day after today (a runner's day may be ahead of this computer's)."""
    log = make_log(
        [run("2026-03-01", 5)],
        notes=[note("2026-03-02", "knee sore 3/10"), note("2031-03-02", "knee sore 3/10")],
    )
    assert default_as_of(log, today=dt.date(2026, 3, 5)) == dt.date(2026, 3, 2)
    assert default_as_of(log, today=dt.date(2026, 3, 1)) == dt.date(2026, 3, 2)  # a day ahead
    assert default_as_of(log, today=dt.date(2026, 2, 27)) is None
    assert len(log.notes) == 2


def test_an_empty_log_has_no_as_of_day():
    assert default_as_of(make_log([])) is None


def test_weeks_are_counted_monday_to_the_as_of_day_against_four_full_weeks():
    # 30 km a week for 8 weeks from Mon 5 Jan; as of Thursday of week 9, 6 km so far (Tuesday)
    log = make_log(steady_runs(weeks=9))
    as_of = FIRST_MONDAY + dt.timedelta(weeks=8, days=3)
    status = athlete_status(log, [], "ana", as_of)
    assert status.week_start == FIRST_MONDAY + dt.timedelta(weeks=8)
    assert status.this_week_m == pytest.approx(6_000 + 7_000)  # Tuesday and Thursday
    assert status.last_week_m == pytest.approx(30_000)
    assert status.average_week_m == pytest.approx(30_000)
    assert status.acute_chronic_ratio is not None


def test_the_average_counts_only_the_weeks_the_log_holds():
    log = make_log(steady_runs(weeks=2))  # two full weeks, then the third week's Monday
    as_of = FIRST_MONDAY + dt.timedelta(weeks=2)
    status = athlete_status(log, [], "ana", as_of)
    assert status.average_week_m == pytest.approx(30_000)
    assert status.acute_chronic_ratio is None  # under 28 days of log: the ratio is not given


def test_nothing_after_the_as_of_day_counts():
    log = make_log([run("2026-03-02", 10), run("2026-03-05", 30)])
    status = athlete_status(log, [finding("high", "2026-03-05")], "ana", dt.date(2026, 3, 3))
    assert status.last_activity_date == dt.date(2026, 3, 2)
    assert status.this_week_m == pytest.approx(10_000)
    assert status.longest_run_7_days_m == pytest.approx(10_000)
    assert status.open_findings == ()


def test_the_long_run_of_the_last_7_days_is_set_against_the_30_days_before():
    log = make_log([run("2026-01-25", 12), run("2026-02-20", 10), run("2026-03-04", 21)])
    status = athlete_status(log, [], "ana", dt.date(2026, 3, 5))
    assert status.longest_run_7_days_m == pytest.approx(21_000)
    assert status.longest_run_before_m == pytest.approx(10_000)  # 25 Jan is before the 30 days


@pytest.mark.parametrize(
    ("distances_km", "streak", "rest_offset"),
    [
        pytest.param([5, 0, 5, 5, 5], 3, 1, id="three days since a rest day"),
        pytest.param(
            [5, 5, 5, 5, 0], 4, None, id="the as-of day without a run yet is no rest day yet"
        ),
        pytest.param([5, 0, 5, 5, 0], 2, 1, id="the streak before the as-of day, its rest day"),
        pytest.param([5, 5, 5], 3, None, id="no rest day since the log began"),
    ],
)
def test_running_days_in_a_row_and_the_last_rest_day(distances_km, streak, rest_offset):
    log = daily_runs(*distances_km)
    as_of = FIRST_MONDAY + dt.timedelta(days=len(distances_km) - 1)
    status = athlete_status(log, [], "ana", as_of)
    assert status.running_days_in_row == streak
    expected = None if rest_offset is None else FIRST_MONDAY + dt.timedelta(days=rest_offset)
    assert status.last_rest_date == expected


def test_stale_after_the_profiles_days():
    log = make_log([run("2026-03-01", 5)], profile=Profile(timezone=TIMEZONE, stale_after_days=7))
    assert not athlete_status(log, [], "ana", dt.date(2026, 3, 8)).is_stale
    status = athlete_status(log, [], "ana", dt.date(2026, 3, 9))
    assert status.is_stale
    assert status.days_since_last_activity == 8


def test_without_a_run_in_the_last_7_days_the_ratio_is_not_judged():
    log = make_log(steady_runs(weeks=6))  # 30 km a week from Mon 5 Jan, the last run Sun 15 Feb
    week_after = athlete_status(log, [], "ana", dt.date(2026, 2, 21))
    assert week_after.acute_chronic_ratio is not None  # the Sunday run is in the 7 days
    stale = athlete_status(log, [], "ana", dt.date(2026, 3, 3))
    assert stale.last_run_date == dt.date(2026, 2, 15)
    assert not stale.has_run_in_acute_window
    assert stale.acute_chronic_ratio is None  # not 0.0: no data is not a measured rest
    assert stale.has_run_in_weeks  # the 4 weeks before this one still hold runs
    long_gone = athlete_status(log, [], "ana", dt.date(2026, 4, 20))
    assert not long_gone.has_run_in_weeks


def test_rest_days_are_judged_only_with_a_run_in_the_last_28_days_stale_or_not():
    walks = [run(f"2026-03-{date:02d}", 4, sport="walking") for date in (10, 15)]
    log = make_log([*steady_runs(weeks=6), *walks])  # the last run Sun 15 Feb
    four_weeks_on = athlete_status(log, [], "ana", dt.date(2026, 3, 14))
    assert four_weeks_on.has_run_in_open_window  # 15 Feb is the 28th day back
    walking = athlete_status(log, [], "ana", dt.date(2026, 3, 15))
    assert not walking.is_stale and not walking.has_run_in_open_window
    stale = athlete_status(make_log(steady_runs(weeks=6)), [], "ana", dt.date(2026, 3, 14))
    assert stale.is_stale and stale.has_run_in_open_window  # the same rule: a run in the 28 days


def test_a_runner_who_only_walks_now_is_ranked_with_those_without_data():
    walks = [run(f"2026-03-{date:02d}", 4, sport="walking", athlete="bo") for date in (10, 15)]
    bo = make_log([*steady_runs(weeks=6, athlete="bo"), *walks])  # the last run Sun 15 Feb
    walking = athlete_status(bo, [], "bo", AS_OF_WALKS)
    ana = make_log(steady_runs(weeks=10))  # runs up to Sun 15 Mar
    running = athlete_status(ana, [], "ana", AS_OF_WALKS)
    with_high = athlete_status(ana, [finding("high", "2026-03-12")], "ana", AS_OF_WALKS)
    assert not walking.is_stale and not walking.has_run_in_open_window
    assert running.has_run_in_open_window and with_high.high_count == 1
    assert [status.athlete for status in by_attention([running, walking])] == ["bo", "ana"]
    assert by_attention([with_high, walking])[0] is walking  # before a high finding too


AS_OF_WALKS = dt.date(2026, 3, 15)


def shoe_log(profile: Profile | None = None, notes: list | None = None, **shoe) -> TrainingLog:
    """A 10 km run a day in the Pegasus from Mon 2 Mar to Wed 11 Mar 2026, 600 km on it before."""
    runs = [run(f"2026-03-{2 + day:02d}", 10, shoe="Pegasus") for day in range(10)]
    pegasus = ShoeSetting("Pegasus", pre_used_km=600.0, limit_km=700.0, **shoe)
    return make_log(runs, notes=notes or [], shoes=[pegasus], profile=profile)


@pytest.mark.parametrize(
    ("day", "near_km"),
    [
        pytest.param(1, None, id="600 km of 700: 100 km left, not yet near"),
        pytest.param(3, (620, 80), id="620 km of 700: 80 km left, near"),
        pytest.param(9, (680, 20), id="680 km of 700: near"),
        pytest.param(11, None, id="700 km: past the limit, no longer near"),
    ],
)
def test_a_shoe_within_the_rules_near_distance_of_its_limit_is_named(day, near_km):
    log = shoe_log()
    status = athlete_status(log, run_rules(log), "ana", dt.date(2026, 3, day))
    named = [
        (round(shoe.distance_m / 1000), round(shoe.left_m / 1000)) for shoe in status.shoes_near
    ]
    assert named == ([near_km] if near_km else [])
    if near_km:
        assert status.shoes_near[0].limit_m == pytest.approx(700_000)


def test_the_near_distance_is_the_rules_setting_in_the_profile():
    profile = Profile(timezone=TIMEZONE, rules={"shoe-overdue": {"near_km": 100.0}})
    assert athlete_status(shoe_log(), [], "ana", dt.date(2026, 3, 2)).shoes_near == ()
    status = athlete_status(shoe_log(profile), [], "ana", dt.date(2026, 3, 2))
    assert [shoe.shoe for shoe in status.shoes_near] == ["Pegasus"]  # 610 km, 90 km left
    quiet = Profile(timezone=TIMEZONE, rules={"shoe-overdue": {"enabled": False}})
    assert athlete_status(shoe_log(quiet), [], "ana", dt.date(2026, 3, 5)).shoes_near == ()


def test_a_miles_runner_is_near_within_50_miles():
    profile = Profile(timezone=TIMEZONE, units="miles")
    at_90_km_left = athlete_status(shoe_log(profile), [], "ana", dt.date(2026, 3, 2))
    assert at_90_km_left.shoes_near == ()  # 90 km is 55.9 mi: over 50 mi
    at_70_km_left = athlete_status(shoe_log(profile), [], "ana", dt.date(2026, 3, 4))
    assert [shoe.shoe for shoe in at_70_km_left.shoes_near] == ["Pegasus"]  # 43.5 mi left


def test_a_retired_shoe_is_not_named_near_its_limit_unless_runs_name_it_again():
    log = shoe_log(retired=dt.date(2026, 3, 5))
    up_to_retired = log.activities["local_date"] <= dt.date(2026, 3, 5)
    retired = dataclasses.replace(log, activities=log.activities[up_to_retired])
    assert athlete_status(retired, [], "ana", dt.date(2026, 3, 4)).shoes_near != ()
    assert athlete_status(retired, [], "ana", dt.date(2026, 3, 6)).shoes_near == ()
    # a run that names it after its retirement counts: the pair is in use again
    worn_again = athlete_status(log, [], "ana", dt.date(2026, 3, 6)).shoes_near
    assert [(shoe.shoe, shoe.distance_m) for shoe in worn_again] == [("Pegasus", 650_000.0)]


def test_a_shoe_near_its_limit_gets_a_plain_sentence_of_advice():
    log = shoe_log()
    status = athlete_status(log, run_rules(log), "ana", dt.date(2026, 3, 3))  # 620 km of 700
    assert status.advice == ("Plan a new pair: Pegasus has about 80 km left of 700.",)
    miles = shoe_log(Profile(timezone=TIMEZONE, units="miles"))
    status = athlete_status(miles, [], "ana", dt.date(2026, 3, 4))
    assert status.advice == ("Plan a new pair: Pegasus has about 43 mi left of 435.",)


def test_a_near_shoe_comes_after_the_knee_advice():
    notes = [note("2026-03-03", "left knee swelling after the run")]
    log = shoe_log(notes=notes)
    full = athlete_status(log, run_rules(log), "ana", dt.date(2026, 3, 3))
    assert [item.kind for item in full.advice_items] == ["red flag", "knee", "shoes"]
    assert full.advice[0].startswith("You mention swelling")
    assert full.advice[-1] == "Plan a new pair: Pegasus has about 80 km left of 700."


def test_a_shoe_past_its_limit_is_the_one_shoe_sentence():
    log = shoe_log()
    status = athlete_status(log, run_rules(log), "ana", dt.date(2026, 3, 11))  # 700 km of 700
    assert [shoe.shoe for shoe in status.shoes] == ["Pegasus"] and status.shoes_near == ()
    shoe_advice = [item for item in status.advice_items if item.kind == "shoes"]
    assert [item.text for item in shoe_advice] == ["Replace Pegasus (700.0 km): past its limit."]


def test_cadence_recent_against_the_floor_and_the_runners_own():
    runs = [run(f"2026-02-{day:02d}", 8, cadence_spm=176) for day in range(2, 20, 2)]
    runs += [run(f"2026-03-{day:02d}", 8, cadence_spm=162) for day in (2, 5)]
    status = athlete_status(make_log(runs), [], "ana", dt.date(2026, 3, 6))
    assert status.recent_cadence_spm == pytest.approx(162)
    assert status.own_cadence_spm == pytest.approx(176)  # the rule's own, from 9 runs before
    assert status.cadence_floor_spm == pytest.approx(170)


def test_without_enough_runs_before_there_is_no_own_cadence():
    runs = [run(f"2026-02-{day:02d}", 8, cadence_spm=176) for day in (2, 5, 9, 12)]
    runs += [run(f"2026-03-{day:02d}", 8, cadence_spm=162) for day in (2, 5)]
    status = athlete_status(make_log(runs), [], "ana", dt.date(2026, 3, 6))
    assert status.own_cadence_spm is None  # the rule learns your own from 8 runs


def test_the_latest_pain_note_and_its_trend_over_two_weeks():
    notes = [
        note("2026-03-01", "left knee sore, 5/10"),
        note("2026-03-06", "left knee sore, 3/10"),
    ]
    log = make_log([run("2026-03-06", 5)], notes=notes)
    status = athlete_status(log, [], "ana", dt.date(2026, 3, 7))
    assert status.latest_pain is not None
    assert (status.latest_pain.date, status.latest_pain.side) == (dt.date(2026, 3, 6), "left")
    assert status.latest_pain.score_of_10 == 3
    assert status.pain_trend.startswith("easing (5/10 to 3/10)")
    later = athlete_status(log, [], "ana", dt.date(2026, 3, 25))
    assert later.pain_trend == "no knee pain noted in the last 14 days"


def test_the_latest_pain_is_read_in_the_episodes_of_the_profiles_gap():
    notes = [note("2026-03-01", "left knee sore, 5/10"), note("2026-03-21", "still sore, 3/10")]
    log = make_log([run("2026-03-21", 5)], notes=notes)
    as_of = dt.date(2026, 3, 22)
    assert athlete_status(log, [], "ana", as_of).latest_pain.date == dt.date(2026, 3, 1)
    longer = Profile(timezone=TIMEZONE, rules={"persistent-knee-pain": {"episode_gap_days": 30}})
    latest = athlete_status(log, [], "ana", as_of, longer).latest_pain
    assert (latest.date, latest.side, latest.score_of_10) == (dt.date(2026, 3, 21), "left", 3)


def test_a_knee_noted_fine_after_the_pain_settles_the_trend():
    notes = [note("2026-03-01", "left knee sore"), note("2026-03-04", "no knee pain today")]
    log = make_log([run("2026-03-04", 5)], notes=notes)
    status = athlete_status(log, [], "ana", dt.date(2026, 3, 5))
    assert status.pain_trend == "noted fine since the last pain note"


def test_open_findings_are_the_last_28_days_most_severe_first_then_newest():
    findings = [
        finding("info", "2026-03-20", rule="acute-chronic-ratio", code="RL102"),
        finding("high", "2026-03-01"),
        finding("warning", "2026-03-15", rule="low-cadence", code="RL201"),
        finding("high", "2026-02-01"),  # 49 days before: not open
        finding("high", "2026-03-10", rule="shoe-overdue", code="RL402"),
    ]
    log = make_log([run("2026-03-20", 5)])
    status = athlete_status(log, findings, "ana", dt.date(2026, 3, 20))
    opened = [(item.severity, item.date.day) for item in status.open_findings]
    assert opened == [("high", 10), ("high", 1), ("warning", 15), ("info", 20)]


def test_after_a_long_run_spike_the_long_run_goes_back_to_a_tenth_at_a_time():
    log = make_log([*steady_runs(weeks=8), run(FIRST_MONDAY + dt.timedelta(weeks=8), 22)])
    as_of = FIRST_MONDAY + dt.timedelta(weeks=8)
    status = athlete_status(log, run_rules(log), "ana", as_of)
    # 22 km against the 11 km long runs before it: the next one a tenth over 11 km (the
    # last 7 days' 52 km against 35.5 km, ratio 1.46, is a warning as printed: 1.5)
    assert status.advice == (
        "Keep the coming 7 days no bigger than the last 7 (52 km).",
        "Go back to growing your long run a tenth at a time: the next one under 12 km.",
    )
    assert status.advice_items[1].target == 12.0


def test_red_flags_ask_for_the_knee_to_be_seen_first():
    notes = [note("2026-03-05", "left knee swelling after the run")]
    log = make_log([run("2026-03-05", 5)], notes=notes)
    status = athlete_status(log, run_rules(log), "ana", dt.date(2026, 3, 6))
    assert status.advice[0] == (
        "You mention swelling: have the knee seen by a doctor or physiotherapist now."
    )
    assert status.advice[1].startswith("Rest or cut back until the knee settles")
    assert len(status.advice) == 2


def test_no_open_finding_gives_no_advice():
    status = athlete_status(make_log(steady_runs(weeks=6)), [], "ana", dt.date(2026, 2, 15))
    assert status.advice == ()


def test_every_athlete_gets_a_status_from_the_real_rules():
    log = make_log(steady_runs(weeks=6) + steady_runs(weeks=6, athlete="bo"))
    result = statuses(log, run_rules(log), dt.date(2026, 2, 15))
    assert list(result) == ["ana", "bo"]
    assert all(status.as_of == dt.date(2026, 2, 15) for status in result.values())


def test_a_finding_line_is_its_first_sentence_without_the_day():
    line = finding_line(finding("high", "2026-03-01", message="Sun 1 Mar: 21.0 km. Grow slowly."))
    assert line == "21.0 km."


def test_a_short_log_lists_the_rules_that_could_not_judge_it():
    log = daily_runs(5, 5, 0, 5, 5, 0, 5, 5, 0, 5, 5, 5, cadence_spm=None)
    as_of = FIRST_MONDAY + dt.timedelta(days=11)
    status = athlete_status(log, [], "ana", as_of)
    not_run = {item.rule: item.reason for item in status.rules_not_run}
    assert not_run["acute-chronic-ratio"] == "needs 28 days of history; this log has 11"
    assert not_run["low-cadence"] == "no run records cadence"
    assert not_run["knee-pain-note"].startswith("the log holds no notes")
    assert "missing-rest-days" not in not_run


def test_a_rule_turned_off_is_not_run():
    profile = Profile(timezone=TIMEZONE, rules={"long-run-spike": {"enabled": False}})
    log = make_log(steady_runs(weeks=8), profile=profile)
    status = athlete_status(log, [], "ana", dt.date(2026, 2, 28))
    not_run = {item.rule: item.reason for item in status.rules_not_run}
    assert not_run["long-run-spike"] == "turned off in the profile"
    assert "acute-chronic-ratio" not in not_run


def test_information_asks_for_no_change_this_week():
    log = make_log(steady_runs(weeks=8))
    as_of = FIRST_MONDAY + dt.timedelta(weeks=7, days=6)
    info = finding("info", as_of.isoformat(), rule="weekly-mileage-jump", code="RL101")
    status = athlete_status(log, [info], "ana", as_of)
    assert status.open_findings == (info,)
    assert status.advice == ()


def test_a_red_flag_two_days_into_an_episode_is_not_called_two_weeks_of_pain():
    notes = [
        note("2026-03-04", "right knee sore after the run, 3/10"),
        note("2026-03-05", "right knee swelling now, it gave way on the stairs"),
    ]
    log = make_log([run("2026-03-03", 5), run("2026-03-04", 5)], notes=notes)
    status = athlete_status(log, run_rules(log), "ana", dt.date(2026, 3, 5))
    assert status.advice[0].startswith("You mention swelling")
    assert not any("two weeks" in sentence for sentence in status.advice)


def test_the_red_flag_sentence_is_given_once_naming_every_flag():
    notes = [
        note("2026-03-04", "right knee swelling after the long run, 5/10"),
        note("2026-03-05", "right knee gave way on the stairs, 5/10"),
    ]
    log = make_log([run("2026-03-04", 5), run("2026-03-05", 5)], notes=notes)
    status = athlete_status(log, run_rules(log), "ana", dt.date(2026, 3, 6))
    assert len(status.advice) == len(set(status.advice))
    flagged = [sentence for sentence in status.advice if sentence.startswith("You mention")]
    assert flagged == [
        "You mention swelling and giving way: have the knee seen by a doctor or "
        "physiotherapist now."
    ]
