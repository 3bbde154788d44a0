"""Spanish and English strings of answers: sentence templates filled from facts, rating and verdict labels."""

from __future__ import annotations

from typing import Any

MONTHS = {
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "setiembre", "octubre",
           "noviembre", "diciembre"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}

RATINGS: dict[str, dict[str, str]] = {
    "true": {"es": "Verdadero", "en": "True"},
    "mostly_true": {"es": "Mayormente verdadero", "en": "Mostly true"},
    "mixed": {"es": "Mixto", "en": "Mixed"},
    "misleading": {"es": "Engañoso", "en": "Misleading"},
    "false": {"es": "Falso", "en": "False"},
    "unproven": {"es": "Sin pruebas suficientes", "en": "Unproven"},
}
# schema.org reviewRating: 1 (worst) .. 5 (best); unproven has no place on the scale.
RATING_VALUE = {"false": 1, "misleading": 2, "mixed": 3, "mostly_true": 4, "true": 5, "unproven": None}

PART_STATUS = {
    "supported": {"es": "respaldado", "en": "supported"},
    "contradicted": {"es": "contradicho", "en": "contradicted"},
    "disputed": {"es": "depende de la definición", "en": "depends on the definition"},
    "unverifiable": {"es": "no verificable con el registro", "en": "not verifiable from the registry"},
}

PURPOSES = {
    "training": ("entrenamiento", "training"), "exercise": ("ejercicios", "exercises"),
    "humanitarian": ("ayuda humanitaria", "humanitarian assistance"),
    "disaster_relief": ("respuesta a desastres", "disaster relief"),
    "counter_narcotics": ("lucha antidrogas", "counter-narcotics"),
    "medical_research": ("investigación médica", "medical research"),
    "coordination_visit": ("visitas de coordinación", "coordination visits"),
    "academic": ("actividades académicas", "academic activities"),
    "ship_visit": ("visitas de buques", "ship visits"),
    "event_security": ("seguridad de eventos", "event security"), "logistics": ("logística", "logistics"),
    "other": ("otros fines", "other purposes"),
}

SITE_TYPES = {
    "host_facility": ("instalación del país anfitrión", "host-nation facility"), "city": ("ciudad", "city"),
    "region": ("región", "region"), "sea_area": ("zona marítima", "sea area"),
    "foreign_facility": ("instalación extranjera", "foreign facility"),
    "funded_facility": ("instalación del anfitrión financiada por el país visitante",
                        "host facility funded by the visiting country"),
    "embassy": ("embajada", "embassy"), "other": ("sitio", "site"),
}

# Names of the analysis' typology categories (footprint/analysis/typologies/*.toml); others show their own label.
CATEGORIES = {
    "MOB": ("base principal de operaciones (MOB)", "Main Operating Base (MOB)"),
    "FOS": ("sitio de operaciones avanzado (FOS)", "Forward Operating Site (FOS)"),
    "CSL": ("lugar de cooperación en seguridad (CSL)", "Cooperative Security Location (CSL)"),
    "foreign_military_installation": ("instalación militar o unidad extranjera permanente (lectura amplia)",
                                      "foreign military installation or permanent foreign unit (broad reading)"),
    "tenant_unit": ("unidad inquilina en una instalación del anfitrión", "tenant unit on a host base"),
    "funded_facility": ("instalación del anfitrión financiada por el país visitante",
                        "host-nation facility funded by the visiting country"),
    "temporary_facility": ("instalación temporal", "temporary facility"),
    "visiting_access": ("acceso de visita", "visiting access"),
}

# Typology criteria by criterion name (the analysis' TOML ``label`` fields are English): Spanish, English.
CRITERIA = {
    "installation": ("una instalación (no una ciudad, región o zona marítima)",
                     "a facility (not a city, region or sea area)"),
    "foreign_controlled": ("controlada por el país visitante", "controlled by the visiting country"),
    "foreign_infrastructure": ("infraestructura de propiedad o mantenida por el país visitante",
                               "infrastructure owned or maintained by the visiting country"),
    "permanent_foreign_unit": ("una unidad del país visitante asignada de forma permanente",
                               "a permanently assigned unit of the visiting country"),
    "host_controlled": ("de propiedad y bajo control del país anfitrión", "owned and controlled by the host nation"),
    "foreign_funded": ("construida o equipada con fondos del país visitante",
                       "built or equipped with the visiting country's funds"),
    "no_permanent_presence": ("sin personal del país visitante asignado de forma permanente",
                              "no permanently assigned personnel of the visiting country"),
    "activity_bound": ("instalada para una sola actividad", "set up for one activity"),
    "removed_after": ("desmontada (o el lugar restituido) después de la actividad",
                      "dismantled (or the site restored) after the activity"),
    "permanent_forces_large": ("fuerzas estacionadas de forma permanente, por miles",
                               "permanently stationed forces in the thousands"),
    "family_support": ("instalaciones de apoyo a familias (escuelas, viviendas)",
                       "family support facilities (schools, housing)"),
    "robust_infrastructure": ("infraestructura sólida con mando y control",
                              "robust infrastructure with command and control"),
    "small_permanent_presence": ("una pequeña presencia permanente de apoyo (al menos una persona, menos de mil)",
                                 "a small permanent support presence (at least one person, under a thousand)"),
    "rotational_forces": ("fuerzas rotativas: una cadena de al menos 3 rotaciones con pausas de 30 días como máximo",
                          "rotational forces: a chain of at least 3 rotations with gaps of at most 30 days"),
    "prepositioned_equipment": ("equipo preposicionado", "prepositioned equipment"),
    "foreign_funded_or_maintained": ("infraestructura financiada o mantenida por el país visitante",
                                     "infrastructure funded or maintained by the visiting country"),
    "little_permanent_presence": ("poca o ninguna presencia permanente del país visitante (menos de 50 personas)",
                                  "little or no permanent presence of the visiting country (under 50 people)"),
    "access_arrangement": ("un acuerdo de acceso permanente (convenio o memorando) para el país visitante",
                           "a standing access arrangement (agreement or MOU) for the visiting country"),
    "security_cooperation_use": ("usada para cooperación en seguridad, entrenamiento o acceso de contingencia",
                                 "used for security cooperation, training or contingency access"),
    "time_limited_use": ("usada por el país visitante con autorizaciones de duración limitada",
                         "used by the visiting country under time-limited authorizations"),
    "no_foreign_infrastructure": ("sin infraestructura de propiedad o mantenida por el país visitante",
                                  "no infrastructure owned or maintained by the visiting country"),
}

# The headline verdict of "is there a base", as a label a page can show.
VERDICTS = {
    "base": ("hay una base según la tipología oficial de EE.UU.", "a base under the official US typology"),
    "depends_on_definition": ("depende de la definición", "depends on the definition"),
    "no_base": ("no hay bases", "no base"),
    "unknown": ("el registro no permite decirlo", "the registry cannot tell"),
    "authorized": ("autorizada", "authorized"),
    "not_found": ("no se encontró una autorización", "no authorization found"),
}

BASES = {
    "authorized": ("autorizado (tope)", "authorized (cap)"), "planned": ("previsto", "planned"),
    "observed": ("observado", "observed"), "permanent": ("permanente", "permanent"),
}

STATUSES = {
    "proposed": ("propuesta", "proposed"), "planned": ("prevista", "planned"),
    "ongoing": ("en curso", "ongoing"),
    "completed": ("realizada", "completed"), "cancelled": ("cancelada", "cancelled"),
    "requested": ("solicitada", "requested"), "notified": ("notificada al Congreso de EE.UU., no contratada",
                                                            "notified to the US Congress, not contracted"),
    "offered": ("ofrecida", "offered"), "contracted": ("contratada", "contracted"),
    "delivered": ("entregada", "delivered"),
}

COUNTRY_NAMES = {
    "PE": ("el Perú", "Peru"), "CO": ("Colombia", "Colombia"), "EC": ("Ecuador", "Ecuador"),
    "US": ("EE.UU.", "the US"), "BO": ("Bolivia", "Bolivia"), "CL": ("Chile", "Chile"),
    "HN": ("Honduras", "Honduras"), "SV": ("El Salvador", "El Salvador"), "JP": ("Japón", "Japan"),
    "DE": ("Alemania", "Germany"), "KR": ("Corea del Sur", "South Korea"), "BR": ("Brasil", "Brazil"),
    "AR": ("Argentina", "Argentina"), "PA": ("Panamá", "Panama"), "MX": ("México", "Mexico"),
    "CN": ("China", "China"), "RU": ("Rusia", "Russia"), "VE": ("Venezuela", "Venezuela"),
}

T: dict[str, dict[str, str]] = {
    "verdict.no_base": {
        "es": "No. Ningún sitio {scope} cumple una categoría de base de la tipología oficial de EE.UU. ({cats}) "
              "ni la lectura amplia (cualquier instalación o unidad militar extranjera permanente).",
        "en": "No. No site {scope} meets a base category of the official US typology ({cats}) nor the broad "
              "reading (any foreign military installation or permanent unit)."},
    "verdict.depends_on_definition": {
        "es": "No en el sentido tradicional: ningún sitio {scope} cumple una categoría de base de la tipología "
              "oficial de EE.UU. ({cats}); bajo una definición amplia sí califica: {names}.",
        "en": "Not in the traditional sense: no site {scope} meets a base category of the official US typology "
              "({cats}); under a broad definition this qualifies: {names}."},
    "verdict.base": {
        "es": "Sí: {names} cumple una categoría de base de la tipología oficial de EE.UU.",
        "en": "Yes: {names} meets a base category of the official US typology."},
    "verdict.unknown": {
        "es": "El registro no permite decirlo {scope}: {reason}.",
        "en": "The registry cannot tell {scope}: {reason}."},
    "reason.no_classification": {"es": "la clasificación de sitios no está disponible",
                                 "en": "the site classification is not available"},
    "reason.undetermined": {"es": "ningún sitio cumple una definición según lo registrado, pero faltan datos para "
                                  "decidir algunos criterios",
                            "en": "no site is known to meet a definition, but some criteria cannot be determined"},
    "reason.no_linked": {"es": "ningún sitio registrado está vinculado a {country}",
                         "en": "no site in the registry is tied to {country}"},
    "reason.no_records": {"es": "no tiene sitios ni autorizaciones registrados allí",
                          "en": "it holds no sites nor authorizations there"},
    "scope.country": {"es": "en {name}", "en": "in {name}"},
    "scope.place": {"es": "en {name}", "en": "in {name}"},
    "what_record_shows": {"es": "Lo que muestra el registro:", "en": "What the record shows:"},
    "references": {"es": "Fuentes:", "en": "Sources:"},
    "updated": {"es": "Actualizado al {date}, a partir de {n} fuentes.", "en": "Updated {date}, from {n} sources."},
    "fact.classification": {
        "es": "{name}{context}: {cats} [{record}]", "en": "{name}{context}: {cats} [{record}]"},
    "context.through": {"es": " (por su unidad inquilina {tenants})", "en": " (through its tenant unit {tenants})"},
    "context.historical": {"es": " (histórico: desde el {start}; {end})", "en": " (historical: from {start}; {end})"},
    "closure.unknown": {"es": "fecha de cierre desconocida; último reporte: {last}",
                        "en": "closure date unknown; last reported {last}"},
    "closure.unknown_nolast": {"es": "fecha de cierre desconocida", "en": "closure date unknown"},
    "closure.known": {"es": "hasta el {end}", "en": "until {end}"},
    "group.unit": {"es": "{name}: unidad de {operator} alojada en {host} ({host_operator}, {place}){also}",
                   "en": "{name}: a {operator} unit inside {host} ({host_operator}, {place}){also}"},
    "group.also": {"es": ", también en {list}", "en": ", also at {list}"},
    "group.place": {"es": "{host} ({place})", "en": "{host} ({place})"},
    "group.historical": {"es": "{name}, histórico: desde el {start}; {end}",
                         "en": "{name}, historical: from {start}; {end}"},
    "fact.permanent_personnel": {
        "es": "{active} efectivos de EE.UU. en servicio activo asignados de forma permanente ({date}; total con "
              "otros registros: {total}) [{record}]",
        "en": "{active} permanently assigned US active-duty personnel ({date}; total with other records: {total}) "
              "[{record}]"},
    "fact.authorization": {
        "es": "{instrument}: {who}{armed}, {period}, en {places}; fin: {purpose} [{record}]",
        "en": "{instrument}: {who}{armed}, {period}, in {places}; purpose: {purpose} [{record}]"},
    "fact.vote": {
        "es": "Votación del Congreso del {date}: {yes} a favor, {no} en contra, {abstain} abstenciones "
              "({result}) [{record}]",
        "en": "Congress vote of {date}: {yes} in favour, {no} against, {abstain} abstentions ({result}) [{record}]"},
    "fact.activity": {
        "es": "{name} ({status}), {period}{people}, en {places} [{record}]",
        "en": "{name} ({status}), {period}{people}, in {places} [{record}]"},
    "fact.label": {
        "es": "{name}: codificado como {labels} por {by} (atribución del conjunto de datos) [{record}]",
        "en": "{name}: coded as {labels} by {by} (the dataset's own attribution) [{record}]"},
    "fact.procurement": {
        "es": "{title}: {status}; comprador {buyer}, vendedor {seller}; valor estimado {value}{staff} [{record}]",
        "en": "{title}: {status}; buyer {buyer}, seller {seller}; estimated value {value}{staff} [{record}]"},
    "fact.site": {"es": "{name}: {site_type}{operator}{controlled} [{record}]",
                  "en": "{name}: {site_type}{operator}{controlled} [{record}]"},
    "site.operator": {"es": ", operado por {operator}", "en": ", run by {operator}"},
    "site.controlled": {"es": ", bajo control de {country}", "en": ", controlled by {country}"},
    "fact.tenant": {
        "es": "{name}: alberga {tenants} (unidad inquilina en una instalación del anfitrión) [{record}]",
        "en": "{name}: hosts {tenants} (a tenant unit on a host facility) [{record}]"},
    "fact.country_personnel": {
        "es": "{country}: {active} efectivos de EE.UU. en servicio activo ({date}); {sites} sitios en el registro "
              "[{record}]",
        "en": "{country}: {active} US active-duty personnel ({date}); {sites} sites in the registry [{record}]"},
    "fact.definition": {"es": "{text}", "en": "{text}"},
    "fact.presence_totals": {
        "es": "Presencia derivada por el análisis del {start} al {end} (cada base por separado): {list}",
        "en": "Presence derived by the analysis from {start} to {end} (each basis on its own): {list}"},
    "presence.basis": {"es": "{basis}: pico {peak}, {days} persona-días",
                       "en": "{basis}: peak {peak}, {days} person-days"},
    "fact.total_authorized": {
        "es": "Suma de los topes autorizados en el periodo: {n} (un tope es un máximo, no un conteo de personas)",
        "en": "Sum of the authorized caps in the period: {n} (a cap is a ceiling, not a head count)"},
    "fact.criteria": {"es": "Criterios de «{label}» ({typology}): {criteria}",
                      "en": "Criteria of '{label}' ({typology}): {criteria}"},
    "fact.finding": {"es": "Control de cumplimiento ({severity}): {message} [{rule}]",
                     "en": "Compliance check ({severity}): {message} [{rule}]"},
    "who.cap": {"es": "hasta {n} efectivos de {visiting}", "en": "up to {n} {visiting} personnel"},
    "who.nocap": {"es": "personal de {visiting} (sin tope publicado)", "en": "{visiting} personnel (no published cap)"},
    "armed.true": {"es": ", con armas", "en": ", armed"},
    "armed.false": {"es": ", sin armas", "en": ", unarmed"},
    "armed.none": {"es": "", "en": ""},
    "period.range": {"es": "del {start} al {end}", "en": "from {start} to {end}"},
    "period.from": {"es": "desde el {start}", "en": "from {start}"},
    "period.unknown": {"es": "fechas no registradas", "en": "dates not recorded"},
    "people.planned": {"es": ", {n} previstos", "en": ", {n} planned"},
    "people.observed": {"es": ", {n} observados", "en": ", {n} observed"},
    "people.all_nations": {"es": ", {n} observados de todas las naciones (la parte de EE.UU. no se indica)",
                           "en": ", {n} observed of all nations (the US share is not stated)"},
    "result.approved": {"es": "aprobado", "en": "approved"},
    "result.rejected": {"es": "rechazado", "en": "rejected"},
    "result.unknown": {"es": "resultado no registrado", "en": "result not recorded"},
    "unknown_places": {"es": "lugares no registrados", "en": "places not recorded"},
    # direct answers of the other intents
    "direct.personnel": {
        "es": "{what}: {figure}.", "en": "{what}: {figure}."},
    "figure.cap": {"es": "hasta {n} efectivos autorizados ({instrument})",
                   "en": "up to {n} authorized personnel ({instrument})"},
    "figure.observed": {"es": "{n} observados ({name})", "en": "{n} observed ({name})"},
    "figure.planned": {"es": "{n} previstos ({name})", "en": "{n} planned ({name})"},
    "figure.permanent": {"es": "{n} asignados de forma permanente ({date})",
                         "en": "{n} permanently assigned ({date})"},
    "figure.derived": {"es": "{list} (presencia derivada; las bases no se suman)",
                       "en": "{list} (derived presence; the bases are not added up)"},
    "figure.peak": {"es": "{basis}, pico de {n}", "en": "{basis}, peak {n}"},
    "figure.none": {"es": "el registro no tiene una cifra de personal para esto",
                    "en": "the registry has no personnel figure for this"},
    "what.event": {"es": "Personal de {visiting} para {event}", "en": "{visiting} personnel for {event}"},
    "what.period": {"es": "Personal de {visiting} {when}", "en": "{visiting} personnel {when}"},
    "when.year": {"es": "en {year}", "en": "in {year}"},
    "when.date": {"es": "al {date}", "en": "on {date}"},
    "when.range": {"es": "entre {start} y {end}", "en": "between {start} and {end}"},
    "direct.authorization": {
        "es": "{n} autorización(es) registrada(s){when}: {list}.",
        "en": "{n} authorization(s) on record{when}: {list}."},
    "direct.authorization.none": {
        "es": "El registro no tiene autorizaciones{when} que coincidan con la pregunta.",
        "en": "The registry holds no authorization{when} matching the question."},
    "direct.vote": {"es": "{list}.", "en": "{list}."},
    "direct.vote.none": {"es": "El registro no tiene votaciones del Congreso{when} para esto.",
                         "en": "The registry holds no Congress vote{when} for this."},
    "vote.short": {"es": "{subject}: {yes} a favor, {no} en contra, {abstain} abstenciones ({date})",
                   "en": "{subject}: {yes} in favour, {no} against, {abstain} abstentions ({date})"},
    "direct.where": {"es": "Lugares autorizados o usados{when}: {list}.",
                     "en": "Places authorized or used{when}: {list}."},
    "direct.doing": {"es": "Fines registrados{when}: {list}.", "en": "Purposes on record{when}: {list}."},
    "direct.presence": {
        "es": "{when_cap}: {list}.", "en": "{when_cap}: {list}."},
    "direct.presence.none": {"es": "El registro no muestra presencia de {visiting}{when}.",
                             "en": "The registry shows no {visiting} presence{when}."},
    "presence.permanent": {"es": "{n} efectivos asignados de forma permanente",
                           "en": "{n} permanently assigned personnel"},
    "presence.auths": {"es": "{n} autorización(es) vigente(s) (tope total {cap})",
                       "en": "{n} authorization(s) in force (total cap {cap})"},
    "presence.acts": {"es": "{n} actividad(es) en curso", "en": "{n} activity(ies) under way"},
    "presence.tenants": {"es": "unidades permanentes en {names}", "en": "permanent units at {names}"},
    "when_cap.now": {"es": "Hoy ({date})", "en": "Today ({date})"},
    "when_cap.date": {"es": "Al {date}", "en": "On {date}"},
    "when_cap.year": {"es": "En {year}", "en": "In {year}"},
    "when_cap.range": {"es": "Entre {start} y {end}", "en": "Between {start} and {end}"},
    "direct.authorized.authorized": {
        "es": "Sí: {name} tiene autorización registrada ({list}).",
        "en": "Yes: {name} has an authorization on record ({list})."},
    "direct.authorized.not_found": {
        "es": "El registro no muestra una autorización para {name}.",
        "en": "The registry shows no authorization for {name}."},
    "direct.authorized.unknown": {
        "es": "El registro no tiene una actividad que coincida con la pregunta.",
        "en": "The registry holds no activity matching the question."},
    "direct.definition.none": {
        "es": "No tengo una definición registrada para ese término.",
        "en": "I have no definition on record for that term."},
    "direct.compare": {"es": "Personal de EE.UU. en servicio activo, último dato: {list}.",
                       "en": "US active-duty personnel, latest figure: {list}."},
    "compare.item": {"es": "{country} {n} ({date})", "en": "{country} {n} ({date})"},
    "compare.none": {"es": "{country} sin datos", "en": "{country} no data"},
    "not_understood": {
        "es": "No entendí la pregunta. Puedo responder, con fuentes, preguntas sobre presencia militar "
              "extranjera en el Perú, por ejemplo: {examples}.",
        "en": "I could not understand the question. I can answer, with sources, questions about foreign military "
              "presence in Peru, for example: {examples}."},
    "too_long": {
        "es": "El texto es demasiado largo para ser una pregunta ({n} caracteres; máximo {max}). {rest}",
        "en": "The text is too long to be a question ({n} characters; at most {max}). {rest}"},
    "note.procurement": {"es": "{record}: comprador {buyer}, estado: {status}",
                         "en": "{record}: buyer {buyer}, status: {status}"},
    "note.controlled": {"es": "bajo control de {country}", "en": "controlled by {country}"},
    "note.coded_sites": {"es": "sitios que un conjunto de datos codifica como pequeños o 'lily pads', no bases según "
                                "la tipología oficial",
                          "en": "sites a dataset codes as small sites or lily pads, not bases under the official "
                                "typology"},
    "note.broad_only": {"es": "solo califica bajo una definición amplia: una unidad extranjera permanente en una "
                              "instalación del anfitrión",
                        "en": "it qualifies only under a broad definition: a permanent foreign unit on a host "
                              "facility"},
    "note.funded": {"es": "una instalación del país anfitrión financiada por el país visitante",
                    "en": "a host-nation facility funded by the visiting country"},
    "note.funded_exists": {"es": "la instalación existe, la financia el país visitante y la administra el anfitrión",
                           "en": "the facility exists, funded by the visiting country and run by the host"},
    "note.count": {"es": "{sites} sitios en {countries} países en el registro; según la codificación de los datos: "
                         "{coding}",
                   "en": "{sites} sites in {countries} countries in the registry; by the datasets' coding: {coding}"},
    "note.not_whole_year": {"es": "ninguna autorización cubre todo {year}",
                            "en": "no authorization covers all of {year}"},
    "note.figures": {"es": "cifras registradas: {figures}", "en": "figures on record: {figures}"},
    "note.purposes": {"es": "fines registrados: {categories}", "en": "purposes on record: {categories}"},
    "note.amount": {"es": "la cifra es el valor estimado de {record} ({status})",
                    "en": "the figure is the estimated value of {record} ({status})"},
    "missing.control": {"es": "quién controla {places}", "en": "who controls {places}"},
    "missing.sites": {"es": "sitios de {country} en el registro", "en": "sites of {country} in the registry"},
    "missing.classification": {"es": "una clasificación de los sitios de ese lugar",
                               "en": "a classification of the sites there"},
    "missing.facility": {"es": "la instalación que nombra la afirmación", "en": "the facility named in the claim"},
    "missing.abroad": {"es": "sitios en el extranjero en el registro", "en": "sites abroad in the registry"},
    "missing.authorization": {"es": "una autorización para ese periodo o evento",
                              "en": "an authorization for that period or event"},
    "missing.figure": {"es": "una cifra de personal para ese periodo o evento",
                       "en": "a personnel figure for that period or event"},
    "missing.armed": {"es": "si el personal estaba armado", "en": "whether the personnel were armed"},
    "missing.transaction": {"es": "una transacción por ese monto", "en": "a transaction of that amount"},
    "claim.intro": {"es": "Calificación propuesta: {rating}.", "en": "Proposed rating: {rating}."},
    "claim.part": {"es": "«{text}»: {status}{evidence}", "en": "'{text}': {status}{evidence}"},
    "claim.missing": {"es": "Falta: {missing}.", "en": "Missing: {missing}."},
    "claim.similar": {
        "es": "Una afirmación similar ya fue verificada: {reviewer} la calificó como «{rating}»{date} [{record}].",
        "en": "A similar claim was already checked: {reviewer} rated it '{rating}'{date} [{record}]."},
    "claim.nothing": {"es": "No reconocí en el texto ninguna afirmación verificable con el registro.",
                      "en": "I found no statement in the text that the registry can check."},
}

EXAMPLES = {
    "es": ["¿Hay bases militares de EE.UU. en el Perú?", "¿Cuántos militares de EE.UU. vinieron por APEC?",
           "¿Quién autorizó el ingreso de tropas en 2023 y cuántos votaron a favor?", "¿Qué es un CSL?",
           "¿Cuántos soldados de EE.UU. hay en Colombia comparado con el Perú?"],
    "en": ["Are there US military bases in Peru?", "How many US troops came for APEC?",
           "Who authorized the entry of troops in 2023 and how many voted in favour?", "What is a CSL?",
           "How many US soldiers are in Colombia compared with Peru?"],
}


def t(key: str, lang: str, **values: Any) -> str:
    return T[key][lang].format(**values)


def date_text(value: str | None, lang: str) -> str:
    """``2024-11-04`` -> ``4 de noviembre de 2024`` / ``4 November 2024`` (partial dates stay partial)."""
    if not value:
        return "?"
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[lang][int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {'de ' if lang == 'es' else ''}{parts[0]}"
    day = int(parts[2])
    return f"{day} de {month} de {parts[0]}" if lang == "es" else f"{day} {month} {parts[0]}"


def country(code: str | None, lang: str) -> str:
    if not code:
        return "?"
    names = COUNTRY_NAMES.get(code)
    return names[0 if lang == "es" else 1] if names else code


def adjective(code: str | None, lang: str) -> str:
    """The visiting country as it qualifies personnel: "de EE.UU." / "US"."""
    if lang == "en" and code == "US":
        return "US"
    return country(code, lang)


def criterion(name: str, lang: str, default: str | None = None) -> str:
    """A typology criterion's label in the answer's language (``default``: the typology's own label)."""
    pair = CRITERIA.get(name)
    if pair:
        return pair[0 if lang == "es" else 1]
    return default or name


def verdict_label(verdict: str | None, lang: str) -> str | None:
    """The headline verdict code (``depends_on_definition`` ...) as words; None when there is no verdict."""
    if verdict is None:
        return None
    return pick(VERDICTS, verdict, lang)


def pick(table: dict[str, tuple[str, str]], key: str | None, lang: str) -> str:
    pair = table.get(key or "")
    return pair[0 if lang == "es" else 1] if pair else (key or "?")


def purpose(category: str | None, lang: str) -> str:
    pair = PURPOSES.get(category or "other", PURPOSES["other"])
    return pair[0 if lang == "es" else 1]


def join(items: list[str], lang: str) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + (" y " if lang == "es" else " and ") + items[-1]


def number(n: float | int | None) -> str:
    if n is None:
        return "?"
    return f"{int(n):,}" if float(n).is_integer() else f"{n:,.1f}"
