"""How fast the notes reader reads 10,000 notes, on one core.

    python -m benchmarks.bench_notes [--notes 10000] [--repeat 5]

Two tables of notes, each read by `analyzer.pain.knee_notes` (as the rules and the status
read them: the vectorised first look, the reading of every note about a knee, the episodes of
each athlete in date order, with the default profile's episode gap):

- knee notes: every note names a knee (the worst case: each is read whole). They are the
  corpus notes of tests/data/knee_notes/ in ten languages, each made distinct by its day, so
  no note is read from the cache of an earlier one.
- a log: a runner's year of notes, one in twenty about a knee, the rest training notes.

The process is pinned to one core where the system allows. Printed: the first read (the word
tables compiled, every word seen for the first time) and the best of `--repeat` reads after
it, in seconds of wall clock and of CPU (on a busy machine the CPU time is the reader's own);
speed is measured here, never in the tests.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import time
from pathlib import Path

import pandas as pd

from analyzer import pain
from analyzer.checkers._knee import episode_gap_days
from analyzer.profile import Profile

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "knee_notes"
TRAINING_NOTES = (
    "easy {km}k, legs heavy",
    "tempo {km} km, felt strong",
    "long run {km}k with the club, windy",
    "intervals 6x800, RPE 8, hot",
    "recovery jog {km} km, sleep was poor",
    "hill reps x{km}, calves tight",
    "parkrun in the rain, new shoes",
    "rest day, stretched and rolled",
    "Lockerer Dauerlauf {km} km, gutes Wetter",
    "sortie facile {km} km avec Paul",
    "rodaje suave {km} km, buen ritmo",
    "{km} km rolig tur i skoven",
)


def corpus_notes() -> list[str]:
    texts = []
    for path in sorted(CORPUS.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as file:
            rows = csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE)
            texts += [row["text"] for row in rows]
    return texts


def notes_table(texts: list[str], athletes: int) -> pd.DataFrame:
    """The notes as a notes table: one a day per athlete, from 2020 on."""
    first = dt.date(2020, 1, 1)
    return pd.DataFrame(
        {
            "athlete": [f"athlete-{number % athletes}" for number in range(len(texts))],
            "local_date": [
                first + dt.timedelta(days=number // athletes) for number in range(len(texts))
            ],
            "text": texts,
            "source": "journal.md",
        }
    )


def knee_table(count: int) -> pd.DataFrame:
    corpus = corpus_notes()
    texts = [f"Day {number + 1}. {corpus[number % len(corpus)]}" for number in range(count)]
    return notes_table(texts, athletes=20)


def log_table(count: int) -> pd.DataFrame:
    chosen = random.Random(25)
    corpus = corpus_notes()
    texts = []
    for number in range(count):
        if number % 20 == 0:
            texts.append(f"Day {number + 1}. {chosen.choice(corpus)}")
        else:
            note = chosen.choice(TRAINING_NOTES).format(km=chosen.randint(4, 30))
            texts.append(f"Day {number + 1}. {note}")
    return notes_table(texts, athletes=1)


def timed_reads(table: pd.DataFrame, repeat: int) -> tuple[list[float], list[float], int]:
    """The seconds of each read (wall clock, then CPU), and how many notes report knee pain."""
    wall, cpu = [], []
    painful = 0
    gap_days = episode_gap_days(Profile())
    for _ in range(repeat + 1):
        pain._read_text.cache_clear()  # each read reads every note again
        began, began_cpu = time.perf_counter(), time.process_time()
        read = pain.knee_notes(table, gap_days)
        wall.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
        painful = int(read["knee_pain"].notna().sum())
    return wall, cpu, painful


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    arguments = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    for name, table in (
        ("knee notes", knee_table(arguments.notes)),
        ("a log", log_table(arguments.notes)),
    ):
        wall, cpu, painful = timed_reads(table, arguments.repeat)
        print(
            f"{name:>10}: {len(table):,} notes, {painful:,} read as knee pain: first read "
            f"{wall[0]:.2f} s ({cpu[0]:.2f} s CPU), best of {arguments.repeat} after it "
            f"{min(wall[1:]):.2f} s ({min(cpu[1:]):.2f} s CPU)"
        )


if __name__ == "__main__":
    main()
