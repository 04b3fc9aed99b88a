"""Cohorts on a Dask cluster: the pipeline's steps as tasks (`--dask ADDRESS`).

`runlog import COHORT -o OUT/ --dask ADDRESS` and `runlog check COHORT --dask ADDRESS` run
the one pipeline (analyzer/pipeline.py) with `DaskExecutor`: the plan is made here, as on the
local path; each athlete's files are read by tasks (`read_files`), and the athlete's log is
put together, checked and written by one more (`athlete_result`), beside them. The tables are
the local path's, row for row, because the functions are the local path's.

- When there are at least as many athletes as groups in flight, one task reads all of an
  athlete's files, so the athlete's task finds them on its own worker (no parts moved
  between workers); for a few big runners, tasks of FILES_PER_TASK files spread one
  runner's years over the cluster.
- Tasks send back activity rows, notes and shoes, never samples: a run's samples are read
  again, from the worker's import cache or the file, only when a rule or `--samples` asks.
  So no worker holds more than one athlete's samples (workers run one task at a time).
- The driver keeps a few groups in flight and only their results: its memory does not grow
  with the cohort (`check` gathers the logs it prints without samples, `import` writes from
  the workers).

Dask comes with `pip install "runlog[dask]"`; without it the local path works as always.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterator
from typing import Any

from analyzer.errors import RunlogError
from analyzer.pipeline import (
    AthleteResult,
    Common,
    Progress,
    Step,
    athlete_result,
    read_files,
    tasks_of,
)
from analyzer.plan import Plan
from analyzer.settings import Settings

LOCAL_CLUSTER = "local"
# When there are fewer athletes than workers can take, an athlete's files are read by tasks of
# this many, so that one runner's years still spread over the cluster; otherwise one task reads
# all of an athlete's files, beside the task that checks them (no parts moved between workers:
# 200 athletes on 2 workers, 9 % less CPU than tasks of 25).
FILES_PER_TASK = 25
CONNECT_TIMEOUT_S = 20  # a scheduler that does not answer by then is reported
_GROUPS_IN_FLIGHT_PER_WORKER = 2


class DaskExecutor:
    """The pipeline's per-athlete step as tasks on a Dask cluster (a distributed Client)."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def results(
        self, plan: Plan, step: Step, progress: Progress | None = None
    ) -> Iterator[AthleteResult]:
        """Each group's result as its task ends (the log sent back holds no samples)."""
        from distributed import as_completed

        step = dataclasses.replace(step, keep_samples=False)
        common = Common.of(plan)
        tasks = tasks_of(plan)
        workers = max(len(self.client.scheduler_info().get("workers", {})), 1)
        in_flight = workers * _GROUPS_IN_FLIGHT_PER_WORKER
        per_task = None if len(tasks) >= in_flight else FILES_PER_TASK
        queue = iter(tasks)
        running = as_completed()

        def start_next() -> None:
            task = next(queue, None)
            if task is None:
                return
            sources = task.group.sources
            size = max(per_task or len(sources), 1)
            batches = [
                self.client.submit(
                    read_files,
                    sources[start : start + size],
                    task.profiles,
                    common.settings,
                    pure=False,
                )
                for start in range(0, len(sources), size)
            ]
            running.add(self.client.submit(athlete_result, task, batches, common, step, pure=False))

        for _ in range(in_flight):
            start_next()
        for future in running:
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


__all__ = ["FILES_PER_TASK", "LOCAL_CLUSTER", "DaskExecutor", "cluster_client"]
