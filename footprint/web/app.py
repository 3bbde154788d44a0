"""The web application: ``create_app(store_url=None, settings=...)`` builds the Starlette app.

Pages (``pages.py``) and the JSON API (``api.py``) are thin: they read the request, call the store, the analysis
and the answers layers, and render. Errors become HTTP responses in one place (:func:`handle_error`): the API's
one JSON shape ``{"error": {"status", "code", "message"}}`` or an HTML error page. What is expensive to compute is
cached per registry change (``store.last_change()``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from ..errors import FootprintError
from . import auth, i18n, labels
from .downloads import Downloads

HERE = Path(__file__).resolve().parent
CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         409: "conflict", 413: "too_large", 422: "invalid_input", 429: "rate_limited", 500: "internal_error",
         503: "unavailable"}


@dataclass
class Settings:
    """How the site runs. ``secret_key`` signs sessions (default: ``FOOTPRINT_SECRET_KEY`` or a random key)."""

    secret_key: str | None = None
    secure_cookies: bool = False
    login_attempts: int = 5
    login_window_seconds: float = 900.0
    cache_pages: bool = True
    #: how long the registry version (``store.last_change()``) is trusted before it is read again; writes made
    #: through the site refresh it at once, other writers (``footprint load``) are seen within this delay
    version_ttl_seconds: float = 1.0


MISSING = object()


class Cache:
    """Values computed from the registry, dropped whenever the registry changes."""

    def __init__(self) -> None:
        self._version: object = None
        self._values: dict[Any, Any] = {}
        self._lock = threading.Lock()

    def peek(self, version: object, key: Any) -> Any:
        """The cached value, or ``MISSING``."""
        with self._lock:
            return self._values.get(key, MISSING) if version == self._version else MISSING

    def get(self, version: object, key: Any, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if version != self._version:
                self._values = {}
                self._version = version
            if key in self._values:
                return self._values[key]
        value = compute()
        with self._lock:
            if version == self._version:
                self._values[key] = value
        return value


class VersionClock:
    """The registry's version (its last audit event time), read at most once per ``ttl`` seconds."""

    def __init__(self, store: Any, ttl: float) -> None:
        self.store = store
        self.ttl = ttl
        self._value: Any = None
        self._read_at: float | None = None

    def version(self) -> Any:
        now = time.monotonic()
        if self._read_at is None or now - self._read_at >= self.ttl:
            self._value = self.store.last_change() or "empty"
            self._read_at = now
        return self._value

    def invalidate(self) -> None:
        self._read_at = None


class WebState:
    """What every request handler shares: the store, templates, sessions, the login limiter, the cache."""

    def __init__(self, store: Any, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self.sessions = auth.Sessions(settings.secret_key)
        self.limiter = auth.LoginLimiter(settings.login_attempts, settings.login_window_seconds)
        self.cache = Cache()
        self.clock = VersionClock(store, settings.version_ttl_seconds)
        self.downloads = Downloads()
        self.templates = Jinja2Templates(directory=str(HERE / "templates"))
        from . import views

        views.install_filters(self.templates.env)


class Ctx:
    """Per-request facts: language, translator, session and user, the registry version."""

    def __init__(self, request: Request) -> None:
        self.request = request
        self.state: WebState = request.app.state.fp
        self.lang, self.lang_chosen = i18n.pick_lang(request.query_params, request.cookies)
        self.t = i18n.translator(self.lang)
        self.session = self.state.sessions.load(request.cookies.get(auth.SESSION_COOKIE))
        self._user: dict[str, Any] | None | bool = False
        self._version: Any = None

    @property
    def store(self) -> Any:
        return self.state.store

    @property
    def user(self) -> dict[str, Any] | None:
        if self._user is False:
            self._user = self.store.user(self.session.user) if self.session.user else None
        return self._user or None

    @property
    def version(self) -> Any:
        if self._version is None:
            self._version = self.state.clock.version()
        return self._version

    def cached(self, key: Any, compute: Callable[[], Any]) -> Any:
        return self.state.cache.get(self.version, key, compute)

    def finish(self, response: Response) -> Response:
        """Set the cookies this request decided on (language, session)."""
        if self.lang_chosen:
            response.set_cookie(i18n.COOKIE, self.lang, max_age=365 * 86400, samesite="lax",
                                secure=self.state.settings.secure_cookies)
        if self.session.changed:
            response.set_cookie(auth.SESSION_COOKIE, self.state.sessions.dump(self.session),
                                max_age=auth.SESSION_MAX_AGE, httponly=True, samesite="lax",
                                secure=self.state.settings.secure_cookies)
        return response

    def render(self, template: str, context: dict[str, Any], status: int = 200) -> Response:
        """Render for this visitor; a visitor without a session gets one (its CSRF token is in the forms)."""
        if self.session.fresh:
            self.session.changed = True
        body = self.render_text(template, context)
        return self.finish(HTMLResponse(body, status_code=status))

    def render_text(self, template: str, context: dict[str, Any]) -> str:
        user = self.user
        base = {"t": self.t, "lang": self.lang, "user": user, "can_edit": auth.can_edit(user and user["role"]),
                "can_delete": auth.can_delete(user and user["role"]),
                "csrf": self.session.csrf, "path": self.request.url.path,
                "query": str(self.request.query_params), "lang_urls": self.lang_urls(),
                "field_name": labels.namer(labels.FIELDS, self.lang), "kind_name": labels.namer(labels.KINDS, self.lang)}
        return self.state.templates.get_template(template).render({**base, **context})

    def lang_urls(self) -> list[tuple[str, str]]:
        """This page's URL in each language (the other query parameters kept)."""
        params = [(k, v) for k, v in self.request.query_params.multi_items() if k != "lang"]
        return [(code, self.request.url.path + "?" + urlencode([*params, ("lang", code)])) for code in i18n.LANGS]

    async def cached_async(self, key: Any, compute: Callable[[], Any]) -> Any:
        """``cached``, with a miss computed in the thread pool so a slow analysis never blocks other requests."""
        hit = self.state.cache.peek(self.version, key)
        return hit if hit is not MISSING else await run_in_threadpool(self.cached, key, compute)

    async def page(self, template: str, compute: Callable[[], dict[str, Any]]) -> Response:
        """Render a public page; for anonymous visitors the HTML is cached per registry version."""
        if self.session.user or not self.state.settings.cache_pages:
            return await run_in_threadpool(lambda: self.render(template, compute()))
        key = ("page", template, self.request.url.path, str(self.request.query_params), self.lang)
        body = await self.cached_async(key, lambda: self.render_text(template, compute()).encode())
        return self.finish(HTMLResponse(body))


SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"content-security-policy", b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                 b"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
]


class SecurityHeaders:
    """Adds the security headers to every response (plain ASGI, so it costs next to nothing)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


def error_payload(status: int, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "code": CODES.get(status, "error"), "message": message}}


async def handle_error(request: Request, exc: Exception) -> Response:
    """Every error, API or page, becomes a response here."""
    if isinstance(exc, FootprintError):
        status, message = exc.http_status, str(exc)
    elif isinstance(exc, HTTPException):
        status, message = exc.status_code, str(exc.detail)
    else:
        status, message = 500, "internal error"
    headers = getattr(exc, "headers", None) or None
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return JSONResponse(error_payload(status, message), status_code=status, headers=headers)
    ctx = Ctx(request)
    title = {404: ctx.t("error_not_found"), 403: ctx.t("error_forbidden")}.get(status, ctx.t("error_title"))
    return ctx.render("error.html", {"status": status, "title": title, "message": message}, status=status)


def create_app(store_url: str | None = None, settings: Settings | None = None, store: Any = None) -> Starlette:
    """The site and API over the registry at ``store_url`` (or an open ``store``)."""
    from ..store import Store
    from . import api, pages

    settings = settings or Settings()
    if store is None:
        store = Store.open(store_url)
    routes = [*api.routes(), Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
              *pages.routes()]
    app = Starlette(routes=routes, middleware=[Middleware(SecurityHeaders)],
                    exception_handlers={Exception: handle_error, HTTPException: handle_error,
                                        FootprintError: handle_error})
    app.state.fp = WebState(store, settings)
    return app
