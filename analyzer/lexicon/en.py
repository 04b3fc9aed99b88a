"""English: the words of knee pain, scores and dates."""

from analyzer.lexicon.words import Words

_MEDIA = (  # what one reads, hears or watches: a topic, not a feeling
    r"(?:podcast|pod|episode|ep|article|video|vid|book|blog|paper|study|thread|post|forum"
    r"|webinar|talk|lecture|chapter|youtube|documentary|course|interview|newsletter)s?"
)

# who gives the talk or writes the piece: "a talk by the physio on"
_AUTHOR = r"(?:(?:by|from|of)\s+(?:\w+\s+){0,2}\w+\s+)?"

WORDS = Words(
    markers=(
        "the", "and", "my", "was", "after", "with", "felt", "bit", "today", "run", "knee",
        "knees", "sore", "pain", "but", "of", "on", "it", "this", "at", "easy", "long",
    ),
    knee_pattern=(
        r"knees?|kneecaps?|knee's|patella[es]?|patellar|kn|lk|rk|menisc(?:us|i|al)|acl|mcl|lcl"
        r"|pcl"
    ),
    spelled_knee=("knee", "knees", "kneecap"),
    both_knees=("knees", "kneecaps"),
    knee_pain_pattern=(
        r"\b(?:runner|jumper)'?s'?[- ]knee\b|\bpatell\w*[- ]?femoral(?: pain)?(?: syndrome)?\b"
        r"|\bpfps\b|\bpatellar tendin\w+|\bpatellar tendon\w* pain\b|\bchondromalac\w*"
        r"|\b(?:it|iliotibial)[- ]?band[- ]syndrome\b|\bitb[- ]?syndrome\b|\bitbs\b"
    ),
    not_knee_pattern=(
        r"\bknee[- ]?(?:high|length|deep)s?\b|\bhigh[- ]knees?\b|\bknee[- ]to[- ]chest\b"
        r"|\bknee[- ](?:drives?|lifts?|raises?|tucks?|ups?|sleeves?|straps?|braces?|hugs?"
        r"|pads?|warmers?|tape|support)\b"
    ),
    someone_elses_knee_pattern=(
        r"\b(?:his|her|their|your)\s+(?:(?!my\b)\w+\s+){0,2}knees?\b"
        r"|\b(?!(?:runner|jumper|today|yesterday|tonight|week|weekend|month|year|morning"
        r"|evening|day|race|run|session|season|last|this|monday|tuesday|wednesday|thursday"
        r"|friday|saturday|sunday|it|that|what|there|here|who|one|everyone|how|where|when|why)'s\b)"
        r"[a-z]+'s\s+(?:(?!my\b)\w+\s+){0,2}(?:knees?|itb|it band)\b"
        r"|\b(?:friend|wife|husband|partner|son|daughter|mum|mom|dad|brother|sister|teammate"
        r"|buddy|mate|coach|client|girlfriend|boyfriend|colleague|dog|athlete)s'\s+knees?\b"
    ),
    other_people_pattern=(
        # what another reports ("according to her"): theirs
        r"\baccording to (?:him|her|them)\b|"
        # "whoever has knee pain ..." (a coach's message to a group): not the runner's
        r"\b(?:whoever|anyone|anybody|those|everyone) (?:with|who|that)\b|"
        r"\b(?:athlete|client|runner)s?\s+(?:(?:that|who|whom)\s+)?i\s+(?:coach|train)\b|"
        r"\b(?:saw|seen|watched|witnessed)\s+(?:a|an|the|some|someone|somebody|this|that|two"
        r"|one)\b|"
        r"\b(?:someone|somebody|everyone)\b"
        # "athlete reports ...", a coach's note in the athlete's log: the log's own runner
        r"|\b(?!(?:the\s+)?(?:athlete|client)\b)"
        r"(?:(?:my|our|a|the|one of my|one of the|some|this)\s+(?:\w+\s+)?)?(?:student|pupil"
        r"|trainee|beginner|newbie|participant|member|friend|wife"
        r"|husband"
        r"|partner"
        r"|son|daughter|mum|mom|dad|brother|sister|teammate|buddy|mate|client|girlfriend"
        r"|boyfriend|colleague|dog|athletes?|runners?|clubmates?|training partner|father|mother"
        r"|grandma|grandad|grandpa|granny|uncle|aunt|cousin|kid|child|neighbou?r|guy|bloke|lady"
        r"|woman|man|girl|boy|person|coach|teammate)s?"
        r"(?:\s+(?!(?:and|und|et|y|e|en|og|och)\b)\w+){0,3}?"
        r"(?=\s+(?:has|had|have|is|was|were|said|says|complained|complains|hurt|tweaked"
        r"|twisted|injured|with|reported|reports|mentioned|mentions|felt|feels|got|gets"
        r"|developed|noticed|told)\b)"
    ),
    pronouns=("it", "it's"),
    own=("my",),
    other_subjects=("he", "she", "he's", "she's"),
    past_pattern=(
        # the weeks after an injury: it is over
        r"\b(?:after|post)\s+(?:the|my)\s+(?:knee\s+)?(?:injury|surgery|operation|op)\b|"
        r"\blast (?:year|month|season|summer|winter|spring|autumn|fall|time)'?s?\b"
        r"|\bold(?= (?:\w+ )?(?:knee )?(?:injur|surgery|op\b|operation|problem))"
        r"|\b(?:previous|former)\b|\b(?:years?|yrs?|months?|mths?|mos)\s+ago\b|\bhistory of\b"
        r"|\bremember(?:ed|ing)? (?:when|how|that|the)\b|\bback in\b|\bused to\b"
        r"|\bwhen i had\b|\breminded me of\b"
        r"|\bin (?:19|20)\d\d\b"
    ),
    hypothetical_pattern=(
        r"\bhop(?:e|ed|ing|efully)\b|\bif\b|\bin case\b|\bworr(?:y|ied|ying)\b|\bafraid\b"
        r"|\bscared\b|\bterrified\b|\bdread(?:ing|ed)?\b|\bnervous\b|\banxious\b|\bparanoid\b"
        r"|\bfear(?:ing)?\b|\bto (?:avoid|prevent)\b|\bprevent(?:ing)?\b"
        r"|\bavoid(?:ing)?\b|\bmight\b|\bwill\b|\b(?:i|it|you)'ll\b|\bgoing to\b|\bunless\b"
        r"|\bfingers crossed\b|\btouch wood\b|\bprehab\b|\bwhether\b"
        r"|\bwonder(?:ing)?\b|\bin order\b|\bjust to be safe\b"
    ),
    topic_pattern=(
        rf"\b{_MEDIA}"
        rf"\s+(?:\w+\s+){{0,2}}{_AUTHOR}(?:on|about|re)\b|\b(?:read|reads|reading|researching"
        rf"|googl\w+"
        r"|watched"
        r"|watching|learn\w*|asked|asking|asks|talked|talking|chatted|chatting|heard"
        r"|hearing|listened|listening|told|tells|telling|explained|explaining|spoke|speaking)"
        r"\s+(?:(?:us|me|them|everyone|the group)\s+)?(?:up\s+)?(?:about|on|how|if|whether|that)\b"
    ),
    media_pattern=_MEDIA,
    about_pattern=r"about|re|regarding",
    pain_pattern=(
        r"pains?|painful|sore|soreness|sorer|achy|aches?|ached|aching|hurts?|hurting|twinges?|"
        r"twinged|twingy|niggles?|niggled|niggly|niggling|tender|tenderness|throbb?\w*|"
        r"injur\w*|tweak\w*|strain\w*|sprain\w*|issues?|problems?|trouble|flar\w*|irritat\w*|"
        r"inflam\w*|grumbl\w*|complain\w*|pinch\w*|killing|discomfort|uncomfortable|annoying|bad|"
        r"dodgy|barking|grumpy|cranky|angry|unhappy|bother\w*|bugging|burn\w*|screaming|toast|"
        r"shot|wrecked|trashed|fried|busted|knackered|banjaxed|cooked|battered|"
        r"moaning|whing\w*|protest\w*|wonky|iffy|dicky|sensitive|ouch|ow|owch|agony"
    ),
    spelled_pain=(
        "pain", "painful", "sore", "soreness", "aching", "achy", "hurts", "hurting", "tender",
        "niggle", "niggly", "twinge", "swollen", "swelling", "throbbing",
    ),
    pain_phrase_pattern=(
        r"\b(?:act|acts|acted|acting) up\b|\bplaying up\b|\bplayed up\b|\btalking to me\b"
        r"|\bletting me know\b|\bnot (?:so |too |very |that |at all |quite |feeling )?"
        r"(?:happy|great|good|right|100 ?%|itself|ideal)\b"
        r"|\bnot again\b|\bsaid no\b|\bwasn't having it\b|\bhad other ideas\b"
        r"|\brefus(?:ed|es|ing)\b|\b(?:lit|lights?|lighting) up\b"
        r"|\b(?:skipped|skip|dnf|dns|bailed|pulled out|cut (?:it |the run )?short|abandoned"
        r"|gave up)\b"
        r"|\bbecause of (?=(?:my |the )?(?:left |right )?kne)"
        r"|\bdue to (?=(?:my |the )?(?:left |right )?kne)"
    ),
    not_part_pattern=(
        r"\bback (?:down|up|home|to)\b|\bback and forth\b|\bon foot\b"
        r"|\b(?:way|ran|run|running|jogged|jog|jogging|walked|walk|walking|headed|head|heading"
        r"|drove|drive|limped|limp|limping|hobbled|hobble) back\b"
    ),
    other_part_pattern=(
        r"calf|calves|shins?|ankles?|foot|feet|heels?|achilles|hamstrings?|hammys?|quads?|"
        r"quadriceps|hips?|glutes?|butt|back|thighs?|groin|toes?|arch|arches|plantar|fascia|"
        r"shoulders?|neck|lungs?|chest|stomach|throat|head|legs?|muscles?|tendons?|wrist|"
        r"elbow|blisters?|doms|soleus|adductors?|piriformis|sit bones?"
    ),
    compound_links=(),
    swelling_pattern=(
        r"\bswell\w*(?: up)?|\bswollen\b|\bpuff(?:y|ed up|ing up|s up|ed)\b"
        r"|\bfluid on\b|\bballoon(?:ed|ing)?\b|\bfat and\b"
    ),
    locking_pattern=(
        r"\block(?:ed|ing|s)?(?: up)?\b|\bcatch(?:ing|es)?(?! up)\b|\bcaught\b|\bstuck\b"
        r"|\bsnag(?:s|ged|ging)?\b"
        r"|\bjamm(?:ed|ing)\b|\b(?:can't|cannot|couldn't|could not|unable to) (?:fully )?"
        r"(?:straighten|extend|bend)\b"
    ),
    giving_way_pattern=(
        r"\b(?:gave|giving|give|gives|given) (?:way|out)\b|\bbuckl(?:ed|ing|es?)\b"
        r"|\bunstable\b|\bcollapsed\b|\bfold(?:ed|s)\b|\bwent from under me\b"
        r"|\bwobbl(?:y|ed|ing|es)\b|\b(?:went|gone|goes|go|going) on me\b"
        r"|\b(?:went|go|goes|going|gone|came|slipped|dropped) (?:out )?(?:from )?under(?:neath)?"
        r" me\b"
        r"|\bcav(?:ed|es|ing) in\b|\bcrumpl(?:ed|es|ing)\b|\bgave in\b"
    ),
    sharp_pattern=r"\b(?:sharp|stabbing|shooting)\b",
    weight_bearing_pattern=(
        r"\b(?:can\'t|cant|cannot|can not|couldn\'t|couldnt|could not|unable to|not able to"
        r"|(?:can|could) (?:barely|hardly)) (?:put|bear|take|carry) (?:any |much |full |my |the )?"
        r"weight(?: on(?: it| (?:the|my) (?:leg|foot))?)?\b"  # "on my left leg": the knee's side
        r"|\b(?:can\'t|cannot|couldn\'t|could not|unable to) (?:stand|walk) on"
        r"(?: it\b| (?:the|my) leg\b|(?= (?:the|my) (?:left|right) leg\b))"
        r"|\bnon[- ]weight[- ]bearing\b"
        # the knee or leg as the one refusing: "knee wouldn't take my weight"
        r"|\b(?:wouldn\'t|wouldnt|won\'t|wont|would not|will not|didn\'t|didnt|did not"
        r"|doesn\'t|doesnt|does not|couldn\'t|can\'t|refused to|refuses to) (?:take|bear|hold"
        r"|carry|support|handle) (?:any |my |the |much |full |body )*weight\b"
        r"|\b(?:wouldn\'t|won\'t|couldn\'t|can\'t|didn\'t|doesn\'t) (?:hold|support|carry) me\b"
    ),
    resolved_pattern=(
        r"\bpain[- ]?free\b|\b(?:went|gone|go|goes) away\b|\bcleared up\b"
        r"|\bsettled(?: down)?\b|\bnothing from the knee\b|\bno bother\b|\bzero issues\b"
        r"|\b(?:all|fully) healed\b"
        r"|\b(?:is |a )*distant memory\b|\ba thing of the past\b|\b(?:long|all) gone\b"
        r"|\bhistory now\b"
    ),
    no_longer_pattern=(
        r"\bno longer\b|\bnot any ?more\b|\bnot even\b"
        r"|\bnothing (?:much |at all |else |new )?to (?:report|note|mention|say|flag|declare)\b"
    ),
    exception_pattern=(
        r"\bexcept(?: for)?\b|\bapart from\b|\bother than\b|\bbesides\b|\bsave for\b"
        r"|\bbar\b|\bbut for\b|\bexcluding\b"
    ),
    resolved=("gone", "resolved", "disappeared", "vanished", "healed", "recovered"),
    good_phrase_pattern=(
        r"\bbetter than (?:it has |it's |ever |i can remember)?(?:been )?(?:ever|in (?:years|ages"
        r"|months)|for (?:years|ages))\b|\bnever better\b|\b(?:as good as|like) new\b"
        r"|\bthe least of my (?:problems|worries)\b"  # the knee is fine
    ),
    say_pattern=(
        r"\b(?:i\'?d|id|i would|i\'ll) (?:say|guess|call it|put it at|rate it)\b|\blet\'s say\b"
    ),
    legs=("leg", "legs"),
    hedged_pattern=(
        r"\b(?:ok|okay|fine|good|alright|decent)[- ]?ish\b"
        r"|\b(?:sort|kind) of (?:ok|okay|fine|alright)\b|\bkinda (?:ok|okay|fine)\b|\bso-so\b"
        r"|\bmeh\b"
    ),
    good_state=(
        "fine", "ok", "okay", "good", "great", "perfect", "happy", "strong", "solid", "normal",
        "quiet", "silent", "behaved", "alright", "grand", "sweet", "golden", "champion", "100%",
    ),
    state_fillers=(
        "is", "was", "are", "were", "felt", "feels", "feel", "feeling", "seemed", "seems", "all",
        "totally", "completely", "perfectly", "quite", "pretty", "really", "very", "now",
        "today", "again", "still", "held", "up", "holding", "stayed", "remained", "also", "too",
        "fully", "well", "both", "left", "right", "absolutely", "good", "as", "s", "'s", "at",
        # how much ("much better", "a bit better")
        "much", "way", "lot", "bit", "little", "slightly", "somewhat", "far", "loads", "heaps",
        "tad",
    ),
    negations=(
        "no", "not", "never", "without", "none", "zero", "nor", "nothing", "_not_", "nil",
        "nowhere", "neither",
    ),
    negation_fillers=(
        "any", "more", "much", "real", "really", "major", "significant", "noticeable",
        "obvious", "the", "my", "a", "an", "of", "have", "had", "has", "feel", "felt", "feeling",
        "notice", "noticed", "get", "got", "experience", "experienced", "trace", "sign", "signs",
        "hint", "bit", "little", "left", "right", "both", "in", "at", "on", "or", "and", "is",
        "was", "it", "did", "does", "do", "single", "slightest", "issues", "from", "so",
        "even", "one",
    ),
    negations_after=(),
    answers_no=("none", "nope", "nil", "nada", "no", "zero", "nothing", "negative", "0"),
    answers_yes=("y", "yes", "yep", "yeah", "yup"),
    person_verbs=(
        "has", "had", "says", "said", "complained", "complains", "reported", "reports",
        "mentioned", "got", "hurt", "tweaked",
    ),
    first_person=("i", "we", "me"),
    that_words=("that",),
    left=("left", "l", "lt", "lft", "lk"),
    right=("right", "r", "rt", "rgt", "rk", "rite", "ryt"),  # "rite": right as it sounds
    both=("both", "bilateral", "bilaterally"),
    location_words=(
        "behind", "below", "under", "above", "around", "near", "beside", "over", "underneath",
    ),
    from_words=("from",),
    side_nouns=("side", "sides", "one", "leg"),
    side_gap=(
        "my", "the", "outer", "inner", "outside", "inside", "lateral", "medial", "on", "of",
        "btw", "fyi",
    ),
    joiners=("and", "&", "+", "/", "or", "the", "my"),
    clause_words=(
        "but", "however", "though", "although", "yet", "whereas", "because", "cause", "since",
        "so", "then", "while", "unlike",
    ),
    sequence=(
        "then", "until", "till", "later", "afterwards", "eventually", "started", "starting",
        "starts", "began", "begun", "begins",
    ),
    returned_pattern=r"\b(?:is|'s|are|was|came|comes|coming|come|been) back\b|\bback again\b",
    continuing=("still", "again", "another", "same", "continues", "lingering"),
    improving=("better", "improving", "improved", "easing", "eased", "less", "settling"),
    out_of_pattern=r"out of|outta|of",
    numbers=(
        "zero|nil", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten",
    ),
    score_cues=(
        "around", "about", "maybe", "like", "roughly", "approx", "approximately", "probably",
        "prob", "circa", "say", "solid", "a", "an", "vas", "nrs", "level", "score", "rating",
        "~",
    ),
    count_pattern=(
        r"x|km|k|kms|mi|miles?|miler|min|mins|minutes?|h|hrs?|hours?|days?|weeks?|wks?|"
        r"times|reps?|repeats?|intervals?|sets?|laps?|hills?|strides?|runs?|sessions?|"
        r"sprints?|efforts?|mile|meters?|metres?|m|sec|secs|s|kg|lbs?|bpm|steps?|%|"
        r"kilometers?|kilometres?|marathons?|races?|months?|years?|yrs?|th|st|nd|rd|"
        r"#|no|number|day|week|round|rounds|km's|percent|hr|hrs|pace|spm|floors?|stairs?"
    ),
    previous_day_pattern=(
        r"\byesterday\b|\blast night\b|\bthe day before\b"
        r"|\bon (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    ),
    earlier_pattern=(
        r"\blast month\b|\b(?:\w+ )?weeks? ago\b|"  # a month or weeks ago
        r"\byesterday\b|\bearlier\b|\bthis morning\b|\blast (?:week|night)\b|\bfrom\b"
        r"|\bbefore\b|\bat first\b|\bat the start\b|\binitially\b"
    ),
    now_pattern=r"\bnow\b|\btoday\b|\bcurrently\b|\bat the moment\b|\bthese days\b",
    later=(
        "now", "then", "later", "finished", "finish", "end", "ended", "after", "afterwards",
        "currently", "tonight", "→", "->", ">", "rising", "dropped", "down", "up", "eventually",
    ),
    effort_pattern=r"rpe|effort|exertion|borg|intensity|fatigue|tiredness",
    change_pattern=r"→|->|=>|>|then|and then|rising to|up to|now|to",
    range_pattern=r"-|–|to|or",
    not_pain_score_before=(
        "rpe", "effort", "exertion", "borg", "intensity", "session", "workout", "race",
        "energy", "sleep", "mood", "motivation", "legs", "_effort_", "stress", "fatigue",
        "hrv", "readiness", "recovery", "soreness_overall",
    ),
    months=(
        ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
        ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
        ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
        ("december", "dec"),
    ),
    weekdays=(
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tues", "tue", "wed", "thurs", "thur", "thu", "fri", "sat", "sun",
    ),
)  # fmt: skip
