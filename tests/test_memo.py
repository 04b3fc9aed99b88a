"""A re-run over unchanged files gives the kept result: the same bytes and words, fast; any
change to what it read gives a result made afresh."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from analyzer import cli, memo
from analyzer.plan import make_plan
from analyzer.reading import load_cached
from analyzer.settings import Settings

SAMPLE_DATA = Path(__file__).resolve().parents[1] / "sample_data"
RAN_WITHOUT_PANDAS = (
    "import sys\n"
    "from analyzer import cli\n"
    "try:\n"
    "    cli.main()\n"
    "except SystemExit as done:\n"
    "    code = done.code\n"
    "print('pandas imported:', 'pandas' in sys.modules, 'exit:', code)\n"
)


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    """A copy of the sample data, and a cache of this test's own."""
    monkeypatch.setenv("RUNLOG_CACHE", str(tmp_path / "cache"))
    load_cached.cache_clear()
    return Path(shutil.copytree(SAMPLE_DATA, tmp_path / "data"))


def run_import(data: Path, output: Path, *options: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.cli, ["import", str(data), "-o", str(output), *options])
    return result.exit_code, result.stdout, result.stderr


def kept_results(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "results").glob("*.result"))


def test_a_rerun_writes_the_same_bytes_and_says_the_same(data, tmp_path):
    output = tmp_path / "runs.parquet"
    first = run_import(data, output, "--weekly", str(tmp_path / "weekly.csv"))
    table, weekly = output.read_bytes(), (tmp_path / "weekly.csv").read_bytes()
    assert len(kept_results(tmp_path)) == 1
    output.unlink()
    again = run_import(data, output, "--weekly", str(tmp_path / "weekly.csv"), "--force")
    assert again == first
    assert output.read_bytes() == table and (tmp_path / "weekly.csv").read_bytes() == weekly
    assert len(kept_results(tmp_path)) == 1  # found, not made again


def test_a_kept_result_is_written_without_pandas(data, tmp_path):
    output = tmp_path / "runs.csv"
    command = [sys.executable, "-c", RAN_WITHOUT_PANDAS, "import", str(data), "-o", str(output)]
    first = subprocess.run(command, capture_output=True, text=True, env=os.environ, check=True)
    written = output.read_text()
    again = subprocess.run([*command, "--force"], capture_output=True, text=True, check=True)
    assert "pandas imported: True exit: 0" in first.stdout
    assert "pandas imported: False exit: 0" in again.stdout
    assert output.read_text() == written
    assert len(pd.read_csv(output)) == written.count("\n") - 1


def test_a_changed_file_gives_a_new_result(data, tmp_path):
    output = tmp_path / "runs.csv"
    run_import(data, output)
    written = output.read_text()
    log = data / "gym_log.csv"
    text = log.read_text()
    before = os.stat(log)
    changed = text.replace("2026-", "2025-", 1)  # same size, same time stamp: other content
    assert changed != text and len(changed) == len(text)
    log.write_text(changed)
    os.utime(log, ns=(before.st_atime_ns, before.st_mtime_ns))
    run_import(data, output, "--force")
    assert len(kept_results(tmp_path)) == 2
    assert "2025-08-11" in output.read_text() and "2025-08-11" not in written


@pytest.mark.parametrize(
    "change",
    ["a new file", "a new profile setting", "a profile given", "another option", "other code"],
)
def test_whatever_the_result_depends_on_gives_a_new_key(data, tmp_path, monkeypatch, change):
    profile = tmp_path / "other.toml"
    profile.write_text((data / "runlog.toml").read_text())
    settings = Settings.from_environment()

    def key(profile, options):
        return memo.key_of("import", make_plan([data], profile, settings), options)

    before = key(None, {"output": "runs.csv"})
    assert key(None, {"output": "runs.csv"}) == before
    options = {"output": "runs.csv"}
    given = None
    if change == "a new file":
        run = data / "watch" / "2026-06-02-07-00-00.fit"
        (data / "watch" / "copy.fit").write_bytes(run.read_bytes())
    elif change == "a new profile setting":
        (data / "runlog.toml").write_text((data / "runlog.toml").read_text() + "\n# a remark\n")
    elif change == "a profile given":
        given = profile
    elif change == "other code":  # a changed module or library (tests/test_fingerprint.py)
        monkeypatch.setattr(memo, "code_key", lambda: "another release")
    else:
        options = {"output": "runs.parquet"}
    assert key(given, options) != before


@pytest.mark.parametrize("damage", ["cut short", "a byte flipped", "emptied"])
def test_a_damaged_result_is_made_again(data, tmp_path, damage):
    output = tmp_path / "runs.csv"
    first = run_import(data, output)
    written = output.read_bytes()
    (kept,) = kept_results(tmp_path)
    raw = kept.read_bytes()
    middle = len(raw) // 2
    kept.write_bytes(
        {
            "cut short": raw[:middle],
            "a byte flipped": raw[:middle] + bytes([raw[middle] ^ 0x01]) + raw[middle + 1 :],
            "emptied": b"",
        }[damage]
    )
    assert run_import(data, output, "--force") == first
    assert output.read_bytes() == written
    assert kept.read_bytes() == raw  # made again, and kept again


def test_files_not_read_are_said_again_with_the_same_exit_code(data, tmp_path):
    (data / "watch" / "broken.fit").write_bytes(b"\x0e\x10not a fit file at all")
    output = tmp_path / "runs.csv"
    first = run_import(data, output)
    assert first[0] == 1 and "broken.fit" in first[2]
    assert run_import(data, output, "--force") == first


def test_no_cache_keeps_no_result_and_only_the_newest_are_kept(data, tmp_path, monkeypatch):
    monkeypatch.setenv("RUNLOG_CACHE", "0")
    plan = make_plan([data], None, Settings.from_environment())
    assert memo.key_of("import", plan, {}) is None
    run_import(data, tmp_path / "runs.csv")
    assert not (tmp_path / "cache").exists()
    monkeypatch.setenv("RUNLOG_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(memo, "KEEP_RESULTS", 2)
    for name in ("a.csv", "b.csv", "c.csv"):
        run_import(data, tmp_path / name)
    assert len(kept_results(tmp_path)) == 2


def run_check(data: Path, *options: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.cli, ["check", str(data), *options])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("output_format", ["text", "json", "csv"])
def test_a_rerun_of_check_says_the_same(data, tmp_path, output_format):
    (data / "watch" / "broken.fit").write_bytes(b"\x0e\x10not a fit file at all")
    first = run_check(data, "--format", output_format)
    assert first[0] == 1 and first[1]
    assert ("broken.fit" in first[2]) == (output_format != "json")  # json holds its errors
    assert run_check(data, "--format", output_format) == first
    assert len(kept_results(tmp_path)) == 1
    assert run_check(data, "--format", output_format, "--as-of", "2026-08-01") != first
    assert len(kept_results(tmp_path)) == 2


def test_a_kept_check_prints_without_pandas(data):
    command = [sys.executable, "-c", RAN_WITHOUT_PANDAS, "check", str(data)]
    first = subprocess.run(command, capture_output=True, text=True, check=True)
    again = subprocess.run(command, capture_output=True, text=True, check=True)
    assert "pandas imported: True exit: 0" in first.stdout
    assert "pandas imported: False exit: 0" in again.stdout
    assert again.stdout.replace("False", "True") == first.stdout
    assert "status on" in again.stdout


def test_nothing_to_check_is_said_each_time_and_not_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("RUNLOG_CACHE", str(tmp_path / "cache"))
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "broken.fit").write_bytes(b"\x0e\x10not a fit file at all")
    first = run_check(tmp_path / "data")
    assert first[0] == 2 and "broken.fit" in first[2] and "nothing to check" in first[2]
    assert run_check(tmp_path / "data") == first
    assert kept_results(tmp_path) == []


def test_a_rerun_of_report_writes_the_same_page_without_matplotlib(data, tmp_path):
    page = tmp_path / "report.html"
    command = [sys.executable, "-c", RAN_WITHOUT_PANDAS, "report", str(data), "-o", str(page)]
    first = subprocess.run(command, capture_output=True, text=True, check=True)
    written = page.read_bytes()
    page.unlink()
    again = subprocess.run(command, capture_output=True, text=True, check=True)
    assert "pandas imported: True exit: 0" in first.stdout
    assert "pandas imported: False exit: 0" in again.stdout
    assert page.read_bytes() == written and b"data:image/svg+xml" in written  # its charts
    assert again.stderr == first.stderr


def test_a_cache_that_refuses_every_write_gives_the_result_and_one_notice(
    data, tmp_path, monkeypatch
):
    expected = run_import(data, tmp_path / "good.csv")
    refused = []
    cache = tmp_path / "other-cache"
    write_whole = memo.atomic.write_whole

    def read_only_cache(path, data, **options):
        if not path.is_relative_to(cache):
            return write_whole(path, data, **options)
        refused.append(path)
        raise OSError(30, "Read-only file system")

    monkeypatch.setenv("RUNLOG_CACHE", str(cache))
    monkeypatch.setattr(memo, "_cache_problems", {})
    monkeypatch.setattr(memo.atomic, "write_whole", read_only_cache)
    load_cached.cache_clear()
    code, _, stderr = run_import(data, tmp_path / "runs.csv")
    assert refused  # entries and the result were tried
    assert (tmp_path / "runs.csv").read_bytes() == (tmp_path / "good.csv").read_bytes()
    assert code == expected[0]
    notes = [line for line in stderr.splitlines() if line.startswith("Note: runlog could not")]
    assert len(notes) == 1 and "Read-only file system" in notes[0]
    assert stderr.replace(notes[0] + "\n", "") == expected[2]


def test_a_kept_result_is_served_from_a_folder_that_cannot_be_written(data, tmp_path, monkeypatch):
    output = tmp_path / "runs.csv"
    run_import(data, output)
    first = output.read_bytes()

    def refused(*args, **options):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(memo.os, "utime", refused)
    monkeypatch.setattr(memo, "keep", lambda *args: pytest.fail("made again"))
    assert run_import(data, output, "--force")[0] == cli.EXIT_OK
    assert output.read_bytes() == first


def test_what_a_stopped_run_left_in_the_cache_goes_on_the_next_run(data, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    (cache / "results").mkdir(parents=True)
    left = [cache / "0123.entry.999999999.tmp", cache / "results" / ".ab.result.999999999.tmp"]
    for path in left:
        path.write_bytes(b"half an entry")
    running = cache / f".cd.entry.{os.getpid()}.tmp"  # this process writes it: not stale
    running.write_bytes(b"half an entry")
    monkeypatch.setattr(memo, "_cleaned", set())
    assert memo.cache_folder(Settings(cache=str(cache))) == cache
    assert not any(path.exists() for path in left)
    assert running.exists()


def test_a_site_is_kept_apart_from_a_page_and_written_again_the_same(data, tmp_path):
    site = tmp_path / "site"
    first = CliRunner().invoke(cli.cli, ["report", str(data), "-o", f"{site}/"])
    assert first.exit_code == 0, first.output
    pages = {path.name: path.read_bytes() for path in site.iterdir()}
    again = CliRunner().invoke(cli.cli, ["report", str(data), "-o", f"{site}/", "--force"])
    assert again.output == first.output and len(kept_results(tmp_path)) == 1
    assert {path.name: path.read_bytes() for path in site.iterdir()} == pages
    options = {"output": str(site), "layout": "site"}
    plan = make_plan([data], None, Settings.from_environment())
    assert memo.key_of("report", plan, options) != memo.key_of(
        "report", plan, {**options, "layout": "page"}
    )


def test_the_athletes_named_are_part_of_the_key(data, tmp_path):
    every = run_check(data)
    named = run_check(data, "--athlete", "SAM")
    assert named[0] == 0 and len(kept_results(tmp_path)) == 2  # a result of its own
    assert run_check(data, "--athlete", "SAM") == named and len(kept_results(tmp_path)) == 2
    assert run_check(data) == every
