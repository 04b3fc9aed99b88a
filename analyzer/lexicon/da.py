"""Danish: the words of knee pain, scores and dates."""

from analyzer.lexicon.words import Words

WORDS = Words(
    markers=(
        "og", "efter", "mit", "min", "er", "ikke", "knæ", "knæet", "knæene", "ondt", "lidt",
        "på", "løb", "løbet", "turen", "jeg", "har", "gør", "det", "også", "igen", "af", "mig",
        "smerter", "venstre", "højre", "ømt", "nu", "hvad", "dag", "lang", "ned", "bakke",
        "langtur", "træning", "lige", "dog", "noget", "gik", "fik", "havde", "os", "lave",
    ),
    knee_pattern=r"knæ|knæet|knæene|knae|knaeet|knaeene|knæskal|knæskallen|knæhase|knæhasen|menisk|menisken",
    both_knees=("knæene",),
    knee_pain_pattern=(
        r"\bknæsmert\w*|\bknæproblem\w*|\bknæskade\w*|\bløberknæ\w*|\bspringerknæ\w*"
        r"|\bknægener\b"
    ),
    not_knee_pattern=r"\bknæløft\w*|\bknæhøje?\b|\bknæstrømper\b|\bknæbind\w*|\bhøje knæ\b",
    someone_elses_knee_pattern=(
        r"\b(?:hans|hendes|deres)\s+(?:(?:venstre|højre)\s+)?knæ\w*"
        r"|\bmin (?:vens|venindes|kones|mands|kærestes|brors|søsters|træners|makkers|søns"
        r"|datters) (?:\w+ )?knæ\w*"
    ),
    past_pattern=r"\bsidste år\w*|\bgammel\b|\bgamle\b|\bfor (?:\w+ )?år siden\b|\btidligere\b",
    pain_pattern=(
        r"ondt|driller|drillede|generede|generende|ømmer|ømmede|smerte|smerter|smerten|smerterne|smertende|øm|ømt|ømme|ømhed|skade|skadet|"
        r"gener|generer|genere|problemer|irriteret|betændt|betændelse|murren|murrer|"
        r"jager|værk|værker|sart|overbelast\w*|stikker"
    ),
    pain_phrase_pattern="",
    other_part_pattern=(
        r"læg|læggen|lægge|læggene|skinneben\w*|ankel|anklen|fod|foden|fødder|hæl|hælen|"
        r"achilles\w*|baglår\w*|forlår\w*|lår|låret|hofte|hoften|balde|ballen|ryg|ryggen|"
        r"lyske|lysken|tæer|tå|fascia|skulder|nakke|ben|benet|benene|muskel|muskler|sene|"
        r"senen|håndled|albue|hoved|hamstring\w*"
    ),
    swelling_pattern=r"\bhævet\b|\bhævelse\w*|\bhæver\b|\bhoven\b|\bopsvulmet\b|\bvæske\b",
    locking_pattern=r"\blåst\b|\blåser\b|\blåste\b|\bsatte sig fast\b|\bgik i baglås\b",
    giving_way_pattern=(
        r"\bgav efter\b|\bgiver efter\b|\bsvigtede\b|\bsvigter\b|\bknækkede sammen\b"
        r"|\bustabil\w*"
    ),
    sharp_pattern=r"\bskarp\w*|\bjagende\b|\bstikkende\b|\bstik\b",
    resolved_pattern=r"\bsmertefri\b|\buden smerter\b|\ber gået væk\b|\bgik væk\b",
    no_longer_pattern=r"\bikke længere\b|\bikke mere\b|\bingen \w* ?mere\b",
    resolved=("væk", "forsvundet", "ovre", "helet"),
    good_state=("fint", "fin", "godt", "perfekt", "stabilt", "ok", "okay", "super"),
    state_fillers=(
        "har", "det", "var", "er", "føltes", "føles", "føltes", "helt", "rigtig", "meget",
        "i", "dag", "igen", "stadig", "også", "holdt", "venstre", "højre", "virkelig",
    ),
    negations=("ingen", "ikke", "uden", "aldrig", "intet", "nul"),
    negation_fillers=(
        "i", "det", "knæet", "mit", "min", "har", "havde", "gjorde", "gør", "mærket", "følt",
        "nogen", "noget", "særlig", "rigtig", "en", "et", "af", "med", "overhovedet",
    ),
    negations_after=(),
    left=("venstre",),
    right=("højre",),
    both=("begge", "begge to"),
    side_gap=("mit", "det", "i", "ydre", "indre", "yderside", "inderside"),
    joiners=("og", "eller"),
    clause_words=("men", "fordi", "selvom", "dog", "mens", "bagefter"),
    pronouns=(),
    improving=("bedre", "mindre", "aftaget", "forbedret"),
    out_of_pattern=r"ud af|af",
    effort_pattern=r"anstrengelse|indsats|intensitet|rpe",
    change_pattern=r"derefter|senere|så|til",
    range_pattern=r"til",
    pain_before_number_pattern=r"smerte|smerter|vas",
    not_a_score_after_pattern=r"dage|dag\b|uger|gange|timer",
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
