"""Finding the files: folders walked, zips read in memory, coach folders split by athlete."""

import gzip
import io
import zipfile

from analyzer.discover import coach_athlete_folders, discover
from analyzer.errors import FileErrorKind
from analyzer.log import FileError


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
    assert found.problems == [
        FileError(str(tmp_path / "nope.fit"), "no such file or folder", FileErrorKind.MISSING_PATH)
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
    assert found.problems[0].path == str(path)
    assert "zip" in found.problems[0].reason
    assert found.problems[0].kind == FileErrorKind.DAMAGED_ARCHIVE


def test_a_coach_folder_gives_one_athlete_per_sub_folder(tmp_path):
    for athlete in ("ana", "ben", "cleo"):
        (tmp_path / athlete).mkdir()
        (tmp_path / athlete / "run.fit").write_bytes(athlete.encode())
    (tmp_path / "runlog.toml").write_text("")
    found = discover([tmp_path])
    assert sorted({source.athlete for source in found.sources}) == ["ana", "ben", "cleo"]
    assert sorted(found.athlete_folders) == ["ana", "ben", "cleo"]


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
