"""Question understanding: deterministic, offline, bilingual.

``understand(text)`` turns a question into an :class:`Understanding`: the language, the intent and the slots
(places, countries, visiting country, dates, events, terms, bills, numbers). It runs on the phrase tables of
:mod:`footprint.answers.lexicon`; typos are corrected towards the words of those tables (edit distance), so
"basess militares en Iqutos" reads like "bases militares en iquitos".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from ..errors import InputError
from . import lexicon

MAX_QUESTION = 2000  # characters; a longer paste is answered with "could not understand", not parsed
_YEAR = re.compile(r"\b(19[4-9]\d|20[0-4]\d)\b")
_NUMBER = re.compile(r"(?<![a-z0-9_])(\d+(?:_\d+)?)(?![a-z0-9_])")
NUMBER_WORDS = {"dos": 2, "two": 2, "tres": 3, "three": 3, "cuatro": 4, "four": 4, "cinco": 5, "five": 5,
                "seis": 6, "six": 6, "siete": 7, "seven": 7, "ocho": 8, "eight": 8, "nueve": 9, "nine": 9,
                "diez": 10, "ten": 10, "cien": 100, "hundred": 100, "mil": 1000, "thousand": 1000}
_BILL = re.compile(r"\b(?:proyecto(?: de (?:ley|resolucion legislativa))?|prl|pl|bill|project)\s*(?:n\s*|no\s*|"
                   r"numero\s*|number\s*)?(\d{3,5})\b")
_INSTRUMENT = re.compile(r"\b(rl|rm|rs|ley|law|resolucion legislativa|resolucion ministerial|"
                         r"legislative resolution)\s*(?:n\s*|no\s*|numero\s*)?(\d{3,5})\b")
MONTHS = {"enero": 1, "january": 1, "febrero": 2, "february": 2, "marzo": 3, "march": 3, "abril": 4, "april": 4,
          "mayo": 5, "may": 5, "junio": 6, "june": 6, "julio": 7, "july": 7, "agosto": 8, "august": 8,
          "setiembre": 9, "septiembre": 9, "september": 9, "octubre": 10, "october": 10, "noviembre": 11,
          "november": 11, "diciembre": 12, "december": 12}
_DATE = re.compile(r"\b(\d{1,2}) (?:de )?(" + "|".join(MONTHS) + r")(?: (?:de |del )?(\d{4}))?\b")
_MONTH_YEAR = re.compile(r"\b(" + "|".join(MONTHS) + r") (?:de |del )?(\d{4})\b")


@dataclass
class Understanding:
    text: str
    lang: str
    intent: str | None
    understood: bool
    slots: dict[str, Any] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)
    reason: str | None = None
    norm: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def normalize(text: str) -> str:
    """Lower case, ASCII, words separated by one space ("¿Hay bases en el Perú?" -> "hay bases en el peru")."""
    from unidecode import unidecode

    text = unidecode(text).lower()
    text = re.sub(r"(?<=\d)[.,](?=\d{3}\b)", "", text)  # 1.500 / 1,500 -> 1500
    text = re.sub(r"(?<=\d)[.,](?=\d{1,2}\b)", "_", text)  # 1.5 / 1,5 -> 1_5 (a decimal, read back by numbers)
    text = re.sub(r"\bee\.?\s?uu\b\.?", "ee uu", text)
    text = re.sub(r"\bu\.s\.(a\.)?", lambda m: "usa" if m.group(1) else "u s", text)
    return " ".join(re.sub(r"[^a-z0-9$_]+", " ", text).split())


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], dict[int, list[str]]]:
    words: set[str] = set()
    tables: list[Any] = [p for _, p, _ in lexicon.PHRASES]
    tables += [*lexicon.VISITING, *lexicon.COUNTRIES, *lexicon.PLACES, *lexicon.TERMS, *lexicon.TOPIC_WORDS,
               *lexicon.NOW_WORDS, *MONTHS]
    for aliases in lexicon.EVENTS.values():
        tables += list(aliases)
    for lang_words in lexicon.LANG_MARKERS.values():
        tables += list(lang_words)
    for _, _, triggers in lexicon.CLAIM_PARTS:
        tables += list(triggers)
    for phrase in tables:
        words.update(phrase.split())
    by_length: dict[int, list[str]] = {}
    for w in sorted(words):
        by_length.setdefault(len(w), []).append(w)
    return frozenset(words), by_length


@lru_cache(maxsize=4096)
def _correct(word: str) -> str:
    """The table word a typo most likely meant (edit distance 1 for 5-7 letters, 2 for longer), or itself."""
    vocab, by_length = _vocabulary()
    if word in vocab or len(word) < 5 or word.isdigit():
        return word
    from rapidfuzz.distance import Levenshtein

    limit = 1 if len(word) <= 7 else 2
    best, best_d = word, limit + 1
    for length in range(len(word) - limit, len(word) + limit + 1):
        for candidate in by_length.get(length, ()):
            d = Levenshtein.distance(word, candidate, score_cutoff=limit)
            if d < best_d:
                best, best_d = candidate, d
    return best


def correct(norm: str) -> str:
    return " ".join(_correct(w) for w in norm.split())


def _has(text: str, phrase: str) -> bool:
    return f" {phrase} " in f" {text} "


def detect_lang(norm: str) -> str:
    words = norm.split()
    es = sum(w in lexicon.LANG_MARKERS["es"] for w in words)
    en = sum(w in lexicon.LANG_MARKERS["en"] for w in words)
    return "en" if en > es else "es"


def _find_all(text: str, table: dict[str, Any]) -> list[tuple[int, str, Any]]:
    """Aliases of ``table`` found in ``text`` (longest first, no overlaps), with their position."""
    padded = f" {text} "
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, str, Any]] = []
    for alias in sorted(table, key=len, reverse=True):
        start = 0
        while (i := padded.find(f" {alias} ", start)) >= 0:
            span = (i, i + len(alias) + 1)
            if not any(a < span[1] and span[0] < b for a, b in taken):
                taken.append(span)
                found.append((i, alias, table[alias]))
            start = i + 1
    return sorted(found)


def extract_slots(norm: str, today: dt.date | None = None) -> dict[str, Any]:
    slots: dict[str, Any] = {}
    places = [v for _, _, v in _find_all(norm, lexicon.PLACES)]
    terms = [v for _, _, v in _find_all(norm, lexicon.TERMS)]
    visiting = [v for _, _, v in _find_all(norm, lexicon.VISITING)]
    countries = [v for i, _, v in _find_all(norm, lexicon.COUNTRIES)
                 if norm[:i].split()[-1:] not in (["contra"], ["against"], ["hacia"], ["towards"])]
    events = []
    for key, aliases in lexicon.EVENTS.items():
        if any(_has(norm, a) for a in aliases):
            events.append(key)
    # "base naval" is a place only when a base is named, "lima" inside "lima metropolitana" is still lima
    if places:
        slots["places"] = list(dict.fromkeys(places))
    if terms:
        slots["terms"] = list(dict.fromkeys(terms))
    if visiting:
        slots["visiting"] = visiting[0] if visiting[0] != "US" or len(set(visiting)) == 1 else \
            next(v for v in visiting if v != "US")
    others = [c for c in dict.fromkeys(countries) if c != "PE"]
    for key in places:
        if key in lexicon.PLACE_COUNTRY and lexicon.PLACE_COUNTRY[key] not in others:
            others.append(lexicon.PLACE_COUNTRY[key])
    if others:
        slots["countries"] = others
    if "PE" in countries or not others:
        slots["host"] = "PE"
    else:
        slots["host"] = others[0]
    if events:
        slots["events"] = events
    bills = [m.group(1) for m in _BILL.finditer(norm)]
    instruments = [(m.group(1), m.group(2)) for m in _INSTRUMENT.finditer(norm)]
    if bills:
        slots["bills"] = list(dict.fromkeys(bills))
    if instruments:
        slots["instruments"] = [{"type": _instrument_type(t), "number": n} for t, n in instruments]
    today = today or dt.date.today()
    years = [int(y) for y in _YEAR.findall(norm)]
    years += [today.year + off for phrase, off in lexicon.RELATIVE_YEARS.items() if _has(norm, phrase)]
    date = _DATE.search(norm)
    month = _MONTH_YEAR.search(norm)
    if date:
        year = int(date.group(3)) if date.group(3) else today.year
        try:
            slots["date"] = dt.date(year, MONTHS[date.group(2)], int(date.group(1))).isoformat()
        except ValueError:
            pass
    elif month:
        slots["month"] = f"{int(month.group(2)):04d}-{MONTHS[month.group(1)]:02d}"
    if years:
        slots["years"] = list(dict.fromkeys(years))
    if any(w in lexicon.NOW_WORDS for w in norm.split()) and "date" not in slots and "years" not in slots:
        slots["now"] = True
    if any(w in lexicon.PERMANENT_WORDS for w in norm.split()):
        slots["permanent"] = True
    numbers = []
    skip = set(slots.get("bills", [])) | {n for _, n in instruments} | {str(y) for y in years}
    for m in _NUMBER.finditer(norm):
        raw = m.group(1)
        if raw in skip:
            continue
        numbers.append(float(raw.replace("_", ".")))
    words = norm.split()
    for i, w in enumerate(words):
        if w in NUMBER_WORDS and not (i > 0 and _NUMBER.fullmatch(words[i - 1])):
            numbers.append(float(NUMBER_WORDS[w]))
    if numbers:
        slots["numbers"] = numbers
    amounts = [_amount(m) for m in _AMOUNT.finditer(norm)]
    if amounts:
        slots["amounts"] = amounts
    return slots


_AMOUNT = re.compile(r"(?:us ?\$|\$|usd ?)\s?(\d+(?:_\d+)?)(?: (mil millones|millones|millon|million|billion|"
                     r"billones|mil|thousand))?|(\d+(?:_\d+)?) (mil millones|millones|million|billion) "
                     r"(?:de )?(?:dolares|dollars|usd)")


def _amount(m: re.Match[str]) -> float:
    number = m.group(1) or m.group(3)
    word = m.group(2) or m.group(4)
    return float(number.replace("_", ".")) * (lexicon.MULTIPLIERS.get(word, 1.0) if word else 1.0)


def _instrument_type(word: str) -> str:
    return {"resolucion legislativa": "RL", "legislative resolution": "RL", "resolucion ministerial": "RM",
            "law": "LEY"}.get(word, word.upper())


def score_intents(norm: str) -> dict[str, float]:
    scores: dict[str, float] = {}
    for intent, phrase, weight in lexicon.PHRASES:
        if _has(norm, phrase):
            scores[intent] = scores.get(intent, 0) + weight
    for intent, pattern, weight in _patterns():
        if pattern.search(norm):
            scores[intent] = scores.get(intent, 0) + weight
    return scores


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str], float], ...]:
    return tuple((i, re.compile(p), w) for i, p, w in lexicon.PATTERNS)


def understand(text: object, lang: str | None = None, today: dt.date | None = None) -> Understanding:
    """Read a question. Raises :class:`InputError` only for unusable input (not text, or empty)."""
    if not isinstance(text, str):
        raise InputError(f"expected the question as text, got {type(text).__name__}", where="question")
    if lang is not None and lang not in ("es", "en"):
        raise InputError(f"{lang!r} is not a supported language (es, en)", where="lang")
    stripped = text.strip()
    if not stripped:
        raise InputError("the question is empty", where="question")
    if "\x00" in stripped:
        raise InputError("the question is not text (it holds NUL bytes)", where="question")
    if len(stripped) > MAX_QUESTION:
        norm = normalize(stripped[:MAX_QUESTION])
        return Understanding(stripped[:200], lang or detect_lang(norm), None, False,
                             reason="too_long")
    norm = correct(normalize(stripped))
    detected = detect_lang(norm)
    slots = extract_slots(norm, today)
    scores = score_intents(norm)
    intent = _choose(scores, slots, norm)
    understood = intent is not None
    reason = None if understood else ("no_words" if not norm else "out_of_scope")
    return Understanding(stripped, lang or detected, intent, understood, slots, scores, reason, norm)


def _is_definition(scores: dict[str, float], slots: dict[str, Any]) -> bool:
    """A term is named and the question asks what it means (or asks nothing else)."""
    if "terms" not in slots or "bills" in slots or "instruments" in slots:
        return False
    if scores.get("definition"):
        return True
    if scores.keys() - {"definition", "base"}:
        return False
    return not (scores.get("base") and slots["terms"] == ["namru"])  # "Is NAMRU a base?" asks about a base


def _choose(scores: dict[str, float], slots: dict[str, Any], norm: str) -> str | None:
    words = set(norm.split())
    topical = bool(words & lexicon.TOPIC_WORDS) or any(k in slots for k in ("events", "bills", "instruments",
                                                                            "terms", "visiting"))
    topical = topical or (scores.get("presence", 0) >= 3 and ("now" in slots or "peru" in words))
    if _is_definition(scores, slots):
        return "definition"
    scores = {k: v for k, v in scores.items() if k != "definition"}
    if len(slots.get("countries", [])) >= 1 and scores.get("compare"):
        return "compare"
    scores.pop("compare", None)
    if not topical:
        return None
    if ("bills" in slots or "instruments" in slots) and not scores.get("vote") and not scores.get("personnel"):
        return "authorization"
    if not scores:
        if "events" in slots or "places" in slots or "visiting" in slots:
            return "presence"
        return None
    best = max(scores.values())
    for intent in lexicon.INTENT_ORDER:
        if scores.get(intent) == best:
            return intent
    return None  # pragma: no cover
