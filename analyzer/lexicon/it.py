"""Italian: the words of knee pain, scores and dates."""

from analyzer.lexicon.words import Words

_MEDIA = (  # what one reads, hears or watches: a topic, not a feeling
    r"(?:podcast|puntat[ae]|episodi[oi]?|articol[oi]|video|libr[oi]|blog|studio|studi"
    r"|conferenz[ae]|documentari[oi]?|forum|thread|post|capitol[oi]|webinar|cors[oi]"
    r"|intervist[ae]|trasmission[ei])"
)

# who gives the talk or writes the piece: "una conferenza del fisio su"
_AUTHOR = r"(?:(?:(?:di|del|della|dal|dalla|con|col)\s+|dell')(?:\w+\s+){0,2}\w+\s+)?"

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
        r"\bginocchi[oa] (?:del|della|di) (?:mio|mia) (?:alliev[oa]|principiante|partecipante"
        r"|amic[oa]|fratello|sorella|moglie"
        r"|marito|compagn[oa]|allenatore|figli[oa]|ragazz[oa])\b"
        r"|\b(?:il )?suo (?:\w+ )?ginocchio\b|\bginocchio (?:suo|di lui|di lei)\b"
    ),
    past_pattern=(
        # the weeks after an injury: it is over
        r"\bdopo (?:l'|il |la |il mio |la mia )(?:infortunio|intervento|operazione|lesione)\b|"
        r"\bl'anno scorso\b|\bvecchi[oa]\b|\b(?:anni|anno|mese) fa\b|\bprecedente\b"
        r"|\bmi ricordo\b|\bricordo (?:quando|che)\b|\bti ricordi\b|\bl'ultima volta\b"
        r"|\bnel (?:19|20)\d\d\b|\bquando avevo\b|\bmesi fa\b"
    ),
    pain_pattern=(
        r"dolore|dolori|male|tira|tirava|fastidi\w*|doloros[oaie]|dolorant[ei]|dolent[ei]"
        r"|fastidi?o?"
        r"|infortuni\w*|infiammat\w*|"
        r"tendinite|duole|fitt[ae]|indolenzit\w*|acciacc\w*|problem[ai]|sofferen\w*|"
        r"risentit\w*|irritat\w*"
        r"|brucia|brontol\w*|protest\w*|uccide\w*|rompe|ahi|ahia|ahio"
    ),
    pain_phrase_pattern=(
        r"\bfa (?:i capricci|le bizze|storie)\b|"
        r"\bsi fa sentire\b|\bdà (?:un po' di )?fastidio\b"
        r"|\bdi nuovo no\b|\bha detto no\b|\bsi rifiut\w*|\bsi è svegliato\b"
        r"|\b(?:ritirato|ritiro|saltato|interrotto|dnf)\b|\ba causa (?:del|del mio) (?=ginocchio)"
    ),
    not_part_pattern=r"\ba piedi\b|\bin piedi\b|\bai piedi (?:di|del|della|dei)\b",
    other_part_pattern=(
        r"polpaccio|polpacci|stinco|stinchi|tibia|tibie|caviglia|caviglie|piede|piedi|"
        r"tallone|talloni|achille|femorali|quadricipite|quadricipiti|anca|anche|glute[oi]|schiena"
        r"|cosci[ae]|cosce|inguine|dita|"
        r"fascia|plantare|spall[ae]|collo|gamb[ae]|muscol[oi]|tendin[ei]|polso|gomito|testa"
    ),
    compound_links=(),
    swelling_pattern=r"\bgonfi\w*|\bversamento\b",
    locking_pattern=(
        r"\bbloccat\w*|\bsi blocca\w*|\bblocco\b|\bnon riesco a (?:stender\w*|piegar\w*)"
        r"|\bsi incastr\w*|\bsi inceppa\w*|\bsi impunta\w*"
    ),
    giving_way_pattern=(
        r"\bceduto\b|\bcede\b|\bcedev[ao]\b|\bcedono\b|\bsi piega\b|\bcedimento\w*|\binstabil\w*"
        r"|\bmi ha mollato\b"
        r"|\bmi ha tradito\b"
        r"|\bsi è (?:piegat|accasciat)[oa]\b|\bmi ha (?:abbandonat[oa]|piantat[oa])\b"
        r"|\bha cedut[oa]\b"
    ),
    sharp_pattern=r"\bacut[oa]\b|\blancinant\w*|\bpungent\w*|\bfitt[ae]\b",
    weight_bearing_pattern=(
        r"\bnon\s+(?:riesco|riuscivo|posso|potevo|sono riuscit[oa]|ce la faccio)\s+(?:a\s+|ad\s+)?"
        r"(?:appoggiare|poggiare|caricare|mettere peso|stare in piedi)(?:\s+(?:bene|per niente))?"
        r"(?:\s+(?:il piede|la gamba|il peso|peso|sulla gamba|sul piede))?\b"
        r"|\bnon\s+(?:regge|reggeva|ha retto|sostiene|sosteneva|teneva)\s+(?:il\s+)?(?:mio\s+)?"
        r"peso\b|\bnon mi (?:regge|reggeva|sostiene|sosteneva|teneva)\b"
    ),
    resolved_pattern=(
        r"\bsenza dolore\b|\bè passato\b|\bpassato tutto\b"
        r"|\bun lontano ricordo\b|\bacqua passata\b|\bdimenticat[oa]\b"
    ),
    no_longer_pattern=(
        r"\bnon (?:\w+ ){0,3}più\b|\bpiù nessun\w*\b"
        r"|\b(?:niente|nulla) da (?:segnalare|dire|riferire|notare)\b"
    ),
    resolved=("sparito", "sparita", "passato", "passata", "scomparso", "guarito"),
    good_phrase_pattern=(
        r"\bmeglio che mai\b|\bcome nuov[oa]\b"
        # "the least of my problems": the knee is fine
        r"|\bil (?:minore|minimo|più piccolo) dei miei problemi\b"
        r"|\bl'ultimo dei miei (?:problemi|pensieri)\b"
    ),
    say_pattern=r"\b(?:io )?direi\b|\bdiciamo\b",
    legs=("gamba", "gambe"),
    hedged_pattern=(
        r"\bcos[iì] cos[iì]\b|\binsomma\b|\bbenino\b|\bpiù o meno (?:bene|ok)\b"
    ),
    good_state=("bene", "benissimo", "perfetto", "ok", "posto", "alla", "grande", "tranquillo"),
    state_fillers=(
        "sta", "stava", "stato", "è", "era", "si", "sente", "sentiva", "tutto", "molto", "oggi",
        "di", "nuovo", "a", "ha", "tenuto", "risposto", "sinistro", "destro", "sempre",
        "perfettamente", "ancora",
        "po", "parecchio", "decisamente",  # how much ("much better")
    ),
    negations=(
        "non", "senza", "nessun", "nessuna", "nessuno", "mai", "né", "niente", "zero", "nulla",
        "neanche", "nemmeno", "neppure",
    ),
    negation_fillers=(
        "mi", "ha", "ho", "il", "la", "al", "di", "fatto", "dato", "sentito", "avuto", "un",
        "una", "minimo", "alcun", "alcuna", "neanche", "più",
    ),
    negations_after=(),
    left=("sinistro", "sinistra", "sx"),
    right=("destro", "destra", "dx"),
    both=("entrambe", "entrambi", "due"),
    side_gap=("il", "al", "mio", "nel", "lato", "esterno", "interno", "comunque", "a"),
    joiners=("e", "o", "il", "le", "la"),
    clause_words=("ma", "però", "perché", "poi", "tranne", "invece", "mentre", "anche se"),
    improving=("meglio", "meno", "migliora", "migliorato", "miglioramento"),
    out_of_pattern=r"su",
    effort_pattern=r"sforzo|intensità|fatica percepita|fatica|stanchezza",
    change_pattern=r"poi|dopo|a",
    range_pattern=r"a|o",
    spelled_knee=("ginocchio", "ginocchia", "rotula"),
    other_people_pattern=(
        # what another reports ("according to her"): theirs
        r"\bsecondo (?:lui|lei|loro)\b|"
        # "whoever has knee pain ..." (a coach's message to a group): not the runner's
        r"\bchi(?= (?:ha|abbia|hanno|sente|senta)\b)|"
        # the pain of another said with "gli"/"le" ("gli fa male il ginocchio"): theirs
        r"\b(?:gli|le)(?=\s+(?:fa|fanno|faceva)\s+male\b)|"
        r"\batleta\s+che\s+(?:io\s+)?(?:alleno|seguo)\b|"
        r"\bvisto\s+(?:un|una|qualcuno)\b|"
        r"\b(?!atleta\b)(?:(?:il mio|la mia|un|una|mio|mia)\s+(?:\w+\s+)?)?"
        r"(?:alliev[oa]|principiante|partecipante|amic[oa]|fratello|sorella|moglie"
        r"|marito|compagn[oa]|figli[oa]|ragazz[oa]|atleta|cane|collega|padre|madre|papà|mamma"
        r"|nonn[oa]|zi[oa]|cugin[oa]|vicin[oa]|allenat(?:ore|rice))"
        r"(?:\s+(?!(?:and|und|et|y|e|en|og|och)\b)\w+){0,3}?"
        r"(?=\s+(?:ha|aveva|è|era|dice|diceva|si lamenta|lamentava|con|sente|sentiva"
        r"|segnala|lamenta"
        r"|si)\b)"
    ),
    pronouns=(),
    own=("mio", "mia", "miei", "mie"),
    other_subjects=("lui", "lei", "loro"),
    hypothetical_pattern=(
        r"\bspero\b|\bsperiamo\b|\bse (?=il |la |mi |domani|torna|dovesse)|\bnel caso\b"
        r"|\bcaso mai\b|\bpaura\b|\bterrorizzat[oa]\b|\bansia\b|\btemo\b|\bnervos[oa]\b"
        r"|\bper evitare\b|\bevitare\b|\bprevenire\b|\bpotrebbe\b"
        r"|\bpreoccupat[oa]\b|\bper precauzione\b"
    ),
    topic_pattern=(
        rf"\b{_MEDIA}"
        rf"\s+(?:\w+\s+){{0,2}}{_AUTHOR}(?:su|sul|sulla|sullo|sui|sulle|riguardo)\b|\b(?:letto"
        rf"|leggo"
        r"|leggendo|lessi|ascolto|ascoltando|chiesto"
        r"|parlato|domandato|sentito|ascoltato|guardato|visto|parlava|raccontato|raccontava"
        r"|spiegato|spiegava)\s+(?:\w+\s+){0,3}(?:di|del"
        r"|della|su|come|se|che)\b"
    ),
    media_pattern=_MEDIA,
    about_pattern=r"su|sul|sulla|sullo|riguardo(?: al?)?",
    spelled_pain=("dolore", "dolori", "fastidio", "gonfio", "dolorante"),
    exception_pattern=r"\btranne\b|\beccetto\b|\ba parte\b|\bsalvo\b|\bfuorché\b|\bad eccezione\b",
    answers_no=("nessuno", "nessuna", "niente", "no", "zero", "nulla"),
    answers_yes=("sì", "si", "s"),
    person_verbs=("ha", "aveva", "dice", "diceva", "si", "sente", "lamenta", "accusa"),
    first_person=("io", "noi"),
    that_words=("che",),
    location_words=("dietro", "sotto", "sopra", "intorno", "vicino", "attorno"),
    from_words=("da",),
    side_nouns=("lato",),
    sequence=(
        "poi", "dopo", "fino", "successivamente", "cominciato", "iniziato", "comincia", "inizia",
        "cominciò", "iniziò",
    ),
    returned_pattern=r"\bè tornat[oa]\b|\btorna\b",
    continuing=("ancora", "sempre", "nuovo", "solito"),
    numbers=(
        "zero", "uno|una|un", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove",
        "dieci",
    ),
    score_cues=(
        "circa", "tipo", "forse", "verso", "sul", "un", "una", "vas", "livello", "dolore", "~",
    ),
    count_pattern=(
        r"km|k|x|giorni|giorno|settimane?|volte|ore|h|min|minuti|ripetute|serie|giri|salite"
        r"|chilometri|metri|m|sec|%|bpm|scale"
    ),
    previous_day_pattern=r"\bieri\b|\bieri sera\b|\bl'altro ieri\b",
    earlier_pattern=(
        r"\bil mese scorso\b|\b(?:\w+ )?settimane? fa\b|"  # a month or weeks ago
        r"\bieri\b|\bprima\b|\bstamattina\b|\bla settimana scorsa\b|\ball'inizio\b|\bda\b"
    ),
    now_pattern=r"\bora\b|\badesso\b|\boggi\b|\battualmente\b",
    later=("ora", "adesso", "poi", "dopo", "fine", "finale", "→", "->", ">"),
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
