"""Numbers as Peruvian legal texts write them: digits ("1,200", "1.200"), words ("cuatrocientos cincuenta"),
both ("veinticuatro (24)"), ordinals ("primero", "1ro", "1°"). A table of words, run by ``parse_number``."""

from __future__ import annotations

import re
from functools import lru_cache

from .patterns import alternation, fold_pattern

UNITS = {
    "cero": 0, "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
    "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiun": 21,
    "veintiuno": 21, "veintiuna": 21, "veintidos": 22, "veintitres": 23, "veinticuatro": 24, "veinticinco": 25,
    "veintiseis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29, "treinta": 30, "cuarenta": 40,
    "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100, "ciento": 100,
    "doscientos": 200, "doscientas": 200, "trescientos": 300, "trescientas": 300, "cuatrocientos": 400,
    "cuatrocientas": 400, "quinientos": 500, "quinientas": 500, "seiscientos": 600, "seiscientas": 600,
    "setecientos": 700, "setecientas": 700, "ochocientos": 800, "ochocientas": 800, "novecientos": 900,
    "novecientas": 900,
    # English, for machine translations
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}
ORDINALS = {"primero": 1, "primer": 1, "segundo": 2, "tercero": 3, "cuarto": 4, "quinto": 5}
SCALES = {"mil": 1000, "thousand": 1000}

_FOLD = str.maketrans("áéíóúüñ", "aeiouun")
NUMBER_WORDS = alternation(tuple(UNITS) + tuple(ORDINALS) + tuple(SCALES))
# A written number: words joined by spaces or "y"; or digits with thousands separators; or an ordinal digit.
WRITTEN = rf"(?:{NUMBER_WORDS})(?:\s+(?:y\s+)?(?:{NUMBER_WORDS}))*"
DIGITS = r"\d{1,3}(?:[.,]\d{3})+(?!\d)|\d+(?:\s*(?:ro|ero|°|º))?"
NUMBER = fold_pattern(rf"(?:{DIGITS}|\b{WRITTEN}\b)")
NUMBER_RE = re.compile(NUMBER)


_ORDINAL_MARK = re.compile(r"(?<=\d)\s*(?:ro|ero|°|º)$")
_THOUSANDS = re.compile(r"\d{1,3}(?:[.,]\d{3})+")


@lru_cache(maxsize=8192)
def parse_number(text: str) -> int | None:
    """The value of a number written in digits or Spanish words; None if it is not one."""
    t = text.strip()
    if t.isdigit():
        return int(t)
    t = _ORDINAL_MARK.sub("", t.lower().translate(_FOLD))
    if t.isdigit():
        return int(t)
    if _THOUSANDS.fullmatch(t):
        return int(t.replace(".", "").replace(",", ""))
    total = current = 0
    seen = False
    for word in t.split():
        if word == "y":
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in ORDINALS:
            current += ORDINALS[word]
        elif word in SCALES:
            current = max(current, 1) * SCALES[word]
            total += current
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


PERSONNEL_NOUN = re.compile(
    r"\b(?:efectivos|militares|personas|integrantes|tripulantes|oficiales|marinos|miembros|soldados|effective"
    r"|military|persons|people|troops|personnel|sailors|members)\b")
PERSONNEL_FIELD = re.compile(
    r"(?:cantidad\s+de\s+personal|numero\s+de\s+(?:personal|efectivos|participantes)|personal\s+participante"
    r"|personal|number\s+of\s+personnel)\s*:\s*(?P<n>\d[\d.,]*)"
)
NUMBER_BEFORE = re.compile(rf"(?P<n>{NUMBER[3:-1]})\s*(?:\(\s*(?P<d>\d[\d.,]*)\s*\)\s*)?$")
LOOKBACK = 60


_PAREN_END = re.compile(r"\(\s*(\d[\d.,]*)\s*\)$")
_DIGITS_END = re.compile(r"(?<![\w.,])(\d{1,3}(?:[.,]\d{3})+|\d+(?:\s*(?:ro|°|º))?)$")
_WORD = re.compile(r"[a-z]+")


def number_before(low: str, pos: int) -> tuple[int, tuple[int, int]] | None:
    """The number written right before ``pos`` ("doce (12) efectivos" -> 12), with its span.

    Read from the end without a regex alternation of number words (much faster than ``NUMBER_BEFORE``)."""
    base = max(0, pos - LOOKBACK)
    seg = low[base:pos].rstrip()
    for pattern in (_PAREN_END, _DIGITS_END):
        m = pattern.search(seg)
        if m:
            value = parse_number(m.group(1))
            return (value, (base + m.start(1), base + m.end(1))) if value else None
    words = list(_WORD.finditer(seg))[-5:]
    for w in words:
        value = parse_number(seg[w.start():])
        if value:
            return value, (base + w.start(), base + len(seg))
    return None


def find_personnel(low: str, start: int = 0, end: int | None = None) -> tuple[int, tuple[int, int]] | None:
    """The first personnel count in ``low[start:end]``: "Cantidad de personal: 450", "cincuenta (50) efectivos"."""
    stop = len(low) if end is None else end
    m = PERSONNEL_FIELD.search(low, start, stop)
    if m:
        value = parse_number(m.group("n"))
        if value:
            return value, m.span("n")
    for noun in PERSONNEL_NOUN.finditer(low, start, stop):
        found = number_before(low, noun.start())
        if found and found[1][0] >= start:
            return found
    return None
