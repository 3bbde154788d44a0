"""Fact-checks: claim decomposition and rating, claim and review records, ClaimReview JSON-LD, ``footprint claim``.

The claims are tests/fixtures/claims.toml (every example claim of ../shared/data/peru-facts/claims-examples.json,
in Spanish and English, plus claims written from facts.md); they are checked on the test registry
tests/fixtures/answers_registry.json, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import orjson
import pytest
from test_ask import FIXTURES, answers_store, answers_url, registry_records  # noqa: F401  (shared fixtures)

from footprint.answers import check_claim, claim_review, review_claim, save_claim
from footprint.answers.claims import Part, rate
from footprint.errors import InputError, NotFound

CLAIMS = tomllib.loads((FIXTURES / "claims.toml").read_text(encoding="utf-8"))["claim"]
RATINGS = {"true", "mostly_true", "mixed", "misleading", "false", "unproven"}
CHECKER_RATINGS = {"Falso": "false", "Engañoso": "misleading", "Verdadero": "true", "Mixto": "mixed"}


def _ids(claim: dict[str, Any]) -> str:
    return claim["en"][:40]


def test_claim_set_covers_every_example_claim(shared_data: Path) -> None:
    examples = json.loads((shared_data / "peru-facts" / "claims-examples.json").read_text(encoding="utf-8"))
    by_text = {c["es"]: c for c in CLAIMS}
    for example in examples:
        mine = by_text.get(example["claim_es"])
        assert mine is not None, example["claim_es"]
        assert mine["en"] == example["claim_en"]
        checker = CHECKER_RATINGS.get(example["verdict"].split(" / ")[0].strip())
        # footprint's rating matches the fact-checkers', or the fixture explains why not
        assert mine["rating"] == checker or mine.get("explain"), example["claim_en"]
    assert len(CLAIMS) >= 15


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("claim", CLAIMS, ids=_ids)
def test_claim_rating(answers_store: Any, claim: dict[str, Any], lang: str) -> None:  # noqa: F811
    if claim.get("needs_analysis"):
        pytest.importorskip("footprint.analysis", reason="the base verdict needs footprint.analysis")
    result = check_claim(answers_store, claim[lang])
    assert result["lang"] == lang
    assert result["verdict"] == claim["rating"], result["parts"]
    assert {p["kind"]: p["status"] for p in result["parts"]} == claim["parts"]
    assert set(result) >= {"claim", "lang", "answer", "verdict", "facts", "citations", "parts"}
    for part in result["parts"]:
        assert set(part) >= {"text", "status", "evidence", "missing"}
        if part["status"] in ("supported", "contradicted"):
            assert part["evidence"], part
        if part["status"] == "unverifiable":
            assert part["missing"], part
    if result["verdict"] != "unproven":
        assert any(c["record"] and c["source_url"].startswith("http") for c in result["citations"])


@pytest.mark.parametrize("statuses, rating", [
    ([], "unproven"),
    ([("event", "unverifiable")], "unproven"),
    ([("event", "contradicted"), ("characterization", "supported")], "misleading"),
    ([("event", "contradicted"), ("detail", "supported")], "false"),
    ([("event", "disputed")], "mixed"),
    ([("event", "supported"), ("characterization", "contradicted")], "misleading"),
    ([("detail", "contradicted")], "false"),
    ([("detail", "supported"), ("detail", "contradicted")], "mixed"),
    ([("event", "supported"), ("detail", "supported")], "true"),
    ([("event", "supported"), ("detail", "unverifiable")], "mostly_true"),
])
def test_rating_rules(statuses: list[tuple[str, str]], rating: str) -> None:
    parts = [Part("x", role, "x", status) for role, status in statuses]
    assert rate(parts)[0] == rating


def test_claim_answer_text(answers_store: Any) -> None:  # noqa: F811
    es = check_claim(answers_store, "EE.UU. compró la Base Naval del Callao por US$1.500 millones.")
    assert es["answer"].startswith("Calificación propuesta: Falso.")
    assert "procurement:pe-dsca-25-37" in es["answer"]
    en = check_claim(answers_store, "EE.UU. compró la Base Naval del Callao por US$1.500 millones.", lang="en")
    assert en["answer"].startswith("Proposed rating: False.")
    assert en["facts"] == es["facts"]
    assert (es["verdict"], es["verdict_label"], en["verdict_label"]) == ("false", "Falso", "False")


@pytest.mark.parametrize("bad", ["", "  ", None, 3.5, "a\x00b"])
def test_unusable_claim_raises(answers_store: Any, bad: object) -> None:  # noqa: F811
    with pytest.raises(InputError):
        check_claim(answers_store, bad)


def test_nonsense_claim_is_unproven(answers_store: Any) -> None:  # noqa: F811
    result = check_claim(answers_store, "lorem ipsum dolor sit amet")
    assert result["verdict"] == "unproven" and result["parts"] == [] and result["facts"] == []
    long = check_claim(answers_store, "base " * 30_000)
    assert long["verdict"] == "unproven" and long["understood"] is False


# --- claim and review records (SQLite and PostgreSQL) -------------------------------------------------------


def test_save_propose_and_review(store: Any) -> None:
    store.put_many(registry_records())
    result = check_claim(store, "Hay una base de EE.UU. en Iquitos.")
    ids = save_claim(store, result, claimant="Una cuenta viral", appearance="https://example.org/post/1",
                     date="2026-01-20")
    claim = store.get(ids["claim"]).record
    proposal = store.get(ids["review"]).record
    assert claim.text == "Hay una base de EE.UU. en Iquitos." and claim.claimant == "Una cuenta viral"
    assert proposal.reviewer_kind == "footprint" and proposal.rating == "false" and proposal.evidence
    review_id = review_claim(store, ids["claim"], "misleading", "Ana Editora", summary="A funded COER, not a base")
    human = store.get(review_id).record
    assert human.reviewer_kind == "editor" and human.rating == "misleading" and human.proposed_rating == "false"
    assert store.get(ids["review"]).record.rating == "false"  # the proposal is kept beside the human review
    second = review_claim(store, ids["claim"], "false", "Ana Editora")
    assert second != review_id
    ld = claim_review(store, ids["claim"], "en")
    assert ld["@context"] == "https://schema.org" and ld["@type"] == "ClaimReview"
    assert ld["claimReviewed"] == "Hay una base de EE.UU. en Iquitos."
    assert ld["author"] == {"@type": "Person", "name": "Ana Editora"}
    assert ld["reviewRating"]["ratingValue"] == 1 and ld["reviewRating"]["alternateName"] == [
        {"@language": "en", "@value": "False"}, {"@language": "es", "@value": "Falso"}]
    assert ld["itemReviewed"]["appearance"] == [{"@type": "CreativeWork", "url": "https://example.org/post/1"}]
    assert ld["itemReviewed"]["author"]["name"] == "Una cuenta viral" and ld["datePublished"]
    assert ld["url"].endswith("/claim/" + ids["claim"].split(":", 1)[1])


def test_review_errors(store: Any) -> None:
    with pytest.raises(NotFound):
        review_claim(store, "claim:nothing-here", "false", "Ana")
    with pytest.raises(InputError):
        review_claim(store, "claim:nothing-here", "pants-on-fire", "Ana")
    with pytest.raises(NotFound):
        claim_review(store, "claim:nothing-here")


def test_cli_claim_save_review_export(cli: Any) -> None:
    from footprint.store import Store

    with Store.open(cli.url) as s:
        s.put_many(registry_records())
    checked = cli("claim", "Unarmed US troops came for APEC 2024.", "--json")
    assert checked.exit_code == 0, checked.output
    assert orjson.loads(checked.output)["verdict"] == "false"
    saved = cli("claim", "There is a US base in Iquitos", "--save", "--json")
    assert saved.exit_code == 0, saved.output
    claim_id = orjson.loads(saved.output)["saved"]["claim"]
    reviewed = cli("claim", "review", claim_id, "--rating", "false", "--reviewer", "Ed", "--json")
    assert reviewed.exit_code == 0, reviewed.output
    exported = cli("claim", "export", claim_id, "--lang", "es")
    assert exported.exit_code == 0
    assert orjson.loads(exported.output)["reviewRating"]["name"] == "Falso"


@pytest.mark.parametrize("args, code", [
    (["claim", ""], 2), (["claim"], 2),
    (["claim", "review", "claim:none", "--rating", "false", "--reviewer", "A"], 1),
    (["claim", "review", "claim:none", "--rating", "bogus", "--reviewer", "A"], 2),
    (["claim", "lorem ipsum", "--save"], 2), (["claim", "export", "claim:none"], 1),
])
def test_cli_claim_errors(sqlite_cli: Any, args: list[str], code: int) -> None:
    result = sqlite_cli(*args)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output


def test_bundled_claims_export_as_claimreview(bundled_url: str) -> None:
    from footprint.store import Store

    with Store.open(bundled_url) as s:
        claims = [c["id"] for c in s.iter_data("claim")]
        assert claims
        for claim_id in claims:
            ld = claim_review(s, claim_id, "es")
            assert ld["@type"] == "ClaimReview" and ld["claimReviewed"]
            assert ld["reviewRating"]["alternateName"][0]["@language"] == "es"
        similar = check_claim(s, "EE.UU. compró la Base Naval del Callao por US$1.500 millones.")
        assert similar["similar"], "the stored fact-check of the same claim is shown"
        assert similar["verdict"] in RATINGS


def test_any_text_gets_a_rating_or_a_clean_refusal(answers_store: Any) -> None:  # noqa: F811
    from hypothesis import given, settings
    from hypothesis import strategies as st

    words = st.sampled_from(["EE.UU.", "base", "bases", "compró", "600", "soldados", "APEC", "2024", "Iquitos",
                             "autorizó", "armed", "troops", "sin armas", "para instalar", "US$1.5",
                             "billion", "y",
                             "Colombia", "disfrazada", "COER", "750", "¿", "?", "ñ", " "])

    @settings(max_examples=150, deadline=None)
    @given(st.lists(words, max_size=15).map(" ".join) | st.text(max_size=200))
    def check(text: str) -> None:
        try:
            result = check_claim(answers_store, text)
        except InputError:
            assert not text.strip() or "\x00" in text
            return
        assert result["verdict"] in RATINGS and result["answer"]

    check()


@pytest.mark.parametrize("text, rating", [
    ("EE.UU. compró la Base Naval del Callao por US$1.500 millones.", "false"),
    ("Peru's Congress authorized US troops for all of 2026 in order to install a US base.", "misleading"),
    ("Unos 600 militares armados de EE.UU. ingresaron al Perú por la cumbre APEC 2024.", "true"),
    ("The US is building a new military base in Amazonas, Peru, disguised as a Regional Emergency Operations "
     "Center.", "misleading"),
])
def test_bundled_example_claims(bundled_url: str, text: str, rating: str) -> None:
    from footprint.store import Store

    with Store.open(bundled_url) as s:
        result = check_claim(s, text)
    assert result["verdict"] == rating, result["parts"]
    assert any(c["record"] and c["source_url"].startswith("http") for c in result["citations"])
