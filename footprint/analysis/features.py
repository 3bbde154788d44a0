"""Site features: the facts typology criteria are evaluated on, one row per site and temporary facility.

Each feature is a nullable column (null = the registry cannot tell) with an evidence column ``ev_<feature>``
listing the record ids it rests on. A site's own ``facts`` (``permanent_foreign_personnel``,
``foreign_controlled``, ``foreign_funded``, ``family_support``, ``prepositioned_equipment``, ...) come first;
where a fact is missing, the feature is derived from other records (site type, who controls it, tenants,
activities and their continuity, funding, agreements), and stays null when nothing says.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import polars as pl

from .continuity import chains_frame, longest, presences
from .frames import Frames, as_list

FEATURES = ("installation", "foreign_controlled", "permanent_personnel", "permanent_unit", "family_support",
            "prepositioned_equipment", "command_and_control", "foreign_infrastructure", "foreign_funded",
            "rotations", "longest_run_days", "security_cooperation", "standing_agreement", "time_limited_use",
            "activity_bound", "dismantled")
FACT_KEYS = {
    "foreign_controlled": pl.Boolean, "permanent_foreign_personnel": pl.Float64, "permanent_unit": pl.Boolean,
    "family_support": pl.Boolean, "prepositioned_equipment": pl.Boolean, "command_and_control": pl.Boolean,
    "foreign_infrastructure": pl.Boolean, "foreign_owned": pl.Boolean, "foreign_maintained": pl.Boolean,
    "foreign_funded": pl.Boolean, "security_cooperation": pl.Boolean, "standing_agreement": pl.Boolean,
    "basing_agreement": pl.Boolean, "access_agreement": pl.Boolean, "time_limited_use": pl.Boolean,
    "activity_bound": pl.Boolean, "temporary": pl.Boolean, "dismantled": pl.Boolean,
}
INSTALLATION_TYPES = ["host_facility", "foreign_facility", "funded_facility", "embassy"]
AREA_TYPES = ["city", "region", "sea_area"]
COOPERATION = ["training", "exercise", "counter_narcotics", "disaster_relief", "humanitarian"]
AGREEMENTS = ["AGREEMENT", "TREATY"]


def _fact(name: str) -> pl.Expr:
    return pl.col(f"fact_{name}")


def _ids(df: pl.DataFrame, name: str) -> pl.DataFrame:
    """(id, ev_<name>) evidence lists from (id, record) pairs."""
    return df.group_by("id").agg(pl.col("record").unique().sort().alias(f"ev_{name}"))


def _agreed(frames: Frames, agreements: pl.DataFrame) -> pl.DataFrame:
    """(id, ev_standing_agreement): the agreements covering a place each site lies in, as :func:`_ids` gives.

    Each place's agreements are listed once (few places), then handed to every location under it; a location
    under several such places merges their lists.
    """
    per_place = (agreements.select(pl.col("id").alias("record"), pl.col("places").alias("ancestor"))
                 .explode("ancestor").drop_nulls("ancestor")
                 .group_by("ancestor").agg(pl.col("record").unique().sort().alias("ev_standing_agreement")))
    hits = frames.locations.rename({"loc": "id"}).join(per_place, on="ancestor").select(
        "id", "ev_standing_agreement", pl.col("id").is_unique().alias("one"))
    several = hits.filter(~pl.col("one")).group_by("id").agg(
        pl.col("ev_standing_agreement").list.explode(keep_nulls=False, empty_as_null=False).unique().sort())
    return pl.concat([hits.filter(pl.col("one")).drop("one"), several])


def _with_facts(frames: Frames, base: pl.DataFrame) -> pl.DataFrame:
    df = base.join(frames.facts, on="id", how="left")
    for key, dtype in FACT_KEYS.items():
        col = f"fact_{key}"
        if col not in df.columns:
            df = df.with_columns(pl.lit(None, dtype=dtype).alias(col))
        elif df[col].dtype == pl.Utf8 and dtype == pl.Boolean:
            # a fact written as text ("navy-to-navy agreement 1983") says the thing exists
            text = pl.col(col).str.strip_chars().str.to_lowercase()
            df = df.with_columns(pl.when(text.is_in(["false", "no", "none", "0"])).then(False)
                                 .when(text.is_in(["", "unknown", "null"]) | text.is_null()).then(None)
                                 .otherwise(True).alias(col))
        else:
            df = df.with_columns(pl.col(col).cast(dtype, strict=False))
    return df


def features(frames: Frames, at: dt.date | None = None, max_gap_days: int = 30,
             chains: pl.DataFrame | None = None) -> pl.DataFrame:
    """One row per site and temporary facility with every feature of ``FEATURES`` and its evidence.

    ``chains``: the longest chain per location (:func:`continuity.longest` of :func:`continuity.chains_frame`)
    when the caller already has them for the same ``at`` and gap; they are computed otherwise.

    ``security_cooperation`` is true when an activity at the site is training, an exercise, counter-narcotics,
    humanitarian or disaster relief; false when the site has recorded activities and none is (its recorded use is
    something else, e.g. medical research); unknown when nothing is recorded there.
    """
    sites, facs, acts = frames.sites, frames.facilities, frames.activities
    acts = acts.select("id", "status", "purpose", "visiting", "host", "start", "end", "authorizations", "sites",
                       "places").filter(pl.col("status") != "cancelled")
    if at is not None:
        sites = sites.filter((pl.col("start").is_null() | (pl.col("start") <= at))
                             & (pl.col("end").is_null() | (pl.col("end") >= at)))
        facs = facs.filter(pl.col("start").is_null() | (pl.col("start") <= at))
        acts = acts.filter(pl.col("start").is_null() | (pl.col("start") <= at))
    base = pl.concat([
        sites.select("id", pl.lit("site").alias("kind"), "name", "host", "place", "site_type", "controlled_by",
                     pl.col("tenants").list.len().alias("n_tenants"), pl.lit(None, dtype=pl.Utf8).alias("activity"),
                     pl.lit(None, dtype=pl.Date).alias("dismantled_on"), "start"),
        facs.select("id", pl.lit("facility").alias("kind"), "name", "host", "place",
                    pl.lit("temporary_facility").alias("site_type"), pl.lit(None, dtype=pl.Utf8).alias("controlled_by"),
                    pl.lit(0, dtype=pl.UInt32).alias("n_tenants"), "activity", pl.col("dismantled").alias("dismantled_on"),
                    "start"),
    ])
    df = _with_facts(frames, base)
    fac = pl.col("kind") == "facility"

    # records at each site: activities naming it, and temporary facilities set up there
    at_site = acts.select(pl.col("id").alias("record"), pl.col("sites").alias("id"), "purpose"
                          ).explode("id").drop_nulls("id")
    coop = _ids(at_site.filter(pl.col("purpose").is_in(COOPERATION)), "security_cooperation")
    busy = _ids(at_site, "activities")
    used = (acts.select("id", "sites", "authorizations")
            .filter((pl.col("authorizations").list.len() > 0) & (pl.col("sites").list.len() > 0))
            .select(pl.col("sites").alias("id"), pl.concat_list("id", "authorizations").alias("record"))
            .explode("id").drop_nulls("id").explode("record"))
    auth = frames.authorizations.join(frames.instruments.select(pl.col("id").alias("instrument"), "type"),
                                      on="instrument", how="left")
    site_places = sites.select("id", "place").drop_nulls()
    direct = (auth.filter(~pl.col("type").is_in(AGREEMENTS).fill_null(True) & pl.col("end").is_not_null())
              .select(pl.col("id").alias("record"), pl.col("places").alias("place")).explode("place")
              .join(site_places, on="place").select("id", "record"))
    limited = _ids(pl.concat([used.select("id", "record"), direct]), "time_limited_use")
    agreed = _agreed(frames, auth.filter(pl.col("type").is_in(AGREEMENTS)))
    funded = _ids(frames.funding.select("site", pl.col("id").alias("record")).rename({"site": "id"}), "foreign_funded")

    if chains is None:
        chains = longest(chains_frame(presences(replace(frames, activities=acts, facilities=facs), today=at),
                                      max_gap_days))
    best = chains.select(
        pl.col("loc").alias("id"), pl.col("rotations"), pl.col("days").alias("longest_run_days"),
        pl.col("records").alias("ev_rotations"))
    for extra in (coop, busy, limited, agreed, funded, best):
        df = df.join(extra, on="id", how="left")

    own = as_list("id")
    with_activity = as_list("id", "activity").list.drop_nulls()
    foreign_ctl = (pl.when(_fact("foreign_controlled").is_not_null()).then(_fact("foreign_controlled"))
                   .when(pl.col("controlled_by").is_not_null()).then(pl.col("controlled_by") != pl.col("host"))
                   .when(pl.col("site_type") == "foreign_facility").then(True)
                   .otherwise(None))
    personnel = (pl.when(_fact("permanent_foreign_personnel").is_not_null()).then(_fact("permanent_foreign_personnel"))
                 .when(fac & pl.col("activity").is_not_null()).then(0.0).otherwise(None))
    infra = pl.coalesce(_fact("foreign_infrastructure"), _fact("foreign_owned"), _fact("foreign_maintained"),
                        pl.when(pl.col("site_type") == "foreign_facility").then(True).otherwise(None))
    df = df.with_columns(
        pl.when(fac | pl.col("site_type").is_in(INSTALLATION_TYPES)).then(True)
        .when(pl.col("site_type").is_in(AREA_TYPES)).then(False).otherwise(None).alias("installation"),
        foreign_ctl.alias("foreign_controlled"),
        personnel.alias("permanent_personnel"),
        pl.coalesce(_fact("permanent_unit"),
                    pl.when(personnel.is_not_null()).then(personnel > 0)
                    .when(pl.col("n_tenants") > 0).then(True).otherwise(None)).alias("permanent_unit"),
        _fact("family_support").alias("family_support"),
        _fact("prepositioned_equipment").alias("prepositioned_equipment"),
        _fact("command_and_control").alias("command_and_control"),
        infra.alias("foreign_infrastructure"),
        pl.coalesce(_fact("foreign_funded"),
                    pl.when(pl.col("ev_foreign_funded").is_not_null()
                            | (pl.col("site_type") == "funded_facility")).then(True).otherwise(None)
                    ).alias("foreign_funded"),
        pl.col("rotations").cast(pl.Float64),
        pl.col("longest_run_days").cast(pl.Float64),
        pl.coalesce(_fact("security_cooperation"),
                    pl.when(pl.col("ev_security_cooperation").is_not_null()).then(True)
                    .when(pl.col("ev_activities").is_not_null()).then(False)  # its recorded use is something else
                    .otherwise(None)).alias("security_cooperation"),
        pl.coalesce(_fact("standing_agreement"), _fact("basing_agreement"), _fact("access_agreement"),
                    pl.when(pl.col("ev_standing_agreement").is_not_null()).then(True).otherwise(None)
                    ).alias("standing_agreement"),
        pl.coalesce(_fact("time_limited_use"),
                    pl.when(pl.col("ev_time_limited_use").is_not_null()).then(True).otherwise(None)
                    ).alias("time_limited_use"),
        pl.coalesce(_fact("activity_bound"), _fact("temporary"),
                    pl.when(fac).then(pl.when(pl.col("activity").is_not_null()).then(True).otherwise(None))
                    .otherwise(False)).alias("activity_bound"),
        pl.coalesce(_fact("dismantled"),
                    pl.when(pl.col("dismantled_on").is_not_null()
                            & (pl.lit(at).is_null() | (pl.col("dismantled_on") <= pl.lit(at, dtype=pl.Date))))
                    .then(True).otherwise(None)).alias("dismantled"),
    )
    ev_own = {f: own for f in FEATURES}
    ev_own.update(permanent_personnel=with_activity, activity_bound=with_activity, dismantled=own)
    derived = {"security_cooperation", "time_limited_use", "standing_agreement", "foreign_funded"}
    evid = []
    for f in FEATURES:
        if f == "security_cooperation":
            evid.append(pl.concat_list(own, pl.coalesce(f"ev_{f}", "ev_activities",
                                                        pl.lit([], dtype=pl.List(pl.Utf8)))).alias(f"ev_{f}"))
        elif f in derived:
            evid.append(pl.concat_list(own, pl.col(f"ev_{f}").fill_null(pl.lit([], dtype=pl.List(pl.Utf8))))
                        .list.unique(maintain_order=True).alias(f"ev_{f}"))
        elif f in ("rotations", "longest_run_days"):
            evid.append(pl.col("ev_rotations").fill_null(pl.lit([], dtype=pl.List(pl.Utf8))).alias(f"ev_{f}"))
        else:
            evid.append(ev_own[f].alias(f"ev_{f}"))
    return df.with_columns(evid).select("id", "kind", "name", "host", "start", *FEATURES,
                                        *[f"ev_{f}" for f in FEATURES])
