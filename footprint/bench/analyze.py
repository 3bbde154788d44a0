"""``footprint bench analyze``: the analysis engine on a seeded synthetic global registry.

The synthetic registry (1,000,000 activities, 100,000 authorizations, 50,000 sites, 200 countries, 20 years at
scale 1.0) is generated directly as the engine's columnar tables; the registry-from-store path (reading records
with ``Store.iter_data`` into tables) is measured separately, on the bundled Peru dataset loaded into SQLite.
Presence (by month), continuity, classification and compliance are timed together against the issue's target
(10 s, 4 GiB peak memory); then the plain-Python reference runs on a 50,000-activity registry and must give the
same results as the engine.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path
from typing import Any

import polars as pl

from . import measurement, peak_rss_mib

NAME = "analyze"
AT = dt.date(2026, 1, 1)
SUBSET = 0.05  # 50,000 activities


def engine_run(frames: Any) -> dict[str, Any]:
    """The four analyses on engine tables; returns their timings and comparable results."""
    from ..analysis.classify import evaluate
    from ..analysis.compliance import findings_frame
    from ..analysis.continuity import chains_frame, longest, presences
    from ..analysis.features import features
    from ..analysis.presence import intervals, presence_frame
    from ..analysis.typologies import load_typologies

    out: dict[str, Any] = {}
    t0 = time.perf_counter()
    monthly, _, _ = presence_frame(frames, intervals(frames), by="month")
    t1 = time.perf_counter()
    chains = longest(chains_frame(presences(frames)))
    t2 = time.perf_counter()
    typologies = load_typologies()
    classes = evaluate(features(frames, chains=chains), typologies)  # the chains of continuity, reused
    t3 = time.perf_counter()
    found = findings_frame(frames, "PE", AT, hosts="*", ordered=False)
    t4 = time.perf_counter()
    out["seconds"] = {"presence": t1 - t0, "continuity": t2 - t1, "classification": t3 - t2, "compliance": t4 - t3}
    out["results"] = (monthly, chains, classes, found, typologies)
    return out


def comparable(results: tuple[Any, ...]) -> dict[str, Any]:
    """The engine's results in the reference's shapes."""
    monthly, chains, classes, found, typologies = results
    presence = {(r["period"].strftime("%Y-%m"), r["basis"]): (r["person_days"], r["personnel"], len(r["records"]))
                for r in monthly.iter_rows(named=True)}
    longest_runs = {r["loc"]: (r["from"], r["to"], r["rotations"]) for r in chains.iter_rows(named=True)}
    cats = {(r["id"], t.name): r[t.name] for r in classes.select("id", *[t.name for t in typologies]).iter_rows(named=True)
            for t in typologies}
    findings = sorted((r["rule"], *sorted(r["records"])) for r in found.select("rule", "records").iter_rows(named=True))
    return {"presence": presence, "continuity": longest_runs, "classification": cats, "compliance": findings}


def reference_run(frames: Any) -> tuple[float, dict[str, Any]]:
    from ..analysis import reference
    from ..analysis.typologies import load_typologies

    t = reference.rows(frames)
    start = time.perf_counter()
    out = {"presence": reference.presence_by_month(t), "continuity": reference.longest_chains(t),
           "classification": reference.categories(t, load_typologies()),
           "compliance": sorted((f[0], *sorted(f[1:])) for f in reference.findings(t, "PE", AT, hosts="*"))}
    return time.perf_counter() - start, out


def differences(engine: dict[str, Any], ref: dict[str, Any]) -> list[str]:
    out = []
    for key in engine:
        a, b = engine[key], ref[key]
        if a != b:
            if isinstance(a, dict):
                keys = sorted(set(a) ^ set(b), key=str)[:3] or [k for k in a if a[k] != b.get(k)][:3]
                out.append(f"{key}: {len(set(a) ^ set(b))} keys differ, e.g. " +
                           "; ".join(f"{k}: engine {a.get(k)} reference {b.get(k)}" for k in keys))
            else:
                diff = sorted(set(a) ^ set(b))[:3]
                out.append(f"{key}: {len(a)} engine vs {len(b)} reference findings, e.g. {diff}")
    return out


def store_path() -> dict[str, float]:
    """The registry-from-store path on the bundled dataset: load into SQLite, read tables, analyse."""
    from ..analysis import check, classify, load_frames, presence
    from ..dataset import read_path
    from ..store import Store

    data = Path(__file__).resolve().parents[2] / "data"
    with tempfile.TemporaryDirectory() as tmp, Store.open(f"sqlite:///{tmp}/bundled.db") as store:
        records = read_path(data) if any(data.iterdir()) else []
        store.put_many(records)
        t0 = time.perf_counter()
        frames = load_frames(store)
        t1 = time.perf_counter()
        presence(store, by="month", frames=frames)
        classify(store, frames=frames)
        check(store, frames=frames)
        t2 = time.perf_counter()
    return {"records": float(len(records)), "read": t1 - t0, "analyse": t2 - t1}


def run(scale: float = 1.0) -> list[dict[str, Any]]:
    from ..analysis.synthetic import generate

    rows = []
    t = time.perf_counter()
    frames = generate(scale)
    gen = time.perf_counter() - t
    size = f"{frames.activities.height:,} activities, {frames.authorizations.height:,} authorizations, " \
           f"{frames.sites.height:,} sites, {frames.places.filter(pl.col('level') == 'country').height} countries"
    rows.append(measurement(NAME, "generate synthetic registry (columnar, not through the store)", gen, "s",
                            note=size))
    done = engine_run(frames)
    for name, seconds in done["seconds"].items():
        rows.append(measurement(NAME, f"{name} (engine)", seconds, "s"))
    total = sum(done["seconds"].values())
    rows.append(measurement(NAME, "presence + continuity + classification + compliance", total, "s", 10.0,
                            higher_is_better=False, note=size))
    rows.append(measurement(NAME, "findings", float(done["results"][3].height), "count"))
    del done, frames
    subset = generate(min(SUBSET, scale))
    sub = engine_run(subset)
    engine_seconds = sum(sub["seconds"].values())
    ref_seconds, ref = reference_run(subset)
    diffs = differences(comparable(sub["results"]), ref)
    n = f"{subset.activities.height:,} activities"
    rows.append(measurement(NAME, "engine on the subset", engine_seconds, "s", note=n))
    rows.append(measurement(NAME, "plain-Python reference on the subset", ref_seconds, "s", note=n))
    rows.append(measurement(NAME, "speed ratio (reference / engine)", ref_seconds / max(engine_seconds, 1e-9), "x"))
    rows.append(measurement(NAME, "engine and reference agree", float(not diffs), "bool", 1.0,
                            note="; ".join(diffs) or "presence by month, longest chains, categories, findings"))
    path = store_path()
    rows.append(measurement(NAME, "bundled data: read the store into tables", path["read"], "s",
                            note=f"{int(path['records'])} records through Store.iter_data (the store path)"))
    rows.append(measurement(NAME, "bundled data: presence + classify + check", path["analyse"], "s"))
    rows.append(measurement(NAME, "peak memory", peak_rss_mib(), "MiB", 4096.0, higher_is_better=False))
    return rows
