"""The country-level summary the answers and the home page build on: "is there a base?", with why.

Verdict (DESIGN.md): ``base`` if a site meets a base category of the official US posture typology;
``depends_on_definition`` if none does but a site meets the broad reading; ``no_base`` if every site is known
to meet neither; ``unknown`` when the record cannot tell (no sites, or undetermined criteria and nothing met).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl

from .classify import MET, NOT_MET, UNKNOWN, classified, site_result
from .frames import Frames, load_frames, parse_day
from .typologies import Typology, load_typologies

SURGE_MIN = 100


def _verdict(table: pl.DataFrame, typologies: tuple[Typology, ...]) -> tuple[str, str]:
    if table.height == 0:
        return "unknown", "the registry holds no site or temporary facility in this country"
    base_cols = [f"{t.name}/{c}" for t in typologies if t.official for c in t.base_categories]
    broad_cols = [f"{t.name}/{c.name}" for t in typologies if t.broad for c in t.categories]

    def any_is(cols: list[str], status: str) -> bool:
        return bool(cols) and table.select(pl.any_horizontal([pl.col(c) == status for c in cols]).any()).item()

    def all_not(cols: list[str]) -> bool:
        return bool(cols) and table.select(pl.all_horizontal([pl.col(c) == NOT_MET for c in cols]).all()).item()

    if any_is(base_cols, MET):
        return "base", "a site meets a base category of the official US posture typology"
    if any_is(broad_cols, MET):
        return "depends_on_definition", ("no site meets a base category of the official US posture typology, "
                                         "but a site meets the broad reading")
    if all_not(base_cols) and all_not(broad_cols):
        return "no_base", "no site meets a base category of the official typology nor the broad reading"
    return "unknown", "no site is known to meet a definition, but some criteria cannot be determined"


def _by_typology(table: pl.DataFrame, typologies: tuple[Typology, ...], at: str | None) -> list[dict[str, Any]]:
    out = []
    rows = list(table.sort("id").iter_rows(named=True))
    for t in typologies:
        cats = []
        for cat in t.categories:
            col = f"{t.name}/{cat.name}"
            meeting = [{"site": r["id"], "name": r["name"],
                        "criteria": site_result(r, (t,), at)["results"][0]["criteria"]}
                       for r in rows if r[col] == MET]
            cats.append({"category": cat.name, "label": cat.label, "base": cat.name in t.base_categories,
                         "sites": meeting, "undetermined": [r["id"] for r in rows if r[col] == UNKNOWN]})
        out.append({"typology": t.name, "title": t.title, "official": t.official, "broad": t.broad,
                    "source": t.source, "categories": cats})
    return out


def _latest_count(frames: Frames, host: str, visiting: str, day: dt.date | None) -> dict[str, Any] | None:
    c = frames.counts.filter((pl.col("host") == host) & (pl.col("visiting") == visiting)
                             & (pl.col("category") == "permanent") & pl.col("total").is_not_null())
    if day is not None:
        c = c.filter(pl.col("date") <= day)
    if c.height == 0:
        return None
    r = c.sort(["date", "id"]).row(-1, named=True)
    return {"personnel": r["total"], "date": r["date"].isoformat(), "record": r["id"], "period": r["period"]}


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def country_summary(store: Any, *, host: str = "PE", visiting: str = "US", at: str | None = None,
                    frames: Frames | None = None) -> dict[str, Any]:
    """The headline verdict with the sites meeting each typology's categories, and the context numbers."""
    host, visiting = host.upper(), visiting.upper()
    day = parse_day(at, "at", end=True) if at else None
    frames = frames or load_frames(store)
    typologies = load_typologies()
    table = classified(frames, at, typologies).filter(pl.col("host") == host)
    verdict, reason = _verdict(table, typologies)
    today = day or dt.date.today()
    auth = frames.authorizations.filter((pl.col("host") == host) & (pl.col("visiting") == visiting))
    in_force = auth.filter((pl.col("start") <= today) & (pl.col("end") >= today)).sort("start")
    acts = frames.activities.filter((pl.col("host") == host) & pl.col("visiting").list.contains(visiting)
                                    & (pl.col("status") != "cancelled") & (pl.col("end") < today))
    surges = pl.concat([
        acts.select(pl.col("id").alias("record"), "name", "start", "end",
                    pl.coalesce("observed", "planned").alias("personnel"),
                    pl.when(pl.col("observed").is_not_null()).then(pl.lit("observed")).otherwise(pl.lit("planned"))
                    .alias("basis")),
        auth.filter(pl.col("end") < today).select(pl.col("id").alias("record"), pl.col("purpose").alias("name"),
                                                  "start", "end", "personnel", pl.lit("authorized").alias("basis")),
    ]).filter(pl.col("personnel") >= SURGE_MIN).sort(["personnel", "start"], descending=[True, True])
    return {
        "host": host, "visiting": visiting, "at": at, "verdict": verdict, "reason": reason,
        "typologies": _by_typology(table, typologies, at),
        "permanent_personnel": _latest_count(frames, host, visiting, day),
        "authorizations_in_force": [
            {"record": r["id"], "instrument": r["instrument"], "armed": r["armed"], "personnel": r["personnel"],
             "purpose": r["purpose"], "from": _iso(r["start"]), "to": _iso(r["end"]), "places": r["places"]}
            for r in in_force.iter_rows(named=True)],
        "past_surges": [{k: _iso(v) for k, v in r.items()} for r in surges.head(20).iter_rows(named=True)],
    }
