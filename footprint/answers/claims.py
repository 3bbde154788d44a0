"""Fact-checks: a claim decomposed into checkable parts, each checked against the registry and the analysis.

A part is one assertion of a kind listed in :data:`lexicon.CLAIM_PARTS` (ownership, a base, a number of troops,
an authorization, armed or not, a purpose, a disguise, a count of bases abroad, an amount). Each part gets a
status (``supported``, ``contradicted``, ``disputed`` when it depends on the definition of "base",
``unverifiable``), the evidence (record ids) and what is missing. The rating comes from the parts by the rules
of :data:`lexicon.RATING_RULES`. A human can then confirm or change it: both are kept as ``review`` records.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError, NotFound
from . import facts as F
from . import i18n, lexicon
from .compose import Composition, activities, authorizations, compose_base, window
from .evidence import View, view
from .render import assemble, citations_for
from .understand import MAX_QUESTION, correct, detect_lang, extract_slots, normalize

RATINGS = tuple(i18n.RATINGS)
FULL_YEAR = re.compile(r"\b(todo|todo el|durante todo|all of|all|throughout|the whole of|entire)\s*(ano\s*)?"
                       r"(19|20)\d\d\b")
PERMANENT = ("permanente", "permanentes", "permanentemente", "permanent", "permanently", "stationed",
             "destacados", "acantonados")
UNARMED = ("sin armas", "unarmed", "desarmados", "desarmadas")
SIMILAR = 75  # token_sort_ratio from which a stored claim is "the same claim"
MONEY = re.compile(r"(?:US\$|\$|USD)\s?[\d.,]+(?:\s(?:mil millones|millones|millón|million|billion))?|"
                   r"[\d.,]+\s(?:mil millones|millones|million|billion)\s(?:de\s)?(?:dólares|dollars)", re.I)
TOLERANCE = 0.25  # a number of troops within 25% of a figure on record is that figure ("unos 600", "1,000")


@dataclass
class Part:
    kind: str
    role: str
    text: str
    status: str = "unverifiable"
    evidence: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    note: str = ""
    note_key: str = ""
    note_args: dict[str, Any] = field(default_factory=dict)
    missing_keys: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def say(self, key: str, **args: Any) -> None:
        """Why the status is what it is: an i18n note, rendered in the answer's language."""
        self.note_key, self.note_args = key, args

    def lack(self, key: str, **args: Any) -> None:
        """What the registry would need to check this part (rendered in the answer's language)."""
        self.missing_keys.append((key, args))

    def render_note(self, lang: str) -> None:
        for key, args in self.missing_keys:
            args = {k: i18n.country(x, lang) if k == "country" else x for k, x in args.items()}
            self.missing.append(i18n.t(f"missing.{key}", lang, **args))
        if self.note_key:
            args = dict(self.note_args)
            if "categories" in args:
                args["categories"] = ", ".join(i18n.purpose(c, lang) for c in args["categories"])
            for k in ("buyer", "country"):
                if k in args:
                    args[k] = i18n.country(args[k], lang)
            if "status" in args:
                args["status"] = i18n.pick(i18n.STATUSES, args["status"], lang)
            self.note = i18n.t(f"note.{self.note_key}", lang, **args)

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "kind": self.kind, "role": self.role, "status": self.status,
                "evidence": self.evidence, "missing": self.missing, "note": self.note}


@dataclass
class Context:
    v: View
    slots: dict[str, Any]
    norm: str
    lang: str

    @property
    def host(self) -> str:
        return str(self.slots.get("host", "PE"))

    @property
    def visiting(self) -> str:
        return str(self.slots.get("visiting", "US"))

    def keys(self) -> list[str]:
        return list(self.slots.get("places", []))

    def auths(self) -> list[dict[str, Any]]:
        return authorizations(self.v, self.slots)

    def troop_numbers(self) -> list[float]:
        amounts = set(self.slots.get("amounts", []))
        return [n for n in self.slots.get("numbers", []) if n >= 1 and n * 1e6 not in amounts
                and n * 1e9 not in amounts and n not in amounts]


# --- decomposition ------------------------------------------------------------------------------------------


def _clauses(text: str) -> list[str]:
    parts = re.split(r"(?<!\d),|,(?!\d)|[;/()]| y | and | para | in order to | for ", text)
    return [p.strip() for p in parts if p.strip()]


def _snippet(text: str, trigger: str) -> str:
    for clause in _clauses(text):
        if f" {trigger} " in f" {normalize(clause)} ":
            return clause
    return text if len(text) <= 160 else text[:157] + "..."


def decompose(text: str, norm: str, slots: dict[str, Any]) -> list[Part]:
    found: dict[str, Part] = {}
    for kind, role, triggers in lexicon.CLAIM_PARTS:
        hit = next((t for t in triggers if f" {t} " in f" {norm} "), None)
        if hit and kind not in found:
            found[kind] = Part(kind, role, _snippet(text, hit))
    if any(f" {u} " in f" {norm} " for u in UNARMED):
        found.pop("armed", None)
        found["unarmed"] = Part("unarmed", "detail", _snippet(text, next(u for u in UNARMED
                                                                         if f" {u} " in f" {norm} ")))
    counts = [n for n in slots.get("numbers", []) if n not in slots.get("amounts", [])]
    if "base_count" in found and not counts:
        found.setdefault("base", Part("base", "event", found.pop("base_count").text))
    if found.keys() & {"ownership", "purpose", "base_count"}:
        found.pop("base", None)
    if "troops" in found and not counts:
        found.pop("troops")
    if "base_count" in found:
        found.pop("troops", None)
    if slots.get("amounts"):
        money = MONEY.search(text)
        found["amount"] = Part("amount", "detail", money.group(0).strip() if money else text)
    order = [k for k, _, _ in lexicon.CLAIM_PARTS] + ["unarmed", "amount"]
    return sorted(found.values(), key=lambda p: order.index(p.kind))


# --- checks -------------------------------------------------------------------------------------------------


def _funded(v: View, sites: set[str]) -> list[str]:
    out = []
    for sid in sorted(sites):
        s = v.get(sid) or {}
        coded = {lb.get("label") for lb in s.get("labels", []) if lb.get("value") in (1, True)}
        if s.get("site_type") == "funded_facility" or "fundedsite" in coded:
            out.append(sid)
    return out


def _host_run(site: dict[str, Any], host: str) -> bool:
    """A site the host controls with no foreign unit inside (or a funded facility, which the host runs)."""
    if site.get("tenants") or site.get("site_type") == "foreign_facility":
        return False
    return site.get("controlled_by") == host or site.get("site_type") == "funded_facility"


def check_ownership(ctx: Context, part: Part) -> None:
    v, host = ctx.v, ctx.host
    keys = [k for k in ctx.keys() if lexicon.PLACE_COUNTRY.get(k, "PE") == host]
    _, sites, _ = v.scope(keys, host)
    if keys:
        procs = [p for p in v.kind("procurement") if p.get("site") in sites]
        for p in procs:
            if p.get("buyer_country") == host:
                part.status, part.evidence = "contradicted", [p["id"], p["site"]]
                part.say("procurement", record=p["id"], buyer=p["buyer_country"], status=p.get("status"))
                return
        named = [v.get(s) or {} for s in sorted(sites)]
        if any(s.get("controlled_by") == ctx.visiting for s in named):
            part.status = "supported"
            part.evidence = [s["id"] for s in named if s.get("controlled_by") == ctx.visiting]
        elif named and all(s.get("controlled_by") == host for s in named):
            part.status, part.evidence = "contradicted", [s["id"] for s in named]
            part.say("controlled", country=host)
        else:
            part.lack("control", places=", ".join(keys))
        return
    _country_level(ctx, part)


def _country_level(ctx: Context, part: Part) -> None:
    """A claim about a country's bases as a whole: the analysis' verdict, or the datasets' own coding."""
    v = ctx.v
    summary = v.summary(ctx.host, ctx.visiting)
    sites = [s for s in v.kind("site") if s.get("host_country") == ctx.host]
    coded = [s["id"] for s in sites if F.labels(s)]
    if summary and summary["verdict"] == "base":
        part.status = "supported"
        part.evidence = [s["site"] for t in summary["typologies"] if t["official"] for c in t["categories"]
                         if c["base"] for s in c["sites"]]
    elif coded:
        part.status, part.evidence = "disputed", coded
        part.say("coded_sites")
    elif summary and summary["verdict"] in ("no_base", "depends_on_definition"):
        part.status = "contradicted"
        part.evidence = [s["id"] for s in sites][:10]
    else:
        part.lack("sites", country=ctx.host)


def check_base(ctx: Context, part: Part) -> None:
    comp = compose_base(ctx.v, ctx.slots, ctx.lang)
    keys = ctx.keys()
    _, sites, _ = ctx.v.scope(keys, ctx.host)
    records = [r for f in comp.facts for r in f.get("records", [])]
    if comp.verdict == "base":
        part.status = "supported"
    elif comp.verdict in ("no_base", "depends_on_definition"):
        part.status = "contradicted"
        if comp.verdict == "depends_on_definition":
            part.say("broad_only")
    elif sites and _funded(ctx.v, sites) and all(_host_run(ctx.v.get(s) or {}, ctx.host) for s in sites):
        part.status = "contradicted"
        part.say("funded")
        records = _funded(ctx.v, sites) + records
    else:
        part.lack("classification")
    part.evidence = list(dict.fromkeys(records))[:12]


def check_disguise(ctx: Context, part: Part) -> None:
    _, sites, _ = ctx.v.scope(ctx.keys(), ctx.host)
    funded = _funded(ctx.v, sites)
    if funded:
        part.status, part.evidence = "supported", funded
        part.say("funded_exists")
    else:
        part.lack("facility")


def check_base_count(ctx: Context, part: Part) -> None:
    abroad = [s for s in ctx.v.kind("site") if s.get("host_country") != ctx.visiting]
    if not abroad:
        part.lack("abroad")
        return
    coded: dict[str, int] = {}
    for s in abroad:
        for lb in s.get("labels", []):
            if lb.get("value") in (1, True):
                coded[str(lb.get("label"))] = coded.get(str(lb.get("label")), 0) + 1
    countries = {s.get("host_country") for s in abroad}
    part.status = "disputed"
    part.evidence = sorted({c["source"] for s in abroad for c in s.get("sources", [])})[:5]
    part.say("count", sites=len(abroad), countries=len(countries),
             coding=", ".join(f"{k} {n}" for k, n in sorted(coded.items())))


def check_authorization(ctx: Context, part: Part) -> None:
    auths = ctx.auths()
    if not auths:
        part.lack("authorization")
        return
    part.status, part.evidence = "supported", [a["id"] for a in auths]
    m = FULL_YEAR.search(ctx.norm)
    if m:
        year = m.group(0)[-4:]
        whole = [a for a in auths if (a.get("start") or "") <= f"{year}-01-01" and (a.get("end") or "")[:10]
                 >= f"{year}-12-31"]
        if not whole:
            part.status = "contradicted"
            part.say("not_whole_year", year=year)
        else:
            part.evidence = [a["id"] for a in whole]


def _figures(ctx: Context) -> list[tuple[float, str]]:
    out = [(float(a["personnel"]), a["id"]) for a in ctx.auths() if a.get("personnel") is not None]
    for act in activities(ctx.v, ctx.slots):
        for k in ("personnel_observed", "personnel_planned"):
            if act.get(k) is not None:
                out.append((float(act[k]), act["id"]))
    permanent = any(f" {w} " in f" {ctx.norm} " for w in PERMANENT)
    if permanent:  # "5,000 troops permanently stationed": only the permanent-assignment counts compare
        out = []
    if permanent or not out:
        count = F.latest_count(ctx.v, ctx.visiting, ctx.host, window(ctx.slots)[1])
        if count and count.get("active_duty") is not None:
            out.append((float(count["active_duty"]), count["id"]))
    return out


def check_troops(ctx: Context, part: Part) -> None:
    numbers = ctx.troop_numbers()
    figures = _figures(ctx)
    if not numbers or not figures:
        part.lack("figure")
        return
    n = max(numbers)
    close = [rid for value, rid in figures if abs(value - n) <= TOLERANCE * max(value, n)]
    if close:
        part.status, part.evidence = "supported", close
    else:
        part.status, part.evidence = "contradicted", [rid for _, rid in figures][:6]
        part.say("figures", figures=", ".join(i18n.number(value) for value, _ in figures[:6]))


def _armed(ctx: Context, part: Part, claimed: bool) -> None:
    known = [a for a in ctx.auths() if a.get("armed") is not None]
    if not known:
        part.lack("armed")
        return
    match = [a["id"] for a in known if a["armed"] is claimed]
    part.status = "supported" if match else "contradicted"
    part.evidence = match or [a["id"] for a in known]


def check_armed(ctx: Context, part: Part) -> None:
    _armed(ctx, part, True)


def check_unarmed(ctx: Context, part: Part) -> None:
    _armed(ctx, part, False)


_BASE_PURPOSE = ("base", "bases", "instalar", "install", "set up", "montar", "establecer")


def check_purpose(ctx: Context, part: Part) -> None:
    auths = ctx.auths()
    if not auths:
        part.lack("authorization")
        return
    said = normalize(part.text) + " " + ctx.norm
    stated = " ".join(normalize(str(a.get("purpose") or "")) for a in auths)
    claimed = [w for w in ("venezuela", "guerra", "war", "invasion", "invadir") if f" {w} " in f" {said} "]
    base_claimed = any(f" {w} " in f" {said} " for w in _BASE_PURPOSE)
    if claimed and not any(f" {w} " in f" {stated} " for w in claimed) or base_claimed and not any(
            a.get("purpose_category") in ("logistics",) and "base" in normalize(str(a.get("purpose"))) for a in auths):
        part.status, part.evidence = "contradicted", [a["id"] for a in auths]
        part.say("purposes", categories=sorted({str(a.get("purpose_category") or "other") for a in auths}))
    else:
        part.status, part.evidence = "supported", [a["id"] for a in auths]


def check_amount(ctx: Context, part: Part) -> None:
    amount = max(ctx.slots.get("amounts", [0]))
    for p in ctx.v.kind("procurement"):
        if p.get("value_usd") and abs(p["value_usd"] - amount) <= 0.1 * amount:
            part.status, part.evidence = "supported", [p["id"]]
            part.say("amount", record=p["id"], status=p.get("status"))
            return
    part.lack("transaction")


CHECKS: dict[str, Callable[[Context, Part], None]] = {
    "ownership": check_ownership, "disguise": check_disguise, "base_count": check_base_count,
    "base": check_base,
    "authorization": check_authorization, "troops": check_troops, "armed": check_armed,
    "unarmed": check_unarmed,
    "purpose": check_purpose, "amount": check_amount,
}


# --- rating -------------------------------------------------------------------------------------------------


def _has(parts: list[Part], status: str, role: str | None = None) -> bool:
    return any(p.status == status and (role is None or p.role == role) for p in parts)


PREDICATES: dict[str, Callable[[list[Part]], bool]] = {
    "nothing_checked": lambda ps: all(p.status == "unverifiable" for p in ps),
    "event_contradicted_referent_real": lambda ps: _has(ps, "contradicted", "event")
    and _has(ps, "supported", "characterization"),
    "event_contradicted": lambda ps: _has(ps, "contradicted", "event"),
    "definitional": lambda ps: _has(ps, "disputed"),
    "characterization_contradicted": lambda ps: _has(ps, "contradicted", "characterization")
    and _has(ps, "supported"),
    "contradicted_only": lambda ps: _has(ps, "contradicted") and not _has(ps, "supported"),
    "supported_and_contradicted": lambda ps: _has(ps, "supported") and _has(ps, "contradicted"),
    "all_supported": lambda ps: all(p.status == "supported" for p in ps),
    "supported_some_unverified": lambda ps: _has(ps, "supported") and not _has(ps, "contradicted"),
    "otherwise": lambda ps: True,
}


def rate(parts: list[Part]) -> tuple[str, str]:
    """(rating, the rule that gave it)."""
    for rule, rating in lexicon.RATING_RULES:
        if PREDICATES[rule](parts):
            return rating, rule
    return "unproven", "otherwise"  # pragma: no cover


# --- entry points -------------------------------------------------------------------------------------------


def _validate(text: object, lang: str | None) -> str:
    if not isinstance(text, str):
        raise InputError(f"expected the claim as text, got {type(text).__name__}", where="claim")
    if lang is not None and lang not in ("es", "en"):
        raise InputError(f"{lang!r} is not a supported language (es, en)", where="lang")
    if not text.strip():
        raise InputError("the claim is empty", where="claim")
    if "\x00" in text:
        raise InputError("the claim is not text (it holds NUL bytes)", where="claim")
    return text.strip()


def similar_reviews(v: View, norm: str) -> list[dict[str, Any]]:
    """Reviews of stored claims that say nearly the same thing (for the reader; they do not set the rating)."""
    from rapidfuzz import fuzz

    out = []
    numbers = set(re.findall(r"\d+", norm))
    for c in v.kind("claim"):
        texts = [normalize(t) for t in (c.get("text"), c.get("text_en")) if t]
        best = max((fuzz.token_sort_ratio(norm, t) for t in texts
                    if numbers <= set(re.findall(r"\d+", t))), default=0)  # same words, and no other number
        if best >= SIMILAR:
            for r in v.kind("review"):
                if r.get("claim") == c["id"]:
                    out.append({"claim": c["id"], "review": r["id"], "rating": r.get("rating"),
                                "reviewer": r.get("reviewer"), "reviewer_kind": r.get("reviewer_kind"),
                                "date": r.get("date"), "url": r.get("url"), "score": round(best)})
    return out


def check_claim(store: Any, text: object, lang: str | None = None) -> dict[str, Any]:
    claim = _validate(text, lang)
    if len(claim) > MAX_QUESTION:
        lang = lang or detect_lang(normalize(claim[:MAX_QUESTION]))
        return {"claim": claim[:200], "lang": lang, "understood": False, "verdict": "unproven",
                "verdict_label": i18n.RATINGS["unproven"][lang], "facts": [],
                "citations": [], "parts": [], "similar": [],
                "answer": i18n.t("too_long", lang, n=len(claim), max=MAX_QUESTION, rest=i18n.t("claim.nothing", lang))}
    norm = correct(normalize(claim))
    lang = lang or detect_lang(norm)
    slots = extract_slots(norm)
    v = view(store)
    ctx = Context(v, slots, norm, lang)
    parts = decompose(claim, norm, slots)
    for part in parts:
        CHECKS[part.kind](ctx, part)
        part.render_note(lang)
    rating, rule = rate(parts)
    fs = _evidence_facts(v, parts)
    cites = citations_for(v, fs)
    similar = similar_reviews(v, norm)
    lines = [i18n.t("claim.intro", lang, rating=i18n.RATINGS[rating][lang])]
    for p in parts:
        line = i18n.t("claim.part", lang, text=p.text, status=i18n.PART_STATUS[p.status][lang],
                      evidence=f" ({p.note})" if p.note else "") + "."
        if p.missing:
            line += " " + i18n.t("claim.missing", lang, missing="; ".join(p.missing))
        lines.append("- " + line)
    if not parts:
        lines.append(i18n.t("claim.nothing", lang))
    for s in similar:
        lines.append(i18n.t("claim.similar", lang, reviewer=s["reviewer"], date=f" ({s['date']})" if s.get("date") else "",
                            rating=i18n.RATINGS.get(s["rating"], {}).get(lang, s["rating"]),
                            record=s["review"]))

    answer = assemble(v, Composition("\n".join(lines), rating, fs), cites, lang)
    return {"claim": claim, "lang": lang, "understood": bool(parts), "answer": answer, "verdict": rating,
            "verdict_label": i18n.RATINGS[rating][lang], "rule": rule, "facts": fs, "citations": cites, "parts": [p.as_dict() for p in parts],
            "similar": similar, "slots": slots}


def _evidence_facts(v: View, parts: list[Part]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for p in parts:
        for rid in p.evidence:
            if rid in seen:
                continue
            seen.add(rid)
            r = v.get(rid)
            if not r:
                continue
            kind = rid.split(":", 1)[0]
            builder = {"authorization": lambda r: F.authorization(v, r), "activity": lambda r: F.activity(v, r),
                       "personnel_count": F.permanent, "procurement": F.procurement, "site": F.site}.get(kind)
            if builder:
                out.append(builder(r))
            elif kind == "source":
                out.append({"type": "source", "record": rid, "records": [rid], "title": r.get("title")})
    return out


# --- claim and review records -------------------------------------------------------------------------------


def save_claim(store: Any, result: dict[str, Any], *, claimant: str | None = None, appearance: str | None = None,
               date: str | None = None, actor: str = "footprint") -> dict[str, str]:
    """Store a checked claim and footprint's proposed review; returns ``{"claim": id, "review": id}``."""
    from ..model import parse_record, slugify

    text = result["claim"]
    slug = slugify(text)[:60].strip("-")
    claim_id = f"claim:{slug}"
    review_id = f"review:{slug}-footprint"
    about = [c["record"] for c in result.get("citations", []) if c.get("record")][:20]
    sources = _sources(result)
    claim = parse_record({"id": claim_id, "text": text, "lang": result["lang"], "claimant": claimant,
                          "appearance": appearance, "date": date, "about": about, "sources": sources},
                         where="claim")
    review = parse_record({
        "id": review_id, "claim": claim_id, "rating": result["verdict"], "reviewer": "footprint",
        "reviewer_kind": "footprint", "date": dt.date.today().isoformat(), "summary": _summary(result),
        "evidence": list(dict.fromkeys(r for p in result["parts"] for r in p["evidence"]))[:40],
        "sources": sources,
    }, where="review")
    store.put_many([claim, review], actor=actor)
    return {"claim": claim_id, "review": review_id}


def _sources(result: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for c in result.get("citations", []):
        for rid in [c.get("record")]:
            if rid and rid.startswith("source:"):
                out.append({"source": rid})
    return out


def _summary(result: dict[str, Any]) -> str:
    return "; ".join(f"{p['kind']}: {p['status']}" + (f" ({p['note']})" if p.get("note") else "")
                     for p in result["parts"]) or "no checkable part"


def review_claim(store: Any, claim_id: str, rating: str, reviewer: str, *, summary: str | None = None,
                 url: str | None = None, actor: str | None = None) -> str:
    """Record a human review (``reviewer_kind`` ``editor``); footprint's proposal, if any, is kept beside it."""
    from ..model import parse_record, slugify

    if rating not in RATINGS:
        raise InputError(f"{rating!r} is not a rating ({', '.join(RATINGS)})", where="rating")
    if not reviewer.strip():
        raise InputError("the reviewer's name is empty", where="reviewer")
    stored = store.get_many([claim_id])
    if claim_id not in stored:
        raise NotFound(f"no claim {claim_id!r}")
    v = view(store)
    proposed = [r for r in v.kind("review") if r.get("claim") == claim_id and r.get("reviewer_kind") == "footprint"]
    slug = stored[claim_id].record.slug
    review_id = f"review:{slug}-{slugify(reviewer)}"
    n = 2
    while store.get_many([review_id]):
        review_id = f"review:{slug}-{slugify(reviewer)}-{n}"
        n += 1
    record = parse_record({
        "id": review_id, "claim": claim_id, "rating": rating, "reviewer": reviewer.strip(),
        "reviewer_kind": "editor", "date": dt.date.today().isoformat(), "summary": summary, "url": url,
        "proposed_rating": proposed[-1]["rating"] if proposed else None,
        "evidence": proposed[-1].get("evidence", []) if proposed else [],
    }, where="review")
    store.put_many([record], actor=actor or reviewer.strip())
    return review_id
