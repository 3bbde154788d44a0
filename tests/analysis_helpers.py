"""Helpers shared by the analysis tests: records with a test source, put into a store in one call."""

from __future__ import annotations

from typing import Any

from footprint.model import parse_record

S = [{"source": "source:test"}]
SOURCE = {"id": "source:test", "url": "https://example.org/test"}
PERU = {"id": "place:pe", "name": "Perú", "level": "country", "country": "PE"}


def put(store: Any, *rows: dict[str, Any]) -> None:
    """Validate and store records; each gets the test source unless it names its own."""
    store.put_many([parse_record({"sources": S, **r}) if not r["id"].startswith("source:") else parse_record(r)
                    for r in rows])


def department(code: str, name: str) -> dict[str, Any]:
    return {"id": f"place:pe-{code.lower()}", "name": name, "level": "department", "country": "PE",
            "iso_3166_2": f"PE-{code.upper()}", "parent": "place:pe"}
