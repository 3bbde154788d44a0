"""The phrase tables question understanding runs on: data, not code.

Every phrase is written already normalized (lower case, no accents, no punctuation; see
``understand.normalize``). Spanish as written in Peru and English sit side by side; a typo in a question is
corrected towards the words of these tables before matching.
"""

from __future__ import annotations

# --- language -----------------------------------------------------------------------------------------------

LANG_MARKERS: dict[str, frozenset[str]] = {
    "es": frozenset("""
        que hay el la los las del en cuantos cuantas quien quienes donde por para es son una un y con tropas
        soldados militares autorizo autorizaron congreso estados unidos cuando esta estan hoy ahora hubo entre
        como cual cuales comparado significa se al su sus ingreso ingresaron vinieron llegaron votaron voto votos
        favor contra haciendo hacen peru ee uu eeuu norteamericanos estadounidenses ano actualmente existe existen
        diferencia base bases dice afirma verdad compro construye entrega autoriza efectivos personal ejercicio
        ejercicios tiene tienen hace
    """.split()),
    "en": frozenset("""
        is are there the of in how many who where what why which does do did troops soldiers military base bases
        us and with authorized congress vote voted votes now today currently came come for mean means compared than
        an to was were any on at have has right doing from peru personnel american army navy this year between
        difference bought building install says true define site sites forward operating main location allow
        allowed entered took part arrived
    """.split()),
}

# --- intents ------------------------------------------------------------------------------------------------
# (intent, phrase, weight). A question's intent is the one whose matched phrases weigh most; ties go to the
# earlier intent in INTENT_ORDER. Longer phrases are matched on word boundaries of the normalized text.

INTENT_ORDER = ("definition", "compare", "vote", "authorization", "authorized", "personnel", "base", "where",
                "doing", "presence")

PHRASES: tuple[tuple[str, str, float], ...] = (
    # definition
    ("definition", "que es", 3), ("definition", "que es un", 3), ("definition", "que es una", 3),
    ("definition", "que significa", 4), ("definition", "significado", 4), ("definition", "what is", 3),
    ("definition", "what is a", 3), ("definition", "what does", 3), ("definition", "mean", 3),
    ("definition", "meaning", 4), ("definition", "define", 4), ("definition", "definicion", 4),
    ("definition", "definition", 4), ("definition", "diferencia entre", 4),
    ("definition", "difference between", 4),
    ("definition", "que quiere decir", 4), ("definition", "stand for", 4),
    # comparison with other countries
    ("compare", "comparado", 5), ("compare", "compared", 5), ("compare", "comparacion", 5),
    ("compare", "comparison", 5), ("compare", "compare", 5), ("compare", "comparar", 5),
    ("compare", "versus", 5),
    ("compare", "vs", 5), ("compare", "frente a", 3), ("compare", "mas que", 2), ("compare", "more than", 2),
    ("compare", "otros paises", 4), ("compare", "other countries", 4), ("compare", "que en", 1),
    ("compare", "than in", 3),
    # how Congress voted
    ("vote", "votaron", 5), ("vote", "voto", 4), ("vote", "votos", 5), ("vote", "votacion", 5),
    ("vote", "vote", 5),
    ("vote", "voted", 5), ("vote", "votes", 5), ("vote", "voting", 5), ("vote", "a favor", 3),
    ("vote", "en contra", 3), ("vote", "abstenciones", 4), ("vote", "in favor", 3), ("vote", "against", 2),
    # under which authorization
    ("authorization", "quien autorizo", 7), ("authorization", "who authorized", 7),
    ("authorization", "autorizo", 4), ("authorization", "autorizaron", 4),
    ("authorization", "autorizacion", 4),
    ("authorization", "authorization", 4), ("authorization", "authorized", 3),
    ("authorization", "authorize", 3),
    ("authorization", "resolucion legislativa", 4), ("authorization", "bajo que", 4),
    ("authorization", "under which", 4), ("authorization", "under what", 4), ("authorization", "permiso", 4),
    ("authorization", "permit", 4), ("authorization", "aprobo", 3), ("authorization", "approved", 3),
    ("authorization", "que ley", 4), ("authorization", "which law", 4), ("authorization", "legal basis", 4),
    ("authorization", "base legal", 5),
    # is an activity authorized
    ("authorized", "esta autorizado", 6), ("authorized", "esta autorizada", 6),
    ("authorized", "fue autorizado", 6),
    ("authorized", "fue autorizada", 6), ("authorized", "estuvo autorizado", 6),
    ("authorized", "es legal", 6),
    ("authorized", "was authorized", 6), ("authorized", "is authorized", 6), ("authorized", "is it legal", 6),
    ("authorized", "was it legal", 6), ("authorized", "was it authorized", 6),
    ("authorized", "is it authorized", 6),
    ("authorized", "tenia autorizacion", 6), ("authorized", "had authorization", 6),
    # how many personnel
    ("personnel", "cuantos", 3), ("personnel", "cuantas", 3), ("personnel", "how many", 3),
    ("personnel", "numero de", 2), ("personnel", "number of", 2), ("personnel", "cantidad de", 2),
    ("personnel", "how much", 1),
    # is there a base
    ("base", "base", 4), ("base", "bases", 4), ("base", "base militar", 5), ("base", "bases militares", 5),
    ("base", "military base", 5), ("base", "military bases", 5), ("base", "instalacion militar", 4),
    ("base", "military installation", 4),
    # where
    ("where", "donde", 4), ("where", "where", 4), ("where", "en que lugares", 5),
    ("where", "which places", 5),
    ("where", "que regiones", 5), ("where", "which regions", 5), ("where", "en que regiones", 5),
    ("where", "en que zonas", 5), ("where", "lugares", 2), ("where", "places", 2),
    # doing what
    ("doing", "que hacen", 6), ("doing", "que hicieron", 6), ("doing", "para que", 4),
    ("doing", "what for", 5),
    ("doing", "doing", 5), ("doing", "haciendo", 5), ("doing", "proposito", 4), ("doing", "purpose", 4),
    ("doing", "por que vienen", 6), ("doing", "why do", 4), ("doing", "why are", 4), ("doing", "what do", 3),
    ("doing", "what did", 3), ("doing", "a que vienen", 6), ("doing", "a que vinieron", 6),
    ("doing", "actividades", 3), ("doing", "activities", 3),
    # who is here now / on a date
    ("presence", "quien esta", 4), ("presence", "quienes estan", 4), ("presence", "who is", 3),
    ("presence", "who are", 3), ("presence", "hay militares", 4), ("presence", "hay tropas", 4),
    ("presence", "hay soldados", 4), ("presence", "are there", 2), ("presence", "ahora", 2),
    ("presence", "right now", 3), ("presence", "currently", 3), ("presence", "actualmente", 3),
    ("presence", "hoy", 2), ("presence", "today", 2), ("presence", "presencia", 3),
    ("presence", "presence", 3),
    ("presence", "estan en", 2), ("presence", "estuvieron", 2), ("presence", "were in", 2),
    ("presence", "are in", 2), ("presence", "militares", 1), ("presence", "tropas", 1),
    ("presence", "troops", 1),
    ("presence", "soldiers", 1), ("presence", "soldados", 1),
)

# Regular expressions over the normalized text, for phrasings with a gap ("is the APEC deployment
# authorized").
PATTERNS: tuple[tuple[str, str, float], ...] = (
    ("authorized", r"^(is|was|were|are|did)\b.*\bauthori[sz]ed\b", 6),
    ("authorized", r"^(?!.*\bcuant[oa]s\b).*\b(esta|estuvo|fue|estan|fueron|estaba)\b.*\bautorizad[oa]s?\b", 6),
    ("authorized", r"\b(es|fue|era) legal\b", 6),
    ("authorized", r"^(is|was) .* legal\b", 6),
    ("vote", r"\bcomo voto\b|\bhow did .* vote\b", 4),
)

# Words that make a question about foreign troops at all (a question with none of these and no slot is out of
# scope unless a definition term or an event is named).
TOPIC_WORDS = frozenset("""
    base bases militar militares military tropas troops soldados soldiers efectivos personnel personal fuerzas
    forces ejercito army navy marina armada marines infantes ingreso entrada entry autorizacion authorization
    congreso congress ejercicio ejercicios exercise exercises entrenamiento training presencia presence namru
    despliegue deployment deployed desplegados
""".split())

PERMANENT_WORDS = frozenset("""permanente permanentes permanentemente permanent permanently stationed destacados
    acantonados asignados assigned""".split())

NOW_WORDS = frozenset("ahora ahorita hoy actualmente now today currently presently actual".split())

# Relative years: phrase -> offset from the current year.
RELATIVE_YEARS: dict[str, int] = {"este ano": 0, "this year": 0, "ano en curso": 0, "el ano pasado": -1,
                                  "last year": -1, "el proximo ano": 1, "next year": 1, "el otro ano": 1}

# --- visiting countries (adjectives and names that say who the foreign force is) ----------------------------

VISITING: dict[str, str] = {
    "estados unidos": "US", "ee uu": "US", "eeuu": "US", "eua": "US", "usa": "US", "u s": "US",
    "united states": "US", "estadounidense": "US", "estadounidenses": "US", "norteamericano": "US",
    "norteamericanos": "US", "norteamericana": "US", "norteamericanas": "US", "gringos": "US",
    "gringas": "US",
    "yanquis": "US", "american": "US", "americans": "US", "americanos": "US", "americanas": "US", "us": "US",
    "china": "CN", "chinas": "CN", "chinos": "CN", "chinese": "CN", "rusia": "RU", "rusas": "RU",
    "rusos": "RU",
    "russia": "RU", "russian": "RU",
}

# --- countries (host or compared), Spanish and English names -> ISO 3166-1 alpha-2 --------------------------

COUNTRIES: dict[str, str] = {
    "peru": "PE", "el peru": "PE", "colombia": "CO", "ecuador": "EC", "bolivia": "BO", "chile": "CL",
    "argentina": "AR", "brasil": "BR", "brazil": "BR", "venezuela": "VE", "paraguay": "PY", "uruguay": "UY",
    "honduras": "HN", "el salvador": "SV", "guatemala": "GT", "panama": "PA", "costa rica": "CR",
    "nicaragua": "NI", "mexico": "MX", "cuba": "CU", "republica dominicana": "DO", "dominican republic": "DO",
    "haiti": "HT", "japon": "JP", "japan": "JP", "alemania": "DE", "germany": "DE", "corea del sur": "KR",
    "south korea": "KR", "corea": "KR", "korea": "KR", "italia": "IT", "italy": "IT", "espana": "ES",
    "spain": "ES", "reino unido": "GB", "united kingdom": "GB", "turquia": "TR", "turkey": "TR",
    "qatar": "QA",
    "bahrein": "BH", "bahrain": "BH", "kuwait": "KW", "filipinas": "PH", "philippines": "PH",
    "australia": "AU", "djibouti": "DJ", "yibuti": "DJ", "guam": "GU", "puerto rico": "PR", "canada": "CA",
    "francia": "FR", "france": "FR", "belgica": "BE", "belgium": "BE", "paises bajos": "NL", "holanda": "NL",
    "netherlands": "NL", "polonia": "PL", "poland": "PL", "rumania": "RO", "romania": "RO",
}

# --- places of Peru: alias -> canonical key (the key is matched against place and site names) ---------------

PLACES: dict[str, str] = {
    # departments (regions)
    "amazonas": "amazonas", "ancash": "ancash", "apurimac": "apurimac", "arequipa": "arequipa",
    "ayacucho": "ayacucho", "cajamarca": "cajamarca", "callao": "callao", "el callao": "callao",
    "cusco": "cusco", "cuzco": "cusco", "huancavelica": "huancavelica", "huanuco": "huanuco", "ica": "ica",
    "junin": "junin", "la libertad": "la libertad", "lambayeque": "lambayeque", "lima": "lima",
    "loreto": "loreto", "madre de dios": "madre de dios", "moquegua": "moquegua", "pasco": "pasco",
    "piura": "piura", "puno": "puno", "san martin": "san martin", "tacna": "tacna", "tumbes": "tumbes",
    "ucayali": "ucayali",
    # cities, districts and areas
    "iquitos": "iquitos", "pucallpa": "pucallpa", "tarapoto": "tarapoto", "pisco": "pisco",
    "chiclayo": "chiclayo", "talara": "talara", "paita": "paita", "trujillo": "trujillo",
    "salaverry": "salaverry", "huamanga": "huamanga", "puerto maldonado": "puerto maldonado",
    "pucusana": "pucusana", "ancon": "ancon", "chorrillos": "chorrillos", "mazamari": "mazamari",
    "pichari": "pichari", "vraem": "vraem", "vrae": "vraem",
    "valle de los rios apurimac ene y mantaro": "vraem",
    "huallaga": "huallaga", "alto huallaga": "huallaga", "la joya": "la joya", "bellavista": "bellavista",
    "tambo de mora": "tambo de mora", "nanay": "nanay", "isla san lorenzo": "san lorenzo",
    "san lorenzo": "san lorenzo",
    # facilities
    "santa lucia": "santa lucia", "base santa lucia": "santa lucia",
    "base naval del callao": "base naval del callao", "base naval callao": "base naval del callao",
    "callao naval base": "base naval del callao", "base naval": "base naval del callao",
    "centro medico naval": "centro medico naval", "las palmas": "las palmas",
    "base aerea las palmas": "las palmas",
    "santa rosa": "santa rosa", "cecopaz": "cecopaz", "namru": "namru", "namru 6": "namru",
    "namru south": "namru", "namru sur": "namru", "nmrcd": "namru",
    "galapagos": "galapagos", "islas galapagos": "galapagos", "baltra": "galapagos", "manta": "manta",
    "palanquero": "palanquero", "tolemaida": "tolemaida", "soto cano": "soto cano",
}

# A place key that lies outside Peru, with its country.
PLACE_COUNTRY: dict[str, str] = {"galapagos": "EC", "manta": "EC", "palanquero": "CO", "tolemaida": "CO",
                                 "soto cano": "HN"}

# --- events: alias -> canonical key; the key's words are matched against activity and authorization text ----

EVENTS: dict[str, tuple[str, ...]] = {
    "apec": ("apec",),
    "resolute sentinel": ("resolute sentinel", "centinela resuelto"),
    "unitas": ("unitas",),
    "siforex": ("siforex", "silent forces"),
    "new horizons": ("new horizons", "nuevos horizontes"),
    "comfort": ("usns comfort", "comfort", "buque hospital", "hospital ship", "continuing promise",
                "enduring promise"),
    "summit of the americas": ("cumbre de las americas", "summit of the americas"),
    "southern seas": ("southern seas",),
    "jcet": ("jcet", "joint combined exchange training"),
    "agua dulce": ("agua dulce",),
}

# The words an event key is found by in the registry (activity names, authorization purposes).
EVENT_KEYWORDS: dict[str, tuple[str, ...]] = {
    "apec": ("apec",),
    "resolute sentinel": ("resolute sentinel",),
    "unitas": ("unitas",),
    "siforex": ("siforex",),
    "new horizons": ("new horizons", "nuevos horizontes"),
    "comfort": ("comfort",),
    "summit of the americas": ("summit of the americas", "cumbre de las americas"),
    "southern seas": ("southern seas",),
    "jcet": ("jcet",),
    "agua dulce": ("agua dulce",),
}

# --- terms a definition question can ask about: alias -> glossary key ---------------------------------------

TERMS: dict[str, str] = {
    "csl": "csl", "cooperative security location": "csl", "lugar de cooperacion en seguridad": "csl",
    "lily pad": "lily_pad", "lilypad": "lily_pad", "lily pads": "lily_pad", "nenufar": "lily_pad",
    "hoja de nenufar": "lily_pad", "fos": "fos", "forward operating site": "fos", "mob": "mob",
    "main operating base": "mob", "fol": "fol", "forward operating location": "fol", "rl": "rl",
    "resolucion legislativa": "rl", "legislative resolution": "rl", "rm": "rm",
    "resolucion ministerial": "rm",
    "ministerial resolution": "rm", "rs": "rs", "resolucion suprema": "rs", "supreme resolution": "rs",
    "coer": "coer", "centro de operaciones de emergencia regional": "coer",
    "emergency operations center": "coer", "funded site": "funded_site", "fundedsite": "funded_site",
    "namru": "namru", "namru 6": "namru", "namru south": "namru", "elml": "elml", "bsr": "bsr",
    "base structure report": "bsr", "fms": "fms", "foreign military sale": "fms", "venta militar": "fms",
}

# Glossary entries, paraphrased from ../shared/data/peru-facts (definitions.md, facts.md), each with its
# source.
# ``typology`` names the analysis typology/category the term corresponds to, when there is one.
GLOSSARY: dict[str, dict[str, object]] = {
    "mob": {
        "es": "Base principal de operaciones (MOB), según la tipología de postura global de defensa de EE.UU. "
              "(2004): gran instalación con fuerzas de combate asignadas de forma permanente, infraestructura "
              "robusta, mando y control e instalaciones para familias.",
        "en": "Main Operating Base (MOB), in the US Global Defense Posture typology (2004): a large installation "
              "with permanently assigned combat forces, robust infrastructure, command and control and family "
              "support facilities.",
        "source_url": "https://docslib.org/doc/4406352/strengthening-us-global-defense-posture",
        "title": "Strengthening U.S. Global Defense Posture (DoD, 2004)", "date": "2004-09-17",
        "typology": "mob",
    },
    "fos": {
        "es": "Sitio de operaciones avanzado (FOS): instalación escalable y 'tibia', con una pequeña presencia "
              "permanente de apoyo, fuerzas rotativas y quizá equipo preposicionado.",
        "en": "Forward Operating Site (FOS): a scalable 'warm' facility with a small permanent support presence, "
              "rotational forces and possibly prepositioned equipment.",
        "source_url": "https://docslib.org/doc/4406352/strengthening-us-global-defense-posture",
        "title": "Strengthening U.S. Global Defense Posture (DoD, 2004)", "date": "2004-09-17",
        "typology": "fos",
    },
    "csl": {
        "es": "Lugar de cooperación en seguridad (CSL): instalación del país anfitrión con poco o ningún personal "
              "permanente de EE.UU., mantenida por el anfitrión o contratistas, que da acceso para contingencias "
              "y entrenamiento conjunto. A veces se le llama 'lily pad'.",
        "en": "Cooperative Security Location (CSL): a host-nation facility with little or no permanent US "
              "personnel, kept up by the host or contractors, giving contingency access and a focus for joint "
              "training. Sometimes called a 'lily pad'.",
        "source_url": "https://docslib.org/doc/4406352/strengthening-us-global-defense-posture",
        "title": "Strengthening U.S. Global Defense Posture (DoD, 2004)", "date": "2004-09-17",
        "typology": "csl",
    },
    "lily_pad": {
        "es": "'Lily pad' (hoja de nenúfar): etiqueta periodística y de activistas, sin criterios formales, para "
              "sitios pequeños y discretos de tipo CSL; la base de datos de David Vine la usa para sitios con "
              "menos de unas 200 personas o listados como 'otro sitio' por el Pentágono.",
        "en": "'Lily pad': a journalism and advocacy label with no formal criteria for small, low-profile "
              "CSL-type sites; David Vine's data uses it for sites with under about 200 personnel or shown as "
              "'other site' in Pentagon reports.",
        "source_url": "https://github.com/meflynn/troopdata",
        "title": "troopdata (Vine base list)", "date": None, "typology": "lily_pad",
    },
    "fol": {
        "es": "Ubicación operativa avanzada (FOL): término antidrogas anterior a 2004, luego absorbido por 'CSL' "
              "(por ejemplo Manta, Ecuador, 1999-2009).",
        "en": "Forward Operating Location (FOL): the pre-2004 counter-drug term, later folded into 'CSL' (e.g. "
              "Manta, Ecuador, 1999-2009).",
        "source_url": "https://circleof13.blogspot.com/2007/09/monitoring-us-military-presence-in.html",
        "title": "Monitoring US military presence", "date": "2007-09", "typology": None,
    },
    "rl": {
        "es": "Resolución Legislativa (RL): acto del Congreso del Perú; la Ley 27856 exige una RL para el "
              "ingreso de personal militar extranjero con armas de guerra.",
        "en": "Resolución Legislativa (RL): an act of Peru's Congress; Ley 27856 requires an RL for the entry "
              "of foreign military personnel carrying weapons of war.",
        "source_url": "https://p.pdfdokument.com/2esoucion-jvinisteria_5ef35bac097c47af308e5218.html",
        "title": "Ley 27856, art. 5 (quoted in an RM of 2011)", "date": "2002", "typology": None,
        "record": "instrument:pe-ley-27856",
    },
    "rm": {
        "es": "Resolución Ministerial (RM): acto del Ministro de Defensa; autoriza el ingreso de personal "
              "extranjero sin armas (medidas de confianza, asistencia cívica, planeamiento, actividades "
              "académicas, instrucción, visitas de coordinación o protocolo) y se informa al Congreso en 24 horas.",
        "en": "Resolución Ministerial (RM): an act of the Minister of Defence; it authorizes the entry of "
              "unarmed foreign personnel (confidence building, civic assistance, planning, academic activities, "
              "training, coordination or protocol visits) and is reported to Congress within 24 hours.",
        "source_url": "https://p.pdfdokument.com/2esoucion-jvinisteria_5ef35bac097c47af308e5218.html",
        "title": "Ley 27856, art. 5 (quoted in an RM of 2011)", "date": "2002", "typology": None,
        "record": "instrument:pe-ley-27856",
    },
    "rs": {
        "es": "Resolución Suprema (RS): acto del Ejecutivo; las RL recientes le permiten mover la fecha de inicio "
              "de una actividad e informar a la Comisión de Defensa en 48 horas.",
        "en": "Resolución Suprema (RS): an act of the Executive; recent RLs let it move an activity's start date, "
              "reporting to Congress' Defence Committee within 48 hours.",
        "source_url": "https://vocesdelsur.prensa-latina.cu/peru-autoriza-ingreso-de-militares-de-estados-unidos-"
                      "durante-el-2025",
        "title": "Perú autoriza ingreso de militares de Estados Unidos durante el 2025", "date": "2024-12",
        "typology": None,
    },
    "coer": {
        "es": "Centro de Operaciones de Emergencia Regional (COER): instalación de defensa civil construida con "
              "fondos del Programa de Asistencia Humanitaria del Comando Sur y administrada por gobiernos "
              "regionales e INDECI, sin personal estadounidense destacado.",
        "en": "Regional Emergency Operations Center (COER): a civil-defence facility built with SOUTHCOM "
              "Humanitarian Assistance Program funds and run by regional governments and INDECI, with no US "
              "personnel stationed.",
        "source_url": "https://pe.usembassy.gov/es/estados-unidos-apoya-esfuerzos-de-asistencia-humanitaria-por-"
                      "las-inundaciones-en-el-peru/",
        "title": "US Embassy Lima, humanitarian assistance", "date": "2017", "typology": "funded_facility",
    },
    "funded_site": {
        "es": "Sitio financiado ('fundedsite'): instalación del país anfitrión financiada por EE.UU., según la "
              "codificación de la base de datos de Vine.",
        "en": "Funded site ('fundedsite'): a host-nation facility funded by the US, as Vine's data codes it.",
        "source_url": "https://github.com/meflynn/troopdata", "title": "troopdata (Vine base list)",
        "date": None,
        "typology": "funded_facility",
    },
    "namru": {
        "es": "NAMRU SOUTH (antes NAMRU-6): unidad de investigación médica de la Marina de EE.UU., establecida en "
              "1983 dentro del Centro Médico Naval de la Marina de Guerra del Perú (Callao), con un laboratorio "
              "en Iquitos; su personal es mayormente peruano.",
        "en": "NAMRU SOUTH (formerly NAMRU-6): a US Navy medical research unit, set up in 1983 inside the Peruvian "
              "Navy's Centro Médico Naval (Callao), with a lab in Iquitos; its staff is mostly Peruvian.",
        "source_url": "https://www.med.navy.mil/sites/NAMRU6/Pages/history.htm",
        "title": "NAMRU-6 history (US Navy)", "date": None, "typology": "tenant_unit",
    },
    "elml": {
        "es": "Enduring Location Master List (ELML): la lista maestra de ubicaciones duraderas del Pentágono; es "
              "clasificada.",
        "en": "Enduring Location Master List (ELML): the Pentagon's master list of enduring locations; it is "
              "classified.",
        "source_url": "https://www.everycrsreport.com/reports/R48123.html", "title": "CRS R48123",
        "date": "2024-07-10", "typology": None,
    },
    "bsr": {
        "es": "Base Structure Report (BSR): inventario anual de sitios del Departamento de Defensa; el último "
              "público es del año fiscal 2018 y los sitios pequeños van agrupados como 'otros'.",
        "en": "Base Structure Report (BSR): the DoD's yearly inventory of sites; the last public one is FY2018 "
              "and small sites are lumped together as 'other'.",
        "source_url": "https://docslib.org/doc/13077336/base-structure-report",
        "title": "Base Structure Report",
        "date": None, "typology": None,
    },
    "fms": {
        "es": "Venta Militar al Extranjero (FMS): venta de gobierno a gobierno; su notificación al Congreso de "
              "EE.UU. no es un contrato ni una compra.",
        "en": "Foreign Military Sale (FMS): a government-to-government sale; its notification to the US Congress "
              "is not a contract nor a purchase.",
        "source_url": "https://www.dsca.mil/Press-Media/Major-Arms-Sales/Article-Display/Article/4380611/peru-"
                      "design-and-construction-at-callao-naval-base",
        "title": "DSCA 25-37", "date": "2026-01-15", "typology": None,
    },
}

# --- claims: what kinds of assertion a claim makes (checked one by one) -------------------------------------
# (part kind, role, trigger phrases). role: ``event`` (something happened or exists), ``characterization``
# (what a real thing is or is for), ``detail`` (a number, an amount).

CLAIM_PARTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ownership", "event", ("compro", "compra", "bought", "buys", "purchased", "adquirio", "vendio", "sold",
                            "entrega", "entrego", "entregara", "handed", "hands", "giving", "gives", "cede",
                            "cedio")),
    ("disguise", "characterization", ("disfrazada", "disfrazado", "disguised", "encubierta", "camuflada",
                                       "fachada", "front for")),
    ("base_count", "event", ("bases en", "bases in", "bases abroad", "bases militares en unos",
                             "military bases abroad")),
    ("base", "event", ("base", "bases")),
    ("authorization", "event", ("autorizo", "autorizaron", "autorizado", "aprobo", "authorized", "approved",
                                "autoriza", "authorizes")),
    ("troops", "detail", ("soldados", "militares", "tropas", "troops", "soldiers", "efectivos", "personnel",
                          "marines")),
    ("armed", "detail", ("armados", "armadas", "armed", "con armas")),
    ("purpose", "characterization", ("para instalar", "to install", "in order to", "para una base",
                                     "for a military base", "for a base", "por la operacion",
                                     "operation against",
                                     "operacion contra", "as part of", "to set up", "para montar",
                                     "para establecer", "para construir")),
)

# Amount words: "US$1.500 millones", "1.5 billion"
MULTIPLIERS: dict[str, float] = {"mil millones": 1e9, "billion": 1e9, "billones": 1e12, "millones": 1e6,
                                 "million": 1e6, "millon": 1e6, "mil": 1e3, "thousand": 1e3}

# --- claim rating: the first rule whose condition holds gives the rating ------------------------------------
# Conditions are names of small predicates in claims.py.

RATING_RULES: tuple[tuple[str, str], ...] = (
    ("nothing_checked", "unproven"),
    ("event_contradicted_referent_real", "misleading"),
    ("event_contradicted", "false"),
    ("definitional", "mixed"),
    ("characterization_contradicted", "misleading"),
    ("contradicted_only", "false"),
    ("supported_and_contradicted", "mixed"),
    ("all_supported", "true"),
    ("supported_some_unverified", "mostly_true"),
    ("otherwise", "unproven"),
)
