"""The work done on one document, away from the database: read it, hash it, extract its norms.

It runs in worker processes (local pool) or on Spark executors, so it takes a path and returns plain,
picklable data: ``{"path", "sha256", "chars", "info", "norms"}``, or ``{"path", "sha256", "error"}`` when the
document cannot be read or the extractor fails on it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import FootprintError
from .files import SUPPORTED, is_supported


def analyse_document(path: str) -> dict[str, Any]:
    result: dict[str, Any] = {"path": path, "sha256": None}
    if not is_supported(path):
        result["unsupported"] = f"not a {', '.join(SUPPORTED[:-1])} or {SUPPORTED[-1]} file"
        return result
    try:
        result["sha256"] = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError as exc:
        result["error"] = f"cannot read the file: {exc.strerror or exc}"
        return result
    from ..jurisdictions.documents import read_document
    from ..jurisdictions.pe import extract_norms

    try:
        text, info = read_document(Path(path))
        norms = extract_norms(text, file=path)
    except FootprintError as exc:
        result["error"] = exc.message
        return result
    except Exception as exc:  # noqa: BLE001  one document must not stop an archive; reported, never hidden
        result["error"] = f"the extractor failed: {type(exc).__name__}: {exc}"
        return result
    result.update(chars=len(text), info=_plain(info), norms=_plain(norms))
    return result


def analyse_many(paths: Iterable[str]) -> Iterator[dict[str, Any]]:
    """``analyse_document`` over several paths (one task of a pool, one partition of Spark)."""
    for path in paths:
        yield analyse_document(path)


def analyse_batch(paths: list[str]) -> list[dict[str, Any]]:
    return list(analyse_many(paths))


def _plain(value: Any) -> Any:
    """JSON-ready data (tuples to lists, anything odd to text), so results travel between processes."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)
