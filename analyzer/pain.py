"""Reading knee pain out of a runner's notes: which knee, how bad, and the red-flag words.

Runners write "left knee sore, 3/10", "pain below the kneecap", "ITB flared up on the
downhill", "Knie tut weh", "douleur au genou droit" or "ondt i venstre knæ", and just as often
"no knee pain", "knee fine", "Knee pain? None." or "hope the knee holds up on Sunday". Each
note is read in English and in its own language, found from its words
(`analyzer.lexicon.language_of`: en, de, fr, es, it, nl, da, sv, no, pt), with that language's
words (the tables live in analyzer/lexicon/); a note that names the knee only in another of
the ten languages is read in that one, whose tables hold English too ("Long run, knæet
(venstre) began to ache at km 20, 4/10"). A note is read as a whole, not sentence by sentence:

- **Body parts.** A knee mention: knee, kneecap, patella, the IT band (outer knee pain), Knie,
  genou, rodilla, ginocchio, knæ, knä, kne, joelho ..., "L kn"; "runner's knee", "ITB syndrome",
  "Knieschmerzen" are pain by themselves. Another person's knee ("my friend's knee", "Sarah's knee",
  "sein Knie", a name's: "Lenas Knie", "le genou de Marc") and the knee words of kit and drills
  ("knee-high socks", "high knees", "knee sleeve") are not the runner's knee. One-letter typos of
  the knee, pain and side words are read as the word ("kneee", "pian", "lft", "rigth"; rapidfuzz
  measures the distance), unless the word is a real word of the language ("knew", "tight"). A side
  written onto the knee word is its side ("lknee", "linkerknie", "venstreknæet"), and so is a side
  written short ("li", "re", "vä", "hø", "v", "h", "izq", "dcha", "sx", "esq", "g"), a side said of
  the leg ("can't stand on the left leg", "venstre bein", "jambe droite"), one said by the knee
  named again in a later sentence ("... 4/10. höger knä alltså") or by "the left one" after the
  knees of its sentence, and one said last in the part's clause ("the jumper's knee is still there
  on the right", "à droite", "til højre"). A knee typed without its accent is the knee ("vanster kna
  varker"). Another part written together with its pain or another part is that part
  ("Wadenschmerzen", "kuitpijn", "lårmuskler"), in the languages that write words together. A part's
  word in a phrase that names no part ("back down", "walked back", "on foot", "à pied", "zu Fuß") is
  none.
- **Evidence.** Pain words (pain, sore, ache, hurt, niggle, and the runners' verbs: bothering,
  bugging, killing me, grumbling, playing up, flaring ...), red flags, scores, and "not
  fine"/"hasn't gone away yet" (a good state or a resolution negated). Each belongs to the nearest
  body part of its clause; in a clause that names none, to the nearest of its sentence ("Swollen
  again after the long run yesterday, L knee"), else to the part the sentence before named last
  ("Left knee felt off. It's sore now."; a sentence of one word, as in "Knie. Links. Wieder. ...",
  puts it no further away); a later sentence's score goes to the knee pain of the sentence before
  ("itb flaring again outside of r knee. ended 5/10"). So "calf sore, knee fine" is not knee pain,
  "knee and calf sore" is. A knee said to be fine in its own clause takes no evidence from other
  clauses unless a later state is said ("knee ok for the first half, then niggly", "fine on the way
  up but coming down the right one started to ache"). A red flag reaches as far in its clause as a
  score ("... ha cominciato a fare male (7/10) e si è gonfiato a fine gara"). A form's pain question
  answered yes is pain of the knee its next field names, and its intensity field the score ("Any
  pain? Y. Where? knee (L). Score /10: 3", "dor? sim. local: joelho direito. intensidade (0-10):
  4"); a knee asked of and not said fine takes the score of the answer ("how's the knee? me: meh.
  2/5 on the run").
  "Better" said of the knee, or in a clause of its own after it ("knee update: much better"),
  is pain that eases, and takes its score ("knee better now, 1/10", "joelho bem melhor, 1/10":
  a good word right before "better" says how much better, not a good state). A pictograph
  other than a face of pain ends a clause, as a comma would ("no knee pain 👍 ankle 3/10").
- **Scopes.** A negation reaches a few words ahead ("no knee pain", "knee isn't sore",
  "keine Knieschmerzen", "das Knie schmerzt nicht"), a resolution after ("knee pain gone");
  "except"/"apart from" turns a negated or fine clause round for the knee it names ("no pain
  anywhere except the left knee"); a negative answer after "?" or ":" ("Knee pain? None.",
  "knee: nil") is no pain, and so is "nothing to report" ("rien à signaler", "nichts zu
  berichten").
- **Frames.** From its cue to the end of the clause, nothing is current pain: the past recalled
  ("last year's knee injury", "remember when my knee swelled up", "back in 2022"), the
  hypothetical ("hope the knee holds up", "if it flares", "worried the knee might", "terrified
  the knee flares up", "Angst, dass das Knie ...": the frame goes on into its "that"), a time
  ago ("2 yrs ago my L knee locked", "vor 2 Jahren", "il y a 2 ans"; a sentence it opens stays
  in the past to its end but for a clause of now), a topic
  ("a podcast on runner's knee", "a talk by the club physio on", "coach asked about my knee", a
  title in quotes beside what one reads: "the 'knee pain' thread", "las over runner's knee"),
  another person ("my buddy has knee pain", "my teammate hurt her knee", "his swollen knee",
  "Treningskompisen min har vondt", "she said", "my athlete reports", "one of my beginners",
  "Uma aluna reclamou", "whoever has knee pain", the pain of "her" or "him": "knie doet haar
  pijn", "le duele", "ele reclamou"; a name the word tables do not know, then a verb of a third
  person and the pain: "Helmut hat wieder Knieprobleme", "Javi tiene la rodilla hinchada"; but a
  coach's "athlete reports L knee pain" is the log's own runner). "My" undoes another person's frame
  and a topic's ("told the physio about my sore knee, 4/10" is the runner's pain).
  "Better than last year" compares with the past: no pain eases today; a year right after an
  injury is the past too ("knäskada 2020"), and so are the weeks after one ("Drie maanden na
  de blessure", "Um ano depois da lesão"). A knee pain's name after "about" is a topic ("a
  talk about runner's knee", "um Läuferknie", "om løperkne"), as is one before a medium
  ("runners knee ep"); what another reports is theirs ("according to her", "d'après elle", a
  cue ending the clause of the score). A knee in a frame takes no pain word from outside it,
  and a knee feared for or recalled no score ("ho paura per il ginocchio, oggi 6 facili"). A
  knee said pain-free in a sentence of now after its pain ("Im Januar ... Probleme. Jetzt ...
  komplett schmerzfrei"), or "the least of my problems", is fine. Pain said before, then
  nothing now ("antes me dolía la rodilla, ahora nada", "... Heute gar nichts") is a knee fine
  now; "no" said of a thing ("hoy no corro", "oggi niente corsa": no run today) is not.

Scores out of ten are read in every common form: "7/10", "7 / 10", "4/10ish", "~4/10", "7 out of
10", "three out of ten", "6 of 10" (only when the words make it a rating: "km 7 of 10" and "7 of
10 reps" are counts), "pain 7", "VAS 4", "(pain 3)", "around a 3", "maybe a 4", "a solid six",
"noch so ne 3", "5 em 10", "I'd say five out of ten" ("ich sag mal", "vil si", "je dirais"), a
bare number right after the knee or a side ("L knee 5", "L 3 R 0", "knæet er på 7", "il
destro direi 2"), a key=value cell ("knee_R=2").
A range counts its higher end ("6-7/10"), a change its latest ("3/10 -> 5/10", "started at 3/10,
finished at 6/10", "3/10 this morning, now 1/10", "was 5, now 3", "6/10 at the finish, three now",
"da 5 a 2"), scores side by side the highest ("L 2/10, R 4/10" is both knees at 4; "3/10 walking,
5/10 running" is 5). A score of before ("yesterday", "from") gives way to a current one, bare or not
("6/10 yesterday, today down to 4", "3 at the start, 5 by the finish", "3 op 10, maar vorige maand
was het nog een 6", "fra 5/10 til 2/10"); a time of day is no later time ("4/10 le matin, 2/10 le
soir" is 4);
an effort rating beside a score is its own
("knee 0/10, RPE 8"); a score said of an earlier day gives way to one said of today in a
later sentence ("el martes ... un 5/10. Hoy ... sigue en un 3" is 3), and a bare number joined
to a score is on its scale ("4 su 10 camminando e 6 correndo" is 6), as is a form's field
("Score /10: 3", "(0-10): 4"). Effort and fatigue ratings are never pain ("RPE 7", "effort
8/10", "a 7/10 effort", "a 9/10 run", "Fatica 8/10"), nor are dates ("Mon 4/10", "4/10/2026")
and minutes ("r=1'", "5'30"). A score out of five is read out of ten ("2/5" is 4/10, "3 sur 5"
6).

Red flags (see a professional at once: docs/EVIDENCE.md#knee-pain-note): swelling ("puffed
up"), locking ("catches", "stuck"), giving way ("buckled", "went out from under me", "eingeknickt",
"klapt soms door", "knickt manchmal weg", "cède"), sharp pain, and a leg that will not bear
weight ("couldn't put any weight on it", "no puedo apoyar el pie": the limb it names is not
another part's pain; "knee wouldn't take my weight", "trug mich nicht").

`knee_notes` reads a table of notes and adds, per note, `knee_pain` (a `KneePain` or None)
and `is_knee_clear`. Given an episode gap, notes of one athlete are read in date order as
episodes (pain notes no more than `episode_gap_days` apart, not ended by a "knee fine" note:
the episodes of persistent-knee-pain, whose setting the gap is; see
`analyzer.checkers._knee.episode_gap_days`), which gives the fields the knee line and trend
use:

- `KneePain.is_easing`: the note scores the knee lower than its episode's last scored note,
  or says it is better ("knee much better, 1/10").
- `KneePain.side_from_episode`: the note said "still"/"again", or that the knee is better,
  and no side, and took the side of its episode ("still sore this morning" or "knee much
  better" after "left knee sore").
- `KneePain.is_follow_up`: the note names no body part but says "still"/"again" with a pain
  word in an open episode ("still aching after the run, 3/10"): read as the episode's knee.
"""

from __future__ import annotations

import functools
import importlib
import itertools
import operator
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from rapidfuzz import process
from rapidfuzz.distance import OSA

from analyzer.lexicon import (
    ENGLISH,
    LANGUAGES,
    TYPO_TARGET_MIN_CHARS,
    Words,
    is_common_word,
    language_of,
    likeliest_languages,
    typo_targets,
    words_for,
)
from analyzer.lexicon.real_words import REAL_WORDS_NEAR_TARGETS

RED_FLAGS = ("swelling", "locking", "giving way", "sharp pain", "not bearing weight")
SIDES = ("left", "right", "both")
MAX_SCORE_OF_10 = 10.0

# A note is read only when it has one of these (a cheap vectorised first pass) or a word one
# letter away from a knee word.
_KNEE_HINT = "|".join(
    (
        r"patell|\bit[- ]?bands?\b|\bitbs?\b|iliotibial|chondromalac|condromalac|\bpfps\b",
        *(
            rf"\b{word}\b" if len(word) <= 3 and word.isascii() else word  # "kn", "acl": words
            for words in LANGUAGES.values()
            for word in words.knee_pattern.split("|")
        ),
        *(words.knee_pain_pattern for words in LANGUAGES.values()),
    )
)
_KNEE_HINT_PATTERN = re.compile(_KNEE_HINT)  # of lower-case text
# A note that may carry an episode on: "still", "again", "noch", "encore", "igen" ...
_CONTINUING_HINT = (
    r"\b(?:"
    + "|".join(re.escape(word) for words in LANGUAGES.values() for word in words.continuing)
    + r")\b"
)
# pyarrow's regular expressions (RE2) know word boundaries in ASCII only ("ännu", "ømt"); a
# class of the Latin letters is much faster there than Unicode's \pL
_RE2_WORD_EDGE = r"(?:^|$|[^a-zß-ɏ0-9_])"
_WORD = re.compile(r"[^\W\d_]{3,}")
# The IT band rubs at the outer knee: ITB pain counts as knee pain, in every language.
_IT_BAND = r"\bit[- ]?bands?\b|\biliotibial(?: band| tract)?\b|\bitb\b"
_TOKEN = re.compile(
    r"_(?:of)?score_[\d.,]+_|_[a-z_]+_"  # what the phrases made
    r"|\d+:\d+"  # a time or a pace: never a score
    r"|\d+['′]\d*(?:''|[\"″])?(?!\w)"  # minutes and seconds ("r=1'", "5'30"): never a score
    r"|\d+(?:[.,]\d+)?(?:[^\W\d_]+|%)?"  # a number, with a unit glued on ("10k", "3rd")
    r"|[^\W\d_]+(?:'[^\W\d_]+)*"  # a word
    r"|[,;:()\[\]|?¶~]|(?<=\s)[-–—](?=\s)"  # the marks that end a clause
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+|(?<=[.!?])$")
_ABBREVIATED_WORD = re.compile(r"(\w+)\.$")
_DIGIT = re.compile(r"\d")
# Python's own parse of a regular expression (the module re compiles with), for `_gated`. It
# is private: a Python without it reads every note the same, only slower (no gate).
try:
    _RE_PARSER: Any = importlib.import_module("re._parser")
except ImportError:
    _RE_PARSER = None
_WIDEST_RANGE = 1000  # a character range wider than this is no gate
_ELISION = re.compile(r"^(l|d|j|n|m|s|c|t|qu|un|dell|all|nell|sull)'(\w.*)$")
# A letter written three times or more ("sooooore", "kneeee") is read written twice
_STRETCHED = re.compile(r"([^\W\d_])\1{2,}")
# Word endings a pain word may take that its table does not list ("flaring", "achiness")
_ENDINGS = ("ing", "ed", "es", "s", "y", "iness", "ness", "ly")
# A face that says it hurts: "knee :(", "knee 😖"
_EMOTICON = re.compile(r":-?\(|:'\(|[☹🙁😖😣😫😩🤕😬😢😭😞😤😟]")
# Any other pictograph ends a clause, as a comma would: "no knee pain 👍 ankle 3/10"
_PICTOGRAPH = re.compile(r"[\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]")
_YEAR = re.compile(r"(?:19|20)\d\d")
# a key of a key=value cell with its side after "_" ("knee_R=2 hip_L=5", "Knie_li=3"): read as
# the side before the part ("R knee=2")
_KEYED_SIDE = re.compile(r"\b([^\W\d_]+)_([^\W\d_]{1,6})(?=\s*[=:])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_ABBREVIATION_MAX_CHARS = 4
# A word written capitalised (a name may be one: "Helmut hat wieder Knieprobleme")
_CAPITALISED = re.compile(r"(?<![\w'])[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,}(?![\w'])")
# What may stand before a turn of a pasted chat: "[18:02] Ana:", "| Tom:", a new line
_TURN_STARTS = frozenset({"¶", "|", "]", ")", "-", "–", "—", ";"})
_CLOCK = re.compile(r"\d{1,2}:\d\d")
# what may stand between a bare score and its cue: "knee: 3", "a 3", "knæet er på 7" ("at 7")
_BEFORE_A_BARE_SCORE = frozenset({":", "=", "(", "~", "a", "an", "-", ",", "på", "bei", "op", "à"})
_SAID_GAP_CHARS = 3  # "que", "le", "på": the short words between a name's verb and its pain
_NAME_REACH_TOKENS = 4  # "Javi tiene la rodilla derecha hinchada": the pain this far on
# Where a verb comes second, a word before it need not be its subject ("Bergab hat das Knie
# gezwickt"): there an article after the verb says the subject is another
_VERB_SECOND = frozenset({"de", "nl", "da", "sv", "no"})
_CUT_SIDE_MAX_CHARS = 2  # "v.", "li.": a side word cut to its first letters, with a period
_EXCERPT_MAX_CHARS = 200
_NAME_OF = frozenset({"de", "di", "do", "da"})  # "le genou de Marc": the knee of a name
_KNEE_ONE = frozenset({"one", "ones"})  # "the left one": the knee named again with its side
_LONG_NOTE_CHARS = 4000  # a longer note is read around its knee words only
_AROUND_KNEE_CHARS = 400
_WINDOW_TOKENS = 8  # a pain word this far from the body part of its clause is not about it
_SCORE_WINDOW_TOKENS = 16  # "R knee a bit grumpy on the downhills today (3/10)"
_NEGATION_REACH_TOKENS = 4  # a negation this far before, across fillers only
_RESOLVED_REACH_TOKENS = 6  # "the knee pain from last week is gone"
_CACHED_TOKENS = 100_000  # the kinds of this many words are kept
_ASIDE_MAX_TOKENS = 2  # "(ITB?)": a bracket this short is part of its clause
_SCORE_CONTEXT_TOKENS = 3  # "finished at 6/10", "3/10 this morning": a score's time
_SENTENCES_BACK = 2  # evidence in a sentence naming no body part: the part named this far back
_TYPO_MIN_CHARS = 3
_WEEKDAY_MIN_CHARS = 3  # "Mon 4/10" is a date; "so 4/10" ("so", German Sunday) may be a score
_EFFORT = "_effort_"  # an effort rating, whole ("RPE 8/10"): never the pain's score
_BARE_CONTRACTIONS = {
    "dont", "didnt", "isnt", "wasnt", "doesnt", "hasnt", "havent", "wont", "cant", "arent",
}  # fmt: skip
_BREAKS = {",", ";", ":", "(", ")", "[", "]", "|", "?", "¶", "-", "–", "—"}

# What a token is (bits: a token can be several things, "right" a side, "sore" pain)
KNEE, KNEE_PAIN, OTHER_PART, PAIN = 1, 1 << 1, 1 << 2, 1 << 3
SWELLING, LOCKING, GIVING_WAY, SHARP = 1 << 4, 1 << 5, 1 << 6, 1 << 7
NEGATION, NEGATION_AFTER, NEGATION_FILLER, RESOLVED = 1 << 8, 1 << 9, 1 << 10, 1 << 11
GOOD, STATE_FILLER, LEFT, RIGHT = 1 << 12, 1 << 13, 1 << 14, 1 << 15
BOTH, SIDE_GAP, SIDE_NOUN, JOINER = 1 << 16, 1 << 17, 1 << 18, 1 << 19
CLAUSE_WORD, EXCEPTION, SEQUENCE, IMPROVING = 1 << 20, 1 << 21, 1 << 22, 1 << 23
CONTINUING, FRAME, NOT_PAIN_BEFORE, COUNT = 1 << 24, 1 << 25, 1 << 26, 1 << 27
SCORE_CUE, ANSWER_NO, NUMBER, SCORE = 1 << 28, 1 << 29, 1 << 30, 1 << 31
OF_SCORE, LATER, BREAK, PAST = 1 << 32, 1 << 33, 1 << 34, 1 << 35
LOCATION, FROM, OTHER_PERSON, OWN, PRONOUN = 1 << 36, 1 << 37, 1 << 38, 1 << 39, 1 << 40
NO_WEIGHT, TOPIC, ANSWER_YES, PERSON_VERB = 1 << 41, 1 << 42, 1 << 43, 1 << 44
FLAGS = SWELLING | LOCKING | GIVING_WAY | SHARP | NO_WEIGHT
# what may follow a "nothing" said of now: "now nothing at all", "heute gar nichts gespürt"
_NOTHING_FILLERS = NEGATION | NEGATION_FILLER | STATE_FILLER | ANSWER_NO | BREAK
PARTS = KNEE | KNEE_PAIN | OTHER_PART
SIDE = LEFT | RIGHT | BOTH
# what may stand between a name's verb and the pain: "hat wieder", "has a sore", "has knee pain"
_NAME_GAP_KINDS = CONTINUING | KNEE | NEGATION_FILLER | STATE_FILLER | PERSON_VERB
# the kinds `_Note.pain` reads a token for (a token of none is passed over)
_READ_KINDS = (
    KNEE_PAIN | PAIN | FLAGS | GOOD | RESOLVED | SCORE | OF_SCORE | NUMBER | SIDE | IMPROVING
) | (ANSWER_NO | NEGATION)
# what a clause that says a side on its own may hold besides the side: "la derecha", "R. Hurts"
_SIDE_CLAUSE_KINDS = (
    BREAK
    | SIDE_GAP
    | JOINER
    | SIDE_NOUN
    | PAIN
    | FLAGS
    | SCORE
    | OF_SCORE
    | CONTINUING
    | NEGATION_FILLER
)
_FLAG_NAMES = {
    SWELLING: "swelling",
    LOCKING: "locking",
    GIVING_WAY: "giving way",
    SHARP: "sharp pain",
    NO_WEIGHT: "not bearing weight",
}
_PLACEHOLDERS = {
    "_knee_": KNEE,
    "_knee_pain_": KNEE_PAIN,
    "_other_word_": OTHER_PART,
    "_pain_": PAIN,
    "_swell_": SWELLING,
    "_locking_": LOCKING,
    "_giving_way_": GIVING_WAY,
    "_sharp_": SHARP,
    "_no_weight_": NO_WEIGHT,
    "_resolved_": RESOLVED,
    "_not_": NEGATION | NEGATION_AFTER,
    "_past_": FRAME | PAST,
    "_hypo_": FRAME,
    "_topic_": FRAME | TOPIC,
    "_them_": FRAME | OTHER_PERSON,
    "_except_": EXCEPTION | CLAUSE_WORD,
    "_effort_": NOT_PAIN_BEFORE,
    "_again_": CONTINUING,  # "knee pain is back": not the back
    "_good_": GOOD,  # "better than ever"
    "_hedged_": 0,  # "ok-ish", "so lala": neither fine nor sore, so the knee is not fine
    "_no_part_": 0,  # "back down", "on foot": a part's word naming no part
    "_left_": LEFT,  # "li.", "v.": a side written short, with its period
    "_right_": RIGHT,  # "dr.", "h."
    "_left_leg_": LEFT | SIDE_NOUN,  # "the left leg": the side of the knee, not another part
    "_right_leg_": RIGHT | SIDE_NOUN,
    "_say_": SCORE_CUE,  # "I'd say", "ich sag mal": a rating follows
    "_to_": 0,  # the end of a change of scores ("from 5/10 to 2/10")
}


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True) if word)


@dataclass(frozen=True)
class _Grammar:
    """One language's words (with English) compiled for reading notes."""

    language: str
    phrases: re.Pattern[str]  # the phrases that become one token, in one pass
    phrase_tokens: tuple[str, ...]  # the token of each phrase group
    number_words: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...]
    scores: re.Pattern[str]  # the scores, in one pass (`_score_token` writes their tokens)
    kinds: dict[str, int]  # a word's kinds, from the word lists
    patterns: tuple[tuple[re.Pattern[str], int], ...]  # a word's kinds, from the patterns
    compound_links: tuple[str, ...]
    typo_targets: tuple[str, ...]
    typo_kinds: dict[str, int]  # a typo target's kinds ("swollen": pain and swelling)
    real_words: frozenset[str]  # real words one letter away from a target: never typos
    earlier: re.Pattern[str]
    previous_day: re.Pattern[str]
    now: re.Pattern[str]  # "now", "today" (of a clause's tokens joined)
    titles: re.Pattern[str]  # a title in quotes beside what one reads: "the 'knee pain' thread"
    side_abbreviations: frozenset[str]  # "li.", "izq.", "dcha.": a period that ends no sentence
    both_knees: frozenset[str]
    weekdays: frozenset[str]
    that_words: frozenset[str]
    first_person: frozenset[str]  # "me", "ich", "moi": the runner's own turn in a chat
    not_names: frozenset[str]  # "ich", "jeg", weekdays, months: capitalised, never a name
    about: re.Pattern[str]  # "about", "über", "om" (and a word not "my") ending the tokens joined
    media: re.Pattern[str]  # "podcast", "ep", "Folge": what one reads, hears or watches
    cache: dict[str, int] = field(default_factory=dict)

    def tokens(self, text: str) -> list[str]:
        """The tokens of a lower-case text: words, marks, and one token per phrase or score."""
        text = _PICTOGRAPH.sub(" | ", _EMOTICON.sub(" _pain_ ", text))
        text = _STRETCHED.sub(r"\1\1", text)  # "sooooore": "soore"
        text = self.titles.sub(_title_token, text)
        text = self.phrases.sub(self._phrase_token, text)
        for pattern, number in self.number_words:
            text = pattern.sub(number, text)
        if _DIGIT.search(text):  # every score form has a digit
            text = self.scores.sub(_score_token, text)
        tokens: list[str] = []
        for found in _TOKEN.findall(text):
            if "'" not in found:  # most tokens: no elision, no quote to strip
                tokens.append(found)
                continue
            elided = _ELISION.match(found)
            if elided:  # "l'anno", "d'une": the article keeps its mark ("d'" is not "d", right)
                tokens += [f"{elided[1]}'", elided[2].strip("'")]
            elif token := found if found[0].isdigit() else found.strip("'"):
                tokens.append(token)
        if "_knee_pain_" in tokens or "_knee_" in tokens:
            self._knee_pain_topics(tokens)
        return tokens

    def _knee_pain_topics(self, tokens: list[str]) -> None:
        """A knee pain's name said as a topic becomes one: after "about" ("a talk about runner's
        knee", "es ging nur um Läuferknie", "Klubbmøte om løperkne"; not "about my runner's
        knee") or before what one reads or hears ("runners knee podcast", "runners knee ep of
        that podcast on": a topic's phrase)."""
        for index, token in enumerate(tokens):
            if token not in {"_knee_pain_", "_knee_"}:
                continue
            after = tokens[index + 1] if index + 1 < len(tokens) else ""
            if (
                after == "_topic_"
                or self.media.fullmatch(after)
                or self.about.search(" ".join(tokens[max(0, index - 4) : index]))
            ):
                tokens[index] = "_topic_"

    def _phrase_token(self, match: re.Match[str]) -> str:
        return self.phrase_tokens[match.lastindex - 1 if match.lastindex else 0]

    def kind(self, token: str) -> int:
        """What a token is: the OR of its kinds (0 for a word the reader has no use for)."""
        found = self.cache.get(token)
        if found is None:
            found = self._kind(token)
            if len(self.cache) < _CACHED_TOKENS:
                self.cache[token] = found
        return found

    def _kind(self, token: str) -> int:
        if token.startswith("_"):
            if token.startswith("_score_"):
                return SCORE
            if token.startswith("_ofscore_"):
                return OF_SCORE
            return _PLACEHOLDERS.get(token, 0)
        found = self.known_kind(token)
        if token[0].isdigit():
            return found | (NUMBER if _number_value(token) is not None else 0)
        if not found:
            found = (
                self._inflected_kind(token)
                or self._sided_knee(token)
                or self._compound_part(token)
                or self._typo_kind(token)
            )
        return found

    def _compound_part(self, token: str) -> int:
        """Another body part written together with its pain or another part ("wadenschmerzen",
        "kuitpijn", "lårmuskler", "hüftschmerzen"): that part, in the languages that write so."""
        for size in range(_TYPO_MIN_CHARS, len(token) - _TYPO_MIN_CHARS + 1):
            head = token[:size]
            if not (self.known_kind(head) | self.known_kind(head + "e")) & OTHER_PART:
                continue
            for link in self.compound_links:
                tail = token[size + len(link) :]
                if (
                    token.startswith(link, size)
                    and len(tail) >= _TYPO_MIN_CHARS
                    and self.known_kind(tail) & (PAIN | OTHER_PART)
                ):
                    return OTHER_PART
        return 0

    def _sided_knee(self, token: str) -> int:
        """A side written onto the knee word ("lknee", "rknie", "linkerknie", "venstrekne"):
        the knee, with its side."""
        for size in range(1, len(token) - 1):
            side = self.kinds.get(token[:size], 0) & (LEFT | RIGHT)
            if side and self.known_kind(token[size:]) & KNEE:
                return KNEE | side
        return 0

    def _inflected_kind(self, token: str) -> int:
        """The pain kind of a pain word with an ending its table lacks ("flaring": "flare",
        "throbbing": "throb", "achiness": "achy")."""
        for ending in _ENDINGS:
            stem = token.removesuffix(ending)
            if stem == token or len(stem) < _TYPO_MIN_CHARS:
                continue
            for base in (
                stem,
                stem + "e",
                stem + "y",
                stem[:-1] if stem[-1:] == stem[-2:-1] else "",
            ):
                if base and self.known_kind(base) & PAIN:
                    return PAIN
        return 0

    def known_kind(self, token: str) -> int:
        """What a token is by the word lists and patterns (typos aside)."""
        found = self.kinds.get(token, 0)
        for pattern, kind in self.patterns:
            if pattern.fullmatch(token):
                found |= kind
        return found

    def _typo_kind(self, token: str) -> int:
        """The kind of the knee, pain or side word one letter away ("kneee", "pian", "lft")."""
        if len(token) < _TYPO_MIN_CHARS or not token.isalpha() or token in self.real_words:
            return 0
        match = process.extractOne(token, self.typo_targets, scorer=OSA.distance, score_cutoff=1)
        return 0 if match is None else self.typo_kinds[match[0]]


@functools.cache
def _grammar(language: str) -> _Grammar:
    words: Words = words_for(language)
    # the phrases that become one token each, found in one pass (the first listed wins)
    phrases = [
        (words.someone_elses_knee_pattern, " _other_word_ "),
        (words.not_knee_pattern, " _other_word_ "),
        (words.knee_pain_pattern, " _knee_pain_ "),
        (_IT_BAND, " _knee_ "),
        # before the frames and "bar" (except): "kunne ikke bære", "bar inte min vikt"
        (words.weight_bearing_pattern, " _no_weight_ "),
        (words.other_people_pattern, " _them_ "),
        (words.say_pattern, " _say_ "),  # before the hypothetical: "skulle säga", "würde sagen"
        (words.past_pattern, " _past_ "),
        (words.hypothetical_pattern, " _hypo_ "),
        (words.topic_pattern, " _topic_ "),
        (words.exception_pattern, " _except_ "),
        (words.giving_way_pattern, " _giving_way_ "),
        (words.locking_pattern, " _locking_ "),
        (words.swelling_pattern, " _swell_ "),
        (words.sharp_pattern, " _sharp_ "),
        (words.resolved_pattern, " _resolved_ "),
        (words.no_longer_pattern, " _not_ "),
        (words.pain_phrase_pattern, " _pain_ "),
        (words.returned_pattern, " _again_ "),
        (words.not_part_pattern, " _no_part_ "),  # "back down", "à pied": no part
        (words.hedged_pattern, " _hedged_ "),
        (words.good_phrase_pattern, " _good_ "),
    ]
    cut_sides = _cut_sides(words)
    phrases += [
        (_cut_side_pattern(cut_sides["left"]), " _left_ "),
        (_cut_side_pattern(cut_sides["right"]), " _right_ "),
        (_sided_leg_pattern(words.left, words.legs), " _left_leg_ "),
        (_sided_leg_pattern(words.right, words.legs), " _right_leg_ "),
    ]
    phrases = [(pattern, token) for pattern, token in phrases if pattern]
    # every phrase starts where a word starts: "\b(?=\w)" first lets the search skip the other
    # places (Python's re would try every phrase there, a word's end included)
    one_pass = (
        r"\b(?=\w)(?:"
        + "|".join(_gated(f"({_uncaptured(pattern)})") for pattern, _ in phrases)
        + ")"
    )
    grammar = _Grammar(
        language=language,
        phrases=re.compile(one_pass),
        phrase_tokens=tuple(token for _, token in phrases),
        number_words=_number_words(words),
        scores=_scores(words),
        kinds=_word_kinds(words),
        patterns=(
            (re.compile(words.knee_pattern), KNEE),
            (re.compile(words.pain_pattern), PAIN),
            (re.compile(words.other_part_pattern), OTHER_PART),
            (re.compile(words.count_pattern), COUNT),
        ),
        compound_links=words.compound_links,
        typo_targets=typo_targets(language),
        typo_kinds={},
        real_words=REAL_WORDS_NEAR_TARGETS.get(language, frozenset())
        | REAL_WORDS_NEAR_TARGETS[ENGLISH],
        earlier=re.compile(words.earlier_pattern),
        previous_day=re.compile(words.previous_day_pattern),
        now=re.compile(words.now_pattern),
        titles=re.compile(
            _gated(
                rf"(?P<media>\b(?:{words.media_pattern})\s+){_QUOTED}"
                rf"|{_QUOTED}(?=[\s-]*(?:{words.media_pattern})\b)"
            )
        ),
        side_abbreviations=frozenset(
            word
            for side_words in (words.left, words.right)
            for word in side_words[1:]  # the first is the side's full word ("left", "links")
            if len(word) <= _ABBREVIATION_MAX_CHARS
        )
        | cut_sides["left"]
        | cut_sides["right"],
        both_knees=frozenset(words.both_knees),
        weekdays=frozenset(day for day in words.weekdays if len(day) >= _WEEKDAY_MIN_CHARS),
        that_words=frozenset(words.that_words),
        first_person=frozenset(words.first_person),
        not_names=frozenset(
            (*words.first_person, *words.weekdays, *itertools.chain.from_iterable(words.months))
        ),
        about=re.compile(
            rf"(?:^| )(?:{words.about_pattern})(?: (?!(?:{_alternatives(words.own)})\b)"
            r"[^\W\d_]+)?$"
        ),
        media=re.compile(words.media_pattern),
    )
    flags = (
        (words.swelling_pattern, SWELLING),
        (words.locking_pattern, LOCKING),
        (words.giving_way_pattern, GIVING_WAY),
    )
    for target in grammar.typo_targets:  # "swolen" is swollen: pain and a red flag
        kind = grammar.known_kind(target) & (KNEE | PAIN | LEFT | RIGHT)
        for pattern, flag in flags:
            if re.search(pattern, f" {target} "):
                kind |= flag | PAIN
        grammar.typo_kinds[target] = kind
    return grammar


# A quoted span: a title ("the 'runner's knee' podcast"), not a note of the runner's own
_QUOTED = r"(?<![\w'])['\"«„“‘]\s?(?:[^'\"«»„“”‘’\n]|(?<=\w)'(?=\w)){1,60}?\s?['\"»“”’](?!\w)"


def _title_token(match: re.Match[str]) -> str:
    return (match["media"] or "") + " _topic_ "


def _cut_sides(words: Words) -> dict[str, frozenset[str]]:
    """Per side, the side's words cut to their first one or two letters, as runners write them
    with a period ("l.", "li.", "v.", "h.", "dr.", "g."), in every language: the first letter
    always, the first two unless they are a word the reader knows ("si" is yes, "le" the)."""
    known = _word_kinds(words)
    cut: dict[str, set[str]] = {"left": set(), "right": set()}
    for side, side_words in (("left", words.left), ("right", words.right)):
        for word in side_words:
            if len(word) > _CUT_SIDE_MAX_CHARS + 1 and word.isalpha():
                cut[side] |= {
                    word[:size]
                    for size in range(1, _CUT_SIDE_MAX_CHARS + 1)
                    if size == 1 or not known.get(word[:size], 0) & ~SIDE
                }
    shared = cut["left"] & cut["right"]
    return {side: frozenset(prefixes - shared) for side, prefixes in cut.items()}


def _cut_side_pattern(prefixes: frozenset[str]) -> str:
    """A side cut short with its period: not an initial of a word run together ("e.g."), nor an
    hour ("1 h.")."""
    return rf"(?<![\w.])(?<!\d )(?:{_alternatives(prefixes)})\.(?![\w.])"


def _sided_leg_pattern(sides: tuple[str, ...], legs: tuple[str, ...]) -> str:
    """The leg with its side ("left leg", "venstre bein", "jambe gauche"): the side of the
    knee the note speaks of ("can't stand on the left leg"), not another part."""
    side, leg = _alternatives(word for word in sides if len(word) > 1), _alternatives(legs)
    return rf"(?:{side})\s+(?:{leg})\b|(?:{leg})\s+(?:{side})\b"


def _gated(pattern: str) -> str:
    """A pattern behind a look at the characters it can start with, so a search tries it only
    where one of them stands (Python's re would try every phrase of the one pass at every
    word's start); the pattern alone when they cannot be told. It matches what it matched."""
    if _RE_PARSER is None:
        return pattern
    try:
        parsed = _RE_PARSER.parse(pattern)
        if parsed.state.flags & ~_RE_PARSER.SRE_FLAG_UNICODE:  # "(?i)", "(?x)": no gate
            return pattern
        first = _first_characters(list(parsed))
    except AttributeError:  # a Python whose parser names its parts otherwise: no gate
        return pattern
    if first is None or first[1]:  # unknown, or it may match nothing: no gate
        return pattern
    return "(?=[" + "".join(re.escape(character) for character in sorted(first[0])) + "])" + pattern


def _first_characters(items: list[tuple[Any, Any]]) -> tuple[set[str], bool] | None:
    """The characters a parsed sequence can start with, and whether it can match nothing;
    None when they cannot be told (\\w, ".", a negated class ...). Lookarounds and anchors
    take no character: they are passed over, which only widens the set."""
    characters: set[str] = set()
    for op, argument in items:
        found = _first_of_item(op, argument)
        if found is None:
            return None
        characters |= found[0]
        if not found[1]:
            return characters, False
    return characters, True


def _first_of_item(op: Any, argument: Any) -> tuple[set[str], bool] | None:
    parser = _RE_PARSER
    if op is parser.LITERAL:
        return {chr(argument)}, False
    if op is parser.IN:
        characters = set()
        for kind, value in argument:
            if kind is parser.LITERAL:
                characters.add(chr(value))
            elif kind is parser.RANGE and value[1] - value[0] <= _WIDEST_RANGE:
                characters |= {chr(code) for code in range(value[0], value[1] + 1)}
            else:
                return None
        return characters, False
    if op in (parser.AT, parser.ASSERT, parser.ASSERT_NOT):
        return set(), True
    if op is parser.SUBPATTERN:
        _, added_flags, _, inner = argument
        if added_flags & parser.SRE_FLAG_IGNORECASE:
            return None
        return _first_characters(list(inner))
    if op is parser.BRANCH:
        characters, can_be_empty = set(), False
        for alternative in argument[1]:
            found = _first_characters(list(alternative))
            if found is None:
                return None
            characters |= found[0]
            can_be_empty = can_be_empty or found[1]
        return characters, can_be_empty
    if op in (parser.MAX_REPEAT, parser.MIN_REPEAT, parser.POSSESSIVE_REPEAT):
        least, _, inner = argument
        found = _first_characters(list(inner))
        return None if found is None else (found[0], found[1] or least == 0)
    if op is parser.ATOMIC_GROUP:
        return _first_characters(list(argument))
    return None


def _uncaptured(pattern: str) -> str:
    """A pattern whose own groups capture nothing (so a match tells its phrase by its group)."""
    return re.sub(r"(?<!\\)\((?!\?)", "(?:", pattern)


def _number_words(
    words: Words,
) -> tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...]:
    """Numbers in words where they are a rating: "three out of ten", "a solid six"."""
    values = {
        word: str(value)
        for value, alternatives in enumerate(words.numbers)
        for word in alternatives.split("|")
        if word
    }
    number, ten, cues = _alternatives(values), words.numbers[10], _alternatives(words.score_cues)
    before_ten = rf"\b({number})\b(?=\s*(?:/|\s(?:{words.out_of_pattern})\s)\s*(?:10|{ten})\b)"
    ten_itself = rf"(?<=\s)((?:{words.out_of_pattern})\s+|/\s*)(?:{ten})\b"
    after_cue = rf"\b((?:{cues})\s+(?:(?:{cues})\s+)?)({number})\b(?![-'])"  # "typ en trea"
    # a number said with "now" after a score ("Sex av tio i mål, tre nu"): a later score, if
    # a score comes before it (see `_Note._is_later_score`)
    before_now = rf"\b({number})\b(?=\s+(?:{_alternatives(words.later)})\b)"

    def rated(match: re.Match[str]) -> str:  # "a one", "like zero": not a rating
        value = values[match[2]]
        return match[0] if value in ("0", "1") else match[1] + value

    return (
        (re.compile(_gated(before_ten)), lambda match: values[match[1]]),
        (re.compile(_gated(ten_itself)), lambda match: f"{match[1]}10"),
        (re.compile(_gated(after_cue)), rated),
        (re.compile(_gated(before_now)), lambda match: _rated_alone(values[match[1]], match[0])),
    )


def _rated_alone(value: str, word: str) -> str:
    """A number word on its own as a rating: not "one" or "zero" ("one now" is no score)."""
    return word if value in ("0", "1") else value


def _number(name: str) -> str:
    """A number as written in a score, captured as `name`."""
    return rf"(?<![\d.,/])(?P<{name}>\d{{1,2}}(?:[.,]\d)?)"


def _scores(words: Words) -> re.Pattern[str]:
    """The scores of a note in one pass: effort ratings are not pain ("RPE 7", "effort 8/10",
    "a 7/10 effort"), a change counts its latest ("3/10 -> 5/10", "3/10 then 5/10"), a range
    its higher ("6-7/10"); "3/10", "7 / 10", "4/10ish" are scores, and "7 out of 10", "3 von
    10", "6 of 10" scores that the words around must make a rating."""
    slash = r"\s*/\s*10\b(?:\s*ish\b)?"
    out_of = rf"{slash}|\s+(?:out of|{words.out_of_pattern})\s+10\b"
    effort = words.effort_pattern
    weekdays = _alternatives(day for day in words.weekdays if len(day) >= _WEEKDAY_MIN_CHARS)
    after_a_word = [  # the forms that start with a word
        # "Mon 4/10", "Mon, 4/10"; after a word, a comma ends the day ("sore from Sat, 3/10")
        rf"(?P<date>(?:\b(?:{weekdays})\.?|(?<![\w'] )\b(?:{weekdays})\.?,)"
        r"\s+\d{1,2}/\d{1,2}(?:/\d{2,4})?\b)",
        rf"(?P<effort>\b(?:{effort})\s*(?:was|of|at|:|=)?\s*{_number('e1')}(?:{out_of})?)",
        # a form's field of a score out of ten: "Score /10: 3", "intensidade (0-10): 4"
        rf"(?P<field>(?:\(\s*(?:0\s*[-–]\s*|/\s*)10\s*\)|(?<![\d)])/\s*10)\s*[:=]\s*{_number('d1')}"
        r"(?![\d/]))",
    ]
    if words.from_words:  # a change said with "from" and no "/10": "da 5 a 2", "from 5 to 2"
        ten_at_most = r"(?:10|\d)(?:[.,]\d)?"
        after_a_word.append(
            rf"(?P<from_to>\b(?:{_alternatives(words.from_words)})\s+(?<![\d.,/]){ten_at_most}\s+"
            rf"(?:{words.change_pattern}|{words.range_pattern})\s+(?P<t2>{ten_at_most})"
            rf"(?![\d/:.,]|\s*(?:{words.count_pattern})\b))"
        )
    after_a_number = [  # the forms that start with a number, tried only where one starts
        r"(?P<numbered_date>\d{1,2}/\d{1,2}/\d{2,4}\b)",  # "4/10/2026": a date is no score
        rf"(?P<effort_after>{_number('e2')}(?:{out_of})\s*(?:{effort})\b(?!\s*(?:[:=]\s*)?\d))",
        # not "0/10 RPE 8"
        rf"(?P<change>{_number('c1')}(?:{out_of})?\s*(?:{words.change_pattern})\s*"
        rf"{_number('c2')}(?:{out_of}))",
        rf"(?P<range>{_number('r1')}\s*(?:{words.range_pattern})\s*{_number('r2')}(?:{out_of}))",
        rf"(?P<slash>{_number('s1')}{slash})",
        rf"(?P<of>{_number('o1')}\s+(?:out of|{words.out_of_pattern})\s+10\b)",
        # out of five, as some physios and apps rate: read out of ten ("2/5" is 4/10)
        rf"(?P<five>{_number('f1')}\s*/\s*5\b(?![/.,]\d))",
        rf"(?P<offive>{_number('v1')}\s+(?:out of|{words.out_of_pattern})\s+5\b(?![/.,]\d))",
        # a range without "/10" ("knee pain 3-4"): its higher end, a bare number to be judged
        rf"(?P<bare>(?<![-–]){_number('b1')}\s*[-–]\s*{_number('b2')})(?![\d/:-]|[.,]\d|\s*(?:{words.count_pattern})\b)",
    ]
    # Python's re tries every form at every place: a number's forms only where a number starts
    return re.compile(
        _gated("|".join(after_a_word)) + r"|(?<![\d.,/])(?=\d)(?:" + "|".join(after_a_number) + ")"
    )


def _score_token(match: re.Match[str]) -> str:
    if match["date"] is not None or match["numbered_date"] is not None:
        return " _date_ "
    if match["effort"] is not None or match["effort_after"] is not None:
        return " _effort_ "
    if match["change"] is not None:  # "fra 5/10 til 2/10": the latest, not left behind
        return f" _to_ _score_{match['c2']}_ "
    if match["from_to"] is not None:  # "da 5 a 2": the latest
        return f" _to_ _score_{match['t2']}_ "
    if match["range"] is not None:
        low, high = (float(match[name].replace(",", ".")) for name in ("r1", "r2"))
        return f" _score_{match['r2'] if high >= low else match['r1']}_ "
    if match["slash"] is not None:
        return f" _score_{match['s1']}_ "
    if match["field"] is not None:
        return f" _score_{match['d1']}_ "
    if match["of"] is not None:
        return f" _ofscore_{match['o1']}_ "
    if match["five"] is not None:
        return f" _score_{_of_five(match['f1'])}_ "
    if match["offive"] is not None:
        return f" _ofscore_{_of_five(match['v1'])}_ "
    low, high = (float(match[name].replace(",", ".")) for name in ("b1", "b2"))
    return f" {match['b2'] if high >= low else match['b1']} "


def _of_five(number: str) -> str:
    """A score out of five, written out of ten ("2" -> "4", "2,5" -> "5")."""
    return f"{float(number.replace(',', '.')) * 10 / 5:g}"


def _word_kinds(words: Words) -> dict[str, int]:
    kinds: dict[str, int] = {}
    for tokens, kind in (
        (words.negations, NEGATION),
        (words.negations_after, NEGATION_AFTER),
        (words.negation_fillers, NEGATION_FILLER),
        (words.resolved, RESOLVED),
        (words.good_state, GOOD),
        (words.state_fillers, STATE_FILLER),
        (words.left, LEFT),
        (words.right, RIGHT),
        (words.both, BOTH),
        (words.side_nouns, SIDE_NOUN),
        (words.side_gap, SIDE_GAP),
        (words.joiners, JOINER),
        (words.clause_words, CLAUSE_WORD),
        (words.sequence, SEQUENCE),
        (words.continuing, CONTINUING),
        (words.improving, IMPROVING),
        (words.other_subjects, FRAME | OTHER_PERSON),
        (words.own, OWN),
        (words.pronouns, PRONOUN),
        (words.not_pain_score_before, NOT_PAIN_BEFORE),
        (words.score_cues, SCORE_CUE),
        (words.answers_no, ANSWER_NO),
        (words.answers_yes, ANSWER_YES),
        (words.person_verbs, PERSON_VERB),
        (words.later, LATER),
        (words.location_words, LOCATION),
        (words.from_words, FROM),
        (_BREAKS, BREAK),
        (("0",), NEGATION),  # "0 knee pain"
    ):
        for token in tokens:
            kinds[token] = kinds.get(token, 0) | kind
    return kinds


@dataclass(frozen=True)
class KneePain:
    """Knee pain a note reports: which knee, its score out of ten, red-flag words, the sentence."""

    side: str | None  # left, right, both, or None when the note does not say
    score_of_10: float | None
    red_flags: tuple[str, ...]  # of RED_FLAGS, in the order written
    excerpt: str  # the sentence (or sentences) that report it
    language: str = ENGLISH  # the note's language, found from its words (analyzer.lexicon)
    is_improving: bool = False  # the note says it is getting better ("better", "besser")
    is_easing: bool = False  # better said, or scored lower than its episode's last score
    side_from_episode: bool = False  # "still"/"again" without a side: its episode's side
    is_follow_up: bool = False  # names no body part: "still sore" in an open episode
    is_continuing: bool = False  # says "still" or "again" ("noch", "encore", "igen" ...)


def knee_pain_in(text: object) -> KneePain | None:
    """The knee pain a note reports, or None when it reports none (or says the knee is fine)."""
    pain, _ = _read(text)
    return pain


def knee_clear_in(text: object) -> bool:
    """Whether a note says the knee is fine ("no knee pain", "knee pain gone") and not sore."""
    pain, is_clear = _read(text)
    return pain is None and is_clear


def score_text(pain: KneePain) -> str:
    """' (7/10)': the score a note gave its pain, for a message ('' when it gave none)."""
    return f" ({pain.score_of_10:g}/10)" if pain.score_of_10 is not None else ""


def score_words(pain: KneePain) -> str:
    """' 7/10': the score a note gave its pain, for a few words ('' when it gave none)."""
    return f" {pain.score_of_10:g}/10" if pain.score_of_10 is not None else ""


def is_red_flag(pain: KneePain | None) -> bool:
    """Whether the pain came with a red flag (swelling, locking, giving way, sharp pain, not
    bearing weight): see someone now."""
    return pain is not None and bool(pain.red_flags)


def knee_notes(notes: pd.DataFrame, episode_gap_days: int | None = None) -> pd.DataFrame:
    """The notes about a knee, with `knee_pain` (KneePain or None) and `is_knee_clear`.

    Only notes that name a knee (or, in an open episode, say "still"/"again") are read, so a
    log of years of notes costs one vectorised search (pyarrow's) and a few parses. With
    `episode_gap_days` and `athlete` and `local_date` columns, each athlete's notes are read
    as episodes in date order (see the module docstring: `is_easing`, `side_from_episode`,
    `is_follow_up`); without it, each note is read alone.
    """
    texts = [value if isinstance(value, str) else "" for value in notes["text"].tolist()]
    lowered = pc.utf8_lower(pa.array(texts, type=pa.large_string()))
    mentions = pc.match_substring_regex(lowered, _re2(_KNEE_HINT)).to_numpy(zero_copy_only=False)
    for position in np.flatnonzero(~mentions):  # a typo of a knee word: "kneee", "knne"
        mentions[position] = _has_knee_typo(texts[position])
    readings = {int(position): _read_text(texts[position]) for position in np.flatnonzero(mentions)}
    if (
        episode_gap_days is not None
        and {"athlete", "local_date"} <= set(notes.columns)
        and readings
    ):
        continuing = pc.match_substring_regex(lowered, _re2(_CONTINUING_HINT))
        readings = _in_episodes(
            notes, texts, continuing.to_numpy(zero_copy_only=False), readings, episode_gap_days
        )
    positions = sorted(readings)
    read = notes.iloc[positions]
    return read.assign(
        knee_pain=pd.Series(
            [readings[position][0] for position in positions], index=read.index, dtype=object
        ),
        is_knee_clear=pd.Series(
            [readings[position][0] is None and readings[position][1] for position in positions],
            index=read.index,
            dtype=bool,
        ),
    )


def _re2(pattern: str) -> str:
    return pattern.replace(r"\b", _RE2_WORD_EDGE)


def _in_episodes(
    notes: pd.DataFrame,
    texts: list[str],
    continuing: np.ndarray,
    readings: dict[int, tuple[KneePain | None, bool]],
    gap_days: int,
) -> dict[int, tuple[KneePain | None, bool]]:
    """The readings with each athlete's episodes applied: easing, a follow-up's side, and the
    notes without a knee word that carry an open episode on ("still aching, 3/10")."""
    days = pd.to_datetime(notes["local_date"], errors="coerce").to_numpy("datetime64[D]")
    athletes = notes["athlete"].astype(object).where(notes["athlete"].notna(), None).tolist()
    dated = [
        position
        for position in range(len(notes))
        if athletes[position] is not None
        and not np.isnat(days[position])
        and (position in readings or continuing[position])
    ]
    dated.sort(key=lambda position: (str(athletes[position]), days[position]))
    result = dict(readings)
    athlete = last_day = None
    last_side: str | None = None
    last_score: float | None = None
    for position in dated:
        day = days[position]
        if athletes[position] != athlete:
            athlete, last_day = athletes[position], None
        is_open = last_day is not None and int((day - last_day).astype(int)) <= gap_days
        reading = result.get(position)
        if reading is None:
            pain = _follow_up(texts[position]) if is_open else None
            if pain is None:
                continue
            reading = (pain, False)
        pain, is_clear = reading
        if pain is None:
            if is_clear:
                last_day = None  # "knee fine" ends the episode
            continue
        if not is_open:
            last_side, last_score = None, None
        pain = _with_episode(pain, last_side, last_score)
        result[position] = (pain, is_clear)
        last_day = day
        last_side = pain.side or last_side
        last_score = pain.score_of_10 if pain.score_of_10 is not None else last_score
    return result


def _with_episode(pain: KneePain, side: str | None, score: float | None) -> KneePain:
    """A pain note read in its episode: easing against the last score, the episode's side."""
    is_easing = pain.is_improving or (
        score is not None and pain.score_of_10 is not None and pain.score_of_10 < score
    )
    # "still sore", "again" or "much better" without a side: the knee of its episode
    takes_side = (
        pain.side is None
        and side is not None
        and (pain.is_continuing or pain.is_follow_up or pain.is_improving)
    )
    if is_easing == pain.is_easing and takes_side == pain.side_from_episode and not takes_side:
        return pain  # as read (most notes): no copy
    return replace(
        pain,
        is_easing=is_easing,
        side=side if takes_side else pain.side,
        side_from_episode=takes_side,
    )


def _follow_up(text: str) -> KneePain | None:
    """A note naming no body part that says "still"/"again" with pain, read as the knee's."""
    clean = _CONTROL.sub(" ", text)
    grammar = _grammar(language_of(clean))
    words = _TOKEN.findall(clean.lower())
    kinds = [grammar.kind(word) for word in words]
    if any(kind & PARTS for kind in kinds) or not any(kind & CONTINUING for kind in kinds):
        return None
    pain, _ = _read_text(f"knee: {clean}")
    if pain is None:
        return None
    return replace(pain, excerpt=_excerpt(clean), is_follow_up=True, is_continuing=True)


def _has_knee_typo(text: str) -> bool:
    """Whether a text has a word one letter away from a knee word of any language ("kneee")."""
    return any(_is_knee_typo(word) for word in _WORD.findall(text.lower()))


@functools.lru_cache(maxsize=65536)
def _is_knee_typo(word: str) -> bool:
    if word in _REAL_WORDS or _KNEE_HINT_PATTERN.search(word):
        return False
    return process.extractOne(word, _KNEE_TARGETS, scorer=OSA.distance, score_cutoff=1) is not None


_KNEE_TARGETS = tuple(
    word
    for words in LANGUAGES.values()
    for word in words.spelled_knee
    if len(word) >= TYPO_TARGET_MIN_CHARS
)
_REAL_WORDS = frozenset().union(*REAL_WORDS_NEAR_TARGETS.values())


def _read(text: object) -> tuple[KneePain | None, bool]:
    """The knee pain in a text, and whether a knee mention in it was said to be fine."""
    if not isinstance(text, str):
        return None, False
    if not (_KNEE_HINT_PATTERN.search(text.lower()) or _has_knee_typo(text)):
        return None, False
    return _read_text(text)


@functools.lru_cache(maxsize=8192)  # the same note often comes from two sources
def _read_text(text: str) -> tuple[KneePain | None, bool]:
    text = _KEYED_SIDE.sub(r"\2 \1", _CONTROL.sub(" ", text))
    if len(text) > _LONG_NOTE_CHARS:
        text = _around_knee_words(text)
    grammar = _grammar(_language(text))
    sentences = _sentences(text, grammar)
    if not sentences:
        return None, False
    note = _Note.read(sentences, grammar)
    return note.pain(), note.is_clear


def _language(text: str) -> str:
    """The note's language; on a tie of common words, the one whose word tables know more of
    the note ("knie voelt instabiel": Dutch, where "knie" alone is German as much as Dutch).
    A note whose language names no knee in it, where another language's knee word stands, is
    read in that language, whose tables hold English too ("knæet (venstre) began to ache":
    Danish and English)."""
    tied = likeliest_languages(text)
    lowered = f" {text.lower()} "
    if not _names_knee(tied[0], lowered):
        knees = [code for code in LANGUAGES if code != ENGLISH and _names_knee(code, lowered)]
        tied = [code for code in tied if code in knees] or knees or tied
    if len(tied) == 1:
        return tied[0]
    return max(
        tied,
        key=lambda code: sum(
            bool(_grammar(code).kind(token) & ~BREAK) for token in _grammar(code).tokens(lowered)
        ),
    )


def _names_knee(language: str, lowered: str) -> bool:
    """Whether a language's own knee words stand in a lower-case text."""
    return bool(_OWN_KNEE[language].search(lowered))


_OWN_KNEE = {
    code: re.compile(
        rf"(?<![^\W\d_])(?:{words.knee_pattern})(?![^\W\d_])|{words.knee_pain_pattern}"
    )
    for code, words in LANGUAGES.items()
}


def _around_knee_words(text: str) -> str:
    """The parts of a long note around its knee words (a 10 MB line is read in milliseconds)."""
    spans: list[tuple[int, int]] = []
    for match in _KNEE_HINT_PATTERN.finditer(text.lower()):  # "İ" aside, lower() keeps places
        start = max(0, match.start() - _AROUND_KNEE_CHARS)
        end = min(len(text), match.end() + _AROUND_KNEE_CHARS)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
        if sum(stop - begin for begin, stop in spans) > _LONG_NOTE_CHARS * 4:
            break
    return "\n".join(text[start:end] for start, end in spans) or text[:_LONG_NOTE_CHARS]


def _sentences(text: str, grammar: _Grammar) -> list[str]:
    """The sentences of a note; a side written short ("li. Knie", "rodilla izq. duele") ends
    none, so the knee keeps its side and its pain."""
    sentences: list[str] = []
    start = 0
    for end in _SENTENCE_END.finditer(text):
        ends_with_period = text[end.start() - 1 : end.start()] == "."
        abbreviated = ends_with_period and _ABBREVIATED_WORD.search(text, start, end.start())
        if abbreviated and abbreviated.group(1).lower() in grammar.side_abbreviations:
            continue
        sentences.append(text[start : end.start()])
        start = end.end()
    sentences.append(text[start:])
    return [sentence.strip() for sentence in sentences if sentence.strip()]


def _number_value(token: str) -> float | None:
    """The value of a bare number that can be a score (0 to 10, "4ish"), else None."""
    digits = token.removesuffix("ish")
    if not digits.replace(".", "", 1).replace(",", "", 1).isdigit():
        return None
    value = float(digits.replace(",", "."))
    return value if 0 <= value <= MAX_SCORE_OF_10 else None


def _score_value(token: str) -> float | None:
    value = float(token.strip("_").rsplit("_", 1)[1].replace(",", "."))
    return value if 0 <= value <= MAX_SCORE_OF_10 else None


@dataclass
class _Group:
    """Body-part words side by side ("knee", "left knee and calf"): one mention."""

    start: int
    end: int
    is_knee: bool
    clause: int
    sentence: int
    is_fine: bool = False  # "knee fine", "Knee? Perfect."
    is_framed: bool = False  # in a frame: another's, recalled, hoped, a topic
    live: list[int] = field(default_factory=list)  # positions of its current evidence
    weak: list[int] = field(default_factory=list)  # "better": pain only when nothing clears it
    clear: list[int] = field(default_factory=list)  # positions of negated or resolved evidence
    sides: set[str] = field(default_factory=set)
    scores: list[tuple[int, float, str | None]] = field(default_factory=list)  # (at, value, side)


class _Note:
    """The tokens of one note with their kinds, sentences, clauses, frames and body parts."""

    def __init__(
        self,
        sentences: list[str],
        grammar: _Grammar,
        tokens: list[str],
        names: frozenset[str] = frozenset(),
    ):
        self.sentences_text = sentences
        self.grammar = grammar
        self.tokens = tokens
        known = grammar.cache  # most words are known: their kinds without a call
        self.kinds = [
            kind if (kind := known.get(token)) is not None else grammar.kind(token)
            for token in tokens
        ]
        # the kinds the note has at all: a pass for a kind it lacks is skipped
        self.present = functools.reduce(operator.or_, self.kinds, 0)
        if self.present & IMPROVING:
            for index in range(len(tokens) - 1):  # "bem melhor", "bien mieux", "godt bedre":
                if self.kinds[index + 1] & IMPROVING:  # how much better, not a good state
                    self.kinds[index] &= ~GOOD
        self.sentence: list[int] = []
        self.clause: list[int] = []
        self.is_clear = False
        self.spoken: set[int] = set()  # the turns of others in a pasted chat
        self._split()
        if names:
            self._named_people(names)
        self._frames()
        self.groups = self._groups()

    @classmethod
    def read(cls, sentences: list[str], grammar: _Grammar) -> _Note:
        text = " " + " ¶ ".join(sentences).lower().replace("’", "'").replace("`", "'") + " "
        names = frozenset(
            word.lower() for sentence in sentences for word in _CAPITALISED.findall(sentence)
        )
        return cls(sentences, grammar, grammar.tokens(text), names)

    # --- structure ---------------------------------------------------------------------

    def _split(self) -> None:
        """Sentence and clause numbers per token; brackets of two words or fewer are asides."""
        tokens, kinds = self.tokens, self.kinds
        asides = set()
        if "(" in tokens or "[" in tokens:
            for index, token in enumerate(tokens):
                if token in {"(", "["}:
                    closing = ")" if token == "(" else "]"
                    inside = tokens[index + 1 : index + 2 + _ASIDE_MAX_TOKENS]
                    if closing in inside:
                        asides |= {index, index + 1 + inside.index(closing)}
        # a sentence ends at "¶", a clause at every mark or clause word ("¶" too) but an aside's
        self.sentence = list(itertools.accumulate(int(token == "¶") for token in tokens))
        clause_ends = [int(bool(kind & (BREAK | CLAUSE_WORD))) for kind in kinds]
        for index in asides:
            clause_ends[index] = 0
        self.clause = list(itertools.accumulate(clause_ends))
        self.sentence_count = (self.sentence[-1] if self.sentence else 0) + 1
        # a sentence of one word ("Knie. Links. Wieder.") is part of the note's flow: it does
        # not put the part named before it further away
        words = [0] * self.sentence_count
        for token, number in zip(tokens, self.sentence, strict=True):
            words[number] += token != "¶"
        self.flow = list(itertools.accumulate(count > 1 for count in words))

    def _frames(self) -> None:
        """Which tokens stand in a frame: from its cue to the end of the clause."""
        self.framed = [False] * len(self.tokens)
        if not self.present & FRAME:
            return  # no cue: nothing is framed ("my" undoes only another person's frame)
        active, is_undone_by_own, opens_sentence = -1, False, False
        for index, kind in enumerate(self.kinds):
            if kind & FRAME:
                active, is_undone_by_own = self.clause[index], bool(kind & (OTHER_PERSON | TOPIC))
                opens_sentence = bool(kind & PAST) and self._opens_sentence(index)
            elif kind & OWN and is_undone_by_own:
                # "coach said my knee looked swollen", "told the physio about my sore knee": the
                # runner's knee again
                active = -1
            elif (
                active >= 0
                and index >= 2
                and self.clause[index - 2] == active
                and self.tokens[index - 1] == ","
                and self.tokens[index] in self.grammar.that_words
            ):
                active = self.clause[index]  # "Ich habe Angst, dass das Knie ...": still feared
            elif (
                opens_sentence
                and index >= 1
                and self.clause[index - 1] == active
                and self.clause[index] != active
                and self.sentence[index - 1] == self.sentence[index]
                and not self._clause_says_now(self.clause[index])  # not "..., jetzt wieder"
            ):
                # "Vor einem Jahr hätte ich ..., das Knie war ständig dick": a sentence opened
                # by the past stays in the past to its end, but for a clause of now
                active = self.clause[index]
            self.framed[index] = self.clause[index] == active or index in self.spoken
        for index, kind in enumerate(self.kinds):
            if kind & FRAME and kind & OTHER_PERSON and self._is_reported_tail(index):
                for at in range(index - 1, -1, -1):  # "douleur 2/10 d'après elle": hers
                    if self.clause[at] != self.clause[index]:
                        break
                    self.framed[at] = True

    def _opens_sentence(self, index: int) -> bool:
        """Whether the cue opens its sentence (an article before it at most: "A year ago")."""
        start = index
        while start > 0 and self.sentence[start - 1] == self.sentence[index]:
            start -= 1
        if start < index and self.tokens[start] == "¶":
            start += 1
        return index - start <= 1

    def _is_reported_tail(self, index: int) -> bool:
        """Whether another person's cue ends a clause that said pain or a score before it, of
        no knee of the runner's own ("douleur 2/10 d'après elle", "knee 5/10 says she"): the
        clause is what they reported."""
        clause = self.clause[index]
        inside = [at for at in range(len(self.tokens)) if self.clause[at] == clause]
        before = [at for at in inside if at < index]
        after = [at for at in inside if at > index]
        return (
            not any(self.kinds[at] & (PAIN | FLAGS | SCORE | OF_SCORE | PARTS) for at in after)
            and any(self.kinds[at] & (PAIN | FLAGS | SCORE | OF_SCORE) for at in before)
            and not any(self.kinds[at] & OWN for at in before)
        )

    def _named_people(self, names: frozenset[str]) -> None:
        """A name, then a verb of a third person, then pain ("Helmut hat wieder Knieprobleme",
        "Tom has a sore knee", "Mette har ondt i knæet"): another person's complaint, framed
        as "my buddy has" is. A name is a word written capitalised that the reader does not
        know (not "Heute", "Jeg", "Gestern", a weekday); an article or a pronoun between the
        verb and the pain says the verb's subject is another ("Bergab hat das Knie gezwickt")."""
        tokens, kinds = self.tokens, self.kinds
        stops = BREAK | OWN | PRONOUN | (SIDE_GAP if self.grammar.language in _VERB_SECOND else 0)
        for index in range(len(tokens) - 2):
            if tokens[index] not in names or not self._is_name(index):
                continue
            self._names_knee(index)
            if tokens[index + 1] == ":" and self._starts_a_turn(index):
                self._spoken_by_another(index)
                continue
            if not kinds[index + 1] & PERSON_VERB:
                continue
            for at in range(index + 2, min(len(tokens), index + 2 + _NAME_REACH_TOKENS)):
                if kinds[at] & (PAIN | KNEE_PAIN | FLAGS):
                    kinds[index] |= FRAME | OTHER_PERSON
                    self.present |= FRAME
                    break
                if (
                    (not kinds[at] & (_NAME_GAP_KINDS | SIDE_GAP) and not self._is_said_gap(at))
                    or kinds[at] & stops
                    or tokens[at] in self.grammar.not_names
                ):
                    break  # "Downhill has always hurt", "Heute hat das Knie", "Nu har jeg ondt"

    def _is_said_gap(self, at: int) -> bool:
        """Whether a word between a name's verb and the pain may stand there: "that" or a short
        word of no kind ("Carmen dice que le duele", "Emma klaget på vondt")."""
        token = self.tokens[at]
        return token in self.grammar.that_words or (
            not self.kinds[at] and len(token) <= _SAID_GAP_CHARS and token.isalpha()
        )

    def _names_knee(self, index: int) -> None:
        """A name's knee is another part, not the runner's knee: a name with its genitive "s"
        before it ("Lenas rechtes Knie", "Emmas knæ") or after it with "de", "di", "do", "da"
        ("le genou de Marc", "la rodilla de Ana", "il ginocchio di Luca")."""
        tokens, kinds = self.tokens, self.kinds
        after = index + 1
        if after < len(tokens) and kinds[after] & SIDE and not kinds[after] & KNEE:
            after += 1  # "Lenas rechtes Knie"
        if tokens[index].endswith("s") and after < len(tokens) and kinds[after] & KNEE:
            kinds[after] = OTHER_PART
        if (
            index >= 2
            and tokens[index - 1] in _NAME_OF
            and kinds[index - 2] & KNEE
            and not kinds[index - 2] & SIDE
        ):
            kinds[index - 2] = OTHER_PART

    def _is_name(self, index: int) -> bool:
        """Whether a capitalised word may be a name: one the reader does not know, and not a
        weekday, a month, "ich", "jeg", nor a word of now or before ("Heute", "Igår")."""
        token = self.tokens[index]
        return not (
            self.kinds[index]
            or token in self.grammar.not_names
            or is_common_word(token)
            or self.grammar.earlier.search(token)
            or self.grammar.previous_day.search(token)
            or self.grammar.now.search(token)
        )

    def _starts_a_turn(self, index: int) -> bool:
        """Whether a word and ":" start a turn of a pasted chat: after its time ("[18:02] Ana:
        ..."), or at a line's start in a chat where the runner has turns too ("Tom: ... | me:
        ..."); not a heading or the one a note is written to ("Coach: knee sore", "Update:")."""
        before = self.tokens[max(0, index - 2) : index]
        if any(_CLOCK.fullmatch(token) for token in before):
            return True
        return (index == 0 or self.tokens[index - 1] in _TURN_STARTS) and any(
            self.tokens[at] in self.grammar.first_person and self.tokens[at + 1] == ":"
            for at in range(len(self.tokens) - 1)
        )

    def _spoken_by_another(self, index: int) -> None:
        """A turn of someone named in a pasted chat ("[18:02] Ana: my knee hurts | [18:03] me:
        sorry, mine is fine"): what they say, "my knee" too, is theirs, up to the next turn;
        but what they ask is of the runner's knee ("[07:30] Tom: sore knee? [07:31] me: yes,
        left, 4/10")."""
        end = next(
            (
                at
                for at in range(index + 2, len(self.tokens) - 1)
                if self.tokens[at + 1] == ":"
                and self.tokens[at].isalpha()
                and self._starts_a_turn(at)
            ),
            len(self.tokens),
        )
        start = index
        for at in range(index, end):
            if self.tokens[at] == "?":
                start = at + 1  # a question: not what they say of their own knee
            elif self.tokens[at] in _TURN_STARTS:
                self.spoken.update(range(start, at + 1))
                start = at + 1
        self.spoken.update(range(start, end))
        self.present |= FRAME

    def _groups(self) -> list[_Group]:
        """Body-part mentions per clause; parts joined by "and", "/" are one group."""
        groups: list[_Group] = []
        for index, kind in enumerate(self.kinds):
            if self.tokens[index] in _KNEE_ONE and self._is_knee_again(index, groups):
                kind |= KNEE
            if not kind & PARTS:
                continue
            is_knee = bool(kind & (KNEE | KNEE_PAIN)) and not (
                kind & OTHER_PART and not kind & KNEE
            )
            last = groups[-1] if groups else None
            if (
                last is not None
                and last.clause == self.clause[index]
                and all(self.kinds[between] & JOINER for between in range(last.end, index))
            ):
                last.end = index + 1
                last.is_knee = last.is_knee or is_knee
                continue
            groups.append(
                _Group(
                    index,
                    index + 1,
                    is_knee,
                    self.clause[index],
                    self.sentence[index],
                    is_framed=self.framed[index],
                )
            )
        groups = [group for group in groups if not self._is_region_of_the_knee(group)]
        for number, group in enumerate(groups):
            if group.is_knee and self._is_place_of_another_part(group, groups[:number]):
                group.is_knee = False
            if group.is_knee:
                group.is_fine = self._is_fine_after(group)
        return groups

    def _is_knee_again(self, index: int, groups: list[_Group]) -> bool:
        """Whether "one" after a side names again the knees of its sentence ("Both knees stiff
        and the left one properly sore by the end, the right one less so")."""
        return (
            index > 0
            and bool(self.kinds[index - 1] & SIDE)
            and any(group.is_knee and group.sentence == self.sentence[index] for group in groups)
        )

    def _is_region_of_the_knee(self, group: _Group) -> bool:
        """Whether another part's word names a region of the knee: "the back of my knee"."""
        if group.is_knee or group.end >= len(self.tokens) or self.tokens[group.end] != "of":
            return False
        for position in range(group.end + 1, min(group.end + 5, len(self.tokens))):
            if self.kinds[position] & KNEE:
                return True
            if not self.kinds[position] & (SIDE_GAP | SIDE):
                return False
        return False

    def _is_place_of_another_part(self, group: _Group, before: list[_Group]) -> bool:
        """Whether the knee names the place of another part: "hamstring sore behind the knee"."""
        if not any(other.clause == group.clause and not other.is_knee for other in before):
            return False
        position = group.start - 1
        while (
            position >= 0 and group.start - position <= 3 and self.clause[position] == group.clause
        ):
            if self.kinds[position] & LOCATION:
                return True
            if not self.kinds[position] & (SIDE_GAP | SIDE | JOINER):
                return False
            position -= 1
        return False

    # --- reading -----------------------------------------------------------------------

    def pain(self) -> KneePain | None:
        """The knee pain of the note (None when it reports none)."""
        tokens, kinds = self.tokens, self.kinds
        knees = [group for group in self.groups if group.is_knee]
        if not knees:
            return None
        framed = self.framed
        for index, kind in enumerate(kinds):
            if not kind & _READ_KINDS or framed[index]:
                continue
            if kind & KNEE_PAIN:
                self._knee_pain_mention(index)
            elif kind & (PAIN | FLAGS):
                self._evidence(index)
            elif kind & (GOOD | RESOLVED) and self._is_negated(index):
                self._evidence(index)  # "not fine", "hasn't gone away yet"
            elif (
                kind & (SCORE | OF_SCORE | NUMBER) and (value := self._score_at(index)) is not None
            ):
                self._score(index, value)
            elif kind & SIDE:
                self._loose_side(index)
            elif kind & IMPROVING:
                self._improving(index)
            elif kind & (ANSWER_NO | NEGATION):
                self._answer(index)
        self._exceptions()
        self._fine_since(knees)
        self._nothing_now(knees)
        self._pain_free_now(knees)
        painful = [group for group in knees if self._is_painful(group)]
        for group in knees:
            if group not in painful and not group.is_framed and (group.is_fine or group.clear):
                self.is_clear = True
        if not painful:
            return None
        scores = [score for group in painful for score in group.scores]
        score = self._current_score(scores)
        if score is not None and score <= 0:  # "knee 0/10" is no pain at all
            self.is_clear = True
            return None
        sides = set().union(
            *(
                self._sides(group)
                for group in knees
                if group in painful
                or any(other.clause == group.clause for other in painful)
                or (_is_bare(group) and any(other.sentence == group.sentence for other in painful))
            )
        )
        if not sides:  # "... 4/10. höger knä alltså": the knee named again, with its side
            sides = set().union(*(self._sides(group) for group in knees if _is_bare(group)))
        flags = sorted(
            {
                (position, _FLAG_NAMES[flag])
                for group in painful
                for position in group.live
                for flag in _FLAG_NAMES
                if kinds[position] & flag
            }
        )
        first = painful[0]
        evidence_sentences = [
            self.sentence[position] for position in (*first.live, *first.weak)
        ] or [first.sentence]
        involved = [first.sentence, *evidence_sentences]
        span = range(min(involved), max(involved) + 1)
        return KneePain(
            side=_side(sides),
            score_of_10=score,
            red_flags=tuple(dict.fromkeys(name for _, name in flags)),
            excerpt=_excerpt(" ".join(self.sentences_text[number] for number in span)),
            language=self.grammar.language,
            is_improving=bool(self.present & IMPROVING)
            and any(
                kinds[index] & IMPROVING and self.sentence[index] in span
                for index in range(len(tokens))
            ),
            is_continuing=bool(self.present & CONTINUING)
            and any(
                kinds[index] & CONTINUING and self.sentence[index] in span
                for index in range(len(tokens))
            ),
        )

    def _fine_since(self, knees: list[_Group]) -> None:
        """Pain of a day before, then a good state said of the same knee ("knee sore yesterday,
        fine today"): a knee fine today."""
        if not self.present & GOOD:
            return
        for index, kind in enumerate(self.kinds):
            if not kind & GOOD or self.framed[index] or self._is_negated(index):
                continue
            if any(group.clause == self.clause[index] for group in self.groups):
                continue  # a good state beside a part is read with the part
            owner = self._owner(index)
            if owner is None or owner not in knees or not owner.live:
                continue
            before = [position for position in owner.live if position < index]
            if before and all(self._said_of_a_day_before(position) for position in before):
                owner.clear += owner.live
                owner.live.clear()
                owner.scores.clear()
                owner.is_fine = True

    def _nothing_now(self, knees: list[_Group]) -> None:
        """Pain said before, then nothing now: "antes me dolía la rodilla, ahora nada",
        "Physio meinte, die Knieschmerzen kämen von der Hüfte. Heute aber gar nichts gespürt."
        The knee is fine now, unless its pain was said of now too."""
        if not self.present & ANSWER_NO:
            return
        for index, kind in enumerate(self.kinds):
            if not kind & ANSWER_NO or self.framed[index] or not self._says_nothing_now(index):
                continue
            self._fine_now(index, knees)

    def _pain_free_now(self, knees: list[_Group]) -> None:
        """A knee said pain-free now, in a sentence after its pain ("Im Januar hatte ich mit dem
        rechten Knie echte Probleme ... Jetzt ... ist es komplett schmerzfrei", "Now it's
        pain-free"): the pain is over."""
        if not self.present & RESOLVED:
            return
        for index, kind in enumerate(self.kinds):
            if not kind & RESOLVED or self.framed[index] or self._is_negated(index):
                continue
            sentence = self.sentence[index]
            said = [at for at in range(index) if self.sentence[at] == sentence]
            if any(self.kinds[at] & PARTS for at in said) or not self.grammar.now.search(
                " ".join(self.tokens[at] for at in said)
            ):
                continue  # "calf pain-free now", or a resolution not said of now
            if any(
                self.kinds[at] & (PAIN | FLAGS | SCORE | OF_SCORE) and not self._is_negated(at)
                for at in range(index + 1, len(self.tokens))
                if self.sentence[at] == sentence
            ):
                continue  # "now pain-free walking but it hurts running"
            self._fine_now(index, [group for group in knees if group.sentence < sentence])

    def _fine_now(self, index: int, knees: list[_Group]) -> None:
        """The knees named before `index` (its pain not said of now) are fine now."""
        for group in knees:
            if (
                group.start > index
                or not (group.live or group.scores)
                or self.sentence[index] - group.sentence > _SENTENCES_BACK
            ):
                continue
            said = {group.clause, *(self.clause[at] for at in group.live)}
            if any(self._clause_says_now(clause) for clause in said):
                continue
            group.clear += group.live
            group.live.clear()
            group.scores.clear()
            group.weak.clear()
            group.is_fine = True

    def _says_nothing_now(self, index: int) -> bool:
        """Whether "nothing" here is said of now ("ahora nada", "heute aber gar nichts"): its
        clause says nothing of a knee, and it or the clause before (in the same sentence, saying
        nothing of one either) says now."""
        clause = self.clause[index]
        if not self._says_nothing_of_the_knee(clause) or self._negates_a_thing(index):
            return False
        start = self.clause.index(clause)
        before = start > 0 and self.sentence[start - 1] == self.sentence[index]
        return self._clause_says_now(clause) or (
            before
            and self._says_nothing_of_the_knee(clause - 1)
            and self._clause_says_now(clause - 1)
        )

    def _negates_a_thing(self, index: int) -> bool:
        """Whether "no" here denies a thing named after it ("hoy no corro", "oggi niente
        corsa", "today no run"), not the pain: a word after it in its clause that is no filler
        ("ahora nada", "heute gar nichts gespürt", "now nothing at all")."""
        clause = self.clause[index]
        return any(
            not self.kinds[at] & _NOTHING_FILLERS
            for at in range(index + 1, len(self.tokens))
            if self.clause[at] == clause
        )

    def _says_nothing_of_the_knee(self, clause: int) -> bool:
        """No part, score or red flag, and pain only denied ("gar nichts gespürt")."""
        return not any(
            self.kinds[at] & (PARTS | FLAGS | SCORE | OF_SCORE)
            or (self.kinds[at] & PAIN and not self._is_negated(at))
            for at in range(len(self.tokens))
            if self.clause[at] == clause
        )

    def _clause_says_now(self, clause: int) -> bool:
        said = " ".join(
            token
            for token, number in zip(self.tokens, self.clause, strict=True)
            if number == clause
        )
        return bool(self.grammar.now.search(said))

    def _said_of_a_day_before(self, index: int) -> bool:
        clause = self.clause[index]
        said = [
            token
            for token, number in zip(self.tokens, self.clause, strict=True)
            if number == clause
        ]
        return bool(self.grammar.previous_day.search(" ".join(said)))

    def _is_painful(self, group: _Group) -> bool:
        if group.live and not self._only_flags_and_pain_denied(group):
            return True
        scored = any(value > 0 for _, value, _ in group.scores)
        if scored and (
            not group.is_fine or any(self.clause[at] == group.clause for at, _, _ in group.scores)
        ):
            return True
        return bool(group.weak) and not group.clear and not group.is_fine

    def _only_flags_and_pain_denied(self, group: _Group) -> bool:
        """ "knees were wobbly from fatigue but no pain": a red-flag word alone, and pain itself
        denied of the same knee, is no knee pain."""
        flags_only = all(
            self.kinds[position] & FLAGS and not self.kinds[position] & PAIN
            for position in group.live
        )
        denied = any(self.kinds[position] & PAIN for position in group.clear)
        return flags_only and denied and not group.scores

    def _knee_pain_mention(self, index: int) -> None:
        """A knee pain word ("runner's knee", "Knieschmerzen"): pain unless negated or gone."""
        group = self._group_at(index)
        if group is None:
            return
        resolution = self._resolution_after(index)
        if resolution == PAST:
            return  # "runner's knee two years ago": neither pain nor fine today
        if self._is_negated(index) or resolution:
            group.clear.append(index)
        else:
            group.live.append(index)

    def _evidence(self, index: int) -> None:
        """A pain word or red flag: to its body part, live or cleared. A red flag reaches as
        far in its clause as a score ("il ginocchio ha cominciato a fare male (7/10) e si è
        gonfiato a fine gara")."""
        group = self._owner(
            index, _SCORE_WINDOW_TOKENS if self.kinds[index] & FLAGS else _WINDOW_TOKENS
        )
        if group is None or not group.is_knee or group.is_framed or not self._reaches(index, group):
            return
        negated = (
            self._is_negated(index)
            or (self.clause[index] == group.clause and self._is_negated(group.start))
        ) and not self.kinds[index] & (GOOD | RESOLVED)
        resolution = self._resolution_after(index)
        if resolution == PAST:
            return  # "knee injury from last year": neither pain nor fine today
        if negated or resolution:
            group.clear.append(index)
        else:
            group.live.append(index)

    def _improving(self, index: int) -> None:
        """Better said of the knee ("knee feels much better"): pain that eases, if not cleared."""
        position = index - 1
        while (
            position >= 0
            and self.kinds[position] & (STATE_FILLER | SIDE | SCORE_CUE)  # "a bit", "un peu"
            and not self.kinds[position] & PARTS
        ):
            position -= 1
        group = self._group_at(position) if position >= 0 else None
        starts_clause = position < 0 or bool(self.kinds[position] & (BREAK | CLAUSE_WORD))
        if group is None and starts_clause:
            # better said in a clause of its own: of the part named before ("knee update: much
            # better"), not of one the clause names after it ("better to rest the knee")
            in_clause = any(other.clause == self.clause[index] for other in self.groups)
            group = None if in_clause else self._owner(index)
        compared = range(index + 1, min(len(self.tokens), index + 1 + _SCORE_CONTEXT_TOKENS))
        if any(self.kinds[at] & PAST and self.clause[at] == self.clause[index] for at in compared):
            return  # "genou va mieux que l'an dernier": a comparison, not pain easing today
        if group is not None and group.is_knee and not self._is_negated(index):
            group.weak.append(index)

    def _answer(self, index: int) -> None:
        """A negative answer clears what was asked ("Knee pain? None.", "knee: nil", "Knee
        pain? Not today."), or the field it fills ("swelling: none", "Schwellung: keine")."""
        position = index - 1
        while position >= 0 and self.tokens[position] in {"¶", "-", "–", "—"}:
            position -= 1
        if position < 0 or self.tokens[position] not in {"?", ":"}:
            return
        rest = range(index + 1, len(self.tokens))
        answer = [position for position in rest if self.clause[position] == self.clause[index]]
        if any(self.kinds[position] & (PAIN | FLAGS | PARTS | SCORE) for position in answer):
            return  # "knee: no pain": the negation reads it; "Not today." answers
        asked = self.clause[position]
        for group in self.groups:
            if not group.is_knee:
                continue
            if self.clause[group.start] in (asked, asked - 1):
                group.clear += group.live
                group.live.clear()
                group.is_fine = True
                continue
            field = [at for at in group.live if self.clause[at] == asked - 1]
            group.clear += field
            group.live = [at for at in group.live if at not in field]

    def _exceptions(self) -> None:
        """An exception turns the clause before round for the knee it names ("no pain anywhere
        except the left knee", "all good apart from the knee")."""
        if not self.present & EXCEPTION:
            return
        for index, kind in enumerate(self.kinds):
            if not kind & EXCEPTION:
                continue
            before = [
                position
                for position in range(index)
                if self.sentence[position] == self.sentence[index]
                and self.clause[position] == self.clause[index] - 1
            ]
            turned = [
                position
                for position in before
                if (self.kinds[position] & (PAIN | FLAGS) and self._is_negated(position))
                or self.kinds[position] & GOOD
            ]
            if not turned:
                continue
            for group in self.groups:
                if group.is_knee and group.clause == self.clause[index]:
                    group.live.append(turned[0])
                    group.is_fine = False
                    group.clear.clear()

    # --- where a word belongs ------------------------------------------------------------

    def _group_at(self, index: int) -> _Group | None:
        return next((group for group in self.groups if group.start <= index < group.end), None)

    def _owner(self, index: int, window: int = _WINDOW_TOKENS) -> _Group | None:
        """The body part a word belongs to: its clause's nearest, else its sentence's, else
        the one the sentences before named or spoke of last (else the next sentence's first):
        "The knee. Again. Right one, sharp on the descents. Call it four out of ten." """
        own = self._group_at(index)
        if own is not None:
            return own
        clause, sentence = self.clause[index], self.sentence[index]
        in_clause = [group for group in self.groups if group.clause == clause]
        if in_clause:
            nearest = min(in_clause, key=lambda group: (_gap(index, group), not group.is_knee))
            return nearest if _gap(index, nearest) <= window else None
        in_sentence = [group for group in self.groups if group.sentence == sentence]
        if in_sentence:
            nearest = min(
                in_sentence,
                key=lambda group: (
                    abs(group.clause - clause),
                    group.start > index,
                    _gap(index, group),
                ),
            )
            return nearest if self._reaches(index, nearest) else None
        if self._is_answered_yes(index):  # "Any pain? Y. Where? knee (L)": the part named next
            named_next = [
                group
                for group in self.groups
                if group.start > index
                and self.flow[group.sentence] - self.flow[sentence] <= _SENTENCES_BACK
            ]
            if named_next:
                return named_next[0]
        before = [
            group
            for group in self.groups
            if group.sentence < sentence
            and self.flow[sentence] - self.flow[self._last_spoken_of(group)] <= _SENTENCES_BACK
        ]
        if before:
            last = max(before, key=lambda group: group.start)
            return last if self._reaches(index, last) else None
        if any(group.sentence < sentence for group in self.groups):
            return None
        after = [group for group in self.groups if group.sentence == sentence + 1]
        return min(after, key=lambda group: group.start) if after else None

    def _is_answered_yes(self, index: int) -> bool:
        """Whether a form asks of this word and the answer is yes ("Any pain? Y.", "dor? sim.",
        "Schmerzen? Ja")."""
        rest = [at for at in range(index + 1, min(len(self.tokens), index + 5))]
        rest = [at for at in rest if self.tokens[at] != "¶"]
        if len(rest) < 2 or self.tokens[rest[0]] != "?" or not self.kinds[rest[1]] & ANSWER_YES:
            return False
        after = rest[1] + 1  # the answer alone: "Y." ("? y ..." may be "and")
        return after >= len(self.tokens) or bool(self.kinds[after] & BREAK)

    @functools.cached_property
    def is_pain_asked_yes(self) -> bool:
        """Whether the note is a form whose pain question is answered yes ("dor? sim.")."""
        return bool(self.present & ANSWER_YES) and any(
            self.kinds[index] & PAIN and self._is_answered_yes(index)
            for index in range(len(self.tokens))
        )

    def _last_spoken_of(self, group: _Group) -> int:
        """The last sentence that named the part or said something of it."""
        return max([group.sentence, *(self.sentence[at] for at in group.live)])

    def _reaches(self, index: int, group: _Group) -> bool:
        """Whether a word from another clause may speak of this part: not of a knee said to be
        fine, unless the word's clause tells of later ("ok at first, then sore")."""
        if not group.is_fine:
            return True
        clause = self.clause[index]
        return any(
            self.kinds[position] & SEQUENCE
            for position in range(
                max(0, index - _WINDOW_TOKENS), min(len(self.tokens), index + _WINDOW_TOKENS)
            )
            if position > group.end
            and (
                self.clause[position] == clause
                or (position < index and self.clause[position] == clause - 1)
            )
        )  # "fine on the way up but coming down the right one started to ache"

    # --- scopes ----------------------------------------------------------------------

    def _is_negated(self, index: int) -> bool:
        """A negation shortly before the token, with only filler words between them."""
        tokens, kinds, clause = self.tokens, self.kinds, self.clause[index]
        position = index - 1
        while (
            position >= 0
            and self.clause[position] == clause
            and index - position <= _NEGATION_REACH_TOKENS
        ):
            token, kind = tokens[position], kinds[position]
            if kind & NEGATION or token.endswith("n't") or token in _BARE_CONTRACTIONS:
                return True
            if not kind & (NEGATION_FILLER | KNEE):
                break
            position -= 1
        # German and Dutch put the negation after the verb: "das Knie schmerzt nicht"
        after = index + 1
        return (
            after < len(tokens)
            and self.clause[after] == clause
            and bool(kinds[after] & NEGATION_AFTER)
        )

    def _resolution_after(self, index: int) -> int:
        """RESOLVED when the pain is said gone a few words on ("knee pain gone"), PAST when it
        was of the past ("knee injury last year"), else 0; "hasn't gone away" is neither."""
        clause = self.clause[index]
        for position in range(index + 1, min(len(self.tokens), index + 1 + _RESOLVED_REACH_TOKENS)):
            if self.clause[position] != clause:
                break
            kind = self.kinds[position]
            if kind & PAST or self._is_year_of(position):
                return PAST  # "knee injury last year", "knäskada 2020", "lesión de rodilla 2018"
            if kind & RESOLVED and not self._is_negated(position):
                return RESOLVED
        return 0

    def _is_year_of(self, position: int) -> bool:
        """A year right after the injury or the knee ("knee injury 2019", "blessure au genou
        2019"): when it happened, not "since 2023"."""
        return bool(_YEAR.fullmatch(self.tokens[position])) and bool(
            self.kinds[position - 1] & (PAIN | PARTS)
        )

    def _is_fine_after(self, group: _Group) -> bool:
        """'knee fine', 'knees felt great', 'Knee? Perfect.': a good state after the knee."""
        position = group.end
        while position < len(self.tokens):
            kind, token = self.kinds[position], self.tokens[position]
            if kind & GOOD and not self._is_negated(position):
                return True
            is_asked = token in {"?", ":", "¶", "-"} and position == group.end  # "Knee? Fine."
            if is_asked or (token == "¶" and self.tokens[position - 1] in {"?", ":"}):
                position += 1
                continue
            if not kind & STATE_FILLER:
                return False
            position += 1
        return False

    # --- scores and sides ------------------------------------------------------------

    def _score_at(self, index: int) -> float | None:
        """The value of a score at this token, when it rates pain (else None)."""
        token, kinds, tokens = self.tokens[index], self.kinds, self.tokens
        kind = kinds[index]
        before = [
            position
            for position in range(max(0, index - 2), index)
            if self.clause[position] == self.clause[index] and tokens[position] != _EFFORT
        ]
        if any(
            kinds[position] & NOT_PAIN_BEFORE and not self._rates_asked_pain(position)
            for position in before
        ):
            return None
        after = index + 1
        if (
            after < len(tokens)
            and kinds[after] & (COUNT | NOT_PAIN_BEFORE)
            and tokens[after] not in {"a", "an", _EFFORT}  # "knee 0/10, RPE 8/10": two ratings
        ):
            return None
        if kind & SCORE:
            return _score_value(token)
        if kind & OF_SCORE:  # "6 of 10": not "km 7 of 10", not "7 of 10 hill reps"
            if index > 0 and kinds[index - 1] & COUNT:
                return None
            if (
                after + 1 < len(tokens)
                and kinds[after + 1] & COUNT
                and self.clause[after + 1] == self.clause[index]
            ):
                return None  # not "6 of 10, no swelling": a count of the next clause
            return _score_value(token)
        if _number_value(token) is None:
            return None
        in_brackets = 0 < index < len(tokens) - 1 and tokens[index - 1] + tokens[after] == "()"
        if in_brackets and (index < 2 or not kinds[index - 2] & COUNT):
            return _number_value(token)  # "nothing major (2)", "knee pain yes (5)"
        if self._is_later_score(index) or self._is_joined_to_a_score(index):
            return _number_value(token)  # "3/10 at the start, 5 by the finish"
        position = index - 1
        while position >= 0 and tokens[position] in _BEFORE_A_BARE_SCORE:
            position -= 1
        after_comma = "," in tokens[position + 1 : index]  # "Pain? knee, 4."
        copula = position
        while (
            position >= 0
            and kinds[position] & STATE_FILLER
            and not kinds[position] & (SIDE | CONTINUING)  # "still a 4" is its own cue
        ):
            position -= 1  # "Knee is a 3 today", "knee was 4"
        if position < 0 or (kinds[position] & COUNT and not kinds[position] & (KNEE | SIDE)):
            return None
        cue = kinds[position]
        is_last = (  # "knee mildly sore, 2", "not very painful, a 2 maybe"
            after >= len(tokens)
            or kinds[after] & BREAK
            or (kinds[after] & SCORE_CUE and (after + 1 >= len(tokens) or kinds[after + 1] & BREAK))
        )
        if position != copula and not cue & (KNEE | KNEE_PAIN | PRONOUN | CONTINUING):
            return None  # "knee is a 3", "By the end it was a 5"
        if after_comma and not (cue & (KNEE | KNEE_PAIN) or (cue & PAIN and is_last)):
            return None
        if not cue & (PAIN | KNEE | KNEE_PAIN | SCORE_CUE | SIDE | FLAGS | CONTINUING | PRONOUN):
            return None  # "still a 4"
        if cue & SIDE and not cue & KNEE and not any(group.is_knee for group in self.groups):
            return None
        return _number_value(token)

    def _is_joined_to_a_score(self, index: int) -> bool:
        """A bare number joined to a score just before it, on the same scale: "4 su 10
        camminando e 6 correndo", "3/10 walking, 5 running", "L 2/10 and R 4"."""
        joint = index - 1
        if joint < 1 or not (self.kinds[joint] & JOINER or self.tokens[joint] == ","):
            return False
        return any(
            self.kinds[at] & (SCORE | OF_SCORE) and self.sentence[at] == self.sentence[index]
            for at in range(max(0, joint - _SCORE_CONTEXT_TOKENS), joint)
        )

    def _rates_asked_pain(self, index: int) -> bool:
        """Whether an intensity field rates the pain a form asked of ("dor? sim. ...
        intensidade (0-10): 4"), not the effort: the word of intensity is "intens..." in each
        of the ten languages."""
        return self.tokens[index].startswith("intens") and self.is_pain_asked_yes

    def _is_later_score(self, index: int) -> bool:
        """A bare number said with a later time or now, after a clause that scored the pain
        with an earlier time: "knee pain 3 at the start, 5 by the finish", "6/10 yesterday,
        today down to 4", "Knie gestern 5/10, heute 3"."""
        clause, sentence = self.clause[index], self.sentence[index]
        near = range(
            max(0, index - _SCORE_CONTEXT_TOKENS),
            min(len(self.tokens), index + 1 + _SCORE_CONTEXT_TOKENS),
        )
        said = [at for at in near if self.clause[at] == clause]
        if not (
            any(self.kinds[at] & LATER for at in said)
            or self.grammar.now.search(" ".join(self.tokens[at] for at in said))
        ):
            return False
        before = [
            at
            for at in range(index)
            if self.sentence[at] == sentence and self.clause[at] == clause - 1
        ]
        return any(self.kinds[at] & (SCORE | OF_SCORE | NUMBER) for at in before) and bool(
            self.grammar.earlier.search(" ".join(self.tokens[at] for at in before))
            or self._is_said_now(index)
        )

    def _is_said_now(self, index: int) -> bool:
        """Whether "now" comes right before the number ("was 5, now 3", "war 5, jetzt 3",
        "era 5, ahora 3", "i dag 3") or right after it ("Sex av tio i mål, tre nu")."""
        clause = self.clause[index]
        said = [at for at in range(max(0, index - 2), index) if self.clause[at] == clause]
        next_said = [
            at
            for at in range(index + 1, min(len(self.tokens), index + 3))
            if self.clause[at] == clause
        ]
        return any(
            self.grammar.now.fullmatch(" ".join(self.tokens[at] for at in said[start:]))
            for start in range(len(said))
        ) or any(
            self.grammar.now.fullmatch(" ".join(self.tokens[at] for at in next_said[:end]))
            for end in range(1, len(next_said) + 1)
        )

    def _score(self, index: int, value: float) -> None:
        group = self._owner(index, _SCORE_WINDOW_TOKENS)
        if group is None or not group.is_knee or (group.is_framed and not self._is_others(group)):
            return  # a knee feared for or recalled takes no number of today ("ho paura per il
            # ginocchio, oggi 6 facili"); a coach's "Athlet meldet Schmerzen im Knie, 3/10" does
        if self.sentence[index] != group.sentence and not (
            group.live
            or group.weak
            # "itb flaring again outside of r knee. ended 5/10": the pain of the sentence before
            or any(
                other.is_knee and other.sentence == group.sentence and (other.live or other.weak)
                for other in self.groups
            )
            or self._sentence_has(self.sentence[index], PAIN | FLAGS)
            or (self._is_asked(group) and not group.is_fine)
            or self._is_named_again(group)
        ):
            return  # "Knee fine. 7/10 today": not the knee's score ("Knee better. 1/10" is; so
            # is "how's the knee? me: meh. 2/5 on the run")
        previous = index - 1
        while previous >= 0 and (  # "L: 3", "il destro direi 2" ("I'd say")
            self.tokens[previous] in {":", "=", "(", "~", "_to_", "_say_"}
        ):
            previous -= 1
        side = None
        if previous >= 0 and self.kinds[previous] & SIDE and not self.kinds[previous] & PARTS:
            side = _side(self._side_words([self.tokens[previous]]))
        group.scores.append((index, value, side))

    def _is_named_again(self, group: _Group) -> bool:
        """Whether the knee, named again in a sentence of no state of its own, follows its pain in
        the sentence before ("pijn aan mijn rechterknie. Waarschijnlijk weer de ITB. Ik geef het
        een 5 uit 10"): a later score is that pain's."""
        return not group.is_fine and any(
            other.is_knee and other.sentence == group.sentence - 1 and (other.live or other.weak)
            for other in self.groups
        )

    def _is_others(self, group: _Group) -> bool:
        """Whether another person's cue frames the part ("Athlet meldet ... Knie")."""
        return any(
            self.kinds[at] & OTHER_PERSON
            for at in range(group.start)
            if self.clause[at] == group.clause
        )

    def _is_asked(self, group: _Group) -> bool:
        """Whether the part is asked of ("how's the knee?", "Knie?")."""
        return "?" in self.tokens[group.end : group.end + 2]

    def _loose_side(self, index: int) -> None:
        """A side said away from the knee word, in a clause of its own or with "side" ("ITB,
        left side", "(left)", "both sides", "ha ceduto al km 9, il destro", "R. Hurts")."""
        if any(
            group.start - 4 <= index < group.end + 3
            for group in self.groups
            if group.clause == self.clause[index]
        ):
            return  # a side beside a part: read with the part
        after = index + 1
        has_noun = bool(self.kinds[index] & SIDE_NOUN) or (  # "left leg", "left side"
            after < len(self.tokens) and bool(self.kinds[after] & SIDE_NOUN)
        )
        if not (has_noun or self._is_side_clause(index)):
            return
        group = self._owner(index)
        if group is not None and group.is_knee:
            group.sides |= self._side_words([self.tokens[index]])

    def _is_side_clause(self, index: int) -> bool:
        """Whether the side's clause says only the side, with its article and what the knee
        feels ("la derecha", "il destro", "R. Hurts", "left, 3/10"): not "right after the run",
        "2 km left"."""
        clause = self.clause[index]
        return all(
            self.kinds[position] & _SIDE_CLAUSE_KINDS
            for position in range(len(self.tokens))
            if self.clause[position] == clause and position != index
        )

    def _sides(self, group: _Group) -> set[str]:
        """'left knee', 'my right outer knee', 'Knie links', 'both knees', 'L 2/10, R 4/10'."""
        tokens, kinds = self.tokens, self.kinds
        words: list[str] = []
        position = group.start - 1
        while (
            position >= 0 and self.clause[position] == group.clause and group.start - position <= 4
        ):
            words.append(tokens[position])
            if not kinds[position] & (SIDE_GAP | JOINER | SIDE | SIDE_NOUN):  # "right side knee"
                break
            position -= 1
        words += tokens[group.start : group.end]  # "left and right knee"
        for position in range(group.end, min(group.end + 3, len(tokens))):
            if self.clause[position] != group.clause:
                break
            words.append(tokens[position])  # "genou droit", "ITB on the left"
            if not kinds[position] & SIDE_GAP:
                break
        words += self._side_after_pain(group) + self._side_ending_clause(group)
        if "(" in tokens[group.end : group.end + 8]:  # "knee pain 3/10 (left)", "(L/R)"
            bracket = tokens.index("(", group.end)
            inside = tokens[bracket + 1 : bracket + 2 + _ASIDE_MAX_TOKENS]
            words += inside[: inside.index(")")] if ")" in inside else inside[:1]
        sides = self._side_words(words) | group.sides
        scored = {side for _, value, side in group.scores if side and value > 0}
        if len(scored) > 1 or not sides:  # "L 2/10, R 4/10": both
            sides |= scored
        if not sides and any(
            tokens[index] in self.grammar.both_knees for index in range(group.start, group.end)
        ):
            sides.add("both")
        return sides

    def _side_ending_clause(self, group: _Group) -> list[str]:
        """A side said last in the part's clause, after an article or "on" ("The jumper's knee
        is still there on the right", "le genou me gêne encore à droite")."""
        end = min(len(self.tokens), group.end + _WINDOW_TOKENS)
        for position in range(group.end + 1, end):
            if self.clause[position] != group.clause:
                break
            after = position + 1
            if (
                self.kinds[position] & SIDE
                and self.kinds[position - 1] & SIDE_GAP
                and (after >= len(self.tokens) or self.clause[after] != group.clause)
            ):
                return [self.tokens[position]]
        return []

    def _side_after_pain(self, group: _Group) -> list[str]:
        """A side after the pain words ("knee pain R", "knee sore left side"), said as a letter,
        with "side", or last in its clause (not "knee sore right after the run")."""
        position = group.end
        while position < len(self.tokens) and self.kinds[position] & (PAIN | FLAGS | SCORE):
            position += 1  # "knee discomfort 2/10 L", "Knie weggeknickt 😬 rechts"
        if position == group.end or position >= len(self.tokens):
            return []
        token, after = self.tokens[position], position + 1
        if not self.kinds[position] & SIDE:
            return []
        is_last = after >= len(self.tokens) or self.clause[after] != self.clause[position]
        if len(token) == 1 or is_last or self.kinds[after] & SIDE_NOUN:
            return [token]
        return []

    def _side_words(self, words: list[str]) -> set[str]:
        sides = set()
        for word in words:
            kind = self.grammar.kind(word)
            if kind & LEFT:
                sides.add("left")
            if kind & RIGHT:
                sides.add("right")
            if kind & BOTH:
                sides.add("both")
        return sides

    def _current_score(self, scores: list[tuple[int, float, str | None]]) -> float | None:
        """Of several scores: the latest of a change, else the highest of today's."""
        if not scores:
            return None
        timed = [(self._score_time(at), at, value) for at, value, _ in scores]
        timed = [(time, at, value) for time, at, value in timed if time > -2]
        if not timed:
            return None
        later = [(at, value) for time, at, value in timed if time > 0]
        if later:
            return max(later)[1]
        current = [(at, value) for time, at, value in timed if time == 0]
        today = [value for at, value in current if self._said_of_today(at)]
        if today and any(self._said_of_a_day_before_score(at) for at, _ in current):
            return max(today)  # "el martes ... un 5/10. Hoy ... sigue en un 3": 3
        return max([value for _, value in current] or [value for _, _, value in timed])

    def _said_of_today(self, index: int) -> bool:
        """Whether the score's sentence says today or now before it ("Hoy rodaje suave y sigue
        en un 3")."""
        return bool(self.grammar.now.search(self._sentence_before(index)))

    def _said_of_a_day_before_score(self, index: int) -> bool:
        """Whether the score's sentence says a day before, before it ("el martes hice las
        series ... un 5/10", "yesterday ... 6/10"), and not today."""
        said = self._sentence_before(index)
        return not self.grammar.now.search(said) and bool(
            self.grammar.previous_day.search(said)
            or any(word in self.grammar.weekdays for word in said.split())
        )

    def _sentence_before(self, index: int) -> str:
        sentence = self.sentence[index]
        start = index
        while start > 0 and self.sentence[start - 1] == sentence:
            start -= 1
        return " ".join(self.tokens[start:index])

    def _score_time(self, index: int) -> int:
        """-2 for a score left behind ("from 2/10 to ..."), -1 for one of before ("yesterday
        5/10"), 1 for a later one ("now 2/10"), else 0."""
        clause = self.clause[index]
        before = [
            position
            for position in range(max(0, index - _SCORE_CONTEXT_TOKENS), index)
            if self.clause[position] == clause
        ]
        after = [
            position
            for position in range(
                index + 1, min(len(self.tokens), index + 1 + _SCORE_CONTEXT_TOKENS)
            )
            if self.clause[position] == clause
        ]
        if index and self.tokens[index - 1] == "_to_":
            return 1  # the end of a change ("from 5/10 to 2/10"), whole
        if any(self.kinds[position] & FROM for position in before[-2:]):
            return -2
        if any(self.kinds[position] & LATER for position in before):
            return 1
        start = index  # the earlier time may open the clause ("vorige maand was het nog een 6"),
        while (  # but one before another score is that score's ("van een 4 naar een 2")
            start > 0
            and self.clause[start - 1] == clause
            and not self.kinds[start - 1] & (SCORE | OF_SCORE | NUMBER)
        ):
            start -= 1
        context_before = " ".join(self.tokens[start:index])
        context_after = " ".join(self.tokens[position] for position in after)
        if self.grammar.earlier.search(context_before) or self.grammar.earlier.search(
            context_after
        ):
            return -1
        if any(self.kinds[position] & LATER for position in after):
            return 1
        return 0

    def _sentence_has(self, sentence: int, kind: int) -> bool:
        return any(
            self.kinds[index] & kind and not self.framed[index]
            for index in range(len(self.tokens))
            if self.sentence[index] == sentence
        )


def _is_bare(group: _Group) -> bool:
    """A knee named with nothing said of it ("..., vondt, h. kne"): the knee the sentence's
    pain is about, so its side is that knee's."""
    return not (
        group.live or group.clear or group.weak or group.scores or group.is_fine or group.is_framed
    )


def _gap(index: int, group: _Group) -> int:
    return group.start - index if index < group.start else index - group.end + 1


def _side(sides: set[str]) -> str | None:
    if "both" in sides or {"left", "right"} <= sides:
        return "both"
    return next(iter(sides), None)


def _excerpt(sentence: str) -> str:
    text = " ".join(sentence.split())
    if len(text) <= _EXCERPT_MAX_CHARS:
        return text
    return text[: _EXCERPT_MAX_CHARS - 1].rstrip() + "…"
