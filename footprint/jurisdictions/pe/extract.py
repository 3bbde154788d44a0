"""Peruvian legal texts -> one dict per norm, in the fields of the gazette-excerpts README (the ``extract --json``
contract) plus ``file``, ``part``, ``bill`` and ``detail`` (spans into the text, resolved places, equipment, what
the norm modifies).

A gazette page is cut into norms at their headings ("RESOLUCIÓN MINISTERIAL Nº 945-2016-DE/SG" at the start of
a line). Headings closer than ``MIN_PART`` characters belong to one norm whose columns were flattened together;
the heading kept is the one the body names itself by ("la presente resolución legislativa").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from . import patterns as p
from .activities import activity, annex_blocks
from .countries import find_countries
from .dates import SINGLE, find_issued, month_number, year_number
from .detect import detect

MIN_PART = 300
ARMED = re.compile(p.fold_pattern(
    r"\b(?:(?P<no>sin|without)|(?P<yes>con|with))\s+(?:sus\s+|their\s+)?(?:armas|armamento|weapons)"
    r"(?:\s+(?:de\s+guerra|of\s+war))?"))
LATE_ISSUED = re.compile(p.fold_pattern(r"(?:^|\n)\s*(?:dada\s+en\s+)?(?:[a-z ]{0,40},\s*)?(?:en\s+)?lima\s*,\s*(?:a\s+los\s+)?"))


@dataclass
class Heading:
    type: str
    number: str | None
    span: tuple[int, int]
    ocr: bool = False


@lru_cache(maxsize=1)
def _headings() -> list[tuple[str, re.Pattern[str], bool, str]]:
    """(type, pattern, is the OCR pattern, a literal the pattern needs: checked first, it is much faster)."""
    out = []
    for i, (kind, pattern) in enumerate(p.HEADINGS):
        literal = re.match(r"[a-z]+", pattern)
        out.append((kind, p.rx(pattern), i == len(p.HEADINGS) - 1, literal.group(0) if literal else ""))
    return out


def normalize_number(kind: str, raw: str, ocr: bool = False) -> str:
    """``0945 - 2016 - DE/SG`` -> ``945-2016-DE/SG``; OCR ``4 65 ~2011 ~DEfSG`` -> ``465-2011-DE/SG``."""
    s = re.sub(r"\s+", "", raw.upper())
    s = re.sub(r"[~–]+", "-", s)
    s = re.sub(r"-+", "-", s)
    if ocr:
        m = re.fullmatch(r"(\d+)-(\d{4})-DE\W?[A-Z]?([A-Z]{2})", s) or re.fullmatch(r"(\d+)-(\d{4})-DE\W?([A-Z]{2,3})", s)
        if m:
            s = f"{m.group(1)}-{m.group(2)}-DE/{m.group(3)}"
    head, sep, rest = s.partition("-")
    return (head.lstrip("0") or "0") + sep + rest


def _at_line_start(text: str, pos: int) -> bool:
    line = text.rfind("\n", 0, pos) + 1
    return not text[line:pos].strip()


def _looks_like_heading(text: str, start: int, num: int, end: int) -> bool:
    """Upper-case type words ("RESOLUCIÓN MINISTERIAL"), or type words alone on their line, or a heading line
    that ends with the number (a mention inside a sentence goes on after it)."""
    words = text[start:num].split()
    if words and words[0].isupper() and len(words[0]) > 1:
        return True
    if "\n" in text[start:num]:
        return True
    line_end = text.find("\n", end)
    return not text[end:line_end if line_end >= 0 else len(text)].strip()


def find_headings(text: str, low: str, start: int = 0, end: int | None = None, anywhere: bool = False
                  ) -> list[Heading]:
    """Headings at the start of a line (or, with ``anywhere``, upper-case headings inside a flattened line)."""
    found: list[Heading] = []
    stop = len(text) if end is None else end
    for kind, pattern, ocr, literal in _headings():
        if ocr:  # a scanned heading is at the top of its page
            matches = list(pattern.finditer(low, start, min(stop, start + 600)))
        else:
            matches = p.match_at(pattern, low, (literal,), start, stop)
        for m in matches:
            s = m.start()
            if anywhere:
                words = text[s:m.start("num")].split()
                if not (words and words[0].isupper() and len(words[0]) > 2):
                    continue
            elif not _at_line_start(text, s) or not (ocr or _looks_like_heading(text, s, m.start("num"), m.end())):
                continue
            if any(h.span[0] <= s < h.span[1] for h in found):
                continue
            found.append(Heading(kind, normalize_number(kind, text[m.start("num"):m.end("num")], ocr), m.span(), ocr))
    return sorted(found, key=lambda h: h.span[0])


def _self_type(low: str, start: int, end: int) -> str | None:
    for kind, pattern in p.SELF_REFERENCE:
        if p.rx(pattern).search(low, start, end):
            return kind
    return None


def _title_start(text: str, pos: int) -> int:
    """Where the title lines right above a heading begin (El Peruano prints a summary line before it)."""
    start = pos
    while start > 0 and not text[text.rfind("\n", 0, start - 1) + 1:start].strip():
        start = text.rfind("\n", 0, start - 1) + 1  # blank lines right above the heading
    title = pos
    while start > 0:
        prev = text.rfind("\n", 0, start - 1) + 1
        line = text[prev:start].strip()
        if not line or line[-1] in ".;:" or pos - prev > 400:
            break
        start = title = prev
    return title


def segments(text: str, low: str) -> list[tuple[int, int, Heading | None]]:
    """(start, end, heading) of each norm in the text."""
    heads = find_headings(text, low)
    groups: list[list[Heading]] = []
    for h in heads:
        if groups and h.span[0] - groups[-1][0].span[1] < MIN_PART:
            groups[-1].append(h)
        else:
            groups.append([h])
    if not groups:
        return [(0, len(text), None)]
    bounds = [_title_start(text, g[0].span[0]) for g in groups] + [len(text)]
    out: list[tuple[int, int, Heading | None]] = []
    if bounds[0] >= MIN_PART and p.rx(p.NORM_END).search(low, 0, bounds[0]):
        out.append((0, bounds[0], None))
    else:
        bounds[0] = 0
    for i, group in enumerate(groups):
        start, end = bounds[i], bounds[i + 1]
        own = _self_type(low, start, end) if len(group) > 1 else None
        chosen = next((h for h in group if h.type == own), group[0])
        out.append((start, end, chosen))
    return out


def _bill(low: str, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
    m = p.rx(p.BILL).search(low, start, min(end, start + 400))
    return (m.group("num").lstrip("0") or "0", m.span("num")) if m else None


def legal_basis(low: str, start: int, end: int, own: tuple[str, str | None]) -> list[str]:
    out: list[str] = []
    covered: list[tuple[int, int]] = []
    segment = low[start:end]
    if not any(word in segment for word in ("ley", "law", "decreto", "constitu")):
        return out
    for template, stems, pattern in p.LEGAL_BASIS:
        for m in p.match_at(p.rx(pattern), low, stems, start, end):
            if any(a <= m.start() < b for a, b in covered):
                continue
            g = m.groupdict()
            law = p.LAW_NAMES.get(" ".join((g.get("law") or "").split()).replace("á", "a"), "Ley")
            art = g.get("art") or ""
            art = "único" if art in ("unico", "único", "sole") else art
            if g.get("art2"):
                art = f"{art} y {g['art2']}"
                template_used = template.replace("art.", "arts.")
            else:
                template_used = template
            num = (g.get("num") or "").upper()
            kind = "DS" if template.startswith("DS") or law == "DS" else "LEY" if law == "Ley" else law
            if own[1] and kind == own[0] and normalize_number(kind, num) == own[1]:
                continue  # the norm's own number
            value = template_used.format(art=art, inc=g.get("inc"), law=law, num=num)
            covered.append(m.span())
            if value not in out and not any(v.startswith(value + " ") for v in out):
                out.append(value)
    return out


def _modifies(text: str, low: str, start: int, end: int) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for m in p.match_at(p.rx(p.MODIFIES), low, p.MODIFIES_STEMS, start, end):
        kind = p.TYPE_WORDS.get(" ".join(m.group("type").split()).replace("ó", "o"), "OTHER")
        part = p.rx(p.MODIFIED_PART).search(low, m.start(), m.end())
        number = normalize_number(kind, text[m.start("num"):m.end("num")])
        if any((o["instrument_type"], o["number"]) == (kind, number) for o in out):
            continue
        out.append({"instrument_type": kind, "number": number,
                    "what": part.group(0) if part else None, "span": list(m.span())})
    return out


def _issued(text: str, low: str, start: int, end: int, head: Heading | None) -> tuple[Any, str | None, Any]:
    hint = None
    if head and head.number:
        years = re.findall(r"-(\d{4})", head.number)
        hint = int(years[0]) if years else None
    if head:
        found = find_issued(low, head.span[1], min(end, head.span[1] + 160), hint)
        if found:
            return found[0], _place(text, found[2][0], found[1]), list(found[2])
    for m in reversed(list(LATE_ISSUED.finditer(low, start, end))):
        d = SINGLE.match(low, m.end())
        if d:
            y, mo = year_number(d.group("y")), month_number(d.group("m"))
            from .dates import _make
            value = _make(y, mo, d.group("d"))
            if value:
                return value, "Lima", [m.start(), d.end()]
    return None, None, None


def _place(text: str, start: int, low_place: str) -> str:
    s = text.find(",", start)
    raw = " ".join(text[start:s].split()) if s > 0 else low_place
    return raw.split(":")[-1].strip() or raw


def _armed(low: str, start: int, end: int, anchor: int) -> tuple[bool | None, list[int] | None]:
    hits: list[re.Match[str]] = []
    for stem in ("arma", "weapon"):  # search only around the words (fast), then in order
        i = low.find(stem, start, end)
        while i >= 0:
            m = ARMED.search(low, max(start, i - 12), min(end, i + 30))
            if m and m.span() not in [h.span() for h in hits]:
                hits.append(m)
            i = low.find(stem, i + 1, end)
    hits.sort(key=lambda h: h.start())
    if not hits:
        return None, None
    best = next((h for h in hits if h.start() >= anchor - 40), hits[0])
    return best.group("yes") is not None, list(best.span())


_SENTENCE_END = re.compile(r";|\.\s|\n\s*\n")


def _sentence_end(low: str, pos: int, end: int) -> int:
    m = _SENTENCE_END.search(low, pos, min(end, pos + 400))
    return m.start() if m else min(end, pos + 400)


def extract_norm(text: str, low: str, start: int, end: int, head: Heading | None) -> dict[str, Any]:
    """The README's fields for the norm in ``text[start:end]`` (spans are into ``text``)."""
    spans: dict[str, Any] = {}
    kind, number, bill = (head.type, head.number, None) if head else ("OTHER", None, None)
    if head:
        spans["instrument"] = list(head.span)
    else:
        found = _bill(low, start, end)
        if found:
            kind, number, bill = "BILL", found[0], found[0]
            spans["instrument"] = list(found[1])
        else:
            inline = find_headings(text, low, start, min(end, start + 500), anywhere=True)
            if inline:
                kind, number = inline[0].type, inline[0].number
                spans["instrument"] = list(inline[0].span)
            else:
                kind = _self_type(low, start, end) or "OTHER"
    issued, place, ispan = _issued(text, low, start, end, head)
    if ispan:
        spans["issued_date"] = ispan
    det = detect(text[start:end], low[start:end])
    relevance = [det.span[0] + start, det.span[1] + start] if det.span else None
    out: dict[str, Any] = {
        "instrument_type": kind, "number": number, "bill": bill,
        "issued_date": issued.isoformat() if issued else None,
        "relevant": det.relevant, "visiting_countries": [], "armed": None, "activities": [],
        "legal_basis": legal_basis(low, start, end, (kind, number)),
    }
    detail: dict[str, Any] = {"why": det.why, "span": [start, end], "spans": spans, "issued_place": place,
                              "heading": " ".join(text[slice(*head.span)].split()) if head else None,
                              "modifies": _modifies(text, low, start, end)}
    if det.relevant and relevance:
        spans["relevance"] = relevance
        anchor = relevance[0]
        armed, aspan = _armed(low, start, end, anchor)
        out["armed"] = armed
        if aspan:
            spans["armed"] = aspan
        window = find_countries(low, anchor, _sentence_end(low, relevance[1], end))
        rows: list[tuple[int, int, dict[str, tuple[int, int]] | None]] = list(annex_blocks(low, start, end))
        if not window and not rows:
            window = find_countries(low, start, end)  # e.g. a date change naming the force elsewhere
        acts, act_details = [], []
        for a, b, fields in rows or [(start, end, None)]:
            act, d = activity(text, low, a, b, anchor, fields)
            acts.append(act)
            act_details.append(d)
        countries: list[tuple[str, list[int]]] = [(iso, list(s)) for iso, s in window]
        for d in act_details:
            countries += [(c["iso"], c["span"]) for c in d["countries"]]
        isos = list(dict.fromkeys(iso for iso, _ in countries))
        out["visiting_countries"] = isos
        out["activities"] = acts
        spans["visiting_countries"] = {iso: [s for i, s in countries if i == iso] for iso in isos}
        detail["activities"] = act_details
        detail["places"] = [_resolve(n, s) for act, d in zip(acts, act_details, strict=True)
                            for n, s in zip(act["places"], d["place_spans"], strict=True)]
        detail["equipment"] = [e for d in act_details for e in d["equipment"]]
    out["detail"] = detail
    return out


def _resolve(name: str, span: list[int]) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": name, "span": span, "resolved": False}
    match = _gazetteer_resolve(name)
    if match is not None:
        entry.update({"resolved": True, "id": match.id, "level": match.level, "ubigeo": match.ubigeo,
                      "iso_3166_2": match.iso_3166_2, "lat": match.lat, "lon": match.lon, "canonical": match.name})
    return entry


@lru_cache(maxsize=4096)
def _gazetteer_resolve(name: str) -> Any:
    try:
        from .gazetteer import gazetteer
    except ImportError:  # the gazetteer is another part of the project; places stay as written without it
        return None
    return gazetteer().resolve(name)


def extract_norms(text: str, file: str | None = None) -> list[dict[str, Any]]:
    """One dict per legal norm in ``text`` (always at least one), with ``"file"`` and ``"part"``."""
    low = p.lower(text)
    out = []
    for part, (start, end, head) in enumerate(segments(text, low)):
        norm = extract_norm(text, low, start, end, head)
        out.append({"file": file, "part": part, **norm})
    return out
