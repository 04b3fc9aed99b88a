"""How well notes are read, measured on a corpus of notes in ten languages with their truth.

tests/data/knee_notes.tsv holds notes as runners write them (knee pain or not, which knee,
the score out of ten, a red flag), with many hard negatives: "no knee pain", "knee-high
socks", "hip sore 6/10", "effort 8/10, legs fine", "my friend's knee", "last year's knee
injury". The figures are asserted overall and per language.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest

from analyzer.lexicon import LANGUAGES
from analyzer.pain import is_red_flag, knee_pain_in

CORPUS = Path(__file__).parent / "data" / "knee_notes.tsv"
MIN_PRECISION, MIN_RECALL, MIN_LANGUAGE_RECALL_AND_PRECISION = 0.97, 0.95, 0.90
MIN_SCORE, MIN_SIDE, MIN_RED_FLAG = 0.95, 0.95, 0.95


@dataclass(frozen=True)
class Note:
    language: str
    is_knee_pain: bool
    side: str | None
    score_of_10: float | None
    is_red_flag: bool
    text: str


def _notes() -> list[Note]:
    with CORPUS.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [
        Note(
            language=row["language"],
            is_knee_pain=row["knee_pain"] == "1",
            side=row["side"] or None,
            score_of_10=float(row["score"]) if row["score"] else None,
            is_red_flag=row["red_flag"] == "1",
            text=row["text"],
        )
        for row in rows
    ]


NOTES = _notes()


@dataclass(frozen=True)
class Figures:
    notes: int
    precision: float
    recall: float
    score: float  # of the knee-pain notes that carry a score: read exactly
    side: float  # of the knee-pain notes found: the side (or none) right
    red_flag: float  # of the knee-pain notes found: red flag said or not, rightly


def figures(notes: list[Note]) -> Figures:
    """Precision, recall and the share of scores, sides and red flags read right."""
    read = [(note, knee_pain_in(note.text)) for note in notes]
    found = [(note, pain) for note, pain in read if pain is not None]
    true_found = [(note, pain) for note, pain in found if note.is_knee_pain]
    positives = sum(note.is_knee_pain for note in notes)
    scored = [(note, pain) for note, pain in true_found if note.score_of_10 is not None]
    scored_total = sum(note.is_knee_pain and note.score_of_10 is not None for note in notes)
    return Figures(
        notes=len(notes),
        precision=len(true_found) / len(found) if found else 1.0,
        recall=len(true_found) / positives if positives else 1.0,
        score=sum(pain.score_of_10 == note.score_of_10 for note, pain in scored) / scored_total,
        side=sum(pain.side == note.side for note, pain in true_found) / len(true_found),
        red_flag=sum(is_red_flag(pain) == note.is_red_flag for note, pain in true_found)
        / len(true_found),
    )


def test_the_corpus_is_large_varied_and_hard():
    assert len(NOTES) >= 300
    assert sum(not note.is_knee_pain for note in NOTES) / len(NOTES) >= 0.40
    for language in LANGUAGES:
        assert sum(note.language == language for note in NOTES) >= 20, language


def test_notes_are_read_well_overall():
    overall = figures(NOTES)
    assert overall.precision >= MIN_PRECISION
    assert overall.recall >= MIN_RECALL
    assert overall.score >= MIN_SCORE
    assert overall.side >= MIN_SIDE
    assert overall.red_flag >= MIN_RED_FLAG


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_notes_are_read_well_in_each_language(language):
    own = figures([note for note in NOTES if note.language == language])
    assert own.precision >= MIN_LANGUAGE_RECALL_AND_PRECISION
    assert own.recall >= MIN_LANGUAGE_RECALL_AND_PRECISION


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_each_note_is_found_in_its_own_language(language):
    from analyzer.lexicon import language_of

    own = [note for note in NOTES if note.language == language]
    right = sum(language_of(note.text) == language for note in own)
    assert right / len(own) >= MIN_LANGUAGE_RECALL_AND_PRECISION
