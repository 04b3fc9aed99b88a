"""The `runlog` command: options in, one call into the package, a renderer, an exit code.

    runlog check PATH...  [--profile FILE] [--format text|json|csv] [--since DATE] [--until DATE]
                          [--athlete NAME]... [--all] [--dask ADDRESS]
    runlog report PATH... -o report.html|SITE/ [--profile FILE] [--since DATE] [--until DATE]
    runlog import PATH... -o runs.parquet|runs.csv [--weekly weekly.parquet] [--profile FILE]
    runlog import PATH... -o OUT/ [--samples] [--dask ADDRESS]  (Parquet datasets by athlete)
    runlog rules [SLUG_OR_CODE...] [--format text|json]

Findings never change the exit code; files that could not be read do (EXIT_SKIPPED_FILES),
and so does a run that could check nothing (EXIT_USAGE). A user's mistake is one line on
stderr, never a traceback; a bug in runlog is one line asking for a report, with the
traceback kept under --debug.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gc
import logging
import re
import shutil
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from analyzer.errors import RunlogError
from analyzer.storage import is_url

if TYPE_CHECKING:
    from rich.progress import TaskID

    from analyzer.checkers.rule import Finding, Rule
    from analyzer.log import FileError, FileNotice, TrainingLog
    from analyzer.memo import Result
    from analyzer.pipeline import Executor, Step
    from analyzer.plan import Plan
    from analyzer.profile import Profile
    from analyzer.settings import Settings
    from analyzer.study import SquadCounts, SquadStudy

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_SKIPPED_FILES = 1  # some files are listed as errors; everything else was checked
EXIT_USAGE = 2  # nothing checked: no readable path, a bad profile, a bad option
EXIT_BUG = 3  # runlog itself failed: a bug to report, not the user's doing
EXIT_SIGNAL_BASE = 128  # stopped by signal N: 128 + N (Ctrl-C: 130, SIGTERM: 143), as shells say
MAX_WIDTH_CHARS = 140  # wider lines are hard to read, however wide the terminal
_PROGRESS_MIN_FILES = 50  # fewer files read in a moment: no bar

# `runlog import -o` writes the activities table in the format its suffix names.
# (the writers of analyzer.report.tables, by name: imported only when a table is written)
TABLE_WRITERS: dict[str, str] = {".parquet": "activities_parquet", ".csv": "activities_csv"}


class UserError(click.ClickException):
    """A mistake in what the user gave runlog: one line on stderr, exit EXIT_USAGE."""

    exit_code = EXIT_USAGE


class BugReport(click.ClickException):
    """runlog failed on something that is not the user's mistake: one line asking for a report."""

    exit_code = EXIT_BUG


class RunlogGroup(click.Group):
    """The command group: a RunlogError becomes one line, a bug one line unless --debug."""

    def invoke(self, ctx: click.Context) -> Any:
        from analyzer.executor import Stopped

        try:
            return super().invoke(ctx)
        except RunlogError as err:
            raise UserError(str(err)) from err
        except KeyboardInterrupt as err:  # Ctrl-C, or a SIGTERM or SIGHUP (executor.Stopped)
            signum = err.signum if isinstance(err, Stopped) else signal.SIGINT
            how = "Ctrl-C" if signum == signal.SIGINT else signal.Signals(signum).name
            click.echo(f"Stopped by {how}; every file written so far is whole.", err=True)
            ctx.exit(EXIT_SIGNAL_BASE + signum)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except MemoryError as err:  # the machine's limit: not a bug to report
            raise UserError(
                "runlog ran out of memory; close other programs, or check fewer files at once"
            ) from err
        except Exception as err:
            if ctx.params.get("debug"):
                raise
            log.debug("runlog failed", exc_info=True)
            raise BugReport(
                f"runlog failed ({err!r}); please report it with the output of "
                "`runlog --debug` and the same command"
            ) from err
        finally:
            _echo_cache_notice()


class PathOrURL(click.ParamType):
    """A local path (a Path), or an object store's URL such as s3://bucket/folder (kept as text)."""

    name = "path"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        return value if isinstance(value, str) and is_url(value) else Path(value)


paths_argument = click.argument(
    "paths", nargs=-1, required=True, type=PathOrURL(), metavar="PATH..."
)
profile_option = click.option(
    "--profile",
    "profile_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="An athlete profile (TOML) for every athlete, instead of the runlog.toml beside the data.",
)
force_option = click.option(
    "--force", is_flag=True, help="Replace the output file when it exists (never an input)."
)
since_option = click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="Show the days from this one on (header, counts, findings, charts); earlier runs "
    "still count as the rules' history.",
)
as_of_option = click.option(
    "--as-of",
    "as_of",
    metavar="YYYY-MM-DD|today",
    help="The day each status is judged on (default: the newest day with data, or --until).",
)
until_option = click.option(
    "--until",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="Show the days up to this one (and judge the status on it unless --as-of says).",
)

dask_option = click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS",
    help='Run on a Dask cluster (tcp://host:8786), or "local" for one of this machine\'s '
    'cores (pip install "runlog[dask]").',
)


@click.group(cls=RunlogGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Keep tracebacks and show debug logs (bug reports).")
@click.version_option(package_name="runlog", prog_name="runlog", message="%(prog)s %(version)s")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Read running logs from watches and apps; flag the training patterns behind knee pain."""
    from analyzer.settings import Settings

    # the one place the command line reads the environment: every command is handed these
    ctx.obj = Settings.from_environment()
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING,
        format="runlog: %(levelname)s: %(name)s: %(message)s",
    )
    if not debug:
        # matplotlib warns when it cannot write its settings and font cache (a read-only
        # HOME) and then uses a temporary folder: the page is the same, the warning noise
        logging.getLogger("matplotlib").setLevel(logging.ERROR)


@cli.command(short_help="Print the findings of the runs under PATH...")
@paths_argument
@profile_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "csv"]),
    default="text",
    show_default=True,
    help="text for reading; json (one document, errors included) or csv for other tools.",
)
@since_option
@until_option
@as_of_option
@click.option(
    "--athlete",
    "athletes",
    multiple=True,
    metavar="NAME",
    help="Show this athlete of a squad in full: status and history (repeat for more).",
)
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help="Show every athlete of a squad in full, and every finding in each history, not only "
    "the last 16 weeks' (older: one line per quarter).",
)
@dask_option
@click.pass_context
def check(
    ctx: click.Context,
    paths: tuple[Path | str, ...],
    profile_path: Path | None,
    output_format: str,
    since: dt.datetime | None,
    until: dt.datetime | None,
    as_of: str | None,
    athletes: tuple[str, ...],
    show_all: bool,
    dask_address: str | None,
) -> None:
    """Check the runs under PATH... (files, folders, zips). For a runner: their status on the
    as-of day, then their history. For a squad: the board, the athletes who need attention with
    their open findings and advice, and the others one line each."""
    from analyzer import memo

    first_day, last_day = _days(since, until)
    width = _terminal_width() if output_format == "text" else 0
    shown = _Shown(output_format, show_all, width, athletes)
    plan = _plan(paths, profile_path, ctx.obj)
    make = partial(_check_made, plan, shown, (first_day, last_day), as_of)
    if dask_address is None:
        # a re-run over unchanged files, the same day, finds its result kept (analyzer/memo.py)
        options = {
            "format": output_format,
            "since": str(first_day),
            "until": str(last_day),
            "as_of": str(as_of),
            "all": str(show_all),
            "athletes": "\n".join(athletes),
            "width": str(width),
            "today": dt.date.today().isoformat(),
        }
        result = memo.remembered("check", plan, options, partial(make, None))
    else:
        from analyzer.cohort import DaskExecutor, cluster_client

        with cluster_client(dask_address, ctx.obj) as client:
            result = make(DaskExecutor(client))
    _echo_check(result, output_format)
    ctx.exit(result.exit_code)


@dataclasses.dataclass(frozen=True)
class _Shown:
    """What `check` was asked to show: its format, everything or the answer, the terminal's
    width (0: not a terminal), and the athletes named with --athlete (as given)."""

    output_format: str
    show_all: bool
    width: int
    athletes: tuple[str, ...]


def _check_made(
    plan: Plan,
    shown: _Shown,
    days: tuple[dt.date | None, dt.date | None],
    as_of: str | None,
    executor: Executor | None,
) -> Result:
    """`check`'s result: the plan run on the executor (a Dask cluster's), else here; the
    athletes shown judged on the as-of day of everything read."""
    from analyzer.checkers import findings_within

    first_day, last_day = days
    training_log, findings, study = _studied(
        plan, executor or _local_executor(plan), days, as_of, shown.athletes
    )
    as_of_day = _as_of_day(as_of, training_log, last_day)
    chosen = _chosen(training_log, shown.athletes)
    shown_log = training_log.for_athletes(chosen) if chosen else training_log
    judged = [  # up to the last day shown: the status reads them all, the history from --since
        finding
        for finding in findings_within(findings, None, last_day or as_of_day)
        if not chosen or finding.athlete in chosen
    ]
    days_shown = (first_day, last_day, as_of_day)
    processes = plan.settings.reading_processes()
    report = _check_report(
        shown_log, judged, plan.given, shown, days_shown, chosen, study, processes
    )
    return _check_result(plan.paths, training_log, shown.output_format, report)


def _chosen(training_log: TrainingLog, names: Sequence[str]) -> list[str]:
    """The athletes named with --athlete, as the log spells them, in the order named (a name
    matches whatever its case); a UserError naming the athletes when one is not in the log."""
    known = training_log.athletes
    by_folded = {athlete.casefold(): athlete for athlete in known}
    chosen: list[str] = []
    for name in names:
        athlete = name if name in known else by_folded.get(name.casefold())
        if athlete is None:
            listed = ", ".join(known[:10]) + (
                f" and {len(known) - 10:,} more" if len(known) > 10 else ""
            )
            raise UserError(f"--athlete {name}: no such athlete here; the athletes are {listed}")
        if athlete not in chosen:
            chosen.append(athlete)
    return chosen


def _check_result(
    paths: Sequence[Path | str], training_log: TrainingLog, output_format: str, report: str
) -> Result:
    """What `check` says: the report on stdout, the files not read on stderr (in the JSON
    document for json), and its exit code. When nothing could be checked, it says so and
    raises UserError (such a result is not kept)."""
    from analyzer.memo import Result

    lines = (
        [] if output_format == "json" else _file_lines(training_log.errors, training_log.notices)
    )
    result = Result({"report": report.encode("utf-8")}, [(line, True) for line in lines], EXIT_OK)
    try:
        return dataclasses.replace(result, exit_code=_exit_code(training_log, paths))
    except UserError:
        _echo_check(result, output_format)
        raise


def _check_report(
    training_log: TrainingLog,
    judged: list[Finding],
    profile: Profile | None,
    shown: _Shown,
    days: tuple[dt.date | None, dt.date | None, dt.date | None],
    chosen: Sequence[str],
    study: SquadStudy | None,
    processes: int | None = None,
) -> str:
    """What `check` prints on stdout: the text report, the JSON document or the CSV, of the
    `chosen` athletes when there are any, and a squad's `study` with its board. `judged` are
    the findings up to the last day shown: the status of the as-of day reads them all, the
    history those from --since on. `processes` make the athletes' statuses."""
    from analyzer.checkers import findings_within
    from analyzer.report.csv import render_csv
    from analyzer.report.json import render_json
    from analyzer.report.text import WIDTH_CHARS, render_text
    from analyzer.status import statuses

    first_day, last_day, as_of_day = days
    status_by_athlete = (
        statuses(training_log, judged, as_of_day, profile, first_day, processes)
        if as_of_day
        else {}
    )
    findings = findings_within(judged, first_day, None)
    if shown.output_format == "json":
        # scripts read the errors from the document, so they are not repeated on stderr
        return render_json(
            training_log,
            findings,
            training_log.errors,
            status_by_athlete,
            as_of_day,
            first_day,
            study=study,
        )
    if shown.output_format == "csv":
        return render_csv(training_log, findings)
    return render_text(
        training_log,
        findings,
        (),
        status_by_athlete,
        first_day,
        last_day or as_of_day,
        show_all=shown.show_all,
        width=shown.width or WIDTH_CHARS,
        athletes=chosen,
        study=study,
    )


def _studied(
    plan: Plan,
    executor: Executor,
    days: tuple[dt.date | None, dt.date | None],
    as_of: str | None,
    names: Sequence[str],
) -> tuple[TrainingLog, list[Finding], SquadStudy | None]:
    """The plan run on the executor, with what tends to come before knee pain across the squad
    (analyzer/study.py) when the view is a squad's: the athletes' partial counts come back
    from the per-athlete step (a coach's folder; a cohort on Dask) and are merged here; the
    runners of one group (one CSV log of a squad) are counted here by the same function.
    None for one runner, or with athletes named (--athlete)."""
    from analyzer.pipeline import Step
    from analyzer.study import SquadCounts, squad_counts, squad_study

    since, until = days[0], _asked_as_of(as_of) or days[1]
    counts = SquadCounts() if len(plan.groups) > 1 and not names else None
    step = Step(study_days=(since, until)) if counts is not None else Step()
    training_log, findings = _run(plan, executor, step, counts)
    if len(training_log.athletes) < 2 or names:
        return training_log, findings, None
    if counts is None:
        counts = squad_counts(training_log, findings, plan.given, since, until)
    return training_log, findings, squad_study(counts)


def _echo_check(result: Result, output_format: str) -> None:
    report = result.outputs["report"].decode("utf-8")
    if output_format == "text":
        _echo_report(report)
    else:
        click.echo(report, nl=False)
    _say(result)


def _say(result: Result) -> None:
    """A result's lines, each to stdout or stderr as it was said."""
    for text, to_stderr in result.lines:
        click.echo(text, err=to_stderr)


@cli.command(short_help="Write the HTML report: one page, or a squad's site in a folder.")
@paths_argument
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="FILE.html|FOLDER/",
    help="One page (report.html: charts included), or a folder (squad/) for a squad's site: "
    "index.html, the board, and one page per athlete.",
)
@force_option
@profile_option
@since_option
@until_option
@as_of_option
@click.pass_context
def report(
    ctx: click.Context,
    paths: tuple[Path | str, ...],
    output: str,
    force: bool,
    profile_path: Path | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    as_of: str | None,
) -> None:
    """Write the HTML report of the runs under PATH...: one page with the charts, findings and
    knee-pain timeline, or, given a folder, a squad's site (the board and a page per athlete)."""
    from analyzer import memo
    from analyzer.writing import check_output, check_pages, check_site

    first_day, last_day = _days(since, until)
    is_site = _is_site(output)
    target = Path(output)
    inputs = [*_local(paths), *_given(profile_path)]
    if is_site:
        check_site(target, inputs)
    else:
        check_output(target, inputs, force=force)
    # a re-run over unchanged files, the same day, finds its pages kept (analyzer/memo.py)
    options = {
        "output": str(target),
        "layout": "site" if is_site else "page",
        "since": str(first_day),
        "until": str(last_day),
        "as_of": str(as_of),
        "today": dt.date.today().isoformat(),
    }
    plan = _plan(paths, profile_path, ctx.obj)
    make = partial(_report_result, plan, (output, is_site), (first_day, last_day), as_of)
    result = memo.remembered("report", plan, options, make)
    if is_site:
        check_pages(target, result.outputs, force=force)
        _write_site(target, result.outputs)
    else:
        _write(target, result.outputs[PAGE_OUTPUT])
    _say(result)
    ctx.exit(result.exit_code)


PAGE_OUTPUT = "page"  # a one-page report's output; a site's outputs are its pages' names


def _is_site(output: str) -> bool:
    """Whether `report -o` names a folder for a site: 'squad/', a folder that exists, or a
    name without a suffix; 'report.html' is one page."""
    return output.endswith(("/", "\\")) or Path(output).is_dir() or not Path(output).suffix


def _report_result(
    plan: Plan,
    output: tuple[str, bool],
    days: tuple[dt.date | None, dt.date | None],
    as_of: str | None,
) -> Result:
    """`report`: the bytes of the page, or of each page of the site by its name, and what to
    say. `output` is what -o named, and whether it is a site's folder."""
    from analyzer.checkers import findings_within
    from analyzer.discover import shown
    from analyzer.memo import Result
    from analyzer.report import count_text
    from analyzer.report.html import render_html, render_site  # matplotlib: only here
    from analyzer.status import statuses

    first_day, last_day = days
    output_named, is_site = output
    training_log, findings, study = _studied(plan, _local_executor(plan), days, as_of, ())
    exit_code = _exit_code_before_writing(training_log, plan.paths)
    as_of_day = _as_of_day(as_of, training_log, last_day)
    judged = findings_within(findings, None, last_day or as_of_day)
    profile = plan.given
    processes = plan.settings.reading_processes()
    status_by_athlete = (
        statuses(training_log, judged, as_of_day, profile, first_day, processes)
        if as_of_day
        else {}
    )
    findings = findings_within(judged, first_day, None)
    render = render_site if is_site else render_html
    rendered = render(
        training_log,
        findings,
        training_log.errors,
        name=_squad_name(plan.paths),
        as_of=as_of_day,
        statuses=status_by_athlete,
        since=first_day,
        processes=processes,
        study=study,
    )
    pages = rendered if isinstance(rendered, dict) else {PAGE_OUTPUT: rendered}
    lines = [(line, True) for line in _file_lines(training_log.errors, training_log.notices)]
    athletes = count_text(len(training_log.athletes), "athlete")
    said = f"{athletes}, {count_text(len(findings), 'finding')}"
    if is_site:
        said = f"index.html and {count_text(len(pages) - 1, 'athlete page')} ({said})"
    outputs = {name: page.encode("utf-8") for name, page in pages.items()}
    return Result(outputs, [*lines, (f"Wrote {shown(output_named)}: {said}.", False)], exit_code)


def _squad_name(paths: Sequence[Path | str]) -> str:
    """What the report calls the squad: the name of the folder named ('squad'), or the names
    of those named."""
    from analyzer.discover import shown

    names = []
    for path in paths:
        text = str(path).rstrip("/\\")
        name = Path(text).name if isinstance(path, Path) else text.rsplit("/", 1)[-1]
        names.append(shown(name or Path(text).resolve().name or text))
    return ", ".join(names)


def _write_site(folder: Path, pages: dict[str, bytes]) -> None:
    """Each page of the site into `folder` (made when missing), the board last: an interrupted
    run leaves no board linking to pages it did not write."""
    from analyzer.discover import shown

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise UserError(f"{shown(folder)}: cannot make it ({err.strerror or err})") from err
    for name in sorted(pages, key=lambda name: name == "index.html"):
        _write(folder / name, pages[name])


@cli.command("import", short_help="Write every activity to a table, or datasets to a folder.")
@paths_argument
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="FILE|FOLDER/",
    help="runs.parquet (typed) or runs.csv (ISO dates): the table of every activity. A folder "
    "(OUT/, or a URL such as s3://bucket/cohort/): Parquet datasets by athlete of the "
    "activities, notes, findings and weekly table.",
)
@click.option(
    "--weekly",
    "weekly_output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write weekly.parquet or weekly.csv: one row per athlete and local week.",
)
@click.option(
    "--samples",
    "with_samples",
    is_flag=True,
    help="With -o FOLDER/: also the samples of every activity (large).",
)
@dask_option
@force_option
@profile_option
@click.pass_context
def import_activities(
    ctx: click.Context,
    paths: tuple[Path | str, ...],
    output: str,
    weekly_output: Path | None,
    with_samples: bool,
    dask_address: str | None,
    force: bool,
    profile_path: Path | None,
) -> None:
    """Read the files under PATH... into one table of activities and write it to a file, or
    into Parquet datasets by athlete in a folder (-o OUT/)."""
    from analyzer import memo
    from analyzer.writing import check_output

    if _is_folder(output):
        if weekly_output is not None:
            raise UserError(f"with -o {output} the weekly table is written to its weekly/ folder")
        _import_datasets(ctx, paths, output, with_samples, dask_address, profile_path)
        return
    if dask_address is not None or with_samples:
        option = "--dask" if dask_address is not None else "--samples"
        raise UserError(f"{option} writes Parquet datasets to a folder: give -o OUT/")
    output_path = Path(output)
    writer = _table_writer(output_path)
    weekly_writer = _table_writer(weekly_output) if weekly_output is not None else None
    inputs = [*_local(paths), *_given(profile_path)]
    check_output(output_path, inputs, force=force)
    if weekly_output is not None:
        check_output(weekly_output, [*inputs, output_path], force=force)
    # a re-run over unchanged files finds its result kept whole (analyzer/memo.py)
    options = {
        "output": output,
        "weekly": str(weekly_output),
        "profile": str(profile_path),
        "today": dt.date.today().isoformat(),  # runs dated after it are left out
    }
    table = (output, writer)
    plan = _plan(paths, profile_path, ctx.obj)
    make = partial(_import_table, plan, table, weekly_output, weekly_writer)
    result = memo.remembered("import", plan, options, make)
    _write(output_path, result.outputs["table"])
    if weekly_output is not None:
        _write(weekly_output, result.outputs["weekly"])
    _say(result)
    ctx.exit(result.exit_code)


def _import_table(
    plan: Plan,
    table: tuple[str, Callable[[Any], str | bytes]],
    weekly_output: Path | None,
    weekly_writer: Callable[[Any], str | bytes] | None,
) -> Result:
    """`import -o FILE`: the table (and the weekly table) as bytes, and what to say."""
    from analyzer.discover import shown
    from analyzer.memo import Result
    from analyzer.pipeline import Step
    from analyzer.report import count_text
    from analyzer.schema import ACTIVITY_COLUMNS, published

    output, writer = table
    training_log, _ = _run(plan, _local_executor(plan), Step(rules=False))
    profile = plan.given
    exit_code = _exit_code_before_writing(training_log, plan.paths)
    outputs = {"table": _table_bytes(writer(published(training_log.activities, ACTIVITY_COLUMNS)))}
    lines = [(line, True) for line in _file_lines(training_log.errors, training_log.notices)]
    activities = count_text(len(training_log.activities), "activity", "activities")
    lines.append((f"Wrote {activities} to {shown(output)}.", False))
    if weekly_output is not None and weekly_writer is not None:
        weekly = training_log.weekly(profile=profile)
        outputs["weekly"] = _table_bytes(weekly_writer(weekly))
        weeks = count_text(len(weekly), "athlete-week")
        lines.append((f"Wrote {weeks} to {shown(weekly_output)}.", False))
    return Result(outputs, lines, exit_code)


def _table_bytes(table: str | bytes) -> bytes:
    return table.encode("utf-8") if isinstance(table, str) else table


def _import_datasets(
    ctx: click.Context,
    paths: tuple[Path | str, ...],
    output: str,
    with_samples: bool,
    dask_address: str | None,
    profile_path: Path | None,
) -> None:
    """`import -o OUT/`: the datasets by athlete, written here or by the Dask cluster."""
    from analyzer.discover import shown
    from analyzer.pipeline import Step, checked
    from analyzer.report import count_text

    if "://" not in output:
        target = Path(output).resolve()
        for local in _local(paths):
            if local.is_dir() and target.is_relative_to(local.resolve()):
                raise UserError(f"{output}: is inside {shown(local)}, which runlog reads")
    totals = {"athletes": 0, "activities": 0, "notes": 0, "findings": 0, "weeks": 0}
    notices: list[FileNotice] = []
    plan = checked(_plan(paths, profile_path, ctx.obj))
    problems = _problem_errors(plan)
    _echo_errors(problems)  # what could not be opened, then each athlete's as they are done
    has_errors = bool(problems)
    step = Step(out=output, with_samples=with_samples, keep_log=False)
    with contextlib.ExitStack() as stack:
        if dask_address is None:
            executor = _local_executor(plan)
        else:
            from analyzer.cohort import DaskExecutor, cluster_client

            executor = DaskExecutor(stack.enter_context(cluster_client(dask_address, ctx.obj)))
        for result in executor.results(plan, step):
            _echo_errors(result.errors)  # as each athlete is done: none are kept
            notices += result.notices  # told apart at the end
            has_errors = has_errors or bool(result.errors)
            totals["athletes"] += len(result.athletes)
            for key in ("activities", "notes", "findings", "weeks"):
                totals[key] += getattr(result, key)
    _echo_notices(notices)
    if totals["activities"] == 0 and totals["notes"] == 0:
        named = ", ".join(shown(path) for path in paths)
        why = "no file could be read" if has_errors else "no activity files found"
        raise UserError(f"nothing to check in {named}: {why}")
    click.echo(
        f"Wrote {count_text(totals['activities'], 'activity', 'activities')}, "
        f"{count_text(totals['findings'], 'finding')} and "
        f"{count_text(totals['weeks'], 'athlete-week')} of "
        f"{count_text(totals['athletes'], 'athlete')} to {output}."
    )
    ctx.exit(EXIT_SKIPPED_FILES if has_errors else EXIT_OK)


def _is_folder(output: str) -> bool:
    """Whether -o names a folder for datasets rather than one table file."""
    if output.endswith(("/", "\\")):
        return True
    if Path(output).suffix.lower() in TABLE_WRITERS:
        return False
    return "://" in output or Path(output).is_dir() or not Path(output).suffix


def _table_writer(output: Path) -> Callable[[Any], str | bytes]:
    """The writer of a table file named `output` (the table module is imported when it
    writes: a kept result needs none)."""
    name = TABLE_WRITERS.get(output.suffix.lower())
    if name is None:
        raise UserError(
            f"{output}: runlog writes {' or '.join(TABLE_WRITERS)} tables, "
            f"not {output.suffix or 'a name without a suffix'}"
        )

    def write(table: Any) -> str | bytes:
        from analyzer.report import tables

        written: str | bytes = getattr(tables, name)(table)
        return written

    return write


@cli.command("rules", short_help="List the rules, their defaults and sources.")
@click.argument("names", nargs=-1, metavar="[SLUG_OR_CODE...]")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
def list_rules(names: tuple[str, ...], output_format: str) -> None:
    """List every rule: code, slug, title, evidence grade, defaults, source.

    Name rules (by slug or code) to read why each matters, with the study's numbers.
    """
    from analyzer.checkers import RULES
    from analyzer.report.json import render_rules_json
    from analyzer.report.text import render_rules

    chosen = [_rule_named(name) for name in names] if names else RULES
    if output_format == "json":
        click.echo(render_rules_json(chosen), nl=False)
    else:
        click.echo(render_rules(chosen, with_rationale=bool(names)), nl=False)


def main() -> None:
    """The console script `runlog`."""
    from analyzer.executor import stop_on_signals

    stop_on_signals()  # a SIGTERM unwinds as Ctrl-C does: outputs whole, workers stopped
    try:
        cli(prog_name="runlog")
    finally:
        # The command is done and its outputs closed: what the process holds (pandas, the
        # word lists, the log) is left for the system to take back as the process ends,
        # rather than searched for cycles as Python shuts down (0.3-0.5 s of a cold import).
        gc.freeze()


def _local(paths: Sequence[Path | str]) -> list[Path]:
    """The local paths among those named (not the URLs)."""
    return [path for path in paths if isinstance(path, Path)]


def _check_paths(paths: Sequence[Path | str]) -> None:
    # A missing path among others is an error for that path (the loader lists it); only
    # when no path is there is nothing checked.
    from analyzer import storage
    from analyzer.discover import shown

    def is_there(path: Path | str) -> bool:
        if is_url(path):
            return storage.exists(str(path))
        return Path(path).exists() or Path(path).is_symlink()

    local_first = sorted(paths, key=is_url)  # a store is asked only when no local path is there
    if not any(is_there(path) for path in local_first):
        raise UserError(f"{shown(paths[0])}: no such file or folder")


def _plan(paths: Sequence[Path | str], profile_path: Path | None, settings: Settings) -> Plan:
    """The run's plan (analyzer/plan.py): no pandas, no activity file read."""
    from analyzer.plan import make_plan

    _check_paths(paths)
    return make_plan(paths, profile_path, settings)


def _local_executor(plan: Plan) -> Executor:
    from analyzer.pipeline import local_executor

    return local_executor(plan.settings)


def _run(
    plan: Plan, executor: Executor, step: Step | None = None, study: SquadCounts | None = None
) -> tuple[TrainingLog, list[Finding]]:
    """The plan run on the executor (paths shown relative to those named), with a progress
    bar while many files are read here; the groups' study counts merged into `study`."""
    from analyzer.pipeline import Step, run

    with _progress_bar() as progress:
        return run(plan, executor, step or Step(), progress, study)


def _problem_errors(plan: Plan) -> list[FileError]:
    """What the plan could not open or read, as the log lists it (paths relative)."""
    from analyzer.pipeline import combine

    return combine(plan, [])[0].errors


@contextlib.contextmanager
def _progress_bar() -> Iterator[Callable[[int, int], None] | None]:
    """A bar on the terminal (stderr) while many files are read; nothing when piped (and
    rich, 60 ms to import, is left unimported)."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    bar = Progress(
        TextColumn("Reading files"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task: list[TaskID] = []

    def advance(done: int, total: int) -> None:
        if total < _PROGRESS_MIN_FILES:
            return
        if not task:
            task.append(bar.add_task("read", total=total))
        bar.update(task[0], completed=done)

    with bar:
        yield advance


def _days(
    since: dt.datetime | None, until: dt.datetime | None
) -> tuple[dt.date | None, dt.date | None]:
    first_day = since.date() if since is not None else None
    last_day = until.date() if until is not None else None
    if first_day and last_day and first_day > last_day:
        raise UserError(f"--since {first_day} is after --until {last_day}: no day is left")
    return first_day, last_day


def _as_of_day(
    as_of: str | None, training_log: TrainingLog, last_day: dt.date | None
) -> dt.date | None:
    """The day statuses are judged on: as asked, else the newest day with data (no later than
    --until). None only when the log holds no dated activity or note up to a day after
    today."""
    from analyzer.status import default_as_of

    asked = _asked_as_of(as_of)
    if asked is not None:
        return asked
    newest = default_as_of(training_log)
    if newest is not None and last_day is not None:
        return min(newest, last_day)
    return newest or last_day


def _asked_as_of(as_of: str | None) -> dt.date | None:
    """The day --as-of names (a day, or today); None when it is not given."""
    if as_of is None:
        return None
    if as_of.strip().casefold() == "today":
        return dt.date.today()
    try:
        return dt.date.fromisoformat(as_of.strip())
    except ValueError as err:
        raise UserError(f"--as-of {as_of}: give a day like 2026-03-01, or today") from err


def _exit_code(training_log: TrainingLog, paths: Sequence[Path | str]) -> int:
    """EXIT_OK, or EXIT_SKIPPED_FILES when some files were not read; nothing read is a UserError."""
    from analyzer.discover import shown

    if training_log.activities.empty and training_log.notes.empty:
        named = ", ".join(shown(path) for path in paths)
        why = "no file could be read" if training_log.errors else "no activity files found"
        raise UserError(f"nothing to check in {named}: {why}")
    return EXIT_SKIPPED_FILES if training_log.errors else EXIT_OK


def _terminal_width() -> int:
    """The terminal's width when output goes to one and it is known, else 0: the report's own
    width (report/text.py's WIDTH_CHARS)."""
    if not _is_terminal():
        return 0
    columns = shutil.get_terminal_size((0, 0)).columns
    return min(columns - 1, MAX_WIDTH_CHARS) if columns > 0 else 0


# severity marks at the start of a finding's line: coloured on a terminal
_SEVERITY_STYLES = {"HIGH": "bold red", "warn": "dark_orange", "info": "dim"}
_MARK = re.compile(r"(?m)^(?:\s+\S+ \d+ \S+\s+|\s+)(HIGH|warn|info)(?=\s)")


def _echo_report(text: str) -> None:
    """The text report: plain when piped, the severity marks coloured on a terminal."""
    if not _is_terminal():
        click.echo(text, nl=False)
        return
    from rich.console import Console
    from rich.text import Text

    styled = Text(text)
    for match in _MARK.finditer(text):
        styled.stylize(_SEVERITY_STYLES[match.group(1)], match.start(1), match.end(1))
    console = Console(file=sys.stdout, force_terminal=True, highlight=False)
    console.print(styled, end="", soft_wrap=True)


def _is_terminal() -> bool:
    return sys.stdout.isatty()


def _echo_cache_notice() -> None:
    """One line when the cache could not be written (a read-only or full folder)."""
    memo = sys.modules.get("analyzer.memo")  # not imported: nothing was cached
    notice = memo.cache_notice() if memo is not None else None
    if notice:
        click.echo(notice, err=True)


def _echo_errors(errors: Sequence[FileError]) -> None:
    from analyzer.report.literal import one_line

    for error in errors:
        click.echo(one_line(str(error)), err=True)  # a file name holds no escapes, no lines


def _echo_files(training_log: TrainingLog) -> None:
    for line in _file_lines(training_log.errors, training_log.notices):
        click.echo(line, err=True)


def _echo_notices(notices: Sequence[FileNotice]) -> None:
    """The files read in full with a remark, apart from the errors."""
    for line in _file_lines([], notices):
        click.echo(line, err=True)


def _file_lines(errors: Sequence[FileError], notices: Sequence[FileNotice]) -> list[str]:
    """The files not read (one line each), then, apart, the files read in full with a remark."""
    from analyzer.report.literal import one_line

    lines = [one_line(str(error)) for error in errors]
    if notices:
        lines.append(f"Read in full, with a remark ({len(notices):,}):")
        lines.extend(one_line(f"  {notice}") for notice in notices)
    return lines


def _given(path: Path | None) -> list[Path]:
    return [] if path is None else [path]


def _exit_code_before_writing(training_log: TrainingLog, paths: Sequence[Path | str]) -> int:
    """The exit code; when nothing could be read, the errors and one line, and no output is
    written (an empty table must not replace the one the runner had)."""
    try:
        return _exit_code(training_log, paths)
    except UserError:
        _echo_errors(training_log.errors)
        raise


def _write(output: Path, data: bytes) -> None:
    from analyzer.atomic import cannot_write, remove_stale, write_whole
    from analyzer.discover import shown

    remove_stale(output.parent, output.name)  # what a stopped run left beside it
    try:
        write_whole(output, data)
    except OSError as err:
        kept = "the file there is as it was" if output.exists() else "nothing was written"
        raise UserError(str(cannot_write(shown(output), err, kept))) from err


def _rule_named(name: str) -> Rule:
    from analyzer.checkers import RULES

    for rule in RULES:
        if name.casefold() in (rule.slug.casefold(), rule.code.casefold()):
            return rule
    known = ", ".join(rule.slug for rule in RULES)
    raise UserError(f"{name} is not a rule runlog knows; the rules are {known}")


__all__ = ["EXIT_OK", "EXIT_SIGNAL_BASE", "EXIT_SKIPPED_FILES", "EXIT_USAGE", "cli", "main"]
