"""knee-pain-note: every note that reports knee pain, with the findings of the 14 days before."""

import dataclasses
import datetime as dt

import pandas as pd
import pytest

from analyzer.checkers import knee_pain_note as rule
from analyzer.checkers import run_rules
from analyzer.profile import profile_from_dict
from tests.builders import FIRST_MONDAY, make_log, note, run, steady_log, steady_runs

DEFAULTS = rule.Thresholds()
SLUG = "knee-pain-note"
DAY = FIRST_MONDAY + dt.timedelta(weeks=6, days=2)  # a Wednesday, with six weeks of runs before


def found(log, limits=DEFAULTS):
    return [(finding.severity, finding.date) for finding in rule.check(log, limits)]


def log_with(*notes, runs=None):
    return make_log(runs if runs is not None else steady_runs(8), notes=list(notes))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("left knee sore, 3/10", [("warning", DAY)], id="left knee sore 3/10: warning"),
        pytest.param("Knie tut weh", [("warning", DAY)], id="Knie tut weh: warning"),
        pytest.param("knee swollen after the run", [("high", DAY)], id="swollen knee: high"),
        pytest.param("knee gave way on the stairs", [("high", DAY)], id="giving way: high"),
        pytest.param("knee pain 8/10", [("high", DAY)], id="8/10: high"),
        pytest.param("knee pain 7/10", [("high", DAY)], id="7/10: high"),
        pytest.param("knee pain 6/10", [("warning", DAY)], id="6/10: warning"),
        pytest.param("no knee pain today", [], id="no knee pain: quiet"),
        pytest.param("knee pain gone", [], id="knee pain gone: quiet"),
        pytest.param("calf sore, hamstring tight", [], id="pain elsewhere: quiet"),
        pytest.param("knee-high socks in the cold", [], id="knee-high socks: quiet"),
        # issue 9: where the score stands, and the language, do not change the severity
        pytest.param(
            "Right knee aching again after the tempo run, 7/10",
            [("high", DAY)],
            id="7/10 after 'run,': high",
        ),
        pytest.param("effort 8/10, knee a bit sore", [("warning", DAY)], id="effort 8/10: warning"),
        pytest.param("douleur au genou gauche, 8 sur 10", [("high", DAY)], id="8 sur 10: high"),
        pytest.param("ondt i højre knæ, smerte 7 ud af 10", [("high", DAY)], id="7 ud af 10: high"),
        pytest.param("Ingen knæsmerter i dag", [], id="ingen knæsmerter: quiet"),
    ],
)
def test_knee_pain_note(text, expected):
    assert found(log_with(note(DAY, text))) == expected


def test_the_finding_carries_the_note_in_its_evidence_and_message():
    (finding,) = rule.check(log_with(note(DAY, "Easy 8 km. Left knee sore, 3/10.")), DEFAULTS)
    assert finding.evidence == {
        "side": "left",
        "score_of_10": 3.0,
        "red_flags": [],
        "excerpt": "Left knee sore, 3/10.",
        "source": "journal.txt",
    }
    assert finding.message.startswith(
        "Wed 18 Feb: you noted left knee pain (3/10): 'Left knee sore, 3/10'."
    )
    assert "not something to run through" in finding.message
    assert (finding.period_start, finding.period_end) == (DAY - dt.timedelta(days=14), DAY)


def test_a_red_flag_is_named_in_the_message():
    (finding,) = rule.check(log_with(note(DAY, "right knee swollen and locked up")), DEFAULTS)
    assert finding.evidence["red_flags"] == ["swelling", "locking"]
    assert "You mention swelling and locking" in finding.message


def test_each_note_is_one_finding_and_the_same_words_from_two_sources_are_one():
    journal = note(DAY, "Left knee sore.")
    strava = {**note(DAY, "left knee sore."), "source": "strava_csv notes", "activity_id": "a1"}
    other = note(DAY, "Right knee ached on the downhill.")
    findings = rule.check(log_with(journal, strava, other), DEFAULTS)
    assert len(findings) == 2
    merged = next(item for item in findings if item.evidence["side"] == "left")
    assert merged.evidence["source"] == "journal.txt, strava_csv notes"
    assert merged.activity_ids == ("a1",)


def test_notes_on_other_days_are_findings_of_their_own_days():
    notes = [note(DAY, "knee sore"), note(DAY + dt.timedelta(days=1), "knee still sore")]
    assert found(log_with(*notes)) == [("warning", DAY), ("warning", DAY + dt.timedelta(days=1))]


def test_the_notes_local_day_is_the_findings_day_even_when_the_run_was_the_day_before_in_utc():
    # a 00:30 run in Copenhagen is on the previous UTC day; its note keeps the local day
    late = run(DAY, 8, hour=0, activity_id="late-run", notes="left knee sore")
    assert late["start_time_utc"].date() == DAY - dt.timedelta(days=1)
    text = {**note(DAY, "left knee sore"), "source": "fit notes", "activity_id": "late-run"}
    (finding,) = rule.check(log_with(text, runs=[*steady_runs(6), late]), DEFAULTS)
    assert finding.date == DAY
    assert finding.activity_ids == ("late-run",)


def test_a_note_on_the_first_day_of_the_log_needs_no_history():
    log = make_log([run(FIRST_MONDAY, 5)], notes=[note(FIRST_MONDAY, "knee sore")])
    assert found(log) == [("warning", FIRST_MONDAY)]


def test_knee_pain_written_after_a_walk_is_still_knee_pain():
    walk = run(DAY, 6, sport="walking", activity_id="walk")
    text = {**note(DAY, "knee ached on the walk home"), "activity_id": "walk"}
    assert found(make_log([walk], notes=[text])) == [("warning", DAY)]


def test_notes_of_two_athletes_are_each_their_own():
    notes = [note(DAY, "knee sore", athlete="ana"), note(DAY, "knee fine", athlete="bo")]
    findings = rule.check(log_with(*notes), DEFAULTS)
    assert [item.athlete for item in findings] == ["ana"]


def spike_log(spike_days_before: int):
    """Runs of 10 km every Sunday, one 16 km long run `spike_days_before` the knee-pain note."""
    sundays = [FIRST_MONDAY + dt.timedelta(days=6, weeks=week) for week in range(10)]
    note_day = sundays[-1] + dt.timedelta(days=3)
    spike_day = note_day - dt.timedelta(days=spike_days_before)
    runs = [run(day, 10) for day in sundays if abs((day - spike_day).days) > 2]
    runs.append(run(spike_day, 16, activity_id="spike"))
    return make_log(runs, notes=[note(note_day, "left knee sore 4/10")]), note_day


def test_run_rules_lists_a_long_run_spike_5_days_before_the_note():
    log, note_day = spike_log(5)
    (finding,) = [item for item in run_rules(log) if item.rule == SLUG]
    assert finding.date == note_day
    spikes = [item for item in finding.related if item.rule == "long-run-spike"]
    assert [item.date for item in spikes] == [note_day - dt.timedelta(days=5)]
    assert all(item.date <= note_day for item in finding.related)


def test_run_rules_leaves_out_a_long_run_spike_20_days_before_the_note():
    log, _ = spike_log(20)
    (finding,) = [item for item in run_rules(log) if item.rule == SLUG]
    assert any(item.rule == "long-run-spike" for item in run_rules(log))
    assert [item for item in finding.related if item.rule == "long-run-spike"] == []


def test_a_profile_can_raise_the_score_that_makes_it_high():
    log = log_with(note(DAY, "knee pain 8/10"))
    profile = profile_from_dict({"rules": {SLUG: {"high_score_of_10": 9}}})
    (finding,) = [item for item in run_rules(log, profile) if item.rule == SLUG]
    assert finding.severity == "warning"


def test_enabled_false_silences_the_rule():
    profile = profile_from_dict({"rules": {SLUG: {"enabled": False}}})
    log = log_with(note(DAY, "knee sore"))
    assert [item for item in run_rules(log, profile) if item.rule == SLUG] == []


def test_the_steady_log_draws_no_finding():
    assert rule.check(steady_log(), DEFAULTS) == []


def test_a_log_without_notes_draws_no_finding():
    log = steady_log()
    log = dataclasses.replace(log, notes=pd.DataFrame())
    assert rule.check(log, DEFAULTS) == []
