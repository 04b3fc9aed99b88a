"""The JSON document (docs/DESIGN.md#the-json-document): plain values, and a golden file."""

import dataclasses
import datetime as dt
import json

import numpy as np
import pandas as pd
import pytest

from analyzer.checkers import RULES
from analyzer.report.json import finding_dict, plain, render_json, render_rules_json, status_dict
from analyzer.status import ShoeNear
from analyzer.study import study_of_statuses
from tests.report.golden import assert_matches_golden

FINDING_KEYS = [
    "rule",
    "code",
    "severity",
    "date",
    "period_start",
    "period_end",
    "message",
    "evidence",
    "activity_ids",
]


def test_a_coach_folder_matches_its_golden_file(
    coach_log, coach_findings, coach_errors, coach_statuses
):
    as_of = dt.date(2026, 3, 9)
    study = study_of_statuses(coach_statuses)  # two athletes' notes: counts only, and why
    document = render_json(
        coach_log, coach_findings, coach_errors, coach_statuses, as_of, study=study
    )
    assert_matches_golden("check_coach.json", document)


def test_the_status_has_designs_keys(coach_log, coach_findings, coach_statuses):
    as_of = dt.date(2026, 3, 9)
    document = json.loads(render_json(coach_log, coach_findings, (), coach_statuses, as_of))
    assert document["as_of"] == "2026-03-09"
    status = document["athletes"][0]["status"]
    for key in ("as_of", "last_activity_date", "days_since_last_activity", "latest_pain"):
        assert key in status
    assert (
        status["latest_pain"]
        == {
            "date": "2026-03-09",
            "side": "left",
            "score_of_10": None,
            "red_flags": [],
            "excerpt": "Left knee sore on the stairs",
            "source": "journal.txt",
        }
        or status["latest_pain"] is None
    )
    assert isinstance(status["advice"], list)
    assert status["open_findings"][0]["code"] == "RL103"


def test_a_ratio_not_judged_is_null_with_its_reason(coach_log, coach_findings, coach_statuses):
    as_of = dt.date(2026, 3, 9)
    document = json.loads(render_json(coach_log, coach_findings, (), coach_statuses, as_of))
    status = {item["athlete"]: item["status"] for item in document["athletes"]}
    assert status["bo"]["acute_chronic_ratio"] is None  # no run in 15 days: not a 0.00
    assert status["bo"]["acute_chronic_ratio_reason"] == "no runs since Sun 22 Feb 2026"
    assert status["bo"]["last_run_date"] == "2026-02-22"
    assert status["ana"]["acute_chronic_ratio"] == pytest.approx(0.975)
    assert status["ana"]["acute_chronic_ratio_reason"] is None


def test_the_document_has_designs_shape(coach_log, coach_findings, coach_errors):
    document = json.loads(render_json(coach_log, coach_findings, coach_errors))
    assert list(document) == ["athletes", "errors", "notices"]
    ana = document["athletes"][0]
    assert list(ana) == ["athlete", "activities", "first_date", "last_date", "findings"]
    assert (ana["athlete"], ana["activities"]) == ("ana", 34)
    assert (ana["first_date"], ana["last_date"]) == ("2026-01-06", "2026-03-07")
    assert [list(item) for item in ana["findings"]] == [[*FINDING_KEYS, "related"]] * 4
    assert document["errors"][0] == {
        "path": "coach/bo/2026-02-14.fit",
        "kind": "truncated",
        "error": "ends after 18,312 of 40,960 bytes; upload cut short?",
    }


def test_related_findings_have_the_same_shape_without_related(coach_log, ana_findings):
    document = json.loads(render_json(coach_log, ana_findings, []))
    note = document["athletes"][0]["findings"][-1]
    assert note["rule"] == "knee-pain-note"
    assert [item["code"] for item in note["related"]] == ["RL103", "RL102"]
    assert [list(item) for item in note["related"]] == [FINDING_KEYS] * 2


def test_an_athlete_with_runs_and_no_findings_is_listed(coach_log, coach_findings):
    document = json.loads(render_json(coach_log, coach_findings, []))
    zoe = document["athletes"][2]
    assert (zoe["athlete"], zoe["activities"], zoe["findings"]) == ("zoë", 3, [])


def test_a_walk_is_not_counted_as_a_run(coach_log, coach_findings):
    document = json.loads(render_json(coach_log, coach_findings, []))
    assert document["athletes"][1]["activities"] == 11  # bo's walk is left out


def test_numbers_are_plain_json_and_nan_is_null(coach_log, ana_findings):
    text = render_json(coach_log, ana_findings, [])
    assert "NaN" not in text
    evidence = json.loads(text)["athletes"][0]["findings"][2]["evidence"]
    assert evidence == {"ratio": 1.48, "acute_km": 44.0, "chronic_weekly_km": None}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(np.float64(1.5), 1.5, id="a numpy float is a float"),
        pytest.param(np.int64(7), 7, id="a numpy integer is an int"),
        pytest.param(np.bool_(True), True, id="a numpy bool is a bool"),
        pytest.param(float("inf"), None, id="infinity is null"),
        pytest.param(pd.NA, None, id="pandas NA is null"),
        pytest.param(pd.NaT, None, id="NaT is null"),
        pytest.param(dt.date(2026, 3, 22), "2026-03-22", id="a date is an ISO string"),
        pytest.param(
            pd.Timestamp("2026-03-22T06:00", tz="UTC"),
            "2026-03-22T06:00:00+00:00",
            id="a timestamp is an ISO string",
        ),
        pytest.param(("a", 1), ["a", 1], id="a tuple is a list"),
        pytest.param({2, 1}, [1, 2], id="a set is a sorted list"),
        pytest.param({"k": np.float32(0.5)}, {"k": 0.5}, id="a dict's values are plain"),
    ],
)
def test_plain_values(value, expected):
    assert plain(value) == expected


def test_a_finding_without_related_keeps_every_other_key(ana_findings):
    assert list(finding_dict(ana_findings[0], with_related=False)) == FINDING_KEYS


def test_an_empty_log_gives_an_empty_document(coach_log):
    document = json.loads(render_json(coach_log.for_athlete("nobody"), [], []))
    assert document == {"athletes": [], "errors": [], "notices": []}


def test_the_rules_document_lists_every_rule():
    rules = json.loads(render_rules_json(RULES))
    assert [rule["code"] for rule in rules] == [rule.code for rule in RULES]
    assert list(rules[0]) == [
        "code", "slug", "title", "grade", "defaults", "ranges", "source", "rationale",
    ]  # fmt: skip
    assert rules[0]["defaults"] == plain(RULES[0].defaults)
    assert rules[0]["ranges"]["info_ratio"] == [1.0, 3.0]


def test_a_shoe_near_its_limit_has_its_distances_and_a_summary(coach_statuses):
    near = (ShoeNear("Ghost", distance_m=620_000.0, limit_m=700_000.0),)
    bo = dataclasses.replace(coach_statuses["bo"], shoes_near=near)
    assert status_dict(bo)["shoes_near_limit"] == [
        {
            "shoe": "Ghost",
            "distance_km": 620.0,
            "limit_km": 700.0,
            "left_km": 80.0,
            "summary": "Ghost: 385 mi of 435; about 50 mi left",
        }
    ]
    assert status_dict(coach_statuses["ana"])["shoes_near_limit"] == []


def test_figures_over_days_without_a_run_are_null_with_their_reason(
    coach_log, coach_findings, coach_statuses, walker_status
):
    as_of = dt.date(2026, 3, 9)
    document = json.loads(render_json(coach_log, coach_findings, (), coach_statuses, as_of))
    status = {item["athlete"]: item["status"] for item in document["athletes"]}
    zoe, bo, ana = status["zoë"], status["bo"], status["ana"]  # no run in 29 days; stale
    for key in ("this_week_km", "last_week_km", "average_week_km", "running_days_in_row"):
        assert zoe[key] is None
        assert zoe[f"{key}_reason"] == "no runs since Sun 8 Feb 2026"
    assert zoe["last_rest_date"] is None and zoe["days_since_rest"] is None
    assert (bo["this_week_km"], bo["last_week_km"]) == (None, None)  # weeks without any data
    assert bo["this_week_km_reason"] == bo["last_week_km_reason"] == "no data since Sun 22 Feb 2026"
    # over the 2 weeks the log covers of the 4: no data after 22 Feb is not two zero weeks
    assert bo["average_week_km"] == 28.0 and bo["average_week_km_reason"] is None
    assert bo["running_days_in_row"] is None  # no data for 15 days: no rest days counted
    assert bo["running_days_in_row_reason"] == "no data since Sun 22 Feb 2026"
    assert (ana["this_week_km"], ana["last_week_km"], ana["running_days_in_row"]) == (0.0, 29.0, 0)
    assert ana["this_week_km_reason"] is ana["running_days_in_row_reason"] is None
    walker = status_dict(walker_status)  # a walk on the as-of day, no run in 40 days
    assert walker["running_days_in_row"] is None
    assert walker["running_days_in_row_reason"] == "no runs since Sun 15 Feb 2026"
    assert walker["this_week_km"] is None and walker["is_stale"] is False


def test_a_shoe_near_its_limit_is_named_in_the_advice(near_shoe_status):
    advice = "Plan a new pair: Pegasus 39 has about 11 km left of 600."
    assert status_dict(near_shoe_status)["advice"] == [advice]
