"""The athlete profile: TOML over the defaults; every mistake is one line naming the key."""

import datetime as dt

import pytest

from analyzer import load
from analyzer.checkers import RULES, check_rule_settings, run_rules, thresholds_for
from analyzer.errors import ProfileError
from analyzer.profile import load_profile, profile_from_dict
from tests.builders import make_log, run


def _write(tmp_path, text):
    path = tmp_path / "runlog.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_full_profile_reads(tmp_path):
    path = _write(
        tmp_path,
        """
athlete = "Ana"
timezone = "Europe/Copenhagen"
units = "miles"

[[shoes]]
name = "Pegasus 40"
aliases = ["pegasus"]
start = 2026-01-10
retired = "2026-09-01"
pre_used_km = 120
limit_km = 700
default = true

[[surfaces]]
surface = "trail"
words = ["forest"]

[[surfaces]]
surface = "track"
lat_deg = 55.7
lon_deg = 12.55
radius_m = 300
""",
    )
    profile = load_profile(path)
    assert (profile.athlete, profile.timezone, profile.units) == (
        "Ana",
        "Europe/Copenhagen",
        "miles",
    )
    shoe = profile.shoes[0]
    assert shoe.start == dt.date(2026, 1, 10) and shoe.retired == dt.date(2026, 9, 1)
    assert (shoe.pre_used_km, shoe.limit_km, shoe.default) == (120.0, 700.0, True)
    assert [tag.surface for tag in profile.surfaces] == ["trail", "track"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        pytest.param("timezone = 'Mars/Olympus'", ["timezone", "Mars/Olympus"], id="unknown zone"),
        pytest.param("units = 'furlongs'", ["units", "furlongs"], id="unknown units"),
        pytest.param("atlete = 'x'", ["atlete", "athlete"], id="misspelt top-level key"),
        pytest.param("[[shoes]]\nlimit_km = 500", ["[[shoes]] #1", "name"], id="shoe without name"),
        pytest.param(
            "[[shoes]]\nname = 'a'\nlimit_km = 'lots'", ["limit_km"], id="shoe limit text"
        ),
        pytest.param("[[surfaces]]\nsurface = 'ice'\nwords = ['x']", ["surface"], id="bad surface"),
        pytest.param("this is = not toml", ["not valid TOML"], id="broken TOML"),
    ],
)
def test_a_bad_profile_names_the_key(tmp_path, text, words):
    with pytest.raises(ProfileError) as raised:
        load_profile(_write(tmp_path, text))
    message = str(raised.value)
    assert message.startswith("runlog.toml:")
    assert "\n" not in message
    for word in words:
        assert word in message


def test_a_missing_profile_file_is_a_profile_error(tmp_path):
    with pytest.raises(ProfileError, match="no such profile file"):
        load_profile(tmp_path / "absent.toml")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        pytest.param("[rules.no-such-rule]\nx = 1", ["no-such-rule", "long-run-spike"], id="rule"),
        pytest.param(
            "[rules.long-run-spike]\nwarning_ratoi = 1.2",
            ["[rules.long-run-spike] warning_ratoi", "warning_ratio"],
            id="misspelt setting",
        ),
        pytest.param(
            "[rules.long-run-spike]\nwarning_ratio = 'high'",
            ["warning_ratio", "a number"],
            id="text",
        ),
        pytest.param("[rules.long-run-spike]\nenabled = 'no'", ["true or false"], id="enabled"),
    ],
)
def test_a_bad_rule_setting_stops_the_load_naming_the_file_and_key(tmp_path, text, words):
    (tmp_path / "run.csv").write_text("date,distance_km\n2026-03-01,5\n")
    _write(tmp_path, text)
    with pytest.raises(ProfileError) as raised:
        load(tmp_path)
    message = str(raised.value)
    assert message.startswith("runlog.toml: [rules")
    for word in words:
        assert word in message


def test_rule_settings_are_checked_by_the_rules_when_they_run():
    rule = RULES[0]
    field_name, default = next(iter(rule.defaults.items()))
    profile = profile_from_dict({"rules": {rule.slug: {field_name: default, "enabled": False}}})
    assert not profile.is_enabled(rule.slug)
    assert getattr(thresholds_for(profile, rule), field_name) == default
    assert check_rule_settings(profile) is profile
    for settings, words in [
        ({"no_such_setting_km": 1}, "is not a setting of this rule"),
        ({field_name: "text"}, "should be"),
    ]:
        bad = profile_from_dict({"rules": {rule.slug: settings}})
        with pytest.raises(ProfileError, match=words):
            run_rules(make_log([run("2026-03-02", 8)]), bad)
        with pytest.raises(ProfileError, match=words):
            check_rule_settings(bad)


def test_a_miles_runner_writes_shoe_distances_in_miles():
    profile = profile_from_dict(
        {"units": "miles", "shoes": [{"name": "Pegasus", "pre_used_mi": 272, "limit_mi": 400}]}
    )
    (shoe,) = profile.shoes
    assert shoe.pre_used_km == pytest.approx(272 * 1.609344)
    assert shoe.limit_km == pytest.approx(400 * 1.609344)


@pytest.mark.parametrize(
    ("shoe", "words"),
    [
        pytest.param(
            {"pre_used_km": -5}, "pre_used_km = -5 is outside its range, 0 to 20000", id="negative"
        ),
        pytest.param(
            {"limit_mi": 10}, "limit_mi = 10 is outside its range, 31 to 3107", id="tiny, in miles"
        ),
        pytest.param(
            {"limit_km": float("inf")}, "limit_km = inf is outside its range", id="infinite"
        ),
        pytest.param(
            {"limit_km": float("nan")}, "limit_km = nan is outside its range", id="not a number"
        ),
        pytest.param(
            {"limit_km": 600, "limit_mi": 400}, "has both limit_km and limit_mi", id="both forms"
        ),
    ],
)
def test_a_shoe_distance_outside_its_range_is_one_line_naming_it(shoe, words):
    with pytest.raises(ProfileError) as caught:
        profile_from_dict({"shoes": [{"name": "Pegasus", **shoe}]}, "ana.toml")
    assert words in str(caught.value)
    assert str(caught.value).startswith("ana.toml: [[shoes]] #1 ")
    assert "\n" not in str(caught.value)


def test_a_place_south_or_west_is_a_place():
    profile = profile_from_dict(
        {"surfaces": [{"surface": "track", "lat_deg": -33.87, "lon_deg": -70.6}]}
    )
    assert profile.surfaces[0].lat_deg == -33.87


def test_a_profile_nested_a_thousand_deep_is_one_line(tmp_path):
    path = tmp_path / "runlog.toml"
    path.write_text("x = " + "[" * 1000 + "]" * 1000 + "\n", encoding="utf-8")
    with pytest.raises(ProfileError, match=r"runlog\.toml: nested too deep"):
        load_profile(path)


def test_a_huge_profile_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "runlog.toml"
    with path.open("wb") as stream:  # a sparse file: 3 GB that take no disk
        stream.truncate(3_000_000_000)
    with pytest.raises(ProfileError, match="3,000,000,000 bytes is too large"):
        load_profile(path)


def test_a_long_wrong_value_is_cut_short_in_the_message():
    with pytest.raises(ProfileError) as caught:
        profile_from_dict({"timezone": ["x" * 100_000]})
    assert "should be a str" in str(caught.value)
    assert len(str(caught.value)) < 200
