"""Reading knee pain out of a runner's notes: which knee, how bad, and the red-flag words.

Runners write "left knee sore, 3/10", "pain below the kneecap", "ITB flared up on the
downhill", "Knie tut weh", "douleur au genou droit" or "ondt i venstre knæ", and just as often
"no knee pain", "knee fine" or "knee pain gone". Each note is read in English and in its own
language, found from its words (`analyzer.lexicon.language_of`: en, de, fr, es, it, nl, da, sv,
no, pt), with that language's words for the knee, pain, sides, negations, "fine", red flags and
scores (the tables live in analyzer/lexicon/). A note counts as knee pain when a pain word
belongs to a knee mention in the same clause and is not negated or resolved:

- a knee mention: knee, kneecap, patella, the IT band (outer knee pain), Knie, genou,
  rodilla, ginocchio, knæ, knä, kne, joelho ...; "runner's knee", "ITB syndrome",
  "Knieschmerzen", "kniepijn", "knæsmerter" are pain by themselves; someone else's knee
  ("my friend's knee") and knee words of kit and drills ("knee-high socks", "high knees")
  are not the runner's knee;
- a pain word: pain, sore, ache, hurt, twinge, niggle, tender, ... (Schmerz, douleur, dolor,
  dolore, pijn, ondt, ont, vondt, dor ...), a red-flag word, or a score out of ten next to
  the knee ("knee 3/10");
- a pain of the past ("last year's knee injury", "vorig jaar") is not pain now;
- a pain word belongs to the nearest body part in its clause, so "calf sore" and "hamstring
  sore behind the knee" are not knee pain, but "knee and calf sore" is;
- a negation shortly before the knee or the pain word ("no knee pain", "without knee pain",
  "knee isn't sore", "keine Knieschmerzen"), a resolution after it ("knee pain gone"), or a
  good state right after the knee ("knee fine", "knees felt great") is not pain;
- clauses end at commas, semicolons, brackets, dashes and at "but", "because", "aber" ...;
- "it" opening a sentence is the knee when the sentence before named the knee last ("Left
  knee felt odd at 5 km. It hurt on the hills." is left knee pain).

Scores are read wherever they stand in the sentence that reports the pain (or in the next):
"7/10", "7 / 10", "7 out of 10", "7 of 10", "pain 7", "VAS 4", before or after the pain
words, after "run," or a distance, in brackets; a range "6-7/10" counts its higher end, a
change "3/10 -> 5/10" or "3/10 then 5/10" its latest. Effort ratings are known by their own
words ("RPE 7", "effort 8/10", "a 7/10 effort") and are never pain.

Red flags (seeds, NHS: see a professional at once): swelling, locking, giving way, sharp pain.
Everything here is plain functions on strings; `knee_notes` applies them to a notes table,
reading only the notes that mention a knee at all.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from analyzer.lexicon import ENGLISH, LANGUAGES, Words, language_of, words_for

RED_FLAGS = ("swelling", "locking", "giving way", "sharp pain")
SIDES = ("left", "right", "both")
MAX_SCORE_OF_10 = 10.0

# A note is read only when it has one of these (a cheap vectorised first pass).
_KNEE_HINT = "|".join(
    (
        r"patell|\bit[- ]?bands?\b|\bitbs?\b|iliotibial|chondromalac|condromalac|\bpfps\b",
        *(words.knee_pattern for words in LANGUAGES.values()),
        *(words.knee_pain_pattern for words in LANGUAGES.values()),
    )
)
_KNEE_HINT_PATTERN = re.compile(_KNEE_HINT, re.I)
# The IT band rubs at the outer knee: ITB pain counts as knee pain, in every language.
_IT_BAND = r"\bit[- ]?bands?\b|\biliotibial(?: band| tract)?\b|\bitb\b"
# A number as written in a score
_NUMBER = r"(?<![\d.,/])(\d{1,2}(?:[.,]\d)?)"
_FLAG_TOKENS = {"_swell_": "swelling", "_locking_": "locking", "_giving_way_": "giving way"}
# Elided articles and pronouns split from their word: l'anno, n'ai, d'une, dell'anca
_ELISION = re.compile(r"^(l|d|j|n|m|s|c|t|qu|un|dell|all|nell|sull)'(\w.*)$")
_TOKEN = re.compile(r"_score_[\d.,]+_|_[a-z_]+_|\d+%|[\w']+|[,;()\[\]]|\s[-–—]\s")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+|(?<=[.!?])$")
_ABBREVIATED_WORD = re.compile(r"(\w+)\.$")
_ABBREVIATION_MAX_CHARS = 4
_EXCERPT_MAX_CHARS = 200
_WINDOW_TOKENS = 8  # a pain word this far from a knee mention is not about it
_NEGATION_REACH_TOKENS = 4  # a negation this far before, across fillers only
_RESOLVED_REACH_TOKENS = 6  # "the knee pain from last week is gone"
_SCORE_REACH_TOKENS = 4  # "pain 6 of 10", "knee: 3/10", "VAS 2 in the left knee"
_ASIDE_MAX_TOKENS = 2  # "(ITB?)": a bracket this short is part of its clause
_EFFORT_LOOK_BACK_TOKENS = 2  # "RPE 7/10", "effort: 8/10"
_BARE_CONTRACTIONS = {
    "dont", "didnt", "isnt", "wasnt", "doesnt", "hasnt", "havent", "wont", "cant", "arent",
}  # fmt: skip
# A score before these counts reps or distance, not pain
_NOT_PAIN_SCORE_AFTER = {
    "reps", "rep", "intervals", "repeats", "sets", "x", "km", "laps", "effort", "rpe",
}  # fmt: skip


def _higher(match: re.Match[str]) -> str:
    """The higher end of a range of scores ("6-7/10" is 7)."""
    low, high = (float(value.replace(",", ".")) for value in match.groups())
    return f" {match[2] if high >= low else match[1]}"


@dataclass(frozen=True)
class _Grammar:
    """One language's words (with English) compiled for reading notes."""

    phrases: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...]
    knee: re.Pattern[str]
    pain: re.Pattern[str]
    other_part: re.Pattern[str]
    negations: frozenset[str]
    negation_fillers: frozenset[str]
    negations_after: frozenset[str]
    resolved: frozenset[str]
    good_state: frozenset[str]
    state_fillers: frozenset[str]
    left: frozenset[str]
    right: frozenset[str]
    both: frozenset[str]
    side_abbreviations: frozenset[str]  # "li.", "izq.", "dcha.": a period that ends no sentence
    both_knees: frozenset[str]
    side_gap: frozenset[str]
    joiners: frozenset[str]
    clause_words: frozenset[str]
    pronouns: frozenset[str]
    improving: frozenset[str]
    not_pain_score_before: frozenset[str]


@functools.cache
def _grammar(language: str) -> _Grammar:
    words: Words = words_for(language)
    out_of = rf"\s*/\s*10\b|\s+(?:{words.out_of_pattern})\s+10\b"
    not_a_score = rf"\s*(?:[/%.,]\d|%|{words.not_a_score_after_pattern})"
    phrases: list[tuple[str, str | Callable[[re.Match[str]], str]]] = [
        (words.someone_elses_knee_pattern, " _other_word_ "),
        (words.not_knee_pattern, " _other_word_ "),
        (words.knee_pain_pattern, " _knee_pain_ "),
        (_IT_BAND, " _knee_ "),
        (words.past_pattern, " _past_ "),
        (words.giving_way_pattern, " _giving_way_ "),
        (words.locking_pattern, " _locking_ "),
        (words.swelling_pattern, " _swell_ "),
        (words.sharp_pattern, " _sharp_ "),
        (words.resolved_pattern, " _resolved_ "),
        (words.no_longer_pattern, " _not_ "),
        (words.pain_phrase_pattern, " _pain_ "),
        # effort ratings, by their own words: "RPE 7", "effort 8/10", "a 7/10 effort"
        (
            rf"\b(?:{words.effort_pattern})\s*(?:was|of|at|:|=)?\s*{_NUMBER}(?:{out_of})?",
            " _effort_ ",
        ),
        (rf"{_NUMBER}(?:{out_of})\s*(?:{words.effort_pattern})\b", " _effort_ "),
        # a change, the latest counts: "3/10 -> 5/10", "3/10 then 5/10"
        (
            rf"{_NUMBER}(?:{out_of})?\s*(?:{words.change_pattern})\s*{_NUMBER}(?={out_of})",
            r" \2",
        ),
        # a range, the higher counts: "6-7/10"
        (rf"{_NUMBER}\s*(?:{words.range_pattern})\s*{_NUMBER}(?={out_of})", _higher),
        # a score out of ten: "3/10", "7 / 10", "6 of 10", "7 out of 10", "3 von 10"
        (rf"{_NUMBER}(?:{out_of})", r" _score_\1_ "),
        # a bare number after a scale or pain word: "VAS 4", "pain 7", "Schmerz 5"
        (
            rf"\b(vas|nrs|{words.pain_before_number_pattern})\s*(?:level|score)?\s*[:=]?\s*"
            rf"{_NUMBER}(?!{not_a_score})",
            r" \1 _score_\2_ ",
        ),
    ]
    return _Grammar(
        phrases=tuple((re.compile(pattern), text) for pattern, text in phrases if pattern),
        knee=re.compile(f"{words.knee_pattern}|_knee_"),
        pain=re.compile(f"{words.pain_pattern}|_pain_|_knee_pain_"),
        other_part=re.compile(f"{words.other_part_pattern}|_other_word_"),
        negations=frozenset((*words.negations, "_not_", "_past_")),
        negation_fillers=frozenset(words.negation_fillers),
        negations_after=frozenset((*words.negations_after, "_not_")),
        resolved=frozenset((*words.resolved, "_resolved_", "_past_")),
        good_state=frozenset((*words.good_state, "_resolved_")),
        state_fillers=frozenset(words.state_fillers),
        left=frozenset(words.left),
        right=frozenset(words.right),
        both=frozenset(words.both),
        side_abbreviations=frozenset(
            word
            for side_words in (words.left, words.right)
            for word in side_words[1:]  # the first is the side's full word ("left", "links")
            if len(word) <= _ABBREVIATION_MAX_CHARS
        ),
        both_knees=frozenset(words.both_knees),
        side_gap=frozenset(words.side_gap),
        joiners=frozenset((*words.joiners, *words.left, *words.right, *words.both)),
        clause_words=frozenset(words.clause_words),
        pronouns=frozenset(words.pronouns),
        improving=frozenset(words.improving),
        not_pain_score_before=frozenset((*words.not_pain_score_before, "_effort_")),
    )


@dataclass(frozen=True)
class KneePain:
    """Knee pain a note reports: which knee, its score out of ten, red-flag words, the sentence."""

    side: str | None  # left, right, both, or None when the note does not say
    score_of_10: float | None
    red_flags: tuple[str, ...]  # of RED_FLAGS, in the order written
    excerpt: str  # the sentence that reports it
    language: str = ENGLISH  # the note's language, found from its words (analyzer.lexicon)
    is_improving: bool = False  # the sentence says it is getting better ("better", "besser")


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
    """Whether the pain came with swelling, locking, giving way or sharp pain: see someone now."""
    return pain is not None and bool(pain.red_flags)


def knee_notes(notes: pd.DataFrame) -> pd.DataFrame:
    """The notes that mention a knee, with `knee_pain` (KneePain or None) and `is_knee_clear`.

    Only notes whose text holds a knee word at all are read sentence by sentence, so a log of
    years of notes costs one vectorised search and a few parses.
    """
    text = notes["text"].astype("string").fillna("")
    mentions = text.str.contains(_KNEE_HINT, case=False, regex=True).fillna(False)
    candidates = notes[mentions.to_numpy(dtype=bool)]
    readings = [_read(value) for value in candidates["text"]]
    return candidates.assign(
        knee_pain=pd.Series([pain for pain, _ in readings], index=candidates.index, dtype=object),
        is_knee_clear=pd.Series(
            [pain is None and clear for pain, clear in readings], index=candidates.index, dtype=bool
        ),
    )


def _read(text: object) -> tuple[KneePain | None, bool]:
    """The knee pain in a text, and whether a knee mention in it was said to be fine."""
    if not isinstance(text, str) or not _KNEE_HINT_PATTERN.search(text):
        return None, False
    return _read_text(text)


@functools.lru_cache(maxsize=8192)  # the same note often comes from two sources
def _read_text(text: str) -> tuple[KneePain | None, bool]:
    language = language_of(text)
    grammar = _grammar(language)
    sentences = _sentences(text, grammar)
    painful: list[tuple[str, list[str], _SentenceReading]] = []
    loose_scores: list[float] = []
    is_clear = False
    last_part = None  # the body part the sentence before named last: "knee", "other" or None
    previous, previous_tokens = "", list[str]()
    follows_pain = False  # the sentence before reported knee pain
    for sentence in sentences:
        tokens = _tokens(sentence, grammar)
        said = sentence
        if last_part == "knee" and tokens and tokens[0] in grammar.pronouns:
            # "Left knee felt odd at 5 km. It hurt on the hills.": "it" is the left knee
            tokens = [*_last_knee_mention(previous_tokens, grammar), *tokens[1:]]
            said = f"{previous} {sentence}"
        last_part = _last_part(tokens, grammar) or last_part
        previous, previous_tokens = sentence, tokens
        reading = _read_sentence(tokens, grammar)
        is_clear = is_clear or reading.is_clear
        if reading.sides is not None:
            painful.append((said, tokens, reading))
        elif (follows_pain or any(grammar.pain.fullmatch(token) for token in tokens)) and not any(
            grammar.other_part.fullmatch(token) for token in tokens
        ):  # "Knee sore. Pain 4/10.", "ITB flared up at mile 9. Probably 6 out of 10."
            loose_scores += _scores(tokens, range(len(tokens)), grammar)
        follows_pain = reading.sides is not None
    if not painful:
        return None, is_clear
    sides = {side for _, _, reading in painful for side in reading.sides or ()}
    scores = [reading.score_of_10 for _, _, reading in painful if reading.score_of_10 is not None]
    flags = [flag for _, _, reading in painful for flag in reading.red_flags]
    score = max(scores) if scores else (max(loose_scores) if loose_scores else None)
    if score is not None and score <= 0:  # "knee 0/10" is no pain at all
        return None, True
    return (
        KneePain(
            side=_side(sides),
            score_of_10=score,
            red_flags=tuple(dict.fromkeys(flags)),
            excerpt=_excerpt(painful[0][0]),
            language=language,
            is_improving=any(
                token in grammar.improving for _, tokens, _ in painful for token in tokens
            ),
        ),
        is_clear,
    )


def _sentences(text: str, grammar: _Grammar) -> list[str]:
    """The sentences of a note; a side written short ("li. Knie", "rodilla izq. duele") ends
    none, so the knee keeps its side and its pain."""
    sentences: list[str] = []
    start = 0
    for end in _SENTENCE_END.finditer(text):
        abbreviated = _ABBREVIATED_WORD.search(text, start, end.start())
        if abbreviated and abbreviated.group(1).lower() in grammar.side_abbreviations:
            continue
        sentences.append(text[start : end.start()])
        start = end.end()
    sentences.append(text[start:])
    return [sentence.strip() for sentence in sentences if sentence.strip()]


def _last_knee_mention(tokens: list[str], grammar: _Grammar) -> list[str]:
    """The last knee a sentence named, with its side when one stands right before it."""
    sides = grammar.left | grammar.right | grammar.both
    for index in range(len(tokens) - 1, -1, -1):
        if grammar.knee.fullmatch(tokens[index]):
            side = tokens[index - 1] if index else ""
            return [side, "knee"] if side in sides else ["knee"]
    return ["knee"]


def _last_part(tokens: list[str], grammar: _Grammar) -> str | None:
    """'knee' or 'other': the body part named last in a sentence (None when it names none)."""
    for token in reversed(tokens):
        if grammar.knee.fullmatch(token):
            return "knee"
        if grammar.other_part.fullmatch(token):
            return "other"
    return None


@dataclass
class _SentenceReading:
    sides: set[str] | None  # None: no knee pain in the sentence
    score_of_10: float | None
    red_flags: list[str]
    is_clear: bool


def _tokens(sentence: str, grammar: _Grammar) -> list[str]:
    text = " " + sentence.lower().replace("’", "'").replace("`", "'") + " "
    for pattern, replacement in grammar.phrases:
        text = pattern.sub(replacement, text)
    tokens: list[str] = []
    for found in _TOKEN.findall(text):
        token = found.strip()
        elided = _ELISION.match(token)
        parts = elided.groups() if elided else (token,)
        tokens += ["-" if part in {"-", "–", "—"} else part.strip("'") for part in parts]
    return [token for token in tokens if token]


def _read_sentence(tokens: list[str], grammar: _Grammar) -> _SentenceReading:
    sides: set[str] = set()
    red_flags: list[str] = []
    pain_positions: list[int] = []
    is_clear = False
    for clause in _clauses(tokens, grammar):
        groups = _part_groups(tokens, clause, grammar)
        knee_groups = [group for group in groups if group[2]]
        if not knee_groups:
            continue
        clause_pain = False
        is_past = any(tokens[index] == "_past_" for index in clause)
        for start, end, _ in knee_groups:
            if _is_good_state_after(tokens, end, clause, grammar):
                is_clear = True
                continue
            evidence = _evidence_for(tokens, clause, groups, (start, end), grammar)
            mention_is_pain = any(tokens[index] == "_knee_pain_" for index in range(start, end))
            mention_negated = _is_negated(tokens, start, clause, grammar)
            if mention_is_pain and (
                mention_negated or _is_resolved_after(tokens, end - 1, clause, grammar)
            ):
                is_clear = is_clear or not is_past
                continue
            live = [
                index
                for index in evidence
                if not mention_negated
                and not _is_negated(tokens, index, clause, grammar)
                and not _is_resolved_after(tokens, index, clause, grammar)
                and not _is_zero_score(tokens[index])
            ]
            if evidence and not live and not is_past:
                is_clear = True
            if not live and not mention_is_pain:
                continue
            clause_pain = True
            pain_positions += list(range(start, end))
            for other_start, other_end, _ in knee_groups:  # "right knee outside (ITB) sore"
                sides |= _sides_of(tokens, other_start, other_end, clause, grammar)
            red_flags += [flag for index in live if (flag := _red_flag(tokens[index]))]
        if clause_pain:
            red_flags += [
                "sharp pain"
                for index in clause
                if tokens[index] == "_sharp_" and not _is_negated(tokens, index, clause, grammar)
            ][:1]
    if not pain_positions:
        return _SentenceReading(None, None, [], is_clear)
    # "left knee sore after the fall, very swollen": a red flag in a clause that names no
    # body part speaks of the knee the sentence reports
    for clause in _clauses(tokens, grammar):
        if not _part_groups(tokens, clause, grammar):
            red_flags += [
                _FLAG_TOKENS[tokens[index]]
                for index in clause
                if tokens[index] in _FLAG_TOKENS and not _is_negated(tokens, index, clause, grammar)
            ]
    score = _nearest_score(tokens, pain_positions, grammar)
    return _SentenceReading(sides, score, red_flags, is_clear)


def _clauses(tokens: list[str], grammar: _Grammar) -> list[range]:
    """The token ranges between clause breaks."""
    clauses, start = [], 0
    asides = _short_asides(tokens)
    for index, token in enumerate(tokens):
        if index in asides:
            continue
        if token in {",", ";", "(", ")", "[", "]", "-"} or token in grammar.clause_words:
            clauses.append(range(start, index))
            start = index + 1
    clauses.append(range(start, len(tokens)))
    return [clause for clause in clauses if len(clause)]


def _short_asides(tokens: list[str]) -> set[int]:
    """Positions of brackets around two words or fewer ("(ITB?)", "(left)"): no clause break."""
    found = set()
    for index, token in enumerate(tokens):
        if token in {"(", "["}:
            closing = ")" if token == "(" else "]"
            inside = tokens[index + 1 : index + 1 + _ASIDE_MAX_TOKENS + 1]
            if closing in inside:
                found |= {index, index + 1 + inside.index(closing)}
    return found


def _part_groups(
    tokens: list[str], clause: range, grammar: _Grammar
) -> list[tuple[int, int, bool]]:
    """Body-part mentions as (start, end, has_knee); parts joined by 'and', '/' are one group."""
    groups: list[list] = []
    for index in clause:
        token = tokens[index]
        is_knee = bool(grammar.knee.fullmatch(token)) or token == "_knee_pain_"
        if not is_knee and not grammar.other_part.fullmatch(token):
            continue
        if groups and all(
            tokens[between] in grammar.joiners for between in range(groups[-1][1], index)
        ):
            groups[-1][1] = index + 1
            groups[-1][2] = groups[-1][2] or is_knee
        else:
            groups.append([index, index + 1, is_knee])
    return [(start, end, has_knee) for start, end, has_knee in groups]


def _evidence_for(
    tokens: list[str],
    clause: range,
    groups: list[tuple[int, int, bool]],
    knee: tuple[int, int],
    grammar: _Grammar,
) -> list[int]:
    """The pain words, red flags and scores of the clause whose nearest body part is this knee."""
    evidence = []
    for index in clause:
        token = tokens[index]
        is_score = token.startswith("_score_")
        if not (grammar.pain.fullmatch(token) or token in _FLAG_TOKENS or is_score):
            continue
        if token == "_knee_pain_":
            continue  # a pain by itself, judged as a mention
        nearest = min(groups, key=lambda group: (_gap(index, group), not group[2]))
        if nearest[:2] != knee or _gap(index, nearest) > _WINDOW_TOKENS:
            continue
        if is_score and (
            _gap(index, nearest) > _SCORE_REACH_TOKENS
            or not _is_pain_score(tokens, index, clause, grammar)
        ):
            continue
        evidence.append(index)
    return evidence


def _gap(index: int, group: tuple[int, int, bool]) -> int:
    start, end, _ = group
    return start - index if index < start else index - end + 1


def _is_negated(tokens: list[str], index: int, clause: range, grammar: _Grammar) -> bool:
    """A negation shortly before the token, with only filler words between them."""
    position = index - 1
    while position >= clause.start and index - position <= _NEGATION_REACH_TOKENS:
        token = tokens[position]
        if token in grammar.negations or token.endswith("n't") or token in _BARE_CONTRACTIONS:
            return True
        if token not in grammar.negation_fillers and not grammar.knee.fullmatch(token):
            return False
        position -= 1
    # German and Dutch put the negation after the verb: "das Knie schmerzt nicht"
    after = index + 1
    return after < clause.stop and tokens[after] in grammar.negations_after


def _is_resolved_after(tokens: list[str], index: int, clause: range, grammar: _Grammar) -> bool:
    stop = min(clause.stop, index + 1 + _RESOLVED_REACH_TOKENS)
    return any(tokens[position] in grammar.resolved for position in range(index + 1, stop))


def _is_good_state_after(tokens: list[str], end: int, clause: range, grammar: _Grammar) -> bool:
    """'knee fine', 'knees felt great', 'genou nickel': a good state right after the knee."""
    for position in range(end, clause.stop):
        token = tokens[position]
        if token in grammar.good_state:
            return True
        if token not in grammar.state_fillers:
            return False
    return False


def _is_zero_score(token: str) -> bool:
    value = _score_value(token)
    return value is not None and value <= 0


def _is_pain_score(tokens: list[str], index: int, clause: range, grammar: _Grammar) -> bool:
    """Whether a score rates pain: not effort, sleep or mood before it, nor reps after it."""
    before = tokens[max(clause.start, index - _EFFORT_LOOK_BACK_TOKENS) : index]
    after = tokens[index + 1 : index + 2]
    return not (
        any(token in grammar.not_pain_score_before for token in before)
        or any(token in _NOT_PAIN_SCORE_AFTER for token in after)
    )


def _score_value(token: str) -> float | None:
    if not token.startswith("_score_"):
        return None
    value = float(token.removeprefix("_score_").removesuffix("_").replace(",", "."))
    return value if 0 <= value <= MAX_SCORE_OF_10 else None


def _scores(tokens: list[str], positions: range, grammar: _Grammar) -> list[float]:
    """The pain scores at these positions (a slash score anywhere, '6 of 10' near pain)."""
    clauses = _clauses(tokens, grammar)
    found = []
    for index in positions:
        value = _score_value(tokens[index])
        clause = next((clause for clause in clauses if index in clause), range(index, index + 1))
        if value is None or not _is_pain_score(tokens, index, clause, grammar):
            continue
        found.append(value)
    return found


def _nearest_score(tokens: list[str], pain_positions: list[int], grammar: _Grammar) -> float | None:
    """The score nearest the painful knee in its sentence, skipping other parts' clauses."""
    candidates = []
    for clause in _clauses(tokens, grammar):
        has_knee = any(position in clause for position in pain_positions)
        has_other = any(grammar.other_part.fullmatch(tokens[index]) for index in clause)
        if has_other and not has_knee:
            continue
        for index in clause:
            value = _score_value(tokens[index])
            if value is not None and _is_pain_score(tokens, index, clause, grammar):
                distance = min(abs(index - position) for position in pain_positions)
                candidates.append((distance, value))
    return min(candidates)[1] if candidates else None


def _sides_of(
    tokens: list[str], start: int, end: int, clause: range, grammar: _Grammar
) -> set[str]:
    """'left knee', 'my right outer knee', 'Knie links', 'genou droit', 'both knees', 'knees'."""
    words: list[str] = []
    position = start - 1
    while position >= clause.start and start - position <= 4:
        token = tokens[position]
        words.append(token)
        if token not in grammar.side_gap and token not in grammar.joiners:
            break
        position -= 1
    words += [tokens[index] for index in range(start, end)]  # "left and right knee"
    for index in range(end, min(end + 3, clause.stop)):  # "genou droit", "ITB on the left"
        words.append(tokens[index])
        if tokens[index] not in grammar.side_gap:
            break
    bracket = tokens.index("(", end) if "(" in tokens[end : end + 4] else -1
    if bracket >= 0 and bracket + 1 < len(tokens):  # "knee pain 3/10 (left)"
        words.append(tokens[bracket + 1])
    sides = set()
    if any(word in grammar.left for word in words):
        sides.add("left")
    if any(word in grammar.right for word in words):
        sides.add("right")
    if any(word in grammar.both for word in words) or (
        not sides and any(word in grammar.both_knees for word in tokens[start:end])
    ):
        sides.add("both")
    return sides


def _side(sides: set[str]) -> str | None:
    if "both" in sides or {"left", "right"} <= sides:
        return "both"
    return next(iter(sides), None)


def _red_flag(token: str) -> str | None:
    return _FLAG_TOKENS.get(token)


def _excerpt(sentence: str) -> str:
    text = " ".join(sentence.split())
    if len(text) <= _EXCERPT_MAX_CHARS:
        return text
    return text[: _EXCERPT_MAX_CHARS - 1].rstrip() + "…"
