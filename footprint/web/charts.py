"""What the home page, the map and the timeline show, computed from the registry (and cached by the caller).

The map is inline SVG: department outlines from ``static/peru-departments.json`` (the project's own path data,
see ``static/NOTICE``) and marks at the coordinates of places and sites, projected the same way.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any

import orjson

from ..model import Purpose, date_floor

OUTLINES = Path(__file__).resolve().parent / "static" / "peru-departments.json"


@lru_cache(maxsize=1)
def outlines() -> dict[str, Any]:
    return orjson.loads(OUTLINES.read_bytes())  # type: ignore[no-any-return]


def project(lon: float, lat: float) -> tuple[float, float]:
    p = outlines()["projection"]
    return (round((lon - p["west"]) * p["cos_lat"] * p["px_per_degree"], 1),
            round((p["north"] - lat) * p["px_per_degree"], 1))


def _year(value: Any) -> int | None:
    return int(value[:4]) if isinstance(value, str) and len(value) >= 4 and value[:4].isdigit() else None


# --- home -----------------------------------------------------------------------------------------------


def authorized_now(store: Any, today: str | None = None) -> list[dict[str, Any]]:
    """Authorizations whose known period covers today."""
    today = today or dt.date.today().isoformat()
    found, _ = store.find("authorization", start=today, end=today, limit=200)
    out = []
    for stored in found:
        start, end = stored.record.interval()
        if start and end:
            r = stored.record
            out.append({"id": r.id, "label": r.label(), "start": r.start, "end": r.end, "personnel": r.personnel,
                        "visiting_country": r.visiting_country, "purpose": r.purpose_category.value,
                        "armed": r.armed, "instrument": r.instrument})
    return sorted(out, key=lambda a: (a["end"] or "", a["id"]))


def latest(store: Any, kind: str, date_fields: tuple[str, ...], n: int = 8) -> list[dict[str, Any]]:
    rows = []
    for data in store.iter_data(kind):
        date = next((data[f] for f in date_fields if data.get(f)), None)
        if date:
            label = data.get("title") or data.get("subject") or data.get("number") or data["id"]
            rows.append({"id": data["id"], "date": date, "label": label, "result": data.get("result"),
                         "totals": data.get("totals")})
    rows.sort(key=lambda r: (r["date"], r["id"]), reverse=True)
    return rows[:n]


# --- map ------------------------------------------------------------------------------------------------


def coordinates(store: Any) -> dict[str, tuple[float, float]]:
    """(lon, lat) of every place and site that has them, or inherits them from its parent place."""
    places = {d["id"]: d for d in store.iter_data("place")}
    out: dict[str, tuple[float, float]] = {}

    def of_place(pid: str | None, depth: int = 0) -> tuple[float, float] | None:
        d = places.get(pid or "")
        if d is None or depth > 6:
            return None
        if d.get("lat") is not None and d.get("lon") is not None:
            return (d["lon"], d["lat"])
        return of_place(d.get("parent"), depth + 1)

    for pid in places:
        c = of_place(pid)
        if c:
            out[pid] = c
    for d in store.iter_data("site"):
        if d.get("lat") is not None and d.get("lon") is not None:
            out[d["id"]] = (d["lon"], d["lat"])
        elif d.get("place") in out:
            out[d["id"]] = out[d["place"]]
    return out


def place_labels(store: Any) -> dict[str, str]:
    return {d["id"]: d.get("name") or d["id"] for kind in ("place", "site") for d in store.iter_data(kind)}


def map_options(store: Any) -> dict[str, list[Any]]:
    years: set[int] = set()
    countries: set[str] = set()
    for kind in ("authorization", "activity"):
        for d in store.iter_data(kind):
            for f in ("start", "end"):
                y = _year(d.get(f))
                if y:
                    years.add(y)
            countries.update(d.get("visiting_countries") or [])
            if d.get("visiting_country"):
                countries.add(d["visiting_country"])
    return {"years": sorted(years, reverse=True), "countries": sorted(countries),
            "purposes": [p.value for p in Purpose]}


def record_purposes(store: Any) -> dict[str, str]:
    """The purpose category of every authorization and activity."""
    return {d["id"]: d.get("purpose_category", Purpose.OTHER.value)
            for kind in ("authorization", "activity") for d in store.iter_data(kind)}


def map_marks(rows: list[dict[str, Any]], coords: dict[str, tuple[float, float]]) -> dict[str, Any]:
    """Presence rows grouped by place into sized SVG marks (area proportional to person-days)."""
    by_place: dict[str, dict[str, Any]] = {}
    for row in rows:
        for place in row.get("places") or [row.get("place")]:
            if place:
                _add(by_place, place, row)
    biggest = max((m["person_days"] for m in by_place.values()), default=0.0) or 1.0
    marks, unplaced = [], []
    for m in sorted(by_place.values(), key=lambda m: -m["person_days"]):
        m["records"] = sorted(m["records"])
        m["basis"] = sorted(m["basis"])
        c = coords.get(m["place"])
        if c is None:
            unplaced.append(m)
            continue
        m["x"], m["y"] = project(*c)
        m["r"] = round(3 + 22 * math.sqrt(m["person_days"] / biggest), 1)
        marks.append(m)
    return {"marks": marks, "unplaced": unplaced}


def _add(by_place: dict[str, dict[str, Any]], place: str, row: dict[str, Any]) -> None:
    m = by_place.setdefault(place, {"place": place, "person_days": 0.0, "personnel": 0, "records": set(),
                                    "basis": set()})
    m["person_days"] += float(row.get("person_days") or 0)
    m["personnel"] = max(m["personnel"], int(row.get("personnel") or 0))
    m["records"].update(row.get("records") or [])
    if row.get("basis"):
        m["basis"].add(row["basis"])


# --- timeline -------------------------------------------------------------------------------------------


def timeline(store: Any) -> dict[str, Any]:
    per_year: dict[int, Counter[str]] = defaultdict(Counter)
    for kind, field in (("authorization", "start"), ("activity", "start"), ("vote", "date")):
        for d in store.iter_data(kind):
            y = _year(d.get(field))
            if y:
                per_year[y][kind] += 1
    years = sorted(per_year)
    rows = [{"year": y, "authorization": per_year[y]["authorization"], "activity": per_year[y]["activity"],
             "vote": per_year[y]["vote"]} for y in years]
    peak = max((max(r["authorization"], r["activity"], r["vote"]) for r in rows), default=0) or 1
    bar_w = 18
    for i, r in enumerate(rows):
        r["x"] = 40 + i * (bar_w * 3 + 10)
        for j, k in enumerate(("authorization", "activity", "vote")):
            r[f"h_{k}"] = round(160 * r[k] / peak, 1)
            r[f"x_{k}"] = r["x"] + j * bar_w
    width = 60 + len(rows) * (bar_w * 3 + 10)

    points = []
    for d in store.iter_data("personnel_count"):
        if d.get("category", "permanent") == "permanent":
            value = d.get("total") if d.get("total") is not None else d.get("active_duty")
            if value is not None:
                points.append({"id": d["id"], "date": d["date"], "value": value})
    points.sort(key=lambda p: p["date"])
    return {"rows": rows, "width": width, "peak": peak, **personnel_line(points)}


def personnel_line(points: list[dict[str, Any]], width: float = 740, top_y: float = 20,
                   base_y: float = 190) -> dict[str, Any]:
    """Points of the permanent-personnel line on a time axis, with year ticks."""
    if not points:
        return {"personnel": [], "personnel_line": "", "ticks": [], "personnel_max": 0}
    days = [dt.date.fromisoformat(date_floor(p["date"])).toordinal() for p in points]
    lo, hi = min(days), max(days)
    span = max(hi - lo, 1)
    top = max(p["value"] for p in points) or 1
    for p, d in zip(points, days, strict=True):
        p["x"] = round(40 + (width - 40) * (d - lo) / span, 1)
        p["y"] = round(base_y - (base_y - top_y) * p["value"] / top, 1)
    first, last = dt.date.fromordinal(lo).year, dt.date.fromordinal(hi).year
    step = max(1, (last - first) // 8 or 1)
    step = next(s for s in (1, 2, 5, 10, 20, 50) if s >= step)
    ticks = [{"year": y, "x": round(40 + (width - 40) * (dt.date(y, 1, 1).toordinal() - lo) / span, 1)}
             for y in range(first - first % step + step, last + 1, step)]
    return {"personnel": points, "personnel_line": " ".join(f"{p['x']},{p['y']}" for p in points),
            "ticks": ticks, "personnel_max": top}
