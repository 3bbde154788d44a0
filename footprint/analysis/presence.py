"""Presence: who (visiting country) was where, when, and how many, from the registry's tables.

Four bases are kept apart and never summed together:

- ``authorized``: an authorization's personnel cap over its period (a ceiling, not a head count);
- ``planned`` / ``observed``: an activity's planned and observed personnel over its dates (a temporary
  facility counts on its own only when its activity gives no figure, so nobody is counted twice);
- ``permanent`` (or ``observed``/``authorized``, as the record says): periodic personnel counts over the period
  they describe (a quarterly count covers its quarter).

One interval row per record and basis, with its locations (the sites the record names, else its places, else the
host country). ``personnel`` of a grouped row is the peak daily sum over the group's days; ``person_days`` is
personnel times days, clipped to the query window. Records that cannot be placed in time or counted are listed
under ``gaps`` with the reason, never dropped silently.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

import polars as pl

from ..errors import InputError
from .frames import (
    Frames,
    as_list,
    host_place,
    load_frames,
    ongoing_end,
    parse_day,
    resolve_place,
    where,
    within,
)

BASES = ("authorized", "planned", "observed", "permanent")
GROUPS = ("month", "place", "purpose", "year")
_COLS = ["record", "basis", "visiting", "host", "loc", "purpose", "start", "end", "personnel"]
_STARTED = ["established", "operating", "dismantled", "site_restored"]


def intervals(frames: Frames, today: dt.date | None = None) -> pl.DataFrame:
    """Every presence interval of the registry, one row per record and basis (``loc``: its locations).

    An ongoing activity with no end date runs until ``today`` (default: the current date).
    """
    a = frames.authorizations.select(
        pl.col("id").alias("record"), pl.lit("authorized").alias("basis"), as_list("visiting").alias("visiting"),
        "host", where(None, "places").alias("loc"), "purpose", "start", "end", "personnel")
    acts = frames.activities.select("id", "status", "visiting", "host", "sites", "places", "purpose", "start", "end",
                                    "planned", "observed").filter(pl.col("status") != "cancelled"
                                                                  ).with_columns(ongoing_end(today))
    f = frames.facilities.filter(pl.col("personnel").is_not_null())
    # activities with a figure of their own, among those the facilities name (a small set to look up)
    figured = acts.filter((pl.col("planned").is_not_null() | pl.col("observed").is_not_null())
                          & pl.col("id").is_in(f["activity"].drop_nulls().implode()))["id"]
    parts = [a]
    for basis in ("planned", "observed"):
        parts.append(acts.filter(pl.col(basis).is_not_null()).select(
            pl.col("id").alias("record"), pl.lit(basis).alias("basis"), "visiting", "host",
            where("sites", "places").alias("loc"), "purpose", "start", "end", pl.col(basis).alias("personnel")))
    f = f.filter(pl.col("activity").is_null() | ~pl.col("activity").is_in(figured.implode()))
    parts.append(f.select(
        pl.col("id").alias("record"),
        pl.when(pl.col("status").is_in(_STARTED)).then(pl.lit("observed")).otherwise(pl.lit("planned")).alias("basis"),
        as_list("visiting").alias("visiting"), "host", as_list("id").alias("loc"),
        pl.lit("other").alias("purpose"), "start", "end", "personnel"))
    c = frames.counts
    period_start = (pl.when(pl.col("period") == "quarter").then(pl.col("date").dt.truncate("1q"))
                    .when(pl.col("period") == "year").then(pl.col("date").dt.truncate("1y"))
                    .when(pl.col("period") == "month").then(pl.col("date").dt.month_start())
                    .otherwise(pl.col("date")))
    parts.append(c.select(
        pl.col("id").alias("record"), pl.col("category").alias("basis"), as_list("visiting").alias("visiting"),
        "host", as_list(host_place()).alias("loc"), pl.lit("other").alias("purpose"),
        period_start.alias("start"), pl.col("date").alias("end"), pl.col("total").alias("personnel")))
    return pl.concat([p.select(_COLS) for p in parts])


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
    """The largest daily sum of ``personnel`` over [cs, ce] within each group of ``keys``.

    A sweep: +personnel on the first day, -personnel the day after the last, summed per group and day, then
    sorted. Each group's events sum to zero, so one running sum over the whole sorted table restarts at zero at
    every group boundary.
    """
    ev = pl.concat([
        df.select(*keys, pl.col("cs").alias("day"), pl.col("personnel").alias("d")),
        df.select(*keys, (pl.col("ce") + pl.duration(days=1)).alias("day"), (-pl.col("personnel")).alias("d")),
    ])
    ev = ev.group_by([*keys, "day"]).agg(pl.col("d").sum()).sort([*keys, "day"])
    ev = ev.with_columns(pl.col("d").cum_sum().alias("level"))
    return ev.group_by(keys).agg(pl.col("level").max().alias("personnel"))


def _filter_places(frames: Frames, rows: pl.DataFrame, place: str) -> pl.DataFrame:
    """Keep the rows with a location inside ``place``, and only those locations."""
    targets = resolve_place(frames, place)
    flat = rows.with_row_index("_row").explode("loc")
    flat = flat.filter(within(frames, flat, targets))
    locs = flat.group_by("_row", maintain_order=True).agg(pl.col("loc"))
    return rows.with_row_index("_row").drop("loc").join(locs, on="_row").drop("_row").select(rows.columns)


def presence_frame(frames: Frames, rows: pl.DataFrame, *, country: str | None = None, place: str | None = None,
                   lo: dt.date | None = None, hi: dt.date | None = None, by: str | None = None
                   ) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(grouped rows, per-record rows, gaps) of presence over a window, all as tables.

    ``rows`` are :func:`intervals` (one per record and basis, ``loc`` a list of locations).
    """
    if by is not None and by not in GROUPS:
        raise InputError(f"{by!r} is not one of {', '.join(GROUPS)}", where="by")
    if country:
        rows = rows.filter(pl.col("visiting").list.contains(country.upper()))
    if place:
        rows = _filter_places(frames, rows, place)
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
    return _group(rows, by), rows, gaps


def _period(day: pl.Expr, by: str) -> pl.Expr:
    """A month (or year) as one integer, so periods are ranges of integers (much faster than date ranges)."""
    return day.dt.year().cast(pl.Int32) * 12 + day.dt.month().cast(pl.Int32) - 1 if by == "month" \
        else day.dt.year().cast(pl.Int32)


def _period_start(index: pl.Expr, by: str) -> pl.Expr:
    return pl.date(index // 12, index % 12 + 1, 1) if by == "month" else pl.date(index, 1, 1)


def _by_period(rows: pl.DataFrame, by: str) -> pl.DataFrame:
    """Presence by month or year, in integers: days since 1970, periods counted from the first one.

    Each row is split over the periods it spans; a period's first day comes from a small lookup table by period
    number. One integer ``g`` (period, basis) keys the grouping, and the peak sweep keys its events by
    ``g`` and the day within the period, so nothing groups or sorts on dates, texts or several columns.
    """
    names = sorted(set(BASES) | set(rows["basis"].unique().to_list()))
    nb = len(names)
    per = rows.select(
        pl.int_range(pl.len(), dtype=pl.UInt32).alias("rix"),
        pl.col("basis").replace_strict(names, list(range(nb)), return_dtype=pl.Int64).alias("b"),
        pl.col("cs").cast(pl.Int64).alias("cs"), pl.col("ce").cast(pl.Int64).alias("ce"), "personnel",
        _period(pl.col("cs"), by).cast(pl.Int64).alias("p0"), _period(pl.col("ce"), by).cast(pl.Int64).alias("p1"),
        pl.col("host").hash().alias("host_h"), pl.col("loc").list.len().alias("n_locs"),
        pl.col("loc").list.first().hash().alias("loc_h"))
    first = cast(int, per["p0"].min()) if per.height else 0
    last = cast(int, per["p1"].max()) if per.height else 0
    starts = pl.select(_period_start(pl.int_range(first, last + 2), by).cast(pl.Int64).alias("s"))["s"]
    width = cast(int, starts.diff().max() or 0) + 1  # days in the longest period, and the day after it
    per = per.with_columns(pl.int_ranges(pl.col("p0") - first, pl.col("p1") - first + 1).alias("p")).explode("p")
    per = per.with_columns(pl.lit(starts).gather(pl.col("p")).alias("ps"),
                           (pl.lit(starts).gather(pl.col("p") + 1) - 1).alias("pe"))
    per = per.with_columns(pl.max_horizontal("cs", "ps").alias("cs"), pl.min_horizontal("ce", "pe").alias("ce"),
                           (pl.col("p") * nb + pl.col("b")).alias("g"))
    pd = (pl.col("personnel") * (pl.col("ce") - pl.col("cs") + 1)).alias("person_days")
    agg = per.group_by("g").agg(
        pl.col("cs").min().alias("from"), pl.col("ce").max().alias("to"), pd.sum(), pl.col("rix").alias("records"),
        ((pl.col("n_locs").max() == 1) & (pl.col("loc_h").min() == pl.col("loc_h").max())).alias("one_place"),
        (pl.col("host_h").min() == pl.col("host_h").max()).alias("one_host"), pl.col("rix").first().alias("first"))
    # the peak: +personnel on the first day, -personnel the day after the last, keyed by (g, day in period);
    # each group's events sum to zero, so one running sum over the sorted keys restarts at every group
    ev = pl.concat([per.select((pl.col("g") * width + pl.col("cs") - pl.col("ps")).alias("key"),
                               pl.col("personnel").alias("d")),
                    per.select((pl.col("g") * width + pl.col("ce") + 1 - pl.col("ps")).alias("key"),
                               (-pl.col("personnel")).alias("d"))])
    ev = ev.group_by("key").agg(pl.col("d").sum()).sort("key")
    peaks = ev.select((pl.col("key") // width).alias("g"), pl.col("d").cum_sum().alias("level")).group_by("g").agg(
        pl.col("level").max().alias("personnel"))
    agg = agg.join(peaks, on="g").with_columns(
        pl.lit(pl.Series(names)).gather(pl.col("g") % nb).alias("basis"),
        pl.lit(starts).gather(pl.col("g") // nb).cast(pl.Int32).cast(pl.Date).alias("period"),
        pl.col("from").cast(pl.Int32).cast(pl.Date), pl.col("to").cast(pl.Int32).cast(pl.Date))
    return agg.sort("g").select("basis", "from", "to", "person_days", "records", "one_place", "one_host", "first",
                                "personnel", "period")


def _group(rows: pl.DataFrame, by: str | None) -> pl.DataFrame:
    pd = (pl.col("personnel") * pl.col("days")).alias("person_days")
    if by is None:
        return rows.sort(["record", "basis"]).select(
            as_list("record").alias("records"), "basis", pl.col("cs").alias("from"), pl.col("ce").alias("to"),
            "personnel", pd, pl.col("loc").alias("places"), "host")
    if by in ("month", "year"):
        return _by_period(rows, by)
    # grouped rows carry row numbers of ``rows`` (integers are cheap to explode and collect); ``record_ids``
    # turns them back into record ids for the rows a caller reads
    bases = pl.Enum(sorted(set(BASES) | set(rows["basis"].unique().to_list())))
    if by == "purpose":
        per = rows.with_row_index("rix").select(
            "rix", pl.col("basis").cast(bases), "purpose", "cs", "ce", "days", "personnel",
            pl.col("host").hash().alias("host_h"), pl.col("loc").list.len().alias("n_locs"),
            pl.col("loc").list.first().hash().alias("loc_h"))
        keys = ["purpose", "basis"]
    else:
        per = rows.with_row_index("rix").select("rix", pl.col("basis").cast(bases), "cs", "ce", "days", "personnel",
                                                "loc", pl.col("host").hash().alias("host_h")).explode("loc")
        per, keys = per.with_columns(pl.lit(1).alias("n_locs"), pl.col("loc").hash().alias("loc_h")), ["loc", "basis"]
    agg = per.group_by(keys).agg(
        pl.col("cs").min().alias("from"), pl.col("ce").max().alias("to"), pd.sum(), pl.col("rix").alias("records"),
        ((pl.col("n_locs").max() == 1) & (pl.col("loc_h").min() == pl.col("loc_h").max())).alias("one_place"),
        (pl.col("host_h").min() == pl.col("host_h").max()).alias("one_host"), pl.col("rix").first().alias("first"))
    agg = agg.join(peak(per, keys), on=keys).with_columns(pl.col("basis").cast(pl.Utf8))
    return agg.sort([k for k in keys if k != "basis"] + ["basis"])


def record_ids(grouped: pl.DataFrame, rows: pl.DataFrame) -> pl.DataFrame:
    """Grouped rows with ``records`` as record ids, ``first_loc`` and ``host`` (row numbers resolved)."""
    if "first" not in grouped.columns:
        return grouped
    ids, locs, hosts = rows["record"], rows["loc"].list.first(), rows["host"]
    return grouped.with_columns(
        pl.col("records").list.eval(pl.element().map_batches(lambda s: ids.gather(s), return_dtype=pl.Utf8)),
        pl.col("first").map_batches(lambda s: locs.gather(s), return_dtype=pl.Utf8).alias("first_loc"),
        pl.when(pl.col("one_host")).then(pl.col("first").map_batches(lambda s: hosts.gather(s),
                                                                     return_dtype=pl.Utf8)).alias("host"))


def _row(r: dict[str, Any], by: str | None, place: str | None) -> dict[str, Any]:
    if by == "place":
        where = r["loc"]
    elif by is None and len(r["places"]) == 1:
        where = r["places"][0]
    elif by is not None and r["one_place"]:
        where = r["first_loc"]
    else:
        where = place or (f"place:{r['host'].lower()}" if r.get("host") else None)
    out: dict[str, Any] = {"place": where, "from": r["from"].isoformat(), "to": r["to"].isoformat(),
                           "personnel": r["personnel"], "person_days": r["person_days"], "basis": r["basis"],
                           "records": sorted(r["records"])}
    if by == "month":
        out["month"] = r["period"].strftime("%Y-%m")
    elif by == "year":
        out["year"] = r["period"].year
    elif by == "purpose":
        out["purpose"] = r["purpose"]
    if by is None and len(r["places"]) > 1:
        out["places"] = sorted(r["places"])
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
    grouped, per_record, gaps = presence_frame(frames, intervals(frames, hi), country=country, place=place, lo=lo,
                                               hi=hi, by=by)
    query = {"country": country.upper() if country else None, "place": place, "at": at, "from": start, "to": end,
             "by": by}
    grouped = record_ids(grouped, per_record)
    return {"query": query, "rows": [_row(r, by, place) for r in grouped.iter_rows(named=True)],
            "totals": _totals(per_record),
            "gaps": [{"record": r, "reason": why} for r, why in gaps.iter_rows()]}
