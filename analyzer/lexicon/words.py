"""`Words`: the table each language module of `analyzer.lexicon` fills in (see its docstring)."""

from __future__ import annotations

from dataclasses import dataclass


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
