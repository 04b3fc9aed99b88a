"""English: the words of knee pain, scores and dates."""

from analyzer.lexicon.words import Words

WORDS = Words(
    markers=(
        "the", "and", "my", "was", "after", "with", "felt", "bit", "today", "run", "knee",
        "knees", "sore", "pain", "but", "of", "on", "it", "this", "at", "easy", "long",
    ),
    knee_pattern=r"knees?|kneecaps?|knee's|patella[es]?|patellar",
    both_knees=("knees", "kneecaps"),
    knee_pain_pattern=(
        r"\b(?:runner|jumper)'?s'?[- ]knee\b|\bpatell\w*[- ]?femoral(?: pain)?(?: syndrome)?\b"
        r"|\bpfps\b|\bpatellar tendin\w+|\bpatellar tendon\w* pain\b|\bchondromalac\w*"
        r"|\b(?:it|iliotibial)[- ]?band[- ]syndrome\b|\bitb[- ]?syndrome\b|\bitbs\b"
    ),
    not_knee_pattern=(
        r"\bknee[- ]?(?:high|length|deep)s?\b|\bhigh[- ]knees?\b"
        r"|\bknee[- ](?:drives?|lifts?|raises?|tucks?|ups?|sleeves?|straps?|braces?)\b"
    ),
    someone_elses_knee_pattern=(
        r"\b(?:his|her|their|your)\s+(?:(?:left|right|bad|sore|dodgy)\s+)?knees?\b"
        r"|\b(?:friend|wife|husband|partner|son|daughter|mum|mom|dad|brother|sister|teammate"
        r"|buddy|mate|coach|client|girlfriend|boyfriend|colleague|dog|training partner)'?s'?"
        r"\s+(?:(?:left|right|bad|sore)\s+)?knees?\b"
    ),
    past_pattern=(
        r"\blast (?:year|month|season|summer|winter|spring|autumn|fall)'?s\b"
        r"|\bold(?= (?:\w+ )?(?:knee )?(?:injur|surgery|op\b|operation|problem))"
        r"|\b(?:previous|former)\b|\b(?:years|months) ago\b|\bhistory of\b"
    ),
    pain_pattern=(
        r"pains?|painful|sore|soreness|sorer|achy|aches?|ached|aching|hurts?|hurting|twinges?|"
        r"twinged|twingy|niggles?|niggled|niggly|niggling|tender|tenderness|throbb?\w*|"
        r"injur\w*|tweak\w*|strain\w*|sprain\w*|issues?|problems?|trouble|flare\w*|irritat\w*|"
        r"inflam\w*|grumbl\w*|complain\w*|pinch\w*|killing|discomfort|uncomfortable|bad|"
        r"dodgy|barking|grumpy|cranky|angry|unhappy"
    ),
    pain_phrase_pattern=(
        r"\b(?:act|acts|acted|acting) up\b|\bplaying up\b"
        r"|\bnot (?:so |too |very |that |at all )?(?:happy|great|good|right)\b"
    ),
    other_part_pattern=(
        r"calf|calves|shins?|ankles?|foot|feet|heels?|achilles|hamstrings?|hammys?|quads?|"
        r"quadriceps|hips?|glutes?|butt|back|thighs?|groin|toes?|arch|arches|plantar|fascia|"
        r"shoulders?|neck|lungs?|chest|stomach|throat|head|legs?|muscles?|tendons?|wrist|elbow"
    ),
    swelling_pattern=r"\bswell(?:ing|ed|s)?\b|\bswollen\b|\bpuffy\b|\bfluid on\b",
    locking_pattern=r"\block(?:ed|ing|s)?(?: up)?\b|\bcatch(?:ing|es)\b|\bstuck\b",
    giving_way_pattern=(
        r"\b(?:gave|giving|give|gives|given) (?:way|out)\b|\bbuckl(?:ed|ing|es?)\b"
        r"|\bunstable\b|\bcollapsed\b"
    ),
    sharp_pattern=r"\b(?:sharp|stabbing|shooting)\b",
    resolved_pattern=(
        r"\bpain[- ]?free\b|\b(?:went|gone|go|goes) away\b|\bcleared up\b"
        r"|\bsettled(?: down)?\b|\bnothing from the knee\b"
    ),
    no_longer_pattern=r"\bno longer\b|\bnot any ?more\b|\bnot even\b",
    resolved=("gone", "resolved", "disappeared", "vanished", "healed", "recovered"),
    good_state=(
        "fine", "ok", "okay", "good", "great", "perfect", "happy", "strong", "solid", "normal",
        "quiet", "silent", "behaved",
    ),
    state_fillers=(
        "is", "was", "are", "were", "felt", "feels", "feel", "feeling", "seemed", "seems", "all",
        "totally", "completely", "perfectly", "quite", "pretty", "really", "very", "now",
        "today", "again", "still", "held", "up", "holding", "stayed", "remained", "also", "too",
        "fully", "100%", "well", "both", "left", "right", "absolutely",
    ),
    negations=("no", "not", "never", "without", "none", "zero", "nor", "nothing", "_not_"),
    negation_fillers=(
        "any", "more", "much", "real", "really", "major", "significant", "noticeable",
        "obvious", "the", "my", "a", "an", "of", "have", "had", "has", "feel", "felt", "feeling",
        "notice", "noticed", "get", "got", "experience", "experienced", "trace", "sign", "signs",
        "hint", "bit", "little", "left", "right", "both", "in", "at", "on", "or", "and", "is",
        "was", "it", "did", "does", "do", "single", "slightest", "issues", "from",
    ),
    negations_after=(),
    left=("left", "l", "lt"),
    right=("right", "r", "rt"),
    both=("both", "bilateral", "bilaterally"),
    side_gap=(
        "my", "the", "outer", "inner", "outside", "inside", "lateral", "medial", "on", "of",
    ),
    joiners=("and", "&", "+", "/", "or", "the", "my"),
    clause_words=(
        "but", "however", "though", "although", "yet", "except", "whereas", "because",
        "cause", "since", "so", "then", "while", "unlike",
    ),
    pronouns=("it", "its", "it's"),
    improving=("better", "improving", "improved", "easing", "eased", "less", "settling"),
    out_of_pattern=r"out of|of",
    effort_pattern=r"rpe|effort|exertion|borg|intensity",
    change_pattern=r"→|->|=>|>|then|and then|rising to|up to|now|to",
    range_pattern=r"-|–|to|or",
    pain_before_number_pattern=r"pain",
    not_a_score_after_pattern=r"x\b|km|k\b|mi\b|miles?|min|h\b|hours?|days?|weeks?|times|reps",
    not_pain_score_before=(
        "rpe", "effort", "exertion", "borg", "intensity", "session", "workout", "race",
        "energy", "sleep", "mood", "motivation", "legs", "_effort_", "stress", "fatigue",
    ),
    months=(
        ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
        ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
        ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
        ("december", "dec"),
    ),
    weekdays=(
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tues", "tue", "wed", "thurs", "thur", "thu", "fri", "sat", "sun",
    ),
)  # fmt: skip
