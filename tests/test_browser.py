"""What a person sees, in headless Chromium (Debian's ``chromium`` driven by Playwright), against a real server.

Skips with the reason when ``/usr/bin/chromium`` is absent, unless ``FOOTPRINT_REQUIRE_BROWSER=1``. Screenshots
are kept in ``tests/artifacts/`` (git-ignored).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_helpers import EDITOR, live_server, seed

from footprint.web import create_app
from footprint.web.i18n import MESSAGES

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        if os.environ.get("FOOTPRINT_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM} is absent (FOOTPRINT_REQUIRE_BROWSER=1 makes it required)")
        pytest.skip(f"{CHROMIUM} is absent: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def site(sqlite_url: str) -> Iterator[str]:
    from footprint.store import Store

    store = Store.open(sqlite_url)
    seed(store)
    try:
        with live_server(create_app(store=store)) as base:
            yield base
    finally:
        store.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(20000)
    yield pg
    context.close()


def shot(page: Any, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


PAGES = {"home": "/", "map": "/map", "timeline": "/timeline", "search": "/search?q=naval", "ask": "/ask",
         "claims": "/claims", "downloads": "/downloads", "site": "/site/pe-test-naval-base",
         "authorization": "/authorization/pe-rl-99999", "claim": "/claim/test-bases", "login": "/login"}


@pytest.mark.parametrize("lang", ["es", "en"])
def test_each_page_in_both_languages(site: str, page: Any, lang: str) -> None:
    page.goto(f"{site}/?lang={lang}")
    for name, path in PAGES.items():
        response = page.goto(site + path)  # the language is remembered in the cookie
        assert response.status == 200, path
        assert page.get_attribute("html", "lang") == lang, path
        assert page.locator("header nav").inner_text().startswith(MESSAGES[lang]["nav_home"])
        shot(page, f"{name}-{lang}")


def test_language_switch_link(site: str, page: Any) -> None:
    page.goto(site + "/timeline")
    assert page.get_attribute("html", "lang") == "es"
    page.click("header .langs a[hreflang=en]")
    assert page.get_attribute("html", "lang") == "en"
    assert page.locator("h1").inner_text() == MESSAGES["en"]["timeline_title"]


def test_map_filters(site: str, page: Any) -> None:
    page.goto(site + "/map?lang=en")
    assert page.locator("svg .departments path").count() == 25
    page.select_option("select[name=year]", "2024")
    page.select_option("select[name=country]", "US")
    page.select_option("select[name=purpose]", "training")
    page.click("#map-filters button[type=submit]")
    page.wait_for_url("**/map?year=2024&country=US&purpose=training")
    assert page.locator("select[name=year]").input_value() == "2024"
    shot(page, "map-filtered")
    marks = page.locator("svg circle.mark")
    if marks.count():
        href = page.locator("svg .marks a").first.get_attribute("href")
        page.goto(site + href)
        assert page.locator("h1").count() == 1
    page.goto(site + "/map?year=2024&purpose=ship_visit")
    assert page.locator("select[name=purpose]").input_value() == "ship_visit"


def test_ask_box(site: str, page: Any) -> None:
    page.goto(site + "/?lang=en")
    page.fill("form.askbox input[name=q]", "Are there US bases in Iquitos?")
    page.press("form.askbox input[name=q]", "Enter")
    page.wait_for_url("**/ask?q=*")
    assert "Are there US bases in Iquitos?" in page.locator("h2.question").inner_text()
    assert page.locator(".answer, .unavailable, .error").count() >= 1
    shot(page, "ask-answer")


def test_editor_corrects_a_record_and_sees_it_in_the_history(site: str, page: Any) -> None:
    page.goto(site + "/site/pe-test-naval-base?lang=en")
    assert page.locator("a", has_text=MESSAGES["en"]["record_edit"]).count() == 0  # the public side is read-only
    page.click(f"text={MESSAGES['en']['nav_signin']}")
    page.fill("input[name=username]", EDITOR[0])
    page.fill("input[name=password]", EDITOR[1])
    page.click("form.login button[type=submit]")
    page.wait_for_url("**/site/pe-test-naval-base")
    page.click(f"text={MESSAGES['en']['record_edit']}")
    text = page.input_value("textarea[name=record]")
    assert '"operator": "Marina de Guerra del Perú"' in text
    page.fill("textarea[name=record]", text.replace("Marina de Guerra del Perú", "Marina de Guerra (corregido)"))
    shot(page, "edit-form")
    page.click("form.edit button[type=submit]")
    page.wait_for_url("**/site/pe-test-naval-base*")
    assert "Marina de Guerra (corregido)" in page.locator("table.fields").inner_text()
    history = page.locator("table.history").inner_text()
    assert EDITOR[0] in history and "update" in history and "operator" in history
    shot(page, "record-after-edit")


def test_bundled_registry_screens(request: pytest.FixtureRequest, page: Any) -> None:
    data = Path(__file__).resolve().parent.parent / "data"
    if not any(data.glob("*.json")):
        pytest.skip("the bundled dataset (data/) has no records yet")
    url = request.getfixturevalue("bundled_url")
    with live_server(create_app(url)) as base:
        for name, path in (("bundled-home", "/?lang=en"), ("bundled-map", "/map"), ("bundled-timeline", "/timeline"),
                           ("bundled-home-es", "/?lang=es")):
            assert page.goto(base + path).status == 200
            shot(page, name)
        for kind in ("site", "authorization", "claim", "vote"):
            page.goto(f"{base}/api/records?kind={kind}&limit=1")
            items = page.evaluate("() => JSON.parse(document.body.innerText).items")
            if items:
                assert page.goto(base + items[0]["url"]).status == 200
                assert page.locator("#history").count() == 1
                shot(page, f"bundled-{kind}")
