"""Property-based API test: schemathesis generates requests from /openapi.json against the app in-process; none
may cause a server error, and every error response has the one error shape."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from web_helpers import seed

from footprint.store import Store
from footprint.web import create_app


def _app() -> Any:
    # schemathesis needs the schema when the tests are collected, so the sample registry is made here
    folder = Path(tempfile.mkdtemp(prefix="footprint-api-schema-"))
    atexit.register(shutil.rmtree, folder, True)
    store = Store.open(f"sqlite:///{folder / 'registry.db'}")
    seed(store)
    return create_app(store=store)


APP = _app()
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_no_server_error(case: Any) -> None:
    response = case.call()
    case.validate_response(response, checks=[not_a_server_error])
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
        assert body["error"]["status"] == response.status_code


def test_schema_covers_every_api_route() -> None:
    routes = {r.path for r in APP.routes if getattr(r, "path", "").startswith("/api/")}
    assert routes == set(schema.raw_schema["paths"])
