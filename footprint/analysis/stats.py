"""Statistics for the website and the answers: authorizations per year and per government, personnel
authorized per year, places most used, vote margins over time, and comparisons between host countries from
the periodic personnel counts (troopdata / DMDC)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl

from ..errors import InputError
from .compliance import governments
from .frames import Frames, load_frames

TOP = 20


def _year(frames: Frames, host: str) -> pl.DataFrame:
    """Authorizations of the host with the date that places them in time (start, else the instrument's date)."""
    ins = frames.instruments.select(pl.col("id").alias("instrument"), pl.coalesce("issued", "published_date")
                                    .alias("issued"))
    a = frames.authorizations.filter(pl.col("host") == host).join(ins, on="instrument", how="left")
    return a.with_columns(pl.coalesce("start", "issued").alias("day")).with_columns(
        pl.col("day").dt.year().alias("year"))


def _per_year(a: pl.DataFrame) -> list[dict[str, Any]]:
    g = a.filter(pl.col("year").is_not_null()).group_by("year").agg(
        pl.len().alias("authorizations"), pl.col("personnel").sum().alias("personnel_authorized"),
        pl.col("personnel").is_null().sum().alias("without_personnel"),
        pl.col("armed").eq(True).sum().alias("armed"), pl.col("visiting").unique().sort().alias("countries"),
        pl.col("id").sort().alias("records"))
    return g.sort("year").to_dicts()


def _per_government(a: pl.DataFrame, host: str) -> list[dict[str, Any]]:
    try:
        terms = governments(host)
    except InputError:  # a jurisdiction without a rules file has no list of governments
        return []
    out = []
    for g in terms:
        lo = dt.date.fromisoformat(g["start"])
        hi = dt.date.fromisoformat(g["end"]) if g.get("end") else dt.date.max
        rows = a.filter((pl.col("day") >= lo) & (pl.col("day") <= hi))
        out.append({"government": g["name"], "from": g["start"], "to": g.get("end"), "authorizations": rows.height,
                    "personnel_authorized": int(rows["personnel"].sum() or 0), "records": sorted(rows["id"])})
    return out


def _places(frames: Frames, host: str) -> list[dict[str, Any]]:
    a = frames.authorizations.filter(pl.col("host") == host).select(pl.col("id").alias("record"),
                                                                    pl.col("places").alias("place"))
    acts = frames.activities.filter(pl.col("host") == host)
    used = pl.concat([a, acts.select(pl.col("id").alias("record"), pl.col("places").alias("place")),
                      acts.select(pl.col("id").alias("record"), pl.col("sites").alias("place"))]).explode("place")
    names = pl.concat([frames.places.select("id", "name"), frames.sites.select("id", "name")])
    g = used.drop_nulls().group_by("place").agg(pl.col("record").n_unique().alias("records"),
                                                 pl.col("record").filter(pl.col("record").str.starts_with(
                                                     "authorization:")).n_unique().alias("authorizations"))
    g = g.join(names, left_on="place", right_on="id", how="left")
    return g.sort(["records", "place"], descending=[True, False]).head(TOP).to_dicts()


def _votes(frames: Frames) -> list[dict[str, Any]]:
    v = frames.votes.filter(pl.col("yes").is_not_null()).with_columns(
        (pl.col("yes") - pl.col("no")).alias("margin"),
        (pl.col("yes") / (pl.col("yes") + pl.col("no") + pl.col("abstain"))).round(3).alias("yes_share"))
    return [{**r, "date": r["date"].isoformat() if r["date"] else None}
            for r in v.sort(["date", "id"]).select("id", "date", "bill", "yes", "no", "abstain", "margin",
                                                    "yes_share", "result").iter_rows(named=True)]


def _countries(frames: Frames, host: str, visiting: str) -> dict[str, Any]:
    c = frames.counts.filter((pl.col("visiting") == visiting) & (pl.col("category") == "permanent")
                             & pl.col("total").is_not_null())
    if c.height == 0:
        return {"visiting": visiting, "latest": [], "host_rank": None, "host_series": []}
    latest = c.sort(["date", "id"]).group_by("host").agg(pl.all().last())
    latest = latest.sort(["total", "host"], descending=[True, False]).with_row_index("rank", offset=1)
    mine = latest.filter(pl.col("host") == host)
    series = c.filter(pl.col("host") == host).with_columns(pl.col("date").dt.year().alias("year")).sort("date")
    series = series.group_by("year").agg(pl.col("total").last(), pl.col("id").last().alias("record"),
                                         pl.col("total").max().alias("max")).sort("year")

    def iso(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in r.items()} for r in rows]

    keep = ["rank", "host", "total", "date", "id"]
    return {"visiting": visiting, "hosts": latest.height, "latest": iso(latest.head(TOP).select(keep).to_dicts()),
            "host_rank": iso(mine.select(keep).to_dicts())[0] if mine.height else None,
            "host_series": series.to_dicts()}


def statistics(store: Any, *, host: str = "PE", visiting: str = "US", frames: Frames | None = None
               ) -> dict[str, Any]:
    """Statistics of one host country (and the comparison with other hosts of ``visiting``)."""
    host, visiting = host.upper(), visiting.upper()
    frames = frames or load_frames(store)
    a = _year(frames, host)
    return {"host": host, "per_year": _per_year(a), "per_government": _per_government(a, host),
            "places_most_used": _places(frames, host), "votes": _votes(frames),
            "countries": _countries(frames, host, visiting),
            "undated_authorizations": sorted(a.filter(pl.col("year").is_null())["id"])}
