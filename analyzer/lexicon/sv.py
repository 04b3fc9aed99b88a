"""Swedish: the words of knee pain, scores and dates."""

from analyzer.lexicon.words import Words

WORDS = Words(
    markers=(
        "och", "efter", "mitt", "min", "är", "inte", "knä", "knät", "knäet", "knäna", "ont",
        "lite", "på", "löpning", "passet", "jag", "har", "gör", "det", "också", "igen", "av",
        "mig", "vänster", "höger", "idag", "nu", "lugnt", "långpass", "backe", "utförs",
        "rundan", "känns", "kändes", "smärta", "värk",
    ),
    knee_pattern=r"knä|knät|knäet|knäna|knäskål\w*|knäled\w*|menisk\w*|vänsterknä\w*|högerknä\w*",
    both_knees=("knäna",),
    knee_pain_pattern=r"\bknäsmärt\w*|\bknäproblem\w*|\bknäskad\w*|\blöparknä\w*|\bknävärk\b",
    not_knee_pattern=r"\bknälyft\w*|\bhöga knän\b|\bknästrumpor\b|\bknäskydd\w*|\bknähöga\b",
    someone_elses_knee_pattern=(
        r"\b(?:hans|hennes|deras)\s+(?:(?:vänstra|högra)\s+)?knä\w*"
        r"|\bmin (?:väns|väninnas|frus|mans|pojkväns|flickväns|brors|systers|tränares|sons"
        r"|dotters) (?:\w+ )?knä\w*"
    ),
    past_pattern=r"\bförra året\b|\bförra årets\b|\bgammal\b|\bgamla\b|\bför \w+ år sedan\b",
    pain_pattern=(
        r"ont|besvär\w*|smärta|smärtor|smärtan|smärtsam\w*|värk|värker|värkte|värkt|krångl\w*|öm|ömt|ömma|ömmar|"
        r"ömmade|skada|skadad|skadat|besvär|problem|irriterad|irriterat|inflammerad\w*|"
        r"molar|molande|känning|känningar|överbelast\w*|hugger|högg"
    ),
    pain_phrase_pattern="",
    other_part_pattern=(
        r"vaden|vaderna|vadmuskel\w*|smalben\w*|fotled\w*|fot|foten|fötter|fötterna|häl|"
        r"hälen|hälsena\w*|baksida|lår|låret|höft|höften|rumpa|rumpan|rygg|ryggen|ljumske|"
        r"ljumsken|tår|fascia|axel|axeln|nacke|ben|benet|benen|muskel|muskler|sena|senan|"
        r"handled|armbåge|huvud|hamstring\w*"
    ),
    swelling_pattern=r"\bsvullen\b|\bsvullet\b|\bsvullnad\w*|\bsvullna\b|\bvätska\b",
    locking_pattern=r"\blåste sig\b|\blåser sig\b|\blåsning\w*|\blåst\b|\bhakade upp sig\b",
    giving_way_pattern=(
        r"\bvek sig\b|\bviker sig\b|\bgav vika\b|\bsvek\b|\bsviker\b|\binstabil\w*"
    ),
    sharp_pattern=r"\bskarp\w*|\bhuggande\b|\bstickande\b|\bhugg\b",
    resolved_pattern=r"\bsmärtfri\w*|\butan smärta\b|\bhar gått över\b|\bgick över\b",
    no_longer_pattern=r"\binte längre\b|\binte mer\b|\binget mer\b",
    resolved=("borta", "försvunnen", "försvunnit", "läkt"),
    good_state=("bra", "fint", "fin", "perfekt", "stabilt", "ok", "okej", "toppen", "lugnt"),
    state_fillers=(
        "känns", "kändes", "kändes", "var", "är", "helt", "riktigt", "mycket", "idag", "igen",
        "fortfarande", "också", "höll", "vänstra", "högra", "det", "sig",
    ),
    negations=("ingen", "inga", "inte", "utan", "aldrig", "inget", "noll"),
    negation_fillers=(
        "i", "det", "knät", "mitt", "min", "har", "hade", "gjorde", "gör", "känt", "märkt",
        "någon", "något", "några", "särskilt", "riktigt", "en", "ett", "av", "alls", "ont",
    ),
    negations_after=(),
    left=("vänster", "vänstra", "vänsterknä", "vänsterknät"),
    right=("höger", "högra", "högerknä", "högerknät"),
    both=("båda", "bägge"),
    side_gap=("mitt", "det", "i", "yttre", "inre", "utsidan", "insidan"),
    joiners=("och", "eller"),
    clause_words=("men", "eftersom", "fast", "medan", "efteråt", "sedan"),
    pronouns=(),
    improving=("bättre", "mindre", "avtagit", "förbättrats"),
    out_of_pattern=r"av",
    effort_pattern=r"ansträngning|intensitet|rpe|borg",
    change_pattern=r"sedan|sen|till",
    range_pattern=r"till",
    pain_before_number_pattern=r"smärta|smärtan|vas",
    not_a_score_after_pattern=r"dagar|dag\b|veckor|gånger|timmar",
    not_pain_score_before=("ansträngning", "intensitet", "sömn", "humör", "energi", "borg"),
    months=(
        ("januari",), ("februari",), ("mars",), (), ("maj",), (), (), ("augusti",), (),
        ("oktober", "okt"), (), (),
    ),
    weekdays=(
        "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
        "mån", "tis", "ons", "tors", "fre", "lör", "sön",
    ),
)  # fmt: skip
