"""The bundled sample log through the real command line, against golden outputs; and a coach
folder (the sample runner beside a Strava export) in one JSON document."""

import json
import shutil
import zipfile
from pathlib import Path

from click.testing import CliRunner

from analyzer import cli
from tests.exports import strava_export
from tests.report.golden import assert_matches_golden
from tests.test_loader import _export_files, _export_rows

REPOSITORY = Path(__file__).resolve().parents[1]
SAMPLE_DATA = REPOSITORY / "sample_data"


def _check(*args: str):
    return CliRunner().invoke(cli.cli, ["check", *map(str, args)])


def test_the_sample_log_checks_cleanly_as_text(monkeypatch):
    monkeypatch.chdir(REPOSITORY)  # as README runs it; note sources then read sample_data/...
    result = _check("sample_data")
    assert result.exit_code == cli.EXIT_OK, result.output
    assert_matches_golden("sample_data.txt", result.stdout)


def test_the_sample_log_as_json(monkeypatch):
    monkeypatch.chdir(REPOSITORY)
    result = _check("sample_data", "--format", "json")
    assert result.exit_code == cli.EXIT_OK
    assert_matches_golden("sample_data.json", result.stdout)
    document = json.loads(result.stdout)
    (sam,) = document["athletes"]
    pain = [finding for finding in sam["findings"] if finding["rule"] == "knee-pain-note"]
    assert pain[0]["date"] == "2026-07-21"
    assert "long-run-spike" in {related["rule"] for related in pain[0]["related"]}


def test_a_coach_folder_of_a_watch_folder_and_a_strava_export(tmp_path):
    coach = tmp_path / "squad"
    shutil.copytree(SAMPLE_DATA, coach / "sam")
    strava_export(coach / "ana" / "export_1234", _export_rows(), _export_files(), as_zip=True)
    (coach / "ana" / "runlog.toml").write_text('timezone = "Australia/Sydney"\n')
    result = _check(coach, "--format", "json")
    assert result.exit_code == cli.EXIT_OK, result.output
    document = json.loads(result.stdout)
    assert [athlete["athlete"] for athlete in document["athletes"]] == ["ana", "sam"]
    assert [athlete["activities"] for athlete in document["athletes"]] == [3, 41]
    assert document["errors"] == []
    text = _check(coach, "--all").stdout
    assert "ana: 3 runs" in text and "sam: 41 runs" in text


def test_the_sample_log_zipped_gives_what_the_folder_gives(tmp_path):
    archive = tmp_path / "sam.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as writer:
        for path in sorted(SAMPLE_DATA.rglob("*")):
            writer.write(path, Path("sample_data") / path.relative_to(SAMPLE_DATA))
    from_folder = json.loads(_check(SAMPLE_DATA, "--format", "json").stdout)
    result = _check(archive, "--format", "json")
    assert result.exit_code == cli.EXIT_OK, result.output
    # the same findings, notes and numbers; only where each note was read differs
    # paths are relative to the path named: "journal.md" in the folder, "sample_data/journal.md"
    # in the zip
    same_places = result.stdout.replace('"sample_data/journal.md"', '"journal.md"')
    assert json.loads(same_places) == from_folder


def test_a_zipped_coach_folder_gives_what_the_folder_gives(tmp_path):
    coach = tmp_path / "squad"
    shutil.copytree(SAMPLE_DATA, coach / "sam")
    strava_export(coach / "ana" / "export_1234", _export_rows(), _export_files(), as_zip=True)
    (coach / "ana" / "runlog.toml").write_text('timezone = "Australia/Sydney"\n')
    archive = tmp_path / "squad.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as writer:
        for path in sorted(coach.rglob("*")):
            writer.write(path, path.relative_to(tmp_path))
    from_folder = json.loads(_check(coach, "--format", "json").stdout)
    result = _check(archive, "--format", "json")
    assert result.exit_code == cli.EXIT_OK, result.output
    same_places = result.stdout.replace('"squad/sam/', '"sam/')
    assert json.loads(same_places) == from_folder
