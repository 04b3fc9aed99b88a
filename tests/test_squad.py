"""A squad of 30 at a glance: `runlog check` answers first and stops.

The squad is generated (benchmarks/synthetic.py's cohort, 30 athletes, 16 weeks) as one log kept
by hand, so it reads in a moment. The board comes first, then the athletes who need attention
(an open warning or high finding, knee pain in the last 14 days, no data for a while), each in
a few lines, then the others one line each, in the board's order.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer import cli
from analyzer.advice import MAX_ADVICE
from analyzer.checkers.knee_pain_note import TREND_DAYS as PAIN_TREND_DAYS
from analyzer.report.text import NEED_FINDINGS_SHOWN, STUDY_LINES
from benchmarks.synthetic import cohort_csv

ATHLETES = 30
MAX_LINES = 200
# an athlete who needs attention: why they are there, what came before their knee pain, their
# open findings (the rest counted), the advice (a sentence wraps to two lines at most)
MAX_NEED_LINES = 1 + 1 + NEED_FINDINGS_SHOWN + 1 + 2 * MAX_ADVICE


def check(*args: str | Path):
    result = CliRunner().invoke(cli.cli, ["check", *(str(arg) for arg in args)])
    assert result.exit_code == cli.EXIT_OK, result.output
    return result.stdout


@pytest.fixture(scope="module")
def squad(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("squad")
    log = cohort_csv(ATHLETES, weeks=16, first_monday=dt.date(2026, 1, 5))
    (folder / "squad.csv").write_text(log, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def printed(squad) -> str:
    return check(squad)


@pytest.fixture(scope="module")
def document(squad) -> dict:
    return json.loads(check(squad, "--format", "json"))


def sections(printed: str) -> tuple[list[str], list[str], list[str]]:
    """The board's rows, the lines of those who need attention, and the others' lines."""
    board, need, others, _, _ = printed.split("\n\n")  # the squad study, how to see more
    rows = [line for line in board.splitlines() if re.match(r"\s+\d+\s", line)]
    return rows, need.splitlines()[1:], others.splitlines()[1:]


def test_what_comes_before_knee_pain_across_the_squad_takes_three_lines(printed, document):
    study = printed.split("\n\n")[3].splitlines()
    assert len(study) <= STUDY_LINES
    patterns = document["squad"]["patterns"]
    episodes, runners = patterns["episodes"], patterns["runners"]
    fortnights = patterns["pain_free_fortnights"]
    assert study[0] == (
        f"Across the squad: {episodes} knee-pain episodes of {runners} runners against their "
        f"{fortnights:,} pain-free fortnights:"
    )
    assert patterns["runners"] + patterns["runners_without_episodes"] == ATHLETES
    assert f"({patterns['patterns_tested']} patterns tested)" in study[1]
    assert "not causes" in study[2]


def test_a_squad_of_30_prints_under_200_lines_ending_with_how_to_see_more(printed):
    assert len(printed.splitlines()) < MAX_LINES
    assert printed.rstrip().endswith("--all shows every athlete's.")
    assert ": status on" not in printed and "Week of" not in printed  # no one in full


def test_the_board_then_those_who_need_attention_then_the_others(printed, document):
    rows, need, others = sections(printed)
    board = document["squad"]["board"]
    assert [row.split()[1] for row in rows] == [row["athlete"] for row in board]
    needing = [row["athlete"] for row in board if row["needs_attention"]]
    calm = [row["athlete"] for row in board if not row["needs_attention"]]
    assert needing and calm and len(needing) + len(calm) == ATHLETES
    headers = [line for line in need if not line.startswith(" ")]
    assert [header.split(" ", 1)[0] for header in headers] == needing  # in the board's order
    assert [line.split(":", 1)[0].strip() for line in others] == calm  # one line each


def test_those_who_need_attention_are_those_with_something_open_recent_pain_or_no_data(
    document,
):
    as_of = dt.date.fromisoformat(document["as_of"])
    rows = {row["athlete"]: row for row in document["squad"]["board"]}
    for athlete in document["athletes"]:
        status = athlete["status"]
        serious = [item for item in status["open_findings"] if item["severity"] != "info"]
        pain = status["latest_pain"]
        recent_pain = pain is not None and (
            (as_of - dt.date.fromisoformat(pain["date"])).days < PAIN_TREND_DAYS
        )
        expected = bool(serious) or recent_pain or status["is_stale"]
        assert rows[athlete["athlete"]]["needs_attention"] == expected, athlete["athlete"]


def test_each_athlete_who_needs_attention_takes_a_few_lines(printed, document):
    _, need, _ = sections(printed)
    blocks: list[list[str]] = []
    for line in need:
        if not line.startswith(" "):
            blocks.append([])
        blocks[-1].append(line)
    advice = {item["athlete"]: item["status"]["advice"] for item in document["athletes"]}
    for block in blocks:
        athlete = block[0].split(" ", 1)[0]
        assert 2 <= len(block) <= MAX_NEED_LINES, block
        findings = [line for line in block if re.match(r"  (HIGH|warn) ", line)]
        assert len(findings) <= NEED_FINDINGS_SHOWN
        said = " ".join(" ".join(line.split()) for line in block)
        assert all(sentence in said for sentence in advice[athlete])  # the advice, whole


def test_named_athletes_are_shown_in_full_and_only_they(squad, document):
    first, last = (row["athlete"] for row in document["squad"]["board"][:: ATHLETES - 1])
    shown = check(squad, "--athlete", last, "--athlete", first.upper())
    assert shown.startswith(f"{last}: status on")  # in the order named, whatever the case
    assert shown.index(f"\n{first}: status on") > shown.index(f"\n{last}: ")
    assert "Athletes, most in need" not in shown
    assert re.findall(r"^(athlete-\d+): status on", shown, re.M) == [last, first]
    named = json.loads(check(squad, "--athlete", first, "--format", "json"))
    assert [item["athlete"] for item in named["athletes"]] == [first]
    assert named["as_of"] == document["as_of"]  # judged on the squad's day, not their own


def test_an_unknown_athlete_is_one_line_naming_the_athletes(squad):
    result = CliRunner().invoke(cli.cli, ["check", str(squad), "--athlete", "nobody"])
    assert result.exit_code == cli.EXIT_USAGE
    (line,) = result.stderr.splitlines()
    assert "--athlete nobody: no such athlete here; the athletes are athlete-0000" in line
    assert line.endswith("and 20 more")


def test_all_shows_every_athlete_in_full(squad):
    every = check(squad, "--all")
    assert len(re.findall(r"^athlete-\d+: status on", every, re.M)) == ATHLETES
