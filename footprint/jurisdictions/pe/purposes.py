"""Purpose categories of the gazette-excerpts README, as a table of phrases (first match wins), and the phrases
that introduce a purpose ("con la finalidad de ...")."""

from __future__ import annotations

import re

from .patterns import fold_pattern, match_at

# (category, pattern) in priority order: the first category whose pattern occurs in the purpose text wins.
CATEGORIES: tuple[tuple[str, str], ...] = (
    ("medical_research", r"namru|investigacion (?:de enfermedades|medica|cientifica)|enfermedades tropicales"
                         r"|medical research|disease research"),
    ("disaster_relief", r"desastre|damnificad|emergencia|terremoto|sismo|huaico|inundacion|fenomeno el nino"
                        r"|disaster|earthquake|flood"),
    ("humanitarian", r"humanitari|accion civica|asistencia civica|asistencia medica|atencion medica"
                     r"|nuevos horizontes|new horizons|continuing promise|hospital (?:flotante|de campana)"
                     r"|civic assistance|medical assistance"),
    ("counter_narcotics", r"narcotrafico|trafico ilicito de drogas|antidrogas|narcoterror|lucha contra las drogas"
                          r"|counter.?narcotic|drug trafficking"),
    ("event_security", r"\bapec\b|seguridad (?:del|de la|de los) (?:evento|cumbre|juegos)|cumbre de|juegos panamericanos"
                       r"|event security|summit"),
    ("exercise", r"ejercicio|maniobra|unitas|panamax|siforex|sifoex|rimpac|resolute sentinel|teamwork south"
                 r"|fuerzas comando|exercise|multinacional"),
    ("training", r"entrenamiento|instruccion|capacitacion|adiestramiento|intercambio de experiencias|curso"
                 r"|training|instruction"),
    ("ship_visit", r"visita (?:operacional|protocolar|oficial) (?:de|del|a)|escala|recalada|port visit"
                   r"|visita a(?:l)? puerto|atraque"),
    ("academic", r"academic|seminario|simposio|universidad|pasantia|conferencia academica"),
    ("coordination_visit", r"reunion|conversaciones|coordinacion|planeamiento|planificacion|visita (?:de|protocolar)"
                           r"|staff talks|meeting|conferencia"),
    ("logistics", r"logistic|abastecimiento|reabastecimiento|mantenimiento|transporte de|transito"),
)
_COMPILED = tuple((name, re.compile(fold_pattern(p))) for name, p in CATEGORIES)

# Phrases that introduce the purpose; the purpose runs to the end of the clause.
INTRODUCERS = re.compile(fold_pattern(
    r"(?:con\s+(?:la\s+finalidad|el\s+(?:objeto|objetivo|fin|proposito))\s+de|a\s+fin\s+de|para\s+(?=participar|realizar"
    r"|sostener|llevar|efectuar|desarrollar|brindar|apoyar)|en\s+el\s+marco\s+de|objetivo\s*:|finalidad\s*:"
    r"|actividad\s*:|nombre\s+de\s+la\s+actividad\s*:|for\s+the\s+purpose\s+of|in\s+order\s+to|purpose\s*:|actividad\s+[\"“])\s*"
))
INTRODUCER_STEMS = ("con", "a fin", "para", "en el marco", "objetivo", "finalidad", "actividad", "nombre", "for the",
                    "in order", "purpose")
CLAUSE_END = re.compile(r"[;\n\"”]|\.(?:\s|$)|,?\s+(?:y\s+)?(?:en\s+(?:la|las|el|los)\s+(?:ciudad|provincia|departamento)"
                        r"|del\s+\d|desde|por\s+un)|,\s+se\s+")


def categorize(text: str) -> str:
    """The purpose category of a lower-cased purpose text ("other" when no phrase matches)."""
    for name, pattern in _COMPILED:
        if pattern.search(text):
            return name
    return "other"


def find_purpose(low: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """The span of the first stated purpose in ``low[start:end]``."""
    stop = len(low) if end is None else end
    found = match_at(INTRODUCERS, low, INTRODUCER_STEMS, start, stop)
    if not found:
        return None
    m = found[0]
    tail = CLAUSE_END.search(low, m.end(), min(stop, m.end() + 400))
    stop_at = tail.start() if tail else min(stop, m.end() + 300)
    return (m.end(), stop_at) if stop_at - m.end() > 3 else None
