"""Every real exported file in ../shared/real_data, loaded on its own as a user would name it:
no file makes load() fail, and each gives its runs or a reason."""

import pytest

from analyzer import load
from tests.conftest import manifest_rows

FILES = [row["file"] for row in manifest_rows()]


@pytest.mark.parametrize("name", [pytest.param(name, id=name) for name in FILES])
def test_a_real_file_named_alone_loads(real_data, name):
    log = load(real_data / name)
    assert not log.activities.empty or log.errors, "neither activities nor a reason"
    assert log.activities["start_time_utc"].notna().all()
    assert (log.activities["local_date"].notna()).all()
    if name.startswith(("fit/", "gpx/", "tcx/", "csv/")):
        assert not log.activities.empty
