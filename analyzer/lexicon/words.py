"""`Words`: the table each language module of `analyzer.lexicon` fills in (see its docstring)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Words:
    """One language's words (see the module docstring)."""

    markers: tuple[str, ...]  # common words of this language and no other of the ten
    knee_pattern: str  # a token that names the knee ("knee", "genou", "knæet")
    spelled_knee: tuple[str, ...]  # the knee words a one-letter typo is matched to ("knee")
    both_knees: tuple[str, ...]  # knee tokens that mean both knees when no side is said
    knee_pain_pattern: str  # phrases that are knee pain by themselves ("runner's knee")
    not_knee_pattern: str  # knee words not about a sore joint ("knee-high socks")
    someone_elses_knee_pattern: str  # "my friend's knee", "sein Knie"
    other_people_pattern: str  # another person as the one who speaks or hurts ("my friend has")
    other_subjects: tuple[str, ...]  # pronouns of another person as subject ("he", "she")
    pronouns: tuple[str, ...]  # "it" in "By the end it was a 5": the knee just named
    own: tuple[str, ...]  # "my": "coach said my knee looked swollen" is the runner's knee
    past_pattern: str  # a pain of the past, recalled ("last year's", "remember when")
    hypothetical_pattern: str  # a pain hoped away, feared or supposed ("hope", "if", "in case")
    topic_pattern: str  # the knee as a topic, not a feeling ("a podcast on", "asked about")
    media_pattern: str  # what one reads, hears or watches ("thread", "podcast"): a title beside
    # it in quotes is a topic ("the 'knee pain' thread")
    about_pattern: str  # "about", "über", "om": a knee pain's name after it is a topic ("a talk
    # about runner's knee", "Klubbmøte om løperkne")
    pain_pattern: str  # a token that says pain ("sore", "douleur", "ondt")
    spelled_pain: tuple[str, ...]  # the pain words a one-letter typo is matched to ("pain")
    pain_phrase_pattern: str  # phrases that say pain ("acting up", "playing up")
    other_part_pattern: str  # a token that names another body part ("calf", "mollet")
    not_part_pattern: str  # a part's word in a phrase that names no part ("back down", "on
    # foot", "à pied", "zu Fuß"): no part
    compound_links: tuple[str, ...]  # what may join a body part to the word after it in one
    # word ("wadenschmerzen", "kuitpijn", "lårmuskler": "", "s", "n"): none where words are not
    # written together, as in English
    swelling_pattern: str
    locking_pattern: str
    giving_way_pattern: str
    sharp_pattern: str
    weight_bearing_pattern: str  # the leg will not take weight ("can't put weight on it"), with
    # the limb it names ("no puedo apoyar el pie"): a red flag, not another part's pain
    resolved_pattern: str  # phrases: the pain has gone ("went away", "plus de douleur")
    no_longer_pattern: str  # phrases that negate like "no longer"
    exception_pattern: str  # "except", "apart from": what follows is not negated
    resolved: tuple[str, ...]  # words after the pain: "gone", "weg"
    good_phrase_pattern: str  # phrases of a good state ("better than ever", "like new")
    hedged_pattern: str  # a state neither fine nor sore ("ok-ish", "so lala"): not fine
    say_pattern: str  # "I'd say", "ich sag mal", "vil si": a rating follows
    legs: tuple[str, ...]  # the leg ("leg", "Bein", "jambe"): a side said of it is the knee's
    # ("can't stand on the left leg", "venstre bein")
    good_state: tuple[str, ...]  # "fine", "gut", "bien"
    state_fillers: tuple[str, ...]  # words between the knee and its state ("felt", "est")
    negations: tuple[str, ...]  # "no", "kein", "pas", "ikke"
    negation_fillers: tuple[str, ...]  # words between a negation and what it negates
    negations_after: tuple[str, ...]  # negations after the verb ("schmerzt nicht")
    answers_no: tuple[str, ...]  # an answer after "?" or ":" that says none ("none", "nope")
    answers_yes: tuple[str, ...]  # an answer after "?" that says yes ("y", "ja", "sim"): a form's
    # "Any pain? Y. Where? knee (L)" is pain of the knee the next field names
    person_verbs: tuple[str, ...]  # a verb of a third person ("has", "hat", "tiene", "har") that
    # a name before ("Helmut hat wieder Knieprobleme") makes another person's complaint
    first_person: tuple[str, ...]  # "I", "ich", "jeg": the runner, never a name
    that_words: tuple[str, ...]  # "that", "dass", "que": a frame goes on after a comma into the
    # clause they start ("Ich habe Angst, dass das Knie ...")
    left: tuple[str, ...]
    right: tuple[str, ...]
    both: tuple[str, ...]
    location_words: tuple[str, ...]  # "behind" in "hamstring sore behind the knee": a place
    from_words: tuple[str, ...]  # "from" in "went from 2/10 to ...": a score left behind
    side_nouns: tuple[str, ...]  # "side" in "right side": a side said on its own
    side_gap: tuple[str, ...]  # words between a side and the knee ("my", "outer"), and asides
    # that may stand beside a side said on its own ("Links übrigens.", "left btw")
    joiners: tuple[str, ...]  # words joining body parts into one group ("and", "und")
    clause_words: tuple[str, ...]  # words that start a new clause ("but", "aber", "mais")
    sequence: tuple[str, ...]  # words of a later state ("then", "until"): "ok, then sore"
    returned_pattern: str  # "is back", "ist wieder da": the pain has come back (not the back)
    continuing: tuple[str, ...]  # "still", "again": the pain goes on from before
    improving: tuple[str, ...]  # "better", "besser", "mieux"
    out_of_pattern: str  # "out of" in "7 out of 10" ("von", "sur", "ud af")
    numbers: tuple[str, ...]  # eleven patterns: the words for 0 to 10 ("zero|nil", "one" ...)
    score_cues: tuple[str, ...]  # words before a bare number that make it a rating ("around")
    count_pattern: str  # units and counted things beside a number ("km", "reps", "days")
    previous_day_pattern: str  # "yesterday", "last night": "sore yesterday, fine today" is fine
    earlier_pattern: str  # a score of before ("yesterday", "from"): not the current one
    later: tuple[str, ...]  # a score of later ("now", "finished"): the current one
    now_pattern: str  # "now", "today": "antes me dolía la rodilla, ahora nada" is fine now
    effort_pattern: str  # words of an effort rating ("rpe", "effort", "anstrengung")
    change_pattern: str  # words of a change between two scores ("then", "dann", "puis")
    range_pattern: str  # words of a range of scores ("to", "bis", "à")
    not_pain_score_before: tuple[str, ...]  # a score after these rates something else
    months: tuple[tuple[str, ...], ...]  # twelve tuples of names, January first
    weekdays: tuple[str, ...]  # names and abbreviations of the days of the week
