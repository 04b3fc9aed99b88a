"""What came before a runner's knee-pain episodes, against their pain-free fortnights."""

import datetime as dt

import pytest

import analyzer
from analyzer.patterns import pain_pattern_reports
from analyzer.profile import ShoeSetting
from tests.builders import FIRST_MONDAY, STEADY_SHOES, make_log, note, steady_runs

WEEKS = 40
EPISODE_WEEKS = (8, 16, 24, 32)  # a sore knee on the Tuesday of these weeks


def _pain_day(week: int) -> dt.date:
    return FIRST_MONDAY + dt.timedelta(weeks=week, days=1)


def _log(episode_weeks=EPISODE_WEEKS, low_cadence_before_pain=True, cadence_spm=176.0):
    """Steady weeks; before each sore knee, optionally two weeks of short, quick... low steps."""
    runs = steady_runs(WEEKS, cadence_spm=cadence_spm)
    notes = []
    for week in episode_weeks:
        pain_day = _pain_day(week)
        if low_cadence_before_pain:
            for run in runs:
                if pain_day - dt.timedelta(days=14) <= run["local_date"] < pain_day:
                    run["avg_cadence_spm"] = 160.0
        notes.append(note(pain_day, "left knee sore after the run, 4/10"))
        notes.append(note(pain_day + dt.timedelta(days=9), "knee fine again, no pain"))
    return make_log(runs, notes, shoes=list(STEADY_SHOES))


def test_a_pattern_planted_before_every_episode_ranks_first():
    table = analyzer.pain_patterns(_log())
    top = table.iloc[0]
    assert top["pattern"] == "low-cadence"
    assert (top["episodes_with"], top["episodes"]) == (4, 4)
    assert top["stands_out"]
    standing_out = set(table.loc[table["stands_out"], "pattern"])
    assert standing_out == {"low-cadence"}
    assert "before 4 of your 4 knee-pain episodes" in top["sentence"]
    assert not set(table["pattern"]) & {"knee-pain-note", "persistent-knee-pain"}


def test_a_pattern_as_common_without_pain_does_not_stand_out():
    table = analyzer.pain_patterns(_log(low_cadence_before_pain=False, cadence_spm=160.0))
    cadence = table.set_index("pattern").loc["low-cadence"]
    assert cadence["episodes_with"] == cadence["episodes"] == 4
    assert cadence["pain_free_with"] == cadence["pain_free_fortnights"] > 0
    assert not cadence["stands_out"]
    assert not table["stands_out"].any()


def test_pain_free_fortnights_hold_runs_and_no_pain():
    report = pain_pattern_reports(_log())["ana"]
    assert report.onsets == tuple(_pain_day(week) for week in EPISODE_WEEKS)
    # 40 weeks = 20 fortnights; each episode (9 days) and the 14 days before it take 2 or 3
    assert 8 <= report.pain_free_fortnights <= 12
    # each pattern counts the fortnights its rule could judge (its own history minimum)
    assert report.table["pain_free_fortnights"].le(report.pain_free_fortnights).all()
    assert report.table["pain_free_fortnights"].max() == report.pain_free_fortnights


def test_one_episode_says_why_it_is_not_shown():
    report = pain_pattern_reports(_log(episode_weeks=(8,)))["ana"]
    assert not report.is_shown
    assert report.table.empty
    assert "2 episodes" in report.reason and "holds 1" in report.reason
    assert analyzer.pain_patterns(_log(episode_weeks=(8,))).empty


def test_notes_close_together_are_one_episode():
    log = _log(episode_weeks=(8, 16))
    extra = note(_pain_day(16) + dt.timedelta(days=3), "right knee still aching 3/10")
    log = make_log(
        log.activities.to_dict("records"),
        [*log.notes.to_dict("records"), extra],
        shoes=list(STEADY_SHOES),
    )
    assert len(pain_pattern_reports(log)["ana"].onsets) == 2


@pytest.mark.parametrize("weeks_apart", [3, 6])
def test_the_coach_line_names_the_most_frequent_pattern(weeks_apart):
    weeks = tuple(range(6, WEEKS - 2, weeks_apart))
    report = pain_pattern_reports(_log(episode_weeks=weeks))["ana"]
    assert report.is_shown
    assert report.most_frequent.startswith(("Running cadence under 170", "A week's"))


def test_runs_on_a_worn_shoe_before_every_episode_stand_out():
    runs = steady_runs(WEEKS)
    for run in runs:
        run["shoe"] = "Pegasus"
    for week in EPISODE_WEEKS:
        pain_day = _pain_day(week)
        for run in runs:
            if pain_day - dt.timedelta(days=10) <= run["local_date"] < pain_day:
                run["shoe"] = "Old"  # the worn pair, brought out before each sore knee
    notes = [note(_pain_day(week), "left knee sore after the run, 4/10") for week in EPISODE_WEEKS]
    shoes = [ShoeSetting("Pegasus", limit_km=2000), ShoeSetting("Old", pre_used_km=900)]
    table = analyzer.pain_patterns(make_log(runs, notes, shoes=shoes)).set_index("pattern")
    worn = table.loc["shoe-overdue"]
    assert worn["label"] == "runs on a shoe past its warning distance"
    assert (worn["episodes_with"], worn["pain_free_with"]) == (4, 0)
    assert worn["stands_out"]


def _outputs(log):
    """The check's text and JSON, and the report, as the command line makes them."""
    import json

    from analyzer.checkers import run_rules
    from analyzer.report.html import render_html
    from analyzer.report.json import render_json
    from analyzer.report.text import render_text
    from analyzer.status import statuses

    findings = run_rules(log)
    as_of = max(log.activities["local_date"])
    by_athlete = statuses(log, findings, as_of)
    return (
        render_text(log, findings, (), by_athlete),
        json.loads(render_json(log, findings, (), by_athlete, as_of)),
        render_html(log, findings, [], as_of=as_of, statuses=by_athlete),
    )


def test_check_and_report_show_what_came_before_the_pain():
    text, document, page = _outputs(_log())
    assert "What came before your knee pain (4 episodes, against 11 pain-free fortnights" in text
    assert "Running cadence under 170 steps/min, or 5 % under your own at the same speed" in text
    assert "before 4 of your 4 knee-pain episodes" in " ".join(text.split())
    athlete = document["athletes"][0]
    assert athlete["pain_patterns"][0]["pattern"] == "low-cadence"
    assert athlete["pain_patterns"][0]["episodes_with"] == 4
    assert "not what causes your knee pain" in athlete["pain_patterns_note"]
    assert "<h3>What came before my knee pain?</h3>" in page
    assert '<table class="pain-patterns cards">' in page
    assert "Share of knee-pain episodes each pattern came before" in page  # the chart


def test_one_episode_is_one_line_in_check_and_report():
    text, document, page = _outputs(_log(episode_weeks=(8,)))
    assert "What came before your knee pain: shown once the log holds 2 episodes" in text
    athlete = document["athletes"][0]
    assert athlete["pain_patterns"] == []
    assert "this one holds 1" in athlete["pain_patterns_note"]
    assert '<table class="pain-patterns' not in page


def test_the_coach_view_names_each_athletes_most_frequent_pattern():
    painful = _log()
    other = _log(episode_weeks=(8,))
    runs = [*painful.activities.to_dict("records")]
    runs += [dict(row, athlete="ben") for row in other.activities.to_dict("records")]
    notes = [*painful.notes.to_dict("records")]
    notes += [dict(row, athlete="ben") for row in other.notes.to_dict("records")]
    text, _, page = _outputs(make_log(runs, notes, shoes=list(STEADY_SHOES)))
    assert text.count("before knee pain: ") == 1
    assert "before knee pain: Running cadence under 170 steps/min" in text
    assert '<div class="before-pain">Before knee pain: Running cadence under 170' in page


def test_one_row_per_idea_each_with_its_rules_own_history_minimum():
    # the first sore knee comes 20 days into the log: the long-run rule needs 30 days of
    # history, so that episode's 14 days before are not judged for it (nor for any rule
    # that needs more log than that), while low cadence (no history needed) counts all four
    runs = steady_runs(WEEKS)
    first_pain = FIRST_MONDAY + dt.timedelta(days=20)
    pain_days = [first_pain, *(_pain_day(week) for week in (12, 20, 28))]
    notes = [note(day, "left knee sore after the run, 4/10") for day in pain_days]
    notes += [note(day + dt.timedelta(days=9), "knee fine again, no pain") for day in pain_days]
    table = analyzer.pain_patterns(make_log(runs, notes, shoes=list(STEADY_SHOES)))
    by_pattern = table.set_index("pattern")
    assert by_pattern.index.is_unique  # one row per idea: a rule once, no plain twin
    assert by_pattern.loc["long-run-spike", "episodes"] == 3
    assert by_pattern.loc["low-cadence", "episodes"] == 4
