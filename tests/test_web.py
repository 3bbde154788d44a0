"""The website and JSON API, in-process (httpx ASGI transport) on SQLite and PostgreSQL, plus one real server."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import orjson
import pytest
from web_helpers import EDITOR, SAMPLE, Web, seed

from footprint.bench.web import free_port, wait_for_output
from footprint.model import parse_record
from footprint.web import Settings, create_app
from footprint.web.i18n import MESSAGES

PAGES = ["/", "/map", "/timeline", "/search", "/search?q=naval", "/ask", "/ask?q=bases", "/claims", "/downloads",
         "/login", "/site/pe-test-naval-base", "/instrument/pe-rl-99999", "/authorization/pe-rl-99999",
         "/vote/pe-2024-05-16T12-00", "/claim/test-bases", "/place/pe-iquitos", "/source/test-gazette"]


@pytest.fixture
def registry(store):
    seed(store)
    return store


@pytest.fixture
def web(registry) -> Iterator[Web]:
    with Web(create_app(store=registry, settings=Settings(version_ttl_seconds=0))) as client:
        yield client


def test_every_language_has_every_message() -> None:
    assert set(MESSAGES["es"]) == set(MESSAGES["en"])
    assert all(v.strip() for table in MESSAGES.values() for v in table.values())


def test_every_kind_and_field_has_a_name_in_both_languages() -> None:
    from footprint.model import KINDS
    from footprint.web import labels

    assert set(labels.KINDS) == set(KINDS)
    fields = {f for cls in KINDS.values() for f in cls.model_fields}
    assert fields <= set(labels.FIELDS), sorted(fields - set(labels.FIELDS))
    assert all(es.strip() and en.strip() for es, en in [*labels.KINDS.values(), *labels.FIELDS.values()])


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_page_renders_in_both_languages(web: Web, lang: str) -> None:
    for path in PAGES:
        sep = "&" if "?" in path else "?"
        r = web.get(f"{path}{sep}lang={lang}")
        assert r.status_code == 200, (path, r.text[:300])
        assert f'<html lang="{lang}">' in r.text, path
        assert MESSAGES[lang]["nav_home"] in r.text


def test_spanish_by_default_and_choice_remembered_in_cookie(web: Web) -> None:
    assert MESSAGES["es"]["nav_timeline"] in web.get("/").text
    r = web.get("/map?lang=en")
    assert r.cookies.get("lang") == "en"
    assert MESSAGES["en"]["map_title"] in web.get("/map").text
    assert '<html lang="en">' in web.get("/timeline").text
    assert MESSAGES["es"]["nav_timeline"] in web.get("/?lang=es").text
    assert '<html lang="es">' in web.get("/claims").text


def test_language_links_keep_the_query(web: Web) -> None:
    text = web.get("/search?q=naval").text
    assert 'href="/search?q=naval&amp;lang=en"' in text


def test_record_page_shows_fields_sources_and_history(web: Web) -> None:
    text = web.get("/site/pe-test-naval-base?lang=en").text
    assert "Base Naval de Prueba" in text
    assert "Marina de Guerra del Perú" in text
    assert 'href="/place/pe-iquitos"' in text  # links to the records it refers to
    assert 'href="/source/test-gazette"' in text and "https://example.org/el-peruano/rl-99999" in text
    assert "[10–32]" in text  # the cited span
    assert 'id="history"' in text and "test-seed" in text and "insert" in text
    assert MESSAGES["en"]["record_classification"] in text
    assert MESSAGES["en"]["record_compliance"] in text


def test_record_page_lists_referrers(web: Web) -> None:
    text = web.get("/instrument/pe-rl-99999").text
    assert 'href="/authorization/pe-rl-99999"' in text


def test_unknown_record_and_kind_are_404_pages(web: Web) -> None:
    r = web.get("/site/does-not-exist")
    assert r.status_code == 404 and "site:does-not-exist" in r.text
    assert web.get("/spaceship/x").status_code == 404


def test_home_shows_what_is_authorized_now_and_latest(registry, web: Web) -> None:
    today = dt.date.today()
    registry.put_many([parse_record({
        "id": "authorization:pe-test-now", "visiting_country": "US", "host_country": "PE",
        "start": (today - dt.timedelta(days=10)).isoformat(), "end": (today + dt.timedelta(days=10)).isoformat(),
        "personnel": 12, "purpose_category": "academic", "sources": [{"source": "source:test-gazette"}]})])
    text = web.get("/?lang=en").text
    now = text.split(MESSAGES["en"]["home_authorized_now"], 1)[1].split("</section>", 1)[0]
    assert 'href="/authorization/pe-test-now"' in now
    assert "pe-rl-99999" not in now  # June 2024 is over
    assert 'href="/instrument/pe-rl-99999"' in text and 'href="/vote/pe-2024-05-16T12-00"' in text


def test_home_answer_or_says_it_is_not_available(web: Web) -> None:
    from footprint.web import parts

    text = web.get("/?lang=en").text
    if parts.available("answers", "ask"):
        assert MESSAGES["en"]["citations"] in text or "verdict" in text.lower()
    else:
        assert MESSAGES["en"]["not_available"] in text


def test_search_finds_records_and_filters_by_kind(web: Web) -> None:
    text = web.get("/search?q=iquitos").text
    assert 'href="/place/pe-iquitos"' in text
    text = web.get("/search?q=iquitos&kind=claim").text
    assert 'href="/claim/test-bases"' in text and 'href="/place/pe-iquitos"' not in text
    assert web.get("/search?kind=nonsense&page=abc").status_code == 200


def test_map_draws_departments_and_filters(web: Web) -> None:
    text = web.get("/map").text
    assert text.count("<path d=") == 25
    assert 'data-iso="PE-LOR"' in text
    assert '<option value="2024"' in text and '<option value="US"' in text and '<option value="training"' in text
    filtered = web.get("/map?year=2024&country=US&purpose=training").text
    assert '<option value="2024" selected' in filtered
    assert "place:pe-iquitos" in filtered or MESSAGES["es"]["not_available"] in filtered
    other = web.get("/map?year=2024&purpose=ship_visit").text
    assert 'data-place="place:pe-iquitos"' not in other or MESSAGES["es"]["not_available"] in other
    assert web.get("/map?year=abc&country=<x>&purpose=zzz").status_code == 200


def test_timeline_counts_per_year(web: Web) -> None:
    text = web.get("/timeline?lang=en").text
    assert "<td>2024</td><td>1</td><td>0</td><td>1</td>" in text


def test_claim_page_carries_claimreview_json_ld(web: Web) -> None:
    from footprint.web import parts

    text = web.get("/claim/test-bases?lang=en").text
    assert "Equipo de prueba" in text and "misleading" in text
    if not parts.available("answers", "claim_review"):
        assert MESSAGES["en"]["not_available"] in text
        return
    m = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    assert m, "no JSON-LD"
    ld = orjson.loads(m.group(1))
    assert ld["@type"] == "ClaimReview" and ld["claimReviewed"] == "There are US bases in Iquitos"
    assert ld["url"] == "http://testserver/claim/test-bases"


def test_claims_page(web: Web) -> None:
    text = web.get("/claims?lang=en").text
    assert "There are US bases in Iquitos" in text
    assert "Hay bases de EE. UU. en Iquitos" in web.get("/claims?lang=es").text


def test_api_lists_records_with_pagination(web: Web) -> None:
    r = web.get("/api/records?limit=3")
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == len(SAMPLE) and len(body["items"]) == 3 and body["offset"] == 0
    assert body["next"] and "offset=3" in body["next"]
    seen = [i["id"] for i in body["items"]]
    while body["next"]:
        body = web.get(body["next"]).json()
        seen += [i["id"] for i in body["items"]]
    assert sorted(seen) == sorted(d["id"] for d in SAMPLE)
    sites = web.get("/api/records?kind=site").json()
    assert [i["id"] for i in sites["items"]] == ["site:pe-test-naval-base"]
    assert sites["items"][0]["record"]["operator"] == "Marina de Guerra del Perú"
    assert web.get("/api/records?q=iquitos&kind=claim").json()["total"] == 1
    spaced = web.get("/api/records", params={"q": "de prueba", "limit": "1"}).json()
    assert spaced["total"] == 3 and "q=de+prueba" in spaced["next"]
    assert web.get(spaced["next"]).json()["offset"] == 1


def test_api_record_and_history(web: Web) -> None:
    body = web.get("/api/records/authorization/pe-rl-99999").json()
    assert body["record"]["personnel"] == 40 and body["version"] == 1 and body["url"] == "/authorization/pe-rl-99999"
    assert web.get("/api/records/instrument/pe-rl-99999").json()["referred_by"] == ["authorization:pe-rl-99999"]
    history = web.get("/api/records/authorization/pe-rl-99999/history").json()
    assert [e["action"] for e in history["events"]] == ["insert"] and history["events"][0]["actor"] == "test-seed"


@pytest.mark.parametrize("url,status,code", [
    ("/api/records/site/nope", 404, "not_found"),
    ("/api/records/spaceship/x", 422, "invalid_input"),
    ("/api/records?limit=0", 422, "invalid_input"),
    ("/api/records?limit=abc", 422, "invalid_input"),
    ("/api/records?kind=ship", 422, "invalid_input"),
    ("/api/nothing-here", 404, "not_found"),
    ("/api/records/site/nope/history", 404, "not_found"),
    ("/api/presence?at=2024-13-01", 422, "invalid_input"),
    ("/api/ask", 422, "invalid_input"),
    ("/api/ask?q=hola&lang=fr", 422, "invalid_input"),
])
def test_api_errors_have_one_shape(web: Web, url: str, status: int, code: str) -> None:
    r = web.get(url)
    assert r.status_code == status
    assert r.json() == {"error": {"status": status, "code": code, "message": r.json()["error"]["message"]}}
    assert r.json()["error"]["message"]


def test_api_etag_and_304(registry, web: Web) -> None:
    r = web.get("/api/records/site/pe-test-naval-base")
    etag = r.headers["etag"]
    again = web.get("/api/records/site/pe-test-naval-base", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.headers["etag"] == etag and not again.content
    stored = registry.get("site:pe-test-naval-base")
    changed = stored.record.model_copy(update={"operator": "Otra"})
    registry.update(changed, stored.version, actor="test")
    fresh = web.get("/api/records/site/pe-test-naval-base", headers={"If-None-Match": etag})
    assert fresh.status_code == 200 and fresh.headers["etag"] != etag and fresh.json()["record"]["operator"] == "Otra"


def test_api_analysis_parts_answer_or_say_unavailable(web: Web) -> None:
    from footprint.web import parts

    for url, module, name in (("/api/presence?country=US", "analysis", "presence"),
                              ("/api/classification", "analysis", "classify"),
                              ("/api/compliance", "analysis", "check"),
                              ("/api/ask?q=bases%20en%20Iquitos", "answers", "ask")):
        r = web.get(url)
        if parts.available(module, name):
            assert r.status_code == 200, (url, r.text)
        else:
            assert r.status_code == 503 and r.json()["error"]["code"] == "unavailable"


def test_openapi_document(web: Web) -> None:
    spec = web.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert {"/api/records", "/api/records/{kind}/{slug}", "/api/presence", "/api/classification",
            "/api/compliance", "/api/ask"} <= set(spec["paths"])


def test_downloads(web: Web) -> None:
    page = web.get("/downloads").text
    assert 'href="/downloads/footprint.json"' in page
    rows = orjson.loads(web.get("/downloads/footprint.json").content)
    assert {r["id"] for r in rows} == {d["id"] for d in SAMPLE}
    with zipfile.ZipFile(io.BytesIO(web.get("/downloads/footprint-csv.zip").content)) as z:
        assert "sites.csv" in z.namelist()
    with zipfile.ZipFile(io.BytesIO(web.get("/downloads/footprint-datapackage.zip").content)) as z:
        assert "datapackage.json" in z.namelist()
    r = web.get("/downloads/footprint.sqlite")
    assert r.content.startswith(b"SQLite format 3")
    assert web.get("/downloads/secrets.txt").status_code == 404


def test_sqlite_download_opens(web: Web, tmp_path: Path) -> None:
    path = tmp_path / "dl.sqlite"
    path.write_bytes(web.get("/downloads/footprint.sqlite").content)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT name FROM sites").fetchall() == [("Base Naval de Prueba",)]
    finally:
        conn.close()


# --- editors --------------------------------------------------------------------------------------------


def _edit_form(web: Web, record_id: str) -> tuple[str, dict]:
    kind, slug = record_id.split(":", 1)
    page = web.get(f"/edit/{kind}/{slug}")
    assert page.status_code == 200, page.text[:300]
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    version = int(re.search(r'name="version" value="(\d+)"', page.text).group(1))
    return token, {"version": version}


def test_editor_corrects_a_record_and_the_audit_log_names_them(registry, web: Web) -> None:
    assert web.login(*EDITOR).status_code == 303
    token, form = _edit_form(web, "site:pe-test-naval-base")
    data = next(d for d in SAMPLE if d["id"] == "site:pe-test-naval-base")
    corrected = {**data, "operator": "Marina de Guerra del Perú (Comandancia Amazonía)"}
    r = web.post("/edit/site/pe-test-naval-base", data={"csrf": token, "version": str(form["version"]),
                                                        "record": orjson.dumps(corrected).decode()})
    assert r.status_code == 303 and r.headers["location"].startswith("/site/pe-test-naval-base")
    stored = registry.get("site:pe-test-naval-base")
    assert stored.version == 2 and stored.record.operator.endswith("(Comandancia Amazonía)")
    last = registry.history("site:pe-test-naval-base")[-1]
    assert last["actor"] == EDITOR[0] and last["action"] == "update"
    assert registry.verify_audit().ok
    web.post("/logout", data={"csrf": web.csrf("/")})
    page = web.get("/site/pe-test-naval-base").text  # anonymous, cached page refreshed by the change
    assert "Comandancia Amazonía" in page and f'<td class="actor">{EDITOR[0]}</td>' in page


def test_pages_are_cached_per_registry_version_and_site_edits_refresh_them(registry) -> None:
    with Web(create_app(store=registry, settings=Settings(version_ttl_seconds=3600))) as client:
        assert "Marina de Guerra del Perú" in client.get("/site/pe-test-naval-base").text
        stored = registry.get("site:pe-test-naval-base")
        registry.update(stored.record.model_copy(update={"operator": "Cambio externo"}), stored.version)
        assert "Cambio externo" not in client.get("/site/pe-test-naval-base").text  # version trusted for an hour
        client.login(*EDITOR)
        token, form = _edit_form(client, "site:pe-test-naval-base")
        data = {**next(d for d in SAMPLE if d["id"] == "site:pe-test-naval-base"), "operator": "Cambio en el sitio"}
        r = client.post("/edit/site/pe-test-naval-base", data={"csrf": token, "version": str(form["version"]),
                                                               "record": orjson.dumps(data).decode()})
        assert r.status_code == 303
        client.post("/logout", data={"csrf": client.csrf("/")})
        assert "Cambio en el sitio" in client.get("/site/pe-test-naval-base").text


def test_stale_edit_is_refused_as_a_conflict_and_not_lost(registry, web: Web) -> None:
    web.login(*EDITOR)
    token, form = _edit_form(web, "site:pe-test-naval-base")
    stored = registry.get("site:pe-test-naval-base")
    registry.update(stored.record.model_copy(update={"operator": "Cambio de otra persona"}), stored.version,
                    actor="someone-else")
    data = next(d for d in SAMPLE if d["id"] == "site:pe-test-naval-base")
    mine = {**data, "operator": "Mi corrección"}
    r = web.post("/edit/site/pe-test-naval-base", data={"csrf": token, "version": str(form["version"]),
                                                        "record": orjson.dumps(mine).decode()})
    assert r.status_code == 409
    assert "site:pe-test-naval-base" in r.text and "version 2" in r.text
    assert "Mi corrección" in r.text  # the editor's change is shown back, not lost
    assert "Cambio de otra persona" in r.text
    assert registry.get("site:pe-test-naval-base").record.operator == "Cambio de otra persona"


@pytest.mark.parametrize("text,expected", [
    ("{not json", "not valid JSON"),
    ('{"id": "site:pe-test-naval-base", "name": "", "host_country": "PE"}', "name"),
    ('{"id": "site:pe-test-naval-base", "name": "x", "host_country": "PE"}', "sources"),
    ('{"id": "site:pe-other", "name": "x", "host_country": "PE", "sources": [{"source": "source:test-gazette"}]}',
     "id"),
    ('{"id": "site:pe-test-naval-base", "name": "x", "host_country": "PE", "place": "place:pe-nowhere", '
     '"sources": [{"source": "source:test-gazette"}]}', "place:pe-nowhere"),
])
def test_invalid_edit_shows_the_error_and_changes_nothing(registry, web: Web, text: str, expected: str) -> None:
    web.login(*EDITOR)
    token, form = _edit_form(web, "site:pe-test-naval-base")
    r = web.post("/edit/site/pe-test-naval-base", data={"csrf": token, "version": str(form["version"]),
                                                        "record": text})
    assert r.status_code == 422
    assert 'class="error"' in r.text and expected in r.text.split('class="error"', 1)[1][:400]
    assert registry.get("site:pe-test-naval-base").version == 1


def test_editor_adds_a_record_with_its_sources(registry, web: Web) -> None:
    web.login(*EDITOR)
    token = web.csrf("/new?kind=place")
    new = {"id": "place:pe-cal", "name": "Callao", "level": "department", "country": "PE",
           "sources": [{"source": "source:test-gazette"}]}
    r = web.post("/new", data={"csrf": token, "record": orjson.dumps(new).decode()})
    assert r.status_code == 303 and r.headers["location"] == "/place/pe-cal"
    assert registry.get("place:pe-cal").record.name == "Callao"
    assert registry.history("place:pe-cal")[0]["actor"] == EDITOR[0]
    again = web.post("/new", data={"csrf": token, "record": orjson.dumps(new).decode()})
    assert again.status_code == 422 and "place:pe-cal" in again.text


def test_user_add_command(sqlite_cli) -> None:
    r = sqlite_cli("user", "add", "ana", "--role", "admin", "--password-stdin", "--json", input="long-password\n")
    assert r.exit_code == 0, r.output
    assert orjson.loads(r.output) == {"username": "ana", "role": "admin"}
    from footprint.store import Store

    with Store.open(sqlite_cli.url) as s:
        assert s.user("ana")["password_hash"].startswith("$argon2")


def test_user_add_prompts_for_the_password_twice(sqlite_cli) -> None:
    r = sqlite_cli("user", "add", "beto", "--role", "viewer", input="prompted-pass\nprompted-pass\n")
    assert r.exit_code == 0 and "beto" in r.output and "prompted-pass" not in r.output
    from footprint.store import Store
    from footprint.web.auth import authenticate

    with Store.open(sqlite_cli.url) as s:
        assert authenticate(s, "beto", "prompted-pass")["role"] == "viewer"
        assert authenticate(s, "beto", "wrong-pass") is None


@pytest.mark.parametrize("args,stdin,where", [
    (["user", "add", "ana", "--password-stdin"], "short\n", "password"),
    (["user", "add", "a b", "--password-stdin"], "long-password\n", "NAME"),
    (["user", "add", "ana", "--role", "god", "--password-stdin"], "long-password\n", "role"),
])
def test_user_add_refuses_bad_input(sqlite_cli, args: list[str], stdin: str, where: str) -> None:
    r = sqlite_cli(*args, input=stdin)
    assert r.exit_code == 2
    assert where in r.output and r.output.count("\n") == 1 and "Traceback" not in r.output


# --- the bundled dataset --------------------------------------------------------------------------------


def _bundled_has_records() -> bool:
    data = Path(__file__).resolve().parent.parent / "data"
    return data.is_dir() and any(p.is_file() for p in data.rglob("*.json*"))


def test_bundled_registry_pages(request: pytest.FixtureRequest) -> None:
    if not _bundled_has_records():
        pytest.skip("the bundled dataset (data/) has no records yet")
    url = request.getfixturevalue("bundled_url")
    with Web(create_app(url)) as client:
        for path in ("/", "/map", "/timeline", "/claims", "/search?q=callao"):
            assert client.get(path).status_code == 200, path
        # the headline verdict is shown in words of the page's language, never as a code
        from footprint.answers import ask
        from footprint.store import Store

        with Store.open(url) as store:
            for lang in ("es", "en"):
                label = ask(store, "¿Hay bases militares de Estados Unidos en el Perú?", lang=lang)["verdict_label"]
                home = client.get(f"/?lang={lang}").text
                assert f"<strong>{label}</strong>" in home and "depends_on_definition" not in home
        items = client.get("/api/records?limit=200").json()["items"]
        for item in items[:: max(1, len(items) // 25)]:
            assert client.get(item["url"]).status_code == 200, item["id"]


# --- a real server ----------------------------------------------------------------------------------------


def test_real_server_smoke(tmp_path: Path) -> None:
    from footprint.store import Store

    url = f"sqlite:///{tmp_path / 'served.db'}"
    with Store.open(url) as s:
        seed(s)
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([str(Path(sys.executable).parent / "footprint"), "--db", url, "serve", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0, env=env)
    try:
        wait_for_output(proc, b"Uvicorn running on", timeout=30)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            home = client.get("/")
            assert home.status_code == 200 and "footprint" in home.text
            assert client.get("/api/records?kind=site").json()["total"] == 1
            assert client.get("/site/pe-test-naval-base?lang=en").status_code == 200
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/".encode() in out
