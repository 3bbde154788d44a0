"""Presence: who (visiting country) was where, when, and how many, from the registry's tables.

Four bases are kept apart and never summed together:

- ``authorized``: an authorization's personnel cap over its period (a ceiling, not a head count);
- ``planned`` / ``observed``: an activity's planned and observed personnel over its dates (a temporary
  facility counts on its own only when its activity gives no figure, so nobody is counted twice);
- ``permanent`` (or ``observed``/``authorized``, as the record says): periodic personnel counts over the period
  they describe (a quarterly count covers its quarter).

One interval row per record, basis and location (a site when the record names sites, else a place, else the
host country). ``personnel`` of a grouped row is the peak daily sum over the group's days; ``person_days`` is
personnel times days, clipped to the query window. Records that cannot be placed in time or counted are listed
under ``gaps`` with the reason, never dropped silently.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl

from ..errors import InputError
from .frames import Frames, load_frames, parse_day, resolve_place, within

BASES = ("authorized", "planned", "observed", "permanent")
GROUPS = ("month", "place", "purpose", "year")
_COLS = ["record", "basis", "visiting", "host", "loc", "purpose", "start", "end", "personnel"]
_STARTED = ["established", "operating", "dismantled", "site_restored"]


def _host_place(col: str = "host") -> pl.Expr:
    return pl.concat_str(pl.lit("place:"), pl.col(col).str.to_lowercase())


def _where(col_sites: str | None, col_places: str) -> pl.Expr:
    """The locations of a record: its sites, else its places, else its host country."""
    sites = pl.col(col_sites) if col_sites else pl.lit(None, dtype=pl.List(pl.Utf8))
    places = pl.col(col_places)
    return (pl.when(sites.list.len() > 0).then(sites)
            .when(places.list.len() > 0).then(places)
            .otherwise(pl.concat_list(_host_place())))


def intervals(frames: Frames) -> pl.DataFrame:
    """Every presence interval of the registry, one row per record, basis and location."""
    a = frames.authorizations.select(
        pl.col("id").alias("record"), pl.lit("authorized").alias("basis"), pl.concat_list("visiting").alias("visiting"),
        "host", _where(None, "places").alias("loc"), "purpose", "start", "end", "personnel")
    acts = frames.activities.filter(pl.col("status") != "cancelled")
    figured = acts.filter(pl.col("planned").is_not_null() | pl.col("observed").is_not_null())["id"]
    parts = [a]
    for basis in ("planned", "observed"):
        parts.append(acts.filter(pl.col(basis).is_not_null()).select(
            pl.col("id").alias("record"), pl.lit(basis).alias("basis"), "visiting", "host",
            _where("sites", "places").alias("loc"), "purpose", "start", "end", pl.col(basis).alias("personnel")))
    f = frames.facilities.filter(pl.col("personnel").is_not_null()
                                 & (pl.col("activity").is_null() | ~pl.col("activity").is_in(figured.implode())))
    parts.append(f.select(
        pl.col("id").alias("record"),
        pl.when(pl.col("status").is_in(_STARTED)).then(pl.lit("observed")).otherwise(pl.lit("planned")).alias("basis"),
        pl.concat_list("visiting").alias("visiting"), "host", pl.concat_list("id").alias("loc"),
        pl.lit("other").alias("purpose"), "start", "end", "personnel"))
    c = frames.counts
    period_start = (pl.when(pl.col("period") == "quarter").then(pl.col("date").dt.truncate("1q"))
                    .when(pl.col("period") == "year").then(pl.col("date").dt.truncate("1y"))
                    .when(pl.col("period") == "month").then(pl.col("date").dt.month_start())
                    .otherwise(pl.col("date")))
    parts.append(c.select(
        pl.col("id").alias("record"), pl.col("category").alias("basis"), pl.concat_list("visiting").alias("visiting"),
        "host", pl.concat_list(_host_place()).alias("loc"), pl.lit("other").alias("purpose"),
        period_start.alias("start"), pl.col("date").alias("end"), pl.col("total").alias("personnel")))
    return pl.concat([p.select(_COLS) for p in parts]).explode("loc")


def _window(at: str | None, start: str | None, end: str | None) -> tuple[dt.date | None, dt.date | None]:
    if at and (start or end):
        raise InputError("give either --at or --from/--to, not both", where="at")
    if at:
        day = parse_day(at, "at")
        return day, parse_day(at, "at", end=True)
    lo, hi = parse_day(start, "from"), parse_day(end, "to", end=True)
    if lo and hi and lo > hi:
        raise InputError(f"{end} is before {start}", where="to")
    return lo, hi


def peak(df: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    """The largest daily sum of ``personnel`` over [cs, ce] within each group of ``keys``."""
    ev = pl.concat([
        df.select(*keys, pl.col("cs").alias("day"), pl.col("personnel").alias("d")),
        df.select(*keys, (pl.col("ce") + pl.duration(days=1)).alias("day"), (-pl.col("personnel")).alias("d")),
    ])
    ev = ev.group_by([*keys, "day"]).agg(pl.col("d").sum()).sort([*keys, "day"])
    ev = ev.with_columns(pl.col("d").cum_sum().over(keys).alias("level"))
    return ev.group_by(keys).agg(pl.col("level").max().alias("personnel"))


def presence_frame(frames: Frames, rows: pl.DataFrame, *, country: str | None = None, place: str | None = None,
                   lo: dt.date | None = None, hi: dt.date | None = None, by: str | None = None
                   ) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(grouped rows, per-record totals, gaps) of presence over a window, all as tables."""
    if by is not None and by not in GROUPS:
        raise InputError(f"{by!r} is not one of {', '.join(GROUPS)}", where="by")
    if country:
        rows = rows.filter(pl.col("visiting").list.contains(country.upper()))
    if place:
        rows = rows.filter(within(frames, rows, resolve_place(frames, place)))
    undated = pl.col("start").is_null() | pl.col("end").is_null()
    gaps = pl.concat([
        rows.filter(undated).select("record", pl.lit("no start or end date: cannot place it in time").alias("reason")),
        rows.filter(~undated & pl.col("personnel").is_null()).select(
            "record", pl.lit("no personnel figure: cannot count it").alias("reason")),
    ]).unique(maintain_order=True)
    rows = rows.filter(~undated & pl.col("personnel").is_not_null())
    if lo is not None:
        rows = rows.filter(pl.col("end") >= lo)
    if hi is not None:
        rows = rows.filter(pl.col("start") <= hi)
    rows = rows.with_columns(
        (pl.max_horizontal("start", pl.lit(lo)) if lo else pl.col("start")).alias("cs"),
        (pl.min_horizontal("end", pl.lit(hi)) if hi else pl.col("end")).alias("ce"))
    rows = rows.with_columns(((pl.col("ce") - pl.col("cs")).dt.total_days() + 1).alias("days"))
    per_record = rows.unique(["record", "basis"], keep="first", maintain_order=True)
    return _group(rows, by), per_record, gaps


def _group(rows: pl.DataFrame, by: str | None) -> pl.DataFrame:
    if by in ("month", "year"):
        unit = "1mo" if by == "month" else "1y"
        trunc = pl.col("cs").dt.truncate(unit)
        per = rows.unique(["record", "basis"], keep="first").with_columns(
            pl.date_ranges(trunc, pl.col("ce").dt.truncate(unit), unit).alias("period")).explode("period")
        period_end = pl.col("period").dt.offset_by(unit) - pl.duration(days=1)
        per = per.with_columns(pl.max_horizontal("cs", "period").alias("cs"),
                               pl.min_horizontal("ce", period_end).alias("ce"))
        per = per.with_columns(((pl.col("ce") - pl.col("cs")).dt.total_days() + 1).alias("days"))
        keys = ["period", "basis"]
    elif by == "purpose":
        per, keys = rows.unique(["record", "basis"], keep="first"), ["purpose", "basis"]
    elif by == "place":
        per, keys = rows, ["loc", "basis"]
    else:
        per, keys = rows, ["record", "basis"]
    agg = per.group_by(keys).agg(
        pl.col("cs").min().alias("from"), pl.col("ce").max().alias("to"),
        (pl.col("personnel") * pl.col("days")).sum().alias("person_days"),
        pl.col("record").unique().sort().alias("records"), pl.col("loc").unique().sort().alias("places"),
        pl.col("host").first().alias("host"))
    if by is None:
        # one row per record and basis: its person-days count once, whatever the number of places
        first = per.unique(keys, keep="first").select(*keys, (pl.col("personnel") * pl.col("days")).alias("pd"),
                                                      "personnel")
        agg = agg.drop("person_days").join(first, on=keys).rename({"pd": "person_days"})
    else:
        agg = agg.join(peak(per, keys), on=keys)
    return agg.sort([k for k in keys if k != "basis"] + ["basis"])


def _row(r: dict[str, Any], by: str | None, place: str | None) -> dict[str, Any]:
    places = r["places"]
    if by == "place":
        where = r["loc"]
    elif len(places) == 1:
        where = places[0]
    else:
        where = place or (f"place:{r['host'].lower()}" if r.get("host") else None)
    out: dict[str, Any] = {"place": where, "from": r["from"].isoformat(), "to": r["to"].isoformat(),
                           "personnel": r["personnel"], "person_days": r["person_days"], "basis": r["basis"],
                           "records": r["records"]}
    if by == "month":
        out["month"] = r["period"].strftime("%Y-%m")
    elif by == "year":
        out["year"] = r["period"].year
    elif by == "purpose":
        out["purpose"] = r["purpose"]
    if by != "place" and len(places) > 1:
        out["places"] = places
    return out


def _totals(per_record: pl.DataFrame) -> dict[str, Any]:
    if per_record.height == 0:
        return {}
    sums = per_record.group_by("basis").agg(pl.col("record").n_unique().alias("records"),
                                            (pl.col("personnel") * pl.col("days")).sum().alias("person_days"))
    peaks = peak(per_record, ["basis"]).rename({"personnel": "peak_personnel"})
    out = {}
    for r in sums.join(peaks, on="basis").iter_rows(named=True):
        out[r["basis"]] = {"records": r["records"], "person_days": r["person_days"],
                           "peak_personnel": r["peak_personnel"]}
    return {b: out[b] for b in [*BASES, *sorted(set(out) - set(BASES))] if b in out}


def presence(store: Any, *, country: str | None = None, place: str | None = None, at: str | None = None,
             start: str | None = None, end: str | None = None, by: str | None = None,
             frames: Frames | None = None) -> dict[str, Any]:
    """Presence of visiting forces: DESIGN.md's ``presence --json`` shape, plus ``gaps``."""
    lo, hi = _window(at, start, end)
    frames = frames or load_frames(store)
    grouped, per_record, gaps = presence_frame(frames, intervals(frames), country=country, place=place, lo=lo,
                                               hi=hi, by=by)
    query = {"country": country.upper() if country else None, "place": place, "at": at, "from": start, "to": end,
             "by": by}
    return {"query": query, "rows": [_row(r, by, place) for r in grouped.iter_rows(named=True)],
            "totals": _totals(per_record),
            "gaps": [{"record": r, "reason": why} for r, why in gaps.iter_rows()]}
