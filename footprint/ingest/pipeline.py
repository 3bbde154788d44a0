"""``ingest``: documents in, registry records out.

Extraction runs on an engine (a local process pool, or Spark) that streams results back in input order;
writes happen here, in this process, one transaction per document. A document already ingested (same
sha256) is skipped; a document that cannot be read, or whose values do not validate, is rejected with the
reason and the others go on. With ``strict``, every result is checked first (spooled to a temporary file,
so memory stays flat) and any rejection means nothing is written at all.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import orjson
from pydantic import ValidationError

from ..errors import FootprintError, InputError
from ..model import Record, dump_record, parse_record
from ..model import describe_validation_error as _describe
from ..store import Store
from .records import DocumentRecords, document_records

ENGINES = ("local", "spark")
MAIN_KINDS = ("instrument", "authorization", "bill")

Report = dict[str, Any]


def run_engine(engine: str, paths: Sequence[str], workers: int | None) -> Iterator[dict[str, Any]]:
    if engine == "local":
        from .local import run_local

        return run_local(paths, workers)
    if engine == "spark":
        from .spark import run_spark

        return run_spark(paths, workers)
    raise InputError(f"engine: {engine!r} is not one of {', '.join(ENGINES)}")


def ingest(
    store: Store,
    files: Iterable[str | Path],
    *,
    engine: str = "local",
    workers: int | None = None,
    strict: bool = False,
    on_document: Callable[[Report], None] | None = None,
) -> Report:
    """Ingest files (see ``collect_files``); calls ``on_document`` with each document's report, in input
    order, and returns the summary ``{"summary": true, "files", "stored", "skipped", "rejected", "records",
    "written", "engine"}``."""
    paths = [str(f) for f in files]
    results = run_engine(engine, paths, workers)
    summary: Report = {
        "summary": True,
        "engine": engine,
        "files": 0,
        "stored": 0,
        "skipped": 0,
        "rejected": 0,
        "records": {"inserted": 0, "updated": 0, "unchanged": 0},
        "written": True,
    }
    notify = on_document or (lambda report: None)
    if strict:
        return _ingest_strict(store, results, summary, notify)
    run = _Run(store)
    for result in results:
        report = run.store_one(result)
        _count(summary, report)
        notify(report)
    return summary


def _ingest_strict(
    store: Store, results: Iterator[dict[str, Any]], summary: Report, notify: Callable[[Report], None]
) -> Report:
    check = _Run(store)
    rejected: list[Report] = []
    files = 0
    with tempfile.TemporaryFile() as spool:
        for result in results:
            files += 1
            report, _ = check.prepare(result)
            if report["status"] == "rejected":
                rejected.append(report)
            spool.write(orjson.dumps(result) + b"\n")
        if rejected:
            for report in rejected:
                notify(report)
            summary.update(files=files, rejected=len(rejected), written=False)
            return summary
        spool.seek(0)
        run = _Run(store)
        for line in spool:
            report = run.store_one(orjson.loads(line))
            _count(summary, report)
            notify(report)
            if report["status"] == "rejected":  # refused while writing (checked above, so hardly ever): stop
                break
    return summary


def _count(summary: Report, report: Report) -> None:
    summary["files"] += 1
    summary[report["status"]] += 1
    for key, value in (report.get("records") or {}).items():
        summary["records"][key] = summary["records"].get(key, 0) + value


class _Run:
    """One pass over the results: remembers the contents seen in this run."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.seen: dict[str, str] = {}

    def prepare(self, result: dict[str, Any]) -> tuple[Report, DocumentRecords | None]:
        """The document's report so far, and its records when there is something to store."""
        path, sha = result["path"], result.get("sha256")
        report: Report = {"file": path, "sha256": sha, "status": "rejected"}
        if sha and sha in self.seen:
            return {**report, "status": "skipped", "reason": f"same content as {self.seen[sha]}"}, None
        if sha:
            self.seen[sha] = path
        else:
            self.seen[f"unread:{path}"] = path
        if result.get("unsupported"):
            return {**report, "status": "skipped", "reason": result["unsupported"]}, None
        if result.get("error"):
            return {**report, "reason": result["error"]}, None
        sha = str(sha)  # a readable document always has its hash
        known = self.store.document(sha)
        if known is not None:
            return {
                **report,
                "status": "skipped",
                "reason": f"already ingested on {known['ingested_at'][:10]} from {known['path']}",
            }, None
        try:
            records = document_records(path, sha, result.get("norms") or [])
        except ValidationError as exc:
            return {**report, "reason": _describe(exc)}, None
        except FootprintError as exc:
            return {**report, "reason": exc.message}, None
        report.update(status="stored", norms=records.norms, relevant=records.relevant)
        if not records.relevant:
            report.update(status="skipped", reason="no norm about the entry of foreign military personnel")
        return report, records

    def store_one(self, result: dict[str, Any]) -> Report:
        report, records = self.prepare(result)
        if records is None:
            return report
        try:
            items = self._merged(records)
            with self.store.transaction(actor="footprint ingest") as tx:
                if tx.document_seen(report["sha256"]):
                    return {**report, "status": "skipped", "reason": "already ingested (by another run)"}
                written = tx.put_many(items)
                if records.relevant:
                    report.update(source=records.source_id, records=written.as_dict(), ids=records.main_ids)
                if records.unresolved_places:
                    report["unresolved_places"] = list(dict.fromkeys(records.unresolved_places))
                if records.warnings:
                    report["warnings"] = records.warnings
                tx.mark_document(
                    report["sha256"], report["file"], records.source_id if records.relevant else None, report
                )
        except InputError as exc:  # a value the registry refuses; database failures stop the run
            return {
                **{k: v for k, v in report.items() if k in ("file", "sha256")},
                "status": "rejected",
                "reason": exc.message if not exc.where else f"{exc.where}: {exc.message}",
            }
        return report

    def _merged(self, records: DocumentRecords) -> list[Record]:
        """The document's records, merged into what the registry already holds for the same ids."""
        main = [r.id for r in records.records if r.kind in MAIN_KINDS]
        existing = self.store.get_many(main) if main else {}
        batch = {r.id for r in records.records}
        out = []
        for record in records.records:
            targets = records.modifies.get(record.id)
            if targets:
                present = self.store.exists(t for t in targets if t not in batch) | (set(targets) & batch)
                absent = [t for t in targets if t not in present]
                if absent:
                    records.warnings.append(
                        f"{record.id} modifies {', '.join(absent)}, not in the registry: link not stored"
                    )
                record = record.model_copy(update={"modifies": [t for t in targets if t in present]})
            old = existing.get(record.id)
            out.append(merge_into(old.record, record) if old is not None else record)
        return out


def merge_into(existing: Record, new: Record) -> Record:
    """``existing`` with the fields ``new`` sets, citing the sources of both (nothing known is lost)."""
    data = dump_record(existing)
    fresh = dump_record(new)
    sources = data.get("sources", []) + [
        c for c in fresh.get("sources", []) if c not in data.get("sources", [])
    ]
    data.update({k: v for k, v in fresh.items() if k != "sources"})
    data["sources"] = sources
    return parse_record(data, where="ingest")


__all__ = ["ENGINES", "ingest", "merge_into", "run_engine"]
