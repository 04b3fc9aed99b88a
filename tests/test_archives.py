"""Archives within limits: bombs refused before they inflate, damaged zips salvaged, odd names."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import analyzer
from analyzer.archives import (
    MB,
    ArchiveLimitError,
    InputLimits,
    inflate_gz,
    list_members,
    read_member,
)
from analyzer.discover import discover
from analyzer.errors import BadFile, ProfileError, RunlogError
from analyzer.profile import load_profile
from tests.hostile import (
    Entry,
    cut_from_middle,
    cut_short,
    deflated_zeros,
    gz_bomb,
    gzipped,
    many_entries_zip,
    nested_zips,
    zip_bomb,
    zip_bytes,
)
from tests.test_cli import gpx_run

GPX = b'<?xml version="1.0"?><gpx version="1.1"><trk><trkseg></trkseg></trk></gpx>'
SMALL = InputLimits(max_file_mb=2, max_archive_mb=3, max_ratio=50, max_entries=20, max_nesting=3)


def _problems(found) -> dict[str, str]:
    return {path: str(reason) for path, reason in found.problems}


def _read(source) -> bytes | BadFile:
    try:
        return source.read()
    except BadFile as err:
        return err


def test_the_limits_are_set_from_the_environment():
    environment = {"RUNLOG_MAX_RATIO": "30", "RUNLOG_MAX_NESTING": "5"}
    limits = InputLimits().with_variables(environment)
    assert (limits.max_ratio, limits.max_nesting, limits.max_file_mb) == (30, 5, 1024)


def test_the_limits_are_set_in_a_profile_and_the_environment_comes_last(tmp_path):
    (tmp_path / "runlog.toml").write_text("[limits]\nmax_ratio = 20\nmax_entries = 10\n")
    profile = load_profile(tmp_path / "runlog.toml")
    assert (profile.limits.max_ratio, profile.limits.max_entries) == (20, 10)
    limits = profile.limits.with_variables({"RUNLOG_MAX_RATIO": "40"})
    assert (limits.max_ratio, limits.max_entries) == (40, 10)
    many_entries_zip(tmp_path / "many.zip", 11)
    log = analyzer.load(tmp_path)
    assert "max_entries = 10" in log.errors[0].reason


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("max_ratoi = 20", "max_ratoi is not a limit; the limits are max_file_mb, "),
        ("max_ratio = -1", "max_ratio = -1: must be a number more than 0"),
        ('max_entries = "many"', "max_entries = 'many': not a whole number"),
    ],
)
def test_a_bad_limit_in_a_profile_is_one_line_naming_it(tmp_path, table, message):
    (tmp_path / "runlog.toml").write_text(f"[limits]\n{table}\n")
    with pytest.raises(ProfileError, match=re.escape(message)):
        load_profile(tmp_path / "runlog.toml")


@pytest.mark.parametrize("text", ["lots", "0", "-1", "nan"])
def test_a_bad_limit_in_the_environment_is_one_line_naming_it(text):
    with pytest.raises(RunlogError, match=f"RUNLOG_MAX_FILE_MB={text}"):
        InputLimits().with_variables({"RUNLOG_MAX_FILE_MB": text})


def test_an_entry_declaring_more_than_the_file_limit_is_refused_before_it_inflates(tmp_path):
    path = zip_bomb(tmp_path / "bomb.zip", inflated_mb=3)
    (source,) = discover([path], SMALL).sources
    error = _read(source)
    assert isinstance(error, ArchiveLimitError)
    assert "max_file_mb = 2 MB, set with RUNLOG_MAX_FILE_MB" in str(error)


def test_an_entry_past_the_ratio_is_refused_before_it_inflates(tmp_path):
    path = zip_bomb(tmp_path / "bomb.zip", inflated_mb=2)
    (source,) = discover([path], InputLimits(max_ratio=50)).sources
    assert "max_ratio = 50" in str(_read(source))


def test_an_entry_that_lies_about_its_size_never_inflates_past_what_it_declares(tmp_path):
    path = zip_bomb(tmp_path / "liar.zip", inflated_mb=50, declared_mb=1)
    (source,) = discover([path], InputLimits(max_ratio=10_000)).sources
    assert "checksum does not match" in str(_read(source))


def test_a_gz_bomb_stops_at_the_ratio_long_before_the_end(tmp_path):
    raw = gz_bomb(tmp_path / "bomb.fit.gz", inflated_mb=200).read_bytes()
    with pytest.raises(ArchiveLimitError, match="max_ratio"):
        inflate_gz(raw, InputLimits())


def test_a_gz_past_the_file_limit_is_refused(tmp_path):
    raw = gzipped(bytes(3 * MB))
    with pytest.raises(ArchiveLimitError, match="max_file_mb"):
        inflate_gz(raw, InputLimits(max_file_mb=2, max_ratio=10_000))
    assert inflate_gz(gzipped(GPX), SMALL) == GPX


def test_an_archive_past_its_total_keeps_what_came_before_and_says_so_once(tmp_path):
    content = bytes(range(256)) * 4096  # 1 MB that does not compress much
    entries = [Entry(f"{number}.gpx".encode(), content) for number in range(5)]
    path = tmp_path / "big.zip"
    path.write_bytes(zip_bytes(entries))
    found = discover([path], SMALL)
    assert [source.name for source in found.sources] == ["0.gpx", "1.gpx", "2.gpx"]
    assert _problems(found) == {
        str(path): "inflates past 3 MB in all: read up to 3.gpx, the rest not "
        "(max_archive_mb = 3 MB, set with RUNLOG_MAX_ARCHIVE_MB)"
    }


def test_an_archive_of_more_entries_than_the_limit_is_refused_before_its_listing(tmp_path):
    path = many_entries_zip(tmp_path / "many.zip", 21)
    found = discover([path], SMALL)
    assert found.sources == []
    assert "holds 21 entries" in _problems(found)[str(path)]
    assert "max_entries = 20" in _problems(found)[str(path)]


def test_zips_nested_past_the_limit_are_one_line_and_the_shallow_ones_are_read(tmp_path):
    assert [source.name for source in discover([nested_zips(tmp_path / "a.zip", 3)]).sources] == [
        "run.gpx"
    ]
    path = nested_zips(tmp_path / "deep.zip", 50)
    found = discover([path], SMALL)
    assert found.sources == []
    ((where, reason),) = _problems(found).items()
    assert where == f"{path}!level48.zip!level47.zip!level46.zip"
    assert "max_nesting = 3" in reason


def test_an_encrypted_entry_is_one_line_and_the_others_are_read(tmp_path):
    path = tmp_path / "locked.zip"
    path.write_bytes(zip_bytes([Entry(b"a.gpx", GPX, flags=0x1), Entry(b"b.gpx", GPX)]))
    first, second = discover([path]).sources
    assert "encrypted" in str(_read(first))
    assert _read(second) == GPX


@pytest.mark.parametrize("flags", [0, 0x0800], ids=["name not flagged UTF-8", "flagged UTF-8"])
def test_an_entry_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path, flags):
    path = tmp_path / "names.zip"
    path.write_bytes(zip_bytes([Entry(b"l\xf8b\xff.gpx", GPX, flags=flags)]))
    (source,) = discover([path]).sources
    assert _read(source) == GPX
    assert source.path.encode("utf-8")  # any output can hold it
    if flags:
        assert source.name == "l\\xf8b\\xff.gpx"


def _export(count: int = 5) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(count):
            archive.writestr(f"activities/{number}.gpx", GPX.replace(b"<trk>", b"<trk>" * number))
    return buffer.getvalue()


def test_a_zip_cut_short_is_read_from_its_local_headers(tmp_path):
    path = tmp_path / "export.zip"
    path.write_bytes(cut_short(_export(), 10))
    found = discover([path])
    assert len(found.sources) == 5
    assert all(isinstance(_read(source), bytes) for source in found.sources)
    assert "damaged zip" in _problems(found)[str(path)]


def test_a_zip_with_bytes_lost_from_its_middle_keeps_every_entry_that_reads(tmp_path):
    data = _export(40)
    path = tmp_path / "export.zip"
    path.write_bytes(cut_from_middle(data, 100))
    found = discover([path])
    outcomes = [_read(source) for source in found.sources]
    assert sum(isinstance(outcome, bytes) for outcome in outcomes) >= 30
    assert "damaged zip" in _problems(found)[str(path)]


def test_a_zip_streamed_with_data_descriptors_is_salvaged_with_its_sizes(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(_Unseekable(buffer), "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(3):
            archive.writestr(f"{number}.gpx", GPX)
    path = tmp_path / "streamed.zip"
    path.write_bytes(cut_short(buffer.getvalue(), 30))
    found = discover([path])
    assert [_read(source) for source in found.sources] == [GPX] * 3


def test_an_entry_with_an_empty_name_is_passed_over(tmp_path):
    path = tmp_path / "odd.zip"
    path.write_bytes(zip_bytes([Entry(b"", GPX), Entry(b"b.gpx", GPX)]))
    found = discover([path])
    assert [source.name for source in found.sources] == ["b.gpx"]


def test_what_is_not_a_zip_at_all_is_one_problem(tmp_path):
    path = tmp_path / "export.zip"
    path.write_bytes(b"PK\x03\x04 not really")
    found = discover([path])
    assert found.sources == []
    assert "zip" in _problems(found)[str(path)]


def test_a_salvaged_bomb_without_sizes_stops_at_the_ratio():
    entry = Entry(b"a.csv", compressed=deflated_zeros(100), size=0, crc=0, flags=0x8)
    written = zip_bytes([entry])[:-30]  # no central directory: found by its header
    data = written[:18] + bytes(8) + written[26:]  # sizes left to a descriptor, never written
    (member,) = list_members(data, InputLimits()).members
    assert member.size is None
    with pytest.raises(ArchiveLimitError, match="max_ratio"):
        read_member(data, member, InputLimits())


class _Unseekable(io.RawIOBase):
    """A stream zipfile cannot seek back in, so it writes sizes after each entry."""

    def __init__(self, target: io.BytesIO) -> None:
        self.target = target

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[override]
        return self.target.write(data)


_MEASURED_CHECK = """
import json, os, sys
from analyzer.cli import main
sys.argv = ["runlog", "check", *sys.argv[2:], "--format", "json"]
try:
    main()
except SystemExit as exit:
    code = exit.code
# This program's own high-water mark. Not ru_maxrss: Linux carries that across exec from the
# process that started it, so under a long pytest run it reported pytest's size (501 MB).
with open("/proc/self/status") as status:
    peak_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
with open(os.environ["REPORT"], "w") as out:
    json.dump({"exit": code, "peak_mb": peak_kb / 1024}, out)
"""


def test_multi_gigabyte_bombs_are_refused_with_little_memory(tmp_path):
    """4 GB each (built streaming, a few MB on disk): declared, lying, and with no sizes."""
    folder = tmp_path / "bombs"
    folder.mkdir()
    zip_bomb(folder / "declared.zip", inflated_mb=4000)
    zip_bomb(folder / "lying.zip", inflated_mb=4000, declared_mb=1)
    gz_bomb(folder / "run.fit.gz", inflated_mb=4000)
    entry = Entry(b"a.csv", compressed=deflated_zeros(4000), size=0, crc=0, flags=0x8)
    no_sizes = zip_bytes([entry])[: -(46 + 5 + 22)]  # no central directory: found by header
    (folder / "no_sizes.zip").write_bytes(no_sizes[:18] + bytes(8) + no_sizes[26:])
    (folder / "good.gpx").write_bytes(gpx_run().encode())
    report = tmp_path / "measured.json"
    result = subprocess.run(
        [sys.executable, "-c", _MEASURED_CHECK, "-", str(folder)],
        env={**os.environ, "REPORT": str(report), "RUNLOG_CACHE": "0"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    measured = json.loads(report.read_text())
    assert measured["exit"] == 1, result.stderr
    assert measured["peak_mb"] < 500
    document = json.loads(result.stdout)
    assert document["athletes"][0]["activities"] == 1
    reasons = {
        Path(error["path"].split("!")[0]).name: error["error"] for error in document["errors"]
    }
    assert "max_file_mb" in reasons["declared.zip"]
    assert "checksum" in reasons["lying.zip"]
    assert "max_ratio" in reasons["run.fit.gz"]
    assert "max_ratio" in reasons["no_sizes.zip"]
