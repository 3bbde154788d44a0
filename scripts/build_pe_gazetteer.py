"""Build Peru's gazetteer data files from the shared geo folder.

    python scripts/build_pe_gazetteer.py /path/to/shared/data/geo

Reads the ubigeo tables (jmcastagnetto/ubigeo-peru-aumentado, MIT), ``departments.json`` and the curated
``gazetteer.json`` of cities, areas and facilities, and writes our own compact files to
``footprint/jurisdictions/pe/data/``: ``places.csv`` (one place a row, with the ids of its sources),
``sources.csv`` (the source records) and ``department_shapes.json`` (department outlines from
limites-peru-geojson, MIT, as simplified in ``peru_departamentos_simplified.geojson``). Only facts are kept
(names, codes, coordinates, parents, operators); the generated files are committed, so the package never
reads the shared folder at run time.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

from unidecode import unidecode

from footprint.model.fields import fold as key
from footprint.model.fields import slugify as slug

OUT = Path(__file__).resolve().parent.parent / "footprint" / "jurisdictions" / "pe" / "data"

UBIGEO_REPO = "https://github.com/jmcastagnetto/ubigeo-peru-aumentado"
UBIGEO_COMMIT = "a783fa66effb16fa8f3321b49a3d5e71cab15a5c"
LIMITES_REPO = "https://github.com/josedaniel-cb/limites-peru-geojson"
LIMITES_COMMIT = "3a6785ba145250c645cd8080d1c59833d40e9273"

# id, url, title, publisher, reliability
BASE_SOURCES = [
    (
        "source:ubigeo-peru-aumentado",
        f"{UBIGEO_REPO}/tree/{UBIGEO_COMMIT}",
        "ubigeo-peru-aumentado: Peru's ubigeo codes (INEI, RENIEC), ISO 3166-2 codes and capital coordinates",
        "Jesus M. Castagnetto (MIT license)",
        "dataset",
    ),
    (
        "source:limites-peru-geojson",
        f"{LIMITES_REPO}/tree/{LIMITES_COMMIT}",
        "limites-peru-geojson: Peru's department boundaries (INEI) as GeoJSON",
        "José Daniel c.b. (MIT license)",
        "dataset",
    ),
    (
        "source:iso-3166-2-pe",
        "https://www.iso.org/obp/ui/#iso:code:3166:PE",
        "ISO 3166-2:PE subdivision codes",
        "ISO",
        "official",
    ),
]

# Departments ISO 3166-2 -> extra names people write.
DEPARTMENT_ALIASES = {
    "PE-CUS": ["Cuzco"],
    "PE-CAL": ["El Callao", "Provincia Constitucional del Callao", "Región Callao"],
    "PE-LIM": ["Lima Provincias", "Región Lima", "Departamento de Lima"],
    "PE-LAL": ["Región La Libertad"],
}
PROVINCE_EXTRA = {  # province ubigeo -> (ISO 3166-2 of its own, aliases)
    "1501": ("PE-LMA", ["Lima Metropolitana", "Municipalidad Metropolitana de Lima", "Lima Cercado"]),
}

# The curated gazetteer.json entries, by their name there: our slug, extra aliases, names it wins when
# ambiguous ("prefer"). ``None`` as slug folds the entry into its district (coordinates and aliases).
CURATED = {
    "Santa Lucía": (None, [], ["Santa Lucía"]),
    "VRAEM (Valle de los ríos Apurímac, Ene y Mantaro)": (
        "vraem",
        ["VRAEM", "Valle de los ríos Apurímac, Ene y Mantaro", "Valle de los Ríos Apurímac y Ene"],
        [],
    ),
    "Base Naval del Callao": ("base-naval-callao", ["BNC"], []),
    "Base Naval de la Isla San Lorenzo": (
        "base-naval-isla-san-lorenzo",
        ["Isla San Lorenzo", "Isla de San Lorenzo"],
        [],
    ),
    'Centro Médico Naval "Cirujano Mayor Santiago Távara" (sede de NAMRU SOUTH, ex NAMRU-6)': (
        "centro-medico-naval",
        [
            "Centro Médico Naval",
            "Centro Medico Naval Cirujano Mayor Santiago Tavara",
            "NAMRU-6",
            "NAMRU SOUTH",
            "NAMRU 6",
        ],
        [],
    ),
    "Clínica Naval de Iquitos (laboratorio NAMRU SOUTH)": (
        "clinica-naval-iquitos",
        ["Clínica Naval de Iquitos"],
        [],
    ),
    "Base Naval de Iquitos (BASNAY)": (
        "base-naval-iquitos",
        ["Base Naval de Iquitos", "Base Naval de Nanay", "Nanay", "Base Naval Nanay"],
        [],
    ),
    "Base Aérea Santa Clara (FAP, Iquitos)": ("base-aerea-santa-clara", ["Base Aérea Santa Clara"], []),
    "Base de Infantería de Marina (Ancón)": (
        "base-infanteria-marina-ancon",
        ["Base de Infantería de Marina", "Base de Infantería de Marina de Ancón"],
        [],
    ),
    "Base Aérea Las Palmas": ("base-aerea-las-palmas", ["Las Palmas", "Base Aérea de Las Palmas"], []),
    'Base Aérea "Mayor Gral. FAP Armando Revoredo Iglesias" (Ala Aérea N° 2)': (
        "base-aerea-callao",
        ["Ala Aérea N° 2", "Base Aérea del Callao", "Base Aérea Armando Revoredo Iglesias"],
        [],
    ),
    "Aeropuerto Internacional Jorge Chávez": ("aeropuerto-jorge-chavez", ["Aeropuerto Jorge Chávez"], []),
    'Base Aérea de Pisco "Capitán FAP Renán Elías Olivera"': ("base-aerea-pisco", ["Base Aérea Pisco"], []),
    "Base Aérea La Joya (Grupo Aéreo N° 4)": (
        "base-aerea-la-joya",
        ["Base Aérea La Joya", "Base Aérea de La Joya", "Grupo Aéreo N° 4"],
        [],
    ),
    "Base Aérea El Pato (Talara)": ("base-aerea-el-pato", ["Base Aérea El Pato", "Base Aérea de Talara"], []),
    'Base Aérea de Chiclayo "Capitán FAP José A. Quiñones Gonzales"': (
        "base-aerea-chiclayo",
        ["Base Aérea de Chiclayo"],
        [],
    ),
    "Base Policial Antidrogas de Santa Lucía": (
        "base-antidrogas-santa-lucia",
        ["Base Antidrogas de Santa Lucía"],
        [],
    ),
    "Base Antidrogas de Mazamari": ("base-antidrogas-mazamari", [], []),
    "Base Militar de Mazamari": ("base-militar-mazamari", [], []),
    "Fuerte Pichari (Fuerte Wari) - sede del Comando Especial VRAEM": (
        "fuerte-pichari",
        ["Fuerte Pichari"],
        [],
    ),
    "Base del Frente Policial VRAEM (Pichari)": (
        "base-frente-policial-vraem",
        ["Base del Frente Policial VRAEM"],
        [],
    ),
    "Escuela Militar de Chorrillos / Escuela de Comandos del Ejército": (
        "escuela-militar-chorrillos",
        ["Escuela Militar de Chorrillos", "Escuela de Comandos del Ejército"],
        [],
    ),
}
LEVELS = {"city": "city", "region": "area", "facility": "facility"}
SMALL_WORDS = {"de", "del", "la", "las", "los", "el", "y", "e", "en"}
COLUMNS = [
    "id",
    "level",
    "name",
    "ubigeo",
    "iso_3166_2",
    "lat",
    "lon",
    "parent",
    "aliases",
    "prefer",
    "sources",
    "notes",
]


def coord(value: str | float | None) -> str:
    if value in (None, "", "NA"):
        return ""
    return f"{float(value):.5f}"


def accent_table(*names: str) -> dict[str, str]:
    """Upper-case ASCII word -> its accented spelling, learnt from the names written with accents."""
    seen: Counter[tuple[str, str]] = Counter()
    for name in names:
        for word in re.findall(r"[^\W\d_]+", name):
            if not word.isascii():
                seen[(unidecode(word).upper(), word.lower())] += 1
    table: dict[str, str] = {}
    for (plain, accented), _ in seen.most_common():
        table.setdefault(plain, accented)
    return table


def display(upper: str, accents: dict[str, str]) -> str:
    """``SAN JUAN DE LA VIRGEN`` -> ``San Juan de la Virgen``, with accents restored where known."""
    out = []
    for i, part in enumerate(re.split(r"(\s+|-)", upper.strip())):
        if not part.strip() or part == "-":
            out.append(part)
            continue
        word = accents.get(unidecode(part).upper(), part.lower())
        out.append(word if (i > 0 and word in SMALL_WORDS) else word[:1].upper() + word[1:])
    return "".join(out)


def place_row(**fields: str) -> dict[str, str]:
    """A ``places.csv`` row: the columns given, the others empty."""
    return {column: fields.get(column, "") for column in COLUMNS}


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def web_source(url: str) -> str:
    host = url.split("/")[2].removeprefix("www.").rstrip(".")
    return f"source:web-{slug(host)}-{hashlib.sha1(url.encode()).hexdigest()[:8]}"


def build(geo: Path) -> tuple[list[dict[str, str]], list[tuple[str, ...]]]:
    deps = json.loads((geo / "departments.json").read_text())
    provs = read_csv(geo / "ubigeo_provincia.csv")
    dists = read_csv(geo / "ubigeo_distrito.csv")
    curated = json.loads((geo / "gazetteer.json").read_text())
    accents = accent_table(
        *(r["capital"] for r in provs + dists), *(d["name"] for d in deps), *(c["name"] for c in curated)
    )
    src = "source:ubigeo-peru-aumentado"
    rows: list[dict[str, str]] = [
        place_row(
            id="place:pe",
            level="country",
            name="Perú",
            aliases="Peru|República del Perú",
            sources="source:iso-3166-2-pe",
        )
    ]
    dep_id: dict[str, str] = {}
    for d in sorted(deps, key=lambda d: d["ubigeo"]):
        iso = d["iso_3166_2"]
        dep_id[d["ubigeo"]] = f"place:pe-{iso[3:].lower()}"
        rows.append(
            place_row(
                id=dep_id[d["ubigeo"]],
                level="department",
                name=d["name"],
                ubigeo=d["ubigeo"],
                iso_3166_2=iso,
                lat=coord(d["capital_lat"]),
                lon=coord(d["capital_lon"]),
                parent="place:pe",
                aliases="|".join(DEPARTMENT_ALIASES.get(iso, [])),
                sources=f"{src}|source:iso-3166-2-pe",
                notes=f"Capital: {d['capital']}",
            )
        )
    for p in provs:
        ubigeo = p["inei"][:4]
        iso, aliases = PROVINCE_EXTRA.get(ubigeo, (p["iso_3166_2"], []))
        rows.append(
            place_row(
                id=f"place:pe-{ubigeo}",
                level="province",
                name=display(p["provincia"], accents),
                ubigeo=ubigeo,
                iso_3166_2=iso,
                lat=coord(p["latitude"]),
                lon=coord(p["longitude"]),
                parent=dep_id[ubigeo[:2]],
                aliases="|".join(aliases),
                sources=src,
                notes=f"Capital: {' '.join(p['capital'].split())}",
            )
        )
    # RENIEC province prefix -> INEI province prefix, to place the one district without an INEI code
    reniec_to_inei = {
        r["reniec"][:4]: r["inei"][:4] for r in dists if r["inei"] != "NA" and r["reniec"] != "NA"
    }
    by_ubigeo: dict[str, dict[str, str]] = {}
    for r in dists:
        notes = ""
        ubigeo = r["inei"]
        if ubigeo == "NA":
            ubigeo = reniec_to_inei[r["reniec"][:4]] + r["reniec"][4:]
            notes = f"INEI code derived from RENIEC code {r['reniec']} (the source gives no INEI code). "
        row = place_row(
            id=f"place:pe-{ubigeo}",
            level="district",
            name=display(r["distrito"], accents),
            ubigeo=ubigeo,
            iso_3166_2=r["iso_3166_2"],
            lat=coord(r["latitude"]),
            lon=coord(r["longitude"]),
            parent=f"place:pe-{ubigeo[:4]}",
            sources=src,
            notes=(notes + (f"Capital: {' '.join(r['capital'].split())}" if r["capital"] != "NA" else "")),
        )
        rows.append(row)
        by_ubigeo[ubigeo] = row
    sources: dict[str, tuple[str, ...]] = {s[0]: s for s in BASE_SOURCES}
    for c in curated:
        if c["name"] not in CURATED and c["kind"] != "city":
            raise SystemExit(f"gazetteer.json: {c['name']!r} has no entry in CURATED")
        own_slug, aliases, prefer = CURATED.get(c["name"], (slug(c["name"]), [], []))
        ids = []
        for s in c["sources"]:
            url = s.split(" ")[0]
            if url.startswith(UBIGEO_REPO):
                ids.append(src)
                continue
            sid = web_source(url)
            sources.setdefault(
                sid, (sid, url, "", url.split("/")[2].removeprefix("www.").rstrip("."), "other")
            )
            ids.append(sid)
        ids = list(dict.fromkeys(ids))
        names = list(dict.fromkeys([*aliases, *(c.get("alt_names") or [])]))
        if own_slug is None:  # folded into its district
            row = by_ubigeo[c["ubigeo"]]
            if not row["lat"]:
                row["lat"], row["lon"] = coord(c["lat"]), coord(c["lon"])
                row["sources"] = "|".join(dict.fromkeys([src, *ids]))
                row["notes"] += "; coordinates: the town's INEI centro poblado point"
            row["prefer"] = "|".join(prefer)
            continue
        notes = []
        if c.get("operator"):
            notes.append(f"Operator: {c['operator']}")
        if c.get("facility_type"):
            notes.append(f"Type: {c['facility_type']}")
        if c.get("iso_3166_2_list"):
            notes.append("Spans: " + ", ".join(c["iso_3166_2_list"]))
        if c.get("coord_precision"):
            notes.append(f"Coordinates: {c['coord_precision']}")
        rows.append(
            place_row(
                id=f"place:pe-{own_slug}",
                level=LEVELS[c["kind"]],
                name=c["name"],
                ubigeo=c["ubigeo"] or "",
                iso_3166_2=c["iso_3166_2"] or "",
                lat=coord(c["lat"]),
                lon=coord(c["lon"]),
                parent=f"place:pe-{c['ubigeo']}" if c["ubigeo"] else "place:pe",
                aliases="|".join(n for n in names if key(n) != key(c["name"])),
                prefer="|".join(prefer),
                sources="|".join(ids),
                notes="; ".join(notes),
            )
        )
    ids_seen = Counter(r["id"] for r in rows)
    dup = [i for i, n in ids_seen.items() if n > 1]
    if dup:
        raise SystemExit(f"duplicate place ids: {dup}")
    return rows, sorted(sources.values())


def shapes(geo: Path) -> dict[str, object]:
    """Department outlines: ubigeo -> polygons -> rings as flat ``[lon, lat, lon, lat, ...]`` lists."""
    features = json.loads((geo / "peru_departamentos_simplified.geojson").read_text())["features"]
    out: dict[str, list[list[list[float]]]] = {}
    for feature in sorted(features, key=lambda f: f["properties"]["ubigeo"]):
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        out[feature["properties"]["ubigeo"]] = [
            [[round(v, 4) for point in ring for v in point[:2]] for ring in poly] for poly in polygons
        ]
    return {
        "source": "source:limites-peru-geojson",
        "format": "ubigeo -> polygons -> rings [lon, lat, ...]",
        "departments": out,
    }


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    rows, sources = build(Path(argv[1]))
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "places.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    with (OUT / "sources.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "url", "title", "publisher", "reliability"])
        w.writerows(sources)
    (OUT / "department_shapes.json").write_text(
        json.dumps(shapes(Path(argv[1])), separators=(",", ":")) + "\n"
    )
    levels = Counter(r["level"] for r in rows)
    print(f"wrote {len(rows)} places ({dict(levels)}) and {len(sources)} sources to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
