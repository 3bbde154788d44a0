"""Answers and fact-checks: plain questions in Spanish and English, answered from the registry with citations.

Entry points (JSON-ready dicts, DESIGN.md's ``ask`` / ``claim`` contract):

- ``ask(store, question, lang=None)`` -> ``{"question", "lang", "intent", "understood", "answer", "verdict",
  "verdict_label" (the verdict in the answer's language, or None), "facts", "citations", "slots"}``
- ``check_claim(store, text, lang=None)`` -> ``{"claim", "lang", "answer", "verdict" (a rating), "facts",
  "citations", "parts": [{"text", "kind", "status", "evidence", "missing"}], "similar"}``
- ``save_claim(store, result, ...)`` / ``review_claim(store, claim_id, rating, reviewer)``: claim and review records
- ``claim_review(store, claim_id, lang="es")`` -> schema.org ClaimReview JSON-LD

Unusable input (not text, empty) raises :class:`footprint.errors.InputError`; anything else gets an answer,
if need be one that says the question was not understood.
"""

from __future__ import annotations

from typing import Any

from .understand import MAX_QUESTION, Understanding, normalize, understand


def ask(store: Any, question: object, lang: str | None = None) -> dict[str, Any]:
    """Answer one question from the registry (see the module docstring for the shape)."""
    from . import i18n
    from .compose import COMPOSERS
    from .evidence import view
    from .render import assemble, citations_for

    u = understand(question, lang)
    base = {"question": u.text, "lang": u.lang, "intent": u.intent, "understood": u.understood, "verdict": None,
            "verdict_label": None, "facts": [], "citations": [], "slots": u.slots, "warnings": []}
    if not u.understood:
        examples = "; ".join(f"«{e}»" if u.lang == "es" else f'"{e}"' for e in i18n.EXAMPLES[u.lang])
        text = i18n.t("not_understood", u.lang, examples=examples)
        if u.reason == "too_long":
            text = i18n.t("too_long", u.lang, n=len(question) if isinstance(question, str) else 0,  # type: ignore[arg-type]
                          max=MAX_QUESTION, rest=text)
        return {**base, "answer": text}
    v = view(store)
    if not u.slots.get("places") and u.intent in PLACE_INTENTS:  # places named as the registry names them
        mentioned = v.places_mentioned(u.norm)
        if mentioned:
            u.slots["places"] = mentioned
    comp = COMPOSERS[u.intent](v, u.slots, u.lang)  # type: ignore[index]
    cites = citations_for(v, comp.facts)
    answer = assemble(v, comp, cites, u.lang, skip_types=("definition",))
    warnings = list(dict.fromkeys(v.errors)) if u.intent in ANALYSIS_INTENTS else []
    return {**base, "answer": answer, "verdict": comp.verdict, "verdict_label": i18n.verdict_label(comp.verdict, u.lang),
            "facts": comp.facts, "citations": cites, "warnings": warnings}


ANALYSIS_INTENTS = ("base", "authorized")
PLACE_INTENTS = ("base", "presence", "where", "doing", "personnel", "authorization")  # the intents whose answers read footprint.analysis


def check_claim(store: Any, text: object, lang: str | None = None) -> dict[str, Any]:
    from .claims import check_claim as _check

    return _check(store, text, lang)


def save_claim(store: Any, result: dict[str, Any], **kwargs: Any) -> dict[str, str]:
    from .claims import save_claim as _save

    return _save(store, result, **kwargs)


def review_claim(store: Any, claim_id: str, rating: str, reviewer: str, **kwargs: Any) -> str:
    from .claims import review_claim as _review

    return _review(store, claim_id, rating, reviewer, **kwargs)


def claim_review(store: Any, claim_id: str, lang: str = "es", base_url: str = "") -> dict[str, Any]:
    from .claimreview import claim_review as _claim_review

    return _claim_review(store, claim_id, lang, base_url)


__all__ = ["Understanding", "ask", "check_claim", "claim_review", "normalize", "review_claim", "save_claim",
           "understand"]
