"""running-through-pain: as much running in the 7 days after a knee-pain note as before it."""

import datetime as dt

import pytest

from analyzer.checkers import run_rules
from analyzer.checkers import running_through_pain as rule
from analyzer.profile import Profile, profile_from_dict
from tests.builders import FIRST_MONDAY, make_log, note, run, steady_log

DEFAULTS = rule.Thresholds()
SLUG = "running-through-pain"
WEEK = ((1, 5.0), (3, 5.0), (5, 5.0), (6, 10.0))  # Tue, Thu, Sat 5 km, Sun 10 km: 25 km
NOTE_DAY = FIRST_MONDAY + dt.timedelta(weeks=2, days=6)  # the third Sunday


def after(days: int) -> dt.date:
    return NOTE_DAY + dt.timedelta(days=days)


def weeks_of_runs(weeks: int = 3, first: dt.date = FIRST_MONDAY, **fields) -> list[dict]:
    return [
        run(first + dt.timedelta(weeks=week, days=weekday), km, **fields)
        for week in range(weeks)
        for weekday, km in WEEK
    ]


def found(log, limits=DEFAULTS):
    return [(finding.severity, finding.date) for finding in rule.check(log, limits)]


def log_of(after_runs: list[dict], *notes, before_weeks: int = 3):
    notes = notes or (note(NOTE_DAY, "left knee sore, 3/10"),)
    return make_log(weeks_of_runs(before_weeks) + after_runs, notes=list(notes))


SAME_WEEK_AFTER = weeks_of_runs(1, first=NOTE_DAY + dt.timedelta(days=1))


@pytest.mark.parametrize(
    ("after_runs", "expected"),
    [
        pytest.param(
            SAME_WEEK_AFTER, [("warning", after(7))], id="the same 25 km after: warning on day 7"
        ),
        pytest.param(
            [run(after(1), 12), run(after(2), 12)],
            [("warning", after(2))],
            id="24 km in two days: told on the day it passed 90%",
        ),
        pytest.param([run(after(2), 10), run(after(5), 10)], [], id="cut to 20 km (80%): quiet"),
        pytest.param([run(after(3), 5)], [], id="cut to 5 km: quiet"),
        pytest.param([], [], id="no running after: quiet"),
        pytest.param(
            [run(after(8), 30)], [], id="a long run on day 8 is outside the 7 days: quiet"
        ),
        pytest.param(
            [
                run(after(2), 10),
                run(after(4), 30, sport="walking"),
                run(after(5), 40, sport="cycling"),
            ],
            [],
            id="walks and rides after do not count: quiet",
        ),
        pytest.param(
            [run(after(3), 6, hour=7), run(after(3), 17, hour=18)],
            [("warning", after(3))],
            id="two runs on one day both count",
        ),
    ],
)
def test_running_through_pain(after_runs, expected):
    assert found(log_of(after_runs)) == expected


def test_the_message_gives_the_distances_before_and_after():
    (finding,) = rule.check(log_of([run(after(1), 12), run(after(2), 12)]), DEFAULTS)
    assert finding.message.startswith(
        "Tue 27 Jan: 24.0 km run in the 2 days after your knee-pain note (3/10) of Sun 25 Jan, "
        "already 96% of the 25.0 km of the 7 days up to it."
    )
    assert "not something to run through" in finding.message
    assert finding.evidence["before_km"] == 25.0
    assert finding.evidence["after_km"] == 24.0
    assert len(finding.activity_ids) == 2
    assert (finding.period_start, finding.period_end) == (after(-6), after(2))


def test_the_note_days_run_is_part_of_the_week_before():
    # the run on the note's day (10 km) is the one that hurt: before = 25 km, not 15
    log = log_of([run(after(1), 20)])
    assert found(log) == []


def test_a_run_after_midnight_local_is_after_the_note_though_utc_puts_it_on_the_notes_day():
    late = run(after(1), 23, hour=0)
    assert late["start_time_utc"].date() == NOTE_DAY
    assert found(log_of([late])) == [("warning", after(1))]


def test_a_note_that_the_knee_is_fine_ends_the_running_through():
    runs = [run(after(1), 5), run(after(4), 10), run(after(6), 10)]
    fine = note(after(3), "knee fine again")
    assert found(log_of(runs, note(NOTE_DAY, "knee sore"), fine)) == []
    assert found(log_of(runs, note(NOTE_DAY, "knee sore"))) == [("warning", after(6))]


def test_a_second_note_inside_a_flagged_week_is_part_of_the_same_finding():
    notes = (note(NOTE_DAY, "knee sore"), note(after(3), "knee still sore"))
    (finding,) = rule.check(log_of(SAME_WEEK_AFTER, *notes), DEFAULTS)
    assert "You noted knee pain again on 1 day since." in finding.message


def test_a_light_week_before_the_note_is_not_compared():
    runs = [run(FIRST_MONDAY + dt.timedelta(days=offset), 2) for offset in range(0, 20, 3)]
    log = make_log(runs + SAME_WEEK_AFTER, notes=[note(NOTE_DAY, "knee sore")])
    assert found(log) == []


def test_a_note_in_the_first_days_of_the_log_has_no_week_before_to_compare():
    runs = [run(NOTE_DAY - dt.timedelta(days=2), 15), run(NOTE_DAY, 10), *SAME_WEEK_AFTER]
    log = make_log(runs, notes=[note(NOTE_DAY, "knee sore")])
    assert found(log) == []


def test_a_note_without_knee_pain_starts_nothing():
    log = log_of(SAME_WEEK_AFTER, note(NOTE_DAY, "calf sore, knee fine"))
    assert found(log) == []


def test_distances_are_given_in_miles_for_a_runner_who_uses_miles():
    log = make_log(
        weeks_of_runs(3) + SAME_WEEK_AFTER,
        notes=[note(NOTE_DAY, "knee sore")],
        profile=Profile(units="miles"),
    )
    (finding,) = rule.check(log, DEFAULTS)
    assert "15.5 mi run in the 7 days after" in finding.message


def test_a_profile_can_allow_more_running_after_the_note():
    log = log_of(SAME_WEEK_AFTER)
    profile = profile_from_dict({"rules": {SLUG: {"max_load_ratio": 1.2}}})
    assert [item for item in run_rules(log, profile) if item.rule == SLUG] == []


def test_enabled_false_silences_the_rule():
    profile = profile_from_dict({"rules": {SLUG: {"enabled": False}}})
    assert [item for item in run_rules(log_of(SAME_WEEK_AFTER), profile) if item.rule == SLUG] == []


def test_the_steady_log_draws_no_finding():
    assert rule.check(steady_log(), DEFAULTS) == []
