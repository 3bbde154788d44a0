"""Write records out: JSON, CSV, a Frictionless data package, or a Datasette-ready SQLite file."""

from __future__ import annotations

import csv
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import orjson

from ..errors import InputError
from ..model import KINDS, Record, dump_record

FORMATS = ("json", "csv", "datapackage", "sqlite")
PLURAL = {"assistance": "assistance", "spending": "spending"}


def plural(kind: str) -> str:
    if kind in PLURAL:
        return PLURAL[kind]
    return kind[:-1] + "ies" if kind.endswith("y") else kind + "s"


def _by_kind(records: Iterable[Record]) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        groups[record.kind].append(dump_record(record))
    return {k: sorted(v, key=lambda d: d["id"]) for k, v in sorted(groups.items())}


def _columns(kind: str, rows: list[dict[str, Any]]) -> list[str]:
    fields = list(KINDS[kind].model_fields)
    present = {k for row in rows for k in row}
    return [f for f in fields if f in present]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict, tuple)):
        return orjson.dumps(value).decode()
    return str(value)


def write_json_file(path: Path, rows: list[dict[str, Any]]) -> None:
    path.write_bytes(orjson.dumps(rows, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n")


def write_csv_file(path: Path, kind: str, rows: list[dict[str, Any]]) -> None:
    columns = _columns(kind, rows)
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])


def _field_type(annotation: Any) -> str:
    text = str(annotation)
    if "list" in text or "tuple" in text:
        return "array"
    if "dict" in text or "VoteTotals" in text or "Any" in text:
        return "object"
    if "bool" in text:
        return "boolean"
    if "int" in text and "str" not in text:
        return "integer"
    if "float" in text and "str" not in text:
        return "number"
    return "string"


def table_schema(kind: str, columns: list[str]) -> dict[str, Any]:
    model = KINDS[kind].model_fields
    fields = []
    for name in columns:
        info = model[name]
        fields.append({"name": name, "type": _field_type(info.annotation),
                       **({"description": info.description} if info.description else {})})
    return {"fields": fields, "primaryKey": ["id"]}


def write_datapackage(folder: Path, groups: dict[str, list[dict[str, Any]]], fmt: str = "json") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    resources = []
    for kind, rows in groups.items():
        name = plural(kind)
        rel = f"{name}.{fmt}"
        if fmt == "json":
            write_json_file(folder / rel, rows)
        else:
            write_csv_file(folder / rel, kind, rows)
        resources.append({"name": name, "path": rel, "format": fmt, "mediatype":
                          "application/json" if fmt == "json" else "text/csv", "encoding": "utf-8",
                          "profile": "tabular-data-resource" if fmt == "csv" else "data-resource",
                          "schema": table_schema(kind, _columns(kind, rows))})
    package = {"profile": "tabular-data-package" if fmt == "csv" else "data-package",
               "name": "footprint-registry", "title": "footprint: foreign military presence registry",
               "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
               "resources": resources}
    (folder / "datapackage.json").write_bytes(orjson.dumps(package, option=orjson.OPT_INDENT_2) + b"\n")


def write_sqlite(path: Path, groups: dict[str, list[dict[str, Any]]]) -> None:
    """One table per kind, one column per field (nested values as JSON text): what Datasette opens."""
    if path.exists():
        path.unlink()
    conn = sqlite3.connect(path)
    try:
        for kind, rows in groups.items():
            columns = _columns(kind, rows)
            table = plural(kind)
            types = {c: {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}.get(
                _field_type(KINDS[kind].model_fields[c].annotation), "TEXT") for c in columns}
            cols = ", ".join(f'"{c}" {types[c]}' + (" PRIMARY KEY" if c == "id" else "") for c in columns)
            conn.execute(f'CREATE TABLE "{table}" ({cols})')
            marks = ", ".join("?" for _ in columns)
            conn.executemany(
                f'INSERT INTO "{table}" VALUES ({marks})',
                [[_sql_value(row.get(c)) for c in columns] for row in rows])
        conn.commit()
    finally:
        conn.close()


def _sql_value(value: Any) -> Any:
    if isinstance(value, (list, dict, tuple)):
        return orjson.dumps(value).decode()
    if isinstance(value, bool):
        return int(value)
    return value


def write_dataset(records: Iterable[Record], fmt: str, path: str | Path) -> dict[str, int]:
    """Write ``records`` in ``fmt`` to ``path`` (a file for json/sqlite, a folder for csv/datapackage)."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r} (use {', '.join(FORMATS)})", where="--format")
    path = Path(path)
    groups = _by_kind(records)
    if fmt == "json":
        path.parent.mkdir(parents=True, exist_ok=True)
        write_json_file(path, [row for rows in groups.values() for row in rows])
    elif fmt == "csv":
        path.mkdir(parents=True, exist_ok=True)
        for kind, rows in groups.items():
            write_csv_file(path / f"{plural(kind)}.csv", kind, rows)
    elif fmt == "datapackage":
        write_datapackage(path, groups)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_sqlite(path, groups)
    return {kind: len(rows) for kind, rows in groups.items()}
