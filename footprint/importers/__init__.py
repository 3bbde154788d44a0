"""Importers of public datasets into the registry: ``openpolitica`` (Peru's Congress plenary votes) and
``troopdata`` (US bases, deployments, exercises and construction worldwide).

Each importer reads a folder into validated records plus a list of rejected rows (file, line, reason), then
:func:`write` stores them in one transaction: idempotent (identical records are left alone), and with
``strict=True`` any rejection raises :class:`~footprint.errors.InputError` before anything is written.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from ..model import Record, parse_record

Progress = Callable[[str, int, int | None], None]  # (task, advance, total) -> None


def no_progress(_task: str, _advance: int, _total: int | None = None) -> None:
    return None


@dataclass
class Rejection:
    file: str
    line: int | None
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "reason": self.reason}

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}" if self.line else f"{self.file}: {self.reason}"


@dataclass
class ImportResult:
    """What an importer read: records to store, rows skipped with their reason, and data-quality warnings."""

    dataset: str
    path: str
    records: list[Record] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[Rejection] = field(default_factory=list)
    rows: int = 0
    files: int = 0
    written: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    started: float = field(default_factory=time.perf_counter)

    def reject(self, file: str, line: int | None, reason: str) -> None:
        self.rejected.append(Rejection(file, line, reason))

    def warn(self, file: str, line: int | None, reason: str) -> None:
        self.warnings.append(Rejection(file, line, reason))

    def add(self, data: dict[str, Any], file: str, line: int | None) -> Record | None:
        """Validate one record; a row that does not validate is rejected with the model's reason."""
        try:
            record = parse_record({k: canonical(v) if type(v) in (dict, list) else v for k, v in data.items()})
        except InputError as exc:
            self.reject(file, line, exc.message)
            return None
        self.records.append(record)
        return record

    def by_kind(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for record in self.records:
            counts[record.kind] = counts.get(record.kind, 0) + 1
        return dict(sorted(counts.items()))

    def as_dict(self) -> dict[str, Any]:
        return {"dataset": self.dataset, "path": self.path, "files": self.files, "rows": self.rows,
                "records": len(self.records), "by_kind": self.by_kind(), "written": self.written,
                "rejected": [r.as_dict() for r in self.rejected], "rejected_count": len(self.rejected),
                "warnings": [w.as_dict() for w in self.warnings], "warnings_count": len(self.warnings),
                "seconds": round(self.seconds, 3),
                "rows_per_second": round(self.rows / self.seconds, 1) if self.seconds else None}


def canonical(value: Any) -> Any:
    """Nested mappings with sorted keys: the store hashes a record's JSON as built, and data files are read back
    with sorted keys, so an imported record must be built the same way to compare equal (idempotent re-runs)."""
    if type(value) is dict:
        return {k: canonical(value[k]) for k in sorted(value)}
    if type(value) is list and any(type(v) in (dict, list) for v in value):
        return [canonical(v) for v in value]
    return value


def write(store: Any, result: ImportResult, *, strict: bool = False, actor: str = "footprint-import",
          progress: Progress = no_progress) -> ImportResult:
    """Store the records of ``result`` (all in one transaction); ``strict`` refuses any rejection first."""
    if strict and result.rejected:
        first = result.rejected[0]
        more = f" (and {len(result.rejected) - 1} more)" if len(result.rejected) > 1 else ""
        raise InputError(f"line {first.line}: {first.reason}{more}; --strict: nothing written", where=first.file)
    progress("storing", 0, len(result.records))
    report = store.put_many(result.records, actor=actor)
    progress("storing", len(result.records), len(result.records))
    result.written = report.as_dict()
    result.seconds = time.perf_counter() - result.started
    return result


def unique_id(result: ImportResult, seen: dict[str, tuple[str, int | None]], record_id: str, file: str,
              line: int | None) -> bool:
    """False (and the row rejected) when ``record_id`` was already made from an earlier row of the input."""
    if record_id in seen:
        first_file, first_line = seen[record_id]
        result.reject(file, line, f"duplicate of {first_file}:{first_line} (both give {record_id})")
        return False
    seen[record_id] = (file, line)
    return True


__all__ = ["ImportResult", "canonical", "Progress", "Rejection", "no_progress", "unique_id", "write"]
