"""Cohorts on a Dask cluster: per-file imports, then per-athlete rules, tables by athlete.

`runlog import COHORT -o OUT/ --dask ADDRESS` and `runlog check COHORT --dask ADDRESS` run the
local path's own steps as tasks: files (a FIT file, a zip export) are read by tasks, a few
dozen each, and each athlete's files are then put together, checked and written by one task.
The tables are the local path's, row for row.

- A group is one athlete sub-folder of a coach's folder, or a runner's folder named beside
  others that holds its own runlog.toml (as on the local path), or every other path named (one
  runner's files, a zip of a coach's folder, or a CSV log whose `athlete` column names
  several runners). A task lists a group's local files and reads the runlog.toml at the root
  of their zips, so the group's profiles are the local path's before any file is imported.
- File tasks send back activity rows, notes and shoes, never samples: a run's samples are read
  again, from the worker's import cache or the file, only when a rule or `--samples` asks. So
  no worker holds more than one athlete's samples (workers run one task at a time).
- The driver keeps a few groups in flight and only their summaries: its memory does not grow
  with the cohort (`check` gathers the findings it prints, `import` writes from the workers).

Dask comes with `pip install "runlog[dask]"`; without it the local path works as always.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd

from analyzer.archives import DEFAULT_LIMITS
from analyzer.checkers import Finding, run_rules
from analyzer.datasets import athlete_tables, write_athletes, write_samples
from analyzer.discover import (
    ARCHIVE_SEPARATOR,
    Discovery,
    discover,
    folder_athletes,
)
from analyzer.errors import RunlogError
from analyzer.loader import (
    FilePart,
    assemble,
    bad_athlete_profiles,
    file_part,
    profiles_for,
    reread_samples_loader,
)
from analyzer.log import FileError, FileNotice, TrainingLog
from analyzer.profile import Profile
from analyzer.reading import read_sources
from analyzer.relative import relative_log
from analyzer.settings import Settings
from analyzer.storage import is_url
from analyzer.weekly import weekly_table

LOCAL_CLUSTER = "local"
# When there are fewer athletes than workers can take, an athlete's files are read by tasks of
# this many, so that one runner's years still spread over the cluster; otherwise one task reads
# all of an athlete's files, beside the task that checks them (no parts moved between workers:
# 200 athletes on 2 workers, 9 % less CPU than tasks of 25).
FILES_PER_TASK = 25
CONNECT_TIMEOUT_S = 20  # a scheduler that does not answer by then is reported
_GROUPS_IN_FLIGHT_PER_WORKER = 2


@dataclass(frozen=True)
class Root:
    """A folder or file of a group: a local path or a URL."""

    location: str
    named: bool  # the user named this very file
    is_file: bool  # a file (an archive is one), else a folder to walk


@dataclass(frozen=True)
class Group:
    """The files put together as one log: an athlete's sub-folder, or the other paths named."""

    athlete: str | None  # an athlete folder's athlete; None for the other paths named
    roots: tuple[Root, ...]
    profiles: dict[str, Profile] = field(default_factory=dict)
    problems: tuple[FileError, ...] = ()  # what listing the URLs could not open
    named_paths: tuple[str, ...] = ()  # every path named: outputs show paths relative to them


@dataclass
class GroupResult:
    """What one group's task sends back: counts and errors, or for `check` its tables."""

    athletes: list[str]
    activities: int
    notes: int
    findings: int
    weeks: int
    samples: int
    errors: list[FileError]
    notices: list[FileNotice]  # files read in full with a remark: one short line each
    log: TrainingLog | None = None  # for check: the log without its samples
    found: list[Finding] | None = None


def cohort_groups(
    paths: Sequence[Path | str], profile: Profile | None, settings: Settings
) -> list[Group]:
    """The groups of the named paths and URLs, athletes in name order, the other paths last.

    Local folders are only looked at (a coach's athlete sub-folders); a URL's files are listed
    here, by name (and the zips among them opened), so that they fall to their athletes."""
    data_folders: list[Path] = []
    roots: dict[str | None, list[Root]] = {}
    athlete_folders: dict[str, Path] = {}
    found_by_url = discover(
        [path for path in paths if is_url(path)], settings.input_limits(DEFAULT_LIMITS)
    )
    for path in paths:
        if is_url(path):
            continue
        path = Path(path)
        # as the local path names them: a coach's athletes, or a runner's folder named beside
        # others that holds its own runlog.toml (theirs alone, so not a data folder)
        folders = folder_athletes(path, beside_others=len(paths) > 1) if path.is_dir() else {}
        if path not in folders.values():
            data_folders.append(path if path.is_dir() else path.parent)
        for name, folder in folders.items():
            roots.setdefault(name, []).append(Root(str(folder), named=False, is_file=False))
            athlete_folders[name] = folder
        if not folders:
            is_file = not path.is_dir()
            roots.setdefault(None, []).append(Root(str(path), named=is_file, is_file=is_file))
    athletes_of_top: dict[str, set[str | None]] = {}
    for source in found_by_url.sources:
        top = source.path.split(ARCHIVE_SEPARATOR, 1)[0]
        athletes_of_top.setdefault(top, set()).add(source.athlete)
    for source in found_by_url.sources:
        top = source.path.split(ARCHIVE_SEPARATOR, 1)[0]
        root = Root(top, named=source.named and not source.in_archive, is_file=True)
        # a zip of a coach's folder holds several athletes: read once, with the other paths
        athlete = source.athlete if len(athletes_of_top[top]) == 1 else None
        athlete_roots = roots.setdefault(athlete, [])
        if root not in athlete_roots:
            athlete_roots.append(root)
    problems = [FileError(path, str(reason), reason.kind) for path, reason in found_by_url.problems]
    if problems:
        roots.setdefault(None, [])
    # an athlete whose own runlog.toml is bad is not checked, and the file is listed (as on the
    # local path): one athlete's typo does not stop a coach's whole folder
    bad_profiles = bad_athlete_profiles(athlete_folders) if profile is None else {}
    named = tuple(str(path) for path in paths)
    groups = []
    for athlete in sorted(roots, key=lambda name: (name is None, name or "")):
        if athlete in bad_profiles:
            groups.append(Group(athlete, (), {}, (bad_profiles[athlete],), named))
            continue
        own = {athlete: athlete_folders[athlete]} if athlete in athlete_folders else {}
        found = Discovery([], [], own, data_folders, found_by_url.archive_profiles)
        groups.append(
            Group(
                athlete,
                tuple(roots[athlete]),
                profiles_for(found, profile),
                tuple(problems) if athlete is None else (),
                named,
            )
        )
    return groups


@dataclass(frozen=True)
class Listing:
    """A group's files (an archive is one file) with whether the user named each, the paths
    that could not be opened, and the group with its profiles complete."""

    group: Group
    files: list[tuple[str, bool]]
    problems: list[FileError]


def group_files(group: Group, profile: Profile | None, settings: Settings) -> Listing:
    """The group's files and problems, and its profiles with those found in its local zips (a
    runlog.toml at the root of an athlete's zip is theirs, as on the local path; one beside
    the data comes first). Runs on a worker: it walks the folders and opens the zips."""
    limits = settings.input_limits(DEFAULT_LIMITS)
    files: list[tuple[str, bool]] = []
    problems: list[FileError] = list(group.problems)
    zipped: dict[str, tuple[str, bytes]] = {}  # athlete -> (where, TOML bytes), first found
    for root in group.roots:
        if root.is_file:
            files.append((root.location, root.named))
            if is_url(root.location) or not root.location.lower().endswith(".zip"):
                continue  # a URL's zips were opened when it was listed
            found = discover([root.location], limits)  # its problems are the import's to report
        else:
            found = discover([root.location], limits)
            problems += [
                FileError(path, str(reason), reason.kind) for path, reason in found.problems
            ]
            tops = dict.fromkeys(
                source.path.split(ARCHIVE_SEPARATOR, 1)[0] for source in found.sources
            )
            files += [(top, False) for top in tops]
        for athlete, text in found.archive_profiles.items():
            # the zips of an athlete's folder are theirs, whatever folders they hold
            if group.athlete is not None:
                if athlete != "":
                    continue
                athlete = group.athlete
            zipped.setdefault(athlete, text)
    if profile is not None or not zipped:  # a profile given applies to everyone
        return Listing(group, files, problems)
    from_zips = profiles_for(Discovery([], [], {}, [], zipped), None)
    return Listing(
        dataclasses.replace(group, profiles={**from_zips, **group.profiles}), files, problems
    )


def import_files(files: list[tuple[str, bool]], group: Group, settings: Settings) -> list[FilePart]:
    """The parts of the log that some of a group's files give, in order, without samples."""
    # A worker is one core's share of the cluster, and its process may not start others (it
    # is daemonic): a zip of many files is read here, not by reading's pool of processes.
    alone = settings.with_processes(1)
    return [part for path, named in files for part in import_file(path, named, group, alone)]


def import_file(path: str, named: bool, group: Group, settings: Settings) -> list[FilePart]:
    """One file's parts of the log (an archive's members each give one), without samples."""
    found = discover([path], settings.input_limits(DEFAULT_LIMITS))
    parts = [
        FilePart(
            errors=[FileError(where, str(reason), reason.kind) for where, reason in found.problems]
        )
    ]
    sources = [
        dataclasses.replace(
            source,
            # an athlete's files are theirs; other paths keep the athletes a zip's folders name
            athlete=source.athlete if group.athlete is None else group.athlete,
            named=named and not source.in_archive,
        )
        for source in found.sources
    ]
    for source, read in zip(sources, read_sources(sources, settings), strict=True):
        read_raw = partial(_source_bytes, path, source.path, settings)
        again = dataclasses.replace(source, read_raw=read_raw)
        loader = partial(_reread_loader, again)
        parts.append(file_part(source, read, group.profiles, settings, samples_loader=loader))
    return parts


def _reread_loader(
    source: Any,
    _source: Any,
    cache_path: Path | None,
    index: int,
    record: Any,
    settings: Settings,
):
    return reread_samples_loader(source, cache_path, index, record, settings)


def _source_bytes(top: str, source_path: str, settings: Settings) -> bytes:
    """A source's raw bytes, found again from the file it came in (a picklable read_raw)."""
    for source in discover([top], settings.input_limits(DEFAULT_LIMITS)).sources:
        if source.path == source_path:
            return source.read_raw()
    raise FileNotFoundError(source_path)


def check_group(
    parts: list[list[FilePart]],
    problems: list[FileError],
    group: Group,
    profile: Profile | None,
    out: str | None,
    with_samples: bool,
    settings: Settings,
) -> GroupResult:
    """Put a group's parts together, run the rules, and write its athletes' tables to `out`
    (or, with no `out`, send the log and its findings back for `check` to print)."""
    log = assemble(
        [FilePart(errors=problems), *(part for file_parts in parts for part in file_parts)],
        [],
        group.profiles,
        settings,
    )
    log = relative_log(log, group.named_paths)  # as the local path shows them
    findings = run_rules(log, profile)
    result = GroupResult(
        athletes=log.athletes,
        activities=len(log.activities),
        notes=len(log.notes),
        findings=len(findings),
        weeks=0,
        samples=0,
        errors=log.errors,
        notices=log.notices,
    )
    if out is None:
        result.log = dataclasses.replace(log, sample_loaders={})
        result.found = findings
        return result
    weekly = weekly_table(log, findings, profile)
    write_athletes(out, athlete_tables(log, findings, weekly), log.athletes)
    result.weeks = len(weekly)
    if with_samples:
        result.samples = sum(write_samples(out, log, athlete) for athlete in log.athletes)
    return result


def run_cohort(
    paths: Sequence[Path | str],
    address: str,
    profile: Profile | None = None,
    out: str | None = None,
    with_samples: bool = False,
    client: Any = None,
    settings: Settings | None = None,
) -> Iterator[GroupResult]:
    """Each group's result as its task ends, on the Dask cluster at `address` ("local": a
    cluster of this machine's cores, started and stopped here)."""
    settings = Settings.from_environment() if settings is None else settings
    groups = cohort_groups(paths, profile, settings)
    if client is not None:
        yield from _pipeline(client, groups, profile, out, with_samples, settings)
        return
    with cluster_client(address, settings) as own_client:
        yield from _pipeline(own_client, groups, profile, out, with_samples, settings)


def check_cohort(
    paths: Sequence[Path | str],
    address: str,
    profile: Profile | None = None,
    client: Any = None,
    settings: Settings | None = None,
) -> tuple[TrainingLog, list[Finding]]:
    """The log (without samples) and the findings of the paths, checked on the cluster."""
    results = list(run_cohort(paths, address, profile, client=client, settings=settings))
    logs = [result.log for result in results if result.log is not None]
    activities = pd.concat([item.activities for item in logs], ignore_index=True)
    log = TrainingLog(
        activities=activities.sort_values(
            ["athlete", "start_time_utc"], kind="stable", ignore_index=True
        ),
        notes=pd.concat([item.notes for item in logs], ignore_index=True),
        shoes=pd.concat([item.shoes for item in logs], ignore_index=True).drop_duplicates(
            ["athlete", "shoe"], keep="first"
        ),
        errors=[error for result in results for error in result.errors],
        notices=[notice for result in results for notice in result.notices],
        profiles={key: value for item in logs for key, value in item.profiles.items()},
    )
    findings = [finding for result in results for finding in result.found or []]
    return log, sorted(findings, key=lambda item: (item.athlete, item.date, -item.severity_rank))


def _pipeline(
    client: Any,
    groups: list[Group],
    profile: Profile | None,
    out: str | None,
    with_samples: bool,
    settings: Settings,
) -> Iterator[GroupResult]:
    from distributed import as_completed

    workers = max(len(client.scheduler_info().get("workers", {})), 1)
    in_flight = workers * _GROUPS_IN_FLIGHT_PER_WORKER
    queue = iter(groups)
    running = as_completed()
    listings: set[Any] = set()  # the futures of group_files

    def start_next() -> None:
        group = next(queue, None)
        if group is not None:
            listing = client.submit(group_files, group, profile, settings, pure=False)
            listings.add(listing)
            running.add(listing)

    for _ in range(in_flight):
        start_next()
    for future in running:
        if future in listings:
            listings.discard(future)
            listing: Listing = future.result()
            group, files = listing.group, listing.files
            per_task = len(files) if len(groups) >= in_flight else FILES_PER_TASK
            file_parts = [
                client.submit(
                    import_files, files[start : start + per_task], group, settings, pure=False
                )
                for start in range(0, len(files), max(per_task, 1))
            ]
            running.add(
                client.submit(
                    check_group,
                    file_parts,
                    listing.problems,
                    group,
                    profile,
                    out,
                    with_samples,
                    settings,
                    pure=False,
                )
            )
            continue
        yield future.result()
        future.release()
        start_next()


class cluster_client:
    """A Dask client of the cluster at `address`, or of a local cluster started for the run
    ("local": RUNLOG_DASK_WORKERS worker processes, else one per core)."""

    def __init__(self, address: str, settings: Settings) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as err:
            raise RunlogError(
                '--dask needs Dask: pip install "runlog[dask]" (or leave --dask out to run here)'
            ) from err
        self._cluster = None
        # Dask's own progress notes would drown runlog's one line per problem
        logging.getLogger("distributed").setLevel(logging.ERROR)
        if address == LOCAL_CLUSTER:
            import dask

            # the workers' statistical profiler feeds only the dashboard, and slows every task:
            # a pandas loop ran at 0.84 of its speed outside Dask with it, 0.92 without
            with dask.config.set({"distributed.worker.profile.enabled": False}):
                self._cluster = LocalCluster(
                    n_workers=settings.dask_processes(),
                    threads_per_worker=1,  # one task at a time: one athlete's samples at most
                    processes=True,
                    dashboard_address=":0",  # any free port: never another cluster's
                    silence_logs=logging.CRITICAL,  # a task's user error: told once, by the driver
                )
            self._client = Client(self._cluster)
        else:
            try:
                self._client = Client(address, timeout=CONNECT_TIMEOUT_S)
            except OSError as err:
                raise RunlogError(f"--dask {address}: cannot reach the cluster ({err})") from err

    def __enter__(self) -> Any:
        return self._client

    def __exit__(self, *exc: object) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def write_local(
    log: TrainingLog, findings: list[Finding], out: str, profile: Profile | None, with_samples: bool
) -> tuple[int, int]:
    """The local path's datasets, the same tables as the cluster's: (weeks, samples) written."""
    weekly = weekly_table(log, findings, profile)
    write_athletes(out, athlete_tables(log, findings, weekly), log.athletes)
    samples = (
        sum(write_samples(out, log, athlete) for athlete in log.athletes) if with_samples else 0
    )
    return len(weekly), samples


__all__ = [
    "LOCAL_CLUSTER",
    "Group",
    "GroupResult",
    "check_cohort",
    "cluster_client",
    "run_cohort",
    "write_local",
]
