"""The knee-note corpus and how well the reader does on it (used by the tests and by hand).

tests/data/knee_notes/ holds the notes in batches, one TSV file each (language, knee_pain,
side, score, red_flag, text), in the order they were written; FIGURES.md beside them records
each batch's first read (before any fix for it) and its read after the fix.

To measure a batch as FIGURES.md records it:

    python -m tests.knee_corpus tests/data/knee_notes/07_*.tsv    # one batch, per language
    python -m tests.knee_corpus                                     # the whole corpus
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from pathlib import Path

from analyzer.pain import is_red_flag, knee_pain_in

CORPUS = Path(__file__).parent / "data" / "knee_notes"


@dataclass(frozen=True)
class Note:
    language: str
    is_knee_pain: bool
    side: str | None
    score_of_10: float | None
    is_red_flag: bool
    text: str
    batch: str  # the file's name without its extension


def notes(paths: list[Path] | None = None) -> list[Note]:
    """The notes of these batch files (every batch of the corpus when none is named)."""
    found: list[Note] = []
    for path in paths or sorted(CORPUS.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as file:
            rows = list(csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE))
        found += [
            Note(
                language=row["language"],
                is_knee_pain=row["knee_pain"] == "1",
                side=row["side"] or None,
                score_of_10=float(row["score"]) if row["score"] else None,
                is_red_flag=row["red_flag"] == "1",
                text=row["text"],
                batch=path.stem,
            )
            for row in rows
        ]
    return found


@dataclass(frozen=True)
class Figures:
    notes: int
    negatives: float  # the share of notes that are not knee pain
    precision: float
    recall: float
    score: float  # of the knee-pain notes that carry a score: read exactly
    side: float  # of the knee-pain notes found: the side (or none) right
    red_flag: float  # of the knee-pain notes found: red flag said or not, rightly


def figures(batch: list[Note]) -> Figures:
    """Precision, recall and the share of scores, sides and red flags read right."""
    read = [(note, knee_pain_in(note.text)) for note in batch]
    found = [(note, pain) for note, pain in read if pain is not None]
    true_found = [(note, pain) for note, pain in found if note.is_knee_pain]
    positives = sum(note.is_knee_pain for note in batch)
    scored = [(note, pain) for note, pain in true_found if note.score_of_10 is not None]
    scored_total = sum(note.is_knee_pain and note.score_of_10 is not None for note in batch)
    return Figures(
        notes=len(batch),
        negatives=1 - positives / len(batch) if batch else 0.0,
        precision=len(true_found) / len(found) if found else 1.0,
        recall=len(true_found) / positives if positives else 1.0,
        score=(
            sum(pain.score_of_10 == note.score_of_10 for note, pain in scored) / scored_total
            if scored_total
            else 1.0
        ),
        side=(
            sum(pain.side == note.side for note, pain in true_found) / len(true_found)
            if true_found
            else 1.0
        ),
        red_flag=(
            sum(is_red_flag(pain) == note.is_red_flag for note, pain in true_found)
            / len(true_found)
            if true_found
            else 1.0
        ),
    )


def misread(batch: list[Note]) -> list[str]:
    """One line per note read wrongly: what the truth says and what was read."""
    lines = []
    for note in batch:
        pain = knee_pain_in(note.text)
        truth = (note.is_knee_pain, note.side, note.score_of_10, note.is_red_flag)
        got = (
            (True, pain.side, pain.score_of_10, is_red_flag(pain))
            if pain
            else (False, None, None, False)
        )
        if truth[0] != got[0] or (truth[0] and truth != got):
            lines.append(f"{note.batch} {note.language} want {truth} got {got}: {note.text}")
    return lines


def table(batch: list[Note]) -> str:
    """The figures of a batch as Markdown rows: all notes, then each language in it."""
    rows = ["| language | notes | negatives | recall | precision | score | side | red flags |"]
    rows.append("|---|---|---|---|---|---|---|---|")
    languages = sorted({note.language for note in batch})
    parts = [("all", batch)]
    if len(languages) > 1:
        parts += [
            (language, [note for note in batch if note.language == language])
            for language in languages
        ]
    for name, part in parts:
        own = figures(part)
        rows.append(
            f"| {name} | {own.notes} | {own.negatives:.0%} | {own.recall:.2f} | "
            f"{own.precision:.2f} | {own.score:.2f} | {own.side:.2f} | {own.red_flag:.2f} |"
        )
    return "\n".join(rows)


if __name__ == "__main__":
    chosen = notes([Path(name) for name in sys.argv[1:]] or None)
    print(table(chosen))
    print("\n".join(misread(chosen)))
