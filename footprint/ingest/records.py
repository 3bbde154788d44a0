"""Registry records from the norms extracted from one document.

For each relevant norm: an Instrument (or, for a bill read in a vote, a Bill), a Bill when the norm names the
bill it came from, one Authorization per activity and visiting country, and the Place records of the places
resolved by the gazetteer (with their parents and sources). The document itself becomes a Source record
(path, sha256) that every record cites, with the character span of the norm and of each field when the
extractor gives them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..jurisdictions.pe.gazetteer import PlaceMatch, gazetteer
from ..model import (
    Authorization,
    Bill,
    Citation,
    Instrument,
    InstrumentType,
    Purpose,
    Record,
    Source,
    slugify,
)

PURPOSES = {p.value for p in Purpose}
INSTRUMENT_TYPES = {t.value for t in InstrumentType}
# "RL 30724", "R.L. N° 30724", "Resolución Legislativa 30724" -> an instrument id
REFERENCE = re.compile(r"^(?P<type>RL|RM|RS|LEY|DS)\.?\s*(?:N[°º.o]*\s*)?(?P<number>[\w/.-]+)$", re.I)


@dataclass
class DocumentRecords:
    """What one document yields: records to store, and what to tell the user about it."""

    source_id: str
    records: list[Record] = field(default_factory=list)
    main_ids: list[str] = field(default_factory=list)
    norms: int = 0
    relevant: int = 0
    unresolved_places: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    modifies: dict[str, list[str]] = field(default_factory=dict)


def source_id_for(sha256: str) -> str:
    return f"source:doc-{sha256[:16]}"


def instrument_id(type_: str, number: str) -> str:
    return f"instrument:pe-{type_.lower()}-{slugify(number)}"


def document_records(path: str, sha256: str, norms: list[dict[str, Any]]) -> DocumentRecords:
    """Records for a document's norms; raises pydantic's ``ValidationError`` on a value the model refuses."""
    out = DocumentRecords(source_id=source_id_for(sha256), norms=len(norms))
    relevant = [n for n in norms if n.get("relevant")]
    out.relevant = len(relevant)
    if not relevant:
        return out
    first = relevant[0]
    title = " ".join(str(x) for x in (first.get("instrument_type"), first.get("number")) if x) or None
    out.records.append(
        Source(
            id=out.source_id,
            document=path,
            sha256=sha256,
            title=title,
            date=first.get("issued_date"),
            language="es",
        )
    )
    places: dict[str, PlaceMatch] = {}
    for index, norm in enumerate(relevant):
        _norm_records(out, norm, index, sha256, places)
    out.records[1:1] = gazetteer().records_for(list(places.values()))
    out.records = _merge_duplicates(out.records)
    return out


def _norm_records(
    out: DocumentRecords, norm: dict[str, Any], index: int, sha256: str, places: dict[str, PlaceMatch]
) -> None:
    type_ = str(norm.get("instrument_type") or "OTHER").upper()
    if type_ not in INSTRUMENT_TYPES:
        type_ = "OTHER"
    number = norm.get("number")
    part = norm.get("part", index)
    detail = norm.get("detail") or {}
    cite = _citations(out.source_id, norm, detail)
    bill_digits = re.sub(r"\D", "", str(norm.get("bill") or ""))
    bill_id = f"bill:pe-{bill_digits}" if bill_digits else None
    instrument: str | None = None
    if type_ == "BILL":
        if not bill_id:
            out.warnings.append(f"part {part}: a bill without a number: not stored")
            return
        slug = f"pe-bill-{bill_digits}"
    else:
        if number:
            instrument = instrument_id(type_, str(number))
        else:
            instrument = f"instrument:pe-{type_.lower()}-doc-{sha256[:12]}-{part}"
            out.warnings.append(f"part {part}: {type_} without a number: stored as {instrument}")
        slug = instrument.split(":", 1)[1]
        out.records.append(
            Instrument(
                id=instrument,
                jurisdiction="PE",
                type=InstrumentType(type_),
                number=number,
                title=detail.get("title"),
                issued_date=norm.get("issued_date"),
                bill=bill_id,
                legal_basis=list(norm.get("legal_basis") or []),
                sources=cite,
            )
        )
        out.main_ids.append(instrument)
        out.modifies[instrument] = [m for m in map(_reference_id, _as_list(detail.get("modifies"))) if m]
    if bill_id:
        out.records.append(
            Bill(
                id=bill_id,
                jurisdiction="PE",
                number=bill_digits,
                enacted_as=instrument,
                title=detail.get("title") if type_ == "BILL" else None,
                sources=cite,
            )
        )
        out.main_ids.append(bill_id)
    countries = [str(c).upper() for c in norm.get("visiting_countries") or []]
    if not countries:
        out.warnings.append(f"part {part}: no visiting country: no authorization stored")
        return
    activities = norm.get("activities") or [{}]
    for a, activity in enumerate(activities, 1):
        place_ids, written = [], []
        for name in activity.get("places") or []:
            written.append(str(name))
            match = gazetteer().resolve(str(name))
            if match is None:
                out.unresolved_places.append(str(name))
                continue
            places.setdefault(match.id, match)
            place_ids.append(match.id)
        category = activity.get("purpose_category") or "other"
        for country in countries:
            suffix = (f"-{a}" if len(activities) > 1 else "") + (
                f"-{country.lower()}" if len(countries) > 1 else ""
            )
            auth_id = f"authorization:{slug}{suffix}"
            out.records.append(
                Authorization(
                    id=auth_id,
                    instrument=instrument,
                    bill=bill_id if type_ == "BILL" else None,
                    visiting_country=country,
                    host_country="PE",
                    armed=norm.get("armed"),
                    purpose=activity.get("purpose"),
                    purpose_category=Purpose(category if category in PURPOSES else "other"),
                    start=activity.get("start"),
                    end=activity.get("end"),
                    personnel=activity.get("personnel"),
                    places=list(dict.fromkeys(place_ids)),
                    places_as_written=written,
                    units=[str(u) for u in activity.get("units") or []],
                    host_units=[str(u) for u in activity.get("host_units") or []],
                    equipment=[e for e in _as_list(detail.get("equipment")) if isinstance(e, dict)],
                    sources=cite,
                )
            )
            out.main_ids.append(auth_id)


def _citations(source_id: str, norm: dict[str, Any], detail: dict[str, Any]) -> list[Citation]:
    """The document as a whole (with the norm's span when known) and each field's span."""
    cites = [Citation(source=source_id, span=_span(detail.get("span")))]
    spans = detail.get("spans")
    items: list[tuple[Any, Any]] = []
    if isinstance(spans, dict):
        items = list(spans.items())
    elif isinstance(spans, list):
        items = [(s.get("field"), s.get("span")) for s in spans if isinstance(s, dict)]
    for name, value in items:
        span = _span(value)
        if name and span:
            cites.append(Citation(source=source_id, field=str(name), span=span))
    return cites


def _span(value: Any) -> tuple[int, int] | None:
    if isinstance(value, dict):
        value = value.get("span") or (value.get("start"), value.get("end"))
    if (
        isinstance(value, list | tuple)
        and len(value) == 2
        and all(isinstance(v, int) and v >= 0 for v in value)
    ):
        return (int(value[0]), int(value[1])) if value[0] <= value[1] else None
    return None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def _reference_id(value: Any) -> str | None:
    """An instrument id from what the extractor says a norm modifies (an id, or ``RL 30724``)."""
    if isinstance(value, dict):
        if value.get("instrument_type") in INSTRUMENT_TYPES - {"BILL", "OTHER"} and value.get("number"):
            return instrument_id(str(value["instrument_type"]), str(value["number"]))
        value = value.get("id")
    text = str(value or "").strip()
    if text.startswith("instrument:"):
        return text
    m = REFERENCE.match(text.replace("R.L.", "RL").replace("R.M.", "RM").replace("R.S.", "RS"))
    return instrument_id(m.group("type"), m.group("number")) if m else None


def _merge_duplicates(records: list[Record]) -> list[Record]:
    """One record per id: a later copy (the same act twice on a page) adds its citations to the first."""
    merged: dict[str, Record] = {}
    for record in records:
        first = merged.get(record.id)
        if first is None:
            merged[record.id] = record
        elif first is not record:
            first.sources.extend(c for c in record.sources if c not in first.sources)
    return list(merged.values())
