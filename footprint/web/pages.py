"""The server-rendered pages: public and read-only, plus sign-in and the editors' forms."""

from __future__ import annotations

from typing import Any

import orjson
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from ..errors import Conflict, InputError, NotFound
from ..model import KINDS, dump_record, parse_record
from . import auth, charts, parts, views
from .app import Ctx
from .downloads import FILES, geojson_available
from .i18n import HOME_QUESTION

PAGE_SIZE = 25


def _int(value: str | None, default: int, lo: int, hi: int) -> int:
    try:
        n = int(value) if value not in (None, "") else default
    except ValueError:
        return default
    return max(lo, min(hi, n))


def _ask(ctx: Ctx, question: str) -> dict[str, Any]:
    """The answers layer's reply, or why there is none (not installed, or the question refused)."""
    try:
        answer, failed = parts.attempt(lambda: parts.ask(ctx.store, question, ctx.lang))
    except InputError as exc:
        return {"error": str(exc)}
    return {"answer": answer, "available": answer is not None or failed is not None, "failed": failed}


# --- public pages ---------------------------------------------------------------------------------------


async def home(request: Request) -> Response:
    ctx = Ctx(request)

    def compute() -> dict[str, Any]:
        store = ctx.store
        return {"question": HOME_QUESTION[ctx.lang], **_ask(ctx, HOME_QUESTION[ctx.lang]),
                "now": charts.authorized_now(store),
                "instruments": charts.latest(store, "instrument", ("issued_date", "published_date")),
                "votes": charts.latest(store, "vote", ("date",)), "counts": store.counts(),
                "last_change": store.last_change()}

    return await ctx.page("home.html", compute)


async def map_page(request: Request) -> Response:
    ctx = Ctx(request)
    q = request.query_params

    def compute() -> dict[str, Any]:
        options = ctx.cached(("map_options",), lambda: charts.map_options(ctx.store))
        year = _int(q.get("year"), 0, 0, 9999) or None
        country = (q.get("country") or "").upper() or None
        country = country if country in options["countries"] else None
        purpose = q.get("purpose") if q.get("purpose") in options["purposes"] else None
        coords = ctx.cached(("coords",), lambda: charts.coordinates(ctx.store))
        window = {"start": f"{year}-01-01", "end": f"{year}-12-31"} if year else {}
        result, failed = parts.attempt(lambda: parts.presence(ctx.store, country=country, **window))
        if result is None:
            marks = {"marks": charts.site_marks(ctx.store, coords), "unplaced": []}
        else:
            rows = result.get("rows") or []
            if purpose:
                purposes = ctx.cached(("purposes",), lambda: charts.record_purposes(ctx.store))
                rows = [r for r in rows if any(purposes.get(i) == purpose for i in r.get("records") or [])]
            marks = charts.map_marks(rows, coords)
            labels = ctx.cached(("labels",), lambda: charts.place_labels(ctx.store))
            for m in marks["marks"] + marks["unplaced"]:
                m["label"] = labels.get(m["place"])
        return {"outlines": charts.outlines(), "options": options, "year": year, "country": country,
                "purpose": purpose, "available": result is not None, "failed": failed, **marks,
                "totals": None if purpose else (result or {}).get("totals")}  # totals cover every purpose

    return await ctx.page("map.html", compute)


async def timeline_page(request: Request) -> Response:
    ctx = Ctx(request)
    return await ctx.page("timeline.html", lambda: {"tl": charts.timeline(ctx.store)})


async def search(request: Request) -> Response:
    ctx = Ctx(request)
    q = (request.query_params.get("q") or "").strip()[:200]
    kind = request.query_params.get("kind") or ""
    kind = kind if kind in KINDS else ""
    page = _int(request.query_params.get("page"), 1, 1, 100000)

    def compute() -> dict[str, Any]:
        found, total = ctx.store.find(kind or None, q=q or None, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
        return {"q": q, "kind": kind, "kinds": sorted(KINDS), "page": page, "total": total,
                "pages": max(1, -(-total // PAGE_SIZE)), "counts": ctx.store.counts(),
                "results": [{"id": s.id, "kind": s.record.kind, "label": s.record.label(), "version": s.version}
                            for s in found]}

    return await ctx.page("search.html", compute)


async def ask_page(request: Request) -> Response:
    ctx = Ctx(request)
    question = (request.query_params.get("q") or "").strip()[:500]
    return await ctx.page("ask.html", lambda: {"q": question, **(_ask(ctx, question) if question else {})})


async def claims(request: Request) -> Response:
    ctx = Ctx(request)

    def compute() -> dict[str, Any]:
        reviews: dict[str, list[dict[str, Any]]] = {}
        for d in ctx.store.iter_data("review"):
            reviews.setdefault(d["claim"], []).append(d)
        items = [{"id": d["id"], "text": d["text"], "text_en": d.get("text_en"), "date": d.get("date"),
                  "claimant": d.get("claimant"), "reviews": reviews.get(d["id"], [])}
                 for d in ctx.store.iter_data("claim")]
        items.sort(key=lambda c: (c["date"] or "", c["id"]), reverse=True)
        return {"claims": items}

    return await ctx.page("claims.html", compute)


async def downloads_page(request: Request) -> Response:
    ctx = Ctx(request)
    files = [{"name": n, "label": ctx.t(label), "available": fmt != "geojson" or geojson_available()}
             for n, (fmt, _, label) in FILES.items()]
    return await ctx.page("downloads.html", lambda: {"files": files, "counts": ctx.store.counts()})


async def download(request: Request) -> Response:
    from starlette.responses import FileResponse

    ctx = Ctx(request)
    name = request.path_params["name"]
    path = await run_in_threadpool(ctx.state.downloads.path, ctx.store, ctx.version, name)
    return FileResponse(path, media_type=FILES[name][1], filename=name)


async def record_page(request: Request) -> Response:
    ctx = Ctx(request)
    kind, slug = request.path_params["kind"], request.path_params["slug"]
    if kind not in KINDS:
        raise NotFound(f"no page {request.url.path}")
    record_id = f"{kind}:{slug}"

    def compute() -> dict[str, Any]:
        store = ctx.store
        stored = store.get(record_id)
        data = dump_record(stored.record)
        context: dict[str, Any] = {
            "record": stored.record, "data": data, "version": stored.version, "created_at": stored.created_at,
            "updated_at": stored.updated_at, "kind": kind, "label": stored.record.label(),
            "fields": [(k, v) for k, v in data.items() if k not in ("id", "sources")],
            "sources": views.sources_of(store, data), "history": views.history_rows(store.history(record_id)),
            "referred_by": store.referrers(record_id)}
        findings, context["findings_failed"] = ctx.cached(("check", "attempt"), lambda: parts.attempt(lambda: parts.check(store)))
        context["findings"] = None if findings is None else [f for f in findings if record_id in f.get("records", [])]
        if kind in ("site", "facility"):
            results, context["classification_failed"] = ctx.cached(
                ("classify", "attempt"), lambda: parts.attempt(lambda: parts.classify(store)))
            context["classification"] = None if results is None else [r for r in results if r.get("site") == record_id]
        if kind == "claim":
            context["reviews"] = [d for d in (store.get(r).record for r in context["referred_by"]
                                              if r.startswith("review:"))]
            base = str(request.base_url).rstrip("/")
            review, context["claim_review_failed"] = parts.attempt(
                lambda: parts.claim_review(store, record_id, ctx.lang, base) if context["reviews"] else None)
            context["claim_review_json"] = json_ld(review) if review else None
            context["claim_review_available"] = parts.available("answers", "claim_review")
        return context

    return await ctx.page("record.html", compute)


def json_ld(value: Any) -> Markup:
    """JSON for a ``<script type="application/ld+json">``: nothing in it can close the script element."""
    text = orjson.dumps(value, option=orjson.OPT_INDENT_2).decode()
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


# --- editors --------------------------------------------------------------------------------------------


def _local(target: str | None) -> str:
    return target if target and target.startswith("/") and not target.startswith("//") else "/"


async def login(request: Request) -> Response:
    ctx = Ctx(request)
    nxt = _local(request.query_params.get("next"))
    if request.method == "GET":
        return ctx.render("login.html", {"next": nxt, "error": None})
    form = await request.form()
    nxt = _local(str(form.get("next") or "/"))
    if not auth.csrf_ok(ctx.session, str(form.get("csrf") or "")):
        raise HTTPException(403, "CSRF token missing or wrong; reload the form")
    username = str(form.get("username") or "").strip()[:100]
    keys = (f"ip:{request.client.host if request.client else '-'}", f"user:{username.lower()}")
    if ctx.state.limiter.blocked(*keys):
        return ctx.render("login.html", {"next": nxt, "error": ctx.t("login_limited"), "username": username},
                          status=429)
    user = await run_in_threadpool(auth.authenticate, ctx.store, username, str(form.get("password") or ""))
    if user is None:
        ctx.state.limiter.fail(*keys)
        return ctx.render("login.html", {"next": nxt, "error": ctx.t("login_failed"), "username": username},
                          status=401)
    ctx.state.limiter.reset(keys[1])
    ctx.session = auth.Session(user=user["username"], changed=True)
    return ctx.finish(RedirectResponse(nxt, status_code=303))


async def logout(request: Request) -> Response:
    ctx = Ctx(request)
    form = await request.form()
    if not auth.csrf_ok(ctx.session, str(form.get("csrf") or "")):
        raise HTTPException(403, "CSRF token missing or wrong; reload the form")
    ctx.session = auth.Session(changed=True)
    return ctx.finish(RedirectResponse("/", status_code=303))


async def _editor_form(ctx: Ctx, request: Request, allowed: Any = auth.can_edit) -> tuple[dict[str, Any], str]:
    """The signed-in editor and the submitted form, or 403."""
    user = ctx.user
    if user is None or not allowed(user["role"]):
        raise HTTPException(403, "your role may not do this: sign in as an editor (or an admin, to delete)")
    form = await request.form()
    if not auth.csrf_ok(ctx.session, str(form.get("csrf") or "")):
        raise HTTPException(403, "CSRF token missing or wrong; reload the form")
    return user, str(form.get("record") or "")


def _parse_submitted(ctx: Ctx, text: str) -> Any:
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc})", where="record") from None
    record = parse_record(data, where="record")
    if record.kind != "source" and not record.sources:
        raise InputError(ctx.t("edit_needs_sources"), where="record")
    return record


def _pretty(data: Any) -> str:
    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()


async def edit(request: Request) -> Response:
    ctx = Ctx(request)
    kind, slug = request.path_params["kind"], request.path_params["slug"]
    record_id = f"{kind}:{slug}"
    if kind not in KINDS:
        raise NotFound(f"no record {record_id!r}")
    if request.method == "GET":
        user = ctx.user
        if user is None:
            return RedirectResponse(f"/login?next=/edit/{kind}/{slug}", status_code=303)
        if not auth.can_edit(user["role"]):
            raise HTTPException(403, "your role may not change records")
        stored = ctx.store.get(record_id)
        return ctx.render("edit.html", {"record_id": record_id, "text": _pretty(dump_record(stored.record)),
                                        "version": stored.version, "error": None})
    user, text = await _editor_form(ctx, request)
    form = await request.form()
    version = _int(str(form.get("version") or ""), -1, -1, 10**9)
    try:
        record = _parse_submitted(ctx, text)
        if record.id != record_id:
            raise InputError(ctx.t("edit_id_changed"), where="record")
        ctx.store.update(record, version, actor=user["username"])
        ctx.state.clock.invalidate()
    except Conflict as exc:
        current = ctx.store.get(record_id)
        return ctx.render("conflict.html", {"record_id": record_id, "message": str(exc), "text": text,
                                            "current": _pretty(dump_record(current.record)),
                                            "version": current.version}, status=409)
    except InputError as exc:
        return ctx.render("edit.html", {"record_id": record_id, "text": text, "version": version,
                                        "error": str(exc)}, status=422)
    return RedirectResponse(views.record_url(record_id) + "#history", status_code=303)


async def delete(request: Request) -> Response:
    """An admin deletes a record (if nothing refers to it); the audit log keeps its last content."""
    ctx = Ctx(request)
    record_id = f"{request.path_params['kind']}:{request.path_params['slug']}"
    user, _ = await _editor_form(ctx, request, auth.can_delete)
    form = await request.form()
    version = _int(str(form.get("version") or ""), -1, -1, 10**9)
    try:
        ctx.store.delete(record_id, version, actor=user["username"])
    except Conflict as exc:
        raise HTTPException(409, str(exc)) from None
    ctx.state.clock.invalidate()
    return RedirectResponse("/search", status_code=303)


async def new(request: Request) -> Response:
    ctx = Ctx(request)
    if request.method == "GET":
        user = ctx.user
        if user is None:
            return RedirectResponse("/login?next=/new", status_code=303)
        if not auth.can_edit(user["role"]):
            raise HTTPException(403, "your role may not add records")
        kind = request.query_params.get("kind")
        template = {"id": f"{kind if kind in KINDS else 'site'}:", "sources": [{"source": "source:"}]}
        return ctx.render("edit.html", {"record_id": None, "text": _pretty(template), "version": 0, "error": None})
    user, text = await _editor_form(ctx, request)
    try:
        record = _parse_submitted(ctx, text)
        if ctx.store.exists([record.id]):
            raise InputError(ctx.t("edit_exists"), where=f"record: {record.id}")
        ctx.store.put_many([record], actor=user["username"])
        ctx.state.clock.invalidate()
    except InputError as exc:
        return ctx.render("edit.html", {"record_id": None, "text": text, "version": 0, "error": str(exc)},
                          status=422)
    return RedirectResponse(views.record_url(record.id), status_code=303)


def routes() -> list[Route]:
    return [
        Route("/", home), Route("/map", map_page), Route("/timeline", timeline_page), Route("/search", search),
        Route("/ask", ask_page), Route("/claims", claims), Route("/downloads", downloads_page),
        Route("/downloads/{name}", download),
        Route("/login", login, methods=["GET", "POST"]), Route("/logout", logout, methods=["POST"]),
        Route("/new", new, methods=["GET", "POST"]),
        Route("/edit/{kind}/{slug}", edit, methods=["GET", "POST"]),
        Route("/delete/{kind}/{slug}", delete, methods=["POST"]),
        Route("/{kind}/{slug}", record_page),
    ]
