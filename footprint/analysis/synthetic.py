"""A seeded synthetic global registry, generated directly as the engine's tables (``Frames``).

At scale 1.0: 1,000,000 activities, 100,000 authorizations, 50,000 sites, 200 host countries over 20 years,
plus places (country > 10 departments > 5 cities each), instruments, temporary facilities and quarterly
personnel counts. Values come from seeded hashes of row numbers (no NumPy needed), so the same seed gives the
same registry. A fraction of the activities is deliberately non-compliant (late, over cap, elsewhere, another
purpose, armed under an RM) so the compliance checks have work to do.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from .frames import SCHEMAS, Frames

SIZES = {"activities": 1_000_000, "authorizations": 100_000, "sites": 50_000, "countries": 200, "years": 20}
DEPARTMENTS, CITIES = 10, 5
START = dt.date(2006, 1, 1)
PURPOSES = ["training", "exercise", "humanitarian", "counter_narcotics", "medical_research", "coordination_visit",
            "disaster_relief", "other"]
TYPES = ["RL", "RL", "RL", "RM", "RM", "RS", "AGREEMENT"]
SITE_TYPES = ["host_facility", "host_facility", "host_facility", "foreign_facility", "funded_facility", "city",
              "region"]
STATUSES = ["completed", "completed", "completed", "completed", "planned", "ongoing", "cancelled"]


def _codes(n: int) -> list[str]:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return [letters[i // 26] + letters[i % 26] for i in range(n)]


class _Rng:
    """Seeded pseudo-random columns: hashes of row numbers, one salt per column."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.salt = 0

    def ints(self, k: int) -> pl.Expr:
        self.salt += 1
        rows = pl.int_range(0, pl.len(), dtype=pl.UInt64).cast(pl.Utf8)  # text hashes mix well; integer ones do not
        return (rows.hash(self.seed * 7919 + self.salt) % k).cast(pl.Int64)

    def chance(self, p: float) -> pl.Expr:
        return self.ints(1_000_000) < int(p * 1_000_000)


def _pick(options: list[str], index: pl.Expr) -> pl.Expr:
    return index.replace_strict(list(range(len(options))), options, return_dtype=pl.Utf8)


def _rows(n: int) -> pl.DataFrame:
    return pl.DataFrame({"i": pl.int_range(0, n, eager=True, dtype=pl.Int64)})


def generate(scale: float = 1.0, seed: int = 42) -> Frames:
    """The synthetic registry as engine tables."""
    r = _Rng(seed)
    n_c = max(2, min(SIZES["countries"], round(SIZES["countries"] * max(scale, 0.05))))
    n_auth, n_act = (max(10, round(SIZES[k] * scale)) for k in ("authorizations", "activities"))
    n_site = max(1, round(SIZES["sites"] * scale) // n_c) * n_c  # a multiple of the host count
    days = SIZES["years"] * 365
    codes = _codes(n_c + 1)
    hosts, visitor_pool = codes[:n_c], codes
    code = pl.Series(hosts)

    def place_id(c: pl.Expr, d: pl.Expr | None = None, city: pl.Expr | None = None) -> pl.Expr:
        parts = [pl.lit("place:"), c.str.to_lowercase()]
        if d is not None:
            parts += [pl.lit("-d"), d.cast(pl.Utf8)]
        if city is not None:
            parts += [pl.lit("-c"), city.cast(pl.Utf8)]
        return pl.concat_str(parts)

    countries = pl.DataFrame({"c": code})
    deps = countries.join(_rows(DEPARTMENTS).rename({"i": "d"}), how="cross")
    cities = deps.join(_rows(CITIES).rename({"i": "k"}), how="cross")
    places = pl.concat([
        countries.select(place_id(pl.col("c")).alias("id"), pl.col("c").alias("name"), pl.lit("country").alias("level"),
                         pl.col("c").alias("country"), pl.col("c").alias("iso"), pl.lit(None, pl.Utf8).alias("parent")),
        deps.select(place_id(pl.col("c"), pl.col("d")).alias("id"), pl.lit("dep").alias("name"),
                    pl.lit("department").alias("level"), pl.col("c").alias("country"),
                    pl.concat_str(pl.col("c"), pl.lit("-D"), pl.col("d").cast(pl.Utf8)).alias("iso"),
                    place_id(pl.col("c")).alias("parent")),
        cities.select(place_id(pl.col("c"), pl.col("d"), pl.col("k")).alias("id"), pl.lit("city").alias("name"),
                      pl.lit("city").alias("level"), pl.col("c").alias("country"), pl.lit(None, pl.Utf8).alias("iso"),
                      place_id(pl.col("c"), pl.col("d")).alias("parent")),
    ])

    def host_of(index: pl.Expr) -> pl.Expr:
        return index.replace_strict(list(range(n_c)), hosts, return_dtype=pl.Utf8)

    # sites: spread over the cities of each host
    sites = _rows(n_site).with_columns((pl.col("i") % n_c).alias("h"), r.ints(DEPARTMENTS).alias("d"),
                                       r.ints(CITIES).alias("k"), r.ints(len(SITE_TYPES)).alias("t"),
                                       r.ints(days).alias("s0"))
    sites = sites.with_columns(host_of(pl.col("h")).alias("host"))
    sites_t = sites.select(
        pl.concat_str(pl.lit("site:"), pl.col("host").str.to_lowercase(), pl.lit("-s"), pl.col("i").cast(pl.Utf8))
        .alias("id"), pl.lit("site").alias("name"), "host", place_id(pl.col("host"), pl.col("d"), pl.col("k")).alias("place"),
        _pick(SITE_TYPES, pl.col("t")).alias("site_type"),
        pl.when(r.chance(0.6)).then(pl.col("host")).otherwise(None).alias("controlled_by"),
        pl.when(r.chance(0.1)).then(pl.lit(["unit"])).otherwise(pl.lit([], dtype=pl.List(pl.Utf8))).alias("tenants"),
        pl.when(r.chance(0.5)).then(pl.lit(START) + pl.duration(days=pl.col("s0") - days)).otherwise(None).alias("start"),
        pl.lit(None, pl.Date).alias("end"))
    nullable = {"permanent_foreign_personnel": r.ints(3000).cast(pl.Float64), "foreign_controlled": r.chance(0.1),
                "foreign_funded": r.chance(0.3), "family_support": r.chance(0.1),
                "prepositioned_equipment": r.chance(0.2), "command_and_control": r.chance(0.1),
                "foreign_infrastructure": r.chance(0.2)}
    facts = sites_t.select("id", *[pl.when(r.chance(0.5)).then(v).otherwise(None).alias(f"fact_{k}")
                                   for k, v in nullable.items()])

    # instruments and authorizations (one instrument each)
    auth = _rows(n_auth).with_columns(r.ints(n_c).alias("h"), r.ints(len(visitor_pool)).alias("v"),
                                      r.ints(days).alias("s0"), (r.ints(365) + 1).alias("len"),
                                      r.ints(len(TYPES)).alias("t"), r.ints(DEPARTMENTS).alias("d1"),
                                      r.ints(DEPARTMENTS).alias("d2"), r.ints(len(PURPOSES)).alias("p"))
    auth = auth.with_columns(host_of(pl.col("h")).alias("host"),
                             pl.col("v").replace_strict(list(range(len(visitor_pool))), visitor_pool,
                                                        return_dtype=pl.Utf8).alias("visiting"),
                             pl.concat_str(pl.lit("-a"), pl.col("i").cast(pl.Utf8)).alias("slug"))
    auth = auth.with_columns(pl.when(pl.col("visiting") == pl.col("host")).then(pl.lit(codes[-1]))
                             .otherwise(pl.col("visiting")).alias("visiting"))
    start = pl.lit(START) + pl.duration(days=pl.col("s0"))
    instruments = auth.select(
        pl.concat_str(pl.lit("instrument:"), pl.col("host").str.to_lowercase(), pl.col("slug")).alias("id"),
        _pick(TYPES, pl.col("t")).alias("type"), pl.col("i").cast(pl.Utf8).alias("number"), start.alias("issued"),
        pl.when(r.chance(0.9)).then(start).otherwise(None).alias("published_date"),
        pl.lit(None, pl.Boolean).alias("published"), pl.lit(None, pl.Utf8).alias("bill"),
        pl.lit([], dtype=pl.List(pl.Utf8)).alias("modifies"))
    auth_t = auth.select(
        pl.concat_str(pl.lit("authorization:"), pl.col("host").str.to_lowercase(), pl.col("slug")).alias("id"),
        pl.concat_str(pl.lit("instrument:"), pl.col("host").str.to_lowercase(), pl.col("slug")).alias("instrument"),
        pl.lit(None, pl.Utf8).alias("bill"), "visiting", "host",
        pl.when(r.chance(0.05)).then(None).otherwise(r.chance(0.7)).alias("armed"),
        _pick(PURPOSES, pl.col("p")).alias("purpose"), start.alias("start"),
        (start + pl.duration(days=pl.col("len") - 1)).alias("end"),
        pl.when(r.chance(0.1)).then(None).otherwise(r.ints(2000) + 1).alias("personnel"),
        pl.concat_list(place_id(pl.col("host"), pl.col("d1")), place_id(pl.col("host"), pl.col("d2")))
        .list.unique(maintain_order=True).alias("places"),
        pl.when(r.chance(0.2)).then(pl.lit("RS")).otherwise(None).alias("date_change_allowed_by"))

    # activities: most under one authorization, near its dates and places
    a = auth_t.with_row_index("ai").select("ai", pl.col("id").alias("auth"), "visiting", "host", "start", "end",
                                            "personnel", "places", "purpose")
    acts = _rows(n_act).with_columns(r.ints(n_auth).alias("ai"), r.ints(60).alias("off"), (r.ints(90) + 1).alias("len"),
                                     r.ints(CITIES).alias("k"), r.ints(max(1, n_site // n_c)).alias("si"),
                                     r.ints(len(STATUSES)).alias("st"), r.ints(len(PURPOSES)).alias("p"))
    acts = acts.with_columns(pl.col("ai").cast(pl.UInt32)).join(a, on="ai", how="left")
    a_start = pl.col("start") + pl.duration(days=pl.col("off"))
    site_index = (pl.col("si") * n_c + acts_host_index(hosts)) % n_site
    acts_t = acts.with_columns(site_index.alias("site_i")).select(
        pl.concat_str(pl.lit("activity:"), pl.col("host").str.to_lowercase(), pl.lit("-x"), pl.col("i").cast(pl.Utf8))
        .alias("id"), pl.lit("activity").alias("name"), pl.lit("other").alias("activity_type"),
        pl.when(r.chance(0.9)).then(pl.col("purpose")).otherwise(_pick(PURPOSES, pl.col("p"))).alias("purpose"),
        _pick(STATUSES, pl.col("st")).alias("status"), pl.concat_list("visiting").alias("visiting"), "host",
        pl.when(r.chance(0.02)).then(None).otherwise(a_start).alias("start"),
        (a_start + pl.duration(days=pl.col("len") - 1)).alias("end"),
        pl.when(r.chance(0.1)).then(pl.lit([], dtype=pl.List(pl.Utf8))).otherwise(pl.concat_list("auth"))
        .alias("authorizations"),
        pl.when(r.chance(0.3)).then(pl.concat_list(pl.concat_str(pl.lit("site:"), pl.col("host").str.to_lowercase(),
                                                                 pl.lit("-s"), pl.col("site_i").cast(pl.Utf8))))
        .otherwise(pl.lit([], dtype=pl.List(pl.Utf8))).alias("sites"),
        pl.when(r.chance(0.05)).then(pl.concat_list(place_id(pl.col("host"), pl.lit(9), pl.col("k"))))
        .otherwise(pl.concat_list(pl.concat_str(pl.col("places").list.first(), pl.lit("-c"), pl.col("k").cast(pl.Utf8))))
        .alias("places"),
        pl.when(r.chance(0.5)).then(r.ints(300) + 1).otherwise(None).alias("planned"),
        pl.when(r.chance(0.5)).then(r.ints(300) + 1).otherwise(None).alias("observed"),
        r.chance(0.7).alias("armed"), pl.lit(None, pl.Utf8).alias("date_changed_by"))

    n_fac = max(1, n_act // 50)
    fac = acts_t.head(n_fac).with_columns(r.ints(len(hosts)).alias("z"))
    fac_t = fac.select(
        pl.col("id").str.replace("activity:", "facility:").alias("id"), pl.lit("camp").alias("name"),
        pl.lit("base_camp").alias("facility_type"), pl.col("id").alias("activity"),
        pl.col("sites").list.first().alias("site"), pl.col("places").list.first().alias("place"),
        pl.col("visiting").list.first().alias("visiting"), "host",
        pl.when(r.chance(0.5)).then(r.ints(500) + 1).otherwise(None).alias("personnel"),
        pl.lit("dismantled").alias("status"), "start", "end", pl.col("end").alias("dismantled"))
    quarters = SIZES["years"] * 4
    counts = countries.join(_rows(quarters).rename({"i": "q"}), how="cross").select(
        pl.concat_str(pl.lit("personnel_count:zz-"), pl.col("c").str.to_lowercase(), pl.lit("-q"),
                      pl.col("q").cast(pl.Utf8)).alias("id"), pl.lit(codes[-1]).alias("visiting"),
        pl.col("c").alias("host"),
        (pl.lit(START) + pl.duration(days=pl.col("q") * 91 + 89)).alias("date"), pl.lit("day").alias("period"),
        pl.lit("permanent").alias("category"), r.ints(5000).alias("total"))

    def cast(name: str, df: pl.DataFrame) -> pl.DataFrame:
        return df.select([pl.col(c).cast(t) for c, t in SCHEMAS[name].items()])

    empty = {k: pl.DataFrame(schema=SCHEMAS[k]) for k in ("votes", "bills", "funding")}
    return Frames(places=cast("places", places), sites=cast("sites", sites_t),
                  instruments=cast("instruments", instruments), authorizations=cast("authorizations", auth_t),
                  activities=cast("activities", acts_t), facilities=cast("facilities", fac_t),
                  counts=cast("counts", counts), facts=facts, **empty)


def acts_host_index(hosts: list[str]) -> pl.Expr:
    """The index of an activity's host in the host list (sites of host h are h, h + n, h + 2n, ...)."""
    return pl.col("host").replace_strict(hosts, list(range(len(hosts))), return_dtype=pl.Int64)
