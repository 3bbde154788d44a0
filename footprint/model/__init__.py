"""The domain model: record kinds, validated at the boundary.

``parse_record`` is the one door into the model: it turns a plain mapping into a validated record or
raises :class:`footprint.errors.InputError` naming the field and the problem.
"""

from __future__ import annotations

import hashlib
from typing import Any

from pydantic import ValidationError

from ..errors import InputError
from .fields import (
    RECORD_ID_PATTERN,
    SOURCE_ID_PATTERN,
    check_country,
    check_date,
    date_ceiling,
    date_floor,
    date_precision,
    slugify,
    split_id,
)
from .records import (
    KINDS,
    Activity,
    ActivityStatus,
    Assistance,
    Authorization,
    Bill,
    Citation,
    Claim,
    FacilityStatus,
    Instrument,
    InstrumentType,
    PersonnelCount,
    Place,
    PlaceLevel,
    Procurement,
    ProcurementStatus,
    Purpose,
    Rating,
    Record,
    Review,
    Site,
    Source,
    SourceConflict,
    Spending,
    TemporaryFacility,
    Vote,
    VoteTotals,
)

__all__ = [
    "KINDS", "Activity", "ActivityStatus", "Assistance", "Authorization", "Bill", "Citation", "Claim",
    "FacilityStatus", "Instrument", "InstrumentType", "PersonnelCount", "Place", "PlaceLevel", "Procurement",
    "ProcurementStatus", "Purpose", "Rating", "Record", "Review", "Site", "Source", "SourceConflict", "Spending",
    "TemporaryFacility", "Vote", "VoteTotals", "check_country", "check_date", "content_hash", "date_ceiling",
    "date_floor", "date_precision", "dump_record", "parse_record", "record_json", "slugify", "split_id",
]


PATTERN_MESSAGES = {
    RECORD_ID_PATTERN: "{!r} is not a record id (expected KIND:slug, e.g. site:pe-base-naval-callao)",
    SOURCE_ID_PATTERN: "{!r} is not a source record id (expected source:slug)",
}


def describe_validation_error(exc: ValidationError) -> str:
    first = exc.errors()[0]
    loc = ".".join(str(p) for p in first["loc"])
    msg = first["msg"].removeprefix("Value error, ")
    if first["type"] == "string_pattern_mismatch" and first.get("ctx", {}).get("pattern") in PATTERN_MESSAGES:
        msg = PATTERN_MESSAGES[first["ctx"]["pattern"]].format(first["input"])
    more = len(exc.errors()) - 1
    return (f"{loc}: {msg}" if loc else msg) + (f" (and {more} more problem{'s' if more > 1 else ''})" if more else "")


def parse_record(data: Any, *, where: str | None = None) -> Record:
    """Validate a mapping into its record kind (taken from its ``id``)."""
    if not isinstance(data, dict):
        raise InputError(f"expected a JSON object, got {type(data).__name__}", where=where)
    record_id = data.get("id")
    if not isinstance(record_id, str) or ":" not in record_id:
        raise InputError(f"id: {record_id!r} is not a record id (expected KIND:slug)", where=where)
    kind = record_id.split(":", 1)[0]
    cls = KINDS.get(kind)
    if cls is None:
        raise InputError(f"id: unknown record kind {kind!r} (known: {', '.join(sorted(KINDS))})", where=where)
    if "kind" in data:  # exports may carry it; the id says it already
        data = {k: v for k, v in data.items() if k != "kind"}
    try:
        return cls.model_validate(data)
    except ValidationError as exc:
        label = f"{where}: {record_id}" if where else record_id
        raise InputError(describe_validation_error(exc), where=label) from None


def dump_record(record: Record) -> dict[str, Any]:
    """The record as plain JSON-ready data, without empty defaults; ``parse_record`` reads it back."""
    return record.model_dump(mode="json", exclude_defaults=True)


def record_json(record: Record) -> bytes:
    """Canonical JSON bytes of a record, what the store keeps and hashes: fields in the model's order, free-form
    objects with their keys sorted (done when validated), no empty defaults. The same content always gives the
    same bytes, whatever order its keys came in."""
    return record.__pydantic_serializer__.to_json(record, exclude_defaults=True)


def content_hash(canonical: bytes) -> str:
    return hashlib.sha256(canonical).hexdigest()
