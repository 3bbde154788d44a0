"""Classification of sites and temporary facilities against the base typologies (data files), with a trace.

Each criterion is one vectorized comparison on the feature table (:mod:`footprint.analysis.features`): met, not
met or unknown (a null feature); a category combines its criteria with ``all`` or ``any``; a typology's result
is its first category that is met (or null). ``country_summary`` turns this into the headline verdict.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl

from ..errors import InputError, NotFound
from .features import features
from .frames import Frames, load_frames, parse_day
from .typologies import Category, Criterion, Typology, load_typologies

MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"


def criterion_status(c: Criterion) -> pl.Expr:
    col = pl.col(c.feature)
    if c.op == "true":
        cond = col == True  # noqa: E712  (a nullable boolean column, compared as an expression)
    elif c.op == "false":
        cond = col == False  # noqa: E712
    elif c.op == "between":
        cond = col.is_between(c.value[0], c.value[1])
    elif c.op == "in":
        cond = col.is_in(list(c.value))
    else:
        cond = {"==": col == c.value, "!=": col != c.value, "<": col < c.value, "<=": col <= c.value,
                ">": col > c.value, ">=": col >= c.value}[c.op]
    return pl.when(col.is_null()).then(pl.lit(UNKNOWN)).when(cond).then(pl.lit(MET)).otherwise(pl.lit(NOT_MET))


def category_status(cat: Category, prefix: str) -> pl.Expr:
    cols = [pl.col(f"{prefix}{c}") for c in cat.criteria]
    if cat.match == "all":
        return (pl.when(pl.any_horizontal([c == NOT_MET for c in cols])).then(pl.lit(NOT_MET))
                .when(pl.all_horizontal([c == MET for c in cols])).then(pl.lit(MET)).otherwise(pl.lit(UNKNOWN)))
    return (pl.when(pl.any_horizontal([c == MET for c in cols])).then(pl.lit(MET))
            .when(pl.all_horizontal([c == NOT_MET for c in cols])).then(pl.lit(NOT_MET)).otherwise(pl.lit(UNKNOWN)))


def evaluate(feats: pl.DataFrame, typologies: tuple[Typology, ...]) -> pl.DataFrame:
    """Adds ``<typology>.<criterion>``, ``<typology>/<category>`` status columns and ``<typology>`` (result)."""
    crit_cols, cat_cols, result_cols = [], [], []
    for t in typologies:
        crit_cols += [criterion_status(c).alias(f"{t.name}.{c.name}") for c in t.criteria.values()]
        cat_cols += [category_status(cat, f"{t.name}.").alias(f"{t.name}/{cat.name}") for cat in t.categories]
        first: Any = pl.lit(None, dtype=pl.Utf8)
        for cat in reversed(t.categories):
            first = pl.when(pl.col(f"{t.name}/{cat.name}") == MET).then(pl.lit(cat.name)).otherwise(first)
        result_cols.append(first.alias(t.name))
    return feats.with_columns(crit_cols).with_columns(cat_cols).with_columns(result_cols)


def select_typologies(name: str | None) -> tuple[Typology, ...]:
    all_ = load_typologies()
    if name is None:
        return all_
    chosen = tuple(t for t in all_ if t.name == name or name in [c.name for c in t.categories])
    if not chosen:
        raise InputError(f"unknown typology {name!r} (known: {', '.join(t.name for t in all_)})", where="typology")
    return chosen


def _result(row: dict[str, Any], t: Typology) -> dict[str, Any]:
    criteria = []
    for c in t.criteria.values():
        status = row[f"{t.name}.{c.name}"]
        criteria.append({"name": c.name, "label": c.label, "status": status, "feature": c.feature,
                         "value": row[c.feature], "evidence": row[f"ev_{c.feature}"] or []})
    return {"typology": t.name, "title": t.title, "category": row[t.name],
            "categories": {cat.name: row[f"{t.name}/{cat.name}"] for cat in t.categories},
            "source": t.source, "criteria": criteria}


def site_result(row: dict[str, Any], typologies: tuple[Typology, ...], at: str | None) -> dict[str, Any]:
    start = row["start"].isoformat() if isinstance(row["start"], dt.date) else None
    return {"site": row["id"], "name": row["name"], "country": row["host"], "kind": row["kind"],
            "window": {"from": start, "to": at}, "results": [_result(row, t) for t in typologies]}


def classified(frames: Frames, at: str | None = None, typologies: tuple[Typology, ...] | None = None
               ) -> pl.DataFrame:
    day = parse_day(at, "at", end=True) if at else None
    return evaluate(features(frames, day), typologies or load_typologies())


def classify(store: Any, *, site: str | None = None, typology: str | None = None, at: str | None = None,
             frames: Frames | None = None) -> list[dict[str, Any]]:
    """Each site (or ``site``) against each typology (or ``typology``): DESIGN.md's ``classify --json``."""
    chosen = select_typologies(typology)
    frames = frames or load_frames(store)
    table = classified(frames, at, chosen)
    if site is not None:
        table = table.filter(pl.col("id") == site)
        if table.height == 0:
            raise NotFound(f"no site or temporary facility {site!r}" + (f" at {at}" if at else ""))
    return [site_result(r, chosen, at) for r in table.sort("id").iter_rows(named=True)]
