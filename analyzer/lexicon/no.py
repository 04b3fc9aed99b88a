"""Norwegian (bokmål): the words of knee pain, scores and dates."""

from analyzer.lexicon.words import Words

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
        r"\b(?:hans|hennes|deres)\s+(?:(?:venstre|høyre)\s+)?kne\w*"
        r"|\bkneet til (?:kompisen|venninna|kona|mannen|kjæresten|broren|søstera|treneren"
        r"|sønnen|dattera|min \w+)\b|\bmin (?:venns|kones|manns|brors|søsters|trenerens)"
        r" (?:\w+ )?kne\w*"
    ),
    past_pattern=(
        r"\bi fjor\b|\bfjorårets\b|\bgammel\b|\bgamle\b|\bfor \w+ år siden\b|\btidligere\b"
    ),
    pain_pattern=(
        r"vondt|vond|plaget|plagde|smerte|smerter|smertene|smerten|verk|verker|verket|øm|ømt|ømme|ømhet|"
        r"skade|skadet|plager|plage|plagsom\w*|problemer|irritert|betent|betennelse|murring|"
        r"murrer|stikk|stikker|overbelast\w*|kjenning|kjenner"
    ),
    pain_phrase_pattern="",
    other_part_pattern=(
        r"legg|leggen|legger|leggene|legga|skinnlegg\w*|ankel|ankelen|fot|foten|føtter|"
        r"føttene|hæl|hælen|akilles\w*|hamstring\w*|lår|låret|hofte|hofta|hoften|rumpe|"
        r"rygg|ryggen|lyske|lysken|tær|fascia|skulder|nakke|bein|beinet|beina|muskel|"
        r"muskler|sene|senen|håndledd|albue|hode|baksida|forside"
    ),
    swelling_pattern=r"\bhoven\b|\bhovent\b|\bhevelse\w*|\bhovnet\b|\bvæske\b",
    locking_pattern=r"\blåste seg\b|\blåser seg\b|\blåsning\w*|\blåst\b|\bhaket seg\b",
    giving_way_pattern=r"\bsvikta\b|\bsviktet\b|\bsvikter\b|\bga etter\b|\bustabil\w*",
    sharp_pattern=r"\bskarp\w*|\bstikkende\b|\bjagende\b",
    resolved_pattern=r"\bsmertefri\b|\buten smerter\b|\ber borte\b|\bgikk over\b",
    no_longer_pattern=r"\bikke lenger\b|\bikke mer\b|\bingen \w* ?mer\b",
    resolved=("borte", "forsvunnet", "forsvant", "leget"),
    good_state=("bra", "fint", "fin", "godt", "perfekt", "stabilt", "ok", "greit", "topp"),
    state_fillers=(
        "føltes", "føles", "kjentes", "kjennes", "var", "er", "helt", "skikkelig", "veldig",
        "i", "dag", "igjen", "fortsatt", "også", "holdt", "venstre", "høyre", "seg",
    ),
    negations=("ingen", "ikke", "ikkje", "uten", "aldri", "ingenting", "null"),
    negation_fillers=(
        "i", "det", "kneet", "mitt", "min", "har", "hadde", "gjorde", "gjør", "kjent", "merket",
        "noe", "noen", "særlig", "skikkelig", "en", "et", "av", "med", "i", "hele", "tatt",
    ),
    negations_after=(),
    left=("venstre",),
    right=("høyre",),
    both=("begge",),
    side_gap=("mitt", "det", "i", "ytre", "indre", "utsiden", "innsiden"),
    joiners=("og", "eller"),
    clause_words=("men", "fordi", "selv", "mens", "etterpå", "siden"),
    pronouns=(),
    improving=("bedre", "mindre", "avtatt", "forbedret"),
    out_of_pattern=r"av",
    effort_pattern=r"anstrengelse|innsats|intensitet|rpe|borg",
    change_pattern=r"deretter|senere|så|til",
    range_pattern=r"til",
    pain_before_number_pattern=r"smerte|smerter|vas",
    not_a_score_after_pattern=r"dager|dag\b|uker|ganger|timer",
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
