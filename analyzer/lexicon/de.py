"""German: the words of knee pain, scores and dates."""

from analyzer.lexicon.words import Words

_MEDIA = (  # what one reads, hears or watches: a topic, not a feeling
    r"(?:podcast|podcastfolge|folge|artikel|video|buch|blog|beitrag|studie|vortrag|forum"
    r"|thread|post|interview|sendung|doku|kapitel|webinar|kurs)(?:s|n|en|e)?"
)

# who gives the talk or writes the piece: "ein Vortrag vom Physio über"
_AUTHOR = r"(?:(?:von|vom|mit|des|der)\s+(?:\w+\s+){0,2}\w+\s+)?"

WORDS = Words(
    markers=(
        "der", "die", "das", "und", "nach", "mit", "ist", "war", "ein", "eine", "mein", "meine",
        "nicht", "beim", "heute", "lauf", "etwas", "im", "am", "auf", "tut", "weh", "leicht",
        "schmerzen", "wieder", "knieschmerzen", "linkes", "rechtes", "keine", "bisschen",
    ),
    knee_pattern=r"knie|knies|kniescheiben?|kniekehlen?|kniegelenke?|meniskus|kreuzband|innenband",
    both_knees=(),
    knee_pain_pattern=(
        r"\bl(?:ä|ae)uferknie\b|\bknie(?:schmerz|problem|beschwerde|verletzung)\w*"
        r"|\bpatellaspitzen\w*"
    ),
    not_knee_pattern=r"\bkniehoh\w*|\bknielang\w*|\bkniehebe?\w*|\bkniehub\w*|\bkniebandage\w*",
    someone_elses_knee_pattern=(
        r"\b(?:sein|ihr|seine|ihre|seinem|ihrem|seines|ihres)\s+(?:(?!mein)\w+\s+){0,2}knie\w*"
        r"|\b(?:mein|meine)\s+(?:trainer|trainerin|freund|freundin|frau|mann|partner|partnerin"
        r"|bruder|schwester|tochter|sohn|kollege|kollegin)\s+(?:hat|hatte)\s+(?:\w+\s+)?knie\w*"
        r"|\bknie (?:meine[sr]|meiner) (?:freundin|frau|mannes|partners|partnerin|tochter"
        r"|sohnes|trainers|kollegin|kollegen)\b"
    ),
    past_pattern=(
        # the weeks after an injury: it is over
        r"\bnach (?:der|meiner) (?:knie-?)?(?:verletzung|operation|op)\b|"
        r"\bletztes jahr\b|\b(?:alte|alten|frühere|früheren)\b|\bvor (?:\w+ )?(?:jahren|jahr"
        r"|monaten|monat)\b"
        r"|\berinner\w* mich\b|\bdamals\b|\bfrüher\b|\bletztes mal\b|\bim (?:jahr )?(?:19|20)\d\d\b"
        r"|\bals ich \w+ hatte\b"
    ),
    pain_pattern=(
        r"schmerz\w*|weh\w*|zwick\w*|zieht|ziehen|stich\w*|beschwerden|probleme?|"
        r"entz(?:ü|ue)nd\w*|gereizt|verletz\w*|empfindlich\w*|unangenehm\w*|muckt|meckert|"
        r"überlast\w*|gemerkt|gespürt|spürbar"
        r"|nervt|nervig|brennt|brennen|pocht|pochen|zickt|bemerkbar|quält|aua|autsch"
    ),
    pain_phrase_pattern=(
        r"\bmeldet sich\b|\bmacht (?:wieder )?(?:ärger|zicken)\b"
        r"|\bnicht schon wieder\b|\bstreikt\w*|\bwollte nicht\b|\bsagte nein\b"
        r"|\b(?:abgebrochen|ausgestiegen|ausgelassen|dnf)\b"
        r"|\bwegen (?=(?:dem |des |meinem )?(?:linken |rechten )?knie)"
    ),
    not_part_pattern=r"\bzu fuß\b|\bam fuß (?:des|der|vom)\b",
    other_part_pattern=(
        r"waden?|schienbeine?|kn(?:ö|oe)chel|f(?:u|ü)(?:ss|ß)|f(?:ü|ue)(?:ss|ß)e|fersen?|"
        r"achillessehnen?|(?:ober|unter)schenkeln?|h(?:ü|ue)ften?|r(?:ü|ue)cken|zehe?n?|beine?n?"
        r"|muskelkater|"
        r"po|gesäß|leiste|schultern?|nacken|muskeln?|sehnen?|hamstrings?"
    ),
    compound_links=("", "n", "s", "en", "e"),
    swelling_pattern=r"\b(?:an)?geschwollen\w*|\bschw(?:ellung|ill|oll)\w*|\bdick\b|\berguss\b",
    locking_pattern=(
        r"\bblockier\w*|\bblockade\b|\brastet\b|\beingerastet\b|\bhakt\b|\bhakte\b|\bklemmt\b"
        r"|\bklemmte\b|\b(?:hängt|hing) fest\b|\b(?:bleibt|blieb) (?:\w+ )?hängen\b"
        r"|\bkann (?:\w+ )?(?:\w+ )?nicht (?:ganz |richtig )?(?:strecken|beugen)\b"
    ),
    giving_way_pattern=(
        r"\bknickt?e? (?:\w+ ){0,3}weg\b|\bweggeknickt\b|\binstabil\b|\bwackelig\w*"
        r"|\b(?:gab|gibt) (?:manchmal |immer wieder |ab und zu |öfter |plötzlich |einfach )?nach\b"
        r"|\b(?:sackt|sackte) (?:\w+ )?weg\b|\bweggesackt\b|\bnachgegeben\b|\bgibt nach\b"
        r"|\b(?:ein|weg|zusammen)ge(?:knickt|sackt)\b"
        r"|\b(?:knickt|knickte|sackt|sackte) (?:\w+ ){0,3}(?:ein|zusammen)\b"
        r"|\b(?:einknick|wegknick|wegsack|einsack)\w*|\bversagt(?:e|en)?\b"
    ),
    sharp_pattern=r"\bstechend\w*|\bscharf\w*|\bstiche?\b",
    weight_bearing_pattern=(
        r"\b(?:kann|konnte|könnte)(?:\s+(?:ich|es|das|den|dem|mein\w*|linke\w*|rechte\w*|bein"
        r"|fuß|fuss|gar|fast|überhaupt|noch))*\s+(?:nicht|kaum)\s+(?:mehr\s+)?(?:richtig\s+)?"
        r"(?:auftreten|belasten|draufstehen|drauf stehen|stehen)\b|\b(?:nicht|kaum)\s+(?:mehr\s+)?"
        r"belastbar\b"
        r"|\b(?:trägt|trug|hält|hielt)\s+(?:mich|mein gewicht|das gewicht)\s+(?:nicht|kaum)\b"
    ),
    resolved_pattern=(
        r"\bschmerzfrei\b|\bbeschwerdefrei\b"
        r"|\bschnee von gestern\b|\bvergessen\b|\bgeschichte\b"
    ),
    no_longer_pattern=(
        r"\bnicht (?:\w+ ){0,2}mehr\b|\bkein\w* (?:\w+ )?mehr\b"
        r"|\bnichts (?:besonderes |weiter |neues )?zu (?:berichten|melden|vermelden|sagen)\b"
    ),
    resolved=("weg", "verschwunden", "vorbei", "ausgeheilt"),
    good_phrase_pattern=(
        r"\bbesser als je\w*|\bwie neu\b"
        # "the least of my problems": the knee is fine
        r"|\bmein (?:geringstes|kleinstes) problem\b|\bmeine geringste sorge\b"
    ),
    say_pattern=(
        r"\b(?:ich )?sag(?:e|\')? mal\b|\b(?:ich )?w(?:ü|ue)rd(?:e|\')? (?:mal |so )?sagen\b"
        r"|\bsagen wir(?: mal)?\b"
    ),
    legs=("bein", "beine", "beins"),
    hedged_pattern=(
        r"\bso lala\b|\bgeht so\b|\bmittelmäßig\b"
        r"|\b(?:einigermaßen|halbwegs)(?: (?:ok|okay|gut))?\b"
    ),
    good_state=("gut", "prima", "super", "bestens", "stabil", "ruhig", "okay", "top"),
    state_fillers=(
        "ist", "war", "fühlte", "fühlt", "sich", "völlig", "ganz", "wieder", "heute", "alles",
        "blieb", "bleibt", "auch", "sehr", "hat", "gehalten", "an",
        "viel", "deutlich", "etwas", "bisschen", "wesentlich", "schon",  # how much ("much better")
    ),
    negations=(
        "kein", "keine", "keinen", "keiner", "keinem", "keines", "keinerlei", "nicht", "ohne",
        "nie", "niemals", "nichts", "nirgends", "null", "nix",
    ),
    negation_fillers=(
        "mehr", "die", "das", "der", "dem", "den", "im", "am", "mein", "meine", "meinem",
        "meinen", "irgendwelche", "linke", "linken", "linkes", "rechte", "rechten", "rechtes",
        "beide", "beiden", "spürbaren", "spürbare", "echten", "große", "großen", "mir",
        "hat", "hatte", "habe", "tat", "tut", "einmal", "ein", "bisschen", "mit",
        "gespürt", "gemerkt", "bemerkt",
    ),
    negations_after=("nicht", "nie", "kaum"),
    left=("links", "linke", "linkes", "linken", "linker", "li"),
    right=("rechts", "rechte", "rechtes", "rechten", "rechter", "re"),
    both=("beide", "beiden", "beidseitig"),
    side_gap=(
        "mein", "meinem", "meinen", "im", "am", "dem", "das", "der", "äußeren", "inneren",
        "übrigens", "btw",
    ),
    joiners=("und", "oder"),
    clause_words=("aber", "jedoch", "doch", "sondern", "weil", "denn", "dann", "während"),
    improving=("besser", "weniger", "nachgelassen", "bessert", "leichter"),
    out_of_pattern=r"von|aus",
    effort_pattern=r"anstrengung|belastung|intensität|müdigkeit|erschöpfung",
    change_pattern=r"dann|auf|danach|später",
    range_pattern=r"bis",
    spelled_knee=("knie", "knies", "kniescheibe"),
    other_people_pattern=(
        # what another reports ("according to her"): theirs
        r"\blaut (?:ihm|ihr|ihnen)\b|\b(?:ihm|ihr) zufolge\b|"
        # "whoever has knee pain ..." (a coach's message to a group): not the runner's
        r"\bwer(?= (?:\w+ ){0,3}(?:hat|haben)\b)|"
        # the pain of another said with "ihr"/"ihm" ("das Knie tut ihr weh"): theirs
        r"\b(?:ihm|ihr|ihnen)(?=\s+(?:weh|wehgetan)\b)|"
        # "sie" before a verb of a person ("sie klagt über das Knie"): she, not the knee
        r"\bsie(?=\s+(?:hat|hatte|klagt|klagte|sagt|sagte|meinte|spürt|spürte)\b)|"
        r"\b(?:athlet\w*|schützling\w*|läufer\w*),?\s+(?:den|die)\s+ich\s+(?:trainiere|betreue"
        r"|coache)\b|"
        r"\b(?:sah|gesehen,?)\s+(?:ein|eine|einen|jemand\w*)\b|"
        r"\b(?!athlet(?:in)?\b)"
        r"(?:(?:mein|meine|unser|unsere|ein|eine)\s+(?:\w+\s+)?)?(?:schüler\w*|teilnehmer\w*"
        r"|anfänger\w*|einsteiger\w*|mitglied\w*|freund|freundin|frau|mann"
        r"|partner|partnerin|bruder|schwester|tochter|sohn|\w*kolleg\w*|\w*partner\w*|\w*freund\w*"
        r"|\w*kamerad\w*|athlet\w*|läufer\w*|hund|vater|mutter|opa|oma|onkel|tante|kind|nachbar\w*"
        r"|trainer\w*)"
        r"(?:\s+(?!(?:and|und|et|y|e|en|og|och)\b)\w+){0,3}?"
        r"(?=\s+(?:hat|hatte|ist|war|sagt|sagte|klagt|klagte|beklagte|beschwerte|mit|spürt|spürte"
        r"|bekam|erzählt|meldet"
        r"|meldete|verletzte|verdrehte)\b)"
    ),
    pronouns=("es",),
    own=("mein", "meine", "meinem", "meinen", "meiner"),
    other_subjects=("er",),
    hypothetical_pattern=(
        r"\bhoffe\w*|\bhoffentlich\b|\bfalls\b|\bwenn\b|\bdamit\b|\bum (?:\w+ )?zu vermeiden\b"
        r"|\bvorbeug\w*|\bangst\b|\bpanik\b|\bnervös\b|\bbammel\b|\bsorgen?\b|\bbefürcht\w*"
        r"|\bkönnte\b|\bvorsichtshalber\b"
        r"|\bsicherheitshalber\b"
    ),
    topic_pattern=(
        rf"\b{_MEDIA}"
        rf"\s+(?:\w+\s+){{0,2}}{_AUTHOR}(?:über|zu|zum|zur)\b|\b(?:gelesen|las|lese|liest|hörte"
        rf"|höre"
        r"|gefragt|fragte|fragt|gesprochen"
        r"|geredet|recherchiert|erkundigt|gehört|erzählte|erzählt|erklärte|erklärt|sprach"
        r"|redete)\s+(?:\w+\s+){0,3}(?:über|nach|wie|ob|dass)\b"
        r"|\b(?:über|von)(?=(?:\s+\w+){1,3}\s+(?:gelesen|gehört|gelauscht|angehört|gesprochen"
        r"|geredet|gelernt|gesehen|angeschaut|geschaut)\b)"
    ),
    media_pattern=_MEDIA,
    about_pattern=r"über|um|zum thema",
    spelled_pain=("schmerz", "schmerzen", "schmerzt", "geschwollen", "schwellung"),
    exception_pattern=r"\baußer\b|\bausser\b|\bbis auf\b|\babgesehen von\b|\bausgenommen\b",
    answers_no=("keine", "nein", "nix", "nichts", "null", "kein"),
    answers_yes=("ja", "j", "jep"),
    person_verbs=(
        "hat", "hatte", "klagt", "klagte", "sagt", "sagte", "meinte", "meldet", "spürt", "spürte",
    ),
    first_person=("ich", "wir"),
    that_words=("dass", "daß"),
    location_words=(
        "hinter", "hinterm", "unter", "unterm", "unterhalb", "über", "oberhalb", "neben", "um",
    ),
    from_words=("von",),
    side_nouns=("seite",),
    sequence=(
        "dann", "danach", "später", "bis", "anschließend", "ab", "fing", "anfing", "fängt",
        "begann", "beginnt", "angefangen",
    ),
    returned_pattern=r"\bist wieder da\b|\bkommt zurück\b|\bwieder da\b",
    continuing=("noch", "wieder", "immer", "weiterhin", "erneut"),
    numbers=(
        "null", "eins|ein|eine", "zwei", "drei", "vier", "fünf|fuenf", "sechs", "sieben", "acht",
        "neun", "zehn",
    ),
    score_cues=(
        "etwa", "ca", "circa", "ungefähr", "vielleicht", "so", "knapp", "gute", "glatte", "eine",
        "ne", "nen", "so'ne", "vas", "nrs", "schmerzlevel", "stufe", "wert", "schmerz",
        "schmerzen", "~", "eher",
    ),
    count_pattern=(
        r"km|k|x|tage?n?|wochen?|mal|std|stunden?|min|minuten|wdh|wiederholungen|runden?|sätze"
        r"|intervalle|läufe|kilometer|meter|m|sek|%|uhr|hm|bpm|spm|treppen|stufen"
    ),
    previous_day_pattern=r"\bgestern\b|\bvorgestern\b|\bletzte nacht\b",
    earlier_pattern=(
        r"\bletzten monat\b|\bvor (?:\w+ )?wochen?\b|"  # a month or weeks ago
        r"\bgestern\b|\bvorhin\b|\bheute morgen\b|\bletzte woche\b|\bvon\b|\bvorher\b"
        r"|\banfangs\b|\bzu beginn\b"
    ),
    now_pattern=(
        r"\bjetzt\b|\bheute\b|\bnun\b|\baktuell\b|\bmomentan\b|\binzwischen\b|\bmittlerweile\b"
    ),
    later=(
        "jetzt", "nun", "dann", "danach", "später", "ende", "schluss", "inzwischen",
        "aktuell", "→", "->", ">",
    ),
    not_pain_score_before=("anstrengung", "belastung", "schlaf", "stimmung"),
    months=(
        ("januar", "jänner"), ("februar",), ("märz", "mär", "mrz"), (), ("mai",), ("juni",),
        ("juli",), (), (), ("oktober", "okt"), (), ("dezember", "dez"),
    ),
    weekdays=(
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend",
        "sonntag", "mo", "di", "mi", "do", "fr", "sa", "so",
    ),
)  # fmt: skip
