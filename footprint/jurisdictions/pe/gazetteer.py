"""Peru's gazetteer: departments, provinces and districts (ubigeo, ISO 3166-2, capital coordinates), plus the
cities, areas and facilities that appear in authorizations.

The data is our own compact file ``data/places.csv`` (made by ``scripts/build_pe_gazetteer.py`` from the
ubigeo-peru-aumentado tables and a curated list; see ``data/NOTICE.md``). Matching is accent- and
case-insensitive. When a name belongs to several places, the highest level wins (department, then province,
then city / area / facility, then district) unless a place ``prefer``s the name (``Santa Lucía`` is the
district in Tocache) or a context narrows the candidates to one department; a tie at the same level stays
unresolved.

    >>> resolve("Iquitos").id
    'place:pe-iquitos'
    >>> resolve("Santa Lucía", context="Puno").ubigeo
    '210709'
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ...errors import UnknownPlace
from ...model import Citation, Place, PlaceLevel, Source
from ...model.fields import fold as normalize

DATA = Path(__file__).resolve().parent / "data"

# Lower rank wins an ambiguous name.
RANK = {
    "country": 0,
    "department": 1,
    "province": 2,
    "city": 3,
    "area": 3,
    "facility": 3,
    "sea": 3,
    "district": 4,
}

# Words written before a name that say which level is meant ("distrito de Pucusana").
LEVEL_WORDS: dict[str, tuple[str, ...]] = {
    "departamento": ("department",),
    "region": ("department",),
    "provincia": ("province",),
    "distrito": ("district",),
    "ciudad": ("city", "district"),
    "localidad": ("city", "district"),
    "departamentos": ("department",),
    "regiones": ("department",),
    "provincias": ("province",),
    "distritos": ("district",),
    "ciudades": ("city", "district"),
    "localidades": ("city", "district"),
}
PREFIX = re.compile(r"^(?P<word>" + "|".join(LEVEL_WORDS) + r")(?: de(?:l)?)? (?P<rest>.+)$")

# Names that are also ordinary words: in running text they count only after a level word ("distrito de ...").
COMMON_WORDS = frozenset(
    {
        "independencia",
        "progreso",
        "constitucion",
        "santa",
        "florida",
        "colonia",
        "pampas",
        "maria",
        "mala",
        "union",
        "la union",
        "paz",
        "la paz",
        "libertad",
        "esperanza",
        "la esperanza",
        "victoria",
        "la victoria",
        "primavera",
        "la primavera",
        "porvenir",
        "el porvenir",
        "carmen",
        "el carmen",
        "alto",
        "el alto",
        "industrial",
        "huaca",
        "la huaca",
        "pueblo nuevo",
        "nuevo progreso",
        "providencia",
        "la punta",
        "punta",
    }
)


@dataclass(frozen=True)
class PlaceMatch:
    """A place of the gazetteer (what ``resolve`` and ``find_all`` return)."""

    id: str
    name: str
    level: str
    ubigeo: str | None
    iso_3166_2: str | None
    lat: float | None
    lon: float | None
    parent: str | None
    aliases: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    notes: str | None = None
    prefer: tuple[str, ...] = field(default=(), repr=False)

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "level": self.level,
            "ubigeo": self.ubigeo,
            "iso_3166_2": self.iso_3166_2,
            "lat": self.lat,
            "lon": self.lon,
            "parent": self.parent,
        }


def _float(value: str) -> float | None:
    return float(value) if value else None


class Gazetteer:
    """All places, indexed by id, ubigeo, ISO code and normalized name."""

    def __init__(self, places: list[PlaceMatch], sources: list[Source], folder: Path = DATA) -> None:
        self.folder = folder
        self.places = {p.id: p for p in places}
        self.sources = {s.id: s for s in sources}
        self.by_ubigeo = {
            p.ubigeo: p for p in places if p.ubigeo and p.level in ("department", "province", "district")
        }
        self.by_iso: dict[str, PlaceMatch] = {}
        self.names: dict[str, list[PlaceMatch]] = {}
        self.preferred: dict[str, PlaceMatch] = {}
        for p in places:
            known = self.by_iso.get(p.iso_3166_2 or "")
            if p.iso_3166_2 and (known is None or RANK[p.level] < RANK[known.level]):
                self.by_iso[p.iso_3166_2] = p
            for name in {normalize(n) for n in (p.name, *p.aliases)}:
                self.names.setdefault(name, []).append(p)
            for name in p.prefer:
                self.preferred[normalize(name)] = p
        self._first_words = {name.split(" ", 1)[0] for name in self.names}
        self._longest = max(len(name.split(" ")) for name in self.names)

    @classmethod
    def load(cls, folder: Path = DATA) -> Gazetteer:
        with (folder / "places.csv").open(encoding="utf-8", newline="") as f:
            places = [
                PlaceMatch(
                    id=r["id"],
                    name=r["name"],
                    level=r["level"],
                    ubigeo=r["ubigeo"] or None,
                    iso_3166_2=r["iso_3166_2"] or None,
                    lat=_float(r["lat"]),
                    lon=_float(r["lon"]),
                    parent=r["parent"] or None,
                    aliases=tuple(a for a in r["aliases"].split("|") if a),
                    sources=tuple(s for s in r["sources"].split("|") if s),
                    notes=r["notes"] or None,
                    prefer=tuple(a for a in r["prefer"].split("|") if a),
                )
                for r in csv.DictReader(f)
            ]
        with (folder / "sources.csv").open(encoding="utf-8", newline="") as f:
            sources = [Source.model_validate({k: v for k, v in r.items() if v}) for r in csv.DictReader(f)]
        return cls(places, sources, folder)

    # --- lookups -------------------------------------------------------------------------------------------

    def get(self, place_id: str) -> PlaceMatch | None:
        return self.places.get(place_id)

    def count(self, level: str) -> int:
        return sum(1 for p in self.places.values() if p.level == level)

    def ancestors(self, match: PlaceMatch) -> list[PlaceMatch]:
        """The parents of a place, nearest first, up to the country."""
        out = []
        parent = match.parent
        while parent:
            place = self.places[parent]
            out.append(place)
            parent = place.parent
        return out

    def department(self, match: PlaceMatch) -> PlaceMatch | None:
        """The department a place lies in (itself for a department; ``None`` for the country and areas)."""
        for place in (match, *self.ancestors(match)):
            if place.level == "department":
                return place
        return None

    def candidates(self, name: str, context: str | None = None) -> list[PlaceMatch]:
        """Every place a name can mean, best first (narrowed to the context's department if one is there)."""
        text = normalize(name)
        levels: tuple[str, ...] = ()
        m = PREFIX.match(text)
        if m and m.group("rest") in self.names and text not in self.names:
            levels = LEVEL_WORDS[m.group("word")]
            text = m.group("rest")
        found = list(self.names.get(text, []))
        if levels and any(p.level in levels for p in found):
            found = [p for p in found if p.level in levels]
        if context and len(found) > 1:
            scope = self._context(context)
            inside = [p for p in found if scope is not None and self._within(p, scope)]
            found = inside or found
        preferred = self.preferred.get(text)
        return sorted(found, key=lambda p: (p is not preferred, RANK[p.level], p.id))

    def resolve(self, name: str, context: str | None = None) -> PlaceMatch | None:
        """The place a name (or id, ubigeo, ISO 3166-2 code) means; ``None``: unknown, or a same-level tie."""
        name = name.strip()
        if name in self.places:
            return self.places[name]
        if re.fullmatch(r"\d{2}|\d{4}|\d{6}", name):
            return self.by_ubigeo.get(name)
        if re.fullmatch(r"(?i)pe-[a-z]{3}", name):
            return self.by_iso.get(name.upper())
        found = self.candidates(name, context)
        if not found:
            return None
        best = found[0]
        if self.preferred.get(_bare(normalize(name))) is best:
            return best
        if len(found) > 1 and RANK[found[1].level] == RANK[best.level]:
            return None
        return best

    def require(self, name: str, context: str | None = None) -> PlaceMatch:
        """Like ``resolve``, but an unknown or ambiguous name raises ``UnknownPlace`` saying which it is."""
        match = self.resolve(name, context)
        if match is not None:
            return match
        found = self.candidates(name, context)
        if len(found) > 1:
            listed = ", ".join(f"{p.name} ({p.id})" for p in found[:5])
            more = f" and {len(found) - 5} more" if len(found) > 5 else ""
            raise UnknownPlace(f"{name!r} is ambiguous: {listed}{more}; give its department as context")
        raise UnknownPlace(f"{name!r} is not a place of Peru's gazetteer")

    def _context(self, context: str) -> PlaceMatch | None:
        place = self.resolve(context)
        return (self.department(place) or place) if place else None

    def _within(self, place: PlaceMatch, scope: PlaceMatch) -> bool:
        return scope.id in {place.id, *(a.id for a in self.ancestors(place))}

    # --- scanning text -------------------------------------------------------------------------------------

    def find_all(self, text: str, context: str | None = None) -> list[tuple[tuple[int, int], PlaceMatch]]:
        """Places named in a text, as ``((start, end), match)`` with character offsets into ``text``.

        The longest name wins at each position; a name must start with a capital letter, and names that are
        also ordinary words need a level word before them (``distrito de Independencia``). Names that several
        places share are narrowed by ``context`` or, failing that, by the departments the text itself names.
        """
        words = list(_words(text))
        hits: list[tuple[tuple[int, int], str, str | None]] = []
        i = 0
        while i < len(words):
            if words[i][0] not in self._first_words:
                i += 1
                continue
            for n in range(min(self._longest, len(words) - i), 0, -1):
                key = " ".join(w for w, _, _ in words[i : i + n])
                if key not in self.names:
                    continue
                start, end = words[i][1], words[i + n - 1][2]
                level_word = words[i - 1][0] if i > 0 else None
                if level_word in ("de", "del") and i > 1:
                    level_word = words[i - 2][0]
                named_level = level_word if level_word in LEVEL_WORDS else None
                if self._accept(text, key, start, named_level) and (
                    named_level or not _inside_longer_name(text, words, i, i + n)
                ):
                    hits.append(((start, end), key, named_level))
                    i += n - 1
                    break
            i += 1
        departments = [(span, p) for span, key, _ in hits for p in self.names[key] if p.level == "department"]
        out = []
        for span, key, named_level in hits:
            name = f"{named_level} {key}" if named_level else key
            match = self.resolve(name, context)
            if match is None and not context:
                # the nearest department the text names that holds the name decides (a tie there stays a tie)
                for _, dep in sorted(departments, key=lambda d: abs(d[0][0] - span[0])):
                    if any(self._within(p, dep) for p in self.candidates(name, dep.id)):
                        match = self.resolve(name, dep.id)
                        break
            if match is not None:
                out.append((span, match))
        return out

    def _accept(self, text: str, key: str, start: int, named_level: str | None) -> bool:
        if not text[start].isupper():
            return False
        if named_level:
            return True
        if key in COMMON_WORDS:
            return False
        places = [p for p in self.names[key] if p.level != "country"]
        if len(key) <= 3:  # Ica, Ilo yes; a district like Ayo only after a level word (OCR leaves such bits)
            return any(p.level != "district" for p in places)
        return bool(places)

    # --- points --------------------------------------------------------------------------------------------

    def department_of(self, lat: float, lon: float, *, tolerance: float = 0.25) -> PlaceMatch | None:
        """The department a point lies in (outlines of limites-peru-geojson). A point just off the outlines
        (an island, a pier: San Lorenzo, Pucusana) takes the nearest department within ``tolerance`` degrees;
        farther away, ``None``."""
        shapes = self._shapes()
        for ubigeo, polygons in shapes.items():
            if any(_inside(lon, lat, rings) for rings in polygons):
                return self.by_ubigeo[ubigeo]
        best, nearest = None, tolerance
        for ubigeo, polygons in shapes.items():
            for rings in polygons:
                ring = rings[0]
                for i in range(0, len(ring) - 2, 2):
                    d = _segment_distance(lon, lat, ring[i], ring[i + 1], ring[i + 2], ring[i + 3])
                    if d < nearest:
                        best, nearest = ubigeo, d
        return self.by_ubigeo[best] if best else None

    def _shapes(self) -> dict[str, list[list[list[float]]]]:
        if not hasattr(self, "_shape_cache"):
            path = self.folder / "department_shapes.json"
            self._shape_cache: dict[str, list[list[list[float]]]] = (
                json.loads(path.read_text(encoding="utf-8"))["departments"] if path.exists() else {}
            )
        return self._shape_cache

    # --- records -------------------------------------------------------------------------------------------

    def place_record(self, match: PlaceMatch) -> Place:
        """The registry record of a place, citing its sources."""
        return Place(
            id=match.id,
            name=match.name,
            level=PlaceLevel(match.level),
            country="PE",
            iso_3166_2=match.iso_3166_2,
            ubigeo=match.ubigeo,
            parent=match.parent,
            lat=match.lat,
            lon=match.lon,
            aliases=list(match.aliases),
            notes=match.notes,
            sources=[Citation(source=s) for s in match.sources],
        )

    def records_for(self, matches: list[PlaceMatch]) -> list[Place | Source]:
        """Place records of the matches and of all their parents, plus the Source records they cite."""
        places: dict[str, PlaceMatch] = {}
        for match in matches:
            for place in (match, *self.ancestors(match)):
                places.setdefault(place.id, place)
        source_ids = sorted({s for p in places.values() for s in p.sources})
        return [*(self.sources[s] for s in source_ids), *(self.place_record(p) for p in places.values())]

    def source_records(self) -> list[Source]:
        return list(self.sources.values())


def _inside(x: float, y: float, rings: list[list[float]]) -> bool:
    """Even-odd rule over an outer ring and its holes (flat ``[x, y, x, y, ...]`` lists)."""
    inside = False
    for ring in rings:
        n = len(ring) // 2
        j = n - 1
        for i in range(n):
            xi, yi, xj, yj = ring[2 * i], ring[2 * i + 1], ring[2 * j], ring[2 * j + 1]
            if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
                inside = not inside
            j = i
    return inside


def _segment_distance(x: float, y: float, ax: float, ay: float, bx: float, by: float) -> float:
    dx, dy = bx - ax, by - ay
    t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    return float(((x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2) ** 0.5)


# Small words that join names ("Puerto Maldonado y Pucusana"), not names themselves.
JOINERS = frozenset(
    {
        "de",
        "del",
        "la",
        "las",
        "los",
        "el",
        "y",
        "e",
        "en",
        "a",
        "al",
        "o",
        "u",
        "con",
        "por",
        "para",
        "desde",
        "hasta",
        "entre",
        "sobre",
    }
)


def _is_name_word(text: str, word: tuple[str, int, int]) -> bool:
    return text[word[1]].isupper() and word[0] not in JOINERS and word[0] not in LEVEL_WORDS


def _inside_longer_name(text: str, words: list[tuple[str, int, int]], first: int, stop: int) -> bool:
    """Is the match part of a longer proper name, a person's (``Marco Antonio``, ``ZUÑIGA MORALES``) or a
    foreign place's (``Las Palmas de Gran Canaria``)? True when a capitalised word touches it (only spaces
    between), or ``de``/``del`` and a capitalised word follow it."""

    def touching(a: int, b: int) -> bool:
        return not text[words[a][2] : words[b][1]].strip()

    if first > 0 and touching(first - 1, first) and _is_name_word(text, words[first - 1]):
        return True
    if stop < len(words) and touching(stop - 1, stop):
        if _is_name_word(text, words[stop]):
            return True
        if words[stop][0] in ("de", "del") and stop + 1 < len(words) and touching(stop, stop + 1):
            return _is_name_word(text, words[stop + 1])
    return False


def _bare(text: str) -> str:
    m = PREFIX.match(text)
    return m.group("rest") if m else text


def _words(text: str) -> Iterator[tuple[str, int, int]]:
    """Normalized words of a text with their character span in the original."""
    for m in re.finditer(r"[^\W_]+", text):
        word = m.group()
        plain = word.lower() if word.isascii() else normalize(word).replace(" ", "")
        if plain:
            yield plain, m.start(), m.end()


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process."""
    return Gazetteer.load()


def resolve(name: str, context: str | None = None) -> PlaceMatch | None:
    return gazetteer().resolve(name, context)


def find_all(text: str, context: str | None = None) -> list[tuple[tuple[int, int], PlaceMatch]]:
    return gazetteer().find_all(text, context)


def place_record(match: PlaceMatch) -> Place:
    return gazetteer().place_record(match)


def department_of(lat: float, lon: float) -> PlaceMatch | None:
    return gazetteer().department_of(lat, lon)


__all__ = [
    "Gazetteer",
    "PlaceMatch",
    "department_of",
    "find_all",
    "gazetteer",
    "normalize",
    "place_record",
    "resolve",
]
