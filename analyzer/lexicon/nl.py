"""Dutch: the words of knee pain, scores and dates."""

from analyzer.lexicon.words import Words

WORDS = Words(
    markers=(
        "de", "het", "een", "en", "na", "met", "mijn", "niet", "geen", "pijn", "van", "bij",
        "beetje", "vandaag", "loop", "knieën", "linkerknie", "rechterknie", "kniepijn", "doet",
        "weer", "last", "heb", "ik", "tijdens", "duurloop", "gisteren", "wat", "ook", "nog",
        "lopen", "rustig", "zeurt", "afdaling",
    ),
    knee_pattern=r"knie|knieën|knieen|knieschijf|knieschijven|meniscus|linkerknie|rechterknie",
    both_knees=("knieën", "knieen", "knieschijven"),
    knee_pain_pattern=(
        r"\bkniepijn\w*|\bknieklacht\w*|\bknieblessure\w*|\blopersknie\b|\bspringersknie\b"
        r"|\bknieproblem\w*"
    ),
    not_knee_pattern=r"\bknieheffen\b|\bkniehoge?\b|\bkniekousen\b|\bkniebrace\w*",
    someone_elses_knee_pattern=(
        r"\b(?:zijn|haar|hun)\s+(?:(?:linker|rechter)\s*)?knie\b"
        r"|\bknie van (?:mijn|m'n) (?:vriend|vriendin|vrouw|man|partner|broer|zus|trainer"
        r"|collega|zoon|dochter|maat)\b"
    ),
    past_pattern=r"\bvorig jaar\b|\boude\b|\bjaren geleden\b|\beerdere\b",
    pain_pattern=(
        r"pijn|pijnlijk\w*|vervelend\w*|gevoeld|voelbaar|zeer|last|klachten|gevoelig\w*|blessure\w*|geblesseerd|ontstoken|"
        r"ontsteking|geïrriteerd|geirriteerd|irritatie|zeur\w*|steken|stekend\w*|problemen|"
        r"overbelast\w*|opspeelt|speelt|beurs"
    ),
    pain_phrase_pattern="",
    other_part_pattern=(
        r"kuit|kuiten|scheenbeen|scheen|schenen|enkels?|voet|voeten|hiel|hielen|achilles\w*|"
        r"hamstrings?|quadriceps|heup|heupen|bil|billen|rug|dij|dijen|bovenbeen|lies|teen|"
        r"tenen|fascia|schouders?|nek|been|benen|spier|spieren|pees|pezen|pols|elleboog|hoofd"
    ),
    swelling_pattern=r"\bgezwollen\b|\bzwelling\b|\bdik\b|\bopgezet\b|\bvocht\b",
    locking_pattern=r"\bop slot\b|\bblokkeer\w*|\bblokkeert\b|\bslot schoot\b|\bklem\b",
    giving_way_pattern=(
        r"\bzakte (?:\w+ )?door\b|\bknikte (?:\w+ )?door\b|\bgaf (?:\w+ )?mee\b"
        r"|\bdoorgezakt\b|\binstabiel\w*"
    ),
    sharp_pattern=r"\bscherpe?\b|\bstekende?\b|\bsteek\b",
    resolved_pattern=r"\bpijnvrij\b|\bklachtenvrij\b|\bzonder pijn\b",
    no_longer_pattern=r"\bniet meer\b|\bgeen \w* ?meer\b",
    resolved=("weg", "verdwenen", "genezen", "voorbij"),
    good_state=("goed", "prima", "perfect", "top", "oké", "oke", "stabiel", "rustig"),
    state_fillers=(
        "voelt", "voelde", "is", "was", "zich", "helemaal", "heel", "erg", "vandaag", "weer",
        "bleef", "blijft", "ook", "hield", "stand", "zat", "links", "rechts", "nog", "steeds",
    ),
    negations=("geen", "niet", "zonder", "nooit", "niks", "nul"),
    negation_fillers=(
        "de", "het", "mijn", "m'n", "in", "aan", "last", "van", "had", "heb", "ik", "meer",
        "enkele", "echt", "deed", "doet", "een", "beetje",
    ),
    negations_after=("niet",),
    left=("links", "linker", "linkse", "linkerknie"),
    right=("rechts", "rechter", "rechtse", "rechterknie"),
    both=("beide", "allebei", "beiden"),
    side_gap=("mijn", "m'n", "de", "het", "in", "aan", "buitenkant", "binnenkant"),
    joiners=("en", "of", "de", "het"),
    clause_words=("maar", "want", "omdat", "behalve", "terwijl", "daarna", "toch"),
    pronouns=(),
    improving=("beter", "minder", "verbetert", "verbeterd"),
    out_of_pattern=r"van|uit|op",
    effort_pattern=r"inspanning|intensiteit|rpe",
    change_pattern=r"daarna|dan|naar",
    range_pattern=r"tot|à|a",
    pain_before_number_pattern=r"pijn|pijnscore",
    not_a_score_after_pattern=r"dagen|dag\b|weken|keer|uur",
    not_pain_score_before=("inspanning", "intensiteit", "slaap", "humeur", "energie"),
    months=(
        ("januari",), ("februari",), ("maart", "mrt"), (), ("mei",), (), (), ("augustus",),
        (), ("oktober", "okt"), (), (),
    ),
    weekdays=(
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "ma", "di", "wo", "do", "vr", "za", "zo",
    ),
)  # fmt: skip
