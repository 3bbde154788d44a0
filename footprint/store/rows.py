"""A validated record as the store writes it: canonical JSON, its hash and the columns indexed beside it.

``prepare`` is pure (no database), so many processes can prepare rows while one writes them.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from ..model import Record, content_hash, record_json

LABEL_MAX = 500


class Row(NamedTuple):
    id: str
    kind: str
    label: str
    data: str
    hash: str
    start: str | None
    end: str | None
    refs: tuple[str, ...]


def prepare(record: Record) -> Row:
    # tuple.__new__ rather than Row(...): the same tuple, without a Python-level __new__ per row
    return tuple.__new__(Row, values(record))


def values(record: Record) -> tuple[Any, ...]:
    """The record's row as a plain tuple, in :class:`Row`'s order: what worker processes send back (a plain
    tuple pickles three times faster than a named one, which pickles through Python code)."""
    blob = record_json(record)
    start, end = record.interval()
    return (record.id, record.kind, record.label()[:LABEL_MAX], blob.decode(), content_hash(blob), start, end,
            tuple(sorted(record.references())))
