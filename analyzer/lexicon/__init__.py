"""The words runners write about their knees and their days, one module per language.

Each language module (en, de, fr, es, it, nl, da, sv, no, pt) holds a `WORDS` table: the
words for the knee and for pain, sides, negations, "fine" forms, red flags, improvement,
scores and effort ratings, the words that tell the language apart, and the names of months
and weekdays. `analyzer.pain` reads a note with English and the note's own language, found by
`language_of`; the importers read month and weekday names of every language from here.

A table field ending in `_pattern` is a regular expression (alternatives joined by `|`, "" for
none); every other field is a tuple of lower-case words.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Words:
    """One language's words (see the module docstring)."""

    markers: tuple[str, ...]  # common words of this language and no other of the ten
    knee_pattern: str  # a token that names the knee ("knee", "genou", "knæet")
    both_knees: tuple[str, ...]  # knee tokens that mean both knees when no side is said
    knee_pain_pattern: str  # phrases that are knee pain by themselves ("runner's knee")
    not_knee_pattern: str  # knee words not about a sore joint ("knee-high socks")
    someone_elses_knee_pattern: str  # "my friend's knee", "sein Knie"
    past_pattern: str  # a pain of the past ("last year's", "old injury")
    pain_pattern: str  # a token that says pain ("sore", "douleur", "ondt")
    pain_phrase_pattern: str  # phrases that say pain ("acting up")
    other_part_pattern: str  # a token that names another body part ("calf", "mollet")
    swelling_pattern: str
    locking_pattern: str
    giving_way_pattern: str
    sharp_pattern: str
    resolved_pattern: str  # phrases: the pain has gone ("went away", "plus de douleur")
    no_longer_pattern: str  # phrases that negate like "no longer"
    resolved: tuple[str, ...]  # words after the pain: "gone", "weg"
    good_state: tuple[str, ...]  # "fine", "gut", "bien"
    state_fillers: tuple[str, ...]  # words between the knee and its state ("felt", "est")
    negations: tuple[str, ...]  # "no", "kein", "pas", "ikke"
    negation_fillers: tuple[str, ...]  # words between a negation and what it negates
    negations_after: tuple[str, ...]  # negations after the verb ("schmerzt nicht")
    left: tuple[str, ...]
    right: tuple[str, ...]
    both: tuple[str, ...]
    side_gap: tuple[str, ...]  # words between a side and the knee ("my", "outer")
    joiners: tuple[str, ...]  # words joining body parts into one group ("and", "und")
    clause_words: tuple[str, ...]  # words that start a new clause ("but", "aber", "mais")
    pronouns: tuple[str, ...]  # "it" opening a sentence about the knee named before
    improving: tuple[str, ...]  # "better", "besser", "mieux"
    out_of_pattern: str  # "out of" in "7 out of 10" ("von", "sur", "ud af")
    effort_pattern: str  # words of an effort rating ("rpe", "effort", "anstrengung")
    change_pattern: str  # words of a change between two scores ("then", "dann", "puis")
    range_pattern: str  # words of a range of scores ("to", "bis", "à")
    pain_before_number_pattern: str  # "pain" in "pain 7" ("douleur", "dolor")
    not_a_score_after_pattern: str  # units after a bare number ("days", "jours")
    not_pain_score_before: tuple[str, ...]  # a score after these rates something else
    months: tuple[tuple[str, ...], ...]  # twelve tuples of names, January first
    weekdays: tuple[str, ...]  # names and abbreviations of the days of the week


def _languages() -> dict[str, Words]:
    from analyzer.lexicon import da, de, en, es, fr, it, nl, no, pt, sv

    modules = (en, de, fr, es, it, nl, da, sv, no, pt)
    return {module.__name__.rsplit(".", 1)[1]: module.WORDS for module in modules}


LANGUAGES: dict[str, Words] = _languages()
ENGLISH = "en"
_WORD = re.compile(r"[^\W\d_]+")
_MARKERS = {
    code: frozenset(
        (
            *words.markers, *words.negations, *words.good_state, *words.left, *words.right,
            *words.improving, *words.clause_words, *words.resolved,
        )
    )
    for code, words in LANGUAGES.items()
}  # fmt: skip
_OWN_WORDS = {
    code: re.compile(
        f"{words.knee_pattern}|{words.pain_pattern}|{words.other_part_pattern}"
        f"|{words.effort_pattern}|(?:{words.knee_pain_pattern.replace(chr(92) + 'b', '')})"
    )
    for code, words in LANGUAGES.items()
}
_ORDER = {code: rank for rank, code in enumerate(LANGUAGES)}


def language_of(text: str) -> str:
    """The language code of a text: the one with the most of its common, knee and pain words
    in it (on a tie the first of en, de, fr, es, it, nl, da, sv, no, pt; English for none)."""
    found = _WORD.findall(text.lower())
    counts = {
        code: sum(word in markers or bool(_OWN_WORDS[code].fullmatch(word)) for word in found)
        for code, markers in _MARKERS.items()
    }
    best = max(counts, key=lambda code: (counts[code], -_ORDER[code]))
    return best if counts[best] > 0 else ENGLISH


@functools.cache
def words_for(language: str) -> Words:
    """English and `language` together: runners mix English words into their own language."""
    if language == ENGLISH:
        return LANGUAGES[ENGLISH]
    english, own = LANGUAGES[ENGLISH], LANGUAGES[language]
    merged = {}
    for field in fields(Words):
        first, second = getattr(own, field.name), getattr(english, field.name)
        if field.name == "months":
            merged[field.name] = tuple((*a, *b) for a, b in zip(first, second, strict=True))
        elif field.name == "negations":  # Portuguese "no" is "in the", not "no"
            merged[field.name] = (*first, *(word for word in second if word not in own.markers))
        elif field.name.endswith("_pattern"):
            merged[field.name] = "|".join(part for part in (first, second) if part)
        else:
            merged[field.name] = (*first, *second)
    return Words(**merged)


def month_numbers() -> dict[str, int]:
    """Every month name and abbreviation of the ten languages, with its number (1-12)."""
    return {
        name: number
        for words in LANGUAGES.values()
        for number, names in enumerate(words.months, start=1)
        for name in names
    }


def weekday_names() -> frozenset[str]:
    """Every weekday name and abbreviation of the ten languages."""
    return frozenset(name for words in LANGUAGES.values() for name in words.weekdays)
