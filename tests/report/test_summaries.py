"""What the renderers share: each athlete's summary and the coach's ranking by risk."""

import datetime as dt

import pytest

from analyzer.report import (
    athlete_summaries,
    count_text,
    distance_text,
    is_pain_note,
    risk_ranking,
    span_text,
)


def test_each_athlete_is_summed_from_their_runs(coach_log, coach_findings):
    summaries = {item.athlete: item for item in athlete_summaries(coach_log, coach_findings)}
    assert list(summaries) == ["ana", "bo", "zoë"]
    bo = summaries["bo"]
    assert (bo.runs, bo.first_date, bo.last_date, bo.units) == (
        11,
        dt.date(2026, 2, 2),
        dt.date(2026, 2, 22),
        "miles",
    )
    assert bo.distance_m == 88_000.0
    assert [item.date for item in bo.findings] == sorted(item.date for item in bo.findings)


def test_the_ranking_counts_high_then_warning_in_each_athletes_last_28_days(
    coach_log, coach_findings
):
    ranks = risk_ranking(athlete_summaries(coach_log, coach_findings))
    assert [(rank.athlete, rank.high_count, rank.warning_count) for rank in ranks] == [
        ("bo", 1, 2),
        ("ana", 1, 1),  # the info findings do not count
        ("zoë", 0, 0),
    ]
    ana = ranks[1]
    # her last day is the pain note's, two days after her last run
    assert (ana.window_start, ana.window_end) == (dt.date(2026, 2, 10), dt.date(2026, 3, 9))


def test_a_finding_older_than_the_window_does_not_count(coach_log, coach_findings):
    old = [
        finding
        for finding in coach_findings
        if not (finding.athlete == "ana" and finding.date >= dt.date(2026, 3, 1))
    ]
    ranks = {rank.athlete: rank for rank in risk_ranking(athlete_summaries(coach_log, old))}
    assert (ranks["ana"].high_count, ranks["ana"].warning_count) == (0, 0)


def test_pain_notes_are_told_apart(ana_findings):
    assert [is_pain_note(finding) for finding in ana_findings] == [False, False, False, True]


@pytest.mark.parametrize(
    ("metres", "units", "text"),
    [
        pytest.param(1_234_500.0, "km", "1,234.5 km", id="thousands are grouped"),
        pytest.param(1609.344 * 13.1, "miles", "13.1 mi", id="miles"),
        pytest.param(float("nan"), "km", "no distance", id="an unknown distance"),
    ],
)
def test_distance_text(metres, units, text):
    assert distance_text(metres, units) == text


def test_spans_and_counts_read_as_words():
    day = dt.date(2026, 3, 22)
    assert span_text(day, day) == "Sun 22 Mar 2026"
    assert span_text(None, None) == "no runs"
    assert (count_text(1, "run"), count_text(1204, "run")) == ("1 run", "1,204 runs")
    assert count_text(2, "activity", "activities") == "2 activities"


def test_one_figure_per_shoe_on_the_screen(coach_statuses, coach_findings):
    """bo's Old Faithful: the advice and the status quote the shoe rule's measure as of the
    day, with the finding's precision: 504.6 mi everywhere (it read 490 mi beside 504.6)."""
    bo = coach_statuses["bo"]
    (shoe,) = [item for item in bo.advice_items if item.kind == "shoes"]
    assert shoe.text == "Replace Old Faithful (504.6 mi): past its limit."
    (high,) = [
        item for item in coach_findings if item.rule == "shoe-overdue" and item.severity == "high"
    ]
    assert "504.6 mi" in high.headline
