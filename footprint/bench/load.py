"""``footprint bench load``: load 100,000 generated records into SQLite and PostgreSQL, then export them.

The records go through the real path of ``footprint load``: a JSON file on disk, ``load_path`` (parse,
validate, write with the audit log on, one transaction), and ``write_dataset`` for the export. "The store alone"
writes the same records already validated and serialized, to show what the database side costs by itself.
"""

from __future__ import annotations

import itertools
import os
import random
import statistics
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from . import measurement, timer

PG_ENV = ("FOOTPRINT_BENCH_DATABASE_URL", "FOOTPRINT_TEST_DATABASE_URL")
REPEATS = 3  # loads per engine; the median is reported, every run's rate beside it
CHUNK = 2_000
PLACES = ["Callao", "Iquitos", "Pucusana", "Santa Lucía", "Ñaña", "Mazamari", "Pichari", "La Joya", "Ancón"]


def generate(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """``n`` records: a tenth sources, the rest sites, activities and authorizations citing them."""
    rng = random.Random(seed)
    sources = max(1, n // 10)
    out: list[dict[str, Any]] = [
        {"id": f"source:bench-{i}", "url": f"https://example.org/doc/{i}", "title": f"Resolución {i}",
         "publisher": "El Peruano", "date": f"20{rng.randint(10, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"}
        for i in range(sources)
    ]
    for i in range(n - sources):
        cite = [{"source": f"source:bench-{rng.randrange(sources)}", "span": [i % 500, i % 500 + 40]}]
        year = rng.randint(2005, 2025)
        if i % 3 == 0:
            out.append({"id": f"site:pe-bench-{i}", "name": f"Base {rng.choice(PLACES)} {i}", "host_country": "PE",
                        "operator": "Marina de Guerra del Perú", "controlled_by": "PE",
                        "lat": round(rng.uniform(-18, 0), 5), "lon": round(rng.uniform(-81, -69), 5),
                        "sources": cite})
        elif i % 3 == 1:
            out.append({"id": f"activity:pe-bench-{i}", "name": f"Ejercicio {i}", "host_country": "PE",
                        "visiting_countries": ["US"], "activity_type": "exercise", "purpose_category": "exercise",
                        "status": "completed", "start": f"{year}-06-01", "end": f"{year}-06-{rng.randint(2, 30):02d}",
                        "personnel_observed": rng.randint(5, 900), "places_as_written": [rng.choice(PLACES)],
                        "sources": cite})
        else:
            out.append({"id": f"authorization:pe-bench-{i}", "visiting_country": "US", "host_country": "PE",
                        "armed": bool(i % 2), "purpose": "Entrenamiento con armas de guerra",
                        "purpose_category": "training", "start": f"{year}-01-01", "end": f"{year}-12-31",
                        "personnel": rng.randint(1, 600), "places_as_written": rng.sample(PLACES, 3),
                        "sources": cite})
    return out


def _pg_url() -> str | None:
    for name in PG_ENV:
        if os.environ.get(name):
            return os.environ[name]
    return None


def _run_engine(label: str, fresh: Callable[[], str], path: Path, n: int, folder: Path) -> list[dict[str, Any]]:
    from ..dataset import read_path, write_dataset
    from ..dataset.loader import load_path
    from ..store import Store
    from ..store.rows import prepare

    rates: list[float] = []
    workers = 0
    for _ in range(REPEATS):  # each into an empty registry; this machine's timings vary from run to run
        store = Store.open(fresh())  # the migrations run here, before the clock starts
        try:
            with timer() as t:
                loaded = load_path(store, path, actor="bench")
            assert loaded.report.inserted == n, loaded
        finally:
            store.close()
        rates.append(n / t["seconds"])
        workers = loaded.workers
    rows = [measurement("load", f"load {n:,} records ({label}, audit log on)", statistics.median(rates), "records/s",
                        50_000 if label == "sqlite" else None, runs=[round(r) for r in rates], workers=workers)]
    # made only now: 100,000 rows held in memory during the loads above would slow them (forking a bigger
    # process, a fuller heap), which `footprint load` in a process of its own does not pay
    rows_ready = [prepare(record) for record in read_path(path)]
    store = Store.open(fresh())
    try:
        chunks = [rows_ready[i:i + CHUNK] for i in range(0, len(rows_ready), CHUNK)]
        del rows_ready
        with timer() as t:
            store.put_chunks(chunks, actor="bench", expected=n)
        rows.append(measurement("load", f"the store alone: {n:,} validated rows ({label}, audit log on)",
                                n / t["seconds"], "records/s", seconds=round(t["seconds"], 2)))
        with timer() as t:
            _, again, _ = load_path(store, path, actor="bench")
        assert again.unchanged == n
        rows.append(measurement("load", f"reload unchanged ({label})", n / t["seconds"], "records/s"))
        with timer() as t:
            write_dataset(store.records(), "json", folder / f"export-{label}.json")
        rows.append(measurement("load", f"export json ({label})", n / t["seconds"], "records/s"))
        with timer() as t:
            write_dataset(store.records(), "datapackage", folder / f"package-{label}")
        rows.append(measurement("load", f"export datapackage ({label})", n / t["seconds"], "records/s"))
        with timer() as t:
            chain = store.verify_audit()
        assert chain.ok
        rows.append(measurement("load", f"audit verify ({label})", chain.events / t["seconds"], "events/s"))
    finally:
        store.close()
    return rows


def run(scale: float = 1.0) -> list[dict[str, Any]]:
    n = max(100, int(100_000 * scale))
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "records.json"
        path.write_bytes(orjson.dumps(generate(n)))
        databases = itertools.count()

        def sqlite_db() -> str:
            db = folder / f"bench-{next(databases)}.db"
            for old in folder.glob("bench-*.db*"):  # the previous run's file: no need to keep it on disk
                old.unlink()
            return f"sqlite:///{db}"

        rows += _run_engine("sqlite", sqlite_db, path, n, folder)
        pg = _pg_url()
        if pg:
            schemas: list[str] = []

            def pg_schema() -> str:
                schemas.append("bench_" + uuid.uuid4().hex[:8])
                return f"{pg}{'&' if '?' in pg else '?'}schema={schemas[-1]}"

            try:
                rows += _run_engine("postgresql", pg_schema, path, n, folder)
            finally:
                for schema in schemas:
                    _drop_schema(pg, schema)
        else:
            rows.append(measurement("load", "postgresql skipped: set FOOTPRINT_BENCH_DATABASE_URL", 0, ""))
    return rows


def _drop_schema(url: str, schema: str) -> None:
    from ..store import Store

    store = Store.open(url, migrate=False)
    try:
        store.drop_schema(schema)
    finally:
        store.close()
