"""A local Dask cluster (two worker processes) gives the local path's tables, row for row."""

import datetime as dt
import json
import logging
import os
import shutil
import socket
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import analyzer
from analyzer import cli, cohort, datasets, pipeline
from analyzer.checkers import run_rules
from analyzer.errors import ProfileError
from analyzer.plan import make_plan
from analyzer.relative import relative_log
from analyzer.schema import ACTIVITY_COLUMNS
from analyzer.settings import Settings
from analyzer.study import SquadCounts, squad_study
from benchmarks.synthetic import (
    cohort_athlete,
    write_cohort,
    write_cohort_athlete,
    write_study_cohort,
)

distributed = pytest.importorskip("distributed")

SAMPLE_DATA = Path(__file__).resolve().parents[1] / "sample_data"
FIRST_MONDAY = dt.date(2025, 1, 6)
TABLES = (*datasets.TABLES, datasets.SAMPLES)
BUCKET = "runlog-tests"


@pytest.fixture(scope="module")
def s3_server():
    """A local S3-compatible server (moto's, on 127.0.0.1 only), and fsspec pointed at it; set
    before the cluster starts, so that its workers reach it too."""
    moto_server = pytest.importorskip("moto.server")
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    settings = {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "FSSPEC_S3_ENDPOINT_URL": f"http://127.0.0.1:{port}",
    }
    before = {key: os.environ.get(key) for key in settings}
    os.environ.update(settings)
    fsspec = pytest.importorskip("fsspec")
    fsspec.config.set_conf_env(fsspec.config.conf)  # fsspec read its settings at import
    store = fsspec.filesystem("s3", skip_instance_cache=True)
    store.mkdir(BUCKET)
    yield store
    server.stop()
    for key, value in before.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="module")
def client(s3_server):
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=40,
        ) as cluster,
        distributed.Client(cluster) as dask_client,
    ):
        yield dask_client


@pytest.fixture(scope="module")
def coach_folder(tmp_path_factory) -> Path:
    """A small coach's folder: the sample runner, and two athletes of six weeks of FIT runs."""
    folder = tmp_path_factory.mktemp("coach")
    shutil.copytree(SAMPLE_DATA, folder / "sam", ignore=shutil.ignore_patterns("runlog.toml"))
    (folder / "runlog.toml").write_text('timezone = "Europe/Copenhagen"\n', encoding="utf-8")
    for number in (1, 3):
        write_cohort_athlete(folder, number, FIRST_MONDAY, weeks=6, record_every_s=(10,))
    return folder


@pytest.fixture(scope="module")
def zipped_profile_folder(tmp_path_factory) -> Path:
    """A coach's folder where athlete-0003 keeps their runs and their runlog.toml in one zip:
    the profile lowers the cadence threshold under their cadence (160 steps/min)."""
    folder = tmp_path_factory.mktemp("zipped-profile")
    for number in (1, 3):
        write_cohort_athlete(folder, number, FIRST_MONDAY, weeks=6, record_every_s=(10,))
    home = folder / cohort_athlete(3)
    with zipfile.ZipFile(home / "export.zip", "w") as archive:
        archive.writestr("runlog.toml", "[rules.low-cadence]\nmin_cadence_spm = 150\n")
        for path in sorted(home.rglob("*.*")):
            if path.name != "export.zip":
                archive.write(path, path.relative_to(home).as_posix())
                path.unlink()
    return folder


@pytest.fixture(scope="module")
def generated_cohort(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cohort")
    write_cohort(folder, athletes=4, weeks=7, first_monday=FIRST_MONDAY, record_every_s=(30,))
    return folder


def local_load(folder: Path):
    """The folder's log as the command line loads it: paths relative to the folder."""
    return relative_log(analyzer.load(folder), [folder])


def local_datasets(folder: Path | list[Path], out: Path) -> list:
    """The datasets `import -o OUT/ --samples` writes on this machine; the findings."""
    paths = folder if isinstance(folder, list) else [folder]
    plan = pipeline.checked(make_plan(paths, None, Settings.from_environment()))
    step = pipeline.Step(out=str(out), with_samples=True, keep_log=False)
    list(pipeline.InProcess().results(plan, step))
    return run_rules(relative_log(analyzer.load(*paths), paths))


def dask_check(paths: list, client) -> tuple:
    """The log and findings of the paths, the pipeline run on the cluster (as check --dask)."""
    plan = make_plan(paths, None, Settings.from_environment())
    return pipeline.run(plan, cohort.DaskExecutor(client))


def dask_datasets(paths: list, out: str, client) -> list:
    """The results of import -o OUT/ --samples --dask on the cluster."""
    plan = pipeline.checked(make_plan(paths, None, Settings.from_environment()))
    step = pipeline.Step(out=out, with_samples=True, keep_log=False)
    return list(cohort.DaskExecutor(client).results(plan, step))


def assert_same_tables(first: Path, second: Path | str, names=TABLES) -> None:
    for name in names:
        expected = datasets.read_table(str(first), name)
        assert not expected.empty, name
        pd.testing.assert_frame_equal(datasets.read_table(str(second), name), expected)


def test_a_zip_of_many_runs_is_read_on_the_cluster_from_cold(client, tmp_path):
    """Many files in one zip are read in the worker's process (a worker may not start a pool
    of processes); read here first, so no import cache holds them yet."""
    write_cohort_athlete(tmp_path, 5, FIRST_MONDAY, weeks=5, record_every_s=(7,))
    write_cohort_athlete(tmp_path, 7, FIRST_MONDAY, weeks=5, record_every_s=(7,))
    home = tmp_path / cohort_athlete(7)
    runs = sorted(home.rglob("*.fit"))
    assert len(runs) >= 16  # reading's pool takes 16 files or more
    with zipfile.ZipFile(home / "export.zip", "w") as archive:
        for path in runs:
            archive.write(path, path.relative_to(home).as_posix())
            path.unlink()
    log, findings = dask_check([tmp_path], client)
    assert not log.errors
    assert findings == run_rules(local_load(tmp_path))


def test_the_zipped_profile_changes_a_finding(zipped_profile_folder, tmp_path):
    """So that the cluster's equal findings below show it read the profile in the zip."""
    low_cadence = [
        finding.athlete
        for finding in run_rules(local_load(zipped_profile_folder))
        if finding.rule == "low-cadence"
    ]
    assert low_cadence == []
    (tmp_path / "plain").mkdir()
    write_cohort_athlete(tmp_path / "plain", 3, FIRST_MONDAY, weeks=6, record_every_s=(10,))
    plain = run_rules(analyzer.load(tmp_path / "plain" / cohort_athlete(3)))
    assert "low-cadence" in {finding.rule for finding in plain}


@pytest.mark.parametrize(
    "folder_name", ["coach_folder", "zipped_profile_folder", "generated_cohort"]
)
def test_the_cluster_writes_the_local_paths_tables(folder_name, client, tmp_path, request):
    folder = request.getfixturevalue(folder_name)
    local_datasets(folder, tmp_path / "local")
    results = dask_datasets([folder], str(tmp_path / "dask"), client)
    assert sorted(athlete for result in results for athlete in result.athletes) == sorted(
        child.name for child in folder.iterdir() if child.is_dir()
    )
    assert_same_tables(tmp_path / "local", tmp_path / "dask")


def test_the_datasets_hold_the_logs_tables(coach_folder, tmp_path):
    findings = local_datasets(coach_folder, tmp_path / "out")
    log = local_load(coach_folder)
    activities = datasets.read_table(str(tmp_path / "out"), "activities")
    assert len(activities) == len(log.activities)
    assert list(activities["activity_id"]) == list(log.activities["activity_id"])
    assert list(activities["local_date"]) == list(log.activities["local_date"])
    weekly = datasets.read_table(str(tmp_path / "out"), "weekly")
    expected = log.weekly(findings)
    assert list(weekly["week_start"]) == list(expected["week_start"])
    assert list(weekly["distance_m"]) == list(expected["distance_m"])
    found = datasets.read_table(str(tmp_path / "out"), "findings")
    assert sorted(found["rule"]) == sorted(finding.rule for finding in findings)
    samples = datasets.read_table(str(tmp_path / "out"), datasets.SAMPLES)
    assert set(samples["activity_id"]) == set(log.sample_loaders)


@pytest.mark.parametrize("folder_name", ["coach_folder", "zipped_profile_folder"])
def test_check_on_the_cluster_gives_the_local_findings(folder_name, client, request):
    folder = request.getfixturevalue(folder_name)
    log, findings = dask_check([folder], client)
    local_log = local_load(folder)
    assert findings == run_rules(local_log)
    columns = list(ACTIVITY_COLUMNS)  # extra columns depend on the formats each group read
    pd.testing.assert_frame_equal(log.activities[columns], local_log.activities[columns])


def test_the_command_line_on_a_cluster(coach_folder, client, tmp_path):
    runner = CliRunner()
    address = client.scheduler.address
    here = runner.invoke(cli.cli, ["check", str(coach_folder), "--format", "json"])
    there = runner.invoke(
        cli.cli, ["check", str(coach_folder), "--format", "json", "--dask", address]
    )
    assert there.exit_code == here.exit_code == cli.EXIT_OK, there.output
    assert there.stdout == here.stdout
    result = runner.invoke(
        cli.cli, ["import", str(coach_folder), "-o", f"{tmp_path}/out/", "--dask", address]
    )
    assert result.exit_code == cli.EXIT_OK, result.output
    assert f"of 3 athletes to {tmp_path}/out/." in result.stdout
    weekly = datasets.read_table(str(tmp_path / "out"), "weekly")
    assert sorted(set(weekly["athlete"])) == ["athlete-0001", "athlete-0003", "sam"]
    assert cohort_athlete(3) == "athlete-0003"


@pytest.fixture(scope="module")
def study_cohort(tmp_path_factory) -> Path:
    """A coach's folder of 16 runners' logs, 30 weeks each, with 0 to 2 knee-pain episodes
    (low cadence planted before most): enough for odds ratios (benchmarks/bench_study.py
    runs 200 runners)."""
    folder = tmp_path_factory.mktemp("study")
    write_study_cohort(folder, athletes=16, weeks=30, episodes=(0, 1, 2))
    return folder


def test_the_squad_study_on_a_cluster_is_the_local_paths_from_partial_counts(study_cohort, client):
    plan = make_plan([study_cohort], None, Settings.from_environment())
    step = pipeline.Step(study_days=(None, None))
    here, there = SquadCounts(), SquadCounts()
    pipeline.run(plan, pipeline.InProcess(), step, study=here)
    pipeline.run(plan, cohort.DaskExecutor(client), step, study=there)
    in_one = analyzer.squad_patterns(analyzer.load(study_cohort))  # the whole log, here
    assert in_one.has_odds_ratios and in_one.runners >= 5 and in_one.episodes >= 10
    numbers = ("runners", "runners_without_episodes", "episodes", "pain_free_fortnights")
    for counts in (here, there):
        study = squad_study(counts)
        assert [getattr(study, name) for name in numbers] == [
            getattr(in_one, name) for name in numbers
        ]
        # every figure, exactly: the sums are fractions, added in any order
        pd.testing.assert_frame_equal(study.table, in_one.table, check_exact=True)


def test_dask_local_starts_a_cluster_of_its_own(monkeypatch):
    monkeypatch.setenv("RUNLOG_DASK_WORKERS", "1")
    runner = CliRunner()
    here = runner.invoke(cli.cli, ["check", str(SAMPLE_DATA)])
    there = runner.invoke(cli.cli, ["check", str(SAMPLE_DATA), "--dask", "local"])
    assert there.exit_code == cli.EXIT_OK, there.output
    assert there.stdout == here.stdout


def test_an_unreachable_cluster_is_one_line(monkeypatch):
    monkeypatch.setattr(cohort, "CONNECT_TIMEOUT_S", 1)
    result = CliRunner().invoke(cli.cli, ["check", str(SAMPLE_DATA), "--dask", "tcp://127.0.0.1:9"])
    assert result.exit_code == cli.EXIT_USAGE
    assert "--dask tcp://127.0.0.1:9: cannot reach the cluster" in result.output


def test_dask_needs_a_folder_to_write_to(coach_folder, tmp_path):
    result = CliRunner().invoke(
        cli.cli, ["import", str(coach_folder), "-o", str(tmp_path / "runs.parquet"), "--dask", "x"]
    )
    assert result.exit_code == cli.EXIT_USAGE
    assert "--dask writes Parquet datasets to a folder: give -o OUT/" in result.output


def test_an_athlete_written_again_replaces_only_their_files(coach_folder, tmp_path):
    out = tmp_path / "out"
    local_datasets(coach_folder, out)
    before = {name: datasets.read_table(str(out), name) for name in datasets.TABLES}
    log = local_load(coach_folder)
    sam = log.for_athlete("sam")
    findings = run_rules(sam)
    tables = datasets.athlete_tables(sam, findings, sam.weekly(findings))
    datasets.write_athletes(str(out), tables, ["sam"])
    for name in datasets.TABLES:
        pd.testing.assert_frame_equal(datasets.read_table(str(out), name), before[name])


def test_a_cohort_in_object_storage_gives_the_same_tables(
    coach_folder, client, s3_server, tmp_path
):
    url = f"s3://{BUCKET}/coach"
    s3_server.put(f"{coach_folder}/", f"{BUCKET}/coach/", recursive=True)
    local_datasets(coach_folder, tmp_path / "local")
    out = f"s3://{BUCKET}/out"
    dask_datasets([url], out, client)
    assert_same_tables(tmp_path / "local", out)  # paths relative to the URL, as to the folder
    # and on one machine, without Dask: the same activities and findings
    log = relative_log(analyzer.load(url), [url])
    local_log = local_load(coach_folder)
    columns = list(ACTIVITY_COLUMNS)
    pd.testing.assert_frame_equal(log.activities[columns], local_log.activities[columns])
    assert run_rules(log) == run_rules(local_log)


def test_a_missing_url_is_one_line(s3_server):
    result = CliRunner().invoke(cli.cli, ["check", f"s3://{BUCKET}/nothing-here"])
    assert result.exit_code == cli.EXIT_USAGE
    assert result.output == f"Error: s3://{BUCKET}/nothing-here: no such file or folder\n"


def test_a_bad_profile_in_a_zip_stops_the_cluster_as_it_stops_the_local_path(
    zipped_profile_folder, client, tmp_path
):
    folder = tmp_path / "coach"
    shutil.copytree(zipped_profile_folder, folder)
    archive_path = folder / cohort_athlete(3) / "export.zip"
    with zipfile.ZipFile(archive_path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["runlog.toml"] = b"[rules.low-cadence]\nmin_cadence_spm = 'x'\n"
    with zipfile.ZipFile(archive_path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    with pytest.raises(ProfileError, match=r"export\.zip!runlog\.toml") as here:
        analyzer.load(folder)
    with pytest.raises(ProfileError) as there:
        dask_check([folder], client)
    assert str(there.value) == str(here.value)


@pytest.fixture(scope="module")
def folder_with_broken_files(tmp_path_factory) -> Path:
    """A coach's folder whose second athlete has a FIT file cut short, loose and in a zip."""
    folder = tmp_path_factory.mktemp("broken")
    shutil.copytree(SAMPLE_DATA, folder / "sam", ignore=shutil.ignore_patterns("runlog.toml"))
    runs = sorted((SAMPLE_DATA / "watch").glob("*.fit"))[:3]
    (folder / "bo").mkdir()
    for run in runs:
        shutil.copy(run, folder / "bo" / run.name)
    cut = runs[0].read_bytes()[:300]
    (folder / "bo" / "cut.fit").write_bytes(cut)
    with zipfile.ZipFile(folder / "bo" / "export.zip", "w") as archive:
        archive.writestr("activities/cut.fit", cut)
    return folder


def test_a_url_shows_the_paths_a_folder_shows(
    folder_with_broken_files, s3_server, client, tmp_path
):
    folder = folder_with_broken_files
    url = f"s3://{BUCKET}/broken/"
    s3_server.put(f"{folder}/", f"{BUCKET}/broken/", recursive=True)
    runner = CliRunner()
    commands = [
        ["check"],
        ["check", "--format", "json"],
        ["check", "--format", "csv"],
        ["import", "-o", "{out}/runs.csv"],
    ]
    for command in commands:
        outputs = []
        for where, named in (("local", str(folder)), ("url", url)):
            out = tmp_path / where
            out.mkdir(exist_ok=True)
            args = [part.format(out=out) for part in command]
            result = runner.invoke(cli.cli, [*args[:1], named, *args[1:]])
            assert result.exit_code == cli.EXIT_SKIPPED_FILES, result.output
            written = (out / "runs.csv").read_text() if command[0] == "import" else ""
            outputs.append((result.stdout.replace(str(out), "OUT"), result.stderr, written))
        assert outputs[0] == outputs[1], command
        assert "bo/cut.fit" in "".join(outputs[1])
        assert "bo/export.zip!activities/cut.fit" in "".join(outputs[1])
        assert "s3://" not in "".join(outputs[1])
    # and on the cluster: the same findings, errors and datasets
    address = client.scheduler.address
    here = runner.invoke(cli.cli, ["check", str(folder), "--format", "json"])
    there = runner.invoke(cli.cli, ["check", url, "--format", "json", "--dask", address])
    assert there.stdout == here.stdout
    local_out = tmp_path / "datasets"
    here = runner.invoke(cli.cli, ["import", str(folder), "-o", f"{local_out}/"])
    there = runner.invoke(
        cli.cli, ["import", url, "-o", f"s3://{BUCKET}/broken-out/", "--dask", address]
    )
    assert there.exit_code == here.exit_code == cli.EXIT_SKIPPED_FILES, there.output
    assert sorted(there.stderr.splitlines()) == sorted(here.stderr.splitlines())
    assert "bo/cut.fit: " in there.stderr
    assert there.stdout.endswith(f" to s3://{BUCKET}/broken-out/.\n")  # the URL, said once
    assert_same_tables(local_out, f"s3://{BUCKET}/broken-out", datasets.TABLES)


def test_an_athletes_bad_profile_leaves_them_out_as_on_the_local_path(
    coach_folder, client, tmp_path
):
    folder = tmp_path / "coach"
    shutil.copytree(coach_folder, folder)
    home = folder / cohort_athlete(1)
    (home / "runlog.toml").write_text("[rules.low-cadence]\nmin_cadence_spm = 'x'\n")
    log, findings = dask_check([folder], client)
    local_log = local_load(folder)
    assert [error.path for error in local_log.errors] == [f"{cohort_athlete(1)}/runlog.toml"]
    assert relative_log(log, [folder]).errors == local_log.errors
    assert findings == run_rules(local_log)
    assert cohort_athlete(1) not in log.athletes


@pytest.mark.parametrize("where", ["folder", "store"])
def test_a_zipped_coach_folder_gives_its_athletes_on_the_cluster(
    where, coach_folder, client, s3_server, tmp_path
):
    archive_path = tmp_path / "squad.zip"
    with zipfile.ZipFile(archive_path, "w") as archive:
        for path in sorted(coach_folder.rglob("*")):
            if path.is_file() and path.parent != coach_folder:
                archive.write(path, f"squad/{path.relative_to(coach_folder).as_posix()}")
    named = str(archive_path)
    if where == "store":
        named = f"s3://{BUCKET}/zipped/squad.zip"
        s3_server.put(str(archive_path), named)
    log, findings = dask_check([named], client)
    local_log = relative_log(analyzer.load(named), [named])
    assert log.athletes == local_log.athletes == ["athlete-0001", "athlete-0003", "sam"]
    assert findings == run_rules(local_log)
    columns = list(ACTIVITY_COLUMNS)
    pd.testing.assert_frame_equal(log.activities[columns], local_log.activities[columns])


@pytest.fixture(scope="module")
def runners_named_together(tmp_path_factory) -> list[Path]:
    """Three runners' folders, named together: Ana's runlog.toml names her and lowers the
    cadence threshold under her cadence (160 steps/min); the second's sets only a timezone
    (so the folder's name is the athlete); the third has no runlog.toml."""
    folder = tmp_path_factory.mktemp("named-together")
    for number in (3, 1, 5):
        write_cohort_athlete(
            folder / f"from-{number}", number, FIRST_MONDAY, weeks=6, record_every_s=(10,)
        )
    ana, second, third = (
        folder / f"from-{number}" / cohort_athlete(number) for number in (3, 1, 5)
    )
    (ana / "runlog.toml").write_text(
        'athlete = "Ana"\n[rules.low-cadence]\nmin_cadence_spm = 150\n', encoding="utf-8"
    )
    (second / "runlog.toml").write_text('timezone = "Europe/Copenhagen"\n', encoding="utf-8")
    return [ana, second, third]


def test_runners_folders_named_together_stay_their_runners_on_the_cluster(
    runners_named_together, client, tmp_path
):
    """Each folder with its own runlog.toml is its own athlete with its own profile, as on the
    local path; the folder without one is the other paths' runner, not the first profile's."""
    paths = runners_named_together
    local_log = relative_log(analyzer.load(*paths), paths)
    local_findings = run_rules(local_log)
    # the third runner's runs are not Ana's: her runlog.toml is hers alone
    assert dict(local_log.runs.groupby("athlete").size()) == {
        "Ana": 28,
        cohort_athlete(1): 26,
        "runner": 26,
    }
    assert "low-cadence" not in {f.rule for f in local_findings if f.athlete == "Ana"}
    log, findings = dask_check(paths, client)
    assert log.athletes == local_log.athletes
    columns = list(ACTIVITY_COLUMNS)
    pd.testing.assert_frame_equal(log.activities[columns], local_log.activities[columns])
    assert findings == local_findings
    local_datasets(paths, tmp_path / "local")
    dask_datasets(paths, str(tmp_path / "dask"), client)
    assert_same_tables(tmp_path / "local", tmp_path / "dask")


def test_runners_folders_named_together_by_url_stay_their_runners(
    runners_named_together, client, s3_server
):
    """The same folders in an S3-compatible store give the folders' athletes, profiles,
    activities and findings, on one machine and on the cluster."""
    paths = runners_named_together
    urls = [f"s3://{BUCKET}/together/{path.parent.name}/{path.name}" for path in paths]
    for path, url in zip(paths, urls, strict=True):
        s3_server.put(f"{path}/", url.removeprefix("s3://") + "/", recursive=True)
    local_log = relative_log(analyzer.load(*paths), paths)
    local_findings = run_rules(local_log)
    columns = list(ACTIVITY_COLUMNS)
    url_log = relative_log(analyzer.load(*urls), urls)
    assert url_log.athletes == local_log.athletes == ["Ana", cohort_athlete(1), "runner"]
    pd.testing.assert_frame_equal(url_log.activities[columns], local_log.activities[columns])
    assert run_rules(url_log) == local_findings
    log, findings = dask_check(urls, client)
    pd.testing.assert_frame_equal(log.activities[columns], local_log.activities[columns])
    assert findings == local_findings


def test_check_is_the_same_here_in_a_store_and_on_a_cluster(s3_server, client, tmp_path):
    """The samples, named as a folder and as an s3:// copy, checked here and on a 2-worker
    cluster: one pipeline, so the same text, JSON (statuses included), CSV and datasets."""
    url = f"s3://{BUCKET}/samples/sample_data"
    s3_server.put(f"{SAMPLE_DATA}/", f"{BUCKET}/samples/sample_data/", recursive=True)
    address = client.scheduler.address
    runner = CliRunner()
    places = {
        "here": [str(SAMPLE_DATA)],
        "store": [url],
        "cluster": [str(SAMPLE_DATA), "--dask", address],
        "store, cluster": [url, "--dask", address],
    }
    for output_format in ("text", "json", "csv"):
        outputs = {}
        for where, named in places.items():
            result = runner.invoke(cli.cli, ["check", *named, "--format", output_format])
            assert result.exit_code == cli.EXIT_OK, (where, result.output)
            outputs[where] = (result.stdout, result.stderr)
        assert len(set(outputs.values())) == 1, output_format
    written = {}
    for where, named in places.items():
        name = where.replace(", ", "-")
        out = f"s3://{BUCKET}/samples-out/{name}" if "store" in where else f"{tmp_path}/{name}"
        command = ["import", named[0], "-o", f"{out}/", "--samples", *named[1:]]
        result = runner.invoke(cli.cli, command)
        assert result.exit_code == cli.EXIT_OK, (where, result.output)
        written[where] = out
    for where in ("store", "cluster", "store, cluster"):
        assert_same_tables(Path(written["here"]), written[where])  # every table, samples too
    statuses = json.loads(
        runner.invoke(cli.cli, ["check", url, "--format", "json", "--dask", address]).stdout
    )
    assert statuses["athletes"][0]["status"]["latest_pain"]["score_of_10"] == 3
