"""Continuity: chains of rotations that add up to continuous presence at one site or area.

Presences (activities that were not cancelled, and temporary facilities) at one location are sorted by start; a
presence joins the current chain when it starts at most ``max_gap_days`` days after the latest end so far. A chain
of several rotations whose gaps stay short is what separates "visiting" from "de facto permanent". Each chain
keeps the records that form it and its largest gap, so the result is evidence, not only a number.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl

from ..errors import InputError
from .frames import Frames, load_frames, ongoing_end, resolve_place, where, within


def presences(frames: Frames, today: dt.date | None = None) -> pl.DataFrame:
    """(loc, record, visiting, host, start, end) of dated activities and facilities, one row per location."""
    acts = frames.activities.with_columns(ongoing_end(today))
    acts = acts.filter((pl.col("status") != "cancelled") & pl.col("start").is_not_null()
                       & pl.col("end").is_not_null())
    a = acts.select("host", "visiting", pl.col("id").alias("record"), where("sites", "places").alias("loc"),
                    "start", "end").explode("loc")
    f = frames.facilities.filter(pl.col("start").is_not_null() & pl.col("end").is_not_null()).select(
        "host", pl.concat_list("visiting").alias("visiting"), pl.col("id").alias("record"),
        pl.coalesce("site", "place", pl.concat_str(pl.lit("place:"), pl.col("host").str.to_lowercase())).alias("loc"),
        "start", "end")
    return pl.concat([a, f.select(a.columns)])


def chains_frame(rows: pl.DataFrame, max_gap_days: int = 30) -> pl.DataFrame:
    """One row per chain: loc, from, to, days, rotations, largest_gap_days, records (in no particular order)."""
    rows = rows.select(pl.col("loc").cast(pl.Categorical).alias("k"), "loc", "record", "start", "end")
    rows = rows.sort(["k", "start", "end"], maintain_order=True)
    prev_end = pl.col("end").cum_max().shift(1).over("k")
    rows = rows.with_columns(((pl.col("start") - prev_end).dt.total_days() - 1).alias("gap"))
    rows = rows.with_columns((pl.col("gap").is_null() | (pl.col("gap") > max_gap_days)).alias("new"))
    # the first row of each location starts a chain, so one running count numbers every chain
    rows = rows.with_columns(pl.col("new").cast(pl.Int64).cum_sum().alias("chain"))
    out = rows.group_by("chain").agg(
        pl.col("loc").first(), pl.col("start").min().alias("from"), pl.col("end").max().alias("to"),
        pl.len().alias("rotations"), pl.col("gap").filter(~pl.col("new")).max().clip(lower_bound=0)
        .alias("largest_gap_days"), pl.col("record").alias("records"))
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
