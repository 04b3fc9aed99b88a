"""Spanish: the words of knee pain, scores and dates."""

from analyzer.lexicon.words import Words

_MEDIA = (  # what one reads, hears or watches: a topic, not a feeling
    r"(?:podcast|episodio|artículo|articulo|vídeo|video|libro|blog|estudio|charla|programa"
    r"|documental|foro|hilo|post|capítulo|webinar|curso|entrevista|reportaje)s?"
)

# who gives the talk or writes the piece: "charla del fisio sobre"
_AUTHOR = r"(?:(?:del|de|por|con)\s+(?:\w+\s+){0,2}\w+\s+)?"

WORDS = Words(
    markers=(
        "el", "los", "las", "y", "después", "despues", "con", "mi", "mis", "una", "rodilla",
        "rodillas", "dolor", "del", "muy", "pero", "me", "tras", "hoy", "está", "esta", "un",
        "poco", "duele", "molestia", "tirada", "rodaje", "izquierda", "derecha", "nada", "sin",
        "ayer", "otra", "vez", "al", "bajada", "subida", "carrera", "entreno",
    ),
    knee_pattern=r"rodilla|rodillas|rótula|rotula|rótulas|menisco|meniscos",
    both_knees=("rodillas", "rótulas"),
    knee_pain_pattern=(
        r"\bsíndrome de la cintilla\b|\bcintilla iliotibial\b|\btendinitis rotuliana\b"
        r"|\btendinopatía rotuliana\b|\brodilla del corredor\b|\bcondromalacia\w*"
    ),
    not_knee_pattern=(
        r"\brodillas? (?:arriba|al pecho|altas)\b|\belevaciones de rodillas?\b|\bskipping\b"
        r"|\bcalcetines (?:\w+ )?(?:hasta|por) (?:la|las) rodillas?\b|\brodilleras?\b"
    ),
    someone_elses_knee_pattern=(
        r"\brodillas? de (?:mi|su|nuestro|nuestra) (?:alumn[oa]|principiante|participante"
        r"|novat[oa]|amig[oa]|herman[oa]|pareja|novi[oa]"
        r"|espos[oa]|mujer|marido|compañer[oa]|entrenador|hij[oa]|padre|madre)\b"
        r"|\b(?:su|tu)\s+(?:\w+\s+)?rodilla\b"
    ),
    past_pattern=(
        # the weeks after an injury: it is over
        r"\bdespués de (?:la|mi) (?:lesión|operación|cirugía)\b|"
        r"\b(?:el|del) año pasado\b|\bantigua\b|\bvieja\b|\bhace (?:\w+ )?(?:años|año|mes)\b"
        r"|\banterior\b"
        r"|\bme acuerdo\b|\bacuérdate\b|\brecuerdo (?:cuando|que)\b|\bla última vez\b"
        r"|\ben (?:19|20)\d\d\b|\bcuando tuve\b|\bhace (?:\w+ )?meses\b"
    ),
    pain_pattern=(
        r"dolor|dolores|doler|dolerme|dolerte|duele|irritad[oa]s?|irritación|duelen|dolía|dolió|doliendo"
        r"|dolorid[oa]s?"
        r"|adolorid[oa]s?|molestias?|"
        r"molesta|molestó|molestaba|lesión|lesionad[oa]|inflamad[oa]|tendinitis|"
        r"resentid[oa]|sobrecarga\w*|problemas?|mal|sensibles?|tocada|tocado|punzada\w*"
        r"|matando|mata|fastidi\w*|queja\w*|jodid[oa]|jode|quema|pincha\w*|resiente|auch"
    ),
    pain_phrase_pattern=(
        r"\b(?:da|dado|dando|dio|dar) (?:mucha )?guerra\b"
        r"|\bda (?:la )?lata\b"
        r"|\botra vez no\b|\bdijo que no\b|\bse neg\w*"
        r"|\b(?:abandoné|abandono|cancelé|me salté|dnf)\b|\bpor culpa de (?=(?:la |mi )?rodilla)"
    ),
    not_part_pattern=r"\ba pie\b|\bde pie\b|\bal pie de\b",
    other_part_pattern=(
        r"gemelos?|pantorrillas?|espinillas?|tibias?|tobillos?|pies?|talón|talones|aquiles|"
        r"isquios?|isquiotibiales|cuádriceps|cuadriceps|caderas?|glúteos?|gluteos?|espalda|"
        r"muslos?|ingle|dedos?|fascia|plantar|hombros?|cuello|piernas?|músculos?|tendón|"
        r"muñeca|codo|cabeza|sóleo|soleo|femoral"
    ),
    compound_links=(),
    swelling_pattern=r"\bhinch\w*|\binflamación visible\b|\bderrame\b",
    locking_pattern=(
        r"\bbloque\w*|\btrabad[oa]\b|\bse (?:me )?trab\w*|\btrabó\b"
        r"|\bse (?:me )?engancha\w*|\bse (?:me )?enganchó\b"
    ),
    giving_way_pattern=(
        r"\bfalló\b|\bfallado\b|\bcedió\b|\bha cedido\b|\bced(?:e|en|ía)\b|\bme falla\b"
        r"|\bse me fue\b|\bse me va\b"
        r"|\binestable\b|\bse (?:me )?dobl\w*"
        r"|\bse (?:me )?(?:venc|vence|venció|vencía)\w*|\bflaque\w*|\bse me (?:aflojó|salió)\b"
    ),
    sharp_pattern=r"\bpunzante\w*|\bagud[oa]\b|\bpinchazos?\b|\bpunzadas?\b",
    weight_bearing_pattern=(
        r"\b(?:no|sin)\s+(?:puedo|podía|podia|pude|poder|podría|podria|puede)\s+(?:ni\s+)?"
        r"(?:apoyar|apoyarme|pisar|cargar|poner peso)(?:\s+(?:bien|nada|del todo))?"
        r"(?:\s+(?:peso|el pie|la pierna|sobre (?:el pie|la pierna)))?\b"
        r"|\bno\s+(?:aguanta|aguantaba|aguantó|soporta|soportaba|soportó|sostiene|sostenía"
        r"|sostuvo)\s+(?:mi|el)\s+peso\b|\bno me (?:sostiene|sostenía|sostuvo|aguanta"
        r"|aguantaba)\b"
    ),
    resolved_pattern=(
        r"\bsin dolor\b|\bse (?:me )?(?:ha )?(?:fue|ido|pasó|pasado)\b"
        r"|\bhistoria\b|\bun recuerdo lejano\b|\bolvidad[oa]\b"
    ),
    no_longer_pattern=(
        r"\bya no\b|\bni rastro\b|\bno (?:\w+ ){0,2}ya\b"
        r"|\bnada (?:que|de que|qué) (?:reportar|destacar|decir|señalar|contar)\b"
    ),
    resolved=("desaparecido", "desapareció", "curada", "curado", "pasado", "olvidada"),
    good_phrase_pattern=(
        r"\bmejor que nunca\b|\bcomo nuev[oa]\b"
        # "the least of my problems": the knee is fine
        r"|\bel menor de mis (?:problemas|males)\b|\blo de menos\b"
    ),
    say_pattern=r"\b(?:yo )?dir[ií]a\b|\bdigamos\b",
    legs=("pierna", "piernas"),
    hedged_pattern=(
        r"\bregular\b|\basí así\b|\b(?:más o menos|medio) (?:bien|ok)\b"
    ),
    good_state=("bien", "perfecta", "perfecto", "genial", "ok", "estupenda", "fenomenal", "fina"),
    state_fillers=(
        "está", "esta", "estaba", "estuvo", "se", "siente", "sentía", "sintió", "muy", "todo",
        "hoy", "la", "de", "nuevo", "ha", "respondido", "respondió", "aguantó", "perfectamente",
        "izquierda", "derecha", "sigue", "totalmente",
        "mucho", "algo", "poco", "bastante",  # how much ("much better")
    ),
    negations=(
        "no", "sin", "ningún", "ninguna", "ninguno", "ningunas", "ningunos", "nada", "nunca",
        "ni", "cero", "tampoco",
    ),
    negation_fillers=(
        "me", "ha", "he", "la", "el", "mi", "de", "dolido", "dolió", "molestado", "tenido",
        "sentido", "notado", "nada", "ninguna", "una", "un", "en", "ni", "siquiera", "tengo",
    ),
    negations_after=(),
    left=("izquierda", "izquierdo", "izq", "izda", "izqda", "izqdo"),
    right=("derecha", "derecho", "dcha", "der", "dcho", "dch"),
    both=("ambas", "ambos", "dos"),
    side_gap=("mi", "la", "el", "en", "externa", "interna", "parte", "por", "cierto"),
    joiners=("y", "e", "o", "la", "las", "el"),
    clause_words=("pero", "aunque", "porque", "luego", "sino", "excepto", "mientras", "después"),
    improving=("mejor", "menos", "mejorando", "mejora", "mejoró"),
    out_of_pattern=r"de|sobre",
    effort_pattern=r"esfuerzo|intensidad|rpe|fatiga|cansancio",
    change_pattern=r"luego|después|a",
    range_pattern=r"a|o",
    spelled_knee=("rodilla", "rodillas", "rótula"),
    other_people_pattern=(
        # what another reports ("according to her"): theirs
        r"\bseg[úu]n (?:él|ella|ellos|ellas)\b|"
        # "whoever has knee pain ..." (a coach's message to a group): not the runner's
        r"\b(?:quien|quienes|los que|las que|el que|la que)"
        r"(?= (?:tenga|tengan|tiene|tienen|sienta|note)\b)|"
        # the pain of another said with "le" ("le duele la rodilla"): theirs
        r"\bles?(?=\s+duel[ea]n?\b)|"
        r"\batleta\s+que\s+(?:yo\s+)?(?:entreno|llevo|preparo)\b|"
        r"\bvi\s+(?:a|un|una|alguien)\b|"
        r"\b(?!atleta\b)"
        r"(?:(?:mi|nuestro|nuestra|un|una)\s+(?:\w+\s+)?)?(?:alumn[oa]|principiante|participante"
        r"|novat[oa]|amig[oa]|herman[oa]|pareja|novi[oa]"
        r"|espos[oa]|mujer|marido|compañer[oa]|hij[oa]|atleta|corredor[a]?|perr[oa]|padre|madre"
        r"|papá|mamá|abuel[oa]|tí[oa]|prim[oa]|vecin[oa]|entrenador[a]?)"
        r"(?:\s+(?!(?:and|und|et|y|e|en|og|och)\b)\w+){0,3}?"
        r"(?=\s+(?:tiene|tenía|tuvo|está|estaba|dice|dijo|se queja|se quejó|se quejaba|con"
        r"|siente|sintió"
        r"|notó|comentó"
        r"|reportó|se|le)\b)"
    ),
    pronouns=(),
    own=("mi", "mis"),
    other_subjects=("él", "ella", "ellos", "ellas"),
    hypothetical_pattern=(
        r"\bespero\b|\bojalá\b|\bsi (?=la |el |me |mañana|vuelve|sigue|duele)|\bpor si\b"
        r"|\bmiedo\b|\bpánico\b|\baterrad[oa]\b|\bnervios[oa]\b|\btemo\b|\bpara (?:no |evitar)\b"
        r"|\bevitar\b|\bprevenir\b|\bpodría\b"
        r"|\bpreocupad[oa]\b|\bpor precaución\b"
    ),
    topic_pattern=(
        rf"\b{_MEDIA}"
        rf"\s+(?:\w+\s+){{0,2}}{_AUTHOR}(?:sobre|acerca)\b|\b(?:leí|leído|leo|leyendo|leyó|escucho"
        r"|escuchando|oigo|preguntó|pregunté|preguntado"
        r"|hablamos|hablé|oí|escuché|vi|habló|hablaba|contó|contaba|explicó"
        r"|explicaba)\s+(?:\w+\s+){0,3}(?:sobre|por|cómo|si|que|de|del)\b"
    ),
    media_pattern=_MEDIA,
    about_pattern=r"sobre|acerca de|del tema de",
    spelled_pain=("dolor", "duele", "molestia", "hinchada", "hinchado", "dolorida"),
    exception_pattern=r"\bexcepto\b|\bsalvo\b|\baparte de\b|\bquitando\b|\bexcepción de\b",
    answers_no=("nada", "ninguno", "ninguna", "no", "cero"),
    answers_yes=("sí", "si", "s"),
    person_verbs=("tiene", "tenía", "tuvo", "dice", "dijo", "se", "siente", "sintió", "comentó"),
    first_person=("yo", "nosotros"),
    that_words=("que",),
    location_words=("detrás", "debajo", "encima", "alrededor", "cerca", "bajo"),
    from_words=("desde",),
    side_nouns=("lado",),
    sequence=(
        "luego", "después", "despues", "hasta", "empezó", "empieza", "empezaba", "comenzó",
        "comienza",
    ),
    returned_pattern=r"\bha vuelto\b|\bvolvió\b|\bvuelve\b",
    continuing=("todavía", "todavia", "aún", "aun", "sigue", "sigo", "seguía", "vez", "nuevo"),
    numbers=(
        "cero", "uno|una|un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
        "diez",
    ),
    score_cues=(
        "unos", "unas", "sobre", "casi", "aprox", "aproximadamente", "quizás", "quizas", "como",
        "un", "una", "eva", "nivel", "dolor", "~",
    ),
    count_pattern=(
        r"km|k|x|días?|dias?|semanas?|veces|horas?|h|min|minutos?|series?|repeticiones|reps?"
        r"|vueltas?|cuestas?|kilómetros?|metros?|m|seg|%|ppm|escaleras"
    ),
    previous_day_pattern=r"\bayer\b|\banoche\b|\banteayer\b",
    earlier_pattern=(
        r"\bel mes pasado\b|\bhace (?:\w+ )?semanas?\b|"  # a month or weeks ago
        r"\bayer\b|\bantes\b|\besta mañana\b|\bla semana pasada\b|\bal principio\b"
        r"|\bal empezar\b|\bdesde\b"
    ),
    now_pattern=r"\bahora\b|\bhoy\b|\bactualmente\b|\bya\b",
    later=(
        "ahora", "luego", "después", "despues", "final", "acabar", "terminar", "→", "->",
        ">",
    ),
    not_pain_score_before=("esfuerzo", "intensidad", "sueño", "ánimo", "cansancio", "energía"),
    months=(
        ("enero", "ene"), ("febrero",), ("marzo",), ("abril", "abr"), ("mayo",), ("junio",),
        ("julio",), ("agosto", "ago"), ("septiembre", "setiembre"), ("octubre",),
        ("noviembre",), ("diciembre", "dic"),
    ),
    weekdays=(
        "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado",
        "domingo", "lun", "mar", "mié", "mie", "jue", "vie", "sáb", "sab", "dom",
    ),
)  # fmt: skip
