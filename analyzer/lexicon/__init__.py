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
from dataclasses import fields
from typing import Any

from analyzer.lexicon import da, de, en, es, fr, it, nl, no, pt, sv
from analyzer.lexicon.words import Words

# One module per language; each fills in a Words table.
LANGUAGES: dict[str, Words] = {
    module.__name__.rsplit(".", 1)[1]: module.WORDS
    for module in (en, de, fr, es, it, nl, da, sv, no, pt)
}
ENGLISH = "en"
TYPO_TARGET_MIN_CHARS = 4
_WORD = re.compile(r"[^\W\d_]+")
_MARKERS = {
    code: frozenset(
        (
            *words.markers, *words.negations, *words.good_state,
            *(word for word in (*words.left, *words.right) if len(word) > 1),  # not "h", "v"
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
_CODES = list(LANGUAGES)


def language_of(text: str) -> str:
    """The language code of a text: the one with the most of its common, knee and pain words
    in it (on a tie the first of en, de, fr, es, it, nl, da, sv, no, pt; English for none)."""
    return likeliest_languages(text)[0]


def likeliest_languages(text: str) -> list[str]:
    """The languages with the most of their common, knee and pain words in a text, in the
    order en, de, fr, es, it, nl, da, sv, no, pt (["en"] when no language has any)."""
    counts = [0] * len(_ORDER)
    for word in _WORD.findall(text.lower()):
        for rank in _languages_of_word(word):
            counts[rank] += 1
    best = max(counts)
    return (
        [_CODES[rank] for rank in range(len(counts)) if counts[rank] == best] if best else [ENGLISH]
    )


def is_common_word(word: str) -> bool:
    """Whether a lower-case word is a common, knee or pain word of one of the languages (a
    word written capitalised that is none may be a name: "Helmut hat wieder Knieprobleme")."""
    return bool(_languages_of_word(word))


@functools.lru_cache(maxsize=65536)
def _languages_of_word(word: str) -> tuple[int, ...]:
    """The ranks of the languages a word speaks for (most words: none)."""
    return tuple(
        _ORDER[code]
        for code, markers in _MARKERS.items()
        if word in markers or _OWN_WORDS[code].fullmatch(word)
    )


@functools.cache
def words_for(language: str) -> Words:
    """English and `language` together: runners mix English words into their own language."""
    if language == ENGLISH:
        return LANGUAGES[ENGLISH]
    english, own = LANGUAGES[ENGLISH], LANGUAGES[language]
    merged: dict[str, Any] = {}  # each field keeps its own type: tuples of words or a pattern
    for field in fields(Words):
        first, second = getattr(own, field.name), getattr(english, field.name)
        if field.name == "months":
            merged[field.name] = tuple((*a, *b) for a, b in zip(first, second, strict=True))
        elif field.name == "numbers":  # "drei|three"
            merged[field.name] = tuple(f"{a}|{b}" for a, b in zip(first, second, strict=True))
        elif field.name == "negations":  # Portuguese "no" is "in the", not "no"
            merged[field.name] = (*first, *(word for word in second if word not in own.markers))
        elif field.name.endswith("_pattern"):
            merged[field.name] = "|".join(part for part in (first, second) if part)
        else:
            merged[field.name] = (*first, *second)
    return Words(**merged)


def typo_targets(language: str) -> tuple[str, ...]:
    """The knee, pain and side words of a language (with English) that a one-letter typo is
    read as: those of four letters or more ("kne" is Norwegian, "knew" is not a typo)."""
    words = words_for(language)
    return tuple(
        dict.fromkeys(
            word
            for word in (*words.spelled_knee, *words.spelled_pain, *words.left, *words.right)
            if len(word) >= TYPO_TARGET_MIN_CHARS
        )
    )


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
