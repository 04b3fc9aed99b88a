"""A day, a distance and a pace read the same in a rule's message and in every report: one
module writes them, and it alone decides whether an athlete reads km or miles."""

from __future__ import annotations

import ast
import datetime as dt
import math
import re
from pathlib import Path

import pytest

import analyzer
from analyzer.words import (
    day_text,
    distance_text,
    distance_unit,
    pace_text,
    round_distance,
    span_text,
    whole_distance_text,
)

PACKAGE = Path(analyzer.__file__).parent
SUNDAY = dt.date(2026, 3, 22)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        pytest.param({}, "Sun 22 Mar 2026", id="a day on its own: weekday and year"),
        pytest.param({"year": False}, "Sun 22 Mar", id="under a dated heading: no year"),
        pytest.param({"weekday": False}, "22 Mar 2026", id="short of room: no weekday"),
        pytest.param({"weekday": False, "year": False}, "22 Mar", id="a chart's tick"),
    ],
)
def test_a_day(options, expected):
    assert day_text(SUNDAY, **options) == expected


def test_no_day_and_a_span():
    assert day_text(None) == "no date"
    assert span_text(SUNDAY, SUNDAY) == "Sun 22 Mar 2026"
    assert span_text(dt.date(2026, 1, 6), SUNDAY) == "Tue 6 Jan 2026 to Sun 22 Mar 2026"
    assert span_text(None, SUNDAY) == "no runs"


@pytest.mark.parametrize(
    ("metres", "units", "expected"),
    [
        pytest.param(21_000.0, "km", "21.0 km", id="a run in km"),
        pytest.param(1_050_240.0, "km", "1,050.2 km", id="a shoe past 1,000 km: grouped"),
        pytest.param(20_921.5, "miles", "13.0 mi", id="a run in miles"),
        pytest.param(math.nan, "km", "no distance", id="none recorded"),
    ],
)
def test_a_distance(metres, units, expected):
    assert distance_text(metres, units) == expected


def test_whole_and_rounded_distances_and_paces():
    assert whole_distance_text(619_600.0, "km") == "620 km"
    assert whole_distance_text(2_228_000.0, "miles") == "1,384 mi"
    assert round_distance(20_960.0, "km") == "21 km"
    assert pace_text(1000 / 330, "km") == "5:30 /km"
    assert pace_text(1609.344 / 531, "miles") == "8:51 /mi"
    assert distance_unit("miles") == ("mi", 1609.344)
    assert distance_unit("km") == ("km", 1000.0)


def _defined(name: str) -> list[str]:
    return [
        path.relative_to(PACKAGE).as_posix()
        for path in sorted(PACKAGE.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef) and node.name == name
    ]


@pytest.mark.parametrize(
    "name", ["day_text", "distance_text", "pace_text", "span_text", "count_text", "is_miles"]
)
def test_each_word_is_written_once(name):
    assert _defined(name) == ["words.py"]


def test_only_words_decides_km_or_miles():
    deciding = re.compile(
        r"""units\s*[!=]=\s*["']miles|["']miles["']\s*[!=]=|["']mi["'] if units"""
    )
    found = [
        path.relative_to(PACKAGE).as_posix()
        for path in sorted(PACKAGE.rglob("*.py"))
        if deciding.search(path.read_text(encoding="utf-8"))
    ]
    assert found == ["words.py"]
