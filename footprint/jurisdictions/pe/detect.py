"""Is this text (a legal norm, a gazette page part, a bill title as read in a vote) an authorization,
modification or report of the entry of foreign military personnel or units into Peru?

A cheap prefilter (substrings) rejects most texts; then an entry phrase ("ingreso ... de personal militar
extranjero", "ingreso de unidad naval ... de la República de Chile", "entry of ... foreign military personnel")
must occur, must not be the title of Ley 27856 itself, and must not be preceded by a look-alike phrase (Peruvian
personnel travelling, military service, pensions, visas). Phrases are tables in ``patterns``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import patterns as p
from .countries import country_regex_body


@dataclass(frozen=True)
class Detection:
    relevant: bool
    why: str
    span: tuple[int, int] | None = None

    def __bool__(self) -> bool:
        return self.relevant

    def as_dict(self) -> dict[str, object]:
        return {"relevant": self.relevant, "why": self.why, "span": list(self.span) if self.span else None}


@lru_cache(maxsize=1)
def _compiled() -> dict[str, object]:
    what = "(?:" + p.fold_pattern(p.FOREIGN_MILITARY) + "|" + p.fold_pattern(p.MILITARY_OF) + \
        country_regex_body() + ")"
    entry = re.compile(p.fold_pattern(p.ENTRY) + rf"[^;]{{0,{p.ENTRY_WINDOW}}}?" + what)
    return {
        "entry": entry,
        "military": p.rx(p.MILITARY_WORD),
        "titles": [p.rx(t) for t in p.NOT_AUTHORIZING],
        "vetoes": [(p.rx(v), reason, inside) for v, reason, inside in p.VETOES],
    }


def _entries(entry: re.Pattern[str], low: str) -> list[re.Match[str]]:
    """Matches of the entry phrase, tried only where an entry word starts."""
    return p.match_at(entry, low, p.ENTRY_STEMS)


def prefilter(low: str) -> bool:
    """True when ``low`` (lower-cased) may be relevant; False means certainly not."""
    return any(word in low for word in p.PREFILTER)


def detect(text: str, low: str | None = None) -> Detection:
    """Decide whether ``text`` authorizes or modifies the entry of foreign military personnel or units."""
    if low is None:
        plain = text.lower()  # the prefilter words have no accents: no need to fold the text first
        if not prefilter(plain):
            return Detection(False, "no military words")
        low = p.lower(text)
    elif not prefilter(low):
        return Detection(False, "no military words")
    c = _compiled()
    excluded = [m.span() for t in c["titles"] for m in t.finditer(low)  # type: ignore[attr-defined]
                ] if any(w in low for w in p.NOT_AUTHORIZING_HINTS) else []
    reason = "no entry of foreign military personnel or units"
    for m in _entries(c["entry"], low):  # type: ignore[arg-type]
        s, e = m.span()
        if any(a < e and s < b for a, b in excluded):
            reason = "only cites Ley 27856 (the law on foreign troops), authorizes nothing"
            continue
        if not c["military"].search(low, s, e):  # type: ignore[attr-defined]
            reason = "entry of foreign civilians, not military"
            continue
        veto = next((why for v, why, inside in c["vetoes"]  # type: ignore[attr-defined]
                     if v.search(low, max(0, s - p.VETO_LOOKBEHIND), e if inside else s)), None)
        if veto:
            reason = f"look-alike: {veto}"
            continue
        return Detection(True, "entry of foreign military personnel or units: " + " ".join(text[s:e].split()), (s, e))
    return Detection(False, reason)
