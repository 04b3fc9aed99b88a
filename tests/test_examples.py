"""The samples in examples/ (and sample_data/) are what the generator writes, real files the
reference readers read, and `runlog check` and `runlog report` on them say what README says."""

import gzip
import json
import re
from pathlib import Path

import fitdecode
import fitparse
import gpxpy
import pytest
from click.testing import CliRunner
from lxml import etree

from analyzer import cli
from benchmarks.make_sample_data import write_all

REPOSITORY = Path(__file__).resolve().parents[1]
EXAMPLES = REPOSITORY / "examples"
SQUAD = EXAMPLES / "squad"
STRAVA = EXAMPLES / "strava_export"


def _check(*args: str):
    return CliRunner().invoke(cli.cli, ["check", *map(str, args)])


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_the_generator_writes_the_same_bytes_as_the_repository_holds(tmp_path):
    write_all(tmp_path)
    assert _files(tmp_path / "examples") == _files(EXAMPLES)
    assert _files(tmp_path / "sample_data") == _files(REPOSITORY / "sample_data")


def _contents(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def _fit_paths() -> list[Path]:
    return sorted([*EXAMPLES.rglob("*.fit"), *EXAMPLES.rglob("*.fit.gz")])


def test_every_fit_sample_is_read_by_fitparse_and_fitdecode_alike():
    paths = _fit_paths()
    assert len(paths) > 40
    for path in paths:
        data = _contents(path)
        parsed = fitparse.FitFile(data)
        (session,) = [message.get_values() for message in parsed.get_messages("session")]
        with fitdecode.FitReader(data) as reader:
            decoded = [
                frame
                for frame in reader
                if isinstance(frame, fitdecode.FitDataMessage) and frame.name == "session"
            ]
        (decoded_session,) = decoded
        assert decoded_session.get_value("total_distance") == session["total_distance"], path
        assert decoded_session.get_value("total_timer_time") == session["total_timer_time"]


def test_every_gpx_sample_is_read_by_gpxpy_and_every_tcx_is_well_formed():
    gpx_paths = sorted(EXAMPLES.rglob("*.gpx"))
    tcx_paths = sorted([*EXAMPLES.rglob("*.tcx"), *EXAMPLES.rglob("*.tcx.gz")])
    assert len(gpx_paths) >= 12 and len(tcx_paths) >= 12
    for path in gpx_paths:
        gpx = gpxpy.parse(path.read_text(encoding="utf-8"))
        assert gpx.tracks and gpx.get_moving_data().moving_distance > 3000, path
    for path in tcx_paths:
        root = etree.fromstring(_contents(path))
        assert root.tag.endswith("TrainingCenterDatabase"), path


def test_the_squad_ranks_the_red_flag_then_the_stale_athlete_first(monkeypatch):
    monkeypatch.chdir(REPOSITORY)
    result = _check("examples/squad")
    assert result.exit_code == cli.EXIT_OK, result.output
    ranking = re.findall(r"^\s+\d+\s+(\w+)\s", result.stdout.split("\n\n")[0], re.M)
    assert ranking == ["ben", "cleo", "dev", "ana"]  # red flags, no data, a worn shoe, nothing
    # below the board: the three who need attention, then Ana in one line (README says so)
    need = result.stdout.split("\nNeed attention (3 of 4)", 1)[1].split("\n\n", 1)[0]
    assert re.findall(r"^(\w+) \(#\d\):", need, re.M) == ["ben", "cleo", "dev"]
    assert "\n  ana: nothing flagged in the last 28 days\n" in result.stdout
    ben = _check("examples/squad", "--athlete", "ben").stdout
    assert ben.startswith("ben: status on") and "\nben: 40 runs" in ben and "cleo" not in ben
    document = json.loads(_check("examples/squad", "--format", "json").stdout)
    assert document["errors"] == []
    athletes = {athlete["athlete"]: athlete for athlete in document["athletes"]}
    assert athletes["cleo"]["status"]["is_stale"]
    assert athletes["cleo"]["status"]["days_since_last_activity"] == 28
    rules = {
        name: {(finding["rule"], finding["severity"]) for finding in athlete["findings"]}
        for name, athlete in athletes.items()
    }
    assert ("persistent-knee-pain", "high") in rules["ben"]
    assert {"shoe-overdue", "low-cadence"} <= {rule for rule, _ in rules["dev"]}
    assert {severity for _, severity in rules["ana"]} <= {"info"}
    assert athletes["ana"]["status"]["open_findings"] == []


def test_the_strava_export_is_one_runner_in_miles_with_each_run_once(monkeypatch):
    monkeypatch.chdir(REPOSITORY)
    suffixes = {path.name.split(".", 1)[1] for path in (STRAVA / "activities").iterdir()}
    assert suffixes == {"fit.gz", "gpx", "tcx.gz"}
    result = _check("examples/strava_export", "--format", "json")
    assert result.exit_code == cli.EXIT_OK, result.output
    document = json.loads(result.stdout)
    (riley,) = document["athletes"]
    assert riley["athlete"] == "riley" and riley["activities"] == 49  # 48 files + a manual row
    messages = " ".join(finding["message"] for finding in riley["findings"])
    assert " mi" in messages and not re.search(r"\d km\b", messages)
    pain = [finding for finding in riley["findings"] if finding["rule"] == "knee-pain-note"]
    assert pain[0]["date"] == "2026-10-11"
    assert {"weekly-mileage-jump", "long-run-spike"} <= {
        related["rule"] for related in pain[0]["related"]
    }


@pytest.mark.parametrize("sample", ["sample_data", "examples/strava_export", "examples/squad"])
def test_each_sample_makes_its_report(tmp_path, sample, monkeypatch):
    monkeypatch.chdir(REPOSITORY)
    target = tmp_path / "report.html"
    result = CliRunner().invoke(cli.cli, ["report", sample, "-o", str(target)])
    assert result.exit_code == cli.EXIT_OK, result.output
    page = target.read_text(encoding="utf-8")
    assert page.count("<img") >= 5  # the charts
    if sample == "examples/squad":  # the coach's rows come first, in order of need
        board = page.split('<section id="board">', 1)[1].split("</section>", 1)[0]
        rows = [board.index(f">{name}</a>") for name in ("ben", "cleo", "dev", "ana")]
        assert rows == sorted(rows) and page.index("</section>") < page.index("<h2>ben")
        assert "<title>squad: 4 athletes as of Sun 8 Nov 2026 · runlog</title>" in page


def test_the_squad_makes_its_site(tmp_path, monkeypatch):
    monkeypatch.chdir(REPOSITORY)
    result = CliRunner().invoke(cli.cli, ["report", "examples/squad", "-o", str(tmp_path / "site")])
    assert result.exit_code == cli.EXIT_OK, result.output
    pages = sorted(path.name for path in (tmp_path / "site").iterdir())
    assert pages == ["ana.html", "ben.html", "cleo.html", "dev.html", "index.html"]
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    links = [index.index(f'<a href="{name}.html">{name}</a>') for name in ("ben", "cleo", "dev")]
    assert links == sorted(links)
    ben = (tmp_path / "site" / "ben.html").read_text(encoding="utf-8")
    assert "<title>ben as of Sun 8 Nov 2026 · runlog</title>" in ben
    assert ben.count('<a href="index.html#board">') == 2
    # the page's open findings count as the board does, once per note: ben's note of Tue 27 Oct
    # speaks to RL501 and RL502, and the board's "2 high" is two high lines on his page too
    board = re.findall(r'class="severity severity-(\w+)">(\d+)', index.split("</tr>")[1])
    listed = ben.split('<ul class="open-findings">', 1)[1].split("</ul>", 1)[0]
    severities = re.findall(r'class="severity severity-(\w+)">', listed)
    assert [(name, int(count)) for name, count in board] == [
        (name, severities.count(name)) for name in ("high", "warning")
    ]
