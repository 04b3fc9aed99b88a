"""monotonous-surface: 80 % or more of the last 28 days' known-surface running on one surface."""

import datetime as dt

import pytest

from analyzer.checkers import monotonous_surface as rule
from analyzer.checkers import run_rules
from analyzer.profile import profile_from_dict
from tests.builders import FIRST_MONDAY, make_log, run, steady_log

DEFAULTS = rule.Thresholds()
SLUG = "monotonous-surface"
RUN_DAYS = (0, 2, 4, 6)  # Mon, Wed, Fri, Sun


def day(week: int, weekday: int = 0) -> dt.date:
    return FIRST_MONDAY + dt.timedelta(weeks=week, days=weekday)


def weeks_on(surfaces: tuple[str, ...], weeks: range, km: float = 6.0, **fields) -> list[dict]:
    """Four runs a week (Mon, Wed, Fri, Sun), the week's runs on these surfaces in turn.

    A surface given as "trail:4.5" runs 4.5 km instead of `km`.
    """
    rows = []
    for week in weeks:
        for index, weekday in enumerate(RUN_DAYS):
            surface, _, distance = surfaces[index % len(surfaces)].partition(":")
            rows.append(run(day(week, weekday), float(distance or km), surface=surface, **fields))
    return rows


def found(log, limits=DEFAULTS):
    return [
        (finding.severity, finding.date, finding.evidence.get("surface"))
        for finding in rule.check(log, limits)
    ]


ROAD = ("road",)
MIXED = ("road", "trail", "road", "track")  # road 50 %


@pytest.mark.parametrize(
    ("runs", "expected"),
    [
        pytest.param(
            weeks_on(ROAD, range(5)),
            [("info", day(3, 6), "road")],
            id="road only for 5 weeks: told once, on the 28th day",
        ),
        pytest.param(
            weeks_on(ROAD, range(16)),
            [("info", day(3, 6), "road")],
            id="road only for 16 weeks: still told once",
        ),
        pytest.param(weeks_on(MIXED, range(8)), [], id="half road, half trail and track: quiet"),
        pytest.param(weeks_on(ROAD, range(3)), [], id="3 weeks of log: no 28 days yet, quiet"),
        pytest.param(
            weeks_on(ROAD, range(6), km=1.0), [], id="16 km in 28 days is under the 20 km floor"
        ),
        pytest.param(
            weeks_on(("road", "road", "road", "trail:4.5"), range(8)),
            [("info", day(3, 6), "road")],
            id="80% road: told",
        ),
        pytest.param(
            weeks_on(("road", "road", "road", "trail"), range(8)), [], id="75% road: quiet"
        ),
        pytest.param(
            weeks_on(ROAD, range(6))
            + weeks_on(MIXED, range(6, 10))
            + weeks_on(ROAD, range(10, 16)),
            [("info", day(3, 6), "road"), ("info", day(12, 2), "road")],
            id="a varied month between: a second spell is told again",
        ),
        pytest.param(
            weeks_on(ROAD, range(6)) + weeks_on(("road", "road", "road", "trail"), range(6, 12)),
            [("info", day(3, 6), "road")],
            id="a share that falls only to 75% keeps the spell: told once",
        ),
        pytest.param(
            weeks_on(ROAD, range(6)) + weeks_on(("treadmill",), range(6, 14)),
            [("info", day(3, 6), "road"), ("info", day(9, 0), "treadmill")],
            id="road then treadmill for the winter: two spells",
        ),
        pytest.param(
            weeks_on(ROAD, range(6)) + weeks_on(("trail",), range(6), sport="hiking"),
            [("info", day(3, 6), "road")],
            id="hikes on trails do not make the running varied",
        ),
    ],
)
def test_monotonous_surface(runs, expected):
    assert found(make_log(runs)) == expected


def test_runs_of_unknown_surface_are_left_out_of_the_share_and_noted_once():
    runs = weeks_on(("road", "unknown", "unknown", "unknown"), range(8))
    findings = rule.check(make_log(runs), DEFAULTS)
    # 24 km of 96 on road: "100 % on road" would rest on a quarter of the running (issue 20)
    assert [(item.severity, item.date, item.evidence.get("surface")) for item in findings] == [
        ("info", day(3, 6), None),
    ]
    (unknown,) = findings
    half = rule.check(
        make_log(weeks_on(("road", "road", "unknown", "unknown"), range(8))), DEFAULTS
    )
    (spell,) = half  # half of it known: the share is told, beside the unknown left out
    assert spell.evidence["share_pct"] == 100.0
    assert spell.evidence["unknown_km"] == 48.0
    assert "48.0 km more of unknown surface is left out" in spell.message
    assert unknown.evidence == {"unknown_km": 72.0, "total_km": 96.0, "unknown_pct": 75.0}
    assert "[[surfaces]]" in unknown.message and "runlog.toml" in unknown.message


def test_only_unknown_surfaces_give_just_the_note_on_how_to_tag_them():
    findings = rule.check(make_log(weeks_on(("unknown",), range(10))), DEFAULTS)
    assert [(item.date, item.evidence["unknown_pct"]) for item in findings] == [(day(3, 6), 100.0)]
    assert findings[0].message.startswith(
        "Sun 1 Feb: the surface of 96.0 km of your 96.0 km of running in the last 28 days is "
        "unknown (100%)"
    )


def test_unknown_surface_under_half_draws_no_note():
    runs = weeks_on(("road", "trail", "unknown", "track"), range(8))
    assert found(make_log(runs)) == []


def test_two_runs_on_one_day_both_count():
    runs = weeks_on(ROAD, range(6))
    runs += [run(day(week, 6), 8, surface="trail", hour=18) for week in range(6)]
    assert found(make_log(runs)) == []  # road 24 of 32 km: 75 %


def test_the_message_says_the_share_and_to_vary():
    (finding,) = rule.check(make_log(weeks_on(ROAD, range(5))), DEFAULTS)
    assert finding.message.startswith(
        "Sun 1 Feb: 100% of your running of the last 28 days with a known surface was on road "
        "(96.0 km of 96.0 km)."
    )
    assert "trail, grass or a track" in finding.message
    assert (finding.period_start, finding.period_end) == (day(0), day(3, 6))
    assert len(finding.activity_ids) == 16


def test_the_28_days_are_local_days():
    # the 28th day's run starts at 00:00 in Copenhagen, on the 27th day in UTC
    runs = [*weeks_on(ROAD, range(3)), run(day(3, 6), 6, hour=0)]
    runs += [run(day(3, weekday), 6) for weekday in (0, 2, 4)]
    assert runs[-4]["start_time_utc"].date() == day(3, 5)
    assert found(make_log(runs)) == [("info", day(3, 6), "road")]


def test_a_profile_can_ask_for_a_higher_share():
    log = make_log(weeks_on(("road", "road", "road", "trail:4.5"), range(8)))
    profile = profile_from_dict({"rules": {SLUG: {"max_share_pct": 90.0}}})
    assert [item for item in run_rules(log, profile) if item.rule == SLUG] == []


def test_enabled_false_silences_the_rule():
    profile = profile_from_dict({"rules": {SLUG: {"enabled": False}}})
    log = make_log(weeks_on(ROAD, range(8)))
    assert [item for item in run_rules(log, profile) if item.rule == SLUG] == []


def test_the_steady_log_draws_no_finding():
    assert rule.check(steady_log(), DEFAULTS) == []
