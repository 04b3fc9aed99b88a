"""shoe-overdue: a shoe's distance, pre-use included, past 480 km (warning) or 800 km (high)."""

import dataclasses
import datetime as dt

import pytest

from analyzer.checkers import run_rules
from analyzer.checkers import shoe_overdue as rule
from analyzer.profile import Profile, ShoeSetting, profile_from_dict
from tests.builders import FIRST_MONDAY, make_log, run, steady_log

DEFAULTS = rule.Thresholds()
SLUG = "shoe-overdue"


def day(number: int) -> dt.date:
    """The day of the `number`th run (1-based), one run every day from the first Monday."""
    return FIRST_MONDAY + dt.timedelta(days=number - 1)


def runs_of(count: int, shoe: str = "Pegasus", km: float = 10.0, first: int = 1, **fields):
    return [run(day(first + offset), km, shoe=shoe, **fields) for offset in range(count)]


def found(log, limits=DEFAULTS):
    return [
        (finding.evidence["shoe"], finding.severity, finding.date)
        for finding in rule.check(log, limits)
    ]


@pytest.mark.parametrize(
    ("runs", "shoes", "expected"),
    [
        pytest.param(runs_of(47), [], [], id="470 km: quiet"),
        pytest.param(
            runs_of(50), [], [("Pegasus", "warning", day(48))], id="480 km on the 48th run"
        ),
        pytest.param(
            runs_of(85),
            [],
            [("Pegasus", "warning", day(48)), ("Pegasus", "high", day(80))],
            id="800 km: warning then high, once each",
        ),
        pytest.param(
            runs_of(40),
            [ShoeSetting("Pegasus", pre_used_km=100)],
            [("Pegasus", "warning", day(38))],
            id="100 km of pre-use count: warning on the 38th run",
        ),
        pytest.param(
            runs_of(60),
            [ShoeSetting("Pegasus", limit_km=300)],
            [("Pegasus", "warning", day(30)), ("Pegasus", "high", day(50))],
            id="its own 300 km limit: warning at 300, high at 500",
        ),
        pytest.param(
            runs_of(60),
            [ShoeSetting("Pegasus", limit_km=700)],
            [],
            id="its own 700 km limit replaces 480: quiet at 600 km",
        ),
        pytest.param(
            runs_of(1, km=5),
            [ShoeSetting("Pegasus", pre_used_km=900)],
            [("Pegasus", "high", day(1))],
            id="pre-used past both limits: one high finding on its first run",
        ),
        pytest.param(
            runs_of(25, shoe="peg") + runs_of(25, shoe="PEGASUS 40", first=26),
            [ShoeSetting("Pegasus 40", aliases=("peg",))],
            [("Pegasus 40", "warning", day(48))],
            id="an alias and another case count on the shoe",
        ),
        pytest.param(
            runs_of(30, shoe="") + runs_of(20, shoe="Ghost", first=31),
            [ShoeSetting("Pegasus", default=True, pre_used_km=200)],
            [("Pegasus", "warning", day(28))],
            id="runs with no shoe count on the default shoe",
        ),
        pytest.param(
            runs_of(60),
            [ShoeSetting("Pegasus", start=day(20))],
            [],
            id="runs before its start date do not count: 410 km, quiet",
        ),
        pytest.param(
            runs_of(40),
            [ShoeSetting("Pegasus", retired=day(40))],
            [],
            id="retired after 400 km, no run since: quiet",
        ),
        pytest.param(
            runs_of(60),
            [ShoeSetting("Pegasus", retired=day(40))],
            [("Pegasus", "info", day(41)), ("Pegasus", "warning", day(48))],
            id="runs that name it after its retirement count: worn again, then past 480 km",
        ),
        pytest.param(
            runs_of(60),
            [ShoeSetting("Pegasus", retired=day(55))],
            [("Pegasus", "warning", day(48)), ("Pegasus", "warning", day(56))],
            id="past its limit, retired, worn again: a warning that it is worn again",
        ),
        pytest.param(
            runs_of(55) + runs_of(5, shoe="", first=56),
            [ShoeSetting("Pegasus", retired=day(55), default=True)],
            [("Pegasus", "warning", day(48))],
            id="runs that name no shoe do not count on a retired default shoe",
        ),
        pytest.param(
            runs_of(30, shoe="Pegasus") + runs_of(30, shoe="Ghost", first=31),
            [],
            [],
            id="two shoes of 300 km each: quiet",
        ),
        pytest.param(
            runs_of(50, sport="walking") + runs_of(50, sport="cycling", first=51),
            [],
            [],
            id="walks and rides in the shoe do not count",
        ),
    ],
)
def test_shoe_overdue(runs, shoes, expected):
    assert found(make_log(runs, shoes=shoes)) == expected


def test_two_runs_on_one_day_both_count():
    evening = run(day(48), 6, shoe="Pegasus", hour=18, activity_id="evening")
    runs = [*runs_of(47), run(day(48), 5, shoe="Pegasus", hour=7), evening]
    (finding,) = rule.check(make_log(runs), DEFAULTS)
    assert (finding.date, finding.evidence["distance_km"]) == (day(48), 481.0)
    assert finding.activity_ids == ("evening",)


def test_runs_the_export_links_to_the_shoe_count_whatever_they_name():
    runs = runs_of(50, shoe="", activity_id=None)
    log = make_log(runs, shoes=[ShoeSetting("Trail shoe")])
    linked = tuple(row["activity_id"] for row in runs)
    log = dataclasses.replace(log, shoes=log.shoes.assign(activity_ids=[linked]))
    assert found(log) == [("Trail shoe", "warning", day(48))]


def test_retirement_is_a_local_day_a_run_after_midnight_local_is_worn_again():
    # retired on day 47 (470 km); the next run at 00:00 in Copenhagen is day 47 in UTC
    runs = [*runs_of(47), run(day(48), 5, shoe="Pegasus", hour=0)]
    assert runs[-1]["start_time_utc"].date() == day(47)
    log = make_log(runs, shoes=[ShoeSetting("Pegasus", retired=day(47))])
    assert found(log) == [("Pegasus", "info", day(48))]


def test_the_message_says_the_distance_the_pre_use_and_to_rotate():
    log = make_log(runs_of(40), shoes=[ShoeSetting("Pegasus", pre_used_km=100)])
    (finding,) = rule.check(log, DEFAULTS)
    assert finding.message.startswith(
        "Wed 11 Feb: your Pegasus passed 480.0 km (480.0 km, 100.0 km of it before this log); "
        "runners are told to replace a pair after 480.0 km to 800.0 km."
    )
    assert "rotated more than one pair" in finding.message
    assert finding.evidence == {
        "shoe": "Pegasus",
        "distance_km": 480.0,
        "limit_km": 480.0,
        "pre_used_km": 100.0,
        "runs": 38,
        "retired_date": None,
        "worn_after_retired": False,
    }


def test_distances_are_given_in_miles_for_a_runner_who_uses_miles():
    log = make_log(runs_of(50), profile=Profile(units="miles"))
    (finding,) = rule.check(log, DEFAULTS)
    assert "your Pegasus passed 298.3 mi" in finding.message


def test_a_profile_can_raise_the_warning_limit():
    log = make_log(runs_of(50))
    profile = profile_from_dict({"rules": {SLUG: {"warning_km": 600}}})
    assert [item for item in run_rules(log, profile) if item.rule == SLUG] == []


def test_enabled_false_silences_the_rule():
    profile = profile_from_dict({"rules": {SLUG: {"enabled": False}}})
    log = make_log(runs_of(90))
    assert [item for item in run_rules(log, profile) if item.rule == SLUG] == []


def test_a_new_shoe_at_its_first_run_is_quiet():
    assert found(make_log(runs_of(1))) == []


def test_the_steady_log_draws_no_finding():
    assert rule.check(steady_log(), DEFAULTS) == []


def test_a_retired_shoe_counts_the_same_for_the_rule_and_the_report():
    """30 of 60 runs of 10 km before it retired, 30 after that name it: 600 km in both."""
    log = make_log(runs_of(60), shoes=[ShoeSetting("Pegasus", retired=day(30))])
    (shoe,) = rule.shoe_distances(log, "ana", DEFAULTS)
    assert (shoe.distance_km, shoe.runs, shoe.last_used, shoe.retired_date) == (
        600.0,
        60,
        day(60),
        day(30),
    )
    assert shoe.is_worn_after_retired
    assert found(log) == [("Pegasus", "info", day(31)), ("Pegasus", "warning", day(48))]


def test_a_retired_shoe_worn_again_is_told_once_with_the_profiles_day():
    log = make_log(runs_of(60), shoes=[ShoeSetting("Pegasus", retired=day(30))])
    again, passed = rule.check(log, DEFAULTS)
    assert again.message.startswith(
        "Wed 4 Feb: this run names your Pegasus, which your profile retired on Tue 3 Feb "
        "2026; with this run it is at 310.0 km, under its 480.0 km;"
    )
    assert "take `retired` out of your runlog.toml if it is back in use" in again.message
    assert again.evidence["worn_after_retired"] and again.evidence["retired_date"] == "2026-02-03"
    assert again.headline == "Pegasus worn again after its retirement (Tue 3 Feb), at 310.0 km"
    assert "Your profile retired this pair on Tue 3 Feb 2026, yet this run names it" in (
        passed.message
    )
    assert passed.headline == "Pegasus at 480.0 km, past 480.0 km, retired in your profile"
