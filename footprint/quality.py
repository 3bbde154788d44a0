"""Data quality (``footprint doctor``): what a reader of the registry should know before trusting a figure.

Checks (a table, run by :func:`diagnose`): records without a source, places as written with no resolved place,
records whose sources disagree (conflicts), activities hosted where the registry encodes the legal regime with no
authorization found, and references to records that do not exist. An item is *explained* when the record says why:
a conflict with a note or a chosen value, or a sentence of the record's ``notes`` naming the issue (e.g. "no
authorization is known: ..."). The registry passes when every item is explained.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from .model import Record
from .model.fields import fold as normalize

# Hosts whose legal regime the registry encodes: an activity there is expected to cite its authorization.
REGULATED_HOSTS = frozenset({"PE"})
SENTENCE = re.compile(r"[^.;]+")


def _explained_by_notes(record: Record, words: tuple[str, ...]) -> str | None:
    for sentence in SENTENCE.findall(record.notes or ""):
        if any(w in sentence.lower() for w in words):
            return sentence.strip()
    return None


def _no_source(record: Record, _ids: set[str], _places: dict[str, Any]) -> list[str]:
    if record.kind == "source" or record.sources:
        return []
    return ["has no source"]


def _names(place: Any) -> set[str]:
    return {normalize(n) for n in (place.name, *place.aliases)}


def _unresolved_places(record: Record, ids: set[str], places: dict[str, Any]) -> list[str]:
    """Each place as written that no resolved place of the record carries as its name or an alias."""
    written = getattr(record, "places_as_written", None) or []
    resolved = [places[p] for p in getattr(record, "places", None) or [] if p in places]
    known = set().union(*(_names(p) for p in resolved)) if resolved else set()
    missing = [w for w in written if normalize(w) not in known]
    return [f"place as written {w!r} has no resolved place" for w in missing]


def _conflicts(record: Record, _ids: set[str], _places: dict[str, Any]) -> list[str]:
    return [f"sources disagree on {c.field}" for c in record.conflicts]


def _no_authorization(record: Record, _ids: set[str], _places: dict[str, Any]) -> list[str]:
    if record.kind != "activity" or getattr(record, "authorizations", None):
        return []
    if getattr(record, "host_country", None) not in REGULATED_HOSTS:
        return []
    return ["activity with no authorization found"]


def _dangling(record: Record, ids: set[str], _places: dict[str, Any]) -> list[str]:
    return [f"refers to {ref}, which is not in the registry" for ref in sorted(record.references() - ids)]


def _conflict_explanation(record: Record) -> str | None:
    notes = [c.note or (f"chosen: {c.chosen}" if c.chosen is not None else None) for c in record.conflicts]
    return "; ".join(n for n in notes if n) if all(notes) else None


Check = Callable[[Record, set[str], dict[str, Any]], list[str]]
# name -> (check, words that a sentence of the record's notes must contain to explain the item)
CHECKS: dict[str, tuple[Check, tuple[str, ...]]] = {
    "no_source": (_no_source, ("source",)),
    "unresolved_place": (_unresolved_places, ("place", "location")),
    "conflict": (_conflicts, ()),
    "no_authorization": (_no_authorization, ("authoriz",)),
    "dangling_reference": (_dangling, ()),
}


def diagnose_records(records: Iterable[Record], ids: set[str] | None = None) -> dict[str, Any]:
    records = list(records)
    ids = ids if ids is not None else {r.id for r in records}
    places = {r.id: r for r in records if r.kind == "place"}
    items: list[dict[str, Any]] = []
    for record in records:
        for name, (check, words) in CHECKS.items():
            for problem in check(record, ids, places):
                if name == "conflict":
                    explanation = _conflict_explanation(record)
                elif words:
                    explanation = _explained_by_notes(record, words)
                else:
                    explanation = None
                items.append({"check": name, "record": record.id, "problem": problem, "explanation": explanation})
    by_check: dict[str, int] = {name: 0 for name in CHECKS}
    for item in items:
        by_check[item["check"]] += 1
    unexplained = sum(1 for i in items if not i["explanation"])
    return {"records": len(records), "total": len(items), "unexplained": unexplained, "ok": unexplained == 0,
            "by_check": by_check, "items": items}


def diagnose(store: Any) -> dict[str, Any]:
    """Run every check over the registry; JSON-ready ``{records, total, unexplained, ok, by_check, items}``."""
    return diagnose_records(store.records())
