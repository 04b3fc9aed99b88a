"""The weekly table: one row per athlete and local week, with the numbers the rules use."""

import datetime as dt
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

import analyzer
from analyzer import cli
from analyzer.checkers import RULES, SEVERITIES, run_rules
from analyzer.checkers import acute_chronic_ratio as ratio_rule
from analyzer.profile import ShoeSetting
from analyzer.weekly import WEEKLY_COLUMNS, findings_column, weekly_table
from tests.builders import FIRST_MONDAY, daily_runs, make_log, note, run

SAMPLE_DATA = Path(__file__).resolve().parents[1] / "sample_data"


def on(week: int, weekday: int) -> dt.date:
    return FIRST_MONDAY + dt.timedelta(weeks=week, days=weekday)


def test_every_week_from_first_to_last_day_is_a_row_with_its_runs():
    log = make_log(
        [
            run(on(0, 1), 6.0, pace_min_per_km=5.0),
            run(on(0, 3), 8.0, pace_min_per_km=5.0),
            run(on(0, 6), 14.0, pace_min_per_km=5.0),
            run(on(2, 2), 5.0, pace_min_per_km=5.0),
        ]
    )
    weekly = weekly_table(log)
    assert list(weekly.columns) == list(WEEKLY_COLUMNS)
    assert list(weekly["week_start"]) == [on(0, 0), on(1, 0), on(2, 0)]
    assert list(weekly["runs"]) == [3, 0, 1]
    assert list(weekly["distance_m"]) == [28_000.0, 0.0, 5_000.0]
    assert list(weekly["moving_s"]) == [28 * 300.0, 0.0, 5 * 300.0]
    assert weekly["longest_run_m"].iloc[0] == 14_000.0
    assert math.isnan(weekly["longest_run_m"].iloc[1])
    # the log runs from Tuesday of week 0 to Wednesday of week 2
    assert list(weekly["days_in_log"]) == [6, 7, 3]
    assert list(weekly["rest_days"]) == [3, 7, 2]


def test_weeks_are_the_runners_local_weeks_not_utc():
    # 06:00 on Monday in Sydney is Sunday evening UTC: the run is in Monday's week
    sydney_monday = run(on(1, 0), 10.0, hour=6, timezone="Australia/Sydney")
    assert sydney_monday["start_time_utc"].date() == on(0, 6)
    weekly = weekly_table(make_log([run(on(0, 2), 5.0), sydney_monday]))
    assert list(weekly["week_start"]) == [on(0, 0), on(1, 0)]
    assert list(weekly["distance_m"]) == [5_000.0, 10_000.0]


def test_monotony_and_strain_are_fosters_on_the_weeks_daily_distances():
    days_km = [5, 5, 0, 5, 5, 0, 10]
    weekly = weekly_table(daily_runs(*days_km, 4, 4))
    first = weekly.iloc[0]
    monotony = np.mean(days_km) / np.std(days_km, ddof=1)
    assert first["monotony"] == pytest.approx(monotony)
    assert first["strain_m"] == pytest.approx(30_000 * monotony)
    assert first["rest_days"] == 2
    # the second week is two days in the log, both 4 km: the same load every day
    assert weekly.iloc[1]["days_in_log"] == 2
    assert math.isinf(weekly.iloc[1]["monotony"])


def test_acute_chronic_ratio_is_the_rules_on_the_weeks_last_day():
    steady = [5, 5, 0, 5, 5, 0, 10]
    doubled = [10, 10, 0, 10, 10, 0, 20]
    log = daily_runs(*(steady * 5 + doubled + steady))
    weekly = weekly_table(log)
    (finding,) = [item for item in run_rules(log) if item.rule == "acute-chronic-ratio"]
    week = weekly[weekly["week_start"] == finding.date - dt.timedelta(days=finding.date.weekday())]
    assert round(float(week["acute_chronic_ratio"].iloc[0]), 2) == finding.evidence["ratio"]
    # under 28 days of runs the rule cannot judge, and neither does the table
    assert weekly["acute_chronic_ratio"].iloc[:3].isna().all()
    assert weekly["acute_chronic_ratio"].iloc[4] == pytest.approx(1.0)


def test_acute_chronic_ratio_follows_the_profiles_windows():
    profile = analyzer.Profile(rules={"acute-chronic-ratio": {"min_history_days": 7}})
    weekly = weekly_table(daily_runs(*([5, 5, 0, 5, 5, 0, 10] * 3)), profile=profile)
    assert math.isnan(weekly["acute_chronic_ratio"].iloc[0])
    assert weekly["acute_chronic_ratio"].iloc[1:].notna().all()
    assert ratio_rule.Thresholds().min_history_days == 28


def test_median_cadence_and_surface_shares():
    log = make_log(
        [
            run(on(0, 0), 6.0, cadence_spm=170.0, surface="road"),
            run(on(0, 2), 3.0, cadence_spm=180.0, surface="Trail"),
            run(on(0, 4), 3.0, cadence_spm=None, surface="bog"),
        ]
    )
    week = weekly_table(log).iloc[0]
    assert week["median_cadence_spm"] == 175.0
    assert week["surface_road_share"] == 0.5
    assert week["surface_trail_share"] == 0.25
    assert week["surface_unknown_share"] == 0.25
    assert week["surface_track_share"] == 0.0


def test_the_shoe_most_used_with_its_distance_as_shoe_overdue_counts_it():
    shoes = [ShoeSetting("Pegasus", pre_used_km=100.0, default=True), ShoeSetting("Ghost")]
    log = make_log(
        [
            run(on(0, 0), 10.0, shoe="pegasus"),
            run(on(0, 2), 12.0, shoe="Ghost"),
            run(on(0, 4), 5.0),  # no shoe named: the default Pegasus
            run(on(1, 1), 8.0, shoe="Ghost"),
            run(on(3, 1), 8.0, shoe="Pegasus"),
        ],
        shoes=shoes,
    )
    weekly = weekly_table(log)
    assert list(weekly["shoe"].fillna("")) == ["Pegasus", "Ghost", "", "Pegasus"]
    assert list(weekly["shoe_week_distance_m"].fillna(-1)) == [15_000.0, 8_000.0, -1, 8_000.0]
    assert list(weekly["shoe_total_distance_m"].fillna(-1)) == [115_000.0, 20_000.0, -1, 123_000.0]


def test_knee_pain_notes_count_with_highest_score_and_red_flag():
    log = make_log(
        [run(on(0, 0), 5.0), run(on(2, 0), 5.0)],
        notes=[
            note(on(0, 1), "left knee sore, 3/10"),
            note(on(0, 3), "knee pain 5/10 on the stairs"),
            note(on(0, 4), "no knee pain today"),
            note(on(1, 2), "knee swelling after the run"),
            note(on(2, 2), "calf sore"),
        ],
    )
    weekly = weekly_table(log)
    assert list(weekly["knee_pain_notes"]) == [2, 1, 0]
    assert weekly["knee_pain_max_score_of_10"].iloc[0] == 5.0
    assert math.isnan(weekly["knee_pain_max_score_of_10"].iloc[1])
    assert list(weekly["knee_red_flag"]) == [False, True, False]


def test_findings_are_counted_per_rule_severity_and_local_week():
    log = analyzer.load(SAMPLE_DATA)
    findings = run_rules(log)
    weekly = log.weekly()
    columns = [findings_column(rule.slug, severity) for rule in RULES for severity in SEVERITIES]
    assert weekly[columns].to_numpy().sum() == len(findings)
    for finding in findings:
        monday = finding.date - dt.timedelta(days=finding.date.weekday())
        row = weekly[(weekly["athlete"] == finding.athlete) & (weekly["week_start"] == monday)]
        assert row[findings_column(finding.rule, finding.severity)].iloc[0] >= 1
    # the findings table analyzer.check gives counts the same
    pd.testing.assert_frame_equal(weekly_table(log, analyzer.check(log)), weekly)


def test_one_row_per_athlete_and_week_for_several_athletes():
    log = make_log(
        [run(on(0, 0), 5.0, athlete="ana"), run(on(1, 0), 6.0, athlete="bo")],
        notes=[note(on(3, 0), "easy week", athlete="bo")],
    )
    weekly = weekly_table(log)
    assert list(zip(weekly["athlete"], weekly["week_start"], strict=True)) == [
        ("ana", on(0, 0)),
        ("bo", on(1, 0)),
        ("bo", on(2, 0)),
        ("bo", on(3, 0)),
    ]


def test_an_empty_log_is_an_empty_table_with_every_column():
    weekly = weekly_table(make_log([]))
    assert weekly.empty
    assert list(weekly.columns) == list(WEEKLY_COLUMNS)


def test_import_writes_the_weekly_table(tmp_path):
    runs, weekly_path = tmp_path / "runs.parquet", tmp_path / "weekly.parquet"
    result = CliRunner().invoke(
        cli.cli, ["import", str(SAMPLE_DATA), "-o", str(runs), "--weekly", str(weekly_path)]
    )
    assert result.exit_code == cli.EXIT_OK, result.output
    written = pd.read_parquet(weekly_path)
    expected = analyzer.load(SAMPLE_DATA).weekly()
    assert f"Wrote {len(expected)} athlete-weeks to {weekly_path}." in result.output
    assert list(written.columns) == list(WEEKLY_COLUMNS)
    assert list(written["week_start"]) == list(expected["week_start"])
    assert list(written["distance_m"]) == list(expected["distance_m"])


def test_import_refuses_a_weekly_table_of_unknown_kind(tmp_path):
    result = CliRunner().invoke(
        cli.cli,
        ["import", str(SAMPLE_DATA), "-o", str(tmp_path / "r.csv"), "--weekly", "weekly.xlsx"],
    )
    assert result.exit_code == cli.EXIT_USAGE
    assert "weekly.xlsx: runlog writes .parquet or .csv tables" in result.output
    assert not (tmp_path / "r.csv").exists()
