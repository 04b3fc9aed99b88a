"""How fast the HTML report draws, and how big its pages are.

    python -m benchmarks.bench_report [--athletes 10] [--years 5]
    python -m benchmarks.bench_report --squad [--athletes 30] [--weeks 104]

In memory: builds the log of `bench_check`, runs the rules, and times `render_html` on it (the
page's size), and each chart (wide and narrow) of one athlete.

--squad: a coach's folder of generated FIT runs (benchmarks.bench_cohort's, kept under /tmp),
written as a site by `runlog report SQUAD -o SITE/` in a fresh process: cold (an empty import
cache), warm (the cache filled, the result made afresh for another folder) and kept (the same
command again: the result memo). It prints wall and CPU seconds (every process), the load
average before and after, the size of index.html and of the athlete pages, and how many lines
`runlog check SQUAD` prints. Speed is measured here, not in the tests.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analyzer.checkers import run_rules
from analyzer.report import charts
from analyzer.report.html import render_html
from analyzer.report.sparkline import weekly_sparkline
from analyzer.status import athlete_status, default_as_of
from benchmarks.bench_check import synthetic_log
from benchmarks.bench_cohort import cohort_folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--athletes", type=int)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--squad", action="store_true", help="a site of a generated squad")
    parser.add_argument("--weeks", type=int, default=104, help="with --squad")
    options = parser.parse_args()
    if options.squad:
        squad(options.athletes or 30, options.weeks)
    else:
        in_memory(options.athletes or 10, options.years)


def in_memory(athletes: int, years: int) -> None:
    log = synthetic_log(athletes, years)
    findings = run_rules(log)
    started = time.perf_counter()
    page = render_html(log, findings)
    seconds = time.perf_counter() - started
    print(
        f"render_html: {athletes} athletes, {years} years, {len(log.runs):,} runs, "
        f"{len(findings):,} findings: {seconds:.1f} s, {len(page) / 1e6:.1f} MB"
    )
    athlete = log.athletes[0]
    one = log.for_athlete(athlete)
    own = [finding for finding in findings if finding.athlete == athlete]
    as_of = default_as_of(log)
    window = charts.status_window(as_of)
    marks = athlete_status(one, findings, athlete, as_of).chart_marks
    for name, draw in (
        ("weekly distance", lambda: charts.weekly_distance_chart(one, own, window, "km", marks)),
        ("long run", lambda: charts.long_run_chart(one, own, window, "km", marks)),
        ("rest calendar", lambda: charts.rest_calendar_chart(one, own, window, "km", marks)),
        ("cadence", lambda: charts.cadence_chart(one, window, "km", marks)),
        ("surfaces", lambda: charts.surface_chart(one, window)),
        ("shoes", lambda: charts.shoe_chart(window, "km", marks)),
        ("knee", lambda: charts.pain_chart(one, window, "km", marks)),
        ("monthly overview", lambda: charts.monthly_overview_chart(one, own, window, "km", marks)),
        ("board's weeks", lambda: weekly_sparkline(one, window, "km", marks)),
    ):
        started = time.perf_counter()
        chart = draw()
        seconds = time.perf_counter() - started
        size = len(chart) if isinstance(chart, str) else 0
        if isinstance(chart, charts.Chart):
            size = len(chart.wide) + len(chart.narrow)
        print(f"  {name:<17} {seconds:5.2f} s  {size / 1000:6.0f} kB (both drawings)")


def squad(athletes: int, weeks: int) -> None:
    """`runlog report SQUAD -o SITE/` cold, warm and kept, each in a fresh process."""
    folder = cohort_folder(athletes, weeks)
    runs = sum(1 for _ in folder.rglob("*.fit"))
    print(f"squad {folder}: {athletes} athletes x {weeks} weeks, {runs:,} FIT runs")
    print(f"machine: {_machine()}")
    print(f"{'report':<8} {'wall s':>7} {'CPU s':>7}  load average before -> after")
    with tempfile.TemporaryDirectory(prefix="runlog-bench-report-") as scratch:
        environment = {**os.environ, "RUNLOG_CACHE": str(Path(scratch) / "cache")}
        for state, site in (("cold", "cold"), ("warm", "warm"), ("kept", "warm")):
            command = ["report", str(folder), "-o", f"{Path(scratch) / site}/", "--force"]
            wall_s, cpu_s, loads = _timed(command, environment)
            print(f"{state:<8} {wall_s:7.1f} {cpu_s:7.1f}  {loads}")
        pages = sorted((Path(scratch) / "warm").glob("*.html"))
        index = Path(scratch) / "warm" / "index.html"
        sizes = sorted(page.stat().st_size for page in pages if page != index)
        print(
            f"index.html {index.stat().st_size / 1000:,.0f} kB; {len(sizes)} athlete pages "
            f"{sizes[0] / 1000:,.0f}-{sizes[-1] / 1000:,.0f} kB "
            f"(median {sizes[len(sizes) // 2] / 1000:,.0f} kB)"
        )
        checked = _runlog(["check", str(folder)], environment)
        print(f"runlog check: {len(checked.stdout.splitlines())} lines")


def _timed(arguments: list[str], environment: dict[str, str]) -> tuple[float, float, str]:
    """Wall and CPU seconds of `runlog ARGUMENTS` in a fresh process (its children included),
    and the load average before and after."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    _runlog(arguments, environment)
    wall_s = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_s = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall_s, cpu_s, f"{load_before:.1f} -> {os.getloadavg()[0]:.1f}"


def _runlog(arguments: list[str], environment: dict[str, str]) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", "from analyzer.cli import main; main()", *arguments]
    result = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)
    if result.returncode not in (0, 1):
        raise SystemExit(f"runlog {' '.join(arguments)} failed:\n{result.stderr[-3000:]}")
    return result


def _machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown CPU",
    )
    return f"{os.cpu_count()} cores ({model}), Python {platform.python_version()}"


if __name__ == "__main__":
    main()
