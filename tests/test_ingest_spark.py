"""``ingest --engine spark`` (PySpark, local mode) stores exactly what the local engine stores.

Skips with the reason when PySpark or Java is missing; ``FOOTPRINT_REQUIRE_SPARK=1`` makes that a failure.
"""

from __future__ import annotations

import os
from pathlib import Path

import orjson
import pytest
from test_ingest import FIXTURES, fill_corpus

from footprint.ingest import collect_files, ingest
from footprint.ingest.spark import spark_available
from footprint.store import Store

pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def spark_ready() -> None:
    missing = spark_available()
    if missing:
        if os.environ.get("FOOTPRINT_REQUIRE_SPARK") == "1":
            pytest.fail(f"{missing} (FOOTPRINT_REQUIRE_SPARK=1 makes it required)")
        pytest.skip(missing)


def _folder(root: Path) -> Path:
    folder = fill_corpus(root / "archive")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "copy-of-945.txt").write_bytes((FIXTURES / "rm-0945-2016-de-sg.txt").read_bytes())
    return folder


def _content(url: str, reports: list[dict]) -> tuple[list[dict], list[dict | None]]:
    """Every record, and the documents table row of every document of the run."""
    with Store.open(url) as store:
        records = sorted(store.iter_data(), key=lambda d: d["id"])
        documents = []
        for report in reports:
            row = store.document(report["sha256"]) if report.get("sha256") else None
            documents.append({k: v for k, v in row.items() if k != "ingested_at"} if row else None)
    return records, documents


def test_spark_engine_stores_exactly_what_the_local_engine_stores(
    spark_ready, sqlite_cli, sqlite_url, tmp_path
):
    folder = _folder(tmp_path)
    local_url = f"sqlite:///{tmp_path / 'local.db'}"
    local_reports: list[dict] = []
    with Store.open(local_url) as store:
        local_summary = ingest(
            store, collect_files([folder]), engine="local", workers=2, on_document=local_reports.append
        )

    result = sqlite_cli("ingest", str(folder), "--engine", "spark", "--workers", "2", "--json")
    assert result.exit_code == 0, result.output
    lines = [orjson.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    spark_reports, spark_summary = lines[:-1], lines[-1]

    assert spark_summary["engine"] == "spark" and local_summary["engine"] == "local"
    assert {k: v for k, v in spark_summary.items() if k != "engine"} == {
        k: v for k, v in local_summary.items() if k != "engine"
    }
    assert spark_reports == local_reports
    assert spark_summary["stored"] == 5 and spark_summary["rejected"] == 1 and spark_summary["skipped"] == 2
    local_records, local_docs = _content(local_url, local_reports)
    spark_records, spark_docs = _content(sqlite_url, spark_reports)
    assert [r["id"] for r in spark_records] == [r["id"] for r in local_records]
    assert spark_records == local_records
    assert spark_docs == local_docs and sum(d is not None for d in spark_docs) == 7  # all but the empty file
    assert "authorization:pe-rm-945-2016-de-sg" in {r["id"] for r in spark_records}
