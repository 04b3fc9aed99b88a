"""Norwegian (bokmål): the words of knee pain, scores and dates."""

from analyzer.lexicon.words import Words

_MEDIA = (  # what one reads, hears or watches: a topic, not a feeling
    r"(?:podkast|podcast|podd|pod|episode|artikkel|artikkelen|video|bok|boka|boken|blogg"
    r"|studie|foredrag|dokumentar|forum|tråd|innlegg|kapittel|webinar|kurs|intervju"
    r"|program|sending)(?:en|et|a|er|ene|s)?"
)

# who gives the talk or writes the piece: "et foredrag av fysioen om"
_AUTHOR = r"(?:(?:av|fra|med)\s+(?:\w+\s+){0,2}\w+\s+)?"

WORDS = Words(
    markers=(
        "og", "etter", "mitt", "min", "er", "ikke", "kne", "kneet", "knærne", "knea", "vondt",
        "litt", "på", "løp", "løpetur", "turen", "jeg", "har", "gjør", "det", "også", "igjen",
        "av", "meg", "venstre", "høyre", "nå", "hva", "dag", "langtur", "nedover", "bakke",
        "økta", "økt", "ganske", "ble", "bare", "ikkje", "gikk", "fikk", "hadde", "noe",
    ),
    knee_pattern=r"kne|kneet|knær|knærne|knea|kneskål\w*|kneledd\w*|menisk\w*",
    both_knees=("knær", "knærne", "knea"),
    knee_pain_pattern=(
        r"\bknesmert\w*|\bkneproblem\w*|\bkneskade\w*|\bløperkne\w*|\bhopperkne\w*"
    ),
    not_knee_pattern=r"\bkneløft\w*|\bhøye kne\w*|\bknehøye\b|\bknestrømper\b|\bknebeskytter\w*",
    someone_elses_knee_pattern=(
        r"\b(?:hans|hennes|deres)\s+(?:(?!mitt)\w+\s+){0,2}kne\w*"
        r"|\bkneet til (?:kompisen|venninna|kona|mannen|kjæresten|broren|søstera|treneren"
        r"|sønnen|dattera|min \w+)\b|\bmin (?:venns|kones|manns|brors|søsters|trenerens)"
        r" (?:\w+ )?kne\w*"
    ),
    past_pattern=(
        # the weeks after an injury: it is over
        r"\better (?:skaden|operasjonen|kneskaden|kneoperasjonen)\b|"
        r"\bi fjor\b|\bfjorårets\b|\bgammel\b|\bgamle\b|\bfor \w+ (?:år|måned) (?:siden|sia)\b"
        r"|\btidligere\b"
        r"|\bhusker du\b|\bjeg husker\b|\bda jeg hadde\b|\bsist gang\b|\bforrige gang\b"
        r"|\bi (?:19|20)\d\d\b|\bmåneder siden\b|\bden gangen\b"
    ),
    pain_pattern=(
        r"vondt|vond|vonde|vondere|sår|sårt|såre|plaget|plagde|smerte|smerter|smertene|smerten"
        r"|verk|verke|verker|stikke|verket|verkende|smertefull\w*|øm|ømt|ømme"
        r"|ømhet|"
        r"skade|skadet|plager|plage|plagsom\w*|problemer|irritert|betent|betennelse|murring|"
        r"murrer|stikk|stikker|overbelast\w*|kjenning|kjenner"
        r"|krangl\w*|tuller|protester\w*|brenn\w*|maser|au|aua"
    ),
    pain_phrase_pattern=(
        r"\bgjør seg bemerket\b|\bmerkes\b"
        r"|\bikke igjen\b|\bsa nei\b|\bstreike\w*|\bnekte\w*"
        r"|\b(?:avbrøt|brøt|droppet|dnf)\b|\bpå grunn av (?=(?:mitt |det )?(?:venstre |høyre )?kne)"
    ),
    not_part_pattern=r"\btil fots\b|\bpå beina\b",
    other_part_pattern=(
        r"legg|leggen|legger|leggene|legga|skinnlegg\w*|ankel|ankelen|fot|foten|føtter|"
        r"føttene|hæl|hælen|akilles\w*|hamstring\w*|lår|låret|lårene|låra|støl|støle|stølhet|hofte"
        r"|hofta|hoften|rumpe|"
        r"rygg|ryggen|lyske|lysken|tær|fascia|skulder|nakke|bein|beinet|beina|muskel|"
        r"muskler|sene|senen|håndledd|albue|hode|baksida|forside"
    ),
    compound_links=("", "s", "e"),
    swelling_pattern=r"\bhoven\b|\bhovent\b|\bhevelse\w*|\bhovnet\b|\bvæske\b",
    locking_pattern=(
        r"\blåste seg\b|\blåser seg\b|\blåsning\w*|\blåst\b|\bhak(?:et|er) seg\b"
        r"|\bhak(?:et|er)\b|\bsatt fast\b|\bhenger seg opp\b"
    ),
    giving_way_pattern=(
        r"\bsvikta\b|\bsviktet\b|\bsvikter\b|\bklapper sammen\b"
        r"|\b(?:ga|gir) (?:av og til |noen ganger |innimellom |ofte |plutselig )?etter\b"
        r"|\bustabil\w*"
        r"|\b(?:klappet|klappa|knakk|falt) sammen\b|\bgir etter\b|\bsvikte\b"
    ),
    sharp_pattern=r"\bskarp\w*|\bstikkende\b|\bjagende\b",
    weight_bearing_pattern=(
        r"\b(?:kan|kunne|klarte|klarer)\s+(?:nesten\s+)?(?:ikke|knapt)\s+(?:lenger\s+)?(?:å\s+)?"
        r"(?:støtte|belaste|stå|tråkke|gå)(?:\s+på)?(?:\s+(?:beinet|benet|foten|det|den))?\b"
        r"|\b(?:kunne|kan|ville)\s+ikke\s+(?:bære|holde|tåle)\s+(?:min\s+)?vekt(?:en)?\b"
        r"|\b(?:bar|bærer|holdt|tålte|tåler)\s+ikke\s+(?:min\s+)?vekt(?:en)?\b"
    ),
    resolved_pattern=(
        r"\bsmertefri(?:tt|e)?\b|\buten smerter\b|\ber borte\b|\bgikk over\b"
        r"|\bglemt\b|\bet tilbakelagt stadium\b"
    ),
    no_longer_pattern=(
        r"\bikke (?:\w+ ){0,2}(?:lenger|mer)\b|\bingen \w* ?mer\b"
        r"|\b(?:ingenting|intet|ikke noe) (?:nytt )?å (?:melde|rapportere|bemerke|si)\b"
    ),
    resolved=("borte", "forsvunnet", "forsvant", "leget"),
    good_phrase_pattern=(
        r"\bbedre enn noensinne\b|\bsom ny\b"
        # "the least of my problems": the knee is fine
        r"|\bdet minste (?:av mine problemer|problemet mitt)\b"
    ),
    say_pattern=r"\b(?:jeg )?vil (?:nok )?si\b|\bla oss si\b|\bskal vi si\b",
    legs=("bein", "beinet", "ben", "benet"),
    hedged_pattern=(
        r"\bsånn passe\b|\bnoenlunde\b|\bnogenlunde\b|\bhalvbra\b|\bmiddels\b"
    ),
    good_state=("bra", "fint", "fin", "godt", "perfekt", "stabilt", "ok", "greit", "topp"),
    state_fillers=(
        "føltes", "føles", "kjentes", "kjennes", "var", "er", "helt", "skikkelig", "veldig",
        "i", "dag", "igjen", "fortsatt", "også", "holdt", "venstre", "høyre", "seg",
        "mye", "litt", "godt", "noe", "del",  # how much ("much better")
    ),
    negations=("ingen", "ikke", "ikkje", "uten", "aldri", "ingenting", "null", "intet"),
    negation_fillers=(
        "i", "det", "kneet", "mitt", "min", "har", "hadde", "gjorde", "gjør", "gjort", "kjent",
        "merket", "noe", "noen", "særlig", "skikkelig", "en", "et", "av", "med", "i", "hele",
        "tatt",
    ),
    negations_after=(),
    left=("venstre", "ve", "v"),
    right=("høyre", "hø", "h"),
    both=("begge",),
    side_gap=("mitt", "det", "i", "ytre", "indre", "utsiden", "innsiden", "forresten", "til"),
    joiners=("og", "eller"),
    clause_words=("men", "fordi", "selv", "mens", "etterpå", "siden"),
    improving=("bedre", "mindre", "avtatt", "forbedret"),
    out_of_pattern=r"av",
    effort_pattern=r"anstrengelse|innsats|intensitet|rpe|borg|tretthet",
    change_pattern=r"deretter|senere|så|til",
    range_pattern=r"til",
    spelled_knee=("kneet", "knærne", "kneskål"),
    other_people_pattern=(
        # what another reports ("according to her"): theirs
        r"\bifølge (?:ham|han|henne|dem)\b|"
        # "whoever has knee pain ..." (a coach's message to a group): not the runner's
        r"\b(?:den|de|alle) som(?= har\b| kjenner\b)|"
        r"\batlet(?:en)?\s+(?:som\s+)?jeg\s+(?:trener|coacher)\b|"
        r"\bså\s+(?:en|et|noen)\b|"
        r"(?:\b(?!atlet(?:en)?\b)"
        r"(?:(?:min|mitt|vår|en|et)\s+(?:\w+\s+)?)?"
        r"(?:elev\w*|deltaker\w*|nybegynner\w*|atlet|atleten|venn|venninne|kone|mann|kjæreste|bror"
        r"|søster|trener|sønn|datter|kollega|løpevenn|\w*makker\w*|\w*kamerat\w*|\w*kompis\w*|hund"
        r"|far|mor|pappa|mamma"
        r"|onkel|tante|nabo|barn|samboer|samboeren|kona|konen|mannen|kjæresten|broren|søstera"
        r"|søsteren|treneren|sønnen|dattera|datteren|kollegaen|kompisen|løpevennen|makkeren"
        r"|venninna|venninnen|vennen|naboen|hunden)"
        r"|\b(?:venn|venninn|kon|mann|kjærest|bror|søst|trener|sønn|datter|kolleg|\w*venn|\w*kompis"
        r"|makker|kompis|hund|far|mor|pappa|mamma|onkel|tant|nabo)\w*\s+(?:min|mi|mitt|vår))"
        r"(?:\s+(?!(?:and|und|et|y|e|en|og|och)\b)\w+){0,3}?"
        r"(?=\s+(?:har|hadde|er|var|sier|sa|klager|klaget|med|kjenner|kjente|fikk|fortalte|skadet"
        r"|vridde|forstuet)\b)"
    ),
    pronouns=("det",),
    own=("mitt", "min", "mi", "mine"),
    other_subjects=("han", "hun"),
    hypothetical_pattern=(
        r"\bhåper\w*|\bforhåpentligvis\b|\bhvis\b|\bi tilfelle\b|\bredd for\b|\blivredd\b"
        r"|\bnervøs\b|\bfrykter\b|\bgruer\b"
        r"|\bfor å unngå\b|\bunngå\b|\bforebygge\w*|\bkunne\b|\bbekymret\b"
        r"|\bfor sikkerhets skyld\b"
    ),
    topic_pattern=(
        rf"\b{_MEDIA}"
        rf"\s+(?:\w+\s+){{0,2}}{_AUTHOR}(?:om)\b|\b(?:leste|lest|leser|lytter|hører|spurte|spurt"
        rf"|snakket"
        r"|pratet|hørt|hørte"
        r"|lyttet|lyttede|så på|fortalte|forteller|forklarte|forklarer)"
        r"\s+(?:\w+\s+){0,3}(?:om|hvordan|hvis|at)\b"
    ),
    media_pattern=_MEDIA,
    about_pattern=r"om",
    spelled_pain=("vondt", "smerter", "smerte", "hoven", "verker"),
    exception_pattern=r"\bunntatt\b|\bbortsett fra\b|\butenom\b|\bforuten\b",
    answers_no=("ingen", "nei", "ingenting", "null", "niks"),
    answers_yes=("ja", "j"),
    person_verbs=("har", "hadde", "sier", "sa", "klager", "klaget", "kjenner", "fikk"),
    first_person=("jeg", "eg", "vi"),
    that_words=("at",),
    location_words=("bak", "under", "over", "rundt", "ved", "nedenfor"),
    from_words=("fra",),
    side_nouns=("side", "siden", "sida"),
    sequence=("så", "deretter", "senere", "til", "etterpå", "begynte", "begynner", "startet"),
    returned_pattern=r"\ber tilbake\b|\bkom tilbake\b",
    continuing=("fortsatt", "igjen", "fremdeles", "enda", "ennå"),
    numbers=(
        "null|nuller", "en|ett|ei|ener", "to|toer", "tre|treer", "fire|firer", "fem|femmer",
        "seks|sekser", "sju|syv|sjuer|syver", "åtte|åtter", "ni|niere", "ti|tier",
    ),
    score_cues=(
        "rundt", "cirka", "ca", "kanskje", "en", "ei", "et", "vas", "nivå", "smerte", "smerter",
        "~",
    ),
    count_pattern=(
        r"km|k|x|dager|dag|uker|uke|ganger|timer|t|min|minutter|drag|intervaller|runder"
        r"|bakker|kilometer|meter|m|sek|%|bpm|trapper"
    ),
    previous_day_pattern=r"\bi går\b|\bi forgårs\b",
    earlier_pattern=(
        r"\bforrige måned\b|\bfor (?:\w+ )?uker? siden\b|"  # a month or weeks ago
        r"\bi går\b|\btidligere\b|\bi morges\b|\bforrige uke\b|\bfra\b|\bførst\b"
        r"|\bi starten\b"
    ),
    now_pattern=r"\bnå\b|\bi dag\b|\bidag\b|\bfor tiden\b",
    later=("nå", "så", "deretter", "senere", "slutt", "slutten", "→", "->", ">"),
    not_pain_score_before=("anstrengelse", "innsats", "intensitet", "søvn", "humør", "energi"),
    months=(
        ("januar",), ("februar",), ("mars",), (), ("mai",), (), (), (), (), ("oktober", "okt"),
        (), ("desember", "des"),
    ),
    weekdays=(
        "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
        "man", "tir", "ons", "tor", "fre", "lør", "søn",
    ),
)  # fmt: skip
