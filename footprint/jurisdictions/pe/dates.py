"""Dates as Peruvian legal texts write them (tables of month names, run by small functions).

``setiembre``; ``del 08 al 15 de setiembre de 2016``; ``desde el 1 de enero hasta el 31 de diciembre de 2026``;
ordinals and written-out numbers (``primero de julio de dos mil veinticinco``); dates split across lines;
missing accents; OCR month names (``~~AYO``); English as machine translations write it (``September 8, 2016``).
All functions take the lower-cased text (``patterns.lower``) and return spans into it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .numbers import parse_number
from .patterns import alternation, fold_pattern

MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "setiembre": 9, "septiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
}
# OCR loses or garbles first letters: the rest of the name still tells the month (issued-date line only).
OCR_MONTH_ENDINGS = {"nero": 1, "brero": 2, "arzo": 3, "bril": 4, "ayo": 5, "unio": 6, "ulio": 7, "gosto": 8,
                     "tiembre": 9, "ctubre": 10, "viembre": 11, "ciembre": 12}

DAY_WORDS = ("primero", "primer", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
             "once", "doce", "trece", "catorce", "quince", "dieciseis", "diecisiete", "dieciocho", "diecinueve",
             "veinte", "veintiuno", "veintidos", "veintitres", "veinticuatro", "veinticinco", "veintiseis",
             "veintisiete", "veintiocho", "veintinueve", "treinta y uno", "treinta")
# A day: digits (with an ordinal mark) or any word; words are checked against DAY_WORDS afterwards (a generic
# word keeps the regex fast; a long alternation of day words would be tried at every position).
DAY = r"(?:\d{1,2}(?:\s*(?:ro|°|º))?|\b[a-z]+(?:\s+y\s+uno)?)"
MONTH = alternation(tuple(MONTHS))
YEAR = r"(?:\d{4}|dos\s+mil(?:\s+(?:y\s+)?[a-z]+){0,2})"
OF = r"\s*(?:de(?:l)?\s+|,\s*)?"


def _date(i: str, year_required: bool = False) -> str:
    year = rf"{OF}(?P<y{i}>{YEAR})"
    return rf"(?P<d{i}>{DAY})\s+(?:de\s+)?(?P<m{i}>{MONTH})\b(?:{year})" + ("" if year_required else "?")


def _date_en(i: str) -> str:
    return rf"(?P<m{i}>{MONTH})\s+(?P<d{i}>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s*(?P<y{i}>\d{{4}}))?"


RANGE = re.compile(fold_pattern(
    rf"\b(?:del?|desde\s+el|entre\s+el|from|between)\s+"
    rf"(?:(?P<d1a>{DAY})(?:\s+(?:de\s+)?(?P<m1>{MONTH})\b(?:{OF}(?P<y1>{YEAR}))?)?)\s*,?\s+"
    rf"(?:al|hasta\s+el|a|y\s+el|to|until|through|and)\s+(?:el\s+)?{_date('2')}"
))
RANGE_EN = re.compile(fold_pattern(
    rf"\b(?:from|between)\s+{_date_en('1')}\s+(?:to|until|through|and)\s+(?:(?P<m2>{MONTH})\s+)?(?P<d2>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?,?\s*(?P<y2>\d{{4}})"
))
SINGLE = re.compile(fold_pattern(_date("", year_required=True)))
SINGLE_EN = re.compile(fold_pattern(rf"{_date_en('')}"))
# The date line under a heading, matched from its comma ("Lima, 29 de agosto de 2016"); the place is read back.
ISSUED = re.compile(fold_pattern(
    r",\s*(?P<d>\d{1,2}|" + alternation(DAY_WORDS)[3:-1] + r")\s*(?:de\s+)?"
    r"(?P<m>[^\s\d]{2,12})\s+(?:de(?:l)?\s+)?(?P<y>\d[\d ]{1,4}\d?)"
))
PLACE_BEFORE = re.compile(r"([a-z][a-z .]{1,24}?)\s*\Z")
DURATION = re.compile(fold_pattern(
    r"(?:tiempo\s+de\s+permanencia|permanencia|duracion|por\s+un\s+periodo\s+de|durante)\s*:?\s*(?:de\s+)?"
    r"(?P<n>\d{1,3}|[a-z]+(?:\s+y\s+[a-z]+)?)(?:\s*\(\d+\))?\s+(?P<unit>dias|semanas|meses)"
))
_FOLD = str.maketrans("áéíóúüñ", "aeiouun")


@dataclass(frozen=True)
class DateRange:
    start: dt.date | None
    end: dt.date | None
    span: tuple[int, int]


@lru_cache(maxsize=8192)
def month_number(word: str, ocr: bool = False) -> int | None:
    w = re.sub(r"[^a-z]", "", word.lower().translate(_FOLD))
    if w in MONTHS:
        return MONTHS[w]
    if ocr:
        for ending, month in OCR_MONTH_ENDINGS.items():
            if w.endswith(ending):
                return month
    return None


@lru_cache(maxsize=8192)
def year_number(text: str | None) -> int | None:
    if not text:
        return None
    digits = re.sub(r"\s+", "", text)
    if digits.isdigit():
        return int(digits) if len(digits) == 4 else None
    value = parse_number(text)
    return value if value and 1900 < value < 2200 else None


_DAY_WORDS = frozenset(DAY_WORDS)


def _make(y: int | None, m: int | None, d: str | None) -> dt.date | None:
    if d and d[0].isalpha() and " ".join(d.split()) not in _DAY_WORDS:
        return None
    day = parse_number(d) if d else None
    if not (y and m and day):
        return None
    try:
        return dt.date(y, m, day)
    except ValueError:
        return None


MONTH_STEMS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "setiembre", "septiembre",
               "octubre", "noviembre", "diciembre", "january", "february", "march", "april", "may ", "june", "july",
               "august", "september", "october", "november", "december")
RANGE_REACH = 140  # a period ends with its month: look this far back from each month name


def _windows(low: str, start: int, stop: int, back: int, ahead: int) -> list[tuple[int, int]]:
    """Merged windows around the month names of ``low[start:stop]``: dates are only searched there (fast)."""
    hits = []
    for name in MONTH_STEMS:  # str.find is much faster than a regex alternation here
        i = low.find(name, start, stop)
        while i >= 0:
            hits.append((i, i + len(name)))
            i = low.find(name, i + 1, stop)
    out: list[tuple[int, int]] = []
    for m_start, m_end in sorted(hits):
        a, b = max(start, m_start - back), min(stop, m_end + ahead + 8)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _finditer(pattern: re.Pattern[str], low: str, windows: list[tuple[int, int]]) -> list[re.Match[str]]:
    found: list[re.Match[str]] = []
    for a, b in windows:  # merged and in order: matches come in text order
        for m in pattern.finditer(low, a, b):
            if not found or m.start() >= found[-1].end():
                found.append(m)
    return found


def find_ranges(low: str, start: int = 0, end: int | None = None) -> list[DateRange]:
    """Every period "del ... al ...", "desde el ... hasta el ...", "from ... to ..." in ``low[start:end]``."""
    stop = len(low) if end is None else end
    out = []
    windows = _windows(low, start, stop, RANGE_REACH, 40)
    for m in _finditer(RANGE, low, windows):
        y2, m2 = year_number(m.group("y2")), month_number(m.group("m2"))
        m1 = month_number(m.group("m1")) if m.group("m1") else m2
        y1 = year_number(m.group("y1")) or y2
        if y1 and y2 and y1 == y2 and m1 and m2 and m1 > m2:
            y1 = y2 - 1
        a, b = _make(y1, m1, m.group("d1a")), _make(y2, m2, m.group("d2"))
        if a or b:
            out.append(DateRange(a, b, m.span()))
    for m in _finditer(RANGE_EN, low, windows):
        y2 = year_number(m.group("y2"))
        m1 = month_number(m.group("m1"))
        m2 = month_number(m.group("m2")) if m.group("m2") else m1
        y1 = year_number(m.group("y1")) or y2
        a, b = _make(y1, m1, m.group("d1")), _make(y2, m2, m.group("d2"))
        if a or b:
            out.append(DateRange(a, b, m.span()))
    return sorted(out, key=lambda r: r.span)


def find_dates(low: str, start: int = 0, end: int | None = None) -> list[tuple[dt.date, tuple[int, int]]]:
    """Every full date (day, month and year) in ``low[start:end]``."""
    stop = len(low) if end is None else end
    out = []
    windows = _windows(low, start, stop, 40, 40)
    for pattern in (SINGLE, SINGLE_EN):
        for m in _finditer(pattern, low, windows):
            value = _make(year_number(m.group("y")), month_number(m.group("m")), m.group("d"))
            if value:
                out.append((value, m.span()))
    return sorted(out, key=lambda x: x[1])


def find_issued(low: str, start: int, end: int, year_hint: int | None = None
                ) -> tuple[dt.date, str, tuple[int, int]] | None:
    """The date line under a heading ("Lima, 29 de agosto de 2016"): (date, place as written, span).

    OCR-tolerant: a garbled month ("~~AYO") is read from its ending, a broken year from ``year_hint``."""
    comma = low.find(",", start, end)
    while comma >= 0:
        place = PLACE_BEFORE.search(low, max(start, comma - 26), comma)
        m = ISSUED.match(low, comma, end) if place else None
        if place and m:
            month = month_number(m.group("m"), ocr=True)
            year = year_number(m.group("y")) or year_hint
            day = parse_number(m.group("d"))
            if not (month and year and day):
                return None
            try:
                return dt.date(year, month, day), place.group(1).strip(), (place.start(1), m.end())
            except ValueError:
                return None
        comma = low.find(",", comma + 1, end)
    return None


def find_duration(low: str, start: int = 0, end: int | None = None) -> tuple[int, tuple[int, int]] | None:
    """A length of stay in days ("Tiempo de permanencia: 20 días", "por un periodo de dos semanas")."""
    m = DURATION.search(low, start, len(low) if end is None else end)
    if not m:
        return None
    n = parse_number(m.group("n"))
    if not n:
        return None
    unit = m.group("unit").translate(_FOLD)
    return n * {"dias": 1, "semanas": 7, "meses": 30}[unit], m.span()
