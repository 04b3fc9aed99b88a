"""The command line, through the real loader, on small GPX files written to tmp_path."""

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from analyzer import checkers, cli, pipeline
from analyzer.checkers import RULES

START = dt.datetime(2026, 3, 2, 6, 0, tzinfo=dt.UTC)


def gpx_run(start: dt.datetime = START, minutes: int = 30, speed_mps: float = 3.0) -> str:
    """A GPX running track: one point every 10 s heading north at `speed_mps`."""
    points = []
    for step in range(minutes * 6 + 1):
        time = start + dt.timedelta(seconds=10 * step)
        lat_deg = 55.0 + step * 10 * speed_mps / 111_320
        points.append(
            f'<trkpt lat="{lat_deg:.7f}" lon="12.5"><ele>10</ele>'
            f"<time>{time:%Y-%m-%dT%H:%M:%SZ}</time></trkpt>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx version="1.1" creator="runlog tests" xmlns="http://www.topografix.com/GPX/1/1">'
        f"<trk><name>Morning run</name><type>running</type><trkseg>{''.join(points)}"
        "</trkseg></trk></gpx>"
    )


def write_runs(folder, days: int = 3, hour_offset: int = 0):
    """`days` morning runs, one a day from START, as GPX files in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for offset in range(days):
        start = START + dt.timedelta(days=offset, hours=hour_offset)
        (folder / f"{start:%Y-%m-%d}.gpx").write_text(gpx_run(start), encoding="utf-8")
    return folder


def invoke(*args: str):
    return CliRunner().invoke(cli.cli, [str(arg) for arg in args])


def test_rules_lists_every_rule_with_its_defaults():
    result = invoke("rules")
    assert result.exit_code == cli.EXIT_OK
    for rule in RULES:
        assert f"{rule.code}  {rule.slug}" in result.stdout
        assert "defaults: " in result.stdout


def test_rules_as_json_is_one_entry_per_rule():
    result = invoke("rules", "--format", "json")
    rules = json.loads(result.stdout)
    assert [rule["slug"] for rule in rules] == [rule.slug for rule in RULES]
    assert set(rules[0]) >= {"code", "slug", "title", "grade", "defaults", "source"}


def test_a_rule_named_by_code_shows_why_it_matters():
    rule = RULES[0]
    result = invoke("rules", rule.code.lower())
    assert result.exit_code == cli.EXIT_OK
    assert rule.rationale.strip().splitlines()[0] in result.stdout


def test_an_unknown_rule_is_a_one_line_usage_error():
    result = invoke("rules", "no-such-rule")
    assert result.exit_code == cli.EXIT_USAGE
    assert result.stderr.count("\n") == 1 and "no-such-rule is not a rule" in result.stderr


def test_check_prints_each_athlete_with_their_runs(tmp_path):
    result = invoke("check", write_runs(tmp_path / "runs"))
    assert result.exit_code == cli.EXIT_OK, result.output
    assert result.stdout.startswith("runner: status on Wed 4 Mar 2026\n")
    assert "\nrunner: 3 runs, Mon 2 Mar 2026 to Wed 4 Mar 2026, " in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        pytest.param([], "Wed 4 Mar 2026", id="the newest day with data by default"),
        pytest.param(["--as-of", "2026-03-03"], "Tue 3 Mar 2026", id="a day asked for"),
        pytest.param(["--until", "2026-03-03"], "Tue 3 Mar 2026", id="no later than --until"),
    ],
)
def test_the_status_is_as_of_a_day(tmp_path, as_of, expected):
    result = invoke("check", write_runs(tmp_path / "runs"), *as_of)
    assert result.exit_code == cli.EXIT_OK, result.output
    assert result.stdout.startswith(f"runner: status on {expected}\n")


def test_as_of_today_is_todays_date(tmp_path):
    result = invoke("check", write_runs(tmp_path / "runs"), "--as-of", "today", "--format", "json")
    assert result.exit_code == cli.EXIT_OK, result.output
    assert json.loads(result.stdout)["as_of"] == dt.date.today().isoformat()


def test_a_bad_as_of_day_is_a_usage_error(tmp_path):
    result = invoke("check", write_runs(tmp_path / "runs"), "--as-of", "yesterday")
    assert result.exit_code == cli.EXIT_USAGE
    assert "--as-of yesterday" in result.stderr


def test_check_as_json_is_designs_document(tmp_path):
    result = invoke("check", write_runs(tmp_path / "runs"), "--format", "json")
    assert result.exit_code == cli.EXIT_OK, result.output
    document = json.loads(result.stdout)
    assert list(document) == ["as_of", "athletes", "errors", "notices"]
    assert document["as_of"] == "2026-03-04"
    (athlete,) = document["athletes"]
    assert athlete["athlete"] == "runner"
    assert athlete["status"]["last_activity_date"] == "2026-03-04"
    assert (athlete["activities"], athlete["first_date"], athlete["last_date"]) == (
        3,
        "2026-03-02",
        "2026-03-04",
    )
    assert isinstance(athlete["findings"], list) and document["errors"] == []


def test_check_as_csv_starts_with_its_header(tmp_path):
    result = invoke("check", write_runs(tmp_path / "runs"), "--format", "csv")
    assert result.exit_code == cli.EXIT_OK
    assert result.stdout.splitlines()[0].startswith("athlete,date,severity,rule,code,message")


def test_a_coach_folder_ranks_its_athletes(tmp_path):
    write_runs(tmp_path / "coach" / "ana")
    write_runs(tmp_path / "coach" / "bo", days=2, hour_offset=1)
    result = invoke("check", tmp_path / "coach")
    assert result.exit_code == cli.EXIT_OK, result.output
    assert result.stdout.startswith("Athletes, most in need of a call first")
    assert "\nana: 3 runs" not in result.stdout  # the histories wait for --all or --athlete
    every = invoke("check", tmp_path / "coach", "--all").stdout
    assert "\nana: 3 runs" in every and "\nbo: 2 runs" in every


def test_an_athlete_who_stopped_uploading_needs_attention_first(tmp_path):
    write_runs(tmp_path / "coach" / "ana", days=5)
    write_runs(tmp_path / "coach" / "cy", days=5)
    stale = tmp_path / "coach" / "bo"
    stale.mkdir()
    for offset in range(5):  # five runs that ended 60 days before the others' last
        start = START - dt.timedelta(days=60 - offset)
        (stale / f"{start:%Y-%m-%d}.gpx").write_text(gpx_run(start), encoding="utf-8")
    result = invoke("check", tmp_path / "coach")
    assert result.exit_code == cli.EXIT_OK, result.output
    rows = result.stdout.splitlines()[2:]
    assert rows[0].split()[:2] == ["1", "bo"]
    assert "no data since 5 Jan 2026" in rows[0]
    need = result.stdout.split("\nNeed attention (1 of 3)", 1)[1].splitlines()
    assert need[1:3] == [
        "bo (#1): no data for 60 days",
        "  why: no activity since Mon 5 Jan 2026 (60 days)",
    ]
    every = invoke("check", tmp_path / "coach", "--all").stdout
    assert every.index("\nbo: status on") < every.index("\nana: status on")
    document = json.loads(invoke("check", tmp_path / "coach", "--format", "json").stdout)
    status = {item["athlete"]: item["status"] for item in document["athletes"]}["bo"]
    assert (status["is_stale"], status["days_since_last_activity"]) == (True, 60)


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(gpx_run(START - dt.timedelta(days=1))[:2000], id="cut short: read in part"),
        pytest.param("<gpx><trk><trkseg><trkpt lat=", id="a stub: not read at all"),
    ],
)
def test_a_broken_file_among_good_ones_exits_1_and_is_listed_on_stderr(tmp_path, content):
    folder = write_runs(tmp_path / "runs")
    broken = folder / "broken.gpx"
    broken.write_text(content, encoding="utf-8")
    result = invoke("check", folder)
    assert result.exit_code == cli.EXIT_SKIPPED_FILES
    (line,) = result.stderr.splitlines()
    assert line.startswith("broken.gpx: ")  # relative to the folder named
    assert result.stdout.startswith("runner: ")


def test_a_broken_file_in_json_is_in_the_document_not_on_stderr(tmp_path):
    folder = write_runs(tmp_path / "runs")
    (folder / "broken.gpx").write_bytes(b"\x00\x01 not a gpx at all")
    result = invoke("check", folder, "--format", "json")
    assert result.exit_code == cli.EXIT_SKIPPED_FILES
    errors = json.loads(result.stdout)["errors"]
    assert [error["path"] for error in errors] == ["broken.gpx"]
    assert errors[0]["error"] and result.stderr == ""


def test_only_unreadable_files_check_nothing_and_exit_2(tmp_path):
    broken = tmp_path / "broken.gpx"
    broken.write_text("<gpx><trk><trkseg><trkpt lat=", encoding="utf-8")
    result = invoke("check", broken)
    assert result.exit_code == cli.EXIT_USAGE
    lines = result.stderr.splitlines()
    assert lines[0].startswith("broken.gpx: ")  # a file named on its own: its name
    assert lines[-1].startswith("Error: nothing to check in ")


def test_an_empty_folder_checks_nothing_and_exits_2(tmp_path):
    result = invoke("check", tmp_path)
    assert result.exit_code == cli.EXIT_USAGE
    assert result.stderr == f"Error: nothing to check in {tmp_path}: no activity files found\n"


def test_a_path_that_does_not_exist_is_a_one_line_usage_error(tmp_path):
    missing = tmp_path / "nowhere"
    result = invoke("check", missing)
    assert result.exit_code == cli.EXIT_USAGE
    assert result.stderr == f"Error: {missing}: no such file or folder\n"
    assert result.stdout == ""


def test_a_missing_path_among_others_is_an_error_for_it_and_the_rest_is_checked(tmp_path):
    missing = tmp_path / "nowhere.fit"
    result = invoke("check", missing, write_runs(tmp_path / "runs"))
    assert result.exit_code == cli.EXIT_SKIPPED_FILES
    assert result.stderr == "nowhere.fit: no such file or folder\n"
    assert "3 runs" in result.stdout


def test_a_bad_profile_is_one_line_and_no_traceback(tmp_path):
    profile = tmp_path / "ana.toml"
    profile.write_text("[rules.long-run-spike]\nwarning_ratoi = 1.2\n", encoding="utf-8")
    result = invoke("check", write_runs(tmp_path / "runs"), "--profile", profile)
    assert result.exit_code == cli.EXIT_USAGE
    assert result.stderr.count("\n") == 1
    assert "warning_ratoi is not a setting of this rule" in result.stderr
    assert "Traceback" not in result.output


def test_a_missing_profile_file_is_a_usage_error(tmp_path):
    result = invoke("check", write_runs(tmp_path / "runs"), "--profile", tmp_path / "no.toml")
    assert result.exit_code == cli.EXIT_USAGE
    assert "no such profile file" in result.stderr


def test_a_bad_runlog_toml_beside_the_data_is_a_usage_error(tmp_path):
    folder = write_runs(tmp_path / "runs")
    (folder / "runlog.toml").write_text('units = "furlongs"\n', encoding="utf-8")
    result = invoke("check", folder)
    assert result.exit_code == cli.EXIT_USAGE
    assert result.stderr.count("\n") == 1 and "furlongs" in result.stderr


def test_a_bad_runlog_toml_in_one_athletes_folder_skips_only_that_athlete(tmp_path):
    coach = tmp_path / "coach"
    for athlete in ("ana", "bo", "cy"):
        write_runs(coach / athlete)
    (coach / "bo" / "runlog.toml").write_text('units = "furlongs"\n', encoding="utf-8")
    result = invoke("check", coach, "--all")
    assert result.exit_code == cli.EXIT_SKIPPED_FILES, result.output
    assert "\nana: 3 runs" in result.stdout and "\ncy: 3 runs" in result.stdout
    assert "bo:" not in result.stdout
    (line,) = result.stderr.splitlines()
    assert line.startswith("bo/runlog.toml: units = 'furlongs' is not one of")
    assert line.endswith("bo was not checked (fix this file to check them)")


def test_one_athletes_folder_named_on_its_own_is_that_athlete(tmp_path):
    for athlete in ("ana", "bo"):
        write_runs(tmp_path / "coach" / athlete)
    result = invoke("check", tmp_path / "coach" / "bo")
    assert result.exit_code == cli.EXIT_OK, result.output
    assert result.stdout.startswith("bo: status on Wed 4 Mar 2026")
    (tmp_path / "coach" / "bo" / "runlog.toml").write_text('athlete = "Bo B"\n', encoding="utf-8")
    named = invoke("check", tmp_path / "coach" / "bo")
    assert named.stdout.startswith("Bo B: status on")  # the profile's name wins


def test_a_profile_in_miles_shows_miles(tmp_path):
    profile = tmp_path / "miles.toml"
    profile.write_text('units = "miles"\n', encoding="utf-8")
    result = invoke("check", write_runs(tmp_path / "runs"), "--profile", profile)
    assert result.exit_code == cli.EXIT_OK
    header = next(line for line in result.stdout.splitlines() if "3 runs" in line)
    assert header.endswith(" mi")
    assert re.search(r"This week +[\d.]+ mi so far", result.stdout)


def test_since_after_until_is_a_usage_error(tmp_path):
    result = invoke(
        "check", write_runs(tmp_path / "runs"), "--since", "2026-05-01", "--until", "2026-04-01"
    )
    assert result.exit_code == cli.EXIT_USAGE
    assert "is after --until" in result.stderr


def test_until_reaches_the_rules_as_a_date_and_since_only_the_history(tmp_path, monkeypatch):
    # the status of the as-of day reads every finding up to it; --since shapes the history
    asked = []

    def findings_within(findings, since, until):
        asked.append((since, until))
        return []

    monkeypatch.setattr(checkers, "findings_within", findings_within)  # cli imports it when used
    result = invoke(
        "check", write_runs(tmp_path / "runs"), "--since", "2026-03-01", "--until", "2026-03-31"
    )
    assert result.exit_code == cli.EXIT_OK
    assert asked[-2:] == [(None, dt.date(2026, 3, 31)), (dt.date(2026, 3, 1), None)]


def test_a_bad_date_is_a_usage_error(tmp_path):
    result = invoke("check", write_runs(tmp_path / "runs"), "--since", "March")
    assert result.exit_code == cli.EXIT_USAGE


def test_a_bug_is_one_line_asking_for_a_report(tmp_path, monkeypatch):
    def run_rules(*args):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(pipeline, "run_rules", run_rules)  # each athlete's step runs them
    result = invoke("check", write_runs(tmp_path / "runs"))
    assert result.exit_code == cli.EXIT_BUG
    assert result.stderr.count("\n") == 1 and "please report it" in result.stderr
    assert "Traceback" not in result.output


def test_running_out_of_memory_is_one_line_not_a_bug_to_report(tmp_path, monkeypatch):
    def run_rules(*args):
        raise MemoryError

    monkeypatch.setattr(pipeline, "run_rules", run_rules)  # each athlete's step runs them
    result = invoke("check", write_runs(tmp_path / "runs"))
    assert result.exit_code == cli.EXIT_USAGE
    assert result.stderr == (
        "Error: runlog ran out of memory; close other programs, or check fewer files at once\n"
    )


def test_a_bug_keeps_its_traceback_under_debug(tmp_path, monkeypatch):
    def run_rules(*args):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(pipeline, "run_rules", run_rules)  # each athlete's step runs them
    result = CliRunner().invoke(cli.cli, ["--debug", "check", str(write_runs(tmp_path / "runs"))])
    assert isinstance(result.exception, ZeroDivisionError)


def test_import_to_csv_writes_one_row_per_run_with_iso_dates(tmp_path):
    output = tmp_path / "runs.csv"
    result = invoke("import", write_runs(tmp_path / "runs"), "-o", output)
    assert result.exit_code == cli.EXIT_OK, result.output
    table = pd.read_csv(output, dtype=str)
    assert table["local_date"].tolist() == ["2026-03-02", "2026-03-03", "2026-03-04"]
    assert table["start_time_utc"].iloc[0] == "2026-03-02T06:00:00+00:00"
    assert "Wrote 3 activities" in result.stdout


def test_import_to_parquet_keeps_the_local_date_a_date(tmp_path):
    output = tmp_path / "runs.parquet"
    result = invoke("import", write_runs(tmp_path / "runs"), "-o", output)
    assert result.exit_code == cli.EXIT_OK, result.output
    table = pd.read_parquet(output)
    assert table["local_date"].tolist() == [dt.date(2026, 3, day) for day in (2, 3, 4)]
    assert table["distance_m"].between(5000, 5600).all()  # 30 min at 3 m/s


def test_import_to_an_unknown_suffix_is_a_usage_error_and_writes_nothing(tmp_path):
    output = tmp_path / "runs.xlsx"
    result = invoke("import", write_runs(tmp_path / "runs"), "-o", output)
    assert result.exit_code == cli.EXIT_USAGE
    assert result.stderr.count("\n") == 1 and ".parquet or .csv" in result.stderr
    assert not output.exists()


def test_import_needs_an_output(tmp_path):
    assert invoke("import", write_runs(tmp_path / "runs")).exit_code == cli.EXIT_USAGE


def test_report_writes_one_html_page(tmp_path):
    output = tmp_path / "report.html"
    result = invoke("report", write_runs(tmp_path / "runs"), "-o", output)
    assert result.exit_code == cli.EXIT_OK, result.output
    page = output.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "data:image/svg+xml;base64," in page
    assert result.stdout.startswith(f"Wrote {output}: 1 athlete, ")


def test_report_to_a_folder_that_does_not_exist_is_a_usage_error(tmp_path):
    output = tmp_path / "no" / "such" / "report.html"
    result = invoke("report", write_runs(tmp_path / "runs"), "-o", output)
    assert result.exit_code == cli.EXIT_USAGE
    assert result.stderr.startswith(f"Error: {output}: cannot write it")


@pytest.mark.parametrize("command", ["check", "report", "import"])
def test_every_command_needs_a_path(command):
    assert invoke(command).exit_code == cli.EXIT_USAGE


def test_a_short_log_with_a_pain_note_says_which_rules_could_not_judge(tmp_path):
    folder = write_runs(tmp_path / "runs", days=12)
    (folder / "journal.md").write_text("2026-03-13 left knee sore, 3/10\n", encoding="utf-8")
    result = invoke("check", folder)
    assert result.exit_code == cli.EXIT_OK, result.output
    assert "Nothing was flagged" not in result.stdout
    assert re.search(
        r"acute-chronic-ratio.*: needs 28 days of history; this log has 11", result.stdout
    )
    assert "low-cadence: no run records cadence" in result.stdout
    document = json.loads(invoke("check", folder, "--format", "json").stdout)
    not_run = {item["rule"]: item["reason"] for item in document["athletes"][0]["rules_not_run"]}
    assert not_run["long-run-spike"] == "needs 30 days of history; this log has 11"
    assert "knee-pain-note" not in not_run


def test_names_that_are_not_utf8_are_shown_escaped_in_every_output(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    out.mkdir()
    (folder / os.fsdecode(b"l\xf8b\xff.gpx")).write_text(gpx_run(), encoding="utf-8")
    (folder / os.fsdecode(b"bad\xfe.fit")).write_bytes(b"junk")
    bad = "bad\\xfe.fit"  # relative to the folder named
    for output_format in ("text", "json", "csv"):
        result = invoke("check", folder, "--format", output_format)
        assert result.exit_code == cli.EXIT_SKIPPED_FILES, result.output
        if output_format == "json":
            assert json.loads(result.stdout)["errors"][0]["path"] == bad
        else:
            assert bad in result.stderr
    for output in ("runs.csv", "runs.parquet", "report.html"):
        command = "report" if output.endswith(".html") else "import"
        result = invoke(command, folder, "-o", out / output)
        assert result.exit_code == cli.EXIT_SKIPPED_FILES, result.output
    table = pd.read_parquet(out / "runs.parquet")
    assert list(table["source_path"]) == ["l\\xf8b\\xff.gpx"]
    assert bad in (out / "report.html").read_text(encoding="utf-8")


def test_no_output_holds_an_absolute_path(tmp_path):
    folder = write_runs(tmp_path / "coach" / "ana", days=12)
    write_runs(tmp_path / "coach" / "bo", days=3)
    (folder / "journal.md").write_text("2026-03-13 left knee sore, 3/10\n", encoding="utf-8")
    (folder / "broken.gpx").write_text("<gpx><trk><trkseg><trkpt lat=", encoding="utf-8")
    coach, out = tmp_path / "coach", tmp_path / "out"
    out.mkdir()
    outputs = [invoke("check", coach, "--format", kind) for kind in ("text", "json", "csv")]
    assert all(result.exit_code == cli.EXIT_SKIPPED_FILES for result in outputs)
    for command, name in (("report", "report.html"), ("import", "runs.csv")):
        assert invoke(command, coach, "-o", out / name).exit_code == cli.EXIT_SKIPPED_FILES
    written = [(out / name).read_text(encoding="utf-8") for name in ("report.html", "runs.csv")]
    texts = [result.stdout + result.stderr for result in outputs] + written
    assert all(str(tmp_path) not in text for text in texts)
    assert "ana/journal.md" in outputs[1].stdout and "ana/broken.gpx" in outputs[1].stdout


def test_since_shapes_the_header_counts_and_charts(tmp_path):
    folder = write_runs(tmp_path / "runs", days=40)
    whole = invoke("check", folder)
    assert "\nrunner: 40 runs, Mon 2 Mar 2026 to Fri 10 Apr 2026," in whole.stdout
    since = invoke("check", folder, "--since", "2026-04-01")
    assert "\nrunner: 10 runs, Wed 1 Apr 2026 to Fri 10 Apr 2026," in since.stdout
    document = json.loads(
        invoke("check", folder, "--since", "2026-04-01", "--format", "json").stdout
    )
    athlete = document["athletes"][0]
    assert (athlete["activities"], athlete["first_date"]) == (10, "2026-04-01")
    assert all(finding["date"] >= "2026-04-01" for finding in athlete["findings"])
    page = tmp_path / "report.html"
    assert invoke("report", folder, "-o", page, "--since", "2026-04-01").exit_code == cli.EXIT_OK
    html = page.read_text(encoding="utf-8")
    assert '<p class="summary">10 runs, Wed 1 Apr 2026 to Fri 10 Apr 2026,' in html
    assert "From Wed 1 Apr 2026 to Fri 10 Apr 2026 (--since)." in html


def test_since_past_the_end_of_the_log_shows_no_runs_and_no_all_clear(tmp_path):
    result = invoke("check", write_runs(tmp_path / "runs"), "--since", "2026-05-01")
    assert result.exit_code == cli.EXIT_OK, result.output
    assert "runner: 0 runs, no runs" in result.stdout
    assert "Nothing was flagged" not in result.stdout and "No findings." not in result.stdout


def test_rules_speak_to_the_user_and_say_each_source_once():
    result = invoke("rules", *(rule.slug for rule in RULES))
    assert result.exit_code == cli.EXIT_OK
    for word in ("EVIDENCE.md", "DESIGN.md", "(seeds)"):
        assert word not in result.stdout
    for block in result.stdout.split("\n\nRL")[1:]:
        assert block.lower().count("source:") == 1, block[:40]


def test_severity_is_coloured_on_a_terminal_and_plain_when_piped(tmp_path, monkeypatch):
    folder = write_runs(tmp_path / "runs", days=12)
    piped = invoke("check", folder)
    assert "\x1b[" not in piped.stdout
    monkeypatch.setattr(cli, "_is_terminal", lambda: True)
    monkeypatch.setattr(
        cli.shutil, "get_terminal_size", lambda fallback: os.terminal_size((72, 24))
    )
    coloured = invoke("check", folder)
    assert coloured.exit_code == cli.EXIT_OK, coloured.output
    assert "\x1b[" in coloured.stdout and "warn" in coloured.stdout
    plain = re.sub(r"\x1b\[[0-9;]*m", "", coloured.stdout)
    assert max(len(line) for line in plain.splitlines()) <= 71  # wrapped to the terminal


def test_a_file_read_in_full_with_a_remark_is_a_notice_not_an_error(tmp_path):
    folder = write_runs(tmp_path / "runs")
    track = gpx_run(START - dt.timedelta(days=1))
    first, second = re.findall(r"<trkpt .*?</trkpt>", track)[1:3]
    shuffled = track.replace(first + second, second + first, 1)  # two points out of order
    (folder / "shuffled.gpx").write_text(shuffled, encoding="utf-8")
    result = invoke("check", folder)
    assert result.exit_code == cli.EXIT_OK, result.output
    assert result.stderr.splitlines() == [
        "Read in full, with a remark (1):",
        "  shuffled.gpx: 1 of its points went back in time (written out of order); measured "
        "them in time order, 5.4 km: in the file's order the path doubles back over 5.5 km",
    ]
    document = json.loads(invoke("check", folder, "--format", "json").stdout)
    assert document["errors"] == []
    assert [notice["path"] for notice in document["notices"]] == ["shuffled.gpx"]


def test_a_report_with_a_home_folder_matplotlib_cannot_write_is_quiet(tmp_path):
    # matplotlib warned twice (its config and font cache) when HOME could not be written
    home = tmp_path / "home"
    home.write_text("a file where a folder should be: nothing can be made under it")
    environment = {**os.environ, "HOME": str(home), "RUNLOG_CACHE": str(tmp_path / "cache")}
    environment["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    for name in ("MPLCONFIGDIR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        environment.pop(name, None)
    page = tmp_path / "page.html"
    runs = write_runs(tmp_path / "runs")
    result = subprocess.run(
        [sys.executable, "-c", "from analyzer.cli import main; main()", "report", runs, "-o", page],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "matplotlib" not in result.stderr.lower()
    assert page.stat().st_size > 0
