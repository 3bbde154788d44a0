"""``footprint bench import``: import all of openpolitica-plenos and troopdata into a fresh SQLite registry (and
PostgreSQL when ``FOOTPRINT_BENCH_DATABASE_URL`` or ``FOOTPRINT_TEST_DATABASE_URL`` is set), through the real
``footprint import`` commands, then re-run them (the idempotent path). Target: both imports under 30 s together.

The shared datasets are found at ``FOOTPRINT_SHARED_DATA`` or ``../shared/data`` next to the checkout; without
them the benchmark reports that it could not run. ``scale`` has no effect (the workload is the real datasets).
"""

from __future__ import annotations

import json
import os
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from . import measurement, peak_rss_mib, timer

TARGET_SECONDS = 30.0
PG_ENV = ("FOOTPRINT_BENCH_DATABASE_URL", "FOOTPRINT_TEST_DATABASE_URL")


def shared_folder() -> Path | None:
    env = os.environ.get("FOOTPRINT_SHARED_DATA")
    folder = Path(env) if env else Path(__file__).resolve().parents[3] / "shared" / "data"
    return folder if (folder / "troopdata").is_dir() and (folder / "openpolitica-plenos").is_dir() else None


def _import(url: str, dataset: str, path: Path) -> dict[str, Any]:
    from click.testing import CliRunner

    from ..cli import main

    result = CliRunner().invoke(main, ["--db", url, "import", dataset, str(path), "--json", "--quiet"])
    if result.exit_code != 0:
        raise RuntimeError(f"import {dataset} failed: {result.output.strip()}")
    return json.loads(result.output)  # type: ignore[no-any-return]


def _run_engine(engine: str, url: str, shared: Path) -> list[dict[str, Any]]:
    jobs = (("openpolitica", shared / "openpolitica-plenos"), ("troopdata", shared / "troopdata"))
    rows, records = 0, 0
    cpu = time.process_time()
    with timer() as first:
        for dataset, path in jobs:
            report = _import(url, dataset, path)
            rows += report["rows"]
            records += report["written"]["inserted"]
    cpu = time.process_time() - cpu
    with timer() as again:
        repeats = [_import(url, dataset, path) for dataset, path in jobs]
    changed = sum(r["written"]["inserted"] + r["written"]["updated"] for r in repeats)
    name = "import"
    return [
        measurement(name, f"{engine}: openpolitica + troopdata, first import", first["seconds"], "s",
                    TARGET_SECONDS, higher_is_better=False, records=records),
        measurement(name, f"{engine}: first import, CPU time of this process (the rest is waiting: database, "
                          "disk, other processes)", cpu, "s"),
        measurement(name, f"{engine}: rows read per second", rows / first["seconds"], "rows/s"),
        measurement(name, f"{engine}: re-run (nothing imported twice)", again["seconds"], "s", TARGET_SECONDS,
                    higher_is_better=False, changed=changed),
    ]


def _pg_url() -> str | None:
    for name in PG_ENV:
        if os.environ.get(name):
            base = os.environ[name]
            return f"{base}{'&' if '?' in base else '?'}schema=bench_{uuid.uuid4().hex[:10]}"
    return None


def _drop_schema(url: str) -> None:
    import sqlalchemy as sa

    from ..store.engine import resolve_url

    base, _, query = url.partition("?")
    schema = dict(p.split("=", 1) for p in query.split("&") if "=" in p).get("schema")
    engine = sa.create_engine(resolve_url(base))
    with engine.begin() as conn:
        conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


def run(scale: float = 1.0) -> list[dict[str, Any]]:
    shared = shared_folder()
    if shared is None:
        return [measurement("import", "not run: the shared datasets are not available (FOOTPRINT_SHARED_DATA)",
                            0, "")]
    out: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        out += _run_engine("sqlite", f"sqlite:///{Path(tmp) / 'bench.db'}", shared)
    pg = _pg_url()
    if pg:
        try:
            out += _run_engine("postgresql", pg, shared)
        finally:
            _drop_schema(pg)
    out.append(measurement("import", "peak memory", peak_rss_mib(), "MiB"))
    return out
