"""persistent-knee-pain: knee pain noted over more than 14 days, or a red-flag word with it."""

import datetime as dt

import pytest

from analyzer.checkers import persistent_knee_pain as rule
from analyzer.checkers import run_rules
from analyzer.profile import profile_from_dict
from tests.builders import FIRST_MONDAY, make_log, note, run, steady_log, steady_runs

DEFAULTS = rule.Thresholds()
SLUG = "persistent-knee-pain"
START = FIRST_MONDAY + dt.timedelta(weeks=2)


def day(offset: int) -> dt.date:
    return START + dt.timedelta(days=offset)


def log_of(*notes, runs=None):
    return make_log(runs if runs is not None else steady_runs(10), notes=list(notes))


def found(log, limits=DEFAULTS):
    return [(finding.severity, finding.date) for finding in rule.check(log, limits)]


@pytest.mark.parametrize(
    ("days_and_texts", "expected"),
    [
        pytest.param(
            [(0, "left knee sore"), (7, "knee still sore"), (15, "knee pain 3/10")],
            [("high", day(15))],
            id="pain on days 0, 7 and 15: high on day 15",
        ),
        pytest.param([(0, "knee sore"), (14, "knee sore")], [], id="exactly 14 days apart: quiet"),
        pytest.param(
            [(0, "knee sore"), (16, "knee sore")],
            [],
            id="a gap of 16 days without a note: two episodes, quiet",
        ),
        pytest.param(
            [(0, "knee sore"), (10, "knee pain gone"), (12, "knee sore"), (20, "knee sore")],
            [],
            id="a knee-fine note in between ends the episode: quiet",
        ),
        pytest.param(
            [(0, "knee sore"), (5, "calf sore"), (10, "knee sore"), (18, "knee sore")],
            [("high", day(18))],
            id="a note about the calf does not end the episode",
        ),
        pytest.param(
            [(0, "no knee pain"), (10, "no knee pain"), (20, "no knee pain")],
            [],
            id="notes that the knee is fine: quiet",
        ),
        pytest.param(
            [(3, "knee swollen after the run")],
            [("high", day(3))],
            id="swelling: high at once",
        ),
        pytest.param(
            [(0, "knee sore, no swelling")], [], id="no swelling is not a red flag: quiet"
        ),
        pytest.param(
            [(0, "knee sore"), (2, "knee locked up"), (4, "knee gave way")],
            [("high", day(2))],
            id="red flags are told once an episode",
        ),
        pytest.param(
            [(0, "knee locked up"), (20, "knee gave way")],
            [("high", day(0)), ("high", day(20))],
            id="a red flag in a new episode is told again",
        ),
        pytest.param(
            [(0, "knee sore"), (7, "knee sore"), (15, "knee swollen")],
            [("high", day(15))],
            id="a red flag and the 15th day on one note: one finding",
        ),
    ],
)
def test_persistent_knee_pain(days_and_texts, expected):
    log = log_of(*(note(day(offset), text) for offset, text in days_and_texts))
    assert found(log) == expected


def test_one_finding_per_episode_however_long_it_lasts():
    notes = [note(day(offset), "knee sore") for offset in range(0, 60, 5)]
    assert found(log_of(*notes)) == [("high", day(15))]


def test_the_message_says_since_when_and_to_see_someone():
    notes = [
        note(day(0), "left knee sore"),
        note(day(8), "knee still sore"),
        note(day(16), "knee sore 3/10"),
    ]
    (finding,) = rule.check(log_of(*notes), DEFAULTS)
    assert finding.message.startswith(
        "Wed 4 Feb: knee pain noted again, 16 days after you first noted it on Mon 19 Jan "
        "(3 notes in all; the latest (3/10): 'knee sore 3/10')."
    )
    assert "see a physiotherapist or doctor" in finding.message
    assert finding.evidence["days"] == 16
    assert (finding.period_start, finding.period_end) == (day(0), day(16))


def test_a_red_flag_message_says_to_see_someone_now():
    (finding,) = rule.check(log_of(note(day(0), "sharp pain in the left knee")), DEFAULTS)
    assert "you noted sharp pain with your knee pain" in finding.message
    assert "now" in finding.message


def test_days_are_the_notes_local_days():
    # a note of a 00:30 run in Copenhagen: the UTC day is the one before, the note's is not
    late = run(day(15), 6, hour=0, activity_id="late")
    assert late["start_time_utc"].date() == day(14)
    notes = [note(day(0), "knee sore"), note(day(8), "knee sore")]
    notes.append({**note(day(15), "knee sore"), "activity_id": "late"})
    assert found(log_of(*notes, runs=[*steady_runs(6), late])) == [("high", day(15))]


def test_notes_of_two_athletes_do_not_make_one_episode():
    notes = [note(day(0), "knee sore", athlete="ana"), note(day(15), "knee sore", athlete="bo")]
    assert found(log_of(*notes)) == []


def test_runs_walks_and_rides_do_not_matter_only_notes_do():
    rides = [run(day(offset), 40, sport="cycling") for offset in range(0, 20, 2)]
    assert found(log_of(note(day(0), "knee sore"), runs=rides)) == []


def test_the_first_note_of_a_log_needs_no_history():
    log = make_log([run(FIRST_MONDAY, 5)], notes=[note(FIRST_MONDAY, "knee buckled")])
    assert found(log) == [("high", FIRST_MONDAY)]


def test_a_profile_can_shorten_the_two_weeks():
    log = log_of(note(day(0), "knee sore"), note(day(8), "knee sore"))
    profile = profile_from_dict({"rules": {SLUG: {"persistent_days": 7}}})
    findings = [item for item in run_rules(log, profile) if item.rule == SLUG]
    assert [(item.severity, item.date) for item in findings] == [("high", day(8))]
    assert found(log) == []


def test_enabled_false_silences_the_rule():
    profile = profile_from_dict({"rules": {SLUG: {"enabled": False}}})
    log = log_of(note(day(0), "knee swollen"))
    assert [item for item in run_rules(log, profile) if item.rule == SLUG] == []


def test_the_steady_log_draws_no_finding():
    assert rule.check(steady_log(), DEFAULTS) == []


def test_a_red_flag_past_two_weeks_says_both():
    notes = [note(day(0), "knee sore"), note(day(7), "knee sore"), note(day(15), "knee swollen")]
    (finding,) = rule.check(log_of(*notes), DEFAULTS)
    assert "You have noted knee pain for 15 days now, since Mon 19 Jan." in finding.message
    assert finding.evidence["days"] == 15


def test_the_profiles_episode_gap_makes_the_notes_readers_episodes_too():
    # "still aching" names no knee: it is the knee's only inside an open episode, whose gap is
    # this rule's setting for the notes reader, the knee-pain notes and this rule alike
    log = log_of(note(day(0), "right knee sore 4/10"), note(day(20), "still aching, 3/10"))
    longer = profile_from_dict({"rules": {SLUG: {"episode_gap_days": 30}}})
    told = {
        (item.rule, item.evidence.get("side"), item.evidence.get("score_of_10"))
        for item in run_rules(log, longer)
        if item.date == day(20)
    }
    assert told == {("knee-pain-note", "right", 3.0), (SLUG, None, None)}
    assert [item for item in run_rules(log) if item.date == day(20)] == []
