"""Continuity: chains of rotations that add up to continuous presence at one site or area.

Presences (activities that were not cancelled, and temporary facilities) at one location are sorted by start; a
presence joins the current chain when it starts at most ``max_gap_days`` days after the latest end so far. A chain
of several rotations whose gaps stay short is what separates "visiting" from "de facto permanent". Each chain
keeps the records that form it and its largest gap, so the result is evidence, not only a number.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

import polars as pl

from ..errors import InputError
from .frames import Frames, as_list, load_frames, ongoing_end, resolve_place, where, within


def presences(frames: Frames, today: dt.date | None = None) -> pl.DataFrame:
    """(loc, record, visiting, host, start, end) of dated activities and facilities, one row per location."""
    acts = frames.activities.with_columns(ongoing_end(today))
    acts = acts.filter((pl.col("status") != "cancelled") & pl.col("start").is_not_null()
                       & pl.col("end").is_not_null())
    a = acts.select("host", "visiting", pl.col("id").alias("record"), where("sites", "places").alias("loc"),
                    "start", "end").explode("loc")
    f = frames.facilities.filter(pl.col("start").is_not_null() & pl.col("end").is_not_null()).select(
        "host", as_list("visiting").alias("visiting"), pl.col("id").alias("record"),
        pl.coalesce("site", "place", pl.concat_str(pl.lit("place:"), pl.col("host").str.to_lowercase())).alias("loc"),
        "start", "end")
    return pl.concat([a, f.select(a.columns)])


def _lexical_codes(loc: pl.Expr, rows: pl.DataFrame) -> pl.Series:
    """Each row's location as an integer: 1 + its rank in the sorted distinct locations, 0 for none.

    Locations are cast to categories once (a hash per row); only the distinct names are sorted, and a lookup
    table by category code turns codes into ranks (the order a sort by location name gives, without one).
    """
    codes = rows.select(loc.cast(pl.Categorical).to_physical().alias("k"), loc.alias("name"))
    names = codes.drop_nulls("k").unique("k").sort("name")
    size = cast(int, names["k"].max() or 0) + 1
    lut = pl.Series("lut", [0] * size, dtype=pl.Int64).scatter(names["k"], pl.int_range(1, names.height + 1,
                                                                                          eager=True))
    return codes.select(pl.lit(lut).gather(pl.col("k")).fill_null(0))["lut"]


def chains_frame(rows: pl.DataFrame, max_gap_days: int = 30) -> pl.DataFrame:
    """One row per chain: loc, from, to, days, rotations, largest_gap_days, records (in no particular order).

    ``rows``: dated presences (:func:`presences`). Rows are sorted by location, start and end through one
    integer key (location rank, start day, end day); a running maximum of ``rank * span + end`` restarts at each
    location by construction, so the latest end so far needs no per-location window.
    """
    rows = rows.select(pl.Series("k", _lexical_codes(pl.col("loc"), rows)), "loc", "record",
                       pl.col("start").cast(pl.Int64).alias("s"), pl.col("end").cast(pl.Int64).alias("e"))
    lo = rows.select(pl.min_horizontal(pl.col("s").min(), pl.col("e").min())).item() or 0
    span = (rows.select(pl.max_horizontal(pl.col("s").max(), pl.col("e").max())).item() or 0) - lo + 2
    base = pl.col("k") * span
    rows = rows.sort((base + pl.col("s") - lo) * span + pl.col("e") - lo, maintain_order=True)
    latest = (base + pl.col("e") - lo).cum_max().shift(1) - base + lo  # the latest end so far, this location
    first = pl.col("k") != pl.col("k").shift(1, fill_value=-1)
    rows = rows.with_columns(pl.when(first).then(None).otherwise(pl.col("s") - latest - 1).alias("gap"))
    rows = rows.with_columns((pl.col("gap").is_null() | (pl.col("gap") > max_gap_days)).alias("new"))
    # the first row of each location starts a chain, so one running count numbers every chain
    rows = rows.with_columns(pl.col("new").cast(pl.Int64).cum_sum().alias("chain").set_sorted())
    out = rows.group_by("chain").agg(
        pl.col("loc").first(), pl.col("s").min().cast(pl.Date).alias("from"),
        pl.col("e").max().cast(pl.Date).alias("to"), pl.len().alias("rotations"),
        pl.col("gap").filter(~pl.col("new")).max().clip(lower_bound=0).alias("largest_gap_days"),
        pl.col("record").alias("records"))
    return out.with_columns(((pl.col("to") - pl.col("from")).dt.total_days() + 1).alias("days"))


def longest(chains: pl.DataFrame) -> pl.DataFrame:
    """The longest chain of each location (ties: the earliest)."""
    return chains.sort(["days", "from"], descending=[True, False]).unique("loc", keep="first", maintain_order=True)


def _chain(r: dict[str, Any]) -> dict[str, Any]:
    return {"from": r["from"].isoformat(), "to": r["to"].isoformat(), "days": r["days"],
            "rotations": r["rotations"], "largest_gap_days": r["largest_gap_days"] or 0, "records": r["records"]}


def continuity(store: Any, *, country: str | None = None, place: str | None = None, max_gap_days: int = 30,
               frames: Frames | None = None) -> list[dict[str, Any]]:
    """Per location: its chains of presence (gaps of at most ``max_gap_days``) and the longest run."""
    if max_gap_days < 0:
        raise InputError(f"{max_gap_days} is negative", where="max_gap_days")
    frames = frames or load_frames(store)
    rows = presences(frames)
    if country:
        rows = rows.filter(pl.col("visiting").list.contains(country.upper()))
    if place:
        rows = rows.filter(within(frames, rows, resolve_place(frames, place)))
    chains = chains_frame(rows, max_gap_days).sort(["loc", "from"])
    out: list[dict[str, Any]] = []
    for loc, group in chains.group_by("loc", maintain_order=True):
        items = [_chain(r) for r in group.iter_rows(named=True)]
        best = max(items, key=lambda c: c["days"])  # the first of equals: the earliest
        out.append({"place": loc[0], "max_gap_days": max_gap_days, "longest": best, "chains": items})
    return out
