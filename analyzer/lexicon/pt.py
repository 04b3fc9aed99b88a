"""Portuguese: the words of knee pain, scores and dates."""

from analyzer.lexicon.words import Words

_MEDIA = (  # what one reads, hears or watches: a topic, not a feeling
    r"(?:podcast|episódio|episodio|artigo|vídeo|video|livro|blog|estudo|palestra"
    r"|documentário|fórum|forum|tópico|post|capítulo|webinar|curso|entrevista|reportagem"
    r"|programa)s?"
)

# who gives the talk or writes the piece: "palestra do fisio sobre"
_AUTHOR = r"(?:(?:do|da|de|dos|das|com|por)\s+(?:\w+\s+){0,2}\w+\s+)?"

WORDS = Words(
    markers=(
        "o", "os", "as", "depois", "com", "meu", "minha", "um", "uma", "joelho", "joelhos",
        "dor", "do", "da", "no", "na", "muito", "mas", "não", "hoje", "corrida", "pouco",
        "esquerdo", "direito", "treino", "longão", "descida", "subida", "ontem", "ainda",
        "sem", "está", "ficou", "doeu", "dói", "leve", "incômodo",
    ),
    knee_pattern=r"joelho|joelhos|patela|patelas|rótula|rótulas|menisco|meniscos",
    both_knees=("joelhos", "patelas", "rótulas"),
    knee_pain_pattern=(
        r"\bsíndrome da banda iliotibial\b|\bbanda iliotibial\b|\btendinite patelar\b"
        r"|\bjoelho de corredor\b|\bcondromalácia\w*|\bcondromalacia\w*"
    ),
    not_knee_pattern=(
        r"\belevação de joelhos\b|\bjoelhos altos\b|\bskipping\b|\bjoelheiras?\b"
        r"|\bmeias? (?:\w+ )?até o joelho\b"
    ),
    someone_elses_knee_pattern=(
        r"\bjoelhos? (?:do|da) (?:meu|minha) (?:alun[oa]|iniciante|participante|novat[oa]|amig[oa]"
        r"|irmão|irmã|esposa|marido|namorad[oa]"
        r"|parceir[oa]|treinador[a]?|filh[oa]|colega)\b|\bjoelhos? (?:\w+ )?(?:dele|dela)\b"
        r"|\b(?:seu|teu) (?:\w+ )?joelho\b"
    ),
    past_pattern=(
        # the weeks after an injury: it is over
        r"\bdepois (?:da|de) (?:minha )?(?:lesão|cirurgia|operação)\b|"
        r"\bano passado\b|\bantiga\b|\bvelha\b|\bhá (?:\w+ )?(?:anos|ano)\b|\b(?:anos|ano|meses"
        r"|mês) atrás\b|\banterior\b"
        r"|\blembro (?:quando|que)\b|\blembra quando\b|\bda última vez\b|\bem (?:19|20)\d\d\b"
        r"|\bquando tive\b|\bmeses atrás\b|\bhá (?:\w+ )?meses\b"
    ),
    pain_pattern=(
        r"dor|dores|doer|dói|irritad[oa]s?|doem|doendo|doeu|doía|dolorid[oa]s?|dorid[oa]s?"
        r"|doloros[oa]s?|incômodo|incomodo"
        r"|incomodou|"
        r"incomodando|incomoda|desconforto|lesão|lesionad[oa]|inflamad[oa]|inflamação|"
        r"tendinite|machucad[oa]|sensível|sensíveis|problemas?|pontadas?|fisgadas?|sobrecarga\w*"
        r"|reclam\w*|matando|chat\w*|queima\w*|ui|aiai"
    ),
    pain_phrase_pattern=(
        r"\bdando sinal\b|\benchendo o saco\b|\bdando trabalho\b"
        r"|\bde novo não\b|\bdisse não\b|\brecus\w*"
        r"|\b(?:abandonei|desisti|pulei o treino|cancelei|dnf)\b"
        r"|\bpor causa d[oa] (?=(?:meu )?joelho)"
    ),
    not_part_pattern=r"\ba pé\b|\bde pé\b|\bem pé\b|\bao pé (?:de|do|da|dos|das)\b",
    other_part_pattern=(
        r"panturrilhas?|batata da perna|canelas?|tornozelos?|pé|pés|calcanhar\w*|aquiles|"
        r"posteriores?|quadríceps|quadriceps|quadril|anca|glúteos?|gluteos?|costas|coxas?|"
        r"virilha|dedos?|fáscia|fascia|plantar|ombros?|pescoço|pernas?|músculos?|tendão|"
        r"pulso|cotovelo|cabeça"
    ),
    compound_links=(),
    swelling_pattern=r"\binch[aeo]\w*|\bderrame\b",
    locking_pattern=r"\btrav\w*|\bbloque\w*|\bprend(?:e|eu|endo)\b|\bengancha\w*|\benganchou\b",
    giving_way_pattern=(
        r"\bfalseou\b|\bfalseando\b|\bfalseia\b|\bcede\b|\bfalhou\b|\bcedeu\b|\binstável\b"
        r"|\bfalsear\b"
        r"|\bfraquej\w*|\bvacilou\b|\bdobrou-se\b|\bse dobrou\b|\bme deixou na mão\b"
    ),
    sharp_pattern=r"\bagud[oa]\b|\bpontadas?\b|\bfisgadas?\b|\bfacada\b",
    weight_bearing_pattern=(
        r"\b(?:não|sem)\s+(?:consigo|conseguia|consegui|conseguir|posso|podia|pude|dá para"
        r"|dava para)\s+(?:apoiar|pisar|pôr peso|colocar peso|por peso|andar)(?:\s+(?:bem|nada))?"
        r"(?:\s+(?:o pé|a perna|peso|no chão))?\b"
        r"|\bnão\s+(?:aguenta|aguentava|aguentou|suporta|suportava|suportou|sustenta"
        r"|sustentava)\s+(?:o\s+)?(?:meu\s+)?peso\b|\bnão me (?:aguenta|aguentava|sustentava"
        r"|segurava)\b"
    ),
    resolved_pattern=(
        r"\bsem dor\b|\bsem dores\b"
        r"|\bcoisa do passado\b|\bpágina virada\b|\besquecid[oa]\b"
    ),
    no_longer_pattern=(
        r"\bnão (?:\w+ ){0,3}mais\b|\bjá não\b|\bnem sinal\b"
        r"|\bnada (?:de novo )?a (?:relatar|declarar|dizer|reportar|assinalar)\b"
    ),
    resolved=("passou", "sumiu", "desapareceu", "curado", "curada"),
    good_phrase_pattern=(
        r"\bmelhor do que nunca\b|\bcomo nov[oa]\b"
        # "the least of my problems": the knee is fine
        r"|\bo menor dos meus problemas\b"
    ),
    say_pattern=r"\b(?:eu )?diria\b|\bdigamos\b",
    legs=("perna", "pernas"),
    hedged_pattern=(
        r"\bassim assim\b|\bmais ou menos (?:bem|ok)\b|\brazoável\b"
    ),
    good_state=("bem", "ótimo", "otimo", "perfeito", "tranquilo", "ok", "firme", "beleza"),
    state_fillers=(
        "está", "esta", "estava", "ficou", "se", "sentiu", "sente", "muito", "todo", "hoje",
        "de", "novo", "respondeu", "aguentou", "esquerdo", "direito", "continua", "totalmente",
        "super", "bem",
        "pouco", "bastante",  # how much ("much better")
    ),
    negations=(
        "não", "nao", "sem", "nenhum", "nenhuma", "nenhuns", "nenhumas", "nunca", "nem", "nada",
        "zero",
    ),
    negation_fillers=(
        "me", "o", "a", "meu", "minha", "de", "no", "na", "doeu", "senti", "tive", "teve",
        "sinal", "qualquer", "um", "uma", "incomodou", "tenho",
    ),
    negations_after=(),
    left=("esquerdo", "esquerda", "esq", "esqdo", "esqda"),
    right=("direito", "direita", "dir", "dto", "dta"),
    both=("ambos", "dois", "os dois"),
    side_gap=("meu", "o", "no", "do", "lado", "externo", "interno", "parte", "aliás", "à"),
    joiners=("e", "ou", "o", "os"),
    clause_words=("mas", "porém", "porque", "depois", "exceto", "embora", "enquanto", "pois"),
    improving=("melhor", "menos", "melhorando", "melhorou"),
    out_of_pattern=r"de|em|sobre",  # "5 em 10"
    effort_pattern=r"esforço|intensidade|rpe|pse|fadiga|cansaço",
    change_pattern=r"depois|para|a",
    range_pattern=r"a|ou",
    spelled_knee=("joelho", "joelhos", "patela", "rótula"),
    other_people_pattern=(
        # what another reports ("according to her"): theirs
        r"\bsegundo (?:ele|ela|eles|elas)\b|"
        # "whoever has knee pain ..." (a coach's message to a group): not the runner's
        r"\bquem(?= (?:tem|tiver|sente|sentir)\b)|"
        # the pain of another said with "lhe" ("o joelho lhe dói"): theirs
        r"\blhes?(?=\s+d[oó]i)|"
        # "ele" before a verb of a person ("ele reclamou do joelho"): he, not the knee
        r"\bele(?=\s+(?:tem|tinha|teve|diz|disse|reclama|reclamou|sente|sentiu)\b)|"
        r"\batleta\s+que\s+(?:eu\s+)?(?:treino|acompanho|oriento)\b|"
        r"\bvi\s+(?:um|uma|alguém)\b|"
        r"\b(?!atleta\b)"
        r"(?:(?:meu|minha|nosso|nossa|um|uma)\s+(?:\w+\s+)?)?(?:alun[oa]|iniciante|participante"
        r"|novat[oa]|amig[oa]|irmão|irmã|esposa|marido"
        r"|namorad[oa]|parceir[oa]|filh[oa]|colega|companheir[oa]|atleta|cachorro|cão|pai|mãe|avô"
        r"|avó|ti[oa]"
        r"|prim[oa]|vizinh[oa]|treinador[a]?)"
        r"(?:\s+(?!(?:and|und|et|y|e|en|og|och)\b)\w+){0,3}?"
        r"(?=\s+(?:tem|tinha|teve|está|estava|diz|disse|reclama|reclamou|reclamava|queixou|queixa"
        r"|com|sente|sentiu|relatou|contou"
        r"|se|machucou|lesionou|torceu)\b)"
    ),
    pronouns=(),
    own=("meu", "minha", "meus", "minhas"),
    other_subjects=("ela", "eles", "elas"),
    hypothetical_pattern=(
        r"\bespero\b|\btomara\b|\bse (?=o |a |doer|voltar|amanhã)|\bcaso\b|\bmedo\b"
        r"|\bapavorad[oa]\b|\bnervos[oa]\b|\breceio\b|\btemo\b"
        r"|\bpara evitar\b|\bevitar\b|\bprevenir\b|\bpoderia\b|\bpreocupad[oa]\b"
        r"|\bpor precaução\b"
    ),
    topic_pattern=(
        rf"\b{_MEDIA}"
        rf"\s+(?:\w+\s+){{0,2}}{_AUTHOR}(?:sobre)\b|\b(?:li|lido|leio|lendo|leu|ouço|ouvindo|escuto"
        r"|escutando|perguntou|perguntei|falamos|falei"
        r"|conversamos|ouvi|escutei|assisti|falou|falava|contou|contava|explicou"
        r"|explicava)\s+(?:\w+\s+){0,3}(?:sobre|como|se|que|de|do|da|dos|das)\b"
    ),
    media_pattern=_MEDIA,
    about_pattern=r"sobre|acerca de",
    spelled_pain=("dores", "doendo", "incômodo", "inchado", "inchaço"),
    exception_pattern=r"\bexceto\b|\bsalvo\b|\btirando\b|\bà exceção\b",
    answers_no=("nenhuma", "nenhum", "não", "nada", "zero"),
    answers_yes=("sim", "s"),
    person_verbs=(
        "tem", "tinha", "teve", "diz", "disse", "reclama", "reclamou", "sente", "sentiu", "se",
    ),
    first_person=("eu", "nós"),
    that_words=("que",),
    location_words=("atrás", "abaixo", "acima", "embaixo", "perto", "volta"),
    from_words=(),
    side_nouns=("lado",),
    sequence=("depois", "então", "até", "começou", "começa", "começava"),
    returned_pattern=r"\bvoltou\b|\bestá de volta\b",
    continuing=("ainda", "continua", "novo", "novamente"),
    numbers=(
        "zero", "um|uma", "dois|duas", "três|tres", "quatro", "cinco", "seis", "sete", "oito",
        "nove", "dez",
    ),
    score_cues=("uns", "umas", "cerca", "talvez", "tipo", "um", "uma", "eva", "nível", "dor", "~"),
    count_pattern=(
        r"km|k|x|dias?|semanas?|vezes|horas?|h|min|minutos?|tiros|séries?|voltas?|subidas?"
        r"|quilômetros?|metros?|m|seg|%|bpm|escadas"
    ),
    previous_day_pattern=r"\bontem\b|\banteontem\b",
    earlier_pattern=(
        r"\bo mês passado\b|\bhá (?:\w+ )?semanas?\b|"  # a month or weeks ago
        r"\bontem\b|\bantes\b|\bhoje de manhã\b|\bde manhã\b|\bsemana passada\b|\bno início\b"
        r"|\bno começo\b"
    ),
    now_pattern=r"\bagora\b|\bhoje\b|\batualmente\b|\bjá\b",
    later=("agora", "depois", "então", "fim", "final", "→", "->", ">"),
    not_pain_score_before=("esforço", "intensidade", "sono", "humor", "cansaço", "energia", "pse"),
    months=(
        ("janeiro",), ("fevereiro", "fev"), ("março", "marco"), (), ("maio",), ("junho",),
        ("julho",), ("agosto", "ago"), ("setembro", "set"), ("outubro", "out"), (),
        ("dezembro", "dez"),
    ),
    weekdays=(
        "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
        "sábado", "domingo", "segunda", "terça", "quarta", "quinta", "sexta", "seg", "ter",
        "qua", "qui", "sex", "sáb", "dom",
    ),
)  # fmt: skip
