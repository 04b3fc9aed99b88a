"""Outputs never overwrite what runlog reads, and are written whole or not at all."""

import hashlib

import pytest

from analyzer import atomic, cli
from analyzer.atomic import write_whole
from analyzer.writing import OutputRefused, check_output
from tests.test_cli import invoke, write_runs

HAND_LOG = "date,distance_km,duration_min,notes\n2026-03-02,8.0,45,easy\n2026-03-04,10.0,55,\n"


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_import_into_the_input_folder_over_the_runners_log_is_refused(tmp_path):
    folder = tmp_path / "ovr"
    folder.mkdir()
    log_csv = folder / "log.csv"
    log_csv.write_text(HAND_LOG, encoding="utf-8")
    before = digest(log_csv)
    for extra in ([], ["--force"]):
        result = invoke("import", folder, "-o", log_csv, *extra)
        assert result.exit_code == cli.EXIT_USAGE
        assert result.stderr.count("\n") == 1 and "log.csv" in result.stderr
        assert digest(log_csv) == before
    assert sorted(path.name for path in folder.iterdir()) == ["log.csv"]  # no temporary left


def test_an_output_naming_an_input_file_is_refused_even_with_force(tmp_path):
    log_csv = tmp_path / "log.csv"
    log_csv.write_text(HAND_LOG, encoding="utf-8")
    before = digest(log_csv)
    result = invoke("import", log_csv, "-o", log_csv, "--force")
    assert result.exit_code == cli.EXIT_USAGE and "files runlog reads" in result.stderr
    assert digest(log_csv) == before


def test_an_output_that_would_be_read_next_time_is_refused(tmp_path):
    runs = write_runs(tmp_path / "runs")
    result = invoke("import", runs, "-o", runs / "sub" / "all.csv")
    assert result.exit_code == cli.EXIT_USAGE and "read as data next time" in result.stderr
    assert not (runs / "sub").exists()


def test_an_output_beside_the_data_that_is_not_read_is_written(tmp_path):
    runs = write_runs(tmp_path / "runs")
    result = invoke("report", runs, "-o", runs / "report.html")
    assert result.exit_code == cli.EXIT_OK, result.output
    assert (runs / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_an_existing_output_is_replaced_only_with_force(tmp_path):
    runs = write_runs(tmp_path / "runs")
    output = tmp_path / "runs.csv"
    output.write_text("mine\n", encoding="utf-8")
    refused = invoke("import", runs, "-o", output)
    assert refused.exit_code == cli.EXIT_USAGE and "--force" in refused.stderr
    assert output.read_text(encoding="utf-8") == "mine\n"
    forced = invoke("import", runs, "-o", output, "--force")
    assert forced.exit_code == cli.EXIT_OK, forced.output
    assert output.read_text(encoding="utf-8").startswith("activity_id,")


def test_a_profile_is_an_input_too(tmp_path):
    runs = write_runs(tmp_path / "runs")
    profile = tmp_path / "ana.toml"
    profile.write_text('athlete = "ana"\n', encoding="utf-8")
    with pytest.raises(OutputRefused):
        check_output(profile, [runs, profile], force=True)


def test_a_hard_link_to_an_input_is_the_input(tmp_path):
    log_csv = tmp_path / "log.csv"
    log_csv.write_text(HAND_LOG, encoding="utf-8")
    link = tmp_path / "elsewhere.csv"
    link.hardlink_to(log_csv)
    with pytest.raises(OutputRefused, match="files runlog reads"):
        check_output(link, [log_csv], force=True)


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    output = tmp_path / "runs.csv"
    output.write_text("old\n", encoding="utf-8")

    def interrupted(descriptor: int) -> None:
        raise KeyboardInterrupt  # Ctrl-C after the bytes went out, before the rename

    monkeypatch.setattr(atomic.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_whole(output, b"new\n")
    assert output.read_text(encoding="utf-8") == "old\n"
    assert [path.name for path in tmp_path.iterdir()] == ["runs.csv"]


def test_nothing_read_writes_nothing_even_with_force(tmp_path):
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "run.gpx").write_bytes(b"<gpx><trk>")
    output = tmp_path / "runs.csv"
    output.write_text("mine\n", encoding="utf-8")
    for command in ("import", "report"):
        result = invoke(command, folder, "-o", output, "--force")
        assert result.exit_code == cli.EXIT_USAGE and "run.gpx" in result.stderr
        assert output.read_text(encoding="utf-8") == "mine\n"


def test_a_temporary_a_stopped_run_left_is_removed_and_no_file_of_the_user(tmp_path):
    runs = write_runs(tmp_path / "runs")
    output = tmp_path / "runs.csv"
    left = tmp_path / ".runs.csv.999999999.tmp"  # a run that was killed (no such process)
    left.write_text("half a table", encoding="utf-8")
    theirs = tmp_path / ".notes.txt.999999999.tmp"  # another program's
    theirs.write_text("mine", encoding="utf-8")
    assert invoke("import", runs, "-o", output).exit_code == cli.EXIT_OK
    assert not left.exists()
    assert theirs.read_text(encoding="utf-8") == "mine"


def test_a_site_is_written_to_a_folder_and_replaced_only_with_force(tmp_path):
    runs = write_runs(tmp_path / "runs")
    site = tmp_path / "site"
    made = invoke("report", runs, "-o", f"{site}/")
    assert made.exit_code == cli.EXIT_OK, made.output
    assert sorted(path.name for path in site.iterdir()) == ["index.html", "runner.html"]
    assert made.stdout == f"Wrote {site}/: index.html and 1 athlete page (1 athlete, 0 findings).\n"
    board = digest(site / "index.html")
    refused = invoke("report", runs, "-o", site)
    assert refused.exit_code == cli.EXIT_USAGE
    assert refused.stderr.count("\n") == 1 and "add --force" in refused.stderr
    forced = invoke("report", runs, "-o", site, "--force")
    assert forced.exit_code == cli.EXIT_OK and digest(site / "index.html") == board


@pytest.mark.parametrize("inside", [True, False], ids=["inside the data", "the data itself"])
def test_a_site_in_the_folder_runlog_reads_is_refused(tmp_path, inside):
    runs = write_runs(tmp_path / "runs")
    before = sorted(path.name for path in runs.iterdir())
    output = runs / "site" if inside else runs
    result = invoke("report", runs, "-o", f"{output}/", "--force")
    assert result.exit_code == cli.EXIT_USAGE and "which runlog reads" in result.stderr
    assert sorted(path.name for path in runs.iterdir()) == before


def test_a_site_named_over_a_file_is_refused(tmp_path):
    runs = write_runs(tmp_path / "runs")
    (tmp_path / "site").write_text("mine\n", encoding="utf-8")
    result = invoke("report", runs, "-o", f"{tmp_path / 'site'}/")
    assert result.exit_code == cli.EXIT_USAGE and "is a file" in result.stderr
    assert (tmp_path / "site").read_text(encoding="utf-8") == "mine\n"
