"""Reading knee pain out of a runner's notes: which knee, how bad, and the red-flag words.

Runners write "left knee sore, 3/10", "pain below the kneecap", "ITB flared up on the
downhill" or "Knie tut weh", and just as often "no knee pain", "knee fine" or "knee pain
gone". A note counts as knee pain when a pain word belongs to a knee mention in the same
clause and is not negated or resolved:

- a knee mention: knee, kneecap, patella, the IT band (outer knee pain), the German Knie and
  Kniescheibe; "runner's knee", "ITB syndrome", "Knieschmerzen" are pain by themselves;
- a pain word: pain, sore, ache, hurt, twinge, niggle, tender, ... (German Schmerz, weh,
  zwickt), a red-flag word, or a score out of ten next to the knee ("knee 3/10");
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

RED_FLAGS = ("swelling", "locking", "giving way", "sharp pain")
SIDES = ("left", "right", "both")
MAX_SCORE_OF_10 = 10.0

# A note is read only when it has one of these (a cheap vectorised first pass).
_KNEE_HINT = (
    r"knee|knie|patell|kniescheib|\bit[- ]?bands?\b|\bitbs?\b|iliotibial|chondromalac|\bpfps\b"
)

# A number as written in a score, and the ways of saying "out of ten"
_NUMBER = r"(?<![\d.,/])(\d{1,2}(?:[.,]\d)?)"
_OUT_OF_10 = r"\s*/\s*10\b|\s+(?:out of|of|von|aus)\s+10\b"
_EFFORT_WORDS = r"rpe|effort|exertion|borg|anstrengung|belastung"
_CHANGE_WORDS = r"→|->|=>|>|then|and then|rising to|up to|now|to|dann|auf"
_PAIN_BEFORE_NUMBER = r"pain|schmerz(?:en)?"
# After a bare number these make it a count or a distance, not a score ("pain 2 days")
_NOT_A_SCORE = (
    r"\s*(?:[/%.,]\d|%|x\b|km|k\b|mi\b|mile|min|h\b|hours?|days?|weeks?|times|reps|"
    r"tage|wochen|mal\b|std)"
)


def _higher(match: re.Match[str]) -> str:
    """The higher end of a range of scores ("6-7/10" is 7)."""
    low, high = (float(value.replace(",", ".")) for value in match.groups())
    return f" {match[2] if high >= low else match[1]}"


# Multi-word phrases become one token before the words are classified; order matters.
_PHRASES: tuple[tuple[str, str | Callable[[re.Match[str]], str]], ...] = (
    # knee words that are not about the knee joint
    (r"\bknee[- ]?(?:high|length|deep)s?\b|\bkniehoh\w*|\bknielang\w*", " _other_word_ "),
    (r"\bhigh[- ]knees?\b|\bknee[- ](?:drives?|lifts?|raises?|tucks?|ups?)\b", " _other_word_ "),
    # the knee's own pains, no pain word needed
    (r"\b(?:runner|jumper)'?s'?[- ]knee\b|\bl(?:ä|ae)uferknie\b", " _knee_pain_ "),
    (r"\bpatell\w*[- ]?femoral(?: pain)?(?: syndrome)?\b|\bpfps\b", " _knee_pain_ "),
    (r"\bpatellar tendin\w+|\bpatellar tendon\w* pain\b|\bchondromalac\w*", " _knee_pain_ "),
    (r"\b(?:it|iliotibial)[- ]?band[- ]syndrome\b|\bitb[- ]?syndrome\b|\bitbs\b", " _knee_pain_ "),
    (r"\bknie(?:schmerz|problem|beschwerde)\w*", " _knee_pain_ "),
    # the IT band rubs at the outer knee: ITB pain counts as knee pain
    (r"\bit[- ]?bands?\b|\biliotibial(?: band| tract)?\b|\bitb\b", " _knee_ "),
    # red flags
    (r"\b(?:gave|giving|give|gives|given) (?:way|out)\b|\bbuckl(?:ed|ing|es?)\b", " _giving_way_ "),
    (r"\bknickt?e? (?:\w+ )?weg\b|\bweggeknickt\b", " _giving_way_ "),
    (r"\block(?:ed|ing|s)?(?: up)?\b|\bblockier\w*|\bblockade\b", " _locking_ "),
    (r"\bswell(?:ing|ed|s)?\b|\bswollen\b|\bpuffy\b|\bgeschwollen\w*|\bschwellung\w*", " _swell_ "),
    (r"\b(?:sharp|stabbing|shooting)\b|\bstechend\w*", " _sharp_ "),
    # resolutions and negations of more than one word
    (r"\bpain[- ]?free\b|\bschmerzfrei\b|\bbeschwerdefrei\b", " _resolved_ "),
    (r"\b(?:went|gone|go|goes) away\b|\bcleared up\b|\bsettled(?: down)?\b", " _resolved_ "),
    (r"\bno longer\b|\bnot any ?more\b|\bnicht mehr\b", " _not_ "),
    # "knee acting up again": a flare
    (r"\b(?:act|acts|acted|acting) up\b", " flared "),
    # effort ratings, by their own words: "RPE 7", "effort 8/10", "felt like a 7/10 effort"
    (rf"\b(?:{_EFFORT_WORDS})\s*(?:was|of|at|:|=)?\s*{_NUMBER}(?:{_OUT_OF_10})?", " _effort_ "),
    (rf"{_NUMBER}(?:{_OUT_OF_10})\s*(?:{_EFFORT_WORDS})\b", " _effort_ "),
    # a change, the latest counts: "3/10 -> 5/10", "3/10 then 5/10", "from 3 to 5/10"
    (rf"{_NUMBER}(?:{_OUT_OF_10})?\s*(?:{_CHANGE_WORDS})\s*{_NUMBER}(?={_OUT_OF_10})", r" \2"),
    # a range, the higher counts: "6-7/10", "6 to 7 out of 10"
    (rf"{_NUMBER}\s*(?:-|–|to|bis|or)\s*{_NUMBER}(?={_OUT_OF_10})", _higher),
    # a score out of ten: "3/10", "7 / 10", "6 of 10", "7 out of 10", "3 von 10"
    (rf"{_NUMBER}(?:{_OUT_OF_10})", r" _score_\1_ "),
    # a bare number after a scale or pain word: "VAS 4", "pain 7", "Schmerz 5"
    (
        rf"\b(vas|nrs|{_PAIN_BEFORE_NUMBER})\s*(?:level|score)?\s*[:=]?\s*{_NUMBER}(?!{_NOT_A_SCORE})",
        r" \1 _score_\2_ ",
    ),
)
_KNEE_HINT_PATTERN = re.compile(_KNEE_HINT, re.I)
_PHRASE_PATTERNS = tuple((re.compile(pattern), text) for pattern, text in _PHRASES)

_KNEE = re.compile(
    r"knees?|kneecaps?|knee's|patella[es]?|patellar|knie|knies|kniescheiben?|kniekehlen?|"
    r"kniegelenke?|_knee_"
)
_PAIN = re.compile(
    r"pains?|painful|sore|soreness|sorer|achy|aches?|ached|aching|hurts?|hurting|twinges?|"
    r"twinged|twingy|niggles?|niggled|niggly|niggling|tender|tenderness|throbb?\w*|injur\w*|"
    r"tweak\w*|strain\w*|sprain\w*|issues?|problems?|trouble|flare\w*|irritat\w*|inflam\w*|"
    r"grumbl\w*|complain\w*|pinch\w*|killing|schmerz\w*|weh\w*|zwick\w*|zieht|ziehen|stich\w*|"
    r"discomfort|uncomfortable|bad|"
    r"beschwerden|probleme?|entz(?:ü|ue)nd\w*|gereizt|_knee_pain_"
)
_FLAG_TOKENS = {
    "_swell_": "swelling",
    "_locking_": "locking",
    "_giving_way_": "giving way",
}
_OTHER_PART = re.compile(
    r"calf|calves|shins?|ankles?|foot|feet|heels?|achilles|hamstrings?|hammys?|quads?|"
    r"quadriceps|hips?|glutes?|butt|back|thighs?|groin|toes?|arch|arches|plantar|fascia|"
    r"shoulders?|neck|lungs?|chest|stomach|throat|head|legs?|muscles?|tendons?|wrist|elbow|"
    r"waden?|schienbeine?|kn(?:ö|oe)chel|f(?:u|ü)(?:ss|ß)|f(?:ü|ue)(?:ss|ß)e|fersen?|"
    r"achillessehnen?|oberschenkel|h(?:ü|ue)ften?|r(?:ü|ue)cken|zehe?n?|oberschenkel|beine?|"
    r"_other_word_"
)
_NEGATIONS = {
    "no", "not", "never", "without", "none", "zero", "nor", "nothing", "_not_",
    "kein", "keine", "keinen", "keiner", "keinem", "nicht", "ohne", "nie", "niemals",
}  # fmt: skip
_BARE_CONTRACTIONS = {
    "dont", "didnt", "isnt", "wasnt", "doesnt", "hasnt", "havent", "wont", "cant", "arent",
}  # fmt: skip
# Words that may stand between a negation and what it negates ("no more knee pain")
_NEGATION_FILLERS = {
    "any", "more", "much", "real", "really", "major", "significant", "noticeable", "obvious",
    "the", "my", "a", "an", "of", "have", "had", "has", "feel", "felt", "feeling", "notice",
    "noticed", "get", "got", "experience", "experienced", "trace", "sign", "signs", "hint",
    "bit", "little", "left", "right", "both", "in", "at", "on", "or", "and", "mehr", "die",
    "das", "der", "dem", "den", "im", "am", "mein", "meine", "meinem", "meinen", "irgendwelche",
    "linke", "linken", "linkes", "rechte", "rechten", "rechtes", "beide", "beiden", "spürbaren",
    "spürbare", "echten", "große", "großen", "is", "was", "it", "did", "does", "do",
}  # fmt: skip
_RESOLVED = {
    "_resolved_", "gone", "resolved", "disappeared", "vanished", "healed", "recovered",
    "weg", "verschwunden", "vorbei", "ausgeheilt",
}  # fmt: skip
_GOOD_STATE = {
    "fine", "ok", "okay", "good", "great", "perfect", "happy", "strong", "solid", "normal",
    "gut", "prima", "super", "bestens", "stabil", "_resolved_",
}  # fmt: skip
_STATE_FILLERS = {
    "is", "was", "are", "were", "felt", "feels", "feel", "feeling", "seemed", "seems", "all",
    "totally", "completely", "perfectly", "quite", "pretty", "really", "very", "now", "today",
    "again", "still", "held", "up", "holding", "stayed", "remained", "also", "too", "fully",
    "ist", "war", "fühlte", "fühlt", "sich", "völlig", "ganz", "wieder", "heute", "alles",
    "blieb", "bleibt", "auch", "100%",
}  # fmt: skip
# Parts joined into one group: "knee and calf sore" is knee pain too
_LEFT = {"left", "l", "links", "linke", "linkes", "linken", "linker", "lt"}
_RIGHT = {"right", "r", "rechts", "rechte", "rechtes", "rechten", "rechter", "rt"}
_BOTH = {"both", "beide", "beiden", "bilateral", "bilaterally"}
_JOINERS = {"and", "und", "&", "+", "/", "or", "oder", "the", "my"} | _LEFT | _RIGHT | _BOTH
_SIDE_GAP = {"my", "the", "outer", "inner", "outside", "inside", "lateral", "medial", "mein",
             "meinem", "meinen", "im", "am", "dem", "das", "der", "äußeren", "inneren"}  # fmt: skip
# A score next to these is effort or a count, not pain
_NOT_PAIN_SCORE_BEFORE = {
    "rpe", "effort", "exertion", "borg", "anstrengung", "intensity", "session", "workout",
    "race", "energy", "sleep", "mood", "motivation", "legs", "_effort_",
}  # fmt: skip
_NOT_PAIN_SCORE_AFTER = {
    "reps", "rep", "intervals", "repeats", "sets", "x", "km", "laps", "effort", "rpe",
}  # fmt: skip

# Clauses end at these words and at , ; ( ) [ ] and spaced dashes
_CLAUSE_WORDS = {
    "but", "however", "though", "although", "yet", "except", "whereas", "because", "cause",
    "since", "so", "then", "aber", "jedoch", "doch", "sondern", "weil", "denn", "dann",
}  # fmt: skip
_TOKEN = re.compile(r"_score_[\d.,]+_|_[a-z_]+_|\d+%|[\wäöüß']+|[,;()\[\]]|\s[-–—]\s")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+|(?<=[.!?])$")
_EXCERPT_MAX_CHARS = 200
# A sentence that starts with one of these speaks of the part the sentence before named last
_PRONOUNS = {"it", "its", "it's", "es"}
_WINDOW_TOKENS = 8  # a pain word this far from a knee mention is not about it
_NEGATION_REACH_TOKENS = 4  # a negation this far before, across fillers only
_RESOLVED_REACH_TOKENS = 4  # "knee pain has now gone"
_SCORE_REACH_TOKENS = 3  # "pain 6 of 10", "knee: 3/10"


@dataclass(frozen=True)
class KneePain:
    """Knee pain a note reports: which knee, its score out of ten, red-flag words, the sentence."""

    side: str | None  # left, right, both, or None when the note does not say
    score_of_10: float | None
    red_flags: tuple[str, ...]  # of RED_FLAGS, in the order written
    excerpt: str  # the sentence that reports it


def knee_pain_in(text: object) -> KneePain | None:
    """The knee pain a note reports, or None when it reports none (or says the knee is fine)."""
    pain, _ = _read(text)
    return pain


def knee_clear_in(text: object) -> bool:
    """Whether a note says the knee is fine ("no knee pain", "knee pain gone") and not sore."""
    pain, is_clear = _read(text)
    return pain is None and is_clear


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
    sentences = [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]
    painful: list[tuple[str, list[str], _SentenceReading]] = []
    loose_scores: list[float] = []
    is_clear = False
    last_part = None  # the body part the sentence before named last: "knee", "other" or None
    previous, previous_tokens = "", []
    for sentence in sentences:
        tokens = _tokens(sentence)
        said = sentence
        if last_part == "knee" and tokens and tokens[0] in _PRONOUNS:
            # "Left knee felt odd at 5 km. It hurt on the hills.": "it" is the left knee
            tokens = [*_last_knee_mention(previous_tokens), *tokens[1:]]
            said = f"{previous} {sentence}"
        last_part = _last_part(tokens) or last_part
        previous, previous_tokens = sentence, tokens
        reading = _read_sentence(tokens)
        is_clear = is_clear or reading.is_clear
        if reading.sides is not None:
            painful.append((said, tokens, reading))
        elif any(_PAIN.fullmatch(token) for token in tokens) and not any(
            _OTHER_PART.fullmatch(token) for token in tokens
        ):  # "Knee sore. Pain 4/10."
            loose_scores += _scores(tokens, range(len(tokens)))
    if not painful:
        return None, is_clear
    sides = {side for _, _, reading in painful for side in reading.sides}
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
        ),
        is_clear,
    )


def _last_knee_mention(tokens: list[str]) -> list[str]:
    """The last knee a sentence named, with its side when one stands right before it."""
    for index in range(len(tokens) - 1, -1, -1):
        if _KNEE.fullmatch(tokens[index]):
            side = tokens[index - 1] if index else ""
            return [side, "knee"] if side in _LEFT | _RIGHT | _BOTH else ["knee"]
    return ["knee"]


def _last_part(tokens: list[str]) -> str | None:
    """'knee' or 'other': the body part named last in a sentence (None when it names none)."""
    for token in reversed(tokens):
        if _KNEE.fullmatch(token):
            return "knee"
        if _OTHER_PART.fullmatch(token):
            return "other"
    return None


@dataclass
class _SentenceReading:
    sides: set[str] | None  # None: no knee pain in the sentence
    score_of_10: float | None
    red_flags: list[str]
    is_clear: bool


def _tokens(sentence: str) -> list[str]:
    text = " " + sentence.lower().replace("’", "'").replace("`", "'") + " "
    for pattern, replacement in _PHRASE_PATTERNS:
        text = pattern.sub(replacement, text)
    tokens = [token.strip().strip("'") for token in _TOKEN.findall(text)]
    return ["-" if token in {"-", "–", "—"} else token for token in tokens]


def _read_sentence(tokens: list[str]) -> _SentenceReading:
    sides: set[str] = set()
    red_flags: list[str] = []
    pain_positions: list[int] = []
    is_clear = False
    for clause in _clauses(tokens):
        groups = _part_groups(tokens, clause)
        knee_groups = [group for group in groups if group[2]]
        if not knee_groups:
            continue
        clause_pain = False
        for start, end, _ in knee_groups:
            if _is_good_state_after(tokens, end, clause):
                is_clear = True
                continue
            evidence = _evidence_for(tokens, clause, groups, (start, end))
            mention_is_pain = any(tokens[index] == "_knee_pain_" for index in range(start, end))
            mention_negated = _is_negated(tokens, start, clause)
            if mention_is_pain and (mention_negated or _is_resolved_after(tokens, end - 1, clause)):
                is_clear = True
                continue
            live = [
                index
                for index in evidence
                if not mention_negated
                and not _is_negated(tokens, index, clause)
                and not _is_resolved_after(tokens, index, clause)
                and not _is_zero_score(tokens[index])
            ]
            if evidence and not live:
                is_clear = True
            if not live and not mention_is_pain:
                continue
            clause_pain = True
            pain_positions += list(range(start, end))
            sides |= _sides_of(tokens, start, end, clause)
            red_flags += [_red_flag(tokens[index]) for index in live if _red_flag(tokens[index])]
        if clause_pain:
            red_flags += [
                "sharp pain"
                for index in clause
                if tokens[index] == "_sharp_" and not _is_negated(tokens, index, clause)
            ][:1]
    if not pain_positions:
        return _SentenceReading(None, None, [], is_clear)
    score = _nearest_score(tokens, pain_positions)
    return _SentenceReading(sides, score, red_flags, is_clear)


def _clauses(tokens: list[str]) -> list[range]:
    """The token ranges between clause breaks."""
    clauses, start = [], 0
    for index, token in enumerate(tokens):
        if token in {",", ";", "(", ")", "[", "]", "-"} or token in _CLAUSE_WORDS:
            clauses.append(range(start, index))
            start = index + 1
    clauses.append(range(start, len(tokens)))
    return [clause for clause in clauses if len(clause)]


def _part_groups(tokens: list[str], clause: range) -> list[tuple[int, int, bool]]:
    """Body-part mentions as (start, end, has_knee); parts joined by 'and', '/' are one group."""
    groups: list[list] = []
    for index in clause:
        token = tokens[index]
        is_knee = bool(_KNEE.fullmatch(token)) or token == "_knee_pain_"
        if not is_knee and not _OTHER_PART.fullmatch(token):
            continue
        if groups and all(tokens[between] in _JOINERS for between in range(groups[-1][1], index)):
            groups[-1][1] = index + 1
            groups[-1][2] = groups[-1][2] or is_knee
        else:
            groups.append([index, index + 1, is_knee])
    return [(start, end, has_knee) for start, end, has_knee in groups]


def _evidence_for(
    tokens: list[str], clause: range, groups: list[tuple[int, int, bool]], knee: tuple[int, int]
) -> list[int]:
    """The pain words, red flags and scores of the clause whose nearest body part is this knee."""
    evidence = []
    for index in clause:
        token = tokens[index]
        is_score = token.startswith("_score_")
        if not (_PAIN.fullmatch(token) or token in _FLAG_TOKENS or is_score):
            continue
        if token == "_knee_pain_":
            continue  # a pain by itself, judged as a mention
        nearest = min(groups, key=lambda group: (_gap(index, group), not group[2]))
        if nearest[:2] != knee or _gap(index, nearest) > _WINDOW_TOKENS:
            continue
        if is_score and (
            _gap(index, nearest) > _SCORE_REACH_TOKENS or not _is_pain_score(tokens, index)
        ):
            continue
        evidence.append(index)
    return evidence


def _gap(index: int, group: tuple[int, int, bool]) -> int:
    start, end, _ = group
    return start - index if index < start else index - end + 1


def _is_negated(tokens: list[str], index: int, clause: range) -> bool:
    """A negation shortly before the token, with only filler words between them."""
    position = index - 1
    while position >= clause.start and index - position <= _NEGATION_REACH_TOKENS:
        token = tokens[position]
        if token in _NEGATIONS or token.endswith("n't") or token in _BARE_CONTRACTIONS:
            return True
        if token not in _NEGATION_FILLERS and not _KNEE.fullmatch(token):
            return False
        position -= 1
    # German puts the negation after the verb: "das Knie schmerzt nicht"
    after = index + 1
    return after < clause.stop and tokens[after] in {"nicht", "nie", "kaum"}


def _is_resolved_after(tokens: list[str], index: int, clause: range) -> bool:
    stop = min(clause.stop, index + 1 + _RESOLVED_REACH_TOKENS)
    return any(tokens[position] in _RESOLVED for position in range(index + 1, stop))


def _is_good_state_after(tokens: list[str], end: int, clause: range) -> bool:
    """'knee fine', 'knees felt great', 'Knie fühlte sich gut an': a good state right after."""
    for position in range(end, clause.stop):
        token = tokens[position]
        if token in _GOOD_STATE:
            return True
        if token not in _STATE_FILLERS:
            return False
    return False


def _is_zero_score(token: str) -> bool:
    value = _score_value(token)
    return value is not None and value <= 0


def _is_pain_score(tokens: list[str], index: int) -> bool:
    before = tokens[max(0, index - 2) : index]
    after = tokens[index + 1 : index + 2]
    return not (
        any(token in _NOT_PAIN_SCORE_BEFORE for token in before)
        or any(token in _NOT_PAIN_SCORE_AFTER for token in after)
    )


def _score_value(token: str) -> float | None:
    if not token.startswith("_score_"):
        return None
    value = float(token.removeprefix("_score_").removesuffix("_").replace(",", "."))
    return value if 0 <= value <= MAX_SCORE_OF_10 else None


def _scores(tokens: list[str], positions: range) -> list[float]:
    """The pain scores at these positions (a slash score anywhere, '6 of 10' near pain)."""
    found = []
    for index in positions:
        value = _score_value(tokens[index])
        if value is None or not _is_pain_score(tokens, index):
            continue
        found.append(value)
    return found


def _nearest_score(tokens: list[str], pain_positions: list[int]) -> float | None:
    """The score nearest the painful knee in its sentence, skipping other parts' clauses."""
    candidates = []
    for clause in _clauses(tokens):
        has_knee = any(position in clause for position in pain_positions)
        has_other = any(_OTHER_PART.fullmatch(tokens[index]) for index in clause)
        if has_other and not has_knee:
            continue
        for index in clause:
            value = _score_value(tokens[index])
            if value is not None and _is_pain_score(tokens, index):
                distance = min(abs(index - position) for position in pain_positions)
                candidates.append((distance, value))
    return min(candidates)[1] if candidates else None


def _sides_of(tokens: list[str], start: int, end: int, clause: range) -> set[str]:
    """'left knee', 'my right outer knee', 'Knie links', 'both knees', 'knees'."""
    words: list[str] = []
    position = start - 1
    while position >= clause.start and start - position <= 4:
        token = tokens[position]
        words.append(token)
        if token not in _SIDE_GAP and token not in _JOINERS:
            break
        position -= 1
    words += [tokens[index] for index in range(start, end)]  # "left and right knee"
    if end < clause.stop:
        words.append(tokens[end])
    bracket = tokens.index("(", end) if "(" in tokens[end : end + 4] else -1
    if bracket >= 0 and bracket + 1 < len(tokens):  # "knee pain 3/10 (left)"
        words.append(tokens[bracket + 1])
    sides = set()
    if any(word in _LEFT for word in words):
        sides.add("left")
    if any(word in _RIGHT for word in words):
        sides.add("right")
    if any(word in _BOTH for word in words) or (
        not sides and any(word in {"knees", "kneecaps"} for word in tokens[start:end])
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
