"""Country names and codes as datasets write them -> ISO 3166-1 alpha-2 (ISO 3166-3 for former states).

``to_iso2(code=..., name=..., year=...)`` tries the dataset's own code first (ISO alpha-3, with the few non-ISO
codes datasets use), then the name; when both map and disagree, the name wins (the code column of these datasets
holds the sovereign state for territories such as Guam, and has plain errors such as COG for Congo-Kinshasa) and the
disagreement is returned so the caller can record it. Anything else is ``None``: the caller reports the row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from ..model.fields import fold

# Codes datasets use that are not ISO alpha-3.
EXTRA_CODES: dict[str, str] = {"KSV": "XK", "XKX": "XK", "ROM": "RO", "ZAR": "CD", "TMP": "TL"}

# Names (normalized: lower case, ASCII, "&" as "and", no punctuation) that pycountry does not know. A value of
# None marks a name that is known NOT to be one country (a region, a group, a disputed area): reported, never guessed.
NAMES: dict[str, str | None] = {
    # former states (ISO 3166-3)
    "soviet union": "SU", "ussr": "SU", "yugoslavia": "YU", "czechoslovakia": "CS", "german democratic republic": "DD",
    "east germany": "DD", "yemen people s republic": "YD", "south yemen": "YD", "netherlands antilles": "AN",
    "zaire": "ZR", "burma": "MM", "south vietnam": "VN",
    # ordinary variants
    "federal republic of germany": "DE", "west germany": "DE", "united states": "US", "usa": "US",
    "united kingdom": "GB", "britain": "GB", "great britain": "GB", "england": "GB", "scotland": "GB",
    "south korea": "KR", "korea south": "KR", "korea": "KR", "north korea": "KP", "russia": "RU", "iran": "IR",
    "syria": "SY", "laos": "LA", "vietnam": "VN", "taiwan": "TW", "bolivia": "BO", "venezuela": "VE",
    "tanzania": "TZ", "moldova": "MD", "macedonia": "MK", "north macedonia": "MK", "czech republic": "CZ",
    "czechia": "CZ", "ivory coast": "CI", "cote divoire": "CI", "cape verde": "CV", "cabo verde": "CV",
    "swaziland": "SZ", "eswatini": "SZ", "east timor": "TL", "timor leste": "TL", "brunei": "BN",
    "vatican city": "VA", "micronesia": "FM", "bahamas the": "BS", "bahamas": "BS", "gambia": "GM",
    "congo": "CG", "congo brazzaville": "CG", "congo kinshasa": "CD", "congo democratic republic": "CD",
    "democratic republic of the congo": "CD", "myanmar burma": "MM", "hong kong": "HK", "hong kong sar china": "HK",
    "antigua": "AG", "antigua and barbuda": "AG", "st kitts and nevis": "KN", "st christopher": "KN",
    "st lucia": "LC", "st vincent and grenadines": "VC", "sao tome and principe": "ST", "st helena": "SH",
    "ascension island": "SH", "br indian ocean territory": "IO", "diego garcia": "IO", "us virgin islands": "VI",
    "virgin islands": "VI", "british virgin islands": "VG", "mariana islands": "MP", "guam": "GU",
    "american samoa": "AS", "wake island": "UM", "johnston island": "UM", "johnston atoll": "UM",
    "midway islands": "UM", "kwajalein": "MH", "eniwetok j t f 7": "MH", "azores": "PT", "sarawak": "MY",
    "zanzibar": "TZ", "easter island": "CL", "line islands": "KI", "greenland": "GL", "bermuda": "BM",
    "gibraltar": "GI", "antarctica": "AQ", "western sahara": "EH", "kosovo": "XK", "serbia": "RS",
    "turks and caicos islands": "TC", "puerto rico": "PR", "aruba": "AW", "bahrain island": "BH",
    "guantanamo bay cuba": "CU", "district of columbia": "US", "conus classified": "US", "georigia": "GE",
    "bosnia and herzegovina": "BA", "trinidad and tobago": "TT", "turkey": "TR",
    # not one country
    "kashmir": None, "abkhazia": None, "british west indies": None, "baltic states": None, "nato": None,
    "worldwide classified": None, "worldwide unspecified": None, "unspecified location": None, "9": None,
}

# Successor codes used for years when the former state still existed (a dataset's "Russia" in 1980 is the USSR).
FORMER: dict[str, tuple[str, int]] = {"RU": ("SU", 1991)}


def normalize(name: str) -> str:
    return fold(name.replace("&", " and "))


@lru_cache(maxsize=1)
def _name_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                table.setdefault(normalize(value), country.alpha_2)
    return table


@dataclass(frozen=True)
class Mapped:
    code: str | None
    by: str  # "code", "name", "code+name" or "none"
    disagreement: tuple[str, str] | None = None  # (code-based, name-based) when both map and differ
    reason: str | None = None


@lru_cache(maxsize=4096)
def from_code(code: str | None) -> str | None:
    if not code or code.upper() in ("NA", ""):
        return None
    code = code.strip().upper()
    if code in EXTRA_CODES:
        return EXTRA_CODES[code]
    country = pycountry.countries.get(alpha_3=code)
    return country.alpha_2 if country else None


@lru_cache(maxsize=4096)
def from_name(name: str | None) -> str | None:
    if not name:
        return None
    key = normalize(name)
    if key in NAMES:
        return NAMES[key]
    return _name_table().get(key)


def _era(code: str | None, year: int | None) -> str | None:
    if code and year is not None and code in FORMER and year <= FORMER[code][1]:
        return FORMER[code][0]
    return code


def to_iso2(code: str | None = None, name: str | None = None, year: int | None = None) -> Mapped:
    """Map a dataset's country code and/or name; ``code is None`` in the result means "report this row"."""
    by_code, by_name = from_code(code), from_name(name)
    by_code, by_name = _era(by_code, year), _era(by_name, year)
    if by_code and by_name:
        if by_code == by_name:
            return Mapped(by_code, "code+name")
        return Mapped(by_name, "name", disagreement=(by_code, by_name))
    if by_code:
        return Mapped(by_code, "code")
    if by_name:
        return Mapped(by_name, "name")
    shown = ", ".join(f"{k} {v!r}" for k, v in (("code", code), ("name", name)) if v)
    return Mapped(None, "none", reason=f"country cannot be mapped to ISO 3166 ({shown or 'empty'})")


# Words in free-text locations that name a country (beyond country names): demonyms and well-known places.
LOCATION_WORDS: dict[str, str] = {
    "peruvian": "PE", "okinawa": "JP", "hawaii": "US", "hawaiian": "US", "alaska": "US", "california": "US",
    "texas": "US", "florida": "US", "north carolina": "US", "virginia": "US", "norfolk": "US", "vieques": "PR",
    "sardinia": "IT", "sicily": "IT", "crete": "GR", "honshu": "JP", "kyushu": "JP", "hokkaido": "JP",
}


# Seas and gulfs named after a country are not in that country ("South China Sea", "Gulf of Oman").
SEAS = re.compile(r"\b(?:(?:south|east) china sea|(?:sea|gulf|straits?|bay) of [a-z]+)\b")


@lru_cache(maxsize=1)
def _location_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    words: dict[str, str] = {k: v for k, v in _name_table().items() if len(k) > 3}
    words.update({k: v for k, v in NAMES.items() if v and len(k) > 3})
    words.update(LOCATION_WORDS)
    for short in ("peru", "chad", "oman", "iraq", "iran", "mali", "cuba", "fiji", "laos", "togo", "guam", "usa",
                  "uk", "us"):
        code = words.get(short) or from_name(short) or {"uk": "GB", "us": "US"}.get(short)
        if code:
            words[short] = code
    alternatives = sorted(words, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in alternatives) + r")\b")
    return pattern, words


def country_in_text(text: str, year: int | None = None) -> str | None:
    """The first country a free-text location names (``"Atlantic Ocean, Off Recife, Brazil"`` -> ``BR``)."""
    pattern, words = _location_pattern()
    match = pattern.search(SEAS.sub(" ", normalize(text)))
    return _era(words[match.group(1)], year) if match else None
