"""Each importer declares its own traits beside its code, and merge.py and loader.py read them:
adding a format touches one module and its tests."""

from __future__ import annotations

import pytest

from analyzer import merge
from analyzer.importers import FORMAT_MODULES, importers

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
    assert [module for module, _ in FORMAT_MODULES] == [
        importer.__name__.rsplit(".", 1)[-1] for importer in IMPORTERS
    ]
    for _, suffixes in FORMAT_MODULES:
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
