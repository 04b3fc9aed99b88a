"""One pipeline for every executor: plan, then each athlete, then combine.

    paths ──plan──► Plan ──per athlete──► AthleteResult ... ──combine──► TrainingLog, findings

1. **plan** (analyzer/plan.py): discover the paths once, read and check the profiles once,
   group the sources by athlete.
2. **per athlete**: `read_files` reads and parses a batch of a group's sources (analyzer/
   reading.py: import cache, importer, plausibility) into FileParts; `athlete_result` puts
   a group's parts together (analyzer/loader.py: local time, surfaces, one run from many
   sources), makes its paths relative to the paths named, runs the rules, and writes the
   athlete's datasets when asked (`import -o OUT/`), or counts what came before their knee
   pain for the squad study (analyzer/study.py: partial sums, merged by the driver).
3. **combine**: the groups' logs and findings as one, with what could not be read.

The executor decides only where those two functions run: `InProcess` (one after another,
here), `LocalPool` (batches of files, then each group's step, over a pool of processes) or,
in analyzer/cohort.py, a Dask cluster (both as tasks). Every executor runs the same
functions on the same plan, so the tables are the same wherever they are made.

Memory: a batch's files are read where they are parsed, one at a time; only their rows,
notes and shoes come back (samples stay in the import cache, or in the file, until a rule
or `--samples` asks). The driver holds a few batches in flight and the parts of the groups
being put together, so its memory grows with the largest file, the largest group and the
number of processes, not with the number of files.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Protocol

import pandas as pd

from analyzer.checkers import Finding, check_rule_settings, run_rules
from analyzer.datasets import write_log
from analyzer.discover import Source
from analyzer.errors import ProfileError
from analyzer.executor import process_pool, running
from analyzer.loader import FilePart, assemble, file_part
from analyzer.log import FileError, FileNotice, TrainingLog
from analyzer.plan import Group, Plan, bad_profile_problem, make_plan, without_athlete
from analyzer.profile import Profile
from analyzer.reading import read_sources
from analyzer.relative import relative_log
from analyzer.settings import Settings
from analyzer.study import SquadCounts, squad_counts

log = logging.getLogger(__name__)

PARALLEL_MIN_FILES = 16  # fewer files are read here: starting processes would cost more
BATCH_FILES = 4  # files a reading process reads per task (fewer round trips)
IN_FLIGHT_PER_PROCESS = 2  # batches sent ahead to each process (a bound on memory)
Progress = Callable[[int, int], None]  # (files read, files)


@dataclass(frozen=True)
class Step:
    """What the per-athlete step does besides putting the log together."""

    rules: bool = True  # run the rules (check, report, datasets)
    relative: bool = True  # paths relative to the paths named, as every output shows them
    out: str | None = None  # write the athlete's datasets here (import -o OUT/)
    with_samples: bool = False  # ... and their samples
    keep_log: bool = True  # send the log and findings back (False: counts only)
    keep_samples: bool = True  # the log sent back can read its samples (False on a cluster)
    # the squad study's days (since, until: None for open ends): send back the athletes'
    # partial counts of what came before their knee pain (analyzer/study.py); None: not asked
    study_days: tuple[dt.date | None, dt.date | None] | None = None


@dataclass(frozen=True)
class Common:
    """What every athlete's step of one run shares (small: sent with each task)."""

    paths: tuple[str | Path, ...]
    profiles: dict[str, Profile]
    given: Profile | None
    settings: Settings

    @classmethod
    def of(cls, plan: Plan) -> Common:
        return cls(plan.paths, plan.profiles, plan.given, plan.settings)

    def profiles_of(self, group: Group, others: Iterable[str | None]) -> dict[str, Profile]:
        """The profiles a group's log holds: everyone's, and its athlete's own (the other
        paths named: every profile but those of the other groups' athletes)."""
        if group.athlete is not None:
            return {
                key: value for key, value in self.profiles.items() if key in ("", group.athlete)
            }
        taken = {athlete for athlete in others if athlete is not None}
        return {key: value for key, value in self.profiles.items() if key not in taken}


@dataclass
class AthleteResult:
    """What one group's step gives: counts, errors and notices, and for check, report and
    load its log and findings."""

    index: int  # the group's place in the plan (results are combined in this order)
    athletes: list[str]
    files: int
    activities: int
    notes: int
    findings: int
    weeks: int = 0
    samples: int = 0
    errors: list[FileError] = field(default_factory=list)
    notices: list[FileNotice] = field(default_factory=list)
    log: TrainingLog | None = None
    found: list[Finding] = field(default_factory=list)
    study: SquadCounts | None = None  # the squad study's partial counts (Step.study_days)


@dataclass(frozen=True)
class GroupTask:
    """One group of the plan as an executor runs it."""

    index: int
    group: Group
    profiles: dict[str, Profile]


# --- the two functions every executor runs -----------------------------------------------


def file_parts(
    sources: Sequence[Source], profiles: dict[str, Profile], settings: Settings
) -> Iterator[FilePart]:
    """Each source's part of the log, read and parsed in this process, one at a time."""
    for source, read in zip(sources, read_sources(sources, settings), strict=True):
        yield file_part(source, read, profiles, settings)


def read_files(
    sources: Sequence[Source], profiles: dict[str, Profile], settings: Settings
) -> list[FilePart]:
    """A batch of sources' parts of the log (a task on a reading process or a cluster)."""
    return list(file_parts(sources, profiles, settings))


def athlete_result(
    task: GroupTask, batches: Sequence[Sequence[FilePart]], common: Common, step: Step
) -> AthleteResult:
    """One group's log from its batches' parts, its rules' findings, and its datasets when
    asked."""
    parts = [part for batch in batches for part in batch]
    training_log = assemble(parts, [], task.profiles, common.settings)
    if step.relative:
        training_log = relative_log(training_log, common.paths)
    findings = run_rules(training_log, common.given) if step.rules else []
    result = AthleteResult(
        index=task.index,
        athletes=training_log.athletes,
        files=len(task.group.sources),
        activities=len(training_log.activities),
        notes=len(training_log.notes),
        findings=len(findings),
        errors=training_log.errors,
        notices=training_log.notices,
    )
    if step.study_days is not None:
        since, until = step.study_days
        found = findings if step.rules else None
        result.study = squad_counts(training_log, found, common.given, since, until)
    if step.out is not None:
        result.weeks, result.samples = write_log(
            step.out, training_log, findings, common.given, step.with_samples
        )
    if step.keep_log:
        if not step.keep_samples:
            training_log = dataclasses.replace(training_log, sample_loaders={})
        result.log = training_log
        result.found = findings
    return result


# --- the run ---------------------------------------------------------------------------------


class Executor(Protocol):
    """Where the per-athlete step runs: results of the plan's groups, in any order."""

    def results(
        self, plan: Plan, step: Step, progress: Progress | None = None
    ) -> Iterator[AthleteResult]: ...


def checked(plan: Plan) -> Plan:
    """The plan once every profile's rule settings are checked (once each): an athlete whose
    own profile is bad is left out and the file listed; any other bad profile stops the run."""
    for athlete, profile in list(plan.profiles.items()):
        try:
            check_rule_settings(profile)
        except ProfileError as err:
            if athlete not in plan.own_profiles:
                raise
            problem = bad_profile_problem(profile.path or "", athlete, err)
            plan = without_athlete(plan, athlete, problem)
    return plan


def tasks_of(plan: Plan) -> list[GroupTask]:
    """The plan's groups as tasks, each with the profiles its log holds."""
    common = Common.of(plan)
    athletes = [group.athlete for group in plan.groups]
    return [
        GroupTask(index, group, common.profiles_of(group, athletes))
        for index, group in enumerate(plan.groups)
    ]


def run(
    plan: Plan,
    executor: Executor,
    step: Step = Step(),
    progress: Progress | None = None,
    study: SquadCounts | None = None,
) -> tuple[TrainingLog, list[Finding]]:
    """The plan run on the executor: the log and the findings of every group, combined; each
    group's partial counts of the squad study (`step.study_days`) are merged into `study`."""
    plan = checked(plan)
    results = executor.results(plan, step, progress)
    if study is not None:
        results = _counted(results, study)
    return combine(plan, results, step)


def _counted(results: Iterable[AthleteResult], study: SquadCounts) -> Iterator[AthleteResult]:
    """The results, each group's study counts merged into `study` as it comes (and dropped:
    the driver keeps the sums only)."""
    for result in results:
        if result.study is not None:
            study.merge(result.study)
            result.study = None
        yield result


def combine(
    plan: Plan, results: Iterable[AthleteResult], step: Step = Step()
) -> tuple[TrainingLog, list[Finding]]:
    """The groups' logs and findings as one log (athletes in name order) and one list."""
    ordered = sorted(results, key=lambda result: result.index)
    logs = [result.log for result in ordered if result.log is not None]
    problems = [FileError(path, str(reason), reason.kind) for path, reason in plan.problems]
    if step.relative:
        problems = relative_log(TrainingLog(errors=problems), plan.paths).errors
    combined = TrainingLog(
        activities=_concat([item.activities for item in logs]).sort_values(
            ["athlete", "start_time_utc"], kind="stable", ignore_index=True
        )
        if logs
        else TrainingLog().activities,
        notes=_concat([item.notes for item in logs]) if logs else TrainingLog().notes,
        shoes=_concat([item.shoes for item in logs]).drop_duplicates(
            ["athlete", "shoe"], keep="first", ignore_index=True
        )
        if logs
        else TrainingLog().shoes,
        errors=[*problems, *(error for result in ordered for error in result.errors)],
        notices=[notice for result in ordered for notice in result.notices],
        profiles=dict(plan.profiles),
        sample_loaders={
            key: loader for item in logs for key, loader in item.sample_loaders.items()
        },
    )
    findings = [finding for result in ordered for finding in result.found]
    findings.sort(key=lambda item: (item.athlete, item.date, -item.severity_rank))
    return combined, findings


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    kept = [frame for frame in frames if not frame.empty]
    if not kept:
        return frames[0]
    return kept[0] if len(kept) == 1 else pd.concat(kept, ignore_index=True)


def load(
    *paths: str | Path,
    profile: Profile | str | Path | None = None,
    progress: Progress | None = None,
    settings: Settings | None = None,
) -> TrainingLog:
    """Everything runlog can read under `paths`, as one TrainingLog (analyzer.load)."""
    settings = Settings.from_environment() if settings is None else settings
    plan = make_plan(paths, profile, settings)
    step = Step(rules=False, relative=False)
    training_log, _ = run(plan, local_executor(settings), step, progress)
    return training_log


def local_executor(settings: Settings) -> Executor:
    """This machine's executor: a pool of reading processes (RUNLOG_WORKERS), or this one."""
    processes = settings.reading_processes()
    return LocalPool(processes) if processes > 1 else InProcess()


# --- executors on this machine ----------------------------------------------------------------


class InProcess:
    """Every step here, one file after another."""

    def results(
        self, plan: Plan, step: Step, progress: Progress | None = None
    ) -> Iterator[AthleteResult]:
        common = Common.of(plan)
        total = len(plan.sources)
        done = 0
        for task in tasks_of(plan):
            parts = []
            for part in file_parts(task.group.sources, task.profiles, common.settings):
                parts.append(part)
                done += 1
                if progress is not None:
                    progress(done, total)
            yield athlete_result(task, [parts], common, step)


class LocalPool:
    """Files read and parsed by a pool of processes, a few batches in flight; each group put
    together and checked by the pool too (its rules: seconds an athlete), once its last
    batch is back, so a squad's rules run on every core. A process that dies costs no file
    and no group: its work, and the rest, are done here."""

    def __init__(self, processes: int) -> None:
        self.processes = processes

    def results(
        self, plan: Plan, step: Step, progress: Progress | None = None
    ) -> Iterator[AthleteResult]:
        total = len(plan.sources)
        if total < PARALLEL_MIN_FILES or self.processes < 2:
            yield from InProcess().results(plan, step, progress)
            return
        try:
            pool = process_pool(self.processes)  # its processes end when runlog ends
        except (OSError, RuntimeError) as err:  # no processes here (a sandbox): read in this one
            log.debug("parallel reading unavailable (%s); reading one file at a time", err)
            yield from InProcess().results(plan, step, progress)
            return
        common = Common.of(plan)
        tasks = tasks_of(plan)
        batches = (
            (task, task.group.sources[start : start + BATCH_FILES])
            for task in tasks
            for start in range(0, len(task.group.sources), BATCH_FILES)
        )
        parts: dict[int, list[FilePart]] = {task.index: [] for task in tasks}
        left = {task.index: len(task.group.sources) for task in tasks}
        done = 0
        ahead = self.processes * IN_FLIGHT_PER_PROCESS
        with running(pool):  # interrupted: its processes are stopped at once
            sent = _Sender(pool, common.settings)
            in_flight = deque(sent(task, batch) for task, batch in islice(batches, ahead))
            steps: list[_Stepping] = []  # groups whose files are all read, put together there
            while in_flight:
                task, batch, work = in_flight.popleft()
                in_flight.extend(sent(later, more) for later, more in islice(batches, 1))
                parts[task.index] += sent.outcome(task, batch, work)
                done += len(batch)
                left[task.index] -= len(batch)
                if progress is not None:
                    progress(done, total)
                if not left[task.index]:
                    steps.append(sent.step(task, parts.pop(task.index), common, step))
                finished = [
                    stepping for stepping in steps if stepping[2] is None or stepping[2].done()
                ]
                for stepping in finished:
                    steps.remove(stepping)
                    yield sent.result(stepping, common, step)
            for stepping in steps:
                yield sent.result(stepping, common, step)


# a group's step as sent: the group, its parts (to do it here if the pool breaks), its future
_Stepping = tuple[GroupTask, list[FilePart], "Future[AthleteResult] | None"]


class _Sender:
    """Sends batches to the pool; once a process has died, reads them here."""

    def __init__(self, pool: ProcessPoolExecutor, settings: Settings) -> None:
        self.pool = pool
        self.settings = settings
        self.broken = False

    def __call__(
        self, task: GroupTask, batch: Sequence[Source]
    ) -> tuple[GroupTask, Sequence[Source], Future[list[FilePart]] | None]:
        work = None
        if not self.broken:
            try:
                work = self.pool.submit(read_files, batch, task.profiles, self.settings)
            except (BrokenProcessPool, RuntimeError):  # a process died before: read here
                self.broken = True
        return task, batch, work

    def step(self, task: GroupTask, parts: list[FilePart], common: Common, step: Step) -> _Stepping:
        """A group's step (`athlete_result`: its log put together, its rules run) sent to the
        pool, so the groups' rules run on every core; here once a process has died."""
        work = None
        if not self.broken:
            try:
                work = self.pool.submit(athlete_result, task, [parts], common, step)
            except (BrokenProcessPool, RuntimeError):
                self.broken = True
        return task, parts, work

    def result(self, stepping: _Stepping, common: Common, step: Step) -> AthleteResult:
        task, parts, work = stepping
        if work is not None:
            try:
                return work.result()
            except BrokenProcessPool as err:  # a process died: this group is put together here
                log.debug("a process failed (%s); putting the group together here", err)
                self.broken = True
        return athlete_result(task, [parts], common, step)

    def outcome(
        self, task: GroupTask, batch: Sequence[Source], work: Future[list[FilePart]] | None
    ) -> list[FilePart]:
        if work is not None:
            try:
                return work.result()
            except BrokenProcessPool as err:  # a process died: this batch, and the rest, here
                log.debug("a reading process failed (%s); reading the rest here", err)
                self.broken = True
        return read_files(batch, task.profiles, self.settings)


__all__ = [
    "AthleteResult",
    "Common",
    "Executor",
    "GroupTask",
    "InProcess",
    "LocalPool",
    "Step",
    "athlete_result",
    "checked",
    "combine",
    "file_parts",
    "load",
    "local_executor",
    "read_files",
    "run",
    "tasks_of",
]
