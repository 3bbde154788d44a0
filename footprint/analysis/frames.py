"""The registry as columnar tables (Polars) for the analysis engine.

``load_frames(store)`` reads every record kind the analysis needs with the store's ``iter_data(kind)`` (no SQL
here, no DuckDB scanners) and builds one Polars table per kind with a fixed schema. The synthetic generator of
the benchmark builds the same tables directly, so the engine runs unchanged on both.

Dates are ``pl.Date``: a partial start (``2008-06``) is read as its first day, a partial end as its last day.
Places form a tree through ``parent``; ``ancestors`` lists every (place, ancestor) pair, self included, and
``locations`` maps every site, facility and place id to the places it lies in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from ..errors import InputError
from ..model import check_date, date_ceiling, date_floor

DATE = pl.Date
STR = pl.Utf8
LIST = pl.List(pl.Utf8)

SCHEMAS: dict[str, dict[str, Any]] = {
    "places": {"id": STR, "name": STR, "level": STR, "country": STR, "iso": STR, "parent": STR},
    "sites": {"id": STR, "name": STR, "host": STR, "place": STR, "site_type": STR, "controlled_by": STR,
              "tenants": LIST, "start": DATE, "end": DATE},
    "instruments": {"id": STR, "type": STR, "number": STR, "issued": DATE, "published_date": DATE,
                    "published": pl.Boolean, "bill": STR, "modifies": LIST},
    "authorizations": {"id": STR, "instrument": STR, "bill": STR, "visiting": STR, "host": STR,
                       "armed": pl.Boolean, "purpose": STR, "start": DATE, "end": DATE, "personnel": pl.Int64,
                       "places": LIST, "date_change_allowed_by": STR},
    "activities": {"id": STR, "name": STR, "activity_type": STR, "purpose": STR, "status": STR,
                   "visiting": LIST, "host": STR, "start": DATE, "end": DATE, "authorizations": LIST,
                   "sites": LIST, "places": LIST, "planned": pl.Int64, "observed": pl.Int64,
                   "armed": pl.Boolean, "date_changed_by": STR},
    "facilities": {"id": STR, "name": STR, "facility_type": STR, "activity": STR, "site": STR, "place": STR,
                   "visiting": STR, "host": STR, "personnel": pl.Int64, "status": STR, "start": DATE,
                   "end": DATE, "dismantled": DATE},
    "counts": {"id": STR, "visiting": STR, "host": STR, "date": DATE, "period": STR, "category": STR,
               "total": pl.Int64},
    "votes": {"id": STR, "date": DATE, "bill": STR, "instrument": STR, "yes": pl.Int64, "no": pl.Int64,
              "abstain": pl.Int64, "result": STR},
    "bills": {"id": STR, "number": STR, "enacted_as": STR, "filed": DATE},
    "funding": {"id": STR, "site": STR, "funder": STR, "host": STR, "amount_usd": pl.Float64},
}


def to_date(value: str | None, *, end: bool = False) -> dt.date | None:
    if not value:
        return None
    return dt.date.fromisoformat(date_ceiling(value) if end else date_floor(value))


def parse_day(value: str | None, name: str, *, end: bool = False) -> dt.date | None:
    """A date given by a person (CLI option, API argument): bad input is an InputError naming the option."""
    if value is None:
        return None
    try:
        check_date(value)
    except ValueError as exc:
        raise InputError(str(exc), where=name) from None
    return to_date(value, end=end)


def frame(name: str, rows: Iterable[dict[str, Any]]) -> pl.DataFrame:
    schema = SCHEMAS[name]
    data = list(rows)
    if not data:
        return pl.DataFrame(schema=schema)
    return pl.DataFrame(data, schema=schema, orient="row" if isinstance(data[0], tuple) else None)


@dataclass
class Frames:
    """The registry as tables. ``facts`` holds each site's (and facility's) ``facts`` dict, by id."""

    places: pl.DataFrame
    sites: pl.DataFrame
    instruments: pl.DataFrame
    authorizations: pl.DataFrame
    activities: pl.DataFrame
    facilities: pl.DataFrame
    counts: pl.DataFrame
    votes: pl.DataFrame
    bills: pl.DataFrame
    funding: pl.DataFrame
    facts: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema={"id": STR}))
    _ancestors: pl.DataFrame | None = None
    _locations: pl.DataFrame | None = None

    @property
    def ancestors(self) -> pl.DataFrame:
        """(place, ancestor) for every place and each place above it, the place itself included."""
        if self._ancestors is None:
            self._ancestors = place_ancestors(self.places)
        return self._ancestors

    @property
    def locations(self) -> pl.DataFrame:
        """(loc, ancestor): every site, facility and place id with every place (and site) it lies in."""
        if self._locations is None:
            self._locations = location_ancestors(self)
        return self._locations


def place_ancestors(places: pl.DataFrame) -> pl.DataFrame:
    """The transitive closure of ``parent``, by repeated joins (depth is small: country > department > ...)."""
    parents = places.select(pl.col("id").alias("place"), pl.col("parent").alias("ancestor")).drop_nulls()
    result = places.select(pl.col("id").alias("place"), pl.col("id").alias("ancestor"))
    frontier = parents
    for _ in range(12):
        if frontier.height == 0:
            break
        result = pl.concat([result, frontier])
        frontier = (frontier.join(parents.rename({"place": "ancestor", "ancestor": "up"}), on="ancestor")
                    .select("place", pl.col("up").alias("ancestor")))
    return result.unique()


def location_ancestors(frames: Frames) -> pl.DataFrame:
    anc = frames.ancestors
    site_places = frames.sites.select(pl.col("id").alias("loc"), pl.col("place")).drop_nulls()
    fac = frames.facilities
    fac_sites = fac.select(pl.col("id").alias("loc"), pl.col("site").alias("ancestor")).drop_nulls()
    fac_places = pl.concat([
        fac.select(pl.col("id").alias("loc"), pl.col("place")).drop_nulls(),
        fac.join(frames.sites.select("id", pl.col("place").alias("site_place")), left_on="site", right_on="id")
        .select(pl.col("id").alias("loc"), pl.col("site_place").alias("place")).drop_nulls(),
    ])
    via = pl.concat([site_places, fac_places]).join(anc, on="place").select("loc", "ancestor")
    own = pl.concat([frames.places.select("id"), frames.sites.select("id"), fac.select("id")]).select(
        pl.col("id").alias("loc"), pl.col("id").alias("ancestor"))
    own_places = anc.rename({"place": "loc"})
    return pl.concat([own, own_places, via, fac_sites]).unique()


def as_list(*cols: str | pl.Expr) -> pl.Expr:
    """Scalar columns as one list per row, like ``pl.concat_list`` of scalars but several times faster."""
    return pl.concat_arr(*cols).arr.to_list()


def host_place(col: str = "host") -> pl.Expr:
    return pl.concat_str(pl.lit("place:"), pl.col(col).str.to_lowercase())


def where(col_sites: str | None, col_places: str) -> pl.Expr:
    """The locations of a record: its sites, else its places, else its host country."""
    sites = pl.col(col_sites) if col_sites else pl.lit(None, dtype=pl.List(pl.Utf8))
    places = pl.col(col_places)
    return (pl.when(sites.list.len() > 0).then(sites)
            .when(places.list.len() > 0).then(places)
            .otherwise(as_list(host_place())))


def ongoing_end(today: dt.date | None = None) -> pl.Expr:
    """An activity's end; an ongoing activity with no end runs until ``today`` (default: the current date)."""
    return pl.when(pl.col("end").is_null() & (pl.col("status") == "ongoing")).then(
        pl.lit(today or dt.date.today())).otherwise(pl.col("end")).alias("end")


# --- reading the store --------------------------------------------------------------------------------------


def _d(value: str | None) -> dt.date | None:
    return to_date(value)


def _e(value: str | None) -> dt.date | None:
    return to_date(value, end=True)


def _places(items: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for r in items:
        yield {"id": r["id"], "name": r.get("name"), "level": r.get("level"), "country": r.get("country"),
               "iso": r.get("iso_3166_2"), "parent": r.get("parent")}


def _sites(items: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for r in items:
        yield {"id": r["id"], "name": r.get("name"), "host": r.get("host_country"), "place": r.get("place"),
               "site_type": r.get("site_type", "host_facility"), "controlled_by": r.get("controlled_by"),
               "tenants": r.get("tenants", []), "start": _d(r.get("start")), "end": _e(r.get("end"))}


def _instruments(items: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for r in items:
        yield {"id": r["id"], "type": r.get("type"), "number": r.get("number"), "issued": _d(r.get("issued_date")),
               "published_date": _d(r.get("published_date")), "published": r.get("published"),
               "bill": r.get("bill"), "modifies": r.get("modifies", [])}


def _authorizations(items: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for r in items:
        yield {"id": r["id"], "instrument": r.get("instrument"), "bill": r.get("bill"),
               "visiting": r.get("visiting_country"), "host": r.get("host_country"), "armed": r.get("armed"),
               "purpose": r.get("purpose_category", "other"), "start": _d(r.get("start")),
               "end": _e(r.get("end")), "personnel": r.get("personnel"), "places": r.get("places", []),
               "date_change_allowed_by": r.get("date_change_allowed_by")}


def _date_change(history: list[dict[str, Any]]) -> str | None:
    """The instrument a recorded date change cites ('' when a date change cites none)."""
    out = None
    for event in history:
        if any(k in event for k in ("start", "new_start", "date_change", "rescheduled")):
            out = event.get("instrument") or event.get("by") or ""
    return out


def _activities(items: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for r in items:
        yield {"id": r["id"], "name": r.get("name"), "activity_type": r.get("activity_type", "other"),
               "purpose": r.get("purpose_category", "other"), "status": r.get("status", "planned"),
               "visiting": r.get("visiting_countries", []), "host": r.get("host_country"),
               "start": _d(r.get("start")), "end": _e(r.get("end")), "authorizations": r.get("authorizations", []),
               "sites": r.get("sites", []), "places": r.get("places", []), "planned": r.get("personnel_planned"),
               "observed": r.get("personnel_observed"), "armed": r.get("armed"),
               "date_changed_by": _date_change(r.get("status_history", []))}


def _facilities(items: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for r in items:
        dates = {e["status"]: e.get("date") for e in r.get("lifecycle", [])}
        start = dates.get("established") or dates.get("operating") or dates.get("planned")
        gone = dates.get("dismantled") or dates.get("site_restored")
        status = r["lifecycle"][-1]["status"] if r.get("lifecycle") else None
        yield {"id": r["id"], "name": r.get("name"), "facility_type": r.get("facility_type", "other"),
               "activity": r.get("activity"), "site": r.get("site"), "place": r.get("place"),
               "visiting": r.get("visiting_country"), "host": r.get("host_country"), "personnel": r.get("personnel"),
               "status": status, "start": _d(start), "end": _e(gone), "dismantled": _e(gone)}


def _counts(items: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for r in items:
        total = r.get("total")
        if total is None and r.get("active_duty") is not None:
            total = r["active_duty"]
        yield {"id": r["id"], "visiting": r.get("visiting_country"), "host": r.get("host_country"),
               "date": _e(r.get("date")), "period": r.get("period", "quarter"),
               "category": r.get("category", "permanent"), "total": total}


def _votes(items: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for r in items:
        t = r.get("totals", {})
        yield {"id": r["id"], "date": _d(r.get("date")), "bill": r.get("bill"), "instrument": r.get("instrument"),
               "yes": t.get("yes"), "no": t.get("no"), "abstain": t.get("abstain"),
               "result": r.get("result", "unknown")}


def _bills(items: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for r in items:
        yield {"id": r["id"], "number": r.get("number"), "enacted_as": r.get("enacted_as"),
               "filed": _d(r.get("filed"))}


def _funding(spending: Iterator[dict[str, Any]], procurement: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for r in spending:
        if r.get("site"):
            yield {"id": r["id"], "site": r["site"], "funder": r.get("visiting_country"),
                   "host": r.get("host_country"), "amount_usd": float(r.get("amount_thousands_usd") or 0) * 1000}
    for r in procurement:
        # an FMS case is bought by the host: it funds nothing for the host unless financed by the seller
        financed = (r.get("financed_by") or "").upper()
        if r.get("site") and financed and financed[:2] == (r.get("seller_country") or "").upper():
            yield {"id": r["id"], "site": r["site"], "funder": r.get("seller_country"),
                   "host": r.get("buyer_country"), "amount_usd": r.get("value_usd")}


def facts_frame(items: list[tuple[str, dict[str, Any]]]) -> pl.DataFrame:
    """One column ``fact_<key>`` per fact key; None means unknown. Mixed value types fall back to text."""
    keys = sorted({k for _, facts in items for k in facts})
    columns: dict[str, pl.Series] = {"id": pl.Series("id", [i for i, _ in items], dtype=STR)}
    for key in keys:
        values = [facts.get(key) for _, facts in items]
        present = [v for v in values if v is not None]
        if all(isinstance(v, bool) for v in present):
            dtype: Any = pl.Boolean
        elif all(isinstance(v, int | float) and not isinstance(v, bool) for v in present):
            dtype = pl.Float64
        else:
            dtype = STR
            values = [None if v is None else str(v) for v in values]
        columns[f"fact_{key}"] = pl.Series(f"fact_{key}", values, dtype=dtype)
    return pl.DataFrame(list(columns.values()))


def load_frames(store: Any) -> Frames:
    """Read the registry (with ``store.iter_data``) into the engine's tables."""
    sites_raw = list(store.iter_data("site"))
    facilities_raw = list(store.iter_data("facility"))
    facts = [(r["id"], r.get("facts") or {}) for r in sites_raw]
    facts += [(r["id"], r.get("facts") or {}) for r in facilities_raw]
    return Frames(
        places=frame("places", _places(store.iter_data("place"))),
        sites=frame("sites", _sites(sites_raw)),
        instruments=frame("instruments", _instruments(store.iter_data("instrument"))),
        authorizations=frame("authorizations", _authorizations(store.iter_data("authorization"))),
        activities=frame("activities", _activities(store.iter_data("activity"))),
        facilities=frame("facilities", _facilities(facilities_raw)),
        counts=frame("counts", _counts(store.iter_data("personnel_count"))),
        votes=frame("votes", _votes(store.iter_data("vote"))),
        bills=frame("bills", _bills(store.iter_data("bill"))),
        funding=frame("funding", _funding(store.iter_data("spending"), store.iter_data("procurement"))),
        facts=facts_frame(facts),
    )


def resolve_place(frames: Frames, spec: str) -> list[str]:
    """Place ids a filter means: an ISO 3166-2 code (``PE-LOR``), a country code (``PE``) or a record id.

    Raises InputError naming ``place`` when nothing matches.
    """
    spec = spec.strip()
    if ":" in spec:
        known = frames.locations.filter(pl.col("loc") == spec)
        if known.height:
            return [spec]
        raise InputError(f"no place, site or facility {spec!r} in the registry", where="place")
    upper = spec.upper()
    p = frames.places
    hits = p.filter((pl.col("iso") == upper) | ((pl.col("level") == "country") & (pl.col("country") == upper)))
    if hits.height:
        return hits["id"].to_list()
    if len(upper) == 2 and upper.isalpha():
        return [f"place:{upper.lower()}"]  # a country with no place record: matched by host country
    raise InputError(f"{spec!r} is not a known place (use an ISO 3166-2 code like PE-LOR, a country code "
                     f"or a record id)", where="place")


def within(frames: Frames, locs: pl.DataFrame, targets: list[str], loc_col: str = "loc") -> pl.Series:
    """Boolean mask: which rows of ``locs`` lie in (or are) one of ``targets``."""
    inside = frames.locations.filter(pl.col("ancestor").is_in(targets)).select("loc").unique()
    country_ids = [t for t in targets if t.startswith("place:") and len(t) == 8]
    mask = locs[loc_col].is_in(inside["loc"].implode())
    for t in country_ids:  # a bare country code also matches rows hosted there
        if "host" in locs.columns:
            mask = mask | (locs["host"] == t.split(":")[1].upper())
    return mask
