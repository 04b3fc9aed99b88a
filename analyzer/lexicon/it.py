"""Italian: the words of knee pain, scores and dates."""

from analyzer.lexicon.words import Words

WORDS = Words(
    markers=(
        "il", "lo", "gli", "dopo", "con", "mio", "mia", "una", "ginocchio", "ginocchia",
        "dolore", "della", "al", "non", "ma", "oggi", "corsa", "è", "un", "po", "fa", "male",
        "sinistro", "destro", "leggero", "ancora", "uscita", "lungo", "nessun", "di", "che",
        "ho", "mi", "ieri", "fastidio", "discesa", "salita", "allenamento",
    ),
    knee_pattern=r"ginocchio|ginocchia|ginocchi|rotula|rotule|menisco|menischi",
    both_knees=("ginocchia", "ginocchi", "rotule"),
    knee_pain_pattern=(
        r"\bsindrome della bendelletta\b|\bbendelletta ileotibiale\b|\btendinite rotulea\b"
        r"|\bginocchio del corridore\b|\bcondromalacia\w*"
    ),
    not_knee_pattern=(
        r"\bginocchia alte\b|\bskip\b|\bcalze (?:\w+ )?al ginocchio\b|\bginocchier\w*"
    ),
    someone_elses_knee_pattern=(
        r"\bginocchi[oa] (?:del|della|di) (?:mio|mia) (?:amic[oa]|fratello|sorella|moglie"
        r"|marito|compagn[oa]|allenatore|figli[oa]|ragazz[oa])\b|\bsuo ginocchio\b"
    ),
    past_pattern=r"\bl'anno scorso\b|\bvecchi[oa]\b|\banni fa\b|\bprecedente\b",
    pain_pattern=(
        r"dolore|dolori|male|tira|tirava|fastidi\w*|doloros[oa]|dolorante|dolent[ei]|fastidi?o?|infortuni\w*|infiammat\w*|"
        r"tendinite|duole|fitt[ae]|indolenzit\w*|acciacc\w*|problem[ai]|sofferen\w*|"
        r"risentit\w*|irritat\w*"
    ),
    pain_phrase_pattern="",
    other_part_pattern=(
        r"polpaccio|polpacci|stinco|stinchi|tibia|tibie|caviglia|caviglie|piede|piedi|"
        r"tallone|talloni|achille|femorali|quadricipite|quadricipiti|anca|anche|glute[oi]|schiena|cosci[ae]|inguine|dita|"
        r"fascia|plantare|spall[ae]|collo|gamb[ae]|muscol[oi]|tendin[ei]|polso|gomito|testa"
    ),
    swelling_pattern=r"\bgonfi[oa]\w*|\bgonfiore\b|\bversamento\b",
    locking_pattern=r"\bbloccat\w*|\bsi blocca\w*|\bblocco\b",
    giving_way_pattern=r"\bceduto\b|\bcede\b|\bcedimento\w*|\binstabil\w*|\bmi ha mollato\b",
    sharp_pattern=r"\bacut[oa]\b|\blancinant\w*|\bpungent\w*|\bfitte?\b",
    resolved_pattern=r"\bsenza dolore\b|\bè passato\b|\bpassato tutto\b",
    no_longer_pattern=r"\bnon più\b|\bpiù nessun\w*\b|\bnon \w+ più\b",
    resolved=("sparito", "sparita", "passato", "passata", "scomparso", "guarito"),
    good_state=("bene", "benissimo", "perfetto", "ok", "posto", "alla", "grande", "tranquillo"),
    state_fillers=(
        "sta", "stava", "stato", "è", "era", "si", "sente", "sentiva", "tutto", "molto", "oggi",
        "di", "nuovo", "a", "ha", "tenuto", "risposto", "sinistro", "destro", "sempre",
        "perfettamente", "ancora",
    ),
    negations=("non", "senza", "nessun", "nessuna", "nessuno", "mai", "né", "niente", "zero"),
    negation_fillers=(
        "mi", "ha", "ho", "il", "la", "al", "di", "fatto", "dato", "sentito", "avuto", "un",
        "una", "minimo", "alcun", "alcuna", "neanche", "più",
    ),
    negations_after=(),
    left=("sinistro", "sinistra", "sx"),
    right=("destro", "destra", "dx"),
    both=("entrambe", "entrambi", "due"),
    side_gap=("il", "al", "mio", "nel", "lato", "esterno", "interno"),
    joiners=("e", "o", "il", "le", "la"),
    clause_words=("ma", "però", "perché", "poi", "tranne", "invece", "mentre", "anche se"),
    pronouns=(),
    improving=("meglio", "meno", "migliora", "migliorato", "miglioramento"),
    out_of_pattern=r"su",
    effort_pattern=r"sforzo|intensità|fatica percepita",
    change_pattern=r"poi|dopo|a",
    range_pattern=r"a|o",
    pain_before_number_pattern=r"dolore|vas",
    not_a_score_after_pattern=r"giorni|settimane|volte|ore",
    not_pain_score_before=("sforzo", "intensità", "sonno", "umore", "stanchezza", "energia"),
    months=(
        ("gennaio", "gen"), ("febbraio",), ("marzo",), ("aprile",), ("maggio", "mag"),
        ("giugno", "giu"), ("luglio", "lug"), ("agosto", "ago"), ("settembre", "set"),
        ("ottobre", "ott"), ("novembre",), ("dicembre", "dic"),
    ),
    weekdays=(
        "lunedì", "lunedi", "martedì", "martedi", "mercoledì", "mercoledi", "giovedì",
        "giovedi", "venerdì", "venerdi", "sabato", "domenica", "lun", "mar", "mer", "gio",
        "ven", "sab", "dom",
    ),
)  # fmt: skip
