"""Authorized activities inside a norm: annex rows ("Lugar:", "Fecha de inicio:", "Países participantes:" ...)
or, without an annex, the considerandos and articles. Field names, unit and equipment words are tables here."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .countries import find_countries
from .dates import find_dates, find_duration, find_ranges
from .numbers import NUMBER_RE, find_personnel, number_before, parse_number
from .patterns import alternation, fold_pattern, match_at
from .purposes import categorize, find_purpose

# Labelled fields of an annex row (longest labels win because they start earlier).
FIELDS: tuple[tuple[str, str], ...] = (
    ("name", r"nombre\s+de\s+la\s+actividad|actividad|activity"),
    ("purpose", r"objetivos?|finalidad|proposito|purpose"),
    ("places", r"lugar(?:es)?(?:\s+de\s+(?:ejecucion|realizacion))?|ubicacion|zona\s+de\s+operaciones|place"),
    ("dates", r"fechas?(?:\s+de\s+(?:inicio|ejecucion|ingreso|realizacion))?|periodo|dates?"),
    ("duration", r"tiempo\s+de\s+permanencia|duracion"),
    ("countries", r"paises\s+participantes|pais(?:\s+participante)?|procedencia|countr(?:y|ies)"),
    ("personnel", r"cantidad\s+de\s+personal|numero\s+de\s+(?:personal|efectivos)|personal\s+participante|personnel"),
    ("units", r"unidades(?:\s+participantes)?|medios(?:\s+participantes)?|buques|aeronaves|units"),
    ("host_units", r"unidad\s+anfitriona|contraparte(?:\s+nacional)?|institucion\s+(?:anfitriona|responsable)"
                   r"|unidad\s+responsable|host\s+units?"),
    ("weapons", r"tipo\s+y\s+cantidad\s+de\s+armas|armamento|armas|weapons"),
)
FIELD_RE = re.compile(fold_pattern(
    r"(?:(?<=[\s|;(])|^)(?:" + "|".join(f"(?P<{k}>{v})" for k, v in FIELDS) + r")\s*:"), re.M)
FIELD_LABEL = re.compile("|".join(f"(?P<{k}>{v})" for k, v in FIELDS))
_LABEL_WORD = re.compile(r"[^\s|;(]+")
LABEL_REACH = 45


class _Field:
    """A labelled field found from its colon (what ``FIELD_RE`` would match, found faster)."""

    def __init__(self, m: re.Match[str], colon: int) -> None:
        self.lastgroup = m.lastgroup
        self._start, self._end = m.start(), colon + 1

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def _field_labels(low: str, start: int, end: int) -> list[_Field]:
    out = []
    colon = low.find(":", start, end)
    while colon >= 0:
        stop = colon
        while stop > start and low[stop - 1] in " \t":
            stop -= 1
        for word in list(_LABEL_WORD.finditer(low, max(start, colon - LABEL_REACH), stop))[-5:]:
            m = FIELD_LABEL.fullmatch(low, word.start(), stop)  # the longest label ending at the colon
            if m:
                out.append(_Field(m, colon))
                break
        colon = low.find(":", colon + 1, end)
    return out
ANNEX = re.compile(fold_pattern(r"^\s*anexo\b|^\s*annex\b"), re.M)
ITEM = re.compile(r"^\s*(?:\d{1,2}\s*[.)-]|[IVX]{1,4}\.)\s+(?=\S)", re.M)

# Place phrases outside annexes: "en las ciudades de Iquitos y Puerto Maldonado".
PLACE_TRIGGER = re.compile(fold_pattern(
    r"(?:provincia\s+constitucional\s+del|ciudad(?:es)?\s+de|departamentos?\s+de|region(?:es)?\s+de|provincias?\s+de"
    r"|distritos?\s+de|localidad(?:es)?\s+de|puertos?\s+de|base\s+naval\s+de|bahia\s+de|cities\s+of|city\s+of)\s+"))
NAME = r"[A-ZÁÉÍÓÚÑ][\wáéíóúñüÁÉÍÓÚÑ'-]+(?:\s+(?:(?:de|del)\s+(?:la\s+|las\s+|los\s+)?)?[A-ZÁÉÍÓÚÑ][\wáéíóúñüÁÉÍÓÚÑ'-]+)*"
NAME_LIST = re.compile(rf"{NAME}(?:\s*(?:,|\by\b|\be\b|\band\b)\s*(?:en\s+)?(?:la\s+|las\s+)?(?:ciudad(?:es)?\s+de\s+)?{NAME})*")
NAME_RE = re.compile(NAME)
NOT_PLACES = {"Ministerio", "Marina", "Ejército", "Fuerza", "Fuerzas", "República", "Estados", "Unidos", "Comandante"}

SHIP_PREFIXES = ("USS", "USNS", "USCGC", "HMS", "HMCS", "HMNZS", "ARA", "ARC", "BAE", "JS", "BNS", "NRP", "SPS",
                 "ESPS", "HNLMS", "FGS", "BE", "ROKS")
SHIP = re.compile(r"\b(?:" + "|".join(SHIP_PREFIXES) + r")\s+[\"“]?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}[\"”]?"
                  r"(?:\s*\([A-Z]{1,4}-?\s?\d{1,4}\))?")
FORCES = re.compile(fold_pattern(alternation((
    "guardia costera de los estados unidos de america", "guardia costera de los estados unidos",
    "marina de los estados unidos de america", "marina de los estados unidos", "armada de los estados unidos",
    "ejercito de los estados unidos", "fuerza aerea de los estados unidos", "comando sur de los estados unidos",
    "cuerpo de marines de los estados unidos", "armada argentina", "armada de chile", "armada nacional de colombia",
    "armada de colombia", "armada del ecuador", "fuerza maritima de autodefensa de japon", "marinha do brasil",
    "us coast guard", "u.s. coast guard", "us navy", "u.s. navy", "u.s. southern command"))))
HOST_FORCES = alternation(("marina de guerra del peru", "ejercito del peru", "fuerza aerea del peru",
                           "comando conjunto de las fuerzas armadas", "direccion general de capitanias y guardacostas",
                           ))
HOST = re.compile(fold_pattern(r"(?:con|en\s+coordinacion\s+con|junto\s+(?:a|con))\s+(?:personal\s+(?:del|de\s+(?:la|el|las|los))"
                               r"|la|el|las|los)\s+(?P<h>" + HOST_FORCES + ")"))
HOST_ANY = re.compile(fold_pattern(HOST_FORCES))
EQUIPMENT: tuple[tuple[str, str], ...] = (
    ("ship", r"buques?|fragatas?|destructor(?:es)?|corbetas?|patrulleros?|submarinos?|cutters?"
             r"|unidad(?:es)? naval(?:es)?|medios nauticos|embarcacion(?:es)?|vessels?|ships?|naval units?"),
    ("aircraft", r"aeronaves?|aviones?|helicopteros?|medios aereos|c-130|aircraft|helicopters?"),
    ("weapon", r"armamento(?:\s+(?:individual|colectivo|menor|portatil))?|fusiles?|pistolas?|ametralladoras?"
               r"|municiones?|armas? (?:individual|colectiva|ligera|menor|portatil)(?:es)?"),
    ("vehicle", r"vehiculos?|camiones?|vehicles?"),
)
EQUIPMENT_RE = {kind: re.compile(rf"\b(?:{pattern})\b") for kind, pattern in EQUIPMENT}
# Where each kind's words start (candidates are found with str.find, then matched: much faster than a scan).
EQUIPMENT_STEMS = {
    "ship": ("buque", "fragata", "destructor", "corbeta", "patrull", "submarin", "cutter", "unidad", "medios",
             "embarcac", "vessel", "ship", "naval"),
    "aircraft": ("aeronave", "avion", "helicoptero", "medios", "c-130", "aircraft", "helicopter"),
    "weapon": ("arma", "fusil", "pistola", "ametrallad", "municion"),
    "vehicle": ("vehicul", "camion", "vehicle"),
}


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,;.:-|")


Block = tuple[int, int, dict[str, tuple[int, int]]]


def annex_blocks(low: str, start: int, end: int) -> list[Block]:
    """The rows of an annex in ``low[start:end]``: (start, end, labelled field spans); empty without an annex."""
    if "anex" not in low[start:end] and "annex" not in low[start:end]:
        return []
    m = ANNEX.search(low, start, end)
    if not m:
        return []
    labels = _field_labels(low, m.end(), end)
    row_starts = [f.start() for f in labels if f.lastgroup == "name"]
    if len(row_starts) < 2:
        row_starts = [i.start() for i in ITEM.finditer(low, m.end(), end)]
    if not row_starts:
        return [(m.end(), end, _fields(labels, end))] if labels else []
    bounds = row_starts + [end]
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        inside = [f for f in labels if a <= f.start() < b]
        if inside:
            out.append((a, b, _fields(inside, b)))
    return out


def _fields(found: list[_Field], end: int) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for i, f in enumerate(found):
        stop = found[i + 1].start() if i + 1 < len(found) else end
        key = f.lastgroup or ""
        out.setdefault(key, (f.end(), stop))
    return out


def _field_number(low: str, span: tuple[int, int]) -> tuple[int, tuple[int, int]] | None:
    m = NUMBER_RE.search(low, *span)
    value = parse_number(m.group(0)) if m else None
    return (value, m.span()) if m and value else None


def _names(text: str, offset: int, span: tuple[int, int]) -> list[tuple[str, tuple[int, int]]]:
    out = []
    for m in NAME_RE.finditer(text, *span):
        name = m.group(0)
        if name.split()[0] not in NOT_PLACES:
            out.append((name, m.span()))
    return out


def find_places(text: str, low: str, start: int, end: int) -> list[tuple[str, tuple[int, int]]]:
    """Places as written after "ciudad de", "departamento de", ... in ``text[start:end]``."""
    out: list[tuple[str, tuple[int, int]]] = []
    for t in PLACE_TRIGGER.finditer(low, start, end):
        lst = NAME_LIST.match(text, t.end(), end)
        if lst:
            out.extend(_names(text, 0, lst.span()))
    return out


FORCE_STARTS = ("guardia", "marina", "armada", "ejercito", "fuerza", "comando", "cuerpo", "us ", "u.s.", "marinha")
FORCE_WORDS = ("estados unidos", "armada", "guardia costera", "navy", "coast guard", "fuerza maritima", "marinha",
               "southern command")


def find_units(text: str, low: str, start: int, end: int) -> list[tuple[str, tuple[int, int]]]:
    segment = text[start:end]
    units = []
    if any(f"{prefix} " in segment for prefix in SHIP_PREFIXES):
        units = [(_clean(m.group(0)), m.span()) for m in SHIP.finditer(text, start, end)]
    if any(word in low[start:end] for word in FORCE_WORDS):
        units += [(_clean(text[m.start():m.end()]), m.span()) for m in match_at(FORCES, low, FORCE_STARTS, start, end)]
    return sorted(units, key=lambda u: u[1])


def find_equipment(text: str, low: str, start: int, end: int) -> list[dict[str, Any]]:
    out = []
    for kind, pattern in EQUIPMENT_RE.items():
        for m in match_at(pattern, low, EQUIPMENT_STEMS[kind], start, end):
            count = number_before(low, m.start())
            near = count is not None and count[1][0] >= start and m.start() - count[1][1] < 6
            begin = count[1][0] if near and count else m.start()
            out.append({"kind": kind, "text": _clean(text[begin:m.end()]), "count": count[0] if near and count
                        else None, "span": [begin, m.end()]})
    return sorted(out, key=lambda e: e["span"])


def _dedupe(items: list[tuple[str, tuple[int, int]]]) -> list[tuple[str, tuple[int, int]]]:
    seen: set[str] = set()
    out = []
    for name, span in items:
        if name.lower() not in seen:
            seen.add(name.lower())
            out.append((name, span))
    return out


def _period(low: str, start: int, end: int, anchor: int) -> tuple[dt.date | None, dt.date | None, tuple[int, int] | None]:
    ranges = find_ranges(low, start, end)
    if ranges:
        best = next((r for r in ranges if r.span[0] >= anchor), ranges[0])
        return best.start, best.end, best.span
    dates = [d for d in find_dates(low, start, end) if d[1][0] >= anchor]
    if dates and re.search(fold_pattern(r"(?:a partir del?|desde el|inicio|starting)\s*:?\s*$"),
                           low[max(start, dates[0][1][0] - 30):dates[0][1][0]]):
        return dates[0][0], None, dates[0][1]
    return None, None, None


def activity(text: str, low: str, start: int, end: int, anchor: int, fields: dict[str, tuple[int, int]] | None
             ) -> tuple[dict[str, Any], dict[str, Any]]:
    """One activity (the README's shape) and its detail (spans, equipment, countries) from ``text[start:end]``;
    ``fields`` are the labelled fields of an annex row (None outside an annex)."""
    annex_row = fields is not None
    fields = fields or {}
    spans: dict[str, Any] = {}

    purpose_span = fields.get("purpose") or fields.get("name") or find_purpose(low, max(start, anchor), end) \
        or find_purpose(low, start, end)
    purpose = _clean(text[purpose_span[0]:purpose_span[1]]) if purpose_span else None
    category_text = low[slice(*purpose_span)] if purpose_span else low[start:end]
    if annex_row and "name" in fields:
        category_text = low[slice(*fields["name"])] + " " + category_text
    if purpose_span:
        spans["purpose"] = list(purpose_span)

    ds = fields.get("dates", (start, end))
    first, last, dspan = _period(low, ds[0], ds[1], anchor if not annex_row else ds[0])
    if first is None and annex_row and "dates" in fields:
        single = find_dates(low, *fields["dates"])
        if single:
            first, dspan = single[0][0], single[0][1]
    duration = find_duration(low, start, end)
    if first and not last and duration:
        last = first + dt.timedelta(days=duration[0] - 1)
    if dspan:
        spans["dates"] = list(dspan)

    ps = fields.get("personnel")
    personnel = _field_number(low, ps) if ps else find_personnel(low, start, end)
    if personnel:
        spans["personnel"] = list(personnel[1])

    if "places" in fields:
        places = _names(text, 0, fields["places"])
    else:
        places = find_places(text, low, start, end)
    places = _dedupe(places)

    if "units" in fields:
        us, ue = fields["units"]
        units = [(_clean(u), (us, ue)) for u in re.split(r"[;,\n]|\by\b", text[us:ue]) if _clean(u)]
    else:
        units = _dedupe(find_units(text, low, start, end))
    if "host_units" in fields:
        hs, he = fields["host_units"]
        hosts = [(_clean(text[m.start():m.end()]), m.span()) for m in HOST_ANY.finditer(low, hs, he)] or \
            [(_clean(text[hs:he]), (hs, he))]
    else:
        hosts = [(_clean(text[m.start("h"):m.end("h")]), m.span("h")) for m in HOST.finditer(low, start, end)]
    hosts = _dedupe(hosts)

    countries = find_countries(low, *fields["countries"]) if "countries" in fields else []
    act = {
        "purpose": purpose,
        "purpose_category": categorize(category_text),
        "start": first.isoformat() if first else None,
        "end": last.isoformat() if last else None,
        "personnel": personnel[0] if personnel else None,
        "places": [p for p, _ in places],
        "units": [u for u, _ in units],
        "host_units": [h for h, _ in hosts],
    }
    detail: dict[str, Any] = {"span": [start, end], "spans": spans, "place_spans": [list(s) for _, s in places],
              "unit_spans": [list(s) for _, s in units], "host_unit_spans": [list(s) for _, s in hosts],
              "duration_days": duration[0] if duration else None,
              "equipment": [e for span in ([fields[k] for k in ("units", "weapons") if k in fields] or [(start, end)])
                            for e in find_equipment(text, low, *span)],
              "countries": [{"iso": iso, "span": list(s)} for iso, s in countries]}
    if "weapons" in fields:
        detail["weapons"] = _clean(text[slice(*fields["weapons"])])
    return act, detail
