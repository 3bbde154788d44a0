"""Read records from the dataset's files."""

from __future__ import annotations

import codecs
import csv
import gc
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson

from ..errors import DuplicateId, InputError
from ..model import KINDS, Record, parse_record

JSON_CELL = ("[", "{")
JSON_SPACE = b" \t\r\n"
_BETWEEN_OBJECTS = re.compile(rb"\}[ \t\r\n]*,[ \t\r\n]*\{")


def read_path(path: str | Path) -> list[Record]:
    """All records under ``path``, validated; the same id twice is bad input."""
    out: list[Record] = []
    seen: dict[str, str] = {}
    with paused_gc():
        for where, data in read_items(path):
            record = parse_record(data, where=where)
            if record.id in seen:
                raise DuplicateId(f"the id {record.id!r} appears twice (first at {seen[record.id]})", where=where)
            seen[record.id] = where
            out.append(record)
    return out


def read_items(path: str | Path) -> list[tuple[str, Any]]:
    """The raw items under ``path`` (parsed, not yet validated), each with where it was: ``file[index]`` or
    ``file:line``."""
    path = Path(path)
    if not path.exists():
        raise InputError("no such file or folder", where=str(path))
    if path.is_dir():
        if (path / "datapackage.json").exists():
            path = path / "datapackage.json"
        else:
            raise InputError("a folder to load needs a datapackage.json", where=str(path))
    return list(_rows(path))


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while many objects are made at once: the collector would walk all of them
    again and again (it made a bulk load three times slower). Reference counting still frees as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def is_package(path: Path) -> bool:
    """Whether ``path`` names a data package descriptor (``datapackage.json``, ``NAME.datapackage.json``)."""
    return path.name == "datapackage.json" or path.name.endswith(".datapackage.json")


def split_array(raw: bytes, size: int) -> list[tuple[int, int]] | None:
    """Cut the bytes of a JSON array of objects into runs of about ``size`` bytes without parsing it, so that
    several processes can parse a big file a run each: every ``(start, stop)`` is meant to hold whole elements,
    ``b"[" + raw[start:stop] + b"]"`` parsing as a list of them. Each cut is made between a ``}`` and a ``{``
    with a comma between; one that falls inside an element, or inside a string, leaves a run that does not
    parse. If every run parses, the file is valid JSON and its elements are the runs' elements one after the
    other (the runs and the cuts make up the whole file); if one does not, the caller reads the file whole,
    which also says what is wrong with it. None if ``raw`` is not an array of objects (a wrapper object, say).
    """
    open_at = 3 if raw.startswith(codecs.BOM_UTF8) else 0
    open_at += len(raw) - open_at - len(raw[open_at:].lstrip(JSON_SPACE))
    close_at = len(raw.rstrip(JSON_SPACE)) - 1
    if close_at <= open_at or raw[open_at:open_at + 1] != b"[" or raw[close_at:close_at + 1] != b"]":
        return None
    start = open_at + 1
    if not raw[start:close_at].strip(JSON_SPACE).startswith(b"{"):
        return None
    runs: list[tuple[int, int]] = []
    while (cut := _BETWEEN_OBJECTS.search(raw, start + size, close_at)) is not None:
        runs.append((start, cut.start() + 1))
        start = cut.end() - 1
    runs.append((start, close_at))
    return runs


def _rows(path: Path) -> Iterator[tuple[str, Any]]:
    if is_package(path):
        package = _json(path)
        if not isinstance(package, dict) or not isinstance(package.get("resources"), list):
            raise InputError("a data package needs a list of resources", where=str(path))
        for index, resource in enumerate(package["resources"]):
            rel = resource.get("path") if isinstance(resource, dict) else None
            if not isinstance(rel, str) or ".." in Path(rel).parts:
                raise InputError(f"resources[{index}].path is missing or leaves the package", where=str(path))
            target = path.parent / rel
            if not target.exists():
                raise InputError(f"resources[{index}]: no file {rel}", where=str(path))
            yield from _rows(target)
        return
    suffix = path.suffix.lower()
    if suffix == ".json":
        data = _json(path)
        if isinstance(data, dict) and isinstance(data.get("records"), list):
            data = data["records"]
        if not isinstance(data, list):
            raise InputError("expected a JSON list of records", where=str(path))
        name = str(path)
        for index, item in enumerate(data):
            yield f"{name}[{index}]", item
    elif suffix in (".jsonl", ".ndjson"):
        text = _text(path)
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    yield f"{path}:{number}", orjson.loads(line)
                except orjson.JSONDecodeError as exc:
                    raise InputError(f"line {number}: malformed JSON ({exc})", where=str(path)) from None
    elif suffix == ".csv":
        yield from _csv(path)
    else:
        raise InputError(f"cannot read {suffix or 'files without an extension'} (use .json, .jsonl, .csv or a "
                         "datapackage.json)", where=str(path))


def _text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", where=str(path)) from None


def _json(path: Path) -> Any:
    text = _text(path)
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise InputError(f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
                         where=str(path)) from None


def _csv(path: Path) -> Iterator[tuple[str, Any]]:
    reader = csv.reader(io.StringIO(_text(path), newline=""), strict=True)
    try:
        header = next(reader, None)
        if not header or "id" not in header:
            raise InputError("a CSV of records needs a header with an 'id' column", where=str(path))
        for row in reader:
            number = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise InputError(f"line {number}: {len(row)} cells, the header has {len(header)}", where=str(path))
            yield f"{path}:{number}", _typed_row(dict(zip(header, row, strict=True)), f"{path}:{number}")
    except csv.Error as exc:
        raise InputError(f"line {reader.line_num}: malformed CSV ({exc})", where=str(path)) from None


def _typed_row(row: dict[str, str], where: str) -> dict[str, Any]:
    """CSV cells are text; turn them back into the record's field types (nested values are JSON)."""
    kind = row.get("id", "").split(":", 1)[0]
    cls = KINDS.get(kind)
    out: dict[str, Any] = {}
    for key, cell in row.items():
        if cell == "":
            continue
        annotation = str(cls.model_fields[key].annotation) if cls and key in cls.model_fields else ""
        if cell[:1] in JSON_CELL and ("list" in annotation or "dict" in annotation or "tuple" in annotation
                                      or "Any" in annotation or not annotation or "VoteTotals" in annotation):
            try:
                out[key] = orjson.loads(cell)
                continue
            except orjson.JSONDecodeError:
                raise InputError(f"{key}: malformed JSON in cell", where=where) from None
        if annotation and ("bool" in annotation) and cell.lower() in ("true", "false"):
            out[key] = cell.lower() == "true"
        elif annotation and ("int" in annotation or "float" in annotation) and "str" not in annotation:
            out[key] = cell  # pydantic converts numeric text
        else:
            out[key] = cell
    return out
