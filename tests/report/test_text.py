"""The terminal report: golden files, and the pain note with what came before it."""

import dataclasses
import datetime as dt
import re

from analyzer.checkers import RULES
from analyzer.report import attention_reason
from analyzer.report.text import (
    attention_text,
    error_section,
    render_rules,
    render_text,
    status_text,
)
from analyzer.status import ShoeNear, statuses
from analyzer.study import study_of_statuses
from tests.builders import make_log, note, steady_runs
from tests.report.golden import assert_matches_golden


def test_a_coach_folder_matches_its_golden_file(
    coach_log, coach_findings, coach_errors, coach_statuses
):
    study = study_of_statuses(coach_statuses)
    text = render_text(coach_log, coach_findings, coach_errors, coach_statuses, study=study)
    assert_matches_golden("check_coach.txt", text)
    every = render_text(coach_log, coach_findings, coach_errors, coach_statuses, show_all=True)
    assert_matches_golden("check_coach_all.txt", every)


def test_each_athlete_opens_with_their_status(coach_log, coach_findings, coach_statuses):
    text = render_text(coach_log, coach_findings, (), coach_statuses, show_all=True)
    status_at = text.index("ana: status on Mon 9 Mar 2026")
    assert status_at < text.index("ana: 34 runs")
    assert "bo: status on Mon 9 Mar 2026" in text
    # ana's knee hurt on the as-of day: cut back, and nothing that keeps the load
    assert "This week:\n  - Rest or cut back until the knee settles" in text


def test_one_athlete_matches_its_golden_file(coach_log, ana_findings):
    assert_matches_golden("check_ana.txt", render_text(coach_log.for_athlete("ana"), ana_findings))


def test_one_athlete_has_no_ranking(coach_log, ana_findings):
    text = render_text(coach_log.for_athlete("ana"), ana_findings)
    assert "Athletes by risk" not in text
    assert text.startswith("ana: 34 runs, Tue 6 Jan 2026 to Sat 7 Mar 2026, 269.0 km\n")


def test_without_statuses_the_athletes_are_ranked_by_risk(coach_log, coach_findings):
    lines = render_text(coach_log, coach_findings).splitlines()
    assert lines[0].startswith("Athletes by risk")
    assert [line.split()[1] for line in lines[1:4]] == ["bo", "ana", "zoë"]


def test_the_coach_view_puts_knee_pain_before_the_athlete_without_recent_data(
    coach_log, coach_findings, coach_statuses
):
    lines = render_text(coach_log, coach_findings, (), coach_statuses).splitlines()
    assert lines[0].startswith("Athletes, most in need of a call first (as of Mon 9 Mar 2026")
    rows = [line for line in lines[2:9] if line[:4].strip().isdigit()]
    # knee pain on the as-of day, knee pain 13 days before (and no data), no data for 29 days
    assert [row.split()[1] for row in rows] == ["ana", "bo", "zoë"]
    assert "no data since 8 Feb 2026" in rows[2]
    assert "no data since 22 Feb 2026" in rows[1]  # 15 days: past the 14 of the profile
    assert "Sat 7 Mar (2 days)" in rows[0]


def test_a_stale_athlete_shows_no_ratio_or_week_as_if_measured(
    coach_log, coach_findings, coach_statuses
):
    text = render_text(coach_log, coach_findings, (), coach_statuses, show_all=True)
    rows = {line.split()[1]: line for line in text.splitlines()[2:9] if line[:4].strip().isdigit()}
    assert rows["zoë"].split("2026", 1)[1].split() == ["-", "-", "-"]  # week, ratio, knee
    assert "- / 17.4 mi" in rows["bo"] and "0.00" not in rows["bo"]  # the weeks with data
    assert "0.0 / 0.0" not in text
    zoe = text.split("zoë: status", 1)[1].split("Could not judge", 1)[0]
    assert "This week      no runs since Sun 8 Feb 2026: none this week" in zoe
    assert "Acute:chronic  not judged: no runs since Sun 8 Feb 2026" in zoe
    bo = text.split("bo: status", 1)[1].split("Open findings", 1)[0]
    assert "Acute:chronic  not judged: no runs since Sun 22 Feb 2026" in bo
    assert "Rest           not judged: no runs since Sun 8 Feb 2026" in zoe  # 29 days
    # days without data are not rest days: bo has sent nothing for 15 days
    assert "Rest           not judged: no data since Sun 22 Feb 2026" in bo
    # the as-of day without a run yet is not a rest day yet: Sunday was
    ana = text.split("ana: status", 1)[1].split("Open findings", 1)[0]
    assert "Rest           0 running days in a row; last rest day Sun 8 Mar 2026" in ana


def test_a_runner_who_only_walks_now_has_no_rest_days_counted(walker_status):
    text = status_text(walker_status)
    assert "Last activity  Fri 27 Mar 2026 (the as-of day)" in text  # not stale
    assert "Rest           not judged: no runs since Sun 15 Feb 2026" in text
    assert "running days in a row" not in text


def test_no_run_in_the_open_window_is_said_rather_than_nothing_flagged(walker_status):
    text = status_text(walker_status)
    assert "No runs in the last 28 days: the rules had no runs to judge." in text
    assert "Nothing was flagged" not in text and "No finding dated" not in text
    assert attention_reason(walker_status) == "no runs since Sun 15 Feb 2026 (40 days)"


def test_with_runs_in_the_open_window_nothing_flagged_is_said_as_before(walker_log):
    status = statuses(walker_log, [], dt.date(2026, 3, 6))["ana"]  # the last run 19 days before
    text = status_text(status)
    assert "No finding dated in the last 28 days from the rules that could judge." in text
    assert "No runs in the last 28 days" not in text  # the log holds no notes: 3 rules not run
    assert attention_reason(status) == "no open finding; 3 rules could not judge"
    judged = make_log(steady_runs(weeks=10), notes=[note("2026-03-10", "easy run, felt fine")])
    every_rule = statuses(judged, [], dt.date(2026, 3, 10))["ana"]  # every rule could judge
    assert every_rule.rules_not_run == ()
    assert "Nothing was flagged in the last 28 days." in status_text(every_rule)
    assert attention_reason(every_rule) == "nothing flagged in the last 28 days"


def test_the_pain_note_lists_what_came_before_it_indented_beneath(coach_log, ana_findings):
    lines = render_text(coach_log, ana_findings).splitlines()
    note_at = next(index for index, line in enumerate(lines) if "RL501" in line)
    beneath = lines[note_at + 1 :]
    heading = next(line for line in beneath if "What came before the pain" in line)
    assert "(14 days)" in heading
    spike = next(line for line in beneath if "RL103" in line)
    assert spike.startswith(" " * 10) and "Wed 4 Mar  HIGH  RL103" in spike


def test_a_pain_note_with_nothing_before_it_says_so(coach_log, coach_findings):
    lonely = [
        finding.__class__(**{**finding.__dict__, "related": ()})
        for finding in coach_findings
        if finding.rule == "knee-pain-note" and finding.athlete == "ana"
    ]
    assert "Nothing was flagged in the 14 days before it." in render_text(coach_log, lonely)


def test_an_athlete_with_runs_and_no_findings_is_still_shown(coach_log, coach_findings):
    text = render_text(coach_log, coach_findings)
    assert "zoë: 3 runs, Tue 3 Feb 2026 to Sun 8 Feb 2026, 18.0 km\n" in text
    assert "No findings." in text


def test_distances_are_in_the_athletes_units(coach_log, coach_findings):
    assert "bo: 11 runs, Mon 2 Feb 2026 to Sun 22 Feb 2026, 54.7 mi" in render_text(
        coach_log, coach_findings
    )


def test_each_error_is_one_line_with_its_path(coach_errors):
    lines = error_section(coach_errors).splitlines()
    assert lines[1:] == [f"  {error.path}: {error.reason}" for error in coach_errors]


def test_an_empty_log_says_there_is_nothing_to_show(coach_log):
    empty = coach_log.for_athlete("nobody")
    assert render_text(empty, []) == "No runs, notes or findings to show.\n"


def test_the_rules_listing_names_every_rule_with_its_defaults():
    text = render_rules(RULES)
    for rule in RULES:
        assert f"{rule.code}  {rule.slug}  [{rule.grade}]" in text
        for name, value in rule.defaults.items():
            assert f"{name} = {value!r}" in text
    assert all(len(line) <= 100 for line in text.splitlines())


def test_a_rule_asked_for_by_name_shows_its_rationale():
    rule = RULES[0]
    text = render_rules([rule], with_rationale=True)
    assert rule.rationale.strip().splitlines()[0] in text


def test_the_history_is_newest_first_a_week_at_a_time(coach_log, ana_findings):
    text = render_text(coach_log.for_athlete("ana"), ana_findings)
    weeks = [line for line in text.splitlines() if line.startswith("Week of ")]
    assert weeks == ["Week of Mon 9 Mar 2026", "Week of Mon 2 Mar 2026", "Week of Mon 5 Jan 2026"]


def test_each_rule_says_its_whole_message_once_and_its_evidence_at_the_end(coach_log, ana_findings):
    text = render_text(coach_log.for_athlete("ana"), ana_findings)
    assert text.count("Grow your long run by about a tenth at a time.") == 1
    evidence = text.split("Evidence behind these findings:", 1)[1]
    assert [line.split()[0] for line in evidence.splitlines() if line.startswith("  RL")] == [
        "RL101",
        "RL102",
        "RL103",
        "RL501",
    ]


def test_findings_before_the_status_window_are_counted_per_quarter(
    coach_log, coach_findings, ana_findings, coach_statuses
):
    text = render_text(coach_log, coach_findings, (), coach_statuses)
    assert "Before Mon 24 Nov 2025" not in text  # the log holds no finding that old
    ana = coach_log.for_athlete("ana")
    statuses = {"ana": coach_statuses["ana"]}
    late = {"ana": dataclasses.replace(statuses["ana"], as_of=dt.date(2026, 6, 1))}
    folded = render_text(ana, ana_findings, (), late)
    assert "Before Mon 16 Feb 2026: 1 finding, per quarter" in folded
    assert "  Jan-Mar 2026  1 finding: 1 info (mileage 1)" in folded
    assert "Week of Mon 5 Jan 2026" not in folded
    shown = render_text(ana, ana_findings, (), late, show_all=True)
    assert "Week of Mon 5 Jan 2026" in shown and "Before Mon" not in shown


def test_a_shoe_near_its_limit_is_named_with_the_distance_left(coach_statuses):
    near = (ShoeNear("Ghost", distance_m=620_000.0, limit_m=700_000.0),)
    ana = dataclasses.replace(coach_statuses["ana"], shoes_near=near)
    assert "  Shoes          Ghost: 620 km of 700; about 80 km left" in status_text(ana)
    bo = dataclasses.replace(coach_statuses["bo"], shoes_near=near)  # bo runs in miles
    assert "; Ghost: 385 mi of 435; about 50 mi left" in " ".join(status_text(bo).split())


def coach_rows(statuses, width: int) -> list[str]:
    text = render_text(*statuses, width=width, show_all=True)  # the board with each one's why
    return text.split("\n\n", 1)[0].splitlines()


def test_the_coach_rows_fit_80_columns_moving_the_last_columns_beneath(
    coach_log, coach_findings, coach_statuses
):
    lines = coach_rows((coach_log, coach_findings, (), coach_statuses), 80)
    assert max(len(line) for line in lines) <= 80
    header = next(line for line in lines if line.lstrip().startswith("#"))
    assert header.endswith("A:C") and "knee pain" not in header
    rows = [line for line in lines if line[:4].strip().isdigit()]
    for row in rows:  # each cell starts under its header
        assert row[header.index("last activity")] != " "
        assert row[header.index("last activity") - 1] == " "
        assert row[header.index("A:C") :].strip() in ("-", "1.0")
    beneath = lines[lines.index(rows[0]) + 1 :]
    assert beneath[0] == "     knee pain 9 Mar, left"
    assert not any("knee pain -" in line for line in lines)  # nothing to say, not said


def test_the_coach_rows_keep_every_column_on_one_line_at_140_columns(
    coach_log, coach_findings, coach_statuses
):
    lines = coach_rows((coach_log, coach_findings, (), coach_statuses), 140)
    assert max(len(line) for line in lines) <= 140
    header = lines[1]
    assert " ".join(header.split()) == (
        "# athlete high warn last activity this week / 4-wk avg A:C knee pain"
    )
    rows = [line for line in lines if line[:4].strip().isdigit()]
    assert rows[0][header.index("knee pain") :] == "9 Mar, left"
    assert rows[1][header.index("this week") :].startswith("- / 17.4 mi")
    assert not any(line.lstrip().startswith("knee pain") for line in lines)
    assert lines[lines.index(rows[1]) + 1] == ("     why: knee pain 24 Feb; noted on 1 day in 14")


def test_a_long_name_at_80_columns_moves_more_columns_beneath(
    coach_log, coach_findings, coach_statuses
):
    long_named = {
        "an-athlete-with-a-long-name": dataclasses.replace(
            coach_statuses["ana"], athlete="an-athlete-with-a-long-name"
        ),
        "bo": coach_statuses["bo"],
    }
    lines = coach_rows((coach_log, coach_findings, (), long_named), 80)
    assert max(len(line) for line in lines) <= 80
    assert "this week / 4-wk avg 0.0 / 29.8 km; acute:chronic 1.0; knee pain 9 Mar, left" in (
        " ".join(" ".join(lines).split())
    )


def test_a_coach_row_says_why_the_ratio_is_not_judged_when_the_athlete_is_not_stale(
    walker_log, coach_statuses
):
    # a walk on the as-of day, the last run 19 days before: not stale, no ratio
    walker = statuses(walker_log, [], dt.date(2026, 3, 6))["ana"]
    squad = {"ana": coach_statuses["ana"], "walker": dataclasses.replace(walker, athlete="walker")}
    rows = re.split(r"\n(?=\s+\d+\s)", attention_text(squad))[1:]  # with the lines beneath
    by_name = {row.split()[1]: row for row in rows}
    assert "acute:chronic not judged: no runs since Sun 15 Feb 2026" in by_name["walker"]
    assert " - " in by_name["walker"].splitlines()[0]  # the column keeps its '-'
    assert "not judged" not in by_name["ana"]  # ana's ratio is given: 1.0 (0.975)
    stale = attention_text(coach_statuses)
    assert "acute:chronic not judged" not in stale  # bo's and zoë's rows say 'no data since'


def test_a_shoe_near_its_limit_is_named_in_the_advice(near_shoe_status):
    text = status_text(near_shoe_status)
    assert "Shoes          Pegasus 39: 589 km of 600; about 11 km left" in text
    assert "This week:\n  - Plan a new pair: Pegasus 39 has about 11 km left of 600." in text
