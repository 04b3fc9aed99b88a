"""How fast the rules check years of runs from many athletes.

    python -m benchmarks.bench_check [--athletes 10] [--years 5]

Builds a log in memory (four to six runs a week, notes, shoes) and times `run_rules` on it,
rule by rule, then the statuses of the log's last day (each rule's facets as of that day).
Speed is measured here, not in the tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time

import pandas as pd

from analyzer.checkers import RULES, run_rules, thresholds_for
from analyzer.log import TrainingLog
from analyzer.profile import Profile, ShoeSetting
from analyzer.status import default_as_of, statuses
from tests.builders import FIRST_MONDAY, note, run


def synthetic_log(athletes: int, years: int, seed: int = 1) -> TrainingLog:
    """A log of `athletes` runners over `years` years, with some planted jumps and notes."""
    randomness = random.Random(seed)
    runs, notes = [], []
    for number in range(athletes):
        athlete = f"athlete-{number:02d}"
        for week in range(52 * years):
            monday = FIRST_MONDAY + dt.timedelta(weeks=week)
            base_km = 30 + 10 * randomness.random() + (15 if week % 17 == 16 else 0)
            days = sorted(randomness.sample(range(7), randomness.choice((4, 5, 6))))
            for index, weekday in enumerate(days):
                long_run = index == len(days) - 1
                distance_km = base_km * (0.35 if long_run else 0.65 / (len(days) - 1))
                runs.append(
                    run(
                        monday + dt.timedelta(days=weekday),
                        round(distance_km, 2),
                        athlete=athlete,
                        pace_min_per_km=5.0 + randomness.random(),
                        cadence_spm=168 + 12 * randomness.random(),
                        surface=randomness.choice(("road", "road", "trail", "track", "unknown")),
                        shoe=f"shoe-{week // 30 % 3}",
                        ascent_m=50 + 200 * randomness.random(),
                    )
                )
            if week % 9 == 8:
                notes.append(note(monday + dt.timedelta(days=2), "left knee sore, 3/10", athlete))
    shoes = [ShoeSetting(f"shoe-{number}", limit_km=700) for number in range(3)]
    return TrainingLog(
        activities=pd.DataFrame(runs),
        notes=pd.DataFrame(notes),
        profiles={"": Profile(timezone="Europe/Copenhagen", shoes=tuple(shoes))},
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--athletes", type=int, default=10)
    parser.add_argument("--years", type=int, default=5)
    options = parser.parse_args()
    started = time.perf_counter()
    log = synthetic_log(options.athletes, options.years)
    built_s = time.perf_counter() - started
    print(f"built {len(log.activities):,} runs of {options.athletes} athletes in {built_s:.2f} s")
    profile = log.profile_for("")
    for rule in RULES:
        started = time.perf_counter()
        count = 0
        for _, athlete_log in log.by_athlete():
            count += len(rule.check(athlete_log, thresholds_for(profile, rule)))
        elapsed_s = time.perf_counter() - started
        print(f"  {rule.code} {rule.slug:<24} {elapsed_s:7.3f} s  {count:>5} findings")
    started = time.perf_counter()
    findings = run_rules(log)
    elapsed_s = time.perf_counter() - started
    print(f"run_rules: {len(findings):,} findings in {elapsed_s:.2f} s")
    started = time.perf_counter()
    as_of = default_as_of(log)
    by_athlete = statuses(log, findings, as_of)
    elapsed_s = time.perf_counter() - started
    print(f"statuses as of {as_of}: {len(by_athlete)} athletes in {elapsed_s:.2f} s")


if __name__ == "__main__":
    main()
