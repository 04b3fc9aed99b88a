"""Danish: the words of knee pain, scores and dates."""

from analyzer.lexicon.words import Words

_MEDIA = (  # what one reads, hears or watches: a topic, not a feeling
    r"(?:podcast|episode|afsnit|artikel|artiklen|video|bog|bogen|blog|studie|foredrag"
    r"|dokumentar|forum|tråd|opslag|indlæg|kapitel|webinar|kursus|interview"
    r"|udsendelse)(?:en|et|s|er|erne)?"
)

# who gives the talk or writes the piece: "et foredrag af fysioterapeuten om"
_AUTHOR = r"(?:(?:af|fra|med|ved)\s+(?:\w+\s+){0,2}\w+\s+)?"

WORDS = Words(
    markers=(
        "og", "efter", "mit", "min", "er", "ikke", "knæ", "knæet", "knæene", "ondt", "lidt",
        "på", "løb", "løbet", "turen", "jeg", "har", "gør", "det", "også", "igen", "af", "mig",
        "smerter", "venstre", "højre", "ømt", "nu", "hvad", "dag", "lang", "ned", "bakke",
        "langtur", "træning", "lige", "dog", "noget", "gik", "fik", "havde", "os", "lave",
    ),
    knee_pattern=(
        r"knæ|knæet|knæene|knae|knaeet|knaeene|knæskal|knæskallen|knæhase|knæhasen|menisk|menisken"
    ),
    both_knees=("knæene",),
    knee_pain_pattern=(
        r"\bknæsmert\w*|\bknæproblem\w*|\bknæskade\w*|\bløberknæ\w*|\bspringerknæ\w*"
        r"|\bknægener\b"
    ),
    not_knee_pattern=r"\bknæløft\w*|\bknæhøje?\b|\bknæstrømper\b|\bknæbind\w*|\bhøje knæ\b",
    someone_elses_knee_pattern=(
        r"\b(?:hans|hendes|deres)\s+(?:(?!mit)\w+\s+){0,2}knæ\w*"
        r"|\bmin (?:vens|venindes|kones|mands|kærestes|brors|søsters|træners|makkers|søns"
        r"|datters) (?:\w+ )?knæ\w*"
    ),
    past_pattern=(
        # the weeks after an injury: it is over
        r"\befter (?:skaden|operationen|knæskaden|knæoperationen)\b|"
        r"\bsidste år\w*|\bgammel\b|\bgamle\b|\bfor (?:\w+ )?(?:år|måned) siden\b|\btidligere\b"
        r"|\bkan du huske\b|\bjeg husker\b|\bda jeg havde\b|\bsidste gang\b|\bi (?:19|20)\d\d\b"
        r"|\bmåneder siden\b|\bdengang\b"
    ),
    pain_pattern=(
        r"ondt|driller|drillede|generede|generende|ømmer|ømmede|smerte|smerter|smerten|smerterne"
        r"|smertende|øm|ømt|ømme|ømhed|skade|skadet|"
        r"gener|generer|genere|problemer|irriteret|betændt|betændelse|murren|murrer|"
        r"jager|værk|værker|værkende|smertefuld\w*|sart|overbelast\w*|stikker|stikke|værke|ømme"
        r"|brokke\w*|protester\w*|murre\w*|brænd\w*|au|avs"
    ),
    pain_phrase_pattern=(
        r"\bgør knuder\b|\bmærkes\b"
        r"|\bikke igen\b|\bsagde nej\b|\bstrejke\w*|\bnægte\w*"
        r"|\b(?:afbrød|udgik|sprang over|dnf)\b"
        r"|\bpå grund af (?=(?:mit |det )?(?:venstre |højre )?knæ)"
    ),
    not_part_pattern=r"\btil fods\b|\bpå benene\b",
    other_part_pattern=(
        r"læg|læggen|lægge|læggene|skinneben\w*|ankel|anklen|fod|foden|fødder|hæl|hælen|"
        r"achilles\w*|baglår\w*|forlår\w*|lår|låret|lårene|hofte|hoften|balde|ballen|ryg|ryggen|"
        r"lyske|lysken|tæer|tå|fascia|skulder|nakke|ben|benet|benene|muskel|muskler|sene|"
        r"senen|håndled|albue|hoved|hamstring\w*"
    ),
    compound_links=("", "s", "e"),
    swelling_pattern=r"\bhæv\w*|\bhoven\b|\bopsvulmet\b|\bvæske\b",
    locking_pattern=(
        r"\blåst\b|\blåser\b|\blåste\b|\bsatte sig fast\b|\bgik i baglås\b|\bhakker\b"
        r"|\bhakkede\b|\b(?:hænger|hang|sidder|sad) fast\b"
        r"|\bkan ikke (?:\w+ )?(?:strække|bøje)\b"
    ),
    giving_way_pattern=(
        r"\bgav efter\b|\bgiver efter\b|\bsvigtede\b|\bsvigter\b|\bknækkede sammen\b"
        r"|\bustabil\w*"
        r"|\b(?:klappede|klapper|foldede|folder|faldt|knækker) (?:\w+ )?sammen\b"
        r"|\bgiver (?:nogle gange |af og til |indimellem |tit |ofte |pludselig )?efter\b"
        r"|\bsvigt(?:e|et)\b"
        r"|\bgik fra under mig\b"
    ),
    sharp_pattern=r"\bskarp\w*|\bjagende\b|\bstikkende\b|\bstik\b",
    weight_bearing_pattern=(
        r"\b(?:kan|kunne)\s+(?:næsten\s+)?(?:ikke|ik|knap)\s+(?:længere\s+)?(?:støtte|belaste|stå"
        r"|træde|gå)(?:\s+på)?(?:\s+(?:benet|foden|det|den))?\b"
        r"|\b(?:kunne|kan|ville|vil)\s+(?:ikke|ik)\s+(?:bære|holde)\s+(?:min\s+)?vægt(?:en)?\b"
        r"|\b(?:bar|bærer|holdt|holder)\s+ikke\s+(?:min\s+)?vægt(?:en)?\b"
    ),
    resolved_pattern=(
        r"\bsmertefri(?:t|e)?\b|\buden smerter\b|\ber gået væk\b|\bgik væk\b"
        r"|\bglemt\b|\bfortid\b"
    ),
    no_longer_pattern=(
        r"\bikke (?:\w+ ){0,2}(?:længere|mere)\b|\bingen \w* ?mere\b"
        r"|\b(?:intet|ingenting|ikke noget) (?:nyt )?at (?:bemærke|rapportere|melde|sige)\b"
    ),
    resolved=("væk", "forsvundet", "ovre", "helet"),
    good_phrase_pattern=(
        r"\bbedre end nogensinde\b|\bsom ny\b"
        # "the least of my problems": the knee is fine
        r"|\bdet mindste af mine (?:problemer|bekymringer)\b"
    ),
    say_pattern=r"\b(?:jeg )?vil (?:nok )?sige\b|\blad os sige\b",
    legs=("ben", "benet"),
    hedged_pattern=(
        r"\bnogenlunde\b|\bså som så\b|\bhalvgodt\b|\bmere eller mindre (?:ok|okay|fint)\b"
    ),
    good_state=("fint", "fin", "godt", "perfekt", "stabilt", "ok", "okay", "super"),
    state_fillers=(
        "har", "det", "var", "er", "føltes", "føles", "føltes", "helt", "rigtig", "meget",
        "i", "dag", "igen", "stadig", "også", "holdt", "venstre", "højre", "virkelig",
        "lidt", "noget", "godt", "del",  # how much ("much better")
    ),
    negations=("ingen", "ikke", "uden", "aldrig", "intet", "nul", "ingenting"),
    negation_fillers=(
        "i", "det", "knæet", "mit", "min", "har", "havde", "gjorde", "gør", "gjort", "mærket",
        "følt", "nogen", "noget", "særlig", "rigtig", "en", "et", "af", "med", "overhovedet",
    ),
    negations_after=(),
    left=("venstre", "ve", "v"),
    right=("højre", "hø", "h"),
    both=("begge", "begge to"),
    side_gap=("mit", "det", "i", "ydre", "indre", "yderside", "inderside", "forresten", "til"),
    joiners=("og", "eller"),
    clause_words=("men", "fordi", "selvom", "dog", "mens", "bagefter"),
    improving=("bedre", "mindre", "aftaget", "forbedret"),
    out_of_pattern=r"ud af|af",
    effort_pattern=r"anstrengelse|indsats|intensitet|rpe|træthed",
    change_pattern=r"derefter|senere|så|til",
    range_pattern=r"til",
    spelled_knee=("knæet", "knæene", "knæskal"),
    other_people_pattern=(
        # what another reports ("according to her"): theirs
        r"\bifølge (?:ham|hende|dem)\b|"
        # "whoever has knee pain ..." (a coach's message to a group): not the runner's
        r"\b(?:den|dem|de),? der(?= har\b)|\bhvem der(?= har\b)|"
        r"\batlet(?:en)?\s+(?:som\s+)?jeg\s+(?:træner|coacher)\b|"
        r"\bså\s+(?:en|et|nogen)\b|"
        r"\b(?!atlet(?:en)?\b)"
        r"(?:(?:min|mit|vores|en|et)\s+(?:\w+\s+)?)?"
        r"(?:elev\w*|deltager\w*|begynder\w*|nybegynder\w*|atlet|atleten|ven|veninde|kone|mand"
        r"|kæreste|bror|søster"
        r"|træner|\w*makker\w*|\w*kammerat\w*|\w*kompis\w*|søn|datter|kollega|løbemakker|kammerat"
        r"|hund|far|mor|farfar|morfar"
        r"|farmor|mormor|onkel|moster|faster|nabo|barn|samlever|samleveren|konen|manden"
        r"|kæresten|broren|søsteren|træneren|sønnen|datteren|kollegaen|kammeraten|vennen"
        r"|veninden|naboen|hunden|makkeren|løbemakkeren)"
        r"(?:\s+(?!(?:and|und|et|y|e|en|og|och)\b)\w+){0,3}?"
        r"(?=\s+(?:har|havde|er|var|siger|sagde|klager|klagede|med|mærker|mærkede|fik|fortalte"
        r"|meldte"
        r"|skadede|vred|forstuvede)\b)"
    ),
    pronouns=("det",),
    own=("mit", "min", "mine"),
    other_subjects=("han", "hun"),
    hypothetical_pattern=(
        r"\bhåber\w*|\bforhåbentlig\b|\bhvis\b|\bi tilfælde\b|\bbange for\b|\brædd\w* for\b"
        r"|\bnervøs\b|\bfrygter\b|\bfor at undgå\b"
        r"|\bundgå\b|\bforebygge\w*|\bkunne\b|\bbekymret\b|\bfor en sikkerheds skyld\b"
    ),
    topic_pattern=(
        rf"\b{_MEDIA}"
        rf"\s+(?:\w+\s+){{0,2}}{_AUTHOR}(?:om)\b|\b(?:læste|læst|læser|lytter|hører|spurgte|spurgt"
        r"|snakkede|talte|hørt|hørte"
        r"|lyttede|lyttet|kiggede|fortalte|fortæller|forklarede|forklarer)\s+(?:\w+\s+){0,3}(?:om"
        r"|hvordan|hvis|at)\b"
    ),
    media_pattern=_MEDIA,
    about_pattern=r"om",
    spelled_pain=("ondt", "smerter", "smerte", "hævet", "ømme"),
    exception_pattern=r"\bundtagen\b|\bbortset fra\b|\bpånær\b",
    answers_no=("ingen", "nej", "intet", "ingenting", "nul", "nix"),
    answers_yes=("ja", "j"),
    person_verbs=("har", "havde", "siger", "sagde", "klager", "klagede", "mærker", "fik"),
    first_person=("jeg", "vi"),
    that_words=("at",),
    location_words=("bag", "under", "over", "omkring", "ved", "bagpå"),
    from_words=("fra",),
    side_nouns=("side", "siden"),
    sequence=("så", "derefter", "senere", "indtil", "bagefter", "begyndte", "begynder", "startede"),
    returned_pattern=r"\ber tilbage\b|\bkom tilbage\b",
    continuing=("stadig", "igen", "fortsat", "endnu"),
    numbers=(
        "nul|nuller", "en|et|etter", "to|toer", "tre|treer", "fire|firer", "fem|femmer",
        "seks|sekser", "syv|syver", "otte|otter", "ni|nier", "ti|tier",
    ),
    score_cues=(
        "omkring", "cirka", "ca", "måske", "en", "et", "vas", "niveau", "smerte", "smerter", "~",
    ),
    count_pattern=(
        r"km|k|x|dage|dag|uger|uge|gange|timer|t|min|minutter|gentagelser|intervaller|omgange"
        r"|bakker|kilometer|meter|m|sek|%|bpm|trapper"
    ),
    previous_day_pattern=r"\bi går\b|\bi forgårs\b",
    earlier_pattern=(
        r"\bsidste måned\b|\bfor (?:\w+ )?uger? siden\b|"  # a month or weeks ago
        r"\bi går\b|\btidligere\b|\bi morges\b|\bsidste uge\b|\bfra\b|\bførst\b|\bi starten\b"
    ),
    now_pattern=r"\bnu\b|\bi dag\b|\bidag\b|\bfor tiden\b",
    later=("nu", "så", "derefter", "senere", "slut", "slutningen", "→", "->", ">"),
    not_pain_score_before=("anstrengelse", "indsats", "intensitet", "søvn", "humør", "energi"),
    months=(
        ("januar",), ("februar",), ("marts",), (), ("maj",), (), (), (), (), ("oktober", "okt"),
        (), (),
    ),
    weekdays=(
        "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
        "man", "tir", "ons", "tor", "fre", "lør", "søn",
    ),
)  # fmt: skip
