"""footprint.answers: question understanding, answers from the registry, the ``ask`` command.

The question set is tests/fixtures/questions.toml (Spanish and English, written from ../shared/data/peru-facts);
answers are checked on a registry loaded from tests/fixtures/answers_registry.json, on SQLite and PostgreSQL,
and end to end on the bundled dataset.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from footprint.answers import ask, understand
from footprint.answers.compose import base_verdict
from footprint.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures"
CASES = tomllib.loads((FIXTURES / "questions.toml").read_text(encoding="utf-8"))["case"]
BASE_VERDICTS = {"no_base", "base", "depends_on_definition", "unknown"}


def registry_records() -> list[Any]:
    from footprint.model import parse_record

    return [parse_record(d) for d in orjson.loads((FIXTURES / "answers_registry.json").read_bytes())]


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def answers_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A registry holding the test records, once per engine for the whole module (read-only)."""
    from conftest import _pg_schema_url

    from footprint.store import Store

    if request.param == "sqlite":
        urls: Iterator[str] = iter([f"sqlite:///{tmp_path_factory.mktemp('answers') / 'registry.db'}"])
    else:
        urls = _pg_schema_url()
    url = next(urls)
    with Store.open(url) as s:
        s.put_many(registry_records())
    yield url
    for _ in urls:  # drops the PostgreSQL schema
        pass


@pytest.fixture(scope="module")
def answers_store(answers_url: str) -> Iterator[Any]:
    from footprint.store import Store

    s = Store.open(answers_url)
    yield s
    s.close()


def _ids(case: dict[str, Any]) -> str:
    return case["en"][:40]


def _record_ids(result: dict[str, Any]) -> set[str]:
    return {r for f in result["facts"] for r in f.get("records", [])}


# --- understanding (no database) ----------------------------------------------------------------------------


def test_question_set_is_large_enough() -> None:
    assert len(CASES) * 2 >= 60
    assert {c["intent"] for c in CASES} >= {"base", "personnel", "authorization", "vote", "authorized", "where",
                                             "doing", "presence", "definition", "compare", ""}


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_understanding(case: dict[str, Any], lang: str) -> None:
    u = understand(case[lang])
    assert (u.intent or "") == case["intent"], u.scores
    assert u.understood == bool(case["intent"])
    if not case.get("any_lang"):
        assert u.lang == lang
    for key, want in case.get("slots", {}).items():
        got = u.slots.get(key)
        if isinstance(want, list):
            assert got is not None and all(w in got for w in want), (key, got)
        else:
            assert got == want, (key, got)


@pytest.mark.parametrize("question, intent, place", [
    ("¿hay bases militares de eeuu en el peru", "base", None),
    ("HAY BASES MILITARES DE EE.UU. EN EL PERÚ", "base", None),
    ("hay vases militares en iqitos", "base", "iquitos"),
    ("¿Hay US bases en el Perú?", "base", None),
    ("bases militares yanquis en el cuzco", "base", "cusco"),
    ("¿Hay una base en el VRAE?", "base", "vraem"),
])
def test_accents_typos_aliases_and_mixed_language(question: str, intent: str, place: str | None) -> None:
    u = understand(question)
    assert u.intent == intent
    if place:
        assert place in u.slots["places"]


def test_dates_in_peruvian_spanish() -> None:
    assert understand("¿Quién estaba en el Perú el 8 de setiembre de 2016?").slots["date"] == "2016-09-08"
    assert understand("¿Había militares en el Callao en setiembre de 2016?").slots["month"] == "2016-09"


@pytest.mark.parametrize("bad", ["", "   \n\t", None, 42, b"hay bases", "a\x00b"])
def test_unusable_input_raises_input_error(bad: object) -> None:
    with pytest.raises(InputError):
        understand(bad)


def test_bad_language_is_input_error() -> None:
    with pytest.raises(InputError):
        understand("¿Hay bases?", lang="fr")


# --- the headline verdict from classify rows (DESIGN.md's rule) ---------------------------------------------


def _row(site: str, official: dict[str, str], broad: str) -> dict[str, Any]:
    return {"site": site, "results": [
        {"typology": "us_global_defense_posture", "category": next((c for c, s in official.items() if s == "met"),
                                                                   None), "categories": official},
        {"typology": "broad_foreign_installation",
         "category": "foreign_military_installation" if broad == "met" else None,
         "categories": {"foreign_military_installation": broad}}]}


@pytest.mark.parametrize("rows, verdict", [
    ([_row("site:a", {"MOB": "met", "FOS": "not_met", "CSL": "not_met"}, "met")], "base"),
    ([_row("site:a", {"MOB": "not_met", "FOS": "not_met", "CSL": "met"}, "not_met")], "no_base"),
    ([_row("site:a", {"MOB": "not_met", "FOS": "not_met", "CSL": "unknown"}, "met")], "depends_on_definition"),
    ([_row("site:a", {"MOB": "not_met", "FOS": "unknown", "CSL": "not_met"}, "not_met")], "unknown"),
    ([], "unknown"),
    (None, "unknown"),
])
def test_base_verdict(rows: list[dict[str, Any]] | None, verdict: str) -> None:
    assert base_verdict(rows)[0] == verdict


# --- answers on the test registry (SQLite and PostgreSQL) ---------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_answers(answers_store: Any, case: dict[str, Any]) -> None:
    results = {lang: ask(answers_store, case[lang]) for lang in ("es", "en")}
    for lang, r in results.items():
        assert r["lang"] == lang or case.get("any_lang")
        assert set(r) >= {"question", "lang", "answer", "verdict", "facts", "citations", "intent", "understood"}
        assert r["answer"].strip()
        missing = [x for x in case.get("records", []) if x not in _record_ids(r)]
        assert not missing, (lang, missing)
        if "verdict" in case:
            assert r["verdict"] == case["verdict"], lang
        if case["intent"] == "base":
            assert r["verdict"] in BASE_VERDICTS
        if case.get("presence"):
            assert any(c["record"] and c["source_url"].startswith("http") for c in r["citations"]), lang
        for c in r["citations"]:
            assert set(c) == {"record", "source_url", "title", "date"}
        if not case["intent"]:
            assert r["understood"] is False and r["facts"] == [] and r["verdict"] is None
    assert results["es"]["facts"] == results["en"]["facts"]  # the same question in both languages: same facts


def test_answer_structure_direct_then_nuance_then_sources(answers_store: Any) -> None:
    r = ask(answers_store, "¿Hay bases militares de EE.UU. en el Perú?")
    text = r["answer"]
    assert text.startswith("No en el sentido tradicional")
    assert text.index("Lo que muestra el registro:") < text.index("Fuentes:")
    assert "site:pe-centro-medico-naval" in text and "https://www.med.navy.mil/" in text
    en = ask(answers_store, "¿Hay bases militares de EE.UU. en el Perú?", lang="en")
    assert en["lang"] == "en" and en["answer"].startswith("Not in the traditional sense")


def test_numbers_come_from_the_registry(answers_store: Any) -> None:
    r = ask(answers_store, "How many US troops came for APEC?")
    assert "600" in r["answer"].split("\n")[0]
    compare = ask(answers_store, "¿Cuántos soldados de EE.UU. hay en Colombia comparado con el Perú?")
    first = compare["answer"].split("\n")[0]
    assert "62" in first and "42" in first


def test_out_of_scope_suggests_what_it_can_answer(answers_store: Any) -> None:
    r = ask(answers_store, "What will the weather be tomorrow?")
    assert r["understood"] is False and r["facts"] == [] and r["citations"] == []
    assert "Are there US military bases in Peru?" in r["answer"]


def test_a_long_paste_is_not_understood_but_answered(answers_store: Any) -> None:
    r = ask(answers_store, "bases " * 20_000)
    assert r["understood"] is False and "too long" in r["answer"] or "demasiado largo" in r["answer"]


def test_empty_registry_invents_nothing(store: Any) -> None:
    r = ask(store, "¿Hay bases militares de EE.UU. en el Perú?")
    assert r["verdict"] == "unknown" and r["facts"] == [] and r["citations"] == []
    r = ask(store, "How many US troops came for APEC?")
    assert r["facts"] == [] and "no personnel figure" in r["answer"]


def test_answers_follow_changes_to_the_registry(store: Any) -> None:
    records = registry_records()
    store.put_many([r for r in records if not r.id.startswith("personnel_count:")])
    before = ask(store, "¿Hay tropas de EE.UU. en el Perú ahora?")
    assert "personnel_count:us-pe-2025q4" not in _record_ids(before)
    store.put_many([r for r in records if r.id.startswith("personnel_count:")])
    after = ask(store, "¿Hay tropas de EE.UU. en el Perú ahora?")
    assert "personnel_count:us-pe-2025q4" in _record_ids(after)


# --- the command --------------------------------------------------------------------------------------------


def test_cli_ask_json(cli: Any) -> None:
    from footprint.store import Store

    with Store.open(cli.url) as s:
        s.put_many(registry_records())
    result = cli("ask", "¿Cuántos militares de EE.UU. vinieron por APEC?", "--json")
    assert result.exit_code == 0, result.output
    data = orjson.loads(result.output)
    assert data["intent"] == "personnel" and data["lang"] == "es"
    assert any(c["record"] == "authorization:pe-bill-9307" for c in data["citations"])
    text = cli("ask", "How", "many", "US", "troops", "came", "for", "APEC?")
    assert text.exit_code == 0 and text.output.startswith("US personnel for APEC")


@pytest.mark.parametrize("args, stdin", [
    (["ask", ""], None), (["ask"], None), (["ask", "   "], None), (["ask", "-"], "a\x00b"),
    (["ask", "-"], None), (["ask", "--lang", "fr", "hola"], None),
])
def test_cli_unusable_question_exits_2(sqlite_cli: Any, args: list[str], stdin: str | None) -> None:
    result = sqlite_cli(*args, input=stdin)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


@pytest.mark.parametrize("question", ["asdf qwerty", "¿Qué hora es?", "x" * 100_000,
                                      "¿Hay US bases in the Perú or no?", "🙂🙂🙂"])
def test_cli_well_formed_questions_exit_0(sqlite_cli: Any, question: str) -> None:
    result = sqlite_cli("ask", "-", "--json", input=question)
    assert result.exit_code == 0, result.output
    data = orjson.loads(result.output)
    assert data["answer"] and data["lang"] in ("es", "en")


# --- end to end on the bundled dataset ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled_store(bundled_url: str) -> Iterator[Any]:
    from footprint.store import Store

    s = Store.open(bundled_url)
    yield s
    s.close()


@pytest.mark.parametrize("case", [c for c in CASES if c.get("presence")], ids=_ids)
def test_bundled_presence_answers_cite_sources(bundled_store: Any, case: dict[str, Any]) -> None:
    es, en = ask(bundled_store, case["es"]), ask(bundled_store, case["en"])
    assert es["facts"] == en["facts"]
    for r in (es, en):
        assert r["understood"]
        if r["facts"]:
            assert any(c["record"] and c["source_url"].startswith("http") for c in r["citations"])
        if r["intent"] == "base":
            assert r["verdict"] in BASE_VERDICTS


def test_bundled_headline_questions(bundled_store: Any) -> None:
    base = ask(bundled_store, "¿Hay bases militares de EE.UU. en el Perú?")
    ids = _record_ids(base)
    assert "site:pe-centro-medico-naval" in ids and "personnel_count:us-pe-2025q4" in ids
    assert base["citations"]
    # NAMRU SOUTH: a permanent foreign unit on a host base meets the broad reading, no site meets MOB or FOS
    assert base["verdict"] == "depends_on_definition" and base["answer"].startswith("No en el sentido tradicional")
    apec = ask(bundled_store, "How many US troops came for APEC?")
    assert "600" in apec["answer"].split("\n")[0]
    votes = ask(bundled_store, "¿Quién autorizó el ingreso de tropas en 2023 y cuántos votaron a favor?")
    assert "vote:pe-2023-05-25T22-56" in _record_ids(votes)


def test_bench_ask_uses_the_whole_question_set() -> None:
    from footprint.bench import ask as bench

    assert len(bench.questions()) == 2 * len(CASES)
    assert bench.percentile([5.0, 1.0, 3.0, 2.0, 4.0], 50) == 3.0
    assert bench.percentile([1.0, 2.0], 95) == 2.0


def test_any_text_is_understood_or_refused_cleanly() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=300, deadline=None)
    @given(st.text(max_size=300))
    def check(text: str) -> None:
        try:
            u = understand(text)
        except InputError:
            assert not text.strip() or "\x00" in text
            return
        assert u.lang in ("es", "en") and (u.intent is None) == (not u.understood)

    check()


@pytest.mark.parametrize("question, intent, slots", [
    ("¿El Congreso aprobó la entrada de militares estadounidenses este año?", "authorization", {"years": [2026]}),
    ("How many US troops came last year?", "personnel", {"years": [2025]}),
    ("¿Cuántos militares gringos hay ahorita en el país?", "personnel", {"now": True, "visiting": "US"}),
    ("¿Es cierto que hay una base gringa en Iquitos?", "base", {"places": ["iquitos"], "visiting": "US"}),
    ("¿Cuántos marines vinieron el 2024?", "personnel", {"years": [2024]}),
    ("¿Qué hacen los gringos en Pucusana?", "doing", {"places": ["pucusana"]}),
    ("Is NAMRU a military base?", "base", {"places": ["namru"]}),
])
def test_peruvian_and_relative_phrasings(question: str, intent: str, slots: dict[str, Any]) -> None:
    import datetime as dt

    u = understand(question, today=dt.date(2026, 5, 1))
    assert u.intent == intent
    for key, want in slots.items():
        assert u.slots.get(key) == want, key


def test_places_named_as_the_registry_names_them(store: Any) -> None:
    from footprint.model import parse_record

    store.put_many(registry_records() + [
        parse_record({"id": "place:pe-070106", "name": "Ventanilla", "level": "district", "country": "PE",
                      "ubigeo": "070106", "parent": "place:pe-cal"}),
        parse_record({"id": "authorization:pe-test-ventanilla", "visiting_country": "US", "host_country": "PE",
                      "purpose_category": "training", "start": "2025-03-01", "end": "2025-03-10", "personnel": 12,
                      "places": ["place:pe-070106"], "sources": [{"source": "source:rpp-2026"}]})])
    r = ask(store, "¿Hubo militares de EE.UU. en Ventanilla en 2025?")
    assert r["slots"]["places"] == ["ventanilla"]
    assert "authorization:pe-test-ventanilla" in _record_ids(r)
    assert "authorization:pe-rl-32214" not in _record_ids(r)  # elsewhere in the same year


def test_a_base_of_another_country_is_not_the_us_presence(answers_store: Any) -> None:
    r = ask(answers_store, "¿Hay bases chinas en el Perú?")
    assert r["slots"]["visiting"] == "CN" and r["verdict"] == "unknown"
    assert "site:pe-centro-medico-naval" not in _record_ids(r)
    assert "China" in r["answer"].split("\n")[0]


# --- how the headline presents host facilities, tenant units and historical sites ---------------------------


def test_bundled_headline_groups_host_and_tenant_and_dates_historical_sites(bundled_store: Any) -> None:
    es = ask(bundled_store, "¿Hay bases militares de EE.UU. en el Perú?")
    en = ask(bundled_store, "Are there US military bases in Peru?")
    assert es["facts"] == en["facts"] and es["verdict"] == en["verdict"] == "depends_on_definition"
    for r, unit, also, historical, unknown in (
            (es, "unidad de US Navy alojada en", "también en Clínica Naval de Iquitos", "histórico: desde el "
             "8 de setiembre de 1989", "fecha de cierre desconocida"),
            (en, "a US Navy unit inside", "also at Clínica Naval de Iquitos", "historical: from 8 September 1989",
             "closure date unknown")):
        qualifies = r["answer"].split("\n")[0].split(" califica: " if r is es else " qualifies: ", 1)[1]
        # the host facilities are named with their tenant unit, not as qualifying sites of their own
        assert qualifies.startswith("US Naval Medical Research Unit SOUTH")
        assert unit in qualifies and "Centro Médico Naval" in qualifies and also in qualifies
        assert qualifies.count("Centro Médico Naval") == 1 and qualifies.count("Clínica Naval de Iquitos") == 1
        assert "(Marina de Guerra del Perú, Callao)" in qualifies
        # Santa Lucía is historical, with its dates, and its closure is not invented
        santa = qualifies[qualifies.index("Base Policial Antidrogas de Santa Lucía"):]
        assert historical in santa and unknown in santa and "1990" in santa
    # the verdict logic is the analysis': the same sites meet the broad reading
    broad = {f["record"] for f in es["facts"] if f["type"] == "classification" and f["broad"]}
    assert {"site:pe-namru-south", "site:pe-centro-medico-naval", "site:pe-base-antidrogas-santa-lucia"} <= broad


def test_grouping_comes_from_the_records(store: Any) -> None:
    from footprint.answers import i18n
    from footprint.answers.evidence import view
    from footprint.answers.facts import qualifying, render_groups
    from footprint.model import parse_record

    src = [{"source": "source:s"}]
    store.put_many([parse_record(d) for d in [
        {"id": "source:s", "url": "https://example.org/s", "title": "S"},
        {"id": "place:pe-lor", "name": "Loreto", "level": "department", "country": "PE"},
        {"id": "place:pe-x-port", "name": "Puerto X", "level": "facility", "country": "PE", "parent": "place:pe-lor"},
        {"id": "site:pe-x-host", "name": "Puerto Naval X", "host_country": "PE", "place": "place:pe-x-port",
         "operator": "Marina X", "tenants": ["site:pe-x-unit"], "sources": src},
        {"id": "site:pe-x-unit", "name": "Unidad Z", "host_country": "PE", "place": "place:pe-x-port",
         "site_type": "foreign_facility", "operator": "Navy Z", "facts": {"host_site": "site:pe-x-host"},
         "sources": src},
        {"id": "site:pe-x-old", "name": "Viejo Campo", "host_country": "PE", "start": "1970-02",
         "end": "1975-06-30", "facts": {"historical": True}, "sources": src},
    ]])
    groups = qualifying(view(store), ["site:pe-x-old", "site:pe-x-host", "site:pe-x-unit"])
    assert [g["type"] for g in groups] == ["unit", "historical"]
    assert groups[0]["host"] == "site:pe-x-host" and groups[0]["place"] == "Loreto"
    assert render_groups(groups, "en") == ("Unidad Z: a Navy Z unit inside Puerto Naval X (Marina X, Loreto); "
                                           "Viejo Campo, historical: from February 1970; until 30 June 1975")
    assert "hasta el 30 de junio de 1975" in render_groups(groups, "es")
    assert i18n.verdict_label("depends_on_definition", "es") == "depende de la definición"


def test_ask_gives_a_localized_verdict_label(bundled_store: Any) -> None:
    es = ask(bundled_store, "¿Hay bases militares de EE.UU. en el Perú?")
    en = ask(bundled_store, "Are there US military bases in Peru?")
    assert (es["verdict_label"], en["verdict_label"]) == ("depende de la definición", "depends on the definition")
    assert ask(bundled_store, "¿Qué hora es?")["verdict_label"] is None


def test_spanish_answers_name_typology_criteria_in_spanish(bundled_store: Any) -> None:
    from footprint.analysis.typologies import load_typologies
    from footprint.answers import i18n

    names = {c for t in load_typologies() for c in t.criteria}
    assert names <= set(i18n.CRITERIA), sorted(names - set(i18n.CRITERIA))
    es = ask(bundled_store, "¿Qué es un CSL?")
    en = ask(bundled_store, "What is a CSL?")
    assert es["facts"] == en["facts"]
    line = next(x for x in es["answer"].split("\n") if "Criterios" in x)
    assert "de propiedad y bajo control del país anfitrión" in line and "Owned and controlled" not in line
    assert "owned and controlled by the host nation" in next(x for x in en["answer"].split("\n") if "Criteria" in x)


def test_a_total_of_several_nations_is_not_given_as_us_personnel(bundled_store: Any) -> None:
    for question, words in (("¿Cuántos militares vinieron para Resolute Sentinel 2024?", "de todas las naciones"),
                            ("How many US troops came for Resolute Sentinel 2024?", "of all nations")):
        r = ask(bundled_store, question)
        direct, rest = r["answer"].split("\n", 1)
        assert "1,500" not in direct and "1,098" in direct  # the authorized US cap, not the 7-nation total
        assert f"1,500 {'observados' if r['lang'] == 'es' else 'observed'} {words}" in rest
