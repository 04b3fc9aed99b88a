"""Shared test helpers: where the real exported files live, and their manifest."""

import csv
import os
from pathlib import Path

import pytest

REAL_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "real_data"


def manifest_rows() -> list[dict[str, str]]:
    """MANIFEST.tsv rows, or an empty list when ../shared/real_data is absent."""
    path = REAL_DATA / "MANIFEST.tsv"
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream, delimiter="\t"))


@pytest.fixture
def real_data() -> Path:
    """The real_data folder; the test is skipped when it is absent."""
    if not REAL_DATA.is_dir():
        pytest.skip("../shared/real_data is absent")
    return REAL_DATA


@pytest.fixture(autouse=True, scope="session")
def _import_cache(tmp_path_factory):
    """Tests read and write a cache of their own, never the user's ~/.cache/runlog (CI sets
    RUNLOG_CACHE already)."""
    if "RUNLOG_CACHE" not in os.environ:
        os.environ["RUNLOG_CACHE"] = str(tmp_path_factory.mktemp("runlog-cache"))
