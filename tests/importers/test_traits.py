"""Each importer declares its own traits beside its code, and merge.py and loader.py read them:
adding a format touches one module and its tests."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import analyzer
from analyzer import discover, merge
from analyzer.importers import EXPORT_FOLDER_PATTERNS, FORMAT_MODULES, importers

IMPORTERS = importers()

NAMES = [importer.FORMAT for importer in IMPORTERS]


@pytest.mark.parametrize("importer", IMPORTERS, ids=NAMES)
def test_an_importer_declares_its_traits(importer):
    assert isinstance(importer.FORMAT, str) and importer.FORMAT
    assert isinstance(importer.MERGE_RANK, int)
    assert isinstance(importer.LABELLED, bool)
    assert all(isinstance(name, str) for name in importer.EXPORT_INDEX_NAMES)
    assert isinstance(importer.ID_PREFIX, str)


def test_each_format_module_claims_suffixes_and_is_imported_only_when_used():
    assert [module for module, *_ in FORMAT_MODULES] == [
        importer.__name__.rsplit(".", 1)[-1] for importer in IMPORTERS
    ]
    for _, suffixes, _ in FORMAT_MODULES:
        assert suffixes and all(suffix.startswith(".") and suffix.islower() for suffix in suffixes)


def test_formats_and_merge_ranks_are_unique():
    assert len(set(NAMES)) == len(NAMES)
    ranks = [importer.MERGE_RANK for importer in IMPORTERS]
    assert len(set(ranks)) == len(ranks)


def test_merge_ranks_every_format_and_files_with_samples_first():
    assert set(merge.FORMAT_RANK) == set(NAMES)  # Polar and Wahoo CSVs were once left out
    assert merge.FORMAT_RANK["fit"] < merge.FORMAT_RANK["gpx"] < merge.FORMAT_RANK["strava_csv"]
    assert set(merge.LABELLED_FORMATS) == {
        "strava_csv", "garmin_json", "apple_health", "garmin_csv", "csv",
    }  # fmt: skip


def test_ids_of_exports_start_with_the_importers_prefix():
    prefixes = {importer.FORMAT: importer.ID_PREFIX for importer in IMPORTERS}
    assert prefixes["strava_csv"] == "strava-"
    assert prefixes["garmin_json"] == "garmin-"
    assert prefixes["fit"] == ""


def test_merge_keeps_the_ids_the_importers_declare():
    declared = {importer.ID_PREFIX for importer in IMPORTERS if importer.ID_PREFIX}
    assert set(merge.EXPORT_ID_PREFIXES) == declared == {"strava-", "garmin-"}


@pytest.mark.parametrize(
    "folder",
    ["DI_CONNECT", "DI-Connect-Fitness", "Strava", "media", "FIT_TYPE_4", "COROS", "Wahoo",
     "apple_health_export", "workout-routes", "Epson", "2024", "2024-05", "activities"],
)  # fmt: skip
def test_discovery_reads_the_folders_each_export_keeps_from_the_importers(folder):
    assert discover._BUCKET_NAME.match(folder)
    assert not discover._BUCKET_NAME.match("ana") and not discover._BUCKET_NAME.match("Garmina")


def test_every_export_folder_is_declared_by_one_importer():
    patterns = [pattern for *_, folders in FORMAT_MODULES for pattern in folders]
    assert len(patterns) == len(set(patterns))
    assert set(patterns) == set(EXPORT_FOLDER_PATTERNS)


# Makers and apps whose files an importer reads; their names belong in that importer's module
# (its docstring, its traits), never in code outside analyzer/importers/.
VENDORS = re.compile(
    r"(?<!-)\b(strava|garmin|coros|polar|suunto|wahoo|apple|epson|runkeeper|movescount|"
    r"sports ?tracker)\b",
    re.IGNORECASE,
)


def test_no_vendor_name_outside_its_importer():
    package = Path(analyzer.__file__).parent
    found = []
    for path in sorted(package.rglob("*.py")):
        if "importers" in path.relative_to(package).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        found += [
            f"{path.relative_to(package)}:{node.lineno}: {text[:60]!r}"
            for node in ast.walk(tree)
            if id(node) not in docstrings
            for text in [_code_text(node)]
            if VENDORS.search(text)
        ]
    assert found == []


def _code_text(node: ast.AST) -> str:
    """What a node says in code: a string's text, a name's words (_STRAVA_TYPES: STRAVA TYPES)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    name = getattr(node, "id", None) or getattr(node, "attr", None) or getattr(node, "arg", None)
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        name = node.name
    return str(name or "").replace("_", " ")
