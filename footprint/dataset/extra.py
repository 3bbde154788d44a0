"""Exports for maps and humanitarian tools: GeoJSON (sites, places, temporary facilities with coordinates) and
HXL-tagged CSV (assistance records, with the adm1 department resolved through the place hierarchy).

``write(fmt, records, path) -> {kind: count}`` counts what was written; records without coordinates have no place
on a map and are left out of GeoJSON, listed with the reason under the collection's ``"skipped"`` member.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import orjson

from ..errors import InputError
from ..model import Record, Site, Source, dump_record

FORMATS = ("geojson", "hxl")
MAP_KINDS = ("site", "place", "facility")

# HXL columns: (header, hashtag, value of an assistance row)
HXL_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("id", "#activity+id", "id"),
    ("title", "#activity+name", "title"),
    ("provider", "#org+prov", "provider"),
    ("provider_country", "#country+prov+code", "provider_country"),
    ("partners", "#org+impl", "partners"),
    ("sector", "#sector", "sector"),
    ("host_country", "#country+code", "host_country"),
    ("department", "#adm1+name", "adm1_name"),
    ("department_code", "#adm1+code", "adm1_code"),
    ("location", "#loc+name", "place_name"),
    ("start", "#date+start", "start"),
    ("end", "#date+end", "end"),
    ("reached", "#reached", "reached"),
    ("quantity", "#output+num", "quantity"),
    ("unit", "#output+unit", "unit"),
    ("value_usd", "#value+usd", "value_usd"),
    ("activity", "#activity+code", "activity"),
    ("source_url", "#meta+url", "source_url"),
)


def _coordinates(record: Any, places: dict[str, Any]) -> tuple[float, float] | None:
    """The record's own point, else (temporary facilities, sites) the point of its place."""
    lat, lon = getattr(record, "lat", None), getattr(record, "lon", None)
    if lat is not None and lon is not None:
        return lat, lon
    place_id = getattr(record, "place", None) or ""
    place: Any = places.get(place_id)
    if place is None and place_id.startswith("place:pe"):
        from ..jurisdictions.pe.gazetteer import gazetteer

        place = gazetteer().get(place_id)
    if place is not None and place.lat is not None and place.lon is not None:
        return place.lat, place.lon
    return None


def feature(record: Record, lat: float, lon: float) -> dict[str, Any]:
    properties = dump_record(record)
    properties.pop("lat", None)
    properties.pop("lon", None)
    properties["kind"] = record.kind
    properties["name"] = record.label()
    properties["coordinates_from"] = "record" if getattr(record, "lat", None) is not None else "place"
    return {"type": "Feature", "id": record.id, "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": properties}


def geojson(records: Iterable[Record]) -> tuple[dict[str, Any], dict[str, int]]:
    records = list(records)
    places = {r.id: r for r in records if r.kind == "place"}
    features: list[dict[str, Any]] = []
    counts: dict[str, int] = {}
    skipped: list[str] = []
    for record in records:
        if record.kind not in MAP_KINDS:
            continue
        point = _coordinates(record, places)
        if point is None:
            skipped.append(record.id)
            continue
        features.append(feature(record, *point))
        counts[record.kind] = counts.get(record.kind, 0) + 1
    collection: dict[str, Any] = {"type": "FeatureCollection", "features": features}
    if skipped:
        collection["skipped"] = {"reason": "no coordinates, neither their own nor their place's", "ids": skipped}
    return collection, counts


def _department(place_id: str | None, places: dict[str, Any]) -> Any:
    """The department (adm1) a place lies in: through the exported place records, else Peru's gazetteer."""
    seen = set()
    while place_id and place_id in places and place_id not in seen:
        seen.add(place_id)
        place = places[place_id]
        if place.level == "department":
            return place
        place_id = place.parent
    if place_id and place_id.startswith("place:pe"):
        from ..jurisdictions.pe.gazetteer import gazetteer

        g = gazetteer()
        match = g.get(place_id)
        return g.department(match) if match else None
    return None


def _place_name(place_id: str | None, places: dict[str, Any]) -> str | None:
    if place_id in places:
        return str(places[place_id].name)
    if place_id and place_id.startswith("place:pe"):
        from ..jurisdictions.pe.gazetteer import gazetteer

        match = gazetteer().get(place_id)
        return match.name if match else None
    return None


def hxl_rows(records: Iterable[Record]) -> list[dict[str, Any]]:
    records = list(records)
    places = {r.id: r for r in records if r.kind == "place"}
    sites = {r.id: r for r in records if isinstance(r, Site)}
    sources = {r.id: r for r in records if isinstance(r, Source)}
    rows = []
    for record in records:
        if record.kind != "assistance":
            continue
        data = dump_record(record)
        place_id = data.get("place") or (sites[data["site"]].place if data.get("site") in sites else None)
        department = _department(place_id, places)
        url = next((sources[c.source].url for c in record.sources if c.source in sources and
                    sources[c.source].url), None)
        data.update(adm1_name=department.name if department else None,
                    adm1_code=department.iso_3166_2 if department else None,
                    place_name=_place_name(place_id, places), source_url=url,
                    partners="; ".join(data.get("partners", [])) or None)
        rows.append(data)
    return rows


def write(fmt: str, records: Iterable[Record], path: str | Path) -> dict[str, int]:
    """Write ``records`` as ``geojson`` (a FeatureCollection file) or ``hxl`` (a CSV file with a hashtag row)."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r} (use {', '.join(FORMATS)})", where="--format")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "geojson":
        collection, counts = geojson(records)
        path.write_bytes(orjson.dumps(collection, option=orjson.OPT_INDENT_2) + b"\n")
        return counts
    rows = hxl_rows(records)
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow([c[0] for c in HXL_COLUMNS])
        writer.writerow([c[1] for c in HXL_COLUMNS])
        for row in rows:
            writer.writerow(["" if row.get(c[2]) is None else row.get(c[2]) for c in HXL_COLUMNS])
    return {"assistance": len(rows)} if rows else {}
