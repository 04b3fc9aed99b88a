"""The import cache is never trusted: a damaged entry is rebuilt and changes nothing."""

from __future__ import annotations

import datetime as dt
import pickle
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from analyzer import cli, load
from analyzer.cache import DamagedEntry, decode_entry, encode_entry, entry_head_size
from analyzer.discover import discover
from analyzer.errors import BadFile
from analyzer.importers import Imported, Record, RecordTable
from analyzer.reading import load_cached, parse

SAMPLE_DATA = Path(__file__).resolve().parents[1] / "sample_data"


def check_json(cache: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    """`runlog check --format json` of the sample data, from its files' cache entries (not
    from a result kept whole, analyzer/memo.py: tests/test_memo.py checks those)."""
    monkeypatch.setenv("RUNLOG_CACHE", str(cache))
    load_cached.cache_clear()  # what one process read before is not what is on disk now
    shutil.rmtree(cache / "results", ignore_errors=True)
    result = CliRunner().invoke(cli.cli, ["check", str(SAMPLE_DATA), "--format", "json"])
    return result.exit_code, result.stdout


def truncated(entry: bytes, _: bytes) -> bytes:
    return entry[: len(entry) // 2]


def flipped(entry: bytes, _: bytes) -> bytes:
    middle = len(entry) // 2
    return entry[:middle] + bytes([entry[middle] ^ 0x40]) + entry[middle + 1 :]


def emptied(entry: bytes, _: bytes) -> bytes:
    return b""


def replaced(_: bytes, other_entry: bytes) -> bytes:
    return other_entry  # another file's intact entry, under this file's name


def flipped_in_the_checksum(entry: bytes, _: bytes) -> bytes:
    at = entry.index(b"\n", len(b"runlog-cache 3\n")) + 3  # a hex digit of the SHA-256
    return entry[:at] + (b"0" if entry[at : at + 1] != b"0" else b"1") + entry[at + 1 :]


@pytest.mark.parametrize(
    "damage",
    [truncated, flipped, emptied, replaced, flipped_in_the_checksum],
    ids=lambda damage: f"{damage.__name__} entries",
)
def test_damaged_entries_give_the_same_json_as_a_clean_cache(tmp_path, monkeypatch, damage):
    clean = check_json(tmp_path / "clean", monkeypatch)
    cache = tmp_path / "damaged"
    assert check_json(cache, monkeypatch) == clean
    entries = sorted(cache.glob("*.entry"))
    originals = [entry.read_bytes() for entry in entries]
    assert len(entries) > 20
    for entry, original, other in zip(
        entries, originals, [*originals[1:], originals[0]], strict=False
    ):
        entry.write_bytes(damage(original, other))

    assert check_json(cache, monkeypatch) == clean  # read afresh from the files
    # an entry is rebuilt once its damage is seen: at once in its JSON part, when its samples
    # are read in theirs (a warm load checks the JSON part alone)
    assert not load(SAMPLE_DATA).samples.empty  # every run's samples, read
    assert [entry.read_bytes() for entry in sorted(cache.glob("*.entry"))] == originals  # rebuilt
    assert check_json(cache, monkeypatch) == clean


def test_samples_asked_for_after_their_entry_was_damaged_come_from_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv("RUNLOG_CACHE", str(tmp_path / "cache"))
    clean = load(SAMPLE_DATA).samples
    training_log = load(SAMPLE_DATA)
    for entry in (tmp_path / "cache").glob("*.entry"):
        entry.write_bytes(b"runlog-cache 3\n" + b"\x00" * 64)
    load_cached.cache_clear()
    pd.testing.assert_frame_equal(training_log.samples, clean)


def test_a_pickle_in_the_cache_is_never_run(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    clean = check_json(cache, monkeypatch)
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (Path.touch, (marker,))

    for entry in cache.glob("*.entry"):
        entry.write_bytes(pickle.dumps(Payload()))
    assert check_json(cache, monkeypatch) == clean
    assert not marker.exists()


def test_an_entry_is_read_only_under_its_own_key():
    outcome = parse("run.csv", b"date,distance_km,duration_min\n2026-03-02,8,45\n")
    assert not isinstance(outcome, BadFile)
    entry = encode_entry("a1", *outcome)
    read = decode_entry("a1", entry)
    assert (read.file_format, read.content_id) == outcome[:2]
    with pytest.raises(DamagedEntry):
        decode_entry("b2", entry)


def test_a_warm_load_checks_the_json_part_and_samples_are_checked_when_read():
    run = sorted((SAMPLE_DATA / "watch").glob("*.fit"))[0]
    outcome = parse(run.name, run.read_bytes())
    assert not isinstance(outcome, BadFile)
    entry = encode_entry("k", *outcome)
    head = entry[: entry_head_size("k", entry[:200])]
    assert len(head) < len(entry) // 4  # samples are most of an entry
    assert decode_entry("k", head, with_samples=False).has_samples == (True,)
    last = len(entry) - 100  # a byte of the samples' Arrow stream
    flipped = entry[:last] + bytes([entry[last] ^ 0x01]) + entry[last + 1 :]
    assert decode_entry("k", flipped, with_samples=False).has_samples == (True,)
    with pytest.raises(DamagedEntry):
        decode_entry("k", flipped)  # the samples' own checksum
    in_the_json = len(head) - 10
    changed = entry[:in_the_json] + b"X" + entry[in_the_json + 1 :]
    with pytest.raises(DamagedEntry):
        decode_entry("k", changed, with_samples=False)


def test_samples_of_any_shape_come_back_as_they_were():
    frames = [
        pd.DataFrame({"time_utc": pd.to_datetime(["2026-03-02T06:00Z", None]), "x": [1.5, None]}),
        pd.DataFrame({"label": pd.array(["a", None], dtype="string")}, index=[7, 3]),
        pd.DataFrame({"flag": [True, False], "count": [1, 2]}),
        pd.DataFrame(index=pd.RangeIndex(4)),
        pd.DataFrame({"distance_m": pd.Series([], dtype=float)}),
    ]
    imported = Imported(records=[Record({"n": index}, frame) for index, frame in enumerate(frames)])
    entry = decode_entry("k", encode_entry("k", "csv", "id", imported))
    for record, frame in zip(entry.imported.records, frames, strict=True):
        pd.testing.assert_frame_equal(record.samples, frame)
    assert entry.has_samples == (True, True, True, True, False)


def test_field_values_keep_their_types():
    fields = {
        "start_time_utc": pd.Timestamp("2026-03-02T06:00:00.123456789Z"),
        "start_time_local": pd.Timestamp("2026-03-02T07:00"),
        "zoned": pd.Timestamp("2026-07-02T07:00", tz="Europe/Copenhagen"),
        "local_date": dt.date(2026, 3, 2),
        "export_ids": ("1", 2, None),
        "distance_m": float("nan"),
        "moving_s": float("inf"),
        "missing": pd.NaT,
        "na": pd.NA,
        "pause": pd.Timedelta(seconds=90),
        "nested": {"$date": "not a tag", "list": [1, 2.5, "x", True]},
    }
    entry = decode_entry("k", encode_entry("k", "csv", "id", Imported(records=[Record(fields)])))
    _assert_same(entry.imported.records[0].fields, fields)
    assert str(entry.imported.records[0].fields["zoned"].tz) == "Europe/Copenhagen"


def _assert_same(first: object, second: object) -> None:
    """Equal and of the same type, all the way down (NaN equal to NaN)."""
    assert type(first) is type(second), (first, second)
    if isinstance(first, pd.DataFrame):
        pd.testing.assert_frame_equal(first, second)
    elif isinstance(first, dict):
        assert first.keys() == second.keys()
        for name in first:
            _assert_same(first[name], second[name])
    elif isinstance(first, list | tuple):
        assert len(first) == len(second)
        for item, other in zip(first, second, strict=True):
            _assert_same(item, other)
    elif not (first is second or (pd.isna(first) is True and pd.isna(second) is True)):
        assert first == second


@pytest.mark.parametrize("folder", ["sample", "real"])
def test_every_file_comes_back_from_its_entry_as_it_was_read(folder, request):
    root = SAMPLE_DATA if folder == "sample" else request.getfixturevalue("real_data")
    checked = 0
    for source in discover([root]).sources:
        outcome = parse(source.name, source.read())
        if isinstance(outcome, BadFile):
            continue
        entry = encode_entry("k", *outcome)
        read = decode_entry("k", entry)
        assert (read.file_format, read.content_id) == outcome[:2]
        imported = read.imported
        summary = decode_entry("k", entry, with_samples=False)
        assert all(record.samples is None for record in summary.imported.records)
        assert summary.has_samples == tuple(
            record.samples is not None and not record.samples.empty for record in outcome[2].records
        )
        assert len(imported.records) == len(outcome[2].records)
        for record, original in zip(imported.records, outcome[2].records, strict=True):
            _assert_same(record.fields, original.fields)
            _assert_same(record.samples, original.samples)
        for name in ("notes", "shoes", "problems"):
            _assert_same(getattr(imported, name), getattr(outcome[2], name))
        checked += 1
    assert checked > 20


def test_a_tables_columns_come_back_from_their_entry_with_their_dtypes():
    # a CSV log's rows are one frame (RecordTable): typed columns go through Arrow, columns
    # of Python objects (an export's ids) through tagged JSON
    table = b"athlete,date,km,notes\nana,2024-05-01,5,knee ok\nbo,2024-05-02,3,\n"
    outcome = parse("log.csv", table)
    assert not isinstance(outcome, BadFile)
    file_format, content_id, imported = outcome
    assert isinstance(imported.records, RecordTable)
    frame = imported.records.frame.assign(export_ids=[("a", "b"), ()])
    entry = encode_entry("k", file_format, content_id, Imported(records=RecordTable(frame)))
    for with_samples in (True, False):
        read = decode_entry("k", entry, with_samples=with_samples)
        assert isinstance(read.imported.records, RecordTable)
        pd.testing.assert_frame_equal(read.imported.records.frame, frame)
        assert read.has_samples == (False, False)
