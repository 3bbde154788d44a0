"""Visiting countries as Peruvian legal texts name them -> ISO 3166-1 alpha-2 (a table, run by ``find_countries``).

Names are lower case without accents (the matcher is accent-tolerant). Forces ("Armada Argentina", "Guardia
Costera de los Estados Unidos") map to their country. Peru, the host, is never a visiting country.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .patterns import alternation, fold_pattern

COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "US": ("estados unidos de america", "estados unidos de norteamerica", "estados unidos", "ee.uu.", "ee. uu.",
           "eeuu", "ee.uu", "united states of america", "united states", "u.s.", "u.s.a.", "norteamerica",
           "guardia costera de los estados unidos", "us navy", "u.s. navy", "us army", "u.s. army",
           "us coast guard", "u.s. coast guard", "comando sur", "southcom", "u.s. southern command"),
    "AR": ("argentina", "republica argentina", "armada argentina", "ejercito argentino"),
    "BO": ("bolivia", "estado plurinacional de bolivia"),
    "BR": ("brasil", "brazil", "republica federativa del brasil", "marinha do brasil"),
    "CL": ("chile", "republica de chile", "armada de chile"),
    "CO": ("colombia", "republica de colombia", "armada de colombia", "armada nacional de colombia"),
    "EC": ("ecuador", "republica del ecuador", "armada del ecuador"),
    "MX": ("mexico", "estados unidos mexicanos", "armada de mexico"),
    "CA": ("canada",),
    "GB": ("reino unido", "reino unido de gran bretana", "gran bretana", "united kingdom", "royal navy"),
    "FR": ("francia", "republica francesa", "france", "marine nationale"),
    "ES": ("espana", "reino de espana", "spain", "armada espanola"),
    "DE": ("alemania", "republica federal de alemania", "germany"),
    "IT": ("italia", "republica italiana", "italy"),
    "NL": ("paises bajos", "reino de los paises bajos", "holanda", "netherlands"),
    "PT": ("portugal",),
    "JP": ("japon", "japan", "fuerza maritima de autodefensa de japon"),
    "KR": ("republica de corea", "corea del sur", "south korea", "korea"),
    "CN": ("china", "republica popular china", "people's republic of china"),
    "RU": ("rusia", "federacion de rusia", "federacion rusa", "russia"),
    "IN": ("india",),
    "IL": ("israel", "estado de israel"),
    "AU": ("australia",),
    "NZ": ("nueva zelanda", "new zealand"),
    "PA": ("panama", "republica de panama"),
    "UY": ("uruguay", "republica oriental del uruguay"),
    "PY": ("paraguay",),
    "VE": ("venezuela",),
    "GT": ("guatemala",),
    "HN": ("honduras",),
    "SV": ("el salvador",),
    "DO": ("republica dominicana", "dominican republic"),
    "CU": ("cuba",),
    "TR": ("turquia", "turkey"),
}

ISO_BY_NAME = {name: iso for iso, names in COUNTRY_NAMES.items() for name in names}


@lru_cache(maxsize=1)
def country_pattern() -> re.Pattern[str]:
    """One regex for every name (accent-tolerant, on lower-cased text), longest names first."""
    body = fold_pattern(alternation(tuple(ISO_BY_NAME)))
    # "Amér ica": OCR may break a word; allow one stray space inside "america".
    body = body.replace("america", "amer\\s?ica")
    return re.compile(r"(?<![\w.])" + body + r"(?![\w])")


@lru_cache(maxsize=8192)
def iso_of(name: str) -> str | None:
    from .patterns import lower

    key = " ".join(lower(name).split())
    return ISO_BY_NAME.get(key.replace("amer ica", "america"))


def find_countries(low: str, start: int = 0, end: int | None = None) -> list[tuple[str, tuple[int, int]]]:
    """(iso, span) for every country name in ``low[start:end]``, in order; Peru never appears."""
    out = []
    for m in country_pattern().finditer(low, start, len(low) if end is None else end):
        iso = iso_of(m.group(0))
        if iso and iso != "PE":
            out.append((iso, (m.start(), m.end())))
    return out


def country_regex_body() -> str:
    """The country alternation, for patterns that need "military personnel of <country>"."""
    return country_pattern().pattern
