"""The charts: PNG bytes when there is something to draw, None when there is not."""

import datetime as dt

from analyzer.profile import Profile, profile_from_dict
from analyzer.report import charts
from tests.builders import make_log, run

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_weekly_distance_is_a_png_with_findings_marked(coach_log, ana_findings):
    png = charts.weekly_distance_png(coach_log.for_athlete("ana"), ana_findings, "km")
    assert png.startswith(PNG_SIGNATURE)


def test_cadence_is_a_png_with_its_floor(coach_log):
    assert charts.cadence_png(coach_log.for_athlete("bo"), 170.0).startswith(PNG_SIGNATURE)


def test_no_runs_or_no_cadence_draw_nothing(coach_log):
    nobody = coach_log.for_athlete("nobody")
    assert charts.weekly_distance_png(nobody, [], "km") is None
    assert charts.cadence_png(coach_log.for_athlete("zoë"), None) is None
    assert charts.shoe_distance_png([], "km") is None


def test_shoe_distance_counts_aliases_and_pre_use(coach_log):
    uses = {use.shoe: use for use in charts.shoe_uses(coach_log.for_athlete("bo"), "bo")}
    assert uses["Old Faithful"].distance_km == 700.0 + 11 * 8.0
    assert charts.shoe_distance_png(list(uses.values()), "miles").startswith(PNG_SIGNATURE)


def test_runs_naming_no_shoe_count_on_the_default_shoe():
    from analyzer.profile import ShoeSetting

    log = make_log(
        [run("2026-03-01", 10.0), run("2026-03-02", 5.0, shoe="pegasus")],
        shoes=[ShoeSetting("Pegasus 40", aliases=("pegasus",), default=True, limit_km=600)],
    )
    (use,) = charts.shoe_uses(log, "ana")
    assert (use.shoe, use.distance_km, use.warning_km, use.high_km) == (
        "Pegasus 40",
        15.0,
        600.0,
        1000.0,  # the rule's high mark moves with a shoe's own limit (600 x 800 / 480)
    )


def test_a_retired_shoe_is_drawn_at_the_distance_the_rule_counts():
    from analyzer.checkers import shoe_overdue
    from analyzer.profile import ShoeSetting

    runs = [run(f"2026-03-{day:02d}", 10.0, shoe="Pegasus") for day in range(1, 31)]
    runs += [run(f"2026-04-{day:02d}", 10.0, shoe="Pegasus") for day in range(1, 31)]
    log = make_log(runs, shoes=[ShoeSetting("Pegasus", retired=dt.date(2026, 3, 30))])
    (use,) = charts.shoe_uses(log, "ana")
    assert use.distance_km == 300.0
    assert shoe_overdue.check(log, shoe_overdue.Thresholds()) == []


def test_a_rule_setting_comes_from_the_athletes_profile():
    slug = "long-run-spike"
    log = make_log([run("2026-03-01", 10.0)])
    assert charts.rule_setting(log, "ana", slug, "warning", "ratio") == 1.10
    log.profiles[""] = profile_from_dict({"rules": {slug: {"warning_ratio": 1.2}}})
    assert charts.rule_setting(log, "ana", slug, "warning", "ratio") == 1.2
    assert charts.rule_setting(log, "ana", "no-such-rule", "ratio") is None
    assert isinstance(log.profile_for("ana"), Profile)
