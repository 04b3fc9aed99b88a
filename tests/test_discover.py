"""Finding the files: folders walked, zips read in memory, coach folders split by athlete."""

import gzip
import io
import os
import socket
import zipfile
from pathlib import Path

import pytest

from analyzer.archives import InputLimits
from analyzer.discover import NotARegularFile, coach_athlete_folders, discover, holds_data
from analyzer.errors import FileErrorKind
from analyzer.places import DiskFolder


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_folder_is_walked_and_unclaimed_files_are_passed_over(tmp_path):
    (tmp_path / "2025").mkdir()
    (tmp_path / "2025" / "a.fit").write_bytes(b"x")
    (tmp_path / "b.GPX").write_bytes(b"x")
    (tmp_path / "photo.jpg").write_bytes(b"x")
    (tmp_path / ".hidden.fit").write_bytes(b"x")
    found = discover([tmp_path])
    assert sorted(source.name for source in found.sources) == ["a.fit", "b.GPX"]
    assert not found.problems


def test_a_missing_path_is_reported_not_ignored(tmp_path):
    found = discover([tmp_path / "nope.fit"])
    assert [(path, str(reason), reason.kind) for path, reason in found.problems] == [
        (str(tmp_path / "nope.fit"), "no such file or folder", FileErrorKind.MISSING_PATH)
    ]


def test_a_named_file_is_kept_whatever_its_suffix(tmp_path):
    path = tmp_path / "notes.docx"
    path.write_bytes(b"x")
    found = discover([path])
    assert [source.named for source in found.sources] == [True]


def test_zips_inside_zips_are_read_in_memory_and_junk_is_skipped(tmp_path):
    inner = _zip({"u_1.fit": b"fit bytes"})
    outer = _zip(
        {
            "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip": inner,
            "__MACOSX/._u_1.fit": b"junk",
            "media/a.jpg": b"jpg",
            "activities/2.gpx.gz": gzip.compress(b"<gpx/>"),
        }
    )
    path = tmp_path / "export.zip"
    path.write_bytes(outer)
    found = discover([path])
    names = {source.path.split("!", 1)[1]: source for source in found.sources}
    assert set(names) == {
        "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip!u_1.fit",
        "activities/2.gpx.gz",
    }
    assert names["activities/2.gpx.gz"].read() == b"<gpx/>"
    assert list(tmp_path.iterdir()) == [path]  # nothing unpacked to disk


def test_a_broken_zip_is_one_problem(tmp_path):
    path = tmp_path / "export.zip"
    path.write_bytes(b"PK\x03\x04 not really")
    found = discover([path])
    assert found.sources == []
    assert found.problems[0][0] == str(path)
    assert "zip" in str(found.problems[0][1])
    assert found.problems[0][1].kind == FileErrorKind.DAMAGED_ARCHIVE


def test_a_coach_folder_gives_one_athlete_per_sub_folder(tmp_path):
    for athlete in ("ana", "ben", "cleo"):
        (tmp_path / athlete).mkdir()
        (tmp_path / athlete / "run.fit").write_bytes(athlete.encode())
    (tmp_path / "runlog.toml").write_text("")
    found = discover([tmp_path])
    assert sorted({source.athlete for source in found.sources}) == ["ana", "ben", "cleo"]
    assert found.athletes == ["ana", "ben", "cleo"]


def test_year_folders_of_one_runner_are_not_athletes(tmp_path):
    for year in ("2024", "2025"):
        (tmp_path / year).mkdir()
        (tmp_path / year / "run.fit").write_bytes(b"x")
    assert coach_athlete_folders(tmp_path) == []
    assert {source.athlete for source in discover([tmp_path]).sources} == {None}


def test_a_folder_with_its_own_files_is_not_a_coach_folder(tmp_path):
    for athlete in ("ana", "ben"):
        (tmp_path / athlete).mkdir()
        (tmp_path / athlete / "run.fit").write_bytes(b"x")
    (tmp_path / "activities.csv").write_text("x")
    assert coach_athlete_folders(tmp_path) == []


def test_looking_for_data_stops_at_the_first_file_and_within_its_budget(tmp_path):
    for index in range(30):
        (tmp_path / f"photo-{index}.jpg").write_text("x")
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    (deep / "run.fit").write_bytes(b"x")
    assert holds_data(DiskFolder(tmp_path, []), "")
    assert not holds_data(DiskFolder(tmp_path, []), "", budget=10)  # 30 photos first: gave up
    assert holds_data(DiskFolder(deep, []), "", budget=1)


def test_a_big_folder_beside_athletes_does_not_hide_the_coach_folder(tmp_path):
    for athlete in ("ana", "ben"):
        (tmp_path / athlete).mkdir()
        (tmp_path / athlete / "run.fit").write_bytes(b"x")
    (tmp_path / "Documents").mkdir()
    for index in range(50):
        (tmp_path / "Documents" / f"photo-{index}.jpg").write_text("x")
    assert [folder.name for folder in coach_athlete_folders(tmp_path)] == ["ana", "ben"]


def _problems(found) -> dict[str, str]:
    return {path: str(reason) for path, reason in found.problems}


def test_a_fifo_named_like_a_run_is_passed_over_with_one_line_not_opened(tmp_path):
    os.mkfifo(tmp_path / "run.gpx")  # opening it would wait for a writer for ever
    (tmp_path / "real.gpx").write_bytes(b"x")
    found = discover([tmp_path])
    assert [source.name for source in found.sources] == ["real.gpx"]
    assert _problems(found) == {
        str(tmp_path / "run.gpx"): "is a FIFO (named pipe), not a file: passed over"
    }
    assert isinstance(found.problems[0][1], NotARegularFile)
    assert found.problems[0][1].kind == FileErrorKind.NOT_REGULAR_FILE


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_link_to_a_device_is_passed_over(tmp_path, device):
    (tmp_path / "run.fit").symlink_to(device)
    for found in (discover([tmp_path]), discover([tmp_path / "run.fit"])):
        assert found.sources == []
        assert "is a device, not a file" in _problems(found)[str(tmp_path / "run.fit")]


def test_a_socket_is_passed_over(tmp_path):
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(tmp_path / "run.tcx"))
        found = discover([tmp_path])
    assert "is a socket" in _problems(found)[str(tmp_path / "run.tcx")]


def test_a_file_replaced_by_a_fifo_after_it_was_found_is_not_waited_for(tmp_path):
    path = tmp_path / "run.gpx"
    path.write_bytes(b"x")
    (source,) = discover([tmp_path]).sources
    path.unlink()
    os.mkfifo(path)
    with pytest.raises(NotARegularFile):
        source.read()


def test_a_file_larger_than_the_limit_is_reported_not_read(tmp_path):
    (tmp_path / "huge.csv").write_bytes(b"date,distance_km\n" + b"2026-01-01,5\n" * 200_000)
    found = discover([tmp_path], InputLimits(max_file_mb=1))
    assert found.sources == []
    assert "max_file_mb = 1 MB" in _problems(found)[str(tmp_path / "huge.csv")]


def test_a_tree_a_thousand_folders_deep_is_walked(tmp_path):
    deepest = str(tmp_path)
    for _ in range(1000):  # mkdir(parents=True) itself recurses
        deepest += "/d"
        os.mkdir(deepest)
    deepest = Path(deepest)
    (deepest / "run.gpx").write_bytes(b"x")
    try:
        found = discover([tmp_path])
        assert [source.name for source in found.sources] == ["run.gpx"]
        assert coach_athlete_folders(tmp_path) == []
    finally:  # shutil.rmtree, which pytest cleans up with, recurses too
        (deepest / "run.gpx").unlink()
        for _ in range(1000):
            deepest.rmdir()
            deepest = deepest.parent


def test_a_linked_folder_is_followed_once_and_a_link_loop_ends(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "run.gpx").write_bytes(b"x")
    data = tmp_path / "data"
    data.mkdir()
    (data / "linked").symlink_to(elsewhere)
    (data / "again").symlink_to(elsewhere)
    (elsewhere / "loop").symlink_to(data)
    (data / "broken.fit").symlink_to(tmp_path / "gone.fit")
    (data / "own.gpx").write_bytes(b"x")  # a runner's folder, not a coach's
    found = discover([data])
    assert sorted(source.name for source in found.sources) == ["own.gpx", "run.gpx"]
    assert "a link to nothing" in _problems(found)[str(data / "broken.fit")]


def test_an_unreadable_sub_folder_is_reported_and_the_rest_read(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "run.gpx").write_bytes(b"x")
    real_scandir = os.scandir

    def scandir(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr("analyzer.discover.os.scandir", scandir)
    found = discover([tmp_path])
    assert [source.name for source in found.sources] == ["run.gpx"]
    assert _problems(found) == {
        str(tmp_path / "locked"): "cannot open this folder (Permission denied); "
        "its files are not read"
    }


def test_a_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path):
    folder = tmp_path / os.fsdecode(b"l\xf8b")
    folder.mkdir()
    (folder / os.fsdecode(b"run\xff.gpx")).write_bytes(b"<gpx/>")
    found = discover([tmp_path])
    (source,) = found.sources
    assert source.path == f"{tmp_path}/l\\xf8b/run\\xff.gpx"
    assert source.read() == b"<gpx/>"


def test_a_runlog_toml_at_the_root_of_a_zipped_folder_is_found(tmp_path):
    path = tmp_path / "sam.zip"
    path.write_bytes(_zip({"sam/runlog.toml": b'athlete = "sam"', "sam/watch/a.fit": b"x"}))
    found = discover([path])
    (profile,) = found.profiles
    assert (profile.athlete, profile.label) == ("", f"{path}!sam/runlog.toml")
    assert profile.location.read(InputLimits()) == b'athlete = "sam"'


@pytest.mark.parametrize(
    "names",
    [
        ["DI_CONNECT/DI-Connect-Fitness/a.json", "DI_CONNECT/DI-Connect-Uploaded-Files/u.zip"],
        [
            "apple_health_export/export.xml",
            "apple_health_export/workout-routes/r.gpx",
            "apple_health_export/electrocardiograms/e.csv",
        ],
        ["export/2025/a.fit", "export/2026/b.fit"],
    ],
    ids=["a Garmin export", "an Apple Health export", "a runner's years"],
)
def test_an_export_zip_is_not_split_into_athletes(tmp_path, names):
    path = tmp_path / "export.zip"
    path.write_bytes(_zip(dict.fromkeys(names, b"x")))
    assert {source.athlete for source in discover([path]).sources} == {None}


def test_a_zipped_coach_folder_gives_one_athlete_per_sub_folder(tmp_path):
    path = tmp_path / "squad.zip"
    names = ["squad/ana/a.fit", "squad/ben/b.gpx", "squad/ben/runlog.toml"]
    path.write_bytes(_zip(dict.fromkeys(names, b"x")))
    found = discover([path])
    assert {source.name: source.athlete for source in found.sources} == {
        "a.fit": "ana",
        "b.gpx": "ben",
    }
    assert [profile.athlete for profile in found.profiles] == ["ben"]
