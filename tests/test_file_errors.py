"""Each file error carries its kind beside its sentence, so a script can branch on it: on the
real broken files, on files broken here, and in the JSON output."""

from __future__ import annotations

import datetime as dt
import json
import pickle

import pytest

from analyzer import load
from analyzer.errors import BadFile, FileErrorKind, NotAnActivity, UnrecognisedFile
from analyzer.report.json import render_json
from tests.fitwriter import simple_run_fit

REAL_KINDS = {
    "broken/fitparse__activity-filecrc.fit": FileErrorKind.CHECKSUM,
    "broken/fitparse__activity-unexpected-eof.fit": FileErrorKind.TRUNCATED,
    "broken/fitparse__activity-settings-corruptheader.fit": FileErrorKind.DAMAGED,
    "broken/sports-lib__empty-sessions.fit": FileErrorKind.EMPTY,
    "broken/runpandas__malformed.tcx": FileErrorKind.BROKEN_XML,
}


@pytest.mark.parametrize(("name", "kind"), list(REAL_KINDS.items()), ids=list(REAL_KINDS))
def test_a_real_broken_file_says_its_kind(real_data, name, kind):
    if not (real_data / name).exists():
        pytest.skip(f"{name} is not in ../shared/real_data")
    assert [error.kind for error in load(real_data / name).errors] == [kind]


def _cut_fit() -> bytes:
    data = simple_run_fit(dt.datetime(2026, 3, 1, 7, tzinfo=dt.UTC), 600, 1800.0)
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        pytest.param("run.fit", b"", FileErrorKind.EMPTY, id="an empty FIT file"),
        pytest.param("run.gpx", b"   \n", FileErrorKind.EMPTY, id="a GPX of blanks"),
        pytest.param("run.fit", b"hello, world", FileErrorKind.NOT_THIS_FORMAT, id="not FIT"),
        pytest.param("run.fit", _cut_fit(), FileErrorKind.TRUNCATED, id="a FIT cut in half"),
        pytest.param("run.gpx", b"<gpx><trk><trkseg><trkpt", FileErrorKind.BROKEN_XML, id="XML"),
        pytest.param("run.tcx", b"<kml></kml>", FileErrorKind.NOT_THIS_FORMAT, id="KML as TCX"),
        pytest.param(
            "log.csv", b"date,km\nsoon,5\n", FileErrorKind.UNREADABLE_DATE, id="no readable date"
        ),
    ],
)
def test_a_broken_file_says_its_kind(tmp_path, name, data, kind):
    path = tmp_path / name
    path.write_bytes(data)
    errors = load(path).errors  # the first says what is wrong, a second what was made of it
    assert errors[0].kind == kind, [str(error) for error in errors]


def test_a_missing_path_is_its_own_kind(tmp_path):
    (error,) = load(tmp_path / "absent.fit").errors
    assert error.kind == FileErrorKind.MISSING_PATH


def test_the_json_errors_carry_the_kind_between_path_and_sentence(tmp_path):
    (tmp_path / "cut.fit").write_bytes(_cut_fit())
    log = load(tmp_path)
    item = json.loads(render_json(log, [], log.errors))["errors"][0]
    assert list(item) == ["path", "kind", "error"]
    assert item["kind"] == "truncated"


def test_each_bad_file_class_has_its_own_default_kind_and_keeps_it_through_pickling():
    for error, kind in [
        (BadFile("x"), FileErrorKind.DAMAGED),
        (UnrecognisedFile("x"), FileErrorKind.NOT_THIS_FORMAT),
        (NotAnActivity("x"), FileErrorKind.NOT_AN_ACTIVITY),
        (BadFile("x", FileErrorKind.CHECKSUM), FileErrorKind.CHECKSUM),
    ]:
        copy = pickle.loads(pickle.dumps(error))  # outcomes cross processes
        assert (type(copy), str(copy), copy.kind) == (type(error), "x", kind)
