"""Security of the site: read-only public side, CSRF, login rate limit, sessions, escaping, redirects."""

from __future__ import annotations

import re
from collections.abc import Iterator

import orjson
import pytest
from web_helpers import EDITOR, SAMPLE, VIEWER, Web, seed

from footprint.model import parse_record
from footprint.web import Settings, create_app
from footprint.web.auth import SESSION_COOKIE

SITE = next(d for d in SAMPLE if d["id"] == "site:pe-test-naval-base")


@pytest.fixture
def registry(store):
    seed(store)
    return store


@pytest.fixture
def web(registry) -> Iterator[Web]:
    with Web(create_app(store=registry, settings=Settings(login_attempts=3))) as client:
        yield client


def _edit(web: Web, token: str | None, operator: str = "Hackeado") -> int:
    data = {"version": "1", "record": orjson.dumps({**SITE, "operator": operator}).decode()}
    if token is not None:
        data["csrf"] = token
    return web.post("/edit/site/pe-test-naval-base", data=data).status_code


def test_anonymous_writes_are_refused(registry, web: Web) -> None:
    token = web.csrf("/login")  # an anonymous session with a valid token is still not an editor
    assert _edit(web, token) == 403
    new = {"id": "place:pe-x", "name": "X", "level": "city", "country": "PE",
           "sources": [{"source": "source:test-gazette"}]}
    assert web.post("/new", data={"csrf": token, "record": orjson.dumps(new).decode()}).status_code == 403
    assert registry.get("site:pe-test-naval-base").version == 1 and not registry.exists(["place:pe-x"])
    r = web.get("/edit/site/pe-test-naval-base")
    assert r.status_code == 303 and r.headers["location"].startswith("/login")


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_the_api_is_read_only(registry, web: Web, method: str) -> None:
    r = web.request(method, "/api/records/site/pe-test-naval-base", content=orjson.dumps(SITE))
    assert r.status_code == 405 and r.json()["error"]["code"] == "method_not_allowed"
    assert registry.get("site:pe-test-naval-base").version == 1


def test_viewers_cannot_edit(registry, web: Web) -> None:
    assert web.login(*VIEWER).status_code == 303
    assert web.get("/edit/site/pe-test-naval-base").status_code == 403
    assert _edit(web, web.csrf("/")) == 403
    assert registry.get("site:pe-test-naval-base").version == 1


def test_csrf_is_required(registry, web: Web) -> None:
    web.login(*EDITOR)
    assert _edit(web, None) == 403
    assert _edit(web, "forged-token") == 403
    assert registry.get("site:pe-test-naval-base").version == 1
    assert _edit(web, web.csrf("/"), "Corrección válida") == 303


def test_login_needs_the_csrf_token(web: Web) -> None:
    r = web.post("/login", data={"username": EDITOR[0], "password": EDITOR[1]})
    assert r.status_code == 403
    assert SESSION_COOKIE not in r.cookies or "Cerrar" not in web.get("/").text


def test_csrf_token_rotates_at_sign_in(web: Web) -> None:
    before = web.csrf("/login")
    web.login(*EDITOR)
    assert web.csrf("/") != before


def test_wrong_passwords_are_rate_limited(registry, web: Web) -> None:
    for _ in range(3):
        r = web.login(EDITOR[0], "wrong password")
        assert r.status_code == 401
    r = web.login(*EDITOR)  # even the right password is refused while limited
    assert r.status_code == 429
    assert _edit(web, web.csrf("/login")) == 403


def test_rate_limit_is_per_username_too(registry) -> None:
    app = create_app(store=registry, settings=Settings(login_attempts=2))
    with Web(app) as first, Web(app) as second:
        for _ in range(2):
            assert first.login(EDITOR[0], "nope-nope").status_code == 401
        assert second.login(*EDITOR).status_code == 429
        assert second.login(*VIEWER).status_code == 429  # the same client address is limited as well


def test_unknown_user_and_wrong_password_look_the_same(web: Web) -> None:
    a = web.login("nobody-here", "whatever-pass")
    b = web.login(EDITOR[0], "whatever-pass")
    assert a.status_code == b.status_code == 401
    assert re.sub(r'value="[^"]*"', "", a.text) == re.sub(r'value="[^"]*"', "", b.text)


def test_passwords_are_stored_as_argon2_hashes(registry) -> None:
    stored = registry.user(EDITOR[0])["password_hash"]
    assert stored.startswith("$argon2id$") and EDITOR[1] not in stored


def test_session_cookie_flags_and_tampering(registry, web: Web) -> None:
    r = web.login(*EDITOR)
    header = next(v for k, v in r.headers.multi_items() if k == "set-cookie" and v.startswith(SESSION_COOKIE))
    assert "httponly" in header.lower() and "samesite=lax" in header.lower()
    value = r.cookies[SESSION_COOKIE]
    assert EDITOR[1] not in value
    with Web(web.app) as forged:
        forged.client.cookies.set(SESSION_COOKIE, value[:-3] + ("AAA" if not value.endswith("AAA") else "BBB"))
        assert forged.get("/edit/site/pe-test-naval-base").status_code == 303  # not signed in


def test_secure_cookies_setting(registry) -> None:
    with Web(create_app(store=registry, settings=Settings(secure_cookies=True))) as client:
        r = client.get("/login")
        header = next(v for k, v in r.headers.multi_items() if k == "set-cookie")
        assert "secure" in header.lower()


def test_sign_in_redirects_only_inside_the_site(web: Web) -> None:
    token = web.csrf("/login")
    r = web.post("/login", data={"csrf": token, "username": EDITOR[0], "password": EDITOR[1],
                                 "next": "//evil.example.org/x"})
    assert r.status_code == 303 and r.headers["location"] == "/"


def test_html_in_fields_is_escaped(registry, web: Web) -> None:
    evil = "<script>alert('x')</script><img src=x onerror=alert(1)>"
    registry.put_many([parse_record(d) for d in (
        {"id": "source:evil", "url": "javascript:alert(1)", "title": evil},
        {"id": "site:pe-evil", "name": evil, "host_country": "PE", "operator": evil,
         "facts": {"note": evil, "list": [evil]}, "sources": [{"source": "source:evil", "quote": evil}]},
        {"id": "claim:evil", "text": evil, "sources": [{"source": "source:evil"}]},
    )])
    for path in ("/site/pe-evil", "/source/evil", "/search?q=script", "/claims", "/claim/evil",
                 "/search?q=" + evil, "/ask?q=" + evil, "/?lang=en"):
        text = web.get(path).text
        assert "<script>alert" not in text and "<img src=x" not in text, path
    page = web.get("/site/pe-evil").text
    assert "&lt;script&gt;alert(" in page
    assert 'href="javascript:' not in web.get("/source/evil").text
    assert 'href="javascript:' not in page


def test_html_in_an_editor_submission_is_escaped_in_the_error(registry, web: Web) -> None:
    web.login(*EDITOR)
    evil = '{"id": "site:pe-test-naval-base", "name": "<script>alert(1)</script>"'
    r = web.post("/edit/site/pe-test-naval-base", data={"csrf": web.csrf("/"), "version": "1", "record": evil})
    assert r.status_code == 422 and "<script>alert(1)</script>" not in r.text


def test_no_server_error_on_odd_paths(web: Web) -> None:
    for path in ("/site/..%2F..%2Fetc", "/static/../app.py", "/downloads/..%2Fapp.py", "/edit/spaceship/x",
                 "/%00/x", "/api/records/site/%3Cb%3E", "/map?year=99999999999999999999"):
        assert web.get(path).status_code < 500, path


def test_security_headers(web: Web) -> None:
    for path in ("/", "/api/records", "/site/nope", "/login"):
        headers = web.get(path).headers
        assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in headers["content-security-policy"]


def test_only_admins_delete_and_the_history_keeps_it(registry, web: Web) -> None:
    from footprint.web import add_user

    web.login(*EDITOR)
    form = {"csrf": web.csrf("/"), "version": "1"}
    assert web.post("/delete/claim/test-bases", data=form).status_code == 403  # an editor may not
    assert registry.exists(["claim:test-bases"])
    add_user(registry, "jefa", "admin-password-1", "admin")
    web.post("/logout", data={"csrf": web.csrf("/")})
    web.login("jefa", "admin-password-1")
    assert 'action="/delete/site/pe-test-naval-base"' in web.get("/edit/site/pe-test-naval-base").text
    form = {"csrf": web.csrf("/"), "version": "1"}
    assert web.post("/delete/site/pe-test-naval-base", data=form).status_code == 409  # a review refers to it
    assert web.post("/delete/review/test-bases", data={**form, "version": "7"}).status_code == 409  # stale
    assert web.post("/delete/review/test-bases", data=form).status_code == 303
    assert not registry.exists(["review:test-bases"])
    last = registry.history("review:test-bases")[-1]
    assert last["action"] == "delete" and last["actor"] == "jefa" and last["before"]["rating"] == "misleading"
    assert registry.verify_audit().ok


def test_links_made_in_answer_text_stay_escaped() -> None:
    from footprint.web.views import linkify

    html = str(linkify('<b>x</b> [site:pe-a] "https://x.org/"onmouseover=alert(1)" javascript:alert(1)'))
    assert "<b>" not in html and 'href="/site/pe-a"' in html
    assert 'href="https://x.org/"' in html and "onmouseover=alert(1)&#34;" in html
    assert 'href="javascript' not in html
