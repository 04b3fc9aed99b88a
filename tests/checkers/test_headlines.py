"""Each finding's headline: the few words that matter, with the number, in the runner's units
(the coach's "why"), checked on the bundled sample, the squad and a miles runner."""

import datetime as dt
from pathlib import Path

import pytest

import analyzer
from analyzer.checkers import long_run_spike, run_rules
from analyzer.profile import Profile
from analyzer.report.text import render_text
from analyzer.status import finding_headline, statuses
from tests.builders import TIMEZONE, make_log, run, steady_runs

REPOSITORY = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def squad():
    log = analyzer.load(REPOSITORY / "examples" / "squad")
    return log, run_rules(log)


@pytest.fixture(scope="module")
def sample():
    log = analyzer.load(REPOSITORY / "sample_data")
    return log, run_rules(log)


@pytest.mark.parametrize("name", ["sample", "squad"])
def test_every_finding_has_a_short_headline_with_its_number(name, request):
    _, findings = request.getfixturevalue(name)
    assert findings
    for finding in findings:
        assert 0 < len(finding.headline) <= 80, finding.message
        assert any(character.isdigit() for character in finding.headline), finding.headline
        assert not finding.headline.endswith(".")


def test_the_samples_open_findings_are_said_in_a_few_words(sample):
    log, findings = sample
    status = statuses(log, findings, dt.date(2026, 8, 20))["sam"]
    assert [finding_headline(finding) for finding in status.open_findings] == [
        "cadence 162 steps/min over 3 runs, under 170",
        "left knee pain 3/10",  # "knee still aching" takes the side of "left knee sore"
    ]


def test_the_squads_why_is_the_top_finding_in_a_few_words(squad):
    log, findings = squad
    squad_statuses = statuses(log, findings, dt.date(2026, 11, 8))
    text = render_text(log, findings, (), squad_statuses, show_all=True)  # the board's whys
    whys = [line.strip() for line in text.split("\n\n", 1)[0].splitlines() if "why:" in line]
    assert whys == [  # in the board's order of need: red flags, no data, the rest
        "why: right knee pain 4/10, swelling (RL501, Tue 3 Nov); still with swelling (5/10 to "
        "4/10),",
        "why: no activity since Sun 11 Oct 2026 (28 days)",
        "why: cadence 161 steps/min over 4 runs, under 170 (RL201, Sun 1 Nov)",
        "why: nothing flagged in the last 28 days",
    ]  # Ben's "still swollen" takes its episode's side; the line wraps at 100 characters


def test_a_miles_runners_headline_is_in_miles():
    profile = Profile(timezone=TIMEZONE, units="miles")
    log = make_log([*steady_runs(weeks=6), run("2026-02-17", 16.0934)], profile=profile)
    [finding] = long_run_spike.check(log, long_run_spike.Thresholds())
    assert finding.headline == "10.0 mi run, 46% over the longest of the 30 days before (6.8 mi)"
