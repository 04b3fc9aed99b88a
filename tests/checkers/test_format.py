"""Figures in messages are printed so that the comparison the message states holds."""

import pytest

from analyzer.checkers import long_run_spike
from analyzer.checkers._format import number_beyond, percent_beyond
from tests.builders import weekly_runs


@pytest.mark.parametrize(
    ("value", "limit", "above", "places", "expected"),
    [
        pytest.param(169.6, 170, False, 0, "169.6", id="169.6 is under 170, not '170'"),
        pytest.param(165.2, 170, False, 0, "165", id="well under: no decimals"),
        pytest.param(2.04, 2.0, True, 1, "2.04", id="monotony 2.04 is over 2.0, not '2.0'"),
        pytest.param(30.3, 30, True, 0, "30.3", id="30.3 % over 30 %"),
        pytest.param(41.2, 30, True, 0, "41", id="well over: no decimals"),
    ],
)
def test_number_beyond(value, limit, above, places, expected):
    assert number_beyond(value, limit, above=above, places=places) == expected


def test_percent_beyond():
    assert percent_beyond(0.1004, 0.10) == "10.04%"


def test_a_long_run_just_past_30_percent_does_not_read_30_percent():
    findings = long_run_spike.check(
        weekly_runs(10, 10, 10, 10, 10, 13.02), long_run_spike.Thresholds()
    )
    (finding,) = findings
    assert finding.severity == "high"
    assert "30.2% longer" in finding.message
