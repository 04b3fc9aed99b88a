"""French: the words of knee pain, scores and dates."""

from analyzer.lexicon.words import Words

_MEDIA = (  # what one reads, hears or watches: a topic, not a feeling
    r"(?:podcast|épisode|article|vidéo|video|livre|blog|étude|conférence|émission"
    r"|documentaire|forum|fil|post|chapitre|webinaire|cours|interview|reportage)s?"
)

# who gives the talk or writes the piece: "une conférence du kiné sur"
_AUTHOR = r"(?:(?:(?:de|du|des|par|avec)\s+|d')(?:\w+\s+){0,2}\w+\s+)?"

WORDS = Words(
    markers=(
        "le", "les", "et", "après", "avec", "mon", "ma", "mes", "une", "au", "du", "des",
        "genou", "genoux", "douleur", "douleurs", "pas", "sortie", "est", "ai", "un", "peu",
        "aujourd", "hui", "fait", "mal", "sur", "je", "rien", "toujours", "séance", "légère",
        "gauche", "droit", "droite", "très", "encore", "course",
    ),
    knee_pattern=r"genou|genoux|rotule|rotules|ménisque|ménisques",
    both_knees=("genoux", "rotules"),
    knee_pain_pattern=(
        r"\bsyndrome de l'essuie[- ]glace\b|\bsyndrome rotulien\b|\btendinite rotulienne\b"
        r"|\btendinopathie rotulienne\b|\bgenou du coureur\b"
    ),
    not_knee_pattern=(
        r"\bmontées? de genoux\b|\bmontés? de genoux\b|\bgenoux hauts\b"
        r"|\bchaussettes? (?:\w+ )?(?:aux|jusqu'aux) genoux\b|\bgenouillère\w*"
    ),
    someone_elses_knee_pattern=(
        r"\b(?:son|leur|ton|votre)\s+(?:\w+\s+)?genou\b"
        r"|\bgenoux? (?:de|d') ?(?:mon|ma|notre) (?:ami|amie|copain|copine|femme|mari"
        r"|partenaire|fils|fille|coach|collègue|pote)\b"
    ),
    past_pattern=(
        # the weeks after an injury: it is over
        r"\baprès (?:la|ma|l'|mon) ?(?:blessure|opération|chirurgie|entorse)\b|"
        r"\bl'an(?:née)? derni(?:er|ère)\b|\bancienne?s?\b|\bil y a (?:\w+ )?(?:ans?|mois)\b"
        r"|\bprécédente?\b"
        r"|\bje me souviens\b|\bsouviens[- ]toi\b|\bà l'époque\b|\bautrefois\b|\bla dernière fois\b"
        r"|\ben (?:19|20)\d\d\b|\bquand j'avais\b"
    ),
    pain_pattern=(
        r"douleurs?|douloureu\w*|grince|grincement|mal|sensibles?|tire|tiraille|gênait|gênante"
        r"|gêne|gêné|gênant|gênée|tiraill\w*|"
        r"élancements?|bless\w*|inflamm\w*|tendinite|irrit\w*|souffr\w*|pincements?|"
        r"endolori\w*|lancin\w*|problèmes?|soucis?"
        r"|embête\w*|titill\w*|râle|proteste\w*|brûl\w*|aïe|ouille|ouïe"
    ),
    pain_phrase_pattern=(
        r"\bfait des siennes\b|\bme joue des tours\b|\bfait la (?:tête|gueule)\b"
        r"|\bpas encore\b|\ba dit non\b|\brefus\w*|\bs'est réveillé\b"
        r"|\b(?:abandonné|abandon|annulé|sauté|dnf)\b|\bà cause (?:du|de mon) (?=(?:\w+ )?genou)"
    ),
    not_part_pattern=r"\bà pied\b|\bau pied (?:de|du|des)\b",
    other_part_pattern=(
        r"mollets?|tibias?|chevilles?|pieds?|talons?|achille|ischios?|ischio-jambiers|"
        r"quadriceps|quadris?|hanches?|fessiers?|dos|cuisses?|aine|orteils?|voûte|"
        r"épaules?|cou|jambes?|muscles?|tendons?|poignet|coude|ventre|tête|fascia|plantaire"
    ),
    compound_links=(),
    swelling_pattern=r"\bgonfl\w*|\benfl\w*|\bœdème\b|\boedème\b",
    locking_pattern=r"\bbloqu\w*|\bblocage\w*|\bcoin[cç]\w*|\baccroch\w*",
    giving_way_pattern=(
        r"\blâch(?:é|e|ait)\b|\bdérob\w*|\bs'est dérobé\w*|\binstable\b|\binstabilité\b"
        r"|\bcéd(?:é|er|ait)\b|\bcèd(?:e|ent)\b|\bflanch\w*"
        r"|\bs'est (?:effondré|affaissé)e?\b|\ba plié sous moi\b|\bm'a lâché\b"
    ),
    sharp_pattern=r"\baigu[ëe]?s?\b|\bvive\b|\bpoignard\w*|\bcoup de couteau\b",
    weight_bearing_pattern=(
        r"\b(?:impossible d[e\']\s*|(?:ne\s+|n\')?(?:peux|pouvais|pourrais|peut|pouvait|arrive"
        r"|arrivais)\s+(?:plus|pas|presque pas|quasiment pas|même pas)\s+(?:à\s+)?"
        r"|(?:n\'ai\s+|ai\s+)?pas\s+pu\s+)(?:poser|mettre|appuyer|prendre appui)(?:\s+(?:le pied"
        r"|la jambe|de poids|du poids|mon poids|dessus|sur (?:la|ma) jambe|sur (?:le|mon) pied))?\b"
        r"|\bappui impossible\b"
        r"|\b(?:ne\s+|n\')?(?:supporte|supportait|porte|portait|tient|tenait)\s+(?:plus|pas)"
        r"\s+(?:mon|le)\s+poids\b|\bne me (?:porte|portait|tient|tenait) (?:plus|pas)\b"
    ),
    resolved_pattern=(
        r"\bsans douleur\b|\bn'est plus là\b"
        r"|\bde l'histoire ancienne\b|\bun lointain souvenir\b|\boublié\w*"
    ),
    no_longer_pattern=(
        r"\bplus (?:de|d'|aucune?)\b|\bne (?:\w+ ){1,3}plus\b|\bn'(?:\w+ ){0,2}\w+ plus\b"
        r"|\brien (?:de spécial |de particulier |de neuf )?à (?:signaler|déclarer|dire|noter)\b"
    ),
    resolved=("disparu", "disparue", "partie", "parti", "passé", "passée", "guéri", "envolée"),
    good_phrase_pattern=(
        r"\bmieux que jamais\b|\bcomme neu(?:f|ve)\b"
        # "the least of my problems": the knee is fine
        r"|\ble (?:moindre|cadet) de mes (?:problèmes|soucis)\b"
    ),
    say_pattern=r"\b(?:je |j\'|j)dirais\b|\bdisons\b|\bon va dire\b",
    legs=("jambe", "jambes"),
    hedged_pattern=(
        r"\bbof\b|\bcouci-?couça\b|\bmoyen\b"
        r"|\b(?:à peu près|plus ou moins|moyennement) (?:ok|bien)\b"
    ),
    good_state=("bien", "bon", "ok", "nickel", "parfait", "impeccable", "super", "rien"),
    state_fillers=(
        "va", "allait", "était", "est", "se", "sent", "sentait", "senti", "tout", "à", "fait",
        "très", "toujours", "encore", "aujourd", "hui", "a", "tenu", "gauche", "droit", "droite",
        "reste", "resté", "parfaitement",
        "beaucoup", "nettement", "peu",  # how much ("much better")
    ),
    negations=(
        "pas", "sans", "aucun", "aucune", "aucunement", "nulle", "jamais", "ni", "rien", "zéro",
    ),
    negation_fillers=(
        "de", "d'", "la", "le", "l'", "du", "au", "mon", "ma", "mes", "ai", "eu", "j'", "n'",
        "ne", "me", "m'", "fait", "a", "senti", "ressenti", "vraiment", "douleur", "un", "une",
    ),
    negations_after=(),
    left=("gauche", "gche", "gch", "g"),
    right=("droit", "droite", "drt", "drte", "dt", "dte", "dr", "d"),
    both=("deux",),
    side_gap=(
        "mon", "le", "au", "la", "du", "externe", "interne", "côté", "ailleurs", "d'", "btw", "à",
    ),
    joiners=("et", "ou", "le", "la", "les"),
    clause_words=("mais", "car", "parce", "puis", "ensuite", "sauf", "alors", "tandis", "pourtant"),
    improving=("mieux", "moins", "améliore", "amélioration", "diminue"),
    out_of_pattern=r"sur",
    effort_pattern=r"effort|intensité|ressenti d'effort|fatigue",
    change_pattern=r"puis|ensuite|à",
    range_pattern=r"à",
    spelled_knee=("genou", "genoux", "rotule"),
    other_people_pattern=(
        # what another reports ("according to her"): theirs
        r"\b(?:d'après|selon) (?:lui|elle|eux|elles)\b|"
        # "whoever has knee pain ..." (a coach's message to a group): not the runner's
        r"\b(?:ceux|celles|celui|celle) qui\b|\bqui(?= a (?:mal|des douleurs)\b)|"
        # the pain of another said with "lui" ("le genou lui fait mal"): theirs
        r"\b(?:lui|leur)(?=\s+(?:fait|font|faisait)\s+mal\b)|"
        # "il" before a verb of a person ("il se plaint du genou"): he, not the knee
        r"\bil(?=\s+(?:dit|disait|se\s+plaint|s'est\s+plaint|a\s+mal)\b)|"
        r"\bathlète\s+que\s+j'(?:entraîne|entraine|accompagne|coache)\b|"
        r"\bvu\s+(?:un|une|quelqu'un)\b|"
        r"\b(?!athlète\b)"
        r"(?:(?:mon|ma|notre|un|une)\s+(?:\w+\s+)?)?(?:élève|stagiaire|débutante?|participante?"
        r"|membre|ami|amie|copain|copine|femme|mari"
        r"|partenaire|frère|sœur|soeur|fille|fils|collègue|pote|athlète|coureur|coureuse|chien"
        r"|père|mère|papa|maman|oncle|tante|cousine?|voisine?|enfant|coéquipi(?:er|ère)"
        r"|entraîneu?r\w*"
        r"|coach)"
        r"(?:\s+(?!(?:and|und|et|y|e|en|og|och)\b)\w+){0,3}?"
        r"(?=\s+(?:a|avait|est|était|dit|disait|se plaint|s'est|s'était|se|ressent|ressentait"
        r"|signale|sent|revient|souffre|souffrait)\b)"
    ),
    pronouns=("il",),
    own=("mon", "ma", "mes"),
    other_subjects=("elle", "ils", "elles"),
    hypothetical_pattern=(
        r"\bj'espère\b|\bespère\w*|\bsi (?=le |la |l'|j'|je |ça |ca |il |jamais\b)|\bau cas où\b"
        r"|\bpeur\b|\bangoiss\w*|\bterrifi\w*|\bredout\w*|\bappréhen\w*|\bcrain\w*|\bpour éviter\b"
        r"|\béviter\b|\bprévenir\b|\bpourrait\b"
        r"|\bpourvu que\b|\binquiet\w*|\bpar précaution\b"
    ),
    topic_pattern=(
        rf"\b{_MEDIA}"
        rf"\s+(?:\w+\s+){{0,2}}{_AUTHOR}(?:sur|à propos)\b|\b(?:lu|lis|lisais|lit|écoute|écoutais"
        r"|demandé|parlé|parlait|parle|discuté|entendu|appris|raconté|racontait|raconte|expliqué"
        r"|expliquait|explique"
        r"|écouté|regardé)\s+(?:\w+\s+){0,3}(?:sur|comment|si|que|qu|de|du|des)\b"
    ),
    media_pattern=_MEDIA,
    about_pattern=r"sur|à propos de|au sujet de|concernant",
    spelled_pain=("douleur", "douleurs", "douloureux", "gonflé", "gonflement"),
    exception_pattern=r"\bsauf\b|\bà part\b|\bexcepté\b|\bhormis\b|\bmis à part\b",
    answers_no=("aucune", "aucun", "non", "rien", "nada", "zéro", "néant"),
    answers_yes=("oui", "o", "ouais"),
    person_verbs=("a", "avait", "dit", "disait", "se", "ressent", "sent", "signale"),
    first_person=("je", "j'", "moi", "nous"),
    that_words=("que", "qu'"),
    location_words=("derrière", "sous", "dessous", "dessus", "autour", "près", "vers"),
    from_words=(),
    side_nouns=("côté",),
    sequence=("puis", "ensuite", "après", "jusqu", "commencé", "commence", "commençait"),
    returned_pattern=r"\best revenue?\b|\brevient\b|\best de retour\b",
    continuing=("encore", "toujours", "nouveau"),
    numbers=(
        "zéro|zero", "un|une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
        "dix",
    ),
    score_cues=(
        "environ", "vers", "genre", "un", "une", "bon", "bonne", "eva", "à", "niveau", "douleur",
        "~",
    ),
    count_pattern=(
        r"km|k|x|jours?|semaines?|fois|heures?|h|min|minutes?|reps?|répétitions?|séries?|tours?"
        r"|fractions?|côtes?|kilomètres?|mètres?|m|sec|%|bpm|marches"
    ),
    previous_day_pattern=r"\bhier\b|\bavant-hier\b|\bla veille\b",
    earlier_pattern=(
        r"\ble mois dernier\b|\bil y a (?:\w+ )?semaines?\b|"  # a month or weeks ago
        r"\bhier\b|\bplus tôt\b|\bce matin\b|\bla semaine dernière\b|\bavant\b|\bau début\b"
        r"|\bd'abord\b"
    ),
    now_pattern=r"\bmaintenant\b|\baujourd\'hui\b|\bactuellement\b|\bdésormais\b|\ben ce moment\b",
    later=(
        "maintenant", "puis", "ensuite", "après", "fin", "finalement", "actuellement", "→",
        "->", ">",
    ),
    not_pain_score_before=("effort", "intensité", "sommeil", "forme", "moral", "fatigue"),
    months=(
        ("janvier", "janv"), ("février", "févr", "fevrier", "fév"), ("mars",),
        ("avril", "avr"), ("mai",), ("juin",), ("juillet", "juil"), ("août", "aout"),
        ("septembre",), ("octobre",), ("novembre",), ("décembre", "déc", "decembre"),
    ),
    weekdays=(
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lun", "mar", "mer", "jeu", "ven", "sam", "dim",
    ),
)  # fmt: skip
