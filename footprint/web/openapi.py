"""The OpenAPI 3 description of the JSON API, served at ``/openapi.json``."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .. import __version__
from ..model import KINDS

_OBJ: dict[str, Any] = {"type": "object", "additionalProperties": True}
_ERRORS = {str(s): {"$ref": f"#/components/responses/{name}"}
           for s, name in ((404, "NotFound"), (422, "InvalidInput"), (503, "Unavailable"))}


def _param(name: str, schema: dict[str, Any], description: str, where: str = "query",
           required: bool = False) -> dict[str, Any]:
    return {"name": name, "in": where, "required": required or where == "path", "description": description,
            "schema": schema}


def _ok(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"200": {"description": description, "headers": {"ETag": {"schema": {"type": "string"}}},
                    "content": {"application/json": {"schema": schema}}},
            "304": {"description": "Not modified (the If-None-Match ETag is current)"}, **_ERRORS}


def _get(op_id: str, summary: str, params: list[dict[str, Any]], schema: dict[str, Any],
         description: str) -> dict[str, Any]:
    return {"get": {"operationId": op_id, "summary": summary, "parameters": params,
                    "responses": _ok(schema, description)}}


DATE = {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}
KIND_PATH = _param("kind", {"type": "string", "enum": sorted(KINDS)}, "Record kind", "path")
SLUG_PATH = _param("slug", {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9._-]*$"}, "Record slug", "path")


@lru_cache(maxsize=1)
def spec() -> dict[str, Any]:
    ref = "#/components/schemas/"
    return {
        "openapi": "3.0.3",
        "info": {"title": "footprint API", "version": __version__,
                 "description": "Read-only JSON API of the footprint registry of foreign military presence. "
                                "Every error has the shape {\"error\": {\"status\", \"code\", \"message\"}}."},
        "paths": {
            "/api/kinds": _get("kinds", "Record kinds and counts", [], {"$ref": ref + "Kinds"}, "Counts per kind"),
            "/api/records": _get("listRecords", "Records, filtered and paginated", [
                _param("kind", {"type": "string", "enum": sorted(KINDS)}, "Only this kind"),
                _param("q", {"type": "string", "maxLength": 200}, "Text in the label, id or data"),
                _param("limit", {"type": "integer", "minimum": 1, "maximum": 200, "default": 50}, "Page size"),
                _param("offset", {"type": "integer", "minimum": 0, "maximum": 10**9, "default": 0}, "Skip this many"),
            ], {"$ref": ref + "RecordPage"}, "A page of records"),
            "/api/records/{kind}/{slug}": _get("getRecord", "One record", [KIND_PATH, SLUG_PATH],
                                               {"$ref": ref + "RecordItem"}, "The record"),
            "/api/records/{kind}/{slug}/history": _get(
                "recordHistory", "A record's audit history", [KIND_PATH, SLUG_PATH],
                {"type": "object", "required": ["id", "events"],
                 "properties": {"id": {"type": "string"}, "events": {"type": "array", "items": _OBJ}}},
                "Audit events, oldest first"),
            "/api/presence": _get("presence", "Presence of visiting forces (DESIGN.md presence shape)", [
                _param("country", {"type": "string", "pattern": "^[A-Za-z]{2}$"}, "Visiting country, ISO 3166-1"),
                _param("place", {"type": "string", "maxLength": 200}, "A place record id"),
                _param("at", DATE, "On this date"),
                _param("from", DATE, "Window start"),
                _param("to", DATE, "Window end"),
                _param("by", {"type": "string", "enum": ["place", "month", "year", "purpose"]}, "Group rows by"),
            ], {"$ref": ref + "Presence"}, "Presence rows and totals"),
            "/api/classification": _get("classification", "Sites against the base typologies", [
                _param("site", {"type": "string", "maxLength": 200}, "Only this site id"),
            ], {"type": "array", "items": {"$ref": ref + "Classification"}}, "One entry per site"),
            "/api/compliance": _get("compliance", "Findings of the host's legal rules", [
                _param("record", {"type": "string", "maxLength": 200}, "Only findings about this record id"),
            ], {"type": "array", "items": {"$ref": ref + "Finding"}}, "Findings"),
            "/api/ask": _get("ask", "Ask the registry a question (Spanish or English)", [
                _param("q", {"type": "string", "minLength": 1, "maxLength": 500}, "The question", required=True),
                _param("lang", {"type": "string", "enum": ["es", "en"]}, "Answer language"),
            ], {"$ref": ref + "Answer"}, "The answer with citations"),
        },
        "components": {
            "schemas": {
                "Error": {"type": "object", "required": ["error"], "properties": {"error": {
                    "type": "object", "required": ["status", "code", "message"],
                    "properties": {"status": {"type": "integer"}, "code": {"type": "string"},
                                   "message": {"type": "string"}}}}},
                "Kinds": {"type": "object", "required": ["counts", "kinds"], "properties": {
                    "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
                    "kinds": {"type": "array", "items": {"type": "string"}},
                    "last_change": {"type": "string", "nullable": True}}},
                "RecordItem": {"type": "object", "required": ["id", "kind", "label", "version", "record"],
                               "properties": {"id": {"type": "string"}, "kind": {"type": "string"},
                                              "label": {"type": "string"}, "version": {"type": "integer"},
                                              "updated_at": {"type": "string"}, "url": {"type": "string"},
                                              "created_at": {"type": "string"},
                                              "referred_by": {"type": "array", "items": {"type": "string"}},
                                              "record": _OBJ}},
                "RecordPage": {"type": "object", "required": ["items", "total", "limit", "offset", "next"],
                               "properties": {"items": {"type": "array", "items": {"$ref": ref + "RecordItem"}},
                                              "total": {"type": "integer"}, "limit": {"type": "integer"},
                                              "offset": {"type": "integer"},
                                              "next": {"type": "string", "nullable": True}}},
                "Presence": {"type": "object", "required": ["query", "rows", "totals"], "properties": {
                    "query": _OBJ, "rows": {"type": "array", "items": _OBJ}, "totals": _OBJ}},
                "Classification": {"type": "object", "required": ["site", "results"], "properties": {
                    "site": {"type": "string"}, "name": {"type": "string", "nullable": True},
                    "results": {"type": "array", "items": _OBJ}}},
                "Finding": {"type": "object", "required": ["severity", "rule", "message", "records"],
                            "properties": {"severity": {"type": "string"}, "rule": {"type": "string"},
                                           "legal_reference": {"nullable": True}, "message": {"type": "string"},
                                           "records": {"type": "array", "items": {"type": "string"}}}},
                "Answer": {"type": "object", "required": ["answer", "citations"], "properties": {
                    "question": {"type": "string"}, "lang": {"type": "string"}, "answer": {},
                    "verdict": {"nullable": True}, "facts": {},
                    "citations": {"type": "array", "items": _OBJ}}},
            },
            "responses": {
                name: {"description": description, "content": {"application/json": {
                    "schema": {"$ref": ref + "Error"}}}}
                for name, description in (("NotFound", "No such record"),
                                          ("InvalidInput", "A parameter is not valid"),
                                          ("Unavailable", "That part is not installed yet"))
            },
        },
    }
