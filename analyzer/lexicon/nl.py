"""Dutch: the words of knee pain, scores and dates."""

from analyzer.lexicon.words import Words

_MEDIA = (  # what one reads, hears or watches: a topic, not a feeling
    r"(?:podcast|aflevering|artikel|video|filmpje|boek|blog|studie|lezing|documentaire"
    r"|forum|draadje|post|hoofdstuk|webinar|cursus|interview|uitzending|stuk|stukje|paper)(?:s|en)?"
)

# who gives the talk or writes the piece: "een lezing van de fysio over"
_AUTHOR = r"(?:(?:van|door|met)\s+(?:\w+\s+){0,2}\w+\s+)?"

WORDS = Words(
    markers=(
        "de", "het", "een", "en", "na", "met", "mijn", "niet", "geen", "pijn", "van", "bij",
        "beetje", "vandaag", "loop", "knieën", "linkerknie", "rechterknie", "kniepijn", "doet",
        "weer", "last", "heb", "ik", "tijdens", "duurloop", "gisteren", "wat", "ook", "nog",
        "lopen", "rustig", "zeurt", "afdaling",
    ),
    knee_pattern=(
        r"knie|knieën|knieen|knieschijf|knieschijven|meniscus|linkerknie|rechterknie|kruisband"
    ),
    both_knees=("knieën", "knieen", "knieschijven"),
    knee_pain_pattern=(
        r"\bkniepijn\w*|\bknieklacht\w*|\bknieblessure\w*|\blopersknie\b|\bspringersknie\b"
        r"|\bknieproblem\w*"
    ),
    not_knee_pattern=r"\bknieheffen\b|\bkniehoge?\b|\bkniekousen\b|\bkniebrace\w*",
    someone_elses_knee_pattern=(
        r"\b(?:zijn|haar|hun)\s+(?:(?!mijn)\w+\s+){0,2}(?:linker|rechter)?knie\b"
        r"|\bknie van (?:mijn|m'n) (?:leerling|cursist\w*|beginner|deelnemer\w*|vriend|vriendin"
        r"|vrouw|man|partner|broer|zus|trainer"
        r"|collega|zoon|dochter|maat)\b"
    ),
    past_pattern=(
        # the weeks after an injury: it is over
        r"\bna (?:de|mijn) (?:knie)?(?:blessure|operatie)\b|"
        r"\bvorig jaar\b|\boude\b|\b(?:jaren|jaar|maand) geleden\b|\beerdere\b"
        r"|\bweet je nog\b|\bik herinner me\b|\bvroeger\b|\bde vorige keer\b|\bin (?:19|20)\d\d\b"
        r"|\bmaanden geleden\b"
    ),
    pain_pattern=(
        r"pijn|pijnlijk\w*|vervelend\w*|gevoeld|voelbaar|zeer|zere|last|klachten|gevoelig\w*"
        r"|blessure\w*|geblesseerd|ontstoken|"
        r"ontsteking|geïrriteerd|geirriteerd|irritatie|zeur\w*|steken|stekend\w*|problemen|"
        r"overbelast\w*|opspeelt|speelt|beurs"
        r"|protest\w*|klaag\w*|sputter\w*|brandt|branderig|moeilijk|au|auw|auwch"
    ),
    pain_phrase_pattern=(
        r"\bspeelt (?:weer )?op\b|\bdoet (?:weer )?moeilijk\b"
        r"|\bniet weer\b|\bzei nee\b|\bweiger\w*|\bstaakt\w*"
        r"|\b(?:uitgestapt|overgeslagen|afgebroken|dnf)\b"
        r"|\bvanwege (?=(?:de |mijn )?(?:linker|rechter)?knie)"
    ),
    not_part_pattern=r"\bte voet\b|\bop de been\b|\bvoet bij stuk\b",
    other_part_pattern=(
        r"kuit|kuiten|scheenbeen|scheen|schenen|enkels?|voet|voeten|hiel|hielen|achilles\w*|"
        r"hamstrings?|quadriceps|heup|heupen|bil|billen|rug|dij|dijen|bovenbeen|bovenbenen"
        r"|onderbenen?|onderbeen|lies|teen|"
        r"tenen|fascia|schouders?|nek|been|benen|spier|spieren|pees|pezen|pols|elleboog|hoofd"
    ),
    compound_links=("", "s", "en", "e"),
    swelling_pattern=r"\b(?:op)?gezwollen\b|\bzw(?:el|ol)\w*|\bdik\b|\bopgezet\b|\bvocht\b",
    locking_pattern=(
        r"\bop slot\b|\bblokkeer\w*|\bblokkeert\b|\bslot schoot\b|\bklem\w*"
        r"|\b(?:bleef|blijft|bleven) (?:\w+ )?haken\b|\bhaakt\b|\bhaakte\b|\bhapert\b|\bhaperde\b"
    ),
    giving_way_pattern=(
        r"\b(?:zakte|knikte|zakt|knikt|klapt|klapte|klapten) (?:\w+ ){0,2}door\b"
        r"|\b(?:gaf|geeft) (?:\w+ )?mee\b|\bdoorgeklapt\b"
        r"|\bdoorgezakt\b|\binstabiel\w*"
        r"|\b(?:zakte|knikte|zakt|knikt) (?:\w+ )?(?:weg|in)\b|\b(?:weg|in|door)ge(?:zakt|knikt)\b"
        r"|\bbegaf het\b|\bbegeeft het\b"
    ),
    sharp_pattern=r"\bscherpe?\b|\bstekende?\b|\bsteek\b",
    weight_bearing_pattern=(
        r"\b(?:kan|kon|kunnen)\s+(?:er\s+|mijn been\s+|het been\s+)?(?:niet|nauwelijks|amper"
        r"|bijna niet)\s+(?:meer\s+)?(?:goed\s+)?(?:op\s+(?:(?:mijn|m'n|het)\s+(?:been|voet)\s+)?)?"
        r"(?:staan|steunen|belasten|lopen)(?:\s+op\s+(?:mijn|m'n|het)\s+(?:been|voet))?\b"
        r"|\b(?:niet|nauwelijks) te belasten\b"
        r"|\b(?:hield|houdt|droeg|draagt)\s+(?:mijn|m'n|het)\s+gewicht\s+niet\b"
        r"|\b(?:kon|kan)\s+(?:mijn|m'n|het)\s+gewicht\s+niet\s+(?:dragen|houden|hebben)\b"
    ),
    resolved_pattern=(
        r"\bpijnvrij\b|\bklachtenvrij\b|\bzonder pijn\b"
        r"|\bverleden tijd\b|\bvergeten\b"
    ),
    no_longer_pattern=(
        r"\bniet (?:\w+ ){0,2}meer\b|\bgeen \w* ?meer\b"
        r"|\b(?:niets|niks) (?:bijzonders |nieuws )?te (?:melden|vermelden|zeggen)\b"
    ),
    resolved=("weg", "verdwenen", "genezen", "voorbij"),
    good_phrase_pattern=(
        r"\bbeter dan ooit\b|\bals nieuw\b"
        # "the least of my problems": the knee is fine
        r"|\bmijn minste (?:zorg|probleem)\b|\bhet minste van mijn problemen\b"
    ),
    say_pattern=r"\b(?:ik )?zou (?:zeggen|het houden op)\b|\bzeg maar\b|\blaten we zeggen\b",
    legs=("been", "benen", "poot"),
    hedged_pattern=(
        r"\bgaat wel\b|\bredelijk\b|\bmatig\b|\bzo-?zo\b|\bmin of meer (?:ok|oké|goed)\b"
    ),
    good_state=("goed", "prima", "perfect", "top", "oké", "oke", "stabiel", "rustig"),
    state_fillers=(
        "voelt", "voelde", "is", "was", "zich", "helemaal", "heel", "erg", "vandaag", "weer",
        "bleef", "blijft", "ook", "hield", "stand", "zat", "links", "rechts", "nog", "steeds",
        "veel", "wat", "iets", "stuk", "stukje",  # how much ("much better")
    ),
    negations=("geen", "niet", "zonder", "nooit", "niks", "nul", "niets", "nergens"),
    negation_fillers=(
        "de", "het", "mijn", "m'n", "in", "aan", "last", "van", "had", "heb", "ik", "meer",
        "enkele", "echt", "deed", "doet", "een", "beetje", "centje", "greintje", "spoor",
        "gemerkt", "gevoeld",
    ),
    negations_after=("niet",),
    left=("links", "linker", "linkse", "linkerknie", "li"),
    right=("rechts", "rechter", "rechtse", "rechterknie", "re"),
    both=("beide", "allebei", "beiden"),
    side_gap=("mijn", "m'n", "de", "het", "in", "aan", "buitenkant", "binnenkant", "trouwens"),
    joiners=("en", "of", "de", "het"),
    clause_words=("maar", "want", "omdat", "behalve", "terwijl", "daarna", "toch"),
    improving=("beter", "minder", "verbetert", "verbeterd"),
    out_of_pattern=r"van(?: de)?|uit|op(?: de)?",  # "vier van de tien"
    effort_pattern=r"inspanning|intensiteit|rpe|vermoeidheid",
    change_pattern=r"daarna|dan|naar",
    range_pattern=r"tot|à|a",
    spelled_knee=("knie", "knieën", "knieschijf"),
    other_people_pattern=(
        # what another reports ("according to her"): theirs
        r"\bvolgens (?:hem|haar|hen)\b|"
        # "whoever has knee pain ..." (a coach's message to a group): not the runner's
        r"\bwie(?= (?:\w+ ){0,3}(?:heeft|hebben)\b)|"
        # the pain of another said with "her"/"him" ("knie doet haar pijn"): theirs
        r"\b(?:haar|hem|hen)(?=\s+(?:pijn|zeer)\b)|"
        # "hij" before a verb of a person ("hij klaagde over zijn knie"): he, not the knee
        r"\bhij(?=\s+(?:heeft|had|zegt|zei|klaagt|klaagde|kreeg)\b)|"
        r"\b(?:atleet|loper|pupil)\s+(?:die|dat)\s+ik\s+(?:train|begeleid|coach)\b|"
        r"\b(?:zag|gezien)\s+(?:een|iemand)\b|"
        r"\b(?!atleet\b)"
        r"(?:(?:mijn|m'n|onze|ons|een)\s+(?:\w+\s+)?)?(?:leerling|cursist\w*|beginner|deelnemer\w*"
        r"|vriend|vriendin|vrouw|man|partner|broer"
        r"|zus|trainer|collega|\w*genoot|zoon|dochter|maat|\w*maatje|\w*vriend\w*|atleet|loper"
        r"|hond|vader|moeder|opa"
        r"|oma|oom|tante|buurman|buurvrouw|kind)"
        r"(?:\s+(?!(?:and|und|et|y|e|en|og|och)\b)\w+){0,3}?"
        r"(?=\s+(?:heeft|had|is|was|zegt|zei|klaagt|klaagde|met|voelt|voelde|kreeg|meldt"
        r"|vertelde|blesseerde|verdraaide|verzwikte)\b)"
    ),
    pronouns=(),
    own=("mijn", "m'n"),
    other_subjects=("zij",),
    hypothetical_pattern=(
        r"\bhoop\w*|\bhopelijk\b|\bals (?=de |het |m'n |mijn |ik |morgen)|\bindien\b"
        r"|\bvoor het geval\b|\bbang\b|\bdoodsbang\b|\bzenuwachtig\b|\bvrees\b"
        r"|\bom (?:\w+ )?te voorkomen\b|\bvoorkomen\b|\bzou\b"
        r"|\bbezorgd\b|\buit voorzorg\b"
    ),
    topic_pattern=(
        rf"\b{_MEDIA}"
        rf"\s+(?:\w+\s+){{0,2}}{_AUTHOR}(?:over)\b|\b(?:gelezen|las|lees|lazen|hoorde|luister"
        rf"|gevraagd"
        r"|vroeg|gepraat|gesproken|gehoord|vertelde|vertelt|verteld|sprak|praatte|legde|uitgelegd"
        r"|geluisterd|luisterde|gekeken|keek)\s+(?:\w+\s+){0,3}(?:over|naar|hoe|of|dat)\b"
        r"|\bover(?=(?:\s+\w+){1,3}\s+(?:gelezen|gehoord|gesproken|gepraat|geluisterd"
        r"|gekeken)\b)"
    ),
    media_pattern=_MEDIA,
    about_pattern=r"over",
    spelled_pain=("pijn", "pijnlijk", "gezwollen", "zeurt", "gevoelig"),
    exception_pattern=r"\bbehalve\b|\buitgezonderd\b",
    answers_no=("geen", "nee", "niks", "nul", "niets"),
    answers_yes=("ja", "j"),
    person_verbs=("heeft", "had", "zegt", "zei", "klaagt", "klaagde", "voelt", "kreeg"),
    first_person=("ik", "wij", "we"),
    that_words=("dat",),
    location_words=("achter", "onder", "boven", "rond", "naast", "rondom"),
    from_words=(),
    side_nouns=("kant", "zijde"),
    sequence=("daarna", "dan", "later", "tot", "vervolgens", "begon", "begonnen", "begint"),
    returned_pattern=r"\bis terug\b|\bkomt terug\b",
    continuing=("nog", "steeds", "weer", "opnieuw"),
    numbers=(
        "nul", "een|één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
    ),
    score_cues=(
        "ongeveer", "zo'n", "n", "rond", "misschien", "een", "vas", "niveau", "circa", "pijn",
        "pijnscore", "~",
    ),
    count_pattern=(
        r"km|k|x|dagen|dag|weken|week|keer|uur|u|min|minuten|herhalingen|reps|sets|rondes?"
        r"|heuvels?|kilometers?|meters?|m|sec|%|bpm|trappen"
    ),
    previous_day_pattern=r"\bgisteren\b|\beergisteren\b|\bgisteravond\b",
    earlier_pattern=(
        r"\bvorige maand\b|\b(?:\w+ )?weken? geleden\b|"  # a month or weeks ago
        r"\bgisteren\b|\beerder\b|\bvanochtend\b|\bvanmorgen\b|\bvorige week\b|\bvan\b"
        r"|\bin het begin\b|\beerst\b"
    ),
    now_pattern=r"\bnu\b|\bvandaag\b|\bmomenteel\b|\binmiddels\b",
    later=("nu", "daarna", "dan", "later", "einde", "eind", "vanavond", "→", "->", ">"),
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
