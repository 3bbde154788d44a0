"""Compliance of authorizations and activities with a jurisdiction's rules, read from its ``rules.toml``.

``footprint/jurisdictions/<cc>/rules.toml`` lists rules; each names one of the generic checks below (``CHECKS``)
with its parameters, a severity and a legal reference. A check is one vectorized pass over the registry's
tables returning ``(records, detail)`` rows; ``check`` turns them into DESIGN.md's ``check --json`` findings.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import polars as pl

from ..errors import InputError
from .frames import Frames, as_list, load_frames, parse_day

JURISDICTIONS = Path(__file__).resolve().parent.parent / "jurisdictions"
SEVERITIES = ("error", "warning", "info")
EMPTY = pl.DataFrame(schema={"records": pl.List(pl.Utf8), "detail": pl.Utf8})
Check = Callable[[Frames, dict[str, Any], str, dt.date], pl.DataFrame]


@lru_cache(maxsize=8)
def load_rules(jurisdiction: str) -> dict[str, Any]:
    """The rules file of a jurisdiction (``PE`` -> ``footprint/jurisdictions/pe/rules.toml``)."""
    path = JURISDICTIONS / jurisdiction.lower() / "rules.toml"
    if not path.is_file():
        raise InputError(f"no rules for jurisdiction {jurisdiction!r} (expected {path})", where="jurisdiction")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(exc), where=str(path)) from None
    for i, rule in enumerate(data.get("rules", [])):
        for key in ("id", "check", "severity", "legal_reference", "message"):
            if key not in rule:
                raise InputError(f"rules[{i}]: missing {key!r}", where=str(path))
        if rule["check"] not in CHECKS:
            raise InputError(f"rules[{i}].check: unknown check {rule['check']!r}", where=str(path))
        if rule["severity"] not in SEVERITIES:
            raise InputError(f"rules[{i}].severity: expected one of {', '.join(SEVERITIES)}", where=str(path))
    return data


# --- the tables the checks share ----------------------------------------------------------------------------


def _host(cc: str) -> pl.Expr:
    """Rows hosted by the jurisdiction (``*``: every host, for the benchmark's global registry)."""
    return pl.lit(True) if cc == "*" else pl.col("host") == cc


_CACHE: dict[tuple[Any, ...], tuple[Frames, pl.DataFrame]] = {}


def _cached(name: str, frames: Frames, cc: str, at: dt.date | None, build: Callable[[], pl.DataFrame]) -> pl.DataFrame:
    """Tables the checks share, built once per ``findings_frame`` run (cleared before and after it)."""
    key = (name, id(frames), cc, at)
    hit = _CACHE.get(key)
    if hit is None or hit[0] is not frames:
        hit = _CACHE[key] = (frames, build())
    return hit[1]


def _auths(frames: Frames, cc: str) -> pl.DataFrame:
    def build() -> pl.DataFrame:
        types = frames.instruments.select(pl.col("id").alias("instrument"), pl.col("type").alias("itype"))
        return frames.authorizations.filter(_host(cc)).join(types, on="instrument", how="left")
    return _cached("auths", frames, cc, None, build)


def _acts(frames: Frames, cc: str, at: dt.date) -> pl.DataFrame:
    return _cached("acts", frames, cc, at, lambda: frames.activities.filter(
        _host(cc) & (pl.col("status") != "cancelled") & (pl.col("start").is_null() | (pl.col("start") <= at))))


def _links(frames: Frames, cc: str, at: dt.date) -> pl.DataFrame:
    """Activity x authorization pairs (activities that cite at least one known authorization).

    ``aix`` numbers the activity (its row in :func:`_acts`): checks group, join and look up activities by this
    integer rather than by their text ids.
    """
    def build() -> pl.DataFrame:
        acts = _acts(frames, cc, at).select(
            pl.int_range(pl.len(), dtype=pl.UInt32).alias("aix"),
            pl.col("id").alias("activity"), pl.col("start").alias("a_start"), pl.col("end").alias("a_end"),
            pl.col("purpose").alias("a_purpose"), pl.coalesce("observed", "planned").alias("a_personnel"),
            "date_changed_by", pl.col("armed").alias("act_armed"),
            pl.col("authorizations").list.len().alias("n_links"), pl.col("authorizations").alias("id")).explode("id")
        auths = _auths(frames, cc).drop("bill", "visiting", "host")  # what no check of a link reads
        return acts.join(auths, on="id").rename({"id": "authorization"})
    return _cached("links", frames, cc, at, build)


def _per_activity(links: pl.DataFrame, cols: dict[str, tuple[pl.Expr, str]], keep: tuple[str, ...] = ()
                  ) -> pl.DataFrame:
    """Per-activity aggregates of link rows; activities with one authorization (most) skip the group-by and keep
    their ``activity``, ``authorization`` and ``keep`` columns, so their findings need no join back."""
    single = links.filter(pl.col("n_links") == 1).select(
        "aix", "n_links", "activity", "authorization", *keep, *[e.alias(n) for n, (e, _) in cols.items()])
    multi = links.filter(pl.col("n_links") > 1).group_by("aix").agg(
        pl.col("n_links").first(), *[getattr(e, how)().alias(n) for n, (e, how) in cols.items()])
    return pl.concat([single, multi], how="diagonal_relaxed")


def _records(links: pl.DataFrame, flagged: pl.DataFrame) -> pl.DataFrame:
    """(records, detail) of flagged activities (rows of :func:`_per_activity` with a ``detail``): the activity
    and its authorizations, in link order."""
    one = pl.col("n_links") == 1
    single = flagged.filter(one).select(as_list("activity", "authorization").alias("records"), "detail")
    several = flagged.filter(~one).select("aix", "detail")
    if several.height == 0:
        return single
    sub = links.filter(pl.col("n_links") > 1).select("aix", "activity", "authorization").join(several, on="aix")
    multi = sub.group_by("aix", maintain_order=True).agg(
        pl.col("activity").first(), pl.col("authorization"), pl.col("detail").first())
    return pl.concat([single, multi.select(pl.concat_list("activity", "authorization").alias("records"), "detail")])


def _listed(links: pl.DataFrame, bad: pl.DataFrame, col: str) -> pl.DataFrame:
    """``bad`` with ``values``: the distinct values of ``col`` over each flagged activity's links, joined by
    commas (an activity with one authorization: its value, ``?`` when unknown; ``col`` is kept in its row)."""
    one = pl.col("n_links") == 1
    single = bad.filter(one).with_columns(pl.col(col).fill_null("?").alias("values"))
    several = bad.filter(~one)
    if several.height == 0:
        return single
    multi = (links.filter(pl.col("n_links") > 1).select("aix", col).join(several.select("aix"), on="aix")
             .group_by("aix").agg(pl.col(col).drop_nulls().unique().sort().str.join(", ").alias("values")))
    return pl.concat([single, several.join(multi, on="aix")], how="diagonal_relaxed")


def _rs_modified(frames: Frames, allowed: list[str]) -> pl.Series:
    """Instruments modified by an instrument of an allowed type (e.g. an RL whose dates an RS moved)."""
    return (frames.instruments.filter(pl.col("type").is_in(allowed)).select(pl.col("modifies").alias("m"))
            .explode("m").drop_nulls()["m"].unique())


def _rows(df: pl.DataFrame, records: list[str], detail: pl.Expr) -> pl.DataFrame:
    return df.select(as_list(*records).list.drop_nulls().alias("records"), detail.alias("detail"))


def _d(col: str) -> pl.Expr:
    return pl.col(col).cast(pl.Utf8).fill_null("?")


# --- the checks -------------------------------------------------------------------------------------------


def instrument_type(frames: Frames, rule: dict[str, Any], cc: str, at: dt.date) -> pl.DataFrame:
    a = _auths(frames, cc).filter((pl.col("armed") == rule["armed"]) & pl.col("itype").is_not_null()
                                  & ~pl.col("itype").is_in(rule["allowed"]))
    out = _rows(a, ["id", "instrument"], pl.concat_str(pl.lit("authorized by "), pl.col("itype")))
    links = _links(frames, cc, at).filter(pl.col("act_armed") == rule["armed"])
    per = _per_activity(links, {"ok": (pl.col("itype").is_in(rule["allowed"]).fill_null(False), "any"),
                                "typed": (pl.col("itype").is_not_null(), "any")}, keep=("itype",))
    bad = _listed(links, per.filter(~pl.col("ok") & pl.col("typed")), "itype").with_columns(
        pl.concat_str(pl.lit("activity authorized only by "), pl.col("values")).alias("detail"))
    return pl.concat([out, _records(links, bad)])


def required_fields(frames: Frames, rule: dict[str, Any], cc: str, at: dt.date) -> pl.DataFrame:
    a = _auths(frames, cc).filter(pl.col("itype").is_in(rule["instrument_types"]))
    missing = pl.concat_list([pl.when(pl.col(f).is_null()).then(pl.lit(f)).otherwise(None) for f in rule["fields"]])
    a = a.with_columns(missing.list.drop_nulls().alias("missing")).filter(pl.col("missing").list.len() > 0)
    return _rows(a, ["id", "instrument"], pl.col("missing").list.join(", "))


def within_dates(frames: Frames, rule: dict[str, Any], cc: str, at: dt.date) -> pl.DataFrame:
    plain = (pl.col("date_change_allowed_by").is_null()
             & ~pl.col("instrument").is_in(_rs_modified(frames, ["RS"]).implode()).fill_null(False))
    links = _links(frames, cc, at).filter(plain)
    per = _per_activity(links, {"a_start": (pl.col("a_start"), "first"), "a_end": (pl.col("a_end"), "first"),
                                "start": (pl.col("start"), "min"), "end": (pl.col("end"), "max")})
    bad = per.filter((pl.col("a_start") < pl.col("start")) | (pl.col("a_end") > pl.col("end"))).with_columns(
        pl.concat_str(_d("a_start"), pl.lit(" to "), _d("a_end"), pl.lit(" is not within "), _d("start"),
                      pl.lit(" to "), _d("end")).alias("detail"))
    return _records(links, bad)


def date_change(frames: Frames, rule: dict[str, Any], cc: str, at: dt.date) -> pl.DataFrame:
    allowed = rule["allowed"]
    types = frames.instruments.select(pl.col("id").alias("date_changed_by"), pl.col("type").alias("ctype"))
    acts = _acts(frames, cc, at).filter(pl.col("date_changed_by").is_not_null()).join(types, on="date_changed_by",
                                                                                       how="left")
    cited = acts.filter(~pl.col("ctype").is_in(allowed).fill_null(False))
    out = cited.select(as_list("id", "date_changed_by").list.drop_nulls()
                       .list.filter(pl.element() != "").alias("records"),
                       pl.when(pl.col("date_changed_by") == "").then(pl.lit("the change cites no instrument"))
                       .otherwise(pl.concat_str(pl.lit("the change cites "), pl.col("date_changed_by")))
                       .alias("detail"))
    moved = _links(frames, cc, at).filter(pl.col("date_change_allowed_by").is_not_null()
                                          & pl.col("date_changed_by").is_null()
                                          & ~pl.col("instrument").is_in(_rs_modified(frames, allowed).implode()))
    moved = moved.filter((pl.col("a_start") < pl.col("start")) | (pl.col("a_end") > pl.col("end")))
    return pl.concat([out, moved.select(
        as_list("activity", "authorization").alias("records"),
        pl.concat_str(_d("a_start"), pl.lit(" to "), _d("a_end"), pl.lit(" differs from the authorized "),
                      _d("start"), pl.lit(" to "), _d("end"), pl.lit("; no Resolución Suprema recorded"))
        .alias("detail"))])


def _act_locs(frames: Frames, cc: str, at: dt.date) -> pl.DataFrame:
    """(aix, loc): the sites and places each activity names."""
    def build() -> pl.DataFrame:
        acts = _acts(frames, cc, at).select(pl.int_range(pl.len(), dtype=pl.UInt32).alias("aix"), "sites", "places")
        return pl.concat([acts.select("aix", pl.col(c).alias("loc")).explode("loc") for c in ("sites", "places")]
                         ).drop_nulls("loc")
    return _cached("act_locs", frames, cc, at, build)


def within_places(frames: Frames, rule: dict[str, Any], cc: str, at: dt.date) -> pl.DataFrame:
    links = _links(frames, cc, at).filter(pl.col("places").list.len() > 0)
    up = _cached("up", frames, "", None, lambda: frames.locations.group_by("loc").agg(pl.col("ancestor").alias("up")))
    rows = links.select(pl.int_range(pl.len(), dtype=pl.UInt32).alias("lix"), "aix", "n_links", "places").join(
        _act_locs(frames, cc, at), on="aix")
    rows = rows.join(up, on="loc", how="left").with_columns(
        (pl.col("up").list.set_intersection(pl.col("places")).list.len() > 0).fill_null(False).alias("inside"))
    one = pl.col("n_links") == 1
    single = rows.filter(one).select("aix", "lix", "n_links", "loc", "inside")
    multi = rows.filter(~one).group_by(["aix", "loc"]).agg(pl.col("lix", "n_links").first(), pl.col("inside").any())
    outside = pl.concat([single, multi.select(single.columns)]).filter(~pl.col("inside"))
    # sorted once by place, each activity's distinct places come out in order (the first ``lix`` of an activity
    # serves: every row of an activity with one authorization has the same, and only its id is read otherwise)
    bad = outside.sort("loc").group_by("aix").agg(pl.col("lix", "n_links").first(),
                                                  pl.col("loc").unique(maintain_order=True))
    return _records(links, bad.select(
        "aix", "n_links", pl.lit(links["activity"]).gather(pl.col("lix")).alias("activity"),
        pl.lit(links["authorization"]).gather(pl.col("lix")).alias("authorization"),
        pl.concat_str(pl.lit("not authorized at "), pl.col("loc").list.join(", ")).alias("detail")))


def within_cap(frames: Frames, rule: dict[str, Any], cc: str, at: dt.date) -> pl.DataFrame:
    links = _links(frames, cc, at)
    per = _per_activity(links, {"a_personnel": (pl.col("a_personnel"), "first"), "cap": (pl.col("personnel"), "sum"),
                                "uncapped": (pl.col("personnel").is_null(), "any")})
    bad = per.filter(~pl.col("uncapped") & (pl.col("a_personnel") > pl.col("cap"))).with_columns(
        pl.concat_str(_d("a_personnel"), pl.lit(" personnel, "), _d("cap"), pl.lit(" authorized")).alias("detail"))
    return _records(links, bad)


def purpose_match(frames: Frames, rule: dict[str, Any], cc: str, at: dt.date) -> pl.DataFrame:
    links = _links(frames, cc, at).filter(pl.col("a_purpose") != "other")
    per = _per_activity(links, {"match": (pl.col("purpose") == pl.col("a_purpose"), "any"),
                                "other": (pl.col("purpose") == "other", "any"),
                                "a_purpose": (pl.col("a_purpose"), "first")}, keep=("purpose",))
    bad = _listed(links, per.filter(~pl.col("match") & ~pl.col("other")), "purpose").with_columns(
        pl.concat_str(pl.col("a_purpose"), pl.lit(" is not among "), pl.col("values")).alias("detail"))
    return _records(links, bad)


def voted_not_published(frames: Frames, rule: dict[str, Any], cc: str, at: dt.date) -> pl.DataFrame:
    grace = dt.timedelta(days=int(rule.get("grace_days", 0)))
    ins = frames.instruments
    published = ins.filter((pl.col("published") == True) | pl.col("published_date").is_not_null())  # noqa: E712
    enacted = pl.concat([published.select("bill").drop_nulls(),
                         frames.bills.join(published.select(pl.col("id").alias("enacted_as")), on="enacted_as")
                         .select(pl.col("id").alias("bill"))])["bill"]
    votes = frames.votes.filter((pl.col("result") == "approved") & pl.col("bill").is_not_null()
                                & (pl.col("date") + grace < at) & ~pl.col("bill").is_in(enacted.implode()))
    votes = votes.group_by("bill").agg(pl.col("id").sort(), pl.col("date").max())
    out = votes.select(pl.concat_list("bill", "id").alias("records"),
                       pl.concat_str(pl.lit("voted on "), _d("date")).alias("detail"))
    unpublished = ins.filter((pl.col("published") == False) & pl.col("type").is_in(["RL", "LEY"]))  # noqa: E712
    return pl.concat([out, _rows(unpublished, ["id"], pl.lit("the instrument is recorded as not published"))])


def unauthorized_activity(frames: Frames, rule: dict[str, Any], cc: str, at: dt.date) -> pl.DataFrame:
    acts = _acts(frames, cc, at).filter(pl.col("authorizations").list.len() == 0)
    return _rows(acts, ["id"], pl.concat_str(pl.lit("status "), pl.col("status")))


def missing(frames: Frames, rule: dict[str, Any], cc: str, at: dt.date) -> pl.DataFrame:
    table = {"authorizations": _auths(frames, cc), "activities": _acts(frames, cc, at)}[rule["table"]]
    gaps = table.filter(pl.col(rule["field"]).is_null())
    return _rows(gaps, ["id"], pl.lit(f"{rule['field']} unknown"))


CHECKS: dict[str, Check] = {
    "instrument_type": instrument_type, "required_fields": required_fields, "within_dates": within_dates,
    "date_change": date_change, "within_places": within_places, "within_cap": within_cap,
    "purpose_match": purpose_match, "voted_not_published": voted_not_published,
    "unauthorized_activity": unauthorized_activity, "missing": missing,
}


def findings_frame(frames: Frames, jurisdiction: str = "PE", at: dt.date | None = None,
                   hosts: str | None = None, ordered: bool = True) -> pl.DataFrame:
    """Every finding as a table: severity, rule, legal_reference, message, records.

    ``hosts="*"`` applies the jurisdiction's rules to records of every host (the benchmark does);
    ``ordered=False`` leaves the findings grouped by rule, in no particular order within a rule.
    """
    rules = load_rules(jurisdiction)
    cc = hosts or rules.get("jurisdiction", jurisdiction).upper()
    at = at or dt.date.today()
    parts = []
    _CACHE.clear()
    for rule in rules.get("rules", []):
        found = CHECKS[rule["check"]](frames, rule, cc, at)
        parts.append(found.select(
            pl.lit(rule["severity"]).alias("severity"), pl.lit(rule["id"]).alias("rule"),
            pl.lit(rule["legal_reference"]).alias("legal_reference"),
            pl.concat_str(pl.lit(rule["message"] + ": "), pl.col("detail")).alias("message"),
            pl.col("records")))
    _CACHE.clear()
    if not parts:
        return pl.DataFrame(schema={"severity": pl.Utf8, "rule": pl.Utf8, "legal_reference": pl.Utf8,
                                    "message": pl.Utf8, "records": pl.List(pl.Utf8)})
    out = pl.concat(parts)
    if not ordered:
        return out
    rank = pl.col("severity").replace_strict({s: i for i, s in enumerate(SEVERITIES)}, return_dtype=pl.Int8)
    return out.with_columns(rank.alias("_r"), pl.col("records").list.first().alias("_f")).sort(
        ["_r", "rule", "_f", "message"]).drop("_r", "_f")


def check(store: Any, *, jurisdiction: str = "PE", at: str | None = None, frames: Frames | None = None
          ) -> list[dict[str, Any]]:
    """Findings of the jurisdiction's rules: DESIGN.md's ``check --json`` list."""
    day = parse_day(at, "at", end=True) if at else None
    rules_exist = load_rules(jurisdiction)  # bad jurisdiction: an InputError before reading the store
    del rules_exist
    frames = frames or load_frames(store)
    return list(findings_frame(frames, jurisdiction, day).iter_rows(named=True))


def governments(jurisdiction: str = "PE") -> list[dict[str, Any]]:
    """The jurisdiction's governments (name, start, end) from its rules file, oldest first."""
    return list(load_rules(jurisdiction).get("governments", []))
