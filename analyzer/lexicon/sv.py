"""Swedish: the words of knee pain, scores and dates."""

from analyzer.lexicon.words import Words

_MEDIA = (  # what one reads, hears or watches: a topic, not a feeling
    r"(?:podcast|podd|pod|avsnitt|artikel|artikeln|artiklar|video|bok|boken|blogg|studie"
    r"|föreläsning|dokumentär|forum|tråd|inlägg|kapitel|webbinarium|kurs|intervju"
    r"|program)(?:en|et|n|ar|er|erna|arna|s)?"
)

# who gives the talk or writes the piece: "en föreläsning av sjukgymnasten om"
_AUTHOR = r"(?:(?:av|från|med)\s+(?:\w+\s+){0,2}\w+\s+)?"

WORDS = Words(
    markers=(
        "och", "efter", "mitt", "min", "är", "inte", "knä", "knät", "knäet", "knäna", "ont",
        "lite", "på", "löpning", "passet", "jag", "har", "gör", "det", "också", "igen", "av",
        "mig", "vänster", "höger", "idag", "nu", "lugnt", "långpass", "backe", "utförs",
        "rundan", "känns", "kändes", "smärta", "värk",
    ),
    knee_pattern=(
        r"knä|knät|knäet|knäna|knäskål\w*|knäled\w*|menisk\w*|vänsterknä\w*|högerknä\w*"
        r"|kna|knat|knaet|knana|knaskal\w*|knaled\w*"  # typed without the dots on a phone
    ),
    both_knees=("knäna",),
    knee_pain_pattern=r"\bknäsmärt\w*|\bknäproblem\w*|\bknäskad\w*|\blöparknä\w*|\bknävärk\b",
    not_knee_pattern=r"\bknälyft\w*|\bhöga knän\b|\bknästrumpor\b|\bknäskydd\w*|\bknähöga\b",
    someone_elses_knee_pattern=(
        r"\b(?:hans|hennes|deras)\s+(?:(?!mitt)\w+\s+){0,2}knä\w*"
        r"|\bmin (?:väns|väninnas|frus|mans|pojkväns|flickväns|brors|systers|tränares|sons"
        r"|dotters) (?:\w+ )?knä\w*"
    ),
    past_pattern=(
        # the weeks after an injury: it is over
        r"\befter (?:skadan|operationen|knäskadan|knäoperationen)\b|"
        r"\bförra året\b|\bförra årets\b|\bgammal\b|\bgamla\b|\btidigare\b|\bför \w+ (?:år"
        r"|månad) (?:sedan|sen)\b"
        r"|\bminns du\b|\bjag minns\b|\bnär jag hade\b|\bförra gången\b|\bi (?:19|20)\d\d\b"
        r"|\bmånader sedan\b|\bpå den tiden\b"
    ),
    pain_pattern=(
        r"ont|besvär\w*|smärta|smärtor|smärtan|smärtsam\w*|värk|värker|värka|värkte|värkt|krångl\w*|öm"
        r"|ömt|ömma|ömmar|"
        r"ömmade|skada|skadad|skadat|besvär|problem|irriterad|irriterat|inflammerad\w*|"
        r"molar|molande|värkande|smärtande|ömmande|känning|känningar|överbelast\w*|hugger|högg"
        r"|bråk\w*|gnäll\w*|protester\w*|spök\w*|strul\w*|aj|aoj"
    ),
    pain_phrase_pattern=(
        r"\bkänns av\b|\bgör sig påmin\w*"
        r"|\binte igen\b|\bsa nej\b|\bstrejk\w*|\bvägra\w*"
        r"|\b(?:avbröt|bröt|klev av|hoppade över|dnf)\b"
        r"|\bpå grund av (?=(?:mitt |det )?(?:vänstra |högra )?knä)"
    ),
    not_part_pattern=r"\btill fots\b|\bpå benen\b",
    other_part_pattern=(
        r"vaden|vaderna|vadmuskel\w*|smalben\w*|fotled\w*|fot|foten|fötter|fötterna|häl|"
        r"hälen|hälsena\w*|baksida|lår|låret|låren|träningsvärk|höft|höften|rumpa|rumpan|rygg"
        r"|ryggen|ljumske|"
        r"ljumsken|tår|fascia|axel|axeln|nacke|ben|benet|benen|muskel|muskler|sena|senan|"
        r"handled|armbåge|huvud|hamstring\w*"
    ),
    compound_links=("", "s", "a"),
    swelling_pattern=r"\bsvull\w*|\bsvälld\w*|\bvätska\b",
    locking_pattern=(
        r"\blåste sig\b|\blåser sig\b|\blåsning\w*|\blåst\b|\bhak(?:ade|ar) upp sig\b"
        r"|\bhak(?:ade|ar)\b|\b(?:fastnade|fastnar)\b"
    ),
    giving_way_pattern=(
        r"\b(?:vek|viker) (?:ibland |ofta |plötsligt )?sig\b|\b(?:gav|ger) vika\b|\bger efter\b"
        r"|\bsvek\b|\bsviker\b"
        r"|\binstabil\w*"
        r"|\bsvikt(?:ade|ar|at)\b|\bgav efter\b|\b(?:vek|viker|föll|faller) ihop\b"
    ),
    sharp_pattern=r"\bskarp\w*|\bhuggande\b|\bstickande\b|\bhugg\b",
    weight_bearing_pattern=(
        r"\b(?:kan|kunde|klarar|klarade)\s+(?:knappt|inte|knappast)\s+(?:längre\s+)?(?:att\s+)?"
        r"(?:stödja|stötta|belasta|stå|trampa|gå)(?:\s+på)?(?:\s+(?:benet|foten|det|den))?\b"
        r"|\b(?:kunde|kan|ville)\s+inte\s+(?:bära|hålla)\s+(?:min\s+)?vikt(?:en)?\b"
        r"|\b(?:bar|bär|höll|håller)\s+inte\s+(?:upp\s+)?(?:min\s+)?vikt(?:en)?\b"
    ),
    resolved_pattern=(
        r"\bsmärtfri\w*|\butan smärta\b|\bhar gått över\b|\bgick över\b"
        r"|\bglömt\b|\bett minne blott\b"
    ),
    no_longer_pattern=(
        r"\binte (?:\w+ ){0,2}(?:längre|mer)\b|\binget mer\b"
        r"|\b(?:inget|ingenting) (?:nytt )?att (?:rapportera|anmärka|säga|notera)\b"
    ),
    resolved=("borta", "försvunnen", "försvunnit", "läkt"),
    good_phrase_pattern=(
        r"\bbättre än någonsin\b|\bsom ny\b"
        # "the least of my problems": the knee is fine
        r"|\bdet minsta av mina problem\b|\bmitt minsta problem\b"
    ),
    say_pattern=r"\b(?:jag )?skulle (?:nog )?säga\b|\bvi säger\b",
    legs=("ben", "benet"),
    hedged_pattern=(
        r"\bsådär\b|\bsisådär\b|\bhyfsat\b|\bhalvbra\b|\bnågorlunda\b"
    ),
    good_state=("bra", "fint", "fin", "perfekt", "stabilt", "ok", "okej", "toppen", "lugnt"),
    state_fillers=(
        "känns", "kändes", "kändes", "var", "är", "helt", "riktigt", "mycket", "idag", "igen",
        "fortfarande", "också", "höll", "vänstra", "högra", "det", "sig",
        "lite", "bra", "betydligt", "något", "del",  # how much ("much better")
    ),
    negations=("ingen", "inga", "inte", "utan", "aldrig", "inget", "noll", "ingenting"),
    negation_fillers=(
        "i", "det", "knät", "mitt", "min", "har", "hade", "gjorde", "gör", "gjort", "känt", "märkt",
        "någon", "något", "några", "särskilt", "riktigt", "en", "ett", "av", "alls", "ont",
    ),
    negations_after=(),
    left=("vänster", "vänstra", "vänsterknä", "vänsterknät", "vä", "v"),
    right=("höger", "högra", "högerknä", "högerknät", "hö", "h"),
    both=("båda", "bägge"),
    side_gap=("mitt", "det", "i", "yttre", "inre", "utsidan", "insidan", "förresten", "till"),
    joiners=("och", "eller"),
    clause_words=("men", "eftersom", "fast", "medan", "efteråt", "sedan"),
    improving=("bättre", "mindre", "avtagit", "förbättrats"),
    out_of_pattern=r"av",
    effort_pattern=r"ansträngning|intensitet|rpe|borg|trötthet",
    change_pattern=r"sedan|sen|till",
    range_pattern=r"till",
    spelled_knee=("knät", "knäet", "knäna", "knäskål"),
    other_people_pattern=(
        # what another reports ("according to her"): theirs
        r"\benligt (?:honom|henne|dem)\b|"
        # "whoever has knee pain ..." (a coach's message to a group): not the runner's
        r"\b(?:den|de|alla) som(?= har\b| känner\b)|"
        r"\batlet(?:en)?\s+(?:som\s+)?jag\s+(?:tränar|coachar)\b|"
        r"\bsåg\s+(?:en|ett|någon)\b|"
        r"\b(?!atlet(?:en)?\b)(?:(?:min|mitt|vår|en|ett)\s+(?:\w+\s+)?)?"
        r"(?:elev\w*|deltagar\w*|nybörjar\w*|atlet|atleten|vän|väninna|fru|(?<=min )man|(?<=en )man"
        r"|pojkvän|flickvän|bror"
        r"|syster|tränare|son|dotter|kollega|\w*kamrat\w*|\w*kompis\w*|hund|pappa|mamma|far|mor"
        r"|farfar"
        r"|morfar|farmor|mormor|granne|barn|sambo|sambon|frun|frugan|mannen|pojkvännen|flickvännen"
        r"|brorsan|brodern|systern|syrran|tränaren|sonen|dottern|kollegan|kompisen"
        r"|löparkompisen|vännen|väninnan|grannen|hunden|partnern)"
        r"(?:\s+(?!(?:and|und|et|y|e|en|og|och)\b)\w+){0,3}?"
        r"(?=\s+(?:har|hade|är|var|säger|sa|klagar|klagade|med|känner|kände|fick|berättade|skadade"
        r"|vred|stukade)\b)"
    ),
    pronouns=("det",),
    own=("mitt", "min", "mina"),
    other_subjects=("han", "hon"),
    hypothetical_pattern=(
        r"\bhopp(?:as|ades)\b|\bförhoppningsvis\b|\bom (?=knät|det |jag |smärtan)|\bifall\b"
        r"|\bi fall\b|\brädd\b|\blivrädd\b|\bnervös\b|\bfruktar\b|\bför att undvika\b|\bundvika\b"
        r"|\bförebygg\w*|\bskulle\b"
        r"|\borolig\b|\bför säkerhets skull\b"
    ),
    topic_pattern=(
        rf"\b{_MEDIA}"
        rf"\s+(?:\w+\s+){{0,2}}{_AUTHOR}(?:om)\b|\b(?:läste|läst|läser|lyssnar|hör|frågade|frågat"
        r"|pratade|pratat|hört|hörde"
        r"|lyssnade|lyssnat|tittade|tittat|berättade|berättar|förklarade"
        r"|förklarar)\s+(?:\w+\s+){0,3}(?:om|hur|ifall|att)\b"
    ),
    media_pattern=_MEDIA,
    about_pattern=r"om",
    spelled_pain=("smärta", "smärtan", "svullen", "värker", "ömmar"),
    exception_pattern=r"\butom\b|\bförutom\b|\bbortsett från\b",
    answers_no=("ingen", "inga", "nej", "inget", "ingenting", "noll"),
    answers_yes=("ja", "j"),
    person_verbs=("har", "hade", "säger", "sa", "klagar", "klagade", "känner", "fick"),
    first_person=("jag", "vi"),
    that_words=("att",),
    location_words=("bakom", "under", "ovanför", "runt", "vid", "nedanför"),
    from_words=("från",),
    side_nouns=("sida", "sidan"),
    sequence=("sedan", "sen", "efteråt", "tills", "senare", "började", "börjar", "startade"),
    returned_pattern=r"\bär tillbaka\b|\bkom tillbaka\b",
    continuing=("fortfarande", "igen", "still", "ännu", "kvar"),
    numbers=(
        "noll|nolla", "en|ett|etta", "två|tvåa", "tre|trea", "fyra", "fem|femma", "sex|sexa",
        "sju|sjua", "åtta", "nio|nia", "tio|tia",
    ),
    score_cues=(
        "runt", "cirka", "ca", "kanske", "typ", "en", "ett", "vas", "nivå", "omkring", "smärta",
        "smärtan", "~",
    ),
    count_pattern=(
        r"km|k|x|dagar|dag|veckor|vecka|gånger|timmar|h|min|minuter|intervaller|repetitioner"
        r"|varv|backar|kilometer|meter|m|sek|%|bpm|trappor"
    ),
    previous_day_pattern=r"\bigår\b|\bi går\b|\bi förrgår\b",
    earlier_pattern=(
        r"\bförra månaden\b|\bför (?:\w+ )?veckor? sedan\b|"  # a month or weeks ago
        r"\bigår\b|\bi går\b|\btidigare\b|\bi morse\b|\bförra veckan\b|\bfrån\b|\bförst\b"
        r"|\bi början\b"
    ),
    now_pattern=r"\bnu\b|\bi dag\b|\bidag\b|\bför närvarande\b",
    later=("nu", "sedan", "sen", "senare", "slutet", "slut", "ikväll", "→", "->", ">"),
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
