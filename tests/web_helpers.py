"""Helpers of the web tests: a sample registry, an in-process client that keeps cookies, a real server."""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx

EDITOR = ("editora", "correct-horse-battery")
VIEWER = ("lector", "viewer-password-1")

SAMPLE: list[dict[str, Any]] = [
    {"id": "source:test-gazette", "url": "https://example.org/el-peruano/rl-99999", "title": "El Peruano: RL 99999",
     "publisher": "El Peruano", "date": "2024-05-20", "reliability": "official"},
    {"id": "place:pe-lor", "name": "Loreto", "level": "department", "country": "PE", "iso_3166_2": "PE-LOR",
     "lat": -3.75, "lon": -73.25, "sources": [{"source": "source:test-gazette"}]},
    {"id": "place:pe-iquitos", "name": "Iquitos", "level": "city", "country": "PE", "parent": "place:pe-lor",
     "sources": [{"source": "source:test-gazette"}]},
    {"id": "site:pe-test-naval-base", "name": "Base Naval de Prueba", "host_country": "PE",
     "place": "place:pe-iquitos", "operator": "Marina de Guerra del Perú", "controlled_by": "PE",
     "sources": [{"source": "source:test-gazette", "field": "name", "span": [10, 32]}]},
    {"id": "instrument:pe-rl-99999", "jurisdiction": "PE", "type": "RL", "number": "99999",
     "title": "Resolución Legislativa de prueba", "issued_date": "2024-05-18", "published_date": "2024-05-20",
     "sources": [{"source": "source:test-gazette"}]},
    {"id": "authorization:pe-rl-99999", "instrument": "instrument:pe-rl-99999", "visiting_country": "US",
     "host_country": "PE", "armed": True, "purpose": "entrenamiento", "purpose_category": "training",
     "start": "2024-06-01", "end": "2024-06-30", "personnel": 40, "places": ["place:pe-iquitos"],
     "sources": [{"source": "source:test-gazette", "field": "personnel"}]},
    {"id": "vote:pe-2024-05-16T12-00", "jurisdiction": "PE", "date": "2024-05-16", "subject": "Ingreso de tropas",
     "totals": {"yes": 80, "no": 20, "abstain": 5}, "result": "approved",
     "sources": [{"source": "source:test-gazette"}]},
    {"id": "claim:test-bases", "text": "Hay bases de EE. UU. en Iquitos", "text_en": "There are US bases in Iquitos",
     "date": "2024-06-02", "sources": [{"source": "source:test-gazette"}]},
    {"id": "review:test-bases", "claim": "claim:test-bases", "rating": "misleading", "reviewer": "Equipo de prueba",
     "reviewer_kind": "editor", "date": "2024-06-03", "summary": "Una instalación peruana, no una base de EE. UU.",
     "evidence": ["site:pe-test-naval-base"], "sources": [{"source": "source:test-gazette"}]},
]


def seed(store: Any) -> None:
    from footprint.model import parse_record
    from footprint.web import add_user

    store.put_many([parse_record(d) for d in SAMPLE], actor="test-seed")
    add_user(store, *EDITOR, role="editor")
    add_user(store, *VIEWER, role="viewer")


class Web:
    """An in-process HTTP client over the ASGI app (httpx ASGITransport) that keeps its cookies."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self._runner = asyncio.Runner()
        self.client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")

    def request(self, method: str, url: str, **kw: Any) -> httpx.Response:
        return self._runner.run(self.client.request(method, url, **kw))

    def get(self, url: str, **kw: Any) -> httpx.Response:
        return self.request("GET", url, **kw)

    def post(self, url: str, **kw: Any) -> httpx.Response:
        return self.request("POST", url, **kw)

    def csrf(self, url: str = "/login") -> str:
        page = self.get(url)
        m = re.search(r'name="csrf" value="([^"]+)"', page.text)
        assert m, f"no CSRF field on {url}"
        return m.group(1)

    def login(self, username: str, password: str) -> httpx.Response:
        token = self.csrf("/login")
        return self.post("/login", data={"csrf": token, "username": username, "password": password, "next": "/"})

    def close(self) -> None:
        self._runner.run(self.client.aclose())
        self._runner.close()

    def __enter__(self) -> Web:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextmanager
def live_server(app: Any, timeout: float = 20.0) -> Iterator[str]:
    """Run ``app`` under uvicorn on a free loopback port in a thread; yields its base URL."""
    import uvicorn

    from footprint.bench.web import free_port

    started = threading.Event()

    class Server(uvicorn.Server):
        async def startup(self, sockets: Any = None) -> None:
            await super().startup(sockets)
            started.set()

    port = free_port()
    server = Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        if not started.wait(timeout):
            raise RuntimeError(f"the test server did not start within {timeout} s")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout)
