"""report/ shows its structure: its faces only hand names on, and each chart's module holds its
question, its words and its drawing."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import analyzer
from analyzer.report import charts

REPORT = Path(analyzer.__file__).parent / "report"
SHARED_CHART_MODULES = {"__init__", "drawing", "window", "marks"}
CHART_MODULES = sorted(
    path.stem for path in (REPORT / "charts").glob("*.py") if path.stem not in SHARED_CHART_MODULES
)


@pytest.mark.parametrize("face", ["__init__.py", "charts/__init__.py"])
def test_a_face_only_hands_names_on(face):
    tree = ast.parse((REPORT / face).read_text(encoding="utf-8"))
    docstring, *statements = tree.body
    assert isinstance(docstring, ast.Expr) and isinstance(docstring.value, ast.Constant)
    others = [
        ast.unparse(statement)[:60]
        for statement in statements
        if not isinstance(statement, ast.ImportFrom)
        and not (
            isinstance(statement, ast.Assign)
            and [target.id for target in statement.targets if isinstance(target, ast.Name)]
            == ["__all__"]
        )
    ]
    assert others == []


@pytest.mark.parametrize("face", ["analyzer.report", "analyzer.report.charts"])
def test_a_face_hands_on_what_it_lists(face):
    module = importlib.import_module(face)
    assert all(hasattr(module, name) for name in module.__all__)


def test_each_chart_has_its_module():
    assert CHART_MODULES == [
        "cadence",
        "forest",
        "knee",
        "long_run",
        "monthly",
        "pain_patterns",
        "rest",
        "shoes",
        "surfaces",
        "weekly",
    ]


@pytest.mark.parametrize("name", CHART_MODULES)
def test_a_chart_module_holds_its_question_and_words(name):
    module = importlib.import_module(f"analyzer.report.charts.{name}")
    assert module.QUESTION.endswith("?") or name == "monthly"
    assert hasattr(module, "description") or hasattr(module, "DESCRIPTION")
    assert hasattr(module, "WHEN_EMPTY") or name == "monthly"  # drawn only when it has months
    drawings = [
        attribute
        for attribute, value in vars(module).items()
        if attribute.endswith("_chart") and getattr(value, "__module__", "") == module.__name__
    ]
    assert len(drawings) == 1  # its drawing, handed on by the charts' face
    assert getattr(charts, drawings[0]) is getattr(module, drawings[0])
