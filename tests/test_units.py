"""analyzer/units.py holds each unit and physical fact once; nothing else in the package
writes a second copy of them (three Earth radii gave three distances before)."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import analyzer
from analyzer import units

PACKAGE = Path(analyzer.__file__).parent
# A second copy of a constant or formula of units.py, as it would be written elsewhere.
COPIES = {
    "the mile": r"1[_]?609\.344",
    "the foot": r"0\.3048\b",
    "an Earth radius": r"\b6[_]?3[67]\d[_,]?\d{3}",
    "the haversine": r"arcsin\(",
    "the FIT epoch": r"631[_]?065[_]?600",
    "the largest UTC offset": r"\b14 \* 3600|\b50[_]?400\b",
    "the one-foot cadence limits": r"ONE_FOOT_BELOW|\{\"running\": 120",
    "the foot sports": r"\(\"running\", \"walking\", \"hiking\"\)",
}


@pytest.mark.parametrize(("fact", "pattern"), list(COPIES.items()), ids=list(COPIES))
def test_no_module_but_units_writes_this_fact(fact, pattern):
    copies = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "units.py" and path.parent == PACKAGE:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(pattern, line):
                copies.append(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}")
    assert copies == [], f"{fact} is defined in analyzer/units.py"


def test_units_holds_each_fact():
    source = (PACKAGE / "units.py").read_text(encoding="utf-8")
    for fact, pattern in COPIES.items():
        assert re.search(pattern, source) or fact == "the foot sports", fact


def test_a_degree_of_latitude_and_a_known_distance():
    assert units.great_circle_m(0.0, 0.0, 1.0, 0.0) == pytest.approx(units.ONE_DEGREE_M)
    # Copenhagen to Aarhus, about 157 km as the crow flies
    assert units.great_circle_m(55.6761, 12.5683, 56.1629, 10.2039) == pytest.approx(
        157_000, rel=0.01
    )
    assert np.isnan(units.great_circle_m(np.nan, 0.0, 1.0, 0.0))


@pytest.mark.parametrize(
    ("value", "sport", "expected"),
    [
        pytest.param(85.0, "running", 170.0, id="one foot on a run: doubled"),
        pytest.param(170.0, "running", 170.0, id="steps/min on a run: kept"),
        pytest.param(60.0, "walking", 120.0, id="one foot on a walk: doubled"),
        pytest.param(110.0, "walking", 110.0, id="steps/min on a walk: kept"),
        pytest.param(85.0, "cycling", np.nan, id="pedal strokes are not steps"),
    ],
)
def test_steps_per_min(value, sport, expected):
    assert units.steps_per_min(value, sport) == pytest.approx(expected, nan_ok=True)


def test_steps_per_min_on_a_column_with_a_sport_per_row():
    values = pd.Series([85.0, 170.0, 85.0, np.nan], index=[3, 4, 5, 6])
    sports = pd.Series(["running", "running", "cycling", "walking"], index=values.index)
    result = units.steps_per_min(values, sports)
    assert list(result.index) == [3, 4, 5, 6]
    assert result.tolist()[:2] == [170.0, 170.0]
    assert result.isna().tolist()[2:] == [True, True]
