"""Parquet datasets by athlete: folder names that fit any file system, files swapped in whole."""

import dataclasses
import datetime as dt
import os
import time
from pathlib import Path

import pandas as pd
import pytest

import analyzer
from analyzer import atomic, datasets
from analyzer.checkers import run_rules
from analyzer.relative import relative_log
from benchmarks.synthetic import write_cohort

JAPANESE_36 = "長距離走者" * 7 + "山"  # 36 characters, 108 bytes in UTF-8


@pytest.fixture(scope="module")
def two_athletes(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("two")
    write_cohort(
        folder, athletes=2, weeks=3, first_monday=dt.date(2025, 1, 6), record_every_s=(30,)
    )
    return folder


def written(folder: Path, out: Path):
    """The folder's datasets, written to `out`: its log."""
    log = relative_log(analyzer.load(folder), [folder])
    findings = run_rules(log)
    datasets.write_log(str(out), log, findings)
    return log


@pytest.mark.parametrize(
    "athlete",
    [
        pytest.param("ana", id="plain"),
        pytest.param("Zoë Ånström", id="letters of any language stay readable"),
        pytest.param('a/b: 50% "fast"?', id="a file system's own characters are escaped"),
        pytest.param("coach.", id="a last dot is escaped (Windows drops it)"),
        pytest.param(JAPANESE_36, id="36 Japanese characters fit"),
        pytest.param("長" * 200, id="a name too long for any file system is shortened"),
    ],
)
def test_a_folder_name_fits_every_file_system_and_reads_back(athlete, tmp_path):
    name = datasets.folder_name(athlete)
    assert len(name.encode("utf-8")) <= datasets.MAX_FOLDER_NAME_BYTES
    assert not set(name.removeprefix("athlete=")) & set('/\\:*?"<>|')
    assert not name.endswith((".", " "))
    frame = pd.DataFrame({"athlete": [athlete], "week_start": [dt.date(2026, 3, 2)]})
    datasets.write_athletes(str(tmp_path), {"weekly": frame}, [athlete])
    assert datasets.read_table(str(tmp_path), "weekly")["athlete"].tolist() == [athlete]
    shown = pd.read_parquet(tmp_path / "weekly")["athlete"].astype(str).tolist()
    if len(athlete) < 100:
        assert shown == [athlete]  # pandas names the athlete itself
    else:
        assert shown == [name.removeprefix("athlete=")]  # the shortened name, with its hash


def test_36_japanese_characters_are_not_shortened():
    assert datasets.folder_name(JAPANESE_36) == f"athlete={JAPANESE_36}"


def test_two_long_names_alike_at_the_start_get_two_folders():
    first, second = "長" * 100 + "一", "長" * 100 + "二"
    assert datasets.folder_name(first) != datasets.folder_name(second)


def test_an_athlete_in_a_folder_named_the_old_way_moves_to_the_new_one(tmp_path):
    athlete = "Zoë"
    frame = pd.DataFrame({"athlete": [athlete], "week_start": [dt.date(2026, 3, 2)]})
    datasets.write_athletes(str(tmp_path), {"weekly": frame}, [athlete])
    old = tmp_path / "weekly" / "athlete=Zo%C3%AB"  # as an older runlog named it
    old.mkdir()
    new = tmp_path / "weekly" / "athlete=Zoë" / datasets.PART_NAME
    (old / datasets.PART_NAME).write_bytes(new.read_bytes())
    assert len(pd.read_parquet(tmp_path / "weekly")) == 2
    datasets.write_athletes(str(tmp_path), {"weekly": frame}, [athlete])
    assert not old.exists()
    assert pd.read_parquet(tmp_path / "weekly")["athlete"].astype(str).tolist() == [athlete]


def test_a_write_the_disk_refuses_leaves_the_athletes_files_and_no_temporary(
    two_athletes, tmp_path, monkeypatch
):
    out = tmp_path / "out"
    log = written(two_athletes, out)
    second = "athlete=athlete-0001"
    before = {path: path.read_bytes() for path in sorted(out.rglob(f"{second}/*"))}
    staged = []
    real_staged = atomic.staged

    def disk_fills(path, write, **options):
        if second in str(path):
            staged.append(path)
            if len(staged) == 2:  # the second athlete's second table
                raise OSError(28, "No space left on device")
        return real_staged(path, write, **options)

    monkeypatch.setattr(atomic, "staged", disk_fills)
    longer = log.activities.assign(distance_m=log.activities["distance_m"] + 1)
    tables = datasets.athlete_tables(dataclasses.replace(log, activities=longer), [], log.weekly())
    with pytest.raises(atomic.OutputError, match="No space left on device") as refused:
        datasets.write_athletes(str(out), tables, ["athlete-0000", "athlete-0001"])
    assert "athlete-0001's tables" in str(refused.value)
    assert "the 1 athlete before them were written" in str(refused.value)
    assert {path: path.read_bytes() for path in sorted(out.rglob(f"{second}/*"))} == before
    assert not [path for path in out.rglob("*") if path.name.startswith(".part")]
    activities = datasets.read_table(str(out), "activities").set_index("athlete")["distance_m"]
    first = log.activities.set_index("athlete")["distance_m"]
    assert (activities["athlete-0000"].to_numpy() == first["athlete-0000"].to_numpy() + 1).all()


def test_what_a_killed_writer_left_is_removed_by_the_next_write(two_athletes, tmp_path):
    out = tmp_path / "out"
    written(two_athletes, out)
    folder = out / "weekly" / "athlete=athlete-0000"
    left = folder / ".part-0.parquet.999999999.tmp"  # no such process
    left.write_bytes(b"half a file")
    old = folder / ".part-0.parquet.1.tmp"  # pid 1 runs, but an hour ago
    old.write_bytes(b"half a file")
    an_hour_ago = time.time() - atomic.STALE_AFTER_S - 60
    os.utime(old, (an_hour_ago, an_hour_ago))
    assert len(pd.read_parquet(out / "weekly")) > 0  # readers pass over the hidden files
    written(two_athletes, out)
    assert sorted(path.name for path in folder.iterdir()) == ["part-0.parquet"]
