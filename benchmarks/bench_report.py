"""How fast the HTML report draws years of runs from many athletes.

    python -m benchmarks.bench_report [--athletes 10] [--years 5]

Builds the log of `bench_check` in memory, runs the rules, and times `render_html` on it: the
page's size, and the time to draw each chart (wide and narrow) for one athlete. Speed is
measured here, not in the tests.
"""

from __future__ import annotations

import argparse
import time

from analyzer.checkers import run_rules
from analyzer.report import charts
from analyzer.report.html import render_html
from analyzer.report.sparkline import weekly_sparkline
from analyzer.status import default_as_of
from benchmarks.bench_check import synthetic_log


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--athletes", type=int, default=10)
    parser.add_argument("--years", type=int, default=5)
    options = parser.parse_args()
    log = synthetic_log(options.athletes, options.years)
    findings = run_rules(log)
    started = time.perf_counter()
    page = render_html(log, findings)
    seconds = time.perf_counter() - started
    print(
        f"render_html: {options.athletes} athletes, {options.years} years, {len(log.runs):,} runs, "
        f"{len(findings):,} findings: {seconds:.1f} s, {len(page) / 1e6:.1f} MB"
    )
    athlete = log.athletes[0]
    one = log.for_athlete(athlete)
    own = [finding for finding in findings if finding.athlete == athlete]
    window = charts.status_window(default_as_of(log))
    for name, draw in (
        ("weekly distance", lambda: charts.weekly_distance_chart(one, own, window, "km")),
        ("long run", lambda: charts.long_run_chart(one, own, window, "km", athlete)),
        ("rest calendar", lambda: charts.rest_calendar_chart(one, own, window, "km")),
        ("cadence", lambda: charts.cadence_chart(one, window, "km", athlete)),
        ("surfaces", lambda: charts.surface_chart(one, window)),
        ("shoes", lambda: charts.shoe_chart(one, window, "km", athlete)),
        ("knee", lambda: charts.pain_chart(one, own, window, "km")),
        ("monthly overview", lambda: charts.monthly_overview_chart(one, own, window, "km")),
        ("board's weeks", lambda: weekly_sparkline(one, own, window, "km")),
    ):
        started = time.perf_counter()
        chart = draw()
        seconds = time.perf_counter() - started
        size = len(chart) if isinstance(chart, str) else 0
        if isinstance(chart, charts.Chart):
            size = len(chart.wide) + len(chart.narrow)
        print(f"  {name:<17} {seconds:5.2f} s  {size / 1000:6.0f} kB (both drawings)")


if __name__ == "__main__":
    main()
