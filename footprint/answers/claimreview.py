"""schema.org ClaimReview JSON-LD for a claim and its review, with bilingual rating labels.

The review exported is the latest human one (``reviewer_kind`` ``editor``), else footprint's proposal, else an
external fact-checker's review stored in the registry.
"""

from __future__ import annotations

from typing import Any

from ..errors import NotFound
from . import i18n
from .evidence import view

REVIEWER_ORDER = ("editor", "footprint", "external")


def pick_review(reviews: list[dict[str, Any]]) -> dict[str, Any] | None:
    for kind in REVIEWER_ORDER:
        mine = [r for r in reviews if r.get("reviewer_kind", "external") == kind]
        if mine:
            return max(mine, key=lambda r: (r.get("date") or "", r["id"]))
    return None


def rating_label(rating: str, lang: str) -> list[dict[str, str]]:
    """The rating's names, the requested language first, as JSON-LD language-tagged values."""
    other = "en" if lang == "es" else "es"
    return [{"@language": code, "@value": i18n.RATINGS[rating][code]} for code in (lang, other)]


def claim_review(store: Any, claim_id: str, lang: str = "es", base_url: str = "") -> dict[str, Any]:
    if lang not in ("es", "en"):
        from ..errors import InputError

        raise InputError(f"{lang!r} is not a supported language (es, en)", where="lang")
    v = view(store)
    claim = v.get(claim_id)
    if claim is None or not claim_id.startswith("claim:"):
        raise NotFound(f"no claim {claim_id!r}")
    reviews = [r for r in v.kind("review") if r.get("claim") == claim_id]
    review = pick_review(reviews)
    if review is None:
        raise NotFound(f"the claim {claim_id!r} has no review yet")
    rating = review["rating"]
    text = claim["text_en"] if lang == "en" and claim.get("lang") != "en" and claim.get("text_en") else claim["text"]
    slug = claim_id.split(":", 1)[1]
    value = i18n.RATING_VALUE[rating]
    person = review.get("reviewer_kind") == "editor"
    item: dict[str, Any] = {"@type": "Claim"}
    if claim.get("claimant"):
        item["author"] = {"@type": "Person", "name": claim["claimant"]}
    if claim.get("date"):
        item["datePublished"] = claim["date"]
    if claim.get("appearance"):
        item["appearance"] = [{"@type": "CreativeWork", "url": claim["appearance"]}]
    rating_ld: dict[str, Any] = {"@type": "Rating", "alternateName": rating_label(rating, lang),
                                 "name": i18n.RATINGS[rating][lang]}
    if value is not None:
        rating_ld.update({"ratingValue": value, "bestRating": 5, "worstRating": 1})
    citations = [c["source_url"] for c in v.citations(review.get("evidence", []))]
    out: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": review.get("url") if review.get("reviewer_kind") == "external" and review.get("url")
        else f"{base_url}/claim/{slug}",
        "claimReviewed": text,
        "inLanguage": lang,
        "itemReviewed": item,
        "author": {"@type": "Person" if person else "Organization",
                   "name": review.get("reviewer") or "footprint"},
        "reviewRating": rating_ld,
        "identifier": review["id"],
    }
    if review.get("date"):
        out["datePublished"] = review["date"]
    if review.get("summary"):
        out["reviewBody"] = review["summary"]
    if citations:
        out["citation"] = list(dict.fromkeys(citations))
    return out
