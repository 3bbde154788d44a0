"""The JSON API (read-only): records of every kind, presence, classification, compliance and ask.

Every answer goes through :func:`json_response` (ETag, ``If-None-Match`` -> 304, cached per registry version);
every error through :func:`footprint.web.app.handle_error` (one shape, ``{"error": {"status", "code",
"message"}}``). The OpenAPI document describing all of it is :mod:`footprint.web.openapi`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import orjson
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..errors import InputError, NotFound, Unavailable
from ..model import KINDS, check_country, check_date, date_floor, dump_record
from . import parts
from .app import Ctx
from .i18n import LANGS
from .views import record_url

MAX_LIMIT = 200


async def json_response(request: Request, ctx: Ctx, compute: Callable[[], Any]) -> Response:
    """The JSON of ``compute()``, cached per registry version, with an ETag honoured by If-None-Match."""
    key = ("api", request.url.path, str(request.query_params))

    def body() -> tuple[bytes, str]:
        data = orjson.dumps(compute(), option=orjson.OPT_NON_STR_KEYS)
        return data, '"' + hashlib.sha256(data).hexdigest()[:32] + '"'

    data, etag = await ctx.cached_async(key, body)
    headers = {"ETag": etag, "Cache-Control": "no-cache"}
    wanted = request.headers.get("if-none-match", "")
    if etag in {t.strip().removeprefix("W/") for t in wanted.split(",")}:
        return Response(status_code=304, headers=headers)
    return Response(data, media_type="application/json", headers=headers)


def _int(request: Request, name: str, default: int, lo: int, hi: int) -> int:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise InputError(f"{raw!r} is not a whole number", where=name) from None
    if not lo <= value <= hi:
        raise InputError(f"{value} is outside {lo}..{hi}", where=name)
    return value


def _kind(value: str | None, where: str = "kind") -> str | None:
    if value in (None, ""):
        return None
    if value not in KINDS:
        raise InputError(f"{value!r} is not a record kind (known: {', '.join(sorted(KINDS))})", where=where)
    return value


def _date(request: Request, name: str) -> str | None:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return None
    try:
        value = check_date(raw)
        dt.date.fromisoformat(date_floor(value))  # a year the calendar has (not 0000)
    except ValueError as exc:
        raise InputError(str(exc), where=name) from None
    return value


def _text(request: Request, name: str, limit: int = 500) -> str | None:
    raw = (request.query_params.get(name) or "").strip()
    if len(raw) > limit:
        raise InputError(f"longer than {limit} characters", where=name)
    if "\x00" in raw:
        raise InputError("contains a NUL character", where=name)
    return raw or None


def _item(stored: Any) -> dict[str, Any]:
    return {"id": stored.id, "kind": stored.record.kind, "label": stored.record.label(), "version": stored.version,
            "updated_at": stored.updated_at, "url": record_url(stored.id), "record": dump_record(stored.record)}


async def list_records(request: Request) -> Response:
    ctx = Ctx(request)
    kind = _kind(request.query_params.get("kind"))
    q = _text(request, "q", 200)
    limit = _int(request, "limit", 50, 1, MAX_LIMIT)
    offset = _int(request, "offset", 0, 0, 10**9)

    def compute() -> dict[str, Any]:
        found, total = ctx.store.find(kind, q=q, limit=limit, offset=offset)
        nxt = None
        if offset + limit < total:
            params = {**dict(request.query_params), "offset": str(offset + limit), "limit": str(limit)}
            nxt = "/api/records?" + urlencode(params)
        return {"items": [_item(s) for s in found], "total": total, "limit": limit, "offset": offset, "next": nxt}

    return await json_response(request, ctx, compute)


def _record_id(request: Request) -> str:
    kind = _kind(request.path_params["kind"])
    return f"{kind}:{request.path_params['slug']}"


async def get_record(request: Request) -> Response:
    ctx = Ctx(request)
    record_id = _record_id(request)

    def compute() -> dict[str, Any]:
        stored = ctx.store.get(record_id)
        return {**_item(stored), "created_at": stored.created_at, "referred_by": ctx.store.referrers(record_id)}

    return await json_response(request, ctx, compute)


async def record_history(request: Request) -> Response:
    ctx = Ctx(request)
    record_id = _record_id(request)

    def compute() -> dict[str, Any]:
        events = ctx.store.history(record_id)
        if not events and not ctx.store.exists([record_id]):
            raise NotFound(f"no record {record_id!r}")
        return {"id": record_id, "events": events}

    return await json_response(request, ctx, compute)


async def kinds(request: Request) -> Response:
    ctx = Ctx(request)
    return await json_response(request, ctx, lambda: {"counts": ctx.store.counts(), "kinds": sorted(KINDS),
                                                "last_change": ctx.store.last_change()})


def _need(value: Any, what: str) -> Any:
    if value is None:
        raise Unavailable(f"{what} is not available in this installation yet")
    return value


async def presence(request: Request) -> Response:
    ctx = Ctx(request)
    country = _text(request, "country", 2)
    if country:
        try:
            country = check_country(country)
        except ValueError as exc:
            raise InputError(str(exc), where="country") from None
    filters = {"country": country, "place": _text(request, "place", 200),
               "at": _date(request, "at"), "start": _date(request, "from"), "end": _date(request, "to"),
               "by": _text(request, "by", 20)}
    return await json_response(request, ctx, lambda: _need(parts.presence(ctx.store, **filters), "presence analysis"))


async def classification(request: Request) -> Response:
    ctx = Ctx(request)
    site = _text(request, "site", 200)

    def compute() -> Any:
        results = _need(ctx.cached(("classify",), lambda: parts.classify(ctx.store)), "classification")
        if site is None:
            return results
        chosen = [r for r in results if r.get("site") == site]
        if not chosen:
            raise NotFound(f"no classified site {site!r}")
        return chosen

    return await json_response(request, ctx, compute)


async def compliance(request: Request) -> Response:
    ctx = Ctx(request)
    record = _text(request, "record", 200)

    def compute() -> Any:
        findings = _need(ctx.cached(("check",), lambda: parts.check(ctx.store)), "compliance checking")
        return [f for f in findings if record in (f.get("records") or [])] if record else findings

    return await json_response(request, ctx, compute)


async def ask(request: Request) -> Response:
    ctx = Ctx(request)
    question = _text(request, "q", 500)
    if not question:
        raise InputError("ask a question", where="q")
    lang = request.query_params.get("lang") or ctx.lang
    if lang not in LANGS:
        raise InputError(f"{lang!r} is not a language (use {', '.join(LANGS)})", where="lang")
    return await json_response(request, ctx, lambda: _need(parts.ask(ctx.store, question, lang), "the ask service"))


async def openapi(request: Request) -> Response:
    from .openapi import spec

    return Response(orjson.dumps(spec()), media_type="application/json")


def routes() -> list[Route]:
    return [
        Route("/openapi.json", openapi),
        Route("/api/kinds", kinds),
        Route("/api/records", list_records),
        Route("/api/records/{kind}/{slug}", get_record),
        Route("/api/records/{kind}/{slug}/history", record_history),
        Route("/api/presence", presence),
        Route("/api/classification", classification),
        Route("/api/compliance", compliance),
        Route("/api/ask", ask),
    ]
